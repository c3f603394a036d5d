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

    >>> num(-0.125, 2), num(3, 0, sign=True)
    ('−0.12', '+3')
    """
    text = f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"
    return text.replace("-", MINUS)


def ci(lo: float, hi: float, digits: int = 2, sign: bool = True) -> str:
    """'95% CI −0.09 to +0.52'.

    >>> ci(-0.091, 0.523)
    '95% CI −0.09 to +0.52'
    """
    return f"95% CI {num(lo, digits, sign)} to {num(hi, digits, sign)}"


def names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'.

    >>> names(["A", "B", "C"])
    'A, B and C'
    """
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


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


def difference(row: pd.Series, what: str, digits: int = 2) -> str:
    """One pairwise difference with its interval and whether it is secure (interval excludes zero)."""
    verdict = (
        "the interval excludes zero"
        if row["secure"]
        else "the interval includes zero, so this is not a statistically secure difference"
    )
    return (
        f"{row['outlet_a']} − {row['outlet_b']}: {num(row['diff'], digits, sign=True)} {what} "
        f"({ci(row['ci_low'], row['ci_high'], digits)}; {verdict})"
    )


def lexicon_caveat(lexicon_name: str) -> str:
    """What a frame word list can and cannot see."""
    return (
        f"Frames are counted with the word list `{lexicon_name}`: it counts words, not stance, and a word "
        "inside a quotation is the speaker's, not the outlet's."
    )
