"""Whole figures the notebooks share: panels per outlet or measure, estimates beside their differences."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.charts.base import MIN_FONT, figure_width
from outlet_comparison.report.charts.idioms import _interval_rows, grouped_bars, label_axes
from outlet_comparison.report.charts.legibility import wrap_label


def outlet_distributions(
    values: pd.DataFrame,
    column: str,
    colours: dict[str, str],
    bins,
    unit: str,
    xlabel: str,
):
    """One histogram per outlet (rows sharing the x axis), each with its median dashed: the figure."""
    import matplotlib.pyplot as plt
    import numpy as np

    outlets = list(colours)
    fig, axes = plt.subplots(len(outlets), 1, figsize=(8, 1.2 + 1.7 * len(outlets)), sharex=True, sharey=True)
    for ax, o in zip(np.atleast_1d(axes), outlets, strict=True):
        v = values.loc[values["outlet"] == o, column]
        ax.hist(v, bins=bins, color=colours[o], edgecolor="white")
        ax.axvline(v.median(), color="#333333", ls="--", lw=1)
        ax.set_title(f"{o}: {len(v)} {unit}, median {v.median():.0f} (dashed)", fontsize=9, loc="left")
        ax.set_ylabel(unit)
    np.atleast_1d(axes)[-1].set_xlabel(xlabel)
    return fig


def measure_panels(values: pd.DataFrame, colours: dict[str, str], panels: list[tuple], title: str):
    """One panel per measure, a labelled bar per outlet: ``panels`` are (row of ``values``, scale, y label,
    panel title); a scale of 1 labels values with two decimals, any other as a percentage. The figure."""
    import matplotlib.pyplot as plt

    outlets = list(colours)
    fig, axes = plt.subplots(1, len(panels), figsize=(figure_width(3 * len(outlets), 1.2, 10), 4))
    for ax, (key, k, ylabel, panel) in zip(axes, panels, strict=True):
        vals = [k * values.loc[key, o] for o in outlets]
        ax.bar(range(len(outlets)), vals, color=[colours[o] for o in outlets])
        for i, v in enumerate(vals):
            ax.text(i, v, f"{v:.2f}" if k == 1 else f"{v:.1f}%", ha="center", va="bottom", fontsize=8)
        rotation = 90 if len(outlets) > 4 else 0
        ax.set_xticks(range(len(outlets)), [wrap_label(o) for o in outlets], fontsize=8, rotation=rotation)
        label_axes(ax, "Outlet", ylabel, panel, fontsize=10)
        ax.set_ylim(0, max(vals) * 1.15)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def estimates_and_differences(
    estimates: pd.DataFrame,
    pairs: pd.DataFrame,
    colours: dict[str, str],
    value: str,
    value_label: str,
    diff_label: str,
    title: str,
):
    """Left: each outlet's ``value`` with its 95% interval (``estimates``: index outlet, ``ci_low``,
    ``ci_high``); right: each pair's difference with its interval (``pairs``: ``outlet_a``, ``outlet_b``,
    ``diff``, ``ci_low``, ``ci_high``) against a line at zero. The figure."""
    import matplotlib.pyplot as plt
    import numpy as np

    outlets = list(colours)
    size = (10.5, 1.8 + 0.45 * max(len(outlets), len(pairs)))
    fig, (left, right) = plt.subplots(1, 2, figsize=size, gridspec_kw={"width_ratios": [1, 1.3]})
    y = np.arange(len(outlets))[::-1]
    e = estimates.loc[outlets]
    _interval_rows(left, e[value], e["ci_low"], e["ci_high"], y, [colours[o] for o in outlets])
    left.set_yticks(y, [wrap_label(o) for o in outlets], fontsize=8)
    left.set_ylim(-0.7, len(outlets) - 0.3)
    left.set_xlabel(value_label)
    left.set_title("Each article, 95% CI", fontsize=10)
    yp = np.arange(len(pairs))[::-1]
    pair_err = [pairs["diff"] - pairs["ci_low"], pairs["ci_high"] - pairs["diff"]]
    right.errorbar(pairs["diff"], yp, xerr=pair_err, fmt="o", color="#333333", capsize=5)
    right.axvline(0, color="#999999", lw=1)
    ticks = [f"{a} −\n{b}" for a, b in zip(pairs.outlet_a, pairs.outlet_b, strict=True)]
    right.set_yticks(yp, ticks, fontsize=8)
    right.set_ylim(-0.7, max(len(pairs), 1) - 0.3)
    right.set_xlabel(diff_label)
    right.set_title("Each pair of outlets, 95% CI (0 = no difference)", fontsize=10)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def panel_bars(
    table: pd.DataFrame,
    panel: str,
    panels: list[str],
    rows: list[str],
    colours: dict[str, str],
    value: str = "hits",
    row: str = "frame",
    labels: list[str] | None = None,
    xlabel: str = "",
):
    """One panel of ``grouped_bars`` per value of ``panel`` (titled with it, x axis ``xlabel``), sharing the
    y axis, one legend below: ``table`` is long (``panel``, ``row``, ``outlet``, ``value``). The figure."""
    import matplotlib.pyplot as plt

    outlets = list(colours)
    fig, axes = plt.subplots(1, len(panels), figsize=(10.5, 3.8 + 0.1 * len(outlets)), sharey=True)
    for ax, name in zip(axes, panels, strict=True):
        wide = table[table[panel] == name].pivot(index=row, columns="outlet", values=value)
        grouped_bars(ax, wide.loc[rows, outlets], colours, labels=labels)
        ax.set_title(name, fontsize=10)
        ax.tick_params(axis="x", labelsize=8, labelrotation=90)
        ax.set_xlabel(xlabel)
    handles = axes[0].get_legend_handles_labels()
    fig.legend(*handles, loc="upper center", bbox_to_anchor=(0.5, 0), frameon=False, fontsize=MIN_FONT,
               ncols=min(5, len(outlets)))  # fmt: skip
    return fig


def column_panels(table: pd.DataFrame, colours: dict[str, str], units: dict[str, str], title: str):
    """One bar panel per column of ``table`` (rows: outlets), titled with the column, y axis in ``units``."""
    import matplotlib.pyplot as plt

    n = len(table.columns)
    fig, axes = plt.subplots(1, n, figsize=(figure_width(n * len(table), 0.6, 10.5), 3.4))
    for ax, col in zip(axes, table.columns, strict=True):
        ax.bar(range(len(table)), table[col], color=[colours[o] for o in table.index])
        ax.set_title(col.replace("_", " "), fontsize=10)
        ax.set_ylabel(units[col])
        ax.set_xticks(range(len(table)), table.index, rotation=30, ha="right", fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def strip_panels(
    corpus: pd.DataFrame,
    marked: pd.DataFrame,
    metrics: list[str],
    labels: dict[str, str],
    colours: dict[str, str],
    seed: int = 2016,
):
    """One strip per measure: every corpus article a grey dot (jittered up and down, seeded), each
    ``marked`` article (``outlet`` column) a diamond in its outlet's colour; one legend below. The figure."""
    import textwrap

    import matplotlib.pyplot as plt
    import numpy as np

    fig, axes = plt.subplots(1, len(metrics), figsize=(10.5, 3.4))
    rng = np.random.default_rng(seed)
    for ax, metric in zip(axes, metrics, strict=True):
        first = metric == metrics[0]
        values = corpus[metric].dropna()
        ax.scatter(values, rng.uniform(-0.25, 0.25, len(values)), s=8, color="#BBBBBB", alpha=0.6,
                   label="corpus article" if first else None)  # fmt: skip
        for _, row in marked.iterrows():
            ax.scatter([row[metric]], [0], s=90, marker="D", color=colours[row["outlet"]], edgecolor="black",
                       zorder=3, label=row["outlet"] if first else None)  # fmt: skip
        ax.set_yticks([])
        ax.set_xlabel(textwrap.fill(labels[metric], 30), fontsize=MIN_FONT)
    fig.legend(loc="upper center", ncols=min(6, len(colours) + 1), frameon=False, fontsize=MIN_FONT,
               bbox_to_anchor=(0.5, 0))  # fmt: skip
    return fig


def difference_panels(
    diffs: pd.DataFrame, metrics: list[str], labels: dict[str, str], colours: dict[str, str]
):
    """One panel per measure: each pair of outlets' mean difference with its 95% interval (``diffs``:
    ``paired_differences`` rows), the marker filled with the first outlet's colour, rimmed with the
    second's, against a line at zero. The figure."""
    import textwrap

    import matplotlib.pyplot as plt

    pairs = diffs[["outlet_a", "outlet_b"]].drop_duplicates().values.tolist()
    fig, axes = plt.subplots(1, len(metrics), figsize=(10.5, 1.2 + 0.6 * len(pairs)), sharey=True)
    for ax, metric in zip(axes, metrics, strict=True):
        sub = diffs[diffs.metric == metric].set_index(["outlet_a", "outlet_b"])
        for y, (a, b) in enumerate(pairs):
            if (a, b) not in sub.index:
                continue
            r = sub.loc[(a, b)]
            ax.errorbar(r["diff"], y, xerr=[[r["diff"] - r["ci_low"]], [r["ci_high"] - r["diff"]]], fmt="o",
                        color=colours[a], mec=colours[b], mew=2, ms=8, capsize=3)  # fmt: skip
        ax.axvline(0, color="#555555", lw=0.8)
        ax.set_xlabel("difference in\n" + textwrap.fill(labels[metric], 26), fontsize=MIN_FONT)
        ax.xaxis.set_major_locator(plt.MaxNLocator(4))
        ax.set_yticks(range(len(pairs)), [f"{a} − {b}" for a, b in pairs])
    axes[0].invert_yaxis()
    return fig


def highlighted_bars(
    table: pd.DataFrame, metrics: list[str], labels: dict[str, str], colours: list[str], row_labels: list[str]
):
    """One panel of horizontal bars per measure, a bar per row of ``table`` (top to bottom, sharing the
    y axis) in the given ``colours`` (e.g. grey for all but the rows to highlight). The figure."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(metrics), figsize=(10.5, 3.8), sharey=True)
    for ax, metric in zip(axes, metrics, strict=True):
        ax.barh(range(len(table)), table[metric], color=colours)
        ax.set_xlabel(labels[metric], fontsize=MIN_FONT)
        ax.set_yticks(range(len(table)), row_labels)
    axes[0].invert_yaxis()
    return fig


def count_and_share(counts: pd.DataFrame, shares: pd.DataFrame, colours: dict[str, str], labels: list[str],
                    xlabel: str, unit: str):  # fmt: skip
    """Left: the count of each group per outlet (labelled bars); right: each group's share (%) of the
    outlet's total; one legend below (``counts`` and ``shares``: a row per group, a column per outlet)."""
    import matplotlib.pyplot as plt

    from outlet_comparison.report.charts.idioms import labelled_bars

    fig, axes = plt.subplots(1, 2, figsize=(10.5, 4.2))
    labelled_bars(axes[0], counts, colours, labels=labels)
    grouped_bars(axes[1], shares.fillna(0), colours, labels=labels)
    axes[0].set(title="Count", ylabel=f"{unit.capitalize()} (count)", xlabel=xlabel)
    axes[1].set(
        title=f"Share of each outlet's {unit}", ylabel=f"Share of {unit} (%)", xlabel=xlabel, ylim=(0, 100)
    )
    axes[0].yaxis.get_major_locator().set_params(integer=True)
    axes[0].margins(y=0.12)
    for ax in axes:
        ax.tick_params(axis="x", labelsize=8, labelrotation=30 if counts.size > 12 else 0)
    handles = axes[0].get_legend_handles_labels()
    fig.legend(*handles, loc="upper center", bbox_to_anchor=(0.5, 0), frameon=False, fontsize=MIN_FONT,
               ncols=min(5, len(colours)))  # fmt: skip
    return fig


def anonymity_panels(anon: pd.DataFrame, colours: dict[str, str]):
    """Left: each outlet's anonymous share of attributions with its interval ('k of n' above); right: its
    distinct anonymous sources, those with a stated reason solid ('r of m' above). ``anon``:
    ``sourcing.anonymity_table``. The figure."""
    import matplotlib.pyplot as plt
    import numpy as np

    from outlet_comparison.report.charts.idioms import bar_notes, split_bars, split_key

    outlets = list(colours)
    fig, axes = plt.subplots(1, 2, figsize=(figure_width(len(outlets), 2.4, 10), 4.4))
    x = np.arange(len(outlets))
    share, lo, hi = (100 * anon[c].fillna(0).to_numpy() for c in ("share", "ci_low", "ci_high"))
    axes[0].bar(x, share, 0.6, color=[colours[o] for o in outlets])
    axes[0].errorbar(x, share, yerr=[share - lo, hi - share], fmt="none", ecolor="black", capsize=5, lw=1)
    bar_notes(axes[0], x, hi, [f"{r.anonymous} of {r.attributions}" for r in anon.itertuples()])
    axes[0].set(title="Anonymous share of attributions (95% Wilson CI)", ylabel="Anonymous attributions (%)",
                xlabel="Outlet (label: anonymous of all attributions)", ylim=(0, 110))  # fmt: skip
    by_o = anon.set_index("outlet")
    split_bars(axes[1], by_o["with_reason"], by_o["anonymous_sources"] - by_o["with_reason"], colours)
    notes = [f"{r.with_reason} of {r.anonymous_sources}" for r in anon.itertuples()]
    bar_notes(axes[1], x, anon["anonymous_sources"], notes)
    axes[1].set(title="Distinct anonymous sources", ylabel="Distinct anonymous sources (count)",
                xlabel="Outlet (label: with a reason of all)")  # fmt: skip
    axes[1].set_ylim(0, 1.25 * max(1, anon["anonymous_sources"].max()))
    axes[1].yaxis.get_major_locator().set_params(integer=True)
    for ax in axes:
        ax.set_xticks(x, [wrap_label(o) for o in outlets], fontsize=8)
    fig.tight_layout()
    key = split_key("with a stated reason", "without a reason")
    fig.legend(handles=key, frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.75, 0))
    return fig
