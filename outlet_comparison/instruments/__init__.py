"""Stage 3, instruments: per-text measures (``framing``, ``sentiment`` with ``vader``, ``readability``,
``attribution``)."""
