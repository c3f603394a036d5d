"""Issue 21, round eight (cues and detection): classes of missed cues read on the end-to-end gold's
tuning parts (``check4`` after its first score). Each test fails on the code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

import helpers
from outlet_comparison.instruments.attribution.rules import load_rules

# ------------------------------------------------------------------ speech acts the model marks


@pytest.mark.parametrize(
    "text, source, cue",
    [
        (
            "Republicans pressured other Democrats to take a stand on the issue.",
            "Republicans",
            "pressured",
        ),
        (
            "The cities are joined by a number of business leaders speaking out against the law.",
            "a number of business leaders",
            "speaking out against",
        ),
        (
            "Reid only issued the statement after his Republican opponents began hitting him for going "
            "silent on the matter.",
            "his Republican opponents",
            "began hitting",
        ),
        (
            "In a number of statements, Republican candidates challenged Democrats to make their positions "
            "clear on the plan.",
            "Republican candidates",
            "challenged",
        ),
    ],
)
def test_a_speech_act_the_model_marks_as_a_cue_is_a_statement(text, source, cue):
    assert [(r[0], r[3]) for r in _rows(text)] == [(source, cue)]


def test_a_participle_of_a_speech_act_shares_the_rows_source():
    text = (
        "“I know it is time for me to move along,” Mr. Smith said in a statement on Friday, thanking his "
        "staff, his family and the voters who elected him."
    )
    assert [(r[0], r[3]) for r in _rows(text)] == [("Mr. Smith", "said"), ("Mr. Smith", "thanking")]


def test_a_floating_both_before_a_past_tense_leaves_it_a_verb():
    text = "Republicans have since both criticized his position and pressured other Democrats to act."
    cues = [r[3] for r in _rows(text)]
    assert any(c.endswith("criticized") for c in cues) and "pressured" in cues


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, who was born and raised in Ohio, said the plan would work.",
        "Prices were compared with last year's, and the company raised its forecast.",
    ],
)
def test_speech_acts_found_nowhere_by_the_rules_alone(text):
    assert [r[3] for r in _rows(text)] in (["said"], [])


def test_the_speech_act_list_leaves_the_models_inputs_alone():
    rules = load_rules()
    assert "challenged" in rules.acts
    assert "challenged" not in rules.cues and "challenged" not in rules.cue_words


def test_a_speech_act_repeating_a_cue_form_names_file_and_row(tmp_path):
    path = tmp_path / "acts.csv"
    rows = (
        "lemma,forms,stance,inverts,rules,rationale\nthank,thanked,neutral,no,no,ok\n"
        + "say,said,neutral,no,no,x\n"
    )
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(helpers.ArticleError) as exc:
        helpers.attributions("It works, he said.", lexicons=helpers.AttributionLexicons(acts=path))
    assert str(path) in str(exc.value) and "row 3" in str(exc.value)


@pytest.mark.parametrize(
    "text, gone",
    [
        ("After voters approved it, labor advocates challenged parts of the measure in court.", True),
        ("Republican candidates challenged Democrats to make their positions clear on the plan.", False),
    ],
)
def test_a_challenge_in_court_is_a_legal_act(text, gone):
    from outlet_comparison.instruments.attribution.filters import load_nonstatements, not_a_statement

    patterns = load_nonstatements(helpers.AttributionLexicons().nonstatements_path())
    c0 = text.index("challenged")
    assert not_a_statement(text, c0, c0 + len("challenged"), patterns, listed=True) is gone


def test_a_participle_shares_the_source_of_the_nearest_main_clause_row():
    text = (
        "When the newspaper first requested the report, officials told a reporter the study was exempt, "
        "saying there was an exemption for drafts."
    )
    assert ("officials", "saying") in [(r[0], r[3]) for r in _rows(text)]
    text = (
        "Moore’s campaign denied the allegations, which The Washington Post first reported, telling the "
        "paper they were false."
    )
    assert ("Moore’s campaign", "telling") in [(r[0], r[3]) for r in _rows(text)]


# ------------------------------------------------------------------ speech acts the rules read after the CRF


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("Presumptive GOP nominee Donald Trump immediately fired back.", "Donald Trump", "fired back"),
        (
            "Trump's hardline approach alienated Bloomberg, who often makes the case that an open "
            "immigration policy is needed.",
            "Bloomberg",
            "makes the case",
        ),
        (
            "The President congratulated Secretary Clinton for securing the delegates.",
            "The President",
            "congratulated",
        ),
        (
            "As governor, he directed funds to the border and requested more National Guard troops.",
            "he",
            "requested",
        ),
    ],
)
def test_a_speech_act_the_rules_read_is_a_statement(text, source, cue):
    rows = [(r[0], r[3]) for r in _rows(text)]
    assert len(rows) == 1 and source in rows[0][0] and rows[0][1] == cue


@pytest.mark.parametrize(
    "text",
    [
        "He came out of the meeting smiling.",
        "Footage from the scene circulated widely on social media.",
        "In effect, there would be seven brackets, compared with two under the current code.",
    ],
)
def test_a_speech_act_the_rules_leave_to_the_model_is_no_rule_cue(text):
    assert _rows(text) == []


def test_a_speech_act_with_an_unknown_rules_value_names_file_and_row(tmp_path):
    path = tmp_path / "acts.csv"
    rows = (
        "lemma,forms,stance,inverts,rules,rationale\nthank,thanked,neutral,no,yes,ok\n"
        + "notify,notified,neutral,no,maybe,x\n"
    )
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(helpers.ArticleError) as exc:
        helpers.attributions("It works, he said.", lexicons=helpers.AttributionLexicons(acts=path))
    assert str(path) in str(exc.value) and "row 3" in str(exc.value)


# ------------------------------------------------------------------ the model's source beside its cue


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "To counter condemnations from some Democrats in Congress, the White House circulated a series "
            "of e-mails quoting endorsements from economists.",
            "the White House",
        ),
        (
            "Bloomberg ― who rivals Trump in unwavering self-assurance ― favorably compared his own "
            "achievements in business and politics with Trump’s.",
            "Bloomberg",
        ),
    ],
)
def test_a_model_source_inside_a_prepositional_object_or_a_dashed_aside_is_the_subject_beside_it(
    text, source
):
    assert [r[0] for r in _rows(text)] == [source]


def test_a_gender_read_from_honorifics_is_the_same_every_time():
    # the surname -> genders table is memoized per text: reading it must not empty it ("She sued him"
    # after two rows of Mr. Farenthold had resolved to him once a third row asked)
    from outlet_comparison.instruments.attribution.resolve import _gender

    text = "Mr. Farenthold spoke on Friday, and Lauren Greene answered."
    assert [_gender(text, "Farenthold") for _ in range(3)] == ["m", "m", "m"]


def test_two_names_around_a_cue_are_two_sources():
    text = "Greene sued him in 2014. Among other things, Greene claimed Farenthold asked her for a threesome."
    assert [(r[0], r[3]) for r in _rows(text)] == [("Greene", "claimed"), ("Farenthold", "asked")]


def test_the_object_of_a_preposition_before_an_infinitive_cue_is_no_source():
    text = (
        "“It has been an honor,” Farenthold said in a statement Friday evening, noting he sent a letter to "
        "Texas Gov. Greg Abbott to tell him about his resignation, effective at 5 p.m."
    )
    assert [(r[0], r[3]) for r in _rows(text)] == [("Farenthold", "said"), ("Farenthold", "noting")]
