"""Speed-ups of the attribution mechanics give the answers of the code they replace (issue 21 throughput)."""

from __future__ import annotations

import itertools
import random
import re

import pytest

import helpers
from outlet_comparison.instruments.attribution.tokens import after_lower

# the characters the regexes treat differently: letters of both cases, \w and not, white space of
# several kinds, the apostrophes and hyphen of a word, the comma and semicolon before it
_PIECES = list("aAbBzZ,;:. \t\n\u00a0\u2009_1’'-éÉ\u0301") + ["Ab", "Ab’", "a ", ", ", "; A", "Zé"]
_WORDS = ["A", "Ab", "Ab’", "Ab'", "Ab-", "Ab_", "B1", "Zé", "É", "a", ",", " A", "Ab’s"]
_ALLSIDES = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


def _allsides(seed: int, n: int) -> list[str]:
    """The texts of ``n`` AllSides articles in a fixed shuffle, or none without ../shared."""
    if not _ALLSIDES.is_file():
        return []
    return list(helpers.read_corpus(_ALLSIDES).sample(frac=1.0, random_state=seed).head(n)["text"])


def _regex(text: str, word: str) -> bool:
    """The search ``after_lower`` replaces (``speakers.common_initial`` before)."""
    return re.search(rf"[a-z,;]\s+{re.escape(word)}\b", text) is not None


def test_after_lower_equals_the_regex_on_random_texts() -> None:
    """Random texts over the characters that matter, every word form: the same answer as the regex."""
    rng = random.Random(21)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 16)))
        word = rng.choice(_WORDS)
        assert after_lower(text, word) == _regex(text, word), (text, word)


@pytest.mark.shared
def test_after_lower_equals_the_regex_on_news_articles() -> None:
    """Every capitalised word of 10 AllSides articles: the same answer as the regex."""
    texts = _allsides(5, 10)
    if not texts:
        pytest.skip(f"{_ALLSIDES} is not there (../shared)")
    for text in texts:
        for word in set(re.findall(r"[A-Za-z][\w’'\-]*", text)):
            assert after_lower(text, word) == _regex(text, word), word


def _alias_texts() -> list[str]:
    """Texts full of alias look-alikes: every alias in five settings, and news articles when there."""
    from outlet_comparison.instruments.attribution.extract import AttributionLexicons
    from outlet_comparison.instruments.attribution.rules import load_rules

    rules = load_rules(AttributionLexicons())
    made = " ".join(
        f"the {a.alias} said. x{a.alias} {a.alias.upper()}’s .{a.alias}, {a.alias.lower()}s"
        for a in rules.affiliations
    )
    texts = [made[i : i + 4000] for i in range(0, len(made), 4000)]
    texts += _allsides(3, 20)
    return texts


def test_alias_alternation_matches_as_one_lookbehind_per_alias() -> None:
    """``rules.alias_rx`` (the look-behind once, before the alternation) finds what the alternation with
    the look-behind in every branch found, match for match, where ``find_aliases`` tries it."""
    from outlet_comparison.instruments.attribution.extract import AttributionLexicons
    from outlet_comparison.instruments.attribution.rules import _ALIAS_START, _alias_body, load_rules
    from outlet_comparison.wordlists import matches_at

    rules = load_rules(AttributionLexicons())
    ordered = sorted(rules.affiliations, key=lambda a: (-len(a.alias), a.alias))
    before = re.compile("|".join(_alias_body(a.alias) for a in ordered))
    for text in _alias_texts():
        starts = [m.start() for m in _ALIAS_START.finditer(text)]
        got = [(m.span(), m.group(0)) for m in matches_at(text, rules.alias_rx, starts)]
        assert got == [(m.span(), m.group(0)) for m in matches_at(text, before, starts)]


_FAMILY_TEXT = (
    "Jesse Jackson Jr. spoke first. Sandra Jackson, his wife, said little. Mr. Jackson later said more. "
    "JOHN SMITH wrote. Jackson said. Beto O'Rourke and Rourke said. Cher said."
)


def test_found_by_surname_equals_the_scan_over_every_name() -> None:
    """The memoised surname index holds, per key, exactly the two-word, not-capitals names of a full scan."""
    from outlet_comparison.instruments.attribution.names import (
        find_names,
        found_by_surname,
        surname_key,
        surname_of,
    )
    from outlet_comparison.instruments.attribution.rules import AttributionLexicons, load_rules

    found = find_names(_FAMILY_TEXT, load_rules(AttributionLexicons())).found
    index = found_by_surname(found)
    for key in {surname_key(surname_of(f[2])) for f in found} | {"Nobody"}:
        scan = [f for f in found if len(f[2].split()) >= 2 and not f[2].isupper()]
        assert index.get(key, []) == [f for f in scan if surname_key(surname_of(f[2])) == key]
    assert found_by_surname(found) is index  # the same found names: the same index
    assert found_by_surname(tuple(found)[:1]) is not index  # another set: built anew


def test_surname_keys_equal_the_uncached_keys() -> None:
    """``surname_keys`` gives ``surname_key(surname_of(name))`` per found name, and rebuilds for new names."""
    from outlet_comparison.instruments.attribution.names import surname_key, surname_keys, surname_of

    a = ((0, 5, "Beto O'Rourke"), (9, 14, "Taylor III"), (20, 30, "William Taylor III"))
    b = ((0, 4, "Cher"),)
    assert (
        surname_keys(a) == tuple(surname_key(surname_of(f[2])) for f in a) == ("Rourke", "Taylor", "Taylor")
    )
    assert surname_keys(b) == ("Cher",)
    assert surname_keys(a) == ("Rourke", "Taylor", "Taylor")


def test_cut_clause_compiled_ending_matches_re_fullmatch() -> None:
    """The compiled participle ending accepts exactly the words ``re.fullmatch`` did."""
    from outlet_comparison.instruments.attribution.heads import _ending_rx

    for ending in ("ed", "ed|ing"):
        for word in ("released", "suing", "Suing", "red", "ed", "sued,", "reading", "X"):
            assert bool(_ending_rx(ending).fullmatch(word)) == bool(
                re.fullmatch(rf"[a-z]+(?:{ending})", word)
            )


def _first_name_regex(surname: str) -> re.Pattern[str]:
    """The pattern ``speakers._first_name_rx`` compiled before it opened with its character class."""
    return re.compile(rf"\b([A-Z][a-z]+)((?:\s+[A-Z]\.)*)\s+{re.escape(surname)}\b")


def test_first_name_pattern_matches_as_the_word_boundary_pattern() -> None:
    """Random texts of capitals, word and non-word characters and initials, and news articles (every
    capitalised word as a surname): the same matches, spans and groups as the ``\\b`` pattern."""
    from outlet_comparison.instruments.attribution.speakers import _first_name_rx

    rng = random.Random(9)
    pieces = [*list("aAbBzZ.,_1’'é \n"), "Ab ", "Ab", "A. ", " Doe", "Doe", "xDoe", "_Ab Doe", "É Doe"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        got = [(m.span(), m.groups()) for m in _first_name_rx("Doe").finditer(text)]
        assert got == [(m.span(), m.groups()) for m in _first_name_regex("Doe").finditer(text)], text
    texts = _allsides(8, 5)
    for text in texts:
        for word in set(re.findall(r"[A-Z][\w’'\-]*", text)):
            got = [(m.span(), m.groups()) for m in _first_name_rx(word).finditer(text)]
            assert got == [(m.span(), m.groups()) for m in _first_name_regex(word).finditer(text)], word


def test_description_check_without_the_word_the_is_false() -> None:
    """``_is_description`` skips mentions without 'the' (in any case): on random mentions of 'the'
    look-alikes and of listed description heads, a mention without it never has 'the' as its first head word
    (the condition the full check needs), and the check still finds descriptions."""
    from outlet_comparison.instruments.attribution import speakers

    words = speakers.load_reader_words(str(helpers.LEXICONS / "attribution_reader_types.csv"))
    heads = sorted(words.descriptions)[:40]
    pieces = [
        "the",
        "The",
        "THE",
        "tHe",
        "thé",
        "th",
        "he",
        "İ",
        "Arizona",
        "New",
        "of",
        ",",
        " ",
        *heads,
        *(h.title() for h in heads),
    ]
    rng, described = random.Random(4), 0
    for _ in range(20_000):
        mention = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        head = speakers._head_words(mention)
        if "the" not in mention.lower():
            assert not (head and head[0].lower() == "the"), mention
            assert not speakers._is_description(mention, words), mention
        described += speakers._is_description(mention, words)
    assert described > 100  # descriptions were among them


def test_who_cue_pattern_matches_as_the_lookbehind_first_pattern() -> None:
    """``shared._WHO_CUE`` (the literal " who" first, its look-behind after it): the same matches as the
    pattern opening with the look-behind, in random texts and windows and in news articles' sentences."""
    from outlet_comparison.instruments.attribution.shared import _WHO_CUE

    before = re.compile(r"(?<=[a-z]) who\s+(?:\w+ly\s+)?([a-z]+)\b")
    rng = random.Random(12)
    pieces = [" who", "who", " who ", "a", "A", "1", " ", "\n", "said", "quickly ", "é", "_", ",", " whose"]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        s = rng.randint(0, len(text))
        e = rng.randint(s, len(text))
        got = [(m.span(), m.groups()) for m in _WHO_CUE.finditer(text, s, e)]
        assert got == [(m.span(), m.groups()) for m in before.finditer(text, s, e)], (text, s, e)
    texts = _allsides(6, 15)
    for text in texts:
        for s, e in helpers.sentence_spans(text):
            got = [(m.span(), m.groups()) for m in _WHO_CUE.finditer(text, s, e)]
            assert got == [(m.span(), m.groups()) for m in before.finditer(text, s, e)]


_STANCE_HOW = [(st, how) for st in ("neutral", "belief") for how in ("x", "shared-ing")]


def _after_cues_scan(text: str, hits: list) -> list:
    """``extract.after_cues`` as a scan: every listed hit tried against every hit."""
    from outlet_comparison.instruments.attribution.extract import LISTED, _inside

    for h in hits:
        same = [o for o in hits if o.stance in LISTED and _inside(o, h) and o.source_start == h.source_start]
        if same and h.how.endswith("-ing"):  # round nine (src14): a participle keeps the act's subject
            h.source_end = same[0].source_end
            continue
        inner = [o.cue_end for o in hits if o.stance in LISTED and _inside(o, h)]
        if h.source_start >= 0 and inner:
            rest = text[max(inner) : h.source_end]
            if rest.strip():
                h.source_start = h.source_end - len(rest.lstrip())
    return hits


def test_after_cues_by_bisection_equals_the_scan_over_every_hit(monkeypatch) -> None:
    """Random nested hits, and the hits of news articles as ``attribution_rows`` hands them over: the
    same source starts as the scan of every pair."""
    import copy

    from outlet_comparison.instruments.attribution import extract
    from outlet_comparison.instruments.attribution.cues import Hit

    rng, moved = random.Random(3), 0
    text = "Greene claimed Farenthold asked her and Smith said Jones told them " * 3
    for _ in range(3_000):
        hits = []
        for _ in range(rng.randint(0, 8)):
            s0 = rng.randint(-1, 150)
            s1, c0 = s0 + rng.randint(0, 30), s0 + rng.randint(0, 40)
            hits.append(Hit(0, s0, s1, c0, c0 + rng.randint(0, 6), "said", *rng.choice(_STANCE_HOW)))
        want = _after_cues_scan(text, copy.deepcopy(hits))
        moved += want != hits
        assert extract.after_cues(text, hits) == want
    assert moved > 50  # nested hits whose source start moved were among them
    seen = []
    real = extract.after_cues

    def check(text: str, hits: list) -> list:
        want = _after_cues_scan(text, copy.deepcopy(hits))
        got = real(text, hits)
        assert got == want
        seen.append(len(got))
        return got

    texts = _allsides(11, 8)
    if not texts:
        return
    monkeypatch.setattr(extract, "after_cues", check)
    for text in texts:
        extract.attribution_rows(text)
    assert sum(seen) > 50


def test_words_in_spans_equals_the_regex_ignoring_case() -> None:
    """``tokens.words_in_spans``: where it says no, a regex of the words ignoring case finds none in the
    span (random texts with the letters lowered apart, random spans); without those letters, the same
    answer as the regex."""
    from outlet_comparison.instruments.attribution.tokens import words_in_spans

    words = ("even", "sent", "put", "issued", "ss", "k")
    rx = re.compile("|".join(words), re.IGNORECASE)
    rng = random.Random(11)
    pieces = ["even", "EVEN", "eve", "n", "SeNt", "ſent", "ıssued", "İssued", "Put", "pu", "t", "K", " ", "é"]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        spans = []
        for _ in range(3):
            s = rng.randint(0, len(text))
            spans.append((s, rng.randint(s, len(text))))
        got = words_in_spans(text, spans, words)
        want = [rx.search(text, s, e) is not None for s, e in spans]
        assert all(g or not w for g, w in zip(got, want, strict=True)), (text, spans)
        if not any(c in text for c in "İıſ"):
            assert got == want, (text, spans)


@pytest.mark.shared
def test_late_gate_keeps_every_sentence_the_late_pattern_matches() -> None:
    """``extract._LATE`` matches no sentence of 60 AllSides articles that ``words_in_spans`` rules out."""
    from outlet_comparison.instruments.attribution.extract import _LATE, _LATE_WORDS
    from outlet_comparison.instruments.attribution.tokens import words_in_spans

    texts = _allsides(8, 60)
    if not texts:
        pytest.skip(f"{_ALLSIDES} is not there (../shared)")
    matched = 0
    for text in texts:
        spans = helpers.sentence_spans(text)
        for (s, e), may in zip(spans, words_in_spans(text, spans, _LATE_WORDS), strict=True):
            found = _LATE.search(text, s, e) is not None
            assert may or not found, text[s:e]
            matched += found
    assert matched > 0


def test_vote_over_its_own_patterns_equals_the_walk_over_every_category() -> None:
    """``filters.vote`` reading only the ``vote`` patterns (``_votes``): the same answers as the walk over
    every joined category, for every body, cue and object of the vote tests and random source starts."""
    from outlet_comparison.instruments.attribution import filters
    from outlet_comparison.instruments.attribution.cues import Hit

    patterns = filters.load_nonstatements(helpers.AttributionLexicons().nonstatements_path())
    assert filters._votes(patterns) == tuple(rx for rx, c in filters._joined(patterns) if c == "vote")

    def walk(text: str, h: Hit) -> bool:
        words = h.cue.split()
        if h.source_start < 0 or not words or h.source_start > h.cue_start:
            return False
        end = min(len(text), h.cue_end + filters._VOTE_REACH)
        return any(
            cat == "vote" and words[0].lower() in rx.pattern and rx.match(text, h.source_start, end)
            for rx, cat in filters._joined(patterns)
        )

    rng = random.Random(9)
    bodies = ["Congress", "The Senate", "The court", "The governor", "Officials", ""]
    cues = ["rejected", "voted against", "approved", "said", "overturned", "blocked", "struck down"]
    objects = ["the bill", "President Obama’s veto", "his nomination", "the claims", "the appeal", ""]
    agree = found = 0
    for body, cue, obj in itertools.product(bodies, cues, objects):
        text = f"{body} {cue} {obj} on Tuesday."
        c0 = len(body) + 1
        for s0 in (0, -1, c0 + 1, rng.randint(0, len(text))):
            h = Hit(0, s0, len(body), c0, c0 + len(cue), cue, "neutral", "x")
            got = filters.vote(text, h, patterns)
            assert got == walk(text, h), (text, s0)
            agree += 1
            found += got
    assert found > 0 and agree > found


def test_may_follow_first_name_is_true_wherever_the_first_name_pattern_matches() -> None:
    """``names.may_follow_first_name`` says no only where ``speakers._first_name_rx`` finds nothing: random
    texts of capitals, initials, white space and word characters, and every capitalised word of 20 AllSides
    articles."""
    from outlet_comparison.instruments.attribution.names import may_follow_first_name
    from outlet_comparison.instruments.attribution.speakers import _first_name_rx

    rng = random.Random(17)
    pieces = ["Doe", "John", "Q.", "Mr.", " ", "\n", "\u00a0", "a", "_", "1", "é", "É", "J", ".", "xDoe"]
    pieces += ["DoeDoe", "John Doe", "John Q. Doe", " Q. ", "John\u00a0 Doe", "x John Doe", "Jo Doe"]
    said = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        surname = rng.choice(["Doe", "D", "Doe Doe", "John"])
        found = _first_name_rx(surname).search(text) is not None
        assert may_follow_first_name(text, surname) or not found, (text, surname)
        said += found
    assert said > 100
    texts = _allsides(4, 20)
    for text in texts:
        for word in set(re.findall(r"[A-Z][\w’'\-]*", text)):
            found = _first_name_rx(word).search(text) is not None
            assert may_follow_first_name(text, word) or not found, word


def test_follow_up_head_pattern_matches_as_the_search_it_replaces() -> None:
    """``resolve._head_rx`` (compiled once per head): the same answers as ``re.search`` of the pattern
    ``_follow_up`` built per call, for heads with and without a title and mentions of several cases."""
    from outlet_comparison.instruments.attribution.resolve import _TITLE_OF_ROLE, _head_rx

    heads = ["official", "doctor", "president", "spokesperson", "u.s. official", "aide"]
    mentions = ["a senior official", "Dr. Smith", "the President", "OFFICIALS", "unofficial", "Dr Who", ""]
    mentions += ["a spokesperson for the president", "the U.S. official", "Aides", "doctors", "Dr.No"]
    for head in heads:
        pattern = rf"\b{re.escape(head)}" + (f"|{_TITLE_OF_ROLE[head]}" if head in _TITLE_OF_ROLE else "")
        for mention in mentions:
            want = re.search(pattern, mention, re.IGNORECASE)
            got = _head_rx(head).search(mention)
            assert (got and got.span()) == (want and want.span()), (head, mention)
