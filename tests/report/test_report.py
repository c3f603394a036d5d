"""The report for any event: a new event, a third article in the study, a BASIL triplet, reproducible builds.

These build whole reports (every notebook), so they take minutes; they are the proof that the
notebooks work for events and outlets they were not written for.
"""

from __future__ import annotations

import json
import re
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from conftest import DEMO_CORPUS, QUICK_ARGS, copy_project, run, unused_outlet

import helpers

NOTEBOOKS = sorted((helpers.ROOT / "notebooks").glob("*.ipynb"))
STUDY_WORDS = ("Bloomberg", "Associated Press", "Syria", "Kerry", "Lavrov")
IMAGE = re.compile(r'<img[^>]+src="data:image/(?:png|svg\+xml)')


def _check_event_report(out: Path, outlets: list[str]) -> None:
    """Every page built with its charts visible, the index leads with findings, every chart captioned."""
    for nb in NOTEBOOKS:
        page = out / f"{nb.stem}.html"
        assert page.is_file(), f"{page} was not built"
        saved = len(list((out / "figures").glob(f"{nb.stem[:2]}-*.png")))
        assert len(IMAGE.findall(page.read_text(encoding="utf-8"))) >= saved >= 1, page.name
        record = helpers.read_page(out / "pages" / f"{nb.stem[:2]}.json")
        assert record.findings, f"{nb.stem}: no findings"
        assert record.figures or nb.stem[:2] not in {"00", "01"}, f"{nb.stem}: no figure in its page record"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert (
        index.index("<h2>Findings</h2>")
        < index.index("<h2>Coverage card</h2>")
        < index.index("<h2>Notebooks")
    )
    assert all(o in index for o in outlets)
    recorded = {f.name: f for page in helpers.read_pages(out).values() for f in page.figures}
    for png in (out / "figures").glob("*.png"):
        meta = recorded.get(png.stem)
        assert meta is not None and meta.title and meta.reading, f"{png.name}: caption missing"
        assert png.with_suffix(".csv").is_file(), f"{png.name}: no CSV behind the chart"
    card = pd.read_csv(out / "figures" / "04-coverage-card.csv")
    assert set(card["outlet"].dropna()) == set(outlets)
    framing = card[card.panel == "Framing"]
    if framing["available"].all():
        assert framing[["low", "high"]].notna().all().all(), "framing panel without interval"
    else:  # too little frame evidence: the panel says so instead of drawing bars (issue 22)
        assert framing["note"].str.startswith("too few frame cues to compare").all()


def _words_in(folder: Path) -> str:
    """All text the report of an event shows or ships (pages, index, CSVs, captions, findings)."""
    return "\n".join(
        p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.suffix in (".html", ".csv", ".json")
    )


def test_demo_event_report(demo_report):
    outlets = helpers.load_articles(demo_report)["outlet"].tolist()
    _check_event_report(demo_report.output, outlets)
    shown = _words_in(demo_report.output)
    leaked = [w for w in STUDY_WORDS if w in shown]
    assert not leaked, f"the demo event's report names the study: {leaked}"
    assert demo_report.title in (demo_report.output / "index.html").read_text(encoding="utf-8")
    top = (helpers.OUTPUT / "index.html").read_text(encoding="utf-8")
    assert 'href="demo-harbour-strike/index.html"' in top


def _third_article(tmp: Path) -> Path:
    """CNN's 9 Sep 2016 article on the talks (AllSides, syria_sep2016); an invented one without ../shared."""
    path = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
    raw = tmp / "cnn.txt"
    if path.is_file():
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            if "syria_sep2016" in (rec.get("tags") or []) and rec["outlet"].startswith("CNN"):
                raw.write_text(f"{rec['title']}\n\n{rec['text']}\n", encoding="utf-8")
                return raw
    raw.write_text(
        "Kerry and Lavrov announce a ceasefire plan after long talks\n\nBy Pat Doe\n\n"
        'The two ministers said the plan was "a turning point", officials said on Friday.\n\n'
        "Critics said the agreement failed to address aid deliveries, according to a statement.\n",
        encoding="utf-8",
    )
    return raw


def _third_article_build(tmp: Path) -> dict:
    """A copy of the project with a third outlet's article added to the study, its report built (the
    study's own numbers use 10,000 bootstrap replicates: only the corpus is the small one) and the seed
    tests run there (they select the seeds by id, so the added article breaks none of them)."""
    project = copy_project(tmp)
    raw = _third_article(tmp)
    folder = project / "articles" / "kerry-lavrov-g20-2016"
    before = helpers.load_articles(folder)["outlet"].tolist()  # the seeds, and any article a user added
    outlet = unused_outlet(folder)
    env = {"FILE": str(raw), "OUTLET": outlet, "PUBLISHED": "2016-09-09"}
    added = run([sys.executable, "scripts/add_article.py"], project, env)
    tests = ["tests/sources/test_articles.py", "tests/instruments/test_framing.py", "tests/test_readme.py",
             "tests/test_facade.py"]  # fmt: skip
    run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], project)
    run([sys.executable, "scripts/build_report.py", "--param", f"corpus_path={DEMO_CORPUS}"], project)
    return {"out": project / "output" / "kerry-lavrov-g20-2016", "outlets": [*before, outlet],
            "added": added.stdout}  # fmt: skip


def _basil_build(tmp: Path) -> dict:
    """A copy of the project with a BASIL triplet that names nothing of the study added as its own event,
    and that event's report built."""
    basil = helpers.SHARED / "corpora" / "basil" / "articles.jsonl"
    if not basil.is_file():
        pytest.skip("../shared/corpora/basil not found: the BASIL event test needs it (CI has it)")
    records = [json.loads(line) for line in basil.open(encoding="utf-8")]
    triplets = pd.DataFrame(records).groupby("triplet_id")
    tid, group = next(
        (t, g) for t, g in triplets if not any(w in " ".join(g["text"]) for w in STUDY_WORDS) and len(g) == 3
    )
    project = copy_project(tmp)
    event_id = f"basil-{tid}".lower().replace("_", "-")
    title = group["main_event"].iloc[0] or f"BASIL triplet {tid}"
    for rec in group.itertuples():
        raw = tmp / f"{rec.outlet_code}.txt"
        raw.write_text(f"{rec.title}\n\n{rec.text}\n", encoding="utf-8")
        env = {"FILE": str(raw), "OUTLET": rec.outlet, "PUBLISHED": str(rec.date)[:10], "EVENT": event_id,
               "TITLE": title}  # fmt: skip
        run([sys.executable, "scripts/add_article.py"], project, env)
    run([sys.executable, "scripts/build_report.py", "--event", event_id, *QUICK_ARGS], project)
    return {"out": project / "output" / event_id, "outlets": group["outlet"].tolist(), "title": title}


def _demo_build(tmp: Path) -> dict:
    """A second build of the demo event, in a copy of the project."""
    project = copy_project(tmp)
    run([sys.executable, "scripts/build_report.py", "--event", "demo-harbour-strike", *QUICK_ARGS], project)
    return {"out": project / "output" / "demo-harbour-strike"}


BUILDS = {
    "test_a_third_article_joins_the_study": _third_article_build,
    "test_a_basil_triplet_becomes_its_own_event": _basil_build,
    "test_two_builds_are_identical_but_for_the_build_time": _demo_build,
}


@pytest.fixture(scope="module")
def builds(request, tmp_path_factory) -> dict[str, Future]:
    """The report builds of this module's selected tests, run at the same time (each a subprocess in its own
    copy of the project; a build alone leaves a core idle much of the time): test name -> its future."""
    selected = {item.name for item in request.session.items if item.name in BUILDS}
    mine = [item for item in request.session.items if getattr(item, "module", None) is request.module]
    if any("demo_report" in item.fixturenames for item in mine):  # its in-process build sets os.environ
        request.getfixturevalue("demo_report")  # so it is built before the subprocesses start
    with ThreadPoolExecutor(max_workers=len(BUILDS)) as pool:
        yield {
            name: pool.submit(BUILDS[name], tmp_path_factory.mktemp(name[5:25])) for name in sorted(selected)
        }


@pytest.mark.slow
def test_a_third_article_joins_the_study(builds):
    got = builds["test_a_third_article_joins_the_study"].result()
    assert "Line roles (review them)" in got["added"]
    _check_event_report(got["out"], got["outlets"])
    outlet = got["outlets"][-1]
    assert helpers.outlet_colours(got["outlets"])[outlet] not in (
        "#999999",
        "#BBBBBB",
    )


@pytest.mark.slow
@pytest.mark.shared
def test_a_basil_triplet_becomes_its_own_event(builds):
    got = builds["test_a_basil_triplet_becomes_its_own_event"].result()
    out = got["out"]
    _check_event_report(out, got["outlets"])
    assert got["title"] in (out / "index.html").read_text(encoding="utf-8")
    leaked = [w for w in STUDY_WORDS if w in _words_in(out)]
    assert not leaked, f"the BASIL event's report names the study: {leaked}"


@pytest.mark.slow
def test_two_builds_are_identical_but_for_the_build_time(builds, demo_report):
    """A second build of the demo event, in a copy of the project, writes the session's build again."""
    second = builds["test_two_builds_are_identical_but_for_the_build_time"].result()["out"]
    builds = [
        {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        for out in (demo_report.output, second)
    ]
    first, second = builds
    assert first.keys() == second.keys()
    differ = [name for name in first if first[name] != second[name]]
    assert set(differ) <= {"index.html"}, f"files that differ between two builds: {differ}"
    a, b = (build["index.html"].decode().splitlines() for build in builds)
    changed = [x for x, y in zip(a, b, strict=True) if x != y]
    assert all(line.startswith('<p class="meta">Built ') for line in changed) and len(changed) <= 1
    assert any(name.endswith(".svg") for name in first), "no SVG in the build (the coverage card)"
