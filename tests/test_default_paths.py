"""The default word-list paths joined once are the paths ``project_path`` gives (issue 21 throughput)."""

from __future__ import annotations

from pathlib import Path

from outlet_comparison.core import LEXICONS, project_path
from outlet_comparison.instruments import framing, sentiment
from outlet_comparison.instruments.attribution.rules import AttributionLexicons
from outlet_comparison.text import units


def test_default_paths_equal_project_path() -> None:
    """Each constant is ``str(project_path(None, LEXICONS / name))``; a given path is still resolved."""
    lex = AttributionLexicons()
    assert lex.reader_types_path() == str(project_path(None, LEXICONS / "attribution_reader_types.csv"))
    assert lex.nonstatements_path() == str(project_path(None, LEXICONS / "attribution_nonstatements.csv"))
    assert framing.lexicon_path(None) == str(LEXICONS / "frames.csv")
    assert framing.lexicon_path(None, "frame_negations.csv") == str(LEXICONS / "frame_negations.csv")
    assert units._ABBREVIATIONS == str(project_path(None, LEXICONS / "abbreviations.csv"))
    given = AttributionLexicons(nonstatements="lexicons/attribution_nonstatements.csv", reader_types="x.csv")
    assert given.nonstatements_path() == str(project_path(given.nonstatements, LEXICONS))
    assert given.reader_types_path().endswith("x.csv")
    assert framing.lexicon_path("lexicons/frames.csv") == str(LEXICONS / "frames.csv")


def test_sentence_spans_with_a_given_abbreviation_file_equal_the_default() -> None:
    """The same file named by a relative path splits as the default does."""
    text = "Mr. Kerry met Gen. Dempsey. They talked."
    assert units.sentence_spans(text, "lexicons/abbreviations.csv") == units.sentence_spans(text)


def test_vader_lexicon_path_is_the_packages_file() -> None:
    """Resolved once, the path is the lexicon next to vaderSentiment's module."""
    import vaderSentiment.vaderSentiment as vs

    assert sentiment.vader_lexicon_path() == Path(vs.__file__).resolve().parent / "vader_lexicon.txt"
    assert sentiment.vader_lexicon_path().is_file()
