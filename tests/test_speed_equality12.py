"""Round twelve's throughput changes (branch r12-cpu23) answer as the code they replace (issue 21)."""

from __future__ import annotations

import random
import re
import re._compiler as re_compiler

import numpy as np
import pandas as pd
import pytest

from outlet_comparison.corpus import measures
from outlet_comparison.instruments import sentiment
from outlet_comparison.instruments.attribution import classify as classify_mod
from outlet_comparison.instruments.attribution import heads
from outlet_comparison.instruments.attribution import names as names_mod
from outlet_comparison.instruments.attribution.antecedents import named_after_in_clause
from outlet_comparison.instruments.attribution.names import NO_NAMES, find_names
from outlet_comparison.instruments.attribution.rules import load_rules
from outlet_comparison.instruments.attribution.tokens import written_apart

# letters, digits, the joiners the callers list, white space, an accented letter, a superscript digit (\w),
# a combining accent (no \w), a quotation mark and punctuation
_ALPHABET = "aAbB_1²é\u0301’'-–. \n“"


def _regex_apart(text: str, word: str, before: str, after: str) -> bool:
    """The pattern the function replaces."""
    rx = rf"(?<![\w{re.escape(before)}]){re.escape(word)}(?![\w{re.escape(after)}])"
    return re.search(rx, text) is not None


@pytest.mark.parametrize(("before", "after"), [("", ""), ("’'-", "-"), ("-", "’'")])
def test_written_apart_equals_the_regex(before: str, after: str) -> None:
    """On 20,000 random strings and words (the empty word too) the answers are the regex's."""
    rnd = random.Random(12)
    for _ in range(20_000):
        text = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 14)))
        if text and rnd.random() < 0.7:
            a = rnd.randrange(len(text))
            word = text[a : a + rnd.randint(0, 4)]
        else:
            word = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 3)))
        got = written_apart(text, word, before, after)
        assert got == _regex_apart(text, word, before, after), (text, word)


def test_named_after_in_clause_compiles_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """A surname never seen before is looked for without compiling a pattern for it (one was compiled per
    surname: 322 compiles, about 1.3 % of the attribution CPU of 300 AllSides articles)."""
    compiled: list[object] = []
    real = re_compiler.compile
    monkeypatch.setattr(re_compiler, "compile", lambda p, flags=0: compiled.append(p) or real(p, flags))
    text = "He later added Qwertzuiopsson to the mural."
    assert named_after_in_clause(text, "Anna Qwertzuiopsson", 2, len(text))
    assert compiled == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He later added Obama to the mural.", True),  # binding: "he" is not Obama
        ("He praised the Obama-era rules.", False),  # a hyphenated word is no mention of the name
        ("He met O’Obama there.", False),  # an apostrophe before the surname joins it to a word
        ("He said “Obama was right” then.", False),  # inside the quotation: not read
        ("He called Obamas friends.", False),  # a longer word
    ],
)
def test_named_after_in_clause_readings(text: str, expected: bool) -> None:
    """The readings the replaced pattern gave (guards)."""
    assert named_after_in_clause(text, "Barack Obama", 2, len(text)) is expected


def _old_cut_clause(core: str, nouns: dict[str, str], ending: str) -> str:
    """``heads.cut_clause`` as it was: the pattern tried on every word, the noun lookups after it."""
    words = core.split()
    for k in range(1, len(words)):
        low, prev = words[k].lower(), words[k - 1].lower().strip(",.")
        clause = low in heads._SUBJECTS or re.fullmatch(rf"[a-z]+(?:{ending})", words[k])
        if clause and prev in nouns and low not in nouns:
            return " ".join(words[:k])
    return core


def test_cut_clause_equals_the_old_loop() -> None:
    """On 20,000 random mentions of listed nouns, subjects, participles and names, both endings, the cut is
    the old loop's (the noun lookup now comes before the pattern)."""
    nouns = load_rules().type_nouns
    vocab = ["official", "officials,", "spokesman", "Statement", "report.", "he", "She", "they", "released"]
    vocab += ["suing", "Suing", "said", "the", "Ted", "Cruz", "analysis", "filed", "being", "in", "August"]
    rnd = random.Random(2026)
    for _ in range(20_000):
        core = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 7)))
        for ending in ("ed", "ed|ing"):
            assert heads.cut_clause(core, nouns, ending) == _old_cut_clause(core, nouns, ending), core


_MENTIONS = [
    "a senior administration official",
    "Sen. Ted Cruz",
    "the White House",
    "Griffin",
    "officials familiar with the matter",
    "The European Union and former top executive branch officials",
    "the president",
    "Dmitry Peskov, the Kremlin spokesman",
    "the couples suing the state",
]


def test_classify_parses_a_mention_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same mention, sentence start, word lists and names are typed once (``_parse`` ran per call: an
    article asks about a sixth of its mentions again); another sentence start or names object is its own."""
    rules = load_rules()
    text = "Jane Griffin, a lawyer, said the plan was new. Griffin said more."
    names = find_names(text, rules)
    parsed: list[str] = []
    real = classify_mod._parse
    monkeypatch.setattr(classify_mod, "_parse", lambda m, *a: parsed.append(m) or real(m, *a))
    mention = "Qwertzuiop Griffin, the council's chairwoman"
    first = classify_mod.classify(mention, rules, True, names)
    again = classify_mod.classify(mention, rules, True, names)
    assert parsed == [mention]
    assert again == first and again is not first  # each caller gets its own copy
    classify_mod.classify(mention, rules, False, names)
    classify_mod.classify(mention, rules, True)
    assert len(parsed) == 3


def test_classify_copies_are_independent() -> None:
    """A caller setting the affiliation of its Source (``resolve`` does) changes no later answer."""
    rules = load_rules()
    got = classify_mod.classify("a senior administration official", rules)
    want = classify_mod._classified("a senior administration official", rules, False, NO_NAMES)
    got.affiliation = "changed"
    assert classify_mod.classify("a senior administration official", rules) == want


@pytest.mark.parametrize("initial", [False, True])
def test_classify_equals_the_unkept_answer(initial: bool) -> None:
    """Kept answers equal those computed afresh, with and without the text's names."""
    rules = load_rules()
    text = "Jane Griffin said it. Sen. Ted Cruz agreed, and Dmitry Peskov, the Kremlin spokesman, did not."
    for names in (NO_NAMES, find_names(text, rules)):
        for mention in _MENTIONS * 2:
            want = classify_mod._classified(mention, rules, initial, names)
            assert classify_mod.classify(mention, rules, initial, names) == want


def test_tone_builds_no_series(monkeypatch: pytest.MonkeyPatch) -> None:
    """Corpus mode's mean compound is taken without a pandas Series per article (one was built per article:
    about 55 µs each) and equals the Series' mean."""
    text = "The talks went well. Critics were furious and sad. Nothing happened."
    want = float(pd.Series(sentiment.compounds(text), dtype=float).mean())
    built: list[int] = []
    real = pd.Series.__init__
    monkeypatch.setattr(pd.Series, "__init__", lambda self, *a, **k: built.append(1) or real(self, *a, **k))
    assert measures._tone(text, 12, measures.Settings()) == {"mean_compound": want}
    assert built == []
    assert np.isnan(measures._tone("", 0, measures.Settings())["mean_compound"])


def test_nanmean_is_the_series_mean() -> None:
    """``np.nanmean`` gives pandas' ``Series.mean`` bit for bit: 5,000 random lists of compounds (rounded
    to 4 places as VADER's), lengths 1-300 (numpy's pairwise sum in blocks), some holding NaN (skipped)."""
    rnd = random.Random(21)
    for _ in range(5_000):
        vals = [round(rnd.uniform(-1, 1), 4) for _ in range(rnd.randint(1, 300))]
        if rnd.random() < 0.1:
            vals[rnd.randrange(len(vals))] = float("nan")
        arr = np.asarray(vals, dtype=float)
        assert float(np.nanmean(arr)) == float(pd.Series(vals, dtype=float).mean()), vals


_OLD_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+((?:[A-Z][\w’'\-]*\.?\s+){0,2}[A-Z][\w’'\-]+)")


def test_honorific_pattern_opens_with_its_letter() -> None:
    """The honorific pattern (a whole-text scan per article) opens with a literal letter the engine skips
    to: with a leading \\b it was tried at every position (about 80 µs a text, 17 times slower)."""
    assert names_mod._HONORIFIC_NAME.pattern.startswith("(M")


def test_honorific_pattern_equals_the_old_one() -> None:
    """The same matches, spans and groups as the old pattern on 20,000 random strings and some sentences."""
    rnd = random.Random(7)
    pieces = "M r s iss Mr Mrs Ms Miss . A Bo é _ ’ - 1".split() + [" ", "\n"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(20_000)]
    texts += ["Mr. Trump and Mrs. Clinton met Ms Warren; AMr. Smith, Miss Anne Lee O’Brien, _Mr Jones."]
    for text in texts:
        old = [(m.span(), m.groups()) for m in _OLD_HONORIFIC.finditer(text)]
        assert [(m.span(), m.groups()) for m in names_mod._HONORIFIC_NAME.finditer(text)] == old, text
