"""make add-article FILE=<raw.txt> OUTLET="<name>" PUBLISHED=<YYYY-MM-DD> [EVENT=<id>] [TITLE="<title>"].

Copies the raw file into articles/<event>/ (never edits it), pins its sha256, appends the manifest
row and prints the role of every line for review. Bad input changes nothing and exits with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's library, also in a copy

from outlet_comparison.core import ROOT, ArticleError  # noqa: E402
from outlet_comparison.sources.adding import add_article  # noqa: E402


def review(roles, width: int = 88) -> str:
    """The line roles, one line each, with the role in a fixed column."""
    out = []
    for r in roles.itertuples(index=False):
        if r.role == "blank":
            continue
        text = textwrap.shorten(r.text.strip(), width=width, placeholder=" …")
        out.append(f"  {r.line:>4}  {r.role:<11} {text}")
    return "\n".join(out)


HINT = """\
If a line has the wrong role: raw files are never edited. Add a pattern with its rationale to
lexicons/boilerplate.csv (role boilerplate, credit or note) for promos and credits, or correct the
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
    args = ap.parse_args(argv)
    missing = [k.upper() for k in ("file", "outlet", "published") if not getattr(args, k)]
    if missing:
        print(f"add-article: missing {', '.join(missing)}\nusage: {__doc__.splitlines()[0]}", file=sys.stderr)
        return 2
    try:
        added = add_article(
            args.file, args.outlet, args.published, event=args.event or None, title=args.title
        )
    except ArticleError as exc:
        print(f"add-article: {exc}\nNothing was changed.", file=sys.stderr)
        return 2
    row, rel = added.row, added.folder.relative_to(ROOT)
    counts = added.roles.role.value_counts()
    print(f"{'Created event' if added.created_event else 'Event'} {added.event}: {rel}/")
    print(f"Added {row['article_id']} ({row['outlet']}, {row['published']}) as {rel}/{row['file']}")
    print(f"  sha256    {row['sha256']}")
    print(f"  headline  {row['headline'] or '(none found)'}")
    print(f"  authors   {row['authors'] or '(no byline found)'}")
    print(f"  body      {counts.get('body', 0)} paragraphs; other roles: "
          + ", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("body", "blank")))  # fmt: skip
    print("\nLine roles (review them):\n" + review(added.roles))
    print("\n" + HINT.format(manifest=f"{rel}/manifest.csv"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
