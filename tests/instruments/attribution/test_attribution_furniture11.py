"""Issue 21, round eleven: web page furniture glued into the text ("Story highlights", "Story Continued
Below", "Hide Caption") is nobody's statement and no person a pronoun can mean
(``attribution/furniture.py``). Generated sentences; each test fails on the code before it."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

from outlet_comparison.instruments.attribution.furniture import without_furniture


@pytest.mark.parametrize(
    "text",
    [
        "Story highlights White House spokesman Jay Carney denies the change is related to the talks.",
        "Story Continued Below But he strongly pushed back against the Republican assertions.",
    ],
)
def test_page_furniture_is_no_speaker(text):
    # "Story highlights ...": was a person "Story" who highlights
    assert all(r[2] != "Story" and r[0] != "Story" for r in _rows(text))
    assert not [r for r in _rows(text) if r[3].lower() in ("highlights", "continued")]


def test_a_pronoun_after_furniture_goes_to_the_person_named():
    text = (
        "Steven Miller testified on Friday. The hearing ran for hours. Story Continued Below "
        '"I did not mislead Congress," he said.'
    )
    assert [r[2] for r in _rows(text)] == ["Steven Miller", "Steven Miller"]


def test_blanking_keeps_every_offset():
    text = "Hide Caption The mayor said the city was ready."
    assert len(without_furniture(text)) == len(text) and without_furniture(text).endswith(text[12:])
