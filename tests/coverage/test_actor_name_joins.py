"""Event actors (issue 23, round eight): a body's name with a function word inside is one name, and the
names of events, shows, programmes, pacts and venues (or fragments of them) are no actors."""

from __future__ import annotations

import helpers

NO_ALIASES = helpers.ROOT / "tests" / "gold" / "no_aliases.csv"


def actors(texts: list[str]) -> set[str]:
    """The event's canonical actors without an alias list."""
    return set(helpers.event_actors(texts, NO_ALIASES)["actor"])


def test_a_body_marked_by_the_text_keeps_its_function_word():
    texts = [
        "Kevin Sabet, president of anti-legalization group Smart Approaches to Marijuana, applauded it.",
        "According to an analysis by Fix the Court, a group that pushes for reform at the Supreme Court. "
        "Fix the Court found that most recusals were due to prior work.",
        "Rep. Paul Ryan, chairman of the House Ways and Means Committee, spoke.",
    ]
    got = actors(texts)
    assert {"Smart Approaches to Marijuana", "Fix the Court", "House Ways and Means Committee"} <= got
    assert not got & {"Smart Approaches", "Court", "House Ways", "Means Committee"}
    rows = helpers.event_actors(texts, NO_ALIASES)
    assert (rows.actor == "Fix the Court").sum() == 2  # the repeat at a sentence's start is the same body


def test_function_words_join_nothing_without_a_body_cue():
    texts = ["President Trump spoke to Congress on Tuesday. Obama and Senate Democrats met the press.",
             "Donald Trump wrote to Congress. The House and Senate voted."]  # fmt: skip
    got = actors(texts)
    assert {"Congress", "Democratic Party", "Senate", "House of Representatives"} <= got
    assert not any(" to " in a or " and " in a for a in got)


def test_event_show_programme_and_venue_names_are_no_actors():
    texts = [
        "Mattis wrote about the NATO Defense Ministerial meeting in February. Mr. Mattis praised the "
        "“Defeat ISIS” coalition. He alluded to a “Daily Show” sketch.",
        "Mr. Sanders said on CBS’s “Face the Nation,” that he opposed it. Clinton spoke at the Iowa State "
        "Fairgrounds about the Trans Pacific Partnership and Pacific Rim nations.",
        "Clinton said any deal should include the scuttled Trade Adjustment Assistance program. The Justice "
        "Against Sponsors of Terrorism Act, or JASTA, moved to the floor.",
    ]
    got = actors(texts)
    assert "NATO" in got and "CBS" in got
    junk = {"Ministerial", "Defeat ISIS", "Daily Show", "Nation", "Fairgrounds", "Iowa State Fairgrounds",
            "Trans Pacific Partnership", "Pacific Rim", "Trade Adjustment Assistance", "JASTA",
            "Justice Against Sponsors of Terrorism Act", "Justice Against"}  # fmt: skip
    assert not got & junk, got & junk


def test_a_title_before_a_place_word_still_makes_a_surname():
    got = actors(["Mr. Washington said the plan would fail.", "Mr. Washington left."])
    assert got == {"Washington"}


def test_the_acronym_of_a_named_pact_is_no_body_either():
    texts = ["Clinton spoke on the Trans Pacific Partnership trade proposal. She said TPP would fail.",
             "Obama backed the Trans-Pacific Partnership. The TPP is a deal. The RNC (Republican National "
             "Committee) met. He held a rally outside of R.F.K. Stadium in Washington."]  # fmt: skip
    got = actors(texts)
    assert not got & {"TPP", "Trans Pacific Partnership", "RFK", "R.F.K. Stadium"}
    assert "Republican National Committee" in got
