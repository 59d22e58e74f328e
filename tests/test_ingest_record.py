"""What ingest writes beyond the text: header fields, the removed-lines record, --explain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from archive.ingest.articles import FRONT_MATTER, ingest, run_explain
from archive.ingest.record import RECORD_SUFFIX
from archive.site.markdown import split_front_matter

FURNITURE = ROOT / "content" / "data" / "furniture.txt"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
CLIPPING = "a16-broadsheet.txt"  # standfirst, byline, Published and Updated lines, subheads


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path]:
    """The articles folder after importing one corpus clipping, and that clipping."""
    clipping = tmp_path / CLIPPING
    shutil.copy(CORPUS / CLIPPING, clipping)
    articles = tmp_path / "articles"
    assert ingest([clipping], articles, FURNITURE).exit_status == 0
    return articles, clipping


def the_article(articles: Path) -> Path:
    (article,) = articles.glob("*.md")
    return article


def test_header_fields_go_into_the_front_matter_in_order(imported: tuple[Path, Path]) -> None:
    articles, _ = imported
    path = the_article(articles)
    meta = split_front_matter(path.read_text(encoding="utf-8"), path, FRONT_MATTER).meta
    assert list(meta)[:6] == ["title", "date", "updated", "source", "author", "summary"]
    assert (meta["date"], meta["updated"]) == ("2023-12-15", "2023-12-15")  # kept as text
    assert meta["author"] == "Lena Brandt"
    assert meta["summary"].startswith("A choreographed exit let 26 leaders agree")


def test_every_removed_line_is_recorded_with_its_rule(imported: tuple[Path, Path]) -> None:
    articles, clipping = imported
    article = the_article(articles)
    record = yaml.safe_load(article.with_name(article.stem + RECORD_SUFFIX).read_text("utf-8"))
    assert record["clipping"] == CLIPPING
    removed = {entry["line"]: (entry["text"], entry["rule"]) for entry in record["removed"]}
    body = article.read_text(encoding="utf-8").split("---\n", 2)[2]
    lines = [" ".join(line.split()) for line in clipping.read_text("utf-8").splitlines()]
    for number, line in enumerate(lines, start=1):
        if line:  # each line is in the text or in the record, and only there
            assert (line in body) != (number in removed), line
    assert removed[19] == ("Advertisement", removed[19][1]) and removed[19][1]
    assert removed[5][1] == "headline (title)"


def test_the_record_is_left_alone_when_nothing_changed(imported: tuple[Path, Path]) -> None:
    articles, clipping = imported
    before = {path.name: path.stat().st_mtime_ns for path in articles.iterdir()}
    report = ingest([clipping], articles, FURNITURE)
    assert [outcome.status for outcome in report.outcomes] == ["unchanged"]
    assert {path.name: path.stat().st_mtime_ns for path in articles.iterdir()} == before


def test_an_editor_restores_a_line_by_editing_the_article(imported: tuple[Path, Path]) -> None:
    articles, clipping = imported
    article = the_article(articles)
    text = article.read_text(encoding="utf-8").replace(
        "\n\nIn a video", "\n\nAdvertisement\n\nIn a video", 1
    )
    article.write_text(text, encoding="utf-8")
    report = ingest([clipping], articles, FURNITURE)
    assert report.outcomes[0].status == "edited" and report.exit_status == 0
    assert "\n\nAdvertisement\n\n" in article.read_text(encoding="utf-8")


def test_a_keep_pattern_restores_a_line_on_import(tmp_path: Path) -> None:
    patterns = tmp_path / "furniture.txt"
    patterns.write_text(FURNITURE.read_text("utf-8") + "\nkeep: what comes next\n", "utf-8")
    clipping = tmp_path / CLIPPING
    shutil.copy(CORPUS / CLIPPING, clipping)
    articles = tmp_path / "articles"
    ingest([clipping], articles, patterns)
    # Restored, the line is what it was on the page: the subheading of what follows.
    assert "\n\n## What comes next\n\n" in the_article(articles).read_text(encoding="utf-8")
    (tmp_path / "plain.txt").write_text("keep: (?P<source>x)\n", "utf-8")
    with pytest.raises(Exception, match="cannot name groups"):
        ingest([clipping], articles, tmp_path / "plain.txt")


def test_explain_shows_every_line_with_its_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_explain(CORPUS / CLIPPING, FURNITURE) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[1]
        == "  title: EU opens door to Ukraine after Orbán steps out – but funding stays blocked"
    )
    assert "  updated: 2023-12-15" in out
    rows = [line for line in out if line[:3].strip().isdigit()]
    numbered = [line.split()[0] for line in rows]
    lines = (CORPUS / CLIPPING).read_text("utf-8").splitlines()
    assert numbered == [str(n) for n, line in enumerate(lines, 1) if line.strip()]
    assert any(" kept " in row and "subheading" in row for row in rows)
    assert any(row.split()[1] == "removed" and "byline (author)" in row for row in rows)


def test_explain_of_a_clipping_without_date_says_why_and_still_shows_its_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_explain(CORPUS / "a10-tabloid.txt", FURNITURE) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("error: ") and "no publication date found" in out[0]
    assert "  title: MODI-XI ICE MELTS IN KAZAN!" in out
    assert any(row.startswith("13 removed") and "06:55 IST" in row for row in out)
