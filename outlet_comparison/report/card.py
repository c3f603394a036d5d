"""The coverage card: one small-multiple panel per registered measure, one bar per outlet."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from outlet_comparison.corpus.measures import MEASURES, Measure, Settings, TooFewCues
from outlet_comparison.report.charts import outlet_colours

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CARD_COLUMNS = ("panel", "unit", "measure", "outlet", "value", "low", "high", "available", "note")
_NAN = float("nan")


def key_columns(
    labels: list[str], width_in: float = 9.6, char_in: float = 0.085, handle_in: float = 0.65
) -> int:
    """Columns of the card's outlet key: at most 5, as many as fit the card's width with the longest name.

    >>> key_columns(["Bloomberg", "Associated Press"]), key_columns(["Evening Ledger of the North"] * 10)
    (2, 3)
    """
    if not labels:
        return 1
    per = handle_in + char_in * max(len(label) for label in labels)
    return max(1, min(len(labels), 5, int(width_in // per)))


def coverage_card_data(
    texts: dict[str, str],
    settings: Settings | None = None,
    measures: tuple[Measure, ...] = MEASURES,
) -> pd.DataFrame:
    """Long table behind the coverage card; a panel whose measure fails is marked unavailable, with why."""
    settings = settings or Settings()
    rows = []
    for m in measures:
        if m.panel is None or m.card is None:
            continue
        try:
            panel_rows = [
                (m.panel, m.unit, measure, outlet, value, lo, hi, True, "")
                for outlet, text in texts.items()
                for measure, value, lo, hi in m.card(text, settings)
            ]
        except Exception as exc:  # a panel degrades to "not available"; the card still renders
            note = str(exc) if isinstance(exc, TooFewCues) else f"{type(exc).__name__}: {exc}"
            panel_rows = [(m.panel, m.unit, "", "", _NAN, _NAN, _NAN, False, note)]
        rows.extend(panel_rows)
    return pd.DataFrame(rows, columns=list(CARD_COLUMNS))


def _value_label(v: float) -> str:
    """A bar label: whole numbers bare, small values with two decimals, the rest with one."""
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}" if abs(v) < 1 else f"{v:.1f}"


def _draw_panel(ax: Axes, d: pd.DataFrame, colours: dict[str, str]) -> None:
    """One panel: a horizontal bar per outlet and measure, with the interval where there is one."""
    import matplotlib.pyplot as plt

    measures = list(dict.fromkeys(d["measure"]))
    outlets = list(dict.fromkeys(d["outlet"]))
    h = 0.8 / len(outlets)
    for k, outlet in enumerate(outlets):
        o = d[d["outlet"] == outlet].set_index("measure").reindex(measures)
        y = np.arange(len(measures)) + (k - (len(outlets) - 1) / 2) * h
        err = np.vstack([o["value"] - o["low"], o["high"] - o["value"]]) if o["low"].notna().any() else None
        ax.barh(y, o["value"], height=h, color=colours[outlet], label=outlet, xerr=err, capsize=3)
        ends = o["high"].where(o["high"].notna(), o["value"]).clip(lower=0)
        for yy, v, end in zip(y, o["value"], ends, strict=True):
            ax.annotate(
                _value_label(v), (end, yy), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8
            )
    ax.set_yticks(np.arange(len(measures)), [m.replace("_", " ") for m in measures])
    ax.invert_yaxis()
    ax.axvline(0, color="#999999", lw=0.8)
    ax.xaxis.set_major_locator(plt.MaxNLocator(5, integer="count" in d["unit"].iloc[0]))
    ax.margins(x=0.18)


def coverage_card(data: pd.DataFrame, title: str = "Coverage card") -> Figure:
    """Small multiples (one panel per measure family) of a coverage_card_data table; returns the figure."""
    import matplotlib.pyplot as plt

    panels = list(dict.fromkeys(data["panel"]))
    colours = outlet_colours([o for o in dict.fromkeys(data["outlet"]) if o])
    ncols = 2
    nrows = max(1, -(-len(panels) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(10, 3.6 * nrows), squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        d = data[data["panel"] == panel]
        ax.set_title(panel, loc="left", fontweight="bold")
        ax.set_xlabel(d["unit"].iloc[0])
        if not d["available"].all():
            msg = "not available\n" + textwrap.fill(str(d["note"].iloc[0]), 48)  # within the panel
            ax.text(0.5, 0.5, msg, ha="center", va="center", color="#777777")
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        if (d["value"].fillna(0) == 0).all():
            ax.text(0.5, 0.5, f"none found in any article\n({d['unit'].iloc[0]})", ha="center", va="center")
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        _draw_panel(ax, d, colours)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    handles, labels = next(
        (hl for hl in (ax.get_legend_handles_labels() for ax in axes.flat) if hl[0]), ([], [])
    )
    ncols = key_columns(labels)
    key_rows = -(-len(labels) // ncols) if labels else 1
    top = 1 - (0.55 + 0.25 * (key_rows - 1)) / fig.get_figheight()  # room for the title and the outlet key
    fig.suptitle(title, x=0.01, y=0.995, ha="left", va="top", fontsize=14, fontweight="bold")
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.01, 1 - 0.3 / fig.get_figheight()),
               ncols=ncols, frameon=False)  # fmt: skip
    fig.tight_layout(rect=(0, 0.03, 1, top))
    return fig
