"""Stop a build whose content has errors, after every error has been shown.

Pelican logs a file it cannot read and goes on, exiting 0; an archive built from
half its content cannot be trusted. Stages report each ``ContentError`` to
``archive.core.errors.build_errors``; when the build is over, a non-empty log
ends it with exit status 1 and a one-line summary, without a traceback.

The guard also makes builds of one cache take turns (``archive.core.buildlock``)
and, besides the reader's own checks,

- catches any article Pelican itself skips ("Skipping …", "Could not process …")
  and records it as an error, so no skip is ever silent;
- leaves drafts out (``status: draft``: no page, listed nowhere), saying so;
- refuses two articles that would be written to the same file (a duplicate
  slug), naming both, before Pelican's writer would crash on the second;
- names the article a stage's own code failed on (:func:`on_article`), so the
  build's one-line failure says where to look.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pelican import Pelican
from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from archive.core.buildlock import build_lock
from archive.core.errors import ContentError, build_errors
from archive.core.progress import say
from archive.site.markdown import split_front_matter

logger = logging.getLogger(__name__)
_SKIPS = ("Skipping ", "Could not process ")


class _PelicanSkips(logging.Handler):
    """Turns Pelican's log line about a skipped file into a content error (once per file)."""

    def emit(self, record: logging.LogRecord) -> None:
        message = str(record.msg)
        if not message.startswith(_SKIPS) or not record.args:
            return
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        path = str(getattr(args[0], "source_path", args[0]))
        if any(_same_file(str(error.path), path) for error in build_errors.errors):
            return  # the reader has said what is wrong with it
        detail = record.getMessage().split(": ", 1)[-1]
        build_errors.report(ContentError(path, f"Pelican could not use this file: {detail}", 1))


def _same_file(one: str, other: str) -> bool:
    """Whether two paths name one file (Pelican gives paths from the content folder)."""
    return one == other or one.endswith("/" + other) or other.endswith("/" + one)


_skips = _PelicanSkips(logging.WARNING)
# Pelican's "plain" log handler is none at all: Python's last-resort handler prints
# warnings and errors, but only while no logger has a handler. Ours would silence
# every message (a crash included), so the same plain stderr handler stands in.


class _Brief(logging.Formatter):
    """The message alone: Pelican's line names the error; its traceback is for ``-D``."""

    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


_plain = logging.StreamHandler()
_plain.setLevel(logging.WARNING)
_plain.setFormatter(_Brief())


def reset(pelican: Pelican) -> None:
    """Start a build: wait for another build of the same cache, forget earlier errors."""
    build_lock.acquire(Path(pelican.settings["ARCHIVE_CACHE"]), say)
    build_errors.clear()
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(_plain)
    logging.getLogger("pelican").addHandler(_skips)


def finish(_: Pelican) -> None:
    """End a build: let the next one go; exit status 1 if there were content errors."""
    build_lock.release()
    logging.getLogger("pelican").removeHandler(_skips)
    logging.getLogger().removeHandler(_plain)
    count = len(build_errors.errors)
    if count:
        logger.critical("build failed: %d content error%s (see above)", count, "s" * (count > 1))
        raise SystemExit(1)


def sort_out_articles(generator: ArticlesGenerator) -> None:
    """Leave drafts out, and refuse an article written to the file of another."""
    for draft in [*generator.drafts, *generator.drafts_translations]:
        logger.warning("%s: draft, not published", draft.source_path)
    generator.drafts, generator.drafts_translations = [], []
    kinds = ("articles", "translations", "hidden_articles", "hidden_translations")
    everything = sorted(
        (a for kind in kinds for a in getattr(generator, kind)), key=lambda a: a.source_path
    )
    owners: dict[str, Article] = {}
    for article in everything:
        first = owners.setdefault(article.save_as, article)
        if first is not article:
            _duplicate(article, first)
    for kind in kinds:  # in Pelican's order; the context holds these same lists
        articles = getattr(generator, kind)
        articles[:] = [a for a in articles if owners[a.save_as] is a]


def _duplicate(article: Article, first: Article) -> None:
    other = Path(first.source_path).name
    message = f"slug '{article.slug}' is also the slug of {other}: give this article another"
    build_errors.report(ContentError(article.source_path, message, _slug_line(article)))


def _slug_line(article: Article) -> int:
    """The line of the ``slug`` key (the first line when the slug comes from the file name)."""
    text = Path(article.source_path).read_text(encoding="utf-8")
    return split_front_matter(text, article.source_path).key_lines.get("slug", 1)


class StageFailure(RuntimeError):
    """A stage's code failed on one article: a bug to report, not a fault of the article."""


@contextmanager
def on_article(article: Article, stage: str) -> Iterator[None]:
    """Re-raise an unexpected failure while ``stage`` works on ``article`` with its file named."""
    try:
        yield
    except ContentError:
        raise
    except Exception as error:
        raise StageFailure(
            f"{article.source_path}: the {stage} stage failed on this article "
            f"({type(error).__name__}: {error}). This is a bug in the archive's code, "
            "not in the article: please report it with this file."
        ) from error
