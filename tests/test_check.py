"""`invoke check` on the shipped site (green) and on a copy with planted faults (each named)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from archive.check.articles import check_articles
from archive.check.calendar import check_calendar


def check(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "invoke", "check", "--site", str(site), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_the_shipped_site_passes_every_check(shipped_site: Path) -> None:
    result = check(shipped_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def plant(page: Path, before: str, markup: str) -> None:
    """Insert ``markup`` into ``page`` just before the first ``before``."""
    text = page.read_text(encoding="utf-8")
    assert before in text
    page.write_text(text.replace(before, markup + before, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def planted(shipped_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """`invoke check` on a copy of the site with one fault of each kind planted in it."""
    broken = tmp_path_factory.mktemp("planted") / "site"
    shutil.copytree(shipped_site, broken)
    plant(broken / "archives.html", "</main>", '<a href="articles/no-such-page.html">gone</a>')
    plant(broken / "archives.html", "</main>", '<a href="index.html#no-such-id">gone</a>')
    plant(
        broken / "chronology.html",
        "</head>",
        '<script src="https://cdn.example.net/t.js"></script>',
    )
    plant(broken / "404.html", "</main>", "<center>obsolete markup</center>")
    plant(broken / "index.html", "</main>", '<p id="faint" style="color:#f4f4f4">faint</p>')
    entities = json.loads((broken / "api" / "entities.json").read_text(encoding="utf-8"))
    entities["entities"][0]["mentions"] = "many"
    (broken / "api" / "entities.json").write_text(json.dumps(entities), encoding="utf-8")
    (broken / "api" / "chronology.schema.json").write_text("{}", encoding="utf-8")
    ics = broken / "chronology.ics"
    ics.write_bytes(ics.read_bytes().replace(b"END:VCALENDAR\r\n", b""))
    result = check(broken)
    return result.stdout + result.stderr, result.returncode


@pytest.mark.parametrize(
    ("page", "where", "message"),
    [
        pytest.param(
            "archives.html",
            'a[href="articles/no-such-page.html"]',
            "broken link",
            id="a_broken_link",
        ),
        pytest.param(
            "archives.html",
            'a[href="index.html#no-such-id"]',
            "names no element",
            id="a_missing_anchor",
        ),
        pytest.param(
            "chronology.html",
            'script[src="https://cdn.example.net/t.js"]',
            "outside the site",
            id="an_outside_script",
        ),
        pytest.param(
            "chronology.html",
            "https://cdn.example.net/t.js",
            "requests a URL outside",
            id="a_request_leaving_the_site",
        ),
        pytest.param("404.html", "<center>", "center", id="invalid_html"),
        pytest.param("index.html", "#faint", "color-contrast", id="low_contrast"),
        pytest.param(
            "api/entities.json",
            "$.entities[0].mentions",
            "'many' is not of type 'integer'",
            id="an_invalid_json_export",
        ),
        pytest.param("chronology.ics", "", "does not parse", id="a_malformed_calendar"),
        pytest.param("api/chronology.schema.json", "", "not the project's", id="a_stale_schema"),
    ],
)
def test_each_planted_fault_is_reported_with_its_page(
    planted: tuple[str, int], page: str, where: str, message: str
) -> None:
    output, status = planted
    assert status == 1
    lines = [line for line in output.splitlines() if line.startswith(page)]
    assert any(where in line and message in line for line in lines), output


def test_the_planted_faults_are_all_that_is_reported(planted: tuple[str, int]) -> None:
    output, _ = planted
    pages = {"archives.html", "chronology.html", "404.html", "index.html", "api/entities.json",
             "api/chronology.schema.json", "chronology.ics"}  # fmt: skip
    reported = [
        line for line in output.splitlines() if ": " in line and not line.startswith("checked")
    ]
    assert reported and all(line.startswith(tuple(pages)) for line in reported), output


def test_calendar_lines_must_end_in_crlf(tmp_path: Path) -> None:
    (tmp_path / "chronology.ics").write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        b"DTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:20210101\r\nSUMMARY:one\rtwo\r\n"
        b"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    problems = [str(p) for p in check_calendar(tmp_path)]
    assert problems == [
        "chronology.ics: line 8: bare CR or LF inside a line",
        "chronology.ics: VEVENT b: lacks DTSTAMP, DTSTART",
    ]


def test_check_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    result = check(tmp_path, "--only", "links")
    assert result.returncode == 1 and "not a built site" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    unknown = check(tmp_path, "--only", "spelling")
    assert unknown.returncode == 1 and "unknown check spelling" in unknown.stderr


def test_every_article_file_must_have_its_page(shipped_site: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "content" / "articles", articles)
    (articles / "no-slug.md").write_text("---\ntitle: A Lost Title\n---\n\nText.\n", "utf-8")
    (articles / "draft.md").write_text("---\ntitle: Later\nstatus: draft\n---\n\nText.\n", "utf-8")
    (articles / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", "utf-8")
    problems = [str(p) for p in check_articles(shipped_site, articles, slugify=lambda t: t.lower())]
    assert len(problems) == 2
    assert problems[0].startswith(f"{articles / 'broken.md'}: line ")
    assert "has no page: front matter is not valid YAML" in problems[0]
    assert (
        problems[1] == "articles/a lost title.html: missing: the page of no-slug.md was not built"
    )
