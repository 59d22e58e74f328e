"""schema.org data for article pages: a ``NewsArticle`` that names what it mentions."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from archive.entities.registry import Entity
from archive.entities.types import SCHEMA_TYPES


def wikidata_url(qid: str) -> str:
    """The persistent Wikidata address of an item."""
    return f"https://www.wikidata.org/wiki/{qid}"


def news_article(
    *,
    headline: str,
    date: str,
    url: str,
    source: str,
    entities: Sequence[Entity],
    entity_url: Callable[[str], str],
    author: str = "",
) -> dict[str, Any]:
    """The ``NewsArticle`` of one article, with ``mentions`` (and ``sameAs`` where known).

    ``publisher`` is the source that published the text, ``author`` its byline when
    the article names one.
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": date,
        "url": url,
        "mentions": [_thing(entity, entity_url(entity.id)) for entity in entities],
    }
    if source:
        data["publisher"] = {"@type": "Organization", "name": source}
    if author:
        data["author"] = {"@type": "Person", "name": author}
    return data


def _thing(entity: Entity, url: str) -> dict[str, Any]:
    thing = {"@type": SCHEMA_TYPES[entity.type], "name": entity.name, "url": url}
    if entity.wikidata:
        thing["sameAs"] = wikidata_url(entity.wikidata)
    return thing


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside ``<script>``: no ``</script>`` or markup can close it."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
