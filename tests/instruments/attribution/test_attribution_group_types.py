"""Issue 21, round eight (lane: the type of group sources and relative-pronoun sources): classes read by the
lead on a fresh BASIL triplet without gold (1b96a5db) and on ``check5`` after its first score. The sentences
are made up; each test fails on the code before the fix (integ3)."""

from __future__ import annotations

from conftest import attribution_rows as _rows

# ------------------------------------------------------------------ vague groups are unnamed_group


def test_members_of_the_parties_are_a_vague_group():
    rows = _rows("The vote is near, and members of both parties have vowed to override the veto.")
    assert rows[-1][:2] == ("members of both parties", "unnamed_group")


def test_a_group_of_people_is_a_vague_group_but_a_group_of_officials_stays_anonymous():
    assert _rows("A group of senators pledged to improve the measure.")[-1][1] == "unnamed_group"
    assert _rows("A group of officials said the plan would fail.")[-1][1] == "anonymous"


def test_families_and_family_members_are_a_vague_group():
    rows = _rows("Many lawmakers backed a measure pushed by victims' families, who say they want justice.")
    assert rows[-1][1] == "unnamed_group"
    assert _rows("Family members of the victims said the bill was overdue.")[-1][1] == "unnamed_group"


def test_family_members_of_a_named_person_are_not_vague():
    assert _rows("Family members of Mr. Floyd said the officers must be charged.")[-1][1] != "unnamed_group"


def test_people_of_a_large_body_named_by_its_adjective_are_vague():
    rows = _rows("She became a person of interest to Congressional investigators, who insist that she lied.")
    assert rows[-1][1] == "unnamed_group"
    assert _rows("Congressional aides said the vote would slip.")[-1][1] == "anonymous"  # withheld


# ------------------------------------------------------------------ the text of a document is the document


def test_the_terms_of_a_bill_are_the_bill():
    rows = _rows("Courts could waive the immunity, according to the terms of the bill.")
    assert rows[-1][1] == "document"


def test_excerpts_of_a_speech_are_a_document():
    rows = _rows("According to excerpts from his speech, Rubio will attack the president.")
    assert rows[-1][1] == "document"


# ------------------------------------------------------------------ a relative pronoun takes its antecedent


def test_who_after_a_lower_case_plural_is_that_group():
    rows = _rows("But those arguments did not sway lawmakers, who say the White House's case is overblown.")
    assert rows[-1][:2] == ("lawmakers", "unnamed_group")


# ------------------------------------------------------------------ bodies named by a pronoun or a role


def test_the_administration_is_the_presidents_not_the_last_body_named():
    text = (
        "President Barack Obama vetoed the bill on Friday. Congress voted on Wednesday to override it. "
        "The administration has argued that the measure would put Americans at risk."
    )
    assert _rows(text)[-1][1:3] == ("named_organization", "Obama administration")


def test_his_campaign_is_the_named_persons_campaign():
    text = "Sen. Marco Rubio spoke in Iowa on Monday. His campaign said he would win the state."
    assert _rows(text)[0][1:3] == ("named_organization", "Rubio campaign")


def test_a_named_body_and_unnamed_officials_is_the_named_body():
    text = (
        "Administration officials warn that it would put Americans at risk. The European Union and former "
        "top executive branch officials have urged Obama to stop it."
    )
    assert _rows(text)[-1][:3] == (
        "The European Union and former top executive branch officials",
        "named_organization",
        "European Union",
    )


def test_a_date_with_a_slash_stays_whole_in_the_source_before_who():
    rows = _rows(
        "Many lawmakers were reluctant to oppose a measure backed by 9/11 families who say they want justice."
    )
    assert rows[-1][:2] == ("9/11 families", "unnamed_group")


def test_a_crowd_counted_in_thousands_is_a_vague_group_but_officials_stay_anonymous():
    """Round nine, read by the lead on a fresh BASIL triplet (dd1e6e3b): 'Thousands of people asked'."""
    assert _rows("Thousands of people asked about them.")[-1][:2] == ("Thousands of people", "unnamed_group")
    assert _rows("Hundreds of protesters said the law was unfair.")[-1][1] == "unnamed_group"
    assert _rows("Hundreds of officials said the plan was dead.")[-1][1] == "anonymous"
