"""Findings of notebook 04: shared and unique content, who is mentioned and quoted, names, the card."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.findings.common import names, num


def overlap_findings(shares: pd.DataFrame, matrix: pd.DataFrame) -> list[str]:
    """Per outlet the share of its content with a counterpart in another article, and what only it carries.

    ``shares``: ``overlap.coverage_shares`` (outlet, sentences, shared, unique, words, shared_words_pct).
    ``matrix``: ``overlap.pair_matrix(..., "pairs")``, aligned sentence pairs per pair of outlets.

    >>> s = pd.DataFrame({"outlet": ["A", "B"], "sentences": [10, 8], "shared": [4, 4], "unique": [6, 4],
    ...                   "words": [200, 150], "shared_words_pct": [35.0, 50.0]})
    >>> m = pd.DataFrame([[float("nan"), 4], [4, float("nan")]], index=["A", "B"], columns=["A", "B"])
    >>> overlap_findings(s, m)[1]
    '**Sentences only one article carries** (no counterpart in any other): A 6 of 10 and B 4 of 8.'
    """
    if shares.empty:
        return []
    if int(shares["shared"].sum()) == 0:
        return [
            "**The automatic alignment pairs no sentence of one article with a sentence of another**: by "
            "this measure every sentence is carried by one article only (a floor, see the caveat below)."
        ]
    other = "the other article" if len(shares) == 2 else "at least one other article"
    parts = [
        f"{r.outlet} {r.shared} of {r.sentences} sentences ({num(r.shared_words_pct, 0)}% of its words)"
        for r in shares.itertuples()
    ]
    out = [f"**Content with a counterpart in {other}** (automatic sentence alignment): {names(parts)}."]
    uniq = [f"{r.outlet} {r.unique} of {r.sentences}" for r in shares.itertuples()]
    out.append(f"**Sentences only one article carries** (no counterpart in any other): {names(uniq)}.")
    if len(matrix) > 2:
        out.append(most_shared(matrix))
    return out


def most_shared(matrix: pd.DataFrame) -> str:
    """Which pair (or pairs, when tied) of outlets has the most aligned sentence pairs."""
    outlets = list(matrix.index)
    cells = {(a, b): int(matrix.loc[a, b]) for i, a in enumerate(outlets) for b in outlets[i + 1 :]}
    n = max(cells.values())
    top = [f"{a} with {b}" for (a, b), v in cells.items() if v == n]
    plural = "s" if n != 1 else ""
    if len(top) == len(cells):
        return f"Every pair of articles shares the same number of aligned sentence pairs ({n})."
    each = " each" if len(top) > 1 else ""
    return f"Most shared: {names(top)} ({n} aligned sentence pair{plural}{each})."


def actor_findings(summary: pd.DataFrame, variants: pd.DataFrame) -> list[str]:
    """Who each outlet mentions and quotes most, and how many actors the outlets name differently.

    ``summary``: ``overlap.actor_summary`` (outlet, mentions, actors, quoted, only_here, top_quoted,
    top_quoted_n). ``variants``: ``overlap.differently_named`` (actor, differs).

    >>> s = pd.DataFrame({"outlet": ["A", "B"], "mentions": [0, 0], "actors": [0, 0], "quoted": [0, 0],
    ...                   "only_here": [0, 0], "top_quoted": ["", ""], "top_quoted_n": [0, 0]})
    >>> actor_findings(s, pd.DataFrame(columns=["actor", "differs"]))[0][:40]
    '**No actor is found in these articles** '
    """
    if int(summary["mentions"].sum()) == 0:
        return [
            "**No actor is found in these articles** (neither by the alias list nor by name discovery), so "
            "who is mentioned and quoted is not compared here; an event can bring its own list (`aliases` in "
            "`event.toml`)."
        ]
    counts = [
        f"{r.outlet} {r.actors} distinct actor{'s' if r.actors != 1 else ''} in {r.mentions} "
        f"mention{'s' if r.mentions != 1 else ''} ({r.only_here} named by no other)"
        for r in summary.itertuples()
    ]
    quoted = [_top_quoted(r.outlet, r.top_quoted, r.top_quoted_n, r.quoted) for r in summary.itertuples()]
    out = [f"**Who is mentioned**: {names(counts)}.", f"**Who is quoted most**: {'; '.join(quoted)}."]
    if len(variants):
        out.append(_variant_sentence(variants))
    return out


def _variant_sentence(variants: pd.DataFrame) -> str:
    """How many of the actors that two or more articles mention are named with different forms."""
    k, n = int(variants["differs"].sum()), len(variants)
    head = "**Same actor, different words**: "
    if k == 0:
        return head + "every actor mentioned by two or more articles is named the same way in each."
    examples = variants.loc[variants["differs"], "actor"].head(3).tolist()
    share = "the only actor" if n == 1 else f"all {n} actors" if k == n else f"{k} of the {n} actors"
    verb = "is" if n == 1 or k == 1 else "are"
    return (
        f"{head}{share} mentioned by two or more articles {verb} named with different forms "
        f"(most mentioned: {names(examples)})."
    )


def _top_quoted(outlet: str, top: str, top_n: int, quoted: int) -> str:
    """'<outlet>: <actor> (k of its n quoted mentions)', with tied actors, or that nothing is quoted.

    >>> _top_quoted("A", "X; Y", 2, 5)
    'A: X and Y (2 each of its 5 quoted mentions)'
    """
    if not quoted:
        return f"{outlet}: none of its mentions is the source of reported speech"
    tied = top.split("; ")
    if top_n == 1 and len(tied) > 1:
        return f"{outlet}: no actor is quoted more than once ({quoted} quoted mentions of {len(tied)} actors)"
    each = " each" if len(tied) > 1 else ""
    return f"{outlet}: {names(tied)} ({top_n}{each} of its {quoted} quoted mentions)"


def coverage_caveats(alias_list: str, threshold: float) -> list[str]:
    """What sentence alignment and the actor list can and cannot see.

    >>> coverage_caveats("aliases.csv", 0.325)[0][:40]
    '**Alignment is lexical** (character n-gr'
    """
    return [
        f"**Alignment is lexical** (character n-gram TF-IDF, mutual best match, cosine ≥ {threshold}): it "
        "misses paraphrase, so the shared share is a floor and 'only one article carries it' an upper "
        "bound.",
        f"**Actors come from the alias list** `{alias_list}` and from names found in the text (titles, full "
        "names, bodies): a capitalised phrase can be mistaken for a name, pronouns are not resolved, and "
        "'quoted' means named as the source of reported speech in the same sentence.",
    ]


def card_notes(card: pd.DataFrame) -> list[str]:
    """In words, which card panels are unavailable or have no hits, overall or for some outlets.

    ``card``: ``coverage_card_data`` (panel, unit, measure, outlet, value, available, note).

    >>> card = pd.DataFrame({"panel": ["P", "P", "P", "Q"], "unit": ["hits"] * 4,
    ...                      "measure": ["m", "m", "n", "m"], "outlet": ["A", "B", "B", "A"],
    ...                      "value": [0.0, 2.0, 0.0, 0.0], "available": [True] * 4, "note": [""] * 4})
    >>> card_notes(card)
    ['P: no hits at A.', 'P: no hits in any article for n.', 'Q: no hits in any article (hits).']
    """
    out = []
    outlets = [o for o in dict.fromkeys(card["outlet"]) if o]
    for panel, d in card.groupby("panel", sort=False):
        if not d["available"].all():
            out.append(f"{panel}: not available ({d['note'].iloc[0]}).")
            continue
        total = d.groupby("outlet", sort=False)["value"].apply(lambda v: v.fillna(0).abs().sum())
        total = total.reindex(outlets, fill_value=0)
        if (total == 0).all():
            out.append(f"{panel}: no hits in any article ({d['unit'].iloc[0]}).")
            continue
        if (total == 0).any():
            out.append(f"{panel}: no hits at {names(total[total == 0].index.tolist())}.")
        empty = [m for m, v in d.groupby("measure", sort=False)["value"] if (v.fillna(0) == 0).all()]
        if empty:
            out.append(f"{panel}: no hits in any article for {names(empty)}.")
    return out
