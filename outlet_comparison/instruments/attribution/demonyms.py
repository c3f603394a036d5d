"""A nationality word is no speaker of its own: "a Palestinian organization", "the influential pro-Israel
American lobby group, AIPAC", "A jubilant South African" are not the country the adjective names (only a
state's own organs are: "the Russian foreign ministry", "Iraqi officials"), and "Ukrainian President
Volodymyr Zelensky" is not who a bare "the president" means when the text titles someone else President
without a nationality (issue 21, round eleven)."""

from __future__ import annotations

import re

# heads whose body is the state itself: "the Russian foreign ministry", "the Iraqi military"
STATE_HEADS = frozenset(
    "government ministry embassy consulate military army navy forces troops officials authorities regime "
    "leadership state police court parliament delegation cabinet diplomats spokesman spokeswoman "
    "spokesperson media agency envoy mission administration regulator regulators department service "
    "commission office authority council prosecutors intelligence".split()
)
# "the Palestinian organization": determiner, modifiers, the nationality word, lower-case words to the head
_DESCRIBED = re.compile(
    r"(?:(?P<det>the|The|a|an|A|An)\s+)?(?:[\w’'\-]+\s+){0,3}?(?!(?:The|A|An)\b)[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?"
    r"(?P<rest>(?:\s+[a-z][\w\-]*)+)?(?P<apposed>,\s+(?P<name>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,4}))?"
)
# "MIFTAH, the Palestinian organization that ...": the name the description stands in apposition to
_NAME_BEFORE = re.compile(r"(?<![\w’'])([A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,4}),\s+$")
_DETERMINER_WORDS = frozenset("The A An In On At But And As".split())


def country_of_adjective(mention: str, country: str) -> bool:
    """Is ``country`` read off a nationality adjective of the mention (the mention never writes the last
    word of its name: "the Palestinian organization" for Palestine, not "Reuters news service")?"""
    last = country.split()[-1] if country else ""
    return bool(last) and re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", mention, re.IGNORECASE) is None


def adjective_body(mention: str, country: str, text: str, pos: int) -> str | None:
    """The speaker of a body source whose country is read off a nationality word that names no organ of
    that state: the name apposed inside the mention ("..., AIPAC") or right before it ("MIFTAH, the
    Palestinian organization"), else "" (an indefinite or other description names nobody). None when the
    mention is no such description (the country stays the speaker)."""
    if not country_of_adjective(mention, country):
        return None
    m = _DESCRIBED.fullmatch(mention)
    if m is None:
        return None
    rest = (m.group("rest") or "").split()
    if rest and rest[-1].lower() in STATE_HEADS and m.group("det") not in ("a", "an", "A", "An"):
        return None  # "the Iraqi military", "Russian officials": the state speaking
    if not rest and m.group("det") not in ("a", "an", "A", "An"):
        return None  # "the Palestinians", "Israeli": the nationality itself, read as before
    if m.group("name"):
        return m.group("name")
    before = _NAME_BEFORE.search(text, max(0, pos - 80), pos)
    if before and m.group("det") in ("the", "The") and before.group(1).split()[0] not in _DETERMINER_WORDS:
        return before.group(1)
    return ""


def qualified_title(run: str, said: set[str]) -> bool:
    """Is a name's title run ("Ukrainian President", "French President") qualified by a nationality word
    the description does not repeat ("the president" vs "Ukrainian")? "U.S." and "American" do not
    qualify: the outlets' own president; "Texas Sen." is no nationality."""
    return any(w.lower() not in said and w.lower() not in _OWN for w in _NATIONALITY.findall(run))


def qualified_elsewhere(text: str, surname: str, said: set[str]) -> bool:
    """Does the text title this surname with a nationality word elsewhere ("as President Castro indicated"
    after "Cuban President Raul Castro": the Cuban president, not the outlet's own)?"""
    rx = (
        rf"(?<![\w.])([A-Z][a-z]+(?:ian|an|ese|ish|i|ch))\s+(?:[A-Z][\w.\-]*\s+){{1,3}}{re.escape(surname)}\b"
    )
    return any(m.group(1).lower() not in said | _OWN for m in re.finditer(rx, text))


# "Ukrainian", "French", "Israeli", "Chinese", "British": a capitalised nationality word's endings
_NATIONALITY = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:ian|an|ese|ish|i|ch)\b")
_OWN = frozenset(("american", "republican"))
