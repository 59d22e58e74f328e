"""Pelican settings for the published site (``invoke publish``).

Everything in pelicanconf.py, plus feeds. URLs stay relative so that a copy of
the published folder also works opened from disk.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("ARCHIVE_SITEURL", "")
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
