"""What a notebook page shows a reader: sensible table settings, the findings first, searchable evidence.

Only the notebooks import this (it needs IPython); the analyses never do.
"""

from __future__ import annotations

import json
import re
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
    mpl.rcParams["text.parse_math"] = False  # '$' in an outlet name or title is a dollar sign, not math
    mpl.rcParams["figure.max_open_warning"] = 0
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)  # the table library is embedded in the page


# Kept as written: a code span, and a link to a relative path (a docs page: no scheme, so no
# javascript: or remote URL; its text is still escaped).
_CODE = re.compile(r"(`[^`\n]+`|\[[^\]\n]+\]\((?![A-Za-z][A-Za-z0-9+.-]*:)[\w./#-]+\))")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)]+)\)")
_LINE_START = re.compile(r"^(?:#{1,6} |- |\d+\. )")  # the generated text's headings, bullets, numbered items
_SPECIAL = re.compile(r"[\\`*_\[\]{}()#+\-.!|~$<>&:@]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _escape_plain(text: str) -> str:
    """Every Markdown/HTML special character as a literal: backslash-escaped, or an entity for < > &."""
    return _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), text)


def safe_markdown(text: str) -> str:
    """Generated text as Markdown in which only the project's own markup works: ``**bold**``, code
    spans, links to a relative path (a docs page), and a heading, bullet or number at the start of a
    line. Everything else, outlet names and titles included, is literal text: no other link, no image,
    HTML tag, entity, emphasis or math.

    >>> print(safe_markdown("- **[x](javascript:go)** said <b>`a_b`</b> $1$ (see [docs](../docs/a.md))"))
    - **\\[x\\]\\(javascript\\:go\\)** said &lt;b&gt;`a_b`&lt;/b&gt; \\$1\\$ \\(see [docs](../docs/a.md)\\)
    """
    out = []
    for line in text.split("\n"):
        lead = _LINE_START.match(line)
        head, rest = (lead.group(0), line[lead.end() :]) if lead else ("", line)
        parts = _CODE.split(rest)
        for k in range(1, len(parts), 2):  # odd parts: code spans and relative links
            link = _LINK.fullmatch(parts[k])
            parts[k] = f"[{_escape_plain(link[1])}]({link[2]})" if link else parts[k]
        for k in range(0, len(parts), 2):  # even parts are outside code spans and links
            parts[k] = "**".join(_escape_plain(p) for p in parts[k].split("**"))
        out.append(head + "".join(parts))
    return "\n".join(out)


def show_findings(event: Event, notebook: str, sentences: list[str], heading: str = "Findings") -> None:
    """Display the findings as a bullet list and keep them for the report's index page."""
    from IPython.display import Markdown, display

    display(
        Markdown(f"## {safe_markdown(heading)}\n" + "\n".join(f"- {safe_markdown(s)}" for s in sentences))
    )
    out = event.output / "findings"
    out.mkdir(parents=True, exist_ok=True)
    record = {"notebook": notebook, "heading": heading, "sentences": sentences}
    (out / f"{notebook}.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def say(text: str) -> None:
    """Display one generated sentence (or paragraph): the reading of the cell above. Only the project's
    own markup (bold, code spans, bullets) is Markdown; user strings in it stay text (``safe_markdown``)."""
    from IPython.display import Markdown, display

    display(Markdown(safe_markdown(text)))


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
