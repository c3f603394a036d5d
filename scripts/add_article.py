"""make add-article FILE=<raw.txt|page.html> | URL=<https://...> [OUTLET=] [PUBLISHED=] [EVENT=] [TITLE=].

Copies the raw file (a plain-text copy, or a web page saved or fetched from URL, byte for byte) into
articles/<event>/ (never edits it), pins its sha256, appends the manifest row and prints the role of
every line for review. For a web page OUTLET, PUBLISHED and TITLE default to what the page states.
Bad input changes nothing and exits with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's library, also in a copy

from outlet_comparison.core import ROOT, ArticleError  # noqa: E402
from outlet_comparison.sources.adding import add_article, add_url  # noqa: E402


def review(roles, width: int = 88) -> str:
    """The line roles, one line each, with the role in a fixed column."""
    out = []
    for r in roles.itertuples(index=False):
        if r.role == "blank":
            continue
        text = textwrap.shorten(r.text.strip(), width=width, placeholder=" …")
        out.append(f"  {r.line:>4}  {r.role:<11} {text}")
    return "\n".join(out)


def shown(folder: Path) -> Path:
    """The folder relative to the checkout when inside it."""
    return folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder


HINT = """\
If a line has the wrong role: raw files are never edited. Add a pattern with its rationale to
lexicons/boilerplate.csv (role boilerplate, credit or note; lexicons/web_boilerplate.csv for what only
web pages carry) for promos and credits, or correct the
headline/authors fields in {manifest}; then check again with helpers.segment(raw)."""


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, add the article, print what was taken as what."""
    env = os.environ.get  # make passes FILE=..., OUTLET=... to this script as environment variables
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default=env("FILE", ""))
    ap.add_argument("--outlet", default=env("OUTLET", ""))
    ap.add_argument("--published", default=env("PUBLISHED", ""))
    ap.add_argument("--event", default=env("EVENT", ""))
    ap.add_argument("--title", default=env("TITLE", ""))
    ap.add_argument("--url", default=env("URL", ""))
    ap.add_argument("--charset", default=env("CHARSET", ""), help="the page's encoding, when it is wrong")
    ap.add_argument("--timeout", type=float, default=float(env("TIMEOUT") or 20), help="seconds (URL)")
    ap.add_argument("--max-bytes", type=int, default=int(env("MAX_BYTES") or 5_000_000), help="(URL)")
    args = ap.parse_args(argv)
    page = bool(args.url) or Path(args.file).suffix.lower() in (".html", ".htm")
    needed = ("file",) if page else ("file", "outlet", "published")
    missing = [k.upper() for k in needed if not getattr(args, k) and not (k == "file" and args.url)]
    if missing or (args.url and args.file):
        what = f"missing {', '.join(missing)}" if missing else "give FILE or URL, not both"
        print(f"add-article: {what}\nusage: {__doc__.splitlines()[0]}", file=sys.stderr)
        return 2
    given = {"outlet": args.outlet, "published": args.published, "event": args.event or None}
    given |= {"title": args.title, "charset": args.charset or None, "root": env("ARTICLES_DIR") or None}
    try:
        if args.url:
            fetch = {"timeout": args.timeout, "max_bytes": args.max_bytes}
            added = add_url(args.url, **given, fetch=fetch)
        else:
            added = add_article(args.file, **given)
    except ArticleError as exc:
        print(f"add-article: {exc}\nNothing was changed.", file=sys.stderr)
        return 2
    row, rel = added.row, shown(added.folder)
    counts = added.roles.role.value_counts()
    print(f"{'Created event' if added.created_event else 'Event'} {added.event}: {rel}/")
    print(f"Added {row['article_id']} ({row['outlet']}, {row['published']}) as {rel}/{row['file']}")
    print(f"  sha256    {row['sha256']}")
    if added.from_page:
        print(f"  taken from the page: {', '.join(added.from_page)} (give them to override)")
    print(f"  headline  {row['headline'] or '(none found)'}")
    print(f"  authors   {row['authors'] or '(no byline found)'}")
    print(f"  body      {counts.get('body', 0)} paragraphs; other roles: "
          + ", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("body", "blank")))  # fmt: skip
    for note in added.notes:
        print(f"WARNING: {note}", file=sys.stderr)
        print(f"  warning   {note}")
    print("\nLine roles (review them):\n" + review(added.roles))
    print("\n" + HINT.format(manifest=f"{rel}/manifest.csv"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
