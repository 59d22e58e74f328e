"""What a reader's browser sees: accessibility (axe-core) and requests that leave the site.

The site is served on a local port and opened in Debian's Chromium through
Playwright. Every page is loaded once with request interception, so that nothing
is fetched from another host; one page of each kind is checked with axe-core at
WCAG 2.1 AA, in the light and the dark colour scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.check.chromium import CHROMIUM, chromium
from archive.check.local_server import served
from archive.check.problem import Problem

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ("light", "dark")
_WORD = re.compile(r"[A-Za-z]{5,}")


@dataclass
class _Requests:
    """Requests seen while pages load: those to another host are blocked and reported."""

    origin: str
    page: str = ""
    problems: list[Problem] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = route.request.url
        if _origin(url) == self.origin:
            route.continue_()
        else:
            self.problems.append(Problem(self.page, "requests a URL outside the site", url))
            route.abort()

    def response(self, response: Any) -> None:
        if response.status >= 400 and _origin(response.url) == self.origin:
            self.problems.append(Problem(self.page, "requests a file the site lacks", response.url))


def check_browser(site: Path, axe: Path = AXE, executable: Path = CHROMIUM) -> list[Problem]:
    """Outside requests on every page, and axe-core violations on each kind of page."""
    for tool, hint in ((axe, "run npm ci"), (executable, "apt-get install chromium")):
        if not tool.is_file():
            return [Problem(".", f"cannot check in a browser: {tool} is missing ({hint})")]
    with served(site) as base, chromium(executable) as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        problems = _requests(context, site, base)
        script = axe.read_text(encoding="utf-8")
        for kind, url, ready in page_kinds(site):
            problems.extend(_axe(context, f"{base}/{url}", ready, script, kind))
    return problems


def page_kinds(site: Path) -> list[tuple[str, str, str]]:
    """One page of each kind the site has: (kind, URL path with query, selector to wait for)."""
    articles = sorted(str(p.relative_to(site)) for p in site.glob("articles/*.html"))
    noted = [a for a in articles if 'class="sidenote' in (site / a).read_text(encoding="utf-8")]
    plain = [a for a in articles if a not in noted]
    found = {
        "home": ["index.html"],
        "article": plain or articles,
        "article with notes": noted,
        "entity index": ["entities/index.html"],
        "entity": sorted(str(p.relative_to(site)) for p in site.glob("entities/*/index.html")),
        "chronology": ["chronology.html"],
        "notes": ["notes.html"],
        "404": ["404.html"],
        "month archive": sorted(
            str(p.relative_to(site)) for p in site.glob("archive/*/*/index.html")
        ),
    }
    kinds = [(kind, pages[0], "body") for kind, pages in found.items() if pages]
    kinds = [k for k in kinds if (site / k[1]).is_file()]
    word = _search_word(site, articles)
    if (site / "search.html").is_file() and word:
        kinds.append(("search with results", f"search.html?q={word}", "#search-results li"))
    return kinds


def _search_word(site: Path, articles: list[str]) -> str:
    """A word of the first article's title, which the search must find."""
    if not articles:
        return ""
    match = _WORD.search(_title(site / articles[0]))
    return match.group(0).lower() if match else ""


def _title(page: Path) -> str:
    found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
    return found.group(1) if found else ""


def _requests(context: Any, site: Path, base: str) -> list[Problem]:
    """Load every page in one tab, each request checked on the way out."""
    seen = _Requests(_origin(base))
    tab = context.new_page()
    tab.route("**/*", seen.route)
    tab.on("response", seen.response)
    for page in sorted(site.rglob("*.html")):
        seen.page = str(page.relative_to(site))
        tab.goto(f"{base}/{seen.page}", wait_until="load")
    tab.close()
    return seen.problems


def _axe(context: Any, url: str, ready: str, script: str, kind: str) -> list[Problem]:
    """axe-core's violations on one page, in each colour scheme (switched without a reload)."""
    name = url.split("/", 3)[-1]
    tab = context.new_page()
    try:
        tab.emulate_media(color_scheme=SCHEMES[0])
        tab.goto(url, wait_until="load")
        try:
            tab.wait_for_selector(ready, timeout=10_000)
        except Exception:  # Playwright's TimeoutError: the page never got ready
            return [Problem(name, f"{kind}: nothing matches {ready} after 10 s")]
        tab.add_script_tag(content=script)
        problems: list[Problem] = []
        for scheme in SCHEMES:
            tab.emulate_media(color_scheme=scheme)
            result = tab.evaluate(_AXE_RUN, WCAG_AA)
            problems += [
                Problem(name, f"{v['id']} ({scheme}): {v['help']}", _target(node))
                for v in result["violations"]
                for node in v["nodes"]
            ]
        return problems
    finally:
        tab.close()


# Only violations are wanted: leaving out the passes makes a run several times faster.
_AXE_RUN = """tags => axe.run(document, {
  runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']
})"""


def _target(node: dict[str, Any]) -> str:
    return ", ".join(map(str, node["target"]))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
