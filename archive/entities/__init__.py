"""Entities: the registry, mentions in the text, links, entity pages' data, JSON-LD, candidates."""
