"""Issue 21, round eight (lane: speakers, descriptions and types): classes of wrong speakers and types read
on the end-to-end gold's ``check4`` part (tuning data since its first score). Each test fails on the code
before the fix."""

from __future__ import annotations

from conftest import attribution_rows as _rows

# ------------------------------------------------------------------ pronoun agreement


def test_an_honorific_gender_holds_for_every_pronoun_and_every_call():
    # the gender read from "Mr." was popped out of a memoized set: known once, then lost for the rest of
    # the article and for every later call on the same text ("She" became Mr. Farenthold)
    text = (
        "Mr. Farenthold said he would resign. Mr. Farenthold said he was sorry. "
        "It was known that Mr. Farenthold had been accused by his former aide, Greene. "
        "She said he fired her."
    )
    first = _rows(text)
    assert first[-1][2] != "Farenthold"
    assert _rows(text) == first
