"""Chart conventions: one colour per outlet on every page, a source line, the CSV beside each PNG."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from outlet_comparison.core import FIGURES

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
    sup = getattr(fig, "_suptitle", None)
    if sup is not None and sup.get_text():
        return sup.get_text()
    return next((t for ax in fig.axes for t in (ax.get_title(), ax.get_title("left")) if t), "")


def save_chart(
    fig: Figure,
    data: pd.DataFrame,
    name: str,
    out_dir: Path | str | None = None,
    source: str | None = None,
    event: Event | None = None,
    reading: str = "",
) -> tuple[Path, Path]:
    """Add the source line, then write ``<name>.png``, the ``<name>.csv`` behind it and ``<name>.json``.

    The event (when given) supplies the folder (``output/<event>/figures``) and the source line.
    ``reading`` is a one-line reading of the chart; the JSON keeps it with the chart's title for
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
        fontsize=7,
        color="#555555",
        ha="left",
        va="top",
    )
    png, csv_path = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, dpi=120, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(csv_path, index=False)
    meta = {"title": chart_title(fig), "reading": reading, "source": source}
    (out / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return png, csv_path
