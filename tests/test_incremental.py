"""A warm build (caches and output of the last build kept) gives the same site as a cold one."""

from __future__ import annotations

import shutil
from pathlib import Path

from archive_builder import ARTICLES, NOTES, REGISTRY, FixtureArchive, small_archive
from conftest import page


def snapshot(output: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    }


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )


def test_a_rebuild_with_nothing_changed_is_byte_identical(tmp_path: Path) -> None:
    archive = small_archive(tmp_path)
    cold = snapshot(archive.built())
    pages = [archive.output / "articles" / f"{a.slug}.html" for a in ARTICLES]
    pages.append(archive.output / "entities" / "anna-berg" / "index.html")
    pages += [archive.output / name for name in ("chronology.html", "api/chronology.json")]
    pages.append(archive.output / "api" / "articles.schema.json")
    written = [page.stat().st_mtime_ns for page in pages]
    assert differences(cold, snapshot(archive.built())) == []
    assert [page.stat().st_mtime_ns for page in pages] == written  # not rendered again


def test_a_page_deleted_from_the_output_is_written_again(tmp_path: Path) -> None:
    archive = small_archive(tmp_path)
    page = archive.built() / "articles" / f"{ARTICLES[0].slug}.html"
    before = page.read_bytes()
    page.write_text("edited by hand")
    archive.built()
    assert page.read_bytes() == before


def test_a_warm_build_after_edits_equals_a_cold_build_of_the_edited_archive(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "warm")
    archive.built()
    edited = ARTICLES[1]
    archive.article(
        edited.slug, edited.title, edited.date,
        [*edited.paragraphs, "Anna Berg met Tomas Lind in Vellen on Friday."], edited.source,
        source_file=edited.source_file,
    )  # fmt: skip
    note = dict(NOTES["about-vellen"])
    archive.note(
        "about-vellen",
        "An edited note on Vellen.",
        **{k: v for k, v in note.items() if k != "body"},
    )
    archive.registry([{**REGISTRY[0], "description": "An edited description."}, *REGISTRY[1:]])
    warm = snapshot(archive.built())

    fresh = FixtureArchive(tmp_path / "cold")
    shutil.rmtree(fresh.content)
    shutil.copytree(archive.content, fresh.content)
    cold = snapshot(fresh.built())
    assert "An edited description." in cold["entities/anna-berg/index.html"].decode()
    assert differences(warm, cold) == []


def test_a_new_article_is_linked_from_its_neighbour_on_a_warm_build(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "warm")
    archive.built()
    latest = max(ARTICLES, key=lambda a: (a.date, a.slug))
    archive.article("a-later-report", "A later report", "2023-05-01", ["Berg spoke again."])
    warm = snapshot(archive.built())
    newer = page(archive.output / "articles" / f"{latest.slug}.html").select_one("a[rel=next]")
    assert newer is not None and "A later report" in newer.get_text()

    fresh = FixtureArchive(tmp_path / "cold")
    shutil.rmtree(fresh.content)
    shutil.copytree(archive.content, fresh.content)
    assert differences(warm, snapshot(fresh.built())) == []


def test_a_corrupt_cache_is_rebuilt_not_a_crash(tmp_path: Path) -> None:
    archive = small_archive(tmp_path)
    cold = snapshot(archive.built())
    for cached in (archive.cache / "briefing").iterdir():
        cached.write_bytes(b"not a pickle")
    assert differences(cold, snapshot(archive.built())) == []
