"""Chart conventions: one colour per outlet on every page, a source line, the CSV beside each PNG."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from .core import FIGURES
from .events import DEFAULT_SOURCE_NOTE

# Okabe-Ito colour-blind-safe palette; the two study outlets keep these colours everywhere.
OUTLET_COLOURS = {
    "Bloomberg": "#0072B2",
    "Associated Press": "#D55E00",
    "Fox News": "#CC79A7",
    "New York Times": "#009E73",
    "HuffPost": "#E69F00",
}
_EXTRA_COLOURS = ("#56B4E9", "#F0E442", "#000000", "#999999")


def outlet_colour(outlet: str) -> str:
    """The fixed colour of an outlet; unknown outlets get a stable colour from the palette."""
    if outlet in OUTLET_COLOURS:
        return OUTLET_COLOURS[outlet]
    return _EXTRA_COLOURS[int(hashlib.md5(outlet.encode()).hexdigest(), 16) % len(_EXTRA_COLOURS)]


def save_chart(
    fig, data: pd.DataFrame, name: str, out_dir: Path | str | None = None, source: str = DEFAULT_SOURCE_NOTE
) -> tuple[Path, Path]:
    """Add the source line, then write ``<name>.png`` and the ``<name>.csv`` behind it."""
    out = Path(out_dir) if out_dir is not None else FIGURES
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
    fig.savefig(png, dpi=120, bbox_inches="tight")
    data.to_csv(csv_path, index=False)
    return png, csv_path
