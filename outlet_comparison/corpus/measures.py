"""The one registry of per-article measures: the coverage card, corpus mode and the report read it.

Each ``Measure`` names the analysis it rests on, the columns it adds to a corpus-mode row and,
when it has one, the rows of its coverage-card panel. Settings (which word lists) are passed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from outlet_comparison.core import ratio
from outlet_comparison.instruments import attribution, frames_model, framing, readability, sentiment
from outlet_comparison.sources.events import Event
from outlet_comparison.stats import mean_ci, per_1k
from outlet_comparison.text.units import sentence_spans, words

CardRow = tuple[str, float, float, float]  # (measure, value, low, high)
_NAN = float("nan")


@dataclass(frozen=True)
class Settings:
    """Which word lists the measures read (None: the defaults in ``lexicons/``)."""

    frames: Path | str | None = None
    negations: Path | str | None = None
    contrast: tuple[str, str] = framing.CONTRAST
    attribution: attribution.AttributionLexicons | None = None


def event_lexicons(event: Event) -> attribution.AttributionLexicons:
    """The attribution word lists of an event, with its affiliation list where it has one."""
    return attribution.AttributionLexicons(affiliations=event.affiliations)


def event_settings(event: Event) -> Settings:
    """The measures' settings for an event (frame lexicon, contrast, attribution lists)."""
    return Settings(
        frames=event.frames, contrast=event.contrast or ("", ""), attribution=event_lexicons(event)
    )


@dataclass(frozen=True)
class Measure:
    """A family of per-article measures computed by one analysis."""

    name: str
    helper: str  # the public function the numbers come from
    panel: str | None  # coverage-card panel title; None when the card does not show it
    unit: str  # what the card's axis shows
    columns: tuple[str, ...] | Callable[[Settings], tuple[str, ...]]  # corpus-mode columns it fills
    features: Callable[[str, int, Settings], dict[str, float]]
    card: Callable[[str, Settings], list[CardRow]] | None = None

    def column_names(self, settings: Settings) -> tuple[str, ...]:
        """The corpus-mode columns this measure fills under these settings."""
        return self.columns(settings) if callable(self.columns) else self.columns


def _size(text: str, n_words: int, settings: Settings) -> dict[str, float]:
    """Words and sentences of the clean text."""
    return {"words": n_words, "sentences": len(sentence_spans(text))}


def _frame_columns(settings: Settings) -> tuple[str, ...]:
    """Hits and rate per 1,000 words of every frame, and the share of the first contrast frame."""
    frames = framing.frame_names(settings.frames)
    share = (f"{settings.contrast[0]}_share",) if set(settings.contrast) <= set(frames) else ()
    scores = (
        tuple(f"{f}_score" for f in frames_model.GENERAL_FRAMES)
        if frames_model.is_general(settings.frames)
        else ()
    )
    return (*frames, *(f"{f}_per_1k" for f in frames), *share, *scores)


def _frames(text: str, n_words: int, settings: Settings) -> dict[str, float]:
    """Frame hits, rates and the contrast share (notebook 01's definitions); on the general lexicon also
    ``article_frames``'s score of each frame (from the same hits)."""
    scores: dict[str, float] = {}
    if frames_model.is_general(settings.frames):
        rows = frames_model._lexicon_rows(text, settings.frames, settings.negations)
        found = Counter(r["frame"] for r in rows)
        scores = {f"{f}_score": v for f, v in frames_model.scores_from_rows(text, rows, n_words).items()}
    else:
        found = framing.frame_counts(text, settings.frames, settings.negations)  # as frame_rates counts hits
    counts = {f: found.get(f, 0) for f in framing.frame_names(settings.frames)}
    out: dict[str, float] = dict(counts)
    out.update({f"{f}_per_1k": per_1k(c, n_words) for f, c in counts.items()})
    a, b = settings.contrast
    if a in out and b in out:
        out[f"{a}_share"] = ratio(out[a], out[a] + out[b])
    out.update(scores)
    return out


class TooFewCues(ValueError):
    """A card panel with too little evidence to compare outlets (the card shows the message)."""


def _frames_card(text: str, settings: Settings) -> list[CardRow]:
    """Hits per 1,000 words of every frame, with a bootstrap 95% interval (sentences resampled); an
    article with fewer than MIN_FRAME_SENTENCES sentences holding a frame word makes the panel say so."""
    n = frames_model.frame_sentence_count(text, settings.frames)
    if n < frames_model.MIN_FRAME_SENTENCES:
        raise TooFewCues(
            f"too few frame cues to compare: an article has {n} sentence(s) with a frame word "
            f"(at least {frames_model.MIN_FRAME_SENTENCES} needed)"
        )

    rates = framing.frame_rates_ci(text, settings.frames, settings.negations)
    return [
        (r.frame, float(r.per_1k), float(r.ci_low), float(r.ci_high)) for r in rates.itertuples(index=False)
    ]


def _frames_model_card(text: str, settings: Settings) -> list[CardRow]:
    """``frame_scores`` of each general frame (events on the general lexicon only; none otherwise)."""
    if not frames_model.is_general(settings.frames):
        return []
    scores = frames_model.frame_scores(text, lexicon=settings.frames)
    return [(f, float(v), _NAN, _NAN) for f, v in scores.items()]


def _tone(text: str, n_words: int, settings: Settings) -> dict[str, float]:
    """Mean sentence VADER compound (``np.nanmean``: the sum, count and division of pandas' ``Series.mean``,
    without building a Series per article)."""
    comp = np.asarray(sentiment.compounds(text), dtype=float)  # sentiment(text)["compound"]
    return {"mean_compound": float(np.nanmean(comp)) if len(comp) else _NAN}


def _tone_card(text: str, settings: Settings) -> list[CardRow]:
    """Mean sentence compound with a seeded bootstrap 95% interval."""
    return [("mean compound", *mean_ci(sentiment.sentiment(text)["compound"]))]


def _sources(text: str, n_words: int, settings: Settings) -> dict[str, float]:
    """Attribution counts and shares (notebook 02's definitions): the anonymous share counts ``anonymous``
    only; vague attribution (``unnamed_group``: "critics", "some") is its own share."""
    rows = attribution.attribution_rows(text, lexicons=settings.attribution)  # the rows of attributions()
    kinds = [r["source_type"] for r in rows]
    justified: dict[str, bool] = {}  # per distinct anonymous source: does any attribution state a reason?
    for r in rows:
        if r["source_type"] == "anonymous":
            src = r["source"]
            justified[src] = justified.get(src, False) or bool(str(r["anonymity_reason"] or "").strip())
    n_anon, n_vague = kinds.count("anonymous"), kinds.count("unnamed_group")
    return {
        "attributions": len(kinds),
        "named_person": kinds.count("named_person"),
        "named_organization": kinds.count("named_organization"),
        "document": kinds.count("document"),
        "unnamed_group": n_vague,
        "anonymous": n_anon,
        "anonymous_share": ratio(n_anon, len(kinds)),
        "vague_share": ratio(n_vague, len(kinds)),
        "justified_share": ratio(sum(justified.values()), len(justified)),
    }


_CARD_TYPES = {  # the card's rows, in order: anonymous and vague attribution side by side (issue 21)
    "named_person": "named person",
    "named_organization": "named organization",
    "document": "document",
    "anonymous": "anonymous",
    "unnamed_group": "vague group",
}


def _sources_card(text: str, settings: Settings) -> list[CardRow]:
    """Attributed statements per source type (the five types; a type no outlet uses shows 0)."""
    counts = attribution.attributions(text, lexicons=settings.attribution)["source_type"].value_counts()
    return [(label, float(counts.get(t, 0)), _NAN, _NAN) for t, label in _CARD_TYPES.items()]


def _grade(text: str, n_words: int, settings: Settings) -> dict[str, float]:
    """Flesch-Kincaid grade (textstat's uncorrected values skipped)."""
    values = readability.readability_values(text, uncorrected=False)  # readability() without the Series
    return {"flesch_kincaid_grade": float(values["flesch_kincaid_grade"])}


_GRADE_LABELS = {"flesch_kincaid_grade": "Flesch-Kincaid", "gunning_fog": "Gunning fog", "smog_index": "SMOG"}


def _grade_card(text: str, settings: Settings) -> list[CardRow]:
    """Three grade-level formulas."""
    r = readability.readability(text)
    return [(label, float(r[g]), _NAN, _NAN) for g, label in _GRADE_LABELS.items()]


_SOURCE_COLUMNS = (
    "attributions",
    "named_person",
    "named_organization",
    "document",
    "unnamed_group",
    "anonymous",
    "anonymous_share",
    "vague_share",
    "justified_share",
)
MEASURES: tuple[Measure, ...] = (
    Measure("size", "words", None, "", ("words", "sentences"), _size),
    Measure(
        "framing",
        "frame_hits",
        "Framing",
        "frame hits per 1,000 words; 95% CI",
        _frame_columns,
        _frames,
        _frames_card,
    ),
    Measure(
        "frames_model",
        "article_frames",
        "Frames (article level)",
        "frame score 0-1 (0.5 or more: the article uses the frame)",
        (),
        lambda text, n_words, settings: {},
        _frames_model_card,
    ),
    Measure(
        "tone",
        "sentiment",
        "Tone",
        "mean VADER compound per sentence (-1 to 1); 95% CI",
        ("mean_compound",),
        _tone,
        _tone_card,
    ),
    Measure(
        "sourcing",
        "attributions",
        "Sourcing",
        "attributed statements (count)",
        _SOURCE_COLUMNS,
        _sources,
        _sources_card,
    ),
    Measure(
        "readability",
        "readability",
        "Readability",
        "US school grade",
        ("flesch_kincaid_grade",),
        _grade,
        _grade_card,
    ),
)


def feature_columns(settings: Settings | None = None) -> tuple[str, ...]:
    """The columns of a corpus-mode row, in order, for these settings."""
    settings = settings or Settings()
    return tuple(c for m in MEASURES for c in m.column_names(settings))


def features_of(text: str, settings: Settings | None = None) -> dict[str, float]:
    """Every registered measure of one text (a corpus-mode row), NaN where a measure is undefined."""
    settings = settings or Settings()
    n_words = len(words(text))
    out: dict[str, float] = dict.fromkeys(feature_columns(settings), _NAN)
    for m in MEASURES:
        out.update(m.features(text, n_words, settings))
    return out
