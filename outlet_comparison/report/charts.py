"""Chart conventions: one colour per outlet on every page, a source line, the CSV beside each PNG."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from outlet_comparison.core import FIGURES
from outlet_comparison.report.pages import FigureRecord, add_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from outlet_comparison.sources.events import Event

DEFAULT_SOURCE_NOTE = "Analysis: outlet-comparison toolkit"
PAGE_WIDTH_IN = 10.5  # a page shows a figure at most ~1,050 px wide; at 100 dpi wider figures shrink
MIN_FONT = 8  # points: at 100 dpi and at most PAGE_WIDTH_IN wide, 8 pt is 11 px on the page

# Okabe-Ito colour-blind-safe palette; the two study outlets keep these colours everywhere.
OUTLET_COLOURS = {
    "Bloomberg": "#0072B2",
    "Associated Press": "#D55E00",
    "Fox News": "#CC79A7",
    "New York Times": "#009E73",
    "HuffPost": "#E69F00",
}
# For other outlets: the rest of Okabe-Ito, then Paul Tol's muted scheme; no greys (the charts' background
# and reference lines are grey) and no black (text).
PALETTE = (
    "#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#AA4499", "#882255", "#DDCC77", "#CC6677",
)  # fmt: skip


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    """One colour per outlet of an event: known outlets keep theirs, the others take unused palette colours
    in the order given (the manifest's), so every page of the event agrees.

    >>> outlet_colours(["Bloomberg", "CNN", "Vox"])
    {'Bloomberg': '#0072B2', 'CNN': '#56B4E9', 'Vox': '#E69F00'}
    """
    taken = {OUTLET_COLOURS[o] for o in outlets if o in OUTLET_COLOURS}
    free = [c for c in PALETTE if c not in taken]
    out = {}
    for o in outlets:
        if o in OUTLET_COLOURS:
            out[o] = OUTLET_COLOURS[o]
        else:
            out[o] = free.pop(0) if free else PALETTE[len(out) % len(PALETTE)]
    return out


def outlet_colour(outlet: str) -> str:
    """The fixed colour of a known outlet; others get a stable palette colour (prefer ``outlet_colours``)."""
    if outlet in OUTLET_COLOURS:
        return OUTLET_COLOURS[outlet]
    return PALETTE[int(hashlib.md5(outlet.encode()).hexdigest(), 16) % len(PALETTE)]


def chart_title(fig: Figure) -> str:
    """The figure's title: its suptitle, else the title of its first axes that has one."""
    if fig.get_suptitle():
        return fig.get_suptitle()
    return next((t for ax in fig.axes for t in (ax.get_title(), ax.get_title("left")) if t), "")


def smallest_text(fig: Figure) -> float:
    """The smallest font size (points) of any visible, non-empty text of the figure."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return float(min(sizes)) if sizes else 0.0


def save_chart(
    fig: Figure,
    data: pd.DataFrame,
    name: str,
    out_dir: Path | str | None = None,
    source: str | None = None,
    event: Event | None = None,
    reading: str = "",
) -> tuple[Path, Path]:
    """Add the source line, then write ``<name>.png`` and the ``<name>.csv`` behind it, and add the chart to
    its page record (``NN`` from the name's first two characters; see ``pages``).

    The event (when given) supplies the folder (``output/<event>/figures``) and the source line.
    ``reading`` is a one-line reading of the chart; the page record keeps it with the chart's title for
    the report's index.
    """
    default_dir = event.figures if event is not None else FIGURES
    out = Path(out_dir) if out_dir is not None else default_dir
    source = source or (event.source_note if event is not None else DEFAULT_SOURCE_NOTE)
    out.mkdir(parents=True, exist_ok=True)
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())  # inches, includes legends outside the axes
    fig.text(
        box.x0 / fig.get_figwidth(),
        (box.y0 - 0.08) / fig.get_figheight(),
        source,
        fontsize=MIN_FONT,
        color="#555555",
        ha="left",
        va="top",
    )
    png, csv_path = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, dpi=120, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(csv_path, index=False)
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    record = FigureRecord(name, chart_title(fig), reading, source, smallest_text(fig), round(box.width, 2))
    add_figure(out.parent, name[:2], record)
    return png, csv_path


def show_chart(
    fig: Figure, data: pd.DataFrame, name: str, event: Event, reading: str, source: str | None = None
) -> None:
    """Save the chart and the CSV behind it (``save_chart``), show it, then the sentence that reads it."""
    import matplotlib.pyplot as plt

    from outlet_comparison.report.notebook import say

    save_chart(fig, data, name, event=event, source=source, reading=reading)
    plt.show()
    say(reading)


# ---------------------------------------------------------------- chart idioms the notebooks share


def figure_width(n_slots: int, per_slot: float = 0.45, minimum: float = 7.0) -> float:
    """A figure width (inches) for ``n_slots`` bars or labels, never wider than the page shows unshrunk.

    >>> figure_width(3), figure_width(40)
    (7.0, 10.5)
    """
    return min(PAGE_WIDTH_IN, max(minimum, per_slot * n_slots))


def row_height(n_rows: int, per_row: float = 0.32, minimum: float = 2.8, extra: float = 1.4) -> float:
    """A figure height (inches) for ``n_rows`` labelled rows (horizontal bars, one line per label).

    >>> row_height(3), row_height(10)
    (2.8, 4.6)
    """
    return max(minimum, extra + per_row * n_rows)


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


def wrap_label(name: str, width: int = 14) -> str:
    """An outlet name wrapped for a tick label.

    >>> wrap_label("The New York Times Company")
    'The New York\\nTimes Company'
    """
    import textwrap

    return "\n".join(textwrap.wrap(name, width)) or name


def label_axes(ax, xlabel: str, ylabel: str, title: str = "", **title_kw) -> None:
    """Both axis labels of one axes, and its title when given (``title_kw``: e.g. ``fontsize``)."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, **title_kw)


def hatch_groups(bars: dict, groups: list[int], hatch: str = "//") -> None:
    """Hatch the bars of some groups (row positions) of ``grouped_bars``: e.g. a band rather than a value."""
    for container in bars.values():
        for i in groups:
            container[i].set_hatch(hatch)
            container[i].set_edgecolor("white")


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


def agreement_scatter(ax, reference: pd.Series, ours: pd.Series) -> None:
    """Our values against reference values, grey dots, with the dashed line of equal values."""
    ax.scatter(reference, ours, s=12, color="#555555", alpha=0.6)
    lim = [min(ax.get_xlim()[0], ax.get_ylim()[0]), max(ax.get_xlim()[1], ax.get_ylim()[1])]
    ax.plot(lim, lim, color="#999999", lw=1, ls="--", label="equal values")


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


def _interval_rows(ax, values, low, high, ys, colours: list[str]) -> None:
    """A dot with its interval for each value, at heights ``ys``."""
    for v, lo, hi, yy, c in zip(values, low, high, ys, colours, strict=True):
        ax.errorbar(v, yy, xerr=[[v - lo], [hi - v]], fmt="o", color=c, capsize=5)


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


def counted_bars(ax, table: pd.DataFrame, colours: dict[str, str], counts: pd.DataFrame, **kw) -> dict:
    """``grouped_bars`` (``kw``: labels, low, high) with thin capped intervals, each bar labelled above its
    interval with its count from ``counts`` (same shape as ``table``)."""
    bars = grouped_bars(ax, table, colours, capsize=3, error_kw={"lw": 0.8}, **kw)
    for o in table.columns:
        ax.bar_label(bars[o], [f"{int(h)}" for h in counts[o]], padding=2, fontsize=MIN_FONT)
    return bars


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


def dot_rows(ax, table: pd.DataFrame, colours: dict[str, str], labels: list[str]) -> None:
    """One row per row of ``table`` (first on top, labelled), a dot per outlet column, the legend beside."""
    import numpy as np

    y = np.arange(len(table))[::-1]
    for o in colours:
        ax.scatter(table[o], y, color=colours[o], s=24, label=o, zorder=3)
    ax.set_yticks(y, labels)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(frameon=False, fontsize=MIN_FONT, loc="upper left", bbox_to_anchor=(1, 1))
