"""Actors: who a story is about, found with an alias list, and whether each mention speaks."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, check_str, project_path, row_error
from outlet_comparison.text.names import ALIAS_CASES, alias_lookup, alias_pattern
from outlet_comparison.text.units import sentence_spans
from outlet_comparison.wordlists import check_choice, data_rows, read_lexicon

ACTOR_COLUMNS = ("actor", "mention", "sentence", "start", "end", "side", "quoted")
_ALIAS_COLUMNS = ("alias", "actor", "side", "rationale")  # and ``case``, optional


def aliases_path(path: Path | str | None = None) -> str:
    """The alias file to use (``lexicons/actor_aliases.csv`` unless one is given), as the cache key."""
    return str(project_path(path, LEXICONS / "actor_aliases.csv"))


def speech_verbs_path(path: Path | str | None = None) -> str:
    """The reporting-verb file to use (``lexicons/actor_speech_verbs.csv`` unless one is given)."""
    return str(project_path(path, LEXICONS / "actor_speech_verbs.csv"))


@memoize(maxsize=8)
def _aliases(path: str) -> tuple[tuple[str, str, str, str | None], ...]:
    """Validated (alias, actor, side, case) rows of an alias file, longest alias first; ``case`` is None
    where the file has no ``case`` column (then ``text.names.alias_case``'s default rule holds)."""
    df = read_lexicon(path, _ALIAS_COLUMNS)
    seen: dict[tuple[str, str | None], int] = {}
    rows = []
    for n, row in data_rows(df):
        alias, actor, side = (str(row[c]).strip() for c in ("alias", "actor", "side"))
        case = str(row["case"]).strip() if "case" in df.columns else None
        if case is not None:
            check_choice(path, n, "case", case, ALIAS_CASES)
        key = (alias_lookup(alias, case), case)
        if key in seen:
            raise row_error(path, n, f"duplicate alias '{alias}' (first at row {seen[key]})")
        seen[key] = n
        rows.append((alias, actor, side, case))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def actor_sides(aliases: Path | str | None = None) -> tuple[str, ...]:
    """The sides an alias file assigns, in the order they first appear in the file, then 'other'.

    >>> actor_sides()[:2], actor_sides()[-1]
    (('United States', 'Russia'), 'other')
    """
    df = read_lexicon(aliases_path(aliases), _ALIAS_COLUMNS)
    return tuple(dict.fromkeys([*(s.strip() for s in df["side"]), "other"]))


@memoize(maxsize=8)
def _alias_regex(path: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """One alternation of every alias (longest first) and the (actor, side) of each group."""
    rows = _aliases(path)
    parts = []
    for k, (alias, _actor, _side, case) in enumerate(rows):  # any spacing and apostrophe, no possessive
        parts.append(f"(?P<a{k}>{alias_pattern(alias, case, spacing=True)})")
    return re.compile("|".join(parts)), tuple((r[1], r[2]) for r in rows)


@memoize(maxsize=8)
def read_speech_verbs(path: str) -> tuple[str, ...]:
    """The reporting verbs of a speech-verb file, lower case, longest first."""
    df = read_lexicon(path, ("verb", "rationale"))
    return tuple(sorted({v.strip().lower() for v in df["verb"]}, key=len, reverse=True))


def actors(
    text: str,
    aliases: Path | str | None = None,
    discover: bool = True,
) -> pd.DataFrame:
    """One row per actor mention: canonical actor, mention, sentence index, offsets, side, quoted.

    The alias list (``lexicons/actor_aliases.csv`` unless given) is matched first and decides the
    actor and side of what it lists; with ``discover`` every other person and organisation the text
    names is added (``outlet_comparison.coverage.discover``: name variants merged, side 'other' unless the
    attribution affiliation list knows the body).

    >>> study = "articles/kerry-lavrov-g20-2016/actor_aliases.csv"  # the study's own alias list
    >>> df = actors("Mr Obama said Sergey Lavrov met Sergei Lavrov.", study)
    >>> df[["actor", "mention", "quoted"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Barack Obama', 'Mr Obama', True], ['Sergei Lavrov', 'Sergey Lavrov', False],
     ['Sergei Lavrov', 'Sergei Lavrov', False]]
    >>> df = actors("Recep Tayyip Erdoğan met reporters. Erdogan said it went well.")
    >>> df[["actor", "quoted"]].values.tolist()
    [['Recep Tayyip Erdoğan', False], ['Recep Tayyip Erdoğan', True]]
    """
    check_str(text)
    rows = alias_mentions(text, aliases)
    spans = sentence_spans(text)
    if discover and spans:
        rows = _with_discovered(text, spans, rows)
    out = pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))
    out["quoted"] = cited(text, out["start"].tolist(), out["end"].tolist())
    return out.astype({"sentence": "int64", "start": "int64", "end": "int64", "quoted": "bool"})


def alias_mentions(text: str, aliases: Path | str | None = None) -> list[tuple]:
    """The alias list's matches as rows of ``ACTOR_COLUMNS`` in text order (``quoted`` not yet read)."""
    rx, groups = _alias_regex(aliases_path(aliases))
    rows = []
    for k, (s0, s1) in enumerate(sentence_spans(text)):
        for m in rx.finditer(text[s0:s1]):
            actor, side = groups[int(m.lastgroup[1:])]
            rows.append((actor, m.group(0), k, s0 + m.start(), s0 + m.end(), side, False))
    return rows


def cited(text: str, starts: list[int], ends: list[int]) -> list[bool]:
    """Whether each mention [start, end) is cited: it is the first actor mention inside the source of an
    attribution the sourcing instrument reads (``helpers.attributions``; a document is nobody's voice), so
    the coverage page counts the same speakers as the sourcing page.

    >>> t = "Kerry said talks failed. The report found Lavrov and Kerry met."
    >>> cited(t, [0, 42, 53], [5, 48, 58])
    [True, False, False]
    """
    from outlet_comparison.instruments.attribution import attributions

    rows = attributions(text)
    flags = [False] * len(starts)
    for s, e, kind in zip(rows["start"], rows["end"], rows["source_type"], strict=True):
        if kind == "document":
            continue
        inside = [j for j, (a, b) in enumerate(zip(starts, ends, strict=True)) if a < e and s < b]
        if inside:
            flags[min(inside, key=lambda j: starts[j])] = True
    return flags


def _with_discovered(text: str, spans: list[tuple[int, int]], rows: list) -> list:
    """The alias rows plus every discovered mention that no alias match overlaps, in text order."""
    from outlet_comparison.coverage.discover import discover as find
    from outlet_comparison.coverage.discover import one_sentence
    from outlet_comparison.instruments.attribution.rules import alias_at, load_rules

    rules = load_rules()
    taken = sorted((r[3], r[4]) for r in rows)
    starts = [s for s, _ in spans]
    out = list(rows)
    for f in find(text, rules):
        j = bisect.bisect_right(taken, (f.end, f.end)) - 1
        if (
            j >= 0
            and taken[j][1] > f.start
            or any(a < f.end and f.start < b for a, b in taken[j + 1 : j + 2])
        ):
            continue
        k = bisect.bisect_right(starts, f.start) - 1
        s0, s1 = spans[k]
        if f.end > s1 and not one_sentence(text, [e for _, e in spans], f):
            continue
        a = None if f.person else alias_at(rules, f.actor)
        side = a.side if a is not None and a.side else "other"
        out.append((f.actor, text[f.start : f.end], k, f.start, f.end, side, False))
    return sorted(out, key=lambda r: r[3])
