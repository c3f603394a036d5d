"""Articles, manifest, segmentation and clean bodies, checked against hand-annotated gold."""

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from study import load_seeds

import helpers

GOLD = helpers.ROOT / "tests" / "gold" / "segment_gold.csv"
STUDY = helpers.ARTICLES / "kerry-lavrov-g20-2016"
SEEDS = ["bloomberg-2016-09-05", "ap-2016-09-04"]


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return load_seeds().set_index("article_id")


def _gold_roles() -> dict[str, dict[int, str]]:
    """{article_id: {line: role}} from the hand-annotated gold file."""
    out: dict[str, dict[int, str]] = {}
    with open(GOLD, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lines: list[int] = []
            for part in row["lines"].split(";"):
                a, _, b = part.partition("-")
                lines += range(int(a), int(b or a) + 1)
            for n in lines:
                out.setdefault(row["article_id"], {})[n] = row["role"]
    return out


def test_manifest_lists_both_seeds(arts):
    assert list(arts.index[:2]) == SEEDS  # the study's seeds come first; added articles follow
    assert arts.loc["bloomberg-2016-09-05", "outlet"] == "Bloomberg"
    assert arts.loc["ap-2016-09-04", "outlet"] == "Associated Press"
    assert str(arts.loc["bloomberg-2016-09-05", "published"].date()) == "2016-09-05"
    assert str(arts.loc["ap-2016-09-04", "published"].date()) == "2016-09-04"
    assert arts.loc["ap-2016-09-04", "authors"] == "Kathleen Hennessey; Josh Lederman"


@pytest.mark.shared
def test_articles_are_byte_identical_to_seeds(arts):
    seeds = helpers.SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not found: cannot compare with the original seeds (CI has them)")
    for row in arts.loc[SEEDS].itertuples():
        assert (STUDY / row.file).read_bytes() == (seeds / row.seed_file).read_bytes()


@pytest.mark.parametrize("article_id", ["bloomberg-2016-09-05", "ap-2016-09-04"])
def test_segment_matches_gold(arts, article_id):
    seg = helpers.segment(arts.loc[article_id, "raw"])
    gold = _gold_roles()[article_id]
    expected = [gold.get(n, "blank") for n in seg.line]
    wrong = [(n, r, e) for n, r, e in zip(seg.line, seg.role, expected, strict=True) if r != e]
    assert not wrong, f"(line, got, gold): {wrong}"


@pytest.mark.parametrize("article_id", ["bloomberg-2016-09-05", "ap-2016-09-04"])
def test_segment_partitions_raw_text(arts, article_id):
    raw = arts.loc[article_id, "raw"]
    seg = helpers.segment(raw)
    assert "\n".join(seg.text) == raw
    assert list(seg.line) == list(range(1, raw.count("\n") + 2))
    assert set(seg.role) <= set(helpers.ROLES)


@pytest.mark.parametrize("article_id", ["bloomberg-2016-09-05", "ap-2016-09-04"])
def test_headline_and_byline_agree_with_manifest(arts, article_id):
    seg = helpers.segment(arts.loc[article_id, "raw"])
    assert seg.loc[seg.role == "headline", "text"].tolist() == [arts.loc[article_id, "headline"]]
    byline = seg.loc[seg.role == "byline", "text"].item()
    for author in arts.loc[article_id, "authors"].split("; "):
        assert author in byline


@pytest.mark.parametrize(
    ("article_id", "paras", "sents", "first", "last"),
    [
        (
            "bloomberg-2016-09-05",
            17,
            33,
            "U.S. Secretary of State John Kerry failed",
            "about U.S.-Turkey ties.",
        ),
        ("ap-2016-09-04", 23, 32, "THE US is sceptical", 'all terrorism is bad".'),
    ],
)
def test_clean_body(arts, article_id, paras, sents, first, last):
    text = arts.loc[article_id, "text"]
    assert len(helpers.paragraphs(text)) == paras
    assert len(helpers.sentences(text)) == sents
    assert text.startswith(first) and text.endswith(last)
    assert "\n\n\n" not in text and text == text.strip()
    for leak in (
        "horoscope",
        "inkl",
        "Talks to Continue",
        "Sharing Intelligence",
        "©",
        "Updates with",
        "holds a news conference",
        "To contact",
        "Sign up",
        "Kathleen Hennessey",
        "Business",
    ):
        assert leak not in text, leak


def test_segment_generalises_to_another_layout():
    raw = "\n".join(
        [
            "Advertisement",
            "World",
            "Leaders agree on new climate fund at summit",
            "By Jane Doe and John Roe, Reuters",
            "",
            "Photo: Delegates arrive at the summit venue in Paris.",
            "World leaders agreed on Tuesday to set up a fund for poorer nations, officials said.",
            "",
            "What comes next",
            "",
            "The fund will start next year, according to the draft text seen by reporters.",
            "(Reporting by Jane Doe; Editing by Sam Poe)",
            "Read more: other stories",
        ]
    )
    seg = helpers.segment(raw)
    assert seg.role.tolist() == [
        "boilerplate", "boilerplate", "headline", "byline", "blank", "caption", "body", "blank",
        "subhead", "blank", "body", "credit", "boilerplate",
    ]  # fmt: skip
    assert "\n".join(seg.text) == raw


def test_segment_rejects_non_str():
    with pytest.raises(TypeError):
        helpers.segment(b"bytes")


# ------------------------------------------------------------------ bad input


@pytest.fixture()
def project(tmp_path) -> Path:
    """A copy of the study's event folder (its two seeds) to break in different ways."""
    folder = tmp_path / "study"
    shutil.copytree(STUDY, folder, ignore=shutil.ignore_patterns("*.md"))
    man = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    for extra in man[~man.article_id.isin(SEEDS)].itertuples():
        (folder / extra.file).unlink()
    man[man.article_id.isin(SEEDS)].to_csv(folder / "manifest.csv", index=False)
    return folder


def _edit_manifest(root: Path, row: int, **fields: str) -> None:
    path = root / "manifest.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for k, v in fields.items():
        df.loc[row, k] = v
    df.to_csv(path, index=False)


def test_copy_loads(project):
    assert len(helpers.load_articles(project)) == 2


def test_missing_file(project):
    _edit_manifest(project, 0, file="nope.txt")
    (project / "bloomberg-2016-09-05-kerry-fails-to-secure-syria-deal.txt").unlink()
    with pytest.raises(helpers.ArticleError, match=r"manifest\.csv, row 2: field 'file' names .*nope\.txt"):
        helpers.load_articles(project)


def test_file_not_in_manifest(project):
    (project / "stray-article.txt").write_text("Headline here\n\nBody.", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"stray-article\.txt: article file is not listed"):
        helpers.load_articles(project)


def test_sha256_changed(project):
    path = project / "ap-2016-09-04-us-and-russia-close-to-syria-deal.txt"
    path.write_bytes(path.read_bytes() + b" ")
    with pytest.raises(
        helpers.ArticleError, match=r"ap-2016-09-04-us-.*\.txt: sha256 is [0-9a-f]{64}, manifest field"
    ):
        helpers.load_articles(project)


def test_non_utf8(project):
    path = project / "ap-2016-09-04-us-and-russia-close-to-syria-deal.txt"
    data = path.read_bytes().replace(b"sceptical", b"sc\xe9ptical")
    path.write_bytes(data)
    _edit_manifest(project, 1, sha256=hashlib.sha256(data).hexdigest())
    with pytest.raises(helpers.ArticleError, match=r"ap-2016-09-04-.*\.txt: not valid UTF-8 at line 6"):
        helpers.load_articles(project)


def test_empty_body(project):
    path = project / "ap-2016-09-04-us-and-russia-close-to-syria-deal.txt"
    data = b"Today's horoscope\n\nSee a different horoscope:"
    path.write_bytes(data)
    _edit_manifest(project, 1, sha256=hashlib.sha256(data).hexdigest())
    with pytest.raises(helpers.ArticleError, match=r"ap-2016-09-04-.*\.txt: no body text found"):
        helpers.load_articles(project)


def test_duplicate_article_id(project):
    _edit_manifest(project, 1, article_id="bloomberg-2016-09-05")
    with pytest.raises(helpers.ArticleError, match=r"row 3: duplicate article_id 'bloomberg-2016-09-05'"):
        helpers.load_articles(project)


def test_unparseable_date(project):
    _edit_manifest(project, 0, published="5 Sept 2016")
    with pytest.raises(
        helpers.ArticleError, match=r"row 2: field 'published' = '5 Sept 2016' is not an ISO date"
    ):
        helpers.load_articles(project)


def test_missing_manifest_column(project):
    path = project / "manifest.csv"
    pd.read_csv(path, dtype=str).drop(columns="sha256").to_csv(path, index=False)
    with pytest.raises(helpers.ArticleError, match=r"manifest\.csv: missing column\(s\) \['sha256'\]"):
        helpers.load_articles(project)


def test_bad_pattern_file(tmp_path):
    bad = tmp_path / "patterns.csv"
    bad.write_text(
        "pattern,role,rationale\n^ok$,boilerplate,fine\n([,boilerplate,broken regex\n", encoding="utf-8"
    )
    with pytest.raises(helpers.ArticleError, match=r"patterns\.csv, row 3: invalid pattern"):
        helpers.segment("Some headline text here\n\nBody text of the story.", patterns=bad)
    bad.write_text("pattern,role,rationale\n^x$,footer,unknown role\n", encoding="utf-8")
    with pytest.raises(helpers.ArticleError, match=r"patterns\.csv, row 2: unknown role 'footer'"):
        helpers.segment("Some headline text here\n\nBody text of the story.", patterns=bad)
