"""Issue 21, round eleven: classes of error read on the end-to-end gold's check9 part after its one
held-out score (two before and after numbers in docs/attribution.md). Generated sentences; each test of a
change fails on the code before it."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Vicente Fox spoke first. Mr. Fox's successor, Felipe Calderón, said the wall was a waste.",
            "Felipe Calderón",
        ),
        (
            "John Cornyn spoke. Cornyn's Democratic campaign counterpart, Sen. Bob Menendez, D-NJ, said "
            "the race was close.",
            "Bob Menendez",
        ),
        ("Fairfax's first accuser, Dr. Vanessa Tyson, alleges that he assaulted her.", "Vanessa Tyson"),
    ],
)
def test_an_owners_description_names_the_person_in_its_appositive(text, speaker):
    # "Mr. Fox's successor, Felipe Calderón": was anonymous (the owner's name blocked the appositive)
    last = _rows(text)[-1]
    assert last[1:3] == ("named_person", speaker)


def test_a_named_persons_fans_are_a_vague_group():
    # "Mr. Trump's adoring fans": was anonymous; people at large, as "his supporters"
    rows = _rows("Mr. Trump's adoring fans insist that the investigation is a hoax.")
    assert [r[1] for r in rows] == ["unnamed_group"]


def test_one_fan_is_an_unnamed_person():
    # guard: the singular stays a person
    assert [r[1] for r in _rows("A fan said the game was great.")] == ["anonymous"]


def test_an_occupation_of_the_articles_main_person_is_that_person():
    # "the actress complained" (Scarlett Johansson, audit part C), "the real estate mogul concluded" (Trump,
    # check9): were anonymous; a definite description of the person the article names most
    text = (
        "Scarlett Johansson faced backlash for a role. Johansson said she should be allowed to play anyone. "
        "In an interview, the actress complained about political correctness."
    )
    assert [r[1:3] for r in _rows(text) if r[0] == "the actress"] == [("named_person", "Scarlett Johansson")]
