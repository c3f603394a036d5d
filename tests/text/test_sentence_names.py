"""Issue 21: initials, middle initials, party-state tags and Jr./Sr. never end a sentence (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import helpers

FIRST = st.sampled_from(["George", "Vladimir", "Jacob", "Lindsey", "Tom", "Martin", "Ann", "Kamala", "Joe"])
LAST = st.sampled_from(["Bush", "Putin", "Lew", "Graham", "Cotton", "King", "Lee", "Harris", "Biden"])
LETTER = st.sampled_from("ABCDEFGHJKLMNPRSTVW")
INITIALS = st.lists(LETTER, min_size=1, max_size=3).map(lambda xs: "".join(f"{x}." for x in xs))
SUFFIX = st.sampled_from(["", " Jr.", " Sr."])
PARTY = st.sampled_from("RDI")
STATE = st.sampled_from(["S.C.", "Ark.", "N.Y.", "Ariz.", "Calif.", "Mass.", "Ky.", "Tenn.", "N.H.", "Wis."])
TITLE = st.sampled_from(["Sen.", "Rep.", "Gov.", "President", "Mr.", "Dr."])
VERB = st.sampled_from(["said the plan would work.", "met reporters on Monday.", "spoke at length."])
NEXT = "He left the room."


def _two(text: str, first: str) -> None:
    """The text splits into exactly ``first`` and the next sentence."""
    assert helpers.sentences(text) == [first, NEXT]


@settings(max_examples=60, deadline=None)
@given(TITLE, FIRST, INITIALS, LAST, SUFFIX, VERB)
def test_initials_and_suffixes_never_end_a_sentence(title, first, initials, last, suffix, verb):
    sent = f"{title} {first} {initials} {last}{suffix} {verb}"
    _two(f"{sent} {NEXT}", sent)


@settings(max_examples=60, deadline=None)
@given(TITLE, FIRST, LAST, PARTY, STATE, VERB)
def test_party_state_tag_in_parentheses_never_ends_a_sentence(title, first, last, party, state, verb):
    sent = f"{title} {first} {last} ({party}-{state}) and Sen. Ann Lee ({party}-{state}), {verb}"
    _two(f"{sent} {NEXT}", sent)


@settings(max_examples=60, deadline=None)
@given(TITLE, FIRST, LAST, PARTY, STATE, VERB)
def test_party_state_tag_between_commas_never_ends_a_sentence(title, first, last, party, state, verb):
    sent = f"{title} {first} {last}, {party}-{state}, {verb}"
    _two(f"{sent} {NEXT}", sent)


@settings(max_examples=30, deadline=None)
@given(FIRST, LAST, PARTY, STATE)
def test_party_state_tag_at_the_end_still_ends_the_sentence(first, last, party, state):
    sent = f"The bill passed, said Sen. {first} {last}, {party}-{state}"
    _two(f"{sent} {NEXT}", sent)


def test_dotted_abbreviation_before_a_lower_case_word():
    text = f"The group met in Washington, D.C. on Monday. {NEXT}"
    assert helpers.sentences(text) == ["The group met in Washington, D.C. on Monday.", NEXT]


def test_abbreviation_before_a_capital_still_ends():
    assert helpers.sentences(f"He lives in Washington, D.C. {NEXT}") == ["He lives in Washington, D.C.", NEXT]
