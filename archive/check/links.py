"""Links and anchors resolve, and no page or style sheet loads anything from outside.

Readers use the site offline and from a copy on disk, so every internal link must
point at a file that exists, and no page may fetch a script, style, image or frame
from another host.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from archive.check.problem import Problem

# Attributes that make the browser fetch something on page load.
_LOADING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("link", "href"),
            ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
            ("object", "data"), ("img", "srcset")}  # fmt: skip
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # Each URL with the element and attribute it came from, as a selector.
        self.loads: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            where = f'{tag}[{name}="{value}"]'
            if (tag, name) in _LOADING and not (tag == "link" and _is_plain_link(attrs)):
                self.loads.append((where, value))
            elif name == "href":
                self.links.append((where, value))
            elif name == "style":
                urls = _CSS_URL.findall(value)
                self.loads.extend((f'{tag}[style*="{url}"]', url) for url in urls)


def _is_plain_link(attrs: list[tuple[str, str | None]]) -> bool:
    """A ``<link>`` that only names a related page (feeds, prev/next) loads nothing."""
    rel = (dict(attrs).get("rel") or "").lower().split()
    return not {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"} & set(rel)


def check_links(root: Path) -> list[Problem]:
    """Every broken link, missing anchor and outside load in the site under ``root``."""
    pages = {page: _parse(page) for page in sorted(root.rglob("*.html"))}
    problems: list[Problem] = []
    for page, parsed in pages.items():
        problems.extend(_check_page(root, page, parsed, pages))
    for sheet in sorted(root.rglob("*.css")):
        for url in _CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if _EXTERNAL.match(url):
                problems.append(_outside(sheet.relative_to(root), f"url({url})", url))
    return problems


def _outside(name: Path, where: str, url: str) -> Problem:
    return Problem(str(name), f"loads {url} from outside the site", where)


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _check_page(root: Path, page: Path, parsed: _Links, pages: dict[Path, _Links]) -> list[Problem]:
    name = page.relative_to(root)
    problems = [_outside(name, where, url) for where, url in parsed.loads if _EXTERNAL.match(url)]
    for where, url in parsed.loads + parsed.links:
        target = _local_target(page, url)
        if target is None:
            continue
        fragment = urlsplit(url).fragment
        if not target.exists():
            problems.append(Problem(str(name), "broken link: no such file", where))
        elif fragment and target in pages and unquote(fragment) not in pages[target].ids:
            problems.append(Problem(str(name), "the link names no element on its page", where))
    return problems


def _local_target(page: Path, url: str) -> Path | None:
    """The file a relative URL points at (the page itself for ``#id``), or None for others."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    path = unquote(parts.path)
    if not path:
        return page if parts.fragment else None
    target = (page.parent / path).resolve()
    return target / "index.html" if path.endswith("/") else target
