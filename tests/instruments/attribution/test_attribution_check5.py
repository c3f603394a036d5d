"""Issue 21, round eight (src10): classes of missed cues and non-statements read on the end-to-end gold's
``check5`` part after its one score. Each test fails on the code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

# ------------------------------------------------------------------ speech acts (attribution_acts.csv)


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("Hunter castigated the prosecutors as partisan.", "Hunter", "castigated"),
        ("The group pushed back against the report on Friday.", "The group", "pushed back against"),
        ("Rubio advocated a stronger military.", "Rubio", "advocated"),
        ("The senator pressed for more support of rebels in Syria.", "The senator", "pressed for"),
        ("Her father offered support for gay marriage in 2009.", "Her father", "offered support for"),
    ],
)
def test_a_listed_speech_act_is_a_statement(text, source, cue):
    assert [(r[0], r[3]) for r in _rows(text)] == [(source, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "The vote was pushed back to May.",
        "She pressed the button twice.",
        "The mural depicted a harbour at dawn.",
    ],
)
def test_the_other_senses_of_a_speech_act_are_no_statement(text):
    assert _rows(text) == []


# ------------------------------------------------------------------ non-statements


@pytest.mark.parametrize(
    "text",
    [
        "America had a bigger budget and America asserted itself more aggressively across the globe.",
        "The elder Cheney daughter is challenging Sen. Mike Enzi in the primary.",
        "Akin is challenging Democratic Missouri Sen. Claire McCaskill.",
        "The expenses charged by Jackson and his wife to his campaign included a cruise.",
        "A spokesman referred questions to the campaign.",
    ],
)
def test_an_act_that_looks_like_speech_is_no_statement(text):
    assert _rows(text) == []


def test_a_referral_after_a_statement_is_not_a_second_one():
    text = (
        "A spokesman, Michael Harrison, said Tuesday that the congressman is innocent, and referred a "
        "reporter to a letter that his lawyer sent."
    )
    assert [r[3] for r in _rows(text)] == ["said"]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("He asserted that the plan would fail.", "asserted"),
        ("Republican candidates challenged Democrats to make their positions clear.", "challenged"),
        ("Prosecutors charged that Jackson had used the money for himself.", "charged"),
        ("He referred to the plan as a disaster.", "referred"),
    ],
)
def test_the_speech_senses_stay_statements(text, cue):
    assert cue in [r[3] for r in _rows(text)]


# ------------------------------------------------------------------ participles carried past a non-statement


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "A grand jury in San Diego indicted the Hunters on charges of filing false campaign finance "
            "records, saying the couple misused more than $250,000.",
            "A grand jury in San Diego",
        ),
        (
            "In an e-mail, Mary Cheney declined to comment further on her sister's position, saying she "
            "would let her post speak for itself.",
            "Mary Cheney",
        ),
    ],
)
def test_a_participle_after_a_clause_that_states_nothing_keeps_its_subject(text, source):
    assert [(r[0], r[3]) for r in _rows(text)] == [(source, "saying")]


def test_a_possessive_speech_with_a_modifier_is_a_document():
    rows = _rows("Bloomberg’s scathing speech mocked Trump’s business prowess.")
    assert [(r[0], r[1]) for r in rows] == [("Bloomberg’s scathing speech", "document")]


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("Mary Cheney took to Facebook to rebuke her sister.", "Mary Cheney", "took to Facebook to rebuke"),
        ("The senator has taken to Twitter to blast the plan.", "The senator", "taken to Twitter to blast"),
    ],
)
def test_taking_to_a_named_forum_is_a_statement(text, source, cue):
    assert [(r[0], r[3]) for r in _rows(text)] == [(source, cue)]


def test_taking_to_the_streets_is_no_statement():
    assert _rows("Protesters took to the streets to demand change.") == []


@pytest.mark.parametrize(
    "text, source",
    [
        ("The remarks have been widely condemned, including by Mr. Romney.", "Mr. Romney"),
        ("The plan was criticized, even by its supporters.", "its supporters"),
    ],
)
def test_a_passive_with_an_including_agent_is_the_agents_statement(text, source):
    assert [r[0] for r in _rows(text)] == [source]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "AARP CEO Barry Rand later issued a statement calling the article misleading.",
            "AARP CEO Barry Rand",
        ),
        ("The White House released a statement saying the talks would continue.", "The White House"),
    ],
)
def test_a_participle_after_an_issued_statement_is_its_issuers(text, source):
    assert [r[0] for r in _rows(text)] == [source]
