"""Issue 21, round ten (lane: speakers): classes of wrong speakers read on the tuning parts, the fresh
triplet dd1e6e3b and an AllSides sample (``tests/gold/attribution_speakers10.csv``). Each test fails on the
code before the fix."""

from __future__ import annotations

from conftest import attribution_rows as _rows

from outlet_comparison.instruments.attribution.names import find_names
from outlet_comparison.instruments.attribution.resolve import _last_named
from outlet_comparison.instruments.attribution.rules import AttributionLexicons, load_rules


def test_a_bare_surname_is_the_father_when_the_son_keeps_his_suffix():
    # the writer calls the son "Trump Jr." each time: a bare "Trump" is the father, not the son
    text = (
        "President Donald Trump’s oldest son, Donald Trump Jr., communicated with WikiLeaks. Trump Jr. "
        "said he had nothing to hide. WikiLeaks wrote it was happy to see the elder Trump mentioning the "
        "group. Moments later, Trump said the group was doing great work."
    )
    assert _rows(text)[-1][:3] == ("Trump", "named_person", "Donald Trump")


def test_a_father_named_only_with_a_title_is_the_son_s_name_without_the_suffix():
    text = (
        "President Trump’s eldest son, Donald Trump Jr., released the messages. Trump Jr. said he had "
        "done nothing wrong. Later, Trump said his son was a good boy."
    )
    assert _rows(text)[-1][2] == "Donald Trump"


def test_mr_with_the_surname_stays_the_son_when_the_son_has_no_short_form():
    # "Mr. Trump" is how this writer calls the son (no "Trump Jr." anywhere): unchanged
    text = (
        "Donald Trump Jr. had conversations with WikiLeaks. Mr. Trump, the president’s eldest son, "
        "met them. “Already did that earlier today,” Mr. Trump said."
    )
    assert _rows(text)[-1][2] == "Donald Trump Jr"


def test_he_never_goes_to_a_place_written_like_a_name():
    # "In Phnom Penh": a place (a preposition opens its span, and its words are never written alone); a
    # 'he' nobody before it fits takes the last person named (BASIL/AllSides: "He said" -> "Phnom Penh")
    rules = load_rules(AttributionLexicons())
    text = "Barack Obama spoke in Yangon. In Phnom Penh, the sun was setting. He said the reforms must go on."
    names = find_names(text, rules)
    assert _last_named(text, names, text.index("He said"), 0, "m", rules) == "Barack Obama"


def test_a_person_name_is_written_alone_a_place_or_page_debris_is_not():
    from outlet_comparison.instruments.attribution.names import written_alone

    text = "In Phnom Penh, the sun set. Advertisement Continue reading. Rob Shapiro, a former official."
    assert not written_alone(text, "Phnom Penh", 0, 13)
    assert not written_alone(text, "Advertisement Continue", 28, 50)
    assert written_alone(text, "Rob Shapiro", 61, 72)
    assert written_alone("Kentucky Clerk Kay Schwartz left.", "Kay Schwartz", 0, 27)


def test_a_lawyer_for_a_person_is_not_that_person_but_the_lawyer_the_text_names():
    text = (
        "Rep. Trey Gowdy wrote to the lawyer of Hillary Clinton on Tuesday. But in a letter to Mr. Gowdy on "
        "Friday, a lawyer for Mrs. Clinton said there was nothing left. The lawyer for Mrs. Clinton, David "
        "Kendall, declined to comment further."
    )
    row = next(r for r in _rows(text) if r[0] == "a lawyer for Mrs. Clinton")
    assert row[2] == "David Kendall"


def test_an_attorney_for_a_person_the_text_never_names_stays_unresolved():
    text = "Sen. Ted Cruz left. Later, an attorney for Cruz said the senator would vote against the bill."
    row = next(r for r in _rows(text) if "attorney" in r[0])
    assert "Cruz" not in row[2]
