"""Issue 21, second round: rows a reader would reject, read on the tuning part of the end-to-end gold
(BASIL) and on the AllSides Syria coverage. Each test fails on the code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

import helpers

# ------------------------------------------------------------------ known errors a reader sees


def test_an_adverb_before_the_cue_is_no_part_of_the_source():
    text = (
        "President Barack Obama spoke at the United Nations on Tuesday.\n\n"
        '"If our religion leads us to persecute those of another faith," he says, then we lose our power.\n\n'
        "The president also calls on world leaders to implement the Paris climate agreement, saying a focus "
        'on combating climate change is "not only the right thing to do, it\'s the smart thing to do."'
    )
    df = helpers.attributions(text)
    got = df[df.cue.isin(("calls", "saying"))]
    # the span read in the text (``mention``; ``source`` is the resolved antecedent's mention)
    assert set(zip(got.mention, got.source_type, strict=True)) == {("The president", "named_person")}
    assert all(spk.endswith("Obama") for spk in got.speaker)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The Syrian regime announced a ceasefire on Monday.", "Syria"),
        ("The Syria Civil Defense tweeted that 40 people died.", "Syria Civil Defense"),
    ],
)
def test_a_body_named_by_its_country_or_its_name_is_a_named_organization(text, speaker):
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_organization", speaker)]


def test_theresa_may_is_not_cut_at_the_modal():
    got = _rows("British Prime Minister Theresa May said Britain would act.")
    assert got == [("British Prime Minister Theresa May", "named_person", "Theresa May", "said")]


def test_a_surname_ending_like_a_group_is_a_person():
    got = _rows("Larry Summers spoke on Monday. Summers said Congress will pass the deal.")
    assert [(t, spk) for _, t, spk, _ in got] == [("named_person", "Larry Summers")]


def test_a_described_body_is_the_body_named_before():
    text = (
        "She apologized for the IRS' practice of targeting conservative groups. "
        "It was the first time the agency acknowledged the practice."
    )
    assert ("the agency", "named_organization", "IRS", "acknowledged") in _rows(text)


# ------------------------------------------------------------------ speaker resolution


def test_she_skips_a_man_who_spoke_last():
    text = (
        "Lois Lerner testified in May. Rep. Joseph Crowley asked her about the questionnaire. "
        "She said there was a questionnaire."
    )
    assert [spk for *_, spk, cue in _rows(text) if cue == "said"] == ["Lois Lerner"]


def test_a_pronoun_after_the_sentences_named_subject_is_that_subject():
    text = (
        "Roy Moore is running for the Senate. White House Press Secretary Sarah Sanders said he should go. "
        "Moore lashed out at what he called the media's lapdogs."
    )
    assert [spk for *_, spk, cue in _rows(text) if cue == "called"] == ["Roy Moore"]


def test_a_person_named_since_a_distant_speaker_takes_the_pronoun():
    text = (
        "Sarah Sanders said the president believes the allegations. Moore claimed the story was false. "
        "The story ran on Thursday. Several women came forward. The editors checked the account. "
        "The Post story centered on allegations made by Leigh Corfman, now 53. "
        "She told the newspaper that Moore approached her in 1979."
    )
    assert [spk for *_, spk, cue in _rows(text) if cue == "told"] == ["Leigh Corfman"]


def test_a_name_suffix_is_no_surname():
    text = (
        "She wrote in a letter from her lawyer, William Taylor III. Taylor has asked that she be excused. "
        "The letter from Taylor states that she would not testify."
    )
    assert [(t, spk) for _, t, spk, cue in _rows(text) if cue == "asked"] == [
        ("named_person", "William Taylor")
    ]


def test_the_last_word_of_a_committee_is_no_person():
    text = (
        "As Lois Lerner appeared before the House Committee on Oversight and Government Reform, "
        "she told her questioners that the accusations were false."
    )
    assert [spk for *_, spk, _ in _rows(text)] == ["Lois Lerner"]


def test_a_number_sign_ends_no_sentence():
    text = "Sen. Jon Kyl, the No. 2 Republican in the Senate, told reporters that a bill could be ready."
    assert len(helpers.sentences(text)) == 1
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_person", "Jon Kyl")]


# ------------------------------------------------------------------ only statements


@pytest.mark.parametrize(
    "text",
    [
        "The paper found three other women.",
        "So rest assured, I will never give up the fight.",
        'Kyl said an official analysis and price tag, referred to as a "score," from the Joint Committee on '
        "Taxation (JCT) are not yet ready, but that the Senate could move to the bill anyway.",
        "She learned of it after reading news media reports last year.",
        "Since she will be pleading the Fifth, she asked to be excused from testifying.",
        "Sen. Jim DeMint, R-S.C., would not go that far but said Steele must apologize to the troops.",
    ],
)
def test_discoveries_idioms_and_demands_are_no_statements(text):
    # ("must apologize" guards the new cue 'apologize': code without that cue passes it too)
    words = ("found", "assured", "referred", "reports", "pleading", "apologize")
    assert not [cue for *_, cue in _rows(text) if cue.startswith(words)]


def test_a_documents_finding_stays():
    assert [(t, cue) for _, t, _, cue in _rows("The report found that she was briefed.")] == [
        ("document", "found")
    ]


def test_agreeing_to_act_is_an_intention():
    text = "Some Democrats are unhappy that Obama agreed to extend the tax cuts."
    assert not _rows(text)
    assert "agreed" in [cue for *_, cue in _rows(text, beliefs=True)]


# ------------------------------------------------------------------ every cue


@pytest.mark.parametrize(
    "text, cue",
    [
        ("She apologized for the practice of targeting conservative groups.", "apologized"),
        ("Mr. Obama emphatically disputed that Democrats feel betrayed.", "disputed"),
        ("Moore lashed out at the media on Thursday.", "lashed"),
        ('"She has no choice," the letter reads.', "reads"),
    ],
)
def test_more_speech_verbs(text, cue):
    assert cue in [c for *_, c in _rows(text)]


def test_reads_needs_a_document():
    assert not _rows("He reads the newspaper every morning.")


# ------------------------------------------------------------------ types


def test_members_of_a_large_body_are_vague_members_of_a_staff_are_not():
    assert [t for _, t, _, _ in _rows("Members of Congress are calling her evasive.")] == ["unnamed_group"]
    assert [t for _, t, _, _ in _rows("Members of the president's staff have urged him to wait.")] == [
        "anonymous"
    ]


def test_the_object_of_a_preposition_closes_the_subject():
    text = "Some called it a plot, even as the reporters behind it described how they found the story."
    assert ("the reporters behind it", "anonymous") in [(s, t) for s, t, _, _ in _rows(text)]


# ------------------------------------------------------------------ read on a BASIL event nobody tuned on
# (Clinton's tax returns, July 2015: HuffPost, New York Times, Fox News; round three)


@pytest.mark.parametrize(
    "text, source",
    [
        ("Recent polls suggest that voters are split on the question.", "Recent polls"),
        ("The returns show that the couple paid $44 million in federal taxes.", "The returns"),
        (
            "Mrs. Clinton’s tax return showed that her federal tax rate was 35.72 percent.",
            "Mrs. Clinton’s tax return",
        ),
        (
            "He earned $9 million in speaking fees, according to an accompanying list of his speaking fees.",
            "an accompanying list of his speaking fees",
        ),
    ],
)
def test_polls_returns_and_lists_are_documents_not_anonymous_people(text, source):
    assert [(s, t) for s, t, _, _ in _rows(text)] == [(source, "document")]


def test_a_day_is_no_part_of_a_speaker_or_a_body():
    got = _rows("Hillary Rodham Clinton on Friday said she would release more records.")
    assert [(t, spk) for _, t, spk, _ in got] == [("named_person", "Hillary Rodham Clinton")]
    got = _rows("The official White House account early Friday posted a video of the event.")
    assert [(t, spk) for _, t, spk, _ in got] == [("named_organization", "White House")]


def test_a_candidates_camp_is_the_campaign_speaking():
    got = _rows("Hillary Clinton spoke in Iowa. Clinton’s camp was touting the release on Friday.")
    assert ("named_organization", "Clinton camp") in [(t, spk) for _, t, spk, _ in got]


def test_her_doctor_is_the_doctor_named_before():
    text = (
        "The statement on her health, from Dr. Lisa Bardack, an internist at the Mount Kisco Medical "
        "Group in Mount Kisco, New York, said she has seasonal pollen allergies. She also practices yoga "
        "and swims, her doctor said."
    )
    got = _rows(text)
    assert [(t, spk) for _, t, spk, cue in got] == [("named_person", "Lisa Bardack")] * 2


def test_who_after_an_appositive_is_the_person_named_before_it():
    text = (
        "The release sets up a contrast with former Gov. Jeb Bush of Florida, a leading Republican "
        "contender, who has argued he is more transparent than she is."
    )
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_person", "Jeb Bush")]


def test_capitals_share_counts_every_cased_letter_as_str_methods_do():
    from outlet_comparison.instruments.attribution.capitals import capitals_share

    for text in ("KERRY SAID NO.", "Kerry said no.", "ǅ ß İ Σσ É é 12 -", "", "1234"):
        cased = [c for c in text if c.isupper() or c.islower()]
        expected = sum(c.isupper() for c in cased) / len(cased) if cased else 0.0
        assert capitals_share(text) == expected
