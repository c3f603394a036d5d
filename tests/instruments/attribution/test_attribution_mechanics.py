"""Speed-ups of the attribution mechanics give the answers of the code they replace (issue 21 throughput)."""

from __future__ import annotations

import random
import re

import pytest

import helpers
from outlet_comparison.instruments.attribution.tokens import after_lower

# the characters the regexes treat differently: letters of both cases, \w and not, white space of
# several kinds, the apostrophes and hyphen of a word, the comma and semicolon before it
_PIECES = list("aAbBzZ,;:. \t\n\u00a0\u2009_1’'-éÉ\u0301") + ["Ab", "Ab’", "a ", ", ", "; A", "Zé"]
_WORDS = ["A", "Ab", "Ab’", "Ab'", "Ab-", "Ab_", "B1", "Zé", "É", "a", ",", " A", "Ab’s"]


def _regex(text: str, word: str) -> bool:
    """The search ``after_lower`` replaces (``speakers.common_initial`` before)."""
    return re.search(rf"[a-z,;]\s+{re.escape(word)}\b", text) is not None


def test_after_lower_equals_the_regex_on_random_texts() -> None:
    """Random texts over the characters that matter, every word form: the same answer as the regex."""
    rng = random.Random(21)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 16)))
        word = rng.choice(_WORDS)
        assert after_lower(text, word) == _regex(text, word), (text, word)


@pytest.mark.shared
def test_after_lower_equals_the_regex_on_news_articles() -> None:
    """Every capitalised word of 10 AllSides articles: the same answer as the regex."""
    path = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not there (../shared)")
    texts = list(helpers.read_corpus(path).sample(frac=1.0, random_state=5).head(10)["text"])
    for text in texts:
        for word in set(re.findall(r"[A-Za-z][\w’'\-]*", text)):
            assert after_lower(text, word) == _regex(text, word), word
