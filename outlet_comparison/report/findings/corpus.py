"""Findings of notebook 05: outlet differences across a corpus, and where an event's articles fall in it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from outlet_comparison.report.findings.common import ci, num, possessive, verdict


def paired_findings(diffs: pd.DataFrame, labels: dict[str, str], corpus: str, n_events: int) -> list[str]:
    """One sentence per measure: the largest same-event difference between two outlets, with its interval.

    ``diffs``: ``paired_differences`` rows (outlet_a, outlet_b, metric, diff, ci_low, ci_high, n_events).
    """
    out = [
        f"**Across {n_events} events of {corpus}**, each outlet pair is compared on the same event "
        "(one article per outlet and event), so topic and news day are held constant."
    ]
    for metric, d in diffs.groupby("metric", sort=False):
        if d.empty:
            continue
        r = d.loc[d["diff"].abs().idxmax()]
        digits = 0 if abs(r["diff"]) >= 20 else 2
        out.append(
            f"{labels.get(metric, metric)}: largest gap {r.outlet_a} − {r.outlet_b} "
            f"{num(r['diff'], digits, sign=True)} ({ci(r.ci_low, r.ci_high, digits)}, "
            f"{int(r.n_events)} events; {verdict(r['diff'], r.ci_low, r.ci_high, digits)})."
        )
    return out


def percentile(value: float, values: pd.Series) -> float:
    """Share (0-100) of ``values`` at or below ``value`` (NaNs left out).

    >>> percentile(3, pd.Series([1, 2, 3, 4]))
    75.0
    """
    v = values.dropna()
    return float(100 * (v <= value).mean()) if len(v) else float("nan")


def placement_findings(event_feats: pd.DataFrame, corpus_feats: pd.DataFrame, labels: dict[str, str],
                       corpus: str) -> list[str]:  # fmt: skip
    """Where each article of the event falls in the corpus, for the measure where it is most unusual."""
    out = []
    for _, row in event_feats.iterrows():
        ranks = {m: percentile(row[m], corpus_feats[m]) for m in labels if pd.notna(row[m])}
        if not ranks:
            continue
        m = max(ranks, key=lambda k: abs(ranks[k] - 50))
        r = ranks[m]
        where = (
            "higher than every article of the corpus"
            if r >= 99.5
            else "lower than every article of the corpus"
            if r <= 0.5
            else f"at or above {num(r, 0)}% of the corpus' articles"
            if r >= 50
            else f"below {num(100 - r, 0)}% of the corpus' articles"
        )
        measure = f"{labels[m]}: {num(row[m], 2)}"
        out.append(
            f"**{possessive(row['outlet'])}** most unusual measure against {corpus} is {measure}, {where}."
        )
    out.append(
        "A corpus of other stories is a loose yardstick: topic, length and house style all move these "
        "measures, and the frame lexicon may not fit the corpus' stories."
    )
    return out


# ---------------------------------------------------------------- the page's tables and chart readings

CHART_METRICS = ["flesch_kincaid_grade", "words", "mean_compound", "anonymous_share"]
SEED_METRICS = ["failure_per_1k", "optimism_per_1k", "anonymous", "flesch_kincaid_grade"]


def measure_labels(frames: list[str]) -> dict[str, str]:
    """Axis labels of the corpus measures the page compares, the event's frames' rates included.

    >>> measure_labels(["failure"])["failure_per_1k"]
    'failure frame hits per 1,000 words'
    """
    return {
        "flesch_kincaid_grade": "Flesch–Kincaid grade (US school grade)",
        "words": "article length (words)",
        "mean_compound": "mean sentence VADER compound (−1…+1)",
        "anonymous_share": "anonymous share of attributions (0–1)",
        "vague_share": "vague-group share of attributions (0–1)",
        **{f"{f}_per_1k": f"{f.replace('_', ' ')} frame hits per 1,000 words" for f in frames},
    }


def seeds_and_coverage(arts: pd.DataFrame, study: tuple[str, ...], coverage: pd.DataFrame) -> pd.DataFrame:
    """The study's seed articles (group ``seed``) followed by other coverage of the story (``AllSides``),
    in the corpus' columns: article_id, outlet, date, title, group, text."""
    seeds = arts[arts.outlet.isin(study)].assign(title=lambda d: d["headline"], date=lambda d: d["published"])
    placed = pd.concat([seeds.assign(group="seed"), coverage.assign(group="AllSides")], ignore_index=True)
    return placed[["article_id", "outlet", "date", "title", "group", "text"]]


def dated_labels(feats: pd.DataFrame) -> list[str]:
    """'Outlet (09 Sep)': each article's outlet and day."""
    return [f"{o} ({pd.Timestamp(t):%d %b})" for o, t in zip(feats.outlet, feats.date, strict=True)]


def seeds_reading(placed: pd.DataFrame, first: str) -> str:
    """The seeds chart in one sentence: frame language, and the first seed's lead in anonymous sources."""
    pf = placed.set_index("outlet")
    lead = int(pf.loc[first, "anonymous"] - placed.loc[placed.group == "AllSides", "anonymous"].max())
    return (
        "The seeds carry far more frame language than the later coverage, as expected for a lexicon "
        f"written from them; {first} has the most anonymous attributions, {lead} more than the closest later "
        "article."
    )


def seed_standing(placed: pd.DataFrame, first: str, second: str) -> dict:
    """The numbers of the seeds' standing among the other coverage (``placed``: ``seeds_and_coverage`` with
    the measures): frame rates, anonymous attributions, the coverage's dates and its distance in days."""
    pf, others = placed.set_index("outlet"), placed[placed.group == "AllSides"]
    top = others[others["anonymous"] == others["anonymous"].max()]
    dates = pd.to_datetime(others.date)
    seed_day = pd.to_datetime(placed.date[placed.group == "seed"]).max()
    return {
        "n_others": len(others),
        "dates": f"{dates.min().day}–{dates.max():%-d %B %Y}"
        if dates.min().month == dates.max().month
        else "",
        "fail_first": num(pf.loc[first, "failure_per_1k"]),
        "fail_second": num(pf.loc[second, "failure_per_1k"]),
        "fail_others": num(others["failure_per_1k"].max()),
        "hope_second": num(pf.loc[second, "optimism_per_1k"]),
        "anon_first": int(pf.loc[first, "anonymous"]),
        "share_first": num(100 * pf.loc[first, "anonymous_share"], 0),
        "attr_first": int(pf.loc[first, "attributions"]),
        "anon_others": int(top["anonymous"].iloc[0]),
        "attr_top": int(top["attributions"].iloc[0]),
        "n_top": len(top),
        # what the most anonymous later count is out of: one article's attributions, or a tie
        "top_of": f"of {int(top['attributions'].iloc[0])}"
        if len(top) == 1
        else f"in each of {len(top)} articles",
        "days": f"{(dates.min() - seed_day).days}–{(dates.max() - seed_day).days}",
        "all_later": bool((dates > seed_day).all()),
    }


def corpus_choice(path: str | Path | None, basil: Path, demo: Path) -> tuple[Path, bool, str]:
    """The corpus to read (``path``, else BASIL when present, else the demo corpus), whether it is BASIL,
    and its name on the page."""
    chosen = Path(path) if path is not None else (basil if basil.is_file() else demo)
    on_basil = chosen.resolve() == basil.resolve()
    name = "BASIL (Fan et al. 2019)" if on_basil else f"the demo corpus ({chosen.name}, invented articles)"
    return chosen, on_basil, name


def tagged(corpus: pd.DataFrame, tag: str) -> pd.DataFrame:
    """The corpus articles carrying ``tag`` in their ``tags`` list."""
    return corpus[corpus["tags"].apply(lambda t: tag in (t or []))]


def highlight(feats: pd.DataFrame, colours: dict[str, str], grey: str = "#BBBBBB") -> list[str]:
    """A colour per row: the seeds (``group`` seed) in their outlet's colour, every other row grey."""
    return [colours[o] if g == "seed" else grey for o, g in zip(feats.outlet, feats.group, strict=True)]
