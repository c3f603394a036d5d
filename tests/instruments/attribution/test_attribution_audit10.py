"""Issue 21, round ten (src17): sources typed anonymous that name no withheld identity, by grammatical
class (``attribution/generic.py``), read on the AllSides audit's part A
(tests/gold/anonymous_audit_allsides.csv): a bare plural of people or bodies is a vague group, a relative
of a named person is no anonymous source, a translation or copy of a text is a document.
Generated sentences; each test of a change fails on the code before it (the withheld-identity cases are
guards that pass on both)."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows
from conftest import typed_as as _typed


@pytest.mark.parametrize(
    "text, source",
    [
        ("Drug manufacturers argue that the rebates are too high.", "Drug manufacturers"),
        ("Utilities say the blackouts could last a decade.", "Utilities"),
        ("Demonstrators voiced concern about the nominee on Tuesday.", "Demonstrators"),
        ("The hospitals are split. Drug companies argue that the discounts should end.", "Drug companies"),
        ("Western governments have responded to the reforms by easing sanctions.", "Western governments"),
    ],
)
def test_a_bare_plural_of_people_or_bodies_is_a_vague_group(text, source):
    # "Drug manufacturers argue that PBMs have wrangled too-high rebates": was anonymous
    assert _typed(text, source) == "unnamed_group"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Officials said the talks were over.", "Officials"),
        ("Authorities said he died of a self-inflicted gunshot wound.", "Authorities"),
        ("Law enforcement officials said 26 people were killed.", "Law enforcement officials"),
        ("NAACP leaders said the plan was unfair.", "NAACP leaders"),
        ("Former employees said the culture was toxic.", "Former employees"),
        ("Two of the women said they were retaliated against.", "Two of the women"),
        ("Diplomatic security agents said as much to the FBI.", "Diplomatic security agents"),
        ("An unnamed hero grabbed a gun, according to an eyewitness.", "an eyewitness"),
        ("Both leaders said their countries would work out a trade deal.", "leaders"),
        ("Witnesses said the gunman fired at least 20 shots.", "Witnesses"),
        ("Jurors asked the judge to read back the testimony.", "Jurors"),
    ],
)
def test_withheld_identities_stay_anonymous(text, source):
    # role nouns of the noun lists, a named body's people, a counted group and a witness are not generic
    assert _typed(text, source) == "anonymous"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Rep. John Smith spoke Monday. His father said the boy was kind.", "His father"),
        (
            "President Trump spoke Monday. The president's son said the meeting was short.",
            "The president's son",
        ),
        ("Gov. Jan Brewer spoke Monday. Brewer's husband said she was tired.", "Brewer's husband"),
    ],
)
def test_a_relative_of_a_named_person_is_never_anonymous(text, source):
    # "the president's son", "his father": identified through the named person (no relative named here)
    assert _typed(text, source) == "named_person"


def test_a_translation_is_a_document():
    text = "A spokesperson said the move was wrong, according to an informal translation."
    assert _typed(text, "an informal translation") == "document"


def test_a_copy_of_a_text_is_a_document():
    text = "The deal was close, according to a copy of his opening remarks."
    assert _typed(text, "a copy of") == "document"


def test_a_framework_calling_for_is_no_statement():
    # a document that "calls for" something states nothing (docs/attribution.md); was an anonymous row
    assert _rows("The framework called for a longer extension of the debt limit.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Details of what Bush knew when remain disputed.",
        "The reasons for the delay have become widely criticized.",
        "Count 7 charges Cohen with “Causing an Unlawful Corporate Contribution” (emphasis added).",
    ],
)
def test_a_copular_passive_and_an_emphasis_note_are_no_statements(text):
    # "remain disputed" gave the source "remain"; "(emphasis added)" the source "emphasis"
    assert _rows(text) == []


def test_a_copular_passive_with_its_agent_stays():
    assert _typed("The claims remain disputed by the company.", "the company") == "anonymous"
