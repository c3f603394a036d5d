"""Issue 21, round nine (src15): the anonymous and type errors of the end-to-end gold's check7 part (scored
once, tuning data since): a role the text gives a named person ("The representative" after "Rep. Bruce
Braley"), a named movement's members written as a group, a possessive outlet before a pronoun subject, a
version of a document. Checked on generated sentences; each test fails on the code before the fix."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows


def _said(rows: list[tuple[str, str, str, str]], source: str) -> tuple[str, str]:
    """(type, speaker) of the one row whose source starts with ``source``."""
    hit = [r for r in rows if r[0].startswith(source)]
    assert len(hit) == 1, rows
    return hit[0][1], hit[0][2]


@pytest.mark.parametrize(
    "title, role, name",
    [
        ("Rep.", "representative", "Bruce Braley"),
        ("Rep.", "representative", "Anna Eshoo"),
        ("Gov.", "governor", "Jan Brewer"),
    ],
)
def test_a_role_the_text_gives_a_named_person_is_that_person(title, role, name):
    # "The representative also posted a statement" (Rep. Bruce Braley): was anonymous, no speaker
    text = (
        f"{title} {name} apologized on Tuesday after Sen. Tom Harkin criticized him. "
        f"The {role} also said the comment was wrong."
    )
    assert _said(_rows(text), f"The {role}") == ("named_person", name)


@pytest.mark.parametrize("holder", ["Kim Guadagno", "Lt. Gov. Kim Guadagno"])
def test_a_possessed_role_apposed_to_a_name_elsewhere_is_that_name(holder):
    # "Mr. Christie’s lieutenant governor and another senior administration official had threatened"
    text = (
        "On Saturday, the mayor, Dawn Zimmer, said Mr. Christie’s lieutenant governor and another senior "
        "administration official had threatened her. Gov. Chris Christie was silent. The lieutenant "
        f"governor, {holder}, emphatically denied the allegations on Monday."
    )
    assert _said(_rows(text), "Mr. Christie’s lieutenant governor") == ("named_person", "Kim Guadagno")


def test_a_role_nobody_holds_is_no_guessed_name():
    # "Gov. Chris Christie" holds another role than "lieutenant governor": no speaker is guessed
    text = "Gov. Chris Christie spoke Monday. Mr. Christie's lieutenant governor said the aid was tied."
    assert _said(_rows(text), "Mr. Christie's lieutenant governor") == ("anonymous", "")


@pytest.mark.parametrize(
    "group", ["Tea Party members", "Tea party organizers", "Occupy Wall Street activists"]
)
def test_a_named_movements_members_are_a_vague_group(group):
    body = " ".join(group.split()[:-1])
    text = f"The {body} movement held rallies on Monday. {group} said the claims of racism were false."
    assert _said(_rows(text), group) == ("unnamed_group", "")


@pytest.mark.parametrize("outlet", ["Fox News’", "CNN’s"])
def test_an_outlets_possessive_is_no_antecedent_of_she(outlet):
    # "On Fox News’ “Hannity,” she called on the Obamas": she is Palin, not the outlet
    text = (
        "Sarah Palin, the 2008 Republican vice presidential nominee, weighed in on Monday. "
        f"On {outlet} “Hannity,” she called on the Obamas to rebuke the group and “set the record straight.”"
    )
    rows = _rows(text)
    assert [(r[1], r[2]) for r in rows if r[3].startswith("called")] == [("named_person", "Sarah Palin")]


@pytest.mark.parametrize("doc", ["the original", "the draft"])
def test_a_version_of_a_document_quoting_its_words_is_a_document(doc):
    # "But the original called for the NAACP to “educate its membership ...”": was anonymous
    text = (
        "The NAACP passed a resolution on Tuesday. "
        f"But {doc} called for the NAACP to “educate its membership and the community.”"
    )
    assert _said(_rows(text), doc) == ("document", "")


@pytest.mark.parametrize("quality", ["the security of the information", "the integrity of the data"])
@pytest.mark.parametrize("joint", [",", ""])
def test_a_quality_before_a_bare_participle_is_no_source(quality, joint):
    # "... Clinton’s privacy, the security of the information queried, and the public’s interest": was an
    # anonymous source of 'queried'
    text = (
        "Gowdy wrote to the lawyer on Friday. “The committee believes an interview would best protect "
        f"Secretary Clinton’s privacy, {quality} queried{joint} and the public’s interest,” Gowdy also wrote."
    )
    assert not [r for r in _rows(text) if r[3] == "queried"]


def test_a_majority_that_agreed_still_speaks():
    text = "The board voted on Monday. The majority agreed, saying the plan was fair."
    assert [r[:2] for r in _rows(text) if r[3] == "agreed"] == [("The majority", "anonymous")]


@pytest.mark.parametrize("role", ["spokesman", "spokeswoman"])
def test_a_modified_title_is_not_a_person_named_with_another_role(role):
    # "spokesman Chris Fleming said. Sarah Palin ... The former Alaska governor said": was Fleming
    text = (
        f"The resolution was adopted on Tuesday, {role} Chris Fleming said. Sarah Palin, a vocal tea party "
        "supporter, said in a statement that she was saddened. The former Alaska governor said the claims "
        "were false."
    )
    assert _said(_rows(text), "The former Alaska governor") == ("named_person", "Sarah Palin")


def test_a_modified_title_is_not_a_person_apposed_to_another_role():
    # "..., said Hilary Shelton, director of the NAACP's Washington bureau. ... Sarah Palin ...": was Shelton
    text = (
        "The resolution calls on the movement to act, said Hilary Shelton, director of the group's bureau. "
        "Sarah Palin, a vocal tea party supporter, said in a statement that she was saddened. The former "
        "Alaska governor said the claims were false."
    )
    assert _said(_rows(text), "The former Alaska governor") == ("named_person", "Sarah Palin")


def test_a_candidate_named_with_his_title_is_still_the_presumptive_nominee():
    text = (
        "Republican presidential candidate Mitt Romney spoke on Wednesday. Romney said he opposed it. "
        "Romney told reporters he was firm. Barack Obama said he supports it. Asked again, the presumptive "
        "Republican presidential nominee said he would leave it to the states."
    )
    assert _said(_rows(text), "the presumptive Republican presidential nominee") == (
        "named_person",
        "Mitt Romney",
    )
