"""Issue 21, round nine (lane: speakers): a plural pronoun after "and" continues its own sentence's plural
subject ("Family members of the victims have pushed for such a measure, and they have pressured members
of Congress"), not a group that spoke paragraphs before. Read by the lead on BASIL 1b96a5db; the test
fails on the code before the fix."""

from __future__ import annotations

import itertools

import pytest
from conftest import attribution_rows as _rows

_GROUPS = ("Family members of the victims", "Several Trump supporters", "Relatives of the passengers")
_AUX = ("have pushed for such a measure for years", "were appalled by the interview")


@pytest.mark.parametrize("group, clause", list(itertools.product(_GROUPS, _AUX)))
def test_they_after_and_is_its_own_sentences_subject(group, clause):
    text = (
        "Members of both parties have vowed to override the veto.\n\n"
        "Representative Nancy Pelosi said the vote would come on Wednesday.\n\n"
        f"{group} {clause}, and they have urged lawmakers to act quickly."
    )
    rows = [r for r in _rows(text) if r[3] == "urged"]
    assert len(rows) == 1 and rows[0][0] == group, rows
