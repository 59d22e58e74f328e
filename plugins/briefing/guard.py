"""Stop a build whose content has errors, after every error has been shown.

Pelican logs a file it cannot read and goes on, exiting 0; an archive built from
half its content cannot be trusted. Stages report each ``ContentError`` to
``archive.core.errors.build_errors``; when the build is over, a non-empty log
ends it with exit status 1 and a one-line summary, without a traceback.
"""

from __future__ import annotations

import logging

from pelican import Pelican

from archive.core.errors import build_errors

logger = logging.getLogger(__name__)


def reset(_: Pelican) -> None:
    """Forget the errors of a previous build (a live-reloading server builds again)."""
    build_errors.clear()


def finish(_: Pelican) -> None:
    """End a build that had content errors with exit status 1."""
    count = len(build_errors.errors)
    if count:
        logger.critical("build failed: %d content error%s (see above)", count, "s" * (count > 1))
        raise SystemExit(1)
