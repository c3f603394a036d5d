"""Issue 21: what a reader is told. Source types in the reader's scheme, the resolved speaker, only
statements, every cue; and the end-to-end benchmark on the frozen BASIL gold."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows
from conftest import load_script

import helpers

# ------------------------------------------------------------------ types a reader recognises


@pytest.mark.parametrize(
    "text, source",
    [
        ("Critics say the plan will fail.", "Critics"),
        ("Many Republicans argue that the deal is weak.", "Many Republicans"),
        ("Some said the vote was rigged.", "Some"),
        ("Gay and civil rights groups praised the ruling on Thursday.", "Gay and civil rights groups"),
    ],
)
def test_vague_group_is_unnamed_group_not_anonymous(text, source):
    got = _rows(text)
    assert [(s, t) for s, t, _, _ in got] == [(source, "unnamed_group")]


@pytest.mark.parametrize(
    "text",
    [
        "Two officials familiar with the talks said the deal was close.",
        "Some officials said the deal was close.",
        "A spokesperson for Vice President Mike Pence said the allegations were disturbing.",
    ],
)
def test_withheld_identities_stay_anonymous(text):
    assert [t for _, t, _, _ in _rows(text)] == ["anonymous"]


def test_document_is_its_own_type():
    assert [(s, t) for s, t, _, _ in _rows("The report found that emissions rose.")] == [
        ("The report", "document")
    ]


def test_anonymous_share_counts_anonymous_only():
    text = (
        "Critics say the plan will fail. A senior official said it would pass. The mayor, Ann Lee, said no."
    )
    from outlet_comparison.corpus.measures import features_of

    row = features_of(text)
    assert row["anonymous"] == 1 and row["unnamed_group"] == 1
    assert row["anonymous_share"] == pytest.approx(1 / 3) and row["vague_share"] == pytest.approx(1 / 3)


# ------------------------------------------------------------------ only statements


@pytest.mark.parametrize(
    "text",
    [
        "No senior Pentagon official has defended the withdrawal publicly.",
        "Pentagon officials have not commented on the plan.",
        "His 2016 election was widely praised.",
    ],
)
def test_non_statements_are_no_rows(text):
    assert _rows(text) == []


def test_named_negated_speech_and_agent_passive_stay():
    assert _rows("The account was first reported by The New York Times.")[0][1] == "named_organization"
    got = _rows("Clark said he could not recall a time they talked about work.")  # a named person's
    assert [(spk, c) for _, _, spk, c in got] == [("Clark", "said"), ("Clark", "recall")]


def test_possessive_document_of_a_named_person_is_that_person():
    got = _rows("President Donald Trump spoke Monday. The president's letter said the talks were over.")
    assert [(t, spk) for _, t, spk, _ in got] == [("named_person", "Donald Trump")]


# ------------------------------------------------------------------ speakers resolved in the article


@pytest.mark.parametrize(
    "text, speakers",
    [
        ("Michael Steele spoke on Thursday. Mr. Steele said the war was a mistake.", ["Michael Steele"]),
        (
            "President Donald Trump met Vice President Mike Pence. The president said it went well.",
            ["Donald Trump"],
        ),
        (
            "Sen. John McCain, R-Ariz., said it was wrong. The Arizona Republican said Steele must go.",
            ["John McCain", "John McCain"],
        ),
        (
            "Chad Griffin, the president of the Human Rights Campaign, said the rule was fair.",
            ["Chad Griffin"],
        ),
        ("Mr. Obama shifted the focus and last year announced his plan to send more troops.", ["Obama"]),
        (
            "Speaking on Fox, Sen. Jim DeMint said Steele must apologize.",
            ["Jim DeMint"],
        ),
    ],
)
def test_speaker_is_the_person_the_article_named(text, speakers):
    got = _rows(text)
    assert [spk for _, _, spk, _ in got] == speakers
    assert all(t == "named_person" for _, t, _, _ in got)


def test_description_of_a_named_body_is_that_body():
    got = _rows("Moore's campaign denied the allegations.")
    assert [(t, spk) for _, t, spk, _ in got] == [("named_organization", "Moore campaign")]


def test_age_appositive_keeps_the_name():
    text = "That is how John Skipper, 66, a former party chairman, characterized the claims."
    assert [spk for _, _, spk, _ in _rows(text)] == ["John Skipper"]


# ------------------------------------------------------------------ every cue


def test_participial_cue_sharing_a_subject_is_its_own_row():
    got = _rows("Moore's campaign denied the allegations, telling the paper they were fake.")
    assert [c for *_, c in got] == ["denied", "telling"]
    assert len({spk for _, _, spk, _ in got}) == 1


def test_setting_participle_and_adding_are_no_second_cue():
    assert [c for *_, c in _rows("He praised the plan, speaking to reporters in Ohio.")] == ["praised"]
    assert [c for *_, c in _rows("The official said talks failed, adding that they would resume.")] == [
        "said"
    ]


# ------------------------------------------------------------------ end-to-end benchmark guard


def _e2e():
    return load_script("attribution_e2e", helpers.ROOT / "benchmarks")


def test_e2e_speaker_names_compare_without_titles_and_initials():
    mod = _e2e()
    assert mod.speaker_ok("Jacob J. Lew", "Jacob Lew")
    assert mod.speaker_ok("Washington Post", "The Washington Post;Washington Post")
    assert not mod.speaker_ok("Lew", "Jacob Lew") and not mod.speaker_ok("", "Jacob Lew")
    assert mod.speaker_ok("White House", "White House")  # every word a title word: compared as written
    assert not mod.speaker_ok("White House", "Senate") and not mod.speaker_ok("", "White House")


@pytest.mark.slow
@pytest.mark.shared
def test_e2e_gold_scores_do_not_regress():
    mod = _e2e()
    if not mod.available():
        pytest.skip(f"../shared not found: {mod.CORPUS} (end-to-end attribution benchmark skipped)")
    tune = mod.score("tune")  # 15 articles since the second part of the gold (branch sourcing2)
    assert tune["detection_p"] >= 0.92 and tune["detection_r"] >= 0.90  # measured 0.943 / 0.917
    assert tune["speaker_acc"] >= 0.93  # measured 1.000 (78/78); 0.892 on main at f553430
    assert tune["anonymous_p"] >= 0.8 and tune["anonymous_r"] >= 0.8  # measured 5/6 and 5/6; 4/13, 4/6 before
    assert tune["anonymous_share_mae"] <= 0.05  # measured 0.033; 0.082 before
    assert tune["vague_r"] >= 0.6  # measured 0.7 (7/10)
    check2 = mod.score("check2")  # scored once before this guard was written
    assert check2["detection_p"] >= 0.95 and check2["detection_r"] >= 0.93  # measured 0.956 / 0.956
    assert check2["anonymous_r"] >= 0.8 and check2["speaker_acc"] >= 0.75  # measured 0.833, 0.794
    check3 = mod.score("check3")  # scored once held out, tuning data since the fifth round (branch src5)
    assert check3["detection_p"] >= 0.95 and check3["detection_r"] >= 0.85  # measured 1.000 / 0.851
    assert check3["speaker_acc"] >= 0.93  # measured 1.000 (34/34); 0.818 (27/33) before, fixed scorer
    assert check3["anonymous_share_mae"] <= 0.05  # measured 0.022; 0.058 before


@pytest.mark.slow
@pytest.mark.shared
def test_e2e_later_parts_and_pooled_do_not_regress():
    """Regression guards, not accuracy estimates: each of these parts was read after its one held-out score
    (first scores in docs/attribution.md: check7 detection 0.935 / 0.800, anonymous 8/17, speaker 0.917;
    check8 0.951 / 0.784, anonymous 2/4, speaker 0.961; check9 0.944 / 0.875, anonymous 2/6, speaker
    0.853; check10, AllSides, 0.849 / 0.855, anonymous 4/19, speaker 0.740)."""
    mod = _e2e()
    if not mod.available():
        pytest.skip(f"../shared not found: {mod.CORPUS} (end-to-end attribution benchmark skipped)")
    parts = ("check4", "check5", "check7", "check8", "check9", "check10")
    check4, check5, check7, check8, check9, check10 = (mod.score(p) for p in parts)
    assert check4["detection_p"] >= 0.97 and check4["detection_r"] >= 0.91  # measured 0.992 / 0.931
    assert check4["anonymous_p"] >= 0.85 and check4["speaker_acc"] >= 0.95  # measured 9/9, 0.971
    assert check5["detection_p"] >= 0.95 and check5["detection_r"] >= 0.90  # measured 0.969 / 0.917
    assert check5["anonymous_p"] >= 0.85 and check5["speaker_acc"] >= 0.92  # measured 8/9, 0.940
    assert check7["detection_p"] >= 0.93 and check7["detection_r"] >= 0.78  # measured 0.947 / 0.800
    assert check7["anonymous_p"] >= 0.85 and check7["speaker_acc"] >= 0.93  # measured 8/8, 0.975
    assert check8["detection_p"] >= 0.95 and check8["detection_r"] >= 0.78  # measured 0.967 / 0.797
    assert check8["anonymous_p"] >= 0.85 and check8["speaker_acc"] >= 0.95  # measured 2/2, 1.000
    assert check9["detection_p"] >= 0.93 and check9["detection_r"] >= 0.86  # measured 0.944 / 0.875
    assert check9["anonymous_share_mae"] <= 0.03 and check9["speaker_acc"] >= 0.87  # measured 0.022, 0.880
    assert check10["detection_p"] >= 0.88 and check10["detection_r"] >= 0.85  # measured 0.895 / 0.862
    assert check10["anonymous_share_mae"] <= 0.10 and check10["speaker_acc"] >= 0.89  # measured 0.088, 0.905
    pooled = mod.score("pooled")  # every part, 120 articles (none held out now)
    assert pooled["detection_p"] >= 0.95 and pooled["detection_r"] >= 0.88  # measured 0.959 / 0.896 (120)
    assert pooled["anonymous_p"] >= 0.78 and pooled["anonymous_r"] >= 0.83  # measured 50/62, 50/59
    assert pooled["anonymous_share_mae"] <= 0.03 and pooled["speaker_acc"] >= 0.95  # measured 0.020, 0.961


def test_counted_unnamed_people_are_scu_anonymous():
    df = helpers.attributions("The plan failed, according to three people who were on the call.")
    assert helpers.scu_types(df).tolist() == ["anonymous"]


# ---------------------------------------------------------------- rows a reader would reject (read on
# the AllSides Syria coverage, checked on 250 other AllSides articles: 9 rows changed, all lone "But"/"And")


def test_a_lone_conjunction_is_no_source():
    text = "The court ruled against the plan. But it took a mixed approach, urging the administration to act."
    assert not (helpers.attributions(text)["source"] == "But").any()


def test_a_time_phrase_is_no_speaker():
    text = "Kerry spoke in Geneva. Earlier Friday, he said an agreement would make a major difference."
    rows = helpers.attributions(text)
    assert rows["source"].tolist() == ["he"] and "Earlier Friday" not in rows["speaker"].tolist()


def test_a_pact_that_calls_for_is_a_document_not_an_anonymous_source():
    rows = helpers.attributions("Kerry said the pact calls for the government to respect a ceasefire.")
    assert rows["source"].tolist() == ["Kerry"]


def test_e2e_benchmark_names_the_issue_targets_it_misses():
    mod = _e2e()
    res = {"detection_p": 0.92, "detection_r": 0.90, "anonymous_p": 0.85, "anonymous_r": 0.85}
    res |= {"anonymous_share_mae": 0.05, "speaker_acc": 0.93}
    assert mod.missed_targets(res) == []
    missed = mod.missed_targets(res | {"detection_r": 0.89, "anonymous_share_mae": 0.051})
    assert missed == ["detection_r", "anonymous_share_mae"]
