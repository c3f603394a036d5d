"""Articles from web pages: body text and metadata of a saved page, fetching a URL, clear errors.

``extract_article`` reads an HTML page with trafilatura (body, title, authors, site name, canonical
URL) and htmldate (publication date), then our own line patterns set aside what the extractor left
in: promos, credits, captions and the headline repeated at the top. Every line keeps its role so the
result stays reviewable. ``fetch_page`` gets a URL with a timeout, a size limit, a user agent naming
the project, a bounded number of redirects and a content-type check. Nothing here touches the
network except ``fetch_page`` on the URL it is given.
"""

from __future__ import annotations

import codecs
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from outlet_comparison.core import LEXICONS, ArticleError
from outlet_comparison.sources.segment import BYLINE_RE, _line_patterns
from outlet_comparison.text.units import WORD_RE

# trafilatura settings of our extraction (benchmarks/extraction.py measures them against the defaults):
# comments are not the article, and precision-first extraction leaves out link lists and teasers.
EXTRACTION: Mapping[str, object] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
}
MIN_BODY_WORDS = 40  # fewer words than this: no article body (an index page, a video page)
STUB_SHARE = 0.5  # body shorter than this share of the length the page states: a paywall stub
USER_AGENT = "outlet-comparison/1.0 (research toolkit comparing news coverage; fetches one URL a user gave)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
WEB_PATTERNS = ("boilerplate.csv", "web_boilerplate.csv")
PAGE_SUFFIXES = (".html", ".htm")
BODY_ROLES = ("body", "subhead")  # the lines of the body text
_RECORDED_CHARSET = re.compile(r"\bcharset (\S+) \(")
_RECORDED_URL = re.compile(r"\b(?:fetched from|URL) (https?://\S+?)(?=;|\s|$)")


def recorded(copy_source: str) -> tuple[str | None, str | None]:
    """(charset, URL) a manifest's copy_source records for a page ('fetched from URL; charset X (...)').

    >>> recorded("fetched from https://example.org/a on 2026-01-02; charset windows-1252 (HTTP header)")
    ('windows-1252', 'https://example.org/a')
    """
    cs, url = _RECORDED_CHARSET.search(copy_source or ""), _RECORDED_URL.search(copy_source or "")
    return (cs.group(1) if cs else None), (url.group(1) if url else None)


class PageError(ArticleError):
    """A page that cannot give an article; ``kind`` names the problem (``"not found"``, ``"timeout"`` ...)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class WebArticle:
    """What ``extract_article`` found: the body (one paragraph per line, blank lines between), the
    metadata the page states (None when absent, listed in ``missing``) and the role of every line of
    the extracted text (``roles``: line, text, role, why) so what was set aside can be reviewed."""

    text: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    site_name: str | None
    url: str | None
    missing: tuple[str, ...]
    roles: pd.DataFrame = field(repr=False)

    @property
    def raw(self) -> str:
        """The extracted text with its title line, as the lines of ``roles`` (what review reads)."""
        return "\n".join(self.roles.text)


# ------------------------------------------------------------------ decoding the page's bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def declared_charset(data: bytes, header: str | None = None) -> tuple[str | None, str]:
    """(charset, where it was stated): a byte-order mark, then the HTTP header, then ``<meta charset>``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "byte-order mark"
    if header:
        return header, "HTTP header"
    m = _META_CHARSET.search(data[:4096])
    if m:
        return m.group(1).decode("ascii"), "meta tag"
    return None, "nowhere"


def decode_page(data: bytes, where: str, charset: str | None = None, header: str | None = None) -> str:
    """The page's text, decoded strictly with the charset given, else the one the page declares, else UTF-8.

    An unknown charset name, bytes that are not in the declared charset, or no declaration and bytes
    that are not UTF-8 raise ``PageError("charset")`` naming the byte and what to do.
    """
    name, source = (charset, "given") if charset else declared_charset(data, header)
    try:
        codec = codecs.lookup(name or "utf-8").name
    except LookupError as exc:
        raise PageError(
            "charset",
            f"{where}: the charset {name!r} ({source}) is not a known encoding; give the right one "
            "with CHARSET=<name> (e.g. utf-8, windows-1252, iso-8859-1)",
        ) from exc
    codec = "utf-8-sig" if codec == "utf-8" else codec
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        said = f"declares {name!r} ({source})" if name else "declares no charset and is not UTF-8"
        raise PageError(
            "charset",
            f"{where}: the page {said}, but byte {exc.start} ({data[exc.start : exc.start + 1]!r}) is "
            f"not valid {codec}; the page is in another encoding: give it with CHARSET=<name> "
            "(often windows-1252 or iso-8859-1 for Western pages), or save the page again as UTF-8",
        ) from exc


# ------------------------------------------------------------------ extraction


def _words(text: str) -> int:
    """Number of words of a text."""
    return len(WORD_RE.findall(text))


def _norm(text: str) -> str:
    """Lower-case words of a line joined by single spaces (to compare a line with the title)."""
    return " ".join(w.lower() for w in WORD_RE.findall(text))


def _is_title(line: str, title: str | None) -> bool:
    """The page title repeated as a line (also a title with a ' | Site' tail, or its first words)."""
    if not title:
        return False
    a, b = _norm(line), _norm(title)
    return bool(a) and (a == b or (len(a.split()) >= 4 and b.startswith(a)))


_SUBHEAD_WORDS = 12
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"”’')\]]*$")


def line_roles(lines: list[str], title: str | None, patterns: tuple[Path, ...]) -> pd.DataFrame:
    """The role of every line of the extracted text and why: line 1 is the title (``headline``), then
    lines a pattern claims (its role), the title repeated, a byline at the top, short lines that do not
    end like a sentence (``subhead``, kept in the body text), the rest ``body``."""
    pats = [p for path in patterns for p in _line_patterns(str(path))]
    rows = []
    seen_text = False
    for n, line in enumerate(lines, start=1):
        s = line.strip()
        role, why = "body", "extracted text"
        if n == 1 and title is not None:
            role, why = "headline", "the page title"
        elif not s:
            role, why = "blank", ""
        else:
            hit = next((r for rx, r in pats if rx.search(s)), None)
            if hit is not None:
                role, why = hit, "a pattern of the boilerplate lists"
            elif _is_title(s, title):
                role, why = "headline", "the title repeated"
            elif not seen_text and BYLINE_RE.match(s) and s.lower().startswith("by "):
                role, why = "byline", "a byline above the text"
            elif _words(s) <= _SUBHEAD_WORDS and not _ENDS_SENTENCE.search(s):
                role, why = "subhead", "a short line not ending like a sentence (kept in the body text)"
        seen_text = seen_text or role in ("body", "subhead")
        rows.append({"line": n, "text": line, "role": role, "why": why})
    return pd.DataFrame(rows, columns=["line", "text", "role", "why"])


def _json_ld(html: str) -> list[dict]:
    """Every JSON-LD object of the page (graphs flattened); unparseable blocks are ignored."""
    out: list[dict] = []
    for m in re.finditer(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", html, re.S | re.I):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                out.append(item)
                stack += item.get("@graph", []) if isinstance(item.get("@graph"), list) else []
            elif isinstance(item, list):
                stack += item
    return out


def stated_length(html: str) -> tuple[int | None, bool]:
    """(word count the page states in its JSON-LD, whether it says the article is not free to read)."""
    count, locked = None, False
    for item in _json_ld(html):
        wc = item.get("wordCount")
        if isinstance(wc, int | str) and str(wc).strip().isdigit():
            count = max(count or 0, int(str(wc).strip()))
        locked = locked or str(item.get("isAccessibleForFree", "")).lower() in ("false", "0")
    locked = locked or bool(re.search(r"<meta[^>]+content_tier[^>]+(locked|metered)", html, re.I))
    return count, locked


def _check_body(body: str, html: str, where: str) -> None:
    """Refuse a page without an article body and a paywall stub (shorter than the page says)."""
    n = _words(body)
    stated, locked = stated_length(html)
    if stated and n < STUB_SHARE * stated:
        raise PageError(
            "paywall",
            f"{where}: the page says the article has {stated} words but only {n} could be read: a paywall "
            "or sign-in stub; save the page from a browser where you can read the whole article "
            "(make add-article FILE=page.html)",
        )
    if n < MIN_BODY_WORDS:
        tail = " and marks the article as not free (a paywall stub?)" if locked else ""
        raise PageError(
            "no body",
            f"{where}: no article body found ({n} words of article text{tail}); is it an index, "
            "section or video page? Give the URL of the article itself, or save the article page",
        )


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura's author field ('A; B') as names."""
    return tuple(a.strip() for a in (value or "").split(";") if a.strip())


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    settings: Mapping[str, object] | None = None,
    patterns: tuple[Path | str, ...] | None = None,
    where: str | None = None,
    check: bool = True,
) -> WebArticle:
    """Body text and metadata of an article page (HTML text, or bytes decoded by ``decode_page``).

    ``settings`` are trafilatura's (``EXTRACTION`` unless given); ``patterns`` the line-pattern
    files that set lines aside (``lexicons/boilerplate.csv`` and ``web_boilerplate.csv``); ``where``
    names the page in errors. With ``check``, a page without a body or a paywall stub raises
    ``PageError``.
    """
    import htmldate  # imported here: the text path never needs them
    import trafilatura

    where = where or url or "the page"
    page = decode_page(html, where) if isinstance(html, bytes) else html
    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, **dict(settings or EXTRACTION))
    extracted = (doc.text or "") if doc is not None else ""
    title = ((doc.title or "").strip() or None) if doc is not None else None
    date = htmldate.find_date(page, url=url, original_date=True, extensive_search=False)
    paths = tuple(LEXICONS / p for p in WEB_PATTERNS) if patterns is None else tuple(map(Path, patterns))
    paras = [p.strip() for p in extracted.split("\n") if p.strip()]
    lines = [title or ""] + [x for p in paras for x in ("", p)] if title else "\n\n".join(paras).split("\n")
    roles = line_roles(lines, title, paths)
    body = "\n\n".join(roles.loc[roles.role.isin(BODY_ROLES), "text"].str.strip())
    if check:
        _check_body(body, page, where)
    found = {
        "title": title,
        "authors": _authors(doc.author if doc is not None else None),
        "published": date or None,
        "site_name": (doc.sitename or None) if doc is not None else None,
        "url": (doc.url or url) if doc is not None else url,
    }
    missing = tuple(k for k, v in found.items() if not v)
    return WebArticle(text=body, missing=missing, roles=roles, **found)  # type: ignore[arg-type]


# ------------------------------------------------------------------ fetching a URL


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the final URL (after redirects), its bytes, content type and HTTP charset."""

    url: str
    final_url: str
    data: bytes
    content_type: str
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``limit`` redirects and refuses a loop (a URL seen before)."""

    def __init__(self, url: str, limit: int) -> None:
        self.seen = [url]
        self.limit = limit

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """The next request, or PageError on a loop, too many redirects or a redirect off http(s)."""
        if not re.match(r"https?://", newurl, re.I):
            raise PageError(
                "bad redirect",
                f"{self.seen[0]}: redirected to {newurl!r}, which is not an http(s) address; give the "
                "article's own URL, or save the page from a browser and add it with FILE=page.html",
            )
        if newurl in self.seen:
            raise PageError(
                "redirect loop",
                f"{self.seen[0]}: redirect loop ({' -> '.join([*self.seen, newurl])}); the site sends the "
                "page back to itself (often a cookie or consent wall): save the page from a browser and "
                "add it with FILE=page.html",
            )
        self.seen.append(newurl)
        if len(self.seen) - 1 > self.limit:
            raise PageError(
                "redirect loop",
                f"{self.seen[0]}: more than {self.limit} redirects; give the final URL of the article, or "
                "save the page from a browser and add it with FILE=page.html",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _sniff_not_html(data: bytes) -> str | None:
    """The kind of a non-HTML file from its first bytes (PDF, an image), else None."""
    head = data[:16]
    for magic, kind in ((b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image")):
        if head.startswith(magic):
            return kind
    if head[:6] in (b"GIF87a", b"GIF89a") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "an image"
    return None


def fetch_page(
    url: str, *, timeout: float = 20.0, max_bytes: int = 5_000_000, max_redirects: int = 5
) -> Fetched:
    """GET ``url`` (http/https only) with a timeout (seconds, for the whole download), a size limit,
    our user agent and at most ``max_redirects`` redirects; the response must be HTML."""
    import courlan

    if not re.match(r"https?://", url or "", re.I) or not courlan.validate_url(url)[0]:
        raise PageError("bad url", f"URL = {url!r}: not an http(s) URL; give the full address, https://...")
    redirects = _Redirects(url, max_redirects)
    opener = urllib.request.build_opener(redirects)
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.1"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(req, timeout=timeout) as resp:
            ctype = resp.headers.get_content_type()
            if ctype not in HTML_TYPES:  # refused before its bytes are read
                raise _not_html(url, ctype, None)
            size = resp.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > max_bytes:
                raise _too_large(url, max_bytes)
            chunks, total = [], 0
            while chunk := resp.read(65536):
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:
                    raise _too_large(url, max_bytes)
                if time.monotonic() > deadline:
                    raise TimeoutError
            data = b"".join(chunks)
            final, charset = resp.geturl(), resp.headers.get_content_charset()
    except PageError:
        raise
    except urllib.error.HTTPError as exc:
        kind = "not found" if exc.code in (404, 410) else "http error"
        advice = (
            "check the address (a typo, or the article moved or was removed; try the Wayback Machine)"
            if kind == "not found"
            else "try again later, or save the page from a browser and add it with FILE=page.html"
        )
        raise PageError(kind, f"{url}: HTTP {exc.code} {exc.reason}; {advice}") from exc
    except (TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(exc, TimeoutError) or isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise PageError(
                "timeout",
                f"{url}: no complete answer within {timeout:g} s (timeout); try again later, raise the "
                "timeout, or save the page from a browser and add it with FILE=page.html",
            ) from exc
        raise PageError(
            "unreachable", f"{url}: cannot connect ({reason}); check the address and your connection"
        ) from exc
    sniffed = _sniff_not_html(data)
    if sniffed:
        raise _not_html(url, ctype, sniffed)
    return Fetched(url, final, data, ctype, charset)


def _not_html(url: str, ctype: str, sniffed: str | None) -> PageError:
    """The error for a response that is not a web page (the content type, or what its bytes are)."""
    return PageError(
        "not html",
        f"{url}: not an HTML page (content type {ctype}{', the file is ' + sniffed if sniffed else ''}); "
        f"{sniffed or ctype} is not read as an article: give the URL of the article's web page, or "
        "save its text as a .txt file and add that with FILE=",
    )


def _too_large(url: str, max_bytes: int) -> PageError:
    """The error for a page over the size limit."""
    return PageError(
        "too large",
        f"{url}: the response is over the size limit of {max_bytes:,} bytes; is it an article page? "
        "Save the article from a browser (FILE=page.html) or raise the limit (MAX_BYTES=...)",
    )
