"""Who an article lets speak, as frame features: read from its attribution rows (``attribution_rows``).

Coders' human-interest questions ask for a human face ("does the story provide a human example"), conflict
for parties that disagree, responsibility for who can act. These features count, per article, what the
attribution instrument already found: ordinary people quoted (a named person with no title, role or
affiliation; a mention naming people by daily role, kin or as those affected), their first-person quotes,
distinct speakers and speakers in adjacent sentences, loaded cues ("accused", "slammed"), officials,
bodies and documents, and religious speakers. No extraction happens here: the rows are passed in.
"""

from __future__ import annotations

import math

from outlet_comparison.instruments.attribution.rules import load_rules
from outlet_comparison.instruments.frames_model import CUE_LEXICON, SENTENCE_CUES, _cue_index, cue_rules
from outlet_comparison.text.units import WORD_RE

SPEAKER_FEATURES = (
    "spk_rate",  # attributions per sentence
    "spk_distinct",  # distinct speakers (log)
    "spk_plain",  # share of attributions by a named person with no title, role or affiliation (H1)
    "spk_plain_people",  # distinct such people (log) (H1)
    "spk_ordinary",  # share whose mention names ordinary people: daily role, kin, those affected (H1/H3)
    "spk_first",  # quoted attributions by plain or ordinary speakers in a sentence with I/my/we (H5)
    "spk_described",  # plain named people introduced by an appositive or an age (log) (H1)
    "spk_adjacent",  # different speakers in adjacent sentences (log) (C1/C2)
    "spk_loaded",  # share of attributions with a loaded cue: accused, slammed (C2)
    "spk_bodies",  # distinct affiliations and organisations speaking (log) (C1/R)
    "spk_official",  # share by officials: a title or official noun, or a named organisation (R1/R2)
    "spk_document",  # share by documents: reports, rulings, statements (R)
    "spk_religious",  # share whose mention has a religious word: church, pastor (M)
    "spk_unnamed",  # share anonymous or a vague group
)
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our"})
_OFFICIAL = frozenset({"title", "official"})  # type-noun categories of a role speaking for a body
_RELIGION = ("moral_cue", "religion")  # the cue lexicon row of religious words (group, term)


def _people_words(words: list[str], memo: dict[str, bool]) -> set[str]:
    """The words naming ordinary people (``frame_sentence_cues.csv``'s ordinary_people group)."""
    out = set()
    for w in words:
        got = memo.get(w)
        if got is None:
            single = _cue_index(str(SENTENCE_CUES))[0]
            got = memo[w] = any(g == "ordinary_people" and rx.fullmatch(w) for g, rx in single)
        if got:
            out.add(w)
    return out


def _religious(words: list[str], memo: dict[str, bool]) -> bool:
    """True when a word is one of the cue lexicon's religious words (church, pastor, bishop)."""
    for w in words:
        got = memo.get(w)
        if got is None:
            rules = cue_rules(str(CUE_LEXICON))
            got = memo[w] = any((g, t) == _RELIGION and rx.fullmatch(w) for g, t, rx in rules)
        if got:
            return True
    return False


_PEOPLE: dict[str, bool] = {}
_FAITH: dict[str, bool] = {}


def speaker_features(text: str, rows: list[dict], spans: list[tuple[int, int]]) -> dict[str, float]:
    """The speaker features of one text (``SPEAKER_FEATURES``) from its attribution rows and sentence
    spans. A named person is plain when none of their mentions in the text carries a title, an official
    role or an affiliation ("Obama" after "President Obama" is not)."""
    n_rows, n_sent = len(rows), max(1, len(spans))
    nouns = load_rules().type_nouns
    keys, ordinary, titled, bodies = [], [], set(), set()
    counts = dict.fromkeys(("first", "loaded", "official", "document", "rel", "un"), 0)
    for r in rows:
        mention = [w.lower() for w in WORD_RE.findall(str(r["source"] or ""))]
        name = {w.lower() for w in WORD_RE.findall(str(r["name"] or ""))}
        role = [w for w in mention if w not in name]
        people = _people_words(role, _PEOPLE)
        official = any(nouns.get(w) in _OFFICIAL for w in role if w not in people)  # a nurse is no official
        kind = r["source_type"]
        keys.append(str(r["speaker"] or r["source"] or "").lower())
        ordinary.append(bool(people))
        if official or r["affiliation"]:
            titled.add(keys[-1])
        counts["loaded"] += r["stance"] == "loaded"
        counts["official"] += official or kind == "named_organization"
        counts["document"] += kind == "document"
        counts["rel"] += _religious(mention, _FAITH)
        counts["un"] += kind in ("anonymous", "unnamed_group")
        if r["affiliation"] or kind == "named_organization":
            bodies.add(str(r["affiliation"] or r["speaker"] or r["source"]).lower())
    plain = [r["source_type"] == "named_person" and k not in titled for r, k in zip(rows, keys, strict=True)]
    described = set()
    for r, k, p, o in zip(rows, keys, plain, ordinary, strict=True):
        if p and ("appositive" in str(r["pattern"]) or any(c.isdigit() for c in str(r["source"]))):
            described.add(k)
        if (p or o) and r["quote"] and 0 <= r["sentence"] < len(spans):
            a, b = spans[r["sentence"]]
            counts["first"] += any(w.lower() in _FIRST_PERSON for w in WORD_RE.findall(text, a, b))
    counts["plain"], counts["ordinary"] = sum(plain), sum(ordinary)
    by_sentence: dict[int, set[str]] = {}
    for r, k in zip(rows, keys, strict=True):
        by_sentence.setdefault(int(r["sentence"]), set()).add(k)
    adjacent = sum(1 for s, ks in by_sentence.items() if by_sentence.get(s + 1, set()) - ks)
    share = (lambda k: counts[k] / n_rows) if n_rows else (lambda k: 0.0)
    return {
        "spk_rate": n_rows / n_sent,
        "spk_distinct": math.log1p(len(set(keys))),
        "spk_plain": share("plain"),
        "spk_plain_people": math.log1p(len({k for k, p in zip(keys, plain, strict=True) if p})),
        "spk_ordinary": share("ordinary"),
        "spk_first": math.log1p(counts["first"]),
        "spk_described": math.log1p(len(described)),
        "spk_adjacent": math.log1p(adjacent),
        "spk_loaded": share("loaded"),
        "spk_bodies": math.log1p(len(bodies)),
        "spk_official": share("official"),
        "spk_document": share("document"),
        "spk_religious": share("rel"),
        "spk_unnamed": share("un"),
    }
