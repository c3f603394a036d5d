"""Findings of notebook 02 (outlet_comparison.report.findings.sourcing) and the sourcing tables behind them
(outlet_comparison.coverage.sourcing), for any number of outlets, including outlets with nothing to count."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import helpers
from outlet_comparison.coverage import sourcing
from outlet_comparison.report.findings import sourcing as fs

ACCURACY = {"source_p": 0.734, "source_r": 0.614, "source_f1": 0.669, "statement_recall": 0.814,
            "type_accuracy": 0.794}  # fmt: skip


def _anon_row(n: int, k: int, m: int, r: int, outlet: str = "Gazette") -> pd.Series:
    lo, hi = sourcing.wilson_interval(k, n)
    share = k / n if n else math.nan
    return pd.Series({"outlet": outlet, "attributions": n, "anonymous": k, "share": share, "ci_low": lo,
                      "ci_high": hi, "anonymous_sources": m, "with_reason": r})  # fmt: skip


@pytest.mark.parametrize(
    ("n", "k", "m", "r", "expected"),
    [
        (0, 0, 0, 0, "the extractor finds no attributed statement"),
        (12, 0, 0, 0, "12 attributions, none to an anonymous source (95% CI 0% to 24%)"),
        (4, 1, 1, 1, "its one anonymous source comes with a stated reason"),
        (4, 1, 1, 0, "its one anonymous source comes without a stated reason"),
        (9, 4, 2, 2, "all 2 of its distinct anonymous sources come with a stated reason"),
        (9, 4, 3, 0, "none of its 3 distinct anonymous sources comes with a stated reason"),
        (9, 5, 4, 2, "2 of its 4 distinct anonymous sources come with a stated reason"),
    ],
)
def test_outlet_anonymity_wording(n, k, m, r, expected):
    text = fs.outlet_anonymity(_anon_row(n, k, m, r))
    assert text.startswith("**Gazette**: ") and expected in text


def test_outlet_anonymity_has_share_and_interval():
    text = fs.outlet_anonymity(_anon_row(19, 10, 3, 1))
    assert "10 of them (53%; 95% CI 32% to 73%) to anonymous sources" in text


def _pairs(rows):
    cols = ["outlet_a", "outlet_b", "diff", "ci_low", "ci_high", "secure"]
    return pd.DataFrame(rows, columns=cols)


def test_anonymous_gap_says_larger_minus_smaller():
    text = fs.anonymous_gap(_pairs([("A", "B", -0.38, -0.64, -0.12, True)]))
    assert text.startswith("Difference in anonymous share: B − A: +38 percentage points (95% CI +12 to +64")
    assert "excludes zero" in text


def test_anonymous_gap_with_three_outlets_picks_the_largest_and_counts_secure_pairs():
    pairs = _pairs([("A", "B", 0.1, -0.2, 0.4, False), ("A", "C", 0.3, -0.1, 0.7, False),
                    ("B", "C", 0.2, 0.05, 0.35, True)])  # fmt: skip
    text = fs.anonymous_gap(pairs)
    assert text.startswith("Largest difference in anonymous share: A − C: +30 percentage points")
    assert "not a statistically secure difference" in text and "1 of the 3 pairwise intervals" in text


def test_anonymous_gap_without_pairs():
    assert "cannot be compared" in fs.anonymous_gap(_pairs([]))


def test_side_finding_names_the_top_side_and_sides_heard_once():
    sides = pd.DataFrame({"gov": [15, 18, 2], "rebels": [3, 0, 0], "other": [1, 3, 0]}, index=["A", "B", "C"])
    text = fs.side_finding(sides)
    assert "A gov (15 of 19 attributions), B gov (18 of 21), C gov (2 of 2)" in text
    assert text.endswith("heard in one outlet only: rebels (A, 3).")


def test_side_finding_with_a_single_side_says_the_list_does_not_separate():
    text = fs.side_finding(pd.DataFrame({"other": [5, 6]}, index=["A", "B"]))
    assert "one side of the affiliation list ('other')" in text and "affiliations" in text


def test_quote_finding_skips_outlets_without_attributions():
    q = pd.DataFrame(
        {"outlet": ["A", "B"], "attributions": [21, 0], "quoted": [8, 0], "quote_share": [8 / 21, None]}
    )
    assert fs.quote_finding(q).endswith("A 8 of 21 (38%).")


def _verbs(rows, outlets):
    idx = pd.MultiIndex.from_tuples([r[:2] for r in rows], names=["lemma", "stance"])
    df = pd.DataFrame([r[2:] for r in rows], index=idx, columns=outlets)
    return df.assign(total=df.sum(axis=1))


def test_verb_finding_lists_loaded_verbs_per_outlet():
    v = _verbs([("say", "neutral", 4, 5, 3), ("accuse", "loaded", 0, 1, 0), ("warn", "loaded", 0, 1, 0)],
               ["A", "B", "C"])  # fmt: skip
    text = fs.verb_finding(v, ["A", "B", "C"])
    assert text.startswith("Loaded reporting verbs: A none, B 2 (accuse, warn), C none;")
    assert "most often 'say' (12 of 14)" in text


def test_verb_finding_without_loaded_or_any_verbs():
    v = _verbs([("say", "neutral", 4, 5)], ["A", "B"])
    assert fs.verb_finding(v, ["A", "B"]).startswith("No loaded reporting verb in any article")
    assert "no attributed statement" in fs.verb_finding(v.iloc[:0], ["A", "B"])


def test_extractor_caveat_reads_the_numbers_or_says_they_are_missing():
    with_numbers = fs.extractor_caveat(ACCURACY)
    assert "F1 is 0.67 (precision 0.73, recall 0.61)" in with_numbers and "find 81%" in with_numbers
    assert "give 79% of those" in with_numbers
    assert "not available here" in fs.extractor_caveat(None)


ARTS = pd.DataFrame(
    {
        "article_id": ["a", "b", "c"],
        "outlet": ["Gazette", "Herald", "Post"],
        "text": [
            "The mayor, Jane Doe, said the deal was close. A senior official, who asked not to be named "
            "because the talks were private, said it was done. Officials said more talks were planned.",
            "Nothing was said on the record. The weather was fine all week.",
            'Union leader Tom Ray accused the council of lying. "We will strike," Ray said.',
        ],
    }
)


@pytest.fixture(scope="module")
def tables():
    outlets = ARTS["outlet"].tolist()
    att = sourcing.event_attributions(ARTS)
    return (
        outlets,
        att,
        {
            "anon": sourcing.anonymity_table(att, outlets),
            "pairs": sourcing.anonymity_differences(att, outlets, n_boot=2000),
            "sides": sourcing.side_table(att, outlets),
            "quotes": sourcing.quote_table(att, outlets),
            "verbs": sourcing.verb_table(att, outlets),
        },
    )


def test_tables_keep_every_outlet_even_without_attributions(tables):
    outlets, att, t = tables
    assert set(att["outlet"]) == {"Gazette", "Post"}
    assert t["anon"]["outlet"].tolist() == outlets and t["quotes"]["outlet"].tolist() == outlets
    assert t["sides"].index.tolist() == outlets and t["sides"].loc["Herald"].sum() == 0
    assert list(t["verbs"].columns) == [*outlets, "total"]
    herald = t["anon"].set_index("outlet").loc["Herald"]
    assert herald["attributions"] == 0 and math.isnan(herald["share"]) and math.isnan(herald["ci_low"])
    assert set(zip(t["pairs"].outlet_a, t["pairs"].outlet_b, strict=True)) == {("Gazette", "Post")}


def test_distinct_anonymous_sources_and_their_reasons(tables):
    _, att, t = tables
    gazette = t["anon"].set_index("outlet").loc["Gazette"]
    assert (gazette["anonymous"], gazette["anonymous_sources"], gazette["with_reason"]) == (2, 2, 1)
    distinct = sourcing.anonymous_sources(att)
    assert distinct.loc[distinct.has_reason, "reason"].tolist() == ["because the talks were private"]


def test_findings_cover_every_outlet_and_the_gap(tables):
    outlets, _, t = tables
    out = fs.sourcing_findings(t["anon"], t["pairs"], t["sides"], t["quotes"], t["verbs"], ACCURACY)
    assert [s.split("**")[1] for s in out[:3]] == outlets
    assert "no attributed statement" in out[1]
    assert out[3].startswith("Difference in anonymous share: Gazette − Post:") and "as independent" in out[3]
    assert out[-1] == fs.extractor_caveat(ACCURACY)
    assert len(out) == 3 + 5
    assert helpers.findings.sourcing_findings is fs.sourcing_findings


def test_side_order_comes_from_the_data():
    att = pd.DataFrame({"outlet": ["A", "B", "B", "B", "A"], "side": ["x", "y", "y", "z", "z"]})
    assert list(sourcing.side_table(att, ["A", "B"]).columns) == ["y", "z", "x"]


def test_wilson_interval_edges():
    assert sourcing.wilson_interval(0, 10)[0] == 0 and sourcing.wilson_interval(10, 10)[1] == 1
    assert all(math.isnan(x) for x in sourcing.wilson_interval(0, 0))
    lo, hi = sourcing.wilson_interval(3, 21)
    assert lo < 3 / 21 < hi


# ---------------------------------------------------------------- the page's tables and readings


def test_type_tables_and_anonymous_medians():
    types = pd.DataFrame(
        {
            "outlet": ["X", "X", "Y"],
            "source_type": ["anonymous", "named_person", "named_person"],
            "attributions": [3, 1, 2],
            "share": [0.75, 0.25, 1.0],
        }
    )
    counts, share = fs.type_tables(types, ["Y", "X"])
    assert counts.index.tolist() == ["Y", "X"] and counts.columns.tolist() == ["anonymous", "named_person"]
    assert share.loc["X"].tolist() == [0.75, 0.25] and math.isnan(share.loc["Y", "anonymous"])
    kinds = ["anonymous", "anonymous", "named_person", "anonymous"]
    att = pd.DataFrame(
        {"outlet": ["X", "X", "Y", "Y"], "source_type": kinds, "position": [0.1, 0.5, 0.2, 1.0]}
    )
    assert fs.anonymous_medians(att, ["X", "Y", "Z"]).to_dict() == {"X": 30.0, "Y": 100.0}


def test_benchmark_accuracy_table_and_sentence():
    scores = {"P": 0.82, "R": 0.69, "F1": 0.75}
    res = {
        "polnear_dev": {"source_overlap": scores, "source_exact": scores, "cue_overlap": scores},
        "scu": {"statement_recall": 0.86},
    }
    accuracy = fs.benchmark_accuracy(res, 0.9)
    assert accuracy == {"source_p": 0.82, "source_r": 0.69, "source_f1": 0.75, "statement_recall": 0.86,
                        "type_accuracy": 0.9}  # fmt: skip
    table = fs.accuracy_table(res, accuracy)
    assert table.measure.tolist() == [*fs.BENCHMARK_MEASURES.values(), "statement recall",
                                      "type accuracy on found statements"]  # fmt: skip
    assert fs.accuracy_sentence(accuracy) == (
        "On PolNeAR dev the source-span overlap F1 is 0.75 (precision 0.82, recall 0.69; precision is higher "
        "than recall). On SCU 86% of sourced statements are found and 90% of those get the gold type."
    )
    low = fs.accuracy_sentence({**accuracy, "source_p": 0.5})
    assert "precision is not higher than recall" in low


def test_an_interval_bound_of_zero_reads_without_a_minus_sign():
    """A bound of zero, negated to put the larger share first, read "95% CI −0 to +19" on a page."""
    p = pd.DataFrame({"outlet_a": ["A"], "outlet_b": ["B"], "diff": [-0.06], "ci_low": [-0.19],
                      "ci_high": [0.0], "secure": [False]})  # fmt: skip
    text = helpers.findings.anonymous_gap(p)
    assert "95% CI 0 to +19" in text and "−0 " not in text
