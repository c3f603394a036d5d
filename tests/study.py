"""The study's two seed articles, selected by id, so an article added to the study breaks no test."""

from __future__ import annotations

import pandas as pd

import helpers

STUDY_EVENT = "kerry-lavrov-g20-2016"


def load_seeds() -> pd.DataFrame:
    """The study event's seed articles (its ``[study] articles``), in that order."""
    event = helpers.read_event(STUDY_EVENT)
    arts = helpers.load_articles(event).set_index("article_id")
    return arts.loc[event.study["articles"]].reset_index()
