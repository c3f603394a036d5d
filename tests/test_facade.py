"""The library's shape: helpers.py is a short facade with frozen public names over a package of
modules that import each other one way, none too long, every cache clearable."""

from __future__ import annotations

import ast
import importlib
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
normalise_raw html_to_text SegmentWarning
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
    assert len((helpers.ROOT / "helpers.py").read_text(encoding="utf-8").splitlines()) <= 200
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


def _imports(path: Path) -> set[str]:
    """Package modules this module imports (dotted names relative to the package)."""
    here = path.relative_to(PACKAGE).with_suffix("").parts
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - node.level]) if here[-1] != "__init__" else list(here[:-1])
            if node.level > 1 and here[-1] == "__init__":
                base = list(here[: len(here) - node.level])
            target = ".".join(base + ([node.module] if node.module else []))
            names = [target] if node.module else [".".join(base + [a.name]) for a in node.names]
            out.update(n for n in names if n)
    return out


def test_package_has_no_import_cycles():
    graph = {}
    for p in _modules():
        parts = p.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[name] = {m for m in _imports(p) if m != name}
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
    assert "framing" in graph["measures"] and "measures" in graph["card"]


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
