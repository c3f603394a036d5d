"""Shared wording of generated findings: numbers, intervals, lists of names, the cautious context.

Every sentence is built from computed values, with its interval where a difference is claimed,
and with the same cautious rules: how many articles, whether they were written at different
moments, and what a word list can and cannot see.
"""

from __future__ import annotations

import pandas as pd

MINUS = "−"


def num(x: float, digits: int = 1, sign: bool = False) -> str:
    """A number with a typographic minus (and a plus sign when ``sign``).

    >>> num(-0.125, 2), num(3, 0, sign=True), num(float("nan"))
    ('−0.12', '+3', 'not measurable')
    """
    if x != x:  # NaN: a measure the text does not allow (no sentences, another script, ...)
        return "not measurable"
    text = f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"
    return text.replace("-", MINUS)


def bound(x: float, digits: int = 2, sign: bool = True) -> str:
    """An interval bound; one that is not zero but rounds to zero gets up to two more digits, so an interval
    that excludes zero never reads '−0.00'.

    >>> bound(-0.0012), bound(0.0), bound(-0.0, 0), bound(0.5)
    ('−0.001', '0.00', '0', '+0.50')
    """
    if x == 0:  # zero, and minus zero (a bound negated for display), has no sign
        return num(0.0, digits)
    for d in range(digits, digits + 3):
        if round(x, d) != 0 or x == 0:
            return num(x, d, sign)
    return num(x, digits + 2, sign)


def ci(lo: float, hi: float, digits: int = 2, sign: bool = True) -> str:
    """'95% CI −0.09 to +0.52'.

    >>> ci(-0.091, 0.523), ci(-0.05, -0.0004)
    ('95% CI −0.09 to +0.52', '95% CI −0.05 to −0.0004')
    """
    return f"95% CI {bound(lo, digits, sign)} to {bound(hi, digits, sign)}"


def names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'.

    >>> names(["A", "B", "C"])
    'A, B and C'
    """
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def median_positions(medians: pd.Series, what: str, where: str, empty: str) -> str:
    """Where each outlet's ``what`` sits (``medians``: percent of the text, by outlet); ``empty`` if none.

    >>> median_positions(pd.Series({"A": 23.4, "B": 60.0}), "the hits", "the body", "No hits.")
    'Median position of the hits: A 23%, B 60% of the way through the body.'
    >>> median_positions(pd.Series(dtype=float), "the hits", "the body", "No hits.")
    'No hits.'
    """
    if not len(medians):
        return empty
    parts = ", ".join(f"{o} {num(v, 0)}%" for o, v in medians.items())
    return f"Median position of {what}: {parts} of the way through {where}."


def article_context(arts: pd.DataFrame) -> list[str]:
    """How many articles, and whether they were written at different moments (the confound)."""
    n = len(arts)
    out = [
        f"**{n} article{'s' if n != 1 else ''}, one per outlet** ({names(arts['outlet'].tolist())}): every "
        "difference below describes these texts, not the outlets in general."
    ]
    dates = arts.sort_values("published")
    if dates["published"].nunique() > 1:
        when = names([f"{r.outlet} on {r.published.day} {r.published:%b %Y}" for r in dates.itertuples()])
        out.append(
            f"**They were published at different moments** ({when}): a later article can report what an "
            "earlier one could not, so outlet and news moment are confounded."
        )
    return out


def label(name: object) -> str:
    """A plain label for an identifier: 'human_interest' -> 'human interest'.

    >>> label("flesch_kincaid_grade"), label(3)
    ('flesch kincaid grade', '3')
    """
    return str(name).replace("_", " ")


def possessive(name: str) -> str:
    """An outlet's possessive: 'AP's', but 'The New York Times'' (a name ending in s).

    >>> possessive("AP"), possessive("The New York Times")
    ("AP's", "The New York Times'")
    """
    return f"{name}'" if str(name).endswith("s") else f"{name}'s"


def excludes_zero(lo: float, hi: float) -> bool:
    """Whether an interval lies wholly on one side of zero.

    >>> excludes_zero(0.01, 0.3), excludes_zero(-0.2, 0.3)
    (True, False)
    """
    return bool(lo > 0 or hi < 0)


def verdict(diff: float, lo: float, hi: float, digits: int = 2) -> str:
    """What an interval says about a difference, in words that agree with the numbers shown: 'no difference'
    when the difference rounds to zero at ``digits``, 'the interval excludes zero' only when it does.

    >>> verdict(-0.001, -0.002, -0.0005)
    'no difference at 2 decimals'
    >>> verdict(0.4, 0.1, 0.7)
    'the interval excludes zero'
    """
    if round(diff, digits) == 0:
        return f"no difference at {digits} decimals"
    if excludes_zero(lo, hi):
        return "the interval excludes zero"
    return "the interval includes zero, so this is not a statistically secure difference"


def difference(row: pd.Series, what: str, digits: int = 2) -> str:
    """One pairwise difference with its interval and what the interval says (see ``verdict``).

    >>> difference(pd.Series({"outlet_a": "A", "outlet_b": "B", "diff": -0.001, "ci_low": -0.002,
    ...                       "ci_high": -0.0005}), "grades")
    'A − B: 0.00 grades (95% CI −0.002 to −0.001; no difference at 2 decimals)'
    """
    lo, hi, diff = row["ci_low"], row["ci_high"], row["diff"]
    shown = num(diff, digits, sign=True) if round(diff, digits) != 0 else num(0.0, digits)
    return (
        f"{row['outlet_a']} − {row['outlet_b']}: {shown} {what} "
        f"({ci(lo, hi, digits)}; {verdict(diff, lo, hi, digits)})"
    )


def lexicon_caveat(lexicon_name: str) -> str:
    """What a frame word list can and cannot see."""
    return (
        f"Frames are counted with the word list `{lexicon_name}`: it counts words, not stance, and a word "
        "inside a quotation is the speaker's, not the outlet's."
    )
