"""Raw article text before segmenting: line breaks and byte-order marks, Markdown, HTML.

``normalise_raw`` writes every line break as ``\\n`` and drops byte-order marks; nothing else
changes, so line k of the result is line k of the raw file as any editor counts lines.
Markdown, inline HTML tags (``<a>``, ``<em>``) and entities (``&amp;``) are cleaned line by line
(markup out, text kept); an HTML page (``<p>``, ``<div>``, ``<br>``) is refused with the command that
converts it, because its line breaks say nothing about paragraphs.

    .venv/bin/python -m outlet_comparison.sources.rawtext page.html > page.txt
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from html.parser import HTMLParser

from outlet_comparison.core import ArticleError

BOM = "\ufeff"
# Every line break Python's str.splitlines knows; \r\n counts as one.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def normalise_raw(raw: str) -> str:
    """The raw text with every line break written as ``\\n`` and byte-order marks (U+FEFF) removed.

    >>> normalise_raw("\\ufeffHeadline\\r\\n\\rBody\\u2028more")
    'Headline\\n\\nBody\\nmore'
    """
    return LINE_BREAK.sub("\n", raw.replace(BOM, ""))


# ------------------------------------------------------------------ one normal form for analysis

# Invisible characters that split or join words without showing: zero-width space, word joiner,
# soft hyphen, byte-order mark, Mongolian vowel separator, combining grapheme joiner, and the
# direction marks and embeddings of bidirectional text.
INVISIBLE = (
    "\u200b\u2060\u00ad\ufeff\u180e\u034f"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_FOLD = {
    "\u00a0": " ", "\u202f": " ", "\u2007": " ",  # no-break spaces
    "\u2011": "-",  # the no-break hyphen of word processors ("Jean\u2011Pierre")
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
    "\ufb06": "st",  # ligatures of PDF text
}  # fmt: skip
_FOLD.update(dict.fromkeys(INVISIBLE, ""))
_SPECIAL_CHARS = frozenset(_FOLD)


def normalise_map(text: str) -> tuple[str, list[int]]:
    """The text as analysed (``normalise_text``) and, for each of its characters, the offset of the
    character of ``text`` it comes from, so any span found in the analysed text maps back.

    >>> t, where = normalise_map("Ker\u00adry \ufb01nally")
    >>> t, where[3], where[6], where[7]
    ('Kerry finally', 4, 7, 7)
    """
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        for out in _FOLD.get(c, c):
            chars.append(out)
            where.append(i)
    folded = "".join(chars)
    if unicodedata.is_normalized("NFC", folded):
        return folded, where
    out_chars: list[str] = []
    out_where: list[int] = []
    k = 0
    while k < len(folded):  # NFC run by run: a starter and the combining marks after it
        j = k + 1
        while j < len(folded) and unicodedata.combining(folded[j]):
            j += 1
        run = unicodedata.normalize("NFC", folded[k:j])
        out_chars.append(run)
        out_where += [where[k]] * len(run)
        k = j
    return "".join(out_chars), out_where


def normalise_text(text: str) -> str:
    """Text in the one form every analysis reads: NFC (composed letters), invisible characters
    (zero-width spaces, word joiners, soft hyphens, direction marks) removed, no-break spaces as
    spaces, the no-break hyphen as a hyphen and PDF ligatures (fi, fl, ...) as letters. ASCII text
    comes back unchanged.

    >>> normalise_text("Erdog\u0306an met \u200bKerry\u00a0Jr. in \ufb01ve \u2066talks\u2069")
    'Erdoğan met Kerry Jr. in five talks'
    """
    if text.isascii():
        return text
    if _SPECIAL_CHARS.isdisjoint(text) and unicodedata.is_normalized("NFC", text):
        return text
    return normalise_map(text)[0]


# ------------------------------------------------------------------ HTML: refused, with a converter

_STRUCTURE_TAGS = (
    "html|head|body|div|p|br|h[1-6]|ul|ol|li|table|tr|td|th|script|style|article|section|header|footer|"
    "nav|meta|link|title|iframe|noscript|blockquote|figure|figcaption"
)
_STRUCTURE = re.compile(rf"<!DOCTYPE\s+html|<!--|</?(?:{_STRUCTURE_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:a|em|strong|b|i|u|span|img|sup|sub|small|abbr|cite|q|time|mark|font)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});", re.IGNORECASE)


def html_evidence(lines: list[str]) -> tuple[int, str] | None:
    """(1-based line, tag) of the first page-structure tag (``<p>``, ``<div>``, ``<br>`` ...) when the
    text has at least two of them, else None. Inline tags alone (``<a>``, ``<em>``) are cleaned instead."""
    found: list[tuple[int, str]] = []
    for n, line in enumerate(lines, start=1):
        for m in _STRUCTURE.finditer(line):
            found.append((n, m.group(0)))
            if len(found) >= 2:
                return found[0]
    return None


def refuse_html(lines: list[str], source: str) -> None:
    """Raise ArticleError naming the line when the text is an HTML page, saying how to convert it."""
    hit = html_evidence(lines)
    if hit is not None:
        raise ArticleError(
            f"{source}, line {hit[0]}: the text is HTML (found {hit[1][:40]!r}); tags would be read as words "
            "and its line breaks say nothing about paragraphs. Convert it to plain text first: "
            "`.venv/bin/python -m outlet_comparison.sources.rawtext page.html > page.txt` (tags out, one "
            "line per paragraph), then use the .txt; or add the page itself as a web page (saved with the "
            ".html suffix: make add-article FILE=page.html, its article text is extracted)"
        )


class _TextOf(HTMLParser):
    """Collects the text of an HTML page: one line per block element, scripts and styles dropped."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "figcaption"}
    _BLOCKS |= {"article", "section", "header", "footer", "title", "ul", "ol", "table", "figure"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "head"):
            self._skip += 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "head") and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(page: str) -> str:
    """Plain text of an HTML page: tags out, one paragraph per line, blank lines between.

    >>> html_to_text("<h1>Talks fail</h1><p>By Jo Smith</p><p>The talks &amp; the deal\\nfailed.</p>")
    'Talks fail\\n\\nBy Jo Smith\\n\\nThe talks & the deal failed.\\n'
    """
    parser = _TextOf()
    parser.feed(page)
    parser.close()
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parser.parts))]
    return "\n\n".join(p for p in paras if p) + "\n"


# ------------------------------------------------------------------ Markdown and inline markup: cleaned

_MD_SIGNS = re.compile(r"^\s{0,3}#{1,6}\s+\S|!?\[[^\]\n]+\]\((?:https?://|/|#)[^)\s]*\)")
_MD_RULES = (
    (re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$"), ""),  # ATX heading marks
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+(?=\S)"), ""),  # list bullets
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$"), ""),  # horizontal rules
    (re.compile(r"^\s*\[[^\]\n]+\]:\s*\S+.*$"), ""),  # link reference definitions
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # links: their text
    (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1(?![\w*])"), r"\2"),  # bold, not f***ing
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italic *x*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # italic _x_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # backslash escapes
)


def is_markdown(lines: list[str]) -> bool:
    """True when a line has Markdown markup: a ``#`` heading or a ``[link](url)``."""
    return any(_MD_SIGNS.search(line) for line in lines)


def markdown_to_text(line: str) -> str:
    """One Markdown line without its markup (headings, quotes, bullets, links, emphasis), text kept.

    >>> markdown_to_text("## Talks *fail* in [Hangzhou](https://example.org/a)")
    'Talks fail in Hangzhou'
    """
    for rx, repl in _MD_RULES:
        line = rx.sub(repl, line)
    return line


def clean_markup(lines: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Lines without Markdown, inline HTML tags and character entities, and which of them were found.

    Each kind is cleaned only when the text shows it, so plain text comes back unchanged.

    >>> clean_markup(["# Talks fail", "", "Kerry <em>said</em> so &amp; left."])
    (['Talks fail', '', 'Kerry said so & left.'], ('Markdown', 'inline HTML tags', 'HTML entities'))
    """
    kinds = (
        ("Markdown", is_markdown(lines)),
        ("inline HTML tags", any(_INLINE_TAG.search(x) for x in lines)),
        ("HTML entities", any(_ENTITY.search(x) for x in lines)),
    )
    found = tuple(k for k, present in kinds if present)
    if not found:
        return lines, ()
    out = []
    for line in lines:
        line = markdown_to_text(line) if "Markdown" in found else line
        line = _INLINE_TAG.sub("", line) if "inline HTML tags" in found else line
        out.append(html.unescape(line) if "HTML entities" in found else line)
    return out, found


def main(argv: list[str] | None = None) -> int:
    """Print the plain text of an HTML file (``python -m outlet_comparison.sources.rawtext page.html``)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m outlet_comparison.sources.rawtext page.html > page.txt", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8", errors="strict") as fh:
        sys.stdout.write(html_to_text(fh.read()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
