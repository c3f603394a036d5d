"""Issue 21, round twelve (r12-src27): offices read on the check10 part of the end-to-end gold: a bare
"the administration" is the administration the text names, "President-elect" is a title and no
"president", and a lower-case title with an article is an appositive only when a comma closes it. Each
fix test fails on the code before the fix; the guards keep the readings that must survive."""

from __future__ import annotations

from conftest import attribution_rows as _rows


def _row_of(text: str, source: str) -> tuple[str, str, str, str]:
    """The first row whose source is ``source``."""
    return next(r for r in _rows(text) if r[0] == source)


def test_the_administration_is_the_administration_the_text_names():
    # no president titled, but "the Obama administration" before it: was anonymous with no speaker
    text = (
        "A group of senators welcomed signals by the Obama administration on Thursday. For weeks, the "
        "administration has said consumers would be better off with new policies."
    )
    row = _row_of(text, "the administration")
    assert row[1:3] == ("named_organization", "Obama administration")


def test_administration_officials_stay_anonymous():
    # guard: officials of a body, names withheld
    text = (
        "The Obama administration announced the rule on Thursday. Administration officials said the "
        "website was working much better."
    )
    row = _row_of(text, "Administration officials")
    assert row[1] == "anonymous"


def test_the_administration_of_a_titled_president_survives():
    # guard: the president the text titles wins ("Trump administration")
    text = (
        "President Donald Trump spoke on Monday. Congress passed the bill. The administration said the "
        "bill would pass the Senate."
    )
    assert _row_of(text, "The administration")[1:3] == ("named_organization", "Trump administration")


def test_president_elect_is_a_title_not_a_name():
    text = (
        "President Obama said Friday he hopes that President-elect Donald Trump starts to show concern. "
        "Mr. Trump has called Mr. Putin a strong leader. President-elect Donald Trump said he would meet him."
    )
    speakers = {r[0]: r[2] for r in _rows(text)}
    assert speakers["Mr. Trump"] == "Donald Trump"
    assert speakers["President Obama"] == "Obama"


def test_the_president_is_no_follow_up_of_the_president_elect():
    # "The president said" after a row of "President-elect Donald Trump" went to Trump
    text = (
        "President Obama met reporters on Friday. President-elect Donald Trump said he would keep the "
        "deal. The president said the sanctions would stay."
    )
    row = next(r for r in _rows(text) if r[3] == "said" and r[2] != "Donald Trump")
    assert row[2] == "Obama"


def test_an_apposition_with_an_article_needs_a_closing_comma():
    # "Asked if Putin tried to help Mr. Trump, the president said": Obama, not the name before the comma
    text = (
        "President Obama said Friday he hopes that President-elect Donald Trump shows concern. “That should "
        "not be an argument,” Mr. Obama said. Asked if Russian President Vladimir Putin tried "
        "to help Mr. Trump, the president said, “Not much happens in Russia without Vladimir Putin.”"
    )
    assert [r[2] for r in _rows(text) if r[3] == "said"][-1] == "Obama"


def test_a_closed_apposition_survives():
    # guard: "Max Richtman, executive vice president of the committee, said"
    text = (
        "Social Security was debated on Monday. Max Richtman, executive vice president of the National "
        "Committee to Preserve Social Security, said the cuts would hurt."
    )
    assert "Max Richtman" in [r[2] for r in _rows(text)]


def test_he_after_a_quotation_of_two_sentences_is_the_subject_before_it():
    # "Mnuchin, interviewed on CNN, reflected ... “It is close. I hope it passes,” he said": was McConnell
    text = (
        "Senate Majority Leader Mitch McConnell, a Republican, has said he intends to put the bill up for a "
        "vote. Treasury Secretary Steven Mnuchin, interviewed on CNN, reflected the uncertainty in the "
        "battle.\n\n“It is going to be very close. I hope it passes,” he said."
    )
    assert [r[2] for r in _rows(text) if r[3] == "said"][-1] == "Steven Mnuchin"


def test_a_name_inside_the_quotation_is_no_subject_of_he():
    # guard: "“His approach ... Allowing David Bernhardt to continue ... profit,” he said": the speaker
    text = (
        "“He was the worst secretary in history,” said Kierán Suckling, executive director of the Center. "
        "“His approach was destructive. Allowing David Bernhardt to continue will still be ugly. Different "
        "people, same appetite,” he said in a statement."
    )
    assert [r[2] for r in _rows(text) if r[3] == "said"][-1] == "Kierán Suckling"
