"""Chart idioms in report/charts.py: what they draw, checked on the artists."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

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
