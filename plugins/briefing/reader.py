"""Stage: read ``.md`` content with markdown-it-py (see ``archive.site.markdown``)."""

from __future__ import annotations

from typing import Any, ClassVar

from pelican.generators import Generator
from pelican.readers import BaseReader, Readers

from archive.core.errors import ContentError, build_errors
from archive.ingest.articles import FRONT_MATTER
from archive.site.markdown import renderer, split_front_matter

# Front-matter keys Pelican itself interprets; the rest pass through as they are.
_PELICAN_KEYS = {"title", "date", "modified", "slug", "summary", "status", "tags", "category"}


class MarkdownItReader(BaseReader):
    """A small reader: YAML front matter, CommonMark body, errors with file and line."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._md = renderer()

    def read(self, filename: str) -> tuple[str, dict[str, Any]]:
        try:
            with open(filename, encoding="utf-8") as handle:
                document = split_front_matter(handle.read(), filename, FRONT_MATTER)
            metadata = {
                key: self._process(key, value, filename, document.key_lines.get(key))
                for key, value in document.meta.items()
            }
        except UnicodeDecodeError as error:
            build_errors.report(ContentError(filename, f"not UTF-8 text ({error.reason})"))
            raise
        except ContentError as error:
            build_errors.report(error)
            raise
        return self._md.render(document.body), metadata

    def _process(self, key: str, value: Any, filename: str, line: int | None) -> Any:
        if key not in _PELICAN_KEYS or value is None:
            return value
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        try:
            return self.process_metadata(key, str(value))
        except ValueError as error:
            raise ContentError(filename, f"front matter '{key}': {error}", line) from None


def add_reader(readers: Readers) -> None:
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def forget_python_markdown(generator: Generator) -> None:
    """Pelican warns that Python-Markdown is missing for every .md file: we don't use it."""
    for extension in MarkdownItReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
