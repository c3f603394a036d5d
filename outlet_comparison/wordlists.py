"""Reading the editable CSV word lists in ``lexicons/``: columns, empty cells, choices, regexes.

Every error names the file and the row (the header is row 1), so a researcher who edits a
list in a spreadsheet finds the line at fault. Every regex of every list goes through
``compile_row``, which refuses patterns that can backtrack for minutes (a repeat inside an
unbounded repeat, or an unbounded repeat of alternatives that can start alike; the check is
``regex_safety.backtracking_risk``).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ArticleError, row_error
from outlet_comparison.regex_safety import backtracking_risk, parse


def read_lexicon(path: Path | str, required: tuple[str, ...], allow_empty: bool = False) -> pd.DataFrame:
    """Read an editable CSV word list, checking columns and empty cells (errors name file and row).

    An empty file or a header without rows raises ArticleError; with ``allow_empty`` a list
    without rows only warns (the caller then does without it).
    """
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: lexicon file not found")
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            f"{path}, row {line}: not valid UTF-8 (byte {exc.start}); save it as UTF-8"
        ) from exc
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise ArticleError(f"{path}: the file is empty; expected a header row with columns {list(required)}")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except pd.errors.ParserError as exc:
        raise ArticleError(f"{path}: cannot parse CSV: {exc}") from exc
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ArticleError(f"{path}: missing column(s) {missing}; found {list(df.columns)}")
    if df.empty:
        msg = f"{path}: the header has no rows below it; expected at least one row of {list(required)}"
        if not allow_empty:
            raise ArticleError(msg)
        warnings.warn(f"{msg} (read as an empty list)", stacklevel=2)
    for n, row in data_rows(df):
        for col in required:
            if not str(row[col]).strip():
                raise row_error(path, n, f"empty value in column '{col}'")
    return df


def data_rows(df: pd.DataFrame) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number in the file, row as column -> value) for each data row; the header is row 1, so data
    starts at 2. (Records, not ``iterrows``: a word list's rows are read at every start.)"""
    for i, row in enumerate(df.to_dict("records")):
        yield i + 2, row


def check_choice(path: Path | str, row: int, col: str, value: str, allowed: tuple[str, ...]) -> None:
    """Raise ArticleError unless value is one of allowed."""
    if value not in allowed:
        raise row_error(path, row, f"field '{col}' = '{value}' (expected one of {list(allowed)})")


def compile_row(
    path: Path | str,
    row: int,
    pattern: str,
    flags: int = 0,
    *,
    field: str = "pattern",
    affix: tuple[str, str] = ("", ""),
) -> re.Pattern[str]:
    r"""Compile a pattern read from a word list (inside ``affix``); an invalid or unsafe regex raises
    ArticleError naming the file, row and field.

    >>> compile_row("f.csv", 7, r"(\w+ ?)+$")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    outlet_comparison.core.ArticleError: f.csv, row 7: unsafe pattern '(\\w+ ?)+$' in field 'pattern': ...
    """
    try:
        rx = re.compile(affix[0] + pattern + affix[1], flags)
    except re.error as exc:
        raise row_error(path, row, f"invalid pattern {pattern!r} in field '{field}': {exc}") from exc
    why = backtracking_risk(pattern, flags)
    if why:
        raise row_error(path, row, f"unsafe pattern {pattern!r} in field '{field}': {why}")
    return rx


def joined_pattern(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One alternation of the patterns: it finds a match in a string (or window) iff one of them does.

    None when they do not join safely: differing flags, groups (a back-reference keeps its number) or a
    pattern that does not compile inside the alternation (an inline global flag).
    """
    rxs = list(patterns)
    flags = {rx.flags for rx in rxs}
    if not rxs or len(flags) != 1 or any(rx.groups for rx in rxs):
        return None
    try:
        return re.compile("|".join(f"(?:{rx.pattern})" for rx in rxs), flags.pop())
    except re.error:
        return None


def categorised_patterns(
    path: Path | str, categories: tuple[str, ...], flags: int = re.IGNORECASE
) -> tuple[tuple[re.Pattern[str], str], ...]:
    """A ``pattern,category,rationale`` word list compiled: (regex, category) per row, each checked."""
    df = read_lexicon(path, ("pattern", "category", "rationale"))
    out = []
    for n, row in data_rows(df):
        cat = row["category"].strip()
        check_choice(path, n, "category", cat, categories)
        out.append((compile_row(path, n, row["pattern"], flags), cat))
    return tuple(out)


def matches_at(text: str, rx: re.Pattern[str], starts: Iterable[int]) -> list[re.Match[str]]:
    """``list(rx.finditer(text))``, trying ``rx`` only at ``starts`` (ascending; every place it can match).

    >>> [m.group() for m in matches_at("a cat, a cab", re.compile(r"ca\\w"), [2, 9])]
    ['cat', 'cab']
    """
    out: list[re.Match[str]] = []
    pos = 0
    for p in starts:
        if p < pos:
            continue
        m = rx.match(text, p)
        if m is None:
            continue
        if m.end() == p:
            return list(rx.finditer(text))  # an empty match: finditer's own rules for what follows
        out.append(m)
        pos = m.end()
    return out


_EDGES = re.compile(r"\b|(?<=\s)|(?=\()")  # a word's edge, right after a space, a "("
_SPACE = [("IN", [("CATEGORY", "SPACE")])]


def _opens(items: list) -> bool:
    """Does every match of parsed ``items`` (``regex_safety.parse``'s tree) open at ``\\b``, "(" or after a
    look-behind's ``\\s``?"""
    if not items:
        return False
    op, av = items[0]
    if op == "BRANCH":
        return all(_opens(list(alt)) for alt in av[1])
    if op == "SUBPATTERN":
        return not av[1] & (re.ASCII | re.LOCALE) and _opens(list(av[3]))
    if op == "ASSERT":
        return av[0] == -1 and list(av[1])[-1:] == _SPACE
    return (op == "AT" and av == "BOUNDARY") or (op == "LITERAL" and av == ord("("))


def opens_at_edges(rx: re.Pattern[str]) -> bool:
    """Does every match of ``rx`` open at a word's edge (``\\b``), at a "(" or right after a space (a
    look-behind ending in ``\\s``, "(?<=\\bhaving\\s)said")? Then ``covering`` tries it only there. Read
    with the package's own regex parser (``regex_safety.parse``), not ``re``'s private one."""
    return not rx.flags & (re.ASCII | re.LOCALE) and _opens(parse(rx.pattern, rx.flags))


def covering(text: str, rx: re.Pattern[str], lo: int, hi: int, c0: int, c1: int) -> bool:
    """``any(m.start() <= c0 and m.end() >= c1 for m in rx.finditer(text, lo, hi))`` (``lo <= c0 < c1``) for
    an ``rx`` that ``opens_at_edges``: it is tried at the edges from ``lo`` to ``c0`` only, as finditer
    would meet them, not at every character of the window.

    >>> covering("we rest assured now", re.compile(r"\\brest\\s+assured"), 0, 19, 8, 15)
    True
    """
    pos = lo
    for edge in _EDGES.finditer(text, lo, c0 + 1):
        p = edge.start()
        if p > c0:
            break
        if p < pos:
            continue
        m = rx.match(text, p, hi)
        if m is None:
            continue
        if m.end() == p:  # an empty match: finditer's own rules for what follows
            return any(m.start() <= c0 and m.end() >= c1 for m in rx.finditer(text, lo, hi))
        if m.end() >= c1:
            return True
        pos = m.end()
    return False
