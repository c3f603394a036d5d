"""The report's contract: one page record per notebook, index pages from records and the manifest only
(Jinja2 templates, Markdown by mistune), tables and wording that read well; fast, no report build."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import matplotlib
import pandas as pd
import pytest
from conftest import load_script

import helpers
from outlet_comparison.report import pages
from outlet_comparison.report.findings import common

matplotlib.use("Agg")
report_index = load_script("report_index")
build_report = load_script("build_report")
NOTEBOOKS = sorted((helpers.ROOT / "notebooks").glob("*.ipynb"))


def _event(tmp_path: Path, outlets=("A", "B")) -> SimpleNamespace:
    """A minimal event: a manifest with one article per outlet and an empty output folder."""
    folder = tmp_path / "articles" / "ev"
    folder.mkdir(parents=True)
    head = ",".join(helpers.MANIFEST_COLUMNS)
    rows = [
        f"a{i},a{i}.txt,{'0' * 64},{o},Head {o},,2024-01-0{i + 1},typed,manifest,"
        for i, o in enumerate(outlets)
    ]
    (folder / "manifest.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    out = tmp_path / "output" / "ev"
    (out / "figures").mkdir(parents=True)
    return SimpleNamespace(id="ev", title="An <event>", description="What & why", folder=folder, output=out)


def _figure(out: Path, name: str, title: str = "A title", reading: str = "Reads.") -> None:
    (out / "figures" / f"{name}.png").write_bytes(b"png")
    pages.add_figure(out, name[:2], pages.FigureRecord(name, title, reading))


def test_a_page_record_keeps_title_findings_and_figures_in_the_order_made(tmp_path):
    pages.start_page(tmp_path, "03", "Readability")
    for name in ("03-z-first", "03-a-second", "03-m-third"):
        pages.add_figure(tmp_path, "03", pages.FigureRecord(name, f"{name} title"))
    pages.set_findings(tmp_path, "03", ["One.", "Two."])
    pages.add_figure(tmp_path, "03", pages.FigureRecord("03-a-second", "new title"))  # saved again
    page = helpers.read_page(tmp_path / "pages" / "03.json")
    assert page.title == "Readability" and page.findings == ["One.", "Two."]
    assert [f.name for f in page.figures] == ["03-z-first", "03-a-second", "03-m-third"]
    assert page.figures[1].title == "new title"
    pages.start_page(tmp_path, "03", "Readability")  # a re-run starts the record afresh
    assert helpers.read_pages(tmp_path)["03"].figures == []


def test_save_chart_records_the_chart_with_its_legibility(tmp_path):
    import matplotlib.pyplot as plt

    event = SimpleNamespace(figures=tmp_path / "figures", source_note="Source: test")
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.bar([0, 1], [1, 2])
    ax.set_title("Two bars")
    helpers.save_chart(fig, pd.DataFrame({"x": [1]}), "05-two-bars", event=event, reading="Two.")
    plt.close(fig)
    fig = helpers.read_page(tmp_path / "pages" / "05.json").figures[0]
    assert (fig.name, fig.title, fig.reading, fig.source) == (
        "05-two-bars",
        "Two bars",
        "Two.",
        "Source: test",
    )
    assert fig.min_font_pt >= 8 and 3 <= fig.width_in <= 6  # the drawn (tight) box
    assert not (tmp_path / "figures" / "05-two-bars.json").exists(), "one record, no side file per chart"


def test_the_event_index_reads_records_and_manifest_only(tmp_path):
    event = _event(tmp_path)
    (event.output / "01-framing-sentiment.html").write_text("<html></html>")
    pages.start_page(event.output, "01", "Framing <and> tone")
    pages.set_findings(
        event.output, "01", ["**2 articles** `x` <script>alert(1)</script>", "[x](javascript:alert(1))"]
    )
    for name in ("01-zeta", "01-alpha"):  # the record's order, not the alphabet's
        _figure(event.output, name, title=f"{name} title")
    html = report_index.render_event_index(event, event.output, [nb.stem for nb in NOTEBOOKS], [])
    assert html.index("01-zeta title") < html.index("01-alpha title")
    assert "<strong>2 articles</strong> <code>x</code>" in html
    assert "<script>" not in html and 'href="javascript:' not in html
    assert "An &lt;event&gt;" in html and "What &amp; why" in html and "Framing &lt;and&gt; tone" in html
    assert "Head A" in html and "2024-01-02" in html  # the manifest, through read_manifest
    assert "00-articles: not built" in html


def test_the_index_code_parses_no_html_csv_or_notebook(tmp_path):
    source = (helpers.ROOT / "scripts" / "report_index.py").read_text(encoding="utf-8")
    assert (
        "import csv" not in source
        and "<h1>" not in source
        and ".ipynb" not in source.replace('"*.ipynb"', "")
    )
    assert "json.loads" not in source, "page records are read through outlet_comparison.pages"


def test_the_top_index_lists_events_that_still_exist(tmp_path):
    articles, output = tmp_path / "articles", tmp_path / "output"
    for ev in ("alpha", "gone"):
        (output / ev).mkdir(parents=True)
        (output / ev / "index.html").write_text("<html></html>")
    articles.mkdir()
    _event(tmp_path / "alpha").folder.rename(articles / "alpha")
    (articles / "alpha" / "event.toml").write_text('title = "Alpha <strike>"\ndescription = "A test"\n')
    page = report_index.write_top_index(output, articles).read_text(encoding="utf-8")
    assert 'href="alpha/index.html"' in page and "Alpha &lt;strike&gt;" in page and "gone" not in page
    assert (output / "docs" / "readability.md").is_file(), "docs beside the reports, for the pages' links"


def test_every_notebook_starts_its_page_record_with_its_heading():
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        heading = "".join(cells[0]["source"]).splitlines()[0]
        number, title = re.fullmatch(r"# (\d\d) · (.+)", heading).groups()
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        call = re.search(r"helpers\.start_page\(\s*event, \"(\d\d)\", \"(.+?)\"\s*\)", code)
        assert call and call.groups() == (number, title), f"{nb.name}: start_page does not match its heading"


def test_notebooks_link_the_docs_instead_of_naming_them_as_code():
    for nb in NOTEBOOKS:
        text = nb.read_text(encoding="utf-8")
        assert not re.search(r"`docs/\w+\.md`", text), f"{nb.name}: a docs page named as code, not linked"
        for target in re.findall(r"\]\(\.\./docs/(\w+\.md)\)", text):
            assert (helpers.ROOT / "docs" / target).is_file(), f"{nb.name}: link to missing docs/{target}"


def test_reader_tables_show_counts_as_integers_and_no_index_or_repr():
    df = pd.DataFrame({"A": [765.0, 13.351], "B": [783.0, -0.2]}, index=["words", "fk_grade"])
    html = helpers.table(df, index="measure", by_row=True).data
    assert "765</td>" in html and "765.00" not in html and "13.35</td>" in html and "−0.20" in html
    assert html.count("<tr") == 3 and "fk grade" in html and "dtype" not in html  # one header row
    series = helpers.table(pd.Series({"pearson_r": 0.5031, "n": 5190.0}), 3, index="measure").data
    assert "dtype" not in series and "5190</td>" in series and "0.503" in series and "pearson r" in series
    ids = helpers.table(
        pd.DataFrame({"metric": ["conflict_per_1k", "words"], "article_id": ["a_1", "b_2"]})
    ).data
    assert "conflict per 1k" in ids and "a_1" in ids and "article id" in ids
    wide = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("mentions", "A"), ("quoted", "A")]))
    assert helpers.table(wide).data.count("<tr") == 2  # a two-level header becomes one row


@pytest.mark.parametrize(
    ("diff", "lo", "hi", "says", "never"),
    [
        (0.001, -0.01, 0.02, "no difference", "excludes zero"),
        (-0.001, -0.002, -0.0005, "no difference", "excludes zero"),
        (0.4, 0.1, 0.7, "the interval excludes zero", "includes zero"),
        (0.4, -0.1, 0.7, "the interval includes zero", "excludes zero"),
    ],
)
def test_difference_wording_agrees_with_the_numbers(diff, lo, hi, says, never):
    row = pd.Series({"outlet_a": "A", "outlet_b": "B", "diff": diff, "ci_low": lo, "ci_high": hi})
    text = common.difference(row, "grades")
    assert says in text and never not in text
    assert "+0.00" not in text and "−0.00 grades" not in text


def test_possessives_labels_and_placement_wording():
    assert common.possessive("The New York Times") == "The New York Times'"
    assert common.possessive("AP") == "AP's"
    assert common.label("human_interest") == "human interest"
    rates = pd.DataFrame({"outlet": ["The Times"], "frame": ["human_interest"], "hits": [2], "per_1k": [3.0],
                          "ci_low": [1.0], "ci_high": [5.0]})  # fmt: skip
    enough = {"The Times": 5}  # frame sentences: the minimum before a most frequent frame is named
    text = " ".join(helpers.framing_findings(rates, pd.DataFrame(columns=["measure"]), "x.csv", None, enough))
    assert "The Times'** most frequent frame is **human interest**" in text and "Times's" not in text
    feats = pd.DataFrame({"outlet": ["Low"], "words": [2.0]})
    corpus = pd.DataFrame({"words": [1.0, *range(3, 12)]})
    low = helpers.findings.placement_findings(feats, corpus, {"words": "length"}, "c")[0]
    assert "below 90% of the corpus' articles" in low and "at or above" not in low


def test_the_build_shares_the_table_library_instead_of_embedding_it(tmp_path):
    import nbformat

    embedded, script = build_report.table_library()
    assert len(embedded) > 500_000 and script.strip() and "<script" not in script
    out = nbformat.v4.new_output("display_data", data={"text/html": embedded, "text/plain": "<HTML>"})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[out])])
    shown = build_report.reader_view(nb).cells[0].outputs[0]["data"]
    assert shown == {"text/html": f'<script src="{build_report.TABLE_SCRIPT}"></script>'}
    path = build_report.write_table_library(tmp_path)
    assert path.read_text(encoding="utf-8") == script


@pytest.mark.slow
def test_kernels_run_without_the_tcp_warning(tmp_path):
    """A notebook executed as the build does prints no 'Kernel is running over TCP' warning (~5 s)."""
    code = (
        "import sys, nbformat; sys.path.insert(0, 'scripts'); import build_report, helpers; "
        "from pathlib import Path; p = Path(sys.argv[1]); "
        "nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('print(6 * 7)')]), p); "
        "nb = build_report.execute(p, helpers.read_event('demo-harbour-strike')); "
        "print(nb.cells[0].outputs[0]['text'])"
    )
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "t.ipynb")], cwd=helpers.ROOT,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "42"
    assert "without encryption" not in res.stderr and "Parent appears to have exited" not in res.stderr


def test_the_build_counts_images_in_the_notebook_against_its_page_record(tmp_path):
    import nbformat

    pages.start_page(tmp_path, "03", "T")
    for name in ("03-a", "03-b"):
        pages.add_figure(tmp_path, "03", pages.FigureRecord(name, name))
    image = nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[image])])
    assert "shows 1 images but records 2 charts" in build_report.check_images(nb, tmp_path, "03")
    nb.cells.append(nbformat.v4.new_code_cell("y", outputs=[image]))
    assert build_report.check_images(nb, tmp_path, "03") is None


def test_evidence_tables_give_sentences_room_and_plain_labels(monkeypatch):
    shown = {}
    monkeypatch.setattr("itables.show", lambda df, **kw: shown.update(df=df, **kw))
    df = pd.DataFrame({"source_type": ["named_person", "anonymous"], "sentence_text": ["x" * 50, "y" * 60]})
    helpers.evidence_table(df, "t")
    assert list(shown["df"].columns) == ["source type", "sentence text"]
    assert shown["df"]["source type"].tolist() == ["named person", "anonymous"]
    assert shown["columnDefs"] == [{"className": "dt-left long-text", "targets": [1]},
                                   {"className": "dt-left", "targets": [0]}]  # fmt: skip
    assert shown["table_id"] == "evidence-t"


def test_a_first_build_links_the_docs_it_names(tmp_path):
    event = _event(tmp_path)
    pages.start_page(event.output, "02", "Sources")
    pages.set_findings(event.output, "02", ["Accuracy: see [docs/attribution.md](../docs/attribution.md)."])
    page = report_index.write_event_index(event, helpers.ROOT / "notebooks")  # fails on a broken link
    assert 'href="../docs/attribution.md"' in page.read_text(encoding="utf-8")
    assert (tmp_path / "output" / "docs" / "attribution.md").is_file()
