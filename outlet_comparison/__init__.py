"""outlet_comparison: compare how outlets cover the same news event.

``helpers.py`` at the project root is the public facade the notebooks import. The package is one
folder per stage, and a module imports only modules of its own stage or a lower one
(``tests/test_facade.py`` checks)::

    0  core, cache, stats, wordlists, regex_safety, speedups/
                     paths, errors, caches, bootstraps, word-list reading and its regex check,
                     the speed patches on VADER and Punkt (each with a version check)
    1  text/         units (words, sentences, paragraphs), names (capitals, honorifics, alias keys)
    2  sources/      rawtext -> segment -> articles, events; webpage; adding an article
    3  instruments/  framing, frames_model, sentiment, readability, attribution/
    4  coverage/     actors, event_actors, discover, alignment, overlap, sourcing, differences
    5  corpus/       measures (the registry), reading, pages (saved pages, WARC), engines
    6  report/       charts, notebook, pages (page records), card, findings/
"""
