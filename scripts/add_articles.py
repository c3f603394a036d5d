"""make add-articles LIST=<urls.csv> [EVENT=<id>] [TITLE="<event title>"]: add every URL of a list.

The list is a CSV with a ``url`` column and optionally ``outlet``, ``event`` and ``published``
(empty cells: what the page states; rows without an event go to EVENT, else the default event).
Each URL is fetched and added as `make add-article URL=...` would; a URL that fails adds nothing
and is reported at the end with what to do, a URL already in its event is skipped, so a re-run
adds only what is missing. Exits with 2 when any URL failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's library, also in a copy

from outlet_comparison.core import ArticleError  # noqa: E402
from outlet_comparison.sources.adding import add_urls  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Add the list, then print what was added, skipped and refused."""
    env = os.environ.get  # make passes LIST=..., EVENT=... as environment variables
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", default=env("LIST", ""))
    ap.add_argument("--event", default=env("EVENT", ""))
    ap.add_argument("--title", default=env("TITLE", ""))
    ap.add_argument("--timeout", type=float, default=float(env("TIMEOUT") or 20), help="seconds per URL")
    ap.add_argument("--max-bytes", type=int, default=int(env("MAX_BYTES") or 5_000_000))
    args = ap.parse_args(argv)
    if not args.list:
        print(f"add-articles: missing LIST\nusage: {__doc__.splitlines()[0]}", file=sys.stderr)
        return 2
    fetch = {"timeout": args.timeout, "max_bytes": args.max_bytes}
    try:
        res = add_urls(
            args.list, event=args.event or None, title=args.title or None, root=env("ARTICLES_DIR") or None,
            fetch=fetch,
        )  # fmt: skip
    except ArticleError as exc:
        print(f"add-articles: {exc}\nNothing was changed.", file=sys.stderr)
        return 2
    for a in res.added:
        page = f" (from the page: {', '.join(a.from_page)})" if a.from_page else ""
        print(f"added    {a.row['article_id']} to {a.event}: {a.row['outlet']}, {a.row['published']}{page}")
    for n, url, why in res.skipped:
        print(f"skipped  row {n}: {url} ({why})")
    print(f"\n{len(res.added)} added, {len(res.skipped)} skipped, {len(res.errors)} failed")
    if res.errors:
        print("\nFailed (none of these was added; fix them and run again):", file=sys.stderr)
        for n, _url, msg in res.errors:
            print(f"  row {n}: {msg}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
