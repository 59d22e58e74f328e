"""Editors' YAML files, read so that every problem can name its line.

Each editor file declares its shape once, as a :class:`Shape` of :class:`Key`\\ s
(name, kind of value, required or not); :meth:`Shape.read` checks a mapping
node against it and reports, as ``file:line: message``, an unknown key (with the
nearest known one: "did you mean"), a key given twice, a value of the wrong
kind and a missing key. The registry, the cue file, the corrections and the
front matter of notes and articles are all read this way.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from archive.core.errors import ContentError
from archive.core.textfile import read_utf8

Kind = Literal["text", "scalar", "texts", "text-or-texts", "mapping", "list", "bool", "any"]
_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_WANTED: dict[str, str] = {
    "text": "text",
    "scalar": "a text",
    "texts": "a list of texts",
    "text-or-texts": "a text or a list of texts",
    "mapping": "a mapping of 'key: value' lines",
    "list": "a list",
    "bool": "true or false",
}


def syntax_error(path: str | Path, error: yaml.MarkedYAMLError, what: str) -> ContentError:
    """A YAML syntax error as an editor reads it: file, line, and what is wrong."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    return ContentError(path, f"{what} is not valid YAML: {error.problem or error.context}", line)


def compose(path: Path, what: str) -> Node | None:
    """The node tree of a YAML file (None when empty); nodes carry their line numbers."""
    text = read_utf8(path, what)
    try:
        return yaml.compose(text)
    except yaml.MarkedYAMLError as error:
        raise syntax_error(path, error, what) from None


def line_of(node: Node) -> int:
    """The line (from 1) a node starts on."""
    return node.start_mark.line + 1


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """ "did you mean 'quote'?" for the nearest of ``choices``, or "" when none is near."""
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean '{close[0]}'?" if close else ""


@dataclass(frozen=True)
class Key:
    """One key of a mapping: the kind of its value, and whether it must be there.

    ``required`` may be the message for its absence; ``True`` says "<what> has no <key>".
    """

    name: str
    kind: Kind = "text"
    required: bool | str = False


class Shape:
    """The keys a mapping of an editor file may have, declared once."""

    def __init__(
        self, what: str, keys: Iterable[Key], noun: str = "key", any_case: bool = False
    ) -> None:
        self.what = what  # "entity", "the cue file": how messages name the mapping
        self.keys = {key.name: key for key in keys}
        self.noun = noun  # "key", or "field" where editors' documentation says so
        self.any_case = any_case  # front matter: "Title" is "title", as Pelican reads it

    def read(self, node: Node, path: str | Path) -> tuple[dict[str, Node], list[ContentError]]:
        """The values of ``node`` by key (null values left out), and every problem."""
        if not isinstance(node, MappingNode):
            wanted = ", ".join(self.keys)
            return {}, [
                ContentError(path, f"{self.what} must be a mapping ({wanted})", line_of(node))
            ]
        values: dict[str, Node] = {}
        errors: list[ContentError] = []
        seen: set[str] = set()
        rejected: set[str] = set()  # given, but wrongly: reported once, not as missing too
        for key_node, value in node.value:
            name = str(key_node.value).lower() if self.any_case else str(key_node.value)
            problem = self._key_problem(name, seen) or self._kind_problem(name, value)
            seen.add(name)
            if problem:
                errors.append(ContentError(path, problem, line_of(key_node)))
                rejected.add(name)
            elif value.tag != _NULL_TAG:
                values[name] = value
        for key in self.keys.values():
            if key.required and key.name not in values and key.name not in rejected:
                missing = key.required if isinstance(key.required, str) else None
                message = missing or f"{self.what} has no {key.name}"
                errors.append(ContentError(path, message, line_of(node)))
        return values, errors

    def _key_problem(self, name: str, seen: set[str]) -> str:
        if name not in self.keys:
            unknown = f"unknown {self.noun} '{name}'"
            close = did_you_mean(name, self.keys)
            return (
                f"{unknown}: {close}"
                if close
                else f"{unknown} ({self.noun}s: {', '.join(self.keys)})"
            )
        if name in seen:
            return f"{self.noun} '{name}' given twice"
        return ""

    def _kind_problem(self, name: str, value: Node) -> str:
        kind = self.keys[name].kind
        if value.tag == _NULL_TAG or kind == "any" or _is(kind, value):
            return ""
        hint = ": put it in quotes" if kind == "text" and isinstance(value, ScalarNode) else ""
        return f"'{name}' must be {_WANTED[kind]}{hint}"


def _is(kind: Kind, node: Node) -> bool:
    scalar = isinstance(node, ScalarNode)
    if kind == "text":
        return scalar and node.tag == "tag:yaml.org,2002:str"
    if kind == "scalar":
        return scalar
    if kind == "bool":
        return scalar and node.tag == _BOOL_TAG
    if kind == "texts":
        return isinstance(node, SequenceNode)
    if kind == "text-or-texts":
        return scalar or isinstance(node, SequenceNode)
    if kind == "mapping":
        return isinstance(node, MappingNode)
    return isinstance(node, SequenceNode)
