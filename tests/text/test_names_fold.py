"""Name keys (issue 23): a name's key folds accents, case and typographic apostrophes."""

from __future__ import annotations

from outlet_comparison.text.names import fold


def test_fold_accents_case_and_apostrophes():
    assert fold("Peña Nieto") == fold("PENA NIETO") == "pena nieto"
    assert fold("Terry O’Neill") == fold("Terry O'Neill") == fold("Terry O‘Neill") == "terry o'neill"
