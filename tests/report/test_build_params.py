"""scripts/build_report.py --param: values reach only the notebooks whose parameters cell has them."""

from __future__ import annotations

import nbformat
import pytest
from conftest import load_script

import helpers

build_report = load_script("build_report")


def _notebook(params_source: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(params_source)
    cell.metadata["tags"] = ["parameters"]
    return nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_code_cell("print(EVENT)")])


def test_parameter_names_of_the_shipped_notebooks():
    names = {
        p.stem[:2]: build_report.parameter_names(nbformat.read(p, as_version=4))
        for p in sorted((helpers.ROOT / "notebooks").glob("*.ipynb"))
    }
    assert names["03"] == {"EVENT", "n_boot"}
    assert names["05"] == {"EVENT", "corpus_path", "engine", "workers", "n_boot"}


def test_params_are_literals_or_text_and_unknown_names_fail():
    known = {"n_boot", "corpus_path"}
    assert build_report.parse_params(["n_boot=500", "corpus_path=/x/c.jsonl"], known) == {
        "n_boot": 500,
        "corpus_path": "/x/c.jsonl",
    }
    with pytest.raises(SystemExit, match="no notebook's parameters cell has it"):
        build_report.parse_params(["nboot=5"], known)
    with pytest.raises(SystemExit, match="expected NAME=VALUE"):
        build_report.parse_params(["n_boot"], known)


def test_only_the_notebooks_parameters_are_injected():
    event = helpers.read_event("demo-harbour-strike")
    nb = _notebook("EVENT = None\nn_boot = 10_000")
    nb = build_report.prepare(nb, event, {"n_boot": 500, "engine": "x"})
    injected = next(c for c in nb.cells if c.get("id") == "injected-parameters")
    assert injected.source == "EVENT = 'demo-harbour-strike'\nn_boot = 500"
