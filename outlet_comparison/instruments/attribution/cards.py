"""A web page's hover card is no part of a name: The Hill writes a linked person as "Jeff Sessions Jefferson
(Jeff) Beauregard SessionsMedill dean 'deeply troubled ...' ... Jeff Sessions event MORE said": the name,
the person's full legal name, headlines glued to it, and "MORE". Names are read with each card blanked out
(same offsets), so the name is "Jeff Sessions", not "Jeff Sessions Jefferson" (issue 21, round eleven)."""

from __future__ import annotations

import re

from outlet_comparison.cache import memoize

# "MORE" after a space, or glued to the legal name ("John Neely KennedyMORE (R-La.)")
_MORE = re.compile(r"(?:(?<=\s)|(?<=[a-z]))MORE\b")
# a capitalised word glued to the next one ("SessionsMedill", "TrumpGOP", "Clinton2020"): the card's
# headlines begin
_GLUED = re.compile(r"(?<![\w’'])([A-Z][a-z’'\-]{2,})(?=[A-Z0-9])")
# the capitalised run before the glue: titles, the linked name, the legal name ("Jefferson (Jeff)")
_RUN = re.compile(r"((?:(?:[A-Z][\w’'.\-]*|\([A-Z][\w’'.\-]*\))[ \t]+){1,9})$")
CARD_REACH = 900  # characters a card may span before its "MORE"


@memoize(maxsize=4)
def without_cards(text: str) -> str:
    """``text`` with every hover card (legal name, glued headlines, "MORE") written as spaces; the same
    text when it has none."""
    if "MORE" not in text:
        return text
    cuts: list[tuple[int, int]] = []
    done = 0
    for more in _MORE.finditer(text):
        lo = max(done, more.start() - CARD_REACH)
        done = more.end()  # a card ends at its "MORE": the next one begins after it
        for glue in _GLUED.finditer(text, lo, more.end()):
            surname = glue.group(1)
            run = _RUN.search(text, max(lo, glue.start() - 120), glue.start())
            if run is None:
                continue
            first = re.search(rf"\b{re.escape(surname)}\b", run.group(1))
            if first is None:
                continue  # "MacArthur": no linked name ends with the glued word
            start = run.start(1) + first.end()
            cuts.append((start, more.end()))
            break
    if not cuts:
        return text
    parts, last = [], 0
    for a, b in cuts:
        parts += [text[last:a], re.sub(r"\S", " ", text[a:b])]
        last = b
    return "".join([*parts, text[last:]])


_BLANKED = re.compile(
    r"[ \t]{5,}([’']s\b)?"
)  # a blanked card in a source ("Sen. John Cornyn <card> (R-Texas)")


def closed(mention: str) -> str:
    """``mention`` with a blanked card written as one space, or as nothing before a possessive ("President
    Trump <card>’s son-in-law Jared Kushner")."""
    if "     " not in mention:
        return mention
    return _BLANKED.sub(lambda m: m.group(1) or " ", mention)


def closed_up(rows: list[dict]) -> list[dict]:
    """``rows`` with a blanked card inside a source or mention closed up (``closed``, in place)."""
    for r in rows:
        for key in ("source", "mention"):
            r[key] = closed(r[key])
    return rows
