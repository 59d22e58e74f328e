"""Pelican settings for building the archive locally (``invoke build``)."""

from archive.core import urls

AUTHOR = "Briefing Archive editors"
SITENAME = "Briefing Archive"
SITESUBTITLE = "Annotated clippings on the August 2021 diplomacy over Afghanistan"
SITEURL = ""
# The published site's address, for what must be absolute (feeds, sitemap, canonical
# links, JSON-LD): empty here, so local builds link only relatively; see publishconf.py.
CANONICAL_SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

THEME = "theme"
# Everything from clippings and notes is escaped; only our rendered Markdown is marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
PLUGIN_PATHS = ["plugins"]
# One plugin; plugins/briefing/__init__.py connects its stages in their order.
PLUGINS = ["briefing"]

# Explicit file names and relative links: the site also works opened from disk.
RELATIVE_URLS = True
ARTICLE_URL = ARTICLE_SAVE_AS = urls.ARTICLE
PAGE_URL = PAGE_SAVE_AS = urls.PAGE
YEAR_ARCHIVE_URL = YEAR_ARCHIVE_SAVE_AS = urls.YEAR_ARCHIVE
MONTH_ARCHIVE_URL = MONTH_ARCHIVE_SAVE_AS = urls.MONTH_ARCHIVE
ARCHIVES_SAVE_AS = urls.ARCHIVES
DIRECT_TEMPLATES = ["index", "archives", "search", "404"]
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40

# The archive is organised by date, source and entity, not by category, tag or author.
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
DISPLAY_CATEGORIES_ON_MENU = False

# Feeds belong to the published site (publishconf.py), not to local builds.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Editor-owned data that steers the rules (see ARCHITECTURE.md), inside PATH.
ARCHIVE_DATA = "data"
# Entity pages list the articles that mention an entity, newest first, this many a page.
ENTITY_APPEARANCES_PER_PAGE = 50

# Build caches (the Whoosh index, per-article results, Pelican's reader cache under
# ARCHIVE_CACHE/pelican, set by the plugin): outside the published folder, kept between builds.
ARCHIVE_CACHE = ".cache"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "md5"  # an edit within the second of the last build still counts
