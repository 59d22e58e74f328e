"""The per-article cache: results by input hash, kept between builds, never trusted when broken."""

from __future__ import annotations

import pickle
from pathlib import Path

from archive.core.cache import StageCache, digest


def _squares(path: Path, keys: list[int], version: str = "v") -> tuple[StageCache[int], list[int]]:
    cache: StageCache[int] = StageCache(path, version)
    computed: list[int] = []

    def square(k: int) -> int:
        computed.append(k)
        return k * k

    assert [cache.get(digest(k), lambda k=k: square(k)) for k in keys] == [k * k for k in keys]
    cache.save()
    return cache, computed


def test_a_second_run_computes_only_new_inputs(tmp_path: Path) -> None:
    path = tmp_path / "stage.pickle"
    _squares(path, [1, 2, 3])
    cache, computed = _squares(path, [2, 3, 4])
    assert computed == [4]
    assert (cache.hits, cache.misses) == (2, 1)


def test_entries_no_longer_used_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "stage.pickle"
    _squares(path, [1, 2])
    _squares(path, [2])
    _, computed = _squares(path, [1, 2])
    assert computed == [1]


def test_another_version_or_a_broken_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "stage.pickle"
    _squares(path, [1])
    assert _squares(path, [1], version="other")[1] == [1]
    for broken in (b"", b"garbage", pickle.dumps(("wrong shape",))[:-3], pickle.dumps([1, 2, 3])):
        path.write_bytes(broken)
        assert _squares(path, [1])[1] == [1]


def test_digest_tells_inputs_apart() -> None:
    assert digest("a", 1) == digest("a", 1)
    assert digest("a", 1) != digest("a", 2) != digest(("a", 1))
