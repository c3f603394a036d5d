"""Web page furniture glued into an article's text is nobody's words: CNN's "Story highlights", Politico's
"Story Continued Below" and a gallery's "Hide Caption" became a person called "Story" or "Hide Caption" who
spoke and whom later pronouns resolved to (53 rows of 400 AllSides articles, issue 21, round eleven). Round
twelve adds CNN's video boxes ("JUST WATCHED Keene: Gun shows not source for criminals Replay More
Videos ... MUST WATCH ... 05:24": a speaker "Gun"), a gallery's title repeated before each caption
("Photos: Supreme Court Justice Anthony Kennedy Kennedy was born": a speaker "Anthony Kennedy Kennedy"), a
lone "Advertisement" line ("Advertisement Angie Jo") and Bloomberg's "SHARE THIS ARTICLE" (a body called
"THIS" that "the company" resolved to). The phrases are blanked (same offsets) before the rules read the
text."""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"\bStory (?:[Hh]ighlights|Continued Below)\b|\bHide Caption(?: \d+ of \d+)?\b"
    r"|\bJUST WATCHED [^\n]*? Replay More Videos \.\.\. MUST WATCH [^\n]*? \d{1,2}:\d\d\b"
    r"|(?<=\n)Advertisement(?=[ \t]*\n)"
    r"|\b(?:LISTEN TO ARTICLE \d{1,2}:\d\d )?SHARE THIS ARTICLE(?: Share)?(?: Tweet)?(?: Post)?(?: Email)?\b"
)
_KEYS = ("Story ", "Hide Caption", "JUST WATCHED", "Advertisement", "SHARE THIS ARTICLE")
# a gallery's caption: "Photos: <the gallery's title> <the caption> Hide Caption 2 of 38"
_CAPTION = re.compile(r"\bPhotos: ([^\n]*?) Hide Caption \d+ of \d+")


def _gallery_titles(text: str) -> list[tuple[int, int]]:
    """Where each "Photos: <title>" of a gallery is: the words all its captions (two or more) open with."""
    found = list(_CAPTION.finditer(text))
    if len(found) < 2:
        return []
    first = found[0].group(1).split()
    n = len(first)
    for m in found[1:]:
        words = m.group(1).split()
        n = next((k for k in range(min(n, len(words))) if words[k] != first[k]), min(n, len(words)))
    if n == 0:
        return []
    out = []
    for m in found:
        words = list(re.finditer(r"\S+", m.group(1)))
        if len(words) > n:  # a caption after the title: blank "Photos:" and the title, keep the caption
            out.append((m.start(), m.start(1) + words[n - 1].end()))
    return out


def without_furniture(text: str) -> str:
    """``text`` with each page-furniture phrase written as spaces; the same text when it has none."""
    spans = _gallery_titles(text) if "Photos: " in text else []
    if not spans and not any(k in text for k in _KEYS):
        return text
    spans += [m.span() for m in _FURNITURE.finditer(text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
