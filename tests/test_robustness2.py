"""Bad and unusual input, round two (issue 24): each test is one row of docs/reliability.md.

User strings stay text, corpus mode neither hangs nor loses results, hard-wrapped text keeps its
body, text is normalised once, builds are atomic, and every error names what it is about.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import helpers
from outlet_comparison.sources.adding import add_article

DEMO = "demo-harbour-strike"
RAW = (
    "Talks collapse at the harbour after long night\n\nBy Jo Smith\n\n"
    "The talks collapsed on Monday, the union said.\n"
)


@pytest.fixture()
def events_root(tmp_path) -> Path:
    """A copy of the demo event to add to and break."""
    root = tmp_path / "articles"
    shutil.copytree(helpers.ARTICLES / DEMO, root / DEMO)
    return root


def _raw(tmp_path: Path, text: str = RAW, name: str = "raw.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


# ---------------------------------------------------------------- 3. user strings are text


def _fake_bin(tmp_path: Path) -> tuple[Path, Path]:
    """A BIN folder whose 'python' prints its arguments and the user variables as JSON, and a fresh stamp."""
    fake = tmp_path / "bin"
    fake.mkdir()
    script = fake / "python"
    keys = ["FILE", "OUTLET", "PUBLISHED", "EVENT", "TITLE"]
    script.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f"print(json.dumps({{'argv': sys.argv[1:], 'env': {{k: os.environ.get(k) for k in {keys!r}}}}}))\n"
    )
    script.chmod(0o755)
    stamp = tmp_path / "stamp"
    stamp.touch()
    return fake, stamp


def _make(tmp_path: Path, target: str, **values: str) -> dict:
    """Run ``make <target> NAME=value ...`` with the fake interpreter; what the script received."""
    fake, stamp = _fake_bin(tmp_path)
    args = ["make", "-s", "-C", str(helpers.ROOT), target, f"BIN={fake}", f"STAMP={stamp}"]
    args += [f"{k}={v}" for k, v in values.items()]
    env = {k: v for k, v in os.environ.items() if k not in values}
    res = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_make_report_event_never_reaches_a_shell(tmp_path):
    evil = 'x"; touch pwned-by-event; echo "'
    got = _make(tmp_path, "report", EVENT=evil)
    assert got["env"]["EVENT"] == evil and evil not in " ".join(got["argv"])
    assert not (helpers.ROOT / "pwned-by-event").exists() and not (tmp_path / "pwned-by-event").exists()


def test_make_keeps_dollar_signs_and_runs_nothing_in_values(tmp_path):
    values = {"OUTLET": "Rock$Roll Daily", "TITLE": "a$(shell touch pwned-by-title)b $$x", "FILE": "f.txt"}
    got = _make(tmp_path, "add-article", **values)
    assert {k: got["env"][k] for k in values} == values
    assert not (helpers.ROOT / "pwned-by-title").exists() and not (tmp_path / "pwned-by-title").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("TITLE", "Talks fail\nagain"),
        ("TITLE", "Talks\rfail"),
        ("OUTLET", "Daily\x07 News"),
        ("OUTLET", "A\u2028B"),
    ],
)
def test_control_characters_in_title_or_outlet_are_refused(events_root, tmp_path, field, value):
    kwargs = {"outlet": "Harbour Times", "title": "Harbour strike", "event": "new-event"}
    kwargs[field.lower()] = value
    with pytest.raises(helpers.ArticleError, match=rf"{field} = .*control character or line break"):
        add_article(_raw(tmp_path), published="2024-03-12", root=events_root, **kwargs)
    assert not (events_root / "new-event").exists()


def test_quotes_and_dollars_in_outlet_and_title_keep_event_toml_readable(events_root, tmp_path):
    title, outlet = 'The "big" strike \\ $5 wage', 'Say "Hi" $Daily\\'
    added = add_article(_raw(tmp_path), outlet, "2024-03-12", title=title, event="quotes", root=events_root)
    ev = helpers.read_event(added.folder)
    assert ev.title == title and outlet in ev.description
    assert helpers.read_manifest(added.folder)["outlet"].tolist() == [outlet]


@pytest.mark.parametrize(
    "name",
    [
        "[Click me](javascript:alert(1))",
        "![x](https://example.org/pixel.png)",
        '<img src="https://example.org/p.png">',
        "<script>alert(1)</script> www.example.org",
        "Rock$Roll $Daily$ *News* _x_ AT&T &amp; 1\\2",
    ],
)
def test_outlet_names_in_generated_text_are_shown_as_text(monkeypatch, tmp_path, name):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj.data))
    sentence = f"**{name}**'s most frequent frame is **conflict**: 1.5 hits per 1,000 words (`docs/x.md`)."
    helpers.say(sentence)
    event = type("E", (), {"output": tmp_path})()
    helpers.show_findings(event, "01", [sentence])
    for md in shown:
        page = markdown2html_mistune(md)
        assert "javascript:alert" not in re.findall(r'href="([^"]*)"', page) and "<img" not in page
        assert "<script" not in page and not any(
            h.startswith(("http", "javascript", "www")) for h in re.findall(r'href="([^"]*)"', page)
        )
        assert "<strong>conflict</strong>" in page and "<code>docs/x.md</code>" in page
    text = html.unescape(re.sub(r"<[^>]+>", "", markdown2html_mistune(shown[0])))
    assert name in text  # every character of the name, as written
    record = helpers.read_page(tmp_path / "pages" / "01.json")
    assert record.findings == [sentence]  # kept as written: the index page escapes the sentence itself


def test_dollar_signs_in_chart_labels_are_not_math(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    helpers.notebook_setup()
    try:
        fig, ax = plt.subplots()
        ax.bar([0], [1], label=r"Rock $\unknowncommand$ Daily")
        ax.set_title("Price $5 to $7")
        ax.legend()
        fig.savefig(tmp_path / "c.png")  # mathtext would fail on the unknown command
        plt.close(fig)
    finally:
        matplotlib.rcParams["text.parse_math"] = True


@pytest.mark.parametrize("field", ["OUTLET", "EVENT", "TITLE"])
def test_very_long_outlet_event_or_title_is_refused_with_a_message(events_root, tmp_path, field):
    kwargs = {"outlet": "Harbour Times", "title": "Harbour strike", "event": "long-one"}
    kwargs[field.lower()] = ("a" * 400) if field == "EVENT" else ("Word" * 100 + " " + "x" * 300)
    with pytest.raises(helpers.ArticleError, match=rf"{field} = .*characters; at most"):
        add_article(_raw(tmp_path), published="2024-03-12", root=events_root, **kwargs)
    with pytest.raises(helpers.ArticleError, match="at most 80"):
        helpers.read_event("a" * 300)


def test_an_outlet_name_of_one_long_word_makes_a_short_file_name(events_root, tmp_path):
    added = add_article(_raw(tmp_path), "Z" * 90, "2024-03-12", root=events_root, event=DEMO)
    assert len(added.row["file"]) < 120


def test_make_report_with_an_unknown_event_lists_the_known_ones():
    res = subprocess.run(
        [sys.executable, str(helpers.ROOT / "scripts" / "build_report.py"), "--event", "demo-harbour-strik"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "no event here" in res.stderr and DEMO in res.stderr and "kerry-lavrov-g20-2016" in res.stderr


# ---------------------------------------------------------------- 2. corpus mode: no hang, no lost results

ARTS = pd.Series(
    ["Talks failed, Kerry said.", "Officials were hopeful.", "This one goes BOOM.", "Last one, he said."],
    index=list("abcd"),
)

_FRAGILE = """
import os, sys, json, time
sys.path.insert(0, {root!r})
import pandas as pd
import helpers
from outlet_comparison.instruments import readability as module
real = module.readability_values
def fragile(text, *a, **k):
    if "BOOM" in text:
        {action}
    return real(text, *a, **k)
module.readability_values = fragile
arts = pd.Series({texts!r}, index={index!r})
t0 = time.monotonic()
out = helpers.analyze(arts, workers=2, chunk_size={chunk}, progress=False, on_error="row")
print(json.dumps({{"seconds": time.monotonic() - t0, "error": out["error"].tolist(),
                  "words": out["words"].tolist()}}))
"""


def _run_fragile(tmp_path: Path, action: str, chunk: int = 2) -> dict:
    """analyze() in a child process with a measure that does ``action`` on the article with BOOM."""
    code = _FRAGILE.format(
        root=str(helpers.ROOT), action=action, texts=ARTS.tolist(), index=list(ARTS.index), chunk=chunk
    )
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=180, cwd=tmp_path
    )  # the old code waited forever here: the timeout makes that a failure
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("action", ["os._exit(3)", "os.kill(os.getpid(), 9)", "sys.exit(1)"])
def test_a_worker_that_dies_costs_only_its_article(tmp_path, action):
    got = _run_fragile(tmp_path, action)
    assert got["error"][2] and all(e is None for k, e in enumerate(got["error"]) if k != 2)
    assert ("WorkerDied" if "sys.exit" not in action else "SystemExit") in got["error"][2]
    expected = helpers.analyze(ARTS.drop("c"), workers=1)["words"].tolist()
    assert [w for k, w in enumerate(got["words"]) if k != 2] == expected


def test_a_failing_article_is_a_row_with_its_error_and_the_others_keep_results(monkeypatch):
    from outlet_comparison.instruments import readability as module

    real = module.readability_values

    def fragile(text, *args, **kwargs):
        if "BOOM" in text:
            raise ValueError("cannot score this")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(module, "readability_values", fragile)
    good = helpers.analyze(ARTS.drop("c"), workers=1, progress=False)
    for workers in (1, 2):
        out = helpers.analyze(ARTS, workers=workers, chunk_size=4, progress=False, on_error="row")
        assert (
            out.loc["c", "error"] == "ValueError: cannot score this"
            and out.loc["c", "words"] != out.loc["c", "words"]
        )
        pd.testing.assert_frame_equal(out.drop(index="c").drop(columns="error"), good)
        with pytest.raises(
            helpers.ArticleError, match=r"1 of 4 article\(s\) failed \(article 'c': ValueError"
        ) as exc:
            helpers.analyze(ARTS, workers=workers, chunk_size=4, progress=False)
        pd.testing.assert_frame_equal(exc.value.results.drop(index="c"), good)


def test_a_stored_run_skips_finished_articles(tmp_path, monkeypatch):
    from outlet_comparison.corpus import engines

    store = tmp_path / "store"
    first = helpers.analyze(ARTS.iloc[:2], workers=1, store=store, progress=False)
    calls = []
    real = engines.features_of

    def counted(text, *args, **kwargs):
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(engines, "features_of", counted)
    again = helpers.analyze(ARTS, workers=1, store=store, progress=False)
    assert calls == ARTS.iloc[2:].tolist()  # only the two articles not measured before
    pd.testing.assert_frame_equal(again.iloc[:2], first)
    with open(store / "features.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"key": "cut sh')  # a line cut short by an interrupted run
    calls.clear()
    pd.testing.assert_frame_equal(helpers.analyze(ARTS, workers=1, store=store, progress=False), again)
    assert calls == []


@pytest.mark.cluster
def test_dask_scheduler_without_workers_ends_naming_the_articles(tmp_path):
    pytest.importorskip("dask.distributed")
    code = f"""
import sys, time
sys.path.insert(0, {str(helpers.ROOT)!r})
import helpers
from dask.distributed import LocalCluster
with LocalCluster(n_workers=0, dashboard_address=None) as cluster:
    t0 = time.monotonic()
    try:
        helpers.analyze(["a b c.", "d e f."], engine="dask", scheduler=cluster.scheduler_address,
                        worker_timeout=3, progress=False)
    except helpers.ArticleError as exc:
        print(f"{{time.monotonic() - t0:.0f}} {{exc}}")
"""
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert "no worker joined the scheduler" in res.stdout and "0, 1" in res.stdout, res.stderr[-2000:]
    assert int(res.stdout.split()[0]) < 30


POISON = """
import os


def measure(text):
    \"\"\"A measure whose process dies on the article with BOOM (the features: the text's length).\"\"\"
    if "BOOM" in text:
        os._exit(3)
    return {"n": float(len(text))}
"""


@pytest.fixture()
def poison(tmp_path, monkeypatch):
    """A per-article function that kills its process on article 'c', importable by forked and spawned
    workers (Dask's nanny starts workers with this sys.path and environment)."""
    (tmp_path / "poison_measure.py").write_text(POISON, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    import poison_measure

    yield poison_measure.measure
    sys.modules.pop("poison_measure", None)


def _outcomes(run) -> tuple[dict, float]:
    """The outcome of each article position of a run of the engine, and the seconds it took."""
    outcomes = {}

    def done(positions, outs):
        outcomes.update(zip(positions, outs, strict=True))

    t0 = time.monotonic()
    run(done)
    return outcomes, time.monotonic() - t0


@pytest.mark.parametrize(
    "engine", ["local", pytest.param("dask", marks=[pytest.mark.cluster, pytest.mark.slow])]
)
def test_a_dead_worker_costs_only_its_article_in_both_engines(engine, poison):
    """Whatever the timing of the death (which chunks shared the dying worker, when it restarts), the article
    that kills its process is named and every other article has its result, in bounded time."""
    from outlet_comparison.corpus import engines

    pairs = list(zip(ARTS.index, ARTS, strict=True))
    chunks = [[0, 1], [2, 3]]
    if engine == "local":
        outcomes, seconds = _outcomes(lambda done: engines._run_local(chunks, pairs, 2, done, poison))
    else:
        pytest.importorskip("dask.distributed")
        import dask

        # the scheduler gives up on a chunk at its first dead worker (the default retries it 3 times first)
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
            outcomes, seconds = _outcomes(
                lambda done: engines._run_dask(chunks, pairs, 2, None, done, poison, 60)
            )
    assert outcomes[2] == engines.DIED  # named, never a chunk key or KilledWorker of a bystander
    assert [outcomes[k] for k in (0, 1, 3)] == [{"n": float(len(ARTS.iloc[k]))} for k in (0, 1, 3)]
    assert seconds < 150


@pytest.mark.cluster
@pytest.mark.slow
def test_dask_workers_that_die_for_good_end_the_run_naming_the_articles_in_flight(poison, tmp_path):
    """A worker without a nanny (nothing restarts it) killed by an article: the articles it had not finished
    are NoWorker rows naming the scheduler after worker_timeout, the finished ones keep their results."""
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from outlet_comparison.corpus import engines

    pairs = list(zip(ARTS.index, ARTS, strict=True))
    with LocalCluster(n_workers=0, dashboard_address=None) as cluster, Client(cluster) as client:
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address, "--no-nanny",
             "--nthreads", "1", "--no-dashboard"],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            client.wait_for_workers(1, timeout=120)
            outcomes, seconds = _outcomes(
                lambda done: engines._run_dask([[0], [1], [2], [3]], pairs, 1, client, done, poison, 4)
            )
        finally:
            worker.kill()
            worker.wait()
    assert seconds < 60 and set(outcomes) == {0, 1, 2, 3}
    assert outcomes[2].startswith("NoWorker: the scheduler tcp://") and "had no worker for 4 s" in outcomes[2]
    for k in (0, 1, 3):  # finished before the worker died, or in flight and named
        assert outcomes[k] == {"n": float(len(ARTS.iloc[k]))} or outcomes[k] == outcomes[2]
    failed = {ARTS.index[k]: o for k, o in outcomes.items() if isinstance(o, str)}
    message = engines._failures(failed, 4)
    assert "article 'c': NoWorker" in message


# ---------------------------------------------------------------- 1. hard-wrapped text, long lines

PARAS = [
    "The harbour strike entered its third day on Wednesday as talks between the union and the port "
    "authority broke down over pay, pensions and the length of the night shift.",
    "Union leaders said the authority had offered too little and too late, while managers accused the "
    "union of moving the goalposts at the last minute of a long negotiation.",
    "Ships queued outside the breakwater and some shipping lines began to divert cargo to other ports "
    "along the coast, raising fears for jobs in the warehouses and the haulage firms.",
    "Both sides said they were ready to meet again next week, but neither would say what it was "
    "prepared to give up in return for a deal that ends the dispute.",
]
HEAD = "Harbour strike enters third day as talks fail\n\nBy Jo Smith\n\n"


@pytest.mark.parametrize("width", [80, 60, 40])
def test_hard_wrapped_paragraphs_keep_their_body(width):
    plain = HEAD + "\n\n".join(PARAS) + "\n"
    raw = HEAD + "\n\n".join(textwrap.fill(p, width) for p in PARAS) + "\n"
    seg = helpers.segment(raw)
    assert "\n".join(seg.text) == helpers.normalise_raw(raw)  # every raw line, one role each
    assert helpers.clean_body(raw) == helpers.clean_body(plain) == "\n\n".join(PARAS)
    assert seg.role.tolist()[:3] == ["headline", "blank", "byline"]
    assert set(seg.loc[seg.text.str.strip() != "", "role"].iloc[2:]) == {"body"}


def test_a_word_hyphenated_at_a_wrapped_line_end_is_rejoined():
    para = (
        "The negotiators met again on Thursday and the well-\n"
        "known mediator said the mood had changed, although\n"
        "nobody expected a deal before the end of the month,\n"
        "one of them said after the meeting had ended.\n"
    )
    raw = HEAD + textwrap.fill(PARAS[0], 52) + "\n\n" + para
    body = helpers.clean_body(raw)
    assert "the well-known mediator said the mood had changed, although nobody expected" in body
    assert body.startswith(PARAS[0])


def test_add_article_warns_when_the_body_is_much_shorter_than_the_prose(events_root, tmp_path):
    from outlet_comparison.sources.adding import body_shortfall

    seg = helpers.segment(HEAD + "\n\n".join(PARAS) + "\n")
    assert body_shortfall(seg) is None
    short = seg.assign(
        role=["body" if k == 4 else r if r != "body" else "caption" for k, r in enumerate(seg.role)]
    )
    n_body = len(helpers.words(PARAS[0]))
    assert re.match(
        rf"the body has {n_body} of the \d+ words in lines of running text \(2\d%\)", body_shortfall(short)
    )


def test_one_long_unpunctuated_line_is_set_aside_from_readability():
    from outlet_comparison.instruments.readability import ReadabilityWarning

    names = ", ".join(f"Name{i} Surname{i}" for i in range(45))
    clean = "\n\n".join(PARAS)
    with pytest.warns(ReadabilityWarning, match=r"1 line\(s\) of over 60 words without sentence punctuation"):
        r = helpers.readability(clean + "\n\n" + names)
    expected = helpers.readability(clean)
    for k in ("flesch_kincaid_grade", "flesch_reading_ease", "sentences", "words"):
        assert r[k] == pytest.approx(expected[k])


def test_not_measurable_grades_do_not_raise():
    nan = float("nan")
    assert helpers.fre_grade(nan) != helpers.fre_grade(nan)  # NaN, not StopIteration
    assert helpers.dale_chall_grade(nan) != helpers.dale_chall_grade(nan)
    assert helpers.fmt_num(nan) == "not measurable"


# ---------------------------------------------------------------- 6. named errors


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("title = 5", r"field 'title' = 5 is int; expected text in quotes"),
        ('contrast = "failure"', r"field 'contrast' = 'failure' is str; expected a list of two frame names"),
        ('study = "yes"', r"field 'study' = 'yes' is str; expected a table"),
        ('default = "true"', r"field 'default' = 'true' is str; expected true or false"),
        ("timeline = 3", r"field 'timeline' = 3 is int; expected text"),
        ('contrast = ["failure", "nosuchframe"]', r"field 'contrast' names \['failure', 'nosuchframe'\]"),
        ('title = ""', r"field 'title' is empty"),
    ],
)
def test_wrong_types_in_event_toml_name_the_field(events_root, line, message):
    toml = events_root / DEMO / "event.toml"
    kept = [
        x for x in toml.read_text(encoding="utf-8").splitlines() if not x.startswith(line.split(" ")[0] + " ")
    ]
    toml.write_text("\n".join([line, *kept]) + "\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=rf"event\.toml: {message}"):
        helpers.read_event(events_root / DEMO)


@pytest.mark.parametrize("on_error", ["raise", "skip"])
def test_out_of_range_corpus_date_names_file_and_line(tmp_path, on_error):
    recs = [
        {"article_id": "a", "outlet": "X", "text": "Talks failed.", "date": "2016-09-05"},
        {"article_id": "b", "outlet": "X", "text": "Talks failed.", "date": "9999-12-31T23:30:00-05:00"},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    msg = r"line 2: field 'date' = '9999-12-31T23:30:00-05:00' is out of the range of dates"
    if on_error == "raise":
        with pytest.raises(helpers.ArticleError, match=rf"c\.jsonl, {msg}"):
            helpers.read_corpus(path)
    else:
        with pytest.warns(UserWarning, match="skipped 1 bad record"):
            df = helpers.read_corpus(path, on_error="skip")
        assert df["article_id"].tolist() == ["a"] and df.attrs["skipped"][0]["line"] == 2
        assert re.search(msg.removeprefix("line 2: "), df.attrs["skipped"][0]["reason"])


def test_a_csv_corpus_with_a_repeated_column_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "id,text,outlet,date,text\na,Talks failed.,X,2016-09-05,Talks resumed.\n", encoding="utf-8"
    )
    with pytest.raises(
        helpers.ArticleError, match=r"c\.csv, line 1: column\(s\) \['text'\] appear more than once"
    ):
        helpers.read_corpus(path)  # before: the second 'text' silently replaced the first


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", ["x"], r"field 'id' = \['x'\] is list; expected text or a whole number"),
        ("id", 1.5, r"field 'id' = 1\.5 is float; expected text or a whole number"),
        ("title", 5, r"field 'title' = 5 is int; expected text"),
    ],
)
def test_corpus_ids_and_titles_of_another_type_are_named(tmp_path, field, value, message):
    path = tmp_path / "c.jsonl"
    good = {"id": "a", "text": "Talks failed.", "outlet": "X", "date": "2016-09-05"}
    path.write_text(
        json.dumps(good) + "\n" + json.dumps({**good, "id": "b", field: value}) + "\n", encoding="utf-8"
    )
    with pytest.raises(helpers.ArticleError, match=rf"c\.jsonl, line 2: {message}"):
        helpers.read_corpus(path)  # before: article_id "['x']", or a title that is a number
    assert len(helpers.read_corpus(path, on_error="skip")) == 1


def test_a_corpus_index_that_repeats_is_refused_before_join_doubles_rows():
    corpus = pd.DataFrame({"text": ["Talks failed.", "Kerry left."]})
    doubled = pd.concat([corpus, corpus])
    with pytest.raises(
        helpers.ArticleError, match=r"index repeats 2 label\(s\) \(0, 1\).*reset_index\(drop=True\)"
    ):
        helpers.analyze(doubled, workers=1)
    fixed = doubled.reset_index(drop=True)
    assert len(fixed.join(helpers.analyze(fixed, workers=1))) == 4


# ---------------------------------------------------------------- 4. outlet names compared as read


@pytest.mark.parametrize("twin", ["northfield courier", "Northfield  Courier ", "Northfield\u00a0Courier"])
def test_outlet_names_differing_in_case_space_or_form_are_one_outlet(events_root, tmp_path, twin):
    with pytest.raises(
        helpers.ArticleError, match=r"already has an article from 'Northfield Courier' \(the same name"
    ):
        add_article(_raw(tmp_path), twin, "2024-03-12", root=events_root, event=DEMO)


def test_identical_text_under_a_second_outlet_name_is_warned_about(events_root, tmp_path):
    first = helpers.load_articles(events_root / DEMO).iloc[0]
    added = add_article(
        _raw(tmp_path, first["raw"]), "Harbour Echo", "2024-03-12", root=events_root, event=DEMO
    )
    assert any(
        f"the same body text is already in the event as the article of {first['outlet']!r}" in n
        for n in added.notes
    )


# ---------------------------------------------------------------- 5. atomic builds


@pytest.fixture()
def fake_build(tmp_path, monkeypatch):
    """scripts/build_report.py with output/ in tmp_path and a stand-in for running one notebook."""
    from conftest import load_script

    from outlet_comparison.sources import events

    build_report = load_script("build_report")
    out = tmp_path / "output"
    monkeypatch.setattr(build_report, "OUTPUT", out)
    monkeypatch.setattr(events, "OUTPUT", out)
    old = out / DEMO
    old.mkdir(parents=True)
    (old / "index.html").write_text("<h1>previous report</h1>", encoding="utf-8")
    (old / "00-articles.html").write_text("previous page", encoding="utf-8")
    return build_report, out


def _fake_one(fail: str | None = None, interrupt: bool = False):
    def build_one(path, event, params=None):
        (event.output / f"{path.stem}.html").write_text("new page", encoding="utf-8")
        if interrupt and path.stem.startswith("02"):
            raise KeyboardInterrupt
        return path.stem, ("a cell failed" if fail and path.stem.startswith(fail) else None)

    return build_one


def test_a_failed_build_leaves_the_previous_report(fake_build, monkeypatch):
    build_report, out = fake_build
    monkeypatch.setattr(build_report, "build_one", _fake_one(fail="03"))
    problems = build_report.build(DEMO, workers=1)
    assert problems[0].startswith("03-readability: a cell failed") and "unchanged" in problems[-1]
    assert (out / DEMO / "00-articles.html").read_text(encoding="utf-8") == "previous page"
    assert (out / f".failed-{DEMO}" / "00-articles.html").is_file()
    assert not list(out.glob(".building-*"))


def test_an_interrupted_build_leaves_the_previous_report_and_index(fake_build, monkeypatch):
    build_report, out = fake_build
    monkeypatch.setattr(build_report, "build_one", _fake_one(interrupt=True))
    with pytest.raises(KeyboardInterrupt):
        build_report.build(DEMO, workers=1)
    assert (out / DEMO / "index.html").read_text(encoding="utf-8") == "<h1>previous report</h1>"
    assert not list(out.glob(".building-*")) and "OUTLET_COMPARISON_OUTPUT" not in os.environ


def test_a_finished_build_replaces_the_report_at_once(fake_build, monkeypatch):
    build_report, out = fake_build
    monkeypatch.setattr(build_report, "build_one", _fake_one())
    assert build_report.build(DEMO, workers=1) == []
    assert (out / DEMO / "00-articles.html").read_text(encoding="utf-8") == "new page"
    assert "previous report" not in (out / DEMO / "index.html").read_text(encoding="utf-8")
    assert f"{DEMO}/index.html" in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.glob(".building-*")) and not list(out.glob(".old-*"))


def test_a_dead_kernel_is_named_with_its_notebook(monkeypatch):
    from conftest import load_script
    from nbclient.exceptions import DeadKernelError

    build_report = load_script("build_report")

    def dead(*args, **kwargs):
        raise DeadKernelError("Kernel died")

    monkeypatch.setattr(build_report, "execute", dead)
    name, problem = build_report.build_one(Path("notebooks/03-readability.ipynb"), helpers.read_event(DEMO))
    assert name == "03-readability" and "the kernel died while running 03-readability.ipynb" in problem


INVISIBLE_CASES = [
    ("Ker\u200bry", "zero-width space"),
    ("Ker\u00adry", "soft hyphen"),
    ("Ker\u2060ry", "word joiner"),
    ("\u200eKerry\u200f", "direction marks"),
    ("\u2066Kerry\u2069", "direction isolates"),
    ("Ker\u180ery", "Mongolian vowel separator"),
    ("Ker\u034fry", "combining grapheme joiner"),
]


@pytest.mark.parametrize(("name", "kind"), INVISIBLE_CASES)
def test_invisible_characters_do_not_change_sources_or_frames(name, kind):
    raw = f"Talks fail\n\nBy Jo Smith\n\nThe talks \ufb01nally failed on Monday, {name} said.\n"
    body = helpers.clean_body(raw)
    assert body == "The talks finally failed on Monday, Kerry said."
    assert helpers.attributions(body)["source"].tolist() == ["Kerry"]


def test_a_no_break_hyphen_in_a_name_is_a_hyphen():
    raw = "Talks fail\n\nBy Jo Smith\n\nThe talks failed on Monday, Jean\u2011Pierre Dupont said.\n"
    body = helpers.clean_body(raw)
    assert body == "The talks failed on Monday, Jean-Pierre Dupont said."  # before: two spellings, two actors
    assert helpers.attributions(body)["source"].tolist() == ["Jean-Pierre Dupont"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("OUTLET", "Rock\u200bRoll Daily"), ("OUTLET", "Daily \u202eswen"), ("TITLE", "Talks \u2066fail\u2069")],
)
def test_invisible_or_direction_characters_in_outlet_or_title_are_refused(
    events_root, tmp_path, field, value
):
    """An outlet that looks like another, or a name that shows the text after it reversed on every page."""
    kwargs = {"outlet": value} if field == "OUTLET" else {"outlet": "New Outlet", "title": value}
    event = DEMO if field == "OUTLET" else "new-event"
    before = sorted(p.name for p in events_root.rglob("*"))
    with pytest.raises(
        helpers.ArticleError, match=rf"{field} = .*: character \d+ \(U\+[0-9A-F]{{4}}\) is invisible"
    ):
        add_article(_raw(tmp_path), published="2024-03-12", event=event, root=events_root, **kwargs)
    assert sorted(p.name for p in events_root.rglob("*")) == before


def test_nfc_and_nfd_spellings_are_one_name_and_no_break_spaces_fold():
    nfd = "Talks fail\n\nBy Jo Smith\n\nRecep Tayyip Erdog\u0306an met John\u00a0Kerry, officials said.\n"
    nfc = nfd.replace("g\u0306", "ğ").replace("\u00a0", " ")
    assert helpers.clean_body(nfd) == helpers.clean_body(nfc)
    assert helpers.analyze([nfd], workers=1).equals(helpers.analyze([nfc], workers=1))


def test_normalised_offsets_map_back_to_the_raw_text():
    from outlet_comparison.sources.rawtext import normalise_map, normalise_text

    raw = "Ker\u00adry met Erdog\u0306an on the \ufb01rst day"
    text, where = normalise_map(raw)
    assert text == "Kerry met Erdoğan on the first day"
    for word in ("Kerry", "Erdoğan", "first"):
        s = text.index(word)
        e = s + len(word)
        back = raw[where[s] : where[e - 1] + 1]
        assert normalise_text(back) == word


# ---------------------------------------------------------------- 6. an article written in capitals


def test_an_article_in_capitals_gives_no_invented_sources_and_says_why():
    text = (
        "KERRY SAID THE TALKS FAILED, SECRETARY OF STATE JOHN KERRY TOLD REPORTERS ON MONDAY. "
        "LAVROV SAID RUSSIA WOULD KEEP TALKING."
    )
    with pytest.warns(UserWarning, match=r"written in capitals \(100% of its letters.*normal case"):
        rows = helpers.attributions(text)
    assert rows.empty and list(rows.columns) == list(helpers.ATTRIBUTION_COLUMNS)
    mixed = "KERRY FAILS TO SECURE DEAL\n\nKerry said the talks failed, a State Department official said."
    assert len(helpers.attributions(mixed)) >= 1  # a headline in capitals does not make the article so
