"""Issue 21, round ten: classes of error read on the end-to-end gold's check8 part after its first score
(each test fails on the code that was scored; sentences written after the gold's, not copied)."""

from __future__ import annotations

from conftest import attribution_rows as _rows


def test_a_time_expression_closing_the_span_is_cut_and_a_poll_is_a_document():
    text = "Voters are restless. A CBS News poll last month found that voters favored the Democrats."
    (row,) = _rows(text)
    assert row[0] == "A CBS News poll" and row[1] == "document"


def test_a_span_opening_with_a_preposition_is_no_source():
    text = (
        '"We need another choice," Representative Jim Jordan, Republican of Ohio, said on Glenn Beck’s '
        'conservative radio show. "I mean, for us as a party to send that message, we are not listening."'
    )
    assert [r[3] for r in _rows(text)] == ["said"]


def test_a_city_and_a_state_written_out_is_a_place_and_the_subject_before_an_aside_speaks():
    text = (
        "Sen. Rand Paul toured the state. Mr. Paul, at another appearance on Sunday, in Des Moines, Iowa, "
        "called the tax plan “a disaster.”"
    )
    row = next(r for r in _rows(text) if r[3] == "called")
    assert row[2] in ("Paul", "Rand Paul")


def test_the_place_of_an_event_in_a_who_clause_is_not_the_speaker_s_clause():
    """A guard (passes before and after): "in" after a name is no aside of that name's clause."""
    text = (
        "Mary Smith, who married her partner, Jane Doe, in Boston, Mass. last year, took to Facebook to "
        "rebuke her sister."
    )
    assert all(r[2] != "Jane Doe" for r in _rows(text))


def test_a_title_s_campaign_is_that_person_s_body():
    text = (
        "President Barack Obama spoke in Ohio. But the president's campaign, responding to the new "
        "frontrunner, said the remark is a personal affront."
    )
    row = next(r for r in _rows(text) if r[0] == "the president's campaign")
    assert row[1] == "named_organization" and row[2] == "Obama campaign"


def test_a_participle_after_as_well_as_shares_the_source():
    text = (
        "Santorum had also said that insurers should not cover the tests, because they lead to more "
        "abortions, as well as contending that public schools were outdated."
    )
    assert [(r[0], r[3]) for r in _rows(text)] == [("Santorum", "said"), ("Santorum", "contending")]


def test_a_body_whose_name_holds_and_is_one_source():
    """Read on a fresh triplet (542cd22c, round ten): one agency was two speakers of one cue."""
    text = (
        "Hunters objected. The U.S. Fish and Wildlife Service said in a notice that the hunts helped. "
        "The hunts help, a spokesperson for the Food and Drug Administration said. "
        "Ash Carter and James Clapper said the threat was real. The FBI and Justice Department said nothing."
    )
    assert [r[0] for r in _rows(text)] == [
        "The U.S. Fish and Wildlife Service",
        "a spokesperson for the Food and Drug Administration",
        "Ash Carter",
        "James Clapper",
        "The FBI",
        "Justice Department",
    ]


def test_a_source_cut_at_the_and_of_a_body_s_name_takes_the_rest_and_a_role_after_it_is_one_person():
    text = (
        "The United States Fish and Wildlife Service had signaled its intention to end the ban, citing "
        "new data. Health and Human Services spokeswoman Joanne Peters said the rule was fair."
    )
    assert [(r[0], r[2]) for r in _rows(text)] == [
        ("The United States Fish and Wildlife Service", "United States Fish and Wildlife Service"),
        ("Health and Human Services spokeswoman Joanne Peters", "Joanne Peters"),
    ]


def test_the_department_after_a_capitalised_title_of_the_is_no_part_of_the_name():
    """Read on a fresh triplet (542cd22c, round ten): "Interior Ryan Zinke" was the speaker."""
    text = "Secretary of the Navy Ray Mabus echoed the order in a statement, saying the ships were ready."
    assert {r[2] for r in _rows(text)} == {"Ray Mabus"}


def test_the_many_people_who_called_are_a_vague_group():
    text = "Rep. Ed Royce was among the many people who called on the president to reverse the decision."
    assert [(r[0], r[1]) for r in _rows(text)] == [("the many people", "unnamed_group")]
