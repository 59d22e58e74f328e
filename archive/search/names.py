"""The registry's names as search vocabulary, shared by Whoosh and the browser.

A reader who types one name of an entity means the entity, whichever name an
article uses: ``Dushanbe`` must find the article that writes ``Dusambe``. So a
run of query words that spells a registered name, alias or unshared surname
(compared word by word, lower-case) becomes one group: it matches an article
that mentions the entity (the linker found it under any of its names) or holds
every word typed, and it scores with the stems of all the entity's names.

The vocabulary travels as JSON: beside the Whoosh index (``names.json``) and in
the browser index's manifest, so both engines read the same rules from the same
data.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from archive.core import urls
from archive.entities.registry import Registry
from archive.search.analysis import indexed, stem, words

FILE = "names.json"


@dataclass(frozen=True)
class NamedEntity:
    """What a query needs of an entity: its page and the stems of all its names."""

    id: str
    name: str
    url: str
    stems: tuple[str, ...]


@dataclass(frozen=True)
class Names:
    """Word runs (``"kabul airport"``) to entity ids, and those entities."""

    keys: dict[str, str]
    entities: dict[str, NamedEntity]

    @property
    def longest(self) -> int:
        """The most words of any name: how far a match may reach."""
        return max((key.count(" ") + 1 for key in self.keys), default=0)

    def match(self, typed: Sequence[str]) -> list[tuple[int, int, str]]:
        """``(start, end, entity id)`` of each name in ``typed``, longest first, left to right."""
        found, start, longest = [], 0, self.longest
        while start < len(typed):
            for end in range(min(len(typed), start + longest), start, -1):
                entity = self.keys.get(" ".join(typed[start:end]))
                if entity:
                    found.append((start, end, entity))
                    start = end
                    break
            else:
                start += 1
        return found

    def to_json(self) -> dict[str, object]:
        """The form both engines read (the manifest's ``names``)."""
        return {
            "keys": self.keys,
            "entities": {e.id: [e.name, e.url, " ".join(e.stems)] for e in self.entities.values()},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Names:
        """The vocabulary :meth:`to_json` wrote."""
        keys = dict(data.get("keys", {}))  # type: ignore[call-overload]
        raw: dict[str, list[str]] = dict(data.get("entities", {}))  # type: ignore[call-overload]
        entities = {
            ident: NamedEntity(ident, name, url, tuple(stems.split()))
            for ident, (name, url, stems) in raw.items()
        }
        return cls(keys, entities)

    def save(self, folder: Path) -> None:
        """Write the vocabulary beside the Whoosh index."""
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)
        (folder / FILE).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Names:
        """The vocabulary saved in ``folder``; none if the index was built without one."""
        path = folder / FILE
        if not path.is_file():
            return EMPTY
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


EMPTY = Names({}, {})


def names_from_site(output: Path) -> Names:
    """The vocabulary a built site's browser index carries (for indexing a built site)."""
    text = (output / "search" / "manifest.js").read_text(encoding="utf-8")
    payload = text[text.index(",") + 1 : text.rindex(")")]
    manifest = json.loads(payload)
    return Names.from_json(manifest.get("names", {}))


def _stems(forms: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({stem(w) for form in forms for w in words(form) if indexed(w)}))


def names_from_registry(registry: Registry, listed: Iterable[str] | None = None) -> Names:
    """The vocabulary of ``registry``'s entities (only ``listed`` ids, when given).

    A word run two entities share, and a surname two persons share, name neither.
    """
    wanted = set(listed) if listed is not None else set(registry.entities)
    entities = [e for e in registry.entities.values() if e.id in wanted]
    surnames = Counter(s for e in entities for s in e.surnames)
    claims: dict[str, set[str]] = {}
    for entity in entities:
        unshared = [s for s in entity.surnames if surnames[s] == 1]
        for form in (entity.name, *entity.aliases, *unshared):
            key = " ".join(words(form))
            if key:
                claims.setdefault(key, set()).add(entity.id)
    keys = {key: next(iter(ids)) for key, ids in sorted(claims.items()) if len(ids) == 1}
    named = {
        e.id: NamedEntity(e.id, e.name, urls.entity(e.id), _stems((e.name, *e.aliases)))
        for e in entities
    }
    return Names(keys, named)
