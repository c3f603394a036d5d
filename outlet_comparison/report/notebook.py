"""What a notebook page shows a reader: sensible table settings, the findings first, searchable evidence.

Only the notebooks import this (it needs IPython); the analyses never do.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from outlet_comparison.sources.events import Event

SVG_SALT = "outlet-comparison"  # fixed ids inside SVG files, so two builds are byte-identical


def setup() -> None:
    """Full text in table cells, three decimals, reproducible SVGs, offline interactive tables."""
    import matplotlib as mpl

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 250)
    pd.set_option("display.precision", 3)
    mpl.rcParams["svg.hashsalt"] = SVG_SALT
    mpl.rcParams["figure.max_open_warning"] = 0
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)  # the table library is embedded in the page


def show_findings(event: Event, notebook: str, sentences: list[str], heading: str = "Findings") -> None:
    """Display the findings as a bullet list and keep them for the report's index page."""
    from IPython.display import Markdown, display

    display(Markdown(f"## {heading}\n" + "\n".join(f"- {s}" for s in sentences)))
    out = event.output / "findings"
    out.mkdir(parents=True, exist_ok=True)
    record = {"notebook": notebook, "heading": heading, "sentences": sentences}
    (out / f"{notebook}.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def say(text: str) -> None:
    """Display one generated sentence (or paragraph) as Markdown: the reading of the cell above."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def evidence_table(df: pd.DataFrame, name: str, page_length: int = 10) -> None:
    """A searchable, sortable table (offline) with a fixed id, for every row behind a count."""
    from itables import show

    show(
        df.reset_index(drop=True),
        table_id=f"evidence-{name}",
        pageLength=page_length,
        # not itables' default layout, which drops the search box of a table that fits one page
        layout={"topStart": "search", "topEnd": "pageLength", "bottomStart": "info", "bottomEnd": "paging"},
        lengthMenu=[10, 25, 100, -1],
        classes="display compact",
        style="width:100%;margin:0",
        columnDefs=[{"className": "dt-left", "targets": "_all"}],
        showIndex=False,
        maxBytes=0,
    )
