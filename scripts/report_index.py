"""The report's index pages: output/<event>/index.html (findings first, then the coverage card, then every
figure full width with its title, a one-line reading and its CSV) and output/index.html (every event built).

They read only the notebooks' page records (``outlet_comparison.report.pages``: title, findings,
figures in the order the notebook made them) and the event's manifest (``read_manifest``), and render
the Jinja2 templates in scripts/templates/index; findings are Markdown rendered by mistune with HTML escaped.
Only files that exist are linked or shown; a notebook without a page is listed as "not built".
The event page is deterministic; the top page carries the single build-time line.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import sys
from functools import cache
from pathlib import Path

import jinja2
import mistune

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from outlet_comparison.report.pages import FigureRecord, PageRecord, read_pages  # noqa: E402
from outlet_comparison.sources.events import list_events, read_event, read_manifest  # noqa: E402

CARD = "04-coverage-card"
TEMPLATES = Path(__file__).resolve().parent / "templates" / "index"
DOCS = ROOT / "docs"


@cache
def _markdown():
    """Markdown to HTML with any raw HTML in the text escaped (mistune also refuses javascript: links)."""
    return mistune.create_markdown(escape=True)


def inline_md(text: str) -> str:
    """One generated sentence (**bold**, `code`, [links](...)) as inline HTML.

    >>> str(inline_md("**3** of `A` & <b>"))
    '<strong>3</strong> of <code>A</code> &amp; &lt;b&gt;'
    """
    out = _markdown()(str(text)).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return jinja2.utils.markupsafe.Markup(out)


@cache
def environment() -> jinja2.Environment:
    """The templates' environment: autoescaped, with the ``inline_md`` filter."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True
    )
    env.filters["inline_md"] = inline_md
    return env


def _figure(fig: FigureRecord, out: Path) -> dict:
    """A figure's template values: PNG, links to the files that exist (PNG, SVG, CSV), title and reading."""
    png = f"figures/{fig.name}.png"
    links = [(ext.upper(), f"figures/{fig.name}.{ext}") for ext in ("png", "svg", "csv")]
    links = [(label, href) for label, href in links if (out / href).is_file()]
    return {"name": fig.name, "png": png, "title": fig.title, "reading": fig.reading, "links": links}


def _findings(records: list[PageRecord]) -> list[dict]:
    """Every page's findings in notebook order; a sentence two pages share shows once (the first time)."""
    parts, seen = [], set()
    for page in records:
        new = [s for s in page.findings if s not in seen]
        seen.update(new)
        if new:
            parts.append({"title": page.title, "sentences": new})
    return parts


def event_context(event, out: Path, notebooks: list[str], failed: list[str]) -> dict:
    """What the event index shows, from the page records and the manifest only."""
    records = read_pages(out)
    ordered = [records[nb[:2]] for nb in notebooks if nb[:2] in records]
    figures = {
        f.name: f for page in ordered for f in page.figures if (out / "figures" / f"{f.name}.png").is_file()
    }
    card = _figure(figures[CARD], out) if CARD in figures else None
    nbs = []
    for nb in notebooks:
        page = records.get(nb[:2])
        built = nb not in failed and page is not None and (out / f"{nb}.html").is_file()
        shown = [
            _figure(f, out) for f in (page.figures if page else []) if f.name in figures and f.name != CARD
        ]
        nbs.append(
            {"page": f"{nb}.html", "title": page.title if page else nb, "built": built, "figures": shown}
        )
    manifest = read_manifest(event.folder)
    articles = [
        {"outlet": r.outlet, "published": str(r.published)[:10], "headline": r.headline}
        for r in manifest.itertuples()
    ]
    return {
        "event": event,
        "articles": articles,
        "findings": _findings(ordered),
        "card": card,
        "notebooks": nbs,
    }


def render_event_index(event, out: Path, notebooks: list[str], failed: list[str]) -> str:
    """The event's index page as HTML."""
    return environment().get_template("event.html.j2").render(event_context(event, out, notebooks, failed))


def copy_docs(output: Path) -> Path:
    """The documentation pages beside the reports (``output/docs``), so pages link them offline."""
    dest = output / "docs"
    dest.mkdir(parents=True, exist_ok=True)
    for md in sorted(DOCS.glob("*.md")):
        shutil.copyfile(md, dest / md.name)
    return dest


def write_event_index(event, notebooks_dir: Path, failed: list[str] | None = None) -> Path:
    """Write ``output/<event>/index.html`` and return its path; fails on a broken local link."""
    out = event.output
    out.mkdir(parents=True, exist_ok=True)
    copy_docs(out.parent)  # the findings link ../docs/*.md
    notebooks = [p.stem for p in sorted(Path(notebooks_dir).glob("*.ipynb"))]
    path = out / "index.html"
    path.write_text(render_event_index(event, out, notebooks, failed or []), encoding="utf-8")
    broken = [r for r in local_refs(path) if not (out / r).is_file()]
    if broken:
        raise SystemExit(f"{path}: broken links {broken}")
    return path


def built_events(output: Path, articles: Path | None = None) -> list:
    """The events that have an index under ``output`` and still exist under ``articles/``, sorted by id."""
    ids = list_events(articles) if articles is not None else list_events()
    return [
        read_event(articles / i if articles is not None else i)
        for i in ids
        if (output / i / "index.html").is_file()
    ]


def write_top_index(output: Path, articles: Path | None = None) -> Path:
    """Write ``output/index.html``: every event built so far (and still present), and the build time."""
    built = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = (
        environment().get_template("top.html.j2").render(events=built_events(output, articles), built=built)
    )
    path = output / "index.html"
    path.write_text(page, encoding="utf-8")
    copy_docs(output)
    return path


def local_refs(page: Path) -> list[str]:
    """Every local href/src in a page (no scheme, no fragment-only links)."""
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"]+)"', text)
    return [html.unescape(r) for r in refs if not re.match(r"[a-z]+:|#|\.\./index\.html$", r)]
