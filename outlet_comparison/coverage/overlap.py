"""Overlap between N outlets: aligned sentences for every pair, shared and unique content, actors and
the names each outlet gives them.

Everything here works for any number of outlets (two or more) and builds on ``alignment.align``
(mutual best matches, cosine >= ``ALIGN_THRESHOLD``) and ``actors.actors``; nothing is re-implemented.
``texts`` is always ``{outlet: clean body}``, in the order the outlets should be reported.
"""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pandas as pd

from outlet_comparison.coverage.alignment import ALIGN_THRESHOLD, align
from outlet_comparison.coverage.event_actors import event_actors
from outlet_comparison.text.units import sentences, words

PAIR_COLUMNS = ("outlet_a", "outlet_b", "sentence_a", "sentence_b", "similarity", "text_a", "text_b")
SENTENCE_COLUMNS = ("outlet", "sentence", "text", "words", "counterparts", "n_counterparts", "shared")
SHARE_COLUMNS = (
    "outlet", "sentences", "shared", "unique", "words", "shared_words", "shared_pct", "shared_words_pct",
)  # fmt: skip
MENTION_COLUMNS = ("outlet", "actor", "mention", "sentence", "start", "end", "side", "quoted")
FORM_COLUMNS = ("actor", "side", "outlet", "form", "count")


def pairwise_alignment(
    texts: dict[str, str], threshold: float = ALIGN_THRESHOLD, aliases: Path | str | None = None
) -> pd.DataFrame:
    """Every aligned sentence pair of every pair of outlets (``align`` on each pair, outlets in order).

    >>> t = {"A": "Kerry met Lavrov in Hangzhou. It rained.", "B": "Lavrov met Kerry in Hangzhou.",
    ...      "C": "Nothing else happened."}
    >>> pairwise_alignment(t)[["outlet_a", "outlet_b", "sentence_a", "sentence_b"]].values.tolist()
    [['A', 'B', 0, 0]]
    """
    frames = [
        align(texts[a], texts[b], threshold, aliases).assign(outlet_a=a, outlet_b=b)
        for a, b in combinations(texts, 2)
    ]
    frames = [f for f in frames if len(f)]
    if not frames:
        return _empty(PAIR_COLUMNS, {"sentence_a": "int64", "sentence_b": "int64", "similarity": "float64"})
    return pd.concat(frames, ignore_index=True)[list(PAIR_COLUMNS)]


def _empty(columns: tuple[str, ...], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """An empty table with the given columns (and dtypes)."""
    return pd.DataFrame(columns=list(columns)).astype(dtypes or {})


def _partners(pairs: pd.DataFrame) -> dict[tuple[str, int], set[str]]:
    """(outlet, sentence) -> the other outlets that carry an aligned counterpart of that sentence."""
    out: dict[tuple[str, int], set[str]] = {}
    for r in pairs.itertuples(index=False):
        out.setdefault((r.outlet_a, int(r.sentence_a)), set()).add(r.outlet_b)
        out.setdefault((r.outlet_b, int(r.sentence_b)), set()).add(r.outlet_a)
    return out


def sentence_coverage(texts: dict[str, str], pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet and sentence: its words and the outlets that carry a counterpart (from ``pairs``).

    ``shared`` is True when at least one other outlet has an aligned counterpart.

    >>> t = {"A": "Kerry met Lavrov in Hangzhou. It rained.", "B": "Lavrov met Kerry in Hangzhou."}
    >>> sentence_coverage(t, pairwise_alignment(t))[["outlet", "sentence", "counterparts", "shared"]
    ...     ].values.tolist()
    [['A', 0, 'B', True], ['A', 1, '', False], ['B', 0, 'A', True]]
    """
    partners = _partners(pairs)
    order = list(texts)
    rows = []
    for outlet, text in texts.items():
        for k, s in enumerate(sentences(text)):
            others = sorted(partners.get((outlet, k), set()), key=order.index)
            rows.append((outlet, k, s, len(words(s)), "; ".join(others), len(others), bool(others)))
    out = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return out.astype({"sentence": "int64", "words": "int64", "n_counterparts": "int64", "shared": "bool"})


def coverage_shares(
    texts: dict[str, str],
    pairs: pd.DataFrame | None = None,
    threshold: float = ALIGN_THRESHOLD,
    aliases: Path | str | None = None,
) -> pd.DataFrame:
    """Per outlet: sentences and words with a counterpart in at least one other outlet, and what is unique.

    ``pairs`` is a ``pairwise_alignment`` table (computed with ``threshold`` and ``aliases`` when None).
    Percentages are of the outlet's own sentences and words.

    >>> t = {"A": "Kerry met Lavrov in Hangzhou. It rained.", "B": "Lavrov met Kerry in Hangzhou."}
    >>> coverage_shares(t)[["outlet", "sentences", "shared", "unique", "shared_pct"]].values.tolist()
    [['A', 2, 1, 1, 50.0], ['B', 1, 1, 0, 100.0]]
    """
    pairs = pairwise_alignment(texts, threshold, aliases) if pairs is None else pairs
    cov = sentence_coverage(texts, pairs)
    rows = []
    for outlet in texts:
        c = cov[cov["outlet"] == outlet]
        n, w = len(c), int(c["words"].sum())
        k, kw = int(c["shared"].sum()), int(c.loc[c["shared"], "words"].sum())
        rows.append((outlet, n, k, n - k, w, kw, _pct(k, n), _pct(kw, w)))
    return pd.DataFrame(rows, columns=list(SHARE_COLUMNS))


def _pct(part: float, whole: float) -> float:
    """100 * part / whole, NaN when whole is 0."""
    return 100.0 * part / whole if whole else float("nan")


def pair_matrix(texts: dict[str, str], pairs: pd.DataFrame, value: str = "pairs") -> pd.DataFrame:
    """Outlet x outlet: aligned sentence pairs (``value="pairs"``, symmetric) or the percentage of the row
    outlet's sentences that have a counterpart in the column outlet (``value="share"``); diagonal NaN.

    >>> t = {"A": "Kerry met Lavrov in Hangzhou. It rained.", "B": "Lavrov met Kerry in Hangzhou."}
    >>> pair_matrix(t, pairwise_alignment(t), "share").fillna(-1).values.tolist()
    [[-1.0, 50.0], [100.0, -1.0]]
    """
    if value not in ("pairs", "share"):
        raise ValueError(f"value={value!r}: use 'pairs' or 'share'")
    outlets = list(texts)
    n_sents = {o: len(sentences(t)) for o, t in texts.items()}
    out = pd.DataFrame(float("nan"), index=pd.Index(outlets, name="outlet"), columns=outlets)
    for a, b in combinations(outlets, 2):
        p = pairs[(pairs["outlet_a"] == a) & (pairs["outlet_b"] == b)]
        q = pairs[(pairs["outlet_a"] == b) & (pairs["outlet_b"] == a)]
        n = len(p) + len(q)
        if value == "pairs":
            out.loc[a, b] = out.loc[b, a] = n
        else:  # mutual best matches: each sentence is in at most one pair per outlet pair
            out.loc[a, b], out.loc[b, a] = _pct(n, n_sents[a]), _pct(n, n_sents[b])
    return out


def actor_mentions(texts: dict[str, str], aliases: Path | str | None = None) -> pd.DataFrame:
    """Every actor mention of every outlet, with the outlet first; actors are named once for the whole
    event (``event_actors``), so "Trump" in one outlet and "Donald J. Trump" in another are one actor."""
    outlets = list(texts)
    df = event_actors(list(texts.values()), aliases)
    if df.empty:
        return _empty(
            MENTION_COLUMNS, {"sentence": "int64", "start": "int64", "end": "int64", "quoted": "bool"}
        )
    df.insert(0, "outlet", [outlets[i] for i in df["article"]])
    return df[list(MENTION_COLUMNS)].reset_index(drop=True)


def actor_summary(mentions: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Per outlet: mentions, distinct actors, quoted mentions, actors no other outlet mentions, and the
    actor(s) it quotes most (``top_quoted``: tied actors joined by '; '; empty when nothing is quoted).

    >>> study = "articles/kerry-lavrov-g20-2016/actor_aliases.csv"
    >>> m = actor_mentions({"A": "Kerry said no. Lavrov met Kerry.", "B": "Lavrov said yes."}, study)
    >>> actor_summary(m, ["A", "B"])[["outlet", "mentions", "actors", "quoted", "only_here", "top_quoted"]
    ...     ].values.tolist()
    [['A', 3, 2, 1, 1, 'John Kerry'], ['B', 1, 1, 1, 0, 'Sergei Lavrov']]
    """
    cols = ["outlet", "mentions", "actors", "quoted", "only_here", "only_here_actors", "top_quoted",
            "top_quoted_n"]  # fmt: skip
    by_actor = mentions.groupby("actor")["outlet"].agg(lambda s: set(s))
    rows = []
    for o in outlets:
        m = mentions[mentions["outlet"] == o]
        only = sorted(a for a in set(m["actor"]) if by_actor[a] == {o})
        per = m.groupby("actor").agg(quoted=("quoted", "sum"), mentions=("actor", "size")).reset_index()
        top_n = int(per["quoted"].max()) if len(per) else 0
        tied = per[(per["quoted"] == top_n) & (top_n > 0)].sort_values(
            ["mentions", "actor"], ascending=[False, True]
        )
        top = "; ".join(tied["actor"])
        rows.append((o, len(m), m["actor"].nunique(), int(m["quoted"].sum()), len(only), "; ".join(only), top,
                     top_n))  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def side_order(mentions: pd.DataFrame, sides: tuple[str, ...] = ()) -> list[str]:
    """The sides present in ``mentions``: those of ``sides`` first (the alias list's order), then any other.

    >>> side_order(pd.DataFrame({"side": ["b", "x", "a"]}), ("a", "b", "c"))
    ['a', 'b', 'x']
    """
    present = list(dict.fromkeys(mentions["side"]))
    return [s for s in sides if s in present] + [s for s in present if s not in sides]


def _form(mention: str) -> str:
    """A mention as a name form: spaces collapsed, an initial article lower-cased ('The president')."""
    form = " ".join(mention.split())
    return re.sub(r"^(The|A|An)\b", lambda m: m.group(1).lower(), form)


def name_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet uses each form of each actor's name: actor, side, outlet, form, count.

    Forms are compared as written (spaces collapsed; only an initial article is lower-cased), so a
    capital that a title gets at the start of a sentence counts as a different form.

    >>> study = "articles/kerry-lavrov-g20-2016/actor_aliases.csv"
    >>> m = actor_mentions({"A": "Mr Obama left. The president spoke.", "B": "He met the president."}, study)
    >>> name_forms(m)[["outlet", "form", "count"]].values.tolist()
    [['A', 'Mr Obama', 1], ['A', 'the president', 1], ['B', 'the president', 1]]
    """
    if mentions.empty:
        return _empty(FORM_COLUMNS, {"count": "int64"})
    df = mentions.assign(form=mentions["mention"].map(_form))
    out = df.groupby(["actor", "side", "outlet", "form"], sort=False).size().rename("count").reset_index()
    out = out.sort_values(["actor", "outlet", "count", "form"], ascending=[True, True, False, True])
    return out[list(FORM_COLUMNS)].reset_index(drop=True).astype({"count": "int64"})


def differently_named(forms: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Actors mentioned by two or more outlets, with each outlet's forms ('form (n); ...'), the forms every
    one of those outlets uses, and ``differs``: the outlets' sets of forms are not all the same.

    >>> study = "articles/kerry-lavrov-g20-2016/actor_aliases.csv"
    >>> m = actor_mentions({"A": "Mr Obama left. Obama spoke.", "B": "Obama spoke."}, study)
    >>> differently_named(name_forms(m), ["A", "B"])[["actor", "B", "common", "differs"]].values.tolist()
    [['Barack Obama', 'Obama (1)', 'Obama', True]]
    """
    cols = ["actor", "side", "outlets", "mentions", *outlets, "common", "differs"]
    rows = []
    for (actor, side), g in forms.groupby(["actor", "side"], sort=True):
        sets = {o: set(g.loc[g["outlet"] == o, "form"]) for o in outlets if (g["outlet"] == o).any()}
        if len(sets) < 2:
            continue
        per = {
            o: "; ".join(f"{r.form} ({r.count})" for r in g[g["outlet"] == o].itertuples()) for o in outlets
        }
        common = set.intersection(*sets.values())
        differs = any(s != next(iter(sets.values())) for s in sets.values())
        rows.append((actor, side, len(sets), int(g["count"].sum()), *per.values(), "; ".join(sorted(common)),
                     differs))  # fmt: skip
    out = pd.DataFrame(rows, columns=cols).astype(
        {"outlets": "int64", "mentions": "int64", "differs": "bool"}
    )
    return out.sort_values(["mentions", "actor"], ascending=[False, True]).reset_index(drop=True)


def top_actors(
    mentions: pd.DataFrame, sides: list[str], outlets: list[str], top: int = 15
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``top`` most mentioned actors, ordered by side then mentions, one row per actor and outlet
    (``side, actor, outlet, mentions, quoted``; zeros kept), and the other actors' mentions per outlet.

    >>> m = pd.DataFrame({"side": ["S", "S", "T"], "actor": ["a", "a", "b"], "outlet": ["X", "Y", "X"],
    ...                   "quoted": [True, False, False]})
    >>> shown, rest = top_actors(m, ["S", "T"], ["X", "Y"], top=1)
    >>> shown[["actor", "outlet", "mentions", "quoted"]].values.tolist(), rest.actor.tolist()
    ([['a', 'X', 1, 1], ['a', 'Y', 1, 0]], ['b'])
    """
    table = mentions.groupby(["side", "actor", "outlet"]).agg(
        mentions=("actor", "size"), quoted=("quoted", "sum")
    )
    totals = table.groupby(["side", "actor"])["mentions"].sum().reset_index()
    totals["side_rank"] = totals.side.map(sides.index)
    chosen = totals.sort_values(["mentions", "actor"], ascending=[False, True]).head(top)
    order = chosen.sort_values(["side_rank", "mentions", "actor"], ascending=[True, False, True])
    index = [(s, a, o) for s, a in zip(order.side, order.actor, strict=True) for o in outlets]
    full = table.reindex(pd.MultiIndex.from_tuples(index, names=["side", "actor", "outlet"]), fill_value=0)
    rest = (
        table.reset_index()
        .pivot_table(index=["side", "actor"], columns="outlet", values="mentions", fill_value=0)
        .reindex(columns=outlets, fill_value=0).astype(int).reset_index()
    )  # fmt: skip
    return full.reset_index(), rest[~rest.actor.isin(order.actor)]
