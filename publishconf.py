"""Pelican settings for the published site (``invoke publish``).

Everything in pelicanconf.py, plus what needs the site's own address: Atom feeds
of articles and notes, ``sitemap.xml``, ``robots.txt``, canonical and OpenGraph
links, absolute JSON-LD, a 404 page that works at any depth. The address comes
from the ``ARCHIVE_SITEURL`` environment variable and is required. Links between
pages stay relative, so that a copy of the published folder also works from disk.
"""

import os
import sys

sys.path.append(os.curdir)
from archive.site.published import require_siteurl
from pelicanconf import *  # noqa: F403

SITEURL = require_siteurl(os.environ.get("ARCHIVE_SITEURL"))
CANONICAL_SITEURL = SITEURL  # templates: Pelican makes SITEURL relative on every page
FEED_ALL_ATOM = None  # ours, with clean content and tag ids: archive/site/published.py
DELETE_OUTPUT_DIRECTORY = True
