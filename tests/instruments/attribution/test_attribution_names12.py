"""Issue 21, round twelve, second pass (r12-src26): the names a reader is told, read on the check10 part (now
tuning data). A body's short form is the full name the article gave it, a title run joined by "and" is one
person's, and an outlet's name runs across no line break or closing quote. Each fix test fails on the code
before the fix; the guards keep the readings that must survive."""

from __future__ import annotations

from conftest import attribution_rows as _rows


def _speakers(text: str, source: str) -> list[str]:
    """The speakers of the rows whose source is ``source``."""
    return [r[2] for r in _rows(text) if r[0] == source]


def test_a_short_outlet_name_is_the_full_name_written_earlier():
    text = (
        "The Wall Street Journal reported the payment on Monday. The Journal said the money was sent in "
        "cash. Officials denied it, the Journal said."
    )
    assert _speakers(text, "The Journal") == ["Wall Street Journal"]
    assert _speakers(text, "the Journal") == ["Wall Street Journal"]


def test_a_short_form_of_a_court_is_the_court_named_earlier():
    text = "The Supreme Court heard the case in 1990. The Court said the law was neutral."
    assert _speakers(text, "The Court") == ["Supreme Court"]


def test_a_country_qualifier_or_a_longer_title_is_not_added_to_a_short_name():
    # guards: "the U.S. Treasury" leaves "Treasury"; "the Cato Supreme Court Review" is no court's name
    text = (
        "The U.S. Treasury issued new rules. The Treasury said the timeline had not changed. "
        "The Cato Supreme Court Review is out. The Court said nothing."
    )
    assert _speakers(text, "The Treasury") == ["Treasury"]
    assert _speakers(text, "The Court") == ["Court"]


def test_a_title_run_joined_by_and_is_one_persons():
    text = (
        "The rules changed on Thursday. Health and Human Services Secretary Kathleen Sebelius said the rules "
        "would help. House Energy and Commerce Committee Vice Chairman Marsha Blackburn, R-Tenn., described "
        "the move as a shift."
    )
    rows = _rows(text)
    assert [(r[1], r[2]) for r in rows] == [
        ("named_person", "Kathleen Sebelius"),
        ("named_person", "Marsha Blackburn"),
    ]


def test_a_title_run_with_a_one_word_name_before_its_and_is_one_persons():
    text = "Former Housing and Urban Development Secretary Julián Castro said it was good."
    assert [r[2] for r in _rows(text)] == ["Julián Castro"]


def test_two_people_joined_by_and_stay_two_rows():
    # guards: a name before "and", or a group, is no title run's opening
    text = (
        "Senate Minority Leader Chuck Schumer and House Speaker Nancy Pelosi said in a statement it was bad. "
        "Democrats and President Donald Trump say it helped. "
        "House Ways and Means Committee Chairman Kevin Brady said it was fine."
    )
    speakers = [r[2] for r in _rows(text)]
    assert "Chuck Schumer" in speakers and "Nancy Pelosi" in speakers and "Donald Trump" in speakers
    assert "Kevin Brady" in speakers


def test_an_outlet_name_runs_across_no_line_break_or_closing_quote():
    # a headline ending in a quote, then a credit line: speaker "We Will' NPR"
    text = (
        "Obama On Russian Hacking: 'We Need To Take Action. And We Will'\n\nNPR via YouTube\n\n"
        "President Obama says the United States will respond, NPR reported."
    )
    assert _speakers(text, "NPR") == ["NPR"]


def test_an_outlet_name_written_in_full_on_one_line_is_kept():
    # guard: "The New York Times" before "the Times"
    text = "The New York Times reported the deal. Later, the Times said the talks had ended."
    assert _speakers(text, "the Times") == ["New York Times"]


def test_a_plural_description_listing_named_people_is_the_first_named():
    # gold convention: a group of named people is typed and named by its first member
    text = (
        "Senator Ted Cruz expressed his opposition.\n\nTwo other Republican senators, John McCain and Rand "
        "Paul, already said last week they would vote against the bill."
    )
    source = "Two other Republican senators, John McCain and Rand Paul"
    assert [(r[1], r[2]) for r in _rows(text) if r[0] == source] == [("named_person", "John McCain")]


def test_the_plural_title_after_a_list_of_titled_names_is_the_first_named():
    text = (
        "The concerns were first voiced in a letter by Sens. Jeanne Shaheen of New Hampshire, Angus King of "
        "Maine, and Tim Kaine of Virginia.\n\nEach of the senators represents a state.\n\n"
        "“We are pleased,” the senators said."
    )
    assert [(r[1], r[2]) for r in _rows(text) if r[0] == "the senators"] == [
        ("named_person", "Jeanne Shaheen")
    ]


def test_the_plural_title_with_no_list_of_titled_names_stays_unnamed():
    # guard: names with no plural title before them are no list "the senators" refers to
    text = "Jeanne Shaheen and Angus King met on Monday.\n\n“We are pleased,” the senators said."
    assert [r[2] for r in _rows(text) if r[0] == "the senators"] == [""]
