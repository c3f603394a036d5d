"""``cache.by_identity``: the same answers as the function it fronts, looked up by the argument's identity."""

from __future__ import annotations

import re

import helpers
from outlet_comparison.cache import by_identity
from outlet_comparison.instruments.attribution import filters


def test_by_identity_answers_as_the_function_and_calls_it_once_per_argument():
    calls = []

    def joined(patterns: tuple[str, ...]) -> str:
        calls.append(patterns)
        return "|".join(patterns)

    front = by_identity(joined, size=2)
    a, b = ("x", "y"), ("x", "z")
    assert [front(a), front(a), front(b), front(b)] == ["x|y", "x|y", "x|z", "x|z"]
    assert calls == [a, b]
    equal = tuple(["x", "y"])  # an equal tuple, another object: asked again, same answer
    assert front(equal) == "x|y" and calls == [a, b, equal]
    assert [front(a), front(b), front(equal)] == ["x|y", "x|z", "x|y"]  # size 2: the memo was emptied


def test_nonstatement_alternations_equal_the_uncached_ones():
    lex = helpers.AttributionLexicons()
    patterns = filters.load_nonstatements(lex.nonstatements_path())
    got = filters._joined(patterns)
    assert filters._joined(patterns) is got
    assert got == filters._joined_patterns.__wrapped__(patterns)
    copy = tuple((re.compile(rx.pattern, rx.flags), cat) for rx, cat in patterns)
    assert [(rx.pattern, cat) for rx, cat in filters._joined(copy)] == [(rx.pattern, cat) for rx, cat in got]
