"""The study's published numbers have one home: the notebooks compute them (notebook 03 writes its
Flesch–Kincaid reading from the values); README and docs are checked against the same computation here."""

from __future__ import annotations

import re

import pytest
from study import load_seeds

import helpers

FK = "flesch_kincaid_grade"


@pytest.fixture(scope="module")
def seed_grades() -> dict:
    """Each seed's Flesch–Kincaid grade and the seeded bootstrap of the first minus the second."""
    seeds = load_seeds()
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    b, a = seeds.outlet
    boot = helpers.fk_bootstrap(text[b], text[a], seed=2016)
    return {"b": helpers.readability(text[b])[FK], "a": helpers.readability(text[a])[FK], "boot": boot}


def _signed(x: float) -> str:
    return f"{x:+.2f}".replace("-", "−")


def test_readme_states_the_computed_grades(seed_grades):
    readme = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| Flesch–Kincaid grade |"))
    boot = seed_grades["boot"]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1:3] == [f"{seed_grades['b']:.2f}", f"{seed_grades['a']:.2f}"], row
    assert cells[3] == f"{_signed(boot['diff'])}, CI {_signed(boot['ci_low'])} to {_signed(boot['ci_high'])}"


def test_the_readability_docs_state_the_computed_grades(seed_grades):
    docs = (helpers.ROOT / "docs" / "readability.md").read_text(encoding="utf-8")
    said = re.search(r"Bloomberg's body at grade (\d+\.\d\d) .* AP's at (\d+\.\d\d)", docs, re.S)
    assert said and said.groups() == (f"{seed_grades['b']:.2f}", f"{seed_grades['a']:.2f}")


def test_notebook_03_does_not_retype_the_grades(seed_grades):
    """The notebook writes the grades from the values it computes; no cell types them."""
    text = (helpers.ROOT / "notebooks" / "03-readability.ipynb").read_text(encoding="utf-8")
    for value in (seed_grades["b"], seed_grades["a"]):
        assert f"{value:.2f}" not in text, f"{value:.2f} is typed in notebook 03"
