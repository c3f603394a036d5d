"""outlet_comparison: compare how outlets cover the same news event.

``helpers.py`` at the project root is the public facade the notebooks import. The package is one
folder per stage, and a module imports only modules of its own stage or a lower one
(``tests/test_facade.py`` checks)::

    0  core, cache, stats, wordlists   paths, errors, caches, bootstraps, word-list reading
    1  text/         units (words, sentences, paragraphs), names (capitals, honorifics, alias keys)
    2  sources/      rawtext -> segment -> articles, events; adding an article
    3  instruments/  framing, sentiment (vader), readability, attribution/
    4  coverage/     actors, discover, alignment, overlap, sourcing, differences
    5  corpus/       measures (the registry), reading, engines
    6  report/       charts, notebook, card, findings/
"""
