"""Round twelve's second throughput changes (branch r12-cpu30) answer as the code they replace (issue 21)."""

from __future__ import annotations

import random
import re

import pytest

from outlet_comparison.instruments.attribution import filters, webpage
from outlet_comparison.instruments.attribution.rules import AttributionLexicons
from outlet_comparison.wordlists import covering, opens_at_edges

# words of the idiom and intention rows and the cues they meet, so that generated texts hit the patterns
_WORDS = (
    "having said that denied said anything he she the a vote voted according to plan schedule rest assured"
    " referred as news reports media claims harassment pleaded guilty agreed extend denied service bail"
    " answered some of those questions concluded his speech took notes views expressed adding fuel added"
    " another claimed five lives showed no signs called snap vote alleged be kept promises responded with"
    " subpoenas dismissed case challenged in court Sen. Mike wrote bill asserted itself continued over says"
    " told reporters (emphasis added) , . : “ ” 911 calls requested anonymity characterized by critics it"
    " promises declared candidacy expenses charged refer questions ( ) x_y é"
).split() + [
    "having said",
    "vote according to",
    "according to plan",
    "rest assured",
    "referred to as",
    "news reports",
    "pleaded guilty",
    "agreed to extend",
    "denied bail",
    "claimed five lives",
    "showed no signs",
    "called a snap vote",
    "alleged to be",
    "(emphasis added)",
    "took notes",
    "answered some of those questions",
]
_GLUE = (" ", " ", " ", "", "\n", "(", ",", "  ", "-")


def _old_covering(text: str, c0: int, c1: int, rx: re.Pattern[str]) -> bool:
    """The window scan the change replaces."""
    lo, hi = max(0, c0 - filters._IDIOM_REACH), c1 + filters._IDIOM_REACH
    return any(m.start() <= c0 and m.end() >= c1 for m in rx.finditer(text, lo, hi))


def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return filters.load_nonstatements(AttributionLexicons().nonstatements_path())


def _idiom_rxs() -> list[re.Pattern[str]]:
    """The joined idiom and intention patterns, and each row's own pattern."""
    pats = _patterns()
    joined = [rx for rx, cat in filters._joined(pats) if cat in ("idiom", "intention")]
    return joined + [rx for rx, cat in pats if cat in ("idiom", "intention")]


def _text(rnd: random.Random) -> str:
    return "".join(rnd.choice(_WORDS) + rnd.choice(_GLUE) for _ in range(rnd.randint(1, 14)))


def test_every_idiom_opens_at_an_edge() -> None:
    """The fast path is taken: each idiom and intention pattern opens at ``\\b``, "(" or after a space."""
    assert all(opens_at_edges(rx) for rx in _idiom_rxs())
    assert not opens_at_edges(re.compile(r"\w+ly said"))
    assert not opens_at_edges(re.compile(r"\bsaid|x"))
    assert not opens_at_edges(re.compile(r"(?<=a)said"))
    assert not opens_at_edges(re.compile(r"(?a:\bsaid)"))


@pytest.mark.slow  # about a minute: in `make test`, not `make test-fast`
def test_covering_equals_the_window_scan(seed: int = 0) -> None:
    """On 3,000 texts of the idiom rows' words, every span of one to three words as a cue, every idiom
    pattern (joined and alone): the answer of the scan of the whole window."""
    rnd = random.Random(seed)
    rxs = _idiom_rxs()
    hits = 0
    for _ in range(3_000):
        text = _text(rnd)
        for m in re.finditer(r"\S+(?:\s+\S+){0,2}", text):
            c0, c1 = m.span()
            for rx in rxs:
                old = _old_covering(text, c0, c1, rx)
                assert filters._covering(text, c0, c1, rx) == old, (text, c0, c1, rx.pattern[:40])
                hits += old
    assert hits > 100  # the generated texts do meet the idioms


def test_covering_of_any_pattern_equals_finditer() -> None:
    """``covering`` on small edge-opened patterns, random strings, every cue span: finditer's answer."""
    rnd = random.Random(5)
    rxs = [
        re.compile(p, re.IGNORECASE)
        for p in (r"\ba\w*", r"\bab\s+a|\ba", r"(?<=b\s)a\w?", r"\(\s*a|\bb", r"\b(?:a|ab)(?:\s+b)?", r"\b")
    ]
    assert all(opens_at_edges(rx) for rx in rxs)
    for _ in range(20_000):
        text = "".join(rnd.choice("ab (\n") for _ in range(rnd.randint(1, 12)))
        c0 = rnd.randrange(len(text))
        c1 = rnd.randint(c0 + 1, len(text))
        lo, hi = max(0, c0 - rnd.randint(0, 6)), c1 + rnd.randint(0, 6)
        for rx in rxs:
            old = any(m.start() <= c0 and m.end() >= c1 for m in rx.finditer(text, lo, hi))
            assert covering(text, rx, lo, hi, c0, c1) == old, (text, c0, c1, lo, hi, rx.pattern)


def test_not_a_statement_equals_the_old_on_idiom_texts() -> None:
    """``not_a_statement`` as a whole, with the window scan patched back in, answers the same."""
    rnd = random.Random(12)
    pats = _patterns()
    cases = []
    for _ in range(3_000):
        text = _text(rnd)
        m = rnd.choice(list(re.finditer(r"\S+", text)))
        cases.append((text, m.start(), m.end(), rnd.random() < 0.5))
    new = [filters.not_a_statement(t, a, b, pats, beliefs=bl) for t, a, b, bl in cases]
    saved = filters._covering
    filters._covering = _old_covering
    try:
        old = [filters.not_a_statement(t, a, b, pats, beliefs=bl) for t, a, b, bl in cases]
    finally:
        filters._covering = saved
    assert new == old
    assert any(new) and not all(new)


class _NoScan:
    """A pattern that may be tried at a place but not scanned over a window (``finditer``, ``search``)."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.pattern, self.flags = rx, rx.pattern, rx.flags

    def match(self, *args: object) -> re.Match[str] | None:
        return self.rx.match(*args)  # type: ignore[arg-type]

    def finditer(self, *args: object) -> None:
        raise AssertionError("the idiom alternation scanned the whole window")

    search = finditer


def test_a_plain_said_cue_does_not_scan_the_idiom_window() -> None:
    """A "said" cue passes the word check (the round-twelve row "(?<=\\bhaving\\s)said\\b" holds the word), so
    the old code scanned the whole idiom alternation over the window; now it is tried at word edges only.
    "having said" is still an idiom, a plain "said" still none."""
    idiom = next(rx for rx, cat in filters._joined(_patterns()) if cat == "idiom")
    guarded = _NoScan(idiom)
    text = "He denied having said anything, the mayor said on Monday."
    first, second = text.index("said"), text.rindex("said")
    assert filters._cue_word_in(text, second, second + 4, idiom)
    assert filters._covering(text, first, first + 4, guarded)  # type: ignore[arg-type]
    assert not filters._covering(text, second, second + 4, guarded)  # type: ignore[arg-type]


def _old_in_box(text: str, c0: int, rx: re.Pattern[str]) -> bool:
    """The caption and video box test the change replaces: its regexes on every line."""
    start, end = webpage._line(text, c0)
    if rx is webpage._CAPTION and webpage._CREDIT.search(text, start, end):
        return True
    return any(m.start() <= c0 < m.end() for m in rx.finditer(text, start, end))


_PAGE_BITS = (
    "Photos: ",
    "Photo:",
    "Photos",
    "Hide Caption ",
    "REUTERS",
    "REUTERS/Jim Bourg",
    "(AP Photo/Evan Vucci)",
    "Getty Images",
    "AFP",
    "AFP/Getty",
    "JUST WATCHED ",
    "MUST WATCH",
    "WATCH",
    "03:18",
    "1:05 ",
    "said ",
    "the mayor ",
    "Photographs ",
    "reuters ",
    "\n",
    "\n",
    ". ",
    " ",
    "x",
    "photos: ",
)


def test_in_box_equals_the_regexes_on_every_line() -> None:
    """On 4,000 texts of caption, credit and video box pieces, at every offset: the old answer."""
    rnd = random.Random(21)
    hits = 0
    for _ in range(4_000):
        text = "".join(rnd.choice(_PAGE_BITS) for _ in range(rnd.randint(1, 10)))
        for c0 in range(len(text)):
            for rx in (webpage._CAPTION, webpage._VIDEO):
                old = _old_in_box(text, c0, rx)
                assert webpage._in_box(text, c0, rx) == old, (text, c0, rx.pattern)
                hits += old
    assert hits > 200


class _Unrun:
    """A regex that must not be run."""

    def search(self, *args: object) -> None:
        raise AssertionError("a box regex ran on a line without its marks")

    finditer = search


def test_a_plain_line_runs_no_box_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body line with no "Photo", credit or "WATCH" in it is in no box, and no box regex runs on it (the
    old code searched the credit and scanned both boxes on every row's line)."""
    text = "Photos: the storm Hide Caption 1 of 3\nThe mayor said on Monday that the road was closed."
    c0 = text.index("said")
    monkeypatch.setattr(webpage, "_CREDIT", _Unrun())
    assert not webpage._in_box(text, c0, webpage._CAPTION)
    assert not webpage._in_box(text, c0, webpage._VIDEO)
