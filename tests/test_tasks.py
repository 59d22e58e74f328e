"""The invoke tasks as an operator runs them: exit status, messages, files left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CLIPPINGS = ROOT / "tests" / "fixtures" / "clippings"


def invoke(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "invoke", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_ingest_imports_good_clippings_and_names_each_bad_one(tmp_path: Path) -> None:
    paths = " ".join(str(CLIPPINGS / n) for n in ("latin1.txt", "empty.txt", "no-date.txt"))
    result = invoke("ingest", "--paths", paths, "--into", str(tmp_path))
    assert result.returncode != 0
    assert "empty.txt: empty clipping" in result.stdout
    assert "no-date.txt" in result.stdout and "date" in result.stdout.split("no-date.txt")[1]
    assert "Traceback" not in result.stdout + result.stderr
    assert len(list(tmp_path.glob("*.md"))) == 1  # the good one is imported all the same


def test_ingest_twice_changes_nothing_and_keeps_an_editors_edit(tmp_path: Path) -> None:
    clipping = str(CLIPPINGS / "other-site-published.txt")
    assert invoke("ingest", "--paths", clipping, "--into", str(tmp_path)).returncode == 0
    (article,) = tmp_path.glob("*.md")
    edited = article.read_text(encoding="utf-8").replace("\n\n", "\n\nAn editor's line.\n\n", 1)
    article.write_text(edited, encoding="utf-8")
    again = invoke("ingest", "--paths", clipping, "--into", str(tmp_path))
    assert "edited 1/1" in again.stdout
    assert article.read_text(encoding="utf-8") == edited


def test_publish_switches_atomically_and_rollback_goes_back(tmp_path: Path) -> None:
    target = tmp_path / "public"
    quick = ("--target", str(target), "--checks", "links,articles,api,calendar")
    first = invoke("publish", *quick)
    assert first.returncode == 0, first.stdout + first.stderr
    assert target.is_symlink() and (target / "index.html").is_file()
    first_release = target.resolve()
    second = invoke("publish", *quick)
    assert second.returncode == 0, second.stdout + second.stderr
    assert target.resolve() != first_release and first_release.is_dir()
    assert (target / "feeds" / "all.atom.xml").is_file()
    assert (target / "api" / "articles.schema.json").is_file()  # the shape beside the data
    back = invoke("rollback", "--target", str(target))
    assert back.returncode == 0
    assert target.resolve() == first_release


def test_publish_refuses_to_replace_a_real_folder(tmp_path: Path) -> None:
    target = tmp_path / "public"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    result = invoke("publish", "--target", str(target))
    assert result.returncode != 0
    assert "real folder" in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert (target / "keep.txt").read_text(encoding="utf-8") == "mine"
