"""An event folder's articles and manifest: sha256-pinned raw files, strict UTF-8, one clean body each.

This module reads one folder; ``events`` finds the folder of an event and its metadata.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd

from .core import ArticleError, row_error
from .segment import clean_body

MANIFEST_COLUMNS = (
    "article_id",
    "file",
    "sha256",
    "outlet",
    "headline",
    "authors",
    "published",
    "copy_source",
    "date_inferred_from",
    "seed_file",
)
REQUIRED_FIELDS = ("article_id", "file", "sha256", "outlet", "published")


def sha256_file(path: Path | str) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 strictly; on failure name the file, line and byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            f"{name}: not valid UTF-8 at line {line} (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from exc


def _check_manifest_rows(path: Path, rows: list[dict]) -> None:
    """Required fields filled, unique article ids and outlets, ISO dates; errors name the row and field."""
    seen: dict[tuple[str, str], int] = {}
    for n, row in enumerate(rows, start=2):
        for col in REQUIRED_FIELDS:
            if not (row.get(col) or "").strip():
                raise row_error(path, n, f"field '{col}' is empty")
        for col in ("article_id", "outlet"):
            key = (col, row[col])
            if key in seen:
                raise row_error(path, n, f"duplicate {col} '{row[col]}' (first at row {seen[key]})")
            seen[key] = n
        try:
            dt.date.fromisoformat(row["published"])
        except ValueError as exc:
            raise row_error(
                path, n, f"field 'published' = {row['published']!r} is not an ISO date (YYYY-MM-DD)"
            ) from exc


def read_manifest(folder: Path | str) -> pd.DataFrame:
    """Read an event folder's ``manifest.csv`` and validate its fields (errors name the row and field)."""
    path = Path(folder) / "manifest.csv"
    if not path.is_file():
        raise ArticleError(f"{path}: manifest not found")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cols = list(rows[0].keys()) if rows else []
    missing = [c for c in MANIFEST_COLUMNS if c not in cols]
    if missing:
        raise ArticleError(f"{path}: missing column(s) {missing}")
    _check_manifest_rows(path, rows)
    df = pd.DataFrame(rows, columns=cols)
    df["published"] = pd.to_datetime(df["published"], format="%Y-%m-%d")
    return df


def _read_raw(art_dir: Path, n: int, file: str, sha256: str) -> str:
    """The raw text of one manifest row, after checking it exists, its sha256 and its encoding."""
    path = art_dir / file
    if not path.is_file():
        raise row_error(art_dir / "manifest.csv", n, f"field 'file' names {path}, which does not exist")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise ArticleError(
            f"{path}: sha256 is {digest}, manifest field 'sha256' says {sha256} "
            "(raw articles are immutable; if the change is intended, update the manifest)"
        )
    return decode_utf8(data, str(path))


def load_folder(folder: Path | str) -> pd.DataFrame:
    """One row per manifest entry of an event folder: the raw text, the clean body and the metadata.

    Columns: article_id, outlet, headline, authors, published, text (clean body), raw,
    file, sha256, copy_source, date_inferred_from, seed_file.
    """
    art_dir = Path(folder)
    man = read_manifest(art_dir)
    listed = set(man["file"])
    for p in sorted(art_dir.glob("*.txt")):
        if p.name not in listed:
            raise ArticleError(f"{p}: article file is not listed in {art_dir / 'manifest.csv'}")
    raws, texts = [], []
    for n, row in enumerate(man.itertuples(index=False), start=2):
        raw = _read_raw(art_dir, n, row.file, row.sha256)
        text = clean_body(raw)
        if not text:
            raise ArticleError(
                f"{art_dir / row.file}: no body text found (every line was classed as non-body)"
            )
        raws.append(raw)
        texts.append(text)
    out = man.assign(raw=raws, text=texts)
    first = ["article_id", "outlet", "headline", "authors", "published", "text", "raw"]
    return out[first + [c for c in out.columns if c not in first]]
