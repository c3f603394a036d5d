"""Build the report of one event: every notebook executed headless into output/<event>/<name>.html,
then output/<event>/index.html and output/index.html (every event built).

    python scripts/build_report.py [--event <event-id>] [--only 01-framing-sentiment ...]
                                   [--param n_boot=500 --param corpus_path=articles/demo_corpus.jsonl]

Each build starts from an empty output/<event>/. The notebook's cell tagged ``parameters`` gets
``EVENT = "<event-id>"`` injected after it (papermill-style, tag ``injected-parameters``), with
every ``--param NAME=VALUE`` whose NAME that cell assigns (VALUE read as a Python literal, else as
text; a NAME no notebook's parameters cell assigns is an error); cells
tagged ``study`` (the study's hand-written reading and its checks) are dropped for other events.
A page must show at least as many images as the notebook saved charts, or the build fails.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's library, also in a temporary copy of the project

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402
from report_index import write_event_index, write_top_index  # noqa: E402

from outlet_comparison.core import OUTPUT  # noqa: E402
from outlet_comparison.sources.events import Event, read_event  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
IMAGE = re.compile(r'<img[^>]+src="data:image/(?:png|svg\+xml)')


def parameter_names(nb: nbformat.NotebookNode) -> set[str]:
    """The names the notebook's ``parameters`` cell assigns."""
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    tree = ast.parse("\n".join(c.source for c in cells))
    return {
        t.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }


def parse_params(pairs: list[str], known: set[str]) -> dict[str, object]:
    """``NAME=VALUE`` pairs as a dict (VALUE a Python literal, else text); an unknown NAME is an error."""
    out: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.isidentifier():
            raise SystemExit(f"--param {pair!r}: expected NAME=VALUE")
        if name not in known:
            raise SystemExit(f"--param {name}: no notebook's parameters cell has it (known: {sorted(known)})")
        try:
            out[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            out[name] = value
    return out


def prepare(nb: nbformat.NotebookNode, event: Event, params: dict | None = None) -> nbformat.NotebookNode:
    """Inject the event (and the given parameters this notebook has) after the ``parameters`` cell; drop
    ``study`` cells for other events."""
    mine = {k: v for k, v in (params or {}).items() if k in parameter_names(nb)}
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "study" in tags and not event.study:
            continue
        cells.append(cell)
        if "parameters" in tags:
            lines = [f"EVENT = {event.id!r}", *(f"{k} = {v!r}" for k, v in mine.items())]
            injected = nbformat.v4.new_code_cell("\n".join(lines))
            injected.metadata["tags"] = ["injected-parameters"]
            injected.id = "injected-parameters"
            cells.append(injected)
    nb.cells = cells
    return nb


def reader_view(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep what a reader should see: no stderr (warnings, progress bars, kernel messages)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.get("outputs", []) if not (o.output_type == "stream" and o.name == "stderr")
            ]
            cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    return nb


def execute(
    path: Path, event: Event, timeout: int = 900, params: dict | None = None
) -> nbformat.NotebookNode:
    """Run a notebook top to bottom with notebooks/ as the working directory and this checkout importable."""
    nb = prepare(nbformat.read(path, as_version=4), event, params)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return nb


def export(nb: nbformat.NotebookNode, out: Path) -> Path:
    """Write the reader's HTML page (code folded, see scripts/templates/reader)."""
    exporter = HTMLExporter(template_name="reader", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(reader_view(nb))
    out.write_text(body, encoding="utf-8")
    return out


def check_images(page: Path, figures: Path, prefix: str) -> str | None:
    """A problem when the page shows fewer images than the notebook saved charts."""
    saved = len(list(figures.glob(f"{prefix}-*.png")))
    shown = len(IMAGE.findall(page.read_text(encoding="utf-8")))
    return (
        None if shown >= saved else f"{page.name} shows {shown} images but the notebook saved {saved} charts"
    )


def build_one(path: Path, event: Event, params: dict | None = None) -> tuple[str, str | None]:
    """Execute and export one notebook: (name, problem or None)."""
    t0 = time.perf_counter()
    try:
        nb = execute(path, event, params=params)
    except CellExecutionError as exc:
        return path.stem, f"a cell failed:\n{str(exc)[-3000:]}"
    page = export(nb, event.output / f"{path.stem}.html")
    problem = check_images(page, event.figures, path.stem[:2])
    print(f"{page.relative_to(ROOT)}  ({time.perf_counter() - t0:.1f} s)", flush=True)
    return path.stem, problem


def clean(event: Event, notebooks: list[Path] | None) -> None:
    """Remove what this build regenerates: the whole event folder, or only the given notebooks' files."""
    if notebooks is None:
        shutil.rmtree(event.output, ignore_errors=True)
    else:
        for nb in notebooks:
            (event.output / f"{nb.stem}.html").unlink(missing_ok=True)
            (event.output / "findings" / f"{nb.stem[:2]}.json").unlink(missing_ok=True)
            for f in event.figures.glob(f"{nb.stem[:2]}-*"):
                f.unlink()
    event.figures.mkdir(parents=True, exist_ok=True)


def build(
    event_id: str | None = None, only: list[str] | None = None, workers: int = 2, params: dict | None = None
) -> list[str]:
    """Build the event's pages and indexes; returns the problems (empty when all went well).

    ``params``: values for the notebooks' ``parameters`` cells (``{"n_boot": 500}``), each given to the
    notebooks whose cell has that name."""
    event = read_event(event_id)
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)  # the kernels import this checkout's library
    notebooks = [p for p in sorted(NOTEBOOKS.glob("*.ipynb")) if not only or p.stem in only]
    clean(event, notebooks if only else None)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: build_one(p, event, params), notebooks))
    problems = [f"{name}: {problem}" for name, problem in results if problem]
    index = write_event_index(event, NOTEBOOKS, failed=[n for n, p in results if p])
    print(index.relative_to(ROOT))
    print(write_top_index(OUTPUT).relative_to(ROOT))
    return problems


def main() -> None:
    """Command line: build one event (the default event unless --event is given)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--event", default=None, help="event id under articles/ (default: the default event)")
    ap.add_argument("--only", nargs="*", default=None, help="notebook names to build (default: all)")
    ap.add_argument("--workers", type=int, default=2, help="notebooks executed at the same time")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="a value for the notebooks' parameters cells: n_boot=500 (repeatable)")  # fmt: skip
    args = ap.parse_args()
    known = set().union(*(parameter_names(nbformat.read(p, as_version=4)) for p in NOTEBOOKS.glob("*.ipynb")))
    problems = build(args.event, args.only, args.workers, parse_params(args.param, known))
    if problems:
        print("\n".join(["", "REPORT BUILD FAILED:", *problems]), file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
