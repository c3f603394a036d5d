"""Shared fixtures: a built report of the demo event, a throw-away copy of the project, and the frame
model's dev features (computed once for its refit and benchmark checks)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from outlet_comparison.instruments.frames_model import frame_features

SCRIPTS = helpers.ROOT / "scripts"
DEMO_CORPUS = helpers.ARTICLES / "demo_corpus.jsonl"
# Report builds in tests: fewer bootstrap replicates and the 30-article demo corpus (not BASIL's 300).
QUICK = {"n_boot": 500, "corpus_path": str(DEMO_CORPUS)}
QUICK_ARGS = [arg for k, v in QUICK.items() for arg in ("--param", f"{k}={v}")]


def load_script(name: str, folder: Path = SCRIPTS):
    """Import <folder>/<name>.py: a script of scripts/ (which import each other) or a benchmark."""
    if folder == SCRIPTS and str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def frame_variant_decisions(name: str, values: list, labels: dict) -> dict:
    """A ``framing_nfc.py`` variant fitted on the first 45 toy articles, its decisions on the last 15."""
    from threadpoolctl import threadpool_limits

    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    with threadpool_limits(1):
        decide = bench.variants((0.1, 1.0))[name]()(values[:45], {f: y[:45] for f, y in labels.items()})
    return decide(values[45:])


def attribution_rows(text: str, **kw) -> list[tuple[str, str, str, str]]:
    """(source, source_type, speaker, cue) of every row ``helpers.attributions`` gives for ``text``."""
    df = helpers.attributions(text, **kw)
    return [(r.source, r.source_type, r.speaker, r.cue) for r in df.itertuples(index=False)]


def typed_as(text: str, source: str) -> str:
    """The type of the one row whose source starts with ``source``."""
    hit = [r for r in attribution_rows(text) if r[0].startswith(source)]
    assert len(hit) == 1, attribution_rows(text)
    return hit[0][1]


def copy_project(dest: Path, shared: bool = True) -> Path:
    """This checkout's files copied to ``dest/project``; ``dest/shared`` linked to ../shared when asked."""
    root = dest / "project"
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=helpers.ROOT,
                            capture_output=True, text=True)  # fmt: skip
    files = listed.stdout.splitlines() if listed.returncode == 0 else []
    if not files:  # not a git checkout: everything but the environment and generated files
        shutil.copytree(helpers.ROOT, root, ignore=shutil.ignore_patterns(".venv", "output", ".git", "*.pyc"))
    for f in files:
        src = helpers.ROOT / f
        if src.is_file():
            (root / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / f)
    if shared and helpers.SHARED.is_dir():
        (dest / "shared").symlink_to(helpers.SHARED)
    return root


def run(
    cmd: list[str], cwd: Path, env: dict | None = None, timeout: int = 1800
) -> subprocess.CompletedProcess:
    """Run a command of the project; on failure the assertion shows the end of its output."""
    import os

    res = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                         timeout=timeout)  # fmt: skip
    assert res.returncode == 0, f"{cmd} failed:\n{res.stdout[-3000:]}\n{res.stderr[-5000:]}"
    return res


def unused_outlet(folder: Path, name: str = "CNN") -> str:
    """``name``, or ``name (2)``, ... when the event already has that outlet (a user may have added it)."""
    taken = set(helpers.load_articles(folder)["outlet"]) if (folder / "manifest.csv").is_file() else set()
    return next(n for n in (name, *(f"{name} ({i})" for i in range(2, 99))) if n not in taken)


@pytest.fixture(scope="session")
def demo_report():
    """The demo event's report (every notebook), built once per test session in output/demo-harbour-strike."""
    problems = load_script("build_report").build("demo-harbour-strike", params=QUICK)
    assert not problems, problems
    return helpers.read_event("demo-harbour-strike")


@pytest.fixture(scope="session")
def nfc_dev() -> tuple[list[dict], list[dict]]:
    """The Narrative Frames Corpus dev articles and their frame-model features, computed once per session."""
    train = load_script("train_frames_model")
    if not train.DEV.is_file():
        pytest.skip(f"../shared not found: {train.DEV} (the frame model's refit and benchmark need it)")
    rows = train.read_dev()
    return rows, [frame_features(r["text"]) for r in rows]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the built demo report is slow, whatever it is marked (the build takes minutes)."""
    for item in items:
        if "demo_report" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
