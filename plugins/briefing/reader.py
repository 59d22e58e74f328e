"""Stage: read ``.md`` content with markdown-it-py (see ``archive.site.markdown``).

Pelican skips an article it cannot use (no title, an unknown status, a path
outside the output) with a log line and exit status 0; the reader checks the
front matter first (``archive.site.frontmatter``) so that each such article is
an error at its line and the build stops.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Any, ClassVar

from pelican.generators import Generator
from pelican.readers import BaseReader, Readers

from archive.core.errors import ContentError, ContentErrors, build_errors
from archive.core.textfile import read_utf8
from archive.ingest.articles import FRONT_MATTER
from archive.site.frontmatter import check_front_matter, future_date_warning, theme_templates
from archive.site.markdown import Document, renderer, split_front_matter

logger = logging.getLogger(__name__)

# Front-matter keys Pelican itself interprets; the rest pass through as they are.
_PELICAN_KEYS = {
    *("title", "date", "modified", "slug", "summary", "status", "tags", "category", "author"),
}


class MarkdownItReader(BaseReader):
    """A small reader: YAML front matter, CommonMark body, errors with file and line."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._md = renderer()
        self._templates = theme_templates(Path(self.settings["THEME"]))

    def read(self, filename: str) -> tuple[str, dict[str, Any]]:
        try:
            document, metadata = self._read(filename)
        except ContentError as error:
            build_errors.report(error)
            raise
        return self._md.render(document.body), metadata

    def _read(self, filename: str) -> tuple[Document, dict[str, Any]]:
        text = read_utf8(Path(filename), "the article")
        document = split_front_matter(text, filename, FRONT_MATTER)
        lines = document.key_lines
        problems = check_front_matter(document.meta, lines, filename, self._templates, text)
        if problems:
            raise ContentErrors.of(problems)
        metadata = {
            key: self._process(key, value, filename, lines.get(key))
            for key, value in document.meta.items()
        }
        warning = future_date_warning(metadata["date"].date(), lines, filename, _today())
        if warning:
            logger.warning("%s", warning)
        return document, metadata

    def _process(self, key: str, value: Any, filename: str, line: int | None) -> Any:
        if key not in _PELICAN_KEYS or value is None:
            return value
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        try:
            return self.process_metadata(key, str(value))
        except ValueError as error:
            raise ContentError(filename, f"front matter '{key}': {error}", line) from None


def _today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


def add_reader(readers: Readers) -> None:
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def forget_python_markdown(generator: Generator) -> None:
    """Pelican warns that Python-Markdown is missing for every .md file: we don't use it."""
    for extension in MarkdownItReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
