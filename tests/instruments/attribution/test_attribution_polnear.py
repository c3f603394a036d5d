"""Issue 21, PolNeAR dev failure classes (the source-overlap F1 target): each test fails on the code before
the fix; the texts are short paraphrases, not the articles."""

from __future__ import annotations

import helpers


def _rows(text: str, **kw) -> list[tuple[str, str]]:
    """(source, cue) of every row."""
    df = helpers.attributions(text, **kw)
    return [(r.source, r.cue) for r in df.itertuples(index=False)]


def test_a_transcript_speaker_tag_after_the_opening_quote_is_a_row():
    text = (
        "Partial transcript as follows:\n\n"
        "\"WALLACE: Let's start with breaking news on the debate story.\n\n"
        '"PENCE: Well, look, the campaign is wrong about this.\n\n'
        '"WALLACE: Do you really see those two as equivalent?'
    )
    assert _rows(text) == [("WALLACE", ":"), ("PENCE", ":"), ("WALLACE", ":")]
