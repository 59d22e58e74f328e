"""Deploy targets as configured in ``[tool.briefing.deploy]`` (pyproject.toml).

```toml
[tool.briefing.deploy]
default = "local"      # the target publish uses when none is named
keep = 3               # good releases kept by pruning (the live one is always kept)

[tool.briefing.deploy.targets.local]
type = "local"
path = "public"        # the live link, relative to the project

[tool.briefing.deploy.targets.production]
type = "rsync"
host = "deploy@archive.example.org"
path = "/srv/briefing/public"   # the live link on the host (absolute)
ssh = "ssh -p 22"              # optional, default "ssh"
rsync_options = ["--compress"]  # optional
staging = ".cache/release-staging/production"  # optional: where the local build is made
```
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.release.local import LocalTarget
from archive.release.remote import RsyncTarget
from archive.release.target import DeployError, Target

TABLE = "[tool.briefing.deploy]"
_KEYS = {
    "local": {"type", "path"},
    "rsync": {"type", "host", "path", "ssh", "rsync", "rsync_options", "staging"},
}
_REQUIRED = {"local": {"path"}, "rsync": {"host", "path"}}


@dataclass(frozen=True)
class DeployConfig:
    """The configured targets (as tables), the default one, and how many releases to keep."""

    targets: dict[str, dict[str, Any]]
    default: str
    keep: int
    source: Path


def load_config(path: Path) -> DeployConfig:
    """Read the deploy table of ``path``; a missing table means one local target, ``public``."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DeployError(f"{path}: cannot read the deploy configuration: {error}") from None
    table = document.get("tool", {}).get("briefing", {}).get("deploy", {})
    targets = table.get("targets", {"local": {"type": "local", "path": "public"}})
    default = str(table.get("default", next(iter(targets), "local")))
    keep = table.get("keep", 3)
    if not isinstance(keep, int) or keep < 1:
        raise DeployError(f"{path}: {TABLE} keep must be a whole number of at least 1")
    for name, settings in targets.items():
        _validate(path, name, settings)
    if default not in targets:
        raise DeployError(f"{path}: {TABLE} default names no target: {default!r}")
    return DeployConfig(targets, default, keep, path)


def _validate(path: Path, name: str, settings: dict[str, Any]) -> None:
    where = f"{path}: [tool.briefing.deploy.targets.{name}]"
    kind = settings.get("type")
    if kind not in _KEYS:
        raise DeployError(f"{where}: type must be one of {', '.join(sorted(_KEYS))}")
    for key in settings:
        if key not in _KEYS[kind]:
            close = difflib.get_close_matches(key, sorted(_KEYS[kind]), n=1)
            hint = f": did you mean {close[0]!r}?" if close else ""
            raise DeployError(f"{where}: unknown key {key!r}{hint}")
    missing = sorted(_REQUIRED[kind] - set(settings))
    if missing:
        raise DeployError(f"{where}: missing {', '.join(missing)}")


def make_target(config: DeployConfig, name: str, root: Path) -> Target:
    """The target called ``name``; a name that is not configured is a local folder."""
    settings = config.targets.get(name or config.default)
    if settings is None:
        return LocalTarget(root / name)
    if settings["type"] == "local":
        return LocalTarget(root / settings["path"])
    options = settings.get("rsync_options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise DeployError(f"{config.source}: rsync_options must be a list of strings")
    return RsyncTarget(
        host=str(settings["host"]),
        path=str(settings["path"]),
        staging=root / settings.get("staging", f".cache/release-staging/{name or config.default}"),
        ssh=str(settings.get("ssh", "ssh")),
        rsync=str(settings.get("rsync", "rsync")),
        rsync_options=options,
    )
