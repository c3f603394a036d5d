"""Stage 6, report: what a page shows (``charts``, ``notebook``, ``card``, ``findings``)."""
