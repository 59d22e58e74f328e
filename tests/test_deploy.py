"""Publish killed with SIGKILL at each step, for both targets: the live site stays as it was.

Each publish runs as an operator runs it (``invoke publish`` in its own process
group); the test kills the whole group during the build, during the checks,
during the copy (rsync target) and just before the switch, then looks at what is
live and at what ``invoke releases`` and ``invoke rollback`` make of the leftovers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT

from archive.release.pipeline import PAUSE_AT

FAKE_SSH = ROOT / "tests" / "fixtures" / "fake-ssh"
# The cheap checks: the deploy tests are about steps, not about the site (tests/test_check.py).
CHECKS = "links,articles"


def config(tmp_path: Path, kind: str, slow: bool = False) -> Path:
    """A deploy configuration with one target of ``kind`` under ``tmp_path``."""
    if kind == "local":
        table = f'type = "local"\npath = "{tmp_path / "public"}"\n'
    else:
        options = '["--bwlimit=20"]' if slow else "[]"
        table = (
            f'type = "rsync"\nhost = "far-host"\npath = "{tmp_path / "far" / "public"}"\n'
            f'ssh = "{FAKE_SSH}"\nstaging = "{tmp_path / "staging"}"\nrsync_options = {options}\n'
        )
    path = tmp_path / f"deploy-{kind}{'-slow' if slow else ''}.toml"
    path.write_text(f"[tool.briefing.deploy.targets.site]\n{table}", encoding="utf-8")
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "invoke", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def start(*args: str, pause: str = "") -> subprocess.Popen[bytes]:
    env = {**os.environ, PAUSE_AT: pause} if pause else None
    return subprocess.Popen(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes rsync along too
    )


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while not condition():
        assert process.poll() is None, "publish ended before the point where it was to be killed"
        assert time.monotonic() < deadline, "publish never reached the point"
        time.sleep(0.005)


def stopped(process: subprocess.Popen[bytes]) -> Callable[[], bool]:
    """True once the process has stopped itself (state T) at its pause point."""

    def check() -> bool:
        stat = Path(f"/proc/{process.pid}/stat").read_text(encoding="utf-8")
        return stat.rsplit(")", 1)[1].split()[0] == "T"

    return check


def files_appear(folder: Path, before: set[str]) -> Callable[[], bool]:
    """True once a new release folder under ``folder`` holds a file."""

    def check() -> bool:
        if not folder.is_dir():
            return False
        fresh = [p for p in folder.iterdir() if p.is_dir() and p.name not in before]
        return any(f.is_file() for p in fresh for f in p.rglob("*"))

    return check


def kill(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


def live_name(link: Path) -> str:
    assert (link / "index.html").is_file() and (link / "theme").is_dir()
    return os.readlink(link).rsplit("/", 1)[-1]


def listing(cfg: Path) -> dict[str, str]:
    """``invoke releases``: each release's name and state ('*' marks the live one)."""
    result = invoke("releases", "--config", str(cfg), "--target", "site")
    assert result.returncode == 0, result.stdout + result.stderr
    found = {}
    for line in result.stdout.splitlines():
        name, state = line.lstrip("* ").split()[:2]
        found[name] = ("*" if line.startswith("*") else "") + state
    return found


def publish(cfg: Path) -> None:
    result = invoke("publish", "--config", str(cfg), "--target", "site", "--checks", CHECKS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", ["local", "rsync"])
def test_a_killed_publish_never_changes_the_live_site(tmp_path: Path, kind: str) -> None:
    cfg = config(tmp_path, kind)
    link = tmp_path / "public" if kind == "local" else tmp_path / "far" / "public"
    releases = link.parent / ".public-releases"
    build_folder = releases if kind == "local" else tmp_path / "staging"
    publish(cfg)
    publish(cfg)
    older, live = sorted(listing(cfg))
    assert live_name(link) == live
    args = ("publish", "--config", str(cfg), "--target", "site", "--checks", CHECKS)

    def interrupt(process: subprocess.Popen[bytes], condition: Callable[[], bool]) -> None:
        wait_for(condition, process)
        kill(process)
        assert live_name(link) == live  # the previous good release, whole

    seen = set(os.listdir(build_folder))
    interrupt(process := start(*args), files_appear(build_folder, seen))  # during the build
    interrupt(process := start(*args, pause="check links"), stopped(process))
    if kind == "rsync":
        slow = ("publish", "--config", str(config(tmp_path, kind, slow=True)), "--target", "site")
        seen = set(os.listdir(releases))
        process = start(*slow, "--checks", CHECKS)
        interrupt(process, files_appear(releases, seen))  # during the copy
    interrupt(process := start(*args, pause="switch"), stopped(process))

    states = listing(cfg)
    assert states[live] == "*good" and states[older] == "good"
    leftovers = {n: s for n, s in states.items() if n not in (older, live)}
    # Killed before the switch, the last one was whole, checked and marked: good, not live.
    assert sorted(leftovers.values()) == ["good"] + ["incomplete"] * (len(leftovers) - 1)
    back = invoke("rollback", "--config", str(cfg), "--target", "site")
    assert back.returncode == 0, back.stdout + back.stderr
    assert live_name(link) == older  # never a newer or an unfinished one
    publish(cfg)
    final = listing(cfg)
    assert "incomplete" not in final.values() and len(final) == 3  # keep = 3 good releases
