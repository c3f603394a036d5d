"""Segmenting raw aggregator copies: every raw line gets exactly one role, nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .cache import memoize
from .core import LEXICONS, check_str, project_path, row_error
from .lexicons import compile_row, data_rows, read_lexicon
from .text import LETTER, MARKS, UPPER, WORD_RE, words

ROLES = (
    "headline",
    "byline",
    "caption",
    "subhead",
    "body",
    "note",
    "credit",
    "boilerplate",
    "blank",
)

_NAME_CHAR = rf"(?:{LETTER}|[{MARKS}’'\-])"  # a letter of any script, a combining mark, ' or -
_NAME = rf"(?:{UPPER}{_NAME_CHAR}*\.?\s+){{1,2}}{UPPER}{_NAME_CHAR}+"  # 2-3 capitalised words
_AGENCY = r"(?:Associated Press|AP|Reuters|AFP|Bloomberg(?: News)?|The Washington Post|The New York Times)"
BYLINE_RE = re.compile(rf"^(?:By\s+)?{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*(?:,\s*{_AGENCY})?$")
_TERMINAL = re.compile(r"[.?!:;][\"”’')\]]*$")


@memoize(maxsize=8)
def _line_patterns(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled (regex, role) pairs from the boilerplate/credit/note pattern file."""
    df = read_lexicon(path, ("pattern", "role", "rationale"), allow_empty=True)
    out = []
    for n, row in data_rows(df):
        if row["role"] not in ROLES:
            raise row_error(path, n, f"unknown role '{row['role']}'")
        out.append((compile_row(path, n, row["pattern"]), row["role"]))
    return tuple(out)


def _is_prose(line: str) -> bool:
    """A line that reads as running text: ends like a sentence or is long."""
    n = len(WORD_RE.findall(line))
    return n >= 4 and (bool(_TERMINAL.search(line)) or n >= 12)


def _pattern_roles(lines: list[str], pats) -> list[str | None]:
    """Blank lines and lines claimed by a pattern of the boilerplate file; None for the rest."""
    roles: list[str | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            roles[i] = "blank"
            continue
        for rx, role in pats:
            if rx.search(s):
                roles[i] = role
                break
    return roles


def _find_headline(stripped: list[str], open_idx: list[int]) -> int | None:
    """First unclaimed line that looks like a title (4+ words, no final period) and is not a byline."""
    return next(
        (
            i
            for i in open_idx
            if len(WORD_RE.findall(stripped[i])) >= 4
            and not BYLINE_RE.match(stripped[i])
            and not stripped[i].endswith(".")
        ),
        None,
    )


def _find_bylines(stripped: list[str], open_idx: list[int], headline: int | None) -> list[int]:
    """Bylines: before the first prose line, or within the header block right after the headline."""
    first_prose = next((i for i in open_idx if _is_prose(stripped[i]) and i != headline), None)
    header_end = first_prose if first_prose is not None else len(stripped)
    after_head = [i for i in open_idx if headline is not None and headline < i][:6]
    bylines = [i for i in open_idx if i < header_end and BYLINE_RE.match(stripped[i])]
    bylines += [i for i in after_head if BYLINE_RE.match(stripped[i]) and i not in bylines]
    return bylines


def segment(raw: str, patterns: Path | str | None = None) -> pd.DataFrame:
    """Give every raw line exactly one role; ``"\\n".join(df.text) == raw``.

    Rules, in order: blank lines; lines matching ``lexicons/boilerplate.csv`` (promos,
    credits, editor's notes, photo credits); a byline (names, optional agency) before
    the body; the headline (first line of 4+ words without a final period); short labels
    before the headline are masthead boilerplate; prose between the headline and a later
    byline is a photo caption; inside the body, short unpunctuated lines are subheads;
    anything after the last body paragraph that no pattern claims is boilerplate.

    >>> segment("Title Of The Story\\n\\nFirst body line of the story here.").role.tolist()
    ['headline', 'blank', 'body']
    """
    check_str(raw)
    lines = raw.split("\n")
    roles = _pattern_roles(lines, _line_patterns(str(project_path(patterns, LEXICONS / "boilerplate.csv"))))
    open_idx = [i for i, r in enumerate(roles) if r is None]
    stripped = [line.strip() for line in lines]
    headline = _find_headline(stripped, open_idx)
    bylines = _find_bylines(stripped, open_idx, headline)
    for i in bylines:
        roles[i] = "byline"
    if headline is not None:
        roles[headline] = "headline"
        for i in open_idx:
            if i < headline and roles[i] is None:
                roles[i] = "boilerplate"  # masthead / section labels above the headline
    last_byline = max(bylines, default=-1)
    if headline is not None and last_byline > headline:
        for i in open_idx:
            if headline < i < last_byline and roles[i] is None:
                roles[i] = "caption" if _is_prose(stripped[i]) else "boilerplate"
    body_start = max(last_byline, headline if headline is not None else -1)
    body_lines = [i for i in open_idx if i > body_start and roles[i] is None and _is_prose(stripped[i])]
    first_credit = next((i for i, r in enumerate(roles) if r == "credit" and i > body_start), len(lines))
    body_end = min(max(body_lines, default=-1), first_credit)
    for i in open_idx:
        if roles[i] is None:
            in_body = body_start < i <= body_end
            roles[i] = ("body" if _is_prose(stripped[i]) else "subhead") if in_body else "boilerplate"
    return pd.DataFrame({"line": range(1, len(lines) + 1), "text": lines, "role": roles})


def clean_body(raw: str, patterns: Path | str | None = None) -> str:
    """The article body only: body lines in order, separated by one blank line."""
    seg = segment(raw, patterns)
    return "\n\n".join(t.strip() for t in seg.loc[seg.role == "body", "text"])


def role_summary(raw: str, patterns: Path | str | None = None) -> pd.DataFrame:
    """Lines, words and characters of a raw file per role (every role listed, zeros included)."""
    seg = segment(raw, patterns)
    seg = seg.assign(words=seg.text.map(lambda t: len(words(t))), characters=seg.text.str.len())
    out = seg.groupby("role").agg(
        lines=("line", "size"), words=("words", "sum"), characters=("characters", "sum")
    )
    return out.reindex(list(ROLES), fill_value=0).rename_axis("role").reset_index()
