"""Markdown files of the archive: YAML front matter, then CommonMark.

Articles and notes are read the same way. Raw HTML is never trusted (clippings and
notes come from outside), so it is escaped, and every paragraph gets a stable id
that later stages (entity links, event sources, note anchors) point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from yaml.nodes import MappingNode

from archive.core.errors import ContentError
from archive.core.yamlfile import Shape, line_of, syntax_error

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_SLUG_CHARS = re.compile(r"[^\w]+")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter and its body."""

    meta: dict[str, Any]
    body: str
    body_line: int  # line number of the body's first line in the file
    key_lines: dict[str, int]  # line of each top-level front-matter key, for messages


def split_front_matter(text: str, path: str | Path, shape: Shape | None = None) -> Document:
    """Separate the YAML front matter from the body; report YAML errors with their line.

    With a ``shape``, the front matter must have its keys (the first problem is raised).
    """
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return Document({}, text, 1, {})
    fences = list(_FENCE.finditer(text))
    if len(fences) < 2 or fences[0].start() != 0:
        raise ContentError(path, "front matter starts with '---' but has no closing '---' line", 1)
    header = text[fences[0].end() : fences[1].start()]
    meta, key_lines = _load_yaml(header, path, shape)
    body = text[fences[1].end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return Document(meta, body, body_line, key_lines)


# libyaml's parser where it is installed (about ten times faster), else PyYAML's own.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """Safe YAML in which dates stay text: Pelican parses them, and a bad one gets its line."""


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(
    header: str, path: str | Path, shape: Shape | None
) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter's values and the line of each key (the header starts on the fence line,
    so its line numbers are the file's)."""
    loader = _Loader(header)
    try:
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise syntax_error(path, error, "front matter") from None
    finally:
        loader.dispose()
    if node is None:
        return {}, {}
    if not isinstance(node, MappingNode) or not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a mapping of 'key: value' lines", 2)
    if shape is not None:
        errors = shape.read(node, path)[1]
        if errors:
            raise errors[0]
    key_lines = {str(key.value).lower(): line_of(key) for key, _ in node.value}
    return {str(key).lower(): value for key, value in meta.items()}, key_lines


def _paragraph_ids(state: StateCore) -> None:
    """Number paragraphs p1, p2 … and give headings an id from their text."""
    count = 0
    used: set[str] = set()
    for index, token in enumerate(state.tokens):
        if token.type == "paragraph_open" and token.level == 0:
            count += 1
            token.attrSet("id", f"p{count}")
        elif token.type == "heading_open":
            text = state.tokens[index + 1].content
            slug = _SLUG_CHARS.sub("-", text.lower()).strip("-") or "section"
            while slug in used:
                slug += "-1"
            used.add(slug)
            token.attrSet("id", slug)


def _local_images_only(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    """Render an image from another site as a plain link: pages load nothing from outside."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if _EXTERNAL.match(src):
        alt = escape(token.content or src)
        return f'<a href="{escape(src)}" rel="nofollow noopener">{alt}</a>'
    return self.image(tokens, idx, options, env)


def renderer() -> MarkdownIt:
    """CommonMark with tables and footnotes, raw HTML escaped, paragraph ids."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    md.core.ruler.push("paragraph_ids", _paragraph_ids)
    md.add_render_rule("image", _local_images_only)
    return md
