"""Issue 21, item 2 (round eight): rows that are no statement by a source never become anonymous rows.

Possessives of a person or body with a speech or document noun are that person speaking (or their
document); what a quality or an act "shows" is no one's statement; idioms that look like cues; the
subject of an if-clause. Read on the end-to-end gold's check4 part (tuning data) and the lead's
constructed case; each test fails on the code before the fix."""

from __future__ import annotations

import itertools

import pytest
from conftest import attribution_rows as _rows

import helpers

_NAMED = "President Donald Trump met Barack Obama and the Environmental Protection Agency on Monday. "
_PERSON_OWNERS = {
    "Trump's": "Donald Trump",
    "Trump’s": "Donald Trump",
    "The president's": "Donald Trump",
    "The president’s": "Donald Trump",
    "Mr. Obama's": "Barack Obama",
    "Mr. Obama’s": "Barack Obama",
}
_NOUNS = ("tweets", "letter", "statement", "comments", "remarks", "defense", "decision")


def _after(prefix: str, text: str) -> list[tuple[str, str, str, str]]:
    """The rows whose cue lies after ``prefix`` in ``prefix + text``."""
    df = helpers.attributions(prefix + text)
    df = df[df.cue_start >= len(prefix)]
    return [(r.source, r.source_type, r.speaker, r.cue) for r in df.itertuples(index=False)]


@pytest.mark.parametrize("owner, noun", list(itertools.product(sorted(_PERSON_OWNERS), _NOUNS)))
def test_a_persons_possessed_words_are_that_person_speaking(owner, noun):
    rows = _after(_NAMED, f"{owner} {noun} said the troops would leave.")
    assert len(rows) == 1
    source, source_type, speaker, cue = rows[0]
    assert (source_type, speaker, cue) == ("named_person", _PERSON_OWNERS[owner], "said"), rows


@pytest.mark.parametrize("owner, noun", list(itertools.product(("The agency's", "The agency’s"), _NOUNS)))
def test_a_bodys_possessed_words_are_never_anonymous(owner, noun):
    rows = _after(_NAMED, f"{owner} {noun} said the troops would leave.")
    assert [r[1] for r in rows] == ["document"], rows


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_the_object_of_a_reduced_relative_is_no_source(apostrophe):
    """The lead's constructed case: "the withdrawal" was the anonymous source."""
    text = f"The president{apostrophe}s tweets announcing the withdrawal said the troops would leave."
    rows = _after("President Donald Trump spoke on Monday. ", text)
    said = [r for r in rows if r[3] == "said"]
    assert said and said[0][1:3] == ("named_person", "Donald Trump"), rows
    assert all(r[1] != "anonymous" for r in rows)


def test_a_reduced_relative_after_a_document_keeps_the_document():
    rows = _rows("A statement announcing the withdrawal said the troops would leave.")
    assert [r[:2] for r in rows if r[3] == "said"] == [("A statement announcing the withdrawal", "document")]


def test_unowned_comments_stay_what_they_were():
    """SCU's "Multiple contemporaneous comments called him a god": people's comments, not a document."""
    rows = _rows("Multiple contemporaneous comments called him a “god” on the site.")
    assert len(rows) == 1 and rows[0][1] != "document"


def test_the_syria_civil_defense_is_still_a_body():
    assert _rows("The Syria Civil Defense tweeted that 40 people died.")[0][1] == "named_organization"


# ------------------------------------------------------------------ what a quality or an act shows


@pytest.mark.parametrize(
    "text",
    [
        "The intensity of their attacks showed that they do not appear worried about the risk.",
        "Republicans said Mr. Obama’s defense of the right of the developers to pursue the project showed "
        "that he was out of touch with average Americans.",
        "Reid's comments suggest that the party is split.",
    ],
)
def test_what_a_quality_or_an_act_shows_is_no_statement(text):
    rows = _after("Barack Obama and Harry Reid spoke. ", text)
    assert all(r[3] not in ("showed", "suggest") for r in rows), rows


@pytest.mark.parametrize(
    "text, source",
    [
        ("Polls show him beating Representative Edward J. Markey.", "Polls"),
        ("Another slide shows that eight of 10 avocados come from Mexico.", "Another slide"),
        ("The results show that the plan works.", "The results"),
    ],
)
def test_a_document_still_shows(text, source):
    assert [r[0] for r in _rows(text)] == [source]


# ------------------------------------------------------------------ idioms that look like cues


@pytest.mark.parametrize(
    "text",
    [
        "Reid's comments added another high-profile voice to the mosque controversy.",
        "The billionaire made the case that Trump’s career is characterized by a litany of collapses.",
        "It promises to be another bruising campaign, with two congressmen likely to face off.",
        "Polls show him beating Representative Edward J. Markey, the only Democrat who has officially "
        "declared his candidacy.",
        "He said he would not seek re-election after reports emerged that he’d used taxpayer money to settle "
        "sexual harassment claims.",
        "The Senate committee responded with two additional subpoenas on Tuesday.",
        "But when she declined, he dismissed her again.",
    ],
)
def test_an_idiom_is_no_statement(text):
    cues = {"added", "characterized", "promises", "declared", "claims", "responded", "dismissed"}
    rows = _after("Harry Reid, Scott Brown and Darrell Issa spoke. ", text)
    assert not [r for r in rows if r[3].split()[-1] in cues], rows


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The plan was characterized by critics as reckless.", "characterized"),
        ("Trump dismissed him as a fraud.", "dismissed"),
        ("The judge dismissed the case as baseless.", "dismissed"),
        ("Trump promised to repay the money.", "promised"),
        ("She added that the plan was dead.", "added"),
        ("The company claims the rules are unfair.", "claims"),
    ],
)
def test_the_statement_beside_the_idiom_stays(text, cue):
    assert cue in [r[3].split()[-1] for r in _after("Donald Trump spoke. ", text)]


# ------------------------------------------------------------------ conditions


@pytest.mark.parametrize(
    "text",
    [
        '"In his remarks today, President Obama disgracefully refused to even say the words '
        "'Radical Islam'. For that reason alone, he should step down. If Hillary Clinton, after this "
        "attack, still cannot say the two words 'Radical Islam' she should get out of this race for the "
        'Presidency," Trump said in a statement released by his campaign.',
        "If Clinton says the words, she should stay in the race, Trump said.",
    ],
)
def test_the_subject_of_an_if_clause_states_nothing(text):
    assert [r[2] for r in _rows(text)] == ["Trump"]


def test_first_person_speech_inside_a_quotation_is_part_of_it():
    text = (
        "Trump spoke on Sunday.\n\n"
        '"If we do not get tough and smart real fast, we are not going to have a country anymore. '
        "Because our leaders are weak, I said this was going to happen – and it is only going to get "
        "worse. I am trying to "
        'save lives," the statement continued.'
    )
    rows = _rows(text)
    assert [r[0] for r in rows] == ["the statement"], rows


def test_first_person_speech_outside_a_quotation_stays():
    rows = _rows("I said this was going to happen, and it did.")
    assert [r[0] for r in rows] == ["I"], rows


def test_the_same_text_gives_the_same_rows_twice():
    """A pronoun's gender from "Mr." was memoised in a set that the first call emptied, so a second call
    on the same text let "She" resolve to Mr. Farenthold (BASIL check4, found by the benchmark's parts)."""
    text = (
        "“It has been an honor,” Mr. Farenthold said in a statement on Friday, thanking his staff.\n\n"
        "It was known for several years that Mr. Farenthold had been accused of sexual harassment by Lauren "
        "Greene, his former communications director. She sued him in 2014, claiming that he had illegally "
        "fired her."
    )
    first, second = _rows(text), _rows(text)
    assert first == second
    assert [r[2] for r in first if r[3] == "claiming"] == ["Lauren Greene"]


def test_answering_questions_is_no_statement():
    rows = _rows("The Treasury Department answered some of those questions on Thursday.")
    assert rows == []


def test_an_answer_with_content_stays():
    rows = _rows("The department answered that the rules would apply to every couple.")
    assert [r[3] for r in rows] == ["answered"]


# ------------------------------------------------------------------ read on fresh BASIL events (no gold)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Trump made a false claim on Tuesday that the baby is a citizen.",
        "“Lives w/mom,” a handwritten note on the petition said.",
    ],
)
def test_a_cue_word_after_a_singular_article_and_a_modifier_is_a_noun(text):
    assert all(r[1] != "anonymous" for r in _rows(text)), _rows(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("A neighbor said the house was empty.", "said"),
        ("A spokesman for the agency claims the house was empty.", "claims"),
    ],
)
def test_a_singular_subject_with_a_finite_cue_stays(text, cue):
    assert [r[3] for r in _rows(text)] == [cue]


def test_talks_that_continue_are_no_statement():
    text = "Mr. Trump agreed on Friday to reopen the government while negotiations continued over the border."
    assert [r[3] for r in _rows(text) if r[3] == "continued"] == []


def test_a_statement_that_continued_stays():
    text = '"We will win," Trump said. "We will build it," the statement continued.'
    assert "continued" in [r[3] for r in _rows(text)]


def test_a_correction_note_is_no_source():
    text = (
        "Because of an editing error, an earlier version of this post said that Harry Reid was from Arizona."
    )
    assert _rows(text) == []


def test_a_lone_adverb_or_subordinator_is_no_source():
    text = (
        "Since the first day of protests in Ferguson, the authorities shifted their response almost daily, "
        "adding to the sense that the situation was out of control."
    )
    assert _rows(text) == []


def test_a_pronoun_with_a_contracted_auxiliary_is_the_pronoun():
    text = "John Boehner spoke on Monday. Although he's expressed openness to legal status, he wants more."
    rows = _rows(text)
    assert [(r[1], r[2]) for r in rows if r[3] == "expressed"] == [("named_person", "John Boehner")]


@pytest.mark.parametrize(
    "text",
    [
        "President Obama spoke. The president's plan also calls on Congress to allocate money to schools.",
        "The plan, though, does call for a range of measures to improve access to mental health services.",
    ],
)
def test_a_plan_that_calls_for_is_a_documents_demand(text):
    assert _rows(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He also rejected reports that Obama refused his request for a meeting.",
        "This prompted calls to boycott Chick-fil-A across the country.",
        "He rejects calls for a minimum wage hike, which he says would cost jobs.",
        "Nancy Pelosi said that the mounting calls to remove Schiff were ridiculous.",
    ],
)
def test_a_plural_noun_after_a_verb_is_no_cue(text):
    assert [r for r in _rows(text) if r[3] in ("reports", "calls")] == []


def test_a_time_ago_is_no_speaker():
    text = "The words echo those of Felipe Calderón, who a week ago asserted that Mexico will not pay."
    assert "a week ago" not in [r[0] for r in _rows(text)]


def test_when_alone_is_no_speaker():
    text = (
        "When asked whether Obama flip-flopped, the presumptive Republican presidential nominee "
        "acknowledged the change, but said he'd leave the significance for others to decide."
    )
    assert "When" not in [r[0] for r in _rows(text)]


def test_an_owned_apology_is_its_owner_speaking():
    text = (
        "Bruce Braley spoke in Iowa. Mr. Braley’s apology noted his family’s history with Iowa agriculture."
    )
    rows = [r for r in _rows(text) if r[3] == "noted"]
    assert [(r[1], r[2]) for r in rows] == [("named_person", "Bruce Braley")], rows


def test_first_person_speech_in_a_quotation_continued_from_the_paragraph_before():
    text = (
        "BuzzFeed spokesman Matt Mittenthal spoke on Saturday.\n\n"
        "“As we’ve re-confirmed our reporting, we’ve seen no indication that it is inaccurate.\n\n"
        'We remain confident in what we’ve reported, and will share more as we are able," he said.'
    )
    assert "reported" not in [r[3] for r in _rows(text)]
