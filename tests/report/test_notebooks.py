"""The notebooks as committed: no outputs, an event parameter, no outlet named in code, study cells tagged.

Executing them is tested by building whole reports (tests/report/test_report.py, and `make report` in CI).
"""

import json
import re

import pytest

import helpers

NOTEBOOKS = sorted((helpers.ROOT / "notebooks").glob("*.ipynb"))


def _cells(nb):
    return json.loads(nb.read_text(encoding="utf-8"))["cells"]


def _outlets() -> set[str]:
    """Every outlet of every shipped event."""
    return {o for ev in helpers.list_events() for o in helpers.read_manifest(ev)["outlet"]}


def test_there_are_notebooks():
    assert [nb.name[:2] for nb in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05"]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(nb):
    dirty = [
        i
        for i, c in enumerate(_cells(nb))
        if c["cell_type"] == "code" and (c["outputs"] or c["execution_count"])
    ]
    assert not dirty, f"{nb.name}: cells {dirty} have outputs; run jupyter nbconvert --clear-output --inplace"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_the_event_is_a_parameter(nb):
    params = [c for c in _cells(nb) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1 and re.search(r"^EVENT = None", "".join(params[0]["source"]), re.M)


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_no_code_cell_names_an_outlet(nb):
    names = _outlets() | set(helpers.OUTLET_COLOURS)
    named = [
        (i, name)
        for i, c in enumerate(_cells(nb))
        if c["cell_type"] == "code"
        for name in names | {"AP"}
        if re.search(rf"""["']{re.escape(name)}["']""", "".join(c["source"]))
    ]
    assert not named, f"{nb.name}: code cells name outlets (they must come from the data): {named}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_study_cells_are_tagged(nb):
    """The study's prose and checks are tagged `study`, so other events' pages never show them."""
    study_words = ("Bloomberg", "Syria", "Kerry", "Lavrov")
    untagged = []
    for i, c in enumerate(_cells(nb)):
        tagged = "study" in c.get("metadata", {}).get("tags", [])
        text = "".join(c["source"])
        about_study = any(w in text for w in study_words) or "B, A = STUDY" in text
        if (
            about_study
            and not tagged
            and not (c["cell_type"] == "markdown" and i == 0 and nb.name[:2] == "05")
        ):
            untagged.append(i)
    assert not untagged, f"{nb.name}: cells about the study without the `study` tag: {untagged}"


def _sections(cells: list) -> list[tuple[str, list]]:
    """The cells under each Markdown heading (# to ###), in order: ``[(heading, cells)]``."""
    sections, name, current = [], "(top)", []
    for c in cells:
        text = "".join(c["source"])
        if c["cell_type"] == "markdown" and text.lstrip().startswith("#"):
            sections.append((name, current))
            name, current = text.lstrip().splitlines()[0], []
        else:
            current.append(c)
    return [*sections, (name, current)]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_study_asserts_are_gathered_at_the_end_of_each_section(nb):
    """At most one study code cell with asserts per section, and no code cell after it in that section:
    the reading is not interleaved with checks."""
    scattered = []
    for name, cells in _sections(_cells(nb)):
        code = [c for c in cells if c["cell_type"] == "code"]
        checks = [
            k
            for k, c in enumerate(code)
            if "study" in c["metadata"].get("tags", []) and "assert" in "".join(c["source"])
        ]
        if len(checks) > 1 or (checks and checks[-1] != len(code) - 1):
            scattered.append(name)
    assert not scattered, f"{nb.name}: study asserts not gathered at the end of {scattered}"
