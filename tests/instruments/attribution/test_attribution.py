"""Source attribution (issue 4): seed gold, one case per pattern, bad input, benchmark regression guard."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import load_script
from study import load_seeds

import helpers
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.filters import trim_source

GOLD = helpers.ROOT / "tests" / "gold" / "attribution_seeds.csv"
EVENT = helpers.ROOT / "articles" / "kerry-lavrov-g20-2016"
# the study's seed findings are computed with the event's own affiliation list (sides of this story)
STUDY = helpers.AttributionLexicons(affiliations=EVENT / "attribution_affiliations.csv")
KEY = [
    "sentence",
    "mention",
    "source",
    "source_type",
    "affiliation",
    "side",
    "cue",
    "quote",
    "anonymity_reason",
]


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return load_seeds()


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    df = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    return df.assign(sentence=df.sentence.astype(int), quote=df.quote == "True")


def _one(text: str, **kw) -> pd.Series:
    df = helpers.attributions(text, **{"lexicons": STUDY, **kw})
    assert len(df) == 1, df
    return df.iloc[0]


# ---------------------------------------------------------------- seed articles vs hand gold


@pytest.mark.parametrize("article_id, n", [("bloomberg-2016-09-05", 19), ("ap-2016-09-04", 21)])
def test_seed_matches_hand_gold(arts, gold, article_id, n):
    text = arts.set_index("article_id").loc[article_id, "text"]
    got = helpers.attributions(text, lexicons=STUDY)[KEY].reset_index(drop=True)
    want = gold[gold.article_id == article_id][KEY].reset_index(drop=True)
    assert len(want) == n
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_offsets_point_at_mention_and_cue(arts):
    for text in arts.text:
        df = helpers.attributions(text)
        spans = helpers.sentence_spans(text)
        for r in df.itertuples():
            assert text[r.start : r.end] == r.mention
            assert text[r.cue_start : r.cue_end] == r.cue
            s, e = spans[r.sentence]
            assert s <= min(r.start, r.cue_start) and max(r.end, r.cue_end) <= e


def test_seed_anonymity_reasons(arts):
    by = arts.set_index("outlet")
    bb = helpers.attributions(by.loc["Bloomberg", "text"], lexicons=STUDY)
    ap = helpers.attributions(by.loc["Associated Press", "text"], lexicons=STUDY)
    first_bb = bb[bb.source_type == "anonymous"].iloc[0]
    assert first_bb.anonymity_marker == "asked not to be identified"
    assert first_bb.anonymity_reason == "because the talks were private"
    assert (ap.anonymity_reason == "").all()  # AP's state-department official gets no stated reason
    assert (bb.source_type == "anonymous").sum() == 10 and (ap.source_type == "anonymous").sum() == 3


def test_seed_sides_and_scu_types(arts):
    ap = helpers.attributions(arts.set_index("article_id").loc["ap-2016-09-04", "text"], lexicons=STUDY)
    sides = helpers.attribution_sides(ap).set_index(["side", "source_type"])
    assert sides.loc[("US government", "named_person"), "named_individuals"] == 3  # Obama, Carter, Clapper
    assert sides.loc[("Turkish government", "named_person"), "attributions"] == 2
    scu = helpers.scu_types(ap)
    assert scu[ap.mention == "a senior US state department official"].tolist() == ["named_org"]
    assert scu[ap.source == "The Pentagon"].tolist() == ["named_org"]


# ---------------------------------------------------------------- one case per pattern


def test_np_said():
    r = _one("Sergei Lavrov said the talks were useful.")
    assert (r.source, r.source_type, r["name"], r.side, r.cue) == (
        "Sergei Lavrov",
        "named_person",
        "Sergei Lavrov",
        "Russian government",
        "said",
    )
    assert not r.quote


def test_said_np_inverted_with_quote():
    r = _one('"We are close," said Sergei Lavrov.')
    assert (r.source, r.cue, r.pattern, r.quote) == ("Sergei Lavrov", "said", "cue NP", True)


def test_according_to():
    r = _one("The ceasefire will start on Monday, according to the White House.")
    assert (r.source, r.source_type, r.affiliation, r.cue) == (
        "the White House",
        "named_organization",
        "White House",
        "according to",
    )


def test_told_reporters():
    r = _one("Kremlin spokesman Dmitry Peskov told reporters the meeting went well.")
    assert (r.mention, r.source_type, r.affiliation, r.cue) == (
        "Kremlin spokesman Dmitry Peskov",
        "named_person",
        "Kremlin",
        "told",
    )


def test_appositive():
    r = _one("Dmitry Peskov, the Kremlin spokesman, said the talks went well.")
    assert (r.mention, r["name"], r.source_type, r.affiliation) == (
        "Dmitry Peskov, the Kremlin spokesman",
        "Dmitry Peskov",
        "named_person",
        "Kremlin",
    )


def test_pronoun_resolved_to_most_recent_fitting_source():
    df = helpers.attributions(
        "Sergei Lavrov said the talks were useful. US officials said gaps remain. "
        "He added that work goes on.",
        lexicons=STUDY,
    )
    assert df.mention.tolist() == ["Sergei Lavrov", "US officials", "He"]
    assert df.source.iloc[2] == "Sergei Lavrov"  # "he" skips the plural officials


def test_follow_up_official_inherits_affiliation():
    df = helpers.attributions(
        "A senior Kremlin official said no deal was near. The official said talks would go on.",
        lexicons=STUDY,
    )
    assert df.source.tolist() == ["A senior Kremlin official"] * 2
    assert df.affiliation.tolist() == ["Kremlin", "Kremlin"]
    assert df.source_type.tolist() == ["anonymous", "anonymous"]


def test_unnamed_official_of_named_body_is_anonymous():
    r = _one("A senior State Department official said the plan failed.")
    assert (r.source_type, r.affiliation, r.side) == ("anonymous", "State Department", "US government")


def test_reason_not_authorized():
    r = _one("A US official, who was not authorized to speak publicly, said the plan failed.")
    assert (r.source, r.source_type) == ("A US official", "anonymous")
    assert r.anonymity_reason == "not authorized to speak publicly"


def test_reason_fear_of_reprisals():
    r = _one(
        "A Syrian doctor, who spoke on condition of anonymity for fear of reprisals, said the clinic was hit."
    )
    assert r.anonymity_marker == "on condition of anonymity"
    assert r.anonymity_reason == "for fear of reprisals"


def test_anonymous_without_reason():
    r = _one("Officials familiar with the talks said a deal was close.")
    assert (r.source_type, r.anonymity_marker, r.anonymity_reason) == ("anonymous", "familiar with", "")


def test_loaded_verb_and_beliefs_switch():
    r = _one("Russia accuses the U.S. of sheltering terrorist groups.")
    assert (r.source_type, r.stance) == ("named_organization", "loaded")
    text = "Obama thinks Russia should focus on IS."
    assert helpers.attributions(text).empty
    assert _one(text, beliefs=True).stance == "belief"
    # the rules alone keep every belief verb; with the CRF (the default) a belief the CRF does not
    # confirm is dropped, which is what PolNeAR dev prefers (source-overlap F1 0.720 against 0.697)
    rules = helpers.AttributionLexicons(affiliations=STUDY.affiliations, learned=False)
    assert _one("The US wants Russia to focus on IS.", beliefs=True, lexicons=rules).stance == "belief"


def test_adding_continues_the_statement():
    df = helpers.attributions("The meeting was productive, the official said, adding that talks would go on.")
    assert df.cue.tolist() == ["said"]


def test_source_split_off_by_the_sentence_splitter():
    text = "However, Rep. Stephen Lynch (D-Mass.) said the law does not require it."
    assert len(helpers.sentences(text)) == 1  # issue 21: no break after "(D-Mass.)" before "said"
    r = _one(text)
    assert (r.sentence, r.mention, r["name"], r.source_type) == (
        0,
        "Rep. Stephen Lynch (D-Mass.)",
        "Stephen Lynch",
        "named_person",
    )


def test_unnamed_people_of_a_named_person():
    r = _one("But in recent days, advisers to Mr. Obama say, the president has grown frustrated.")
    assert (r.mention, r.source_type, r.affiliation, r.side) == (
        "advisers to Mr. Obama",
        "anonymous",
        "Barack Obama",
        "US government",
    )


def test_outlet_after_the_cue_is_the_source():
    r = _one("Rents rose faster at the company's hotels than at similar buildings, reported the Times.")
    assert (r.source, r.source_type, r.cue) == ("the Times", "named_organization", "reported")


def test_agent_of_a_passive_cue_is_the_source():
    df = helpers.attributions("Some details were previously reported by Bloomberg and The Information.")
    assert df.source.tolist() == ["Bloomberg", "The Information"]
    assert "named_organization" in df.source_type.tolist()
    r = _one("This year's total is 97% of the 2019 figure, Yakel said by email.")
    assert r.source == "Yakel"  # "by email" is the means, not an agent
    timed = helpers.attributions("He would be confirmed by October, when the term starts.")
    assert "October" not in timed.source.tolist()  # a time, not an agent
    calls = helpers.attributions("Republicans seized upon calls by some activists to cut funds.")
    assert "some activists" not in calls.source.tolist()  # "calls" is a noun here
    rules = helpers.AttributionLexicons(learned=False)
    df = helpers.attributions("The paper was accused by Ramos of defamation.", lexicons=rules)
    assert df.source.tolist() == ["Ramos"]  # the rules' agent stops before "of" + a lower-case word


def test_the_crf_does_not_cut_a_name_the_rules_found_whole():
    r = _one("Union president Maria Okafor accused the port of stalling.")
    assert (r.source, r["name"], r.affiliation) == ("Union president Maria Okafor", "Maria Okafor", "Union")


def test_a_proper_name_after_the_is_no_follow_up():
    text = (
        "The ban was upheld, the World Bank said. "
        "The ACLU sued the agency for discrimination, claiming the rule was adopted illegally."
    )
    df = helpers.attributions(text)
    assert df.source.tolist() == ["the World Bank", "The ACLU"]
    assert df["name"].tolist()[1] == "ACLU"


def test_a_source_span_loses_a_leading_conjunction():
    text = "But Chief Justice Roberts challenged that line of argument, saying the court was asked to rule."
    df = helpers.attributions(text)  # two rows: an act with its own object, then the participle
    assert set(zip(df.source, df.source_type, strict=True)) == {("Chief Justice Roberts", "named_person")}


def test_no_source_is_a_lone_article_subordinator_or_label():
    for text in (
        "CORRECTION: The Sea of Galilee is a lake.",
        "PHOTOS: Some lawmakers rush to give up pay.",
    ):
        assert helpers.attributions(text).empty, text  # a column or editorial label, not a speaker
    latest = helpers.attributions("The Latest: Trump urges supporters to monitor polling places.")
    assert latest.source.tolist() == ["Trump"]
    df = helpers.attributions("Speaker John Boehner, Ohio Republican, said the “principle is simple.”")
    assert "the" not in df.source.tolist()  # "said the ..." read as an inverted cue left the article
    h = Hit(0, 0, 1, 12, 20, "defender", "unlisted", "CRF NP cue")
    assert not trim_source("A passionate defender of it", h)  # the CRF's source "A" is no source


@pytest.mark.parametrize("name", ["Ted Cruz", "Ahmed Abu Zeid", "Fred Ryan"])
def test_a_capitalised_name_ending_in_ed_after_a_title_is_a_person(name):
    r = _one(f"Senator {name} said the bill was wrong.")
    assert (r.source_type, r["name"]) == ("named_person", name)  # not cut as a participle ("released")


@pytest.mark.parametrize(
    "text",
    [
        "The civil war began with Assad's crackdown in 2011.",
        "Caught in the middle are Syria's civilians.",
        "A deal could be announced as early as Sunday by John Kerry.",
        "Turkey's demands for the US have grown.",
        "Officials scheduled a call with reporters.",
    ],
)
def test_no_attribution(text):
    df = helpers.attributions(text)
    assert df.empty and list(df.columns) == list(helpers.ATTRIBUTION_COLUMNS)


# ---------------------------------------------------------------- bad input


def test_empty_text_gives_empty_frame_with_columns():
    df = helpers.attributions("")
    assert df.empty and list(df.columns) == list(helpers.ATTRIBUTION_COLUMNS)
    assert helpers.attribution_sides(df).empty
    assert helpers.scu_types(df).empty


@pytest.mark.parametrize("bad", [None, 42, b"said"])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError):
        helpers.attributions(bad)


@pytest.mark.parametrize(
    "const, content, needle",
    [
        (
            "cues",
            "lemma,forms,stance,inverts,rationale\nsay,said,neutral,yes,ok\nx,x,sarcastic,no,bad\n",
            "row 3",
        ),
        ("cues", "lemma,forms,stance,inverts,rationale\nsay,,neutral,yes,ok\n", "row 2"),
        (
            "anonymity",
            "pattern,category,rationale\n\\bsources?\\b,marker,ok\n(unclosed,reason,bad\n",
            "row 3",
        ),
        ("anonymity", "pattern,category,rationale\n\\bsources?\\b,rumour,bad\n", "row 2"),
        ("nouns", "term,category,rationale\nofficial,official,ok\nofficial,group,dup\n", "row 3"),
        (
            "affiliations",
            "alias,canonical,kind,side\nUS,United States,organization,US government\n",
            "rationale",
        ),
    ],
)
def test_malformed_lexicon_names_file_and_row(tmp_path, const, content, needle):
    path = tmp_path / f"{const}.csv"
    path.write_text(content, encoding="utf-8")
    lexicons = helpers.AttributionLexicons(**{const: path})
    with pytest.raises(helpers.ArticleError) as exc:
        helpers.attributions('"It works," said a senior US official.', lexicons=lexicons)
    assert str(path) in str(exc.value) and needle in str(exc.value)


# ---------------------------------------------------------------- benchmark regression guard


def _eval_module():
    return load_script("attribution_eval", helpers.ROOT / "benchmarks")


def test_benchmark_scores_do_not_regress():
    mod = _eval_module()
    if not mod.available():
        pytest.skip(f"../shared not found: {mod.BENCH} (attribution benchmark skipped)")
    res = mod.evaluate()
    pol, scu = res["polnear_dev"], res["scu"]
    # issue 21 (round pol2): measured 0.7625 (0.7603 without ', adding'); 0.7606 before; rules 0.669
    assert pol["source_overlap"]["F1"] >= 0.76
    assert pol["source_overlap"]["P"] >= 0.825 and pol["source_overlap"]["R"] >= 0.695  # 0.833 / 0.703
    assert pol["source_exact"]["F1"] >= 0.665  # measured 0.673
    assert pol["cue_overlap"]["F1"] >= 0.735  # measured 0.742
    assert scu["statement_recall"] >= 0.87  # measured 0.876 (560/639; 0.864 before); naive regex 0.54
    assert mod.type_accuracy(scu) >= 0.90  # measured 0.902 (505/560, round pol2); 0.853 before issue 13
    ok = {t: tuple(map(int, v.split("/"))) for t, v in scu["type_accuracy_on_found"].items()}
    assert ok["named_org"][0] / ok["named_org"][1] >= 0.75  # measured 70/92; 0.48 before the CRF
    assert ok["document"][0] / ok["document"][1] >= 0.60  # measured 34/45; 0.37 before the CRF
    pol_path = mod.BENCH / "polnear_dev.jsonl"
    rows = mod.OUT / "attribution_polnear_dev_pred_rows.jsonl"
    own = mod.score(pol_path, mod.predict(pol_path, rows, True, continuations=False))["source_overlap"]["F1"]
    assert own >= 0.76  # issue 21 target, scored plainly: 0.7639 after round nine (0.7641 in src12)
    readme = " ".join((helpers.ROOT / "README.md").read_text(encoding="utf-8").split())
    f1 = pol["source_overlap"]["F1"]
    stated = f"F1 {f1:.3f} on PolNeAR dev scored with its conventions ({own:.3f} on our rows"
    assert stated in readme, f"README's PolNeAR numbers are out of date; expected: {stated}"


@pytest.mark.shared
def test_the_naive_baseline_is_read_from_the_benchmark_readme():
    """Notebook 02 states the naive regex's F1 from the benchmark README through naive_baseline."""
    mod = _eval_module()
    if not (mod.BENCH / "README.md").is_file():
        pytest.skip(f"../shared not found: {mod.BENCH / 'README.md'} (attribution benchmark skipped)")
    assert mod.naive_baseline() == {"P": 0.75, "R": 0.28, "F1": 0.41}


def test_polnear_continuation_convention():
    mod = _eval_module()
    text = "Kerry said the talks failed, adding that he would return. Lavrov said it, wanting more."
    spans = helpers.sentence_spans(text)
    row = {"char_start": 0, "char_end": 5, "cue_char_start": 6, "cue_char_end": 10}
    other = {"char_start": 58, "char_end": 64, "cue_char_start": 65, "cue_char_end": 69}
    added = mod._continuations([row, other], text, spans)
    got = [(p["char_start"], text[p["cue_char_start"] : p["cue_char_end"]]) for p in added]
    assert got == [(0, "adding")]


def _allsides_module():
    return load_script("attribution_allsides_eval", helpers.ROOT / "benchmarks")


def test_allsides_dev_gold_scores_do_not_regress():
    mod = _allsides_module()
    if not mod.available():
        pytest.skip(f"../shared not found: {mod.CORPUS} (AllSides attribution evaluation skipped)")
    res = mod.evaluate()
    assert res["gold"] == 324
    assert res["source_overlap"]["F1"] >= 0.745  # measured 0.759
    assert res["type_accuracy"] >= 0.92  # measured 0.929 on 255 matched rows (0.841 before)
    ok = {t: tuple(map(int, v.split("/"))) for t, v in res["type_accuracy_by_gold_type"].items()}
    assert ok["named_person"][0] / ok["named_person"][1] >= 0.92  # measured 170/180
    assert ok["anonymous"][0] / ok["anonymous"][1] >= 0.9  # measured 32/32
    readme = " ".join((helpers.ROOT / "README.md").read_text(encoding="utf-8").split())
    shares = ", ".join(
        f"{label} {ok[t][0] / ok[t][1]:.2f}"
        for t, label in (("named_person", "named person"), ("named_organization", "named organisation"),
                         ("document", "document"), ("anonymous", "anonymous"))
    )  # fmt: skip
    stated = (
        f"source F1 {res['source_overlap']['F1']:.2f} and type accuracy {res['type_accuracy']:.2f} ({shares})"
    )
    assert stated in readme, f"README's AllSides numbers are out of date; expected: {stated}"


@pytest.mark.parametrize(
    "text, marker, reason",
    [
        (
            "A senior official, who requested anonymity out of fear of retaliation, said the talks failed.",
            "requested anonymity",
            "out of fear of retaliation",
        ),
        (
            "An official, speaking on background under ground rules set by the State Department, said it.",
            "on background",
            "under ground rules set by the State Department",
        ),
        (
            "A diplomat said on condition of anonymity because they feared reprisals that the deal was dead.",
            "on condition of anonymity",
            "because they feared reprisals",
        ),
    ],
)
def test_anonymity_reason_forms(text, marker, reason):
    r = _one(text)
    assert (r.source_type, r.anonymity_marker, r.anonymity_reason) == ("anonymous", marker, reason)


NAME_SCAN_TEXTS = [
    "Mr. Altman met Sen. Warren. TJ King said, and King, Gridwise, an app, and LAist, a newsroom, agreed.",
    "A lawyer at Anthropic and a man from LAist spoke; at Noon, from  Gridwise-Labs's office.",
    "Ge\u0301rald Darmanin, a minister; Xe\u0301Abc, a company that sells; O'Neill, an agency official.",
    "the Stanford Lab said.Biden. 'Ryan' “Smith” -Jones 2020Harris at\tEU from\nUN at the UN.",
    "Erdoğan, Şahin and İnce; ÉCOLE, a school; Über, an app; МОСКВА, a city. Dr Who at CERN, a lab",
]


@pytest.mark.parametrize("text", NAME_SCAN_TEXTS)
def test_name_scans_tried_at_their_starts_equal_finditer(text):
    """The name, body and apposed-body patterns tried only where they can start find what finditer finds."""
    from outlet_comparison.instruments.attribution import names
    from outlet_comparison.instruments.attribution.rules import load_rules, remember

    apposed = remember(load_rules(), "apposed_rx", "", names._apposed_rx)
    scans = [
        (names._NAME_RE, names._NAME_START),
        (names._BODY_RE, names._BODY_START),
        (apposed, names._APPOSED_START),
    ]
    for rx, start_rx in scans:
        expected = [(m.span(), m.groups()) for m in rx.finditer(text)]
        assert [(m.span(), m.groups()) for m in names._finditer(text, rx, start_rx)] == expected
