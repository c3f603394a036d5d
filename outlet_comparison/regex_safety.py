r"""Regex safety for the word lists: refuse a pattern that can backtrack for minutes, before any search.

A researcher who adds a row such as ``(\w+\s?)+ said`` to a CSV list would otherwise freeze a corpus run
on the first long text: Python's ``re`` can take exponential time on a repeat whose body matches one
stretch of text in several ways. ``backtracking_risk`` reads the pattern and says why it is unsafe, so
``lexicons.compile_row`` refuses it with the file, row and field.

How it reads patterns. The module has its own small parser for Python's regex syntax (literals,
escapes, classes, groups of every kind, lookarounds, back-references, conditionals, greedy, lazy and
possessive repeats, inline and verbose flags) and builds the same tree that CPython's private
``re._parser`` builds, including its two simplifications (a prefix common to every alternative is
moved out, alternatives of single characters become one class), so the verdicts are those of the check
it replaces (compared on every shipped pattern and on 40,000 random patterns when it was written). It
imports nothing private, so a Python upgrade cannot break it silently; syntax it does not know (a
future extension) is refused with a message, not passed.

Why not the ``regex`` package's ``timeout=``. It is not as safe here: a timeout turns a slow search
into an exception in the middle of a corpus run (the article's result is lost, or the run stops),
and only after the seconds were spent, on every text that triggers it; it would also move every word
list to another engine, whose matches can differ from ``re``'s (case folding, Unicode classes), so the
study's outputs could change. A static check refuses the row once, when the list is read, naming the
row, and leaves matching to ``re``.
"""

from __future__ import annotations

import re
import unicodedata

# Node kinds (the names of re's opcodes); a parsed pattern is a list of (kind, argument) pairs.
LITERAL, NOT_LITERAL, ANY, IN, RANGE, NEGATE, CATEGORY, AT = (
    "LITERAL", "NOT_LITERAL", "ANY", "IN", "RANGE", "NEGATE", "CATEGORY", "AT",
)  # fmt: skip
SUBPATTERN, ATOMIC_GROUP, BRANCH, ASSERT, ASSERT_NOT = (
    "SUBPATTERN", "ATOMIC_GROUP", "BRANCH", "ASSERT", "ASSERT_NOT",
)  # fmt: skip
MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT = "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"
GROUPREF, GROUPREF_EXISTS = "GROUPREF", "GROUPREF_EXISTS"
MAXREPEAT = 2**32 - 1  # an open repeat's upper bound (as re's)
_REPEATS = (MAX_REPEAT, MIN_REPEAT)
_UNBOUNDED = 10  # a repeat allowing more than this many matches counts as unbounded

_FLAGS = {"a": re.ASCII, "i": re.IGNORECASE, "L": re.LOCALE, "m": re.MULTILINE, "s": re.DOTALL,
          "u": re.UNICODE, "x": re.VERBOSE}  # fmt: skip
_CATEGORIES = {"d": "DIGIT", "D": "NOT_DIGIT", "s": "SPACE", "S": "NOT_SPACE", "w": "WORD", "W": "NOT_WORD"}
_ANCHORS = {"A": "BEGINNING_STRING", "b": "BOUNDARY", "B": "NON_BOUNDARY", "Z": "END_STRING"}
_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_SAMPLE = (
    " \t\n.,;:!?'\"’-_()[]/&@#$%*+=0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéğüßДдאب"
)


class UnknownSyntax(ValueError):
    """A pattern ``re`` compiles but this parser does not read (so it cannot be checked)."""


class Seq(list):
    """A parsed sequence; equal only to itself (as re's SubPattern, which the prefix merge relies on)."""

    __eq__ = object.__eq__  # type: ignore[assignment]
    __ne__ = object.__ne__  # type: ignore[assignment]
    __hash__ = object.__hash__  # type: ignore[assignment]


class _Parser:
    """A recursive-descent reader of a ``str`` pattern that ``re.compile`` accepted."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.s, self.i, self.flags = pattern, 0, flags

    def peek(self, k: int = 0) -> str | None:
        """The character k ahead, or None at the end."""
        j = self.i + k
        return self.s[j] if j < len(self.s) else None

    def take(self) -> str:
        """The next character, consumed."""
        if self.i >= len(self.s):
            raise UnknownSyntax("unexpected end of pattern")
        self.i += 1
        return self.s[self.i - 1]

    def match(self, ch: str) -> bool:
        """Consume ``ch`` if it comes next."""
        if self.peek() == ch:
            self.i += 1
            return True
        return False

    def until(self, end: str) -> str:
        """The characters up to ``end``, consumed with it."""
        j = self.s.find(end, self.i)
        if j < 0:
            raise UnknownSyntax(f"missing {end!r}")
        out, self.i = self.s[self.i : j], j + 1
        return out

    def digits(self, allowed: str, most: int) -> str:
        """Up to ``most`` characters of ``allowed``, consumed."""
        out = ""
        while len(out) < most and (c := self.peek()) is not None and c in allowed:
            out += self.take()
        return out

    def parse_sub(self, verbose: bool, nested: int) -> Seq:
        """An alternation a|b|c, simplified as re does (common prefix out, single characters as a class)."""
        items = [self.parse_seq(verbose, nested)]
        while self.match("|"):
            verbose = verbose if nested else bool(self.flags & re.VERBOSE)
            items.append(self.parse_seq(verbose, nested))
        if len(items) == 1:
            return items[0]
        out = Seq()
        while all(items) and all(item[0] == items[0][0] for item in items):
            prefix = items[0][0]
            for item in items:
                del item[0]
            out.append(prefix)
        chars: list = []
        for item in items:
            if len(item) != 1:
                break
            op, av = item[0]
            if op == LITERAL:
                chars.append((op, av))
            elif op == IN and av[0][0] != NEGATE:
                chars.extend(av)
            else:
                break
        else:
            out.append((IN, list(dict.fromkeys(chars))))
            return out
        out.append((BRANCH, (None, items)))
        return out

    def parse_seq(self, verbose: bool, nested: int) -> Seq:
        """A sequence of items up to | or ) or the end."""
        seq = Seq()
        while (ch := self.peek()) is not None and ch not in "|)":
            self.i += 1
            if verbose and ch in " \t\n\r\v\f":
                continue
            if verbose and ch == "#":
                while self.peek() is not None and self.take() != "\n":
                    pass
                continue
            if ch == "\\":
                seq.append(self.escape(in_class=False))
            elif ch == "[":
                seq.append(self.char_class())
            elif ch in "*+?{":
                if not self.repeat(seq, ch):
                    seq.append((LITERAL, ord(ch)))
            elif ch == ".":
                seq.append((ANY, None))
            elif ch == "^":
                seq.append((AT, "BEGINNING"))
            elif ch == "$":
                seq.append((AT, "END"))
            elif ch == "(":
                verbose = self.group(seq, verbose, nested)
            else:
                seq.append((LITERAL, ord(ch)))
        for i in range(len(seq) - 1, -1, -1):  # non-capturing groups without flags are inlined
            op, av = seq[i]
            if op == SUBPATTERN and av[0] is None and not av[1] and not av[2]:
                seq[i : i + 1] = av[3]
        return seq

    def repeat(self, seq: Seq, ch: str) -> bool:
        """Apply the quantifier ``ch`` to the last item of ``seq``; False if ``{`` is a literal here."""
        lo, hi = {"?": (0, 1), "*": (0, MAXREPEAT), "+": (1, MAXREPEAT)}.get(ch, (0, MAXREPEAT))
        if ch == "{":
            if self.peek() == "}":
                return False
            here = self.i
            a = self.digits("0123456789", 10**9)
            b = self.digits("0123456789", 10**9) if self.match(",") else a
            if not self.match("}"):
                self.i = here
                return False
            lo, hi = int(a) if a else 0, int(b) if b else MAXREPEAT
        if not seq or seq[-1][0] == AT or seq[-1][0] in (*_REPEATS, POSSESSIVE_REPEAT):
            raise UnknownSyntax("nothing to repeat")
        item = Seq(seq[-1:])
        if item[0][0] == SUBPATTERN and item[0][1][0] is None and not item[0][1][1] and not item[0][1][2]:
            item = item[0][1][3]
        kind = MIN_REPEAT if self.match("?") else POSSESSIVE_REPEAT if self.match("+") else MAX_REPEAT
        seq[-1] = (kind, (lo, hi, item))
        return True

    def group(self, seq: Seq, verbose: bool, nested: int) -> bool:
        """A parenthesised construct after its ``(``, appended to ``seq``; returns the verbose setting."""
        capture, atomic, add, delete = True, False, 0, 0
        if self.match("?"):
            ch = self.take()
            if ch == "P" and self.match("="):
                self.until(")")
                seq.append((GROUPREF, None))
                return verbose
            if ch == "P" and self.match("<"):
                self.until(">")
            elif ch == ":":
                capture = False
            elif ch == "#":
                self.until(")")
                return verbose
            elif ch in "=!<":
                direction = 1
                if ch == "<":
                    ch, direction = self.take(), -1
                body = self.parse_sub(verbose, nested + 1)
                self.close()
                seq.append((ASSERT if ch == "=" else ASSERT_NOT, (direction, body)))
                return verbose
            elif ch == "(":
                self.until(")")
                yes = self.parse_seq(verbose, nested + 1)
                no = self.parse_seq(verbose, nested + 1) if self.match("|") else None
                self.close()
                seq.append((GROUPREF_EXISTS, (None, yes, no)))
                return verbose
            elif ch == ">":
                capture, atomic = False, True
            elif ch in _FLAGS or ch == "-":
                flags = self.inline_flags(ch)
                if flags is None:  # global flags (re allows them only at the start)
                    return bool(self.flags & re.VERBOSE)
                add, delete = flags
                capture = False
            else:
                raise UnknownSyntax(f"unknown extension ?{ch}")
        sub_verbose = bool((verbose or add & re.VERBOSE) and not delete & re.VERBOSE)
        body = self.parse_sub(sub_verbose, nested + 1)
        self.close()
        if atomic:
            seq.append((ATOMIC_GROUP, body))
        else:
            seq.append((SUBPATTERN, (0 if capture else None, add, delete, body)))
        return verbose

    def close(self) -> None:
        """The ``)`` that ends a group."""
        if not self.match(")"):
            raise UnknownSyntax("missing )")

    def inline_flags(self, ch: str) -> tuple[int, int] | None:
        """(added, removed) flags of ``(?x-y:``, or None for global ``(?x)`` (then kept in self.flags)."""
        add = delete = 0
        while ch in _FLAGS:
            add |= _FLAGS[ch]
            ch = self.take()
        if ch == ")":
            self.flags |= add
            return None
        if ch == "-":
            ch = self.take()
            while ch in _FLAGS:
                delete |= _FLAGS[ch]
                ch = self.take()
        if ch != ":":
            raise UnknownSyntax("bad inline flags")
        return add, delete

    def escape(self, in_class: bool) -> tuple:
        """The item of an escape after its backslash (inside a class: a literal, range end or category)."""
        c = self.take()
        if c in _CATEGORIES:
            cat = (CATEGORY, _CATEGORIES[c])
            return cat if in_class else (IN, [cat])
        if not in_class and c in _ANCHORS:
            return AT, _ANCHORS[c]
        if c in _ESCAPES:
            return LITERAL, _ESCAPES[c]
        if c in "xuU":
            return LITERAL, int(self.digits("0123456789abcdefABCDEF", {"x": 2, "u": 4, "U": 8}[c]), 16)
        if c == "N":
            if not self.match("{"):
                raise UnknownSyntax("missing {")
            return LITERAL, ord(unicodedata.lookup(self.until("}")))
        if c in "01234567" and (in_class or c == "0"):
            return LITERAL, int(c + self.digits("01234567", 2), 8)
        if c.isdigit() and c.isascii():
            if (d := self.peek()) is not None and d in "0123456789":
                self.i += 1
                if c in "01234567" and d in "01234567" and (e := self.peek()) is not None and e in "01234567":
                    self.i += 1
                    return LITERAL, int(c + d + e, 8)
            return GROUPREF, None
        if c.isascii() and c.isalpha():
            raise UnknownSyntax(f"bad escape \\{c}")
        return LITERAL, ord(c)

    def char_class(self) -> tuple:
        """A ``[...]`` class after its ``[`` (one literal becomes LITERAL or NOT_LITERAL, as in re)."""
        negate = self.match("^")
        items: list = []
        while True:
            ch = self.take()
            if ch == "]" and items:
                break
            code = self.escape(in_class=True) if ch == "\\" else (LITERAL, ord(ch))
            if self.match("-"):
                that = self.take()
                if that == "]":
                    items += [code, (LITERAL, ord("-"))]
                    break
                end = self.escape(in_class=True) if that == "\\" else (LITERAL, ord(that))
                if code[0] != LITERAL or end[0] != LITERAL:
                    raise UnknownSyntax("bad character range")
                items.append((RANGE, (code[1], end[1])))
            else:
                items.append(code)
        items = list(dict.fromkeys(items))
        if len(items) == 1 and items[0][0] == LITERAL:
            return (NOT_LITERAL, items[0][1]) if negate else items[0]
        return IN, ([(NEGATE, None)] if negate else []) + items


def parse(pattern: str, flags: int = 0) -> Seq:
    r"""The parsed tree of a pattern ``re.compile`` accepts: a list of (kind, argument) pairs.

    >>> parse(r"a|b\d")
    [('BRANCH', (None, [[('LITERAL', 97)], [('LITERAL', 98), ('IN', [('CATEGORY', 'DIGIT')])]]))]
    """
    p = _Parser(pattern, flags)
    tree = p.parse_sub(bool(flags & re.VERBOSE), 0)
    if p.peek() is not None:
        raise UnknownSyntax("unbalanced parenthesis")
    return tree


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    r"""Why ``pattern`` can take exponential time (None when it cannot, by this static check).

    Inside an unbounded repeat (``+``, ``*``, ``{n,}`` or more than 10), refused: a repeat of
    varying length (``(\w+\s?)+``, ``(a{1,3})*``); an optional part that can match the character
    that follows it (``(aa?)+``); alternatives that can start alike (``(a|aa)+``). Each lets the
    engine split a long text between the repeats in exponentially many ways. Possessive repeats
    and atomic groups never backtrack and are allowed; so are bounded repeats (``(?:\w+ ){0,3}``).
    A pattern that does not compile gives None (``re.compile`` reports it).

    >>> backtracking_risk(r"fail(?:s|ed|ing)?"), backtracking_risk(r"(?:\w+\s+){0,3}said")
    (None, None)
    >>> backtracking_risk(r"(a|aa)+c")[:39]
    "alternatives inside the repeat '(...)+'"
    """
    try:
        re.compile(pattern, flags)
    except re.error:
        return None
    try:
        tree = parse(pattern, flags)
    except (UnknownSyntax, KeyError, ValueError) as exc:
        return f"the safety check cannot read this pattern ({exc}); write it with plain groups and repeats"
    return _risk(list(tree), bool(flags & re.IGNORECASE))


def _risk(items: list, icase: bool) -> str | None:
    """The first unbounded repeat in a parsed pattern whose body is ambiguous, explained."""
    for op, av in items:
        found = None
        if op in _REPEATS:
            lo, hi, body = av
            if hi > _UNBOUNDED:
                name = "(...)" + ({0: "*", 1: "+"}.get(lo, f"{{{lo},}}") if hi == MAXREPEAT else "{...}")
                found = _ambiguous(list(body), list(body), name, icase)
            found = found or _risk(list(body), icase)
        elif op == SUBPATTERN:
            found = _risk(list(av[-1]), icase)
        elif op == BRANCH:
            found = next((r for b in av[1] if (r := _risk(list(b), icase))), None)
        elif op in (ASSERT, ASSERT_NOT):
            found = _risk(list(av[1]), icase)
        if found:
            return found
    return None


def _ambiguous(seq: list, follow: list, name: str, icase: bool) -> str | None:
    """Inside the repeat ``name``: a part of ``seq`` (followed by ``follow``) that can match two ways."""
    for i, (op, av) in enumerate(seq):
        rest = seq[i + 1 :] + follow
        found = None
        if op in _REPEATS:
            lo, hi, body = av
            if lo != hi and hi > 1:
                return (
                    f"a repeat inside the unbounded repeat '{name}' can backtrack for minutes on a "
                    "long text; use one repeat, or bound the outer one ({1,5})"
                )
            ch = _overlap([list(body), rest], icase) if lo == 0 else None
            if ch:
                return (
                    f"an optional part inside the repeat '{name}' can match {ch!r} like what follows it, "
                    "so a long text splits in exponentially many ways; make them distinct"
                )
            found = _ambiguous(list(body), rest, name, icase)
        elif op == SUBPATTERN:
            found = _ambiguous(list(av[-1]), rest, name, icase)
        elif op == BRANCH:
            alts = [list(b) for b in av[1]]
            ch = _overlap([a + rest for a in alts], icase)
            if ch:
                return (
                    f"alternatives inside the repeat '{name}' can both start with {ch!r}, so a long "
                    "text splits between them in exponentially many ways; make them distinct"
                )
            found = next((r for a in alts if (r := _ambiguous(a, rest, name, icase))), None)
        if found:
            return found
    return None


def _overlap(seqs: list[list], icase: bool) -> str | None:
    """A sample character that two of the sequences can start with (or None)."""
    for ch in _SAMPLE:
        if sum(_first(s, ch, icase) is not False for s in seqs) > 1:
            return ch
    return None


def _first(items: list, ch: str, icase: bool) -> bool | None:
    """Can this sequence of parsed items start by matching ``ch``? None: it can match nothing."""
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue  # zero-width
        if op in _REPEATS or op == POSSESSIVE_REPEAT:
            r = _first(list(av[2]), ch, icase)
            if r:
                return True
            if av[0] == 0 or r is None:
                continue
            return False
        if op in (SUBPATTERN, ATOMIC_GROUP):
            r = _first(list(av[-1] if op == SUBPATTERN else av), ch, icase)
        elif op == BRANCH:
            results = [_first(list(b), ch, icase) for b in av[1]]
            r = True if True in results else (None if None in results else False)
        else:
            r = _char_matches(op, av, ch, icase)
        if r is None:
            continue
        return r
    return None


def _char_matches(op, av, ch: str, icase: bool) -> bool:
    """Does one single-character item match ``ch``? Unknown items count as matching."""
    same = (lambda a, b: a.lower() == b.lower()) if icase else (lambda a, b: a == b)
    if op == LITERAL:
        return same(chr(av), ch)
    if op == NOT_LITERAL:
        return not same(chr(av), ch)
    if op == ANY:
        return ch != "\n"
    if op == CATEGORY:
        return _category(av, ch)
    if op == IN:
        negate = any(o == NEGATE for o, _ in av)
        hit = False
        for o, a in av:
            if o == LITERAL:
                hit = hit or same(chr(a), ch)
            elif o == RANGE:
                hit = hit or a[0] <= ord(ch) <= a[1] or (icase and a[0] <= ord(ch.swapcase()[:1]) <= a[1])
            elif o == CATEGORY:
                hit = hit or _category(a, ch)
        return hit != negate
    return True


def _category(cat: str, ch: str) -> bool:
    """\\d, \\s, \\w and their negations (Unicode, as Python's re reads str patterns)."""
    word = ch.isalnum() or ch == "_"
    table = {
        "DIGIT": ch.isdigit(),
        "NOT_DIGIT": not ch.isdigit(),
        "SPACE": ch.isspace(),
        "NOT_SPACE": not ch.isspace(),
        "WORD": word,
        "NOT_WORD": not word,
    }
    return table.get(cat, True)


def first_class(pattern: str, flags: int = 0) -> str | None:
    r"""A character class holding every character a match of ``pattern`` can start with (None: unknown).

    Built from literals and ranges only; a pattern that can start with a category, any character,
    a negated class or match nothing gives None.

    >>> first_class(r"fail(?:s|ed)?|(?:grave )?differences"), first_class(r"\w+")
    ('[dfg]', None)
    """
    try:
        re.compile(pattern, flags)
        found = _firsts(list(parse(pattern, flags)))
    except (re.error, UnknownSyntax, KeyError, ValueError):
        return None
    return None if found is None or found[1] else "[" + "".join(sorted(set(found[0]))) + "]"


def _firsts(items: list) -> tuple[list[str], bool] | None:
    """(class parts a sequence of parsed items can start with, whether it can match nothing), or None."""
    out: list[str] = []
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue  # zero-width
        if op in _REPEATS or op == POSSESSIVE_REPEAT:
            sub = _firsts(list(av[2]))
            sub = sub if sub is None else (sub[0], sub[1] or av[0] == 0)
        elif op in (SUBPATTERN, ATOMIC_GROUP):
            sub = _firsts(list(av[-1] if op == SUBPATTERN else av))
        elif op == BRANCH:
            subs = [_firsts(list(b)) for b in av[1]]
            sub = None if None in subs else ([p for x in subs for p in x[0]], any(x[1] for x in subs))  # type: ignore[index]
        elif op == LITERAL:
            sub = ([re.escape(chr(av))], False)
        elif op == IN and all(o in (LITERAL, RANGE) for o, _ in av):
            sub = ([_class_part(o, a) for o, a in av], False)
        else:
            return None
        if sub is None:
            return None
        out += sub[0]
        if not sub[1]:
            return out, False
    return out, True


def _class_part(op: str, av) -> str:
    """A literal or a range of a parsed character class, written back as class text."""
    if op == LITERAL:
        return re.escape(chr(av))
    return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
