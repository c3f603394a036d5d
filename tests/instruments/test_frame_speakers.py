"""Speaker features for the frame model (issue 22, round eight): who the article lets speak."""

from __future__ import annotations

import math

import pytest
from conftest import frame_variant_decisions, load_script
from threadpoolctl import threadpool_limits

import helpers
from outlet_comparison.instruments import frames_model as fm
from outlet_comparison.instruments.frame_speakers import SPEAKER_FEATURES, speaker_features
from outlet_comparison.text.units import sentence_spans

TEXT = (
    "Maria Lopez, 34, a nurse from Fresno, said she lost her home. "
    '"I have nothing left," she said. '
    "President Obama criticized the plan. "
    "Obama said more. "
    "Pastor Bob Jones said it was a sin. "
    "The Justice Department said in a report it would act."
)


def _row(sentence: int, source: str, kind: str, name: str = "", **kw) -> dict:
    """An attribution row with the fields the speaker features read."""
    row = {
        "sentence": sentence,
        "source": source,
        "source_type": kind,
        "speaker": name or source,
        "name": name,
    }
    return {"affiliation": "", "stance": "neutral", "quote": False, "pattern": "NP cue", **row, **kw}


ROWS = [
    _row(
        0,
        "Maria Lopez, 34, a nurse from Fresno",
        "named_person",
        "Maria Lopez",
        pattern="NP, appositive, cue",
    ),
    _row(1, "Maria Lopez", "named_person", "Maria Lopez", quote=True),
    _row(2, "President Obama", "named_person", "Obama", stance="loaded"),
    _row(3, "Obama", "named_person", "Obama"),
    _row(4, "Pastor Bob Jones", "named_person", "Bob Jones"),
    _row(5, "The Justice Department", "named_organization", "Justice Department"),
]


def test_features_are_read_from_the_rows_given_in_their_order():
    got = speaker_features(TEXT, ROWS, sentence_spans(TEXT))
    assert tuple(got) == SPEAKER_FEATURES
    assert speaker_features(TEXT, [], sentence_spans(TEXT)) == dict.fromkeys(SPEAKER_FEATURES, 0.0)


def test_an_ordinary_person_quoted_in_the_first_person_is_a_plain_described_speaker():
    got = speaker_features(TEXT, ROWS, sentence_spans(TEXT))
    # Maria Lopez (twice) is plain; Obama is not, although his second mention has no title
    assert got["spk_plain"] == pytest.approx(2 / 6)
    assert got["spk_plain_people"] == pytest.approx(math.log(2))
    assert got["spk_described"] == pytest.approx(math.log(2))  # the appositive with an age
    assert got["spk_first"] == pytest.approx(math.log(2))  # "I have nothing left" in her quote
    assert got["spk_ordinary"] == pytest.approx(1 / 6)  # "a nurse": a daily role, no official title


def test_officials_bodies_conflict_and_religion():
    got = speaker_features(TEXT, ROWS, sentence_spans(TEXT))
    assert got["spk_distinct"] == pytest.approx(math.log(5))  # Lopez, Obama, Jones, the department
    assert got["spk_loaded"] == pytest.approx(1 / 6)  # "criticized"
    # President Obama, Pastor Bob Jones and the department speak for a body
    assert got["spk_official"] == pytest.approx(3 / 6)
    assert got["spk_religious"] == pytest.approx(1 / 6)  # the pastor; "Justice" is no religious word
    assert got["spk_adjacent"] == pytest.approx(math.log(4))  # new speakers in sentences 2, 4, 5
    assert got["spk_rate"] == pytest.approx(1.0)


# round eight's variants (benchmarks/framing_nfc.py --variants speakers ...)


def _toy(n: int) -> tuple[list[dict[str, float]], dict[str, list[bool]]]:
    """Feature dicts (two shipped-like keys and the speaker keys) and labels of n toy articles."""
    values = [
        {
            "a": float(i % 7),
            "b": float((i * 3) % 5),
            **{f"_{k}": float((i * j) % 4) for j, k in enumerate(SPEAKER_FEATURES)},
        }
        for i in range(n)
    ]
    labels = {f: [(i + k) % 3 == 0 for i in range(n)] for k, f in enumerate(fm.GENERAL_FRAMES)}
    return values, labels


@pytest.mark.parametrize("name", ["speakers", "speakers-or-shipped", "speakers-own"])
def test_round_eight_variants_decide_every_frame(name):
    got = frame_variant_decisions(name, *_toy(60))
    assert set(got) == set(fm.GENERAL_FRAMES) and all(len(v) == 15 and v.dtype == bool for v in got.values())


def test_speakers_or_shipped_drops_exactly_the_speaker_columns():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    keys = list(_toy(1)[0][0])
    cols = bench.speaker_columns("human_interest", keys)
    assert cols[: -len(SPEAKER_FEATURES)] == ["a", "b"] and cols[-len(SPEAKER_FEATURES) :] == keys[2:]
    assert bench.own_speakers("economic", keys) == ["a", "b"]


def test_round_eight_runs_never_read_the_held_out_part(monkeypatch):
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    values, labels = _toy(100)
    rows = [
        {"id": f"toy-{i}", "text": str(i), "frames": {t: labels[o][i] for t, o in fm.NFC_FRAMES.items()}}
        for i in range(100)
    ]
    seen: list[str] = []

    def attribution_rows(text: str) -> list[dict]:
        seen.append(text)
        return []

    monkeypatch.setattr(bench.fm, "frame_features", lambda text: {"a": values[int(text)]["a"], "b": 1.0})
    monkeypatch.setattr("outlet_comparison.instruments.attribution.attribution_rows", attribution_rows)
    with threadpool_limits(1):
        runs = bench.variant_runs(rows, (1,), ["speakers"], c_grid=(0.1,))
    held = {r["text"] for r in rows if bench.held_out(r["id"])}
    assert held and seen and not held & set(seen) and len(seen) == 100 - len(held)
    assert set(runs) == {"shipped", "speakers"} and 0 <= runs["speakers"][1]["macro"][2] <= 1
