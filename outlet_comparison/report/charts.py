"""Chart conventions: one colour per outlet on every page, a source line, the CSV beside each PNG."""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from outlet_comparison.core import FIGURES, ArticleError
from outlet_comparison.report.pages import FigureRecord, add_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from outlet_comparison.sources.events import Event

DEFAULT_SOURCE_NOTE = "Analysis: outlet-comparison toolkit"
PAGE_WIDTH_IN = 10.5  # a page shows a figure at most ~1,050 px wide; at 100 dpi wider figures shrink
MIN_FONT = 8  # points: at 100 dpi and at most PAGE_WIDTH_IN wide, 8 pt is 11 px on the page
SCREEN_DPI = 100  # the pages show each chart as the notebook drew it inline, at 100 dpi
MIN_PX = 10.0  # the smallest text a reader should have to read on the page, in CSS pixels
CHECK_ENV = "OUTLET_COMPARISON_CHART_CHECK"  # "error": save_chart raises on a legibility problem


class ChartWarning(UserWarning):
    """A chart that will not read well on its page (text too small, a legend over a label)."""


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


def _labels(fig: Figure) -> list:
    """Every visible, non-empty text of the figure a legend must not cover: tick labels in view, axis
    labels, titles, texts placed on the axes or the figure (legend texts excluded)."""
    from matplotlib.text import Text

    out = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for axis in (ax.xaxis, ax.yaxis):
            out += [*axis.get_ticklabels(), axis.label]
        out += [c for c in ax.get_children() if isinstance(c, Text)]  # titles and placed texts
    out += [c for c in fig.get_children() if isinstance(c, Text)]  # suptitle, supxlabel, fig.text
    return [t for t in out if t.get_visible() and t.get_text().strip()]


def _legends(fig: Figure) -> list:
    """The figure's visible legends: each axes' and the figure's own."""
    found = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    return [leg for leg in found if leg is not None and leg.get_visible()]


def _layout(fig: Figure):
    """Lay the figure out without rasterising it (much faster than a draw); its renderer for extents."""
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def _overlap(a, b, tolerance: float = 1.0) -> bool:
    """Whether two display boxes overlap by more than ``tolerance`` pixels both ways."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance


def page_scale(fig: Figure, page_in: float = PAGE_WIDTH_IN) -> float:
    """How much the page shrinks the chart: 1 when its drawn (tight) width fits the page, else less."""
    width = fig.get_tightbbox(_layout(fig)).width
    return min(1.0, page_in / width) if width > 0 else 1.0


def legibility_problems(fig: Figure, dpi: float = SCREEN_DPI, min_px: float = MIN_PX) -> list[str]:
    """What a reader could not read on the page: text under ``min_px`` pixels as shown (fonts at ``dpi``,
    the chart shrunk to the page when wider), a legend over a label or another legend, tick labels of
    one axis running into each other. Boxes come from matplotlib's renderer (``get_window_extent``)."""
    scale = page_scale(fig)
    renderer = _layout(fig)
    problems = []
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))]
    small = sorted(
        {(round(t.get_fontsize() * dpi / 72 * scale, 1), t.get_text()[:30]) for t in texts
         if t.get_visible() and t.get_text().strip() and t.get_fontsize() * dpi / 72 * scale < min_px - 0.05}
    )  # fmt: skip
    if small:
        shown = ", ".join(f"{text!r} at {px} px" for px, text in small[:5])
        problems.append(f"text under {min_px:g} px on the page (shrunk to {scale:.2f}): {shown}")
    labels = [(t, t.get_window_extent(renderer)) for t in _labels(fig)]
    legends = [(leg, leg.get_window_extent(renderer)) for leg in _legends(fig)]
    for k, (leg, box) in enumerate(legends):
        name = leg.get_title().get_text() or ", ".join(t.get_text() for t in leg.get_texts()[:2])
        hit = [t.get_text()[:30] for t, b in labels if _overlap(box, b)]
        if hit:
            problems.append(f"the legend ({name[:40]}) is drawn over {', '.join(repr(h) for h in hit[:4])}")
        if any(_overlap(box, other) for _, other in legends[k + 1 :]):
            problems.append(f"the legend ({name[:40]}) is drawn over another legend")
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if _clashes(axis, renderer):
                first, second = (t.get_text().replace("\n", " ")[:30] for t in axis.get_ticklabels()[:2])
                problems.append(f"tick labels run into each other: {first!r} and {second!r}")
    return problems


def _move(legend, dx: float, dy: float) -> None:
    """Shift a legend's anchor by (dx, dy) display pixels, kept in its parent's coordinates."""
    from matplotlib.transforms import Bbox

    parent = legend.axes.transAxes if legend.axes is not None else legend.figure.transFigure
    anchor = legend.get_bbox_to_anchor()
    moved = Bbox.from_extents(anchor.x0 + dx, anchor.y0 + dy, anchor.x1 + dx, anchor.y1 + dy)
    (x0, y0), (x1, y1) = parent.inverted().transform(moved.get_points())
    legend.set_bbox_to_anchor((x0, y0, x1 - x0, y1 - y0), transform=parent)


def place_legends(fig: Figure, tries: int = 6) -> None:
    """Move each legend off the labels it covers: one below its axes further down, one beside them to
    under them, one inside the axes out to their right. Nothing else about the legend changes."""
    for _ in range(tries):
        renderer = _layout(fig)
        labels = [t.get_window_extent(renderer) for t in _labels(fig)]
        legends = [(leg, leg.get_window_extent(renderer)) for leg in _legends(fig)]
        moved = False
        for leg, box in legends:
            hit = [b for b in labels + [o for other, o in legends if other is not leg] if _overlap(box, b)]
            if not hit:
                continue
            moved = True
            parent = leg.axes or (fig.axes[0] if fig.axes else None)
            area = parent.get_window_extent(renderer) if parent is not None else box
            if box.y1 <= area.y0 + 1:  # below the axes: below the lowest text it covers
                _move(leg, 0, min(b.y0 for b in hit) - box.y1 - 4)
            elif box.x0 >= area.x1 - 1 and parent is not None:  # beside the axes: under them instead
                leg.set_loc("upper left")  # (further right would widen the chart past the page)
                leg.set_bbox_to_anchor((0, 0), transform=parent.transAxes)
            elif box.y0 >= area.y1 - 1:  # above the axes: above them
                _move(leg, 0, max(b.y1 for b in hit) - box.y0 + 4)
            elif parent is not None:  # inside the axes: out to their right
                leg.set_loc("upper left")
                leg.set_bbox_to_anchor((1.01, 1), transform=parent.transAxes)
            break  # one legend at a time: the others are measured again after it moved
        if not moved:
            return


def _clashes(axis, renderer) -> bool:
    """Whether two neighbouring visible tick labels of the axis overlap: their boxes, or for slanted
    labels the distance between their parallel lines against the height of a label."""
    import math

    labels = [t for t in axis.get_ticklabels() if t.get_visible() and t.get_text().strip()]
    if len(labels) < 2:
        return False
    angle = labels[0].get_rotation() % 180
    if angle in (0, 90):
        boxes = [t.get_window_extent(renderer) for t in labels]
        return any(_overlap(a, b) for a, b in zip(boxes, boxes[1:], strict=False))
    along = 0 if axis.axis_name == "x" else 1
    spots = sorted(t.get_transform().transform(t.get_position())[along] for t in labels)
    step = min(b - a for a, b in zip(spots, spots[1:], strict=False))
    height = max(
        t.get_fontsize() * axis.figure.dpi / 72 * 1.2 * (t.get_text().count("\n") + 1) for t in labels
    )
    return step * math.sin(math.radians(angle if along == 0 else 90 - angle)) < 0.95 * height


def fit_width(fig: Figure, page_in: float = PAGE_WIDTH_IN) -> None:
    """A chart drawn wider than the page (which would shrink its text) made narrower to fit, laid out
    again (``tight_layout``, unless a figure legend is placed against the layout); its fonts keep their
    size. A narrowing that does not help (text wider than the page) is undone."""
    for _ in range(3):
        scale = page_scale(fig, page_in)
        if scale >= 0.995:
            return
        width = fig.get_figwidth()
        fig.set_figwidth(width * scale * 0.98)
        if fig.get_layout_engine() is None and not fig.legends:
            fig.tight_layout()
        if page_scale(fig, page_in) <= scale + 0.005:
            fig.set_figwidth(width)
            if fig.get_layout_engine() is None and not fig.legends:
                fig.tight_layout()
            return


def fit_tick_labels(fig: Figure, max_height_in: float = 30.0) -> None:
    """Tick labels that would run into each other: x labels wrapped narrower (12, 10, then 8 letters),
    then on one line slanted, then upright; y labels get a taller figure (rows sized by their number).
    Labels that have room stay as drawn."""
    renderer = _layout(fig)
    for ax in [ax for ax in fig.axes if _clashes(ax.xaxis, renderer)]:
        labels = ax.get_xticklabels()
        names = [t.get_text().replace("\n", " ") for t in labels]
        if labels and labels[0].get_rotation() % 180 == 0:
            for width in (12, 10, 8):
                ax.xaxis.set_ticklabels([wrap_label(n, width) for n in names])
                if not _clashes(ax.xaxis, _layout(fig)):
                    break
            else:
                labels = []
        if not labels or _clashes(ax.xaxis, _layout(fig)):
            for angle, align in ((40, "right"), (90, "center")):
                ax.xaxis.set_ticklabels(names)
                ax.tick_params(axis="x", labelrotation=angle)
                for t in ax.get_xticklabels():
                    t.set_horizontalalignment(align)
                    t.set_rotation_mode("anchor" if angle != 90 else "default")
                if not _clashes(ax.xaxis, _layout(fig)):
                    break
    for _ in range(3):
        renderer = _layout(fig)
        crowded = [ax for ax in fig.axes if _clashes(ax.yaxis, renderer)]
        if not crowded or fig.get_figheight() >= max_height_in:
            break
        ratio = 1.1
        for ax in crowded:
            labels = [t for t in ax.get_yticklabels() if t.get_visible() and t.get_text()]
            need = sum(t.get_window_extent(renderer).height for t in labels) * 1.15
            ratio = max(ratio, need / max(ax.get_window_extent(renderer).height, 1.0))
        fig.set_figheight(min(max_height_in, fig.get_figheight() * ratio))


def fit_for_page(fig: Figure) -> None:
    """Raise text below MIN_FONT to it, narrow a chart wider than the page (``fit_width``), give crowded
    tick labels room (``fit_tick_labels``) and move legends off labels (``place_legends``)."""
    from matplotlib.text import Text

    for t in fig.findobj(Text):
        if t.get_text().strip() and t.get_fontsize() < MIN_FONT:
            t.set_fontsize(MIN_FONT)
    for _ in range(3):  # a legend moved aside can widen the chart; a narrower chart can crowd labels
        fit_tick_labels(fig)
        place_legends(fig)
        if page_scale(fig) >= 0.995:
            break
        fit_width(fig)


def check_legibility(fig: Figure, name: str) -> list[str]:
    """``legibility_problems`` of a chart about to be saved: a ChartWarning naming them, or an error when
    the environment variable OUTLET_COMPARISON_CHART_CHECK is "error" (``log:<file>`` appends each
    chart's problems to the file instead)."""
    problems = legibility_problems(fig)
    if problems:
        message = f"chart {name}: " + "; ".join(problems)
        mode = os.environ.get(CHECK_ENV, "")
        if mode.lower() == "error":
            raise ArticleError(message)
        if mode.startswith("log:"):  # every chart's problems, one line each, for a whole build
            with open(mode[4:], "a", encoding="utf-8") as fh:
                fh.write(message.replace("\n", " ") + "\n")
        warnings.warn(message, ChartWarning, stacklevel=3)
    return problems


def wrap_to_width(text, width_in: float) -> None:
    """Wrap a text artist's lines (at spaces) until it is at most ``width_in`` inches wide as drawn: a
    source line naming ten articles would otherwise make the chart twice as wide as the page."""
    import textwrap

    fig = text.get_figure()
    whole = text.get_text().replace("\n", " ")
    chars = len(whole)
    while chars > 20:
        width = text.get_window_extent(_layout(fig)).width / fig.dpi
        if width <= width_in:
            return
        chars = min(chars - 1, int(chars * width_in / width))
        text.set_text("\n".join(textwrap.wrap(whole, chars, break_on_hyphens=False)))


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
    fit_for_page(fig)
    box = fig.get_tightbbox(_layout(fig))  # inches, includes legends outside the axes
    note = fig.text(
        box.x0 / fig.get_figwidth(),
        (box.y0 - 0.08) / fig.get_figheight(),
        source,
        fontsize=MIN_FONT,
        color="#555555",
        ha="left",
        va="top",
    )
    wrap_to_width(note, max(box.width, 6.0))
    check_legibility(fig, name)
    png, csv_path = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, dpi=120, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(csv_path, index=False)
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    record = FigureRecord(name, chart_title(fig), reading, source, smallest_text(fig), round(box.width, 2))
    add_figure(out.parent, name[:2], record)
    return png, csv_path


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
