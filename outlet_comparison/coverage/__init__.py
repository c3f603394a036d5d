"""Stage 4, coverage: comparing an event's articles (``actors``, ``discover``, ``alignment``, ``overlap``,
``sourcing``, ``differences``)."""
