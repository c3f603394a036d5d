"""Issue 21, fifth round: classes of errors read on the end-to-end gold's ``check3`` part (now tuning data)
and on a fresh BASIL event (Nebraska and Oklahoma sue Colorado over marijuana). Each test fails on the
code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

# ------------------------------------------------------------------ vague groups and documents


@pytest.mark.parametrize(
    "text, source",
    [
        ("Legal scholars say it is too early to know how the court might rule.", "Legal scholars"),
        (
            "Law enforcement agencies have long said that they are feeling the impacts.",
            "Law enforcement agencies",
        ),
    ],
)
def test_a_sentence_initial_capital_leaves_a_vague_group_vague(text, source):
    assert _rows(text) == [(source, "unnamed_group", "", _rows(text)[0][3])]


def test_a_proper_adjective_written_mid_sentence_is_no_sentence_capital():
    # round twelve: "Republican lawmakers" are a vague group wherever written; a party's leaders stay as typed
    text = "Democratic leaders said it was fine, and Democratic Gov. Jay Inslee agreed."
    assert _rows(text)[0][:2] == ("Democratic leaders", "anonymous")


def test_the_suit_is_a_document():
    assert _rows("“Marijuana flows from this gap into neighboring states,” the suit says.") == [
        ("the suit", "document", "", "says")
    ]


def test_a_vague_group_with_a_named_person_added_is_vague_and_so_is_they():
    text = (
        "But state lawmakers and Republican Gov. Mike Pence have been defending the act ever since the "
        "governor signed it into law on Thursday. They note that then-President Bill Clinton in 1993 signed "
        "similar federal legislation into law."
    )
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("unnamed_group", ""), ("unnamed_group", "")]


# ------------------------------------------------------------------ states speak as governments


@pytest.mark.parametrize(
    "text",
    [
        "Oklahoma said the influx had led to more arrests.",
        "Nebraska and Oklahoma asked the U.S. Supreme Court to declare it unconstitutional.",
        "Texas says it will appeal the ruling.",
    ],
)
def test_a_us_state_speaking_is_an_organization(text):
    got = _rows(text)
    assert got and all(t == "named_organization" for _, t, _, _ in got)


def test_they_after_coordinated_states_is_both_states():
    text = (
        "Oklahoma and Nebraska said the influx had led to more arrests. They say it has also forced "
        "agencies to spend more time on marijuana."
    )
    assert _rows(text)[-1][1:] == ("named_organization", "Oklahoma and Nebraska", "say")


# ------------------------------------------------------------------ people, roles and their holders


def test_an_indefinite_appositive_names_nobody_and_gov_is_the_governor():
    text = (
        "Gov. Mike Pence of Indiana said over the weekend that he would seek legislation. The governor, a "
        "Republican, told The Indianapolis Star on Saturday that he was taken aback."
    )
    assert _rows(text)[-1] == ("The governor, a Republican", "named_person", "Mike Pence", "told")


def test_a_name_with_a_professor_appositive_is_a_person():
    text = "“It is a no-man's-land,” said Sam Kamin, a University of Denver law professor."
    assert _rows(text)[0][1:3] == ("named_person", "Sam Kamin")


def test_a_body_s_named_person_is_that_person():
    text = "Marijuana Industry Group's Mike Elliott echoed Tvert's sentiments on Thursday."
    assert _rows(text)[0][1:3] == ("named_person", "Mike Elliott")


def test_a_place_s_role_description_is_the_person_named_with_that_place():
    text = (
        "Colorado's top law enforcement official promises to vigorously defend the state's law.\n\n"
        "The two states filed a lawsuit. Colorado Attorney General John Suthers said the lawsuit was "
        "without merit."
    )
    assert _rows(text)[0] == (
        "Colorado's top law enforcement official",
        "named_person",
        "John Suthers",
        "promises",
    )


def test_a_place_s_role_stays_anonymous_when_no_one_is_named_with_that_place():
    text = "Colorado's top law enforcement official promises to defend it. Nebraska's Jon Bruning disagreed."
    assert _rows(text)[0][1] == "anonymous"


def test_the_mayors_of_a_named_city_are_unnamed_holders_of_a_role():
    text = "The mayors of Minnesota's Twin Cities, Minneapolis and St. Paul, have also condemned the measure."
    assert _rows(text)[0][1:3] == ("anonymous", "")


def test_a_number_of_people_is_a_vague_group_but_a_number_of_officials_are_withheld():
    text = "A number of business leaders said they would not expand operations in Indiana."
    assert _rows(text) == [("A number of business leaders", "unnamed_group", "", "said")]
    assert _rows("A number of officials said the talks were over.")[0][1] == "anonymous"


def test_he_after_a_framing_phrase_continues_the_named_subject():
    text = (
        "“These are the issues,” Mr. Sanders said.\n\nShortly after their meeting, Mr. Obama endorsed "
        "Mrs. Clinton in a video. He also praised the campaign that Mr. Sanders ran."
    )
    assert _rows(text)[-1][2:] == ("Obama", "praised")


# ------------------------------------------------------------------ source spans


def test_a_participle_is_never_an_inverted_cue():
    text = (
        "“I will work as hard as I can,” Mr. Sanders told reporters, saying the Manhattan businessman “makes "
        "bigotry the cornerstone of his campaign.” He said he would continue fighting."
    )
    assert [(spk, cue) for _, _, spk, cue in _rows(text)] == [
        ("Sanders", "told"), ("Sanders", "saying"), ("Sanders", "said")
    ]  # fmt: skip


def test_a_clause_subject_stops_before_its_verb():
    # The row is the CRF's (the rules alone give none). With "Court Thursday, claiming" (the article's
    # words) the model refitted in round pol2 drops the row altogether: a known miss, see docs/attribution.md.
    text = (
        "The states of Nebraska and Oklahoma filed a federal lawsuit in the U.S. Supreme Court, "
        "claiming that Colorado's law is unconstitutional."
    )
    assert _rows(text) == [
        ("The states of Nebraska and Oklahoma", "named_organization", "Nebraska and Oklahoma", "claiming")
    ]


def test_the_object_of_a_relative_clause_is_no_part_of_its_source():
    text = "They include keeping it in-state — something Oklahoma and Nebraska says Colorado failed to do."
    assert [s for s, *_ in _rows(text)] == ["Oklahoma", "Nebraska"]


def test_a_person_involved_in_something_is_the_source_before_the_cue():
    text = "He discussed whether Ms. Toner should be removed, a person involved in the conversations said."
    assert _rows(text, learned=False) == [("a person involved in the conversations", "anonymous", "", "said")]


# ------------------------------------------------------------------ only statements, every cue


@pytest.mark.parametrize(
    "text",
    [
        "The law might protect a Christian florist who denied service to a gay couple.",
        "Brian Vicente, a legalization advocate who wrote Amendment 64, was in the room.",
    ],
)
def test_refusing_service_and_authoring_a_law_are_no_statements(text):
    assert _rows(text) == []


def test_what_a_book_says_stays_a_statement():
    text = "Back when he wrote his book, Mr. McKinley said that debt was a last resort."
    assert "wrote" in [c for *_, c in _rows(text)]  # PolNeAR counts it; authoring a law is no statement


def test_adding_that_continues_but_adding_a_new_quotation_is_a_row():
    assert [c for *_, c in _rows("“No,” Mr. Pence said, adding later: “I signed the bill.”")] == [
        "said",
        "adding",
    ]
    assert [c for *_, c in _rows("“No,” Mr. Pence said, adding that he signed the bill.")] == ["said"]


# ------------------------------------------------------------------ read on check4 after its first score


def test_a_few_of_a_group_is_vague_but_a_few_of_the_informed_stay_anonymous():
    assert _rows("A few of his GOP colleagues said he should resign.") == [
        ("A few of his GOP colleagues", "unnamed_group", "", "said")
    ]
    informed = _rows("A few of the officials familiar with the talks said it failed.")
    assert [r[1] for r in informed] == ["anonymous"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_contracted_refusal_is_no_statement_whatever_its_apostrophe(apostrophe):
    assert _rows(f"The company won{apostrophe}t disclose the amount.") == []
    assert _rows(f"The aide didn{apostrophe}t identify the donors.") == []
