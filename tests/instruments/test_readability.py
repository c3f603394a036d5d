"""Readability: textstat's formulas with our counts, checked by hand on the seeds and against CLEAR."""

import math

import numpy as np
import pandas as pd
import pytest
import textstat
from study import load_seeds

import helpers

CLEAR = helpers.SHARED / "benchmarks" / "readability" / "clear_sample250.csv"
# Hand-counted: 24 words, 38 syllables (pro-duc-tive, of-fi-cial, re-main-ing, tech-ni-cal are the
# 3+ syllable words), one sentence.
HAND_SENTENCE = (
    "The meeting was productive, the official said, adding that both sides expect to meet in "
    "coming days to try to resolve remaining technical issues."
)


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return load_seeds().set_index("outlet")


def test_hand_counted_sentence_and_formulas():
    r = helpers.readability(HAND_SENTENCE)
    assert (r["words"], r["sentences"], r["syllables"], r["polysyllables"]) == (24, 1, 38, 4)
    assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * 24 + 11.8 * 38 / 24 - 15.59)  # 12.45
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 24 - 84.6 * 38 / 24)  # 48.53
    assert r["smog_index"] == pytest.approx(1.043 * math.sqrt(30 * 4) + 3.1291)
    # one clean sentence: textstat agrees with us on every count and formula
    for f in helpers.READABILITY_FORMULAS:
        if f not in (
            "automated_readability_index",
        ):  # textstat counts the 2 commas and the period as characters
            assert r[f] == pytest.approx(r[f"textstat_{f}"]), f
    assert r["textstat_automated_readability_index"] - r["automated_readability_index"] == pytest.approx(
        4.71 * 3 / 24
    )


def test_seed_sentence_is_in_bloomberg(arts):
    assert HAND_SENTENCE in helpers.sentences(arts.loc["Bloomberg", "text"])


def test_seed_values(arts):
    bb = helpers.readability(arts.loc["Bloomberg", "text"])
    ap = helpers.readability(arts.loc["Associated Press", "text"])
    assert (bb["words"], bb["sentences"]) == (765, 33)
    assert (ap["words"], ap["sentences"]) == (783, 32)
    assert bb["flesch_kincaid_grade"] == pytest.approx(13.35, abs=0.01)
    assert ap["flesch_kincaid_grade"] == pytest.approx(13.23, abs=0.01)
    # consistency: the formula is computed from the counts reported beside it
    for r in (bb, ap):
        fk = 0.39 * r["words"] / r["sentences"] + 11.8 * r["syllables"] / r["words"] - 15.59
        assert r["flesch_kincaid_grade"] == pytest.approx(fk)


def test_sentence_count_is_helpers_sentences(arts):
    for text in arts["text"]:
        assert helpers.readability(text)["sentences"] == len(helpers.sentences(text))


def test_textstat_splits_at_us_abbreviation(arts):
    """Bloomberg writes "U.S." (textstat splits there: 39 'sentences'); AP writes "US" (both count 32)."""
    bb, ap = arts.loc["Bloomberg", "text"], arts.loc["Associated Press", "text"]
    assert bb.count("U.S.") >= 6 and "U.S." not in ap
    assert helpers.readability(bb)["textstat_sentences"] == 39
    assert helpers.readability(ap)["textstat_sentences"] == 32
    ours = helpers.readability(bb)
    theirs = helpers.readability(bb, splitter="textstat")
    assert theirs["sentences"] == textstat.sentence_count(bb) == 39
    assert theirs["syllables"] == ours["syllables"]  # only the sentence count differs
    assert ours["flesch_kincaid_grade"] - theirs["flesch_kincaid_grade"] == pytest.approx(
        0.39 * 765 * (1 / 33 - 1 / 39)
    )
    assert not any(s.endswith("U.S.") and len(s) < 8 for s in helpers.sentences(bb))


def test_raw_file_reads_easier_than_clean_body(arts):
    """Promos, bylines and section labels are short 'sentences' that pull the raw grade down."""
    raw = helpers.readability(arts.loc["Bloomberg", "raw"])
    clean = helpers.readability(arts.loc["Bloomberg", "text"])
    assert raw["words"] > clean["words"] and raw["sentences"] > clean["sentences"]
    assert clean["flesch_kincaid_grade"] - raw["flesch_kincaid_grade"] > 3
    units = helpers.readability_sentences(arts.loc["Bloomberg", "raw"])["text"].tolist()
    assert units[:3] == ["Get all your news in one place.", "100’s of premium titles.", "One app."]
    assert "Start reading" in units and "Kerry Fails to Secure Syria Deal Despite Earlier Optimism" in units


def test_sentence_and_paragraph_tables_add_up(arts):
    text = arts.loc["Associated Press", "text"]
    total = helpers.readability(text)
    sents = helpers.readability_sentences(text)
    paras = helpers.readability_paragraphs(text)
    wordtab = helpers.readability_words(text)
    assert paras["text"].tolist() == helpers.paragraphs(text)
    assert sents["text"].tolist() == helpers.sentences(text)
    assert (paras["text"] == [text[s:e] for s, e in zip(paras.start, paras.end, strict=True)]).all()
    for col in helpers.READABILITY_COUNTS:
        assert sents[col].sum() == total[col] == paras[col].sum(), col
    assert len(wordtab) == total["words"] and wordtab["syllables"].sum() == total["syllables"]
    assert wordtab["difficult"].sum() == total["difficult_words"]
    # the one-sentence rows are the same formula applied to one sentence
    first = helpers.readability(sents["text"].iloc[0])
    assert sents["flesch_kincaid_grade"].iloc[0] == pytest.approx(first["flesch_kincaid_grade"])


def test_word_table_values():
    w = helpers.readability_words("U.S.-backed rebels aren't al-Qaeda.").set_index("word")
    assert w.index.tolist() == ["U.S.-backed", "rebels", "aren't", "al-Qaeda"]
    assert w.loc["rebels", "syllables"] == 2 and w.loc["aren't", "syllables"] == 2
    assert not w.loc["aren't", "difficult"] and w.loc["rebels", "difficult"]


@pytest.mark.parametrize("text", ["", "   \n\n ", "... !! --"])
def test_empty_text_gives_nan_with_all_keys(text):
    r = helpers.readability(text)
    full = helpers.readability(HAND_SENTENCE)
    assert r.index.tolist() == full.index.tolist()
    assert r["words"] == 0 and r["sentences"] == 0
    assert r[list(helpers.READABILITY_FORMULAS)].isna().all()
    assert r.filter(like="textstat_").isna().all()
    assert helpers.readability_sentences(text).empty
    assert list(helpers.readability_sentences(text).columns[:4]) == ["sentence", "start", "end", "text"]
    paras = helpers.readability_paragraphs(text)
    assert len(paras) == len(helpers.paragraphs(text)) and paras["words"].sum() == 0
    assert helpers.readability_words(text).empty


def test_text_without_sentence_punctuation():
    blob = " ".join(["the government said the talks would continue and officials expected progress"] * 40)
    r = helpers.readability(blob)
    assert r["words"] == 440
    assert r["textstat_flesch_reading_ease"] < -350  # textstat: one 440-word sentence
    assert r[list(helpers.READABILITY_FORMULAS)].isna().all()  # ours: length not measurable
    assert r["syllables_per_word"] == pytest.approx(r["syllables"] / 440)  # word-level rates survive
    # unpunctuated lines (headlines, lists) are sentences of their own
    lines = "\n".join(["Kerry Fails to Secure Syria Deal Despite Earlier Optimism"] * 10)
    r = helpers.readability(lines)
    assert (r["words"], r["sentences"]) == (90, 10)
    assert 0 < r["flesch_reading_ease"] < 100
    assert r["textstat_sentences"] == 1


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"]])
def test_non_str_raises_type_error(bad):
    for fn in (helpers.readability, helpers.readability_sentences, helpers.readability_paragraphs):
        with pytest.raises(TypeError, match="expected str"):
            fn(bad)


def test_bad_splitter():
    with pytest.raises(ValueError, match="splitter"):
        helpers.readability("A sentence.", splitter="spacy")


def test_textstat_version_is_pinned():
    assert helpers.textstat_version() == "0.7.8"


@pytest.mark.shared
def test_clear_correlations():
    if not CLEAR.is_file():
        pytest.skip(f"../shared not found: {CLEAR} is needed for the CLEAR validation")
    d = pd.read_csv(CLEAR)
    r = pd.DataFrame([helpers.readability(t) for t in d["Excerpt"]]).reset_index(drop=True)
    fk = np.corrcoef(r["flesch_kincaid_grade"], d["Flesch-Kincaid-Grade-Level"])[0, 1]
    assert fk >= 0.95
    assert fk == pytest.approx(0.972, abs=0.002)
    # our splitter matches the corpus' sentence count more often than textstat's does
    ours = (r["sentences"] == d["Sentence Count"]).mean()
    theirs = (r["textstat_sentences"] == d["Sentence Count"]).mean()
    assert ours == pytest.approx(0.928, abs=0.002) and theirs == pytest.approx(0.784, abs=0.005)
    doc = " ".join((helpers.ROOT / "docs" / "readability.md").read_text(encoding="utf-8").split())
    assert f"sample our Flesch–Kincaid correlates r = {fk:.3f}" in doc  # docs state the computed numbers
    assert f"matches CLEAR's in {ours:.1%} of excerpts, textstat's in {theirs:.1%}" in doc
    # harder by formula = less easy for human raters, for every formula
    for f in helpers.READABILITY_FORMULAS:
        rho = np.corrcoef(r[f], d["BT_easiness"])[0, 1]
        assert (rho > 0.3) if f == "flesch_reading_ease" else (rho < -0.25), (f, rho)


def test_fk_bootstrap_is_the_article_grade_difference():
    arts = load_seeds().set_index("outlet")
    b, a = arts.loc["Bloomberg", "text"], arts.loc["Associated Press", "text"]
    boot = helpers.fk_bootstrap(b, a, seed=2016)
    fk = helpers.readability(b)["flesch_kincaid_grade"] - helpers.readability(a)["flesch_kincaid_grade"]
    assert boot["diff"] == pytest.approx(fk, abs=1e-9)
    assert (round(boot["ci_low"], 2), round(boot["ci_high"], 2)) == (-1.95, 2.14)
    assert (boot["n_a"], boot["n_b"]) == (33, 32)


@pytest.mark.parametrize(
    "token", "optimism DON'T Don't O'NEILL I'M İstanbul ŞEHİR straße Erdoğan U.S. co-operation".split()
)
def test_fog_and_dale_chall_flags_are_textstats(token):
    """The Fog flag derived from the Dale-Chall call equals textstat's is_difficult_word(norm, 3)."""
    from outlet_comparison.instruments.readability import _NON_WORD, _token_counts
    from outlet_comparison.text.units import fold_latin

    norm = _NON_WORD.sub("", fold_latin(token.replace("’", "'"))[0])
    fog, hard = _token_counts(token)[2:4]
    expected = bool(textstat.is_difficult_word(norm, 3)), bool(textstat.is_difficult_word(norm, 0))
    assert (fog, hard) == expected


# Stems that stress the single-word syllable counter: contractions and other apostrophes (straight and
# curly), hyphens, periods, diacritics (composed and combining), dotted capitals, digits, ligatures,
# other scripts, and words in and out of the CMU dictionary and the Dale-Chall easy list.
_TRICKY_STEMS = (
    "optimism DON'T Don't O'NEILL I'M İstanbul ŞEHİR straße Erdoğan U.S. co-operation rock'n'roll ’tis "
    "y'all Gu\u0308len naïve café Nguyễn résumé o'clock 's ' ’ ISIS COVID-19 1990s 2018 3.5 ﬁnance ² "
    "Москва ΑΘΗΝΑ שלום 北京 ǅemal Øresund Łódź they'd we've you're he'll isn't shouldn't ain't '90s "
    "al-Qaeda Ph.D. mother-in-law Abdul-Aziz's T-Mobile children dictionary unbelievable Xi Qatar hmm "
    "the a beautiful particularly PricewaterhouseCoopers élite ﬂ Ⅻ _ x_y"
).split()
_TRICKY_FORMS = (
    lambda w: w, str.lower, str.upper, str.title, lambda w: w + "'s", lambda w: w + "’s",
    lambda w: "'" + w, lambda w: w + "'", lambda w: w + "'LL", lambda w: w + "'ve", lambda w: w + "-" + w,
)  # fmt: skip
TRICKY_TOKENS = sorted({form(w) for w in _TRICKY_STEMS for form in _TRICKY_FORMS})


def _textstat_token_counts(token: str) -> tuple[int, int, bool, bool, bool]:
    """``_token_counts`` through textstat's public calls (syllable_count, is_difficult_word), as it was."""
    from outlet_comparison.instruments.readability import _LATIN, _NON_WORD
    from outlet_comparison.text.units import fold_latin

    norm = _NON_WORD.sub("", fold_latin(token.replace("’", "'"))[0])
    other = _LATIN.search(token) is None and _LATIN.search(fold_latin(token)[0]) is None
    if not norm:
        return 0, 0, False, False, other
    syll = textstat.syllable_count(norm)
    fog = bool(textstat.is_difficult_word(norm, 3))
    return syll, sum(ch.isalnum() for ch in norm), fog, bool(textstat.is_difficult_word(norm, 0)), other


def test_token_counts_equal_textstats_on_tricky_tokens():
    """Our single-word syllable and easy-word lookups give textstat's counts (checked on the whole
    AllSides vocabulary when they were written; these tokens keep them from drifting apart)."""
    from outlet_comparison.instruments.readability import _NON_WORD, _syllables, _token_counts

    assert len(TRICKY_TOKENS) > 300
    for token in TRICKY_TOKENS:
        assert _token_counts.__wrapped__(token) == _textstat_token_counts(token), token
        norm = _NON_WORD.sub("", token)
        for word in (norm, norm.lower()):
            assert _syllables(word) == textstat.syllable_count(word), word


ALLSIDES = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


@pytest.mark.slow
@pytest.mark.shared
def test_token_counts_equal_textstats_on_the_allsides_vocabulary():
    """Syllables (CMU dictionary, else Pyphen) and easy words read directly equal textstat's public calls
    on every distinct token of the AllSides corpus (80,447 tokens; about a minute)."""
    import json

    from outlet_comparison.instruments.readability import _NON_WORD, _syllables, _token_counts

    if not ALLSIDES.is_file():
        pytest.skip(f"../shared not found: {ALLSIDES} is missing")
    tokens: set[str] = set()
    with ALLSIDES.open(encoding="utf-8") as f:
        for line in f:
            tokens.update(helpers.words(json.loads(line)["text"]))
    assert len(tokens) > 80_000
    differ = [t for t in sorted(tokens) if _token_counts.__wrapped__(t) != _textstat_token_counts(t)]
    differ += [
        w
        for t in sorted(tokens)
        for w in {_NON_WORD.sub("", t), _NON_WORD.sub("", t).lower()}
        if _syllables(w) != textstat.syllable_count(w)
    ]
    assert not differ, differ[:20]
