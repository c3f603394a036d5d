"""Notebooks are committed without outputs and each one executes headless with nbconvert."""

import json
import subprocess
import sys

import pytest

import helpers

NOTEBOOKS = sorted((helpers.ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert "00-articles.ipynb" in [nb.name for nb in NOTEBOOKS]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(nb):
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    dirty = [
        i for i, c in enumerate(cells) if c["cell_type"] == "code" and (c["outputs"] or c["execution_count"])
    ]
    assert not dirty, f"{nb.name}: cells {dirty} have outputs; run jupyter nbconvert --clear-output --inplace"


@pytest.mark.slow
@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_executes_headless(nb, tmp_path):
    cmd = [
        sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute",
        "--ExecutePreprocessor.timeout=900", "--output-dir", str(tmp_path), str(nb),
    ]  # fmt: skip
    res = subprocess.run(cmd, cwd=nb.parent, capture_output=True, text=True, timeout=1800)
    assert res.returncode == 0, res.stderr[-4000:]
    html = (tmp_path / f"{nb.stem}.html").read_text(encoding="utf-8")
    assert "Traceback" not in html
