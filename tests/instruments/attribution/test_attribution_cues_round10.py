"""Issue 21, round ten (src16): mechanisms that lost a plain statement verb on read text, fixed as classes
so they carry over to new text. Each test fails on the code before the change."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _pairs(text: str) -> list[tuple[str, str]]:
    """(source, cue) of every row."""
    return [(r[0], r[3]) for r in _rows(text)]


# ------------------------------------------------- a refusal that is somebody else's, not the speaker's


@pytest.mark.parametrize(
    "text, source, cue",
    [
        # a named third party refuses in the content clause: the speaker reports it, a statement
        ("Last week, Gowdy said Clinton did not respond to any of the subpoenas.", "Gowdy", "said"),
        ("Issa told reporters that Holder didn't provide anything in writing.", "Issa", "told"),
        # the refusal opens the next sentence: the cue's own statement stands
        ("He served until 2011, the Navy said. It did not say why he left.", "the Navy", "said"),
    ],
)
def test_a_refusal_of_somebody_else_keeps_the_statement(text, source, cue):
    assert _pairs(text) == [(source, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman said the company would not comment.",
        "The senator said she had no comment.",
        "Officials said they did not respond to the letter.",
    ],
)
def test_the_speakers_own_refusal_is_still_no_statement(text):
    assert _pairs(text) == []
