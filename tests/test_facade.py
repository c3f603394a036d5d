"""The library's shape: helpers.py is a short facade with frozen public names over a package of
modules that import each other one way, none too long, every cache clearable."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

import helpers

PACKAGE = helpers.ROOT / "outlet_comparison"

# Adding or removing a public name is a decision: change this list in the same commit.
PUBLIC = """
ACTOR_COLUMNS ALIGN_COLUMNS ALIGN_THRESHOLD ARTICLES ATTRIBUTION_COLUMNS ArticleError AttributionLexicons
BYLINE_RE CARD_COLUMNS CORPUS_OPTIONAL CORPUS_REQUIRED FIGURES FRAME_HIT_COLUMNS GRADE_FORMULAS LEXICONS
MANIFEST_COLUMNS MEASURES OUTLET_COLOURS OUTPUT READABILITY_COUNTS READABILITY_FORMULAS ROLES ROOT
SENTIMENT_COLUMNS SHARED Settings WORD_RE actor_sides actor_table actors align analyze article_features
article_sections attribution_sides attributions bootstrap_diff clean_body clear_caches coverage_card
coverage_card_data coverage_split dale_chall_grade decode_utf8 event_mentions feature_columns fk_bootstrap
frame_by_sentence frame_hits frame_leave_one_out frame_names frame_rates frame_section_rates fre_grade
load_articles mask_entities mean_ci name_variants outlet_colour paired_differences paragraph_spans
paragraphs per_1k read_corpus read_event read_lexicon read_manifest read_timeline read_vader_groundtruth
readability readability_paragraphs readability_sentences readability_words role_summary save_chart
scu_types segment sentence_spans sentences sentiment sha256_file similarity_matrix spelling_variants
text_stats textstat_version vader_benchmark vader_lexicon_path words Event event_folder list_events
by_outlet extremes pairwise_differences ratio_ci outlet_colours study_outlets frame_rates_ci
notebook_setup show_findings say evidence_table article_context framing_findings tone_findings fmt_num
difference_sentence findings sourcing overlap fk_interval fk_pairwise
normalise_raw normalise_text html_to_text SegmentWarning event_settings event_lexicons
extract_article WebArticle PageError EXTRACTION decode_page fetch_page
EVENT_ACTOR_COLUMNS event_actors
start_page read_page read_pages table label grouped_bars paired_bars outlet_distributions figure_width
row_height wrap_label split_bars split_key position_dots row_groups charts show_chart
article_frames frame_scores frame_evidence frame_reasons
""".split()


def test_public_names_are_frozen():
    assert len(set(PUBLIC)) == len(PUBLIC)
    assert sorted(helpers.__all__) == sorted(PUBLIC)
    assert len(set(helpers.__all__)) == len(helpers.__all__)


@pytest.mark.parametrize("name", PUBLIC + list(helpers.FROM_DATA))
def test_every_public_name_resolves(name):
    assert getattr(helpers, name) is not None


def test_names_from_data_files():
    assert helpers.FRAMES == ("optimism", "failure", "caution")
    assert helpers.SIDES[0] == "United States" and helpers.SIDES[-1] == "other"
    assert helpers.SOURCE_NOTE.startswith("Source: Bloomberg")
    assert list(helpers.FEATURE_COLUMNS) == [c for cols in helpers.FEATURE_SOURCES.values() for c in cols]
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        helpers.nonsense  # noqa: B018


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_facade_and_modules_are_short():
    assert len((helpers.ROOT / "helpers.py").read_text(encoding="utf-8").splitlines()) <= 220  # imports only
    long_modules = {
        p.name: n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not long_modules
    long_functions = [
        f"{p.relative_to(PACKAGE)}:{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for p in _modules()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 80
    ]
    assert not long_functions


# The stages, lowest first: a module imports only modules of its own stage or a lower one.
STAGES = {
    "core": 0, "cache": 0, "stats": 0, "wordlists": 0,  # shared utilities, at the package's top level
    "regex_safety": 0,  # the word lists' regex check
    "speedups": 0,  # speed patches on other packages' internals, one module per package
    "text": 1,  # text units and names
    "sources": 2,  # raw files, segmenting, articles, events, adding
    "instruments": 3,  # framing, sentiment, readability, attribution
    "coverage": 4,  # comparing an event's articles
    "corpus": 5,  # the measures registry and the engines
    "report": 6,  # charts, pages, findings, the card
}  # fmt: skip


def _name(path: Path) -> str:
    """Dotted module name relative to the package ('' for the package itself)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Package modules this module imports, anywhere in it (dotted names relative to the package)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        assert not (isinstance(node, ast.ImportFrom) and node.level), f"{path}: use absolute imports"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("outlet_comparison"):
            target = node.module.removeprefix("outlet_comparison").lstrip(".")
            # "from outlet_comparison.report.findings import articles": articles may be a module
            subs = [f"{target}.{a.name}".lstrip(".") for a in node.names]
            out.update(s for s in subs if (PACKAGE / s.replace(".", "/")).with_suffix(".py").exists())
            out.add(target)
        elif isinstance(node, ast.Import):
            out.update(
                a.name.removeprefix("outlet_comparison.") for a in node.names if a.name.startswith("outlet_c")
            )
    return {m for m in out if m}


def _graph() -> dict[str, set[str]]:
    return {_name(p): {m for m in _imports(p) if m != _name(p)} for p in _modules()}


def _stage(module: str) -> int:
    return STAGES[module.split(".")[0]]


def test_every_module_belongs_to_a_stage():
    assert not [m for m in _graph() if m and m.split(".")[0] not in STAGES]


def _upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a module of a higher stage, as a sentence."""
    return sorted(
        f"{m} (stage {_stage(m)}) imports {d} (stage {_stage(d)})"
        for m, deps in graph.items()
        if m
        for d in deps
        if _stage(d) > _stage(m)
    )


def test_no_stage_imports_a_higher_one():
    graph = _graph()
    assert len(graph) > 40 and not _upward(graph)


def test_stage_check_sees_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "outlet_comparison"
    (fake / "report").mkdir(parents=True)
    (fake / "report" / "charts.py").write_text("")
    (fake / "text").mkdir()
    (fake / "text" / "units.py").write_text("def f():\n    from outlet_comparison.report import charts\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert _upward(_graph()) == ["text.units (stage 1) imports report (stage 6)",
                                 "text.units (stage 1) imports report.charts (stage 6)"]  # fmt: skip


def test_package_has_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 1:
            raise AssertionError(f"import cycle: {' -> '.join([*path, node])}")
        if state.get(node) == 2 or node not in graph:
            return
        state[node] = 1
        for dep in sorted(graph[node]):
            if not node.startswith(dep + ".") and not dep == "":  # a package __init__ importing its parts
                visit(dep, [*path, node])
        state[node] = 2

    for node in sorted(graph):
        visit(node, [])
    assert "instruments.framing" in graph["corpus.measures"] and "corpus.measures" in graph["report.card"]


def test_clear_caches_empties_every_memoised_loader(tmp_path):
    lexicon = tmp_path / "frames.csv"
    lexicon.write_text("frame,term,pattern,rationale\nhope,hope,hope,x\n", encoding="utf-8")
    assert helpers.frame_names(lexicon) == ("hope",)
    lexicon.write_text("frame,term,pattern,rationale\ndoubt,doubt,doubt,x\n", encoding="utf-8")
    assert helpers.frame_names(lexicon) == ("hope",)  # cached by path
    sources = {p: p.read_text(encoding="utf-8") for p in _modules()}
    for p in sources:  # every module registers its caches when imported; some are imported lazily
        parts = p.relative_to(helpers.ROOT).with_suffix("").parts
        importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert helpers.clear_caches() == sum(src.count("@memoize(") for src in sources.values())
    assert [p.name for p, src in sources.items() if "lru_cache" in src] == ["cache.py"]
    assert helpers.frame_names(lexicon) == ("doubt",)


def test_relative_word_list_paths_are_read_from_the_project_root(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # a working directory without lexicons/
    hits = helpers.frame_hits("Talks failed.", lexicon="lexicons/frames.csv")
    assert hits["matched"].tolist() == ["failed"]
