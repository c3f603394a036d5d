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
            "line per paragraph), then use the .txt"
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
