"""Text units: words, sentences (offline Punkt) and paragraphs of a clean text.

>>> sentences("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
['The U.S. said no.', 'Mr. Kerry left at 3 p.m. Monday.']
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, check_str, project_path, ratio
from outlet_comparison.wordlists import read_lexicon


def _char_class(keep, stop: int = 0x10000) -> str:
    """The inside of a regex character class for every code point below ``stop`` that ``keep`` accepts."""
    ranges: list[list[int]] = []
    for c in range(stop):
        if keep(chr(c)):
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


# Python's re has no \p{...}: classes built once from the Unicode database (Basic Multilingual Plane).
MARKS = _char_class(lambda ch: unicodedata.category(ch)[0] == "M") + "\u200c\u200d"  # marks, ZWNJ, ZWJ
UPPER = "[" + _char_class(lambda ch: unicodedata.category(ch) in ("Lu", "Lt")) + "]"  # any script
LETTER = r"[^\W\d_]"  # a letter of any script
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and ideographs: one word each
_JOINERS = "’'.\\-\u2010\u2011\u05f3\u05f4"  # inside a word: apostrophes, periods, hyphens, geresh
_RUN = rf"[^\W_{CJK}]+(?:[{MARKS}]+[^\W_{CJK}]*)*"  # letters/digits of any script with their marks
WORD_RE = re.compile(rf"{_RUN}(?:[{_JOINERS}]+{_RUN})*|[{CJK}]")
POSSESSIVE = re.compile(r"[’']s$")  # a trailing possessive 's (straight or curly apostrophe)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*")  # a run of non-blank lines


def words(text: str) -> list[str]:
    """Word tokens: letters and digits of any script with their combining marks, keeping internal
    apostrophes, hyphens and periods; each Chinese or Japanese character is one word.

    >>> words("U.S.-backed rebels aren't al-Qaeda.")
    ['U.S.-backed', 'rebels', "aren't", 'al-Qaeda']
    >>> words("Erdoğan met Gülen; שלום עולם; 北京")
    ['Erdoğan', 'met', 'Gülen', 'שלום', 'עולם', '北', '京']
    """
    check_str(text)
    return WORD_RE.findall(text)


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics -> their ASCII letter (same length: offsets are kept)."""
    table = {}
    for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        d = unicodedata.normalize("NFD", chr(c))
        if len(d) > 1 and d[0].isascii() and d[0].isalpha() and all(unicodedata.combining(x) for x in d[1:]):
            table[c] = d[0]
    table.update({ord(a): b for a, b in zip("ıłŁøØđĐħĦ", "ilLoOdDhH", strict=True)})
    return table


_FOLD = _fold_table()
_ASCII_MARK = re.compile(r"(?<=[A-Za-z])[\u0300-\u036f]+")  # combining accents on a Latin letter
_FOLDABLE = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")  # the blocks every key of _FOLD lies in


def fold_latin(text: str) -> tuple[str, list[int] | None]:
    """Text with the diacritics of Latin letters removed, for matching ASCII spellings of names.

    Returns (folded, where): ``where[i]`` is the offset in ``text`` of folded character i (one
    entry more, for the end), or None when every offset is unchanged. Other scripts are kept.

    >>> fold_latin("Erdoğan met Gülen")
    ('Erdogan met Gulen', None)
    >>> fold_latin("Gu\u0308len")
    ('Gulen', [0, 1, 3, 4, 5, 6])
    """
    if text.isascii():
        return text, None
    out = text.translate(_FOLD) if _FOLDABLE.search(text) else text  # curly quotes alone: nothing to fold
    if not _ASCII_MARK.search(out):
        return out, None
    drop = {i for m in _ASCII_MARK.finditer(out) for i in range(m.start(), m.end())}
    where = [i for i in range(len(out)) if i not in drop]
    return "".join(out[i] for i in where), [*where, len(text)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, stripped, empty ones dropped.

    >>> paragraph_spans("One.\\n\\n  Two.\\n")
    [(0, 4), (8, 12)]
    """
    check_str(text)
    spans, start = [], 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        block = text[start:end]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            spans.append((start + lead, start + len(block.rstrip())))
        start = m.end() if m else end
    return spans


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a clean text: blocks separated by blank lines, stripped, empties dropped.

    >>> paragraphs("One.\\n\\nTwo.\\n")
    ['One.', 'Two.']
    """
    return [text[s:e] for s, e in paragraph_spans(text)]


@memoize(maxsize=8)
def _abbreviations(path: str) -> frozenset[str]:
    """Abbreviations (lower case, without the final period) that do not end a sentence."""
    df = read_lexicon(path, ("abbreviation", "rationale"), allow_empty=True)
    return frozenset(a.strip().lower().rstrip(".") for a in df["abbreviation"])


# Sentence ends beside . ? !: Arabic question mark and full stop, Devanagari danda, CJK full stops.
SENTENCE_ENDS = (".", "?", "!", "؟", "۔", "।", "॥", "。", "！", "？")
_CJK_END = re.compile(r"[。！？][」』）”’\"')\]]*(?=\S)")  # CJK sentences need no space after the stop


@memoize(maxsize=8)
def _punkt(abbrev_path: str):
    """An NLTK Punkt tokenizer built offline from our abbreviation list (no downloaded model)."""
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    class LanguageVars(PunktLanguageVars):
        sent_end_chars = SENTENCE_ENDS

    class Tokenizer(PunktSentenceTokenizer):
        """Punkt with its per-candidate decision memoised (a pure function of the context string)."""

        _breaks: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            """``PunktSentenceTokenizer.text_contains_sentbreak``, kept per context ("said. He")."""
            got = self._breaks.get(text)
            if got is None:
                simple = _SIMPLE_CONTEXT.fullmatch(text)
                if simple is not None:  # "said. He": Punkt breaks unless the word is an abbreviation
                    word, mark = simple.group(1) or simple.group(3), simple.group(2) or simple.group(4)
                    return mark != "." or word.lower() not in self._params.abbrev_types
                got = super().text_contains_sentbreak(text)
                if len(self._breaks) < _BREAKS_SIZE:
                    self._breaks[text] = got
            return got

    params = PunktParameters()
    params.abbrev_types = set(_abbreviations(abbrev_path))
    return Tokenizer(params, lang_vars=LanguageVars())


_BREAKS_SIZE = 200_000  # Punkt candidate contexts remembered per tokenizer
# A context Punkt decides by the abbreviation list alone: a word of two or more ASCII letters (or letters
# joined by periods, "U.S"), a period, and either a closing quotation mark or bracket, or spaces and a
# word of ASCII letters (maybe after an opening quotation mark, maybe before a comma, colon, semicolon or
# a short 's / 're ending). Punkt's first token is "word." and at least one token follows; "word." is a
# sentence break unless it is an abbreviation, and its second pass changes neither case (no initial, no
# number, and no learned collocations, orthographic context or sentence starters in a tokenizer built
# from a list); no later token is a sentence end. With ? or ! instead of the period, that mark is its own
# token and always a break. A number and a period before a capitalised word ("2016. The") is decided the
# same way: the second pass looks at numbers, but with no learned context a capital leaves it unsure.
_SIMPLE_CONTEXT = re.compile(
    r"(?:([A-Za-z]{2,}|[A-Za-z](?:\.[A-Za-z])+)([.?!])"
    r"(?:[\"”’')]| +[\"“‘]?[A-Za-z]+(?:[,;:]|[’'][a-z]{1,2})?)"
    r"|(\d+)(\.) +[A-Z][A-Za-z]*(?:[,;:]|[’'][a-z]{1,2})?)"
)


def sentence_spans(text: str, abbreviations: Path | str | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence; sentences never cross a blank line.

    >>> sentence_spans("Hi there. Bye.")
    [(0, 9), (10, 14)]
    """
    check_str(text)
    return list(_spans_cached(text, str(project_path(abbreviations, LEXICONS / "abbreviations.csv"))))


@memoize(maxsize=4096)
def _spans_cached(text: str, abbrev_path: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans memoised per (text, abbreviation file): several analyses split the same text."""
    tok = _punkt(abbrev_path)
    cjk = "。" in text or "！" in text or "？" in text
    spans: list[tuple[int, int]] = []
    for m in _BLOCK.finditer(text):
        block_start = m.start()
        for s, e in tok.span_tokenize(m.group(0)):
            start, end = block_start + s, block_start + e
            for cut in _CJK_END.finditer(text, start, end) if cjk else ():
                spans.append((start, cut.end()))
                start = cut.end()
            spans.append((start, end))
    return tuple(spans)


def sentences(text: str, abbreviations: Path | str | None = None) -> list[str]:
    """Split text into sentences, offline; right on U.S., Mr., Sept., p.m. and quotations.

    >>> sentences('"We\\'re not there yet," Mr Obama said. He left.')
    ['"We\\'re not there yet," Mr Obama said.', 'He left.']
    >>> sentences("هل انتهت المحادثات؟ لا. 会谈失败了。双方将再次会面。")
    ['هل انتهت المحادثات؟', 'لا.', '会谈失败了。', '双方将再次会面。']
    """
    return [text[s:e] for s, e in sentence_spans(text, abbreviations)]


def text_stats(text: str) -> pd.Series:
    """Words, sentences, paragraphs and mean words per sentence of a clean text.

    >>> text_stats("One two three. Four five.\\n\\nSix.").to_dict()
    {'words': 6, 'sentences': 3, 'paragraphs': 2, 'words_per_sentence': 2.0}
    """
    n_words, n_sents = len(words(text)), len(sentence_spans(text))
    return pd.Series(
        {
            "words": n_words,
            "sentences": n_sents,
            "paragraphs": len(paragraphs(text)),
            "words_per_sentence": ratio(n_words, n_sents),
        },
        dtype=object,
    )
