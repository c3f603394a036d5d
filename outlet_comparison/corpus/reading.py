"""Reading a corpus (JSONL or CSV, one article per record): every bad line is an error or a counted skip."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import warnings
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ArticleError
from outlet_comparison.corpus import pages

CORPUS_REQUIRED = ("text", "outlet")
CORPUS_OPTIONAL = ("article_id", "title", "date", "event_id")


_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_date(value: object) -> pd.Timestamp:
    """An ISO 8601 date or date-time, strictly: never guessed. Times with an offset (``Z``, ``+08:00``)
    are converted to UTC and returned without a zone; a time without an offset is refused.

    >>> parse_date("2016-09-05"), parse_date("2016-09-05T08:30:00+08:00")
    (Timestamp('2016-09-05 00:00:00'), Timestamp('2016-09-05 00:30:00'))
    >>> parse_date("now")
    Traceback (most recent call last):
    ValueError: 'now' is not an ISO 8601 date: write it as 2016-09-05 or 2016-09-05T14:30:00Z
    """
    if not isinstance(value, str):
        raise ValueError(
            f'{value!r} ({type(value).__name__}) is not a date: write it as ISO 8601 text, e.g. "2016-09-05"'
        )
    m = _ISO.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"{value!r} is not an ISO 8601 date: write it as 2016-09-05 or 2016-09-05T14:30:00Z")
    if m["time"] and not m["offset"]:
        raise ValueError(f"{value!r} has a time but no UTC offset: add Z or +HH:MM (times are kept in UTC)")
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date ({exc})") from exc
    try:
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
        out = pd.Timestamp(stamp)
        return out
    except (OverflowError, pd.errors.OutOfBoundsDatetime) as exc:
        raise ValueError(
            f"{value!r} is out of the range of dates that can be held in UTC ({type(exc).__name__}: {exc})"
        ) from exc


def _problem(problems: list[dict], on_error: str, path: Path, line: int, reason: str) -> None:
    """Raise ArticleError for a bad record, or record it as a skip (on_error='skip')."""
    if on_error == "raise":
        raise ArticleError(f"{path}, line {line}: {reason}")
    problems.append({"line": line, "reason": reason})


def _jsonl_records(path: Path, data: bytes, on_error: str, problems: list[dict]):
    """Yield (line number, dict) for each JSON object line; blank lines are not records."""
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            _problem(problems, on_error, path, n, f"not valid UTF-8 (byte {exc.start} of the line)")
            continue
        except json.JSONDecodeError as exc:
            _problem(problems, on_error, path, n, f"unparseable JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict):
            _problem(problems, on_error, path, n, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield n, rec


def _csv_records(path: Path, data: bytes, on_error: str, problems: list[dict]):
    """Yield (first line number, dict) for each CSV row after the header (line 1)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(f"{path}, line {line}: not valid UTF-8 (byte {exc.start})") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise ArticleError(f"{path}, line 1: unparseable CSV header: {exc}") from exc
    twice = sorted({c for c in header if header.count(c) > 1})
    if twice:  # a row would keep only the last of the namesakes, its other text lost
        raise ArticleError(
            f"{path}, line 1: column(s) {twice} appear more than once in the header {header}; "
            "give each column its own name"
        )
    missing = [c for c in CORPUS_REQUIRED if c not in header]
    if missing:
        raise ArticleError(f"{path}, line 1: missing column(s) {missing}; found {header}")
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            _problem(problems, on_error, path, start, f"unparseable CSV: {exc}")
            start = reader.line_num + 1
            continue
        if not row or not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            _problem(problems, on_error, path, start, f"has {len(row)} fields, the header has {len(header)}")
        else:
            yield start, dict(zip(header, row, strict=True))
        start = reader.line_num + 1


def _page_records(path: Path, on_error: str, problems: list[dict]):
    """Yield (position, record) for each page of a folder, saved page or WARC file (``corpus.pages``);
    a page that gives no article is an error or a counted skip like a bad line."""
    for n, rec in pages.page_records(path):
        if isinstance(rec, ArticleError):
            _problem(problems, on_error, path, n, str(rec))
        else:
            yield n, rec


def read_corpus(path: Path | str, on_error: str = "raise", id_field: str | None = None) -> pd.DataFrame:
    """Read a JSONL or CSV corpus (needs ``text`` and ``outlet``); bad records raise or are counted skips.

    ``path`` may also be a folder of saved web pages (``.html``, ``.htm``) and web archives
    (``.warc``, ``.warc.gz``), or one such file: each page's body, site, title and date come from
    ``extract_article`` (columns ``url``, ``authors`` and ``source`` added; ``line`` is the page's
    position), and a page without an article (no body, paywall stub, bad charset) is a bad record.

    Columns: ``article_id`` (from field ``id_field`` if given, else ``article_id``, else ``id``,
    else ``<file stem>:<line>``; must be unique),
    ``outlet``, ``title``, ``date`` (ISO 8601 read strictly by ``parse_date``: a date, or a time with
    an offset converted to UTC; NaT when absent), ``event_id``, ``text``, ``line``
    (1-based line in the file), then every other field of the file. With ``on_error="skip"``
    each bad record (unparseable line, missing/empty ``text`` or ``outlet``, bad date, duplicate
    id) is left out, listed in ``df.attrs["skipped"]`` as ``{"line", "reason"}`` and announced
    with a warning giving the count and line numbers. A file without a ``text``/``outlet``
    column (CSV header) always raises.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"{path}: corpus file not found")
    suffix = path.suffix.lower()
    if not pages.is_page_source(path) and suffix not in (".jsonl", ".ndjson", ".csv"):
        raise ArticleError(
            f"{path}: unknown corpus format {suffix!r} (use .jsonl, .csv, a folder of saved pages, "
            ".html or .warc/.warc.gz)"
        )
    problems: list[dict] = []
    if pages.is_page_source(path):
        records = _page_records(path, on_error, problems)
    else:
        reader = _csv_records if suffix == ".csv" else _jsonl_records
        records = reader(path, path.read_bytes(), on_error, problems)
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for n, rec in records:
        row = _check_record(path, n, rec, on_error, problems, seen, id_field)
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        raise ArticleError(f"{path}: corpus is empty (no records)")
    df = _corpus_frame(rows)
    df.attrs["source"] = str(path)
    df.attrs["skipped"] = problems
    if problems:
        lines = ", ".join(str(p["line"]) for p in problems[:20]) + (" ..." if len(problems) > 20 else "")
        warnings.warn(
            f"{path}: skipped {len(problems)} bad record(s) at line(s) {lines}; see df.attrs['skipped']",
            stacklevel=2,
        )
    return df


def _check_record(
    path: Path, n: int, rec: dict, on_error: str, problems: list[dict], seen: dict[str, int], id_field=None
) -> dict | None:
    """Validate one record; return the normalised row, or None when it was recorded as a skip."""
    for col in CORPUS_REQUIRED:
        if col not in rec or rec[col] is None:
            _problem(problems, on_error, path, n, f"missing field '{col}'")
            return None
        if not isinstance(rec[col], str):
            _problem(
                problems, on_error, path, n, f"field '{col}' must be a string, got {type(rec[col]).__name__}"
            )
            return None
        if not rec[col].strip():
            _problem(problems, on_error, path, n, f"field '{col}' is empty")
            return None
    if id_field is not None:
        aid = rec.get(id_field)
        if aid is None or aid == "":
            _problem(problems, on_error, path, n, f"missing id field '{id_field}'")
            return None
    else:
        aid = rec.get("article_id")
        if aid is None or aid == "":
            aid = rec.get("id")
    if aid is not None and not isinstance(aid, str) and (isinstance(aid, bool) or not isinstance(aid, int)):
        field = id_field or ("article_id" if rec.get("article_id") not in (None, "") else "id")
        _problem(
            problems,
            on_error,
            path,
            n,
            f"field '{field}' = {aid!r} is {type(aid).__name__}; expected text or a whole number",
        )
        return None
    title = rec.get("title")
    if title is not None and not isinstance(title, str):
        _problem(
            problems, on_error, path, n, f"field 'title' = {title!r} is {type(title).__name__}; expected text"
        )
        return None
    aid = f"{path.stem}:{n}" if aid is None or aid == "" else str(aid)
    if aid in seen:
        _problem(problems, on_error, path, n, f"duplicate article_id '{aid}' (first at line {seen[aid]})")
        return None
    date = rec.get("date")
    if date is None or date == "":
        date = pd.NaT
    else:
        try:
            date = parse_date(date)
        except ValueError as exc:
            _problem(problems, on_error, path, n, f"field 'date' = {exc}")
            return None
    seen[aid] = n
    extra = {k: v for k, v in rec.items() if k not in CORPUS_REQUIRED + CORPUS_OPTIONAL and k != "line"}
    return {
        "article_id": aid,
        "outlet": rec["outlet"].strip(),
        "title": rec.get("title") or "",
        "date": date,
        "event_id": rec.get("event_id"),
        "text": rec["text"],
        "line": n,
        **extra,
    }


def _corpus_frame(rows: list[dict]) -> pd.DataFrame:
    """The corpus DataFrame with the standard columns first (also for zero rows)."""
    first = ["article_id", "outlet", "title", "date", "event_id", "text", "line"]
    df = pd.DataFrame(rows)
    for col in first:
        if col not in df.columns:
            df[col] = pd.Series(dtype=object)
    df["date"] = pd.to_datetime(df["date"])
    df["line"] = df["line"].astype(int)
    return df[first + [c for c in df.columns if c not in first]]
