"""NLTK Punkt with the same sentences, faster: its per-candidate decision memoised, the simplest read off.

``PunktSentenceTokenizer.span_tokenize`` asks ``text_contains_sentbreak`` about the context of every
candidate period ("said. He"), tokenising that context and running Punkt's two passes each time. The
answer depends only on the context string and the tokenizer's parameters, so ``FastPunkt`` keeps it
per context; and a context of the simplest forms (``SIMPLE_CONTEXT``) is decided from the
abbreviation list alone, as Punkt decides it for a tokenizer built from a list. It overrides a method
Punkt calls internally, so importing this module checks the installed NLTK is the version its
equality test ran on (``tests/speedups/test_punkt.py``: the same decision as Punkt on every
distinct context, and the same sentences, of a large AllSides sample).

Kept because it saves 5-17 % of corpus-mode CPU (``benchmarks/patch_share.py``, medians of three
runs, 12.7 % the middle one; the shortcut alone 8-10 %).
"""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktSentenceTokenizer

from outlet_comparison.speedups import require

require("nltk")

BREAKS_SIZE = 200_000  # Punkt candidate contexts remembered per tokenizer
# A context Punkt decides by the abbreviation list alone: a word of two or more ASCII letters (or letters
# joined by periods, "U.S"), a period, and either a closing quotation mark or bracket, or spaces and a
# word of ASCII letters (maybe after an opening quotation mark, maybe before a comma, colon, semicolon or
# a short 's / 're ending). Punkt's first token is "word." and at least one token follows; "word." is a
# sentence break unless it is an abbreviation, and its second pass changes neither case (no initial, no
# number, and no learned collocations, orthographic context or sentence starters in a tokenizer built
# from a list); no later token is a sentence end. With ? or ! instead of the period, that mark is its own
# token and always a break. A number and a period before a capitalised word ("2016. The") is decided the
# same way: the second pass looks at numbers, but with no learned context a capital leaves it unsure.
SIMPLE_CONTEXT = re.compile(
    r"(?:([A-Za-z]{2,}|[A-Za-z](?:\.[A-Za-z])+)([.?!])"
    r"(?:[\"”’')]| +[\"“‘]?[A-Za-z]+(?:[,;:]|[’'][a-z]{1,2})?)"
    r"|(\d+)(\.) +[A-Z][A-Za-z]*(?:[,;:]|[’'][a-z]{1,2})?)"
)


class FastPunkt(PunktSentenceTokenizer):
    """Punkt built from ``PunktParameters`` (no training), with its per-candidate decision memoised.

    Only for parameters holding an abbreviation list and nothing learned (no collocations, orthographic
    context or sentence starters): the shortcut relies on that.
    """

    def __init__(self, params, lang_vars=None) -> None:
        if params.collocations or params.sent_starters or params.ortho_context:
            raise ValueError("FastPunkt takes an abbreviation list only (nothing learned)")
        super().__init__(params, lang_vars=lang_vars)
        self.abbreviations = frozenset(params.abbrev_types)
        self.breaks: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        """``PunktSentenceTokenizer.text_contains_sentbreak``, kept per context ("said. He")."""
        got = self.breaks.get(text)
        if got is None:
            simple = SIMPLE_CONTEXT.fullmatch(text)
            if simple is not None:  # "said. He": Punkt breaks unless the word is an abbreviation
                word, mark = simple.group(1) or simple.group(3), simple.group(2) or simple.group(4)
                return mark != "." or word.lower() not in self.abbreviations
            got = super().text_contains_sentbreak(text)
            if len(self.breaks) < BREAKS_SIZE:
                self.breaks[text] = got
        return got
