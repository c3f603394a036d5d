"""Charts that read well at 2 to 10 outlets (issue 24, item 7), measured with matplotlib's renderer.

Text is measured in pixels as the page shows it (fonts at 100 dpi, the chart shrunk when its drawn
width passes the page), and legends and tick labels by their drawn boxes (``get_window_extent``).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from outlet_comparison.report import charts  # noqa: E402
from outlet_comparison.report.charts import legibility  # noqa: E402

NAMES = [
    "Northfield Courier", "Lakeside Daily", "Capital Wire", "The Harbour Gazette",
    "Evening Ledger of the North", "Port City Herald", "Morning Tribune", "Coastal Broadcasting Service",
    "The Weekly Observer", "Riverside Times",
]  # fmt: skip
FRAMES = ["failure", "optimism", "conflict", "economic consequences", "human interest", "morality"]


def _smallest_px(fig) -> float:
    """The smallest visible text of the figure in pixels as the page shows it."""
    scale = legibility.page_scale(fig)
    return min(
        t.get_fontsize() * legibility.SCREEN_DPI / 72 * scale
        for t in fig.findobj(matplotlib.text.Text)
        if t.get_visible() and t.get_text().strip()
    )


def _overlaps(fig) -> list[tuple[str, str]]:
    """Pairs (legend, label) whose drawn boxes overlap, and neighbouring tick labels that do."""
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    found = []
    for leg in legibility._legends(fig):
        box = leg.get_window_extent(r)
        found += [
            ("legend", t.get_text())
            for t in legibility._labels(fig)
            if legibility._overlap(box, t.get_window_extent(r))
        ]
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if legibility._clashes(axis, r):
                found.append(("ticks", axis.axis_name))
    return found


def _chart(kind: str, n: int):
    """A chart of ``n`` outlets drawn the way the notebooks draw it with the shared idioms."""
    rng = np.random.default_rng(n)
    outlets = NAMES[:n]
    colours = helpers.outlet_colours(outlets)
    series = lambda: pd.Series(rng.random(n) * 10, index=outlets)  # noqa: E731
    if kind == "grouped":  # 01's frames per 1,000 words: frames x outlets
        table = pd.DataFrame(rng.random((len(FRAMES), n)) * 20, index=FRAMES, columns=outlets)
        fig, ax = plt.subplots(figsize=(helpers.figure_width(len(FRAMES) * n, 0.4, 8), 4.2))
        helpers.grouped_bars(ax, table, colours, labels=[helpers.wrap_label(f, 12) for f in FRAMES])
        ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncols=min(5, n))
    elif kind == "split":  # 02's quotes
        fig, ax = plt.subplots(figsize=(helpers.figure_width(n, 1.6, 6), 4.2))
        helpers.split_bars(ax, series(), series(), colours)
        key = helpers.split_key("quoted", "paraphrased")
        ax.legend(handles=key, frameon=False, loc="upper center", ncol=2, fontsize=8, bbox_to_anchor=(0.5, 0))
    elif kind == "split-horizontal":
        fig, ax = plt.subplots(figsize=(8, 2.8))
        helpers.split_bars(ax, series(), series(), colours, horizontal=True)
    elif kind == "paired":  # 03's cleaning
        fig, ax = plt.subplots(figsize=(helpers.figure_width(n, 2.2, 7), 4))
        helpers.paired_bars(ax, series(), series(), colours, ("raw", "clean"))
    elif kind == "distributions":  # 00's sentence lengths
        values = pd.DataFrame({"outlet": np.repeat(outlets, 20), "words": rng.random(20 * n) * 40})
        fig = helpers.outlet_distributions(values, "words", colours, 10, "sentences", "words per sentence")
    elif kind == "panels":  # 00's body size, 03's word difficulty: a bar per outlet in each of 4 panels
        fig, axes = plt.subplots(1, 4, figsize=(helpers.figure_width(4 * n, 0.6, 10.5), 3.4))
        for ax in axes:
            ax.bar(range(n), series(), color=list(colours.values()))
            ax.set_xticks(range(n), outlets, rotation=30, ha="right", fontsize=8)
            ax.set_title("words per sentence", fontsize=10)
        fig.suptitle("Body size by outlet")
        fig.tight_layout()
    elif kind == "wide":  # 01's tone distribution: two inches per outlet
        fig, ax = plt.subplots(figsize=(max(6, 2 * n), 4.2))
        ax.boxplot([rng.random(20) for _ in outlets])
        ax.set_xticks(range(1, n + 1), [helpers.wrap_label(o) for o in outlets])
        ax.legend(handles=helpers.split_key("mean", "median"), frameon=False, loc="lower right", fontsize=8)
    elif kind == "figure-legend":  # 02's anonymity: two panels, the figure's legend under them
        fig, axes = plt.subplots(1, 2, figsize=(helpers.figure_width(n, 2.4, 10), 4.4))
        for ax in axes:
            helpers.split_bars(ax, series(), series(), colours)
            ax.set_xlabel("Outlet (label: anonymous of all attributions)")
        fig.tight_layout()
        key = helpers.split_key("with a stated reason", "without a reason")
        fig.legend(
            handles=key, frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.75, 0)
        )
    elif kind == "labels-beside":  # 04's shared words: values written past the bars, the key beside
        fig, ax = plt.subplots(figsize=(7.5, 1.4 + 0.6 * n))
        shared = pd.Series(np.linspace(90, 100, n), index=outlets)
        helpers.split_bars(ax, shared, 100 - shared, colours, horizontal=True)
        for k, v in enumerate(shared):
            ax.text(v + 1, k, f"{v:.0f}% (19 of 21 sentences)", va="center", fontsize=9)
        ax.set_xlim(0, 100)
        ax.set_xlabel("share of the article's words (%)")
        key = helpers.split_key("in sentences with a counterpart", "in sentences no other article carries")
        ax.legend(handles=key, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    else:  # 01's frame positions
        dots = pd.DataFrame({"outlet": np.repeat(outlets, 3), "frame": FRAMES[:3] * n,
                             "position_pct": rng.random(3 * n) * 100,
                             "hits": rng.integers(1, 4, 3 * n)})  # fmt: skip
        fig, ax = plt.subplots(figsize=(9, 1 + 0.9 * 3))
        helpers.position_dots(ax, dots, "frame", FRAMES[:3], colours, size_key="{n} in one sentence")
    return fig


KINDS = [
    "grouped", "split", "split-horizontal", "paired", "distributions", "positions", "panels", "wide",
    "figure-legend", "labels-beside",
]  # fmt: skip


@pytest.mark.parametrize("n", [2, 10])
@pytest.mark.parametrize("kind", KINDS)
def test_chart_idioms_read_well_at_two_to_ten_outlets(kind, n):
    fig = _chart(kind, n)
    legibility.fit_for_page(fig)
    try:
        assert legibility.legibility_problems(fig) == []
        assert _smallest_px(fig) >= 10, f"{kind} at {n} outlets: text {_smallest_px(fig):.1f} px on the page"
        assert _overlaps(fig) == []
    finally:
        plt.close(fig)


def test_text_is_measured_in_pixels_as_the_page_shows_it():
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.set_title("eight points", fontsize=8)  # 8 pt at 100 dpi: 11.1 px
    assert legibility.legibility_problems(fig) == []
    ax.set_xlabel("six points", fontsize=6)  # 8.3 px
    assert any("'six points' at 8.3 px" in p for p in legibility.legibility_problems(fig))
    plt.close(fig)
    wide, ax = plt.subplots(figsize=(16, 3))  # drawn 12.8 in wide, shown at 0.82: 8 pt becomes 9.1 px
    ax.set_title("eight points", fontsize=8)
    assert any(
        "shrunk to 0.8" in p and "'eight points' at 9.1 px" in p for p in legibility.legibility_problems(wide)
    )
    plt.close(wide)


def test_a_legend_over_the_tick_labels_is_found_and_moved_below_them():
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(range(3), [1, 2, 3], label="bars")
    ax.set_xticks(range(3), ["first label", "second label", "third label"])
    ax.set_xlabel("what the bars count")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), frameon=False)  # over the tick labels
    assert any(
        "the legend (bars) is drawn over 'second label'" in p for p in legibility.legibility_problems(fig)
    )
    legibility.place_legends(fig)
    assert _overlaps(fig) == [] and legibility.legibility_problems(fig) == []
    r = fig.canvas.get_renderer()
    assert (
        ax.get_legend().get_window_extent(r).y1 <= ax.xaxis.label.get_window_extent(r).y0
    )  # below, not beside
    plt.close(fig)


def test_a_legend_inside_the_axes_over_a_label_goes_out_to_the_right():
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.plot([0, 1], [0, 1], label="line")
    ax.text(0.02, 0.9, "a note on the axes", transform=ax.transAxes)
    ax.legend(loc="upper left")
    assert legibility.legibility_problems(fig)
    legibility.place_legends(fig)
    r = fig.canvas.get_renderer()
    assert ax.get_legend().get_window_extent(r).x0 >= ax.get_window_extent(r).x1 and _overlaps(fig) == []
    plt.close(fig)


def test_crowded_labels_are_wrapped_slanted_or_given_rows():
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(range(10), range(10))
    ax.set_xticks(range(10), [f"A rather long outlet name {k}" for k in range(10)])
    assert any("tick labels run into each other" in p for p in legibility.legibility_problems(fig))
    fig2, ax2 = plt.subplots(figsize=(7, 2))
    ax2.barh(range(30), range(30))
    ax2.set_yticks(range(30), [f"row {k}" for k in range(30)])
    for f in (fig, fig2):
        legibility.fit_tick_labels(f)
        assert _overlaps(f) == []
    assert fig2.get_figheight() > 2
    plt.close(fig)
    plt.close(fig2)


def test_save_chart_fits_the_chart_and_names_what_it_cannot_fix(tmp_path, monkeypatch):
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(range(2), [1, 2], label="bars")
    ax.set_xticks(range(2), ["one", "two"])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0))
    ax.set_title("tiny", fontsize=5)
    charts.save_chart(fig, pd.DataFrame({"x": [1]}), "99-fit", out_dir=tmp_path / "figures")
    assert ax.title.get_fontsize() == legibility.MIN_FONT and _overlaps(fig) == []
    plt.close(fig)
    wide, ax = plt.subplots(figsize=(7, 3))  # its 50 large labels never have room
    ax.bar(range(50), range(50))
    ax.set_xticks(range(50), [f"label {k}" for k in range(50)], fontsize=14)
    with pytest.warns(legibility.ChartWarning, match="chart 99-wide: tick labels run into each other"):
        charts.save_chart(wide, pd.DataFrame({"x": [1]}), "99-wide", out_dir=tmp_path / "figures")
    monkeypatch.setenv(legibility.CHECK_ENV, "error")
    with pytest.raises(helpers.ArticleError, match="chart 99-wide"):
        charts.save_chart(wide, pd.DataFrame({"x": [1]}), "99-wide", out_dir=tmp_path / "figures")
    plt.close(wide)


def test_a_source_line_naming_ten_articles_is_wrapped_to_the_chart(tmp_path):
    """At 10 outlets the source line lists 10 articles: on one line it made every chart 22 in wide, so
    the page showed it at half size (text 5 px)."""
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.plot([0, 1], [0, 1])
    articles = (
        f"{name}, 'Harbour talks: what {name} saw' (2024-03-1{k % 3})" for k, name in enumerate(NAMES)
    )
    source = "Sources: " + "; ".join(articles)
    charts.save_chart(fig, pd.DataFrame({"x": [1]}), "99-source", out_dir=tmp_path / "figures", source=source)
    note = next(t for t in fig.texts if t.get_text().startswith("Sources:"))
    assert note.get_text().replace("\n", " ") == source  # every word kept, only wrapped
    assert legibility.page_scale(fig) == 1.0 and fig.get_tightbbox(fig.canvas.get_renderer()).width < 7.5
    record = helpers.read_pages(tmp_path)["99"].figures[0]
    assert record.width_in < 7.5
    plt.close(fig)


@pytest.mark.slow
def test_a_ten_outlet_event_builds_with_every_chart_legible(tmp_path):
    """Notebook 00 (the raw roles and four panels of bars by outlet) built for a synthetic 10-outlet
    event (the demo's paragraphs shuffled over ten outlet names) with the chart check raising: every
    chart fits the page. The other notebooks' charts use the idioms tested above; a whole 10-outlet
    build (6 minutes here) named no problem either (docs/reliability.md)."""
    import random
    import sys

    from conftest import copy_project, run

    from outlet_comparison.sources.adding import add_article

    project = copy_project(tmp_path, shared=False)
    demo = helpers.ARTICLES / "demo-harbour-strike"
    paras = [
        p for f in sorted(demo.glob("*.txt")) for p in helpers.clean_body(f.read_text("utf-8")).split("\n")
        if len(p.split()) > 6
    ]  # fmt: skip
    rnd = random.Random(1)
    for k, name in enumerate(NAMES):
        body = "\n\n".join(rnd.sample(paras, min(len(paras), 8 + k % 4)))
        raw = tmp_path / f"a{k}.txt"
        raw.write_text(
            f"Harbour talks: what {name} saw on day {k + 2}\n\nBy Reporter {k}\n\n{body}\n", "utf-8"
        )
        add_article(
            raw, outlet=name, published=f"2024-03-{10 + k % 3}", event="ten-outlets",
            title="Harbour strike, ten outlets (synthetic)", root=project / "articles",
        )  # fmt: skip
    run(
        [sys.executable, "scripts/build_report.py", "--event", "ten-outlets", "--only", "00-articles"],
        project,
        env={legibility.CHECK_ENV: "error"},
    )
    records = helpers.read_pages(project / "output" / "ten-outlets")
    widths = {f.name: f.width_in for page in records.values() for f in page.figures}
    assert len(widths) >= 2 and max(widths.values()) <= legibility.PAGE_WIDTH_IN + 0.1, widths


def test_the_coverage_card_key_fits_the_page_at_ten_long_outlet_names():
    """Ten long outlet names: the card's outlet key wraps into rows instead of running past the page."""
    from outlet_comparison.report.card import CARD_COLUMNS

    rows = [
        (panel, "per 1,000 words", measure, name, 1.0 + k, 0.5 + k, 1.5 + k, True, "")
        for panel, measure in (("Framing", "conflict"), ("Tone", "mean"), ("Sourcing", "anonymous"))
        for k, name in enumerate(NAMES)
    ]
    fig = helpers.coverage_card(pd.DataFrame(rows, columns=list(CARD_COLUMNS)))
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    assert box.width <= 10.6, f"the card is {box.width:.1f} in wide"
    assert _smallest_px(fig) >= 10
    plt.close(fig)
