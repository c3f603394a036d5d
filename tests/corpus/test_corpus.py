"""Corpus mode: read_corpus bad-input handling, analyze engines (local processes, Dask), seeds."""

import json
import math

import numpy as np
import pandas as pd
import pytest
from study import load_seeds

import helpers

DEMO = helpers.ARTICLES / "demo_corpus.jsonl"


def write_jsonl(path, records_or_lines):
    """Write dicts as JSON lines and str items verbatim."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records_or_lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {"article_id": "a1", "outlet": "Bloomberg", "text": "Kerry said talks failed. Lavrov left."}


# ---------------------------------------------------------------- read_corpus


def test_demo_corpus_reads_with_expected_shape():
    df = helpers.read_corpus(DEMO)
    assert len(df) == 12
    assert df["event_id"].value_counts().to_dict() == {
        "harbour-talks": 3,
        "bridge-vote": 3,
        "river-accord": 3,
        "hospital-merger": 3,
    }
    assert sorted(df["outlet"].unique()) == ["Capital Wire", "Lakeside Daily", "Northfield Courier"]
    assert df["line"].tolist() == list(range(1, 13))
    assert df.loc[0, "date"] == pd.Timestamp("2024-03-11")
    assert df.attrs["skipped"] == []


def test_jsonl_id_fallback_extra_fields_and_blank_lines(tmp_path):
    p = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": "x9", "outlet": "AP", "text": "One. Two.", "triplet_id": "t1"},
            "",
            {"outlet": "Fox News", "text": "Three.", "date": None},
        ],
    )
    df = helpers.read_corpus(p)
    assert df["article_id"].tolist() == ["x9", "c:3"]
    assert df["line"].tolist() == [1, 3]
    assert df["triplet_id"].iloc[0] == "t1"
    assert pd.isna(df["date"].iloc[1])


def test_id_field_picks_the_unique_key(tmp_path):
    # BASIL has id "empty" on four HuffPost articles; its unique key is file_key
    recs = [{"id": "empty", "file_key": f"k{i}", "outlet": "HuffPost", "text": "Text."} for i in (1, 2)]
    p = write_jsonl(tmp_path / "c.jsonl", recs)
    with pytest.raises(
        helpers.ArticleError, match="line 2: duplicate article_id 'empty' \\(first at line 1\\)"
    ):
        helpers.read_corpus(p)
    assert helpers.read_corpus(p, id_field="file_key")["article_id"].tolist() == ["k1", "k2"]
    with pytest.raises(helpers.ArticleError, match="line 1: missing id field 'key'"):
        helpers.read_corpus(p, id_field="key")


def test_csv_with_multiline_text_keeps_line_numbers(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text(
        'article_id,outlet,text,date\nb1,Bloomberg,"Para one.\n\nPara two.",2016-09-05\nb2,AP,Short text.,\n',
        encoding="utf-8",
    )
    df = helpers.read_corpus(p)
    assert df["article_id"].tolist() == ["b1", "b2"]
    assert df["line"].tolist() == [2, 5]
    assert df["text"].iloc[0] == "Para one.\n\nPara two."
    assert df["date"].iloc[0] == pd.Timestamp("2016-09-05")


def test_csv_missing_column_names_file_line_and_column(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("article_id,text\na,Some text.\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"c\.csv, line 1: missing column\(s\) \['outlet'\]"):
        helpers.read_corpus(p)
    with pytest.raises(helpers.ArticleError, match="missing column"):
        helpers.read_corpus(p, on_error="skip")  # a structural problem is never skipped


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ('{"outlet": "AP", "text": "unterminated', "unparseable JSON"),
        ({"outlet": "AP"}, "missing field 'text'"),
        ({"text": "No outlet here."}, "missing field 'outlet'"),
        ({"outlet": "AP", "text": "   \n "}, "field 'text' is empty"),
        ({"outlet": "AP", "text": 42}, "field 'text' must be a string, got int"),
        ({"outlet": "AP", "text": "Fine.", "date": "next Tuesday"}, "field 'date' = 'next Tuesday'"),
        (
            {"article_id": "a1", "outlet": "AP", "text": "Again."},
            "duplicate article_id 'a1' \\(first at line 1\\)",
        ),
        ("[1, 2]", "expected a JSON object, got list"),
    ],
)
def test_bad_jsonl_record_raises_naming_line_or_is_counted_skip(tmp_path, bad, reason):
    p = write_jsonl(tmp_path / "c.jsonl", [GOOD, bad, {**GOOD, "article_id": "a3"}])
    with pytest.raises(helpers.ArticleError, match=rf"c\.jsonl, line 2: {reason}"):
        helpers.read_corpus(p)
    with pytest.warns(UserWarning, match=r"skipped 1 bad record\(s\) at line\(s\) 2"):
        df = helpers.read_corpus(p, on_error="skip")
    assert df["article_id"].tolist() == ["a1", "a3"]
    assert len(df.attrs["skipped"]) == 1
    assert df.attrs["skipped"][0]["line"] == 2


def test_csv_row_with_wrong_field_count_is_reported(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("outlet,text\nAP,Good one.\nAP,too,many\nAP,Good two.\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match="line 3: has 3 fields, the header has 2"):
        helpers.read_corpus(p)
    with pytest.warns(UserWarning, match="skipped 1"):
        df = helpers.read_corpus(p, on_error="skip")
    assert df["text"].tolist() == ["Good one.", "Good two."]
    assert df.attrs["skipped"] == [{"line": 3, "reason": "has 3 fields, the header has 2"}]


def test_invalid_utf8_line_is_named(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(json.dumps(GOOD).encode() + b'\n{"outlet": "AP", "text": "caf\xe9"}\n')
    with pytest.raises(helpers.ArticleError, match="line 2: not valid UTF-8"):
        helpers.read_corpus(p)


def test_file_level_errors(tmp_path):
    with pytest.raises(helpers.ArticleError, match="corpus file not found"):
        helpers.read_corpus(tmp_path / "missing.jsonl")
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match="unknown corpus format '.txt'"):
        helpers.read_corpus(tmp_path / "c.txt")
    (tmp_path / "e.jsonl").write_text("\n\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match="corpus is empty"):
        helpers.read_corpus(tmp_path / "e.jsonl")
    with pytest.raises(ValueError, match="on_error"):
        helpers.read_corpus(DEMO, on_error="ignore")


def test_all_bad_records_gives_empty_frame_with_columns(tmp_path):
    p = write_jsonl(tmp_path / "c.jsonl", ["not json", "{}"])
    with pytest.warns(UserWarning, match=r"skipped 2 bad record\(s\) at line\(s\) 1, 2"):
        df = helpers.read_corpus(p, on_error="skip")
    assert len(df) == 0
    assert list(df.columns[:7]) == ["article_id", "outlet", "title", "date", "event_id", "text", "line"]


# ---------------------------------------------------------------- analyze


@pytest.fixture(scope="module")
def seeds():
    return load_seeds()


@pytest.fixture(scope="module")
def demo():
    return helpers.read_corpus(DEMO)


@pytest.fixture(scope="module")
def demo_local(demo):
    return helpers.analyze(demo, workers=1)


def test_analyze_seeds_core_counts(seeds):
    out = helpers.analyze(seeds, workers=1)
    assert list(out.index) == list(seeds.index)
    assert list(out.columns) == list(helpers.FEATURE_COLUMNS)
    # Bloomberg (row 0) and AP (row 1) clean bodies, counted with helpers.words / helpers.sentences
    assert out["words"].tolist() == [765, 783]
    assert out["sentences"].tolist() == [33, 32]
    assert out["words"].tolist() == [len(helpers.words(t)) for t in seeds["text"]]


def test_analyze_seeds_reproduce_the_numbers_notebooks_01_to_03_assert(seeds):
    out = helpers.analyze(seeds, workers=1).set_axis(seeds["outlet"])
    bb, ap = out.loc["Bloomberg"], out.loc["Associated Press"]
    # 01-framing-sentiment: frame rates per 1,000 words and mean sentence compound
    assert (bb["failure"], bb["optimism"], ap["failure"], ap["optimism"]) == (12, 6, 6, 7)
    assert bb["failure_per_1k"] == pytest.approx(15.7, abs=0.05) and bb["optimism_per_1k"] == pytest.approx(
        7.8, abs=0.05
    )
    assert ap["optimism_per_1k"] == pytest.approx(8.9, abs=0.05) and ap["failure_per_1k"] == pytest.approx(
        7.7, abs=0.05
    )
    assert bb["failure_share"] == pytest.approx(12 / 18) and ap["failure_share"] == pytest.approx(6 / 13)
    assert bb["mean_compound"] == pytest.approx(-0.122, abs=5e-4) and ap["mean_compound"] == pytest.approx(
        -0.131, abs=5e-4
    )
    # 02-source-attribution: anonymous attributions and share; 1 of Bloomberg's 3 anonymous sources
    # states a reason (justified_share counts distinct anonymous sources, as notebook 02 does)
    assert (bb["anonymous"], ap["anonymous"]) == (10, 3)
    assert bb["anonymous_share"] == pytest.approx(0.53, abs=0.005) and ap["anonymous_share"] == pytest.approx(
        0.14, abs=0.005
    )
    assert bb["justified_share"] == pytest.approx(1 / 3) and ap["justified_share"] == 0
    # 03-readability: Flesch-Kincaid grade with our sentence count, as the notebook computes it
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    for row, outlet in ((bb, "Bloomberg"), (ap, "Associated Press")):
        assert row["flesch_kincaid_grade"] == pytest.approx(
            helpers.readability(text[outlet])["flesch_kincaid_grade"]
        )


@pytest.mark.parametrize("source", ["frame_hits", "sentiment", "attributions", "readability"])
def test_analyze_seeds_equal_the_notebook_helpers(seeds, source):
    out = helpers.analyze(seeds, workers=1)
    for i, text in zip(seeds.index, seeds["text"], strict=True):
        n = len(helpers.words(text))
        if source == "frame_hits":
            f = helpers.frame_hits(text)["frame"]
            assert out.loc[i, "optimism_per_1k"] == pytest.approx(1000 * (f == "optimism").sum() / n)
            assert out.loc[i, "failure_per_1k"] == pytest.approx(1000 * (f == "failure").sum() / n)
        elif source == "sentiment":
            assert out.loc[i, "mean_compound"] == pytest.approx(helpers.sentiment(text)["compound"].mean())
        elif source == "attributions":
            a = helpers.attributions(text)
            assert out.loc[i, "anonymous"] == (a["source_type"] == "anonymous").sum()
            assert out.loc[i, "named_person"] == (a["source_type"] == "named_person").sum()
        else:
            want = helpers.readability(text)["flesch_kincaid_grade"]
            assert out.loc[i, "flesch_kincaid_grade"] == pytest.approx(want)


def test_analyze_keeps_a_custom_index(demo):
    sub = demo.set_index("article_id").iloc[[5, 0, 7]]
    out = helpers.analyze(sub, workers=1, progress=False)
    assert list(out.index) == [
        "demo-bridge-vote-wire",
        "demo-harbour-talks-courier",
        "demo-river-accord-lakeside",
    ]
    assert out["words"].tolist() == [len(helpers.words(t)) for t in sub["text"]]


def test_local_processes_equal_single_process(demo, demo_local):
    out = helpers.analyze(demo, engine="local", workers=2, chunk_size=2, progress=False)
    pd.testing.assert_frame_equal(out, demo_local)
    assert out["words"].sum() == 1169 and out["sentences"].sum() == 72


@pytest.mark.cluster
@pytest.mark.slow
def test_dask_two_worker_localcluster_equals_local(demo, demo_local):
    pytest.importorskip("dask.distributed")
    out = helpers.analyze(demo, engine="dask", workers=2, chunk_size=3, progress=False)
    pd.testing.assert_frame_equal(out, demo_local)


@pytest.mark.cluster
@pytest.mark.slow
def test_dask_on_an_existing_cluster_by_address_and_client(demo, demo_local):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        by_address = helpers.analyze(demo, engine="dask", scheduler=cluster.scheduler_address, progress=False)
        with distributed.Client(cluster) as client:
            by_client = helpers.analyze(demo, engine="dask", scheduler=client, progress=False)
            assert client.status == "running"  # a caller's client is left open
    pd.testing.assert_frame_equal(by_address, demo_local)
    pd.testing.assert_frame_equal(by_client, demo_local)


def test_progress_bar_is_shown_on_request(demo, capsys):
    helpers.analyze(demo.head(4), workers=1, chunk_size=1, progress=True)
    err = capsys.readouterr().err
    assert "analyze" in err and "4/4" in err
    helpers.analyze(demo.head(4), workers=1, chunk_size=1)  # short run: no bar by default
    assert capsys.readouterr().err == ""


def test_a_failing_article_is_named_even_from_a_worker_process(monkeypatch):
    from outlet_comparison.instruments import readability as module  # patch the module that defines the name

    real = module.readability_values  # what corpus mode's readability measure calls

    def fragile(text, *args, **kwargs):
        if "BOOM" in text:
            raise ValueError("cannot score this")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(module, "readability_values", fragile)  # forked workers inherit the patch
    arts = pd.Series(["Fine text here.", "Also fine.", "This one goes BOOM.", "Last."], index=list("abcd"))
    with pytest.raises(helpers.ArticleError, match="article 'c': ValueError: cannot score this"):
        helpers.analyze(arts, workers=2, chunk_size=1, progress=False)


def test_analyze_bad_input():
    with pytest.raises(helpers.ArticleError, match="missing column 'text'"):
        helpers.analyze(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(TypeError, match="text of row 1 must be str, got float"):
        helpers.analyze(pd.Series(["fine", math.nan]))
    with pytest.raises(ValueError, match="engine"):
        helpers.analyze(["x"], engine="spark")
    with pytest.raises(ValueError, match="workers"):
        helpers.analyze(["x"], workers=0)


def test_analyze_empty_text_and_empty_input():
    out = helpers.analyze(["", "One sentence here."], workers=1)
    assert out["words"].tolist() == [0, 3]
    assert math.isnan(out.loc[0, "optimism_per_1k"])
    empty = helpers.analyze(pd.DataFrame({"text": []}), workers=1)
    assert len(empty) == 0 and list(empty.columns) == list(helpers.FEATURE_COLUMNS)


def test_article_features_matches_analyze_row(seeds):
    row = helpers.article_features(seeds["text"].iloc[1])
    assert row["words"] == 783 and row["sentences"] == 32
    with pytest.raises(TypeError):
        helpers.article_features(None)


# ---------------------------------------------------------------- paired within-event differences


def test_paired_differences_on_known_values():
    df = pd.DataFrame(
        {
            "event_id": ["e1", "e1", "e2", "e2", "e3", "e3", "e4"],
            "outlet": ["A", "B", "A", "B", "A", "B", "A"],
            "m": [3.0, 2.0, 5.0, 3.0, 4.0, 1.0, 9.0],  # A - B = 1, 2, 3; e4 has no B
        }
    )
    r = helpers.paired_differences(df, "m", n_boot=2000)
    assert r[["outlet_a", "outlet_b", "n_events"]].values.tolist() == [["A", "B", 3]]
    assert r["diff"].iloc[0] == pytest.approx(2.0)
    assert 1.0 <= r["ci_low"].iloc[0] < 2.0 < r["ci_high"].iloc[0] <= 3.0
    swapped = helpers.paired_differences(df, "m", pairs=[("B", "A")], n_boot=2000)
    assert swapped["diff"].iloc[0] == pytest.approx(-2.0)
    assert np.isclose(swapped["ci_low"].iloc[0], -r["ci_high"].iloc[0])
