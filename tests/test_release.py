"""Releases on their own: states, pruning, rollback, configuration, progress, both targets."""

from __future__ import annotations

import fcntl
import io
import os
import threading
from pathlib import Path

import pytest
from conftest import ROOT

from archive.release.config import load_config, make_target
from archive.release.local import LocalTarget
from archive.release.pipeline import Rejected, publish, rollback
from archive.release.progress import Progress
from archive.release.remote import RsyncTarget
from archive.release.state import (
    MARKER,
    Release,
    State,
    parse_marker,
    rollback_target,
    to_remove,
    write_marker,
)
from archive.release.target import DeployError

FAKE_SSH = str(ROOT / "tests" / "fixtures" / "fake-ssh")


def quiet() -> Progress:
    return Progress("test", stream=io.StringIO())


def site_builder(text: str):
    """A build that writes a tiny site whose home page says ``text``."""

    def build(folder: Path) -> None:
        (folder / "index.html").write_text(text, encoding="utf-8")
        (folder / "theme").mkdir()
        (folder / "theme" / "style.css").write_text("body {}", encoding="utf-8")

    return build


def passes(folder: Path, started) -> list[str]:
    started("fake")
    return []


def fails(folder: Path, started) -> list[str]:
    return ["index.html: a planted problem"]


def live_text(link: Path) -> str:
    return (link / "index.html").read_text(encoding="utf-8")


def test_marker_is_written_whole_and_read_back(tmp_path: Path) -> None:
    write_marker(tmp_path, State.REJECTED, problems=4)
    assert [p.name for p in tmp_path.iterdir()] == [MARKER]  # no temporary left behind
    state, detail = parse_marker((tmp_path / MARKER).read_text(encoding="utf-8"))
    assert state is State.REJECTED and "4 problem" in detail
    assert parse_marker(None)[0] is State.INCOMPLETE
    assert parse_marker('{"state": "great"}')[0] is State.INCOMPLETE
    assert parse_marker("{not json")[0] is State.INCOMPLETE


def release(name: str, state: State, live: bool = False) -> Release:
    return Release(name, state, live=live)


def test_prune_keeps_the_last_good_ones_and_the_live_one_only() -> None:
    found = [
        release("1", State.GOOD, live=True),  # rolled back to: kept although old
        release("2", State.GOOD),
        release("3", State.REJECTED),
        release("4", State.GOOD),
        release("5", State.INCOMPLETE),
        release("6", State.GOOD),
    ]
    assert [r.name for r in to_remove(found, keep=2)] == ["2", "3", "5"]


def test_rollback_goes_to_the_newest_older_good_release_only() -> None:
    found = [
        release("1", State.GOOD),
        release("2", State.INCOMPLETE),
        release("3", State.REJECTED),
        release("4", State.GOOD, live=True),
        release("5", State.GOOD),
    ]
    assert rollback_target(found) == found[0]
    assert rollback_target(found[1:]) is None
    nothing_live = [release("1", State.GOOD), release("2", State.INCOMPLETE)]
    assert rollback_target(nothing_live) == nothing_live[0]


def test_a_rejected_release_never_goes_live_and_the_next_publish_removes_it(
    tmp_path: Path,
) -> None:
    link = tmp_path / "public"
    target = LocalTarget(link)
    first = publish(target, site_builder("one"), passes, keep=3, progress=quiet())
    with pytest.raises(Rejected) as rejected:
        publish(target, site_builder("two"), fails, keep=3, progress=quiet())
    assert rejected.value.problems == ["index.html: a planted problem"]
    assert live_text(link) == "one"
    states = {r.name: r.state for r in target.releases()}
    assert sorted(states.values()) == [State.GOOD, State.REJECTED]
    with pytest.raises(DeployError, match="no earlier good release"):
        rollback(target, quiet())  # the rejected one is newer, but never a target
    third = publish(target, site_builder("three"), passes, keep=3, progress=quiet())
    assert live_text(link) == "three"
    assert [r.name for r in target.releases()] == [first.name, third.name]
    assert rollback(target, quiet()).name == first.name and live_text(link) == "one"


def test_a_failed_build_leaves_no_release(tmp_path: Path) -> None:
    link = tmp_path / "public"
    target = LocalTarget(link)
    publish(target, site_builder("one"), passes, keep=3, progress=quiet())

    def broken(folder: Path) -> None:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise SystemExit(1)

    with pytest.raises(SystemExit):
        publish(target, broken, passes, keep=3, progress=quiet())
    assert live_text(link) == "one" and len(target.releases()) == 1


def test_releases_left_by_an_old_publish_are_incomplete_and_skipped(tmp_path: Path) -> None:
    link = tmp_path / "public"
    target = LocalTarget(link)
    legacy = target.folder / "20200101T000000.000000Z"  # no marker: never known to be whole
    legacy.mkdir(parents=True)
    (legacy / "index.html").write_text("old", encoding="utf-8")
    publish(target, site_builder("new"), passes, keep=3, progress=quiet())
    assert [r.state for r in target.releases()] == [State.GOOD]  # pruned
    with pytest.raises(DeployError):
        rollback(target, quiet())
    assert live_text(link) == "new"


def test_publish_refuses_to_replace_a_real_folder(tmp_path: Path) -> None:
    link = tmp_path / "public"
    link.mkdir()
    with pytest.raises(DeployError, match="real folder"):
        publish(LocalTarget(link), site_builder("x"), passes, keep=3, progress=quiet())
    assert list(link.iterdir()) == []


def test_rsync_target_links_unchanged_files_and_switches_on_the_far_side(tmp_path: Path) -> None:
    far = tmp_path / "far"
    target = RsyncTarget(
        host="far-host", path=str(far / "public"), staging=tmp_path / "staging", ssh=FAKE_SSH
    )
    first = publish(target, site_builder("one"), passes, keep=2, progress=quiet())
    second = publish(target, site_builder("two"), passes, keep=2, progress=quiet())
    assert live_text(far / "public") == "two"
    assert os.readlink(far / "public") == f".public-releases/{second.name}"
    releases = far / ".public-releases"
    css = [releases / name / "theme" / "style.css" for name in (first.name, second.name)]
    assert css[0].stat().st_ino == css[1].stat().st_ino  # --link-dest: one file on disk
    assert [r.state for r in target.releases()] == [State.GOOD, State.GOOD]
    assert list((tmp_path / "staging").iterdir()) == [tmp_path / "staging" / ".lock"]
    with pytest.raises(Rejected):
        publish(target, site_builder("bad"), fails, keep=2, progress=quiet())
    assert len(target.releases()) == 2  # a rejected build never reaches the far side
    assert rollback(target, quiet()).name == first.name
    assert live_text(far / "public") == "one"
    third = publish(target, site_builder("three"), passes, keep=2, progress=quiet())
    assert [r.name for r in target.releases()] == [second.name, third.name]  # keep=2


def test_rsync_target_names_the_failing_command(tmp_path: Path) -> None:
    target = RsyncTarget(
        host="far-host", path="/x/public", staging=tmp_path, ssh=str(tmp_path / "no-ssh")
    )
    with pytest.raises(DeployError, match="cannot run"):
        target.releases()
    with pytest.raises(DeployError, match="must be absolute"):
        RsyncTarget(host="h", path="relative/public", staging=tmp_path)


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deploy.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[tool.briefing.deploy.targets.far]\ntype = "rsync"\nhots = "x"\npath = "/p"', "did you mean 'host'"),
        ('[tool.briefing.deploy.targets.far]\ntype = "rsync"\npath = "/p"', "missing host"),
        ('[tool.briefing.deploy.targets.far]\ntype = "ftp"', "type must be one of"),
        ('[tool.briefing.deploy]\ndefault = "nowhere"', "default names no target"),
        ("[tool.briefing.deploy]\nkeep = 0", "keep must be"),
        ("[tool.briefing.deploy\n", "cannot read"),
    ],
)  # fmt: skip
def test_a_bad_deploy_configuration_is_one_clear_line(
    tmp_path: Path, table: str, message: str
) -> None:
    with pytest.raises(DeployError, match=message) as error:
        load_config(write_config(tmp_path, table))
    assert str(error.value).startswith(str(tmp_path / "deploy.toml"))


def test_configured_targets_and_plain_folders(tmp_path: Path) -> None:
    config = load_config(
        write_config(
            tmp_path,
            '[tool.briefing.deploy]\ndefault = "far"\nkeep = 5\n'
            '[tool.briefing.deploy.targets.far]\ntype = "rsync"\nhost = "h"\npath = "/srv/site"\n'
            '[tool.briefing.deploy.targets.here]\ntype = "local"\npath = "www"\n',
        )
    )
    assert config.keep == 5
    far = make_target(config, "", tmp_path)
    assert isinstance(far, RsyncTarget) and far.remote_folder == "/srv/.site-releases"
    here = make_target(config, "here", tmp_path)
    assert isinstance(here, LocalTarget) and here.link == tmp_path / "www"
    elsewhere = make_target(config, str(tmp_path / "other"), tmp_path)
    assert isinstance(elsewhere, LocalTarget) and elsewhere.link == tmp_path / "other"
    shipped = load_config(ROOT / "pyproject.toml")
    assert shipped.default == "local" and shipped.targets["local"]["path"] == "public"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_steps_on_a_terminal_and_only_the_summary_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    for stream, steps_shown in ((Terminal(), True), (io.StringIO(), False)):
        progress = Progress("publish", stream=stream)
        progress.step("build")
        progress.step("check")
        progress.summary("published x")
        lines = stream.getvalue().splitlines()
        assert lines[-1].startswith("published x (")
        assert any("build" in line for line in lines) is steps_shown
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    progress = Progress("publish", stream=stream)
    progress.step("build")
    progress.summary("done")
    assert len(stream.getvalue().splitlines()) == 1


def test_a_second_publish_waits_for_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = LocalTarget(tmp_path / "public")
    target.lock_path.parent.mkdir(parents=True)
    built = threading.Event()

    def build(folder: Path) -> None:
        built.set()
        site_builder("second")(folder)

    with target.lock_path.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a publish in progress
        waiting = threading.Thread(
            target=publish, args=(target, build, passes, 3, quiet()), daemon=True
        )
        waiting.start()
        assert not built.wait(0.5)  # it never builds while the lock is held
        fcntl.flock(held, fcntl.LOCK_UN)
    waiting.join(timeout=60)
    assert built.is_set() and live_text(tmp_path / "public") == "second"
    assert "waiting for it" in capsys.readouterr().out
