"""Source attribution: who is cited, named or anonymous, by which cue, and with what stated reason.

Rule-based and lexicon-driven: every cue verb, anonymity marker, role noun and affiliation
lives in ``lexicons/attribution_*.csv``. Sentences come from ``helpers.sentence_spans``.
Developed in parallel; merged into helpers.py before release.

>>> df = attributions('"We are close," said a senior official who asked not to be named.')
>>> df[["source", "source_type", "cue", "quote"]].values.tolist()
[['a senior official', 'anonymous', 'said', True]]
"""

from helpers import LEXICONS, ArticleError, Path, functools, pd, re, read_lexicon, sentence_spans  # noqa: I001

from dataclasses import dataclass, field  # the only import helpers.py does not have yet

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "attributions",
    "attribution_sides",
    "scu_types",
]

ATTRIBUTION_COLUMNS = (
    "sentence",
    "source",
    "source_type",
    "affiliation",
    "cue",
    "start",
    "end",
    "cue_start",
    "cue_end",
    "quote",
    "anonymity_reason",
    "mention",
    "name",
    "kind",
    "side",
    "stance",
    "lemma",
    "anonymity_marker",
    "pattern",
)

_ATTR_CUES = LEXICONS / "attribution_cues.csv"
_ATTR_ACCORDING = LEXICONS / "attribution_according.csv"
_ATTR_NOUNS = LEXICONS / "attribution_nouns.csv"
_ATTR_AFFILIATIONS = LEXICONS / "attribution_affiliations.csv"
_ATTR_ANONYMITY = LEXICONS / "attribution_anonymity.csv"

_ATTR_STANCES = ("neutral", "loaded", "belief")
_ATTR_NOUN_CATEGORIES = ("official", "group", "document", "title", "org")
_ATTR_KINDS = ("person", "organization")
_ATTR_SIDES = ("US government", "Russian government", "Turkish government", "Syrian government", "other")
_ATTR_ANON_CATEGORIES = ("marker", "reason")

_ATTR_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev)\."
    r"|[A-Za-z0-9]+(?:[’'.\-&]+[A-Za-z0-9]+)*(?:[’']s)?"
    r"|[^\w\s]"
)
_ATTR_PRONOUNS = {"he": "m", "she": "f", "they": "pl", "it": "org", "we": "pl", "i": "sg", "who": "rel"}
_ATTR_DETERMINERS = frozenset(
    "the a an his her its their our my your this these those some many most several any each every "
    "both all one two three four five six seven eight nine ten another other".split()
)
_ATTR_BOUNDARY = frozenset(
    "that and but or nor because while when whenever if as although though since after before so than "
    "where whether which what how why to of for with by from on at in into about over under not also "
    "is was were are be been being has have had do does did will would could should may might must can "
    "said says say told tells".split()
)
_ATTR_SKIP = frozenset(
    "also has have had having will would could should may might must can did does do not n't never "
    "is was were are been be later then again repeatedly publicly privately reportedly previously "
    "earlier long often recently now still already just even once first further quickly explicitly "
    "clearly flatly both all himself herself itself themselves only frequently don't didn't doesn't won't "
    "wouldn't can't couldn't never".split()
)
_ATTR_FIRST_SECOND = frozenset("i we you me us".split())
_ATTR_BE = frozenset("be is was were are been being".split())
_ATTR_BE_ING = frozenset("is was were are been be".split())
_ATTR_CLAUSE_OPENERS = frozenset(
    "and but or because while when whenever if as although though since after before so where whether "
    "that yet also however meanwhile what which".split()
)
_ATTR_FORWARD_END = frozenset("who which adding in on at during after when while according".split())
_ATTR_MODIFIERS = frozenset(
    "top high-ranking longtime veteran local regional federal military western european american russian "
    "turkish syrian white house press deputy assistant executive general top-ranking another".split()
)
_ATTR_GROUP_SUFFIX = re.compile(r"(?:ers|ors|ists|ies|ants|ents|ians)$")
_ATTR_POSTMODS = frozenset("familiar close briefed with knowledge involved".split())
_ATTR_POSTMOD = {"with": ("familiar", "knowledge"), "to": ("close",), "on": ("briefed",)}
_ATTR_QUOTE_RE = re.compile(r"[“\"]([^”\"]*\w[^”\"]*)[”\"]")
_ATTR_OPEN_QUOTES = frozenset('“"')
_ATTR_CLOSE_QUOTES = frozenset("”\"’'")


# ---------------------------------------------------------------- lexicons


def _attr_row_error(path: Path | str, i: int, msg: str) -> ArticleError:
    """An ArticleError naming the file and the 1-based line (header = 1) of a 0-based data row."""
    return ArticleError(f"{path}, row {i + 2}: {msg}")


def _attr_check_choice(path: str, i: int, col: str, value: str, allowed: tuple[str, ...]) -> None:
    """Raise ArticleError unless value is one of allowed."""
    if value not in allowed:
        raise _attr_row_error(path, i, f"unknown {col} '{value}' (expected one of {list(allowed)})")


@functools.lru_cache(maxsize=8)
def _attr_cues(path: str) -> dict[str, list[tuple[tuple[str, ...], str, str, bool]]]:
    """Cue forms keyed by first word: (form tokens, lemma, stance, inverts), longest first."""
    df = read_lexicon(path, ("lemma", "forms", "stance", "inverts", "rationale"))
    out: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
    for i, row in df.iterrows():
        _attr_check_choice(path, i, "stance", row["stance"].strip(), _ATTR_STANCES)
        _attr_check_choice(path, i, "inverts", row["inverts"].strip(), ("yes", "no"))
        for form in row["forms"].split("|"):
            toks = tuple(form.strip().lower().split())
            if not toks or not all(re.fullmatch(r"[a-z’'\-]+", t) for t in toks):
                raise _attr_row_error(path, i, f"invalid cue form {form!r} in column 'forms'")
            entry = (toks, row["lemma"].strip(), row["stance"].strip(), row["inverts"].strip() == "yes")
            out.setdefault(toks[0], []).append(entry)
    for v in out.values():
        v.sort(key=lambda e: -len(e[0]))
    return out


@functools.lru_cache(maxsize=8)
def _attr_cue_words(path: str) -> frozenset[str]:
    """Every single word of every cue form (a verb before a subject NP: 'said Obama made clear')."""
    return frozenset(w for v in _attr_cues(path).values() for form, *_ in v for w in form)


@functools.lru_cache(maxsize=8)
def _attr_according(path: str) -> tuple[tuple[str, ...], ...]:
    """Prepositional cue phrases after which the source follows ("according to")."""
    df = read_lexicon(path, ("phrase", "rationale"))
    out = []
    for i, row in df.iterrows():
        toks = tuple(row["phrase"].strip().lower().split())
        if not all(re.fullmatch(r"[a-z’'\-]+", t) for t in toks):
            raise _attr_row_error(path, i, f"invalid phrase {row['phrase']!r}")
        out.append(toks)
    return tuple(sorted(out, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _attr_nouns(path: str) -> dict[str, str]:
    """Lower-case noun or title word -> category (official, group, document, title, org)."""
    df = read_lexicon(path, ("term", "category", "rationale"))
    out: dict[str, str] = {}
    for i, row in df.iterrows():
        term, cat = row["term"].strip().lower(), row["category"].strip()
        _attr_check_choice(path, i, "category", cat, _ATTR_NOUN_CATEGORIES)
        if term in out:
            raise _attr_row_error(path, i, f"duplicate term '{term}'")
        out[term] = cat
    return out


@dataclass(frozen=True)
class _AttrAlias:
    """One affiliation alias: how it is written, what it means, and whose side it is on."""

    alias: str
    canonical: str
    kind: str
    side: str
    regex: re.Pattern[str] = field(compare=False)


@functools.lru_cache(maxsize=8)
def _attr_affiliations(path: str) -> tuple[_AttrAlias, ...]:
    """Affiliation aliases, longest first; multi-word ones match case-insensitively."""
    df = read_lexicon(path, ("alias", "canonical", "kind", "side", "rationale"))
    out = []
    for i, row in df.iterrows():
        kind, side, alias = row["kind"].strip(), row["side"].strip(), row["alias"].strip()
        _attr_check_choice(path, i, "kind", kind, _ATTR_KINDS)
        _attr_check_choice(path, i, "side", side, _ATTR_SIDES)
        flags = re.IGNORECASE if " " in alias else 0
        rx = re.compile(r"(?<![\w.])" + re.escape(alias) + r"(?:[’']s)?(?![\w])", flags)
        out.append(_AttrAlias(alias, row["canonical"].strip(), kind, side, rx))
    return tuple(sorted(out, key=lambda a: -len(a.alias)))


@functools.lru_cache(maxsize=8)
def _attr_anonymity(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled anonymity patterns with their category (marker or reason)."""
    df = read_lexicon(path, ("pattern", "category", "rationale"))
    out = []
    for i, row in df.iterrows():
        cat = row["category"].strip()
        _attr_check_choice(path, i, "category", cat, _ATTR_ANON_CATEGORIES)
        try:
            out.append((re.compile(row["pattern"], re.IGNORECASE), cat))
        except re.error as exc:
            raise _attr_row_error(path, i, f"invalid pattern {row['pattern']!r}: {exc}") from exc
    return tuple(out)


# ---------------------------------------------------------------- tokens and noun phrases


@dataclass(frozen=True)
class _AttrTok:
    """A token with absolute character offsets."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """Lower-case text."""
        return self.text.lower()

    @property
    def word(self) -> bool:
        """True for word tokens (not punctuation)."""
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        """True for capitalised word tokens."""
        return self.text[0].isupper()


def _attr_tokens(text: str, start: int, end: int) -> list[_AttrTok]:
    """Tokens of text[start:end] with absolute offsets."""
    return [_AttrTok(m.group(0), m.start(), m.end()) for m in _ATTR_TOKEN_RE.finditer(text, start, end)]


def _attr_skip_left(toks: list[_AttrTok], j: int) -> int:
    """Index of the first token left of j that is not an auxiliary or adverb ('has also', 'in turn')."""
    while j >= 0:
        low = toks[j].low
        if low in _ATTR_SKIP and low not in ("both", "all") or low.endswith("ly") and low not in ("ally",):
            j -= 1
        elif low in ("both", "all") and j > 0 and toks[j - 1].word:
            j -= 1
        elif low == "turn" and j > 0 and toks[j - 1].low == "in":
            j -= 2
            if j >= 0 and toks[j].text == ",":
                j -= 1
        elif toks[j].text == "," and j > 1 and toks[j - 1].low == "turn" and toks[j - 2].low == "in":
            j -= 3
            if j >= 0 and toks[j].text == ",":
                j -= 1
        else:
            break
    return j


def _attr_np_left(toks: list[_AttrTok], j: int, lo: int, limit: int = 12) -> int:
    """Start index of the noun phrase ending at token j (j + 1 when there is none)."""
    k, n = j, 0
    while k >= lo and n < limit:
        t = toks[k]
        if t.text == ")":
            opened = next((x for x in range(k - 1, lo - 1, -1) if toks[x].text == "("), None)
            if opened is None or k - opened > 8:
                break
            k = opened - 1
            continue
        if not t.word:
            break
        if t.low in _ATTR_DETERMINERS:
            k -= 1
            break
        if t.low == "who" and k == j:
            return k
        if t.low in _ATTR_BOUNDARY or t.low in ("who", "which"):
            if t.low == "and" and k > lo and toks[k - 1].cap and k < j and toks[k + 1].cap:
                k -= 1
                n += 1
                continue
            break
        k -= 1
        n += 1
    start = k + 1
    if start > j:
        return start
    # extend over post-modifiers: "the head of the committee", "people familiar with the talks"
    if k > lo:
        prep = toks[k].low
        before = toks[k - 1].low
        # "people with knowledge of", "advisers to Mr. Obama", "supporters in Congress"
        knowledge = prep == "with" and toks[k + 1].low in ("knowledge", "direct")
        named = prep in ("in", "to", "on", "at") and toks[k + 1].cap
        if prep in ("of", "for", "from") or knowledge or named or before in _ATTR_POSTMOD.get(prep, ()):
            kk = k - 1 if prep in ("of", "for", "from") or knowledge or named else k - 2
            if kk >= lo and toks[kk].word and toks[kk].low not in _ATTR_BOUNDARY:
                s2 = _attr_np_left(toks, kk, lo, limit=5)
                if s2 <= kk:
                    return s2
    return start


def _attr_np_right(toks: list[_AttrTok], i: int, hi: int, limit: int = 10) -> int:
    """End index (exclusive) of the noun phrase starting at token i (i when there is none)."""
    k = i
    while k < hi and k - i < limit:
        t = toks[k]
        if not t.word:
            if t.text == "(":
                close = next((x for x in range(k + 1, min(hi, k + 8)) if toks[x].text == ")"), None)
                if close is not None:
                    k = close + 1
                    continue
            break
        if k > i and (t.low in _ATTR_BOUNDARY or t.low in _ATTR_FORWARD_END):
            if t.low in ("of", "for", "from") and k + 1 < hi and toks[k + 1].word:
                k += 1
                continue
            if t.low == "and" and k + 1 < hi and toks[k + 1].cap and toks[k - 1].cap:
                k += 1
                continue
            break
        if k == i and t.low in _ATTR_BOUNDARY and t.low not in _ATTR_DETERMINERS:
            break
        k += 1
    return k


def _attr_leading_np(toks: list[_AttrTok], i: int, hi: int, nouns: dict[str, str]) -> int:
    """End (exclusive) of a subject NP at the start of a clause: pronoun, or determiner + capitalised run."""
    if i >= hi or not toks[i].word:
        return i
    if toks[i].low in _ATTR_PRONOUNS and toks[i].low != "who":
        return i + 1
    k = i + 1 if toks[i].low in _ATTR_DETERMINERS else i
    start = k
    while k < hi and toks[k].word and (toks[k].cap or nouns.get(toks[k].low) in ("title", "official", "org")):
        k += 1
    return k if k > start else i


# ---------------------------------------------------------------- classifying a mention


@dataclass
class _AttrSource:
    """What a source mention refers to."""

    source: str
    source_type: str
    affiliation: str
    name: str
    kind: str
    side: str
    plural: bool = False


def _attr_classify(mention: str, sentence_initial: bool = False) -> _AttrSource:
    """Type, canonical name, affiliation and side of a (non-pronoun) source mention."""
    nouns = _attr_nouns(str(_ATTR_NOUNS))
    aliases = _attr_affiliations(str(_ATTR_AFFILIATIONS))
    core = re.split(r"\s+(?:who|which|that)\s+|,", re.sub(r"\s*\([^)]*\)", "", mention))[0].strip()
    found: list[_AttrAlias] = []
    masked = core
    for a in aliases:
        if a.regex.search(masked):
            found.append(a)
            masked = a.regex.sub(lambda m: "#" * len(m.group(0)), masked)
    persons = [a for a in found if a.kind == "person"]
    orgs = [a for a in found if a.kind == "organization"]
    toks = [t for t in re.findall(r"[A-Za-z][\w.’'\-]*", masked)]
    lows = [t.lower().rstrip("’'s") if t.endswith(("’s", "'s")) else t.lower() for t in toks]
    head_part = re.split(r"\s+(?:of|from|for|familiar|close|briefed|with|in|at|to)\s+", core)[0]
    head_words = head_part.lower().split()
    head = head_words[-1] if head_words else ""
    head_cat = nouns.get(head.strip(",.")) or ""
    name_toks = [
        t
        for n, (t, lo) in enumerate(zip(toks, lows, strict=True))
        if t[0].isupper()
        and lo not in nouns
        and lo not in _ATTR_DETERMINERS
        and lo not in _ATTR_BOUNDARY
        and not (n == 0 and sentence_initial and lo in nouns)
    ]
    plural = (
        head.endswith("s") and head not in ("news", "times", "press", "us") or head in ("people", "police")
    )
    if not orgs:  # "Dmitry Peskov, the Kremlin spokesman": the body is named in the appositive
        rest = re.split(r"\s+(?:who|which|that)\s+", mention)[0]
        orgs = [a for a in aliases if a.kind == "organization" and a.regex.search(rest)][:1]
    affil = orgs[0].canonical if orgs else ""
    side = (persons[0].side if persons else orgs[0].side if orgs else "other") or "other"
    if persons and head_cat in ("official", "group") and not any(a.regex.search(head_part) for a in persons):
        owner = persons[0].canonical  # "advisers to Mr. Obama": unnamed people of a named person
        return _AttrSource(
            mention, "anonymous", affil or owner, "", "group" if plural else "person", side, plural
        )
    if persons:
        return _AttrSource(mention, "named_person", affil, persons[0].canonical, "person", side)
    if not name_toks and "," in mention:  # "The bill's author, Democratic state Sen. Justin Wayne"
        for part in mention.split(",")[1:]:
            sub = _attr_classify(part.strip()) if part.strip() else None
            if sub is not None and sub.source_type == "named_person":
                return _AttrSource(
                    mention, "named_person", affil or sub.affiliation, sub.name, "person", sub.side
                )
    head_lower = core.split()[-1][:1].islower() if core.split() else False
    kind = "group" if plural else "person"
    if name_toks and head_lower and all(t.endswith(("’s", "'s")) for t in name_toks):
        owner = " ".join(t[:-2] for t in name_toks)  # "Love's lawyers": unnamed people of a named owner
        return _AttrSource(mention, "anonymous", affil or owner, "", kind, side, plural)
    if (
        name_toks
        and name_toks == toks[:1]
        and sentence_initial
        and (head_lower or _ATTR_GROUP_SUFFIX.search(toks[0]))
    ):
        return _AttrSource(mention, "anonymous", affil, "", "group", side, True)  # "Community members said"
    if len(toks) == 1 and name_toks and len(toks[0]) > 1 and toks[0].isupper():
        return _AttrSource(mention, "named_organization", affil, toks[0], "organization", side)  # "HUD said"
    if head_cat == "official" or (any(nouns.get(x) == "official" for x in lows) and not name_toks):
        if name_toks and head_cat != "official":
            name = " ".join(name_toks)
            return _AttrSource(mention, "named_person", affil, name, "person", side)
        if not affil and name_toks:
            affil = " ".join(name_toks)
        kind = "group" if plural else "person"
        return _AttrSource(mention, "anonymous", affil, "", kind, side, plural)
    if head_cat == "document":
        st = "named_organization" if (affil or name_toks) else "anonymous"
        return _AttrSource(
            mention, st, affil or " ".join(name_toks), affil or " ".join(name_toks), "document", side
        )
    if head_cat == "group":
        return _AttrSource(mention, "anonymous", affil or " ".join(name_toks), "", "group", side, True)
    if orgs and not name_toks and (masked.rstrip(" .").endswith("#") or head_cat == "org"):
        return _AttrSource(mention, "named_organization", affil, orgs[0].canonical, "organization", side)
    if name_toks:
        org_like = head_cat == "org" or any(nouns.get(x) == "org" for x in lows) or orgs
        if org_like or (core.lower().startswith("the ") and not plural):
            name = re.sub(r"^(?:the|a|an)\s+", "", core, flags=re.IGNORECASE)
            return _AttrSource(mention, "named_organization", affil, name, "organization", side)
        return _AttrSource(mention, "named_person", affil, " ".join(name_toks), "person", side, plural)
    if head_cat == "org":
        return _AttrSource(
            mention, "named_organization" if affil else "anonymous", affil, affil, "organization", side
        )
    return _AttrSource(mention, "anonymous", affil, "", "group" if plural else "person", side, plural)


# ---------------------------------------------------------------- the extractor


@dataclass
class _AttrHit:
    """One attribution before pronoun resolution."""

    sentence: int
    s0: int
    s1: int
    c0: int
    c1: int
    cue: str
    stance: str
    how: str
    lemma: str = ""
    src: _AttrSource | None = None
    antecedent: str = ""


def _attr_match_cue(
    toks: list[_AttrTok], i: int, cues: dict, according: tuple[tuple[str, ...], ...]
) -> tuple[int, str, str, bool, bool] | None:
    """(end index, lemma, stance, inverts, is_according) of a cue starting at token i, or None."""
    for phrase in according:
        if tuple(t.low for t in toks[i : i + len(phrase)]) == phrase:
            return i + len(phrase), " ".join(phrase), "neutral", False, True
    for form, lemma, stance, inverts in cues.get(toks[i].low, ()):
        if tuple(t.low for t in toks[i : i + len(form)]) == form:
            return i + len(form), lemma, stance, inverts, False
    return None


_ATTR_SPEAKER_TAG_RE = re.compile(r"[\"“]?([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,2})(:)\s")
_ATTR_DASH_RE = re.compile(r"(?:[”\"]\s*)?([―—])\s*([A-Z][\w.’'\-]+(?:[ \t\xa0]+[A-Z][\w.’'\-]+){0,3})")


def _attr_tag_hits(text: str, n: int, start: int, end: int) -> list[_AttrHit]:
    """Transcript speaker tags ('WALLACE: ...') and dash credits after a quote ('" ― Adriana Rodarte')."""
    out = []
    m = _ATTR_SPEAKER_TAG_RE.match(text, start, end)
    if m:
        out.append(_AttrHit(n, m.start(1), m.end(1), m.start(2), m.end(2), ":", "neutral", "speaker tag"))
    for m in _ATTR_DASH_RE.finditer(text, start, end):
        if m.start() != start and text[m.start()] not in '”"':
            continue
        out.append(
            _AttrHit(n, m.start(2), m.end(2), m.start(1), m.end(1), m.group(1), "neutral", "quote dash NP")
        )
    return out


def _attr_context(text: str, spans: list[tuple[int, int]], n: int) -> int:
    """Where the source search for sentence n starts: the previous sentence if n was split mid-clause.

    The splitter ends a sentence after "(D-Mass.)", leaving "said the law ..." on its own; a sentence
    that starts in lower case in the same paragraph is such a fragment.
    """
    s = spans[n][0]
    if n and text[s].islower() and "\n\n" not in text[spans[n - 1][1] : s]:
        return spans[n - 1][0]
    return s


def _attr_sentence_hits(
    text: str, n: int, start: int, end: int, beliefs: bool, cues: dict, according: tuple, context: int
) -> list[_AttrHit]:
    """Attributions whose cue lies in text[start:end]; the source may reach back to ``context``."""
    nouns = _attr_nouns(str(_ATTR_NOUNS))
    toks = _attr_tokens(text, context, end)
    hits = _attr_tag_hits(text, n, start, end)
    i = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
    while i < len(toks):
        m = _attr_match_cue(toks, i, cues, according) if toks[i].word else None
        if m is None:
            i += 1
            continue
        ce, lemma, stance, inverts, is_acc = m
        prev = toks[i - 1] if i > 0 else None
        if (
            stance == "belief"
            and not beliefs
            or (not is_acc and prev is not None and (prev.low in _ATTR_DETERMINERS or prev.low == "to"))
        ):
            i = ce
            continue
        cue_text = text[toks[i].start : toks[ce - 1].end]
        hit = _AttrHit(n, -1, -1, toks[i].start, toks[ce - 1].end, cue_text, stance, "", lemma)
        span = _attr_find_source(toks, i, ce, is_acc, inverts, hits, nouns, _attr_cue_words(str(_ATTR_CUES)))
        if span is not None:
            hit.s0, hit.s1, hit.how = span
            hits.extend(_attr_split_and(text, hit))
        i = ce
    return hits


def _attr_source_word(t: _AttrTok, nouns: dict[str, str]) -> bool:
    """Can this token sit in a source NP after an inverted cue ('said a senior US official')?"""
    low = t.low
    return (
        not t.word
        or t.cap
        or low in nouns
        or low in _ATTR_DETERMINERS
        or low in _ATTR_MODIFIERS
        or low.endswith(("’s", "'s"))
        or low in ("of", "for", "from", "and")
    )


def _attr_split_and(text: str, hit: _AttrHit) -> list[_AttrHit]:
    """Split 'Ash Carter and James Clapper said' into one attribution per named speaker."""
    mention = text[hit.s0 : hit.s1]
    m = re.search(r"\s+and\s+(?=[A-Z])", mention)
    if m is None or not re.search(r"[A-Z]", mention[: m.start()]) or hit.how != "NP cue":
        return [hit]
    left = _AttrHit(**{**hit.__dict__, "s1": hit.s0 + m.start()})
    right = _AttrHit(**{**hit.__dict__, "s0": hit.s0 + m.end()})
    return [left, right]


def _attr_find_source(
    toks: list[_AttrTok],
    i: int,
    ce: int,
    is_acc: bool,
    inverts: bool,
    hits: list[_AttrHit],
    nouns: dict,
    cues_words: frozenset[str],
) -> tuple[int, int, str] | None:
    """(start, end, pattern) character span of the source of the cue at tokens [i, ce), or None."""
    n = len(toks)
    if is_acc:
        e = _attr_np_right(toks, ce, n)
        return (toks[ce].start, toks[e - 1].end, "according to") if e > ce else None
    prev = toks[i - 1] if i > 0 else None
    if inverts and (prev is None or prev.text in (",", "—", "–") or prev.text in _ATTR_CLOSE_QUOTES):
        j = ce
        while j < n and toks[j].low in ("also", "then", "later"):
            j += 1
        e = _attr_np_right(toks, j, n)
        e = next((x for x in range(j, e) if not _attr_source_word(toks[x], nouns)), e)
        ok_end = (
            e >= n or not toks[e].word or toks[e].low in _ATTR_FORWARD_END or toks[e].low in _ATTR_POSTMODS
        )
        if e > j and ok_end and not (e - j == 1 and toks[j].low in ("it", "that", "this", "so", "there")):
            return toks[j].start, toks[e - 1].end, "cue NP"
    form = toks[ce - 1].low
    if ce < n - 2 and [t.low for t in toks[ce : ce + 3]] == ["not", "to", "be"]:
        return None  # "who asked not to be identified" is the anonymity formula, not a statement
    if prev is not None and prev.text == "," and form.endswith("ing"):
        if hits:
            return None  # ", adding that ..." continues the statement already attributed
        return _attr_clause_subject(toks, i, nouns, "subject, -ing")
    if prev is not None and prev.low in _ATTR_BE and not form.endswith("ing"):
        return None  # passive ("could be announced by"): the agent is not a speaker we can place
    if form.endswith("ing") and not (prev is not None and prev.low in _ATTR_BE_ING):
        return None  # bare participle modifying a noun ("protesters demanding")
    j = _attr_skip_left(toks, i - 1)
    if j < 0:
        return None
    if toks[j].low in ("and", "but"):
        return _attr_clause_subject(toks, j, nouns, "subject, coordinated")
    if toks[j].text == ",":
        return _attr_appositive(toks, j)
    if toks[j].low in _ATTR_FIRST_SECOND and not toks[j].text.isupper() or toks[j].text == "I":
        return None  # "I think", "we want": the quoted speaker's own words, attributed by the outer cue
    if toks[j].low in _ATTR_PRONOUNS and toks[j].low != "who":
        return toks[j].start, toks[j].end, "NP cue"
    s = _attr_np_left(toks, j, 0)
    if s > j or toks[j].text.endswith(("’s", "'s")) or toks[j].low in _ATTR_DETERMINERS:
        return None  # no subject, or a possessive ("Turkey's demands"): the cue word is a noun
    if (
        s > 0
        and toks[s - 1].word
        and toks[s - 1].low not in _ATTR_CLAUSE_OPENERS
        and toks[s - 1].low not in cues_words
    ):
        return None  # NP inside a prepositional or relative phrase ("in Syria called Nusra")
    return toks[s].start, toks[j].end, "NP cue"


def _attr_clause_subject(toks: list[_AttrTok], i: int, nouns: dict, how: str) -> tuple[int, int, str] | None:
    """Subject NP of the clause holding token i: nearest comma-delimited clause, then the sentence start."""
    starts = [k + 1 for k in range(i - 1, -1, -1) if toks[k].text == ","] + [0]
    for s in starts:
        while s < i and toks[s].text in _ATTR_OPEN_QUOTES:
            s += 1
        e = _attr_leading_np(toks, s, i, nouns)
        if e > s and e < i and toks[e].word and not toks[e].cap:
            return toks[s].start, toks[e - 1].end, how
    return None


def _attr_appositive(toks: list[_AttrTok], j: int) -> tuple[int, int, str] | None:
    """Source before an appositive or participle between commas: 'X, the Kremlin spokesman, said'."""
    p = next((k for k in range(j - 1, -1, -1) if toks[k].text == ","), None)
    if p is None or j - p > 30 or p == 0 or j - p < 2:
        return None
    first = toks[p + 1].low
    if first in ("he", "she", "they", "it", "but", "and", "however"):
        return None
    s = _attr_np_left(toks, p - 1, 0)
    if s > p - 1:
        return None
    if (
        first in ("who", "which", "speaking")
        or first.endswith("ing")
        or first in ("in", "on", "at", "during")
    ):
        return toks[s].start, toks[p - 1].end, "NP, clause, cue"
    return toks[s].start, toks[j - 1].end, "NP, appositive, cue"


# ---------------------------------------------------------------- resolution and assembly


def _attr_resolve(text: str, hits: list[_AttrHit]) -> None:
    """Classify each source; resolve pronouns and 'the official' follow-ups to the latest fitting source."""
    nouns = _attr_nouns(str(_ATTR_NOUNS))
    done: list[_AttrHit] = []
    for h in hits:
        mention = text[h.s0 : h.s1]
        low = mention.lower()
        sent_initial = h.how.startswith("NP") and h.s0 == _attr_sentence_start(text, h.s0)
        if low in _ATTR_PRONOUNS:
            h.src = _attr_pronoun(text, h, low, done)
        else:
            h.src = _attr_classify(mention, sent_initial)
            words = low.split()
            definite = bool(words) and words[0] in ("the", "these", "those", "that", "this")
            if definite and h.src.kind == "organization" and not h.src.affiliation and len(words) <= 3:
                ante = next(
                    (d for d in reversed(done) if d.src and d.src.source_type == "named_organization"), None
                )
                if ante is not None:  # "the utility said" refers back to the last named body
                    h.src = _AttrSource(**ante.src.__dict__)
                    h.antecedent = ante.src.source
            elif (definite and h.src.source_type == "anonymous") or (
                definite and len(words) <= 3 and nouns.get(words[-1]) == "title"
            ):
                ante = _attr_follow_up(words[-1], done)
                if ante is not None:
                    h.src = _AttrSource(**{**ante.src.__dict__, "source": ante.src.source})
                    h.antecedent = ante.src.source
        done.append(h)


def _attr_sentence_start(text: str, pos: int) -> int:
    """Start offset of the sentence containing pos."""
    for s, e in sentence_spans(text):
        if s <= pos < e:
            return s
    return -1


def _attr_follow_up(head: str, done: list[_AttrHit]) -> _AttrHit | None:
    """Most recent earlier attribution whose mention contains the head noun (for 'the official said')."""
    for d in reversed(done):
        if d.src is not None and re.search(rf"\b{re.escape(head)}", d.src.source, re.IGNORECASE):
            return d
    return None


def _attr_pronoun(text: str, h: _AttrHit, low: str, done: list[_AttrHit]) -> _AttrSource:
    """Resolve a pronoun (or relative 'who') to the most recent fitting source."""
    if low == "who":
        m = re.search(r"([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*|the\s+\w+(?:\s+\w+)?)\s*,\s*$", text[: h.s0])
        if m:
            return _attr_classify(m.group(1))
    want = _ATTR_PRONOUNS[low]
    candidates = [
        d for d in reversed(done) if d.src is not None and d.src.source.lower() not in _ATTR_PRONOUNS
    ]
    sent_start = _attr_sentence_start(text, h.s0)
    subj = re.match(r"\s*((?:The\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)", text[sent_start : h.s0])
    if want == "org" and subj:
        src = _attr_classify(subj.group(1), True)
        if src.source_type == "named_organization":
            return src
    for d in candidates:
        s = d.src
        assert s is not None
        fits = (
            (want in ("m", "f", "sg") and s.kind == "person" and not s.plural)
            or (want == "pl" and (s.plural or s.kind == "group"))
            or (want == "org" and s.kind in ("organization", "document"))
        )
        if fits:
            return _AttrSource(**{**s.__dict__})
    mention = text[h.s0 : h.s1]
    return _AttrSource(mention, "anonymous" if want == "pl" else "named_person", "", "", "person", "other")


def _attr_reason(text: str, h: _AttrHit, sent_end: int) -> tuple[str, str]:
    """(anonymity marker, stated reason) in the source mention and the clause attached to it."""
    after = max(h.s1, h.c1)
    stop = re.search(r",\s(?!who\b|which\b|speaking\b)|\s(?:that|adding)\s", text[after:sent_end])
    region = text[
        min(h.s0, h.c0) if h.how.startswith("NP") else h.s0 : after
        + (stop.start() if stop else sent_end - after)
    ]
    marker = reason = ""
    for rx, cat in _attr_anonymity(str(_ATTR_ANONYMITY)):
        m = rx.search(region)
        if m is None:
            continue
        if cat == "marker" and not marker:
            marker = m.group(0)
        elif cat == "reason" and not reason:
            reason = m.group(0).strip()
    return marker, reason


def attributions(text: str, beliefs: bool = False) -> pd.DataFrame:
    """One row per attributed statement: who (named person, organisation or anonymous), cue, quote, reason.

    ``beliefs=True`` also counts belief and intention verbs ("wants", "thinks"), as PolNeAR does.

    >>> df = attributions("Kremlin spokesman Dmitry Peskov told reporters it went well.")
    >>> df[["name", "side", "cue"]].values.tolist()
    [['Dmitry Peskov', 'Russian government', 'told']]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    cues = _attr_cues(str(_ATTR_CUES))
    according = _attr_according(str(_ATTR_ACCORDING))
    spans = sentence_spans(text)
    hits: list[_AttrHit] = []
    for n, (s, e) in enumerate(spans):
        hits.extend(
            _attr_sentence_hits(text, n, s, e, beliefs, cues, according, _attr_context(text, spans, n))
        )
    _attr_resolve(text, hits)
    rows = []
    markers: dict[str, str] = {}
    for h in hits:
        assert h.src is not None
        sent = text[spans[h.sentence][0] : spans[h.sentence][1]]
        marker, reason = (
            _attr_reason(text, h, spans[h.sentence][1]) if h.src.source_type == "anonymous" else ("", "")
        )
        marker = marker or (
            markers.get(h.src.source, "") if h.antecedent else ""
        )  # follow-ups keep the grant
        if marker:
            markers.setdefault(h.src.source, marker)
        rows.append(
            {
                "sentence": h.sentence,
                "source": h.src.source,
                "source_type": h.src.source_type,
                "affiliation": h.src.affiliation,
                "cue": h.cue,
                "start": h.s0,
                "end": h.s1,
                "cue_start": h.c0,
                "cue_end": h.c1,
                "quote": bool(_ATTR_QUOTE_RE.search(sent)),
                "anonymity_reason": reason,
                "mention": text[h.s0 : h.s1],
                "name": h.src.name,
                "kind": h.src.kind,
                "side": h.src.side,
                "stance": h.stance,
                "lemma": h.lemma or h.cue,
                "anonymity_marker": marker,
                "pattern": h.how,
            }
        )
    df = pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))
    return df.astype(
        {"sentence": int, "start": int, "end": int, "cue_start": int, "cue_end": int, "quote": bool}
    )


def scu_types(df: pd.DataFrame) -> pd.Series:
    """Map rows to the SCU taxonomy: granted anonymity is anonymous, unnamed officials of a body named_org."""
    out = []
    for r in df.itertuples(index=False):
        if r.kind == "document":
            out.append("document")
        elif r.source_type == "named_person":
            out.append("named_person")
        elif r.source_type == "named_organization":
            out.append("named_org")
        elif r.anonymity_marker:
            out.append("anonymous")  # anonymity granted ("familiar with", "asked not to be named")
        elif r.affiliation:
            out.append("named_org")
        elif r.kind == "group":
            out.append("unnamed_group")
        else:
            out.append("unnamed_person")
    return pd.Series(out, index=df.index, name="scu_type", dtype=str)


def attribution_sides(df: pd.DataFrame) -> pd.DataFrame:
    """Who speaks, by side: attributions, distinct sources and named individuals per side and type."""
    cols = ["side", "source_type", "attributions", "distinct_sources", "named_individuals"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    key = df["name"].where(df["name"] != "", df["source"].str.lower())
    g = df.assign(_key=key).groupby(["side", "source_type"], sort=True)
    out = g.agg(attributions=("sentence", "size"), distinct_sources=("_key", "nunique")).reset_index()
    named = df[df.source_type == "named_person"].groupby(["side", "source_type"])["name"].nunique()
    out["named_individuals"] = [
        int(named.get((s, t), 0)) for s, t in zip(out.side, out.source_type, strict=True)
    ]
    return out[cols]
