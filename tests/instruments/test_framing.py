"""Framing and sentiment (issue 3): frame hits against hand-annotated gold, negation, VADER, bad input."""

import csv
import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from study import load_seeds

import helpers
from outlet_comparison.instruments.framing import _words_before

GOLD = helpers.ROOT / "tests" / "gold" / "framing_hits.csv"
NYT = helpers.SHARED / "benchmarks" / "sentiment" / "vader_icwsm2014" / "nytEditorialSnippets_GroundTruth.txt"
NYT_SCORES = helpers.SHARED / "benchmarks" / "sentiment" / "nyt_snippets_vader_scores.csv"
BLOOMBERG, AP = "bloomberg-2016-09-05", "ap-2016-09-04"


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return load_seeds().set_index("article_id")


def _gold(judgements: set[str]) -> set[tuple[str, str, int, str, str]]:
    with open(GOLD, encoding="utf-8", newline="") as fh:
        return {
            (r["article_id"], r["section"], int(r["sentence"]), r["frame"], r["matched"])
            for r in csv.DictReader(fh)
            if r["judgement"] in judgements
        }


def _found(arts) -> set[tuple[str, str, int, str, str]]:
    out = set()
    for aid, row in arts.iterrows():
        for section, text in (("headline", row["headline"]), ("body", row["text"])):
            for h in helpers.frame_hits(text).itertuples():
                out.add((aid, section, h.sentence, h.frame, h.matched))
    return out


# ---------------------------------------------------------------- seeds against gold


def test_hits_equal_hand_annotated_gold(arts):
    found = _found(arts)
    assert found == _gold({"correct", "misfire"})
    assert not found & _gold({"miss"})  # documented misses stay missed


def test_known_negatives_on_seeds(arts):
    ap, bl = arts.loc[AP, "text"], arts.loc[BLOOMBERG, "text"]
    ap_hits, bl_hits = helpers.frame_hits(ap), helpers.frame_hits(bl)
    assert "failed coup" in helpers.sentences(ap)[21] and 21 not in set(ap_hits.sentence)
    assert "failed coup" in helpers.sentences(ap)[29] and 29 not in set(ap_hits.sentence)
    assert "quite positive" in helpers.sentences(bl)[32] and 32 not in set(bl_hits.sentence)
    assert ap_hits.loc[ap_hits.sentence == 3, ["frame", "matched"]].values.tolist() == [
        ["caution", "not there yet"]
    ]


def test_headline_negation_despite(arts):
    h = helpers.frame_hits(arts.loc[BLOOMBERG, "headline"], include_negated=True)
    assert h[["frame", "matched", "negated", "cue"]].values.tolist() == [
        ["failure", "Fails", False, ""],
        ["optimism", "Optimism", True, "Despite"],
    ]
    assert helpers.frame_hits(arts.loc[BLOOMBERG, "headline"]).frame.tolist() == ["failure"]


def test_offsets_point_at_matched_words(arts):
    for text in arts["text"]:
        hits = helpers.frame_hits(text)
        spans = helpers.sentence_spans(text)
        for h in hits.itertuples():
            assert text[h.start : h.end] == h.matched
            assert f"[{h.matched}]" in h.context
            s, e = spans[h.sentence]
            assert s <= h.start < h.end <= e
            assert math.isclose(h.position, h.start / len(text))
    bl = arts.loc[BLOOMBERG, "text"]
    first = helpers.frame_hits(bl).iloc[0]
    assert (first.start, first.end, first.matched) == (35, 41, "failed")


def test_frame_rates_per_1k_on_seeds(arts):
    got = {}
    for aid, text in arts["text"].items():
        rates = helpers.frame_rates(helpers.frame_hits(text), len(helpers.words(text)))
        got[aid] = rates.set_index("frame")["hits"].to_dict()
    assert got[BLOOMBERG] == {"optimism": 6, "failure": 12, "caution": 1}
    assert got[AP] == {"optimism": 7, "failure": 6, "caution": 6}
    bl_rates = helpers.frame_rates(helpers.frame_hits(arts.loc[BLOOMBERG, "text"]), 765)
    assert bl_rates.set_index("frame").loc["failure", "per_1k"] == pytest.approx(15.686, abs=1e-3)


def test_sections_and_section_rates(arts):
    sec = helpers.article_sections(arts.loc[AP, "headline"], arts.loc[AP, "text"])
    assert sec.section.tolist() == ["headline", "lede", "rest"]
    assert sec.text[1].startswith("THE US is sceptical") and sec.text[1].endswith("towards a deal.")
    assert sec.n_words.sum() == len(helpers.words(arts.loc[AP, "headline"])) + 783
    r = helpers.frame_section_rates(arts.loc[AP, "headline"], arts.loc[AP, "text"]).set_index(
        ["section", "frame"]
    )
    assert r.loc[("headline", "optimism"), "hits"] == 1 and r.loc[("headline", "failure"), "hits"] == 1
    assert r.loc[("lede", "optimism"), "hits"] == 1 and r.loc[("lede", "caution"), "hits"] == 1


def test_frame_by_sentence_sums_to_hits(arts):
    text = arts.loc[BLOOMBERG, "text"]
    table = helpers.frame_by_sentence(text)
    assert len(table) == len(helpers.sentences(text))
    assert table[["optimism", "failure", "caution"]].sum().to_dict() == {
        "optimism": 6,
        "failure": 12,
        "caution": 1,
    }
    assert table.loc[0, "net"] == 2 and table.loc[3, "net"] == 0


def test_leave_one_term_out_keeps_ordering(arts):
    loo = helpers.frame_leave_one_out(arts.set_index("outlet")["text"])
    assert loo.iloc[0]["dropped"] == "(none)"
    assert loo.iloc[0]["Bloomberg"] == pytest.approx(1000 * (12 - 6) / 765)
    assert (loo["Bloomberg"] > loo["Associated Press"]).all()
    assert loo["Bloomberg"].min() == pytest.approx(1000 * 4 / 765)  # dropping "fail" or "differences"
    assert len(loo) == 1 + 27  # every optimism and failure term dropped once


# ---------------------------------------------------------------- negation (synthetic)


@pytest.mark.parametrize(
    "text, frames",
    [
        ('"We\'re not there yet," Mr Obama said.', ["caution"]),
        ("The meeting ended with no agreement.", ["failure"]),
        ("The meeting ended without agreement.", ["failure"]),
        ("The talks were not productive.", []),
        ("There was no progress on Sunday.", []),
        ("The two sides are not close to a deal.", []),
        ("The two sides are close to a deal.", ["optimism"]),
        ("Kerry failed to make progress.", ["failure"]),
        ("Officials aren't hopeful.", []),
        ("Turkey recovered from the failed coup.", []),
        ("Talks fail, failed, are failing; a failure.", ["failure"] * 4),
    ],
)
def test_negation_and_inflection(text, frames):
    assert helpers.frame_hits(text).frame.tolist() == frames


def test_negation_window_is_three_words_within_the_sentence():
    assert helpers.frame_hits("No. Progress was made.").frame.tolist() == ["optimism"]
    assert helpers.frame_hits("Not that anyone expected much, but progress came.").frame.tolist() == [
        "optimism"
    ]


# ---------------------------------------------------------------- sentiment


def test_sentiment_per_sentence_on_seeds(arts):
    text = arts.loc[BLOOMBERG, "text"]
    s = helpers.sentiment(text)
    assert list(s.columns) == helpers.SENTIMENT_COLUMNS
    assert len(s) == len(helpers.sentences(text)) == 33
    assert s.loc[16, "compound"] == pytest.approx(-0.8718, abs=1e-4)  # "The crisis is particularly bad"
    assert s.loc[1, "compound"] == 0.0
    assert s.compound.mean() == pytest.approx(-0.1222, abs=1e-4)
    assert (s.text == helpers.sentences(text)).all()


def test_uses_vadersentiment_not_nltk_port():
    # NLTK's list.index() bug scores this -0.59; the authors' package gives +0.13 (README of the benchmark)
    s = helpers.sentiment("The economy is not good and the outlook is good.")
    assert s.compound[0] == pytest.approx(0.13, abs=0.01)
    assert helpers.vader_lexicon_path().parent.name == "vaderSentiment"


def test_entity_masking_removes_name_valence(arts):
    ap = arts.loc[AP, "text"]
    raw, masked = helpers.sentiment(ap), helpers.sentiment(ap, masked=True)
    assert raw.loc[19, "compound"] == pytest.approx(0.5423, abs=1e-4)  # "Defence", "Intelligence"
    assert masked.loc[19, "compound"] == 0.0
    assert (masked.text == raw.text).all()
    assert helpers.mask_entities("National Intelligence director") == "Entity director"
    assert (
        helpers.mask_entities("Turkey asked the US to hand over Gulen.")
        == "Turkey asked the US to Entity Gulen."
    )


# ---------------------------------------------------------------- bad input


def test_empty_text_gives_empty_frames_with_columns():
    assert list(helpers.frame_hits("").columns) == helpers.FRAME_HIT_COLUMNS and helpers.frame_hits("").empty
    assert list(helpers.sentiment("   ").columns) == helpers.SENTIMENT_COLUMNS and helpers.sentiment("").empty
    assert helpers.frame_by_sentence("").empty
    assert helpers.frame_rates(helpers.frame_hits(""), 0)["hits"].tolist() == [0, 0, 0]


@pytest.mark.parametrize(
    "fn", [helpers.frame_hits, helpers.sentiment, helpers.mask_entities, helpers.frame_by_sentence]
)
def test_non_str_raises_type_error(fn):
    with pytest.raises(TypeError):
        fn(None)
    with pytest.raises(TypeError):
        fn(b"bytes")


HEADER = "frame,term,pattern,rationale\n"


@pytest.mark.parametrize(
    "body, message",
    [
        ("optimism,hope,hope\n", "missing column"),  # header without rationale, below
        ("optimism,hope,hope,ok\nfailure,fail,fail(,ok\n", "row 3: invalid pattern"),
        ("optimism,hope,hope,ok\nfailure,, fail ,ok\n", "row 3: empty value in column 'term'"),
        ("optimism,hope,hope,ok\nGlee!,joy,joy,ok\n", "row 3: frame name 'Glee!'"),
        ("optimism,hope,hope,ok\noptimism,any,x?,ok\n", "row 3: pattern 'x?' matches the empty string"),
        ("optimism,hope,hope,ok\nfailure,hope,fail,ok\n", "row 3: duplicate term 'hope'"),
    ],
)
def test_malformed_lexicon_names_file_and_row(tmp_path, body, message):
    path = tmp_path / "frames_bad.csv"
    header = "frame,term,pattern\n" if message == "missing column" else HEADER
    path.write_text(header + body, encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=re.escape(message)) as err:
        helpers.frame_hits("Talks failed.", lexicon=path)
    assert str(path) in str(err.value)


def test_missing_lexicon_and_bad_negation_file(tmp_path):
    with pytest.raises(helpers.ArticleError, match="frames_missing.csv: lexicon file not found"):
        helpers.frame_hits("x", lexicon=tmp_path / "frames_missing.csv")
    neg = tmp_path / "neg.csv"
    neg.write_text("cue,rationale\nnot,ok\n(unclosed,bad\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"neg.csv, row 3: invalid pattern"):
        helpers.frame_hits("x", negations=neg)
    mask = tmp_path / "mask.csv"
    mask.write_text("pattern,rationale\nUnited States,\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"mask.csv, row 2: empty value in column 'rationale'"):
        helpers.mask_entities("x", mask=mask)


def test_every_shipped_lexicon_row_has_rationale():
    for name in ("frames.csv", "frame_negations.csv", "entity_mask.csv"):
        df = pd.read_csv(helpers.LEXICONS / name, dtype=str, keep_default_na=False)
        assert "rationale" in df.columns and (df["rationale"].str.strip() != "").all(), name


# ---------------------------------------------------------------- NYT ground truth (../shared)


@pytest.mark.shared
def test_vader_pearson_on_nyt_editorials():
    if not NYT.is_file():
        pytest.skip(f"../shared not found: {NYT} is missing, so the NYT VADER benchmark cannot run")
    summary, scored = helpers.vader_benchmark(NYT)
    assert summary["n"] == 5190 and summary["n_articles"] == 498
    assert summary["pearson_r"] == pytest.approx(0.503, abs=0.0005)  # paper 0.492; shared README 0.503
    assert summary["article_pearson_r"] == pytest.approx(0.630, abs=0.0005)
    # the README and docs/sentiment.md state the computed numbers, not retyped ones
    r, r_article = f"r = {summary['pearson_r']:.3f}", f"r = {summary['article_pearson_r']:.3f}"
    assert r in (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    doc = (helpers.ROOT / "docs" / "sentiment.md").read_text(encoding="utf-8")
    assert f"Pearson {r}" in doc and f"{r_article} at article" in doc
    fixture = pd.read_csv(NYT_SCORES, dtype={"id": str}).set_index("id")
    diff = (scored.set_index("id")["compound"] - fixture["compound_vaderSentiment"]).abs()
    assert diff.max() < 1e-4  # same scores as the shared per-sentence fixture


def test_groundtruth_reader_names_bad_row(tmp_path):
    bad = tmp_path / "gt.txt"
    bad.write_text("1_1\t0.5\tGood.\r\n1_2 no tabs here\r\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"gt.txt, row 2: expected 3 tab-separated fields"):
        helpers.read_vader_groundtruth(bad)


# ---------------------------------------------------------------- linear cost, same results


_PIECES = st.sampled_from(["aa", "b", "U.S.", "al-Qaeda’s", "Gülen", "9", "-", "’", ".", " ", "\n", ", "])


@settings(derandomize=True, database=None, max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 5))
def test_words_before_equals_tokenising_the_slice(text, lo):
    # _scan reads the negation window back from the hit instead of tokenising the sentence prefix;
    # every end position and small first windows, so windows start inside words
    for hi in range(lo, len(text) + 1):
        want = helpers.words(text[lo:hi])[-3:]
        for width in (1, 2, 3, 5, 8):
            assert _words_before(text, lo, hi, 3, width) == want, (text, lo, hi, width)
