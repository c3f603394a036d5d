"""Each speed patch on another package's internals checks the installed version, loudly (issue 20)."""

from __future__ import annotations

import importlib
import importlib.metadata

import pytest

import helpers
from outlet_comparison import speedups


def _pins() -> dict[str, str]:
    """Package -> pinned version in requirements.txt (names lower-cased)."""
    lines = (helpers.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return {n.strip().lower(): v.strip() for n, _, v in (ln.partition("==") for ln in lines if "==" in ln)}


def test_tested_versions_are_the_pinned_ones():
    """Bumping a pin without re-running the equality tests fails here, before any run."""
    pins = _pins()
    for package, version in speedups.TESTED.items():
        assert pins[package.lower()] == version, package


def test_a_version_other_than_the_tested_one_is_an_error_naming_both():
    with pytest.raises(speedups.SpeedupVersionError, match=r"nltk 9\.9 is installed.*nltk 3\.10\.4 only"):
        speedups.require("nltk", installed=lambda name: "9.9")
    speedups.require("nltk")  # the installed one passes


@pytest.mark.parametrize(("module", "package"), [("vader", "vaderSentiment"), ("punkt", "nltk")])
def test_importing_a_patch_on_an_upgraded_package_fails(monkeypatch, module, package):
    mod = importlib.import_module(f"outlet_comparison.speedups.{module}")
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda n: "99.0" if n == package else real(n))
    monkeypatch.setattr(speedups.require, "__defaults__", (importlib.metadata.version,))
    with pytest.raises(speedups.SpeedupVersionError, match=rf"{package} 99\.0 is installed"):
        importlib.reload(mod)


def test_readability_checks_textstats_version_at_first_use(monkeypatch):
    from outlet_comparison.cache import clear
    from outlet_comparison.instruments import readability

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda n: "0.8.0" if n == "textstat" else real(n))
    monkeypatch.setattr(speedups.require, "__defaults__", (importlib.metadata.version,))
    clear()
    try:
        with pytest.raises(speedups.SpeedupVersionError, match=r"textstat 0\.8\.0 is installed.*0\.7\.8"):
            readability.readability("A new word: sesquipedalian.")
    finally:
        monkeypatch.undo()
        clear()
    assert readability.readability("A new word: sesquipedalian.")["words"] == 4
