"""Stage 2, input: raw files (``rawtext``), segmenting (``segment``), an event's articles (``articles``,
``events``) and adding one (``adding``)."""
