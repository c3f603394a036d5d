"""Who is named: what every name finder shares (capitals, honorifics, openers, run boundaries, alias keys).

Attribution (``instruments.attribution.names``, ``classify``) and actor discovery (``coverage.discover``,
``actors``) both read these, so a name is cut, opened and matched to an alias the same way everywhere.
"""

from __future__ import annotations

import re
import unicodedata

from outlet_comparison.cache import memoize
from outlet_comparison.text.units import POSSESSIVE, UPPER

__all__ = [
    "ALIAS_CASES",
    "BOUNDARY",
    "DETERMINERS",
    "HONORIFICS",
    "OPENERS",
    "UPPER",
    "alias_case",
    "alias_key",
    "alias_lookup",
    "alias_pattern",
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


# the case rules an alias file may give an alias in its ``case`` column
ALIAS_CASES = ("sensitive", "ignore")


def alias_case(alias: str, case: str | None = None) -> str:
    """The case rule of an alias: its file's ``case`` column where the file has one; else THE default rule,
    the same for every alias file (actor aliases, attribution affiliations, countries): an alias holding a
    space ignores case ("white house" is the White House), a single word matches exactly ("US" is never
    "us", "Fox" never "fox").

    >>> alias_case("White House"), alias_case("US"), alias_case("US", "ignore")
    ('ignore', 'sensitive', 'ignore')
    """
    if case is not None:
        return case
    return "ignore" if " " in alias else "sensitive"


def alias_lookup(alias: str, case: str | None = None) -> str:
    """The text an alias is filed under: lower case where its case rule (``alias_case``) ignores case.

    >>> alias_lookup("White House"), alias_lookup("US")
    ('white house', 'US')
    """
    return alias.lower() if alias_case(alias, case) == "ignore" else alias


_APOSTROPHE_CLASS = "['’]"


def alias_pattern(
    alias: str,
    case: str | None = None,
    *,
    spacing: bool = False,
    possessive: bool = False,
    after_dot: bool = False,
) -> str:
    """The regex text of one alias, the one place alias patterns are built (actors and attribution).

    A whole-word match of the alias, case-insensitive where ``alias_case(alias, case)`` says so. Options
    each caller keeps as it always had them: ``spacing``, any run of white space between the alias's
    words and either apostrophe for "'" (actors); ``possessive``, an optional "'s" kept in the match
    (attribution, whose look-up drops it); ``after_dot``, no match right after a '.' (attribution).

    >>> import re
    >>> bool(re.search(alias_pattern("White House"), "the white house said"))
    True
    >>> bool(re.search(alias_pattern("US"), "told us"))
    False
    >>> re.search(alias_pattern("O'Neill", spacing=True), "said O’Neill.").group(0)
    'O’Neill'
    """
    if spacing:
        body = r"\s+".join(re.escape(part).replace("'", _APOSTROPHE_CLASS) for part in alias.split())
    else:
        body = re.escape(alias)
    if alias_case(alias, case) == "ignore":
        body = f"(?i:{body})"
    before = r"(?<![\w.])" if after_dot else r"(?<![\w])"
    after = "(?:[’']s)?" if possessive else ""
    return rf"{before}{body}{after}(?![\w])"


# typographic apostrophes and quotes written inside names ("O’Neill", "O‘Brien") -> the plain one
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(name: str) -> str:
    """An accent-free, lower-case key with one apostrophe ('Erdoğan' -> 'erdogan', 'O’Neill' -> "o'neill").

    >>> fold("Peña") == fold("Pena"), fold("O’Neill") == fold("O'Neill")
    (True, True)
    """
    name = name.translate(_APOSTROPHES)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@memoize(maxsize=1)
def us_states() -> frozenset[str]:
    """The names of the US states and the District of Columbia (ISO 3166-2:US, from pycountry)."""
    import pycountry

    subs = pycountry.subdivisions.get(country_code="US") or []
    return frozenset(s.name for s in subs if s.type in ("State", "District"))
