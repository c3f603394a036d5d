"""Notebook 04 for any event: N-outlet overlap (outlet_comparison.coverage.overlap) and the generated findings
(outlet_comparison.report.findings.coverage), on the study's seeds, the three-outlet demo and small tables."""

from __future__ import annotations

import pandas as pd
import pytest
from study import load_seeds

import helpers
from outlet_comparison.coverage import overlap
from outlet_comparison.report.findings import coverage as fc

NAN = float("nan")


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    arts = load_seeds()
    return dict(zip(arts["outlet"], arts["text"], strict=True))


@pytest.fixture(scope="module")
def demo() -> dict[str, str]:
    arts = helpers.load_articles("demo-harbour-strike")
    return dict(zip(arts["outlet"], arts["text"], strict=True))


# ---------------------------------------------------------------- overlap on real texts

STUDY_ALIASES = helpers.read_event("kerry-lavrov-g20-2016").aliases  # the study's own alias list


def test_two_outlets_reduce_to_align_and_coverage_split(seeds):
    (b, tb), (a, ta) = seeds.items()
    pairs = overlap.pairwise_alignment(seeds, aliases=STUDY_ALIASES)
    assert list(pairs.columns) == list(overlap.PAIR_COLUMNS)
    assert set(pairs.outlet_a) == {b} and set(pairs.outlet_b) == {a}
    al = helpers.align(tb, ta, aliases=STUDY_ALIASES)
    assert (
        pairs[["sentence_a", "sentence_b"]].values.tolist()
        == al[["sentence_a", "sentence_b"]].values.tolist()
    )
    shares = overlap.coverage_shares(seeds, pairs).set_index("outlet")
    split = helpers.coverage_split(tb, ta, aliases=STUDY_ALIASES)
    for outlet, side in ((b, "a"), (a, "b")):
        s = split[split.article == side]
        assert shares.loc[outlet, "sentences"] == len(s) and shares.loc[outlet, "shared"] == s.shared.sum()
        assert shares.loc[outlet, "shared_words"] == s.loc[s.shared, "words"].sum()
    assert shares[["sentences", "shared", "unique"]].values.tolist() == [[33, 10, 23], [32, 10, 22]]
    assert shares.loc[b, "shared_words_pct"] == pytest.approx(29.0, abs=0.05)
    assert shares.loc[a, "shared_words_pct"] == pytest.approx(36.8, abs=0.05)


def test_three_outlets(demo):
    outlets = list(demo)
    pairs = overlap.pairwise_alignment(demo)
    assert {(r.outlet_a, r.outlet_b) for r in pairs.itertuples()} <= {
        (outlets[i], outlets[j]) for i in range(3) for j in range(i + 1, 3)
    }
    m = overlap.pair_matrix(demo, pairs)
    assert m.index.tolist() == outlets and m.columns.tolist() == outlets
    assert m.isna().values.diagonal().all()
    assert (m.fillna(0).values == m.fillna(0).values.T).all()
    assert m.fillna(0).values.sum() == 2 * len(pairs)
    cov = overlap.sentence_coverage(demo, pairs)
    shares = overlap.coverage_shares(demo, pairs).set_index("outlet")
    for o in outlets:
        assert shares.loc[o, "sentences"] == len(helpers.sentences(demo[o]))
        assert shares.loc[o, "shared"] == cov[(cov.outlet == o) & cov.shared].shape[0]
        assert shares.loc[o, "shared"] + shares.loc[o, "unique"] == shares.loc[o, "sentences"]
    # a sentence is shared exactly when it appears in some pair
    in_pairs = {(r.outlet_a, r.sentence_a) for r in pairs.itertuples()} | {
        (r.outlet_b, r.sentence_b) for r in pairs.itertuples()
    }
    assert set(zip(cov.loc[cov.shared, "outlet"], cov.loc[cov.shared, "sentence"], strict=True)) == in_pairs
    share = overlap.pair_matrix(demo, pairs, "share")
    a, b = outlets[:2]
    assert share.loc[a, b] == pytest.approx(100 * m.loc[a, b] / len(helpers.sentences(demo[a])))
    with pytest.raises(ValueError, match="value="):
        overlap.pair_matrix(demo, pairs, "words")


def test_actor_tables_on_the_study(seeds):
    (b, _), (a, _) = seeds.items()
    mentions = overlap.actor_mentions(seeds, STUDY_ALIASES)
    summary = overlap.actor_summary(mentions, list(seeds)).set_index("outlet")
    # quoted = cited as page 02 reads it (round four; 16 and 10 under the old reporting-verb rule)
    assert summary.loc[b, ["mentions", "actors", "quoted", "only_here"]].tolist() == [79, 20, 17, 5]
    assert summary.loc[a, ["mentions", "actors", "quoted", "only_here"]].tolist() == [
        90,
        24,
        13,
        9,
    ]  # 24th: the Joint Implementation Group, found without the list
    assert summary.loc[b, "top_quoted"] == "US officials (unnamed)" and summary.loc[b, "top_quoted_n"] == 9
    assert summary.loc[a, "top_quoted"] == "Barack Obama" and summary.loc[a, "top_quoted_n"] == 5
    forms = overlap.name_forms(mentions)
    assert forms.groupby("outlet")["count"].sum().to_dict() == {a: 90, b: 79}
    variants = overlap.differently_named(forms, list(seeds)).set_index("actor")
    assert (
        variants.loc["Sergei Lavrov", "common"] == ""
        and variants.loc["Nusra Front", "common"] == "Nusra Front"
    )
    assert "Mr Obama (7)" in variants.loc["Barack Obama", a]
    assert overlap.side_order(mentions, helpers.actor_sides())[0] == "United States"


def test_empty_inputs():
    nobody = {"A": "the talks ended late.", "B": "no one spoke."}  # no name, no alias: no actor
    mentions = overlap.actor_mentions(nobody)
    assert list(mentions.columns) == list(overlap.MENTION_COLUMNS)
    summary = overlap.actor_summary(mentions, list(nobody))
    assert summary["mentions"].sum() == 0 and (summary["top_quoted"] == "").all()
    forms = overlap.name_forms(mentions)
    assert forms.empty and list(forms.columns) == list(overlap.FORM_COLUMNS)
    variants = overlap.differently_named(forms, list(nobody))
    assert variants.empty and variants["differs"].dtype == bool
    pairs = overlap.pairwise_alignment({"A": "", "B": "Only one sentence here."})
    assert pairs.empty and list(pairs.columns) == list(overlap.PAIR_COLUMNS)
    shares = overlap.coverage_shares({"A": "", "B": "Only one sentence here."}, pairs)
    assert shares["shared"].tolist() == [0, 0] and pd.isna(shares.loc[0, "shared_pct"])


def test_name_forms_are_compared_as_written():
    m = overlap.actor_mentions(
        {"A": "The president left.", "B": "He said the president left."}, STUDY_ALIASES
    )
    forms = overlap.name_forms(m)
    assert set(forms["form"]) == {"the president"}  # an initial article is not a different name
    assert not overlap.differently_named(forms, ["A", "B"])["differs"].any()
    m = overlap.actor_mentions(
        {"A": "President Barack Obama left.", "B": "He met president Barack Obama."}, STUDY_ALIASES
    )
    assert overlap.differently_named(overlap.name_forms(m), ["A", "B"])["differs"].all()


def test_tied_top_quoted_actors():
    m = overlap.actor_mentions({"A": "Kerry said no. Lavrov said yes.", "B": "Nobody."}, STUDY_ALIASES)
    s = overlap.actor_summary(m, ["A", "B"]).set_index("outlet")
    assert s.loc["A", "top_quoted"] == "John Kerry; Sergei Lavrov" and s.loc["A", "top_quoted_n"] == 1


# ---------------------------------------------------------------- findings from tables


def _shares(shared=(4, 4)) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "B"], "sentences": [10, 8], "shared": list(shared),
                         "unique": [10 - shared[0], 8 - shared[1]], "words": [200, 150],
                         "shared_words_pct": [35.0, 50.0]})  # fmt: skip


def _matrix(values: list[list[float]], names: list[str]) -> pd.DataFrame:
    return pd.DataFrame(values, index=names, columns=names)


def test_overlap_findings_two_outlets():
    out = fc.overlap_findings(_shares(), _matrix([[NAN, 4], [4, NAN]], ["A", "B"]))
    assert out[0] == (
        "**Content with a counterpart in the other article** (automatic sentence alignment): A 4 of 10 "
        "sentences (35% of its words) and B 4 of 8 sentences (50% of its words)."
    )
    assert out[1].endswith("A 6 of 10 and B 4 of 8.")
    assert len(out) == 2  # no "most shared" sentence for a single pair


def test_overlap_findings_nothing_shared_and_empty():
    out = fc.overlap_findings(_shares((0, 0)), _matrix([[NAN, 0], [0, NAN]], ["A", "B"]))
    assert len(out) == 1 and "pairs no sentence" in out[0]
    assert fc.overlap_findings(_shares().iloc[0:0], _matrix([], [])) == []


def test_most_shared_names_the_pair_and_ties():
    m = _matrix([[NAN, 1, 1], [1, NAN, 2], [1, 2, NAN]], ["A", "B", "C"])
    assert fc.most_shared(m) == "Most shared: B with C (2 aligned sentence pairs)."
    m = _matrix([[NAN, 2, 1], [2, NAN, 2], [1, 2, NAN]], ["A", "B", "C"])
    assert fc.most_shared(m) == "Most shared: A with B and B with C (2 aligned sentence pairs each)."
    m = _matrix([[NAN, 1, 1], [1, NAN, 1], [1, 1, NAN]], ["A", "B", "C"])
    assert "Every pair" in fc.most_shared(m)


def _summary(**kw) -> pd.DataFrame:
    base = {"outlet": ["A", "B"], "mentions": [5, 3], "actors": [3, 2], "quoted": [3, 0], "only_here": [2, 1],
            "top_quoted": ["X", ""], "top_quoted_n": [2, 0]}  # fmt: skip
    return pd.DataFrame({**base, **kw})


def test_actor_findings():
    variants = pd.DataFrame({"actor": ["X", "Y"], "differs": [True, False]})
    out = fc.actor_findings(_summary(), variants)
    assert out[0] == (
        "**Who is mentioned**: A 3 distinct actors in 5 mentions (2 named by no other) and "
        "B 2 distinct actors in 3 mentions (1 named by no other)."
    )
    assert out[1] == (
        "**Who is cited most as a source**: A: X (2 of its 3 mentions as a source of reported speech); "
        "B: none of its mentions is the source of reported speech."
    )
    assert out[2] == (
        "**Same actor, different words**: 1 of the 2 actors mentioned by two or more articles is named "
        "with different forms (most mentioned: X)."
    )
    same = fc.actor_findings(_summary(), variants.assign(differs=False))[2]
    assert "named the same way" in same
    assert len(fc.actor_findings(_summary(), variants.iloc[0:0])) == 2
    tied = fc.actor_findings(_summary(top_quoted=["X; Y", ""], top_quoted_n=[1, 0]), variants)[1]
    assert "A: no actor is cited more than once (3 mentions as a source of reported speech, 2 actors)" in tied


def test_actor_findings_without_actors():
    out = fc.actor_findings(_summary(mentions=[0, 0], actors=[0, 0], quoted=[0, 0]), pd.DataFrame())
    assert len(out) == 1 and out[0].startswith("**No actor is found in these articles**")


def test_caveats_and_card_notes():
    cav = fc.coverage_caveats("my_aliases.csv", 0.325)
    assert "0.325" in cav[0] and "floor" in cav[0] and "`my_aliases.csv`" in cav[1]
    card = pd.DataFrame({
        "panel": ["F", "F", "S", "S", "T"], "unit": ["u"] * 5, "measure": ["m", "m", "n", "n", ""],
        "outlet": ["A", "B", "A", "A", ""], "value": [0.0, 0.0, 2.0, 1.0, NAN],
        "available": [True, True, True, True, False], "note": ["", "", "", "", "KeyError: x"],
    })  # fmt: skip
    assert fc.card_notes(card) == [
        "F: no hits in any article (u).",
        "S: no hits at B.",
        "T: not available (KeyError: x).",
    ]


def test_exported_for_notebooks():
    for name in ("overlap_findings", "actor_findings", "coverage_caveats", "card_notes", "most_shared"):
        assert getattr(helpers.findings, name) is getattr(fc, name)
