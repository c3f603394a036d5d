"""Web page furniture glued into an article's text is nobody's words: CNN's "Story highlights", Politico's
"Story Continued Below" and a gallery's "Hide Caption" became a person called "Story" or "Hide Caption" who
spoke and whom later pronouns resolved to (53 rows of 400 AllSides articles, issue 21, round eleven). The
phrases are blanked (same offsets) before the attribution rules read the text."""

from __future__ import annotations

import re

_FURNITURE = re.compile(r"\bStory (?:[Hh]ighlights|Continued Below)\b|\bHide Caption\b")


def without_furniture(text: str) -> str:
    """``text`` with each page-furniture phrase written as spaces; the same text when it has none."""
    if "Story " not in text and "Hide Caption" not in text:
        return text
    return _FURNITURE.sub(lambda m: " " * len(m.group(0)), text)
