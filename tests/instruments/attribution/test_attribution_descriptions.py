"""Issue 21, round nine (lane: speakers and types): a party member described rather than named ("the top
Democrat on the committee", "the billionaire ex-Republican") is the person the text gives that role, else
(a position in a body, named nowhere) a specific unnamed person, never a guessed name. Read on the
end-to-end gold's check4/check5 parts (tuning data) and checked on generated sentences; each test fails on
the code before the fix."""

from __future__ import annotations

import itertools

import pytest
from conftest import attribution_rows as _rows

_PEOPLE = ("Mark Warner", "Susan Collins", "Adam Schiff")
_TAGS = ("D-Va.", "R-Maine", "D-Calif.", "I-Vt.")
_ROLES = ("the top Democrat on the committee", "the ranking Republican on the panel")


def _said(rows: list[tuple[str, str, str, str]], source: str) -> tuple[str, str]:
    """(type, speaker) of the one row whose source ends with ``source`` (the model may keep the name)."""
    hit = [r for r in rows if r[0].endswith(source)]
    assert len(hit) == 1, rows
    return hit[0][1], hit[0][2]


@pytest.mark.parametrize("name, tag, role", list(itertools.product(_PEOPLE, _TAGS, _ROLES)))
def test_a_party_state_tag_between_a_name_and_its_appositive_keeps_the_name(name, tag, role):
    # "Sen. Mark Warner, D-Va., the top Democrat on the committee, identified ...": was a body
    text = f"The committee met on Tuesday. Sen. {name}, {tag}, {role}, said the businesses were subpoenaed."
    assert _said(_rows(text), role) == ("named_person", name)


@pytest.mark.parametrize(
    "modifier, party",
    list(itertools.product(("billionaire", "freshman", "veteran"), ("ex-Republican", "Democrat"))),
)
def test_a_party_member_described_right_after_a_speaker_is_that_speaker(modifier, party):
    # "The billionaire ex-Republican, who has endorsed ..., made the case": was anonymous, no speaker
    text = (
        "Michael Bloomberg spoke in Philadelphia on Wednesday. “We know a con when we see one,” he said.\n\n"
        f"The {modifier} {party}, who has endorsed Hillary Clinton, said the nominee was dangerous."
    )
    assert _said(_rows(text), f"The {modifier} {party}") == ("named_person", "Michael Bloomberg")


@pytest.mark.parametrize(
    "role", ["The top Democrat on the Senate intelligence panel", "The Senate’s top Republican"]
)
def test_a_position_nobody_holds_in_the_text_is_no_guessed_name(role):
    # AllSides: "The top Democrat on the Senate intelligence panel said" went to the last speaker
    text = f"President Donald Trump said the inspector general was fired. {role} said the firing was wrong."
    assert _said(_rows(text), role) == ("named_person", "")


@pytest.mark.parametrize("title", ["Virginia Sen.", "Sen.", ""])
def test_a_position_with_its_holder_apposed_after_it_is_the_holder(title):
    text = (
        "President Donald Trump said the inspector general was fired. The top Democrat on the Senate "
        f"intelligence panel, {title} Mark Warner, said the firing was wrong."
    ).replace(",  ", ", ")
    assert _said(_rows(text), "The top Democrat on the Senate intelligence panel") == (
        "named_person",
        "Mark Warner",
    )


@pytest.mark.parametrize("party, tag", [("Democrat", "R-N.C."), ("Republican", "D-Mich.")])
def test_a_described_party_member_is_never_the_last_speaker_of_another_party(party, tag):
    # AllSides: "Meadows immediately responded ... The freshman Democrat then clarified" went to Meadows
    other = "D-Mich." if tag.startswith("R") else "R-N.C."
    text = (
        f"Rep. Rashida Tlaib ({other}) questioned the witness. Rep. Mark Meadows ({tag}) invited a guest. "
        f"Tlaib said the guest was a prop. Meadows immediately responded, asking that Tlaib’s comments be "
        f"stricken. The freshman {party} then clarified her comments."
    )
    assert _said(_rows(text), f"The freshman {party}") == ("named_person", "Rashida Tlaib")


@pytest.mark.parametrize("tag", ["D-New York", "R-Texas", "D-N.Y."])
def test_a_party_state_tag_is_no_speaker(tag):
    # AllSides: "Rep. Nita Lowey, D-New York, the top Democrat on ..., said" went to "D-New York"
    text = f"Rep. Nita Lowey, {tag}, the top Democrat on the House spending panel, said the bill was late."
    assert _said(_rows(text), "the top Democrat on the House spending panel")[1] == "Nita Lowey"


@pytest.mark.parametrize(
    "group",
    ["His Republican opponents", "Her supporters", "Their Democratic critics", "his Republican opponents"],
)
def test_a_possessed_vague_group_is_vague_whatever_its_capitals(group):
    # BASIL check4: "his Republican opponents" was anonymous (the sentence's "His" or the party's capital)
    text = f"Smith faces a tough race this fall. {group[0].upper()}{group[1:]} say he is weak on crime."
    assert _said(_rows(text), f"{group[0].upper()}{group[1:]}")[0] == "unnamed_group"


@pytest.mark.parametrize(
    "source", ["A grand jury in San Diego", "A neighbor in San Diego", "A neighbor at Fort Bragg"]
)
def test_a_place_after_an_unnamed_source_is_not_its_name(source):
    # BASIL check4: "A grand jury in San Diego indicted ..., saying" was the person "San Diego"
    text = f"The couple was charged on Tuesday. {source} said the couple misused the money."
    assert _said(_rows(text), source) == ("anonymous", "")


def test_a_named_source_in_a_place_keeps_its_name():
    text = "The couple was charged on Tuesday. Joe Penney in Great Falls said the couple fled."
    assert _said(_rows(text), "Joe Penney in Great Falls")[0] == "named_person"
