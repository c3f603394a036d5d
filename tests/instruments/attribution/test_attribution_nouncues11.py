"""Issue 21, round eleven (src19): a cue word read as a noun is no attribution (``attribution/nouncues.py``),
by grammatical class, read on the AllSides audit (tests/gold/anonymous_audit_allsides.csv): "their asylum
claims were rejected", "nasty tweets", "the final call", "his fictitious claim", "the atomic bomb blast",
"elicited praise", "one heart-wrenching story describing", "Her signed statement claimed", "MORE:".
Generated sentences; each test of a change fails on the code before it (the verb readings are guards that
pass on both)."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _cues(text: str) -> list[str]:
    """The cues of the rows given for ``text``."""
    return [r[3] for r in _rows(text)]


@pytest.mark.parametrize(
    "text, cue",
    [
        # a finite "is/was/were/has" right after the cue: its noun, never a verb of saying
        ("The men were deported after their asylum claims were rejected by the court.", "claims"),
        ("The tenants waited while their rent claims are being processed.", "claims"),
        ("The executive privilege claim was a response to the inquiry.", "claim"),
        ("The free exercise claim has been neglected for years.", "claim"),
        ("The final call was made by the referee on Sunday.", "call"),
    ],
)
def test_a_cue_noun_before_a_finite_verb_is_no_attribution(text, cue):
    # "while their asylum claims are being processed": was 'their asylum' / claims, anonymous
    assert cue not in _cues(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        # a source ending in an adjective or a determiner: no noun head, the cue word is the head
        ("He posted nasty tweets about the judge all week.", "tweets"),
        ("They questioned the basis for his fictitious claim about the crowd.", "claim"),
        ("She could not verify that specific claim on Wednesday.", "claim"),
        (
            "People are losing their insurance despite his repeated and emphatic promises that it would not.",
            "promises",
        ),
        ("The essay drew lavish praise from the critics.", "praise"),
        ("The state law violates their rights and puts unreasonable demands on doctors.", "demands"),
    ],
)
def test_a_cue_noun_after_an_adjective_is_no_attribution(text, cue):
    # "His string of unforced errors, nasty tweets and ...": was 'nasty' / tweets, anonymous
    assert cue not in _cues(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        # a base form after a lower-case singular noun: a compound ("a singular subject takes -s")
        ("The atomic bomb blast destroyed the city.", "blast"),
        ("The rule applies to call details, such as a number or the length of a telephone call.", "call"),
        ("Hours after the morning tweet, the White House issued a statement.", "tweet"),
        # a cue right after a past or an -s verb: the verb's object
        ("The decision elicited praise from both parties.", "praise"),
        ("The resignation, which contradicts claims he would stay, is his second.", "claims"),
    ],
)
def test_a_compound_or_an_object_noun_is_no_attribution(text, cue):
    # "survivors of the 1945 atomic bomb blast": was 'atomic bomb' / blast, anonymous
    assert cue not in _cues(text)


def test_a_lone_one_before_a_noun_in_the_cue_is_no_source():
    # "During one heart-wrenching story describing a woman's pregnancy": was 'one' / 'heart-wrenching ...'
    text = "During one heart-wrenching story describing a woman's difficult pregnancy, Davis choked up."
    assert [r for r in _rows(text) if r[0] == "one"] == []


def test_a_lone_possessive_determiner_takes_its_noun():
    # "Her signed statement claimed": was 'Her' / claimed, anonymous; the statement is a document
    rows = _rows("Her signed statement claimed that she was innocent.")
    assert [(r[0], r[1]) for r in rows] == [("Her signed statement", "document")]


def test_more_before_a_colon_is_a_label():
    # "MORE: Senate holds first hearing on Syria": was 'MORE' / ':', anonymous
    assert [r for r in _rows("MORE: Senate holds first hearing on Syria.") if r[0] == "MORE"] == []


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("The official claims that the plan will fail.", "The official", "claims"),
        ("Critics call it a disaster.", "Critics", "call"),
        ("Her lawyer says the charges are false.", "Her lawyer", "says"),
        ("The report says the economy grew.", "The report", "says"),
        ("Trump tweets that the media is unfair.", "Trump", "tweets"),
        ("The White House statement said the talks would resume.", "The White House statement", "said"),
        ("Their lawyers claim the documents were forged.", "Their lawyers", "claim"),
        ("Many critics claim the law is unfair.", "Many critics", "claim"),
        ("They were angered by terms that they claim benefit the north.", "they", "claim"),
        ("Critics of the minimum wage push claim that the rate could hurt.", "Critics of", "claim"),
        ("Two officials spoke. One of them said the plan was bad.", "One of them", "said"),
        ("Despite his having publicly criticized the leader, he stayed.", "his", "criticized"),
    ],
)
def test_verb_readings_stay(text, source, cue):
    # a listed noun of people or texts, a plural, a pronoun or a name before the verb: a speaker
    assert any(r[0].startswith(source) and r[3] == cue for r in _rows(text)), _rows(text)
