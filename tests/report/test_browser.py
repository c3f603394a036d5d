"""What a reader sees, in headless Chromium (Debian's, over DevTools; nothing downloaded): every report
page and index shows its images, links work, no error or warning text is visible, evidence tables are
searchable; and notebooks run in a real JupyterLab, failing fast on a broken cell."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from browser import (
    PROBLEMS_JS,
    TABLES_JS,
    Browser,
    check_page,
    jupyterlab,
    needs_chromium,
    run_in_lab,
    serve,
)
from conftest import load_script

import helpers

pytestmark = [pytest.mark.browser, pytest.mark.slow]

report_index = load_script("report_index")
NOTEBOOK_01 = helpers.ROOT / "notebooks" / "01-framing-sentiment.ipynb"


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path / "chromium-profile")
    try:
        yield b
    finally:
        b.close()


def test_event_index_links_only_existing_files(tmp_path):
    out = tmp_path / "output" / "ev"
    (out / "figures").mkdir(parents=True)
    folder = tmp_path / "articles" / "ev"
    folder.mkdir(parents=True)
    (folder / "manifest.csv").write_text("article_id,outlet,published,headline\na,A,2024-01-01,Head\n")
    event = SimpleNamespace(title="An event", description="What it is", folder=folder, output=out)
    (out / "00-articles.html").write_text("<html></html>")
    (out / "01-framing-sentiment.html").write_text("<html></html>")
    for name in ("04-coverage-card", "01-frames"):
        (out / "figures" / f"{name}.png").write_bytes(b"png")
        (out / "figures" / f"{name}.json").write_text(
            json.dumps({"title": f"{name} title", "reading": "Reads."})
        )
    (out / "figures" / "04-coverage-card.svg").write_text("<svg/>")
    page = report_index.write_event_index(event, helpers.ROOT / "notebooks")
    refs = report_index.local_refs(page)
    assert "00-articles.html" in refs and "figures/04-coverage-card.svg" in refs
    assert all((out / r).is_file() for r in refs)
    text = page.read_text(encoding="utf-8")
    assert "01-frames title." in text and "Reads." in text and "not built" in text
    assert text.index("<h2>Findings</h2>") < text.index("<h2>Coverage card</h2>")


def _pages(output: Path) -> list[str]:
    """Every page of every event built under output/, and the top index (paths relative to output/)."""
    pages = ["index.html"]
    for ev in sorted(p.parent for p in output.glob("*/index.html")):
        pages += [str(p.relative_to(output)) for p in sorted(ev.glob("*.html"))]
    return pages


@needs_chromium
def test_every_report_page_in_chromium(browser, demo_report):
    """The demo event is built by the fixture; the default event too when `make report` ran (CI)."""
    problems = []
    with serve(helpers.OUTPUT) as base:
        for page in _pages(helpers.OUTPUT):
            images, links = check_page(browser, f"{base}/{page}")
            broken = [i["src"][:60] for i in images if not i["ok"]]
            dead = [lk["href"] for lk in links if lk["status"] != 200]
            visible = browser.js(PROBLEMS_JS)
            tables = [t["id"] for t in browser.js(TABLES_JS) if not (t["ready"] and t["search"])]
            if (
                page.endswith(("-articles.html", "-framing-sentiment.html", "index.html"))
                and page != "index.html"
            ):
                if not images:
                    problems.append(f"{page}: no images")
            for what, bad in (("broken images", broken), ("dead links", dead), ("visible errors", visible),
                              ("evidence tables not searchable", tables)):  # fmt: skip
                if bad:
                    problems.append(f"{page}: {what} {bad}")
            browser.screenshot(
                helpers.OUTPUT / "screenshots" / page.replace("/", "--").replace(".html", ".png")
            )
    assert not problems, "\n".join(problems)


@needs_chromium
def test_broken_image_is_detected(browser, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<html><body><img src="missing.png"><a href="gone.html">x</a><p>ValueError: shown</p></body></html>'
    )
    with serve(site) as base:
        images, links = check_page(browser, f"{base}/index.html")
        visible = browser.js(PROBLEMS_JS)
    assert images == [{"src": "missing.png", "ok": False, "width": 0}]
    assert links == [{"href": "gone.html", "status": 404}]
    assert visible == ["ValueError: "]


@needs_chromium
def test_jupyterlab_reports_a_failing_cell_at_once(browser, tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    nb = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": None},
            {"cell_type": "code", "metadata": {}, "source": "1 / 0", "outputs": [], "execution_count": None},
            {"cell_type": "code", "metadata": {}, "source": "y = 2", "outputs": [], "execution_count": None},
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (nbdir / "bad.ipynb").write_text(json.dumps(nb))
    with jupyterlab(nbdir, tmp_path) as (base, token):
        result = run_in_lab(browser, base, token, "bad.ipynb", timeout=60)
    assert [e["ename"] for e in result["errors"]] == ["ZeroDivisionError"]
    assert result["shown"], "the traceback is not visible in the page"


@needs_chromium
def test_notebook_01_runs_in_jupyterlab(browser, tmp_path):
    before = hashlib.sha256(NOTEBOOK_01.read_bytes()).hexdigest()
    with jupyterlab(NOTEBOOK_01.parent, tmp_path) as (base, token):
        result = run_in_lab(browser, base, token, NOTEBOOK_01.name, timeout=420)
        browser.screenshot(helpers.OUTPUT / "screenshots" / "jupyterlab-01.png", width=1280)
    assert result["path"] == NOTEBOOK_01.name
    assert not result["errors"], f"error outputs in {NOTEBOOK_01.name}: {result['errors']}"
    assert not result["shown"], f"tracebacks shown: {[t[:300] for t in result['shown']]}"
    assert result["code_cells"] > 0
    # autosave is off: the committed notebook (no outputs) is left exactly as it was
    assert hashlib.sha256(NOTEBOOK_01.read_bytes()).hexdigest() == before
