"""Turn raw clippings into article files, ``content/articles/<slug>.md``.

Ingest runs again and again over a growing folder of clippings while editors edit
the articles it wrote, so it is careful with what is already there:

- an article is recognised by the checksum of its clipping, else by the clipping's
  path (``clipping``: from the project folder, the one holding ``content/``,
  recorded where the bytes were first found), so two clippings of one file name
  in two folders are two articles; an article written before paths were kept is
  still found by the clipping's file name;
- the same clipping gives the same bytes, so a second run changes nothing;
- an article whose ``ingested`` hash no longer matches its text was edited: it is
  never overwritten (``edited`` while its clipping is the same; a ``conflict``,
  which fails the run, when the clipping has changed since, since only then is
  something left undone);
- a changed clipping whose article was not edited rewrites it under its old slug,
  so its URL stays;
- files are replaced in one step, so an interrupted run leaves no half file.

The front matter holds ``title``, ``title_derived`` (only when true), ``date``,
``updated`` (only when the clipping shows an update), ``source`` (``''`` when
unknown, so an editor sees where to fill it in), ``author`` and ``summary``
(only when found), ``source_file``, ``clipping`` (its path), ``slug``, ``checksum`` (sha256 of the raw
clipping) and ``ingested`` (sha256 of the file as written, without that line).
The body is the paragraphs, Markdown-escaped so that the rendered text is the
published text. Beside each article, ``<slug>.removed.yaml`` lists every line
of its clipping that is not in the text, with the rule that removed it (see
:mod:`archive.ingest.record`); ingest rewrites it whenever it differs.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from archive.core.errors import ContentError
from archive.core.progress import progress as bar
from archive.core.progress import say
from archive.core.textfile import read_utf8
from archive.core.yamlfile import Key, Shape
from archive.ingest.clipping import Clipping, parse_clipping, read_clipping
from archive.ingest.dating import NO_DATE
from archive.ingest.decoding import decode
from archive.ingest.furniture import Furniture, load_furniture
from archive.ingest.record import explain, record_path, render_record
from archive.ingest.subheads import mark_subheads
from archive.ingest.titles import FUNCTION_WORDS
from archive.site.export import write_text
from archive.site.markdown import split_front_matter

# An article file's front matter: what ingest writes, and what Pelican itself reads.
FRONT_MATTER = Shape(
    "the article",
    [
        *(
            Key(key)
            for key in ("title", "date", "updated", "source", "source_file", "clipping", "slug")
        ),
        Key("title_derived", "bool"),
        *(Key(key) for key in ("checksum", "ingested", "modified", "summary", "status")),
        *(Key(key) for key in ("category", "author", "lang", "template", "save_as", "url")),
        Key("tags", "text-or-texts"),
    ],
    any_case=True,
)
_PLACEHOLDER = "2000-01-01"  # the date --explain gives a clipping refused for want of one
_SLUG_LENGTH = 60  # characters of title words after the date
_INGESTED = re.compile(r"^ingested: (sha256:[0-9a-f]{64})\n", re.MULTILINE)
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_BLOCK_MARK = re.compile(r"^[#+-]")  # heading, list item, thematic break
_ORDERED_ITEM = re.compile(r"^([0-9]{1,9})(?=[.)](?:\s|$))")
Status = Literal["imported", "updated", "unchanged", "edited", "duplicate", "conflict", "error"]
_STATUSES: tuple[Status, ...] = get_args(Status)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Outcome:
    """What ingest did with one clipping."""

    clipping: str
    status: Status
    article: Path | None = None
    message: str = ""
    notes: tuple[str, ...] = ()
    failed: bool = False

    def lines(self, number: int, total: int) -> list[str]:
        """The report lines for this clipping, the ``number``-th of ``total``."""
        if self.status == "error":
            return [f"error {number}/{total}: {self.message}"]
        if self.status in ("edited", "conflict", "duplicate"):
            head = f"{self.status} {number}/{total}: {self.message}"
        else:
            head = f"{self.status} {number}/{total} {self.clipping} -> {self.article}"
        return [head, *(f"  {note}" for note in self.notes)]


@dataclass
class IngestReport:
    """Every clipping's outcome, and problems with the articles already there."""

    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[ContentError] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 when every clipping is in; 1 when one failed or an article is unreadable."""
        return int(bool(self.problems) or any(outcome.failed for outcome in self.outcomes))

    def summary(self) -> str:
        """One line of counts, e.g. ``5 clippings: 4 imported, 1 failed``."""
        counts = Counter(outcome.status for outcome in self.outcomes)
        parts = [
            f"{counts[status]} {'failed' if status == 'error' else status}"
            for status in _STATUSES
            if counts[status]
        ]
        noun = "clipping" if len(self.outcomes) == 1 else "clippings"
        return f"{len(self.outcomes)} {noun}: {', '.join(parts) or 'nothing to do'}"

    def problem_lines(self) -> list[str]:
        """One line for each article that could not be read."""
        return [f"error: {problem}" for problem in self.problems]

    def lines(self) -> list[str]:
        """Everything to print, in order, ending with the summary."""
        total = len(self.outcomes)
        listed = [
            line
            for number, outcome in enumerate(self.outcomes, start=1)
            for line in outcome.lines(number, total)
        ]
        return [*self.problem_lines(), *listed, self.summary()]


@dataclass(frozen=True)
class _Article:
    path: Path
    text: str
    meta: dict[str, Any]

    @property
    def slug(self) -> str:
        return str(self.meta.get("slug") or self.path.stem)

    @property
    def edited(self) -> bool:
        """Whether the file differs from what ingest wrote (no hash: an editor's file)."""
        match = _INGESTED.search(self.text)
        if not match:
            return True
        written = self.text[: match.start()] + self.text[match.end() :]
        return _sha256(written.encode("utf-8")) != match.group(1)


class _Articles:
    """The articles in the folder, found by clipping checksum or clipping file name."""

    def __init__(self, folder: Path, problems: list[ContentError]) -> None:
        self.folder = folder
        self.by_checksum: dict[str, _Article] = {}
        self.by_name: dict[str, _Article] = {}  # only articles that do not name a path
        self.by_path: dict[str, _Article] = {}
        self.claimed: dict[Path, str] = {}  # article -> the clipping of this run that has it
        for path in sorted(folder.glob("*.md")):
            try:
                self.add(path, read_utf8(path, "the article"))
            except ContentError as error:
                problems.append(error)

    def add(self, path: Path, text: str) -> None:
        """Know the article ``text`` at ``path`` by its clipping's checksum and file name."""
        article = _Article(path, text, split_front_matter(text, path).meta)
        if article.meta.get("checksum"):
            self.by_checksum.setdefault(str(article.meta["checksum"]), article)
        if article.meta.get("clipping"):
            self.by_path.setdefault(str(article.meta["clipping"]), article)
        elif article.meta.get("source_file"):
            self.by_name.setdefault(str(article.meta["source_file"]), article)

    def find(self, checksum: str, clipping: Path) -> _Article | None:
        """The article of this clipping, if ingest wrote one before: same bytes, same path."""
        return (
            self.by_checksum.get(checksum)
            or self.by_path.get(self.key(clipping))
            or self.by_name.get(clipping.name)
        )

    def key(self, clipping: Path) -> str:
        """How an article names its clipping: the path from the project folder, else absolute.

        The project folder holds ``content/articles``; a path from it stays the same
        wherever ingest runs from and wherever the project is checked out.
        """
        project = self.folder.resolve().parent.parent
        path = clipping.resolve()
        return path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)

    def free_slug(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … whichever names no file yet."""
        slug, number = base, 1
        while (self.folder / f"{slug}.md").exists():
            number += 1
            slug = f"{base}-{number}"
        return slug


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def make_slug(date: datetime.date, title: str) -> str:
    """``YYYY-MM-DD-title-words``: ASCII, whole words, at most about 60 characters of title."""
    folded = unicodedata.normalize("NFKD", re.sub(r"['’]", "", title))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode().lower())
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > _SLUG_LENGTH:
            break
        kept.append(word)
    while kept and kept[-1] in FUNCTION_WORDS:
        kept.pop()
    return "-".join([date.isoformat(), *kept])


def escape_markdown(text: str) -> str:
    """Escape ``text`` so that CommonMark renders exactly it, as one paragraph."""
    escaped = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))
    escaped = _BLOCK_MARK.sub(r"\\\g<0>", escaped)
    return _ORDERED_ITEM.sub(r"\1\\", escaped)


def render_article(
    clipping: Clipping, slug: str, source_file: str, checksum: str, path: str
) -> str:
    """The article file for ``clipping``, ending with its ``ingested`` hash."""
    meta: dict[str, Any] = {"title": clipping.title}
    if clipping.title_derived:
        meta["title_derived"] = True
    meta["date"] = clipping.date
    if clipping.updated:
        meta["updated"] = clipping.updated
    meta["source"] = clipping.source
    optional = {"author": clipping.author, "summary": clipping.summary}
    meta.update({key: value for key, value in optional.items() if value})
    meta.update(source_file=source_file, clipping=path, slug=slug, checksum=checksum)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000)
    body = "\n\n".join(mark_subheads([escape_markdown(p) for p in clipping.paragraphs]))
    written = f"---\n{front}---\n\n{body}\n"
    return f"---\n{front}ingested: {_sha256(written.encode('utf-8'))}\n---\n\n{body}\n"


def clipping_files(paths: Sequence[Path]) -> list[Path | ContentError]:
    """The clippings named: files as given, folders as their visible files, sorted."""
    found: list[Path | ContentError] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            found.extend(files or [ContentError(path, "no clippings in this folder")])
        elif path.is_file():
            found.append(path)
        else:
            found.append(ContentError(path, "no such file or folder"))
    return found


def _ingest_one(path: Path, furniture: Furniture, articles: _Articles) -> Outcome:
    try:
        raw, clipping = read_clipping(path, furniture)
    except ContentError as error:
        return Outcome(str(path), "error", message=str(error), failed=True)
    checksum = _sha256(raw)
    existing = articles.find(checksum, path)
    if existing and existing.path in articles.claimed:
        if existing.meta.get("checksum") == checksum:
            other = articles.claimed[existing.path]
            return Outcome(str(path), "duplicate", existing.path, f"{path}: same text as {other}")
        existing = None  # another clipping of the same file name
    slug = (
        existing.slug if existing else articles.free_slug(make_slug(clipping.date, clipping.title))
    )
    target = existing.path if existing else articles.folder / f"{slug}.md"
    articles.claimed[target] = str(path)
    text = render_article(
        clipping, slug, path.name, checksum, _recorded_path(existing, checksum, articles.key(path))
    )
    kept = _keep(path, existing, text, checksum) if existing else None
    if kept and kept.status in ("edited", "conflict"):
        return kept  # the editor's article, and the record of its last import, stay
    try:
        write_text(record_path(target), render_record(clipping, path.name, target.name))
        if kept:
            return kept
        write_text(target, text)
    except OSError as error:
        message = f"{target}: cannot write: {error}"
        return Outcome(str(path), "error", target, message, failed=True)
    articles.add(target, text)
    status: Status = "updated" if existing else "imported"
    return Outcome(str(path), status, target, notes=_notes(clipping))


def _recorded_path(article: _Article | None, checksum: str, found_at: str) -> str:
    """The clipping path an article records: where its bytes were first found.

    The same bytes found elsewhere (a copy of the project, a moved folder) keep the
    article as it is; a changed clipping is found by that recorded path.
    """
    if article and article.meta.get("checksum") == checksum and article.meta.get("clipping"):
        return str(article.meta["clipping"])
    return found_at


def _keep(path: Path, article: _Article, text: str, checksum: str) -> Outcome | None:
    """The outcome when ``article`` must stay as it is; None when it may be rewritten."""
    if article.text == text:
        return Outcome(str(path), "unchanged", article.path)
    if not article.edited:
        return None
    if article.meta.get("checksum") == checksum:
        message = f"{article.path} was edited since import; kept as the editor left it"
        return Outcome(str(path), "edited", article.path, message)
    message = f"{article.path} was edited since import and its clipping {path} has changed"
    message += " since: left as is, merge by hand"
    return Outcome(str(path), "conflict", article.path, message, failed=True)


def _notes(clipping: Clipping) -> tuple[str, ...]:
    warnings = [f"warning: {warning}" for warning in clipping.warnings]
    stripped = [f"stripped line {item.line}: {item.text}" for item in clipping.stripped]
    return (*warnings, *stripped)


def ingest(
    paths: Sequence[Path],
    articles_dir: Path,
    furniture: Path,
    progress: Progress | None = None,
    advance: Callable[[], None] | None = None,
) -> IngestReport:
    """Import clippings (files or folders) into ``articles_dir``.

    A bad clipping is reported and the others are still imported; a bad furniture
    file raises :class:`ContentError`, since nothing could be imported safely.
    ``progress`` receives each report line as soon as it is known; ``advance`` is
    called once per clipping done.
    """
    patterns = load_furniture(furniture)
    articles_dir.mkdir(parents=True, exist_ok=True)
    report = IngestReport()
    articles = _Articles(articles_dir, report.problems)
    tell = progress or (lambda line: None)
    for line in report.problem_lines():
        tell(line)
    items = clipping_files(paths)
    for number, item in enumerate(items, start=1):
        outcome = (
            _ingest_one(item, patterns, articles)
            if isinstance(item, Path)
            else Outcome(str(item.path), "error", message=str(item), failed=True)
        )
        report.outcomes.append(outcome)
        for line in outcome.lines(number, len(items)):
            tell(line)
        if advance:
            advance()
    return report


def run_ingest(paths: Sequence[Path | str], articles_dir: Path, furniture_file: Path) -> int:
    """The ``invoke ingest`` entry point: print progress and a summary, return the exit status."""
    targets = [Path(path) for path in paths]
    try:
        with bar("ingest", len(clipping_files(targets))) as advance:
            report = ingest(targets, articles_dir, furniture_file, say, advance)
    except ContentError as error:
        print(f"error: {error}")
        return 1
    say(report.summary())
    return report.exit_status


def run_explain(path: Path, furniture_file: Path) -> int:
    """The ``invoke ingest --explain FILE`` entry point: print how ``path`` is read.

    A clipping refused for want of a date is still shown line by line, as it
    would be read once an editor gives it a ``date`` line, so the editor sees
    what was taken for its header.
    """
    try:
        furniture = load_furniture(furniture_file)
        _, clipping = read_clipping(path, furniture)
    except ContentError as error:
        print(f"error: {error}")
        return _explain_undated(path, furniture) if error.message.startswith(NO_DATE) else 1
    print("\n".join(explain(clipping, path)))
    return 0


def _explain_undated(path: Path, furniture: Furniture) -> int:
    """The lines of a clipping refused for want of a date, as read once it has one."""
    text, _ = decode(path.read_bytes(), path)
    clipping = parse_clipping(f"date {_PLACEHOLDER} {text}".encode(), path, furniture)
    print(f"its lines, as read once it has a date line ({_PLACEHOLDER} here):")
    print("\n".join(explain(clipping, path)[1:]))
    return 1
