"""Round twelve: classes the lead read on a fresh AllSides event (abp-g1200) and the 400-article diff."""

from __future__ import annotations

import pytest
from conftest import attribution_rows


def _rows(text: str) -> list[tuple[str, str]]:
    """(source, cue) of every row."""
    return [(source, cue) for source, _, _, cue in attribution_rows(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The mid-morning blasts hit the upscale neighborhood of Janah, a Hezbollah stronghold.",
            "The mid-morning",
        ),
        ("The cease-fire calls for Israel to halt all acts of aggression on Gaza.", "The cease-fire"),
        (
            "The season was one filled with upsets, dramatic game-deciding calls from referees and politics.",
            "dramatic",
        ),
    ],
)
def test_a_hyphenated_modifier_before_a_cue_noun_is_no_source(text: str, source: str) -> None:
    """ "The mid-morning | blasts": a compound modifier has no noun head, so the cue word is a noun."""
    assert not [s for s, _ in _rows(text) if s.startswith(source)]


@pytest.mark.parametrize("subject", ["Her co-workers", "The self-described socialist"])
def test_a_hyphenated_noun_of_people_still_speaks(subject: str) -> None:
    """ "Her co-workers claim": the compound's last part is a listed noun of people, a real source."""
    assert (subject, "claim" if subject.endswith("s") else "claims") in _rows(
        f"{subject} {'claim' if subject.endswith('s') else 'claims'} that the system is rigged."
    )
