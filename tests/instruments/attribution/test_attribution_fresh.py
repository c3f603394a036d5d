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
    text = "Republican lawmakers said it was fine, and Republican Gov. Mike Pence agreed."
    assert _rows(text)[0][:2] == ("Republican lawmakers", "anonymous")


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
