"""Issue 21, round twelve: rows that are no statement on web-scraped AllSides text (``attribution/webpage.py``
and ``lexicons/attribution_nonstatements.csv``): page furniture (headlines, standfirsts, related links,
captions, video boxes, hover cards, embedded tweets), deaths a storm "claimed", a storm that "showed
no sign", hypotheticals ("could argue"), "took notes", "the 911 call". Sentences modelled on rows read in
articles 81-120 of the 400-article row-diff sample; each furniture and idiom test fails on the code before
it, each guard holds on both."""

from __future__ import annotations

import pytest
from conftest import attribution_rows as _rows

_BODY = "Police said on Monday that the roads were closed."


def _cues(text: str) -> list[str]:
    """The cues of ``text``'s rows."""
    return [r[3] for r in _rows(text)]


@pytest.mark.parametrize(
    "furniture, cue",
    [
        ("Hong Kong Protesters and Activists Say Withdrawal of Extradition Bill Is Too Little", "Say"),
        ("Mayor calls engineer's driving 'reckless,' NTSB fires back", "calls"),
        ('"It will take time to clarify exactly what happened ... and why," PM says', "says"),
        ("Syrian opposition groups don't trust the Obama administration, experts on the region say", "say"),
        ("SEE ALSO: John Boehner demands answers on NSA, phone records", "demands"),
        ("Travel ban ruling suggests supreme court would be tough to convince Read more", "suggests"),
        (
            "JUST WATCHED King: FBI should have informed Obama Replay More Videos ... MUST WATCH King: FBI"
            " should have informed Obama 03:05",
            "informed",
        ),
        (
            "Photos: Sydney cafe siege Sydney cafe siege – A journalist reports on the situation in Sydney. "
            "Hide Caption 18 of 23",
            "reports",
        ),
        (
            "I want to clarify something I said yesterday. — Joe Biden (@JoeBiden) December 28, 2019",
            "—",
        ),
        (
            "CLOSE Former Kansas Sen. Bob Dole spoke out against Ted Cruz in an interview with The New York"
            " Times. Video provided by Newsy Newslook",
            "spoke out",
        ),
        ("FILE PHOTO: Special Counsel Robert Mueller departs after briefing the committee.", ":"),
        ("EXCLUSIVE: Anthony Weiner sexted a woman while his son was in bed.", ":"),
    ],
)
def test_page_furniture_is_no_row(furniture, cue):
    cues = _cues(f"{furniture}\n\n{_BODY}\n\nThe mayor said the water was rising.")
    assert cue not in cues
    assert cues.count("said") == 2  # the body's statements stay


def test_a_hover_cards_headlines_are_no_row():
    text = (
        "The memo was filed on Friday. Special counsel Robert Mueller Robert (Bob) Swan MuellerSpeier says "
        "impeachment inquiry shows 'very strong case of bribery' by Trump MORE said on Friday that the "
        "deal was void.\n\nLawyers said they would appeal."
    )
    cues = _cues(text)
    assert "says" not in cues and "shows" not in cues
    assert "said" in cues


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph whose stop was lost: a pronoun or a past-tense cue reads as a body sentence
        "“I can’t do that after 38 years,” he said\n\nKnown for his suits, Cherry spoke often.",
        "Haley said the United States would propose new sanctions in coming days\n\nThe talks went on.",
        # a field the caller labels is the text's own content (the SCU benchmark's input)
        "Headline: Harris widens lead over Trump, poll finds\nSubtitle: The race tightened.\n\nMore text.",
        # a long paragraph without its stop is a sentence, not a heading
        "Ajjawi says he was held at the Boston airport for eight hours and questioned for five hours, before "
        "immigration officials rescinded his visa and sent him home\n\nHe is back in Lebanon.",
    ],
)
def test_body_sentences_without_their_stop_stay(text):
    assert _cues(text)[:1] in (["said"], ["finds"], ["says"])


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Florence had claimed five lives and caused widespread flooding.", "claimed"),
        ("Florence showed no sign of letting up Saturday.", "showed"),
        ("If people do not renew, then the president could argue that he tried and was stymied.", "argue"),
        ("Some senators took notes and listened attentively.", "notes"),
        ("He had not been texting before he made the 911 call.", "call"),
        ("Parliament has repeatedly rejected May's deal, but it opposes leaving without one.", "rejected"),
        ("Shortly after the real estate mogul concluded his speech, the crowd left.", "concluded"),
        ("Do electors have to vote according to popular vote results in their states?", "according to"),
        ("The views expressed are his own.", "expressed"),
    ],
)
def test_no_statement_idioms_are_no_row(text, cue):
    assert cue not in _cues(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Officials claimed that lives were at stake.", "claimed"),
        ("The report shows that the agency ignored the warnings, the inspector said.", "shows"),
        ("Video of the incident shows him with his hands in the air.", "shows"),  # a document (PolNeAR too)
        ("Durbin rejected Trump's deal, saying it failed the Dreamers.", "rejected"),
        ("Trump has said he will veto the bill.", "said"),
        ("The senators wrote in a joint statement that they would keep working.", "wrote"),
    ],
)
def test_real_statements_stay(text, cue):
    assert cue in _cues(text)
