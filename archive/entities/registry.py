"""The entity registry (``content/data/entities.yaml``): read it, check it, index its names.

Editors own the registry, so every problem is reported with the file and line to
fix, and all problems of one file are reported together: :func:`load_registry`
raises one :class:`RegistryError`, a :class:`~archive.errors.ContentError` whose
text is every problem as ``file:line: message``, one per line, and whose
``problems`` are the separate errors for a build that records them one by one.

The registry also decides which strings refer to which entity (:attr:`Registry.claims`):
checking that no alias is claimed twice and matching the text must agree on what an
alias matches, so both use :func:`match_forms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from archive.core.errors import ContentError
from archive.core.yamlfile import Key, Shape, compose, did_you_mean, line_of
from archive.entities.types import ENTITY_TYPES

# An entry of the registry: a mapping of these fields.
ENTRY = Shape(
    "entity",
    [
        Key("id", "scalar", required=True),
        Key("name", "scalar", required=True),
        Key("type", "scalar", required=True),
        Key("aliases", "texts"),
        Key("surname", "text-or-texts"),
        Key("role", "scalar"),
        Key("description", "scalar"),
        Key("wikidata", "scalar"),
        Key("part_of", "scalar"),
    ],
    noun="field",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
# Same-length replacements, so offsets in the normalised text are offsets in the original.
_TYPOGRAPHY = (("\u2019", "'"), ("\u2018", "'"), ("\u00a0", " "), ("\u202f", " "))

How = Literal["alias", "surname"]


@dataclass
class RegistryError(ContentError):
    """All the problems of one registry file; shown as one ``file:line: message`` each."""

    problems: list[ContentError] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


@dataclass(frozen=True)
class Entity:
    """One registered person, organisation or place; ``line`` is where its entry starts."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    role: str
    description: str
    wikidata: str | None
    line: int
    part_of: str | None = None  # the id of the entity this one lies within ("kabul")


class Claim(NamedTuple):
    """What a matched string refers to: one entity by alias, or persons by surname.

    A named tuple, so that the matcher unpacks it in its innermost loop.
    """

    how: How
    entity_ids: tuple[str, ...]


@dataclass(frozen=True)
class Registry:
    """The checked registry: entities by id, and every matchable string's claim."""

    path: Path
    entities: dict[str, Entity]
    claims: dict[str, Claim] = field(repr=False)

    def warning(self) -> str | None:
        """The line to show when nothing is registered (a new archive, or a file emptied
        by mistake: either way no name will link to an entity page)."""
        if self.entities:
            return None
        return str(ContentError(self.path, "warning: the registry is empty: no name is linked", 1))


def normalise(text: str) -> str:
    """Typographic apostrophes and no-break spaces as their plain forms, same length.

    Sources write "People’s Daily" or "People's Daily"; an editor should not have
    to register both.
    """
    for typographic, plain in _TYPOGRAPHY:  # str.replace is many times faster than translate
        text = text.replace(typographic, plain)
    return text


def match_forms(alias: str) -> tuple[str, ...]:
    """The strings an alias matches: as written, and capitalised if written lower-case.

    "the Russian leader" must also match at the start of a sentence; an alias
    written with a capital ("US") never matches lower-case ("us").
    """
    written = normalise(alias)
    if written[:1].islower():
        return written, written[0].upper() + written[1:]
    return (written,)


def load_registry(path: Path) -> Registry:
    """Read and check the registry at ``path``.

    Raises a :class:`RegistryError` listing every problem found.
    """
    reader = _Reader(path)
    entities, claims = reader.read()
    if reader.errors:
        problems = reader.errors
        summary = f"{len(problems)} problem(s) in the entity registry"
        raise RegistryError(path, summary, problems[0].line, problems)
    return Registry(path, entities, claims)


def wholes(entity_id: str, entities: dict[str, Entity]) -> list[str]:
    """The entities ``entity_id`` lies within, nearest first ("kabul" for the airport).

    Stops at an unknown id or a loop, which the registry reports as errors.
    """
    found: list[str] = []
    current = entities.get(entity_id)
    while current is not None and current.part_of and current.part_of not in found:
        found.append(current.part_of)
        current = entities.get(current.part_of)
    return found


def outermost(entities: dict[str, Entity]) -> dict[str, str]:
    """The outermost whole of every entity that lies within another ("niamey" → "niger"):
    power seized in a capital is the country's."""
    return {i: found[-1] for i in entities if (found := wholes(i, entities))}


def fields_of(node: Node, key: str) -> Node:
    """The value node of ``key`` in a mapping node (the node itself if absent)."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v
    return node


def _has_words(name: str, words: str) -> bool:
    """Whether ``words`` stand in ``name`` as whole words.

    Surnames may be several words ("von der Leyen") or follow a particle joined
    by a hyphen ("al-Assad" carries "Assad").
    """
    return re.search(rf"(?<![\w'’]){re.escape(words)}(?![\w'’])", name) is not None


@dataclass(frozen=True)
class _Source:
    """A claimed string's origin, to name both sides of a conflict."""

    how: How
    entity_id: str
    line: int


class _Reader:
    """Walks the YAML node tree, keeping line numbers, and collects every problem."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors: list[ContentError] = []
        self._sources: dict[str, list[_Source]] = {}
        self._id_lines: dict[str, int] = {}
        self._part_lines: dict[str, int] = {}

    def read(self) -> tuple[dict[str, Entity], dict[str, Claim]]:
        """The entities and claims; problems are left in :attr:`errors`."""
        root = self._compose()
        if root is None:
            return {}, {}
        if not isinstance(root, SequenceNode):
            self._error(root, "the registry must be a list of entities")
            return {}, {}
        entities: dict[str, Entity] = {}
        for node in root.value:
            read = self._entity(node)
            if read is not None:
                entity, lines = read
                entities[entity.id] = entity
                self._claim_names(entity, lines)
                if entity.part_of:
                    self._part_lines[entity.id] = line_of(fields_of(node, "part_of"))
        self._check_parts(entities)
        return entities, self._claims()

    def _check_parts(self, entities: dict[str, Entity]) -> None:
        """Each ``part_of`` names another entity, and no entity lies within itself."""
        for entity in entities.values():
            if not entity.part_of:
                continue
            line = self._part_lines.get(entity.id, entity.line)
            if entity.part_of not in entities:
                hint = did_you_mean(entity.part_of, entities) or "give the id of an entity"
                message = f"'part_of' names unknown entity '{entity.part_of}': {hint}"
                self.errors.append(ContentError(self.path, message, line))
            elif entity.id in wholes(entity.id, entities):
                message = f"'{entity.id}' is part of itself through 'part_of'"
                self.errors.append(ContentError(self.path, message, line))

    def _compose(self) -> Node | None:
        try:
            return compose(self.path, "the registry")
        except ContentError as error:
            self.errors.append(error)
        return None

    def _error(self, node: Node, message: str) -> None:
        self.errors.append(ContentError(self.path, message, line_of(node)))

    def _entity(self, node: Node) -> tuple[Entity, dict[str, int]] | None:
        """The entity of one entry, with the line of each alias and surname."""
        fields, errors = ENTRY.read(node, self.path)
        self.errors += errors
        if not isinstance(node, MappingNode):
            return None
        ident = self._unique_id(self._text(fields, "id"), node)
        name = self._text(fields, "name")
        kind = self._text(fields, "type")
        wikidata = self._text(fields, "wikidata") or None
        aliases = self._texts(fields, "aliases")
        surnames = self._texts(fields, "surname")
        self._check_id(ident, fields.get("id", node))
        self._check_type(kind, fields.get("type", node))
        self._check_wikidata(wikidata, fields.get("wikidata", node))
        if surnames and kind != "person":
            self._error(fields["surname"], f"only a person has a surname, not a {kind or 'entity'}")
        if not (ident and name and kind in ENTITY_TYPES):
            return None
        entity = Entity(
            id=ident,
            name=name,
            type=kind,
            aliases=tuple(dict.fromkeys(alias for alias in aliases if alias != name)),
            surnames=tuple(dict.fromkeys(surnames)),
            role=self._text(fields, "role"),
            description=self._text(fields, "description"),
            wikidata=wikidata,
            line=line_of(node),
            part_of=self._text(fields, "part_of") or None,
        )
        return entity, {**aliases, **surnames}

    def _unique_id(self, ident: str, node: Node) -> str:
        """``ident``, or "" if an earlier entry (valid or not) already has it."""
        if ident in self._id_lines:
            first = self._id_lines[ident]
            self._error(node, f"duplicate id '{ident}' (first defined at line {first})")
            return ""
        if ident:
            self._id_lines[ident] = line_of(node)
        return ident

    def _text(self, fields: dict[str, Node], key: str) -> str:
        node = fields.get(key)
        if node is None:
            return ""
        if not str(node.value).strip():
            self._error(node, f"'{key}' must be a non-empty text")
            return ""
        return str(node.value).strip()

    def _texts(self, fields: dict[str, Node], key: str) -> dict[str, int]:
        """The texts of a list field (or of the single text a shape may allow), with their lines."""
        node = fields.get(key)
        if node is None:
            return {}
        items = node.value if isinstance(node, SequenceNode) else [node]
        texts: dict[str, int] = {}
        for item in items:
            if isinstance(item, ScalarNode) and str(item.value).strip():
                texts.setdefault(str(item.value).strip(), line_of(item))
            else:
                self._error(item, f"each of '{key}' must be a non-empty text")
        return texts

    def _check_id(self, ident: str, node: Node) -> None:
        if ident and not _SLUG.match(ident):
            self._error(node, f"id '{ident}' is not a slug (lower-case letters, digits, hyphens)")

    def _check_type(self, kind: str, node: Node) -> None:
        if kind and kind not in ENTITY_TYPES:
            self._error(node, f"unknown type '{kind}' (types: {', '.join(ENTITY_TYPES)})")

    def _check_wikidata(self, qid: str | None, node: Node) -> None:
        if qid and not _QID.match(qid):
            self._error(node, f"malformed Wikidata QID '{qid}' (expected Q and digits, as Q148)")

    def _claim_names(self, entity: Entity, lines: dict[str, int]) -> None:
        """Record every string the entity's names and surnames match, with its line."""
        for alias in (entity.name, *entity.aliases):
            for form in match_forms(alias):
                self._add_source(form, _Source("alias", entity.id, lines.get(alias, entity.line)))
        names = (entity.name, *entity.aliases)
        for surname in entity.surnames:
            self._add_source(normalise(surname), _Source("surname", entity.id, lines[surname]))
            if not any(_has_words(name, surname) for name in names):
                message = f"surname '{surname}' is not a word of any name of '{entity.id}'"
                self.errors.append(ContentError(self.path, message, lines[surname]))

    def _add_source(self, form: str, source: _Source) -> None:
        sources = self._sources.setdefault(form, [])
        if not any((s.how, s.entity_id) == (source.how, source.entity_id) for s in sources):
            sources.append(source)

    def _claims(self) -> dict[str, Claim]:
        """One claim per string; an alias used twice, or as alias and surname, is an error."""
        claims: dict[str, Claim] = {}
        for form, sources in self._sources.items():
            conflict = len(sources) > 1 and any(s.how == "alias" for s in sources)
            if conflict:
                self._report_conflict(form, sources)
                continue
            ids = tuple(s.entity_id for s in sources)
            claims[form] = Claim(sources[0].how, ids)
        return claims

    def _report_conflict(self, form: str, sources: list[_Source]) -> None:
        first, *others = sources
        for other in others:
            message = (
                f"'{form}' is claimed as {other.how} of '{other.entity_id}' and as "
                f"{first.how} of '{first.entity_id}' (line {first.line})"
            )
            self.errors.append(ContentError(self.path, message, other.line))
