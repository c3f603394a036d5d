"""Build the report of one event: every notebook executed headless into output/<event>/<name>.html,
then output/<event>/index.html and output/index.html (every event built).

    python scripts/build_report.py [--event <event-id>] [--only 01-framing-sentiment ...]
                                   [--param n_boot=500 --param corpus_path=articles/demo_corpus.jsonl]

Each build starts from an empty output/<event>/. The notebook's cell tagged ``parameters`` gets
``EVENT = "<event-id>"`` injected after it (papermill-style, tag ``injected-parameters``), with
every ``--param NAME=VALUE`` whose NAME that cell assigns (VALUE read as a Python literal, else as
text; a NAME no notebook's parameters cell assigns is an error); cells
tagged ``study`` (the study's hand-written reading and its checks) are dropped for other events.
A page must show at least as many images as its page record lists charts, or the build fails.
Kernels talk to the build over local IPC sockets (no TCP). The table library (itables' DataTables bundle)
is written once per event, ``output/<event>/assets/itables.js``, and each page loads that file (offline);
so is JupyterLab's page style (``assets/lab.css``).
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's library, also in a temporary copy of the project

import nbformat  # noqa: E402
from itables import options as itables_options  # noqa: E402
from itables.javascript import generate_init_offline_itables_html  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402
from jupyter_core.paths import jupyter_path  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, DeadKernelError  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402
from report_index import write_event_index, write_top_index  # noqa: E402

from outlet_comparison.core import OUTPUT, ArticleError  # noqa: E402
from outlet_comparison.report.pages import page_path, read_page  # noqa: E402
from outlet_comparison.sources.events import Event, read_event  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
TABLE_SCRIPT = "assets/itables.js"
PAGE_STYLE = "assets/lab.css"


def table_library() -> tuple[str, str]:
    """itables' offline set-up output (what ``init_notebook_mode(connected=False)`` displays) and the
    script inside it, which the pages of a report share as one file instead of embedding it each."""
    embedded = generate_init_offline_itables_html(itables_options.dt_bundle)
    script = embedded.split("<script>", 1)[1].split("</script>", 1)[0]
    return embedded, script


def write_table_library(out: Path) -> Path:
    """Write the shared table script into the event's report (``assets/itables.js``)."""
    path = out / TABLE_SCRIPT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(table_library()[1], encoding="utf-8")
    return path


def write_page_style(out: Path) -> Path:
    """Write JupyterLab's page style (nbconvert's lab template, light theme) once: ``assets/lab.css``."""
    static = next(
        p for p in (Path(d) / "lab" / "static" for d in jupyter_path("nbconvert", "templates")) if p.is_dir()
    )
    path = out / PAGE_STYLE
    path.parent.mkdir(parents=True, exist_ok=True)
    css = [(static / name).read_text(encoding="utf-8") for name in ("index.css", "theme-light.css")]
    path.write_text("\n".join(css), encoding="utf-8")
    return path


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
    """Keep what a reader should see: no stderr (warnings, progress bars, kernel messages); the embedded
    table library replaced by a link to the report's shared copy."""
    embedded = table_library()[0]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.get("outputs", []) if not (o.output_type == "stream" and o.name == "stderr")
            ]
            for o in cell.outputs:
                if o.get("data", {}).get("text/html") == embedded:
                    o["data"] = {"text/html": f'<script src="{TABLE_SCRIPT}"></script>'}
            cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    return nb


def execute(
    path: Path, event: Event, timeout: int = 900, params: dict | None = None
) -> nbformat.NotebookNode:
    """Run a notebook top to bottom with notebooks/ as the working directory and this checkout importable."""
    nb = prepare(nbformat.read(path, as_version=4), event, params)
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:  # IPC: no "running over TCP" warning
        km = KernelManager(kernel_name="python3", transport="ipc", ip=f"{sockets}/ipc")
        client = NotebookClient(nb, km=km, timeout=timeout, resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute(cleanup_kc=True)  # shut the kernel down (the client does not own this manager)
    return nb


def export(nb: nbformat.NotebookNode, out: Path) -> Path:
    """Write the reader's HTML page (code folded, see scripts/templates/reader)."""
    exporter = HTMLExporter(template_name="reader", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(reader_view(nb))
    out.write_text(body, encoding="utf-8")
    return out


def check_images(nb: nbformat.NotebookNode, out: Path, notebook: str) -> str | None:
    """A problem when the executed notebook shows fewer images than its page record lists charts."""
    shown = sum(
        1
        for cell in nb.cells
        for o in cell.get("outputs", [])
        if {"image/png", "image/svg+xml"} & set(o.get("data", {}))
    )
    record = page_path(out, notebook)
    saved = len(read_page(record).figures) if record.is_file() else 0
    return None if shown >= saved else f"{notebook}: the page shows {shown} images but records {saved} charts"


def build_one(path: Path, event: Event, params: dict | None = None) -> tuple[str, str | None]:
    """Execute and export one notebook: (name, problem or None)."""
    t0 = time.perf_counter()
    try:
        nb = execute(path, event, params=params)
    except CellExecutionError as exc:
        return path.stem, f"a cell failed:\n{str(exc)[-3000:]}"
    except DeadKernelError as exc:
        return path.stem, f"the kernel died while running {path.name} (out of memory or killed?): {exc}"
    except Exception as exc:  # a timeout or a kernel that never started: named, the other pages go on
        return path.stem, f"{path.name} could not be run: {type(exc).__name__}: {exc}"
    page = export(nb, event.output / f"{path.stem}.html")
    problem = check_images(nb, event.output, path.stem[:2])
    print(f"{_shown(page)}  ({time.perf_counter() - t0:.1f} s)", flush=True)
    return path.stem, problem


def clean(event: Event, notebooks: list[Path] | None) -> None:
    """Remove what this build regenerates: the whole event folder, or only the given notebooks' files."""
    if notebooks is None:
        shutil.rmtree(event.output, ignore_errors=True)
    else:
        for nb in notebooks:
            (event.output / f"{nb.stem}.html").unlink(missing_ok=True)
            (event.output / "pages" / f"{nb.stem[:2]}.json").unlink(missing_ok=True)
            for f in event.figures.glob(f"{nb.stem[:2]}-*"):
                f.unlink()
    event.figures.mkdir(parents=True, exist_ok=True)
    write_table_library(event.output)
    write_page_style(event.output)


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
    final = event.output
    OUTPUT.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".building-{event.id}-", dir=OUTPUT))
    staged = dataclasses.replace(event, output_root=staging)
    if only and final.is_dir():  # a partial build starts from the current report
        shutil.copytree(final, staged.output)
    os.environ["OUTLET_COMPARISON_OUTPUT"] = str(staging)  # the kernels write figures and findings there
    try:
        clean(staged, notebooks if only else None)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(lambda p: build_one(p, staged, params), notebooks))
        problems = [f"{name}: {problem}" for name, problem in results if problem]
        write_event_index(staged, NOTEBOOKS, failed=[n for n, p in results if p])
        if problems:
            failed = OUTPUT / f".failed-{event.id}"
            shutil.rmtree(failed, ignore_errors=True)
            staged.output.rename(failed)
            kept = f"the previous report in {final} is unchanged; this build's pages are in {failed}"
            problems.append(kept)
        else:
            _replace(staged.output, final)
            print(_shown(final / "index.html"))
    finally:
        os.environ.pop("OUTLET_COMPARISON_OUTPUT", None)
        shutil.rmtree(staging, ignore_errors=True)
    print(_shown(write_top_index(OUTPUT)))
    return problems


def _shown(path: Path) -> Path:
    """A path as printed: relative to the project when inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def _replace(new: Path, final: Path) -> None:
    """Put the finished report in place of the old one with two renames (the old one is removed after)."""
    old = final.with_name(f".old-{final.name}")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def main() -> None:
    """Command line: build one event (the default event unless --event is given)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--event",
        default=os.environ.get("EVENT") or None,  # make report EVENT=... passes it as an environment variable
        help="event id under articles/ (default: $EVENT, else the default event)",
    )
    ap.add_argument("--only", nargs="*", default=None, help="notebook names to build (default: all)")
    ap.add_argument("--workers", type=int, default=2, help="notebooks executed at the same time")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="a value for the notebooks' parameters cells: n_boot=500 (repeatable)")  # fmt: skip
    args = ap.parse_args()
    try:
        read_event(args.event)  # a typo or a broken event.toml: one line naming it, no traceback
    except ArticleError as exc:
        print(f"make report: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    known = set().union(*(parameter_names(nbformat.read(p, as_version=4)) for p in NOTEBOOKS.glob("*.ipynb")))
    problems = build(args.event, args.only, args.workers, parse_params(args.param, known))
    if problems:
        print("\n".join(["", "REPORT BUILD FAILED:", *problems]), file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
