"""Chart idioms on one axes, shared by the notebooks: bars by outlet (grouped, paired, counted, split,
stacked), dots and lines per outlet, where things fall along each text."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.charts.base import MIN_FONT
from outlet_comparison.report.charts.legibility import wrap_label


def grouped_bars(
    ax,
    table: pd.DataFrame,
    colours: dict[str, str],
    labels: list[str] | None = None,
    horizontal: bool = False,
    group_width: float = 0.8,
    low: pd.DataFrame | None = None,
    high: pd.DataFrame | None = None,
    legend: bool = True,
    **bar_kw,
) -> dict:
    """One bar per column (outlet) side by side in each group (row): ``{column: BarContainer}``.

    The groups get tick labels (``labels`` or the row names); horizontal groups run top to bottom.
    ``low``/``high`` (same shape as ``table``): an interval drawn as an error bar on each bar.
    ``legend=False``: the bars get no legend entry (a second layer drawn over the first).
    """
    import numpy as np

    n = max(1, len(table.columns))
    width = group_width / n
    pos = np.arange(len(table))
    bars = {}
    for k, col in enumerate(table.columns):
        shift = (k - (n - 1) / 2) * width
        values = pd.to_numeric(table[col], errors="coerce").fillna(0).to_numpy(float)
        if low is not None and high is not None:
            err = [values - low[col].to_numpy(float), high[col].to_numpy(float) - values]
            bar_kw = {**bar_kw, "xerr" if horizontal else "yerr": err}
        name = col if legend else "_nolegend_"
        if horizontal:
            bars[col] = ax.barh(pos + shift, values, width, color=colours[col], label=name, **bar_kw)
        else:
            bars[col] = ax.bar(pos + shift, values, width, color=colours[col], label=name, **bar_kw)
    ticks = list(labels) if labels is not None else [str(i) for i in table.index]
    if horizontal:
        ax.set_yticks(pos, ticks)
        if not ax.yaxis_inverted():
            ax.invert_yaxis()
    else:
        ax.set_xticks(pos, ticks)
    return bars


def paired_bars(
    ax,
    first: pd.Series,
    second: pd.Series,
    colours: dict[str, str],
    names: tuple[str, str],
    digits: int = 2,
) -> None:
    """Two bars per outlet (faded ``first``, solid ``second``), each labelled with its name and value."""
    import numpy as np

    outlets = list(first.index)
    pos = np.arange(len(outlets))
    for j, (values, name, alpha) in enumerate(((first, names[0], 0.45), (second, names[1], 1.0))):
        vals = pd.to_numeric(values.reindex(outlets)).to_numpy(float)
        x = pos + (j - 0.5) * 0.38
        ax.bar(x, vals, 0.38, color=[colours[o] for o in outlets], alpha=alpha)
        for xi, v in zip(x, vals, strict=True):
            ax.text(xi, v + 0.15, f"{name}\n{v:.{digits}f}", ha="center", va="bottom", fontsize=MIN_FONT)
    ax.set_xticks(pos, [wrap_label(o) for o in outlets])


def counted_bars(ax, table: pd.DataFrame, colours: dict[str, str], counts: pd.DataFrame, **kw) -> dict:
    """``grouped_bars`` (``kw``: labels, low, high) with thin capped intervals, each bar labelled above its
    interval with its count from ``counts`` (same shape as ``table``)."""
    bars = grouped_bars(ax, table, colours, capsize=3, error_kw={"lw": 0.8}, **kw)
    for o in table.columns:
        ax.bar_label(bars[o], [f"{int(h)}" for h in counts[o]], padding=2, fontsize=MIN_FONT)
    return bars


def hatch_groups(bars: dict, groups: list[int], hatch: str = "//") -> None:
    """Hatch the bars of some groups (row positions) of ``grouped_bars``: e.g. a band rather than a value."""
    for container in bars.values():
        for i in groups:
            container[i].set_hatch(hatch)
            container[i].set_edgecolor("white")


def split_bars(
    ax,
    solid: pd.Series,
    rest: pd.Series,
    colours: dict[str, str],
    horizontal: bool = False,
    width: float = 0.6,
) -> None:
    """One bar per outlet (the index) in two parts: ``solid``, then ``rest`` stacked on it, faded and hatched.

    The outlets get wrapped tick labels; horizontal bars run top to bottom. ``split_key`` is its legend.
    """
    import numpy as np

    outlets = list(solid.index)
    pos = np.arange(len(outlets))
    first = pd.to_numeric(solid, errors="coerce").fillna(0).to_numpy(float)
    second = pd.to_numeric(rest.reindex(outlets), errors="coerce").fillna(0).to_numpy(float)
    colour = [colours[o] for o in outlets]
    faded = {"color": colour, "alpha": 0.35, "hatch": "//", "edgecolor": "white"}
    if horizontal:
        ax.barh(pos, first, width, color=colour)
        ax.barh(pos, second, width, left=first, **faded)
        ax.set_yticks(pos, [wrap_label(o) for o in outlets])
        ax.set_ylim(len(outlets) - 0.5, -0.5)
    else:
        ax.bar(pos, first, width, color=colour)
        ax.bar(pos, second, width, bottom=first, **faded)
        ax.set_xticks(pos, [wrap_label(o) for o in outlets], fontsize=MIN_FONT)


def split_key(solid: str, rest: str) -> list:
    """Legend handles for ``split_bars``: a solid and a faded hatched patch in a neutral grey."""
    from matplotlib.patches import Patch

    return [
        Patch(facecolor="#777777", label=f"{solid} (solid)"),
        Patch(facecolor="#777777", alpha=0.35, hatch="//", edgecolor="white", label=f"{rest} (hatched)"),
    ]


def stacked_shares(ax, shares: pd.DataFrame, colours: dict[str, str]) -> None:
    """One horizontal bar per row of ``shares`` (top to bottom), its columns stacked in ``colours``."""
    left = pd.Series(0.0, index=shares.index)
    for part in shares.columns:
        style = {"color": colours[part], "edgecolor": "#555555", "linewidth": 0.4}
        ax.barh(shares.index, shares[part], left=left, label=part, **style)
        left += shares[part]
    ax.invert_yaxis()


def position_dots(
    ax,
    dots: pd.DataFrame,
    row: str,
    rows: list[str],
    colours: dict[str, str],
    x: str = "position_pct",
    size: str = "hits",
    area: float = 30,
    labels: list[str] | None = None,
    size_key: str | None = None,
    **scatter_kw,
) -> None:
    """Where things fall in each article: one row per category (``row`` in ``rows``), a dot per outlet
    (``dots.outlet``, offset within the row) at ``x`` (0–100 % of the text), its area ``area`` per unit
    of ``size``. The legend beside the axes shows the outlets at one size; ``size_key`` ("{n} in one
    sentence") adds one grey dot per size from 1 to the largest.
    """
    import numpy as np

    outlets = list(colours)
    offsets = np.linspace(-0.3, 0.3, len(outlets)) if len(outlets) > 1 else [0.0]
    for off, o in zip(offsets, outlets, strict=True):
        d = dots[dots["outlet"] == o]
        ys = d[row].map(rows.index) + off
        ax.scatter(d[x], ys, s=area * d[size], color=colours[o], label=o, zorder=3, **scatter_kw)
    ax.set_yticks(range(len(rows)), labels if labels is not None else rows)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.grid(axis="x", alpha=0.3)
    handles, names = ax.get_legend_handles_labels()
    if size_key:
        most = int(dots[size].max()) if len(dots) else 1
        sizes = range(1, most + 1)
        handles += [ax.scatter([], [], s=area * n, color="#999999", edgecolor="white") for n in sizes]
        names += [size_key.format(n=n) for n in sizes]
    legend = ax.legend(
        handles, names, frameon=False, loc="upper left", bbox_to_anchor=(1, 1), fontsize=MIN_FONT
    )
    for handle in legend.legend_handles[: len(outlets)]:
        handle.set_sizes([area])


def row_groups(ax, groups: list[str], label_x: float | None = None) -> None:
    """A thin line above each run of equal ``groups`` (one per chart row, top to bottom), and the group's
    name in italics at ``label_x`` (right-aligned) when given."""
    for i, group in enumerate(groups):
        if i == 0 or group != groups[i - 1]:
            if i or label_x is not None:
                ax.axhline(i - 0.5, color="#888888" if label_x is not None else "#bbbbbb", lw=0.6)
            if label_x is not None:
                ax.text(
                    label_x, i - 0.4, group, ha="right", va="top", fontsize=9, style="italic", color="#444444"
                )


def dot_rows(ax, table: pd.DataFrame, colours: dict[str, str], labels: list[str]) -> None:
    """One row per row of ``table`` (first on top, labelled), a dot per outlet column, the legend beside."""
    import numpy as np

    y = np.arange(len(table))[::-1]
    for o in colours:
        ax.scatter(table[o], y, color=colours[o], s=24, label=o, zorder=3)
    ax.set_yticks(y, labels)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(frameon=False, fontsize=MIN_FONT, loc="upper left", bbox_to_anchor=(1, 1))


def label_axes(ax, xlabel: str, ylabel: str, title: str = "", **title_kw) -> None:
    """Both axis labels of one axes, and its title when given (``title_kw``: e.g. ``fontsize``)."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, **title_kw)


def outlet_lines(ax, table: pd.DataFrame, x: str, y: str, colours: dict[str, str], reference=None) -> None:
    """One line with dots per outlet (``table.outlet``) of ``y`` against ``x``; ``reference`` (a value per
    outlet) is drawn as a dashed level in the outlet's colour."""
    for o in colours:
        rows = table[table["outlet"] == o]
        ax.plot(rows[x], rows[y], marker="o", color=colours[o], label=o)
        if reference is not None:
            ax.axhline(reference[o], color=colours[o], ls="--", lw=1)


def outlet_scatter(
    ax, table: pd.DataFrame, x: str, y: str, colours: dict[str, str], jitter: float = 0.0, seed: int = 2016
) -> None:
    """One dot per row of ``table`` (``y`` against ``x``) in its outlet's colour; ``x`` jittered by up to
    ``±jitter`` (seeded) so equal values stay visible."""
    import numpy as np

    rng = np.random.default_rng(seed)
    for o in colours:
        rows = table[table["outlet"] == o]
        shift = rng.uniform(-jitter, jitter, len(rows))
        ax.scatter(rows[x] + shift, rows[y], color=colours[o], s=22, alpha=0.75, label=o)


def outlet_arcs(
    ax, table: pd.DataFrame, x: str, y: str, smooth: str, colours: dict[str, str], line: str = "{o}"
) -> None:
    """Through each text: a faint dot per unit (``y`` at ``x``) and a line of ``smooth`` (its smoothed
    value) labelled ``line`` (with ``{o}`` the outlet)."""
    for o in colours:
        t = table[table["outlet"] == o]
        ax.scatter(t[x], t[y], color=colours[o], s=14, alpha=0.45)
        ax.plot(t[x], t[smooth], color=colours[o], lw=2, label=line.format(o=o))


def outlet_boxes(ax, table: pd.DataFrame, column: str, colours: dict[str, str], seed: int = 2016) -> None:
    """Per outlet: a box of ``column`` (no fliers), every value as a jittered dot (seeded), the mean as a
    black diamond."""
    import numpy as np

    rng = np.random.default_rng(seed)
    for k, o in enumerate(colours):
        c = table.loc[table["outlet"] == o, column].to_numpy()
        ax.boxplot(c, positions=[k], widths=0.5, showfliers=False, medianprops={"color": "#333333"})
        ax.scatter(k + rng.uniform(-0.15, 0.15, len(c)), c, color=colours[o], s=16, alpha=0.7, zorder=3)
        ax.scatter(
            [k], [c.mean()], marker="D", color="black", s=36, zorder=4, label="mean" if k == 0 else None
        )


def agreement_scatter(ax, reference: pd.Series, ours: pd.Series) -> None:
    """Our values against reference values, grey dots, with the dashed line of equal values."""
    ax.scatter(reference, ours, s=12, color="#555555", alpha=0.6)
    lim = [min(ax.get_xlim()[0], ax.get_ylim()[0]), max(ax.get_xlim()[1], ax.get_ylim()[1])]
    ax.plot(lim, lim, color="#999999", lw=1, ls="--", label="equal values")


def timeline_rows(
    ax, timeline: pd.DataFrame, mentioned: pd.DataFrame, ends: dict, colours: dict[str, str]
) -> None:
    """The happenings in order on a bottom row (labelled, dated ticks); above, one row per outlet with a
    square on each happening it mentions and a bar where its publication day ends."""
    import textwrap

    import numpy as np

    outlets = list(colours)
    ax.scatter(timeline["order"], np.zeros(len(timeline)), s=70, color="#444444", zorder=3)
    for ev in timeline.itertuples():
        ax.annotate(textwrap.fill(ev.label, 18), (ev.order, 0), xytext=(0, -10), textcoords="offset points",
                    ha="center", va="top", fontsize=MIN_FONT)  # fmt: skip
    for y, o in enumerate(outlets, start=1):
        hit = timeline[mentioned[o].to_numpy() > 0]
        ax.scatter(hit["order"], np.full(len(hit), y), s=60, marker="s", color=colours[o], zorder=3)
        ax.plot([ends[o]] * 2, [y - 0.35, y + 0.35], color=colours[o], lw=3)
    ax.set_yticks(range(len(outlets) + 1), ["happening", *[f"mentioned by {o}" for o in outlets]])
    ax.set_xticks(timeline["order"], [f"{d:%a %d %b}" for d in timeline["date"]], fontsize=MIN_FONT)
    ax.set_ylim(-1.6, len(outlets) + 0.6)


def _interval_rows(ax, values, low, high, ys, colours: list[str]) -> None:
    """A dot with its interval for each value, at heights ``ys``."""
    for v, lo, hi, yy, c in zip(values, low, high, ys, colours, strict=True):
        ax.errorbar(v, yy, xerr=[[v - lo], [hi - v]], fmt="o", color=c, capsize=5)


def labelled_bars(ax, table: pd.DataFrame, colours: dict[str, str], **kw) -> dict:
    """``grouped_bars`` (``kw``: labels, horizontal, ...) with each bar labelled with its value."""
    bars = grouped_bars(ax, table, colours, **kw)
    for container in bars.values():
        ax.bar_label(container, padding=2, fontsize=MIN_FONT)
    return bars


def bar_notes(ax, xs, ys, texts: list[str]) -> None:
    """A small note centred just above each bar (at ``xs``, ``ys``)."""
    for x, y, text in zip(xs, ys, texts, strict=True):
        ax.annotate(text, (x, y), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=MIN_FONT)


def bold_ticks(ax, bold: list[bool]) -> None:
    """Set the y tick labels whose flag is true in bold (e.g. the loaded verbs)."""
    for tick, flag in zip(ax.get_yticklabels(), bold, strict=True):
        if flag:
            tick.set_fontweight("bold")


def part_of_bars(
    ax, whole: pd.DataFrame, part: pd.DataFrame, colours: dict[str, str], groups: list[str] | None = None
) -> None:
    """Horizontal ``grouped_bars`` of ``whole`` (light, no legend entry) with ``part`` drawn over them;
    ``groups`` (one per row): the rows are ruled and named by group at the right, on an integer axis."""
    import matplotlib.pyplot as plt

    grouped_bars(ax, whole, colours, horizontal=True, alpha=0.35, legend=False)
    grouped_bars(ax, part, colours, horizontal=True)
    if groups is not None:
        xmax = whole.max().max() * 1.15 + 1
        ax.set_xlim(0, xmax)
        ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
        ax.set_ylim(len(whole) - 0.5, -0.5)
        row_groups(ax, groups, label_x=xmax * 0.99)


def row_notes(ax, xs, texts: list[str], shift: float = 1) -> None:
    """A note just right of each horizontal bar (row k at its end ``xs[k]``)."""
    for k, (x, text) in enumerate(zip(xs, texts, strict=True)):
        ax.text(x + shift, k, text, va="center", fontsize=9, color="black")


def score_lines(ax, table: pd.DataFrame, x: str, scores: dict[str, tuple[str, str]]) -> None:
    """A line with dots per score column (``scores``: column -> (colour, line style)); F1 in capitals."""
    for col, (colour, style) in scores.items():
        ax.plot(table[x], table[col], style, color=colour, label=col.upper() if col == "f1" else col,
                marker="o", ms=3)  # fmt: skip


def form_bars(ax, forms: pd.DataFrame, colours: dict[str, str]) -> None:
    """One horizontal bar per name form (``forms``: actor, form, outlet, count, top to bottom) in its outlet's
    colour, with its count beside it, a line between actors, and a legend of the outlets."""
    import matplotlib.pyplot as plt
    import numpy as np

    y = np.arange(len(forms))
    ax.barh(y, forms["count"], color=[colours[o] for o in forms.outlet])
    ax.set_yticks(y, [f"{a}: {f}" for a, f in zip(forms.actor, forms.form, strict=True)], fontsize=MIN_FONT)
    ax.set_ylim(len(forms) - 0.5, -0.5)
    row_groups(ax, forms.actor.tolist())
    for yy, n in zip(y, forms["count"], strict=True):
        ax.text(n + 0.1, yy, str(n), va="center", fontsize=MIN_FONT)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[o]) for o in colours]
    ax.legend(
        handles, list(colours), title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=MIN_FONT
    )
    ax.set_xlim(0, forms["count"].max() * 1.1 + 0.5)
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
