"""Source attribution: who is quoted, by which cue, and how often anonymously.

Modules, in the order the extractor uses them: ``lexicons`` (word lists), ``tokens``
(tokens and noun phrases), ``cues`` (cues and source spans), ``classify`` (source types),
``resolve`` (pronouns, follow-ups, anonymity reasons), ``extract`` (the public functions).
"""

from outlet_comparison.instruments.attribution.extract import (
    ATTRIBUTION_COLUMNS,
    attribution_rows,
    attribution_sides,
    attributions,
    scu_types,
)
from outlet_comparison.instruments.attribution.lexicons import AttributionLexicons

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "AttributionLexicons",
    "attribution_rows",
    "attribution_sides",
    "attributions",
    "scu_types",
]
