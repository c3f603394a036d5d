"""Source attribution: who is quoted, by which cue, and how often anonymously.

Modules, in the order the extractor uses them: ``rules`` (the word lists, parsed and validated:
``AttributionLexicons`` names the files, ``Rules`` holds them parsed), ``tokens`` (tokens and noun
phrases), ``names`` (people named in the text), ``cues`` (cues and source spans), ``crf`` and
``refine`` (the CRF that corrects the rules' spans), ``filters`` (what is no statement),
``classify`` (source types), ``resolve`` (pronouns, follow-ups, anonymity reasons), ``extract``
(the public functions).
"""

from outlet_comparison.instruments.attribution.extract import (
    ATTRIBUTION_COLUMNS,
    attribution_rows,
    attribution_sides,
    attributions,
    scu_types,
)
from outlet_comparison.instruments.attribution.rules import AttributionLexicons

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "AttributionLexicons",
    "attribution_rows",
    "attribution_sides",
    "attributions",
    "scu_types",
]
