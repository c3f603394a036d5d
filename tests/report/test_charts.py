"""Chart idioms and figures in report/charts/: what they draw, checked on the artists."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from types import SimpleNamespace  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402

COL = {"X": "#0072B2", "Y": "#D55E00"}


def test_split_bars_stacks_the_rest_on_the_solid_part():
    fig, ax = plt.subplots()
    helpers.split_bars(ax, pd.Series({"X": 2, "Y": 5}), pd.Series({"X": 8, "Y": 0}), COL)
    solid, rest = ax.containers
    assert [b.get_height() for b in solid] == [2, 5] and [b.get_height() for b in rest] == [8, 0]
    assert [b.get_y() for b in rest] == [2, 5]  # stacked on the solid part
    assert rest[0].get_hatch() == "//" and rest[0].get_alpha() == 0.35 and solid[0].get_alpha() is None
    assert [t.get_text() for t in ax.get_xticklabels()] == ["X", "Y"]
    plt.close(fig)


def test_split_bars_horizontal_run_top_to_bottom():
    fig, ax = plt.subplots()
    helpers.split_bars(ax, pd.Series({"X": 30.0, "Y": 40.0}), pd.Series({"X": 70.0, "Y": 60.0}), COL, True)
    solid, rest = ax.containers
    assert [b.get_x() for b in rest] == [30.0, 40.0] and ax.yaxis_inverted()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["X", "Y"]
    plt.close(fig)


def test_split_key_labels_both_parts():
    key = helpers.split_key("quoted", "paraphrased")
    assert [p.get_label() for p in key] == ["quoted (solid)", "paraphrased (hatched)"]
    assert key[1].get_hatch() == "//"


def test_position_dots_one_row_per_category_outlets_offset_and_sized():
    dots = pd.DataFrame(
        {"outlet": ["X", "Y", "Y"], "kind": ["a", "a", "b"], "pct": [10.0, 50.0, 90.0], "n": [1, 2, 3]}
    )
    fig, ax = plt.subplots()
    helpers.position_dots(ax, dots, "kind", ["a", "b"], COL, x="pct", size="n", area=10, size_key="{n} here")
    x_dots, y_dots = ax.collections[:2]
    assert x_dots.get_offsets().tolist() == [[10.0, -0.3]]
    assert y_dots.get_offsets().tolist() == [[50.0, 0.3], [90.0, 1.3]] and list(y_dots.get_sizes()) == [
        20,
        30,
    ]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["X", "Y", "1 here", "2 here", "3 here"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    plt.close(fig)


def test_row_groups_rule_each_group_and_name_it():
    fig, ax = plt.subplots()
    helpers.row_groups(ax, ["s", "s", "t"], label_x=5)
    assert [line.get_ydata()[0] for line in ax.lines] == [-0.5, 1.5]
    assert [t.get_text() for t in ax.texts] == ["s", "t"]
    fig2, ax2 = plt.subplots()
    helpers.row_groups(ax2, ["a", "b", "b"])  # no names: a line between groups only
    assert [line.get_ydata()[0] for line in ax2.lines] == [0.5] and not ax2.texts
    plt.close(fig)
    plt.close(fig2)


def test_label_axes_sets_both_labels_and_the_title():
    fig, ax = plt.subplots()
    helpers.charts.label_axes(ax, "x (units)", "y (units)", "What it shows", fontsize=10)
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x (units)", "y (units)", "What it shows")
    assert ax.title.get_fontsize() == 10
    plt.close(fig)


def test_hatch_groups_hatches_only_the_named_groups():
    fig, ax = plt.subplots()
    bars = helpers.grouped_bars(ax, pd.DataFrame({"X": [1, 2, 3], "Y": [3, 2, 1]}), COL)
    helpers.charts.hatch_groups(bars, [-1])
    assert [[b.get_hatch() for b in bars[o]] for o in COL] == [[None, None, "//"]] * 2
    plt.close(fig)


def test_outlet_lines_one_line_per_outlet_and_a_dashed_reference():
    table = pd.DataFrame({"outlet": ["X", "X", "Y"], "k": [1, 2, 1], "v": [5.0, 7.0, 3.0]})
    fig, ax = plt.subplots()
    helpers.charts.outlet_lines(ax, table, "k", "v", COL, reference=pd.Series({"X": 6.0, "Y": 3.0}))
    solid = [line for line in ax.lines if line.get_linestyle() == "-"]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert [list(line.get_ydata()) for line in solid] == [[5.0, 7.0], [3.0]]
    assert [line.get_ydata()[0] for line in dashed] == [6.0, 3.0] and dashed[0].get_color() == COL["X"]
    plt.close(fig)


def test_outlet_scatter_jitters_x_only_within_bounds_and_reproducibly():
    table = pd.DataFrame({"outlet": ["X"] * 5 + ["Y"] * 3, "w": [10] * 8, "g": range(8)})
    offsets = []
    for _ in range(2):
        fig, ax = plt.subplots()
        helpers.charts.outlet_scatter(ax, table, "w", "g", COL, jitter=0.3)
        offsets.append([c.get_offsets().tolist() for c in ax.collections])
        plt.close(fig)
    assert offsets[0] == offsets[1] and [len(c) for c in offsets[0]] == [5, 3]
    xs = [x for c in offsets[0] for x, _ in c]
    assert all(9.7 <= x <= 10.3 for x in xs) and len(set(xs)) == 8
    assert [y for c in offsets[0] for _, y in c] == list(range(8))


def test_agreement_scatter_draws_the_line_of_equal_values():
    fig, ax = plt.subplots()
    helpers.charts.agreement_scatter(ax, pd.Series([1.0, 5.0]), pd.Series([2.0, 4.0]))
    (line,) = ax.lines
    assert line.get_label() == "equal values" and list(line.get_xdata()) == list(line.get_ydata())
    plt.close(fig)


def test_measure_panels_one_panel_per_measure_values_labelled():
    values = pd.DataFrame({"X": [1.5, 0.2], "Y": [1.25, 0.1]}, index=["per_word", "share"])
    panels = [("per_word", 1, "per word", "Per word"), ("share", 100, "% of words", "Share")]
    fig = helpers.charts.measure_panels(values, COL, panels, "Two measures")
    left, right = fig.axes
    assert [b.get_height() for b in right.patches] == [20.0, 10.0]
    assert [t.get_text() for t in left.texts] == ["1.50", "1.25"] and right.texts[0].get_text() == "20.0%"
    assert right.get_title() == "Share" and fig.get_suptitle() == "Two measures"
    plt.close(fig)


def test_estimates_and_differences_shows_each_outlet_and_each_pair():
    est = pd.DataFrame({"grade": [10.0, 8.0], "ci_low": [9.0, 7.0], "ci_high": [11.0, 9.5]}, index=["X", "Y"])
    pairs = pd.DataFrame(
        {"outlet_a": ["X"], "outlet_b": ["Y"], "diff": [2.0], "ci_low": [0.5], "ci_high": [3.5]}
    )
    fig = helpers.charts.estimates_and_differences(est, pairs, COL, "grade", "grade", "difference", "Title")
    left, right = fig.axes
    ticks = dict(zip(left.get_yticks(), [t.get_text() for t in left.get_yticklabels()], strict=True))
    assert ticks == {1: "X", 0: "Y"}  # the first outlet on top
    assert [t.get_text() for t in right.get_yticklabels()] == ["X −\nY"]
    assert right.lines[0].get_xdata()[0] == 2.0 and fig.get_suptitle() == "Title"
    plt.close(fig)


def test_show_chart_saves_shows_and_reads(tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr("outlet_comparison.report.notebook.say", said.append)
    event = SimpleNamespace(figures=tmp_path / "figures", source_note="Source: test")
    fig, ax = plt.subplots()
    ax.set_title("A chart")
    helpers.show_chart(fig, pd.DataFrame({"a": [1]}), "07-test", event, "It reads so.")
    assert (tmp_path / "figures" / "07-test.csv").read_text() == "a\n1\n"
    assert (tmp_path / "figures" / "07-test.png").is_file() and said == ["It reads so."]
    assert helpers.read_pages(tmp_path)["07"].figures[0].reading == "It reads so."
    plt.close(fig)


def test_counted_bars_label_each_bar_with_its_count():
    table = pd.DataFrame({"X": [2.0, 4.0], "Y": [1.0, 3.0]}, index=["a", "b"])
    fig, ax = plt.subplots()
    bars = helpers.charts.counted_bars(
        ax, table, COL, pd.DataFrame({"X": [5, 9], "Y": [1, 2]}), low=table - 1, high=table + 1
    )
    assert [b.get_height() for b in bars["Y"]] == [1.0, 3.0]
    assert [t.get_text() for t in ax.texts] == ["5", "9", "1", "2"]
    plt.close(fig)


def test_panel_bars_one_panel_per_value_and_one_legend():
    table = pd.DataFrame(
        {"section": ["s", "s", "t", "t"], "frame": ["f"] * 4, "outlet": ["X", "Y"] * 2, "hits": [1, 2, 3, 4]}
    )
    fig = helpers.charts.panel_bars(table, "section", ["s", "t"], ["f"], COL, xlabel="Frame")
    s, t = fig.axes
    assert [b.get_height() for b in t.patches] == [3, 4] and (s.get_title(), t.get_xlabel()) == ("s", "Frame")
    assert [x.get_text() for x in fig.legends[0].get_texts()] == ["X", "Y"]
    plt.close(fig)


def test_outlet_arcs_dots_and_a_labelled_line_per_outlet():
    table = pd.DataFrame(
        {"outlet": ["X", "X", "Y"], "p": [10, 60, 50], "v": [0.1, -0.2, 0.3], "m": [0, 0, 0.3]}
    )
    fig, ax = plt.subplots()
    helpers.charts.outlet_arcs(ax, table, "p", "v", "m", COL, line="{o} (mean)")
    assert [line.get_label() for line in ax.lines] == ["X (mean)", "Y (mean)"] and len(ax.collections) == 2
    plt.close(fig)


def test_outlet_boxes_box_jittered_dots_and_mean():
    table = pd.DataFrame({"outlet": ["X", "X", "Y", "Y"], "c": [0.0, 1.0, -1.0, -0.5]})
    fig, ax = plt.subplots()
    helpers.charts.outlet_boxes(ax, table, "c", COL)
    means = [
        c.get_offsets().tolist()
        for c in ax.collections
        if c.get_label() == "mean" or len(c.get_offsets()) == 1
    ]
    assert means == [[[0.0, 0.5]], [[1.0, -0.75]]]
    plt.close(fig)


def test_dot_rows_one_row_per_table_row_first_on_top():
    table = pd.DataFrame({"X": [9.0, 5.0], "Y": [-1.0, 0.0]})
    fig, ax = plt.subplots()
    helpers.charts.dot_rows(ax, table, COL, ["all", "one dropped"])
    assert ax.collections[0].get_offsets().tolist() == [[9.0, 1.0], [5.0, 0.0]]
    ticks = dict(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()], strict=True))
    assert ticks == {1: "all", 0: "one dropped"}
    plt.close(fig)


def test_stacked_shares_stack_the_parts_left_to_right():
    shares = pd.DataFrame({"body": [80.0, 90.0], "caption": [20.0, 10.0]}, index=["X", "Y"])
    fig, ax = plt.subplots()
    helpers.charts.stacked_shares(ax, shares, {"body": "#DDDDDD", "caption": "#44AA99"})
    body, caption = ax.containers
    assert [b.get_x() for b in caption] == [80.0, 90.0] and ax.yaxis_inverted()
    assert caption.get_label() == "caption"
    plt.close(fig)


def test_column_panels_one_panel_per_column():
    stats = pd.DataFrame({"words": [765, 783], "words_per_sentence": [23.2, 24.5]}, index=["X", "Y"])
    fig = helpers.charts.column_panels(stats, COL, {"words": "words", "words_per_sentence": "words"}, "Sizes")
    left, right = fig.axes
    assert [b.get_height() for b in left.patches] == [765, 783] and right.get_title() == "words per sentence"
    plt.close(fig)


def test_timeline_rows_mark_mentions_and_publication_days():
    timeline = pd.DataFrame(
        {
            "event": ["a", "b"],
            "label": ["A met", "B met"],
            "order": [1, 2],
            "date": pd.to_datetime(["2016-09-04"] * 2),
        }
    )
    mentioned = pd.DataFrame({"X": [1, 0], "Y": [1, 1]}, index=["a", "b"])
    fig, ax = plt.subplots()
    helpers.charts.timeline_rows(ax, timeline, mentioned, {"X": 1.5, "Y": 2.5}, COL)
    _, x_marks, y_marks = ax.collections
    assert x_marks.get_offsets().tolist() == [[1, 1]] and y_marks.get_offsets().tolist() == [[1, 2], [2, 2]]
    assert [line.get_xdata()[0] for line in ax.lines] == [1.5, 2.5]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["happening", "mentioned by X", "mentioned by Y"]
    plt.close(fig)


def test_strip_panels_grey_corpus_and_marked_diamonds():
    corpus = pd.DataFrame({"m": [1.0, 2.0, 3.0], "n": [4.0, 5.0, None]})
    marked = pd.DataFrame({"outlet": ["X", "Y"], "m": [1.5, 2.5], "n": [4.5, 5.5]})
    fig = helpers.charts.strip_panels(corpus, marked, ["m", "n"], {"m": "M", "n": "N"}, COL)
    left, right = fig.axes
    assert len(right.collections[0].get_offsets()) == 2  # the missing value is left out
    assert [c.get_offsets().tolist()[0] for c in left.collections[1:]] == [[1.5, 0], [2.5, 0]]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["corpus article", "X", "Y"]
    plt.close(fig)


def test_difference_panels_one_row_per_pair():
    diffs = pd.DataFrame(
        {
            "metric": ["m", "m", "n"],
            "outlet_a": ["X", "X", "X"],
            "outlet_b": ["Y", "Z", "Y"],
            "diff": [1.0, -0.5, 2.0],
            "ci_low": [0.5, -1.0, 1.0],
            "ci_high": [1.5, 0.0, 3.0],
        }
    )
    colours = {**COL, "Z": "#009E73"}
    fig = helpers.charts.difference_panels(diffs, ["m", "n"], {"m": "M", "n": "N"}, colours)
    left, right = fig.axes
    assert [t.get_text() for t in left.get_yticklabels()] == ["X − Y", "X − Z"]
    assert len([c for c in right.containers]) == 1  # the pair without a value is skipped
    plt.close(fig)


def test_highlighted_bars_colour_each_row():
    table = pd.DataFrame({"m": [3.0, 1.0], "n": [2.0, 2.0]})
    fig = helpers.charts.highlighted_bars(
        table, ["m", "n"], {"m": "M", "n": "N"}, ["#0072B2", "#BBBBBB"], ["a", "b"]
    )
    left, _ = fig.axes
    assert [b.get_width() for b in left.patches] == [3.0, 1.0] and left.yaxis_inverted()
    assert left.patches[1].get_facecolor()[:3] == pytest.approx((0xBB / 255,) * 3)
    plt.close(fig)


def test_labelled_bars_notes_and_bold_ticks():
    fig, ax = plt.subplots()
    helpers.charts.labelled_bars(ax, pd.DataFrame({"X": [3, 1], "Y": [2, 0]}, index=["a", "b"]), COL)
    assert [t.get_text() for t in ax.texts] == ["3", "1", "2", "0"]
    helpers.charts.bar_notes(ax, [0, 1], [3, 1], ["3 of 4", "1 of 2"])
    assert [t.get_text() for t in ax.texts][-2:] == ["3 of 4", "1 of 2"]
    plt.close(fig)
    fig, ax = plt.subplots()
    helpers.grouped_bars(
        ax, pd.DataFrame({"X": [3, 1]}, index=["say", "accuse"]), {"X": "#000000"}, horizontal=True
    )
    helpers.charts.bold_ticks(ax, [False, True])
    assert [t.get_fontweight() for t in ax.get_yticklabels()] == ["normal", "bold"]
    plt.close(fig)


def test_count_and_share_two_panels_one_legend():
    counts = pd.DataFrame({"X": [3, 1], "Y": [2, 2]}, index=["anonymous", "named"])
    fig = helpers.charts.count_and_share(
        counts, 100 * counts / counts.sum(), COL, ["anon", "named"], "Type", "items"
    )
    left, right = fig.axes
    assert (left.get_ylabel(), right.get_ylabel(), right.get_ylim()) == (
        "Items (count)",
        "Share of items (%)",
        (0, 100),
    )
    assert [b.get_height() for b in right.patches][:2] == [75.0, 25.0] and len(fig.legends) == 1
    plt.close(fig)


def test_anonymity_panels_share_with_interval_and_reasons():
    anon = pd.DataFrame(
        {
            "outlet": ["X", "Y"],
            "attributions": [19, 21],
            "anonymous": [10, 3],
            "share": [10 / 19, 3 / 21],
            "ci_low": [0.3, 0.05],
            "ci_high": [0.7, 0.35],
            "anonymous_sources": [3, 2],
            "with_reason": [1, 0],
        }
    )
    fig = helpers.charts.anonymity_panels(anon, COL)
    left, right = fig.axes
    assert [t.get_text() for t in left.texts] == ["10 of 19", "3 of 21"]
    assert [t.get_text() for t in right.texts] == ["1 of 3", "0 of 2"]
    assert [b.get_height() for b in right.patches] == [1, 0, 2, 2]  # with a reason, then without
    plt.close(fig)


def test_part_of_bars_light_whole_dark_part():
    whole, part = pd.DataFrame({"X": [5, 2]}, index=["a", "b"]), pd.DataFrame({"X": [1, 2]}, index=["a", "b"])
    fig, ax = plt.subplots()
    helpers.charts.part_of_bars(ax, whole, part, {"X": "#0072B2"})
    light, dark = ax.containers
    assert [b.get_width() for b in light] == [5, 2] and light[0].get_alpha() == 0.35
    assert [b.get_width() for b in dark] == [1, 2] and ax.get_legend_handles_labels()[1] == ["X"]
    plt.close(fig)


def test_row_notes_and_score_lines():
    fig, ax = plt.subplots()
    helpers.charts.row_notes(ax, [35.0, 50.0], ["35%", "50%"])
    assert [(t.get_position(), t.get_text()) for t in ax.texts] == [((36.0, 0), "35%"), ((51.0, 1), "50%")]
    sweep = pd.DataFrame({"t": [0.1, 0.2], "precision": [0.2, 0.5], "f1": [0.3, 0.4]})
    helpers.charts.score_lines(ax, sweep, "t", {"precision": ("#009E73", "-"), "f1": ("#000000", "-")})
    assert [line.get_label() for line in ax.lines] == ["precision", "F1"]
    plt.close(fig)


def test_form_bars_one_bar_per_form_with_its_count():
    forms = pd.DataFrame(
        {"actor": ["A", "A", "B"], "form": ["a", "aa", "b"], "outlet": ["X", "Y", "X"], "count": [3, 1, 2]}
    )
    fig, ax = plt.subplots()
    helpers.charts.form_bars(ax, forms, COL)
    assert [b.get_width() for b in ax.patches] == [3, 1, 2]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A: a", "A: aa", "B: b"]
    assert [t.get_text() for t in ax.texts] == ["3", "1", "2"] and len(
        ax.lines
    ) == 1  # one line between actors
    plt.close(fig)


def test_part_of_bars_rules_and_names_groups_of_rows():
    whole = pd.DataFrame({"X": [5, 2, 1]}, index=["a", "b", "c"])
    fig, ax = plt.subplots()
    helpers.charts.part_of_bars(ax, whole, whole - 1, {"X": "#0072B2"}, groups=["US", "US", "Russia"])
    assert ax.get_xlim() == (0, 5 * 1.15 + 1) and ax.get_ylim() == (2.5, -0.5)
    assert [t.get_text() for t in ax.texts] == ["US", "Russia"]
    plt.close(fig)
