"""Issue 21, round nine (lane: non-statements): a vote or a ruling on a formal instrument by a body that
votes or rules ("Congress rejected President Obama's veto", "the Senate rejected the amendment", "the
court rejected the appeal") is an act, not speech; rejecting what someone says, or a person's or a
group's stance on a bill, stays a statement. Read by the lead on BASIL
1b96a5db; each test fails on the code before the fix."""

from __future__ import annotations

import itertools

import pytest
from conftest import attribution_rows as _rows

_BODIES = ("Congress", "The Senate", "The House of Representatives", "The court", "The Judiciary Committee")
_INSTRUMENTS = (
    "President Obama’s veto",
    "the amendment",
    "the bill",
    "the measure",
    "his nomination",
    "the appeal",
    "the motion",
)
_ADVERBS = ("", "overwhelmingly ", "on Wednesday ")


@pytest.mark.parametrize("body, adverb, instrument", list(itertools.product(_BODIES, _ADVERBS, _INSTRUMENTS)))
def test_rejecting_a_formal_instrument_is_a_vote_not_a_statement(body, adverb, instrument):
    rows = _rows(f"{body} {adverb}rejected {instrument} by a wide margin.")
    assert [r for r in rows if r[3] == "rejected"] == [], rows


@pytest.mark.parametrize(
    "text",
    [
        "The governor rejected the idea that the bill was dead.",
        "Mr. Smith rejected the claims in the bill, calling them false.",
        "The White House rejected the report as fake news.",
        "Senior Republicans rejected the legislation before it was even introduced.",
        "Durbin, a member of the Democratic leadership, rejected Trump's use of the bill.",
    ],
)
def test_rejecting_what_someone_says_stays_a_statement(text):
    assert any(r[3] == "rejected" for r in _rows(text))
