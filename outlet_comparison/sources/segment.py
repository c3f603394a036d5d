"""Segmenting raw aggregator copies: every raw line gets exactly one role, no body text is lost.

The raw text is first normalised (``rawtext.normalise_raw``: every line break becomes ``\\n``,
byte-order marks go), so ``"\\n".join(segment(raw).text) == normalise_raw(raw)`` and row k is
line k of the raw file. Markdown and inline HTML are cleaned line by line before roles are
given; an HTML page is refused. A line that reads as text but is not placed in the body by
position (rather than by a pattern of the boilerplate list) is reported with a SegmentWarning.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, check_str, project_path, row_error
from outlet_comparison.sources.rawtext import clean_markup, normalise_raw, refuse_html
from outlet_comparison.text.units import LETTER, MARKS, SENTENCE_ENDS, UPPER, WORD_RE, words
from outlet_comparison.wordlists import compile_row, data_rows, read_lexicon

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
_STRONG_BYLINE = re.compile(rf"^By\s|\s+and\s+|,\s*{_AGENCY}$")  # a byline no crosshead looks like
_CLOSERS = r"[\"”’')\]]*"
_TERMINAL = re.compile(rf"[{re.escape(''.join(SENTENCE_ENDS))}:;]{_CLOSERS}$")  # ends like a sentence
_NOT_HEADLINE = re.compile(rf"[.:;,]{_CLOSERS}$")  # a headline may end in ? or ! but not in a full stop
_MAX_HEADLINE_WORDS = 25
_CAPTIONS_BEFORE_BYLINE = 2  # prose lines between the headline and a byline that can be photo captions


class SegmentWarning(UserWarning):
    """A line that reads as article text was not placed in the body (listed by line number)."""


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


def _n_words(line: str) -> int:
    """Number of words of a line."""
    return len(WORD_RE.findall(line))


def _is_prose(line: str) -> bool:
    """A line that reads as running text: ends like a sentence or is long."""
    n = _n_words(line)
    return n >= 4 and (bool(_TERMINAL.search(line)) or n >= 12)


def _is_text(line: str) -> bool:
    """Prose, or a short line that ends like a sentence ("He declined.")."""
    return _is_prose(line) or (_n_words(line) >= 1 and bool(_TERMINAL.search(line)))


def _headline_shaped(line: str) -> bool:
    """1-25 words, not a byline, not ending in a full stop, colon, semicolon or comma."""
    return (
        1 <= _n_words(line) <= _MAX_HEADLINE_WORDS
        and not BYLINE_RE.match(line)
        and not _NOT_HEADLINE.search(line)
    )


def _pattern_roles(stripped: list[str], raw: list[str], pats) -> list[str | None]:
    """Blank lines, markup-only lines and lines a pattern of the boilerplate file claims; None: the rest."""
    roles: list[str | None] = [None] * len(stripped)
    for i, s in enumerate(stripped):
        if not s:
            roles[i] = "blank" if not raw[i].strip() else "boilerplate"  # a line of markup only
            continue
        for rx, role in pats:
            if rx.search(s):
                roles[i] = role
                break
    return roles


def _find_headline(s: list[str], open_idx: list[int]) -> tuple[int | None, int | None]:
    """(headline, first text line): the headline is in the header, above the first line of text.

    The header is the title-shaped lines of two or more words above the first line that reads as
    text and is not title-shaped. In order: its first line of 4+ words (unless that one ends in ?
    or ! below a shorter title: then it is a question in the body); else its last line (a short
    headline below masthead labels); else, with no header, the first text line when a byline
    ("By ...", "... and ...", "..., Reuters") follows it (a headline ending in a full stop).
    """
    first_text = next(
        (i for i in open_idx if _is_text(s[i]) and not _headline_shaped(s[i]) and not BYLINE_RE.match(s[i])),
        None,
    )
    header = [
        i
        for i in open_idx
        if (first_text is None or i < first_text) and _headline_shaped(s[i]) and _n_words(s[i]) >= 2
    ]
    long = next((k for k, i in enumerate(header) if _n_words(s[i]) >= 4), None)
    if long is not None:
        if long > 0 and _TERMINAL.search(s[header[long]]):
            return header[long - 1], first_text  # "Talks fail" above "What now for the talks?"
        return header[long], first_text
    if header:
        return header[-1], first_text
    if first_text is not None and _n_words(s[first_text]) <= _MAX_HEADLINE_WORDS:
        following = next((i for i in open_idx if i > first_text), None)
        if following is not None and BYLINE_RE.match(s[following]) and _STRONG_BYLINE.search(s[following]):
            return first_text, first_text
    return None, first_text


def _header_after(s: list[str], open_idx: list[int], headline: int) -> tuple[list[int], list[int]]:
    """(bylines, lines before a byline) just below the headline: a byline within two lines of it.

    The lines before a byline are photo captions (prose) or labels; a weak byline (two or three
    capitalised words) only counts right below the headline, so a crosshead is not a byline.
    """
    bylines: list[int] = []
    between: list[int] = []
    pending: list[int] = []
    for i in (i for i in open_idx if i > headline):
        if BYLINE_RE.match(s[i]) and (not pending or _STRONG_BYLINE.search(s[i])):
            bylines.append(i)
            between += pending
            pending = []
            continue
        if len(pending) == _CAPTIONS_BEFORE_BYLINE:
            break
        pending.append(i)
    return bylines, between


def _layout(s: list[str], roles: list[str | None]) -> None:
    """Give every line not claimed by a pattern its role from the article's layout (in place)."""
    open_idx = [i for i, r in enumerate(roles) if r is None]
    headline, first_text = _find_headline(s, open_idx)
    limit = headline if headline is not None else first_text if first_text is not None else len(s)
    bylines = [i for i in open_idx if i < limit and BYLINE_RE.match(s[i])]  # above the headline
    between: list[int] = []
    if headline is not None:
        roles[headline] = "headline"
        more, between = _header_after(s, open_idx, headline)
        bylines += [i for i in more if i not in bylines]
    for i in bylines:
        roles[i] = "byline"
    for i in between:
        roles[i] = "caption" if _is_prose(s[i]) else "boilerplate"
    body_start = max([headline if headline is not None else -1, *bylines, *between])
    texts = [i for i in open_idx if i > body_start and roles[i] is None and _is_text(s[i])]
    first_body, last_body = (texts[0], texts[-1]) if texts else (-1, -1)
    for i in open_idx:
        if roles[i] is None:
            if first_body <= i <= last_body:
                roles[i] = "body" if _is_text(s[i]) else "subhead"
            else:
                roles[i] = "boilerplate"  # masthead, labels before the body, furniture after it


def _unplaced(s: list[str], roles: list[str], claimed: list[bool]) -> list[tuple[int, str]]:
    """(line, why) of lines that read as text but are not body: placed by position, or claimed by a
    pattern while lying between two body lines and ending like a sentence (a pattern too broad)."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    first, last = (body[0], body[-1]) if body else (-1, -1)
    out = []
    for i, role in enumerate(roles):
        if role in ("body", "blank", "headline", "byline", "caption", "subhead"):
            continue
        if not claimed[i] and _is_text(s[i]) and _n_words(s[i]) >= 2:
            out.append((i + 1, f"{role} by position"))
        elif claimed[i] and first < i < last and _is_prose(s[i]) and _TERMINAL.search(s[i]):
            out.append((i + 1, f"{role} by a pattern"))
    return out


def _segment(raw: str, patterns: Path | str | None, source: str) -> tuple[list[str], list[str], list[str]]:
    """(lines of the normalised raw text, each cleaned and stripped, roles); warns about unplaced text."""
    check_str(raw)
    lines = normalise_raw(raw).split("\n")
    refuse_html(lines, source)
    cleaned, _ = clean_markup(lines)
    s = [c.strip() for c in cleaned]
    pats = _line_patterns(str(project_path(patterns, LEXICONS / "boilerplate.csv")))
    roles = _pattern_roles(s, lines, pats)
    claimed = [r is not None and r != "blank" for r in roles]
    _layout(s, roles)
    done: list[str] = [r or "boilerplate" for r in roles]
    unplaced = _unplaced(s, done, claimed)
    if unplaced:
        where = "; ".join(f"line {n}: {why}" for n, why in unplaced[:8]) + (
            "; ..." if len(unplaced) > 8 else ""
        )
        warnings.warn(
            SegmentWarning(
                f"{source}: {len(unplaced)} line(s) read as article text but are not in the body ({where}); "
                "check them with helpers.segment(raw): a pattern of lexicons/boilerplate.csv may be too "
                "broad, or the layout is new"
            ),
            stacklevel=3,
        )
    return lines, s, done


def segment(raw: str, patterns: Path | str | None = None, *, source: str = "raw text") -> pd.DataFrame:
    """Give every raw line exactly one role; ``"\\n".join(df.text) == rawtext.normalise_raw(raw)``.

    Rules, in order: blank lines; lines matching ``lexicons/boilerplate.csv`` (promos,
    credits, editor's notes, photo credits); the headline (the first title of 4+ words above
    the first line of text, else the last short title line, else a line ending in a full stop
    with a byline right under it); bylines (names, optional agency) before the body or just
    below the headline, with photo captions between; short labels above the headline are
    masthead boilerplate; after the header every line that reads as text is body, short
    unpunctuated lines between body lines are subheads, anything after the last body line that
    no pattern claims is boilerplate. ``source`` names the text in messages (a file path).

    >>> segment("Title Of The Story\\n\\nFirst body line of the story here.").role.tolist()
    ['headline', 'blank', 'body']
    """
    lines, _, roles = _segment(raw, patterns, source)
    return pd.DataFrame({"line": range(1, len(lines) + 1), "text": lines, "role": roles})


def clean_body(raw: str, patterns: Path | str | None = None, *, source: str = "raw text") -> str:
    """The article body only: body lines in order (markup cleaned), separated by one blank line."""
    _, stripped, roles = _segment(raw, patterns, source)
    return "\n\n".join(t for t, r in zip(stripped, roles, strict=True) if r == "body")


def role_summary(raw: str, patterns: Path | str | None = None) -> pd.DataFrame:
    """Lines, words and characters of a raw file per role (every role listed, zeros included)."""
    seg = segment(raw, patterns)
    seg = seg.assign(words=seg.text.map(lambda t: len(words(t))), characters=seg.text.str.len())
    out = seg.groupby("role").agg(
        lines=("line", "size"), words=("words", "sum"), characters=("characters", "sum")
    )
    return out.reindex(list(ROLES), fill_value=0).rename_axis("role").reset_index()
