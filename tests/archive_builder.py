"""Small archives for tests: a temporary Pelican project, built with the project's settings.

Tests state behaviour on an archive they write themselves, so they keep passing
when editors add, edit or remove the shipped articles. ``FixtureArchive`` writes
``content/articles``, ``content/notes`` and ``content/data`` under a folder and
builds them with ``pelican -s pelicanconf.py`` and the project's plugins, the
output and caches in that folder too. ``small_archive`` fills one with a fixed
handful of invented articles, whose expected facts are written out in ``FACTS``.

    archive = small_archive(tmp_path)          # or FixtureArchive(tmp_path)
    archive.article("extra", "A title", "2023-03-10", ["A paragraph."])
    site = archive.built()                     # fails the test if the build fails
    result = archive.build()                   # or look at a failing build's output
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def run_pelican(
    content: Path, output: Path, cache: Path, *settings: str
) -> subprocess.CompletedProcess[str]:
    """Build as an operator would: the pelican command with the project's settings."""
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "--log-handler", "plain", "-e", f'ARCHIVE_CACHE="{cache}"', *settings,
    ]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


class FixtureArchive:
    """A Pelican project in ``root``: ``content/``, and ``output/`` and ``cache/`` once built."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.output = root / "output"
        self.cache = root / "cache"
        for folder in ("articles", "notes", "data"):
            (self.content / folder).mkdir(parents=True, exist_ok=True)

    def article(
        self,
        slug: str,
        title: str,
        date: str,
        paragraphs: list[str],
        source: str = "Harbour Wire",
        **meta: object,
    ) -> Path:
        """Write ``content/articles/<slug>.md`` as ingest writes one (front matter, paragraphs)."""
        front = {"title": title, "date": date, "source": source, "slug": slug, **meta}
        return self._write("articles", f"{slug}.md", _front_matter(front) + "\n\n".join(paragraphs))

    def note(self, ident: str, body: str, **front: object) -> Path:
        """Write the editors' note ``content/notes/<ident>.md``."""
        return self._write("notes", f"{ident}.md", _front_matter(front) + body)

    def registry(self, entities: list[dict[str, object]]) -> Path:
        """Write ``content/data/entities.yaml``."""
        return self.data("entities.yaml", _yaml(entities))

    def corrections(self, entries: list[dict[str, object]]) -> Path:
        """Write ``content/data/corrections.yaml``."""
        return self.data("corrections.yaml", _yaml(entries) if entries else "[]\n")

    def data(self, name: str, text: str) -> Path:
        """Write any editor file under ``content/data/`` (cues, furniture …) as given."""
        return self._write("data", name, text)

    def build(self, *settings: str) -> subprocess.CompletedProcess[str]:
        """Build into ``output/``; ``settings`` are ``NAME=value`` overrides for ``-e``."""
        return run_pelican(self.content, self.output, self.cache, *settings)

    def built(self, *settings: str) -> Path:
        """Build, fail the test with Pelican's output if that fails, return ``output/``."""
        result = self.build(*settings)
        assert result.returncode == 0, result.stdout + result.stderr
        return self.output

    def _write(self, folder: str, name: str, text: str) -> Path:
        path = self.content / folder / name
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        return path


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _front_matter(fields: dict[str, object]) -> str:
    return f"---\n{_yaml(fields)}---\n\n"


# ---- the small archive --------------------------------------------------------------
# Invented countries and people, so that nothing in it can lean on the shipped corpus.
# Publication days: Wed 8, Thu 9 March 2023 and Mon 3 April 2023.

REGISTRY: list[dict[str, object]] = [
    {"id": "anna-berg", "name": "Anna Berg", "type": "person", "surname": "Berg",
     "role": "Foreign Minister of Norland", "wikidata": "Q4115189",
     "description": "Norland's foreign minister."},
    {"id": "tomas-lind", "name": "Tomas Lind", "type": "person", "surname": "Lind",
     "aliases": ["the Estmark leader"], "role": "President of Estmark"},
    {"id": "karl-lind", "name": "Karl Lind", "type": "person", "surname": "Lind",
     "role": "Ambassador of Estmark to Norland"},
    {"id": "northern-council", "name": "Northern Council", "type": "organization"},
    {"id": "harbour-wire", "name": "Harbour Wire", "type": "organization"},
    {"id": "norland", "name": "Norland", "type": "place", "aliases": ["Norlandic"]},
    {"id": "estmark", "name": "Estmark", "type": "place"},
    {"id": "vellen", "name": "Vellen", "type": "place"},
]  # fmt: skip

CUES = """\
kinds:
  call: [phone call, telephone call, spoke by phone]
  meeting: [met, held talks]
  summit: [summit]
  statement: [press conference, statement]
  takeover: [took over, seized]
refer_back:
  one: [he, she]
  all: [they, the two ministers]
reporting:
  before: [according to]
  after: [reported]
"""


@dataclass(frozen=True)
class FixtureArticle:
    """One article of the small archive, as ``FixtureArchive.article`` writes it."""

    slug: str
    title: str
    date: str
    source_file: str
    paragraphs: tuple[str, ...]
    source: str = "Harbour Wire"


CALL = "2023-03-08-call-anna-berg-tomas-lind"
MEETING = "2023-03-20-meeting-anna-berg-karl-lind"
TUESDAY = "2023-03-08-berg-and-lind-speak-about-the-border"
WEDNESDAY = "2023-03-09-ministers-agree-on-a-border-commission"
TODAY = "2023-03-08-the-call-today"
APRIL = "2023-04-03-berg-meets-the-ambassador-in-vellen"

ARTICLES: list[FixtureArticle] = [
    FixtureArticle(slug=TUESDAY, title="Berg and Lind speak about the border", date="2023-03-08",
     source_file="tuesday.txt", paragraphs=(
         "Norland’s Foreign Minister Anna Berg held a telephone call with President Tomas Lind "
         "of Estmark on Tuesday, the Northern Council said.",
         "Berg told Lind that Norland wants the border open. Norland and Estmark trade grain, "
         "Norland ships timber, and Norland buys fish.",
         "The Norlandic side called the talk frank.",
     )),
    FixtureArticle(slug=WEDNESDAY, title="Ministers agree on a border commission", date="2023-03-09",
     source="Coast Courier", source_file="wednesday.txt", paragraphs=(
         "Anna Berg and Tomas Lind spoke by phone on Wednesday about the border.",
         "Lind said a commission of the Northern Council would meet in Vellen.",
     )),
    FixtureArticle(slug=TODAY, title="The call today", date="2023-03-08",
     source_file="today.txt", paragraphs=(
         "Anna Berg and Tomas Lind held a phone call today, Harbour Wire reported.",
         "The Estmark leader said the talks would go on.",
     )),
    FixtureArticle(slug=APRIL, title="Berg meets the ambassador in Vellen", date="2023-04-03",
     source="Coast Courier", source_file="april.txt", paragraphs=(
         "Anna Berg met Ambassador Karl Lind in Vellen on March 20, Harbour Wire reported.",
         "Berg and Karl Lind will attend a summit of the Northern Council.",
     )),
]  # fmt: skip

NOTES: dict[str, dict[str, object]] = {
    "the-call-was-on-wednesday": {
        "article": TUESDAY, "quote": "on Tuesday", "prefix": "of Estmark",
        "title": "The call was on Wednesday", "author": "Test editors", "date": "2023-05-01",
        "body": "The other reports date the call to **Wednesday, 8 March**.",
    },
    "about-vellen": {
        "entity": "vellen", "title": "Vellen is the capital of Norland",
        "body": "A note on a place, with <b>markup</b> that must stay text.",
    },
    "dating-the-call": {
        "event": CALL, "title": "How the call is dated",
        "body": "Two reports agree on Wednesday; one says Tuesday.",
    },
}  # fmt: skip

SUMMIT = "undated-summit-anna-berg-karl-lind-northern-council"  # a summit keeps its body
CORRECTIONS: list[dict[str, object]] = [
    {"fix": MEETING, "title": "Berg meets the ambassador", "participants": ["anna-berg", "karl-lind"],
     "reason": "The report names the ambassador in full."},
    {"reject": SUMMIT, "reason": "A plan, not an event."},
]  # fmt: skip


@dataclass(frozen=True)
class Facts:
    """What the small archive holds, read off its texts and the calendar by hand."""

    articles: tuple[str, ...] = (APRIL, WEDNESDAY, TUESDAY, TODAY)
    months: tuple[tuple[str, int], ...] = (("2023-03", 3), ("2023-04", 1))
    call: str = CALL
    meeting: str = MEETING
    rejected: str = SUMMIT
    # The call: Tuesday before Wed 8 March is 7 March; "on Wednesday" before Thu 9 and
    # "today" on Wed 8 are 8 March, which the majority holds.
    call_dates: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("2023-03-07", (TUESDAY,)),
        ("2023-03-08", (TODAY, WEDNESDAY)),
    )
    note_on_article: str = "the-call-was-on-wednesday"


FACTS = Facts()


def small_archive(root: Path) -> FixtureArchive:
    """The invented four-article archive (registry, cues, corrections, three notes)."""
    archive = FixtureArchive(root)
    archive.registry(REGISTRY)
    archive.data("event_cues.yaml", CUES)
    archive.data("furniture.txt", "Back to top\n")
    archive.corrections(CORRECTIONS)
    for entry in ARTICLES:
        archive.article(
            entry.slug, entry.title, entry.date, list(entry.paragraphs), entry.source,
            source_file=entry.source_file,
        )  # fmt: skip
    for ident, front in NOTES.items():
        fields = dict(front)
        archive.note(ident, str(fields.pop("body")), **fields)
    return archive
