"""A web page's hover card is no part of a name: The Hill writes a linked person as "Jeff Sessions Jefferson
(Jeff) Beauregard SessionsMedill dean 'deeply troubled ...' ... Jeff Sessions event MORE said": the name,
the person's full legal name, headlines glued to it, and "MORE". Names are read with each card blanked out
(same offsets), so the name is "Jeff Sessions", not "Jeff Sessions Jefferson" (issue 21, round eleven)."""

from __future__ import annotations

import re

from outlet_comparison.cache import memoize

_MORE = re.compile(r"(?<=\s)MORE\b")
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
    if " MORE" not in text and "\nMORE" not in text:
        return text
    cuts: list[tuple[int, int]] = []
    done = 0
    for more in _MORE.finditer(text):
        lo = max(done, more.start() - CARD_REACH)
        for glue in _GLUED.finditer(text, lo, more.start()):
            surname = glue.group(1)
            run = _RUN.search(text, max(lo, glue.start() - 120), glue.start())
            if run is None:
                continue
            first = re.search(rf"\b{re.escape(surname)}\b", run.group(1))
            if first is None:
                continue  # "MacArthur": no linked name ends with the glued word
            start = run.start(1) + first.end()
            cuts.append((start, more.end()))
            done = more.end()
            break
    if not cuts:
        return text
    parts, last = [], 0
    for a, b in cuts:
        parts += [text[last:a], re.sub(r"\S", " ", text[a:b])]
        last = b
    return "".join([*parts, text[last:]])
