"""A remote host as deploy target, over rsync and ssh, with the same layout as a local one.

On the far side, ``<path>`` is a symbolic link into ``.<name>-releases/``. A new
release is copied with ``rsync --link-dest`` against the live one (unchanged files
become hard links, so a release costs only what changed), its good marker is sent
last by a second rsync (which writes to a temporary file and renames), and the
link is switched with ``mv -T`` of a fresh link: one rename, as locally. The far
side needs only a POSIX shell, GNU coreutils and rsync.
"""

from __future__ import annotations

import posixpath
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from archive.release.state import MARKER, Release, parse_marker
from archive.release.target import DeployError, releases_folder_name

# Lists the live link and each release with its marker, one tab-separated line each.
_LIST = """
link={link}; releases={releases}
if [ -L "$link" ]; then printf 'live\\t%s\\n' "$(readlink "$link")"; fi
[ -d "$releases" ] || exit 0
for d in "$releases"/*/; do
  [ -d "$d" ] || continue
  d=${{d%/}}
  printf 'release\\t%s\\t' "${{d##*/}}"
  if [ -f "$d/{marker}" ]; then tr '\\n\\t' '  ' < "$d/{marker}"; fi
  printf '\\n'
done
"""

# Replaces the link in one rename, refusing a real folder and an unmarked release.
_SWITCH = """
link={link}; release={release}
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "$link is a real folder, not a release link: move it away" >&2; exit 3
fi
[ -f "{releases}/$release/{marker}" ] || {{ echo "$release is not marked good" >&2; exit 3; }}
ln -sfn {relative} "$link.new" && mv -Tf "$link.new" "$link"
"""


@dataclass
class RsyncTarget:
    """``host:path`` reached with ``ssh`` (a command line, e.g. ``ssh -p 2222``)."""

    host: str
    path: str
    staging: Path
    ssh: str = "ssh"
    rsync: str = "rsync"
    rsync_options: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not posixpath.isabs(self.path):
            raise DeployError(f"remote path {self.path!r} must be absolute")
        self.path = posixpath.normpath(self.path)
        name = posixpath.basename(self.path)
        self.remote_folder = posixpath.join(
            posixpath.dirname(self.path), releases_folder_name(name)
        )
        self.lock_path = self.staging / ".lock"
        self.description = f"{self.host}:{self.path}"

    def releases(self) -> list[Release]:
        script = _LIST.format(
            link=shlex.quote(self.path), releases=shlex.quote(self.remote_folder), marker=MARKER
        )
        live, found = None, []
        for line in self._run_remote(script).splitlines():
            kind, _, rest = line.partition("\t")
            if kind == "live":
                live = posixpath.basename(rest.rstrip("/"))
            elif kind == "release":
                name, _, marker = rest.partition("\t")
                found.append((name, marker))
        return [Release(name, *parse_marker(marker), live=name == live) for name, marker in found]

    def prepare(self, name: str) -> Path:
        """A fresh local folder to build in; earlier failed builds there are dropped."""
        self.staging.mkdir(parents=True, exist_ok=True)
        for old in self.staging.iterdir():
            if old.is_dir():
                shutil.rmtree(old)
        build = self.staging / name
        build.mkdir()
        return build

    def receive(self, build: Path, name: str) -> None:
        """Copy the build, all but its marker, beside the live release."""
        live = next((r.name for r in self.releases() if r.live), None)
        self._run_remote(f"mkdir -p {shlex.quote(self.remote_folder)}")
        link_dest = [f"--link-dest={posixpath.join(self.remote_folder, live)}"] if live else []
        self._rsync(
            "--archive", "--no-times", "--checksum", "--delete", f"--exclude=/{MARKER}", *link_dest,
            f"{build}/", self._remote(name) + "/",
        )  # fmt: skip

    def mark(self, build: Path, name: str) -> None:
        """Send the good marker last: a release without it is never used."""
        self._rsync(str(build / MARKER), self._remote(posixpath.join(name, MARKER)))

    def switch(self, name: str) -> None:
        relative = posixpath.join(posixpath.basename(self.remote_folder), name)
        script = _SWITCH.format(
            link=shlex.quote(self.path),
            release=shlex.quote(name),
            releases=shlex.quote(self.remote_folder),
            marker=MARKER,
            relative=shlex.quote(relative),
        )
        self._run_remote(script)

    def remove(self, names: list[str]) -> None:
        if names:
            paths = " ".join(shlex.quote(posixpath.join(self.remote_folder, n)) for n in names)
            self._run_remote(f"rm -rf -- {paths}")

    def finish(self, build: Path) -> None:
        """The local build was only a staging copy."""
        shutil.rmtree(build)

    def _remote(self, relative: str) -> str:
        return f"{self.host}:{posixpath.join(self.remote_folder, relative)}"

    def _rsync(self, *args: str) -> None:
        command = [*shlex.split(self.rsync), "-e", self.ssh, *self.rsync_options, *args]
        _run(command, "rsync")

    def _run_remote(self, script: str) -> str:
        return _run([*shlex.split(self.ssh), self.host, script], f"ssh {self.host}")


def _run(command: list[str], what: str) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise DeployError(f"{what}: cannot run {command[0]}: {error.strerror}") from None
    if result.returncode:
        reason = result.stderr.strip().splitlines()[-1:] or [f"exit status {result.returncode}"]
        raise DeployError(f"{what} failed: {reason[0]}")
    return result.stdout
