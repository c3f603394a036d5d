"""A named third party's speech nested in a quotation ("“Trump says he wants to run the nation like his
business,” Bloomberg said"): a row of its own, as the gold guide counts it, when the narrow test holds.

The rules' hits inside quotation marks are dropped unless the CRF marks them (most are the quoted
speaker's own words, or laws and bodies: "the laws as written by Congress", "the Senate confirms"). One
class is kept: a core reporting verb (say, claim, tell, write) right after its subject, which is a name of
one to three capitalised words, neither a determiner phrase, a pronoun, a body noun ("Congress") nor an
affiliation or country alias; a title-case cue ("..., Friends Say.") is a headline.
"""

from __future__ import annotations

import re

from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.rules import Rules

_REPORTING = frozenset("say claim tell write".split())
_NAME = re.compile(r"[A-Z][a-z][\w’'-]*(?:\s+[A-Z][\w’'.-]*){0,2}")
_NOT_NAMES = frozenset("i we you he she they it this that these those the a an".split())


def named_third_party(text: str, h: Hit, rules: Rules) -> bool:
    """Is quoted rule hit ``h`` a named person's report ("Trump says", "Obama claimed") to keep?"""
    if h.how != "NP cue" or h.lemma not in _REPORTING or h.source_start < 0 or not h.cue[:1].islower():
        return False
    source = text[h.source_start : h.source_end]
    if not _NAME.fullmatch(source) or text[h.source_end : h.cue_start].strip():
        return False
    words = source.split()
    last = words[-1].lower()
    if words[0].lower() in _NOT_NAMES or last in rules.type_nouns or last in rules.nouns:
        return False
    return source not in rules.alias_by_text and source.lower() not in rules.alias_by_text
