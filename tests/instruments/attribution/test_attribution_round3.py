"""Issue 21, third round: failure classes read on the scored check parts of the end-to-end gold (BASIL
check and check2, now tuning data) and checked on AllSides. Each test fails on the code before the fix;
the texts are short paraphrases, not the articles."""

from __future__ import annotations

from conftest import attribution_rows as _rows

# ------------------------------------------------------------------ a described body is that body


def test_the_department_is_the_department_named_before_not_anonymous():
    text = (
        "Her advisers chose which emails to hand over to the State Department. "
        "The department said late Monday that it had received 55,000 pages."
    )
    assert ("The department", "named_organization", "State Department", "said") in _rows(text)


def test_the_paper_is_the_outlet_that_spoke_before_in_its_full_name():
    text = (
        "The account was first reported by The New York Times. "
        "The Times reports that her aides took no action. "
        "Instead, the paper reports, her advisers selected which emails to turn over."
    )
    got = _rows(text)
    assert [(t, spk) for _, t, spk, _ in got] == [("named_organization", "New York Times")] * 3


def test_the_paper_in_the_sentence_of_an_outlet_is_that_outlet():
    text = (
        "The tariff came after a supplier, The North Pacific Paper, filed a complaint. "
        "The Tampa Bay Times announced layoffs that the paper said were a result of the tariffs."
    )
    said = [r for r in _rows(text) if r[3] == "said"]
    assert [(t, spk) for _, t, spk, _ in said] == [("named_organization", "Tampa Bay Times")]


def test_the_department_in_the_sentence_of_an_outlet_is_still_the_department():
    text = (
        "Her advisers chose which emails to hand over to the State Department. "
        "The Times reports that the department said it had received 55,000 pages."
    )
    said = [r for r in _rows(text) if r[3] == "said"]
    assert [(t, spk) for _, t, spk, _ in said] == [("named_organization", "State Department")]


# ------------------------------------------------------------------ vague groups and titles


def test_backers_of_a_policy_are_a_vague_group():
    got = _rows("Backers of the policy say it allows officials to focus resources.")
    assert [(s, t) for s, t, _, _ in got] == [("Backers of the policy", "unnamed_group")]


def test_a_whip_is_a_person_not_a_body():
    got = _rows('"He can get 100 votes," Senate Majority Whip John Cornyn, R-Texas, said on Thursday.')
    assert [(t, spk) for _, t, spk, _ in got] == [("named_person", "John Cornyn")]


def test_who_after_a_name_of_a_place_and_state_is_the_name():
    text = (
        "He won an endorsement from Sheriff Joe Arpaio of Maricopa County, Ariz., who unabashedly calls "
        "himself the toughest sheriff in the country."
    )
    assert [(t, spk) for _, t, spk, _ in _rows(text)] == [("named_person", "Joe Arpaio")]


# ------------------------------------------------------------------ a subject pronoun continues the subject


def test_a_subject_pronoun_takes_the_subject_of_the_sentence_before_not_the_last_speaker():
    text = (
        '"He does something about it," Mr. Arpaio said. '
        "Mr. Perry was widely criticized within his own party for backing a state plan. "
        "At one point he suggested that those who opposed his position were heartless. "
        'On Tuesday he repeated his apology for that comment, calling it "very inappropriate."'
    )
    got = [(spk, cue) for _, _, spk, cue in _rows(text) if cue != "said"]
    assert got and all(spk == "Perry" or spk.endswith(" Perry") for spk, _ in got)


def test_the_subject_chain_runs_through_sentences_whose_subject_is_the_same_pronoun():
    text = (
        "Trump confirmed that former Sen. Joe Lieberman is his top choice. "
        "Trump met with Lieberman and Richard McFeely, who served in the FBI for 24 years. "
        "Lieberman, who was the 2000 vice presidential nominee, would be an unconventional choice. "
        "He has no federal law enforcement experience. "
        "He has previously said that he would support an independent commission."
    )
    said = [r for r in _rows(text) if r[3] == "said"]
    assert [spk for _, _, spk, _ in said] == ["Joe Lieberman"]


# ------------------------------------------------------------------ no statement


def test_a_passive_with_an_adverb_or_its_auxiliary_in_the_cue_is_no_statement():
    text = (
        "Clinton, who is often described as the frontrunner, has faced scrutiny. "
        "She said it came late because she was never asked. "
        "The endorsement comes after the candidate was criticized for his immigration platform."
    )
    assert [cue for _, _, _, cue in _rows(text)] == ["said"]


def test_an_unlisted_progressive_cue_of_the_model_is_no_passive():
    got = _rows("Donald Trump is doubling down on his attacks on a former Miss Universe.", beliefs=True)
    assert [s for s, _, _, _ in got] == ["Donald Trump"]


def test_an_adjective_cue_of_the_model_after_its_auxiliary_is_no_passive():
    # the model's cue loses its auxiliary ("has been", "were"); the passive filter then saw a be-form
    # right before it (the merge of the two issue 21 branches lost these rows on PolNeAR dev)
    text = (
        "Graham has been critical of Trump since they both were competing in the primary. "
        "Clinton aides were coy about whether they would change their approach."
    )
    assert [(s, cue) for s, _, _, cue in _rows(text, beliefs=True)] == [
        ("Graham", "critical of"),
        ("Clinton aides", "coy about"),
    ]


def test_a_model_cue_opening_with_an_unlisted_participle_is_no_passive_of_its_listed_verb():
    got = _rows("Mr. Obama is also determined to warn his supporters about the dangers.", beliefs=True)
    assert [(s, cue) for s, _, _, cue in got] == [("Mr. Obama", "determined to warn")]
    # a listed verb in the passive still states nothing
    assert _rows("His election was widely praised. The bill is often described as a compromise.") == []


def test_the_noun_reports_inside_an_according_to_phrase_is_no_second_cue():
    got = _rows("Trump confirmed that Lieberman is his top choice, according to White House pool reports.")
    assert [(cue, t) for _, t, _, cue in got] == [("confirmed", "named_person"), ("according to", "document")]


# ------------------------------------------------------------------ the subject of a cue across an aside


def test_a_coordinated_cue_skips_an_inverted_attribution_aside_to_the_sentence_subject():
    text = (
        "Mr. Perry, in his most expansive comments since the debate, was not suggesting any roundup, "
        "an aide later made clear, but calling for all people arrested to be expelled."
    )
    got = {cue: (s, t) for s, t, _, cue in _rows(text)}
    assert got["made clear"] == ("an aide", "anonymous")
    assert got["calling for"] == ("Mr. Perry", "named_person")


def test_a_subject_before_a_dash_aside_is_the_source():
    text = (
        "But members of Mr. Trump’s staff — alarmed by his rapid embrace of Mr. Lieberman, a charming "
        "operator — have quietly urged him to take more time."
    )
    assert [(s, t, cue) for s, t, _, cue in _rows(text)] == [
        ("members of Mr. Trump’s staff", "anonymous", "urged")
    ]


def test_an_inverted_source_holds_a_leaning_adjective_and_its_name_stops_before_of():
    text = (
        "The decision could raise many couples’ taxes, said Roberton Williams of the nonpartisan "
        "Tax Policy Center."
    )
    got = _rows(text)
    assert [(t, spk) for _, t, spk, _ in got] == [("named_person", "Roberton Williams")]
    assert got[0][0].endswith("Tax Policy Center")


def test_a_participle_after_a_belief_participle_takes_the_sentence_subject():
    text = (
        "Mr. Steele, seeking to clarify his remarks, issued a statement on Friday afternoon, saying, "
        "“There is no question that America must win.”"
    )
    assert [(s, cue) for s, _, _, cue in _rows(text)] == [("Mr. Steele", "saying")]
