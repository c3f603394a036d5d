"""Reading the editable CSV word lists in ``lexicons/``: columns, empty cells, choices, regexes.

Every error names the file and the row (the header is row 1), so a researcher who edits a
list in a spreadsheet finds the line at fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .core import ArticleError, row_error


def read_lexicon(path: Path | str, required: tuple[str, ...]) -> pd.DataFrame:
    """Read an editable CSV word list, checking columns and empty cells (errors name file and row)."""
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: lexicon file not found")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: cannot parse CSV: {exc}") from exc
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ArticleError(f"{path}: missing column(s) {missing}; found {list(df.columns)}")
    for n, row in data_rows(df):
        for col in required:
            if not str(row[col]).strip():
                raise row_error(path, n, f"empty value in column '{col}'")
    return df


def data_rows(df: pd.DataFrame) -> Iterator[tuple[int, pd.Series]]:
    """(row number in the file, row) for each data row; the header is row 1, so data starts at 2."""
    for i, (_, row) in enumerate(df.iterrows()):
        yield i + 2, row


def check_choice(path: Path | str, row: int, col: str, value: str, allowed: tuple[str, ...]) -> None:
    """Raise ArticleError unless value is one of allowed."""
    if value not in allowed:
        raise row_error(path, row, f"field '{col}' = '{value}' (expected one of {list(allowed)})")


def compile_row(path: Path | str, row: int, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern read from a word list; an invalid regex raises ArticleError naming the row."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise row_error(path, row, f"invalid pattern {pattern!r}: {exc}") from exc
