"""A title description nobody before it names is the person the next sentences name (issue 21, round twelve).

A news lede often gives the role first and the name a sentence later: "The Democratic chairman of the U.S.
House Oversight Committee on Wednesday accused ... Representative Elijah Cummings ... said", "the
department's leader said Friday. In a short statement, Shinseki announced", "Bundy's son said Monday. Ammon
Bundy told The Associated Press". Such a row kept no speaker when no person was named before it. When its
head is a listed title (not a kinship word: "The victim's mother" is not the victim) and no word marks the
person as unnamed ("the unidentified soldier"), the first named person that speaks in its own sentence or
the next two, by a mention that writes the name, is its speaker, when the text did not name that person
before the description.
"""

from __future__ import annotations

import re

from outlet_comparison.instruments.attribution.names import surname_of

# "the department's leader", "The Democratic chairman of ...", "Bundy's son": a definite or possessive
# description; its head is the last word before "of", a comma or a bracket
_DESCRIPTION = re.compile(
    r"(?:[Tt]he\s+|[A-Z][\w\-]*(?:’s|'s)\s+)(?P<mods>(?:[\w.’'\-]+\s+){0,6}?)(?P<head>[a-z]+)"
)
_UNNAMED = frozenset("unidentified unnamed anonymous unknown another other".split())
NEXT_SENTENCES = 2  # how many sentences after the description the name may come (a quotation between)


def _title_head(source: str, nouns: dict[str, str], kinship: frozenset[str]) -> bool:
    """Is ``source`` a definite or possessive description whose head is a listed title, not kin?"""
    m = _DESCRIPTION.fullmatch(re.split(r"\s+of\s+|,|\(", source)[0].strip())
    if m is None:
        return False
    head, words = m.group("head"), source.split(",")[0].split()
    if (
        len(words) > 2
        and words[-2].endswith(("’s", "'s"))
        and nouns.get(words[-1].lower()) in ("org", "document")
    ):
        return False  # "the secretary of state's office": a body, whatever title it holds
    if head in kinship or _UNNAMED & set(m.group("mods").lower().split()):
        return False
    return nouns.get(head) == "title"


def _names_speaker(row: dict) -> bool:
    """Does the row's source write its speaker's name ("Representative Elijah Cummings", "Shinseki")?"""
    speaker = row["speaker"]
    return (
        row["source_type"] == "named_person"
        and bool(speaker)
        and surname_of(speaker) in row["source"]
        and not row["source"].lower().startswith("the ")
    )


def named_after(text: str, rows: list[dict], nouns: dict[str, str], kinship: frozenset[str]) -> list[dict]:
    """``rows`` with a speakerless title description given the person named by the next speaking row, when
    the text names that person nowhere before the description (a person named before it whom the
    description did not resolve to is someone else: "Orrin Hatch said he spoke with the nominee")."""
    for k, row in enumerate(rows):
        if row["source_type"] != "named_person" or row["speaker"]:
            continue
        if not _title_head(row["source"], nouns, kinship):
            continue
        for later in rows[k + 1 :]:
            if later["sentence"] > row["sentence"] + NEXT_SENTENCES:
                break
            if later["start"] > row["cue_end"] and _names_speaker(later):
                if surname_of(later["speaker"]) not in text[: row["start"]]:
                    row["speaker"] = later["speaker"]
                break
    return rows
