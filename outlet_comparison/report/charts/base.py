"""Chart conventions: one colour per outlet on every page, a source line, the CSV beside each PNG, sizes
that fit the page."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from outlet_comparison.core import FIGURES
from outlet_comparison.report.charts.legibility import (
    MIN_FONT,
    PAGE_WIDTH_IN,
    check_legibility,
    fit_for_page,
    laid_out_renderer,
    wrap_to_width,
)
from outlet_comparison.report.pages import FigureRecord, add_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from outlet_comparison.sources.events import Event

DEFAULT_SOURCE_NOTE = "Analysis: outlet-comparison toolkit"

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
ROLE_COLOURS = {  # the line roles of a raw file (body light grey: what the analysis keeps)
    "headline": "#332288", "byline": "#88CCEE", "caption": "#44AA99", "subhead": "#117733", "body": "#DDDDDD",
    "note": "#999933", "credit": "#DDCC77", "boilerplate": "#CC6677", "blank": "#FFFFFF",
}  # fmt: skip


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
    fit_for_page(fig)
    box = fig.get_tightbbox(laid_out_renderer(fig))  # inches, includes legends outside the axes
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


def show_chart(
    fig: Figure, data: pd.DataFrame, name: str, event: Event, reading: str, source: str | None = None
) -> None:
    """Save the chart and the CSV behind it (``save_chart``), show it, then the sentence that reads it."""
    import matplotlib.pyplot as plt

    from outlet_comparison.report.notebook import say

    save_chart(fig, data, name, event=event, source=source, reading=reading)
    plt.show()
    say(reading)


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
