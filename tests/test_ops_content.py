"""Content that cannot be built fails the build with ``file:line: message``, never a skip.

Pelican skips an article without a title or date, with an unknown status, or one
that would be written outside the output folder, logs it and exits 0; a build of
four articles out of five would then go live. Each case here is an article an
editor could write by mistake.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from archive_builder import TUESDAY, FixtureArchive
from ops_support import TRACEBACK, output

GOOD = "---\ntitle: A fine title\ndate: 2023-03-10\n"
BODY = "---\n\nAnna Berg spoke about Vellen.\n"

# name: (file text, line the message names, words the message says)
BROKEN = {
    "no-title": ("---\ndate: 2023-03-10\nsource: X\n" + BODY, 1, "title"),
    "no-date": ("---\ntitle: A title\nsource: X\n" + BODY, 1, "date"),
    "no-front-matter": ("Just a paragraph, no front matter.\n", 1, "front matter"),
    "empty-file": ("", 1, "empty"),
    "bogus-status": (GOOD + "status: bogus\n" + BODY, 4, "status"),
    "save-as-outside": (GOOD + "save_as: ../../evil.html\n" + BODY, 4, "save_as"),
    "slug-outside": (GOOD + "slug: ../../evil\n" + BODY, 4, "slug"),
    "unknown-template": (GOOD + "template: x\n" + BODY, 4, "template"),
    "empty-author": (GOOD + "author:\n" + BODY, 4, "author"),
    "empty-title": ("---\ntitle: ''\ndate: 2023-03-10\n" + BODY, 2, "title"),
    "misspelt-key": (GOOD + "soruce: Coast Courier\n" + BODY, 4, "did you mean 'source'"),
}


def build_with_article(archive: FixtureArchive, name: str, text: str) -> str:
    path = archive.content / "articles" / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    result = archive.build()
    out = output(result)
    assert TRACEBACK not in out, out
    assert result.returncode == 1, out
    return out


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_an_article_that_cannot_be_built_fails_the_build_at_its_line(
    archive: FixtureArchive, name: str
) -> None:
    text, line, words = BROKEN[name]
    out = build_with_article(archive, name, text)
    located = re.findall(rf"articles/{name}\.md:(\d+): (.+)", out)
    assert located, out
    assert any(int(n) == line and words in message for n, message in located), located


def test_nothing_is_written_outside_the_output_folder(archive: FixtureArchive) -> None:
    build_with_article(archive, "escape", GOOD + "save_as: ../../evil.html\n" + BODY)
    assert not list(archive.root.parent.rglob("evil.html"))


def test_a_duplicate_slug_names_both_files(archive: FixtureArchive) -> None:
    out = build_with_article(archive, "copy", GOOD + f"slug: {TUESDAY}\n" + BODY)
    (message,) = re.findall(r"articles/copy\.md:4: (.+)", out)
    assert TUESDAY in message and f"{TUESDAY}.md" in message


def test_a_draft_is_left_out_of_the_site_and_the_build_says_so(archive: FixtureArchive) -> None:
    """As the README says: a draft has no page, is listed nowhere and is not searched."""
    draft = archive.article("work-in-progress", "Unfinished draft", "2023-03-11",
                            ["Anna Berg in Vellen."], status="draft")  # fmt: skip
    result = archive.build()
    out = output(result)
    assert result.returncode == 0 and TRACEBACK not in out, out
    assert f"{draft.name}: draft, not published" in out
    pages = [p for p in archive.output.rglob("*") if p.is_file() and p.suffix in (".html", ".json")]
    assert pages and not [p for p in pages if "Unfinished draft" in p.read_text("utf-8")]
    slugs = [a["slug"] for a in json.loads((archive.output / "api/articles.json").read_text())["articles"]]  # fmt: skip
    assert "work-in-progress" not in slugs and len(slugs) == 4


def test_a_publication_date_after_today_is_a_warning(archive: FixtureArchive) -> None:
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    archive.article("tomorrows-news", "Tomorrow's news", future, ["Anna Berg in Vellen."])
    result = archive.build()
    out = output(result)
    assert result.returncode == 0, out
    assert re.search(rf"tomorrows-news\.md:3: warning: .*{future}.*after today", out), out


def test_an_unknown_key_is_an_error_that_lists_the_keys(archive: FixtureArchive) -> None:
    archive.article("extra-key", "With an extra key", "2023-03-10", ["Text."], shelfmark="B12")
    out = build_with_article(archive, "extra-key-2", GOOD + "shelfmark: B12\n" + BODY)
    assert re.search(r"extra-key-2\.md:4: unknown key 'shelfmark' .*source", out), out


def test_every_error_is_shown_before_the_build_stops(archive: FixtureArchive) -> None:
    for name in ("no-title", "bogus-status"):
        text, _, _ = BROKEN[name]
        (archive.content / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    result = archive.build()
    out = output(result)
    assert result.returncode == 1
    assert "no-title.md:1:" in out and "bogus-status.md:4:" in out
    assert "2 content errors" in out


def test_the_readme_names_the_checks() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for phrase in ("after today", "empty title", "did you mean", "status: draft"):
        assert phrase in readme, phrase
