"""Sentence and paragraph splitting on news-copy hazards."""

import pytest

import helpers

CASES = [
    (
        "The U.S. economy grew 3.5% in the third quarter, Mr. Smith said on Jan. 5. It was good.",
        ["The U.S. economy grew 3.5% in the third quarter, Mr. Smith said on Jan. 5.", "It was good."],
    ),
    (
        "The U.N. Security Council met. Russia objected.",
        ["The U.N. Security Council met.", "Russia objected."],
    ),
    (
        "Gen. Joseph Votel spoke on Sept. 5 at 3 p.m. local time.",
        ["Gen. Joseph Votel spoke on Sept. 5 at 3 p.m. local time."],
    ),
    (
        '"We\'re not there yet," Mr Obama said. "I think it\'s premature."',
        ['"We\'re not there yet," Mr Obama said.', '"I think it\'s premature."'],
    ),
    (
        'Mr Obama called the attempted overthrow "terrible." He assured Mr Erdogan.',
        ['Mr Obama called the attempted overthrow "terrible."', "He assured Mr Erdogan."],
    ),
    (
        "The meeting went well and “work will continue,” Peskov told reporters. He left.",
        ["The meeting went well and “work will continue,” Peskov told reporters.", "He left."],
    ),
    ("Is it over? No! It is not.", ["Is it over?", "No!", "It is not."]),
    (
        "First paragraph without a stop\n\nSecond paragraph.",
        ["First paragraph without a stop", "Second paragraph."],
    ),
    ("U.S.-backed rebels advanced. They held.", ["U.S.-backed rebels advanced.", "They held."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text, expected):
    assert helpers.sentences(text) == expected


def test_spans_point_at_the_sentences():
    text = "One sentence here.\n\n  Two? Three."
    spans = helpers.sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["One sentence here.", "Two?", "Three."]


def test_empty_and_whitespace():
    assert helpers.sentences("") == []
    assert helpers.sentences("  \n\n ") == []
    assert helpers.paragraphs("") == []
    assert helpers.words("") == []


@pytest.mark.parametrize("fn", [helpers.sentences, helpers.paragraphs, helpers.words, helpers.sentence_spans])
@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"]])
def test_non_str_raises_type_error(fn, bad):
    with pytest.raises(TypeError):
        fn(bad)


def test_words_keep_compounds():
    assert helpers.words("U.S.-backed rebels aren't al-Qaeda’s allies; 3.5% rose.") == [
        "U.S.-backed", "rebels", "aren't", "al-Qaeda’s", "allies", "3.5", "rose",
    ]  # fmt: skip


def test_abbreviation_file_is_editable(tmp_path):
    path = tmp_path / "abbr.csv"
    path.write_text("abbreviation,rationale\nmr,honorific\n", encoding="utf-8")
    # without "u.s" in the list, "U.S." ends a sentence before a capitalised word
    assert len(helpers.sentences("The U.S. Navy sailed. Mr. Smith said so.", abbreviations=path)) == 3
    assert len(helpers.sentences("The U.S. Navy sailed. Mr. Smith said so.")) == 2


def test_simple_punkt_contexts_decided_as_punkt_decides():
    """The 'word. Next' shortcut gives Punkt's own decision (abbreviations, case, several spaces, quotation
    marks and brackets, a trailing comma or 's, question and exclamation marks, dotted abbreviations and
    numbers before a capital)."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from outlet_comparison.text.units import _SIMPLE_CONTEXT, LEXICONS, _punkt

    tok = _punkt(str(LEXICONS / "abbreviations.csv"))
    contexts = "said. He|said. he|Mr. Kerry|Sen. Amy|Gen. Smith|Jan. Then|Inc. The|vs. them|St. Louis"
    contexts += "|etc. The|Monday.  Talks|AM. Then|No. But|Obama. Why"
    contexts += (
        '|said."|Gen."|said.”|Inc.’|Jr.\'|etc.)|Sen. "Warren|Gov. “Brown|vs. ‘them|said. Trump,|Rep. Smith’s'
    )
    contexts += (
        "|Mr. Kerry's|vs. Jones:|ft. tall;|said? Yes|Dr? Who|Dr! Who,|why?\"|Mr!”|no? “Yes|St? Louis’s"
    )
    contexts += "|U.S. Navy|U.S. officials|D.C. Police,|e.g. the|i.e. The|U.N.”|a.m. Monday|Q.Z. Then"
    contexts += "|2016. The|7. Trump’s|1999. In,"
    for context in contexts.split("|"):
        assert _SIMPLE_CONTEXT.fullmatch(context), context
        tok._breaks.pop(context, None)
        expected = PunktSentenceTokenizer.text_contains_sentbreak(tok, context)
        assert tok.text_contains_sentbreak(context) == expected, context
