"""Ingest: clippings in, article files out, editors' edits never overwritten."""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from archive.ingest.articles import escape_markdown, ingest, make_slug, run_ingest
from archive.ingest.clipping import read_clipping
from archive.ingest.furniture import load_furniture
from archive.site.markdown import renderer, split_front_matter
from archive.site.text import paragraphs

FURNITURE = ROOT / "content" / "data" / "furniture.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "clippings"
HEADLINED = "002_a6c61233ce6e330f.txt"
SEED_NAMES = (
    "000_8b3231d21d1508c7.txt", "001_811a545a56f5e34d.txt", HEADLINED,
    "003_5cec631d11b9ee3c.txt", "004_52ee514e77fbdb24.txt",
)  # fmt: skip
KEYS = ["title", "date", "source", "source_file", "clipping", "slug", "checksum", "ingested"]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return tmp_path / "articles"


@pytest.fixture
def clippings(tmp_path: Path) -> Path:
    """A writable copy of the five seed clippings (whatever else content/clippings holds)."""
    folder = tmp_path / "clippings"
    folder.mkdir()
    for name in SEED_NAMES:
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    return folder


def meta(path: Path) -> dict[str, object]:
    return split_front_matter(path.read_text(encoding="utf-8"), path).meta


def only_article(articles: Path) -> Path:
    (article,) = articles.glob("*.md")
    return article


# ---- the seeds ------------------------------------------------------------------------


def test_seeds_become_one_article_each_with_exact_front_matter(
    articles: Path, clippings: Path
) -> None:
    report = ingest([clippings], articles, FURNITURE)
    assert report.exit_status == 0
    assert [outcome.status for outcome in report.outcomes] == ["imported"] * 5
    written = {str(meta(path)["source_file"]): path for path in articles.glob("*.md")}
    assert sorted(written) == sorted(SEED_NAMES)
    for name, path in written.items():
        data = meta(path)
        derived = name != HEADLINED and not name.startswith("004_")
        assert list(data) == ([*KEYS[:1], "title_derived", *KEYS[1:]] if derived else KEYS)
        raw = (SEEDS / name).read_bytes()
        assert data["checksum"] == "sha256:" + hashlib.sha256(raw).hexdigest()
        assert data["slug"] == path.stem
        assert datetime.date.fromisoformat(str(data["date"]))  # front matter keeps dates as text
        assert path.stem.startswith(f"{data['date']}-")


def test_slug_is_date_and_title_words(articles: Path) -> None:
    ingest([SEEDS / HEADLINED], articles, FURNITURE)
    slug = "2021-08-25-xi-and-putin-explore-efforts-to-achieve-afghan-peace"
    assert only_article(articles).name == f"{slug}.md"


def test_the_rendered_article_shows_the_published_paragraphs(
    articles: Path, clippings: Path
) -> None:
    ingest([clippings], articles, FURNITURE)
    furniture = load_furniture(FURNITURE)
    for path in articles.glob("*.md"):
        document = split_front_matter(path.read_text(encoding="utf-8"), path)
        _, clipping = read_clipping(SEEDS / str(document.meta["source_file"]), furniture)
        html = renderer().render(document.body)
        assert [paragraph.text for paragraph in paragraphs(html)] == clipping.paragraphs
        assert document.meta["title"] == clipping.title


def test_running_again_changes_nothing(articles: Path, clippings: Path) -> None:
    ingest([clippings], articles, FURNITURE)
    before = {path: (path.read_bytes(), path.stat().st_ino) for path in articles.iterdir()}
    report = ingest([clippings], articles, FURNITURE)
    assert [outcome.status for outcome in report.outcomes] == ["unchanged"] * 5
    assert {path: (path.read_bytes(), path.stat().st_ino) for path in articles.iterdir()} == before
    assert report.summary() == "5 clippings: 5 unchanged"


# ---- Markdown escaping --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "*not emphasis* and _not either_ and __nor this__",
        "# not a heading",
        "## nor this",
        "1. not a list",
        "2021) not a list either",
        "- not a bullet",
        "+ nor this",
        "* nor this",
        "> not a quote",
        "---",
        "***",
        "`not code`",
        "```",
        "~~~",
        "[not a link](http://example.com)",
        "![not an image](x.png)",
        "[^1] is not a footnote",
        "<b>not html</b> <!-- nor a comment -->",
        "<http://example.com> is not an autolink",
        "Tom &amp; Jerry, &copy; &#169; &#xA9; and Tom & Jerry",
        "a \\ backslash, a \\* starred one and a final one \\",
        "| not | a | table |",
        "Price: $5 | 10% off",
        "ends with two spaces is impossible here",
    ],
)
def test_escaped_text_renders_as_itself(text: str) -> None:
    html = renderer().render(escape_markdown(text))
    assert [paragraph.text for paragraph in paragraphs(html)] == [text]


def test_escaping_leaves_ordinary_news_text_readable() -> None:
    text = "Aug. 25, 2021 (EIRNS)—China’s President said “a new starting point” on Tuesday."
    assert escape_markdown(text) == text


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Türkiye’s Envoy Meets Taliban", "2021-08-25-turkiyes-envoy-meets-taliban"),
        ("Wang Yi: China's Position", "2021-08-25-wang-yi-chinas-position"),
        ("“…”", "2021-08-25"),
        (
            "Central Asian Ministers Agree to Share Intelligence on the Border of the Country",
            "2021-08-25-central-asian-ministers-agree-to-share-intelligence",
        ),
        (
            "Leaders Discuss Afghanistan and the Situation of the Refugees at the Border",
            "2021-08-25-leaders-discuss-afghanistan-and-the-situation",
        ),
    ],
)
def test_make_slug(title: str, slug: str) -> None:
    assert make_slug(datetime.date(2021, 8, 25), title) == slug


# ---- editors, changes and identity --------------------------------------------------


def test_an_edited_article_is_never_overwritten(articles: Path, clippings: Path) -> None:
    ingest([clippings / HEADLINED], articles, FURNITURE)
    article = only_article(articles)
    edited = article.read_text(encoding="utf-8").replace(
        "Xi and Putin Explore", "Xi, Putin Explore"
    )
    article.write_text(edited, encoding="utf-8")

    report = ingest([clippings / HEADLINED], articles, FURNITURE)
    assert article.read_text(encoding="utf-8") == edited
    assert report.lines()[0] == (
        f"edited 1/1: {article} was edited since import; kept as the editor left it"
    )
    assert report.exit_status == 0  # the clipping is the same: nothing is left undone
    assert report.summary() == "1 clipping: 1 edited"

    clipping = clippings / HEADLINED
    clipping.write_bytes(clipping.read_bytes().replace(b"by phone today", b"by telephone today"))
    report = ingest([clipping], articles, FURNITURE)
    assert article.read_text(encoding="utf-8") == edited
    assert report.outcomes[0].status == "conflict"
    assert "has changed since" in report.lines()[0]
    assert report.exit_status == 1


def test_a_changed_clipping_updates_its_unedited_article_in_place(
    articles: Path, clippings: Path
) -> None:
    clipping = clippings / HEADLINED
    ingest([clipping], articles, FURNITURE)
    article = only_article(articles)
    clipping.write_bytes(clipping.read_bytes().replace(b"Phone Call Today", b"Phone Call"))

    report = ingest([clipping], articles, FURNITURE)
    assert report.outcomes[0].status == "updated"
    assert only_article(articles) == article  # same file, though the new title's slug differs
    data = meta(article)
    assert data["title"] == "Xi and Putin Explore Efforts To Achieve Afghan Peace in Phone Call"
    assert data["checksum"] == "sha256:" + hashlib.sha256(clipping.read_bytes()).hexdigest()
    assert ingest([clipping], articles, FURNITURE).outcomes[0].status == "unchanged"


def test_a_renamed_clipping_is_recognised_by_its_checksum(articles: Path, clippings: Path) -> None:
    ingest([clippings / HEADLINED], articles, FURNITURE)
    renamed = clippings / "renamed.txt"
    (clippings / HEADLINED).rename(renamed)
    report = ingest([renamed], articles, FURNITURE)
    assert report.outcomes[0].status == "updated"
    assert meta(only_article(articles))["source_file"] == "renamed.txt"


def test_a_hand_written_article_of_the_same_clipping_is_left_alone(
    articles: Path, clippings: Path
) -> None:
    articles.mkdir()
    hand = articles / "by-hand.md"
    hand.write_text(
        f"---\ntitle: Mine\ndate: 2021-08-25\nsource_file: {HEADLINED}\n---\n\nText.\n",
        encoding="utf-8",
    )
    report = ingest([clippings / HEADLINED], articles, FURNITURE)
    assert report.outcomes[0].status == "conflict"
    assert list(articles.iterdir()) == [hand]


def test_the_same_text_twice_in_one_run_is_one_article(articles: Path, clippings: Path) -> None:
    shutil.copy(clippings / HEADLINED, clippings / "copy.txt")
    report = ingest([clippings / HEADLINED, clippings / "copy.txt"], articles, FURNITURE)
    assert [outcome.status for outcome in report.outcomes] == ["imported", "duplicate"]
    assert report.exit_status == 0
    only_article(articles)


def test_two_clippings_with_one_title_and_date_get_two_slugs(
    tmp_path: Path, articles: Path
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("date 2021-08-25 Talks Went On\n\nThe first text.\n", encoding="utf-8")
    second.write_text("date 2021-08-25 Talks Went On\n\nThe second text.\n", encoding="utf-8")
    ingest([first, second], articles, FURNITURE)
    names = {path.name for path in articles.glob("*.md")}
    assert names == {"2021-08-25-talks-went.md", "2021-08-25-talks-went-2.md"}


# ---- bad input ----------------------------------------------------------------------


def test_bad_clippings_get_one_line_each_and_the_rest_is_imported(articles: Path) -> None:
    report = ingest([FIXTURES], articles, FURNITURE)
    errors = [line for line in report.lines() if line.startswith("error")]
    assert len(errors) == 3
    for name, words in [
        ("binary.dat", "binary file"),
        ("empty.txt", "empty clipping"),
        ("no-date.txt", "no publication date found"),
    ]:
        (line,) = [line for line in errors if f"{FIXTURES / name}: " in line]
        assert words in line
    assert len(list(articles.glob("*.md"))) == 7
    assert report.exit_status == 1
    assert report.summary() == "10 clippings: 7 imported, 3 failed"


def test_a_missing_path_is_reported_and_the_rest_imported(tmp_path: Path, articles: Path) -> None:
    report = ingest([tmp_path / "nowhere.txt", SEEDS / HEADLINED], articles, FURNITURE)
    assert report.lines()[0] == f"error 1/2: {tmp_path / 'nowhere.txt'}: no such file or folder"
    assert report.outcomes[1].status == "imported"
    assert report.exit_status == 1


def test_run_ingest_prints_progress_and_returns_the_status(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run_ingest([str(SEEDS / HEADLINED), FIXTURES / "empty.txt"], articles, FURNITURE)
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0].startswith(f"imported 1/2 {SEEDS / HEADLINED} -> {articles}")
    assert "  stripped line 1: Go to home page" in lines
    assert lines[-2] == f"error 2/2: {FIXTURES / 'empty.txt'}: empty clipping"
    assert lines[-1] == "2 clippings: 1 imported, 1 failed"


def test_a_bad_furniture_pattern_stops_ingest_before_any_write(
    tmp_path: Path, articles: Path, clippings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    patterns = tmp_path / "furniture.txt"
    patterns.write_text("share\n[unclosed\n", encoding="utf-8")
    assert run_ingest([clippings], articles, patterns) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"error: {patterns}:2: bad pattern '[unclosed'")
    assert not articles.exists()


def test_an_unreadable_article_is_reported(articles: Path) -> None:
    articles.mkdir()
    (articles / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    report = ingest([SEEDS / HEADLINED], articles, FURNITURE)
    assert report.lines()[0].startswith(f"error: {articles / 'broken.md'}:")
    assert report.outcomes[0].status == "imported"
    assert report.exit_status == 1


def test_a_failed_write_leaves_the_old_article_whole(
    articles: Path, clippings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clipping = clippings / HEADLINED
    ingest([clipping], articles, FURNITURE)
    article = only_article(articles)
    before = article.read_bytes()
    clipping.write_bytes(clipping.read_bytes().replace(b"by phone today", b"by telephone today"))

    def interrupted(source: object, target: object) -> None:
        raise OSError("interrupted")

    monkeypatch.setattr(os, "replace", interrupted)
    report = ingest([clipping], articles, FURNITURE)
    assert report.outcomes[0].status == "error"
    assert report.exit_status == 1
    assert article.read_bytes() == before
    assert [path for path in articles.glob("*.md")] == [article]
