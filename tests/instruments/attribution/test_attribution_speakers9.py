"""Issue 21, round nine (lane: speakers and types): classes of wrong speakers and types read on the
end-to-end gold's ``check5`` part (tuning data since its first score). Each test fails on the code before
the fix."""

from __future__ import annotations

from conftest import attribution_rows as _rows


def test_a_suffix_belongs_to_the_name_and_a_bare_surname_finds_it():
    # "Jesse Jackson Jr" was filed under the surname "Jr": a bare "Jackson" went to his wife
    text = (
        "Former Rep. Jesse Jackson Jr. pleaded guilty on Wednesday. His wife, Sandra Jackson, is expected "
        "to plead guilty too. Jackson said he was sorry."
    )
    assert _rows(text)[-1][:3] == ("Jackson", "named_person", "Jesse Jackson Jr")
