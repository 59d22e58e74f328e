"""A local folder as deploy target: ``public -> .public-releases/<name>``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from archive.release.state import MARKER, Release, read_marker
from archive.release.target import DeployError, releases_folder_name


class LocalTarget:
    """Releases are built in place, beside the link, so going live copies nothing."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.folder = link.parent / releases_folder_name(link.name)
        self.lock_path = self.folder / ".lock"
        self.description = str(link)

    def releases(self) -> list[Release]:
        live = self._live()
        if not self.folder.is_dir():
            return []
        return [
            Release(path.name, *read_marker(path), live=path.name == live)
            for path in sorted(self.folder.iterdir())
            if path.is_dir() and not path.name.startswith(".")
        ]

    def _live(self) -> str | None:
        if not self.link.is_symlink():
            return None
        target = Path(os.readlink(self.link))
        return target.name if target.parent.name == self.folder.name else None

    def prepare(self, name: str) -> Path:
        self._refuse_real_folder()
        release = self.folder / name
        release.mkdir(parents=True)
        return release

    def receive(self, build: Path, name: str) -> None:
        """Nothing to copy: the release was built where it stays."""

    def mark(self, build: Path, name: str) -> None:
        if not (self.folder / name / MARKER).is_file():
            raise DeployError(f"{self.folder / name}: not marked good; not switching to it")

    def switch(self, name: str) -> None:
        """Point the link at ``name`` in one rename, so readers never see half a site.

        The link is relative, so the folder with its releases can be moved or copied.
        """
        self._refuse_real_folder()
        temporary = self.link.with_name(f".{self.link.name}.new")
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(Path(self.folder.name) / name)
        os.replace(temporary, self.link)

    def remove(self, names: list[str]) -> None:
        for name in names:
            shutil.rmtree(self.folder / name)

    def finish(self, build: Path) -> None:
        """The build is the release: keep it."""

    def _refuse_real_folder(self) -> None:
        if self.link.exists() and not self.link.is_symlink():
            raise DeployError(f"{self.link} is a real folder, not a release link: move it away")
