"""Issue 21, round twelve: attributions the extractor missed (detection recall), by grammatical class, read on
the end-to-end gold's misses: a coordinated cue whose clause opens with a conjunction ("But he ..., and
said"). Generated sentences; each first test fails on the code before, the guards pass on both."""

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
