"""Editors' patterns cannot hang ingest: a linear-time engine, unsupported syntax named.

``(a+)+$`` against a line of 32 a's and a ``!`` takes a backtracking engine
longer than a day (each extra ``a`` doubles it); the subprocess time limit below
only keeps a failing run from holding the suite, it is not what is tested.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ops_support import TRACEBACK, invoke, output

CLIPPING = (
    "Ministers meet in Vellen\n\nPublished 8 March 2023\n\n"
    "Anna Berg met Tomas Lind in Vellen on Tuesday.\n\n" + "a" * 32 + "!\n\n"
    "The two ministers agreed to meet again.\n"
)


def ingest_with_patterns(
    tmp_path: Path, patterns: str, text: str = CLIPPING
) -> tuple[int, str, Path]:
    data = tmp_path / "data"
    data.mkdir()
    (data / "furniture.txt").write_text(patterns, encoding="utf-8")
    clipping = tmp_path / "clipping.txt"
    clipping.write_text(text, encoding="utf-8")
    articles = tmp_path / "articles"
    result = invoke(
        "ingest", "--paths", str(clipping), "--into", str(articles),
        "--furniture", str(data / "furniture.txt"),
    )  # fmt: skip
    return result.returncode, output(result), articles


def test_a_catastrophic_pattern_finishes(tmp_path: Path) -> None:
    status, out, articles = ingest_with_patterns(tmp_path, "# editors' rules\n(a+)+$\n")
    assert status == 0 and TRACEBACK not in out, out
    (article,) = articles.glob("*.md")
    assert "agreed to meet again" in article.read_text(encoding="utf-8")


def test_a_catastrophic_tail_pattern_finishes(tmp_path: Path) -> None:
    status, out, articles = ingest_with_patterns(tmp_path, "tail:(a|aa)+b\n")
    assert status == 0 and TRACEBACK not in out, out
    assert "agreed to meet again" in next(articles.glob("*.md")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("pattern", "words"),
    [(r"(?<=Share) this", "look-behind"), (r"(\w+) \1", "back-reference"), ("(unclosed", "")],
)
def test_an_unsupported_pattern_is_named_with_its_file_and_line(
    tmp_path: Path, pattern: str, words: str
) -> None:
    status, out, articles = ingest_with_patterns(tmp_path, f"# rules\nBack to top\n{pattern}\n")
    assert status == 1 and TRACEBACK not in out, out
    line = next(line for line in out.splitlines() if "furniture.txt:3:" in line)
    assert pattern in line and words in line
    assert not list(articles.glob("*.md"))


def test_the_shipped_patterns_all_compile(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[1] / "content" / "data" / "furniture.txt"
    status, out, articles = ingest_with_patterns(tmp_path, shipped.read_text(encoding="utf-8"))
    assert status == 0, out
    assert "agreed to meet again" in next(articles.glob("*.md")).read_text(encoding="utf-8")


def test_word_classes_still_match_any_script(tmp_path: Path) -> None:
    """RE2's \\w is ASCII; patterns are rewritten so that it means what it means in Python."""
    sentence = "Ñandú señaló que José Núñez viajó a Córdoba."
    text = CLIPPING.replace("The two ministers", f"{sentence}\n\nThe two ministers")
    status, out, articles = ingest_with_patterns(
        tmp_path, "\\w+ señaló que \\w+ \\w+ viajó a \\w+\\.\n", text
    )
    assert status == 0, out
    article = next(articles.glob("*.md")).read_text(encoding="utf-8")
    assert "Córdoba" not in article and "agreed to meet again" in article
