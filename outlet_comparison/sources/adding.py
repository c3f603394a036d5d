"""Adding an article to an event: copy the raw file untouched, pin its sha256, append the manifest row.

Everything is checked before anything is written, so a bad input changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ARTICLES, ArticleError
from outlet_comparison.sources import articles, events, rawtext
from outlet_comparison.sources import webpage as web
from outlet_comparison.sources.segment import clean_body, segment
from outlet_comparison.text.units import fold_latin, words

_SLUG = re.compile(r"[^a-z0-9]+")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Added:
    """What ``add_article`` did: the event, the new manifest row and the line roles for review."""

    event: str
    folder: Path
    created_event: bool
    row: dict[str, str]
    roles: pd.DataFrame
    from_page: tuple[str, ...] = ()  # which of OUTLET, PUBLISHED, TITLE were taken from the web page
    notes: tuple[str, ...] = ()  # warnings for the reader: short body, the same text as another outlet


def slug(text: str, words: int = 6) -> str:
    """Lower-case ASCII words joined by hyphens (at most ``words`` of them); diacritics are dropped.

    >>> slug("US and Russia close to Syria deal but 'grave differences' remain", 4)
    'us-and-russia-close'
    >>> slug("Erdoğan meets Gülen's lawyers")
    'erdogan-meets-gulen-s-lawyers'
    """
    parts = [p[:40] for p in _SLUG.split(fold_latin(text)[0].lower()) if p]  # file names stay short
    return "-".join(parts[:words])


MAX_OUTLET = 100  # characters of an outlet name (it becomes part of file names and chart labels)
MAX_TITLE = 300
MAX_EVENT = 80


def user_text(field: str, value: str, limit: int) -> str:
    """A command-line value kept exactly as given, or refused: no control character or line break
    (it would end a line of event.toml or manifest.csv), no invisible or direction-changing character
    (``rawtext.INVISIBLE``), at most ``limit`` characters.

    >>> user_text("OUTLET", "Rock$Roll Daily", 100)
    'Rock$Roll Daily'
    """
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        where = value.index(bad)
        raise ArticleError(
            f"{field} = {value[:60]!r}: character {where + 1} is a control character or line break "
            f"(U+{ord(bad):04X}); give it on one line without control characters"
        )
    hidden = next((c for c in value if c in rawtext.INVISIBLE), None)
    if hidden is not None:  # a name that looks like another, or text shown in reverse after it
        raise ArticleError(
            f"{field} = {value[:60]!r}: character {value.index(hidden) + 1} (U+{ord(hidden):04X}) is "
            "invisible or turns the direction of the text after it; type the name without it"
        )
    if len(value) > limit:
        raise ArticleError(f"{field} = {value[:40]!r}...: {len(value)} characters; at most {limit}")
    return value


def body_shortfall(roles: pd.DataFrame, share: float = 0.5) -> str | None:
    """A warning when the body has under ``share`` of the words of the lines that read as prose
    (4+ words, not headline, byline or blank): text a layout rule may have set aside."""
    n_words = roles["text"].map(lambda t: len(words(t)))
    prose = (n_words >= 4) & ~roles["role"].isin(["headline", "byline", "blank"])
    body = int(n_words[roles["role"] == "body"].sum())
    read = int(n_words[prose | (roles["role"] == "body")].sum())
    if read and body < share * read:
        return (
            f"the body has {body} of the {read} words in lines of running text ({100 * body / read:.0f}%); "
            "check the line roles below: text may have been set aside as captions, subheads or boilerplate"
        )
    return None


def _published(value: str) -> str:
    """An ISO date YYYY-MM-DD, strictly (no guessing of other formats)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ArticleError(
            f"PUBLISHED = {value!r}: unknown date format; write it as YYYY-MM-DD, e.g. 2016-09-09"
        )
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ArticleError(f"PUBLISHED = {value!r}: not a calendar date ({exc})") from exc
    return value


def _authors(roles: pd.DataFrame, outlet: str) -> str:
    """Authors from the byline lines: 'By A and B, AP' -> 'A; B' (a masthead naming the outlet is not one)."""
    names: list[str] = []
    for line in roles.loc[roles.role == "byline", "text"]:
        text = _BY.sub("", line.strip())
        parts = re.split(r",\s*|\s+and\s+", text)
        names += [p for p in map(str.strip, parts) if p and p != outlet and not re.fullmatch(r"[A-Z]{2,}", p)]
    return "; ".join(dict.fromkeys(names))


def _toml_str(value: str) -> str:
    """A TOML basic string of ``value`` (quotes, backslashes and any escape written as TOML reads them)."""
    return json.dumps(value, ensure_ascii=False)


def _event_toml(title: str, outlet: str) -> str:
    """The event.toml of a new event: its title and the general frame lexicon."""
    return (
        "# Event metadata read by helpers.read_event(); see articles/README.md for every field.\n"
        f"title = {_toml_str(title)}\n"
        f"description = {_toml_str(f'Articles on {title}, first added from {outlet}.')}\n"
        f"frames = {_toml_str(events.GENERIC_FRAMES)}\n"
    )


def _same_text(a: str, b: str) -> bool:
    """Two bodies equal once spaces, case and Unicode form are ignored."""
    return articles.outlet_key(a) == articles.outlet_key(b)


def _check_new(folder: Path, outlet: str, article_id: str, name: str, body: str) -> list[str]:
    """Refuse a second article of the same outlet (names compared ignoring case, spaces and Unicode
    form), a reused id or an existing file name; notes when the same text is already listed."""
    if not (folder / "manifest.csv").is_file():
        return []
    man = articles.read_manifest(folder)
    same = [o for o in man["outlet"] if articles.outlet_key(o) == articles.outlet_key(outlet)]
    if same:
        alike = f" (the same name as {outlet!r} once case, spaces and Unicode form are ignored)"
        raise ArticleError(
            f"{folder / 'manifest.csv'}: the event already has an article from {same[0]!r}"
            + (alike if same[0] != outlet else "")
            + "; one article per outlet and event (put a second one in another event)"
        )
    if article_id in set(man["article_id"]):
        raise ArticleError(f"{folder / 'manifest.csv'}: article_id {article_id!r} is already listed")
    if (folder / name).exists():
        raise ArticleError(f"{folder / name}: a file of that name already exists")
    arts = articles.load_folder(folder)
    twins = [o for o, t in zip(arts["outlet"], arts["text"], strict=True) if _same_text(t, body)]
    return [
        f"the same body text is already in the event as the article of {o!r}; two outlets with "
        "identical text are one article counted twice (check FILE and OUTLET)"
        for o in twins
    ]


def _append_row(path: Path, row: dict[str, str]) -> None:
    """Append one row to a manifest (writing the header first for a new one)."""
    new = not path.is_file()
    with open(path, "a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(articles.MANIFEST_COLUMNS))
        if new:
            writer.writeheader()
        writer.writerow(row)


def add_article(
    file: Path | str,
    outlet: str = "",
    published: str = "",
    event: str | None = None,
    title: str | None = None,
    root: Path | str | None = None,
    charset: str | None = None,
) -> Added:
    """Copy ``file`` into the event folder (creating the event when new), pin it, append its manifest row.

    ``root`` is the folder of the events (``articles/`` unless given). A saved web page (``.html``,
    ``.htm``) goes through ``add_page``: its outlet, date and title default to what the page states.
    """
    src = Path(file)
    if not src.is_file():
        raise ArticleError(f"FILE = {src}: no such file")
    outlet = user_text("OUTLET", (outlet or "").strip(), MAX_OUTLET)
    title = user_text("TITLE", (title or "").strip(), MAX_TITLE) or None
    if event:
        user_text("EVENT", event, MAX_EVENT)
    if src.suffix.lower() in web.PAGE_SUFFIXES:
        return add_page(
            src.read_bytes(), str(src), outlet=outlet, published=published, event=event, title=title,
            root=root, charset=charset, copy_source=f"added from {src.name}",
        )  # fmt: skip
    if not outlet:
        raise ArticleError("OUTLET is empty: give the outlet's name as it should appear on charts")
    date = _published(published)
    data = src.read_bytes()
    raw = articles.decode_utf8(data, str(src))
    roles = segment(raw, source=str(src))
    body = roles[roles.role == "body"]
    if body.empty:
        raise ArticleError(f"{src}: no body text found (every line was classed as non-body)")
    base = Path(root) if root is not None else ARTICLES
    event_id = event or (events.default_event_id(base) if not title else slug(title))
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", event_id):
        raise ArticleError(f"EVENT = {event_id!r}: use lower-case letters, digits and hyphens")
    folder = base / event_id
    created = not (folder / "manifest.csv").is_file()
    if created and not title:
        raise ArticleError(f"event {event_id!r} does not exist yet: give its TITLE to create it")
    headline = next(iter(roles.loc[roles.role == "headline", "text"].str.strip()), "")
    article_id = f"{slug(outlet, 4)}-{date}"
    name = f"{article_id}-{slug(headline) or slug(src.stem) or 'article'}.txt"
    notes = _check_new(folder, outlet, article_id, name, clean_body(raw, source=str(src)))
    short = body_shortfall(roles)
    notes = [*notes, *([short] if short else [])]
    row = {
        "article_id": article_id,
        "file": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "outlet": outlet,
        "headline": headline,
        "authors": _authors(roles, outlet),
        "published": date,
        "copy_source": f"added from {src.name}",
        "date_inferred_from": "given when the article was added (make add-article PUBLISHED=...)",
        "seed_file": "",
    }
    _write(folder, data, name, row, _event_toml(title or event_id, outlet) if created else None)
    return Added(event_id, folder, created, row, roles, notes=tuple(notes))


def _event_of(event: str | None, title: str | None, base: Path) -> tuple[str, Path, bool]:
    """(event id, folder, whether it is new): EVENT, else the slug of TITLE, else the default event."""
    event_id = event or (events.default_event_id(base) if not title else slug(title))
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", event_id):
        raise ArticleError(f"EVENT = {event_id!r}: use lower-case letters, digits and hyphens")
    folder = base / event_id
    return event_id, folder, not (folder / "manifest.csv").is_file()


def add_page(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    outlet: str = "",
    published: str = "",
    event: str | None = None,
    title: str | None = None,
    root: Path | str | None = None,
    charset: str | None = None,
    http_charset: str | None = None,
    copy_source: str = "",
) -> Added:
    """Add a web page (its bytes kept as they are, sha256-pinned): the body is extracted from it, and
    OUTLET, PUBLISHED and TITLE (of a new event) default to what the page states (listed in
    ``from_page``). ``source`` names the page in errors; ``url`` is where it was fetched from."""
    text = web.decode_page(data, source, charset=charset, header=http_charset)
    art = web.extract_article(text, url, where=source)
    from_page = []
    if not (outlet or "").strip():
        outlet = rawtext.normalise_text(art.site_name or "")  # what a page states: invisibles dropped
        if not outlet:
            raise ArticleError(f"{source}: the page does not name its site; give OUTLET=<name>")
        from_page.append("OUTLET")
    if not published:
        published = art.published or ""
        if not published:
            raise ArticleError(f"{source}: the page states no publication date; give PUBLISHED=YYYY-MM-DD")
        from_page.append("PUBLISHED")
    outlet, date = user_text("OUTLET", outlet.strip(), MAX_OUTLET), _published(published)
    base = Path(root) if root is not None else ARTICLES
    event_id, folder, created = _event_of(event, title, base)
    if created and not title:
        title = rawtext.normalise_text(art.title or "")
        if not title:
            raise ArticleError(f"event {event_id!r} does not exist yet: give its TITLE to create it")
        title = user_text("TITLE", title.strip(), MAX_TITLE)
        from_page.append("TITLE")
    headline = art.title or ""
    article_id = f"{slug(outlet, 4)}-{date}"
    name = f"{article_id}-{slug(headline) or 'article'}.html"
    notes = _check_new(folder, outlet, article_id, name, art.text)
    where = [copy_source or f"added from {source}"]
    if url and url not in where[0]:
        where.append(f"URL {url}")
    used = charset or http_charset
    if used:
        where.append(f"charset {used} ({'given' if charset else 'HTTP header'})")
    row = {
        "article_id": article_id,
        "file": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "outlet": outlet,
        "headline": headline,
        "authors": "; ".join(art.authors),
        "published": date,
        "copy_source": "; ".join(where),
        "date_inferred_from": "stated by the page (htmldate)"
        if "PUBLISHED" in from_page
        else "given when the article was added (make add-article PUBLISHED=...)",
        "seed_file": "",
    }
    _write(folder, data, name, row, _event_toml(title or event_id, outlet) if created else None)
    return Added(event_id, folder, created, row, art.roles, tuple(from_page), tuple(notes))


def _write(folder: Path, data: bytes, name: str, row: dict[str, str], toml: str | None) -> None:
    """Copy the file, write event.toml (new event) and the manifest row; undo everything on failure."""
    manifest = folder / "manifest.csv"
    made_folder = not folder.exists()
    before = manifest.read_bytes() if manifest.is_file() else None
    toml_path = folder / "event.toml"
    write_toml = toml is not None and not toml_path.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        (folder / name).write_bytes(data)  # the raw bytes, unchanged
        if write_toml:
            toml_path.write_text(toml, encoding="utf-8")
        _append_row(manifest, row)
        articles.load_folder(folder)  # the event still loads: hash, encoding and body checked again
    except BaseException:
        (folder / name).unlink(missing_ok=True)
        if before is None:
            manifest.unlink(missing_ok=True)
        else:
            manifest.write_bytes(before)
        if write_toml:
            toml_path.unlink(missing_ok=True)
        if made_folder and not any(folder.iterdir()):
            folder.rmdir()
        raise


def add_url(
    url: str,
    outlet: str = "",
    published: str = "",
    event: str | None = None,
    title: str | None = None,
    root: Path | str | None = None,
    charset: str | None = None,
    fetch: dict | None = None,
) -> Added:
    """Fetch ``url`` (``webpage.fetch_page`` with the ``fetch`` options) and add the page as ``add_page``."""
    got = web.fetch_page(url, **(fetch or {}))
    today = dt.datetime.now(dt.UTC).date().isoformat()
    asked = f" (asked for {url})" if got.final_url != url else ""
    return add_page(
        got.data, url, url=got.final_url, outlet=outlet, published=published, event=event, title=title,
        root=root, charset=charset, http_charset=got.charset,
        copy_source=f"fetched from {got.final_url} on {today}{asked}",
    )  # fmt: skip


@dataclass(frozen=True)
class ListResult:
    """What ``add_urls`` did: the articles added, the URLs skipped (already in their event) and the errors."""

    added: list[Added]
    skipped: list[tuple[int, str, str]]  # (row, URL, why)
    errors: list[tuple[int, str, str]]  # (row, URL, message)


LIST_COLUMNS = ("url", "outlet", "event", "published")


def read_url_list(path: Path | str) -> list[dict[str, str]]:
    """Rows of a URL list (CSV with a ``url`` column; optional outlet, event, published), with row numbers."""
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"LIST = {path}: no such file")
    text = articles.decode_utf8(path.read_bytes(), str(path)).removeprefix("\ufeff")
    reader = csv.DictReader(text.splitlines())
    cols = list(reader.fieldnames or [])
    if "url" not in cols:
        raise ArticleError(
            f"{path}: needs a 'url' column (and optionally outlet, event, published); found {cols}"
        )
    unknown = [c for c in cols if c not in LIST_COLUMNS]
    if unknown:
        raise ArticleError(f"{path}: unknown column(s) {unknown}; the columns are {list(LIST_COLUMNS)}")
    rows = []
    for n, rec in enumerate(reader, start=2):
        if None in rec or None in rec.values():
            raise ArticleError(f"{path}, row {n}: has a different number of cells than the header")
        if any((v or "").strip() for v in rec.values()):
            rows.append({"row": str(n), **{c: (rec.get(c) or "").strip() for c in LIST_COLUMNS}})
    if not rows:
        raise ArticleError(f"{path}: the list has no URLs")
    return rows


def _already_in(folder: Path, url: str) -> bool:
    """True when the event's manifest records ``url`` as where an article came from."""
    if not (folder / "manifest.csv").is_file():
        return False
    sources = " ".join(articles.read_manifest(folder)["copy_source"])
    return bool(re.search(rf"(?:fetched from|asked for|URL) {re.escape(url)}(?=[;)\s]|$)", sources))


def add_urls(
    path: Path | str,
    event: str | None = None,
    title: str | None = None,
    root: Path | str | None = None,
    fetch: dict | None = None,
    progress: bool = True,
) -> ListResult:
    """Add every URL of a list (``read_url_list``); a failing URL adds nothing and is reported, a URL
    already in its event is skipped, the others go on. ``event``/``title``: for rows without an event."""
    from tqdm.auto import tqdm

    rows = read_url_list(path)
    base = Path(root) if root is not None else ARTICLES
    added, skipped, errors = [], [], []
    for rec in tqdm(rows, desc="add-articles", unit="URL", disable=not progress):
        n, url = int(rec["row"]), rec["url"]
        try:
            ev = rec["event"] or event
            event_id, folder, _ = _event_of(ev, title if not rec["event"] else None, base)
            if _already_in(folder, url):
                skipped.append((n, url, f"already in event {event_id}"))
                continue
            added.append(
                add_url(
                    url, rec["outlet"], rec["published"], event=event_id, title=title, root=base, fetch=fetch
                )
            )
        except ArticleError as exc:
            errors.append((n, url, str(exc)))
    return ListResult(added, skipped, errors)
