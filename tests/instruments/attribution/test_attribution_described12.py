"""Issue 21, round twelve (audit D, read after it was judged blind): descriptions that went to the wrong
person. An office with a place ("The Ohio governor", "The former New York City mayor") is the person the
text titles with that place, never the article's main person; each test fails on the code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _speaker(text: str, source: str) -> tuple[str, str]:
    """(type, speaker) of the one row whose source is ``source``."""
    hit = [r for r in _rows(text) if r[0] == source]
    assert len(hit) == 1, _rows(text)
    return hit[0][1], hit[0][2]


_KASICH = (
    "Donald Trump won the primary, with the race's governors - Chris Christie, Jeb Bush and John Kasich - "
    "looking for redemption. In Dixville Notch, Trump, Ohio Gov. Kasich and Texas Sen. Ted Cruz shared the "
    'vote. "Jeb is having some kind of a breakdown," Trump told CNN Monday. Trump said Bush was weak. '
    "Kasich, meanwhile, has taken a less confrontational approach, touting his record as governor. The Ohio "
    "governor has seemingly pinned his hopes on New Hampshire and said Sunday he is going in strong."
)
_GIULIANI = (
    "President Donald J. Trump said on Thursday that he repaid the payment. Trump said the money came from "
    "him. Trump said it was a private matter. During an interview late Wednesday with Fox News's Sean "
    "Hannity, Rudy Giuliani, another Trump lawyer, said the payment was made through a law firm. The former "
    "New York City mayor said Trump did not know about the specifics of the payment."
)


def test_an_office_with_a_place_is_the_person_titled_with_that_place():
    assert _speaker(_KASICH, "The Ohio governor") == ("named_person", "John Kasich")


def test_an_office_with_a_place_nobody_holds_continues_the_last_speaker_not_the_main_person():
    assert _speaker(_GIULIANI, "The former New York City mayor") == ("named_person", "Rudy Giuliani")


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (  # guard: an appositive gives the place's office too
            "John Kasich, the Ohio governor, spoke in Manchester. Donald Trump said Kasich was weak. Trump "
            "said so twice. The Ohio governor said he was going in strong.",
            "The Ohio governor",
            "John Kasich",
        ),
        (  # guard: nobody titled so, the speaker right before it is the person described
            "Donald Trump said the tea party was fine. Trump said so twice. Sarah Palin, a vocal tea party "
            "supporter, said in a statement that the claim was wrong. The former Alaska governor said "
            "claims that tea party activists are racist are false.",
            "The former Alaska governor",
            "Sarah Palin",
        ),
        (  # guard: an occupation a place only locates keeps its person (no office of the place)
            "Lanny Davis, a lawyer for Michael Cohen, spoke on Tuesday. The Washington lawyer told MSNBC "
            "there were indications that Trump knew in advance.",
            "The Washington lawyer",
            "Lanny Davis",
        ),
    ],
)
def test_guards(text: str, source: str, speaker: str):
    assert _speaker(text, source)[1] == speaker


_WALMART = (
    "The union-backed group OUR Walmart expects thousands of workers to walk out. The retailer said the "
    "actions have disrupted nothing. Nancy Cleeland said there are about 20 charges filed against Wal-Mart "
    "stores by employees and OUR Walmart. OUR Walmart, which gets backing from the UFCW, says that it is "
    "protesting. However, in 2011, the group asked the retailer to pay workers a minimum wage of $13 per "
    "hour. It also asked the retailer to provide affordable health care."
)
_CITY = (
    "A bomb blast in a St. Petersburg subway train Monday killed 11 people. The Russian health ministry "
    "initially put the death toll at 10, but the Investigative Committee of Russia later said 11 had died. "
    "The city declared three days of mourning."
)


def test_a_body_noun_is_the_body_the_text_calls_so_not_the_last_speaking_body():
    rows = [r for r in _rows(_WALMART) if r[3] == "asked"]
    assert rows and all(r[2] == "OUR Walmart" for r in rows), rows


def test_a_kind_of_place_is_no_country_or_committee():
    kind, speaker = _speaker(_CITY, "The city")
    assert "Russia" not in speaker


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (  # guard: with no body described by that noun, the last speaking body stays the antecedent
            "Wal-Mart Stores Inc. said on Monday it would open early on Thanksgiving. The retailer said the "
            "actions have disrupted nothing.",
            "The retailer",
            "Wal-Mart Stores",
        ),
        (  # guard: a date after the noun is no name ("the committee Tuesday")
            "WASHINGTON (CNN) Attorney General Jeff Sessions will testify before an open hearing of the "
            "Senate intelligence committee Tuesday afternoon, the committee said in a statement.",
            "the committee",
            "",
        ),
    ],
)
def test_body_guards(text: str, source: str, speaker: str):
    got = _speaker(text, source)[1]
    assert got == speaker or (not speaker and got != "Tuesday"), got


# a counted plural description is the first of the titled people named right after it (gold convention)
_GROUPS = [
    (
        "Two Democratic lawmakers called Sunday for an investigation of the shooting. Reps. Maxine "
        "Waters and Nanette Diaz Barragan said in a statement there is a need for an "
        "independent investigation.",
        "Two Democratic lawmakers",
        "Maxine Waters",
    ),
    (
        "Attorneys general for two of the largest states controlled by Democrats praised the decision. "
        "“Justice prevailed,” said New York Attorney General Letitia James. California Attorney General "
        "Xavier Becerra warned that the administration had tried to politicize the census.",
        "Attorneys general for two of the largest states controlled by Democrats",
        "Letitia James",
    ),
    (
        "Top congressional Democrats hailed Tuesday’s news. House Speaker Nancy Pelosi called it “a welcome "
        "development,” while Senate Minority Leader Chuck Schumer promised his party would be watching.",
        "Top congressional Democrats",
        "Nancy Pelosi",
    ),
]


@pytest.mark.parametrize(("text", "source", "speaker"), _GROUPS)
def test_a_counted_plural_description_is_the_first_titled_person_named_after_it(text, source, speaker):
    assert _speaker(text, source) == ("named_person", speaker)


@pytest.mark.parametrize(
    "text",
    [  # guards: one person named after it; a bare verb ("what ... say next"); people named before it
        "Two Democratic lawmakers called for an inquiry. Rep. Maxine Waters said there is a need for one.",
        "The critical factor may be what top congressional Republicans say next. Rep. Jason "
        "Chaffetz, R-Utah, tweeted that Sessions should recuse himself. Sen. Rob Portman, R-Ohio, also "
        "said he should.",
        "Rep. Maxine Waters and Rep. Nanette Barragan spoke on Friday. Two Democratic lawmakers "
        "called for an inquiry. Rep. Maxine Waters and Rep. Nanette Barragan said there is a need for one.",
    ],
)
def test_group_guards(text: str):
    counted = [r for r in _rows(text) if r[0].lower().startswith(("two ", "top "))]
    assert counted and all(r[1] != "named_person" for r in counted), _rows(text)
