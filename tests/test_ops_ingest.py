"""Ingest identifies a clipping by path and checksum, refuses broken UTF-8, reads odd arguments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ops_support import TRACEBACK, invoke, output, plain_env, run_in_terminal

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "clippings"


def clipping(title: str, sentence: str) -> str:
    return (
        f"{title}\n\nPublished 8 March 2023\n\n{sentence}\n\nThe talks — frank, long — went on.\n"
    )


def ingest(paths: str, into: Path, **env: str) -> tuple[int, str]:
    result = invoke("ingest", "--paths", paths, "--into", str(into), env=plain_env(**env))
    return result.returncode, output(result)


def bodies(folder: Path) -> list[str]:
    return sorted(p.read_text(encoding="utf-8") for p in folder.glob("*.md"))


def test_two_clippings_with_one_name_both_import(tmp_path: Path) -> None:
    for folder, sentence in (("A", "Anna Berg met Tomas Lind."), ("B", "Karl Lind met Anna Berg.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(clipping("Ministers meet", sentence), "utf-8")
    articles = tmp_path / "articles"
    assert ingest(str(tmp_path / "A" / "same.txt"), articles)[0] == 0
    status, out = ingest(str(tmp_path / "B" / "same.txt"), articles)
    assert status == 0 and "imported" in out and "updated" not in out, out
    texts = bodies(articles)
    assert len(texts) == 2
    assert any("Anna Berg met Tomas Lind." in t for t in texts)
    assert any("Karl Lind met Anna Berg." in t for t in texts)


def test_a_changed_clipping_updates_its_own_article_only(tmp_path: Path) -> None:
    for folder in ("A", "B"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(clipping("Talks", f"{folder} said."), "utf-8")
    articles = tmp_path / "articles"
    assert ingest(f"{tmp_path / 'A'} {tmp_path / 'B'}", articles)[0] == 0
    (tmp_path / "A" / "same.txt").write_text(clipping("Talks", "A said more."), "utf-8")
    status, out = ingest(str(tmp_path / "A" / "same.txt"), articles)
    assert status == 0 and "updated" in out, out
    texts = bodies(articles)
    assert len(texts) == 2 and any("A said more." in t for t in texts)
    assert any("B said." in t for t in texts) and not any("A said." in t for t in texts)


def test_a_moved_clipping_is_still_the_same_article(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "c.txt").write_text(clipping("Talks", "Berg said."), "utf-8")
    articles = tmp_path / "articles"
    assert ingest(str(tmp_path / "old" / "c.txt"), articles)[0] == 0
    (tmp_path / "old").rename(tmp_path / "new")
    status, out = ingest(str(tmp_path / "new" / "c.txt"), articles)
    assert status == 0 and "imported" not in out, out
    assert len(bodies(articles)) == 1


def test_one_bad_byte_in_a_utf8_file_is_an_error_at_its_line_and_column(tmp_path: Path) -> None:
    good = clipping("Ministers meet", "Anna Berg — the minister — met Tomas Lind.").encode()
    lines = good.split(b"\n")
    lines[4] = b"Anna Berg \x96 met Lind."  # line 5, the byte after 10 characters
    (tmp_path / "bad.txt").write_bytes(b"\n".join(lines))
    articles = tmp_path / "articles"
    status, out = ingest(str(tmp_path / "bad.txt"), articles)
    assert status == 1 and TRACEBACK not in out, out
    assert re.search(r"bad\.txt:5: .*UTF-8.*column 11", out), out
    assert "0x96" in out
    assert not list(articles.glob("*.md"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("cp1252.txt", "Kyrgyzstan’s"), ("latin1.txt", "«"), ("utf16.txt", "Pakistan’s")],
)
def test_legacy_encodings_still_decode(tmp_path: Path, name: str, expected: str) -> None:
    articles = tmp_path / "articles"
    status, out = ingest(str(FIXTURES / name), articles)
    assert status == 0, out
    (text,) = bodies(articles)
    assert expected in text and "â€" not in text


def test_a_path_with_a_quote_and_a_space(tmp_path: Path) -> None:
    path = tmp_path / "China's view.txt"
    path.write_text(clipping("China's view", "Anna Berg met Tomas Lind."), "utf-8")
    status, out = ingest(str(path), tmp_path / "articles")
    assert status == 0 and TRACEBACK not in out, out
    assert len(bodies(tmp_path / "articles")) == 1


def test_an_unbalanced_quote_in_paths_is_one_clear_line(tmp_path: Path) -> None:
    status, out = ingest(f"{tmp_path}/missing's file.txt", tmp_path / "articles")
    assert status != 0 and TRACEBACK not in out, out
    assert "--paths" in out and "quot" in out


def test_into_naming_a_file_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "articles.md"
    target.write_text("not a folder", encoding="utf-8")
    status, out = ingest(str(FIXTURES / "latin1.txt"), target)
    assert status != 0 and TRACEBACK not in out, out
    assert re.search(r"--into .*articles\.md.* not a folder", out), out
    assert target.read_text(encoding="utf-8") == "not a folder"


def many_clippings(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        text = clipping(f"Report number {number} on the talks", f"Anna Berg spoke {number} times.")
        (folder / f"c{number:03d}.txt").write_text(text, "utf-8")
    return folder


def test_ingest_of_many_clippings_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    folder = many_clippings(tmp_path / "clippings", 30)
    command = ["python", "-m", "invoke", "ingest", "--paths", str(folder),
               "--into", str(tmp_path / "articles")]  # fmt: skip
    shown = run_in_terminal(command, plain_env(TERM="xterm", COLUMNS="100"))
    assert "30 clippings: 30 imported" in shown, shown
    assert re.search(r"ingest\S*\s.*[━█].*30/30", shown), shown


def test_ingest_in_ci_prints_plain_lines_and_the_summary(tmp_path: Path) -> None:
    folder = many_clippings(tmp_path / "clippings", 5)
    command = ["python", "-m", "invoke", "ingest", "--paths", str(folder),
               "--into", str(tmp_path / "articles")]  # fmt: skip
    shown = run_in_terminal(command, plain_env(TERM="xterm", CI="true"))
    assert "5 clippings: 5 imported" in shown
    assert "━" not in shown and "█" not in shown
