"""Issue 21, round twelve (src28): broken source spans and non-statements read on the AllSides audit's
part D: a hover card glued to its "MORE" ("... votes MORE said") is no source, the linked name before it
is; "House | and Senate Republicans" is one group; "Its state | media" takes its head; a role described
with its complement then a full name is that person ("Top aide to Donald Trump Kellyanne Conway told");
"added" before a figure and "prices charged by" are no statements ("declared a state of emergency" stays
one: the declaration's words may be quoted after it).
Generated sentences; each test of a change fails on the code before it (guards pass on both)."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

_CARD = (
    "President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial 2020 Democrats make "
    "play for veterans' votes MORE on Thursday defended the payment, saying it had nothing to do with the "
    "campaign."
)


def test_card_before_more_is_no_source() -> None:
    """The card's headline words before "MORE" are blanked: the source is the linked name before them."""
    rows = _rows(_CARD)
    assert rows and all(r[0] == "President Trump" and r[1] == "named_person" for r in rows), rows


def test_card_glued_to_more_ends_there() -> None:
    """A card whose "MORE" is glued to the legal name ends at it: the next card does not swallow the name
    written between them."""
    text = (
        "Sen. John Kennedy John Neely KennedyMORE (R-La.) questioned Grassley on the rules. Sen. Thom Tillis "
        "Thomas (Thom) Roland TillisThis week: House kicks off public phase of impeachment inquiry MORE "
        "(R-N.C.), meanwhile, asked if the tactics were proper."
    )
    got = {(r[2], r[3]) for r in _rows(text)}
    assert ("Thom Tillis", "asked") in got and ("John Kennedy", "questioned") in got, got


def test_card_before_possessive_is_closed_up() -> None:
    """A card before a possessive is closed up: the speaker is the person the possessive describes."""
    text = (
        "President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial MORE's son-in-law "
        "Jared Kushner flatly denied colluding with the Russian government."
    )
    rows = _rows(text)
    assert [(r[0], r[2]) for r in rows] == [("President Trump's son-in-law Jared Kushner", "Jared Kushner")]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "House and Senate Republicans accused Obama of acting illegally, citing laws.",
            "House and Senate Republicans",
        ),
        ("Senate and House Democrats said the bill would pass.", "Senate and House Democrats"),
    ],
)
def test_two_chambers_are_one_group(text: str, source: str) -> None:
    """A source cut at the "and" of "House and Senate" takes the group after it."""
    rows = _rows(text)
    assert rows and all(r[0] == source and r[1] != "anonymous" for r in rows), rows


def test_one_chamber_stays_a_body() -> None:
    """Guard: "The House and Senate passed it" is no speaker; "officials said" stays."""
    assert [r[0] for r in _rows("The House and Senate passed it, officials said.")] == ["officials"]


def test_span_takes_its_head() -> None:
    """ "Its state | media kept up ..., reiterating": the source is the state media, a body."""
    text = (
        "Beijing said on Monday it would never surrender to external pressure. Its state media kept up a "
        "steady drum beat of strongly worded commentary, reiterating that China would fight back."
    )
    rows = [r for r in _rows(text) if r[3] == "reiterating"]
    assert [(r[0], r[1]) for r in rows] == [("Its state media", "named_organization")], rows


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'Top aide to Donald Trump Kellyanne Conway told "Fox and Friends" Monday she was concerned.',
            "Kellyanne Conway",
        ),
        ("Acting White House chief of staff Mick Mulvaney on Sunday defended the remarks.", "Mick Mulvaney"),
    ],
)
def test_role_with_complement_then_name(text: str, speaker: str) -> None:
    """A role described with its complement, then a full name: that person."""
    assert [(r[1], r[2]) for r in _rows(text)] == [("named_person", speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "An adviser to President Donald Trump said the talks failed.",
        "A spokesman for Gov. Jerry Brown said no.",
        "A spokesman for Donald Trump said no.",
    ],
)
def test_complement_name_is_not_the_speaker(text: str) -> None:
    """Guard: the name of the role's complement is not the speaker (the role holder stays anonymous)."""
    assert [r[1] for r in _rows(text)] == ["anonymous"]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. economy added 211,000 jobs in January, and wages grew.",
        "Health care businesses added 21,000 new hires.",
        "The economy has added jobs for 88 consecutive months.",
        "Analysts expect a reduction in prices charged by Chinese exporters.",
    ],
)
def test_no_statement(text: str) -> None:
    """A figure added, prices charged: no row."""
    assert _rows(text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ('"We will win," she added. 15 people were hurt.', "added"),
        ("The governor added that 2015 was a record year.", "added"),
        ("Critics charged that the bill was rushed.", "charged"),
        (
            'Gov. Gavin Newsom declared a state of emergency "to protect public safety amid land movement."',
            "declared",
        ),
    ],
)
def test_statements_stay(text: str, cue: str) -> None:
    """Guard: "she added", "added that", "charged that", a declaration quoting its words stay statements."""
    assert cue in [r[3] for r in _rows(text)], _rows(text)
