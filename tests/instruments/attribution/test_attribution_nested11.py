"""Issue 21, round eleven: a third person's 'he'/'she' inside a quotation is never the quoted speaker (who
would say "I"): it is the nearest person mentioned before it, by name or by title, that is not the speaker
(``attribution/nested.py::nested_pronoun``). Generated sentences; the first test fails on the code before
(the pronoun went to the quoted speaker), the guards pass on both."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _speaker(text: str, cue: str) -> str:
    """The speaker of the one row with cue ``cue``."""
    hit = [r for r in _rows(text) if r[3] == cue]
    assert len(hit) == 1, _rows(text)
    return hit[0][2]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "Rep. Jerry Nadler opened the hearing on Tuesday. The White House counsel, Pat Cipollone, "
            'answered him. "He made false allegations against all of you. He accused you of a cover-up," '
            "Cipollone said.",
            "accused",
            "Jerry Nadler",
        ),
        (
            "Justice Neil Gorsuch wrote the opinion. William Eskridge, a professor at Yale Law School, "
            'praised it. "He relies on more text than the dissenters do. He explains more text," '
            "Eskridge said.",
            "explains",
            "Neil Gorsuch",
        ),
    ],
)
def test_a_quoted_third_person_is_not_the_quoted_speaker(text, cue, speaker):
    # "He accused you of a cover-up," Cipollone said: was Pat Cipollone
    assert _speaker(text, cue).endswith(speaker)


def test_a_relative_of_the_same_surname_is_not_the_speaker():
    # guard: excluding the quoted speaker by surname alone would lose the daughter
    text = (
        "Amanda Berry was found alive on Monday. Her father, Johnny Berry, spoke to reporters. "
        '"She said she was alive and she loved me," Johnny Berry said.'
    )
    assert [r[2] for r in _rows(text)] == ["Amanda Berry", "Johnny Berry"]
