"""What every stage shares: the YAML shapes, the URL scheme, dates for readers, the dateline."""

from __future__ import annotations

import datetime
import locale
import re
from pathlib import Path

import pytest

from archive.core import urls
from archive.core.formatting import day_month_year, period_label
from archive.core.yamlfile import Key, Shape, compose
from archive.ingest.dateline import dateline

ROOT = Path(__file__).resolve().parents[1]
SHAPE = Shape(
    "the thing",
    [Key("name", required=True), Key("tags", "texts"), Key("open", "bool")],
)


def problems(tmp_path: Path, text: str, shape: Shape = SHAPE) -> list[str]:
    path = tmp_path / "thing.yaml"
    path.write_text(text, encoding="utf-8")
    node = compose(path, "the thing")
    assert node is not None
    return [str(error) for error in shape.read(node, path)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: a\nnmae: b\n", "thing.yaml:2: unknown key 'nmae': did you mean 'name'?"),
        ("name: a\nzzz: b\n", "thing.yaml:2: unknown key 'zzz' (keys: name, tags, open)"),
        ("name: a\nname: b\n", "thing.yaml:2: key 'name' given twice"),
        ("name: a\ntags: b\n", "thing.yaml:2: 'tags' must be a list of texts"),
        ("name: a\nopen: maybe\n", "thing.yaml:2: 'open' must be true or false"),
        ("name: 1984\n", "thing.yaml:1: 'name' must be text: put it in quotes"),
        ("tags: [a]\n", "thing.yaml:1: the thing has no name"),
        ("name:\n", "thing.yaml:1: the thing has no name"),
        ("- name: a\n", "thing.yaml:1: the thing must be a mapping (name, tags, open)"),
    ],
)
def test_a_shape_names_each_mistake_at_its_line(tmp_path: Path, text: str, expected: str) -> None:
    assert [p.split("/")[-1] for p in problems(tmp_path, text)] == [expected]


def test_a_shape_reports_every_problem_and_may_ignore_case(tmp_path: Path) -> None:
    assert len(problems(tmp_path, "nmae: a\nopen: 1\n")) == 3  # unknown, wrong kind, missing
    loose = Shape("the thing", [Key("name", required="give it a name")], any_case=True)
    assert problems(tmp_path, "Name: a\n", loose) == []
    assert problems(tmp_path, "other: a\n", loose)[-1].endswith("thing.yaml:1: give it a name")


def test_urls_are_relative_file_names() -> None:
    assert urls.article("a-b") == "articles/a-b.html"
    assert urls.entity("xi-jinping") == "entities/xi-jinping/index.html"
    assert urls.entity("xi-jinping", 3) == "entities/xi-jinping/page-3.html"
    assert urls.month_archive(datetime.date(2021, 8, 25)) == "archive/2021/08/index.html"
    assert urls.relative_root(urls.entity("x")) == "../../"
    assert urls.relative_root(urls.HOME) == ""


def test_dates_for_readers_ignore_the_locale() -> None:
    day = datetime.date(2021, 8, 5)
    previous = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8", "C"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        assert day_month_year(day) == "5 August 2021"
        assert [period_label(p) for p in ((2021,), (2021, 8), (2021, 8, 5))] == [
            "2021",
            "August 2021",
            "5 August 2021",
        ]
    locale.setlocale(locale.LC_TIME, previous)


def test_no_template_formats_dates_through_the_locale() -> None:
    for template in (ROOT / "theme" / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"%[-]?[aAbBd]|locale_date", text), template.name


@pytest.mark.parametrize(
    ("text", "agency", "rest"),
    [
        ("Aug. 25, 2021 (Xinhua)—Chinese President Xi", "Xinhua", "Chinese President Xi"),
        ("KABUL (AP) - The Taliban", "AP", "The Taliban"),
        ("Kabul, Aug. 25, 2021 — The Taliban", "", "The Taliban"),
        ("BEIJING, Aug. 25 (Xinhua) -- Talks", "Xinhua", "Talks"),
        ("SAMARKAND, Uzbekistan, Sept. 15 (TNA) -- Xi", "TNA", "Xi"),
        ("MOSCOW, August 22. /RusInform/. Russian", "RusInform", "Russian"),
        ("NEW DELHI, Oct 23 (PTI): The talks", "PTI", "The talks"),
    ],
)
def test_a_dateline_gives_its_agency_and_where_the_text_starts(
    text: str, agency: str, rest: str
) -> None:
    found = dateline(text)
    assert found is not None
    assert (found.agency, text[found.end :]) == (agency, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Russia and China (BRICS) - members",
        "The talks on Aug. 25 were long",
        "Xi said (in Beijing)",
    ],
)
def test_text_that_is_no_dateline_is_left_alone(text: str) -> None:
    assert dateline(text) is None
