"""The `invoke entities` report: recurring unregistered names, with an example each."""

from pathlib import Path

import pytest
from archive_builder import REGISTRY, FixtureArchive

from archive.entities.candidates import run_candidates


def article(folder: Path, slug: str, *paragraphs: str) -> None:
    body = "\n\n".join(paragraphs)
    (folder / f"{slug}.md").write_text(
        f"---\ntitle: T\nslug: {slug}\n---\n\n{body}\n", encoding="utf-8"
    )


def test_report_lists_recurring_unregistered_names_with_an_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = FixtureArchive(tmp_path / "archive").registry(REGISTRY)
    articles = tmp_path / "archive" / "content" / "articles"
    article(articles, "one", "Anna Berg met Ivo Sand in Tarrow on Monday.")
    article(articles, "two", "Ivo Sand later flew home from Tarrow.", "Lind stayed.")
    assert run_candidates(articles, registry) == 0
    report = capsys.readouterr().out
    assert "Ivo Sand  (2 articles)" in report
    assert "Tarrow" in report
    assert "e.g. Anna Berg met Ivo Sand in Tarrow on Monday." in report
    assert "Anna Berg" not in report.split("e.g.")[0]  # registered names are never listed


def test_a_broken_registry_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = tmp_path / "entities.yaml"
    registry.write_text("- id: x\n  name: X\n  type: planet\n", encoding="utf-8")
    assert run_candidates(tmp_path, registry) == 1
    assert f"{registry}:3:" in capsys.readouterr().out
