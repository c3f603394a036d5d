"""``attributions``: one row per attributed statement, and the tables built from it."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.core import check_str, rows_frame
from outlet_comparison.instruments.attribution.crf import load_model, model_path
from outlet_comparison.instruments.attribution.cues import Hit, context_start, sentence_hits
from outlet_comparison.instruments.attribution.filters import (
    document_calls_for,
    is_label,
    load_nonstatements,
    not_a_statement,
    trim_source,
)
from outlet_comparison.instruments.attribution.refine import refine
from outlet_comparison.instruments.attribution.resolve import anonymity_reason, resolve
from outlet_comparison.instruments.attribution.rules import AttributionLexicons, Rules, load_rules
from outlet_comparison.instruments.attribution.tokens import QUOTE_RE, Token, tokens
from outlet_comparison.text.units import sentence_spans

ATTRIBUTION_COLUMNS = (
    "sentence",
    "source",
    "source_type",
    "affiliation",
    "cue",
    "start",
    "end",
    "cue_start",
    "cue_end",
    "quote",
    "anonymity_reason",
    "mention",
    "name",
    "kind",
    "side",
    "stance",
    "lemma",
    "anonymity_marker",
    "pattern",
)


def _row(text: str, h: Hit, quote: bool, marker: str, reason: str) -> dict:
    """The output row of one resolved hit."""
    assert h.src is not None
    return {
        "sentence": h.sentence,
        "source": h.src.source,
        "source_type": h.src.source_type,
        "affiliation": h.src.affiliation,
        "cue": h.cue,
        "start": h.s0,
        "end": h.s1,
        "cue_start": h.c0,
        "cue_end": h.c1,
        "quote": quote,
        "anonymity_reason": reason,
        "mention": text[h.s0 : h.s1],
        "name": h.src.name,
        "kind": h.src.kind,
        "side": h.src.side,
        "stance": h.stance,
        "lemma": h.lemma or h.cue,
        "anonymity_marker": marker,
        "pattern": h.how,
    }


def rule_hits(
    text: str, spans: list[tuple[int, int]], rules: Rules, beliefs: bool, unsourced: bool = False
) -> tuple[list[Hit], list[list[Token]]]:
    """The rules' attributions of every sentence (before resolution), and each sentence's tokens."""
    hits: list[Hit] = []
    toks_all = []
    for n, (s, e) in enumerate(spans):
        toks = tokens(text, s, e)
        toks_all.append(toks)
        ctx = context_start(text, spans, n)
        hits.extend(
            sentence_hits(
                text, n, s, e, beliefs, rules, toks if ctx == s else tokens(text, ctx, e), unsourced
            )
        )
    return hits, toks_all


def attributions(
    text: str, beliefs: bool = False, lexicons: AttributionLexicons | None = None
) -> pd.DataFrame:
    """One row per attributed statement: who (named person, organisation or anonymous), cue, quote, reason.

    ``beliefs=True`` also counts belief and intention verbs ("wants", "thinks"), as PolNeAR does.
    ``lexicons`` names other word list files (``AttributionLexicons``); the defaults are in ``lexicons/``.

    >>> df = attributions("Kremlin spokesman Dmitry Peskov told reporters it went well.")
    >>> df[["name", "side", "cue"]].values.tolist()
    [['Dmitry Peskov', 'Russia', 'told']]
    """
    rows = attribution_rows(text, beliefs, lexicons)
    ints = dict.fromkeys(("sentence", "start", "end", "cue_start", "cue_end"), int)
    return rows_frame(rows, ATTRIBUTION_COLUMNS, {**ints, "quote": bool})


def attribution_rows(
    text: str, beliefs: bool = False, lexicons: AttributionLexicons | None = None
) -> list[dict]:
    """The rows of ``attributions`` as dicts (corpus mode counts them without building the table)."""
    check_str(text)
    lex = lexicons or AttributionLexicons()
    rules = load_rules(lex)
    spans = sentence_spans(text)
    model = load_model(model_path(lex.model)) if lex.learned else None
    hits, toks = rule_hits(text, spans, rules, beliefs or model is not None, unsourced=model is not None)
    if model is not None:
        hits = refine(text, toks, hits, rules, model)
    nonst = load_nonstatements(lex.nonstatements_path())
    keep = ("neutral", "loaded", "belief", "unlisted") if beliefs else ("neutral", "loaded")
    hits = [
        h
        for h in hits
        if h.stance in keep
        and not not_a_statement(text, h.c0, h.c1, nonst)
        and trim_source(text, h)
        and not is_label(text, h, nonst)
    ]
    resolve(text, hits, rules, spans)
    hits = [h for h in hits if h.src is None or not document_calls_for(text, h.c1, h.lemma, h.src)]
    rows = []
    markers: dict[str, str] = {}
    for h in hits:
        assert h.src is not None
        s, e = spans[h.sentence]
        marker, reason = anonymity_reason(text, h, e, rules) if h.src.source_type == "anonymous" else ("", "")
        marker = marker or (
            markers.get(h.src.source, "") if h.antecedent else ""
        )  # follow-ups keep the grant
        if marker:
            markers.setdefault(h.src.source, marker)
        rows.append(_row(text, h, bool(QUOTE_RE.search(text[s:e])), marker, reason))
    return rows


def scu_types(df: pd.DataFrame) -> pd.Series:
    """Map rows to the SCU taxonomy: granted anonymity is anonymous, unnamed officials of a body named_org."""
    out = []
    for r in df.itertuples(index=False):
        if r.kind == "document":
            out.append("document")
        elif r.source_type == "named_person":
            out.append("named_person")
        elif r.source_type == "named_organization" or r.kind == "organization":
            out.append("named_org")  # a body speaking ("the company said", "police said") is an organisation
        elif r.anonymity_marker:
            out.append("anonymous")  # anonymity granted ("familiar with", "asked not to be named")
        elif r.affiliation:
            out.append("named_org")
        elif r.kind == "group":
            out.append("unnamed_group")
        else:
            out.append("unnamed_person")
    return pd.Series(out, index=df.index, name="scu_type", dtype=str)


def attribution_sides(df: pd.DataFrame) -> pd.DataFrame:
    """Who speaks, by side: attributions, distinct sources and named individuals per side and type."""
    cols = ["side", "source_type", "attributions", "distinct_sources", "named_individuals"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    key = df["name"].where(df["name"] != "", df["source"].str.lower())
    g = df.assign(_key=key).groupby(["side", "source_type"], sort=True)
    out = g.agg(attributions=("sentence", "size"), distinct_sources=("_key", "nunique")).reset_index()
    named = df[df.source_type == "named_person"].groupby(["side", "source_type"])["name"].nunique()
    out["named_individuals"] = [
        int(named.get((s, t), 0)) for s, t in zip(out.side, out.source_type, strict=True)
    ]
    return out[cols]
