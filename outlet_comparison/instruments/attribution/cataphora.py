"""A title description nobody before it names is the person the next sentences name (issue 21, round twelve).

A news lede often gives the role first and the name a sentence later: "The Democratic chairman of the U.S.
House Oversight Committee on Wednesday accused ... Representative Elijah Cummings ... said", "the
department's leader said Friday. In a short statement, Shinseki announced", "Bundy's son said Monday. Ammon
Bundy told The Associated Press". Such a row kept no speaker when no person was named before it. When its
head is a listed title (not a kinship word: "The victim's mother" is not the victim) and no word marks the
person as unnamed ("the unidentified soldier"), the first named person that speaks in its own sentence or
the next two, by a mention that writes the name, is its speaker, when the text did not name that person
before the description. A counted plural description ("Two Democratic lawmakers called ...", "Attorneys
general for two of the largest states", "Top congressional Democrats") is, by the gold's convention, the
first of the titled people named right after it ("Reps. Maxine Waters and Nanette Barragán said"), when as
many speak there one after another (``named_group_after``).
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


# "Two Democratic lawmakers", "Attorneys general for two of the largest states", "Top congressional
# Democrats": a plural description that counts its people (or names its top ones); how many it counts
_COUNTED = re.compile(r"(?i)^(?:(?P<n>two|three|four|both)\b|top\s)|\b(?P<of>two|three|four)\s+of\b")
_COUNT = {"two": 2, "three": 3, "four": 4, "both": 2}
_TITLE_RUN = re.compile(r"((?:[A-Z][\w.’'\-]*\s+){1,4})$")  # "Reps. ", "California Attorney General "


def _count(source: str) -> int:
    """How many people a counted plural description counts (two for "Top ..."); 0 when it counts none."""
    m = _COUNTED.search(source)
    if m is None:
        return 0
    word = (m.group("n") or m.group("of") or "").lower()
    return _COUNT.get(word, 2)


def _titled(text: str, row: dict, nouns: dict[str, str]) -> bool:
    """Is the named row's person written with a title ("Reps. Maxine Waters", "House Speaker Nancy
    Pelosi"; a list's second name shares the first's: "Reps. Maxine Waters and Nanette Barragán")?"""
    lead = _TITLE_RUN.search(text, max(0, row["start"] - 60), row["start"])
    run = (lead.group(1) if lead else "") + row["source"]
    if re.search(r"\band\s+$", text[max(0, row["start"] - 5) : row["start"]]):
        return True  # the second of "Reps. Maxine Waters and Nanette Barragán": the first carries the title
    return any(
        nouns.get(w.lower()) == "title" or nouns.get(w.lower().rstrip("s.") + ".") == "title"
        for w in run.split()[:-1]
    )


def named_group_after(text: str, rows: list[dict], nouns: dict[str, str]) -> list[dict]:
    """``rows`` with a counted plural description ("Two Democratic lawmakers called ...") given the first
    of the people named right after it ("Reps. Maxine Waters and Nanette Diaz Barragán said"), when at
    least as many titled people as it counts speak in its sentence or the next ``NEXT_SENTENCES``, by
    mentions that write their names, and the text named none of them before the description."""
    for k, row in enumerate(rows):
        if row["source_type"] not in ("anonymous", "unnamed_group") or not _count(row["source"]):
            continue
        if row["cue"] == row.get("lemma"):
            continue  # "what top congressional Republicans say next": a bare verb reports no statement made
        named: list[dict] = []
        for later in rows[k + 1 :]:
            if later["sentence"] > row["sentence"] + NEXT_SENTENCES or later["start"] <= row["cue_end"]:
                break
            if not (_names_speaker(later) and _titled(text, later, nouns)):
                break  # the people counted come first, one after another
            if all(n["speaker"] != later["speaker"] for n in named):
                named.append(later)
        if len(named) < _count(row["source"]):
            continue
        if any(surname_of(n["speaker"]) in text[: row["start"]] for n in named):
            continue
        row.update(source_type="named_person", speaker=named[0]["speaker"], anonymity_reason="")
    return rows
