"""Adding an article to an event: copy the raw file untouched, pin its sha256, append the manifest row.

Everything is checked before anything is written, so a bad input changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ARTICLES, ArticleError
from outlet_comparison.sources import articles, events
from outlet_comparison.sources.segment import segment
from outlet_comparison.text.units import fold_latin

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


def slug(text: str, words: int = 6) -> str:
    """Lower-case ASCII words joined by hyphens (at most ``words`` of them); diacritics are dropped.

    >>> slug("US and Russia close to Syria deal but 'grave differences' remain", 4)
    'us-and-russia-close'
    >>> slug("Erdoğan meets Gülen's lawyers")
    'erdogan-meets-gulen-s-lawyers'
    """
    parts = [p for p in _SLUG.split(fold_latin(text)[0].lower()) if p]
    return "-".join(parts[:words])


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


def _event_toml(title: str, outlet: str) -> str:
    """The event.toml of a new event: its title and the general frame lexicon."""
    safe = title.replace("\\", "\\\\").replace('"', '\\"')
    return (
        "# Event metadata read by helpers.read_event(); see articles/README.md for every field.\n"
        f'title = "{safe}"\n'
        f'description = "Articles on {safe}, first added from {outlet}."\n'
        f'frames = "{events.GENERIC_FRAMES}"\n'
    )


def _check_new(folder: Path, outlet: str, article_id: str, name: str) -> None:
    """Refuse a second article of the same outlet, a reused id or an existing file name."""
    if not (folder / "manifest.csv").is_file():
        return
    man = articles.read_manifest(folder)
    if outlet in set(man["outlet"]):
        raise ArticleError(
            f"{folder / 'manifest.csv'}: the event already has an article from {outlet!r}; "
            "one article per outlet and event (put a second one in another event)"
        )
    if article_id in set(man["article_id"]):
        raise ArticleError(f"{folder / 'manifest.csv'}: article_id {article_id!r} is already listed")
    if (folder / name).exists():
        raise ArticleError(f"{folder / name}: a file of that name already exists")


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
    outlet: str,
    published: str,
    event: str | None = None,
    title: str | None = None,
    root: Path | str | None = None,
) -> Added:
    """Copy ``file`` into the event folder (creating the event when new), pin it, append its manifest row.

    ``root`` is the folder of the events (``articles/`` unless given).
    """
    src = Path(file)
    if not src.is_file():
        raise ArticleError(f"FILE = {src}: no such file")
    outlet = (outlet or "").strip()
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
    _check_new(folder, outlet, article_id, name)
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
    _write(folder, src, name, row, _event_toml(title or event_id, outlet) if created else None)
    return Added(event_id, folder, created, row, roles)


def _write(folder: Path, src: Path, name: str, row: dict[str, str], toml: str | None) -> None:
    """Copy the file, write event.toml (new event) and the manifest row; undo everything on failure."""
    manifest = folder / "manifest.csv"
    made_folder = not folder.exists()
    before = manifest.read_bytes() if manifest.is_file() else None
    toml_path = folder / "event.toml"
    write_toml = toml is not None and not toml_path.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(src, folder / name)
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
