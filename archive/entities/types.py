"""The kinds of entity the registry knows, defined once for every stage.

The order is meaningful: sidebars list the types in it, and the chronology's
participant rules prefer persons, then organisations, then places.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    """One entity type: its id in the registry, its names on pages, its schema.org type."""

    id: str
    name: str  # "Organisation", beside one entity
    heading: str  # "Organisations", over a list
    schema: str


TYPES = (
    EntityType("person", "Person", "People", "Person"),
    EntityType("organization", "Organisation", "Organisations", "Organization"),
    EntityType("place", "Place", "Places", "Place"),
)
BY_ID = {kind.id: kind for kind in TYPES}
ENTITY_TYPES = tuple(kind.id for kind in TYPES)
TYPE_LABELS = {kind.id: kind.heading for kind in TYPES}
SCHEMA_TYPES = {kind.id: kind.schema for kind in TYPES}
