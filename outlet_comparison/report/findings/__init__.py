"""Findings written from the numbers: the sentences a report page opens with, for any event.

Every sentence is built from computed values, with its interval where a difference is claimed,
and with the same cautious rules: how many articles, whether they were written at different
moments, and what an instrument can and cannot see. ``common`` holds the shared wording; one
module per notebook builds its findings (``helpers.findings.<module>.<function>``).
"""

from outlet_comparison.report.findings import (
    articles,
    common,
    corpus,
    coverage_tables,
    framing,
    readability,
)
from outlet_comparison.report.findings.articles import material_findings
from outlet_comparison.report.findings.common import (
    article_context,
    ci,
    difference,
    label,
    lexicon_caveat,
    median_positions,
    names,
    num,
    possessive,
    verdict,
)
from outlet_comparison.report.findings.corpus import paired_findings, placement_findings
from outlet_comparison.report.findings.coverage import (
    actor_findings,
    card_notes,
    coverage_caveats,
    most_shared,
    overlap_findings,
)
from outlet_comparison.report.findings.framing import framing_findings, tone_findings
from outlet_comparison.report.findings.readability import readability_findings
from outlet_comparison.report.findings.sourcing import (
    anonymous_gap,
    extractor_caveat,
    quote_finding,
    side_finding,
    sourcing_findings,
    type_finding,
    verb_finding,
)
