"""Events as folders, and adding an article with one command: what is written, and what bad input changes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import unused_outlet

import helpers
from outlet_comparison.sources.adding import add_article

DEMO = "demo-harbour-strike"
RAW = (
    "Talks collapse at the harbour after long night\n\nBy Jo Smith\n\n"
    "The talks collapsed on Monday, the union said.\n"
)


def test_events_are_folders_and_the_study_is_the_default():
    assert {"kerry-lavrov-g20-2016", DEMO} <= set(helpers.list_events())
    study = helpers.read_event()
    assert study.id == "kerry-lavrov-g20-2016" and study.default and study.study["articles"]
    assert study.frames == helpers.LEXICONS / "frames.csv" and study.contrast == ("failure", "optimism")
    demo = helpers.read_event(DEMO)
    assert not demo.study and not demo.default and demo.contrast is None
    assert demo.frames == helpers.LEXICONS / "frames_generic.csv"
    assert demo.source_note.startswith("Source: Northfield Courier (11 Mar 2024)")
    assert demo.output == helpers.OUTPUT / DEMO and demo.figures == helpers.OUTPUT / DEMO / "figures"


def test_demo_event_loads_three_outlets():
    arts = helpers.load_articles(DEMO)
    assert arts["outlet"].tolist() == ["Northfield Courier", "Lakeside Daily", "Capital Wire"]
    assert arts.attrs["event"] == DEMO
    assert all("Advertisement" not in t and "Share this" not in t for t in arts["text"])


@pytest.fixture()
def events_root(tmp_path) -> Path:
    """A copy of the events folder (both shipped events) to add to and break."""
    root = tmp_path / "articles"
    for ev in ("kerry-lavrov-g20-2016", DEMO):
        shutil.copytree(helpers.ARTICLES / ev, root / ev)
    return root


def _raw(tmp_path: Path, text: str = RAW, name: str = "raw.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_add_a_third_article_to_the_study(events_root, tmp_path):
    raw = _raw(tmp_path)
    folder = events_root / "kerry-lavrov-g20-2016"
    before = helpers.load_articles(folder)["outlet"].tolist()  # the seeds, and any article a user added
    outlet = unused_outlet(folder)
    added = add_article(raw, outlet, "2016-09-09", root=events_root)  # no EVENT: the default event
    assert added.event == "kerry-lavrov-g20-2016" and not added.created_event
    copied = folder / added.row["file"]
    assert copied.read_bytes() == raw.read_bytes()
    assert added.row["sha256"] == hashlib.sha256(raw.read_bytes()).hexdigest()
    assert added.row["headline"] == "Talks collapse at the harbour after long night"
    assert added.row["authors"] == "Jo Smith" and added.row["article_id"].startswith("cnn-")
    assert added.row["article_id"].endswith("2016-09-09")
    arts = helpers.load_articles(folder)
    assert arts["outlet"].tolist() == [*before, outlet]
    note = helpers.read_event(folder).source_note  # hand-written for the seeds; the new outlet is added
    assert note.startswith("Source: Bloomberg (5 Sep 2016, via inkl)") and f"{outlet} (9 Sep 2016)" in note
    assert added.roles.role.tolist() == ["headline", "blank", "byline", "blank", "body", "blank"]


def test_a_new_event_needs_a_title_and_gets_the_general_lexicon(events_root, tmp_path):
    raw = _raw(tmp_path)
    before = _snapshot(events_root)
    with pytest.raises(helpers.ArticleError, match="does not exist yet: give its TITLE"):
        add_article(raw, "CNN", "2016-09-09", event="new-event", root=events_root)
    assert _snapshot(events_root) == before
    added = add_article(
        raw, "CNN", "2016-09-09", event="new-event", title='A "quoted" title', root=events_root
    )
    assert added.created_event
    event = helpers.read_event(events_root / "new-event")
    assert event.title == 'A "quoted" title' and event.frames == helpers.LEXICONS / "frames_generic.csv"


@pytest.mark.parametrize(
    ("kwargs", "data", "message"),
    [
        ({"published": "20160909"}, RAW, "unknown date format; write it as YYYY-MM-DD"),
        ({"published": "9 Sep 2016"}, RAW, "unknown date format"),
        ({"published": "2016-02-30"}, RAW, "not a calendar date"),
        ({"outlet": "Bloomberg"}, RAW, "already has an article from 'Bloomberg'"),
        ({"outlet": " "}, RAW, "OUTLET is empty"),
        ({"event": "Bad Id"}, RAW, "use lower-case letters"),
        ({}, "Only a title\n", "no body text found"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(events_root, tmp_path, kwargs, data, message):
    raw = _raw(tmp_path, data)
    before = _snapshot(events_root)
    args = {"outlet": "CNN", "published": "2016-09-09", **kwargs}
    with pytest.raises(helpers.ArticleError, match=message):
        add_article(raw, root=events_root, **args)
    assert _snapshot(events_root) == before


def test_non_utf8_file_is_refused_naming_the_line(events_root, tmp_path):
    raw = tmp_path / "latin1.txt"
    raw.write_bytes("Headline of the story here\n\nThe caf\xe9 closed, the owner said.\n".encode("latin-1"))
    before = _snapshot(events_root)
    with pytest.raises(helpers.ArticleError, match=r"latin1\.txt: not valid UTF-8 at line 3"):
        add_article(raw, "CNN", "2016-09-09", root=events_root)
    assert _snapshot(events_root) == before


def test_manifest_refuses_two_articles_from_one_outlet(events_root):
    path = events_root / DEMO / "manifest.csv"
    man = pd.read_csv(path, dtype=str, keep_default_na=False)
    man.loc[2, "outlet"] = "Lakeside Daily"
    man.to_csv(path, index=False)
    with pytest.raises(
        helpers.ArticleError, match=r"row 4: duplicate outlet 'Lakeside Daily' \(first at row 3\)"
    ):
        helpers.load_articles(events_root / DEMO)


def test_event_toml_errors_name_the_file_and_field(events_root):
    toml = events_root / DEMO / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'colour = "red"\n', encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"event\.toml: unknown field\(s\) \['colour'\]"):
        helpers.read_event(events_root / DEMO)
    toml.write_text('title = "x"\ntimeline = "missing.csv"\n', encoding="utf-8")
    with pytest.raises(
        helpers.ArticleError, match=r"field 'timeline' names .*missing\.csv, which does not exist"
    ):
        helpers.read_event(events_root / DEMO)
    toml.write_text('title = "unclosed\n', encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"event\.toml: cannot parse TOML"):
        helpers.read_event(events_root / DEMO)
    with pytest.raises(helpers.ArticleError, match="no event here"):
        helpers.load_articles("no-such-event")


def test_the_command_prints_roles_and_refuses_bad_input(tmp_path):
    raw = _raw(tmp_path)
    script = helpers.ROOT / "scripts" / "add_article.py"
    env = {**os.environ, "FILE": str(raw), "OUTLET": "CNN", "PUBLISHED": "09/09/2016"}
    res = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120)
    assert (
        res.returncode == 2 and "unknown date format" in res.stderr and "Nothing was changed." in res.stderr
    )
    res = subprocess.run(
        [sys.executable, str(script)], env={**os.environ, "FILE": ""}, capture_output=True, text=True
    )
    assert res.returncode == 2 and "missing FILE, OUTLET, PUBLISHED" in res.stderr


def test_timeline_patterns_are_checked_and_match_names_with_diacritics(tmp_path):
    good = tmp_path / "timeline.csv"
    good.write_text(
        "event,label,date,order,pattern,rationale\nmeet,Talks,2024-03-11,1,Erdogan,x\n", encoding="utf-8"
    )
    assert helpers.event_mentions("President Erdoğan met them.", helpers.read_timeline(good))[
        "event"
    ].tolist() == ["meet"]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "event,label,date,order,pattern,rationale\nmeet,Talks,2024-03-11,1,(\\w+\\s?)+$,x\n", encoding="utf-8"
    )
    with pytest.raises(helpers.ArticleError, match=r"bad\.csv, row 2: unsafe pattern"):
        helpers.read_timeline(bad)
    bad.write_text(
        "event,label,date,order,pattern,rationale\nmeet,Talks,11/03/2024,1,x,x\n", encoding="utf-8"
    )
    with pytest.raises(helpers.ArticleError, match=r"row 2: field 'date' = '11/03/2024' is not an ISO date"):
        helpers.read_timeline(bad)
