"""Notebook 00's tables and chart readings (findings/articles.py), on the study's seeds and small tables."""

from __future__ import annotations

import pandas as pd
import pytest
from study import STUDY_EVENT, load_seeds

import helpers
from outlet_comparison.report.findings import articles as fa


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return load_seeds()


def test_role_tables_and_shares(seeds):
    roles = helpers.by_outlet(seeds, helpers.role_summary, column="raw")
    words = fa.role_table(roles, list(seeds.outlet), "words")
    assert words.index.tolist() == list(seeds.outlet) and words.columns.tolist() == list(helpers.ROLES)
    shares = fa.role_shares(words)
    assert "blank" not in shares and shares.sum(axis=1).round(6).eq(100).all()
    non_body = 1 - words["body"] / words.sum(axis=1)
    b, a = seeds.outlet
    assert fa.non_body_reading(non_body) == (
        f"Share of each raw file's words outside the body: {b} {100 * non_body[b]:.0f}%, "
        f"{a} {100 * non_body[a]:.0f}%."
    )


def test_body_stats_and_the_size_reading(seeds):
    stats = fa.body_stats(seeds)
    b, a = seeds.outlet
    assert stats.loc[b, "words"] == len(helpers.words(seeds.text.iloc[0])) and stats["words"].dtype == int
    p = helpers.findings.possessive
    assert fa.body_size_reading(stats, a, b) == (
        f"The longest body is {p(a)} ({stats.loc[a, 'words']:,} words), the shortest {p(b)} "
        f"({stats.loc[b, 'words']:,})."
    )


def test_mentions_day_ends_and_the_timeline_reading(seeds):
    timeline = helpers.read_timeline(STUDY_EVENT)
    mentions = helpers.by_outlet(seeds, helpers.event_mentions, events=timeline)
    outlets = list(seeds.outlet)
    mentioned = fa.mentioned_table(mentions, timeline, outlets)
    assert mentioned.index.tolist() == timeline["event"].tolist() and mentioned.columns[0] == "label"
    assert mentioned[outlets].sum().sum() == len(mentions)
    ends = fa.day_ends(timeline, seeds)
    published = dict(zip(seeds.outlet, seeds.published, strict=True))
    last = {o: timeline.loc[timeline.date <= d, "order"].max() for o, d in published.items()}
    assert ends == {o: last[o] + 0.5 for o in outlets}
    n = {o: int((mentioned[o] > 0).sum()) for o in outlets}
    assert (
        fa.mentions_reading(mentioned, outlets)
        == "Happenings mentioned: " + ", ".join(f"{o} {n[o]} of {len(timeline)}" for o in outlets) + "."
    )
    data = fa.timeline_data(timeline, mentioned)
    assert data.columns.tolist() == ["event", "label", "date", "order", *outlets]


def test_day_ends_before_any_happening():
    timeline = pd.DataFrame({"date": pd.to_datetime(["2016-09-04", "2016-09-05"]), "order": [1, 2]})
    arts = pd.DataFrame({"outlet": ["X"], "published": pd.to_datetime(["2016-09-01"])})
    assert fa.day_ends(timeline, arts) == {"X": 0.5}
