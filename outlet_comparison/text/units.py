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
_MARK = re.compile("[\u0300-\u036f]")  # a combining accent: where _ASCII_MARK can match (found faster)


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
    if not _MARK.search(out) or not _ASCII_MARK.search(out):
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
    """An NLTK Punkt tokenizer built offline from our abbreviation list (no downloaded model).

    ``speedups.punkt.FastPunkt``: Punkt with the same decisions, its per-candidate one memoised.
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

    from outlet_comparison.speedups.punkt import FastPunkt

    class LanguageVars(PunktLanguageVars):
        sent_end_chars = SENTENCE_ENDS

    params = PunktParameters()
    params.abbrev_types = set(_abbreviations(abbrev_path))
    return FastPunkt(params, lang_vars=LanguageVars())


def sentence_spans(text: str, abbreviations: Path | str | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence; sentences never cross a blank line.

    >>> sentence_spans("Hi there. Bye.")
    [(0, 9), (10, 14)]
    """
    check_str(text)
    path = _ABBREVIATIONS if abbreviations is None else str(project_path(abbreviations, LEXICONS))
    return list(_spans_cached(text, path))


_ABBREVIATIONS = str(LEXICONS / "abbreviations.csv")  # the default, joined once (every measure splits)


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
            if spans and spans[-1][0] >= block_start and _no_break(text, spans[-1][1], start):
                spans[-1] = (spans[-1][0], end)
                continue
            spans.append((start, end))
    return tuple(spans)


# Where Punkt breaks but a news sentence never ends (issue 21): initials of a name ("George H.W. Bush"),
# a party-state tag ("Sen. Lindsey Graham (R-S.C.), Sen. ...", "Sen. Tom Cotton, R-Ark., said") and a
# dotted abbreviation before a lower-case word ("Washington, D.C. on Monday").
_INITIALS_END = re.compile(
    r"(?<![\w.])(?!(?:The|A|An|In|On|At|Of|For|By|To|From|And|But|Or|Its|This|That)\s)[A-Z][a-z]+\s+(?:[A-Z]\.){1,3}$"
)  # a first name, then initials ("George H.W."); "The U.S." is no name
_NAME_NEXT = re.compile(r"[A-Z][a-z]")
_PARTY_END = re.compile(r"(?<![\w.])[RDI]-[A-Z][A-Za-z.]*\.\)?$")
_ABBREV_END = re.compile(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z])+\.\)?$")
_CONTINUES = re.compile(r"[a-z,;)]")
_NUMBER_SIGN = re.compile(r"(?<![\w.])No\.$")  # "the No. 2 Republican", "No. 10 Downing Street"


def _no_break(text: str, end: int, start: int) -> bool:
    """Is the break between a sentence ending at ``end`` and one starting at ``start`` a false one?"""
    lo = max(0, end - 30)
    if _NUMBER_SIGN.search(text, lo, end):
        return text[start : start + 1].isdigit()
    if _INITIALS_END.search(text, lo, end):
        return bool(_NAME_NEXT.match(text, start))
    if _CONTINUES.match(text, start) is None:
        return False
    return bool(_PARTY_END.search(text, lo, end) or _ABBREV_END.search(text, lo, end))


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
