"""After the cues are found: classify each source, resolve pronouns and follow-ups, find anonymity."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import islice

from outlet_comparison.cache import memoize
from outlet_comparison.instruments.attribution.antecedents import (
    body_subject,
    companies_before,
    goes_on,
    it_body,
    named_after_in_clause,
    quotation_before,
    subject_person,
    told_other_gender,
)
from outlet_comparison.instruments.attribution.antecedents import far as _far
from outlet_comparison.instruments.attribution.antecedents import quoted_sentence as _quoted_sentence
from outlet_comparison.instruments.attribution.bodies import body_described_as, fitting_ante, kind_fits
from outlet_comparison.instruments.attribution.cards import closed
from outlet_comparison.instruments.attribution.classify import Source, classify
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.described import presidents_administration
from outlet_comparison.instruments.attribution.names import (
    NO_NAMES,
    Names,
    find_names,
    full_name_of,
    surname_of,
    written_alone,
)
from outlet_comparison.instruments.attribution.names import person_gender as _gender
from outlet_comparison.instruments.attribution.nested import nested_pronoun
from outlet_comparison.instruments.attribution.rules import Rules, find_aliases
from outlet_comparison.instruments.attribution.speakers import describe
from outlet_comparison.instruments.attribution.tokens import NAME_WORD, PRONOUNS
from outlet_comparison.wordlists import joined_pattern

LOOKBACK = 200  # antecedents are searched among this many earlier attributions
NAMED_REACH = 1500  # characters before 'he'/'she' in which a named person beats an unnamed source


# "Sen. Amy Klobuchar of Minnesota, who": the place after "of" only locates the person (X, not the place)
_WHO_ANTECEDENT = re.compile(
    rf"({NAME_WORD}(?:[ \t]+{NAME_WORD})*|the\s+\w+(?:\s+\w+)?)"
    rf"(?:\s+of\s+{NAME_WORD}(?:[ \t]+{NAME_WORD})*)?(?:\s*\([^()]{{1,20}}\))?\s*,\s*$"
)
# "Jeb Bush of Florida, a leading Republican contender, who has argued": the name before an appositive
_WHO_APPOSED = re.compile(
    rf"({NAME_WORD}(?:[ \t]+{NAME_WORD})*)(?:\s+of\s+{NAME_WORD}(?:\s+{NAME_WORD})*)?"
    rf",\s+(?:a|an|the)\s[^,;.]{{1,80}},\s*$"
)
# "Sheriff Joe Arpaio of Maricopa County, Ariz., who calls": the name before the place, not the state
_WHO_PLACED = re.compile(
    rf"({NAME_WORD}(?:[ \t]+{NAME_WORD})*)\s+of\s+{NAME_WORD}(?:[ \t]+{NAME_WORD})*,\s+{NAME_WORD},\s*$"
)
# "didn't sway lawmakers, who say": a lower-case plural noun (a quantifier or capitalised word before it)
_WHO_COMMON = re.compile(
    r"(?<![\w’'-])((?:(?:some|many|most|several|other|[A-Z][\w’'-]*)\s+)?[a-z][\w-]*[a-rt-z]s)\s*,\s*$"
)
_SUBJECT = re.compile(rf"\s*((?:The\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)")
_CLAUSE_STOP = re.compile(r",\s(?!who\b|which\b|speaking\b)|\s(?:that|adding)\s")


def resolve(
    text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]], names: Names | None = None
) -> None:
    """Classify each source; resolve pronouns and 'the official' follow-ups to the latest fitting source."""
    nouns = rules.type_nouns
    done: list[Hit] = []
    if names is None or names is NO_NAMES:
        names = find_names(text, rules) if hits else None
    for h in hits:
        _past_opening(text, h)
        mention = closed(text[h.source_start : h.source_end])  # a blanked hover card closed up
        low = mention.lower()
        sent_initial = h.how.startswith("NP") and h.source_start == _start_of(spans, h)
        if low in PRONOUNS:
            nested = nested_pronoun(
                text, h, hits, done, rules, names
            )  # a quoted "he says": no quoted speaker
            h.src = nested or _pronoun(text, h, low, done, rules, _start_of(spans, h), names, spans)
            if nested is not None:
                continue  # not an antecedent of the quoted speaker's own "he said" after the quotation
        else:
            h.src = classify(mention, rules, sent_initial, names or NO_NAMES)
            h.src = _with_apposed_body(text, h, rules, names or NO_NAMES) or h.src
            if h.src.source_type == "anonymous" and h.src.kind == "organization":
                h.src = _pronoun_body(text, h, low, done, rules, _start_of(spans, h), names) or h.src
            if h.src.source_type == "anonymous" and not h.src.affiliation and h.src.kind != "document":
                h.src.affiliation = _body_named_before(text, h.source_start, mention, nouns) or _owner(
                    text, h, low, done, rules, _start_of(spans, h), names
                )
            words = low.split()
            definite = bool(words) and words[0] in ("the", "these", "those", "that", "this")
            common = all(w[:1].islower() for w in mention.split()[1:])  # "the utility", not "The ACLU"
            body = h.src.kind == "organization" and not h.src.affiliation
            outlet = bool(words) and words[-1] in rules.outlet_nouns  # "the paper": the outlet that spoke
            named_body = (
                _body_of_description(text, h.source_start, mention, rules, names or NO_NAMES)
                if definite and common and len(words) <= 3 and h.src.kind == "organization" and not outlet
                else None
            )
            if named_body is not None:  # "The department said" after "the State Department": that body
                h.src = named_body
            elif definite and common and (body or outlet) and len(words) <= 3:
                ante = fitting_ante(words[-1], _recent(done))  # "The city declared": a city, not Russia
                described = body_described_as(text, h.source_start, words[-1], ante)
                subject = kind_fits(
                    words[-1],
                    body_subject(text, spans, h.sentence, rules, names or NO_NAMES) if sent_initial else None,
                )
                if subject is not None:  # "AIPAC ... sponsors a trip. The organization also responded"
                    h.src = Source(**{**subject.__dict__, "source": mention})
                elif described is not None:  # "the group" after "the union-backed group OUR Walmart"
                    h.src = Source(**{**described.__dict__, "source": mention})
                elif ante is not None:  # "the utility said" refers back to the last named body
                    h.src = Source(**ante.src.__dict__)
                    h.antecedent = ante.src.source
                else:  # "the agency acknowledged" after "the IRS' practice": the body named last
                    h.src = (
                        kind_fits(words[-1], _body_named_last(text, h.source_start, mention, rules)) or h.src
                    )
            elif (
                (definite or _owned(words)) and h.src.source_type == "anonymous" and " and " not in low
            ) or (definite and len(words) <= 3 and nouns.get(words[-1]) == "title"):
                # "The European Union and former ... officials": a coordination is no follow-up of one source
                ante = _follow_up(
                    "vice president" if words[-2:] == ["vice", "president"] else words[-1], done
                )
                if (
                    ante is not None
                    and (ante.src.kind == "document") == (h.src.kind == "document")
                    and not (h.src.plural and ante.src.kind == "person" and not ante.src.plural)
                ):  # "the House leaders" is no follow-up of "attorney Paul Clement, representing House ..."
                    h.src = Source(**{**ante.src.__dict__, "source": ante.src.source})
                    h.antecedent = ante.src.source
        done.append(h)


# "In Wednesday's speech the senator ..., calling": an opening preposition and a possessive is no source
_OPENING_PP = re.compile(r"(?:In|On|At|During|After|Before|From|Since)\s+[A-Z][\w\-]*[’']s?")
_SUBJECT_AFTER_PP = re.compile(
    rf"\s+[a-z][\w\-]*,?\s+((?:the|The)\s+[a-z][\w\-]*|{NAME_WORD}(?:[ \t]+{NAME_WORD})*)"
)


def _past_opening(text: str, h: Hit) -> None:
    """Move a source that is a sentence's opening prepositional phrase ("In Wednesday's" of "In
    Wednesday's speech the senator also took a swipe ..., calling") to the subject after its noun ("the
    senator"), when one is written before the cue."""
    if not _OPENING_PP.fullmatch(text, h.source_start, h.source_end):
        return
    m = _SUBJECT_AFTER_PP.match(text, h.source_end)
    if m is not None and m.end(1) <= h.cue_start:
        h.source_start, h.source_end = m.span(1)


# an acronym written as a body's name ("the IRS' practice"); the words below are no body
_ACRONYM = re.compile(r"(?<![\w.’'])([A-Z]{2,5})(?![\w.])")
_NOT_BODY_ACRONYMS = frozenset("US UK USA CEO CFO COO TV PM AM ID OK".split())


def _body_named_last(text: str, pos: int, mention: str, rules: Rules) -> Source | None:
    """The body a definite common description ("the agency") with no earlier speaking body refers to:
    the last organisation alias (not a country) or acronym named within NAMED_REACH before it."""
    lo = max(0, pos - NAMED_REACH)
    best: tuple[int, str, str] | None = None
    for m in _ACRONYM.finditer(text, lo, pos):
        if m.group(1) not in _NOT_BODY_ACRONYMS:
            best = (m.end(), m.group(1), "other")
    for end, company in companies_before(text, lo, pos):  # "Amazon.com Inc. ... the company"
        best = (end, company, "other") if best is None or end > best[0] else best
    for mt, a in find_aliases(rules, text[lo:pos]):
        if a.kind == "organization" and a.canonical != a.side and (best is None or lo + mt.end() > best[0]):
            best = (lo + mt.end(), a.canonical, a.side)
    if best is None:
        return None
    return Source(mention, "named_organization", "", best[1], "organization", best[2])


BODY_REACH = 5000  # characters before a mention in which "the county" finds the county it refers to
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+[^,.;:()]{1,60}")


def _with_apposed_body(text: str, h: Hit, rules: Rules, names: Names) -> Source | None:
    """A bare name the text goes on to describe as a body: "according to Gridwise, an app that ..."."""
    src = h.src
    if src is None or src.source_type != "named_person" or src.name in names.surnames:
        return None
    m = _APPOSITIVE.match(text, h.source_end)
    if m is None or len(src.name.split()) > 3:
        return None
    head = re.split(r"\s+(?:of|at|for|in)\s+", m.group(0))[0].lower().split()
    if head and rules.type_nouns.get(head[-1]) in ("title", "official"):
        return None  # "Chad Griffin, the president of the Human Rights Campaign": a person's title
    found = classify(text[h.source_start : m.end()], rules, False, names)
    if found.source_type != "named_organization":
        return None
    return Source(**{**found.__dict__, "source": text[h.source_start : h.source_end]})


def _body_of_description(text: str, pos: int, mention: str, rules: Rules, names: Names) -> Source | None:
    """The named body a definite body noun refers to when the text named one with that noun as its last
    word ("the department" after "the State Department", "the agency" after "the Environmental Protection
    Agency"): that body speaking, not its unnamed officials; None when the text names none."""
    words = mention.lower().split()
    if rules.type_nouns.get(words[-1]) != "org":
        return None
    body = _body_named_before(text, pos, words[-1], rules.type_nouns)
    if not body and words[-1] == "administration":
        return presidents_administration(text, pos, mention, rules, names)
    if not body:
        return None
    found = classify(body, rules, False, names)
    if found.source_type != "named_organization":
        return None
    return Source(**{**found.__dict__, "source": mention})


@memoize(maxsize=512)
def _named_before_rx(word: str) -> re.Pattern[str]:
    """One to four capitalised name words before the capitalised body noun ("Alameda County")."""
    return re.compile(rf"((?:{NAME_WORD}\s+){{1,4}}){word.capitalize()}\b")


def _body_named_before(text: str, pos: int, mention: str, nouns: dict[str, str]) -> str:
    """The body a lower-case body noun names: "the county attorneys" after "Alameda County" ("" if none)."""
    word = next((w for w in re.findall(r"\b[a-z]+\b", mention) if nouns.get(w) == "org"), "")
    if not word:
        return ""
    lo = max(0, pos - BODY_REACH)
    if text.find(word.capitalize(), lo, pos) < 0:
        return ""  # no capitalised body noun to end a match: the pattern is not built (a compile each word)
    found = [m.group(0) for m in _named_before_rx(word).finditer(text, lo, pos)]
    return re.sub(r"^The\s+", "", found[-1]) if found else ""


def _owner(
    text: str, h: Hit, low: str, done: list[Hit], rules: Rules, sent_start: int, names: Names | None
) -> str:
    """Whose aides 'his aides' or 'her lawyers' are: the person 'he' or 'she' resolves to ("" if none)."""
    words = low.split()
    if len(words) != 2 or words[0] not in ("his", "her") or rules.type_nouns.get(words[1]) != "official":
        return ""  # 'her neighbors', 'his mom': people of their own, not speaking for the person
    first = words[0]
    src = _pronoun(text, h, "he" if first == "his" else "she", done, rules, sent_start, names)
    return src.name if src.source_type == "named_person" else ""


def _pronoun_body(
    text: str, h: Hit, low: str, done: list[Hit], rules: Rules, sent_start: int, names: Names | None
) -> Source | None:
    """'his campaign', 'Her office': the body of the person 'he' or 'she' resolves to, named like "Moore's
    campaign" (None when the pronoun finds no named person)."""
    words = low.split()
    if len(words) != 2 or words[0] not in ("his", "her") or rules.type_nouns.get(words[1]) != "org":
        return None
    src = _pronoun(text, h, "he" if words[0] == "his" else "she", done, rules, sent_start, names)
    if src.source_type != "named_person" or not src.name:
        return None
    name = f"{surname_of(full_name_of(src.name, names))} {words[1]}"
    mention = text[h.source_start : h.source_end]
    return Source(mention, "named_organization", "", name, "organization", src.side)


def _start_of(spans: list[tuple[int, int]], h: Hit) -> int:
    """Start of the sentence holding the source (the cue's sentence, or the one before it)."""
    s = spans[h.sentence][0]
    return spans[h.sentence - 1][0] if h.source_start < s and h.sentence else s


def _recent(done: list[Hit]) -> Iterator[Hit]:
    """Earlier attributions, most recent first, at most LOOKBACK of them (keeps the cost linear)."""
    return islice(reversed(done), LOOKBACK)


_POSTMOD = re.compile(r"\s+(?:for|of|to|with|at|from)\s+")


def _head_of(mention: str) -> str:
    """The mention before its first post-modifier ("A spokesperson" of "A spokesperson for Mike Pence"),
    after a possessive owner ("national security adviser, Susan Rice" of "President Obama's ...")."""
    return _OWNER_BEFORE.sub("", _POSTMOD.split(mention, maxsplit=1)[0])


_OWNER_BEFORE = re.compile(r"^.*[’']s\s")


# a role noun and the title a person holding it is written with ("her doctor" after "Dr. Lisa Bardack")
_TITLE_OF_ROLE = {"doctor": r"\bDr\b\.?"}


def _owned(words: list[str]) -> bool:
    """A role owned by someone named before ("her doctor", "his lawyer"): two words, a possessive first."""
    return len(words) == 2 and words[0] in ("his", "her", "their")


def _follow_up(head: str, done: list[Hit]) -> Hit | None:
    """Most recent earlier attribution whose mention contains the head noun (for 'the official said')."""
    search = _head_rx(head).search
    for d in _recent(done):  # in the head part: "the president" is not "a spokesperson for the president"
        if d.src is not None and search(_head_of(d.src.source)):
            return d
    return None


@memoize(maxsize=512)
def _head_rx(head: str) -> re.Pattern[str]:
    """The head noun (or its title, "Dr" for "doctor") at a word start, ignoring case (``_follow_up``)."""
    pattern = rf"(?<!vice )(?<!vice-)\b{re.escape(head)}(?!-elect)"  # "Vice President Pence" is no president
    pattern += f"|{_TITLE_OF_ROLE[head]}" if head in _TITLE_OF_ROLE else ""
    return re.compile(pattern, re.IGNORECASE)


def _last_named(
    text: str, names: Names, pos: int, lo: int, want: str, rules: Rules, sure: bool = False
) -> str:
    """The last full name ending before ``pos`` (starting at or after ``lo``) whose gender, when known,
    agrees with the pronoun, else whose surname the text also writes alone (``written_alone``), else
    (unless ``sure``) the last of unknown gender; "" when none. An outlet's or body's possessive ("On Fox
    News’ “Hannity,” she called") is nobody's name."""
    k, unsure = bisect.bisect_left(names.starts, pos) - 1, ""
    while k >= 0 and names.found[k][0] >= lo:
        start, end, found = names.found[k]
        owner = (
            found.endswith(("’", "'")) and classify(found, rules, False, names).source_type != "named_person"
        )
        gender = _gender(text, full_name_of(found, names), rules.first_names) if end <= pos else "x"
        if not owner and (gender == want or gender == "" and written_alone(text, found, start, end)):
            return found  # a name of unknown gender written once in full is no person: "In Phnom Penh"
        unsure = unsure or (found if gender == "" and not owner else "")
        k -= 1
    return "" if sure else unsure


SUBJECT_CHAIN = 3  # sentences back a subject 'he'/'she' follows a chain of sentence subjects
# a short opening before a sentence's subject ("At one point he", "On Tuesday, Mr. Perry"): no quote,
# no clause of its own
_OPENING = re.compile(r"(?:[A-Za-z][\w’'\-]*\s+){0,4}?(?:[A-Za-z][\w’'\-]*,\s+)?")
_FRAMING = re.compile(r"(?:[A-Za-z][\w’'\-]*\s+){1,4}[a-z][\w’'\-]*,\s+(?=[A-Z])")
_LEAD_SUBJECT = re.compile(rf"({NAME_WORD}(?:[ \t]+{NAME_WORD})*)(?=\s*[,(]|\s+[a-z])")


# a sentence that opens with a quotation the pronoun attributes ("“We will win,” she said"): the quoted
# words are no subject; the speaker continues the subjects before
_QUOTE_LEAD = re.compile(r"\s*[“\"][^“”\"]{1,600}[”\"]\s*")
_QUOTE_TAIL = re.compile(r"[^“”\"]{1,600}”\s*")  # the last sentence of a quotation opened before it


def _subject_chain(
    text: str, h: Hit, want: str, rules: Rules, spans: list[tuple[int, int]], names: Names
) -> Source | None:
    """The person a subject 'he'/'she' continues (centering: a pronoun subject takes the subject of the
    sentences before it): back through sentences whose subject is the same pronoun, to the first whose
    subject is a named person of that gender ("Mr. Perry was widely criticized ... At one point he
    suggested"). None when the pronoun is not its sentence's subject, or the chain breaks first."""
    sent_start = spans[h.sentence][0]
    if h.source_start < sent_start:
        return None
    quoted = _QUOTE_LEAD.fullmatch(text, sent_start, h.source_start)  # "“No president ...,” she said"
    opened = text.rfind("“", 0, sent_start) if quoted is None else -1  # "“It is close. I hope ...,” he"
    opened = opened if opened > text.rfind("”", 0, sent_start) else -1
    quoted = _QUOTE_TAIL.fullmatch(text, sent_start, h.source_start) if opened >= 0 else quoted
    opened = opened if quoted is not None else -1
    if quoted is None and (
        h.source_start - sent_start > 40 or _OPENING.fullmatch(text, sent_start, h.source_start) is None
    ):
        return None
    for k in range(h.sentence - 1, max(-1, h.sentence - 1 - SUBJECT_CHAIN), -1):
        s, e = spans[k]
        if _quoted_sentence(text[s:e]) or e > opened >= 0:  # the quotation's own earlier sentences
            continue  # "telling CNN, “I know ... election. I’m not going to do that.” He also": quoted words
        lead = _OPENING.match(text, s, e)
        pos = lead.end() if lead else s
        framed = _FRAMING.match(text, s, e) if pos == s else None
        if framed:  # "Shortly after their meeting, Mr. Obama endorsed ...": the subject after the frame
            pos = framed.end()
        word = re.match(r"[A-Za-z]+\b", text[pos:e])
        if word and PRONOUNS.get(word.group(0).lower()) == want:
            continue  # "He has no federal law enforcement experience ...": the chain goes on
        titled, person = _titled_subject(text, pos, e, want, rules, names)
        if titled:  # "The president first stepped in ... The next day, he clarified": the president
            return person
        subj = _LEAD_SUBJECT.match(text, pos, e)
        if subj is None and pos != s:
            pos = s  # an opening that was the subject itself ("Lieberman, who was ...")
            subj = _LEAD_SUBJECT.match(text, s, e)
        if subj is None or subj.group(1).endswith(("’s", "'s")):
            return None
        src = classify(subj.group(1), rules, True, names)
        last = src.name.split()[-1] if src.name else ""
        if src.source_type != "named_person" or last not in names.surnames:
            src = subject_person(
                text, subj, rules, names
            )  # "Attorney General Jeff Sessions Jefferson (Jeff)"
            if src is None:
                return None
        elif goes_on(text, subj.end(1), src.name):  # "Former Housing and ... Secretary Julián Castro"
            src = subject_person(text, subj, rules, names) or src
        return src if _gender(text, full_name_of(src.name, names), rules.first_names) in ("", want) else None
    return None


_ROLE_KINDS = ("title", "official")  # "the senator", "the representative": a role one person holds
_DEFINITE_SUBJECT = re.compile(r"(?:The|the)\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+[a-z]")


def _titled_subject(
    text: str, pos: int, end: int, want: str, rules: Rules, names: Names, kinds: tuple[str, ...] = ("title",)
) -> tuple[bool, Source | None]:
    """Is the sentence subject at ``pos`` a definite title ("The president first stepped ...")? Then also
    the person named with that title before it (``speakers.describe``) when the gender agrees, else None."""
    m = _DEFINITE_SUBJECT.match(text, pos, end)
    words = m.group(1).split() if m else []
    k = next((k for k, w in enumerate(words) if rules.type_nouns.get(w) in kinds), -1)
    if k < 0:
        return False, None
    named = describe(" ".join(["the", *words[: k + 1]]), pos, text, names, [], rules.type_nouns)
    src = classify(named, rules, False, names) if named else None
    if src is None or src.source_type != "named_person":
        return True, None
    agrees = _gender(text, full_name_of(src.name, names), rules.first_names) in ("", want)
    return True, src if agrees else None


_PARTY_TAG_END = re.compile(r",\s+[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s*$")


def _who(text: str, h: Hit, rules: Rules) -> Source | None:
    """The antecedent of a relative 'who' written before it (None when no pattern finds one). "James
    Renacci, a Republican candidate in Ohio’s 16th District, who said": the name before the appositive
    when the word before "who" names nobody."""
    before = text[max(0, h.source_start - 200) : h.source_start]
    before = _PARTY_TAG_END.sub(", ", before)  # "Sen. Kay Bailey Hutchison, R-Texas, who": not "R-Texas"
    rxs = (_WHO_PLACED, _WHO_ANTECEDENT, _WHO_APPOSED, _WHO_COMMON)
    found = [m for rx in rxs if (m := rx.search(before))]
    srcs = [classify(m.group(1), rules) for m in found]
    named = [src for src in srcs if src.source_type.startswith("named_")]
    return (named or srcs)[0] if srcs else None


# a plural pronoun after "and" continues its own sentence's plural subject, not a group that spoke before
_OWN_PLURAL_SUBJECT = re.compile(
    r"\s*([A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,8}?\s+[a-z][\w\-]*[a-rt-z]s)\s+(?:have|has|had|are|were|will|would)"
    r"\s[^.;:“”\"]*?,?\s+and\s+"
)


def _own_subject(
    text: str,
    h: Hit,
    want: str,
    subj: re.Match[str] | None,
    sent_start: int,
    rules: Rules,
    names: Names | None,
) -> Source | None:
    """The subject of the pronoun's own sentence written before it, when it is a person of that gender:
    a name ("Moore lashed out at what he called ...") or a definite role the text gives a named person
    ("The representative also posted a statement in which he apologized"); None otherwise."""
    if names is None:
        return None
    if subj and h.source_start > sent_start + subj.end(1):
        src = classify(subj.group(1), rules, True, names)
        person = src.source_type == "named_person" and src.name and src.name.split()[-1] in names.surnames
        if person and _gender(text, full_name_of(src.name, names), rules.first_names) in ("", want):
            return src
    if h.source_start > sent_start + 4:
        return _titled_subject(text, sent_start, h.source_start, want, rules, names, _ROLE_KINDS)[1]
    return None


def _pronoun(
    text: str,
    h: Hit,
    low: str,
    done: list[Hit],
    rules: Rules,
    sent_start: int,
    names: Names | None,
    spans: list[tuple[int, int]] | None = None,
) -> Source:
    """Resolve a pronoun (or relative 'who') to the subject it continues, the most recent fitting source, or
    to a person named later."""
    who = _who(text, h, rules) if low == "who" else None
    if who is not None:
        return who
    want = PRONOUNS[low]
    own = _OWN_PLURAL_SUBJECT.fullmatch(text, sent_start, h.source_start) if want == "pl" else None
    if own is not None:  # "Family members of the victims have pushed ..., and they have pressured"
        return classify(own.group(1), rules, True, names or NO_NAMES)
    candidates = (d for d in _recent(done) if d.src is not None and d.src.source.lower() not in PRONOUNS)
    sent_end = spans[h.sentence][1] if spans else len(text)
    upto = quotation_before(text, h.source_start, sent_start) or h.source_start  # “... Jewish Americans,” she
    subj = _SUBJECT.match(text[sent_start : h.source_start])
    body = it_body(text, h, subj, rules, spans, names) if want == "org" else None
    if body is not None:
        return body
    own = _own_subject(text, h, want, subj, sent_start, rules, names) if want in ("m", "f") else None
    if own is not None:
        return own
    if want in ("m", "f") and names is not None and spans is not None:
        chained = _subject_chain(text, h, want, rules, spans, names)
        if chained is not None and not told_other_gender(text, done, chained.name, want):
            return chained
    for d in candidates:
        s = d.src
        assert s is not None
        if (
            want in ("m", "f")
            and s.source_type == "named_person"
            and _gender(text, full_name_of(s.name, names), rules.first_names) not in ("", want)
        ) or (want in ("m", "f") and named_after_in_clause(text, s.name, h.source_end, sent_end)):
            continue  # "She said" after Mr. Crowley spoke: not him; "He later added Obama": not Obama
        if s.source_type == "named_person" and told_other_gender(text, done, s.name, want):
            continue  # "she said" after Obama's "he said": not Obama
        fits = (
            (want in ("m", "f", "sg") and s.kind == "person" and not s.plural)
            or (want == "pl" and (s.plural or s.kind == "group" or " and " in _head_of(s.source)))
            or (want == "org" and s.kind in ("organization", "document"))
        )
        if want == "pl" and not fits:
            together = _coordinated(d, done)
            if together is not None:  # "Oklahoma and Nebraska said ... They say": both of them
                return together
        if fits and want in ("m", "f") and names is not None and _far(text, spans, d.sentence, h.sentence):
            # "allegations made by Leigh Corfman, now 53. She told ...": the person named since the
            # candidate last spoke, sentences ago, is the one meant
            later = _last_named(text, names, h.source_start, d.cue_end, want, rules, sure=True)
            if later and surname_of(later) != surname_of(full_name_of(s.name, names)):
                return classify(later, rules, False, names)
        if fits:
            if want in ("m", "f") and names is not None and s.source_type != "named_person":
                # 'he' after an unnamed source is more often the person named nearby than the unnamed one
                named = _last_named(text, names, upto, h.source_start - NAMED_REACH, want, rules)
                if named:
                    return classify(named, rules, False, names)
            return Source(**{**s.__dict__})
    mention = text[h.source_start : h.source_end]
    named = (
        _last_named(text, names, upto, max(0, h.source_start - 3000), want, rules)
        if names is not None and want in ("m", "f")
        else ""
    )
    if named:  # nobody has spoken yet: 'he' is the last person the text named
        return classify(named, rules, False, names or NO_NAMES)
    if want == "org":  # an unresolved 'it' is a body or a document, not a person
        return Source(mention, "named_organization", "", "", "organization", "other")
    if want == "pl":
        return Source(mention, "anonymous", "", "", "group", "other", True)
    return Source(mention, "named_person", "", "", "person", "other")


def _coordinated(d: Hit, done: list[Hit]) -> Source | None:
    """The speakers of a coordination split into one row each ("Oklahoma and Nebraska said": two hits on
    one cue) as one plural source, when they are all named and of one type; None otherwise."""
    same = [x for x in _recent(done) if x.cue_start == d.cue_start and x.src is not None]
    srcs = [x.src for x in reversed(same) if x.src is not None]
    if len(srcs) < 2 or len({x.source_type for x in srcs}) > 1:
        return None
    first = srcs[0]
    if first.source_type not in ("named_person", "named_organization") or not all(x.name for x in srcs):
        return None
    joined = " and ".join(x.name for x in srcs)
    return Source(" and ".join(x.source for x in srcs), first.source_type, first.affiliation, joined,
                  "group" if first.kind == "person" else first.kind, first.side, True)  # fmt: skip


@memoize(maxsize=8)
def _any_anonymity(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> re.Pattern[str] | None:
    """All anonymity patterns as one alternation (``joined_pattern``), to rule a region out at once."""
    return joined_pattern(rx for rx, _ in patterns)


def anonymity_reason(text: str, h: Hit, sent_end: int, rules: Rules) -> tuple[str, str]:
    """(anonymity marker, stated reason) in the source mention and the clause attached to it."""
    after = max(h.source_end, h.cue_end)
    stop = _CLAUSE_STOP.search(text[after:sent_end])
    region = text[
        min(h.source_start, h.cue_start) if h.how.startswith("NP") else h.source_start : after
        + (stop.start() if stop else sent_end - after)
    ]
    marker = reason = ""
    any_rx = _any_anonymity(rules.anonymity)
    if any_rx is not None and any_rx.search(region) is None:
        return marker, reason  # no pattern matches (most mentions): one search, not one per pattern
    for rx, cat in rules.anonymity:
        m = rx.search(region)
        if m is None:
            continue
        if cat == "marker" and not marker:
            marker = m.group(0)
        elif cat == "reason" and not reason:
            reason = m.group(0).strip()
    return marker, reason
