"""Issue 21, round nine (lane: speakers and types): classes of wrong speakers and types read on the
end-to-end gold's ``check5`` part (tuning data since its first score). Each test fails on the code before
the fix."""

from __future__ import annotations

from conftest import attribution_rows as _rows


def test_a_suffix_belongs_to_the_name_and_a_bare_surname_finds_it():
    # "Jesse Jackson Jr" was filed under the surname "Jr": a bare "Jackson" went to his wife
    text = (
        "Former Rep. Jesse Jackson Jr. pleaded guilty on Wednesday. His wife, Sandra Jackson, is expected "
        "to plead guilty too. Jackson said he was sorry."
    )
    assert _rows(text)[-1][:3] == ("Jackson", "named_person", "Jesse Jackson Jr")


def test_mr_with_a_surname_of_several_people_is_the_man():
    # "Mr. Jackson" among Sandi ("Sandra Jackson") and Jesse Jackson Jr: the honorific's gender
    text = (
        "Sandra Jackson pleaded guilty on Tuesday. Her husband, Jesse Jackson Jr., stood by. "
        "Sandra Jackson said she was sorry. “I misled the American people,” Mr. Jackson said."
    )
    assert _rows(text)[-1][2] == "Jesse Jackson Jr"


def test_a_title_the_text_gives_one_person_of_a_surname_is_that_person():
    text = (
        "Mary Cheney, one of former Vice President Dick Cheney’s two daughters, criticized her sister. "
        "Mary Cheney wrote that she was wrong. Liz Cheney said she was not for gay marriage. "
        "Former Vice President Cheney has reportedly said the states should decide."
    )
    assert _rows(text)[-1][1:3] == ("named_person", "Dick Cheney")


def test_a_bare_surname_of_several_people_is_the_most_named():
    text = (
        "Mary Cheney wrote on Facebook. Mary Cheney said she loves her sister. Liz Cheney is running. "
        "Their father, former Vice President Dick Cheney, supports same-sex marriage, and the younger "
        "Cheney echoed some of his language on the issue when she added that freedom means freedom."
    )
    assert _rows(text)[2][:3] == ("the younger Cheney", "named_person", "Mary Cheney")


def test_a_description_of_the_article_s_person_is_that_person():
    text = (
        "Sen. Marco Rubio laid out his foreign policy on Wednesday. Rubio said America must lead. "
        "“It takes forethought,” the 43-year-old said. In laying out the doctrine, the presidential hopeful "
        "said he was guided by three principles."
    )
    rows = _rows(text)
    assert rows[-2][1:3] == ("named_person", "Marco Rubio")
    assert rows[-1][1:3] == ("named_person", "Marco Rubio")


def test_a_modified_title_vying_for_a_nomination_is_the_person_the_text_titles():
    text = (
        "NEW YORK -- U.S. Sen. Marco Rubio set forth a foreign policy vision on Wednesday. In comments "
        "delivered at the Council on Foreign Relations, the conservative senator vying for the GOP "
        "presidential nomination said the world would be safer."
    )
    assert _rows(text)[-1][1:3] == ("named_person", "Marco Rubio")


def test_a_surname_before_a_body_noun_stays_a_body():
    # a guard (passes before too): "the younger Cheney" must not make "The Clinton campaign" a person
    text = "Hillary Clinton spoke on Monday. The Clinton campaign said it would respond."
    assert _rows(text)[-1][1] == "named_organization"


def test_a_possessive_pronoun_and_a_body_noun_is_that_person_s_body():
    text = (
        "Sen. Kay Bailey Hutchison said on Friday that the group had shifted. Her office claims the bill "
        "would cut deficits."
    )
    assert _rows(text)[-1][1:3] == ("named_organization", "Hutchison office")  # as "Moore campaign"


def test_a_party_state_tag_is_no_speaker():
    text = (
        "Sen. Kay Bailey Hutchison, R-Texas, who on Thursday unveiled her own plan, said Friday that the "
        "group has shifted."
    )
    rows = _rows(text)
    assert {r[2] for r in rows} == {"Kay Bailey Hutchison"}


def test_an_apposed_lower_case_title_is_the_name_before_it():
    text = (
        "Max Richtman, executive vice president of the National Committee to Preserve Social Security and "
        "Medicare, an advocacy group in Washington, said the timing was bad."
    )
    assert _rows(text)[-1][1:3] == ("named_person", "Max Richtman")


def test_excerpts_of_a_speech_are_a_document():
    text = "The approach, according to excerpts from his speech provided by his campaign, has three pillars."
    assert _rows(text)[-1][1] == "document"


def test_a_person_described_by_another_s_surname_is_not_that_person():
    # a guard of the rule above: "the lawyer representing Love" is not Tonya Love
    text = (
        "Tonya Love filed the petition. Love said it was late. The lawyer representing Love said the judge "
        "erred."
    )
    assert _rows(text)[-1][2] != "Tonya Love"


def test_an_opening_prepositional_phrase_is_no_source():
    # the participle's subject was read as "In Wednesday's": the subject after the phrase's noun speaks
    text = (
        "U.S. Sen. Marco Rubio set forth a foreign policy vision Wednesday. In Wednesday's speech the "
        "senator also took a swipe at Hillary Clinton, calling her tenure ineffective."
    )
    assert _rows(text)[-1][:3] == ("the senator", "named_person", "Marco Rubio")


def test_a_participle_after_what_an_outlet_reports_is_the_reported_person_s():
    text = (
        "Mary Cheney blasted her sister, The New York Times is reporting. The Times reports Liz Cheney on "
        "Friday first articulated her position on the subject, saying it should be for voters to decide."
    )
    assert _rows(text)[-1][:4] == ("Liz Cheney", "named_person", "Liz Cheney", "saying")
