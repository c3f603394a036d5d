"""An event folder's articles and manifest: sha256-pinned raw files, strict UTF-8, one clean body each.

This module reads one folder; ``events`` finds the folder of an event and its metadata.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ArticleError, row_error
from outlet_comparison.sources.segment import clean_body

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


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_manifest_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    """Every cell present, required fields filled, unique ids, outlets and files, ISO dates; errors name
    the row and field."""
    seen: dict[tuple[str, str], int] = {}
    for n, row in enumerate(rows, start=2):
        if None in row or None in row.values():
            cells = len(header) + len(row.get(None) or ()) - sum(v is None for v in row.values())
            raise row_error(path, n, f"has {cells} cells, the header has {len(header)} ({', '.join(header)})")
        for col in REQUIRED_FIELDS:
            if not row[col].strip():
                raise row_error(path, n, f"field '{col}' is empty")
        for col in ("article_id", "outlet", "file"):
            key = (col, row[col])
            if key in seen:
                raise row_error(path, n, f"duplicate {col} '{row[col]}' (first at row {seen[key]})")
            seen[key] = n
        try:
            if not _ISO_DATE.fullmatch(row["published"]):
                raise ValueError("not written YYYY-MM-DD")
            dt.date.fromisoformat(row["published"])
        except ValueError as exc:
            raise row_error(
                path, n, f"field 'published' = {row['published']!r} is not an ISO date (YYYY-MM-DD): {exc}"
            ) from exc


def read_manifest(folder: Path | str) -> pd.DataFrame:
    """Read an event folder's ``manifest.csv`` and validate its fields (errors name the row and field).

    A byte-order mark (a manifest saved by Excel) is accepted.
    """
    path = Path(folder) / "manifest.csv"
    if not path.is_file():
        raise ArticleError(f"{path}: manifest not found")
    text = decode_utf8(path.read_bytes(), str(path)).removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ArticleError(f"{path}, row {reader.line_num}: cannot parse CSV: {exc}") from exc
    cols = list(reader.fieldnames or [])
    if not cols:
        raise ArticleError(f"{path}: the file is empty; expected a header row with {list(MANIFEST_COLUMNS)}")
    missing = [c for c in MANIFEST_COLUMNS if c not in cols]
    if missing:
        raise ArticleError(f"{path}: missing column(s) {missing}; found {cols}")
    if not rows:
        raise ArticleError(f"{path}: the manifest lists no articles (a header without rows)")
    _check_manifest_rows(path, cols, rows)
    df = pd.DataFrame(rows, columns=cols)
    df["published"] = pd.to_datetime(df["published"], format="%Y-%m-%d")
    return df


def article_path(art_dir: Path, n: int, file: str) -> Path:
    """The raw file a manifest row names, refused unless it lies inside the event folder.

    Absolute paths, ``..`` and symbolic links that leave the folder are refused before anything
    is read, so a manifest cannot load (or print the hash of) a file elsewhere.
    """
    manifest = art_dir / "manifest.csv"
    rel = Path(file)
    inside = not rel.is_absolute() and ".." not in rel.parts and not rel.drive
    if inside:
        try:
            (art_dir / rel).resolve().relative_to(art_dir.resolve())
        except ValueError:
            inside = False  # a symbolic link pointing outside the folder
    if not inside:
        raise row_error(
            manifest,
            n,
            f"field 'file' = {file!r} is outside the event folder {art_dir}; name a file inside it "
            "(absolute paths, '..' and links that leave the folder are refused)",
        )
    return art_dir / rel


def _read_raw(art_dir: Path, n: int, file: str, sha256: str) -> str:
    """The raw text of one manifest row, after checking where it is, its sha256 and its encoding."""
    path = article_path(art_dir, n, file)
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
        text = clean_body(raw, source=str(art_dir / row.file))
        if not text:
            raise ArticleError(
                f"{art_dir / row.file}: no body text found (every line was classed as non-body)"
            )
        raws.append(raw)
        texts.append(text)
    out = man.assign(raw=raws, text=texts)
    first = ["article_id", "outlet", "headline", "authors", "published", "text", "raw"]
    return out[first + [c for c in out.columns if c not in first]]
