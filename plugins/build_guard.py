"""Stop a build whose content has errors, after every error has been shown.

Pelican logs a file it cannot read and goes on, exiting 0; an archive built from
half its content cannot be trusted. Plugins report each ``ContentError`` to
``archive.errors.build_errors``; when the build is over, a non-empty log ends it
with exit status 1 and a one-line summary, without a traceback.
"""

from __future__ import annotations

import logging

from pelican import Pelican, signals

from archive.core.errors import build_errors

logger = logging.getLogger(__name__)


def _reset(_: Pelican) -> None:
    build_errors.clear()


def _finish(_: Pelican) -> None:
    count = len(build_errors.errors)
    if count:
        logger.critical("build failed: %d content error%s (see above)", count, "s" * (count > 1))
        raise SystemExit(1)


def register() -> None:
    """Hook into the start and the end of every build."""
    signals.initialized.connect(_reset)
    signals.finalized.connect(_finish)
