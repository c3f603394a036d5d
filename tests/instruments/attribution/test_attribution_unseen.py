"""Issue 21, third round: errors a reader saw on a BASIL event nobody had tuned on (triplet e71d149d,
"Democrats demand release of full Mueller report"). Each test fails on the code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

import helpers
from outlet_comparison.instruments.attribution.rules import find_aliases, load_rules


def _countries(text: str) -> list[str]:
    """The countries (and bodies) the alias lists find in ``text``."""
    return [a.canonical for _, a in find_aliases(load_rules(), text)]


# ------------------------------------------------------------------ 1. places that end in a country's name


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Cory Booker of New Jersey",
        "Gov. Michelle Lujan Grisham of New Mexico",
        "officials in New Guinea",
        "New Jersey Gov. Phil Murphy",
        "Mr. Jordan",
    ],
)
def test_a_country_name_ending_a_longer_capitalised_name_is_no_country(text):
    assert _countries(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sen. David Perdue of Georgia",
        "a rally in Atlanta, Georgia",
        "Georgia Republicans",
        "Georgia's secretary of state",
    ],
)
def test_georgia_written_as_the_us_state_is_no_country(text):
    assert _countries(text) == []


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Neighboring Turkey", ["Turkey"]),  # a sentence-initial adjective is no part of the name
        ("Papua New Guinea", ["Papua New Guinea"]),
        ("Georgia's president", ["Georgia"]),
        ("Russia and Georgia", ["Russia", "Georgia"]),
        ("Armenia, Georgia", ["Armenia", "Georgia"]),
        ("Senior Russian officials", ["Russia"]),  # demonyms are not names that can be a tail
    ],
)
def test_countries_still_found(text, countries):
    assert _countries(text) == countries


def test_a_senator_of_new_jersey_has_no_country_as_side():
    df = helpers.attributions("Sen. Cory Booker of New Jersey wrote that the report must be made public.")
    assert df[["speaker", "affiliation", "side"]].values.tolist() == [["Cory Booker", "", "other"]]


# ------------------------------------------------------------------ 2. "X of <place>, who <cue>"


@pytest.mark.parametrize(
    "text",
    [
        "It was a similar call from Sen. Amy Klobuchar of Minnesota, who tweeted that it must be public.",
        "The bill was backed by Sen. Amy Klobuchar (D-Minn.), who said that the report must be public.",
    ],
)
def test_who_after_a_person_of_a_place_is_the_person(text):
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_person", "Amy Klobuchar")]


# ------------------------------------------------------------------ 3. name particles with apostrophes


@pytest.mark.parametrize("mention", ["Rourke", "O'Rourke", "Mr. O'Rourke", "O’Rourke"])
def test_a_surname_with_a_particle_or_apostrophe_variant_is_the_person_named(mention):
    text = f"Former Rep. Beto O’Rourke spoke in Iowa on Friday. {mention} demanded Barr release the report."
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_person", "Beto O’Rourke")]


def test_a_name_with_an_apostrophe_stays_whole():
    assert [spk for _, _, spk, _ in _rows("Sen. Al D'Amato said it must be public.")] == ["Al D'Amato"]


# ------------------------------------------------------------------ 4. titles and a person's findings


def test_a_title_qualifier_is_no_part_of_the_name_or_the_affiliation():
    text = (
        "Special Counsel Robert Mueller's team said on Friday that it was done. Special Envoy Brett McGurk "
        "said so. Former Rep. John Delaney of Maryland called for it."
    )
    df = helpers.attributions(text)
    assert df[["speaker", "affiliation"]].values.tolist() == [
        ["Robert Mueller", ""],
        ["Brett McGurk", ""],
        ["John Delaney", ""],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The candidates faced a setback after Special Counsel Robert Mueller's investigation found no "
        "evidence of collusion.",
        "Robert Mueller was appointed in 2017. Robert Mueller's investigation found no evidence.",
    ],
)
def test_a_persons_investigation_that_found_is_a_document(text):
    df = helpers.attributions(text)
    assert df[["source_type", "speaker", "cue"]].values.tolist() == [["document", "", "found"]]
    assert df["affiliation"].tolist() == ["Robert Mueller"]


def test_a_persons_letter_that_said_is_still_the_person():
    text = "President Donald Trump spoke on Monday. Trump's letter said he was cleared."
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_person", "Donald Trump")]


# ------------------------------------------------------------------ 5. plural titles and lists of speakers


def test_a_plural_title_is_no_part_of_the_speakers_name():
    text = (
        "Ms. Warren and Mr. Booker — as well as Senators Kirsten Gillibrand and Kamala Harris — sought to "
        "focus attention. Ms. Gillibrand said it was time."
    )
    assert [spk for _, _, spk, _ in _rows(text)] == ["Kirsten Gillibrand"]


def test_a_list_of_speakers_is_one_row_per_speaker_never_one_glued_name():
    text = (
        "Four other candidates — Senators Amy Klobuchar of Minnesota; Gov. Jay Inslee of Washington; former "
        "Representative John Delaney; and Julián Castro — also called for the release of the full report."
    )
    got = [(t, spk) for _, t, spk, _ in _rows(text)]
    assert got == [
        ("named_person", "Amy Klobuchar"),
        ("named_person", "Jay Inslee"),
        ("named_person", "John Delaney"),
        ("named_person", "Julián Castro"),
    ]


# ------------------------------------------------------------------ 6. a dash opening a clause is no credit


def test_a_dash_before_a_clause_is_no_cue_and_with_several_saying_is_a_vague_group():
    text = (
        "CHARLESTON, S.C. — Democratic presidential candidates wasted no time Friday evening demanding the "
        "release of the report, with several saying that Americans deserved to know any findings."
    )
    assert _rows(text) == [("several", "unnamed_group", "", "saying")]


def test_a_dash_credit_after_a_quote_stays():
    text = "“It is over.” ― Adriana Rodarte, a mother of two"
    assert [(s, spk) for s, _, spk, _ in _rows(text)] == [("Adriana Rodarte", "Adriana Rodarte")]


# ------------------------------------------------------------------ 7. nominal cues


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Bernie Sanders (I-Vt.), who is running for the Democratic presidential nomination, echoed "
        "Trump’s own earlier call to release the report.",
        "Sen. Bernie Sanders (I-Vt.) echoed the similar demands of the candidates.",
    ],
)
def test_a_noun_after_a_possessive_or_an_adjective_is_no_cue(text):
    assert [(t, spk, cue) for _, t, spk, cue in _rows(text)] == [("named_person", "Bernie Sanders", "echoed")]


# ------------------------------------------------------------------ 8, 9. passives and auxiliaries


def test_an_agentless_passive_is_no_statement_and_the_participle_is_the_subjects():
    text = (
        "Earlier, Sen. Mark Warner (D-Va.) released a statement immediately after the Mueller report was "
        "revealed to be complete, demanding that Barr quickly put together a redacted version."
    )
    assert _rows(text) == [("Sen. Mark Warner (D-Va.)", "named_person", "Mark Warner", "demanding")]


def test_an_auxiliary_is_no_cue_and_a_person_and_a_body_are_two_speakers():
    text = (
        "Within hours of Mr. Mueller’s completing his investigation, Senator Elizabeth Warren and the "
        "campaign arm of House Democrats were already placing ads on Facebook demanding the report’s release."
    )
    got = _rows(text)
    assert [s for s, _, _, _ in got] == ["Senator Elizabeth Warren", "the campaign arm of House Democrats"]
    assert got[0][1:3] == ("named_person", "Elizabeth Warren")
    assert not any(cue.split()[0] in ("were", "already") for _, _, _, cue in got)
