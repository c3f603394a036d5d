"""Issue 21, round nine (src12): cue classes that carry over to new text. Speech acts mined from PolNeAR
train (``scripts/mine_attribution_cues.py``), cues coordinated by 'but', a participle after a published
text ("sent a letter to X questioning"), prepared remarks ("is expected to say" with the words quoted).
Each test fails on the code before the change."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _pairs(text: str) -> list[tuple[str, str]]:
    """(source, cue) of every row."""
    return [(r[0], r[3]) for r in _rows(text)]


# ---------------------------------------------- speech acts mined from PolNeAR train (attribution_acts.csv)


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("Jones vouched for the nominee on Tuesday.", "Jones", "vouched for"),
        ("Sen. Smith took issue with the report.", "Sen. Smith", "took issue with"),
        ("The governor took aim at the Obama administration.", "The governor", "took aim at"),
        ("The mayor disparaged the judge in a radio interview.", "The mayor", "disparaged"),
        ("Analysts speculated that the delay was political.", "Analysts", "speculated"),
    ],
)
def test_a_mined_speech_act_is_a_statement(text, source, cue):
    assert _pairs(text) == [(source, cue)]


# ------------------------------------------------------------------ a cue coordinated by 'but'


def test_a_cue_after_but_shares_the_source():
    text = "In the speech Bloomberg criticized Democrats, but argued that Trump was a “dangerous demagogue.”"
    assert _pairs(text) == [("Bloomberg", "criticized"), ("Bloomberg", "argued")]


def test_a_participle_after_and_shares_the_participles_source_past_quoted_words():
    text = "Rand issued a statement calling the article “misleading” and claiming the group had not changed."
    assert _pairs(text) == [("Rand", "calling"), ("Rand", "claiming")]


def test_and_adding_continues_the_statement():
    assert _pairs("He spoke Monday, saying the plan failed and adding that it cost too much.") == [
        ("He", "saying")
    ]


def test_but_before_a_new_subject_is_no_coordination():
    assert _pairs("She said he lied but he denied it.") == [("She", "said"), ("he", "denied")]


# ------------------------------------------------------------------ a participle after a published text


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("The group posted a video on Facebook urging voters to stay home.", "The group", "urging"),
        (
            "The committee sent a letter to the agency's lawyer questioning whether he can refuse.",
            "The committee",
            "questioning",
        ),
        ("Rand issued a statement calling the article misleading.", "Rand", "calling"),
    ],
)
def test_a_participle_after_a_published_text_is_its_publishers_statement(text, source, cue):
    assert (source, cue) in _pairs(text)


@pytest.mark.parametrize(
    "text, source, cue",
    [
        (
            "It was similar to past platforms, but the Obama campaign nevertheless put out a statement "
            "accusing Republicans of passing the amendment.",
            "the Obama campaign",
            "accusing",
        ),
        (
            "Burr said Tuesday that the panel also sent a letter to Flynn's lawyer questioning whether he "
            "can invoke the Fifth Amendment.",
            "the panel",
            "questioning",
        ),
        ("The FBI late in the day issued a statement denying such an arrest.", "The FBI", "denying"),
    ],
)
def test_the_publisher_is_the_subject_right_before_the_publishing_verb(text, source, cue):
    assert (source, cue) in _pairs(text)


def test_an_intention_in_a_published_text_is_its_request():
    # "seeking" alone is an intention (beliefs only); in a letter it asks for something
    text = (
        "In October, the State Department sent a letter to all former secretaries of state, seeking emails."
    )
    assert ("the State Department", "seeking") in _pairs(text)
    assert _pairs("He is seeking re-election.") == []


def test_a_participle_after_a_relative_clause_on_the_text_is_not_read_through_it():
    # "that" opens a clause of its own between the letter and the participle
    assert ("He", "urging") not in _pairs("He sent a letter that the board never answered, urging calm.")


# ------------------------------------------------------------------ prepared remarks


def test_is_expected_to_say_with_the_words_quoted_is_a_statement():
    text = "“This would be a priority even in times of peace,” Mr. Rubio is expected to say."
    assert _pairs(text) == [("Mr. Rubio", "say")]


def test_will_promise_with_quoted_words_is_a_statement():
    text = "In his speech, he will promise to use American power “to oppose any violations of airspace.”"
    assert ("he", "promise") in _pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kerry is expected to announce the deal on Friday.",
        "He is expected to say that taxes will rise.",
        "The firm will unveil its plan next week.",
        "He should say “sorry” to the families.",
    ],
)
def test_a_future_event_without_its_words_stays_no_statement(text):
    assert _pairs(text) == []


# ------------------------------------------------------------------ typing: "the panel"


def test_the_panel_is_the_committee_that_spoke_before():
    text = "The Senate Intelligence Committee said on Tuesday it would act. The panel also said it would sue."
    assert [(r[1], r[2]) for r in _rows(text)] == [
        ("named_organization", "Senate Intelligence Committee")
    ] * 2
