"""The kinds of entity the registry knows, defined once for every stage.

The order is meaningful: sidebars list the types in it, and the chronology's
participant rules prefer persons, then organisations, then places.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    """One entity type: its id in the registry, its heading on pages, its schema.org type."""

    id: str
    heading: str
    schema: str


TYPES = (
    EntityType("person", "People", "Person"),
    EntityType("organization", "Organisations", "Organization"),
    EntityType("place", "Places", "Place"),
)
ENTITY_TYPES = tuple(kind.id for kind in TYPES)
TYPE_LABELS = {kind.id: kind.heading for kind in TYPES}
SCHEMA_TYPES = {kind.id: kind.schema for kind in TYPES}
