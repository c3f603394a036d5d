"""Findings written from the numbers: the sentences a report page opens with, for any event.

Every sentence is built from computed values, with its interval where a difference is claimed,
and with the same cautious rules: how many articles, whether they were written at different
moments, and what an instrument can and cannot see. ``common`` holds the shared wording; one
module per notebook builds its findings (``helpers.findings.<module>.<function>``).
"""

from . import common, framing
from .common import article_context, ci, difference, lexicon_caveat, names, num
from .framing import framing_findings, tone_findings

__all__ = [
    "article_context", "ci", "common", "difference", "framing", "framing_findings", "lexicon_caveat", "names",
    "num", "tone_findings",
]  # fmt: skip
