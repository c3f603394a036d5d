"""The study's published numbers have one home: the notebooks compute them and write the study's sentences
from the values (03 the Flesch–Kincaid grades, 02 the attribution counts, 04 the actor and aligned-sentence
counts); README and docs are checked against the same computation here (docs/coverage.md: every number of its
findings on the study, and of its quoted-flag, hand-pair and threshold method)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from study import STUDY_EVENT, load_seeds

import helpers

FK = "flesch_kincaid_grade"


@pytest.fixture(scope="module")
def seed_grades() -> dict:
    """Each seed's Flesch–Kincaid grade and the seeded bootstrap of the first minus the second."""
    seeds = load_seeds()
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    b, a = seeds.outlet
    boot = helpers.fk_bootstrap(text[b], text[a], seed=2016)
    return {"b": helpers.readability(text[b])[FK], "a": helpers.readability(text[a])[FK], "boot": boot}


def _signed(x: float, digits: int = 2) -> str:
    return f"{x:+.{digits}f}".replace("-", "−")


def test_readme_states_the_computed_grades(seed_grades):
    readme = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| Flesch–Kincaid grade |"))
    boot = seed_grades["boot"]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1:3] == [f"{seed_grades['b']:.2f}", f"{seed_grades['a']:.2f}"], row
    assert cells[3] == f"{_signed(boot['diff'])}, CI {_signed(boot['ci_low'])} to {_signed(boot['ci_high'])}"


def test_the_readability_docs_state_the_computed_grades(seed_grades):
    docs = (helpers.ROOT / "docs" / "readability.md").read_text(encoding="utf-8")
    said = re.search(r"Bloomberg's body at grade (\d+\.\d\d) .* AP's at (\d+\.\d\d)", docs, re.S)
    assert said and said.groups() == (f"{seed_grades['b']:.2f}", f"{seed_grades['a']:.2f}")


def test_notebook_03_does_not_retype_the_grades(seed_grades):
    """The notebook writes the grades from the values it computes; no cell types them."""
    text = (helpers.ROOT / "notebooks" / "03-readability.ipynb").read_text(encoding="utf-8")
    for value in (seed_grades["b"], seed_grades["a"]):
        assert f"{value:.2f}" not in text, f"{value:.2f} is typed in notebook 03"


@pytest.fixture(scope="module")
def seed_sourcing() -> pd.DataFrame:
    """Notebook 02's anonymity table of the two seeds: attributions and anonymous ones per outlet."""
    seeds = load_seeds()
    event = helpers.read_event(STUDY_EVENT)
    att = helpers.sourcing.event_attributions(seeds, lexicons=helpers.event_lexicons(event))
    table = helpers.sourcing.anonymity_table(att, list(seeds.outlet)).set_index("outlet")
    table.attrs["gap"] = helpers.sourcing.anonymity_differences(att, list(seeds.outlet)).iloc[0]
    return table


@pytest.fixture(scope="module")
def seed_coverage() -> dict:
    """Notebook 04's actor summary and automatic sentence coverage of the two seeds."""
    seeds = load_seeds()
    aliases = helpers.read_event(STUDY_EVENT).aliases
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    pairs = helpers.overlap.pairwise_alignment(text, aliases=aliases)
    cov = helpers.overlap.sentence_coverage(text, pairs)
    mentions = helpers.overlap.actor_mentions(text, aliases)
    return {
        "outlets": list(seeds.outlet),
        "actors": helpers.overlap.actor_summary(mentions, list(seeds.outlet)).set_index("outlet"),
        "pairs": len(pairs),
        "coverage": cov.groupby("outlet").agg(sentences=("sentence", "size"), aligned=("shared", "sum")),
    }


def _readme_row(start: str) -> list[str]:
    readme = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(start))
    return [c.strip() for c in row.strip("|").split("|")]


def test_readme_states_the_computed_attribution_counts(seed_sourcing):
    b, a = seed_sourcing.index
    counts = _readme_row("| attributed statements |")
    assert counts[1:3] == [
        str(seed_sourcing.loc[b, "attributions"]),
        str(seed_sourcing.loc[a, "attributions"]),
    ]
    anonymous = _readme_row("| … to anonymous sources |")
    assert anonymous[1:3] == [
        f"{seed_sourcing.loc[o, 'anonymous']} ({100 * seed_sourcing.loc[o, 'share']:.0f} %)" for o in (b, a)
    ]
    gap = 100 * seed_sourcing.attrs["gap"][["diff", "ci_low", "ci_high"]]
    assert anonymous[3] == f"{_signed(gap['diff'], 0)} points, CI {_signed(gap['ci_low'], 0)} to " + (
        f"{_signed(gap['ci_high'], 0)} (attributions resampled)"
    )
    readme = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"Only (\d+) of (\d+) distinct anonymous sources across both articles", readme)
    assert said and [int(g) for g in said.groups()] == [
        seed_sourcing["with_reason"].sum(),
        seed_sourcing["anonymous_sources"].sum(),
    ]


def test_the_attribution_docs_state_the_computed_counts(seed_sourcing):
    b, a = seed_sourcing.index
    docs = (helpers.ROOT / "docs" / "attribution.md").read_text(encoding="utf-8")
    said = re.search(
        r"Bloomberg's (\d+) attributed statements, (\d+) \((\d+)%\) .*? AP has (\d+) of (\d+) \((\d+)%\)",
        docs,
        re.S,
    )
    s = seed_sourcing
    assert said and [int(g) for g in said.groups()] == [
        s.loc[b, "attributions"], s.loc[b, "anonymous"], round(100 * s.loc[b, "share"]),
        s.loc[a, "anonymous"], s.loc[a, "attributions"], round(100 * s.loc[a, "share"]),
    ]  # fmt: skip


def test_readme_states_the_computed_aligned_sentences(seed_coverage):
    cov = seed_coverage["coverage"]
    row = _readme_row("| sentences with a counterpart in the other article (automatic) |")
    assert row[1:3] == [
        f"{cov.loc[o, 'aligned']} of {cov.loc[o, 'sentences']}" for o in seed_coverage["outlets"]
    ]


def test_the_coverage_docs_state_the_computed_actor_counts(seed_coverage):
    actors = seed_coverage["actors"]
    docs = (helpers.ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    said = re.search(r"\((\d+) / (\d+) / (\d+)\s+and (\d+) / (\d+) / (\d+); the (\d+) aligned pairs", docs)
    want = [actors.loc[o, c] for o in seed_coverage["outlets"] for c in ("mentions", "actors", "quoted")]
    assert said and [int(g) for g in said.groups()[:6]] == want
    assert int(said.group(7)) == seed_coverage["pairs"]


@pytest.fixture(scope="module")
def seed_frames() -> pd.DataFrame:
    """Notebook 01's frame rates of the two seeds: hits and hits per 1,000 words per outlet and frame."""
    seeds = load_seeds()
    rates = helpers.by_outlet(seeds, helpers.frame_rates_ci, lexicon=helpers.read_event(STUDY_EVENT).frames)
    return rates.set_index(["outlet", "frame"])


@pytest.mark.parametrize("frame", ["failure", "optimism"])
def test_readme_states_the_computed_frame_rates(seed_frames, frame):
    outlets = list(dict.fromkeys(seed_frames.index.get_level_values("outlet")))
    row = _readme_row(f"| {frame}-frame hits per 1,000 words |")
    want = [
        f"{seed_frames.loc[(o, frame), 'per_1k']:.1f} ({seed_frames.loc[(o, frame), 'hits']} hits)"
        for o in outlets
    ]
    assert row[1:3] == want


def test_the_coverage_docs_state_the_computed_failure_rates(seed_frames):
    outlets = list(dict.fromkeys(seed_frames.index.get_level_values("outlet")))
    docs = (helpers.ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    said = re.search(r"failure frame runs at about twice AP's rate \(\*\*(\d+\.\d) vs (\d+\.\d)\*\*", docs)
    assert said and list(said.groups()) == [
        f"{seed_frames.loc[(o, 'failure'), 'per_1k']:.1f}" for o in outlets
    ]


def test_the_coverage_docs_state_the_computed_anonymous_counts(seed_sourcing):
    docs = (helpers.ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    said = re.search(r"more anonymously sourced statements \(\*\*(\d+) vs (\d+)\*\*\)", docs)
    assert said and [int(g) for g in said.groups()] == seed_sourcing["anonymous"].tolist()


@pytest.fixture(scope="module")
def seed_differences() -> dict:
    """Notebook 01's seeded bootstraps of the seeds: net failure hits per sentence and sentence tone."""
    seeds = load_seeds()
    event = helpers.read_event(STUDY_EVENT)
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    net = {
        o: helpers.frame_by_sentence(t, event.frames, contrast=event.contrast)["net"] for o, t in text.items()
    }
    tone = helpers.by_outlet(seeds, helpers.sentiment)
    return {
        "net": helpers.pairwise_differences(net).iloc[0],
        "tone": helpers.pairwise_differences(
            {o: g["compound"] for o, g in tone.groupby("outlet", sort=False)}
        ).iloc[0],
        "means": tone.groupby("outlet", sort=False)["compound"].mean(),
    }


def _ci(row, digits: int = 2) -> str:
    return f"CI {_signed(row['ci_low'], digits)} to {_signed(row['ci_high'], digits)}"


def test_readme_states_the_computed_differences(seed_differences):
    net, tone, means = seed_differences["net"], seed_differences["tone"], seed_differences["means"]
    frames = _readme_row("| failure-frame hits per 1,000 words |")
    assert frames[3] == f"net failure per sentence {_signed(net['diff'])}, {_ci(net)}"
    row = _readme_row("| mean VADER compound per sentence |")
    assert row[1:3] == [_signed(m, 3).lstrip("+") for m in means]
    assert row[3] == f"{_signed(tone['diff'], 3)}, {_ci(tone)}"


@pytest.fixture(scope="module")
def seed_readability() -> dict:
    """Notebook 03's tables of the two seeds: each body's and raw file's scores, and the median sentence."""
    seeds = load_seeds()
    return {
        "outlets": list(seeds.outlet),
        "body": pd.DataFrame(
            {o: helpers.readability(t) for o, t in zip(seeds.outlet, seeds.text, strict=True)}
        ),
        "raw": pd.DataFrame(
            {o: helpers.readability(t) for o, t in zip(seeds.outlet, seeds.raw, strict=True)}
        ),
        "median": helpers.by_outlet(seeds, helpers.readability_sentences).groupby("outlet")["words"].median(),
    }


def test_the_readability_docs_state_the_computed_study_numbers(seed_readability):
    """Every number of the docs' findings on the study is notebook 03's (its findings and section checks)."""
    b, a = seed_readability["outlets"]
    s, raw, med = seed_readability["body"], seed_readability["raw"], seed_readability["median"]
    docs = (helpers.ROOT / "docs" / "readability.md").read_text(encoding="utf-8")
    said = " ".join(docs.split("## Findings on the study", 1)[1].split("## Method", 1)[0].split())
    grades = s.loc[list(helpers.GRADE_FORMULAS)].astype(float)
    ts = f"textstat_{FK}"
    want = [
        f"Bloomberg's body at grade {s.loc[FK, b]:.2f} ({s.loc['words', b]:.0f} words, "
        f"{s.loc['sentences', b]:.0f}",
        f"AP's at {s.loc[FK, a]:.2f} ({s.loc['words', a]:.0f} words, {s.loc['sentences', a]:.0f} sentences)",
        f"range from {grades.min().min():.1f} (Coleman–Liau, AP) to {grades.max().max():.1f}",
        f"(median {med[a]:.0f} words against {med[b]:.0f})",
        f"({s.loc['syllables_per_word', b]:.2f} against {s.loc['syllables_per_word', a]:.2f} syllables per "
        "word; "
        f"{100 * s.loc['polysyllable_share', b]:.1f}% against {100 * s.loc['polysyllable_share', a]:.1f}%",
        f"finds {s.loc['textstat_sentences', b]:.0f} sentences in Bloomberg",
        f"look {s.loc[FK, b] - s.loc[ts, b]:.2f} grades easier ({s.loc[ts, b]:.2f})",
        f"reported a {s.loc[ts, a] - s.loc[ts, b]:.1f}-grade gap",
        f"Bloomberg to grade {raw.loc[FK, b]:.2f} (−{s.loc[FK, b] - raw.loc[FK, b]:.2f})",
        f"moves only {s.loc[FK, a] - raw.loc[FK, a]:.2f}, to {raw.loc[FK, a]:.2f}",
    ]
    assert [w for w in want if w not in said] == []


@pytest.fixture(scope="module")
def seed_tone_and_timing() -> dict:
    """Notebook 01's tone thirds of the seeds and the first seed's failure hits split by the timing codes."""
    seeds = load_seeds()
    event = helpers.read_event(STUDY_EVENT)
    ff = helpers.findings.framing
    tone = ff.tone_arc(
        helpers.by_outlet(seeds, helpers.sentiment),
        {o: len(t) for o, t in zip(seeds.outlet, seeds.text, strict=True)},
    )
    per = helpers.frame_by_sentence(seeds.text.iloc[0], event.frames, contrast=event.contrast)
    split = ff.timing_split(
        per, pd.read_csv(event.study_file("timing")), list(helpers.frame_names(event.frames))
    )
    return {"outlets": list(seeds.outlet), "thirds": ff.tone_thirds(tone), "split": split}


def test_readme_states_the_computed_timing_split(seed_tone_and_timing):
    split = seed_tone_and_timing["split"]
    readme = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"\*\*(\d+) of Bloomberg's (\d+) failure hits\*\*", readme)
    assert said and [int(g) for g in said.groups()] == [split.loc["yes", "failure"], split["failure"].sum()]


def test_the_sentiment_docs_state_the_computed_first_third(seed_tone_and_timing):
    b = seed_tone_and_timing["outlets"][0]
    docs = (helpers.ROOT / "docs" / "sentiment.md").read_text(encoding="utf-8")
    said = re.search(r"first third scores ([+−]\d\.\d{3})", docs)
    assert said and said.group(1) == _signed(seed_tone_and_timing["thirds"].loc[b, "first third"], 3)


def test_readme_states_the_computed_body_sizes():
    """Notebook 00's body sizes of the seeds (words / sentences) are the README's."""
    seeds = load_seeds()
    stats = helpers.findings.articles.body_stats(seeds)
    row = _readme_row("| body words / sentences |")
    assert row[1:3] == [f"{stats.loc[o, 'words']} / {stats.loc[o, 'sentences']}" for o in seeds.outlet]


@pytest.fixture(scope="module")
def seed_overlap() -> dict:
    """Notebook 04's study tables of the two seeds: coverage by method, sides, speakers, name forms, the
    threshold sweep against the hand pairs and the quoted flag against the hand-annotated speakers."""
    seeds = load_seeds()
    event = helpers.read_event(STUDY_EVENT)
    b, a = outlets = list(seeds.outlet)
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    ov, ft = helpers.overlap, helpers.findings.coverage_tables
    gold = pd.read_csv(helpers.ROOT / "tests" / "gold" / "coverage_alignment.csv")
    cov = ov.sentence_coverage(text, ov.pairwise_alignment(text, aliases=event.aliases))
    cov = ft.with_hand_pairs(cov, {b: set(gold.sentence_a), a: set(gold.sentence_b)})
    mentions = ov.actor_mentions(text, event.aliases)
    sides = ov.side_order(mentions, helpers.actor_sides(event.aliases))
    speakers_gold = pd.read_csv(helpers.ROOT / "tests" / "gold" / "coverage_speakers.csv")
    quoted = mentions.loc[mentions.quoted, ["outlet", "sentence", "actor"]].itertuples(index=False, name=None)
    return {
        "outlets": outlets,
        "gold": gold,
        "by_method": ft.coverage_by_method(cov),
        "sides": ft.side_table(mentions, sides, outlets)["mentions"],
        "speakers": ft.speaker_table(mentions, outlets),
        "summary": ov.actor_summary(mentions, outlets).set_index("outlet"),
        "forms": ov.name_forms(mentions).groupby(["outlet", "form"])["count"].sum(),
        "sweep": ft.threshold_sweep(
            text[b], text[a], set(zip(gold.sentence_a, gold.sentence_b, strict=True)), event.aliases
        ),
        "speakers_gold": set(
            zip(speakers_gold.outlet, speakers_gold.sentence, speakers_gold.actor, strict=True)
        ),
        "quoted": set(quoted),
    }


def _docs_part(page: str, start: str, end: str) -> str:
    """One part of a docs page, whitespace folded (a sentence may break across lines)."""
    text = (helpers.ROOT / "docs" / page).read_text(encoding="utf-8")
    return " ".join(text.split(start, 1)[1].split(end, 1)[0].split())


def test_the_coverage_docs_findings_state_the_computed_numbers(seed_overlap, seed_differences, seed_grades):
    """Every number of docs/coverage.md's findings on the study is notebook 04's (its tables and card)."""
    o = seed_overlap
    b, a = o["outlets"]
    m = o["by_method"].astype({"sentences": int, "aligned": int, "aligned_by_hand": int})
    side, sp, s, forms = o["sides"], o["speakers"], o["summary"], o["forms"]
    means = seed_differences["means"]
    said = _docs_part("coverage.md", "## Findings on the study", "## Method")
    want = [
        f"pairs **{m.aligned[b]} of {m.sentences[b]}** Bloomberg sentences with **{m.aligned[a]} of "
        f"{m.sentences[a]}** AP sentences (**{m.aligned_words_pct[b]:.0f} %** of Bloomberg's words, "
        f"**{m.aligned_words_pct[a]:.0f} %** of AP's)",
        f"(**{m.aligned_by_hand[b]} of {m.sentences[b]}** Bloomberg and **{m.aligned_by_hand[a]} of "
        f"{m.sentences[a]}** AP sentences)",
        f"**{side.loc['Turkey', a]}** mentions of the Turkish side against Bloomberg's "
        f"**{side.loc['Turkey', b]}**",
        f"**{sp.loc['US officials (unnamed)', b]} of Bloomberg's {s.quoted[b]}** quoted mentions are an "
        f"unnamed US official; **{sp.loc['Barack Obama', a]} of AP's {s.quoted[a]}** are Obama himself",
        f"Bloomberg names **{s.actors[b]}** distinct actors in **{s.mentions[b]}** mentions, AP "
        f"**{s.actors[a]}** in **{s.mentions[a]}**",
        f'"Jabhat Fatah Al-Sham" ({forms[b, "Jabhat Fatah Al-Sham"]} times), AP writes "IS" '
        f"({forms[a, 'IS']} times)",
        f"compound **{helpers.findings.num(means[b], 2)} vs {helpers.findings.num(means[a], 2)}**",
        f"grade about **{round(seed_grades['b'])}** for both",
    ]
    assert round(seed_grades["a"]) == round(seed_grades["b"])
    assert [w for w in want if w not in said] == []


def test_the_coverage_docs_method_states_the_computed_numbers(seed_overlap):
    """The quoted flag against the hand-annotated speakers, the hand pairs and the threshold sweep."""
    o = seed_overlap
    b, a = o["outlets"]
    m, gold, sweep = o["by_method"], o["gold"], o["sweep"]
    best = sweep.loc[sweep.f1.idxmax()]
    flat = sweep[sweep.f1 == sweep.f1.iloc[0]].threshold
    assert flat.index.tolist() == list(range(len(flat)))  # one flat run from the lowest threshold
    falls = sweep[(sweep.threshold > best.threshold) & (sweep.f1 < best.f1)].threshold.iloc[0]
    strength = gold.strength.value_counts()
    found, false = o["quoted"] & o["speakers_gold"], o["quoted"] - o["speakers_gold"]
    assert {actor for _, _, actor in false} <= {
        "Ash Carter",
        "James Clapper",
    }  # docs: "did not count"
    th = sweep.threshold
    said = _docs_part("coverage.md", "## Method", "## Limitations")
    want = [
        f"annotation of the {len(o['speakers_gold'])} named speakers in the two texts",
        f"finds {len(found)}, with {len(false)} the annotator did not count",
        f"aligned all {m.sentences[b]:.0f} × {m.sentences[a]:.0f} sentence pairs",
        f"coverage_alignment.csv`: {len(gold)} pairs, {strength['clear']} clear and "
        f"{strength['borderline']} borderline)",
        f"from {th.min():.2f} to {th.max():.2f} in steps of {th.diff().iloc[1]:.3f}",
        f"F1 is flat at {sweep.f1.iloc[0]:.2f} up to {flat.max():.3f}, peaks at **{best.f1:.2f} at "
        f"{best.threshold:.3f}** ({best.pairs:.0f} pairs, {best.precision * best.pairs:.0f} correct: "
        f"precision {best.precision:.2f}, recall {best.recall:.2f}) and falls from {falls:.2f} on",
    ]
    assert best.threshold == helpers.ALIGN_THRESHOLD
    assert [w for w in want if w not in said] == []
    limits = _docs_part("coverage.md", "## Limitations", "\n\n\n")
    assert f"recall against the hand pairs is {best.recall:.2f}" in limits
    assert f"chosen on the same {len(gold)} pairs" in limits
