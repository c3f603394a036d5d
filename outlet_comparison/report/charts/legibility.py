"""Charts that read on the page: text at least 10 px where the page shows it, no legend over a label,
no crowded tick labels, no chart wider than the page; ``save_chart`` fits each chart, then names what is
left (a ``ChartWarning``, or an error with ``OUTLET_COMPARISON_CHART_CHECK=error``)."""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING

from outlet_comparison.core import ArticleError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAGE_WIDTH_IN = 10.5  # a page shows a figure at most ~1,050 px wide; at 100 dpi wider figures shrink
MIN_FONT = 8  # points: at 100 dpi and at most PAGE_WIDTH_IN wide, 8 pt is 11 px on the page
SCREEN_DPI = 100  # the pages show each chart as the notebook drew it inline, at 100 dpi
MIN_PX = 10.0  # the smallest text a reader should have to read on the page, in CSS pixels
CHECK_ENV = "OUTLET_COMPARISON_CHART_CHECK"  # "error": save_chart raises on a legibility problem


def wrap_label(name: str, width: int = 14) -> str:
    """An outlet name wrapped for a tick label.

    >>> wrap_label("The New York Times Company")
    'The New York\\nTimes Company'
    """
    import textwrap

    return "\n".join(textwrap.wrap(name, width)) or name


class ChartWarning(UserWarning):
    """A chart that will not read well on its page (text too small, a legend over a label)."""


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


def laid_out_renderer(fig: Figure):
    """Lay the figure out without rasterising it (much faster than a draw); its renderer for extents."""
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def _overlap(a, b, tolerance: float = 1.0) -> bool:
    """Whether two display boxes overlap by more than ``tolerance`` pixels both ways."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance


def page_scale(fig: Figure, page_in: float = PAGE_WIDTH_IN) -> float:
    """How much the page shrinks the chart: 1 when its drawn (tight) width fits the page, else less."""
    width = fig.get_tightbbox(laid_out_renderer(fig)).width
    return min(1.0, page_in / width) if width > 0 else 1.0


def legibility_problems(fig: Figure, dpi: float = SCREEN_DPI, min_px: float = MIN_PX) -> list[str]:
    """What a reader could not read on the page: text under ``min_px`` pixels as shown (fonts at ``dpi``,
    the chart shrunk to the page when wider), a legend over a label or another legend, tick labels of
    one axis running into each other. Boxes come from matplotlib's renderer (``get_window_extent``)."""
    scale = page_scale(fig)
    renderer = laid_out_renderer(fig)
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
        renderer = laid_out_renderer(fig)
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
    renderer = laid_out_renderer(fig)
    for ax in [ax for ax in fig.axes if _clashes(ax.xaxis, renderer)]:
        labels = ax.get_xticklabels()
        names = [t.get_text().replace("\n", " ") for t in labels]
        if labels and labels[0].get_rotation() % 180 == 0:
            for width in (12, 10, 8):
                ax.xaxis.set_ticklabels([wrap_label(n, width) for n in names])
                if not _clashes(ax.xaxis, laid_out_renderer(fig)):
                    break
            else:
                labels = []
        if not labels or _clashes(ax.xaxis, laid_out_renderer(fig)):
            for angle, align in ((40, "right"), (90, "center")):
                ax.xaxis.set_ticklabels(names)
                ax.tick_params(axis="x", labelrotation=angle)
                for t in ax.get_xticklabels():
                    t.set_horizontalalignment(align)
                    t.set_rotation_mode("anchor" if angle != 90 else "default")
                if not _clashes(ax.xaxis, laid_out_renderer(fig)):
                    break
    for _ in range(3):
        renderer = laid_out_renderer(fig)
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
        width = text.get_window_extent(laid_out_renderer(fig)).width / fig.dpi
        if width <= width_in:
            return
        chars = min(chars - 1, int(chars * width_in / width))
        text.set_text("\n".join(textwrap.wrap(whole, chars, break_on_hyphens=False)))
