"""The report's contract: each notebook writes one page record (title, findings, figures in the order it
made them) to ``output/<event>/pages/NN.json``; the index pages read only these records and the manifest.

The notebook starts its record with ``start_page``; ``show_findings`` and ``save_chart`` fill it in.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

PAGES = "pages"


@dataclass
class FigureRecord:
    """One chart of a page: its file stem under ``figures/``, title, one-line reading and source line, and
    for legibility its smallest text (points) and its width (inches) as drawn."""

    name: str
    title: str
    reading: str = ""
    source: str = ""
    min_font_pt: float = 0.0
    width_in: float = 0.0


@dataclass
class PageRecord:
    """What one notebook's page is: its number (``"03"``), title, findings and figures in order."""

    notebook: str
    title: str
    findings: list[str] = field(default_factory=list)
    figures: list[FigureRecord] = field(default_factory=list)


def page_path(out: Path, notebook: str) -> Path:
    """Where notebook ``NN``'s record lives in an event's output folder.

    >>> page_path(Path("output/ev"), "03").as_posix()
    'output/ev/pages/03.json'
    """
    return Path(out) / PAGES / f"{notebook}.json"


def write_page(out: Path, page: PageRecord) -> Path:
    """Write a page record (UTF-8 JSON, stable key order) and return its path."""
    path = page_path(out, page.notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(page), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def read_page(path: Path) -> PageRecord:
    """One page record from its JSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    figures = [FigureRecord(**f) for f in data.get("figures", [])]
    return PageRecord(data["notebook"], data["title"], list(data.get("findings", [])), figures)


def read_pages(out: Path) -> dict[str, PageRecord]:
    """Every page record of an event's output folder, by notebook number (sorted)."""
    return {p.stem: read_page(p) for p in sorted((Path(out) / PAGES).glob("*.json"))}


def start_page(out: Path, notebook: str, title: str) -> PageRecord:
    """Begin (or restart) notebook ``NN``'s record: its title, no findings or figures yet."""
    page = PageRecord(notebook, title)
    write_page(out, page)
    return page


def _current(out: Path, notebook: str) -> PageRecord:
    """The notebook's record so far (a record titled by its number when the notebook never started one)."""
    path = page_path(out, notebook)
    return read_page(path) if path.is_file() else PageRecord(notebook, notebook)


def set_findings(out: Path, notebook: str, sentences: list[str]) -> PageRecord:
    """Put the page's findings into its record."""
    page = _current(out, notebook)
    page.findings = list(sentences)
    write_page(out, page)
    return page


def add_figure(out: Path, notebook: str, figure: FigureRecord) -> PageRecord:
    """Append a figure to the page's record (a figure saved again keeps its place, with the new caption)."""
    page = _current(out, notebook)
    names = [f.name for f in page.figures]
    if figure.name in names:
        page.figures[names.index(figure.name)] = figure
    else:
        page.figures.append(figure)
    write_page(out, page)
    return page
