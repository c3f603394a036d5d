"""The public API the notebooks import: a thin facade over the ``outlet_comparison`` package.

One module per concern lives in ``outlet_comparison/``; this file only re-exports the names a
notebook, test or benchmark needs, so ``import helpers`` keeps working from anywhere.

>>> sentences("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
['The U.S. said no.', 'Mr. Kerry left at 3 p.m. Monday.']
"""

from __future__ import annotations

from outlet_comparison.cache import clear as clear_caches
from outlet_comparison.core import ARTICLES, FIGURES, LEXICONS, OUTPUT, ROOT, SHARED, ArticleError
from outlet_comparison.corpus import CORPUS_OPTIONAL, CORPUS_REQUIRED, analyze, article_features, read_corpus
from outlet_comparison.corpus.measures import (
    MEASURES,
    Settings,
    event_lexicons,
    event_settings,
    feature_columns,
)
from outlet_comparison.coverage import overlap, sourcing
from outlet_comparison.coverage.actors import ACTOR_COLUMNS, actor_sides, actors
from outlet_comparison.coverage.alignment import (
    ALIGN_COLUMNS,
    ALIGN_THRESHOLD,
    align,
    coverage_split,
    similarity_matrix,
    spelling_variants,
)
from outlet_comparison.coverage.differences import by_outlet, extremes, pairwise_differences
from outlet_comparison.coverage.event_actors import (
    EVENT_ACTOR_COLUMNS,
    actor_table,
    event_actors,
    name_variants,
)
from outlet_comparison.instruments.attribution import (
    ATTRIBUTION_COLUMNS,
    AttributionLexicons,
    attribution_sides,
    attributions,
    scu_types,
)
from outlet_comparison.instruments.frames_model import (
    article_frames,
    frame_evidence,
    frame_reasons,
    frame_scores,
)
from outlet_comparison.instruments.framing import (
    FRAME_HIT_COLUMNS,
    article_sections,
    frame_by_sentence,
    frame_hits,
    frame_leave_one_out,
    frame_names,
    frame_rates,
    frame_rates_ci,
    frame_section_rates,
)
from outlet_comparison.instruments.readability import (
    GRADE_FORMULAS,
    READABILITY_COUNTS,
    READABILITY_FORMULAS,
    dale_chall_grade,
    fk_bootstrap,
    fk_interval,
    fk_pairwise,
    fre_grade,
    readability,
    readability_paragraphs,
    readability_sentences,
    readability_words,
    textstat_version,
)
from outlet_comparison.instruments.sentiment import (
    SENTIMENT_COLUMNS,
    mask_entities,
    read_vader_groundtruth,
    sentiment,
    vader_benchmark,
    vader_lexicon_path,
)
from outlet_comparison.report import charts, findings
from outlet_comparison.report.card import CARD_COLUMNS, coverage_card, coverage_card_data
from outlet_comparison.report.charts import (
    OUTLET_COLOURS,
    figure_width,
    grouped_bars,
    outlet_colour,
    outlet_colours,
    outlet_distributions,
    paired_bars,
    position_dots,
    row_groups,
    row_height,
    save_chart,
    show_chart,
    split_bars,
    split_key,
    wrap_label,
)
from outlet_comparison.report.findings import article_context, framing_findings, tone_findings
from outlet_comparison.report.findings import difference as difference_sentence
from outlet_comparison.report.findings import num as fmt_num
from outlet_comparison.report.notebook import evidence_table, label, say, show_findings, start_page, table
from outlet_comparison.report.notebook import setup as notebook_setup
from outlet_comparison.report.pages import read_page, read_pages
from outlet_comparison.sources.articles import MANIFEST_COLUMNS, decode_utf8, sha256_file
from outlet_comparison.sources.events import (
    Event,
    event_folder,
    event_mentions,
    list_events,
    load_articles,
    read_event,
    read_manifest,
    read_timeline,
    study_outlets,
)
from outlet_comparison.sources.rawtext import html_to_text, normalise_raw, normalise_text
from outlet_comparison.sources.segment import (
    BYLINE_RE,
    ROLES,
    SegmentWarning,
    clean_body,
    role_summary,
    segment,
)
from outlet_comparison.sources.webpage import (
    EXTRACTION,
    PageError,
    WebArticle,
    decode_page,
    extract_article,
    fetch_page,
)
from outlet_comparison.stats import bootstrap_diff, mean_ci, paired_differences, per_1k, ratio_ci
from outlet_comparison.text.units import (
    WORD_RE,
    paragraph_spans,
    paragraphs,
    sentence_spans,
    sentences,
    text_stats,
    words,
)
from outlet_comparison.wordlists import read_lexicon

# Names kept for old notebooks; they now come from data files and are computed when first asked for.
FROM_DATA = ("FRAMES", "SIDES", "SOURCE_NOTE", "FEATURE_COLUMNS", "FEATURE_SOURCES")


def __getattr__(name: str):
    """The names in FROM_DATA, read from the default word lists and the event metadata."""
    if name == "FRAMES":  # the frames of the default lexicon, lexicons/frames.csv
        return frame_names()
    if name == "SIDES":  # the sides of the default alias file, lexicons/actor_aliases.csv
        return actor_sides()
    if name == "SOURCE_NOTE":  # the default event's source line (its event.toml)
        return read_event().source_note
    if name == "FEATURE_COLUMNS":  # corpus-mode columns with the default word lists
        return feature_columns()
    if name == "FEATURE_SOURCES":  # corpus-mode columns per analysis, from the measures registry
        return {m.helper: m.column_names(Settings()) for m in MEASURES}
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


__all__ = [
    # paths and errors
    "ROOT", "LEXICONS", "ARTICLES", "OUTPUT", "FIGURES", "SHARED", "ArticleError", "clear_caches",
    # word lists, text units, segmenting, articles, events
    "read_lexicon", "WORD_RE", "words", "paragraph_spans", "paragraphs", "sentence_spans", "sentences",
    "text_stats", "ROLES", "BYLINE_RE", "segment", "clean_body", "role_summary", "MANIFEST_COLUMNS",
    "normalise_raw", "normalise_text", "html_to_text", "SegmentWarning",
    # articles from web pages
    "extract_article", "WebArticle", "PageError", "EXTRACTION", "decode_page", "fetch_page",
    "decode_utf8", "sha256_file", "Event", "list_events", "event_folder", "read_event", "read_manifest",
    "load_articles", "read_timeline", "event_mentions", "study_outlets",
    # statistics and charts
    "per_1k", "bootstrap_diff", "mean_ci", "ratio_ci", "paired_differences", "by_outlet", "extremes",
    "pairwise_differences", "OUTLET_COLOURS", "outlet_colour", "outlet_colours", "save_chart",
    "grouped_bars", "paired_bars", "outlet_distributions", "figure_width", "row_height", "wrap_label",
    "split_bars", "split_key", "position_dots", "row_groups", "charts", "show_chart",
    # what a notebook page shows: settings, findings written from the numbers, evidence tables
    "notebook_setup", "start_page", "show_findings", "say", "evidence_table", "table", "label", "read_page",
    "read_pages",
    "article_context", "framing_findings", "tone_findings", "fmt_num", "difference_sentence", "findings",
    "sourcing", "overlap",
    # framing and sentiment (notebook 01)
    "FRAME_HIT_COLUMNS", "frame_names", "frame_hits", "frame_rates", "frame_rates_ci", "frame_by_sentence",
    "article_sections", "frame_section_rates", "frame_leave_one_out", "article_frames", "frame_scores",
    "frame_evidence", "frame_reasons", "SENTIMENT_COLUMNS",
    "vader_lexicon_path", "mask_entities", "sentiment", "read_vader_groundtruth", "vader_benchmark",
    # source attribution (02)
    "ATTRIBUTION_COLUMNS", "AttributionLexicons", "attributions", "scu_types", "attribution_sides",
    # readability (03)
    "READABILITY_COUNTS", "READABILITY_FORMULAS", "GRADE_FORMULAS", "textstat_version", "readability",
    "readability_sentences", "readability_paragraphs", "readability_words", "fk_bootstrap", "fk_interval",
    "fk_pairwise", "fre_grade",
    "dale_chall_grade",
    # coverage: actors, alignment, card (04)
    "ACTOR_COLUMNS", "actor_sides", "actors", "actor_table", "name_variants", "EVENT_ACTOR_COLUMNS",
    "event_actors", "ALIGN_COLUMNS",
    "ALIGN_THRESHOLD", "similarity_matrix", "align", "coverage_split", "spelling_variants",
    "CARD_COLUMNS", "coverage_card_data", "coverage_card",
    # measures and corpus mode (05)
    "MEASURES", "Settings", "event_settings", "event_lexicons", "feature_columns", "CORPUS_REQUIRED",
    "CORPUS_OPTIONAL", "read_corpus", "article_features", "analyze",
]  # fmt: skip
