"""``attributions``: one row per attributed statement, and the tables built from it."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter

import pandas as pd

from outlet_comparison.core import check_str, rows_frame
from outlet_comparison.instruments.attribution.appositives import apposed_subject
from outlet_comparison.instruments.attribution.capitals import written_in_capitals
from outlet_comparison.instruments.attribution.cards import closed_up, without_cards
from outlet_comparison.instruments.attribution.cataphora import named_after, named_group_after
from outlet_comparison.instruments.attribution.crf import load_model, model_path
from outlet_comparison.instruments.attribution.cues import Hit, context_start, sentence_hits
from outlet_comparison.instruments.attribution.described import (
    main_person,
    name_before,
    party_description,
    role_holder,
)
from outlet_comparison.instruments.attribution.filters import (
    contracted_pronoun,
    discovery,
    document_calls_for,
    heading_cue,
    hypothetical,
    inference,
    is_label,
    load_nonstatements,
    negated,
    nobody_speaks,
    not_a_statement,
    noun_cue,
    object_noun_cue,
    participle_object,
    possessed_noun,
    prepared_remarks,
    quality_participle,
    self_report,
    time_source,
    trim_source,
    vote,
)
from outlet_comparison.instruments.attribution.fragments import joined_bodies
from outlet_comparison.instruments.attribution.furniture import without_furniture
from outlet_comparison.instruments.attribution.generic import generic_type, last_resort
from outlet_comparison.instruments.attribution.kin import agent_type, title_body
from outlet_comparison.instruments.attribution.names import NO_NAMES, Names, find_names, surname_of
from outlet_comparison.instruments.attribution.nouncues import lone_determiner, noun_read
from outlet_comparison.instruments.attribution.offices import placed_offices
from outlet_comparison.instruments.attribution.prepositions import per_hits
from outlet_comparison.instruments.attribution.refine import refine
from outlet_comparison.instruments.attribution.resolve import anonymity_reason, resolve
from outlet_comparison.instruments.attribution.rules import AttributionLexicons, Rules, load_rules, remember
from outlet_comparison.instruments.attribution.series import own_object
from outlet_comparison.instruments.attribution.shared import (
    carried_participles,
    relative_cue_hits,
    shared_cue_hits,
)
from outlet_comparison.instruments.attribution.speakers import (
    ReaderWords,
    addressee,
    apposed_name,
    describe,
    described_name,
    full_name,
    load_reader_words,
    possessive_person,
    reader_type,
    relative_name,
    speaker_of,
    unnamed_role,
)
from outlet_comparison.instruments.attribution.tokens import (
    QUOTE_RE,
    Token,
    common_initial,
    tokens,
    words_in_spans,
)
from outlet_comparison.instruments.attribution.unsourced import late_sources
from outlet_comparison.instruments.attribution.webpage import without_page_rows
from outlet_comparison.text.units import sentence_spans

ATTRIBUTION_COLUMNS = (
    "sentence",
    "source",
    "source_type",
    "speaker",
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


def _row(text: str, h: Hit, quote: bool, marker: str, reason: str, source_type: str, speaker: str) -> dict:
    """The output row of one resolved hit."""
    assert h.src is not None
    return {
        "sentence": h.sentence,
        "source": h.src.source,
        "source_type": source_type,
        "speaker": speaker,
        "affiliation": h.src.affiliation,
        "cue": h.cue,
        "start": h.source_start,
        "end": h.source_end,
        "cue_start": h.cue_start,
        "cue_end": h.cue_end,
        "quote": quote,
        "anonymity_reason": reason,
        "mention": text[h.source_start : h.source_end],
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
    text: str, beliefs: bool = False, lexicons: AttributionLexicons | None = None, learned: bool | None = None
) -> pd.DataFrame:
    """One row per attributed statement: who (type and resolved ``speaker``), cue, quote, anonymity reason.

    ``beliefs=True`` also counts belief and intention verbs ("wants", "thinks"), as PolNeAR does.
    ``lexicons`` names other word list files (``AttributionLexicons``); the defaults are in ``lexicons/``.
    ``learned=False`` runs the rules without the CRF refinement.

    >>> df = attributions("Kremlin spokesman Dmitry Peskov told reporters it went well.")
    >>> df[["name", "side", "cue"]].values.tolist()
    [['Dmitry Peskov', 'Russia', 'told']]
    """
    rows = attribution_rows(text, beliefs, lexicons, learned)
    ints = dict.fromkeys(("sentence", "start", "end", "cue_start", "cue_end"), int)
    return rows_frame(rows, ATTRIBUTION_COLUMNS, {**ints, "quote": bool})


def attribution_rows(
    text: str, beliefs: bool = False, lexicons: AttributionLexicons | None = None, learned: bool | None = None
) -> list[dict]:
    """The rows of ``attributions`` as dicts (corpus mode counts them without building the table).

    The recipe: rules -> model refinement -> speech acts (``act_hits``, no feature of the model) ->
    non-statements -> resolution -> rows. ``learned`` chooses
    the CRF refinement (None: ``lexicons.learned``, True by default); False runs the rules alone.
    """
    check_str(text)
    if written_in_capitals(text):
        return []
    page, text = (
        text,
        without_cards(without_furniture(text)),
    )  # "Story highlights", a hover card (same offsets)
    lex = lexicons or AttributionLexicons()
    rules = load_rules(lex)
    spans = sentence_spans(text)
    use_model = lex.learned if learned is None else learned
    model = load_model(model_path(lex.model)) if use_model else None
    hits, toks = rule_hits(text, spans, rules, beliefs or model is not None, unsourced=model is not None)
    if model is not None:
        hits = late_sources(text, toks, hits, refine(text, toks, hits, rules, model), rules)
    hits = late_hits(text, spans, toks, rules, act_hits(text, spans, toks, rules, hits))
    hits = after_cues(text, per_hits(text, spans, toks, hits))  # ", per the Post"
    hits = with_carried(text, hits, load_nonstatements(lex.nonstatements_path()), beliefs, spans, rules)
    names = find_names(text, rules) if hits else NO_NAMES
    hits = joined_bodies(text, hits, rules.type_nouns, names)  # "The U.S. Fish and Wildlife Service said"
    nonst = load_nonstatements(lex.nonstatements_path())
    hits = resolved(text, hits, rules, spans, names, nonst)
    words = load_reader_words(lex.reader_types_path())
    rows = rows_of(text, hits, rules, spans, names, words, nonst)
    rows = placed_offices(text, rows, names, rules.type_nouns)  # "The Ohio governor"
    rows = named_after(text, rows, rules.type_nouns, words.kinship)  # "the leader said. ... Shinseki"
    rows = named_group_after(text, rows, rules.type_nouns)  # "Two Democratic lawmakers ... Reps. Waters"
    # headlines, captions, video boxes, hover cards, tweet bylines
    return without_page_rows(page, closed_up(rows))


LISTED = ("neutral", "loaded")  # stances of listed statement verbs


def _act_rules(rules: Rules, _key: str) -> Rules:
    """``rules`` with the speech acts the rules read as its cues (and a memo of its own)."""
    return replace(rules, cues=rules.rule_acts, according=(), according_firsts=frozenset(), memo={})


_LOW = attrgetter("low")  # a token's lower-case form, read in C


def act_hits(
    text: str, spans: list[tuple[int, int]], toks: list[list[Token]], rules: Rules, hits: list[Hit]
) -> list[Hit]:
    """``hits`` plus the speech acts the rules place a source for ("Trump immediately fired back"), after
    the CRF: they are no feature of it. A cue inside one of ``hits``' cues is none, and so is one whose
    subject a later participle of ``hits`` already holds ("Roberts challenged that line, saying ..."
    is one statement)."""
    act = remember(rules, "act_rules", "", _act_rules)
    if not act.cues:
        return hits
    cues = [(h.cue_start, h.cue_end) for h in hits]
    out = list(hits)
    for n, (s, e) in enumerate(spans):
        ts = toks[n]
        if act.cues.keys().isdisjoint(map(_LOW, ts)):
            continue
        ctx = context_start(text, spans, n)
        for h in sentence_hits(text, n, s, e, False, act, ts if ctx == s else tokens(text, ctx, e), False):
            if h.source_start >= 0 and not any(a < h.cue_end and h.cue_start < b for a, b in cues):
                if own_object(text, h.cue_end, h.cue) or not any(_carries(h, o) for o in hits):
                    out.append(h)
    return sorted(out, key=lambda h: (h.sentence, h.cue_start)) if len(out) > len(hits) else hits


def _late_rules(rules: Rules, _key: str) -> Rules:
    """``rules`` with the source patterns read only after the CRF (and a memo of its own)."""
    return replace(rules, late=True, memo={})


# a sentence where a late source pattern may apply: an agent after ", including by", an issued statement
_LATE = re.compile(
    r",\s+(?:including|notably|especially|even)\s+by\b|\b(?:is|are)\s+expected\s+to\s|\b(?:issued|released|sent|posted|published|put|launched|"
    r"wrote|writing)\s+(?:[\w-]+\s+){0,3}?(?:statement|letter|memo|release|tweet|post|video|message|subpoena|"
    r"campaign|ad)s?\b[^;:\"“”]{0,200}?\b[a-z]+ing\b",
    re.IGNORECASE,
)
# words one of which every match of _LATE holds (a sentence without them is not searched)
_LATE_WORDS = ("including", "notably", "especially", "even", "expected", "issued", "released", "sent")
_LATE_WORDS += ("posted", "published", "put", "launched", "wrote", "writing")


def late_hits(
    text: str, spans: list[tuple[int, int]], toks: list[list[Token]], rules: Rules, hits: list[Hit]
) -> list[Hit]:
    """``hits`` plus the rows of the source patterns read after the CRF (no feature of it): a passive's
    agent after ", including by" ("widely condemned, including by Mr. Romney"), a participle after a
    published text ("issued a statement calling ...", "sent a letter to X ..., questioning") and the
    subject of "is expected to say" (kept only when the words are quoted: ``prepared_remarks``)."""
    late = remember(rules, "late_rules", "", _late_rules)
    cues = [(h.cue_start, h.cue_end) for h in hits]
    out = list(hits)
    may = words_in_spans(text, spans, _LATE_WORDS)
    for n, (s, e) in enumerate(spans):
        if not may[n] or _LATE.search(text, s, e) is None:
            continue
        ctx = context_start(text, spans, n)
        for h in sentence_hits(
            text, n, s, e, False, late, toks[n] if ctx == s else tokens(text, ctx, e), False
        ):
            if not h.how.startswith("late"):
                continue
            if h.how == "late by NP" or _publisher_of(h, out):  # the agent, the publisher speak
                out = [o for o in out if (o.cue_start, o.cue_end) != (h.cue_start, h.cue_end)]
            elif any(a < h.cue_end and h.cue_start < b for a, b in cues):
                continue
            out.append(h)
    return sorted(out, key=lambda h: (h.sentence, h.cue_start)) if out != hits else hits


def _publisher_of(h: Hit, hits: list[Hit]) -> bool:
    """Is ``h`` the publisher of a text whose participle a hit gave the text after the verb as source ("The
    committee sent a letter to the lawyer questioning": the committee, not "a letter to the lawyer") or
    read as an intention ("sent a letter ..., seeking": a request, not a wish)?"""
    return h.how == "late statement -ing" and any(
        (o.cue_start, o.cue_end) == (h.cue_start, h.cue_end)
        and (o.source_start >= h.source_end or o.stance not in LISTED)
        for o in hits
    )


def after_cues(text: str, hits: list[Hit]) -> list[Hit]:
    """A source span holding another statement, source and listed cue, starts after it: "Greene claimed
    Farenthold asked her" is Greene's claim and Farenthold's request, not a source "Greene claimed
    Farenthold"."""
    # the loop moves source spans only: stances and cues stay, so the listed hits sorted by cue start are
    # looked up by bisection (a hit inside h has its cue start in h's source span)
    listed = sorted((o for o in hits if o.stance in LISTED), key=_CUE_START)
    starts = [o.cue_start for o in listed]
    for h in hits:
        if h.source_start < 0:
            continue
        lo, hi = bisect_left(starts, h.source_start), bisect_left(starts, h.source_end)
        inside = [o for o in listed[lo:hi] if _inside(o, h)]
        same = [o for o in inside if o.source_start == h.source_start]
        if same and h.how.endswith("-ing"):  # "Critics have challenged X, questioning": the act's subject
            h.source_end = next(o for o in hits if any(o is x for x in same)).source_end  # the first listed
            continue
        inner = [o.cue_end for o in inside]
        if inner:
            rest = text[max(inner) : h.source_end]
            if rest.strip():
                h.source_start = h.source_end - len(rest.lstrip())
    return hits


_CUE_START = attrgetter("cue_start")


def _inside(o: Hit, h: Hit) -> bool:
    """Do the source and the cue of ``o``, in that order, lie inside the source span of ``h``?"""
    return h.source_start <= o.source_start < o.source_end <= o.cue_start and o.cue_end < h.source_end


def _carries(h: Hit, o: Hit) -> bool:
    """Is ``o`` a participle after cue ``h`` in its sentence that took ``h``'s subject (", saying ...")?"""
    return (
        o.sentence == h.sentence
        and o.how.endswith("subject, -ing")
        and o.cue_start >= h.cue_end
        and o.source_start < h.source_end
        and h.source_start < o.source_end
    )


def with_carried(
    text: str,
    hits: list[Hit],
    nonst: tuple[tuple[re.Pattern[str], str], ...],
    beliefs: bool,
    spans: list[tuple[int, int]],
    rules: Rules,
) -> list[Hit]:
    """``statements_only``, plus the participles the dropped hits' sources carry ("A grand jury indicted
    ..., saying": the jury's statement, though indicting is none)."""
    kept = statements_only(text, hits, nonst, beliefs, spans, rules)
    kept_ids = {id(k) for k in kept}  # the very hits kept (alive in ``kept``, so their ids are theirs)
    dropped = [h for h in hits if id(h) not in kept_ids]
    extra = statements_only(
        text, carried_participles(text, dropped, kept, rules, spans), nonst, beliefs, spans, rules
    )
    return sorted(kept + extra, key=lambda h: (h.sentence, h.cue_start)) if extra else kept


def statements_only(
    text: str,
    hits: list[Hit],
    nonst: tuple[tuple[re.Pattern[str], str], ...],
    beliefs: bool,
    spans: list[tuple[int, int]],
    rules: Rules,
) -> list[Hit]:
    """The hits that are statements: listed stance, no refusal, future, negated or agentless-passive cue,
    a source that is somebody (not "No official", not a lone article), no column label and no heading in
    capitals."""
    keep = ("neutral", "loaded", "belief", "unlisted") if beliefs else ("neutral", "loaded")
    return [
        h
        for h in hits
        if h.stance in keep
        and not not_a_statement(
            text,
            h.cue_start,
            h.cue_end,
            _no_future(nonst) if prepared_remarks(text, h, spans[h.sentence]) else nonst,
            beliefs,
            h.stance in LISTED,
            model_predicate(h, rules),
        )
        and contracted_pronoun(text, h)
        and trim_source(text, h)
        and lone_determiner(text, h, rules)
        and not noun_read(text, h, rules)
        and not noun_cue(text, h)
        and not object_noun_cue(text, h)
        and participle_object(text, h, spans[h.sentence][0])
        and possessed_noun(text, h)
        and not hypothetical(text, h)
        and not self_report(text, h)
        and time_source(text, h, spans[h.sentence][0])
        and not is_label(text, h, nonst)
        and not nobody_speaks(text, h, nonst)
        and not vote(text, h, nonst)
        and not heading_cue(text, h)
    ]


def _no_future(nonst: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The non-statement patterns without the future ones (for prepared remarks, ``prepared_remarks``)."""
    return tuple(p for p in nonst if p[1] != "future")


def model_predicate(h: Hit, rules: Rules) -> bool:
    """Is the hit's cue one of the model's that opens with no listed cue word ("critical of", "coy about",
    "doubling down on", "determined to warn")? Such a cue is a predicate of its subject, never a passive."""
    words = h.cue.split()
    return h.how.startswith("CRF") and bool(words) and words[0].lower() not in rules.cues


def resolved(
    text: str,
    hits: list[Hit],
    rules: Rules,
    spans: list[tuple[int, int]],
    names: Names,
    nonst: tuple[tuple[re.Pattern[str], str], ...] = (),
) -> list[Hit]:
    """Sources typed and resolved; documents that 'call for' and discoveries dropped; cues sharing a
    source added (not those ``nonst`` reads as no statement: "a florist who denied service")."""
    resolve(text, hits, rules, spans, names)
    hits = [h for h in hits if h.src is None or not _no_statement(text, h, rules)]
    extra = shared_cue_hits(text, hits, rules, spans) + relative_cue_hits(text, hits, rules, spans, names)
    extra = [x for x in extra if not not_a_statement(text, x.cue_start, x.cue_end, nonst, listed=True)]
    return sorted(hits + extra, key=lambda h: (h.sentence, h.cue_start)) if extra else hits


def _no_statement(text: str, h: Hit, rules: Rules) -> bool:
    """A typed hit that states nothing: a document that 'calls for', a discovery, a person who 'reads', what
    a quality or an act 'shows' ("The intensity of their attacks showed")."""
    assert h.src is not None
    return (
        document_calls_for(text, h.cue_end, h.lemma, h.src)
        or discovery(text, h.cue_end, h.lemma, h.src)
        or inference(h.lemma, h.src, rules)
        or quality_participle(text, h.cue_start, h.cue_end, h.src, rules)
    )


def _owned(
    text: str, h: Hit, mention: str, marker: str, names: Names, nouns: dict[str, str], earlier: list
) -> tuple[str, str] | None:
    """(type, speaker) of a possessive's owner: "the president's campaign" is that person's body (named
    like "Obama campaign"), "the president's tweets" that person speaking; None for no such owner."""
    assert h.src is not None
    seen = [(m, s) for m, s, _ in earlier]
    body = None if marker else title_body(mention, nouns)
    if body:
        held = describe(body[0], h.source_start, text, names, seen, nouns)
        return "named_organization", f"{surname_of(held)} {body[1]}" if held else ""
    owner = possessive_person(h.src, names, nouns, h.lemma)
    if not owner:
        return None
    if owner.startswith("the "):
        return "named_person", describe(owner, h.source_start, text, names, seen, nouns)
    return "named_person", full_name(owner, names, text, nouns)


def rows_of(
    text: str,
    hits: list[Hit],
    rules: Rules,
    spans: list[tuple[int, int]],
    names: Names,
    words: ReaderWords,
    nonst: tuple[tuple[re.Pattern[str], str], ...],
) -> list[dict]:
    """One row per hit: the reader's type, the resolved speaker, quote flag and anonymity grant/reason.
    A negated cue of an unnamed source ("officials have not commented") is no row."""
    rows = []
    markers: dict[str, str] = {}
    earlier: list[tuple[str, str, str]] = []
    for h in hits:
        assert h.src is not None
        s, e = spans[h.sentence]
        marker, reason = anonymity_reason(text, h, e, rules) if h.src.source_type == "anonymous" else ("", "")
        marker = marker or (
            markers.get(h.src.source, "") if h.antecedent else ""
        )  # follow-ups keep the grant
        if marker:
            markers.setdefault(h.src.source, marker)
        lower = common_initial(text, h.source_start, s)  # "Legal scholars say": the capital is the sentence's
        rtype = reader_type(h.src, marker, words, lower)
        mention = text[h.source_start : h.source_end]
        if rtype in ("anonymous", "unnamed_group") and negated(text, h.cue_start, nonst):
            continue
        if rtype == "anonymous" and not marker:  # "Tea Party members", "Drug makers argue", "his father"
            rtype = generic_type(mention, h, text, h.src.source, rules.type_nouns, words, lower)
        apposed = (
            apposed_name(text, h, rtype, names)
            or described_name(text, h, rtype, names, marker)
            or apposed_subject(text, h, s, names)
            or relative_name(text, h, rtype, names, earlier, words)
        )
        you = addressee(text, h, hits, earlier)
        before = name_before(text, h, names, rules.type_nouns)  # "Hutchison, R-Texas, said"
        nouns = rules.type_nouns
        main = (
            ""
            if marker
            else (
                ""
                if h.src.plural
                else main_person(
                    mention, rtype if h.src.name else "anonymous", h.source_start, text, names, words, nouns
                )
            )
            or (rtype == "anonymous" and role_holder(mention, h.source_start, text, names, nouns))
        )  # "the 43-year-old", "the younger Cheney", "the representative" (Rep. Bruce Braley)
        party = (
            None
            if apposed or before
            else party_description(mention, h.source_start, s, text, names, earlier, words)
        )
        if you is not None:  # a quoted "you": the person addressed, not someone called "You"
            rtype, speaker = "named_person", you
        elif party is not None:  # "the top Democrat on the committee", "the billionaire ex-Republican"
            rtype, speaker = party
        elif apposed or before:
            rtype, speaker = "named_person", full_name(apposed or before, names, text, rules.type_nouns)
        elif main:
            rtype, speaker = "named_person", main
        elif (owned := _owned(text, h, mention, marker, names, nouns, earlier)) is not None:
            rtype, speaker = owned  # "the president's campaign", "the president's tweets"
        else:
            speaker = speaker_of(
                h.src, rtype, h.source_start, text, names, earlier, words, rules.type_nouns, rules.first_names
            )
        rtype, speaker = unnamed_role(
            h.src, rtype, speaker, h.source_start, text, names, earlier, rules.type_nouns
        )
        # an agent the text does not name ("an attorney for Cruz") is anonymous
        rtype = agent_type(h.src.source, h.src.name, rtype, speaker, rules.type_nouns)
        rtype, speaker = last_resort(h.src, rtype, speaker, words, names, (text, h.source_start))  # "his son"
        earlier.append((h.src.source, speaker, rtype))
        rows.append(_row(text, h, QUOTE_RE.search(text, s, e) is not None, marker, reason, rtype, speaker))
    return rows


# counted unnamed people: SCU's anonymous sources even without a stated grant (issue 21)
_COUNTED_PEOPLE = re.compile(
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:of\s+the\s+)?(?:people|persons?)\b",
    re.IGNORECASE,
)


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
        elif r.source_type == "unnamed_group":
            out.append("unnamed_group")  # a vague group ("Those who spoke said", "critics say")
        elif _COUNTED_PEOPLE.match(r.source):
            out.append("anonymous")  # "three people who were on the call", "a person involved in the talks"
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
