"""Who talked to whom: the graph of calls, meetings and summits, and its layout.

Nodes are the participants of the conversations of the chronology (events of the
kinds in ``CONVERSATIONS`` with two participants or more); an edge joins two
participants for each kind of occasion they shared, weighted by how many. The
layout is our own and has no randomness: nodes on a circle in breadth-first
order from the busiest (so neighbours sit near each other), or, for one
entity's neighbourhood, that entity in the middle and its partners around it.
For the few dozen people of an archive this reads better than a force layout,
and the same graph gives the same picture byte for byte. Coordinates are SVG
user units, rounded.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from archive.chronology.event import Event, sort_events
from archive.chronology.kinds import CONVERSATIONS

WIDTH = 720
HEIGHT = 380
RADIUS = 140  # of the circle of nodes; labels go outside it
PARALLEL = 5  # offset between edges of one pair drawn for several kinds


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    degree: int  # occasions it took part in
    anchor: str  # where its label runs from: "start", "middle", "end"
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Edge:
    """The occasions of one kind two participants shared (``events`` in date order)."""

    source: str
    target: str
    kind: str
    events: tuple[Event, ...]
    x1: float = 0
    y1: float = 0
    x2: float = 0
    y2: float = 0

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass(frozen=True)
class Network:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    centre: str = ""  # the entity a neighbourhood is drawn around


def edges(events: Iterable[Event]) -> list[Edge]:
    """Every pair and kind of conversation, sorted by pair then kind (no layout yet)."""
    found: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for event in sort_events(events):
        if event.rejected or event.kind not in CONVERSATIONS:
            continue
        for a, b in combinations(sorted(set(event.participants)), 2):
            found[(a, b, event.kind)].append(event)
    return [Edge(a, b, kind, tuple(evs)) for (a, b, kind), evs in sorted(found.items())]


def network(events: Iterable[Event], names: Mapping[str, str]) -> Network | None:
    """The whole graph on a circle; ``None`` when no two participants ever met."""
    found = edges(events)
    if not found:
        return None
    order = _breadth_first(found)
    angle = {n: -math.pi / 2 + 2 * math.pi * i / len(order) for i, n in enumerate(order)}
    places = {n: _polar(angle[n], RADIUS) for n in order}
    return _laid_out(found, places, names, "")


def neighbourhood(events: Iterable[Event], names: Mapping[str, str], entity: str) -> Network | None:
    """One participant in the middle, everyone it talked to around it, and their edges."""
    found = [e for e in edges(events) if entity in (e.source, e.target)]
    if not found:
        return None
    others = [n for n in _breadth_first(found) if n != entity]
    places = {entity: (WIDTH / 2, HEIGHT / 2)}
    for i, other in enumerate(others):
        places[other] = _polar(-math.pi / 2 + 2 * math.pi * i / len(others), RADIUS)
    return _laid_out(found, places, names, entity)


def _breadth_first(found: list[Edge]) -> list[str]:
    """Nodes from the busiest, each followed by its partners, busiest first (ties by id)."""
    partners: dict[str, set[str]] = defaultdict(set)
    weight: dict[str, int] = defaultdict(int)
    for edge in found:
        partners[edge.source].add(edge.target)
        partners[edge.target].add(edge.source)
        weight[edge.source] += edge.count
        weight[edge.target] += edge.count
    rank = sorted(partners, key=lambda n: (-weight[n], n))
    order: list[str] = []
    for start in rank:
        if start in order:
            continue
        queue = [start]
        order.append(start)
        while queue:
            node = queue.pop(0)
            for other in sorted(partners[node] - set(order), key=lambda n: (-weight[n], n)):
                order.append(other)
                queue.append(other)
    return order


def _polar(angle: float, radius: float) -> tuple[float, float]:
    return WIDTH / 2 + radius * math.cos(angle), HEIGHT / 2 + radius * math.sin(angle)


def _laid_out(
    found: list[Edge],
    places: Mapping[str, tuple[float, float]],
    names: Mapping[str, str],
    centre: str,
) -> Network:
    degree: dict[str, int] = defaultdict(int)
    for edge in found:
        degree[edge.source] += edge.count
        degree[edge.target] += edge.count
    nodes = tuple(_node(n, names.get(n, n), places[n], degree[n], n == centre) for n in places)
    by_pair: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in found:
        by_pair[(edge.source, edge.target)].append(edge)
    drawn = []
    for (a, b), group in by_pair.items():
        for index, edge in enumerate(group):
            shift = (index - (len(group) - 1) / 2) * PARALLEL
            drawn.append(_placed(edge, places[a], places[b], shift))
    return Network(WIDTH, HEIGHT, nodes, tuple(drawn), centre)


def _node(ident: str, name: str, at: tuple[float, float], degree: int, central: bool) -> Node:
    x, y = at
    dx, dy = x - WIDTH / 2, y - HEIGHT / 2
    if central or abs(dx) < 1:
        anchor, lx, ly = "middle", x, y + (-16 if dy < 0 else 24)
    else:
        anchor = "start" if dx > 0 else "end"
        lx, ly = x + (12 if dx > 0 else -12), y + 4
    return Node(ident, name, _r(x), _r(y), degree, anchor, _r(lx), _r(ly))


def _placed(edge: Edge, a: tuple[float, float], b: tuple[float, float], shift: float) -> Edge:
    """The edge's line, moved sideways by ``shift`` when the pair has several kinds."""
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    nx, ny = -(b[1] - a[1]) / length * shift, (b[0] - a[0]) / length * shift
    return Edge(
        edge.source, edge.target, edge.kind, edge.events,
        _r(a[0] + nx), _r(a[1] + ny), _r(b[0] + nx), _r(b[1] + ny),
    )  # fmt: skip


def _r(value: float) -> float:
    return round(value, 1)
