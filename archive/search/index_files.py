"""The browser index's files: loader scripts, shards of sorted keys, names after content.

Every file is a small script, ``window.__archiveSearch.load(KEY, PAYLOAD)``, whose
payload is plain JSON (a copy of the site opened from disk may run a script but
not ``fetch()`` a ``.json`` file). Files are then renamed after their content,
and only those that differ from the last build's are moved into place.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

LOADER = "window.__archiveSearch.load"
HASH_LENGTH = 8  # characters of a file's content hash in its name (base 32: 40 bits)


def shards(entries: Iterable[tuple[str, object, int]], limit: int) -> Iterator[dict[str, object]]:
    """Cut sorted ``(key, value, size)`` entries into consecutive shards of about ``limit``."""
    shard: dict[str, object] = {}
    size = 0
    for key, value, weight in entries:
        if shard and size + weight > limit:
            yield shard
            shard, size = {}, 0
        shard[key] = value
        size += weight
    if shard:
        yield shard


class IndexFiles:
    """Writes payloads as loader scripts and counts files and bytes by kind."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: Counter[str] = Counter()
        self.bytes: Counter[str] = Counter()

    def write(self, kind: str, key: str, payload: object) -> None:
        name = f"{kind}/{key}.js" if kind in ("t", "p", "d") else f"{key}.js"
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        text = f'{LOADER}("{kind}{key}",{data});\n'.encode()
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
        self.files[kind] += 1
        self.bytes[kind] += len(text)


def write_shards(
    writer: IndexFiles, kind: str, entries: Iterable[tuple[str, object, int]], limit: int
) -> list[str]:
    firsts = []
    for number, shard in enumerate(shards(entries, limit)):
        writer.write(kind, str(number), shard)
        firsts.append(next(iter(shard)))
    return firsts


def hash_file_names(folder: Path) -> dict[str, str]:
    """Rename each index file but the manifest to ``<kind>/<hash>.js``; return the hashes.

    A name that changes with the content means a browser never holds two builds'
    versions of one file, and the manifest (the one fixed name) lists exactly its own
    build's files: a cached older manifest reads only older files. Per kind (``t``,
    ``p``, ``d``, ``f`` for the facets), the hashes of its files in shard order, run
    together (``HASH_LENGTH`` characters each): every first query loads the manifest,
    which costs it 8 bytes a file rather than 11 in a JSON list.
    """
    logical = {
        kind: sorted(folder.glob(f"{kind}/*.js"), key=lambda p: int(p.stem)) for kind in "tpd"
    }
    logical["f"] = [folder / "facets.js"]
    hashes: dict[str, str] = {}
    for kind, paths in logical.items():
        names = []
        for path in paths:
            digest = base64.b32encode(hashlib.sha256(path.read_bytes()).digest())
            name = digest.decode().lower()[:HASH_LENGTH]
            target = folder / kind / f"{name}.js"
            if target.exists():  # two contents, one short hash: never overwrite
                raise RuntimeError(f"two search index files hash to {target}")
            target.parent.mkdir(exist_ok=True)
            path.rename(target)
            names.append(name)
        hashes[kind] = "".join(names)
    return hashes


def replace_changed(staging: Path, folder: Path) -> None:
    """Make ``folder`` hold exactly ``staging``'s files, leaving identical ones untouched.

    Index files are named by their content's hash, so an unchanged shard keeps
    its file (and its time stamp: a sync to the server skips it).
    """
    new = {p.relative_to(staging) for p in staging.rglob("*") if p.is_file()}
    old = (
        {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}
        if folder.is_dir()
        else set()
    )
    for name in old - new:
        (folder / name).unlink()
    for name in new:
        target = folder / name
        if name in old and target.read_bytes() == (staging / name).read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(target)
    shutil.rmtree(staging)
