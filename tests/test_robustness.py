"""Bad and unusual input (issue 14): each test is one row of docs/reliability.md.

Every bad input gets an ArticleError naming the file, the row or line and the field; unusual
but ordinary input (other scripts, other line endings) gives the same results as plain input.
"""

from __future__ import annotations

import re
import time

import pytest

import helpers

FRAMES_HEADER = "frame,term,pattern,rationale\n"
TEXT = "Talks failed on Monday. Officials were hopeful before the meeting."


def _write(tmp_path, name: str, text: str | bytes):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# ---------------------------------------------------------------- word lists


@pytest.mark.parametrize(
    "pattern",
    [r"(\w+\s?)+$", r"(?:talks?\s*)+failed", r"(a|aa)+b", r"(?:\w\s?a?)+x"],
)
def test_catastrophic_frame_pattern_is_refused_naming_file_and_row(tmp_path, pattern):
    path = _write(
        tmp_path, "frames.csv", FRAMES_HEADER + f"failure,fail,fail,ok\nfailure,slow,{pattern},bad\n"
    )
    t0 = time.perf_counter()
    with pytest.raises(
        helpers.ArticleError, match=r"frames\.csv, row 3: unsafe pattern .* in field 'pattern'"
    ):
        helpers.frame_hits("Talks failed. " * 200, lexicon=path)
    assert time.perf_counter() - t0 < 5  # refused when the list is read, before any text is searched


def test_catastrophic_anonymity_pattern_is_refused_naming_file_and_row(tmp_path):
    path = _write(
        tmp_path,
        "anonymity.csv",
        "pattern,category,rationale\n\\bspoke anonymously\\b,marker,ok\n(\\w+\\s?)+ anonymity,marker,bad\n",
    )
    lexicons = helpers.AttributionLexicons(anonymity=path)
    with pytest.raises(helpers.ArticleError, match=r"anonymity\.csv, row 3: unsafe pattern"):
        helpers.attributions("An official said the talks failed.", lexicons=lexicons)


def test_every_shipped_pattern_passes_the_safety_check():
    from outlet_comparison.wordlists import backtracking_risk

    checked = 0
    for path in sorted(helpers.LEXICONS.glob("*.csv")) + sorted(helpers.ARTICLES.glob("*/*.csv")):
        df = helpers.read_lexicon(path, ())
        for col in {"pattern", "cue"} & set(df.columns):
            for value in df[col]:
                assert backtracking_risk(value, re.IGNORECASE) is None, (path.name, value)
                checked += 1
    assert checked > 150


def test_safe_patterns_with_bounded_repeats_are_accepted():
    from outlet_comparison.wordlists import backtracking_risk

    for pattern in [
        r"close(?:r)? to (?:an? )?(?:\w+ )?deal",
        r"spen(?:ds?|t) (?:\S+ ){0,3}?money",
        r"(a|ab)+c",
    ]:
        assert backtracking_risk(pattern) is None, pattern


def test_empty_lexicon_file_names_the_file(tmp_path):
    path = _write(tmp_path, "frames.csv", b"")
    with pytest.raises(helpers.ArticleError, match=r"frames\.csv: the file is empty; expected a header row"):
        helpers.frame_hits(TEXT, lexicon=path)


def test_header_only_frame_lexicon_is_an_error(tmp_path):
    path = _write(tmp_path, "frames.csv", FRAMES_HEADER)
    with pytest.raises(helpers.ArticleError, match=r"frames\.csv: the header has no rows below it"):
        helpers.frame_hits(TEXT, lexicon=path)


def test_header_only_alias_file_is_an_error(tmp_path):
    path = _write(tmp_path, "aliases.csv", "alias,actor,side,case,rationale\n")
    with pytest.raises(helpers.ArticleError, match=r"aliases\.csv: the header has no rows below it"):
        helpers.actors("Kerry met Lavrov.", aliases=path)


def test_header_only_negation_list_warns_and_negates_nothing(tmp_path):
    path = _write(tmp_path, "neg.csv", "cue,rationale\n")
    with pytest.warns(UserWarning, match=r"neg\.csv: the header has no rows below it.*empty list"):
        hits = helpers.frame_hits("There was no progress.", negations=path)
    assert hits["matched"].tolist() == ["progress"]  # not negated: the list is empty


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("mask.csv", lambda p: helpers.mask_entities("x", mask=p)),
        (
            "boilerplate.csv",
            lambda p: helpers.segment("Headline of the story\n\nBody text here.", patterns=p),
        ),
        ("abbr.csv", lambda p: helpers.sentences("The U.S. left. It did.", abbreviations=p)),
    ],
)
def test_header_only_optional_lists_warn(tmp_path, name, call):
    header = {"mask.csv": "pattern,rationale\n", "abbr.csv": "abbreviation,rationale\n"}
    path = _write(tmp_path, name, header.get(name, "pattern,role,rationale\n"))
    with pytest.warns(UserWarning, match=rf"{re.escape(name)}: the header has no rows below it"):
        call(path)


def test_lexicon_not_utf8_names_the_row(tmp_path):
    path = _write(
        tmp_path,
        "frames.csv",
        (FRAMES_HEADER + "optimism,hope,hope,ok\nfailure,échec,échec,x\n").encode("latin-1"),
    )
    with pytest.raises(helpers.ArticleError, match=r"frames\.csv, row 3: not valid UTF-8"):
        helpers.frame_hits(TEXT, lexicon=path)


def test_negation_cues_that_cannot_be_combined_name_their_row(tmp_path):
    path = _write(
        tmp_path, "neg.csv", "cue,rationale\nnot,ok\n(?P<n>no),named group\n(?P<n>never),same name\n"
    )
    with pytest.raises(helpers.ArticleError, match=r"neg\.csv, row 4: field 'cue' = .* cannot be combined"):
        helpers.frame_hits(TEXT, negations=path)


# ---------------------------------------------------------------- letters of any script


def test_names_with_diacritics_are_one_word():
    assert helpers.words("Erdoğan met Gülen") == ["Erdoğan", "met", "Gülen"]
    assert helpers.words("Erdog\u0306an") == ["Erdog\u0306an"]  # decomposed: the mark stays in the word


@pytest.mark.parametrize(
    ("text", "n_words", "n_sentences"),
    [
        ("فشلت المحادثات يوم الاثنين. هل يلتقي الطرفان مجددا؟", 8, 2),  # Arabic
        ("השיחות נכשלו ביום שני. הצדדים ייפגשו שוב.", 7, 2),  # Hebrew
        ("Переговоры провалились в понедельник. Стороны встретятся снова.", 7, 2),  # Cyrillic
        ("वार्ता सोमवार को विफल रही। दोनों पक्ष फिर मिलेंगे।", 9, 2),  # Devanagari, with danda
        ("会谈周一失败了。双方将再次会面。", 14, 2),  # Chinese: one word per character
    ],
)
def test_other_scripts_count_words_and_sentences(text, n_words, n_sentences):
    assert len(helpers.words(text)) == n_words
    assert len(helpers.sentences(text)) == n_sentences


def test_readability_of_names_with_diacritics_equals_their_ascii_spelling():
    a = helpers.readability("Recep Tayyip Erdoğan met Fethullah Gülen's lawyers in Ankara.")
    b = helpers.readability("Recep Tayyip Erdogan met Fethullah Gulen's lawyers in Ankara.")
    assert a[list(helpers.READABILITY_COUNTS)].equals(b[list(helpers.READABILITY_COUNTS)])
    assert a["flesch_kincaid_grade"] == b["flesch_kincaid_grade"]


def test_readability_of_another_script_is_nan_with_a_warning():
    with pytest.warns(UserWarning, match="8 of 8 words are not in the Latin script"):
        r = helpers.readability("فشلت المحادثات يوم الاثنين. هل يلتقي الطرفان مجددا؟")
    assert (r["words"], r["sentences"]) == (8, 2) and r["letters"] > 30
    assert r[list(helpers.READABILITY_FORMULAS)].isna().all()


def test_bylines_with_diacritics_are_found():
    raw = (
        "Talks fail again in Ankara\n\nBy Ayşe Çelik and José Álvarez, Reuters\n\nThe talks failed on Monday."
    )
    seg = helpers.segment(raw)
    assert seg.role.tolist() == ["headline", "blank", "byline", "blank", "body"]


def test_frame_terms_find_names_with_diacritics(tmp_path):
    path = _write(
        tmp_path,
        "frames.csv",
        FRAMES_HEADER + "turkey,gulen,Gulen,cleric\nturkey,erdogan,Erdoğan,president\n",
    )
    for text in (
        "Turkey wants Gülen back, Erdogan said.",
        "Turkey wants Gulen back, Erdoğan said.",
        "Gu\u0308len and Erdog\u0306an",
    ):
        hits = helpers.frame_hits(text, lexicon=path)
        assert hits["term"].tolist() == ["gulen", "erdogan"], text
        assert all(text[h.start : h.end] == h.matched for h in hits.itertuples())
    neg = _write(tmp_path, "neg.csv", "cue,rationale\nnon,French negation\n")
    hits = helpers.frame_hits("Il a dit « non Gülen ».", lexicon=path, negations=neg, include_negated=True)
    assert hits[["matched", "negated", "cue"]].values.tolist() == [["Gülen", True, "non"]]


def test_entity_mask_finds_names_with_diacritics(tmp_path):
    mask = _write(tmp_path, "mask.csv", "pattern,rationale\nRecep Tayyip Erdogan,name\n")
    masked = helpers.mask_entities("Recep Tayyip Erdoğan and Recep Tayyip Erdog\u0306an spoke.", mask=mask)
    assert masked == "Entity and Entity spoke."


# ---------------------------------------------------------------- segmenting: no body text lost

PARAS = [
    "Officials met on Monday to discuss the proposal, the ministry said in a statement.",
    "The talks lasted three hours and ended without agreement on the main points.",
    'The minister called the last offer "a failure."',
    "He declined.",
    "A second meeting is planned for next week, according to two officials.",
]


def _article(headline: str, byline: str | None = None, sep: str = "\n") -> str:
    head = [headline, ""] + ([byline, ""] if byline else [])
    return sep.join(head + [x for p in PARAS for x in (p, "")][:-1])


def _body(raw: str) -> list[str]:
    return helpers.paragraphs(helpers.clean_body(raw))


@pytest.mark.parametrize("headline", ["Talks fail again", "Deadlock in Geneva", "Talks collapse?"])
def test_short_headline_keeps_every_paragraph(headline):
    seg = helpers.segment(_article(headline))
    assert seg.loc[seg.role == "headline", "text"].tolist() == [headline]
    assert _body(_article(headline)) == PARAS


def test_headline_ending_in_a_full_stop_keeps_every_paragraph():
    raw = _article("Talks end without a deal.", byline="By Jane Doe")
    assert helpers.segment(raw).role.tolist()[:3] == ["headline", "blank", "byline"]
    assert _body(raw) == PARAS
    # without a byline below it, a headline ending in a full stop reads as the first paragraph: kept
    assert _body(_article("Talks end without a deal.")) == ["Talks end without a deal.", *PARAS]


def test_paragraph_ending_in_a_closing_quote_is_not_taken_as_headline():
    raw = "\n\n".join(['He said the plan was "dead"', *PARAS])  # no headline at all
    assert _body(raw)[-len(PARAS) :] == PARAS


def test_crosshead_that_looks_like_a_byline_does_not_swallow_paragraphs():
    raw = "\n\n".join(["Talks fail in Geneva", PARAS[0], "Next Steps", *PARAS[1:]])
    seg = helpers.segment(raw)
    assert seg.loc[seg.text == "Next Steps", "role"].item() == "subhead"
    assert _body(raw) == PARAS


def test_pattern_claiming_a_body_paragraph_is_reported():
    raw = "\n\n".join(
        ["Talks fail in Geneva", PARAS[0], "Copyright law was changed in 2019, he said.", PARAS[1]]
    )
    with pytest.warns(helpers.SegmentWarning, match=r"line 5: credit by a pattern"):
        helpers.segment(raw)


@pytest.mark.parametrize(
    ("name", "sep"),
    [
        ("CR (old Mac)", "\r"),
        ("CRLF (Windows)", "\r\n"),
        ("U+2028", "\u2028"),
        ("U+2029", "\u2029"),
        ("NEL", "\x85"),
    ],
)
def test_line_endings_are_normalised(name, sep):
    plain = helpers.load_articles().iloc[0]["raw"]
    raw = plain.replace("\n", sep)
    seg = helpers.segment(raw)
    assert "\n".join(seg.text) == helpers.normalise_raw(raw) == plain  # every raw line accounted for
    assert seg.role.tolist() == helpers.segment(plain).role.tolist()
    assert (
        helpers.clean_body(raw) == helpers.clean_body(plain)
        and len(helpers.words(helpers.clean_body(raw))) == 765
    )


def test_mixed_line_endings_map_to_raw_line_numbers():
    raw = "Headline of the story here\r\n\rBy Jane Doe\u2028\nThe talks failed on Monday, officials said.\n"
    seg = helpers.segment(raw)
    assert seg.line.tolist() == [1, 2, 3, 4, 5, 6]
    assert seg.text.tolist() == ["Headline of the story here", "", "By Jane Doe", "", seg.text[4], ""]
    assert seg.role.tolist() == ["headline", "blank", "byline", "blank", "body", "blank"]


def test_byte_order_mark_keeps_the_byline():
    plain = helpers.load_articles().iloc[0]["raw"]
    seg = helpers.segment("\ufeff" + plain)
    assert seg.role.tolist() == helpers.segment(plain).role.tolist()
    assert "\n".join(seg.text) == plain


def test_html_page_is_refused_with_the_command_that_converts_it():
    page = "<html><body>\n<h1>Talks fail</h1>\n<p>The talks failed on Monday.</p>\n</body></html>"
    with pytest.raises(
        helpers.ArticleError,
        match=r"page\.html, line 1: the text is HTML .*python -m outlet_comparison\.sources\.rawtext",
    ):
        helpers.segment(page, source="page.html")


def test_html_converter_keeps_the_text(tmp_path):
    import subprocess
    import sys

    page = _write(
        tmp_path,
        "page.html",
        "<h1>Talks fail</h1><p>By Jo Smith</p><script>x=1</script><p>The talks &amp; the deal failed.</p>",
    )
    out = subprocess.run(
        [sys.executable, "-m", "outlet_comparison.sources.rawtext", str(page)], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout == "Talks fail\n\nBy Jo Smith\n\nThe talks & the deal failed.\n"
    roles = ["headline", "blank", "byline", "blank", "body", "blank"]
    assert helpers.segment(out.stdout).role.tolist() == roles


def test_markdown_is_cleaned_text_kept():
    raw = (
        "# Talks fail in Geneva\n\n**By Jane Doe**\n\n"
        "The talks [failed](https://example.org/x) on *Monday*, officials said.\n\n"
        "> A second round is planned, the ministry said.\n"
    )
    seg = helpers.segment(raw)
    assert "\n".join(seg.text) == raw
    assert seg.role.tolist() == ["headline", "blank", "byline", "blank", "body", "blank", "body", "blank"]
    assert (
        helpers.clean_body(raw)
        == "The talks failed on Monday, officials said.\n\nA second round is planned, the ministry said."
    )


def test_inline_tags_and_entities_are_cleaned():
    raw = "Talks fail in Geneva\n\nThe talks <em>failed</em> &amp; ended on Monday, officials said.\n"
    assert helpers.clean_body(raw) == "The talks failed & ended on Monday, officials said."


# ---------------------------------------------------------------- manifests and raw files

STUDY = helpers.ARTICLES / "kerry-lavrov-g20-2016"
AP_FILE = "ap-2016-09-04-us-and-russia-close-to-syria-deal.txt"


@pytest.fixture()
def event(tmp_path):
    """A copy of the study's two seeds (manifest rows 2 and 3) to break."""
    import shutil

    import pandas as pd

    folder = tmp_path / "events" / "study"
    shutil.copytree(STUDY, folder, ignore=shutil.ignore_patterns("*.md"))
    man = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    seeds = man.article_id.isin(["bloomberg-2016-09-05", "ap-2016-09-04"])
    for extra in man[~seeds].itertuples():
        (folder / extra.file).unlink()
    man[seeds].to_csv(folder / "manifest.csv", index=False)
    return folder


def _set(folder, row: int, **fields: str) -> None:
    import pandas as pd

    path = folder / "manifest.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for k, v in fields.items():
        df.loc[row, k] = v
    df.to_csv(path, index=False)


def test_manifest_row_with_missing_cells_names_row(event):
    path = event / "manifest.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[1], "ap-2016-09-04," + AP_FILE]) + "\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"manifest\.csv, row 3: has 2 cells, the header has 10"):
        helpers.load_articles(event)


def test_manifest_date_without_hyphens_names_row_and_field(event):
    _set(event, 0, published="20160905")
    with pytest.raises(
        helpers.ArticleError, match=r"row 2: field 'published' = '20160905' is not an ISO date"
    ):
        helpers.load_articles(event)


def test_manifest_saved_with_a_byte_order_mark_loads(event):
    path = event / "manifest.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert helpers.load_articles(event)["article_id"].tolist() == ["bloomberg-2016-09-05", "ap-2016-09-04"]


def test_empty_and_header_only_manifests_name_the_file(event):
    path = event / "manifest.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0] + "\n"
    path.write_text(header, encoding="utf-8")
    for name in path.parent.glob("*.txt"):
        name.unlink()
    with pytest.raises(helpers.ArticleError, match=r"manifest\.csv: the manifest lists no articles"):
        helpers.load_articles(event)
    path.write_bytes(b"")
    with pytest.raises(
        helpers.ArticleError, match=r"manifest\.csv: the file is empty; expected a header row"
    ):
        helpers.load_articles(event)


@pytest.mark.parametrize("where", ["dotdot", "absolute", "symlink"])
def test_manifest_path_outside_the_event_folder_is_refused_before_reading(event, where):
    outside = event.parent.parent / "outside.txt"
    data = (event / AP_FILE).read_bytes()
    outside.write_bytes(data)
    (event / AP_FILE).unlink()
    if where == "symlink":
        (event / AP_FILE).symlink_to(outside)
        name = AP_FILE
    else:
        name = "../../outside.txt" if where == "dotdot" else str(outside)
    _set(event, 1, file=name, sha256="0" * 64)  # a wrong hash: the outside file's hash must not be printed
    with pytest.raises(
        helpers.ArticleError, match=r"row 3: field 'file' = .* is outside the event folder"
    ) as err:
        helpers.load_articles(event)
    assert "sha256 is" not in str(err.value)


def test_html_raw_file_is_refused_naming_the_file_and_line(event):
    import hashlib

    data = b"<html>\n<body><p>US and Russia close to a deal, officials said on Sunday.</p></body>\n</html>\n"
    (event / AP_FILE).write_bytes(data)
    _set(event, 1, sha256=hashlib.sha256(data).hexdigest())
    with pytest.raises(helpers.ArticleError, match=rf"{AP_FILE}, line 1: the text is HTML"):
        helpers.load_articles(event)


# ---------------------------------------------------------------- corpora


def _corpus(tmp_path, *records) -> object:
    import json

    lines = [json.dumps({"outlet": "AP", "text": f"Text {i}.", **r}) for i, r in enumerate(records)]
    return _write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")


def test_corpus_dates_with_offsets_are_converted_to_utc(tmp_path):
    import pandas as pd

    path = _corpus(
        tmp_path,
        {"date": "2016-09-05T08:30:00+08:00"},
        {"date": "2016-09-05T01:30:00Z"},
        {"date": "2016-09-04"},
    )
    df = helpers.read_corpus(path)
    assert df["date"].tolist() == [
        pd.Timestamp("2016-09-05 00:30"),
        pd.Timestamp("2016-09-05 01:30"),
        pd.Timestamp("2016-09-04"),
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (20160905, r"field 'date' = 20160905 \(int\) is not a date"),
        ("now", r"field 'date' = 'now' is not an ISO 8601 date"),
        ("2016-09-05T10:00", r"field 'date' = '2016-09-05T10:00' has a time but no UTC offset"),
        ("2016-02-30", r"field 'date' = '2016-02-30' is not a calendar date"),
    ],
)
def test_corpus_dates_are_never_guessed(tmp_path, date, message):
    path = _corpus(tmp_path, {"date": "2016-09-04"}, {"date": date})
    with pytest.raises(helpers.ArticleError, match=rf"c\.jsonl, line 2: {message}"):
        helpers.read_corpus(path)


def test_analyze_refuses_a_single_string():
    with pytest.raises(
        helpers.ArticleError, match=r"articles: got one str of 9 characters.*analyze\(\[text\]\)"
    ):
        helpers.analyze("some text", workers=1)


def test_sentiment_of_text_without_sentence_punctuation_is_scored_in_pieces():
    # VADER's cost grows with the square of a sentence's length: 2,400 words with no full stop
    # are scored as pieces of 1,000, 1,000 and 400 words, averaged by words (cost stays linear)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = " ".join(["the talks were good"] * 600)
    got = helpers.sentiment(text)
    assert len(got) == 1
    vader = SentimentIntensityAnalyzer(lexicon_file=str(helpers.vader_lexicon_path()))
    piece = [vader.polarity_scores(" ".join(["the talks were good"] * n))["compound"] for n in (250, 100)]
    assert got.compound[0] == pytest.approx((2 * 1000 * piece[0] + 400 * piece[1]) / 2400)


# ---------------------------------------------------------------- the table in docs/reliability.md


def test_reliability_table_names_existing_tests():
    import ast

    doc = (helpers.ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    rows = [r for r in doc.splitlines() if r.startswith("| ") and not r.startswith("| input |")]
    assert len(rows) >= 40
    functions: dict[str, set[str]] = {}
    for row in rows:
        refs = re.findall(r"`tests/([\w/]+\.py)::(\w+)`", row.rsplit("|", 2)[-2])
        assert refs, f"row names no test: {row[:80]}"
        for file, name in refs:
            if file not in functions:
                tree = ast.parse((helpers.ROOT / "tests" / file).read_text(encoding="utf-8"))
                functions[file] = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
            assert name in functions[file], (
                f"docs/reliability.md names tests/{file}::{name}, which does not exist"
            )
