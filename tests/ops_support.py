"""Helpers for the operations tests: run the tasks and builds as an operator does.

Everything goes through the command line (``python -m invoke``, ``python -m
pelican``) so the tests state what an operator sees: the exit status and the
lines printed, never a traceback.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from archive_builder import FixtureArchive

ROOT = Path(__file__).resolve().parents[1]
SITEURL = "https://archive.example.org/briefings"
TRACEBACK = "Traceback (most recent call last)"


def plain_env(**extra: str) -> dict[str, str]:
    """The environment of a run, without the variables that tests set for themselves."""
    env = {k: v for k, v in os.environ.items() if k not in ("ARCHIVE_SITEURL", "CI")}
    env.update(extra)
    return env


def invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m invoke ARGS`` in the repository, output captured."""
    command = [sys.executable, "-m", "invoke", *args]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env or plain_env()
    )


def output(result: subprocess.CompletedProcess[str]) -> str:
    """Everything a run printed, both streams."""
    return result.stdout + result.stderr


def pelican_command(archive: FixtureArchive, settings: str, *overrides: str) -> list[str]:
    """The pelican command for ``archive`` with a settings file of the project."""
    return [
        sys.executable, "-m", "pelican", str(archive.content), "-s", str(ROOT / settings),
        "-o", str(archive.output), "--log-handler", "plain",
        "-e", f'ARCHIVE_CACHE="{archive.cache}"', *overrides,
    ]  # fmt: skip


def build_with(
    archive: FixtureArchive, settings: str, *overrides: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build ``archive`` with ``settings`` (``pelicanconf.py`` or ``publishconf.py``)."""
    return subprocess.run(
        pelican_command(archive, settings, *overrides),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env or plain_env(),
    )


def publish_build(archive: FixtureArchive) -> Path:
    """Build ``archive`` as published (``publishconf.py`` with the site's URL); the output."""
    result = build_with(archive, "publishconf.py", env=plain_env(ARCHIVE_SITEURL=SITEURL))
    assert result.returncode == 0, output(result)
    return archive.output


def run_in_terminal(command: list[str], env: dict[str, str], timeout: float = 300) -> str:
    """Run ``command`` on a pseudo-terminal (as an operator's shell does); what it wrote."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        command, cwd=ROOT, stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def has_escape_codes(text: str) -> bool:
    """Whether ``text`` holds terminal control sequences (colours, cursor moves)."""
    return bool(_ESCAPE.search(text))
