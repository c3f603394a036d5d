"""The report's index pages: output/<event>/index.html (findings first, then the coverage card, then every
figure full width with its title, a one-line reading and its CSV) and output/index.html (every event built).

Only files that exist are linked or shown; a notebook whose page is missing is listed as "not built".
The event page is deterministic; the top page carries the single build-time line.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

CARD = "04-coverage-card"

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.5; }
h1 { font-size: 1.9em; margin-bottom: .2em; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
h3 { margin-top: 1.6em; }
.meta { color: #555; font-size: .9em; } .missing { color: #999; }
ul.findings li { margin: .35em 0; } ul.nb li { margin: .3em 0; }
figure { margin: 1.2em 0 2em; } figure img { width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: .95em; color: #333; } figcaption .title { font-weight: bold; }
figcaption .links { color: #666; font-size: .9em; }
table.articles { border-collapse: collapse; font-size: .9em; } table.articles td, table.articles th {
  border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
"""


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _md(text: str) -> str:
    """The small Markdown of generated findings (**bold**, `code`) as HTML."""
    out = _e(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"\*(.+?)\*", r"<em>\1</em>", out)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", out)


def notebook_title(nb: Path) -> str:
    """First markdown heading of a notebook, or its file stem."""
    try:
        cells = json.loads(nb.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return nb.stem
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                m = re.match(r"#+\s+(.*\S)", line)
                if m:
                    return m.group(1)
    return nb.stem


def figure_meta(png: Path) -> dict:
    """The chart's title and one-line reading, as save_chart wrote them beside the PNG."""
    side = png.with_suffix(".json")
    try:
        return json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"title": png.stem, "reading": ""}


def _figure(png: Path, out: Path) -> str:
    """One full-width <figure>, the image a link to itself, captioned by title and reading, with its CSV."""
    meta = figure_meta(png)
    rel = _e(png.relative_to(out).as_posix())
    links = [f'<a href="{rel}">PNG</a>']
    for ext in ("svg", "csv"):
        sib = png.with_suffix(f".{ext}")
        if sib.is_file():
            links.append(f'<a href="{_e(sib.relative_to(out).as_posix())}">{ext.upper()}</a>')
    reading = f" {_md(meta['reading'])}" if meta.get("reading") else ""
    return (
        f'<figure id="{_e(png.stem)}"><a href="{rel}"><img src="{rel}" alt="{_e(meta["title"])}"></a>'
        f'<figcaption><span class="title">{_e(meta["title"])}.</span>{reading} '
        f'<span class="links">({" · ".join(links)})</span></figcaption></figure>'
    )


def _articles_table(event) -> str:
    """The event's articles: outlet, date, headline."""
    import csv

    with open(event.folder / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cells = [(r["outlet"], r["published"], r["headline"]) for r in rows]
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in cells)
    return (
        f'<table class="articles"><tr><th>outlet</th><th>published</th><th>headline</th></tr>{body}</table>'
    )


def _findings(out: Path, notebooks: list[Path]) -> list[str]:
    """Every notebook's generated findings, in notebook order; a sentence two notebooks share shows once."""
    parts, seen = [], set()
    for nb in notebooks:
        path = out / "findings" / f"{nb.stem[:2]}.json"
        if not path.is_file():
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        new = [s for s in record["sentences"] if s not in seen]  # the shared context once, at the top
        seen.update(new)
        items = "".join(f"<li>{_md(s)}</li>" for s in new)
        parts.append(f'<h3>{_e(notebook_title(nb))}</h3><ul class="findings">{items}</ul>')
    return parts


def render_event_index(event, out: Path, notebooks: list[Path], failed: list[str]) -> str:
    """The event's index page as HTML."""
    figs = out / "figures"
    card = figs / f"{CARD}.png"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(event.title)}: how the outlets covered it</title>",
        f"<style>{STYLE}</style></head><body>",
        '<p class="meta"><a href="../index.html">All events</a></p>',
        f"<h1>{_e(event.title)}</h1>",
        f'<p class="meta">{_e(event.description)}</p>',
        _articles_table(event),
        "<h2>Findings</h2>",
        '<p class="meta">Written from the numbers by each notebook; intervals are seeded bootstrap 95% '
        "intervals. Each section links its notebook page, where every number is traced to sentences.</p>",
        *_findings(out, notebooks),
    ]
    if card.is_file():
        parts += ["<h2>Coverage card</h2>", _figure(card, out)]
    parts.append("<h2>Notebooks and their figures</h2>")
    for nb in notebooks:
        page = out / f"{nb.stem}.html"
        title = _e(notebook_title(nb))
        if nb.stem in failed or not page.is_file():
            parts.append(f'<h3 class="missing">{title}: not built</h3>')
            continue
        parts.append(f'<h3><a href="{_e(page.name)}">{title}</a></h3>')
        source = nb.read_text(encoding="utf-8")  # figures in the order the notebook makes them
        pngs = sorted((p for p in figs.glob(f"{nb.stem[:2]}-*.png") if p != card),
                      key=lambda p: (source.find(p.stem) % (len(source) + 1), p.stem))  # fmt: skip
        parts += [_figure(p, out) for p in pngs]
    parts += ["</body></html>", ""]
    return "\n".join(parts)


def write_event_index(event, notebooks_dir: Path, failed: list[str] | None = None) -> Path:
    """Write ``output/<event>/index.html`` and return its path; fails on a broken local link."""
    out = event.output
    out.mkdir(parents=True, exist_ok=True)
    nbs = sorted(Path(notebooks_dir).glob("*.ipynb"))
    path = out / "index.html"
    path.write_text(render_event_index(event, out, nbs, failed or []), encoding="utf-8")
    broken = [r for r in local_refs(path) if not (out / r).is_file()]
    if broken:
        raise SystemExit(f"{path}: broken links {broken}")
    return path


def write_top_index(output: Path, known: list[str] | None = None) -> Path:
    """Write ``output/index.html``: every event built so far that still exists (its id in ``known``,
    when given), and the build time; staging and failed builds (``.``-folders) are never listed."""
    events = sorted(
        p.parent
        for p in output.glob("*/index.html")
        if not p.parent.name.startswith(".") and (known is None or p.parent.name in known)
    )
    items = []
    for folder in events:
        text = (folder / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<h1>(.*?)</h1>", text)
        desc = re.search(r'<p class="meta">(.*?)</p>', text.split("</h1>", 1)[-1])
        items.append(
            f'<li><a href="{_e(folder.name)}/index.html">{title.group(1) if title else _e(folder.name)}</a>'
            f'<br><span class="meta">{desc.group(1) if desc else ""}</span></li>'
        )
    built = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = "\n".join(
        [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>Outlet comparison: events</title>",
            f"<style>{STYLE}</style></head><body>",
            "<h1>How different outlets covered the same events</h1>",
            '<ul class="nb">' + "".join(items) + "</ul>",
            f'<p class="meta">Built {built}.</p>',
            "</body></html>",
            "",
        ]
    )
    path = output / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def local_refs(page: Path) -> list[str]:
    """Every local href/src in a page (no scheme, no fragment-only links)."""
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"]+)"', text)
    return [html.unescape(r) for r in refs if not re.match(r"[a-z]+:|#|\.\./index\.html$", r)]
