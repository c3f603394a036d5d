"""Issue 21, round eleven (lane: speakers): classes of wrong speakers read on part B of
``tests/gold/attribution_speakers10.csv`` (judged blind at the end of round ten), each fixed as a class
with generated sentences. Each test fails on the code before the fix (main 485f633)."""

from __future__ import annotations

from conftest import attribution_rows as _rows


def _speaker(text: str, cue: str) -> str:
    """The speaker of the row whose cue is ``cue`` (the first such row)."""
    return next(r[2] for r in _rows(text) if r[3] == cue)


# -- a nationality word is no speaker of its own ------------------------------------------------------


def test_an_indefinite_person_described_by_nationality_is_not_the_country():
    # a photo caption: "A jubilant South African holds up a newspaper announcing ..." named South Africa
    text = "A jubilant Kenyan holds up a newspaper announcing the result at a rally in Nairobi."
    assert [r[2] for r in _rows(text)] == [""]


def test_a_described_lobby_group_with_its_name_apposed_is_that_group():
    text = (
        "The powerful pro-business Canadian lobby group, CanBiz, suggested the tariffs went too far. "
        "Ottawa said nothing."
    )
    assert _speaker(text, "suggested") == "CanBiz"


def test_a_definite_description_apposed_to_a_name_is_that_name_not_the_country():
    text = (
        "ZETA, the Greek organization that was to host the lawmakers, issued a statement saying the "
        "decision was an insult."
    )
    speakers = [r[2] for r in _rows(text)]
    assert "Greece" not in speakers and "ZETA" in speakers


def test_a_state_organ_described_by_nationality_stays_the_country():
    # unchanged: "the Russian foreign ministry", "Iraqi officials" speak for the state
    from outlet_comparison.instruments.attribution.demonyms import adjective_body

    assert adjective_body("the Russian foreign ministry", "Russia", "", 0) is None
    assert adjective_body("the Iraqi military", "Iraq", "", 0) is None
    assert adjective_body("Reuters news service", "Reuters News", "", 0) is None
    assert adjective_body("a Palestinian organization", "Palestine", "", 0) == ""


# -- "the president" is not a foreign president when the text titles its own -------------------------


def test_the_president_is_not_the_foreign_president_named_last():
    text = (
        "President Donald Trump spoke with Chilean President Sebastian Pinera on Monday about trade. "
        "Pinera asked for help with the copper tariffs. Later, the president said the call went well."
    )
    assert _speaker(text, "said") == "Donald Trump"


def test_a_foreign_president_titled_without_his_nationality_elsewhere_is_still_foreign():
    text = (
        "President Barack Obama met Cuban President Raul Castro in Havana. Obama thanked President Castro "
        "for the talks. Later, Obama met Cuban President Raul Castro again. “It is a new day,” the "
        "president told staffers."
    )
    assert _speaker(text, "told") == "Barack Obama"


def test_the_president_of_a_text_naming_only_a_foreign_president_is_that_president():
    # unchanged (a guard): with nobody else titled President, the qualified one is meant
    text = (
        "Chilean President Sebastian Pinera toured the mine. Later, the president said the talks went well."
    )
    assert _speaker(text, "said") == "Sebastian Pinera"


def test_a_nationality_qualifies_a_title_run_but_us_and_a_state_do_not():
    from outlet_comparison.instruments.attribution.demonyms import qualified_title

    assert qualified_title("Ukrainian President ", {"the", "president"})
    assert not qualified_title("U.S. President ", {"the", "president"})
    assert not qualified_title("Texas Sen. ", {"the", "senator"})


# -- an agent's description that holds the agent's name -----------------------------------------------


def test_the_agent_named_in_the_mention_is_the_speaker_not_a_name_before_the_role():
    text = (
        "In a letter addressed to Attorney General William Barr, the lead attorney for the informant, "
        "Mark Zaid, said the client feared for his safety."
    )
    assert _speaker(text, "said") == "Mark Zaid"


# -- a web page's hover card and a long title run are no part of a name ---------------------------------


def test_a_hover_card_after_a_linked_name_is_no_part_of_the_name():
    # The Hill: the linked name, the legal name, glued headlines, "MORE" ("Jeff Sessions Jefferson")
    text = (
        "Sen. Ted Cruz Rafael (Ted) Edward CruzRepublicans face internal brawl over witnesses Understanding "
        "China's brutal campaign MORE promised on Tuesday that he would vote against the bill. “I will not "
        "back down,” he told reporters."
    )
    assert _speaker(text, "told") == "Ted Cruz"


def test_the_card_blanked_out_keeps_every_offset():
    from outlet_comparison.instruments.attribution.cards import without_cards

    text = "President Trump Donald John TrumpSenate GOP waves Trump off early motion MORE said it was over."
    out = without_cards(text)
    assert len(out) == len(text) and out.startswith("President Trump ") and out.endswith(" said it was over.")
    assert "Donald" not in out and "MORE" not in out
    glued = "Sen. Hillary Clinton Hillary Diane Rodham Clinton2020 Democrats make a play MORE said no."
    assert without_cards(glued).startswith("Sen. Hillary Clinton ") and "Diane" not in without_cards(glued)
    caps = "President Trump Donald John TrumpGOP senators balk at a trial MORE tweeted early Wednesday."
    assert "GOP" not in without_cards(caps) and without_cards(caps).endswith(" tweeted early Wednesday.")
    assert without_cards("Gen. Douglas MacArthur said MORE troops were needed.") == (
        "Gen. Douglas MacArthur said MORE troops were needed."
    )


def test_a_subject_title_joined_by_and_is_the_person_it_titles():
    text = (
        "Former Health and Human Services Secretary Tom Price walked out of the hearing on Monday. "
        "“The agency should do its homework,” he said."
    )
    assert _speaker(text, "said") == "Tom Price"


def test_a_plural_role_noun_before_a_name_is_no_first_name():
    text = (
        "The conservative Justices Clarence Thomas and Samuel Alito dissented. Thomas said in the dissent "
        "that the law was clear."
    )
    assert _speaker(text, "said") == "Clarence Thomas"


# -- who a pronoun can and cannot be -------------------------------------------------------------------


def test_a_name_inside_the_quotation_a_pronoun_attributes_is_not_its_speaker():
    # "“... Jewish Americans as a whole,” she said": not "Jewish Americans", the person named before it
    text = (
        "“I think she should be ashamed,” President Donald Trump told reporters on Air Force One. Rep. "
        'Zainab Hadi "unequivocally" apologized hours earlier for the tweet.\n\n“I am grateful for Jewish '
        "allies and colleagues who are educating me. My intention is never to offend my constituents or "
        "Jewish Americans as a whole,” she said in a statement."
    )
    assert _speaker(text, "said") == "Zainab Hadi"


def test_a_subject_pronoun_is_nobody_its_own_clause_names_after_it():
    # binding (principle C): "He later added Obama to the mural" is not Obama
    text = (
        "Obama said the peace deal was a model for the region. Later, a local artist stood beside the "
        "mural of the two leaders. He said Obama deserved more credit than he got."
    )
    rows = [r for r in _rows(text) if r[3] == "said"]
    assert rows[-1][2] != "Barack Obama" and rows[-1][2] != "Obama"


def test_a_sentence_initial_it_continues_the_body_that_was_the_subject_before():
    text = (
        "Greenpeace said the plant was unsafe. Shortly after the ruling, the U.S. Embassy in Oslo issued "
        "an advisory for Americans traveling in the region. It called on them to stay alert."
    )
    assert _speaker(text, "called") == "U.S. Embassy in Oslo"


def test_one_of_the_groups_apposed_to_a_name_is_that_body_for_a_following_it():
    text = (
        "Several groups said they were targeted. One of the groups, the Freedom Works Alliance, has "
        "released a statement rejecting the apology. It says the agency must be held to account."
    )
    assert _speaker(text, "says") == "Freedom Works Alliance"


def test_a_sentence_initial_body_description_continues_the_body_that_was_the_subject_before():
    # "AIPAC – which spent ..., according to OpenSecrets – sponsors a trip. The organization also responded"
    text = (
        "The council said the vote was unfair, according to the Budget Watch Project. The Harbor Fund – "
        "which spent about $3.5 million on lobbying in 2018, according to the Budget Watch Project – "
        "sponsors an annual trip. The organization also responded to the mayor with a tweet."
    )
    assert _speaker(text, "responded") == "Harbor Fund"


def test_a_plural_description_is_no_follow_up_of_one_person():
    text = (
        "“Without the House's participation, there is no case,” said attorney Paul Kemp, representing "
        "House leaders. The Justice Department said it alone should present the case. Windsor's lawyers "
        "also said the House leaders had defended the law."
    )  # "could defend" was the case before round twelve, where a hypothetical is no row
    assert _speaker(text, "defended") == ""
