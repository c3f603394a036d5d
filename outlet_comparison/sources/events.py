"""Events: a folder ``articles/<event-id>/`` holds the raw files, ``manifest.csv`` and ``event.toml``.

``event.toml`` says what the event is (title, description, source line) and which word lists its
notebooks use (frame lexicon, alias and affiliation lists, a timeline). A path in it without a
folder part names a file in the event folder; a path with one is read from the project root.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ARTICLES, OUTPUT, ArticleError, project_path, row_error
from outlet_comparison.sources import articles
from outlet_comparison.text.units import fold_latin, sentences
from outlet_comparison.wordlists import compile_row, data_rows, read_lexicon

GENERIC_FRAMES = "lexicons/frames_generic.csv"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_KEYS = {
    "title", "short_title", "description", "source_note", "card_title", "default", "frames", "contrast",
    "timeline", "aliases", "affiliations", "study",
}  # fmt: skip


@dataclass(frozen=True)
class Event:
    """One event: its folder, what it is called, and the word lists its notebooks read."""

    id: str
    folder: Path
    title: str
    short_title: str
    description: str
    source_note: str
    card_title: str
    frames: Path
    contrast: tuple[str, str] | None = None
    timeline: Path | None = None
    aliases: Path | None = None
    affiliations: Path | None = None
    default: bool = False
    study: dict = field(default_factory=dict)  # the study's own articles and files; empty for other events
    output_root: Path | None = None  # where reports are written (output/, or a build's staging folder)

    @property
    def output(self) -> Path:
        """Where the report of this event is written: ``output/<event-id>/``."""
        return (self.output_root or OUTPUT) / self.id

    @property
    def figures(self) -> Path:
        """Where its charts and their CSVs are written."""
        return self.output / "figures"

    def study_file(self, key: str) -> Path:
        """A file named in the ``[study]`` table (e.g. the timing codes)."""
        if key not in self.study:
            raise ArticleError(f"{self.folder / 'event.toml'}: [study] has no '{key}'")
        return self.path(self.study[key])

    def path(self, value: str) -> Path:
        """A path from event.toml: a bare file name is in the event folder, anything else from the root."""
        return (
            self.folder / value
            if "/" not in value and "\\" not in value
            else project_path(value, self.folder)
        )


def list_events(root: Path | str | None = None) -> list[str]:
    """Ids of the event folders (those with a manifest.csv) under ``articles/``, sorted."""
    base = Path(root) if root is not None else ARTICLES
    return sorted(p.parent.name for p in base.glob("*/manifest.csv"))


def default_event_id(base: Path = ARTICLES) -> str:
    """The event whose event.toml says ``default = true`` (or the only event)."""
    ids = list_events(base)
    marked = [i for i in ids if _toml(base / i / "event.toml").get("default") is True]
    if len(marked) == 1:
        return marked[0]
    if not marked and len(ids) == 1:
        return ids[0]
    why = f"{len(marked)} say 'default = true'" if marked else "none says 'default = true'"
    raise ArticleError(f"{base}: cannot choose a default event among {ids}: {why}; pass the event id")


def event_folder(event: str | Path | Event | None = None) -> Path:
    """The folder of an event given by id (``articles/<id>``), folder path, Event, or None (the default)."""
    if isinstance(event, Event):
        return event.folder
    if event is None:
        return ARTICLES / default_event_id(ARTICLES)
    p = Path(event)
    if len(p.parts) == 1 and not p.is_absolute():
        if not _ID.fullmatch(str(event)) or len(str(event)) > 80:
            raise ArticleError(
                f"event id {str(event)[:80]!r}: use lower-case letters, digits and hyphens (at most 80); "
                f"events under {ARTICLES}: {', '.join(list_events()) or 'none'}"
            )
        p = ARTICLES / str(event)
    if not (p / "manifest.csv").is_file():
        known = ", ".join(list_events()) or "none"
        raise ArticleError(f"{p}: no event here (no manifest.csv); events under {ARTICLES}: {known}")
    return p


def _toml(path: Path) -> dict:
    """An event.toml as a dict ({} when the file is absent); parse errors name the file."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: cannot parse TOML: {exc}") from exc


_ANALYSIS = "; analysis: outlet-comparison toolkit"


def _cited(man: pd.DataFrame) -> list[str]:
    """'<outlet> (<day> <Mon> <year>)' for each article of a manifest."""
    return [f"{r.outlet} ({r.published.day} {r.published:%b %Y})" for r in man.itertuples()]


def _source_note(folder: Path, written: str = "") -> str:
    """The chart source line: ``written`` (event.toml) with every outlet it does not name added, or
    'Source: <outlet> (<date>), ...; analysis: ...' from the manifest when nothing is written."""
    man = articles.read_manifest(folder)
    return _complete(written, man) if written else f"Source: {', '.join(_cited(man))}{_ANALYSIS}"


def _complete(written: str, man: pd.DataFrame) -> str:
    """A hand-written source line with the outlets it misses (articles added since) inserted.

    >>> import pandas as pd
    >>> man = pd.DataFrame({"outlet": ["A", "B"], "published": pd.to_datetime(["2024-03-10", "2024-03-11"])})
    >>> _complete("Source: A (via X); analysis: ours", man)
    'Source: A (via X); also B (11 Mar 2024); analysis: ours'
    """
    missing = [c for c, o in zip(_cited(man), man["outlet"], strict=True) if o not in written]
    if not missing:
        return written
    head, sep, tail = written.partition("; analysis")
    return f"{head.rstrip('. ')}; also {', '.join(missing)}{sep}{tail}"


_TYPES = {"default": (bool, "true or false"), "contrast": (list, "a list of two frame names"),
          "study": (dict, "a table ([study])")}  # fmt: skip


def _check_types(path: Path, meta: dict) -> None:
    """Each event.toml field of the type it must have (text unless listed in _TYPES); errors name it."""
    for key, value in meta.items():
        kind, expected = _TYPES.get(key, (str, 'text in quotes, e.g. "..."'))
        if not isinstance(value, kind):
            raise ArticleError(
                f"{path}: field '{key}' = {value!r} is {type(value).__name__}; expected {expected}"
            )


def _check_contrast(path: Path, contrast: tuple[str, str] | None, frames: Path) -> None:
    """Both contrast frames are frames of the event's frame lexicon (else the net measure would vanish)."""
    if contrast is None:
        return
    known = sorted({str(f).strip() for f in read_lexicon(frames, ("frame", "term", "pattern"))["frame"]})
    missing = [c for c in contrast if c not in known]
    if missing:
        raise ArticleError(
            f"{path}: field 'contrast' names {missing}, not a frame of {frames.name} (its frames: {known})"
        )


def read_event(event: str | Path | Event | None = None) -> Event:
    """The event's metadata from its ``event.toml`` (the default event when None)."""
    if isinstance(event, Event):
        return event
    folder = event_folder(event)
    path = folder / "event.toml"
    meta = _toml(path)
    unknown = sorted(set(meta) - _KEYS)
    if unknown:
        raise ArticleError(f"{path}: unknown field(s) {unknown}; known: {sorted(_KEYS)}")
    _check_types(path, meta)
    if "title" in meta and not str(meta["title"]).strip():
        raise ArticleError(f"{path}: field 'title' is empty (write the title, or leave the field out)")
    title = str(meta.get("title") or folder.name.replace("-", " ").capitalize())
    contrast = meta.get("contrast")
    if contrast is not None and (len(contrast) != 2 or not all(isinstance(c, str) for c in contrast)):
        raise ArticleError(f"{path}: field 'contrast' = {contrast!r} (expected two frame names)")
    ev = Event(
        id=folder.name, folder=folder, title=title, short_title=str(meta.get("short_title") or title),
        description=str(meta.get("description", "")), source_note=str(meta.get("source_note") or ""),
        card_title=str(meta.get("card_title") or f"Coverage card: {title}"),
        frames=Path(), contrast=tuple(contrast) if contrast else None, default=meta.get("default") is True,
        study=dict(meta.get("study") or {}),
    )  # fmt: skip
    files = {k: ev.path(str(meta[k])) for k in ("timeline", "aliases", "affiliations") if meta.get(k)}
    for key, p in files.items():
        if not p.is_file():
            raise ArticleError(f"{path}: field '{key}' names {p}, which does not exist")
    frames = ev.path(str(meta.get("frames") or GENERIC_FRAMES))
    _check_contrast(path, ev.contrast, frames)
    note = _source_note(folder, ev.source_note)
    return Event(**{**ev.__dict__, **files, "frames": frames, "source_note": note})


def read_manifest(event: str | Path | Event | None = None) -> pd.DataFrame:
    """An event's manifest (the default event when None), validated; errors name the row and field."""
    return articles.read_manifest(event_folder(event))


def study_outlets(event: Event, arts: pd.DataFrame) -> tuple[str, ...]:
    """The outlets of the study's seed articles, in the order event.toml lists them; () for other events
    (or when a seed is missing), so the study's hand-written checks run only where they apply."""
    seeds = list(event.study.get("articles", []))
    by_id = dict(zip(arts["article_id"], arts["outlet"], strict=True))
    return tuple(by_id[s] for s in seeds) if seeds and all(s in by_id for s in seeds) else ()


def load_articles(event: str | Path | Event | None = None) -> pd.DataFrame:
    """One row per article of an event (the default event when None): metadata, raw text, clean body."""
    folder = event_folder(event)
    out = articles.load_folder(folder)
    out.attrs["event"] = folder.name
    return out


def read_timeline(event: str | Path | Event | None = None) -> pd.DataFrame:
    """An event's timeline (``timeline`` in event.toml, or a CSV path): one row per happening, dated."""
    if (
        isinstance(event, Path)
        and event.suffix == ".csv"
        or isinstance(event, str)
        and event.endswith(".csv")
    ):
        path = Path(event)
    else:
        ev = read_event(event)
        if ev.timeline is None:
            raise ArticleError(f"{ev.folder / 'event.toml'}: this event has no 'timeline'")
        path = ev.timeline
    df = read_lexicon(path, ("event", "label", "date", "order", "pattern", "rationale"))
    for n, row in data_rows(df):
        try:
            dt.date.fromisoformat(row["date"])
        except ValueError as exc:
            msg = f"field 'date' = {row['date']!r} is not an ISO date (YYYY-MM-DD)"
            raise row_error(path, n, msg) from exc
        compile_row(path, n, row["pattern"])  # a broken or catastrophic regex names its row
    return df.assign(date=pd.to_datetime(df["date"]), order=df["order"].astype(int))


def event_mentions(text: str, events: pd.DataFrame) -> pd.DataFrame:
    """Sentences of ``text`` that mention each happening (regex ``pattern``): event, sentence, text."""
    sents = sentences(text)
    folded = [fold_latin(s)[0] for s in sents]  # 'Erdogan' in a pattern finds 'Erdoğan' in the text
    rows = [
        {"event": ev.event, "sentence": i, "text": s}
        for ev in events.itertuples()
        for i, (s, f) in enumerate(zip(sents, folded, strict=True))
        if re.search(ev.pattern, s) or re.search(ev.pattern, f)
    ]
    return pd.DataFrame(rows, columns=["event", "sentence", "text"])
