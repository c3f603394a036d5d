"""Corpus records from web pages: a folder of saved pages (.html, .htm) and web archives (.warc, .warc.gz).

Each page goes through ``webpage.extract_article``; its record has the body as ``text``, the site
name (else the host name of its URL) as ``outlet``, the title, the date the page states, its URL and
where it came from (``source``: the file, and the record's position in an archive).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from outlet_comparison.core import ArticleError
from outlet_comparison.sources import webpage

PAGE_SUFFIXES = webpage.PAGE_SUFFIXES
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


def is_archive(path: Path) -> bool:
    """A WARC file (``.warc`` or ``.warc.gz``)."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def is_page_source(path: Path) -> bool:
    """A folder, a saved page or a web archive: what ``page_records`` reads."""
    return path.is_dir() or is_archive(path) or path.suffix.lower() in PAGE_SUFFIXES


def _host(url: str | None) -> str:
    """The host name of a URL without 'www.' ('' without one)."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def page_record(data: bytes, where: str, url: str | None = None, charset: str | None = None) -> dict:
    """One corpus record from a page's bytes (``ArticleError`` when it gives no article)."""
    page = webpage.decode_page(data, where, header=charset)
    art = webpage.extract_article(page, url, where=where)
    link = url or art.url or ""
    outlet = art.site_name or _host(link)
    if not outlet:
        raise ArticleError(f"{where}: the page names no site and has no URL, so its outlet is unknown")
    return {
        "outlet": outlet,
        "title": art.title or "",
        "date": art.published or "",
        "text": art.text,
        "url": link,
        "authors": "; ".join(art.authors),
    }


def _archive_pages(path: Path) -> Iterator[tuple[bytes, str, str | None, str]]:
    """(bytes, URL, HTTP charset, position) of every HTML response of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        for n, rec in enumerate(ArchiveIterator(fh), start=1):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if ctype.split(";")[0].strip().lower() not in webpage.HTML_TYPES:
                continue
            if rec.http_headers.get_statuscode() != "200":
                continue
            charset = next(
                (p.split("=", 1)[1].strip(" \"'") for p in ctype.split(";")[1:] if "charset=" in p.lower()),
                None,
            )
            url = rec.rec_headers.get_header("WARC-Target-URI")
            yield rec.content_stream().read(), url, charset, f"record {n}"


def page_records(path: Path) -> Iterator[tuple[int, dict | ArticleError]]:
    """(position, record or the error it gave) for every page of a folder, saved page or web archive.

    A folder is read in name order: its saved pages and archives (not its subfolders).
    """
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    n = 0
    for f in files:
        if is_archive(f):
            for data, url, charset, pos in _archive_pages(f):
                n += 1
                where = f"{f.name}, {pos} ({url})"
                yield n, _record(data, where, url, charset, f"{f.name}#{pos.split()[-1]}")
        elif f.suffix.lower() in PAGE_SUFFIXES:
            n += 1
            yield n, _record(f.read_bytes(), f.name, None, None, f.stem)


def _record(data: bytes, where: str, url: str | None, charset: str | None, aid: str) -> dict | ArticleError:
    """The record of one page with its id and source, or the ArticleError it raised."""
    try:
        rec = page_record(data, where, url, charset)
    except ArticleError as exc:
        return exc
    return {"article_id": aid, "source": where, **rec}
