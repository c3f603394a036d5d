"""The findings table at the top of README.md matches what the helpers compute from the seeds."""

import pandas as pd
import pytest
from study import load_seeds

import helpers

EVENT = helpers.ROOT / "articles" / "kerry-lavrov-g20-2016"
ALIASES = EVENT / "actor_aliases.csv"  # the study's own lists
STUDY = helpers.AttributionLexicons(affiliations=EVENT / "attribution_affiliations.csv")


@pytest.fixture(scope="module")
def readme() -> str:
    text = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Findings", 1)[1].split("\n## ", 1)[0]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    arts = load_seeds().set_index("outlet")
    return {
        "Bloomberg": arts.loc["Bloomberg", "text"],
        "Associated Press": arts.loc["Associated Press", "text"],
    }


def _row(readme: str, label: str) -> str:
    """The table row that starts with label."""
    rows = [line for line in readme.splitlines() if line.startswith(f"| {label} |")]
    assert len(rows) == 1, f"README findings table has no single row '{label}'"
    return rows[0]


def _minus(x: float, fmt: str) -> str:
    """Format with a typographic minus, as the README does."""
    return format(x, fmt).replace("-", "−")


def test_body_size(readme, texts):
    b, a = (helpers.text_stats(texts[o]) for o in ("Bloomberg", "Associated Press"))
    assert f"| {b.words} / {b.sentences} | {a.words} / {a.sentences} |" in _row(
        readme, "body words / sentences"
    )


@pytest.mark.parametrize("frame", ["failure", "optimism"])
def test_frame_rates(readme, texts, frame):
    cells = []
    for outlet in ("Bloomberg", "Associated Press"):
        hits = helpers.frame_hits(texts[outlet])
        n = int((hits.frame == frame).sum())
        cells.append(f"{helpers.per_1k(n, len(helpers.words(texts[outlet]))):.1f} ({n} hits)")
    assert f"| {cells[0]} | {cells[1]} |" in _row(readme, f"{frame}-frame hits per 1,000 words")


def test_net_failure_ci(readme, texts):
    net = [helpers.frame_by_sentence(texts[o])["net"] for o in ("Bloomberg", "Associated Press")]
    ci = helpers.bootstrap_diff(*net, seed=2016)
    want = f"net failure per sentence {_minus(ci['diff'], '+.2f')}, CI {_minus(ci['ci_low'], '.2f')} to "
    assert want + _minus(ci["ci_high"], "+.2f") in _row(readme, "failure-frame hits per 1,000 words")


def test_tone(readme, texts):
    comp = [helpers.sentiment(texts[o])["compound"] for o in ("Bloomberg", "Associated Press")]
    ci = helpers.bootstrap_diff(*comp, seed=2016)
    row = _row(readme, "mean VADER compound per sentence")
    assert f"| {_minus(comp[0].mean(), '.3f')} | {_minus(comp[1].mean(), '.3f')} |" in row
    assert (
        f"{_minus(ci['diff'], '+.3f')}, CI {_minus(ci['ci_low'], '.2f')} to {_minus(ci['ci_high'], '+.2f')}"
        in row
    )


def test_sourcing(readme, texts):
    att = {o: helpers.attributions(texts[o], lexicons=STUDY) for o in ("Bloomberg", "Associated Press")}
    b, a = att["Bloomberg"], att["Associated Press"]
    assert f"| {len(b)} | {len(a)} |" in _row(readme, "attributed statements")
    nb, na = int((b.source_type == "anonymous").sum()), int((a.source_type == "anonymous").sum())
    want = f"| {nb} ({100 * nb / len(b):.0f} %) | {na} ({100 * na / len(a):.0f} %) |"
    row = _row(readme, "… to anonymous sources")
    assert want in row
    both = pd.concat([b.assign(outlet="B"), a.assign(outlet="A")])
    d = helpers.sourcing.anonymity_differences(both, ["B", "A"]).iloc[0]
    gap = f"{_minus(100 * d['diff'], '+.0f')} points, CI {_minus(100 * d['ci_low'], '+.0f')} to "
    assert gap + _minus(100 * d["ci_high"], "+.0f") in row


def test_readability(readme, texts):
    fk = [helpers.readability(texts[o])["flesch_kincaid_grade"] for o in ("Bloomberg", "Associated Press")]
    assert f"| {fk[0]:.2f} | {fk[1]:.2f} | {_minus(fk[0] - fk[1], '+.2f')}, CI" in _row(
        readme, "Flesch–Kincaid grade"
    )


def test_alignment(readme, texts):
    b, a = texts["Bloomberg"], texts["Associated Press"]
    pairs = helpers.align(b, a, aliases=ALIASES)
    row = _row(readme, "sentences with a counterpart in the other article (automatic)")
    nb, na = len(helpers.sentences(b)), len(helpers.sentences(a))
    assert f"| {pairs.sentence_a.nunique()} of {nb} | {pairs.sentence_b.nunique()} of {na} |" in row
