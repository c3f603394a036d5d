"""Source attribution: who is quoted, by which cue, and how often anonymously.

The recipe (``extract.attribution_rows``): rules -> model refinement -> speech acts the rules read after the
model (``lexicons/attribution_acts.csv``, no feature of it) -> non-statements -> resolution -> rows. Modules,
in that order: ``rules`` (the word lists, parsed and validated: ``AttributionLexicons`` names the files,
``Rules`` holds them parsed), ``tokens`` (tokens and noun phrases), ``names`` (people named in the text),
``cues`` (cues and source spans) with ``published`` (a participle after a published text, prepared remarks:
read after the model) and ``series`` (verb series, acts with their own object), ``crf`` and ``refine`` (the
CRF that corrects the rules' spans) with ``nested`` (a named third party's report kept inside a quotation) and
``unsourced`` (source patterns read after the CRF for rule cues left without one) and ``prepositions``
(", per the Post" read as "according to", after the CRF), ``filters`` (what is no
statement: refusals, future events, negated speech, agentless passives, "No official"; source-span repairs)
with ``nouncues`` (a cue word read as a noun: "their asylum claims were", "nasty tweets", "the final call"; a
lone "Her" before its noun), ``classify`` (source types) with ``heads`` (a mention's head noun and titles) and
``persons`` (is an unlisted head a person: "witness", "strategist", not "military"), ``resolve`` (pronouns,
follow-ups, anonymity reasons; ``nested`` also resolves a quoted third person's "he", never the quoted
speaker), ``shared`` (participial cues sharing another cue's source), ``speakers`` (the reader's five types
and the resolved ``speaker``) with ``kin`` (one surname, several people: a father and a son "Jr."; an agent,
"a lawyer for X") and ``fragments`` (a place or a date as a source; a title run cut at its "and"; "the
Journal" after "The Wall Street Journal"), ``generic`` (mentions typed anonymous that name no withheld
identity: bare plurals, relatives of a named person, "the senators" after a list of named senators, and the
last resort: an unlisted head that names no person is a body or a thing), ``described`` (descriptions of named
people: "the 43-year-old", "R-Texas", "the top Democrat on the committee"), ``appositives`` (a named person's
appositive found as the source: "Eastwood, a man who describes", "Sen. Jeff Sessions, R-Ala., one of her
critics, said"), ``demonyms`` (a nationality word is no speaker of its own: "a Palestinian organization",
"Ukrainian President ..." for a bare "the president"),
``antecedents`` (who a pronoun can and cannot be: a title run's person, a name its own clause writes, a name
inside the quotation it attributes, the body 'it' or "the organization" continues) with ``cards`` (a web
page's hover card, "Jeff Sessions Jefferson (Jeff) ... MORE", is no part of a name: blanked before the
rules read the text), ``capitals`` (a text
written in capitals, read as no attribution), ``furniture`` (web page furniture glued into the text, "Story
highlights", a video box, a gallery's repeated title, blanked first), ``cataphora`` (a title description
nobody before it names is the person named right after it: "The Democratic chairman of the House Oversight
Committee accused ... Representative Elijah Cummings ... said"; a counted plural, "Two Democratic lawmakers
called ... Reps. Maxine Waters and ...", is the first of the titled people named right after it), ``offices``
(an office with a place is the person the text titles with that place: "The Ohio governor" after "Ohio Gov.
Kasich", never the main person), ``bodies`` (which named body "the group" or "the city" refers back to: "the
union-backed group OUR Walmart", not the last speaking retailer; a kind of place only to a body named as that
kind, not Russia), ``webpage`` (rows whose cue is web page
furniture: headlines, related links, captions, video boxes, hover cards, embedded tweets; dropped last),
``extract`` (the recipe and the public
functions).
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
