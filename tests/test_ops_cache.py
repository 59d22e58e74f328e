"""Caches heal themselves: a corrupt, locked or vanished search index, two builds at once."""

from __future__ import annotations

import contextlib
import fcntl
import json
import re
import subprocess
from pathlib import Path

import pytest
from archive_builder import FACTS, FixtureArchive
from ops_support import (
    ROOT,
    TRACEBACK,
    invoke,
    output,
    pelican_command,
    plain_env,
    run_in_terminal,
)
from pelican.settings import get_settings_from_file


def whoosh(archive: FixtureArchive) -> Path:
    return archive.cache / "whoosh"


def search(archive: FixtureArchive, *args: str) -> subprocess.CompletedProcess[str]:
    return invoke("search", *args, "--index", str(whoosh(archive)), "--json")


def assert_search_works(archive: FixtureArchive) -> None:
    result = search(archive, "Vellen")
    assert result.returncode == 0, output(result)
    assert json.loads(result.stdout), result.stdout


def rebuild_after(archive: FixtureArchive, damage: str) -> str:
    archive.built()
    index = whoosh(archive)
    if damage == "truncated segment":
        segment = max(index.glob("*.seg"), key=lambda p: p.stat().st_size)
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 3])
    elif damage == "garbage toc":
        for toc in index.glob("*.toc"):
            toc.write_bytes(b"\x00garbage\xff" * 20)
    elif damage == "garbage segment":
        for segment in index.glob("*.seg"):
            segment.write_bytes(b"not a segment")
    archive.article("extra", "An extra article", "2023-03-11", ["Anna Berg went to Vellen."])
    result = archive.build()
    out = output(result)
    assert result.returncode == 0 and TRACEBACK not in out, out
    return out


@pytest.mark.parametrize("damage", ["truncated segment", "garbage toc", "garbage segment"])
def test_a_corrupt_index_is_reported_in_one_line_and_rebuilt(
    archive: FixtureArchive, damage: str
) -> None:
    out = rebuild_after(archive, damage)
    (line,) = [line for line in out.splitlines() if "search index" in line and "rebuil" in line]
    assert str(whoosh(archive)) in line
    assert_search_works(archive)
    found = json.loads(search(archive, "extra").stdout)
    assert [hit["slug"] for hit in found] == ["extra"]


def test_search_on_a_corrupt_index_says_to_rebuild(archive: FixtureArchive) -> None:
    archive.built()
    for toc in whoosh(archive).glob("*.toc"):
        toc.write_bytes(b"garbage")
    result = search(archive, "Vellen")
    assert result.returncode == 1 and TRACEBACK not in output(result), output(result)
    assert "invoke build" in result.stderr and "corrupt" in result.stderr


def test_an_index_locked_by_another_writer_is_rebuilt(archive: FixtureArchive) -> None:
    archive.built()
    from whoosh import index

    writer = index.open_dir(str(whoosh(archive))).writer()  # holds Whoosh's write lock
    try:
        archive.article("extra", "An extra article", "2023-03-11", ["Anna Berg in Vellen."])
        result = archive.build("ARCHIVE_INDEX_LOCK_WAIT=1")
        out = output(result)
        assert result.returncode == 0 and TRACEBACK not in out, out
        assert any("search index" in line and "locked" in line for line in out.splitlines())
    finally:
        with contextlib.suppress(FileNotFoundError):  # the build moved the locked index away
            writer.cancel()
    assert [h["slug"] for h in json.loads(search(archive, "extra").stdout)] == ["extra"]


def start_build(archive: FixtureArchive) -> subprocess.Popen[str]:
    return subprocess.Popen(
        pelican_command(archive, "pelicanconf.py"), cwd=ROOT, text=True, env=plain_env(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def test_a_build_waits_for_the_build_that_holds_the_lock(archive: FixtureArchive) -> None:
    archive.cache.mkdir(parents=True, exist_ok=True)
    with open(archive.cache / "build.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        build = start_build(archive)
        assert build.stdout is not None
        seen: list[str] = []
        for line in build.stdout:  # the build says it waits, and goes no further
            seen.append(line)
            if "waiting" in line:
                break
        assert "waiting" in seen[-1] and str(archive.cache / "build.lock") in seen[-1], seen
        assert build.poll() is None
        fcntl.flock(lock, fcntl.LOCK_UN)
    rest = build.communicate(timeout=300)[0]
    assert build.returncode == 0 and TRACEBACK not in rest, rest
    assert (archive.output / "index.html").is_file()


def test_two_builds_at_once_both_succeed(archive: FixtureArchive) -> None:
    builds = [start_build(archive) for _ in range(2)]
    outputs = [b.communicate(timeout=300)[0] for b in builds]
    for build, out in zip(builds, outputs, strict=True):
        assert build.returncode == 0 and TRACEBACK not in out, out
    assert_search_works(archive)


def plugins_with(extra: str) -> list[str]:
    settings = get_settings_from_file(str(ROOT / "pelicanconf.py"))
    paths = [str(ROOT / p) for p in settings["PLUGIN_PATHS"]] + [str(ROOT / "tests" / "plugins")]
    # More NAME=value overrides of the same -e (a second -e would replace the first).
    return [f"PLUGIN_PATHS={json.dumps(paths)}", f"PLUGINS={json.dumps([*settings['PLUGINS'], extra])}"]  # fmt: skip


def test_the_cache_removed_mid_build_does_not_crash_it(archive: FixtureArchive) -> None:
    command = pelican_command(archive, "pelicanconf.py", *plugins_with("remove_cache_on_commit"))
    env = plain_env(REMOVE_CACHE_ON_COMMIT=str(archive.cache))
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    out = output(result)
    assert result.returncode == 0 and TRACEBACK not in out, out
    assert any("search index" in line for line in out.splitlines()), out
    assert_search_works(archive)


def test_since_garbage_is_an_error(tmp_path: Path) -> None:
    result = invoke("search", "Berg", "--since", "garbage", "--index", str(tmp_path / "none"))
    assert result.returncode == 2 and TRACEBACK not in output(result), output(result)
    assert "--since" in result.stderr and "garbage" in result.stderr


@pytest.mark.parametrize("flag", ["--since", "--until"])
@pytest.mark.parametrize("value", ["2023-13", "2023-02-30", "yesterday", "2023/03/01"])
def test_date_filters_are_checked(archive: FixtureArchive, flag: str, value: str) -> None:
    archive.built()
    result = search(archive, "Berg", flag, value)
    assert result.returncode == 2 and TRACEBACK not in output(result), output(result)
    assert flag in result.stderr and value in result.stderr


def test_good_date_filters_still_filter(archive: FixtureArchive) -> None:
    archive.built()
    found = json.loads(search(archive, "Berg", "--since", "2023-04").stdout)
    assert [hit["date"][:7] for hit in found] == ["2023-04"]


def test_a_query_may_start_with_a_dash(archive: FixtureArchive) -> None:
    archive.built()
    result = search(archive, "--query=-Vellen")  # invoke's own spelling of such a value
    assert result.returncode == 0 and TRACEBACK not in output(result), output(result)
    assert isinstance(json.loads(result.stdout), list)


def test_build_in_ci_ends_with_a_one_line_search_summary(archive: FixtureArchive) -> None:
    result = subprocess.run(
        pelican_command(archive, "pelicanconf.py"), cwd=ROOT, text=True, capture_output=True,
        env=plain_env(CI="true"), timeout=300,
    )  # fmt: skip
    out = output(result)
    assert result.returncode == 0, out
    summary = [line for line in out.splitlines() if line.startswith("search index:")]
    assert len(summary) == 1 and f"{len(FACTS.articles)} articles" in summary[0], out


def test_build_on_a_terminal_shows_indexing_progress(archive: FixtureArchive) -> None:
    shown = run_in_terminal(pelican_command(archive, "pelicanconf.py"), plain_env(TERM="xterm"))
    assert re.search(r"index\S*\s.*[━█].*4/4", shown), shown
    assert "search index:" in shown
