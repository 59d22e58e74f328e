"""The browser index on disk: loader scripts, shards, impacts that score as Whoosh does."""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import math
from dataclasses import replace
from pathlib import Path

import pytest
from archive_builder import small_archive

from archive.search import index_files
from archive.search.analysis import SearchDocument, stem
from archive.search.browser_index import BUNDLE_DOCS, write_browser_index
from archive.search.encoding import DIGITS, bitmap, decode, deltas, varint
from archive.search.impacts import article_order
from archive.search.index_files import LOADER
from archive.search.whoosh_index import documents_from_site, search, update_index


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[SearchDocument], Path, Path]:
    """The small fixture archive: documents, browser index folder, Whoosh index."""
    output = small_archive(tmp_path_factory.mktemp("small")).built()
    documents = documents_from_site(output)
    folder = tmp_path_factory.mktemp("browser") / "search"
    write_browser_index(documents, folder)
    whoosh = tmp_path_factory.mktemp("whoosh")
    update_index(whoosh, documents)
    return documents, folder, whoosh


def payload(path: Path) -> object:
    """The JSON inside a loader script."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f'{LOADER}("') and text.endswith(");\n")
    return json.loads(text[text.index(",") + 1 : -3])


def hashes(manifest: dict, kind: str) -> list[str]:
    """The hashed names of a kind's files (``t``, ``p``, ``d``, ``f``), in shard order."""
    names, width = manifest["files"][kind], manifest["hash"]
    return [names[i : i + width] for i in range(0, len(names), width)]


def named(folder: Path, kind: str, number: int = 0) -> Path:
    """File ``number`` of a kind, under its hashed name."""
    manifest = payload(folder / "manifest.js")
    assert isinstance(manifest, dict)
    return folder / kind / f"{hashes(manifest, kind)[number]}.js"


def test_numbers_round_trip() -> None:
    numbers = [0, 1, 31, 32, 1023, 1024, 4095, 4096, 10**6]
    assert decode("".join(varint(n) for n in numbers)) == numbers
    assert decode(deltas([3, 4, 10, 5000])) == [3, 0, 5, 4989]
    assert len(varint(31)) == 1 and len(varint(32)) == 2
    marks = bitmap([0, 5, 6, 11], 12)
    assert [DIGITS.index(c) for c in marks] == [0b100001, 0b100001]


def test_every_file_is_a_loader_script_with_json(
    built: tuple[list[SearchDocument], Path, Path],
) -> None:
    _, folder, _ = built
    files = sorted(folder.rglob("*"))
    assert all(f.suffix == ".js" for f in files if f.is_file())
    for path in files:
        if path.is_file():
            payload(path)
    assert not list(folder.rglob("*.json"))


def test_files_are_named_after_their_content(
    built: tuple[list[SearchDocument], Path, Path], tmp_path: Path
) -> None:
    documents, folder, _ = built
    manifest = payload(folder / "manifest.js")
    assert isinstance(manifest, dict)
    files = {kind: hashes(manifest, kind) for kind in manifest["files"]}
    listed = {folder / kind / f"{name}.js" for kind, names in files.items() for name in names}
    assert listed == set(folder.rglob("*.js")) - {folder / "manifest.js"}
    for path in listed:
        digest = base64.b32encode(hashlib.sha256(path.read_bytes()).digest()).decode().lower()
        assert path.stem == digest[: manifest["hash"]]
    assert len(files["t"]) == len(manifest["terms"])
    assert len(files["p"]) == len(manifest["positions"])
    # Another build, one title changed: its bundle gets a new name, the facets keep theirs.
    first = article_order(documents)[0]
    edited = [replace(d, title=d.title + " Qzx") if d is first else d for d in documents]
    write_browser_index(edited, tmp_path / "search")
    again = payload(tmp_path / "search" / "manifest.js")
    assert isinstance(again, dict)
    assert hashes(again, "d")[0] != files["d"][0]
    assert hashes(again, "f") == files["f"]
    assert not (tmp_path / "search" / "d" / f"{files['d'][0]}.js").exists()


def test_a_rebuild_leaves_unchanged_files_untouched(
    built: tuple[list[SearchDocument], Path, Path], tmp_path: Path
) -> None:
    documents, _, _ = built
    folder = tmp_path / "search"
    write_browser_index(documents, folder)
    stamps = {p: p.stat().st_mtime_ns for p in folder.rglob("*.js")}
    first = article_order(documents)[0]
    write_browser_index(
        [replace(d, title=d.title + " Qzx") if d is first else d for d in documents], folder
    )
    after = {p: p.stat().st_mtime_ns for p in folder.rglob("*.js")}
    kept = [p for p in stamps if after.get(p) == stamps[p]]
    assert folder / "f" in {p.parent for p in kept}  # the facets did not change
    assert len(kept) < len(stamps)  # the edited bundle and the manifest did
    assert not (tmp_path / "search.new").exists()


def test_a_hash_shared_by_two_files_stops_the_build(
    built: tuple[list[SearchDocument], Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents, _, _ = built
    monkeypatch.setattr(index_files, "HASH_LENGTH", 0)  # every file "hashes" to the same name
    with pytest.raises(RuntimeError, match="two search index files hash to"):
        # Tiny shards, so that even a small archive has several files of one kind.
        write_browser_index(documents, tmp_path / "search", shard_bytes=64)


def test_manifest_points_every_key_to_its_shard(
    built: tuple[list[SearchDocument], Path, Path],
) -> None:
    documents, folder, _ = built
    manifest = payload(folder / "manifest.js")
    assert isinstance(manifest, dict)
    assert manifest["articles"] == len(documents)
    firsts = manifest["terms"]
    assert firsts == sorted(firsts)
    for number in range(len(firsts)):
        shard = payload(named(folder, "t", number))
        assert isinstance(shard, dict)
        for key in shard:
            assert bisect.bisect_right(firsts, key) - 1 == number
    words = payload(named(folder, "t", bisect.bisect_right(firsts, "talks") - 1))
    assert isinstance(words, dict)
    assert words["talks"] == "talk"  # a word leads to its stem, for prefix completion


def test_impacts_score_as_whoosh(built: tuple[list[SearchDocument], Path, Path]) -> None:
    documents, folder, whoosh = built
    manifest = payload(folder / "manifest.js")
    assert isinstance(manifest, dict)
    low, step = manifest["impact"]
    ordered = article_order(documents)
    for word in ("berg", "lind", "norland", "timber", "vellen", "border"):
        key = stem(word)
        shard = payload(named(folder, "t", bisect.bisect_right(manifest["terms"], key) - 1))
        assert isinstance(shard, dict)
        numbers = _postings(shard[key][0])
        ours = {ordered[doc].slug: math.exp(low + level * step) for doc, level in numbers}
        theirs = {hit.slug: hit.score for hit in search(whoosh, word, limit=50).hits}
        assert ours.keys() == theirs.keys()
        for slug, score in theirs.items():
            assert ours[slug] == pytest.approx(score, rel=0.003)


def _postings(text: str) -> list[tuple[int, int]]:
    out, doc, i = [], -1, 0
    while i < len(text):
        j = i
        while DIGITS.index(text[j]) >= 32:
            j += 1
        doc += decode(text[i : j + 1])[0] + 1
        out.append((doc, DIGITS.index(text[j + 1]) * 64 + DIGITS.index(text[j + 2])))
        i = j + 3
    return out


def test_months_and_sources_are_id_ranges(
    built: tuple[list[SearchDocument], Path, Path],
) -> None:
    documents, folder, _ = built
    manifest = payload(folder / "manifest.js")
    assert isinstance(manifest, dict)
    runs = decode(manifest["runs"])
    ordered = article_order(documents)
    doc = 0
    for length, month, source in zip(runs[::3], runs[1::3], runs[2::3], strict=True):
        for article in ordered[doc : doc + length]:
            assert article.date[:7] == manifest["months"][month]
            assert article.source == manifest["sources"][source]
        doc += length
    assert doc == len(documents)


def test_bundles_and_cards_carry_what_a_result_shows(
    built: tuple[list[SearchDocument], Path, Path],
) -> None:
    documents, folder, _ = built
    ordered = article_order(documents)
    bundle = payload(named(folder, "d"))
    assert isinstance(bundle, list)
    assert len(bundle) == min(BUNDLE_DOCS, len(documents))
    title, url, date, lede = bundle[0]
    assert (title, url, date) == (ordered[0].title, ordered[0].url, ordered[0].date)
    assert ordered[0].body.startswith(lede.rstrip("…").split(" ")[0])


def test_entity_facet_lists_the_articles_naming_each(
    built: tuple[list[SearchDocument], Path, Path],
) -> None:
    documents, folder, _ = built
    facets = payload(named(folder, "f"))
    assert isinstance(facets, dict)
    ordered = article_order(documents)
    for entity, value in facets.items():
        expected = [i for i, d in enumerate(ordered) if entity in d.entities]
        if value.startswith("="):
            found = [
                i for i in range(len(ordered)) if DIGITS.index(value[1 + i // 6]) >> (i % 6) & 1
            ]
        else:
            found = list(_running(decode(value)))
        assert found == expected


def _running(gaps: list[int]) -> list[int]:
    out, doc = [], -1
    for gap in gaps:
        doc += gap + 1
        out.append(doc)
    return out
