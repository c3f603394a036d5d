"""Issue 21, round twelve: attributions the extractor missed (detection recall), by grammatical class, read on
the end-to-end gold's misses: a coordinated cue whose clause opens with a conjunction ("But he ..., and
said"), a subject before a relative clause or appositive whose quotation closes after its comma ("X, who
called it "a disaster," said"), a listed act ("intimating"), a party-modified description of a candidate
("The GOP front-runner") and ", per the Post". Generated sentences; each first test fails on the code
before, the guards pass on both."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _row(text: str, cue: str) -> tuple[str, str, str, str]:
    """The one row with cue ``cue``."""
    hit = [r for r in _rows(text) if r[3] == cue]
    assert len(hit) == 1, _rows(text)
    return hit[0]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "Mike Huckabee announced his run on Tuesday. In 2007 he called climate change real. But more "
            'recently he has minimized it as a threat, and said he opposes "cap and trade" legislation.',
            "said",
            "Mike Huckabee",
        ),
        (
            "Jeh Johnson spoke to the committee on Tuesday. But he declined to criticize sanctuary cities "
            "themselves, and told Congress not to pass laws forcing them to cooperate.",
            "told",
            "Jeh Johnson",
        ),
    ],
)
def test_a_coordinated_cue_after_an_opening_conjunction_has_the_clause_subject(text, cue, speaker):
    # the rules stopped the clause subject at "But", a lone conjunction no row keeps: no row before
    source, _, spk, _ = _row(text, cue)
    assert spk == speaker and source != "But"


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "Mick Mulvaney spoke on Sunday. Mulvaney, who also appeared on NBC's "
            "\u201cMeet the Press,\u201d said Mexico could take various steps.",
            "said",
            "Mick Mulvaney",
        ),
        (
            "Immigration was debated on Monday. Sen. Lindsey Graham of South Carolina, a member of the "
            '"Gang of Eight," noted it would take a couple of years to train the new agents.',
            "noted",
            "Lindsey Graham",
        ),
    ],
)
def test_a_subject_before_a_clause_whose_quotation_closes_after_its_comma(text, cue, speaker):
    # the cue after ',"' had no source: no row before
    assert _row(text, cue)[2] == speaker


def test_a_subject_inside_a_quotation_is_none():
    # guard: the comma and closing quote of a quoted statement ("..., that's really rare," said Akin said)
    # do not close a clause after a subject inside the quotation
    text = (
        "Todd Akin answered a question on Sunday. "
        '"From what I understand from doctors, that\'s really rare," said Akin said of such pregnancies.'
    )
    assert all(not r[0].startswith(("From", "I")) for r in _rows(text)), _rows(text)


def test_a_participle_after_a_closing_quotation_is_no_new_subject():
    # guard: ', calling' after '"a lot of laundry to do,"' continues the statement (Allison Jean's)
    text = (
        "Later, Botham Jean's mother, Allison Jean, said the Dallas Police Department has "
        '"a lot of laundry to do," calling for better training.'
    )
    sources = {r[0] for r in _rows(text)}
    assert not any("laundry" in s for s in sources), _rows(text)


def test_intimating_is_a_statement():
    text = (
        "Richard Blumenthal spoke in Norfolk in 2008. He described the hostile reaction directed at veterans "
        "coming back from Vietnam, intimating that he was among them."
    )
    assert _row(text, "intimating")[2] == "Richard Blumenthal"


def test_a_party_modified_description_of_a_candidate_is_the_person_its_title_run_names():
    text = (
        "Former Mexican President Vicente Fox says Mexico will not pay for a wall, despite what GOP "
        "presidential hopeful Donald Trump may claim. Fox said he is not willing to fund it. The GOP "
        "front-runner insists he will coerce Mexico into paying for a wall."
    )
    source, rtype, spk, _ = _row(text, "insists")
    assert (rtype, spk) == ("named_person", "Donald Trump")


def test_a_description_naming_its_person_keeps_its_name():
    # guard: "The former Ohio governor and candidate ... John Kasich" names Kasich, not the GOP hopeful
    text = (
        "GOP presidential hopeful Donald Trump spoke on Monday. The former Ohio governor and candidate "
        "for the presidential nomination John Kasich tweeted that Trump was wrong."
    )
    assert _row(text, "tweeted")[2] in ("John Kasich", "")


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "He met his lawyers over several sessions, per the Washington Post. He then left.",
            "the Washington Post",
        ),
        (
            "About 1,100 Lebanese perished, per Human Rights Watch, a US-based advocacy group.",
            "Human Rights Watch",
        ),
        ("(Mueller mentioned that possibility to Trump's team, per the Post.)", "the Post"),
    ],
)
def test_per_a_source_is_according_to_it(text, source):
    # ", per the Post" had no row
    assert _row(text, "per")[0] == source


def test_per_as_a_rate_is_no_cue():
    # guard: "$3 per gallon", "per capita", "as per" are no attribution
    text = "Gas cost $3 per gallon, and income per capita fell, as per the forecast."
    assert all(r[3] != "per" for r in _rows(text)), _rows(text)


def test_a_participle_with_content_after_an_inverted_source_shares_it():
    # ", noting that" after "said Rep. X of Kentucky" had no row: the comma right after the source stopped it
    text = (
        '"A lot of this is about the way it was passed," said Rep. Ed Whitfield of Kentucky, noting that the '
        "House leadership at the time permitted no amendments."
    )
    assert _row(text, "noting")[2] == "Ed Whitfield"


def test_a_participle_without_content_after_an_inverted_source_is_the_outlets_gloss():
    # guard: "underscoring the extent to which ..." glosses the quotation (the gold guide's call)
    text = (
        "\u201cI\u2019ve been by Mike\u2019s side for 19 years, and I\u2019ve never met Donald Trump,\u201d "
        "said Kevin Sheekey, an adviser to Mr. Bloomberg, underscoring the extent to which the men were not "
        "close."
    )
    assert all(r[3] != "underscoring" for r in _rows(text)), _rows(text)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "The White House referred questions to the Justice Department, which said it was reviewing the "
            "decision.",
            "said",
            "Justice Department",
        ),
        (
            "The remarks were criticized by Human Rights Watch, a leading international rights group, which "
            "warned that the plan broke the law.",
            "warned",
            "Human Rights Watch",
        ),
        (
            "The campaign was set in motion by an editor at the Boston Globe, which argued in its own "
            "editorial that the label was dangerous.",
            "argued",
            "Boston Globe",
        ),
    ],
)
def test_a_which_clause_opening_with_a_cue_is_its_antecedents_statement(text, cue, speaker):
    # ", which said" had no source: no row
    assert _row(text, cue)[2] == speaker


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Trump called the governor after the shooting in El Paso, which claimed 20 lives.", "claimed"),
        (
            "Wyden is the ranking member on the Senate Finance Committee, which confirmed Price as "
            "secretary.",
            "confirmed",
        ),
        ("The poll was taken amid new data released Friday, which show the unemployment rate fell.", "show"),
    ],
)
def test_a_which_clause_on_a_place_a_vote_or_a_date_is_none(text, cue):
    # guards: the place of an event, a confirmation vote, a date are no speaker
    assert all(r[3] != cue for r in _rows(text)), _rows(text)


def test_the_subject_of_was_quoted_as_saying_is_the_speaker():
    # "saying" after "was quoted as" had no source: no row
    text = (
        "Mike Huckabee announced his run on Tuesday. In 2007 Mr. Huckabee was quoted as saying, "
        '"Climate change is here, it\'s real."'
    )
    source, _, speaker, _ = _row(text, "saying")
    assert (source, speaker) == ("Mr. Huckabee", "Mike Huckabee")


def test_per_a_law_is_no_source():
    # guard: "per the ... Act" is "in accordance with" (AllSides dev gold, 4JcNJub6SPrKSOeO)
    text = (
        "Trump said he would punish anyone who destroys a federal monument with up to 10 years in prison, "
        "per the Veteran's Memorial Preservation Act."
    )
    assert all(r[3] != "per" for r in _rows(text)), _rows(text)


def test_per_a_plan_is_no_source():
    # guard: "per the McKinley plan" (PolNeAR dev) is "in accordance with"
    text = (
        "Say a degree will cost $160,000 in 18 years. A quarter of that, per the McKinley plan, is $40,000."
    )
    assert all(r[3] != "per" for r in _rows(text)), _rows(text)
