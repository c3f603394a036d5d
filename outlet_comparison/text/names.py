"""Who is named: what every name finder shares (capitals, honorifics, openers, run boundaries, alias keys).

Attribution (``instruments.attribution.names``, ``classify``) and actor discovery (``coverage.discover``,
``actors``) both read these, so a name is cut, opened and matched to an alias the same way everywhere.
"""

from __future__ import annotations

import unicodedata

from outlet_comparison.text.units import POSSESSIVE, UPPER

__all__ = [
    "BOUNDARY",
    "DETERMINERS",
    "HONORIFICS",
    "OPENERS",
    "UPPER",
    "alias_key",
    "fold",
    "honorific_pattern",
]

# abbreviated titles written before a name ("Sen. Tom Cotton", "Mr Obama")
HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Prof", "Rev", "Lt", "Col", "Sgt")

# sentence adverbs and conjunctions that open a capitalised run without being part of a name ("But Harris")
OPENERS = frozenset("then when while but and yet still now here there however meanwhile".split())

DETERMINERS = frozenset(
    "the a an his her its their our my your this these those some many most several any each every "
    "both all one two three four five six seven eight nine ten another other".split()
)

# function words that end a noun phrase or a name run
BOUNDARY = frozenset(
    "that and but or nor because while when whenever if as although though since after before so than "
    "where whether which what how why to of for with by from on at in into about over under not also "
    "is was were are be been being has have had do does did will would could should may might must can "
    "said says say told tells".split()
)


def honorific_pattern(extra: tuple[str, ...] = ()) -> str:
    """Regex of one honorific with its optional period (``extra`` adds titles a caller also accepts).

    >>> import re; bool(re.fullmatch(honorific_pattern(), "Sen."))
    True
    """
    return rf"(?:{'|'.join((*HONORIFICS, *extra))})\.?"


def alias_key(matched: str) -> str:
    """The case-folded key an alias is looked up by: possessive 's dropped, spacing folded.

    >>> alias_key("the  White House's")
    'the white house'
    """
    return " ".join(POSSESSIVE.sub("", matched).split()).lower()


# typographic apostrophes and quotes written inside names ("O’Neill", "O‘Brien") -> the plain one
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(name: str) -> str:
    """An accent-free, lower-case key with one apostrophe ('Erdoğan' -> 'erdogan', 'O’Neill' -> "o'neill").

    >>> fold("Peña") == fold("Pena"), fold("O’Neill") == fold("O'Neill")
    (True, True)
    """
    name = name.translate(_APOSTROPHES)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
