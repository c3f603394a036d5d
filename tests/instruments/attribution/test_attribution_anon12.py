"""Issue 21, round twelve (src21): rows typed anonymous that a reader would not call anonymous, by class,
read on the AllSides audit's part C (tests/gold/anonymous_audit_allsides.csv): a party's people at large
under a vague head are a vague group ("Republican critics", "Republican lawmakers"), so is a vague bare
plural with "and others" added, and a poll's split after the cue ("Iowa voters say 59 - 33 percent") is
the poll's figure, a document. Generated sentences; each test of a change fails on the code before it
(the role holders and withheld identities are guards that pass on both)."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows
from conftest import typed_as as _typed


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The FBI is looking into her email arrangement and Republican critics have said she should face "
            "legal consequences.",
            "Republican critics",
        ),
        (
            "Ukraine's president has not said he felt pressured. Republican lawmakers called Taylor's "
            "account hearsay, and Republican Rep. Devin Nunes agreed.",
            "Republican lawmakers",
        ),
        ("But Republican lawmakers say the reforms are fundamentally flawed.", "Republican lawmakers"),
        ("On Monday, Democratic critics argued that the bill was rushed.", "Democratic critics"),
    ],
)
def test_a_partys_people_under_a_vague_head_are_a_vague_group(text, source):
    assert _typed(text, source) == "unnamed_group"


def test_they_after_a_partys_critics_is_the_vague_group_too():
    text = (
        "The FBI is looking into her email arrangement and Republican critics have said she should face "
        "legal consequences for what they say was an unconventional email practice."
    )
    assert [t for _, t, _, _ in _rows(text)] == ["unnamed_group", "unnamed_group"]


def test_a_vague_bare_plural_with_others_added_is_a_vague_group():
    text = (
        "A growing number of bipartisan lawmakers, First Amendment groups and others rebuked the president."
    )
    assert _typed(text, "First Amendment groups") == "unnamed_group"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Hillary Clinton is not honest and trustworthy, Iowa voters say 59 - 33 percent.", "Iowa voters"),
        (
            "Colorado voters say 62 - 34 percent that Hillary Clinton is not honest and trustworthy.",
            "Colorado voters",
        ),
    ],
)
def test_a_polls_split_after_the_cue_is_a_document(text, source):
    assert _typed(text, source) == "document"


# ------------------------------------------------------------------ guards (pass before and after)


@pytest.mark.parametrize(
    "text, source, rtype",
    [
        # a party's role holders and its withheld sources stay as typed
        (
            "Meanwhile, Democratic leaders slammed McConnell for not bringing the bill to the floor.",
            "Democratic leaders",
            "anonymous",
        ),
        (
            "Top Republican lawmakers said it was fine, and Republican Gov. Mike Pence agreed.",
            "Top Republican lawmakers",
            "anonymous",
        ),
        ("Republican sources said the vote would fail.", "Republican sources", "anonymous"),
        # a name with others added stays as typed; officials stating a share are no poll
        ("Germany and others insisted they need a clearer picture.", "Germany and others", "unnamed_group"),
        ("Officials say 62 - 34 percent of the homes were lost.", "Officials", "anonymous"),
        ("Two officials said 40 percent of the money was spent.", "Two officials", "anonymous"),
    ],
)
def test_role_holders_names_and_withheld_identities_keep_their_type(text, source, rtype):
    assert _typed(text, source) == rtype


# ------------------------------------------------------------------ a named person's appositive


@pytest.mark.parametrize(
    "text, source, speaker",
    [
        (
            "Clint Eastwood said he would speak. But was I surprised that Eastwood, a man who describes "
            'himself as an "Eisenhower Republican," would appear at the convention? Not at all.',
            "a man",
            "Clint Eastwood",
        ),
        (
            "The meeting was a little warm for Mulvaney at times, according to Mark Walker, a North Carolina "
            "representative who noted that people in the room reminded him of the stakes.",
            "a North Carolina representative",
            "Mark Walker",
        ),
        (
            '"The decision shows disrespect for the rule of law," Sen. Jeff Sessions, R-Ala., one of her '
            "chief critics, said in a statement.",
            "one of her chief critics",
            "Jeff Sessions",
        ),
        (
            '"Abortion is a constitutional right," Sen. Bernie Sanders, I-Vt., Biden\'s next-closest rival, '
            "said Wednesday.",
            "Biden's next-closest rival",
            "Bernie Sanders",
        ),
        (
            "Hillary Clinton spoke last. In her speech on Thursday, Clinton, 68, a former first lady and "
            "U.S. senator, promised to make the United States a country that works for everyone.",
            "68, a former first lady",
            "Hillary Clinton",
        ),
    ],
)
def test_a_named_persons_appositive_is_that_person(text, source, speaker):
    hit = [r for r in _rows(text) if r[0].startswith(source)]
    assert [(t, spk) for _, t, spk, _ in hit] == [("named_person", speaker)]


@pytest.mark.parametrize(
    "text, source",
    [
        # a name that ends the reported clause: no comma closes the source before its cue
        (
            "The plant supplies planemaker and defence contractor Boeing Co, a senior U.S. official said.",
            "a senior",
        ),
        (
            "Officials said the plant was hit. The plant supplies Boeing, a senior U.S. official who spoke "
            "on condition of anonymity said.",
            "a senior",
        ),
        (
            "On Saturday, a federal official briefed on the shooting told CNN that the shooter aimed.",
            "a federal",
        ),
    ],
)
def test_an_unnamed_source_after_a_name_ending_the_reported_clause_stays_anonymous(text, source):
    assert _typed(text, source) == "anonymous"


# ------------------------------------------------------------------ a named person's team


@pytest.mark.parametrize(
    "text, source, speaker",
    [
        (
            "Robert Mueller said nothing. Although Mueller's team has indicated to Trump's lawyers that he's "
            "not considered a target, investigators remain interested.",
            "Mueller's team",
            "Mueller team",
        ),
        (
            "Donald Trump said he would act. Trump’s transition team said the effort shows that the "
            "president-elect is determined.",
            "Trump’s transition team",
            "Trump transition team",
        ),
        (
            "Bernie Sanders said he would stay. Sanders’ team acknowledges he will also struggle in Florida.",
            "Sanders’ team",
            "Sanders team",
        ),
    ],
)
def test_a_named_persons_team_is_a_body(text, source, speaker):
    hit = [r for r in _rows(text) if r[0] == source]
    assert [(t, spk) for _, t, spk, _ in hit] == [("named_organization", speaker)]


def test_a_title_or_a_legal_team_is_no_named_persons_body():
    # "President's team" names nobody (no person of the text has that name)
    text = "The House managers and President's team took turns arguing the trial rules."
    assert [r[1:3] for r in _rows(text) if r[0] == "President's team"] in ([], [("named_organization", "")])
    # the person's lawyers: agents the text does not name (judged right as anonymous on the audit's part B)
    assert (
        _typed("Windsor's legal team said the law was unconstitutional.", "Windsor's legal team")
        == "anonymous"
    )


# ------------------------------------------------------------------ a surname that is also a body noun


def test_a_surname_that_is_also_a_body_noun_is_the_person_named():
    text = (
        "Rep. Dave Camp, chairman of the committee, opened the hearing. After the hearing, Camp described a "
        '"disturbing lack of detail" during testimony.'
    )
    hit = [r for r in _rows(text) if r[0] == "Camp"]
    assert [(t, spk) for _, t, spk, _ in hit] == [("named_person", "Dave Camp")]


def test_a_body_noun_no_person_of_the_text_bears_keeps_its_type():
    text = "Rep. Dave Camp opened the hearing. Police said the hearing was calm."
    assert _typed(text, "Police") == "anonymous"
