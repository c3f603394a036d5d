"""Issue 21, round nine (src14): a verb series sharing one subject ("has also opposed A, pressed for B and
advocated C": each listed act its own row with the series' subject) and a speech act with an object of its
own beside the participle after it ("has challenged X's efforts ..., saying ...": two rows, the guide's
"defended his proposals, saying"), and a named third party's report nested in a quotation ("“Trump says
...,” said Bloomberg"). Each test fails on the code before the change."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _pairs(text: str) -> list[tuple[str, str]]:
    """(source, cue) of every row."""
    return [(r[0], r[3]) for r in _rows(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rubio has also opposed the administration’s talks with Iran, pressed for more support of rebels "
            "in Syria and advocated to increase aid to Ukraine.",
            [("Rubio", "pressed for"), ("Rubio", "advocated")],
        ),
        (
            "As governor, Smith vetoed the budget, castigated the unions and pressed for new taxes.",
            [("Smith", "castigated"), ("Smith", "pressed for")],
        ),
    ],
)
def test_a_listed_act_in_a_verb_series_has_the_series_subject(text, expected):
    assert _pairs(text) == expected


def test_a_comma_act_without_a_closing_and_is_no_series():
    text = "The bill, challenged the mayor, was passed."
    assert ("The bill", "challenged") not in _pairs(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rubio has challenged Obama's efforts to normalize relations with the island, saying that closer "
            "ties would only help the government.",
            [("Rubio", "challenged"), ("Rubio", "saying")],
        ),
        (
            "Chief Justice Roberts challenged that line of argument, saying the court was asked to rule.",
            [("Chief Justice Roberts", "challenged"), ("Chief Justice Roberts", "saying")],
        ),
    ],
)
def test_an_act_with_its_own_object_and_a_participle_are_two_rows(text, expected):
    assert _pairs(text) == expected


def test_a_content_less_act_and_its_participle_stay_one_row():
    assert _pairs("Trump fired back on Twitter, saying he was right.") == [("Trump", "saying")]


def test_a_participle_after_an_act_keeps_the_acts_subject():
    text = (
        "Critics of the travel ban have challenged the selection of the countries, questioning whether it "
        "can be justified."
    )
    assert _pairs(text) == [
        ("Critics of the travel ban", "challenged"),
        ("Critics of the travel ban", "questioning"),
    ]


# ---------------------------------------------- a named third party's speech nested in a quotation


def test_a_named_third_partys_report_inside_a_quotation_is_a_row():
    text = "“Trump says he wants to run the nation like his business? God help us,” said Bloomberg."
    assert _pairs(text) == [("Trump", "says"), ("Bloomberg", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "“I say we can't,” he said.",
        "“The laws as written by Congress say otherwise,” he said.",
        "“The Senate confirms judges,” she said.",
        "“Congress says no,” she said.",
        "The list: “Bombing Suspects Wanted To Fit In, Friends Say.” (Reuters)",
    ],
)
def test_no_pronoun_body_or_agent_inside_a_quotation_is_a_row(text):
    assert [c for _, c in _pairs(text)] in (["said"], [])


def test_a_progressive_after_a_report_keeps_its_own_subject():
    text = "“We know you're in there,” the Globe reports police are saying."
    assert _pairs(text) == [("the Globe", "reports"), ("police", "saying")]
