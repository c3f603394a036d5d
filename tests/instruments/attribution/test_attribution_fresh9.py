"""Issue 21, round nine: classes the lead read on a fresh BASIL triplet without gold (dd1e6e3b). The sentences
are made up; each test fails on the code before the fix."""

from __future__ import annotations

import helpers


def _rows(text: str) -> list[tuple[str, str, str]]:
    """(source, cue, source_type) of each row."""
    df = helpers.attributions(text)
    return list(zip(df["source"], df["cue"], df["source_type"], strict=True))


def test_a_model_span_adds_no_clause_before_an_inverted_unnamed_source():
    text = (
        "The House Permanent Select Committee on Intelligence had access to the documents, "
        "a source told Fox News."
    )
    assert _rows(text) == [("a source", "told", "anonymous")]


def test_an_appositive_before_its_comma_still_joins_the_name():
    rows = _rows("Jane Doe, a spokeswoman for the agency, said the plan was dead.")
    assert rows == [("Jane Doe, a spokeswoman for the agency", "said", "named_person")]


def test_a_name_before_an_appositive_without_its_closing_comma_is_kept():
    rows = _rows("Peter Navarro, the White House National Trade Council director said the tariffs stay.")
    assert rows[0][0].startswith("Peter Navarro")


def test_a_father_is_not_his_junior_namesake():
    df = helpers.attributions("President Donald Trump said it was fine. Donald Trump Jr. said it was short.")
    assert list(df["speaker"]) == ["Donald Trump", "Donald Trump Jr."]
