"""A fixture archive for comparing reports: one readout in three outlets, a paraphrase,
and an unrelated report of the same day (invented people and places).

The readout (a Council statement of Tuesday 14 May 2024) is printed by Harbour Wire,
reprinted with small edits by Coast Courier, and quoted by Daily Ledger the next day
("on Wednesday": a date the others contradict). Evening Post tells the same call in
its own words. Market Gazette reports talks on fishing, the same Tuesday, by others.
"""

from __future__ import annotations

from pathlib import Path

from archive_builder import CUES, FixtureArchive

REGISTRY: list[dict[str, object]] = [
    {"id": "mara-holt", "name": "Mara Holt", "type": "person", "surname": "Holt",
     "role": "President of Norland"},
    {"id": "ivo-sand", "name": "Ivo Sand", "type": "person", "surname": "Sand",
     "role": "President of Estmark"},
    {"id": "lena-voss", "name": "Lena Voss", "type": "person", "surname": "Voss",
     "role": "Trade Minister of Norland"},
    {"id": "per-dahl", "name": "Per Dahl", "type": "person", "surname": "Dahl",
     "role": "Fisheries Minister of Estmark"},
    {"id": "northern-council", "name": "Northern Council", "type": "organization",
     "aliases": ["the Council"]},
    {"id": "norland", "name": "Norland", "type": "place"},
    {"id": "estmark", "name": "Estmark", "type": "place"},
    {"id": "vellen", "name": "Vellen", "type": "place"},
    {"id": "port-amber", "name": "Port Amber", "type": "place"},
]  # fmt: skip

WIRE = "2024-05-14-holt-and-sand-speak-by-phone"
COURIER = "2024-05-14-presidents-discuss-the-river-border"
LEDGER = "2024-05-15-council-publishes-the-readout"
PARAPHRASE = "2024-05-15-a-frank-call-on-the-river"
UNRELATED = "2024-05-14-fishing-quotas-talks-in-port-amber"

SHARED = (
    "Holt said that both countries should build a fair and lasting settlement on the river "
    "border through patient consultation, keep the grain corridor open to ships of every "
    "flag, and refrain from any step that could raise tension along the coast"
)
EDITED = SHARED.replace("ships", "vessels").replace("patient consultation", "patient talks")

ARTICLES: list[tuple[str, str, str, str, list[str]]] = [
    (WIRE, "Holt and Sand speak by phone", "2024-05-14", "Harbour Wire", [
        "Norland's President Mara Holt held a telephone call with President Ivo Sand of "
        "Estmark on Tuesday, the Northern Council said.",
        f"{SHARED}, the Council reported.",
        "Sand said Estmark was ready to host a joint commission in Vellen before the end "
        "of the summer.",
    ]),
    (COURIER, "Presidents discuss the river border", "2024-05-14", "Coast Courier", [
        "President Mara Holt of Norland held a telephone call with Estmark's President Ivo "
        "Sand on Tuesday, the Northern Council said.",
        f"{EDITED}, the Council reported.",
        "Sand said Estmark was ready to host a joint commission in Vellen in August.",
        "Coast Courier has asked both governments for the full text of the statement.",
    ]),
    (LEDGER, "Council publishes the readout", "2024-05-15", "Daily Ledger", [
        "Mara Holt and Ivo Sand held a telephone call on Wednesday, the Northern Council "
        "said in a statement.",
        f"“{SHARED},” the statement read.",
    ]),
    (PARAPHRASE, "A frank call on the river", "2024-05-15", "Evening Post", [
        "Mara Holt and Ivo Sand spoke by phone on Tuesday about the river border.",
        "Holt urged both sides to seek a lasting settlement of the river border by "
        "consultation and wanted the grain corridor kept open for every flag.",
    ]),
    (UNRELATED, "Fishing quotas talks in Port Amber", "2024-05-14", "Market Gazette", [
        "Trade Minister Lena Voss met Fisheries Minister Per Dahl in Port Amber on "
        "Tuesday to discuss fishing quotas for the autumn.",
        "Voss said the quotas would be set by the end of June after a review of the "
        "stocks in the northern bays.",
    ]),
]  # fmt: skip
READOUT = (WIRE, COURIER, LEDGER)  # the three that print the same statement
REPORTS = (WIRE, COURIER, LEDGER, PARAPHRASE)  # every report of the call


def compare_archive(root: Path) -> FixtureArchive:
    """Write the archive (registry, cues, five articles) under ``root``."""
    archive = FixtureArchive(root)
    archive.registry(REGISTRY)
    archive.data("event_cues.yaml", CUES)
    archive.corrections([])
    for slug, title, day, source, paragraphs in ARTICLES:
        archive.article(slug, title, day, paragraphs, source, source_file=f"{slug}.txt")
    return archive
