"""Reading the editable CSV word lists in ``lexicons/``: columns, empty cells, choices, regexes.

Every error names the file and the row (the header is row 1), so a researcher who edits a
list in a spreadsheet finds the line at fault. Every regex of every list goes through
``compile_row``, which refuses patterns that can backtrack for minutes (a repeat inside an
unbounded repeat, or an unbounded repeat of alternatives that can start alike).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ArticleError, row_error

try:  # Python 3.11+: the parser behind re.compile
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


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


def data_rows(df: pd.DataFrame) -> Iterator[tuple[int, pd.Series]]:
    """(row number in the file, row) for each data row; the header is row 1, so data starts at 2."""
    for i, (_, row) in enumerate(df.iterrows()):
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


# ------------------------------------------------------------------ regex safety (static check)

_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
_SAMPLE = (
    " \t\n.,;:!?'\"’-_()[]/&@#$%*+=0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéğüßДдאب"
)


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    r"""Why ``pattern`` can take exponential time (None when it cannot, by this static check).

    Inside an unbounded repeat (``+``, ``*``, ``{n,}`` or more than 10), refused: a repeat of
    varying length (``(\w+\s?)+``, ``(a{1,3})*``); an optional part that can match the character
    that follows it (``(aa?)+``); alternatives that can start alike (``(a|aa)+``). Each lets the
    engine split a long text between the repeats in exponentially many ways. Possessive repeats
    and atomic groups never backtrack and are allowed; so are bounded repeats (``(?:\w+ ){0,3}``).

    >>> backtracking_risk(r"fail(?:s|ed|ing)?"), backtracking_risk(r"(?:\w+\s+){0,3}said")
    (None, None)
    >>> backtracking_risk(r"(a|aa)+c")[:39]
    "alternatives inside the repeat '(...)+'"
    """
    try:
        tree = _sre_parse.parse(pattern, flags)
    except re.error:
        return None  # compile reports it
    return _risk(list(tree), bool(flags & re.IGNORECASE))


_UNBOUNDED = 10  # a repeat allowing more than this many matches counts as unbounded


def _risk(items: list, icase: bool) -> str | None:
    """The first unbounded repeat in a parsed pattern whose body is ambiguous, explained."""
    for op, av in items:
        found = None
        if op in _REPEATS:
            lo, hi, body = av
            if hi > _UNBOUNDED:
                name = "(...)" + ({0: "*", 1: "+"}.get(lo, f"{{{lo},}}") if hi == _sre.MAXREPEAT else "{...}")
                found = _ambiguous(list(body), list(body), name, icase)
            found = found or _risk(list(body), icase)
        elif op == _sre.SUBPATTERN:
            found = _risk(list(av[-1]), icase)
        elif op == _sre.BRANCH:
            found = next((r for b in av[1] if (r := _risk(list(b), icase))), None)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            found = _risk(list(av[1]), icase)
        if found:
            return found
    return None


def _ambiguous(seq: list, follow: list, name: str, icase: bool) -> str | None:
    """Inside the repeat ``name``: a part of ``seq`` (followed by ``follow``) that can match two ways."""
    for i, (op, av) in enumerate(seq):
        rest = seq[i + 1 :] + follow
        found = None
        if op in _REPEATS:
            lo, hi, body = av
            if lo != hi and hi > 1:
                return (
                    f"a repeat inside the unbounded repeat '{name}' can backtrack for minutes on a "
                    "long text; use one repeat, or bound the outer one ({1,5})"
                )
            ch = _overlap([list(body), rest], icase) if lo == 0 else None
            if ch:
                return (
                    f"an optional part inside the repeat '{name}' can match {ch!r} like what follows it, "
                    "so a long text splits in exponentially many ways; make them distinct"
                )
            found = _ambiguous(list(body), rest, name, icase)
        elif op == _sre.SUBPATTERN:
            found = _ambiguous(list(av[-1]), rest, name, icase)
        elif op == _sre.BRANCH:
            alts = [list(b) for b in av[1]]
            ch = _overlap([a + rest for a in alts], icase)
            if ch:
                return (
                    f"alternatives inside the repeat '{name}' can both start with {ch!r}, so a long "
                    "text splits between them in exponentially many ways; make them distinct"
                )
            found = next((r for a in alts if (r := _ambiguous(a, rest, name, icase))), None)
        if found:
            return found
    return None


def _overlap(seqs: list[list], icase: bool) -> str | None:
    """A sample character that two of the sequences can start with (or None)."""
    for ch in _SAMPLE:
        if sum(_first(s, ch, icase) is not False for s in seqs) > 1:
            return ch
    return None


def _first(items: list, ch: str, icase: bool) -> bool | None:
    """Can this sequence of parsed items start by matching ``ch``? None: it can match nothing."""
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width
        if op in _REPEATS or op == _sre.POSSESSIVE_REPEAT:
            r = _first(list(av[2]), ch, icase)
            if r:
                return True
            if av[0] == 0 or r is None:
                continue
            return False
        if op in (_sre.SUBPATTERN, _sre.ATOMIC_GROUP):
            r = _first(list(av[-1] if op == _sre.SUBPATTERN else av), ch, icase)
        elif op == _sre.BRANCH:
            results = [_first(list(b), ch, icase) for b in av[1]]
            r = True if True in results else (None if None in results else False)
        else:
            r = _char_matches(op, av, ch, icase)
        if r is None:
            continue
        return r
    return None


def _char_matches(op, av, ch: str, icase: bool) -> bool:
    """Does one single-character item match ``ch``? Unknown items count as matching."""
    same = (lambda a, b: a.lower() == b.lower()) if icase else (lambda a, b: a == b)
    if op == _sre.LITERAL:
        return same(chr(av), ch)
    if op == _sre.NOT_LITERAL:
        return not same(chr(av), ch)
    if op == _sre.ANY:
        return ch != "\n"
    if op == _sre.CATEGORY:
        return _category(av, ch)
    if op == _sre.IN:
        negate = any(o == _sre.NEGATE for o, _ in av)
        hit = False
        for o, a in av:
            if o == _sre.LITERAL:
                hit = hit or same(chr(a), ch)
            elif o == _sre.RANGE:
                hit = hit or a[0] <= ord(ch) <= a[1] or (icase and a[0] <= ord(ch.swapcase()[:1]) <= a[1])
            elif o == _sre.CATEGORY:
                hit = hit or _category(a, ch)
        return hit != negate
    return True


def first_class(pattern: str, flags: int = 0) -> str | None:
    r"""A character class holding every character a match of ``pattern`` can start with (None: unknown).

    Built from literals and ranges only; a pattern that can start with a category, any character,
    a negated class or match nothing gives None.

    >>> first_class(r"fail(?:s|ed)?|(?:grave )?differences"), first_class(r"\w+")
    ('[dfg]', None)
    """
    try:
        found = _firsts(list(_sre_parse.parse(pattern, flags)))
    except re.error:
        return None
    return None if found is None or found[1] else "[" + "".join(sorted(set(found[0]))) + "]"


def _firsts(items: list) -> tuple[list[str], bool] | None:
    """(class parts a sequence of parsed items can start with, whether it can match nothing), or None."""
    out: list[str] = []
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width
        if op in _REPEATS or op == _sre.POSSESSIVE_REPEAT:
            sub = _firsts(list(av[2]))
            sub = sub if sub is None else (sub[0], sub[1] or av[0] == 0)
        elif op in (_sre.SUBPATTERN, _sre.ATOMIC_GROUP):
            sub = _firsts(list(av[-1] if op == _sre.SUBPATTERN else av))
        elif op == _sre.BRANCH:
            subs = [_firsts(list(b)) for b in av[1]]
            sub = None if None in subs else ([p for x in subs for p in x[0]], any(x[1] for x in subs))  # type: ignore[index]
        elif op == _sre.LITERAL:
            sub = ([re.escape(chr(av))], False)
        elif op == _sre.IN and all(o in (_sre.LITERAL, _sre.RANGE) for o, _ in av):
            sub = ([_class_part(o, a) for o, a in av], False)
        else:
            return None
        if sub is None:
            return None
        out += sub[0]
        if not sub[1]:
            return out, False
    return out, True


def _class_part(op, av) -> str:
    """A literal or a range of a parsed character class, written back as class text."""
    if op == _sre.LITERAL:
        return re.escape(chr(av))
    return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"


def _category(cat, ch: str) -> bool:
    """\\d, \\s, \\w and their negations (Unicode, as Python's re reads str patterns)."""
    word = ch.isalnum() or ch == "_"
    table = {
        _sre.CATEGORY_DIGIT: ch.isdigit(),
        _sre.CATEGORY_NOT_DIGIT: not ch.isdigit(),
        _sre.CATEGORY_SPACE: ch.isspace(),
        _sre.CATEGORY_NOT_SPACE: not ch.isspace(),
        _sre.CATEGORY_WORD: word,
        _sre.CATEGORY_NOT_WORD: not word,
    }
    return table.get(cat, True)
