"""An event: its metadata (title, source line) and its timeline of happenings."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pandas as pd

from .core import ARTICLES, ROOT, ArticleError, row_error
from .lexicons import data_rows, read_lexicon
from .text import sentences

DEFAULT_SOURCE_NOTE = "Analysis: outlet-comparison toolkit"


def read_event(root: Path | str | None = None) -> dict[str, str]:
    """The event's metadata (``articles/event.toml``): id, title, description, source_note, card_title."""
    path = (Path(root) if root is not None else ROOT) / "articles" / "event.toml"
    if not path.is_file():
        raise ArticleError(f"{path}: event metadata not found")
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: cannot parse TOML: {exc}") from exc
    for key in ("id", "title"):
        if not str(meta.get(key, "")).strip():
            raise ArticleError(f"{path}: field '{key}' is missing or empty")
    meta.setdefault("source_note", DEFAULT_SOURCE_NOTE)
    meta.setdefault("card_title", f"Coverage card: {meta['title']}")
    return meta


def read_timeline(path: Path | str | None = None) -> pd.DataFrame:
    """The event timeline (``articles/g20_timeline.csv``): one row per event, dates parsed."""
    path = Path(path) if path is not None else ARTICLES / "g20_timeline.csv"
    df = read_lexicon(path, ("event", "label", "date", "order", "pattern", "rationale"))
    for n, row in data_rows(df):
        try:
            dt.date.fromisoformat(row["date"])
            re.compile(row["pattern"])
        except (ValueError, re.error) as exc:
            raise row_error(path, n, str(exc)) from exc
    return df.assign(date=pd.to_datetime(df["date"]), order=df["order"].astype(int))


def event_mentions(text: str, events: pd.DataFrame) -> pd.DataFrame:
    """Sentences of ``text`` that mention each event (regex ``pattern``): event, sentence, text."""
    sents = sentences(text)
    rows = [
        {"event": ev.event, "sentence": i, "text": s}
        for ev in events.itertuples()
        for i, s in enumerate(sents)
        if re.search(ev.pattern, s)
    ]
    return pd.DataFrame(rows, columns=["event", "sentence", "text"])
