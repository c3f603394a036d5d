"""What a notebook page shows a reader: sensible table settings, the findings first, searchable evidence.

Only the notebooks import this (it needs IPython); the analyses never do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from outlet_comparison.report import pages
from outlet_comparison.report.findings.common import label

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


def start_page(event: Event, notebook: str, title: str) -> None:
    """Begin this notebook's page record (``output/<event>/pages/NN.json``) with its title."""
    pages.start_page(event.output, notebook, title)


def show_findings(event: Event, notebook: str, sentences: list[str], heading: str = "Findings") -> None:
    """Display the findings as a bullet list and keep them in the page record for the report's index."""
    from IPython.display import Markdown, display

    display(
        Markdown(f"## {safe_markdown(heading)}\n" + "\n".join(f"- {safe_markdown(s)}" for s in sentences))
    )
    pages.set_findings(event.output, notebook, sentences)


def say(text: str) -> None:
    """Display one generated sentence (or paragraph): the reading of the cell above. Only the project's
    own markup (bold, code spans, bullets) is Markdown; user strings in it stay text (``safe_markdown``)."""
    from IPython.display import Markdown, display

    display(Markdown(safe_markdown(text)))


IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")  # lower-case words joined by underscores
VERBATIM = re.compile(r"(?:.*_)?id|file|event|key")  # columns whose values are names to keep as written


def plain_labels(df: pd.DataFrame) -> pd.DataFrame:
    """Headers, and columns whose values are all identifiers ('named_person'), as plain labels (ids and
    file names stay as written)."""
    df = df.copy()
    for c in df.columns:
        if VERBATIM.fullmatch(str(c)):
            continue
        values = df[c].dropna()
        words = values.map(lambda v: isinstance(v, str) and IDENTIFIER.fullmatch(v) is not None)
        if len(values) and words.all() and values.astype(str).str.contains("_").any():
            df[c] = df[c].map(lambda v: label(v) if isinstance(v, str) else v)
    df.columns = [label(c) for c in df.columns]
    return df


def evidence_table(df: pd.DataFrame, name: str, page_length: int = 10) -> None:
    """A searchable, sortable table (offline) with a fixed id, for every row behind a count."""
    from itables import show

    df = df.reset_index(drop=True)
    for c in df.columns:  # identifiers ('named_person') read as plain labels ('named person')
        values = df[c].dropna()
        if (
            len(values)
            and values.map(lambda v: isinstance(v, str) and IDENTIFIER.fullmatch(v) is not None).all()
        ):
            df[c] = df[c].map(lambda v: label(v) if isinstance(v, str) else v)
    df.columns = [label(c) for c in df.columns]
    texts = [pd.api.types.is_object_dtype(df[c]) or pd.api.types.is_string_dtype(df[c]) for c in df.columns]
    long_text = [i for i, c in enumerate(df.columns) if texts[i] and df[c].astype(str).str.len().mean() > 40]
    other = [i for i in range(len(df.columns)) if i not in long_text]
    show(
        df,
        table_id=f"evidence-{name}",
        pageLength=page_length,
        # not itables' default layout, which drops the search box of a table that fits one page
        layout={"topStart": "search", "topEnd": "pageLength", "bottomStart": "info", "bottomEnd": "paging"},
        lengthMenu=[10, 25, 100, -1],
        classes="display compact",
        style="width:100%;margin:0",
        columnDefs=[  # one definition per column: a wide column for sentences, the others left-aligned
            *([{"className": "dt-left long-text", "targets": long_text}] if long_text else []),
            *([{"className": "dt-left", "targets": other}] if other else []),
        ],
        showIndex=False,
        maxBytes=0,
    )


def _integral(values: pd.Series) -> bool:
    """Whether every non-missing value of a numeric column is a whole number (a count)."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return len(numbers) > 0 and bool((numbers == numbers.round()).all())


def _cell(value: object, digits: int, whole: bool) -> str:
    """One table cell: counts as integers, other numbers with ``digits`` decimals, text as it is."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}" if value == value.normalize() else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (f"{value:.0f}" if whole else f"{value:.{digits}f}").replace("-", "−")
    return str(value)


def table(data: pd.DataFrame | pd.Series, digits: int = 2, index: str | None = None, by_row: bool = False):
    """A table for the page: one header row of plain labels, no index column (a meaningful index becomes
    the first column, named ``index``), counts as integers, other numbers with ``digits`` decimals.

    ``by_row``: the rows are the variables (a measure per row, an outlet per column), so counts are
    found row by row; always so for a Series (one value per measure).
    """
    by_row = by_row or isinstance(data, pd.Series)
    df = data.to_frame() if isinstance(data, pd.Series) else data.copy()
    if isinstance(df.columns, pd.MultiIndex):
        df.columns = [" ".join(str(p) for p in c if str(p)) for c in df.columns]
    df = plain_labels(df).set_axis(df.index)
    rows = [df.iloc[i] for i in range(len(df))]
    whole_row = [_integral(r) for r in rows]
    whole_col = {c: _integral(df[c]) for c in df.columns}
    cells = {
        label(c): [
            v if isinstance(v, str) else _cell(v, digits, whole_row[i] if by_row else whole_col[c])
            for i, v in enumerate(df[c].tolist())
        ]
        for c in df.columns
    }
    shown = pd.DataFrame(cells)
    if index is not None or not isinstance(df.index, pd.RangeIndex):
        keys = [label(k) if isinstance(k, str) else str(k) for k in df.index]
        shown.insert(0, label(index or df.index.name or ""), keys)
    from IPython.display import HTML

    return HTML(shown.to_html(index=False, border=0, classes="reader-table", na_rep="–"))
