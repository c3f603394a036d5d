"""outlet_comparison: compare how outlets cover the same news event.

One module per concern; ``helpers.py`` at the project root is the public facade the
notebooks import. Dependencies run one way::

    core, cache -> lexicons -> text -> segment -> articles, events
    text -> stats, charts, framing, sentiment, attribution, readability, actors -> alignment
    framing, sentiment, attribution, readability -> measures -> card, corpus
"""
