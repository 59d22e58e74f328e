"""The `invoke entities` report: recurring unregistered names, with an example each."""

from pathlib import Path

import pytest
from conftest import ROOT

from archive.entities.candidates import run_candidates

REGISTRY = ROOT / "content" / "data" / "entities.yaml"


def article(folder: Path, slug: str, *paragraphs: str) -> None:
    body = "\n\n".join(paragraphs)
    (folder / f"{slug}.md").write_text(
        f"---\ntitle: T\nslug: {slug}\n---\n\n{body}\n", encoding="utf-8"
    )


def test_report_lists_recurring_unregistered_names_with_an_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article(tmp_path, "one", "Xi Jinping met Karim Massimov in Astana on Monday.")
    article(tmp_path, "two", "Karim Massimov later flew home from Astana.", "Putin stayed.")
    assert run_candidates(tmp_path, REGISTRY) == 0
    report = capsys.readouterr().out
    assert "Karim Massimov  (2 articles)" in report
    assert "Astana" in report
    assert "e.g. Xi Jinping met Karim Massimov in Astana on Monday." in report
    assert "Xi Jinping" not in report.split("e.g.")[0]  # registered names are never listed


def test_a_broken_registry_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = tmp_path / "entities.yaml"
    registry.write_text("- id: x\n  name: X\n  type: planet\n", encoding="utf-8")
    assert run_candidates(tmp_path, registry) == 1
    assert f"{registry}:3:" in capsys.readouterr().out
