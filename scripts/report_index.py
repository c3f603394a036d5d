"""Write output/index.html: links to every notebook page, the coverage card and the key figures.

Only files that exist are linked or shown, so the page has no broken links or images; a
notebook whose page is missing is listed as "not built" without a link.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARD = "04-coverage-card"
# Figures shown large on the page: up to KEY_PER_NOTEBOOK per notebook, these first when present
# (the rest are listed as links).
KEY_PREFERRED = ("00-timeline", "04-coverage-shared", "04-coverage-actors")
KEY_PER_NOTEBOOK = 2

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.9em; margin-bottom: .2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; }
.meta { color: #555; font-size: .9em; }
ul.nb li { margin: .3em 0; } .missing { color: #999; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: .9em; color: #444; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1em; }
.key { color: #0072B2; } .ap { color: #D55E00; }
"""


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


def figure_title(csv_or_png: Path) -> str:
    """A readable caption from a figure file name (04-coverage-actors -> Coverage actors)."""
    name = re.sub(r"^\d+-", "", csv_or_png.stem).replace("-", " ")
    return name[:1].upper() + name[1:]


def _rel(path: Path, out: Path) -> str:
    """URL of a file relative to the output folder (forward slashes, escaped)."""
    return html.escape(path.relative_to(out).as_posix(), quote=True)


def _figure(png: Path, out: Path, caption: str) -> str:
    """One <figure> with its image and links to the PNG's siblings (CSV, SVG) that exist."""
    links = [f'<a href="{_rel(png, out)}">PNG</a>']
    for ext in ("svg", "csv"):
        sib = png.with_suffix(f".{ext}")
        if sib.is_file():
            links.append(f'<a href="{_rel(sib, out)}">{ext.upper()}</a>')
    return (
        f'<figure><img src="{_rel(png, out)}" alt="{html.escape(caption, quote=True)}">'
        f"<figcaption>{html.escape(caption)} ({' · '.join(links)})</figcaption></figure>"
    )


def key_figures(pngs: list[Path]) -> list[Path]:
    """Up to KEY_PER_NOTEBOOK figures per notebook prefix (NN-), preferred ones first."""
    rank = {name: i for i, name in enumerate(KEY_PREFERRED)}
    groups: dict[str, list[Path]] = {}
    for p in sorted(pngs, key=lambda p: (rank.get(p.stem, len(rank)), p.stem)):
        groups.setdefault(p.stem[:3], []).append(p)
    return [p for prefix in sorted(groups) for p in groups[prefix][:KEY_PER_NOTEBOOK]]


def render_index(out: Path, notebooks: list[Path]) -> str:
    """The index page as HTML text for the files present under ``out``."""
    figs = out / "figures"
    items = []
    for nb in notebooks:
        page = out / f"{nb.stem}.html"
        title = html.escape(notebook_title(nb))
        if page.is_file():
            items.append(
                f'<li><a href="{_rel(page, out)}">{title}</a> <span class="meta">({nb.name})</span></li>'
            )
        else:
            items.append(f'<li class="missing">{title} ({nb.name}): not built</li>')
    pngs = sorted(figs.glob("*.png")) if figs.is_dir() else []
    card = figs / f"{CARD}.png"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Syria talks, September 2016: Bloomberg vs AP coverage</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Syria talks, September 2016: how Bloomberg and AP covered them</h1>",
        '<p class="meta">Two articles: <span class="key">Bloomberg</span>, "Kerry Fails to Secure Syria Deal '
        'Despite Earlier Optimism" (Monday 5 Sep 2016, after the Kerry-Lavrov talks failed) and '
        '<span class="ap">Associated Press</span>, "US and Russia close to Syria deal but \u2018grave '
        "differences' remain\" (Sunday 4 Sep 2016, before the talks ended). Lexicon-based measures; "
        "read every difference with the publication times in mind.</p>",
        f'<p class="meta">Built {dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}.</p>',
        "<h2>Notebooks</h2>",
        '<ul class="nb">' + "".join(items) + "</ul>",
    ]
    if card.is_file():
        parts += [
            "<h2>Coverage card</h2>",
            _figure(card, out, "Coverage card: framing, tone, sourcing, readability"),
        ]
    key = key_figures([p for p in pngs if p != card])
    if key:
        parts += ["<h2>Key figures</h2>", '<div class="grid">']
        parts += [_figure(p, out, figure_title(p)) for p in key]
        parts += ["</div>"]
    rest = [p for p in pngs if p != card and p not in key]
    if rest:
        parts += ["<h2>All other figures</h2>", "<ul>"]
        parts += [f'<li><a href="{_rel(p, out)}">{html.escape(figure_title(p))}</a></li>' for p in rest]
        parts += ["</ul>"]
    parts += ["</body></html>", ""]
    return "\n".join(parts)


def write_index(out: Path | None = None, notebooks_dir: Path | None = None) -> Path:
    """Write ``index.html`` into the output folder and return its path."""
    out = Path(out) if out is not None else ROOT / "output"
    nbs = sorted(Path(notebooks_dir or ROOT / "notebooks").glob("*.ipynb"))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "index.html"
    path.write_text(render_index(out, nbs), encoding="utf-8")
    return path


def local_refs(page: Path) -> list[str]:
    """Every local href/src in a page (no scheme, no fragment-only links)."""
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"]+)"', text)
    return [html.unescape(r) for r in refs if not re.match(r"[a-z]+:|#", r)]


if __name__ == "__main__":
    print(write_index())
