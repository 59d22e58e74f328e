"""The published site is complete: feeds, sitemap, robots, canonical and social meta, 404, JSON-LD.

Built from the small fixture archive with ``publishconf.py`` and a site URL with a
path (``/briefings``), so that no test can pass by assuming the site is served at
a domain's root. Local builds (``pelicanconf.py``) keep relative links.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from archive_builder import ARTICLES, NOTES, TUESDAY, small_archive
from bs4 import BeautifulSoup, Tag
from conftest import page
from ops_support import SITEURL, TRACEBACK, build_with, output, plain_env, publish_build

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DOMAIN = urlsplit(SITEURL).netloc


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = small_archive(tmp_path_factory.mktemp("published"))
    archive.article(
        "signed", "A signed report", "2023-03-12", ["Anna Berg went to Vellen."],
        author="Maria Olsen",
    )  # fmt: skip
    return publish_build(archive)


def attr(tag: Tag | None, name: str) -> str:
    """An attribute of a tag that must be there, as text."""
    assert tag is not None
    return str(tag.get(name) or "")


def one(doc: BeautifulSoup | Tag, selector: str) -> Tag:
    """The element ``selector`` finds, which must be there."""
    found = doc.select_one(selector)
    assert found is not None, selector
    return found


def href(element: ET.Element | None) -> str:
    """The ``href`` of a feed's link element, which must be there."""
    assert element is not None
    return element.get("href", "")


def local_file(site: Path, url: str) -> Path:
    """The file of the published site that an absolute URL names (fails for other URLs)."""
    assert url.startswith(SITEURL + "/"), url
    path = url[len(SITEURL) + 1 :].split("#")[0]
    target = site / path
    return target / "index.html" if path.endswith("/") or not path else target


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def page_url(site: Path, path: Path) -> str:
    return f"{SITEURL}/{path.relative_to(site).as_posix()}"


def test_publishing_without_a_site_url_is_one_clear_line(tmp_path: Path) -> None:
    result = build_with(small_archive(tmp_path), "publishconf.py", env=plain_env())
    out = output(result)
    assert result.returncode != 0 and TRACEBACK not in out, out
    assert "ARCHIVE_SITEURL" in out and "SITEURL" in out


@pytest.mark.parametrize("value", ["archive.example.org", "ftp://x.org", "https://x.org/?a=1"])
def test_a_malformed_site_url_is_refused(tmp_path: Path, value: str) -> None:
    env = plain_env(ARCHIVE_SITEURL=value)
    result = build_with(small_archive(tmp_path), "publishconf.py", env=env)
    out = output(result)
    assert result.returncode != 0 and TRACEBACK not in out and "ARCHIVE_SITEURL" in out, out


def feed(site: Path, name: str) -> ET.Element:
    return ET.parse(site / "feeds" / name).getroot()


def test_the_article_feed_has_absolute_links_tag_ids_and_clean_content(published: Path) -> None:
    root = feed(published, "all.atom.xml")
    assert root.findtext(f"{ATOM}id", "").startswith(f"tag:{DOMAIN},")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(ARTICLES) + 1
    texts = {entry.slug: entry.paragraphs for entry in ARTICLES}
    for entry in entries:
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None
        target = local_file(published, link.get("href", ""))
        assert target.is_file()
        ident = entry.findtext(f"{ATOM}id", "")
        assert ident.startswith(f"tag:{DOMAIN},") and "None" not in ident
        content = BeautifulSoup(entry.findtext(f"{ATOM}content", ""), "html.parser")
        assert not content.find_all(["button", "script", "aside", "form"])
        assert "Close" not in content.get_text()
        for link_href in (attr(a, "href") for a in content.find_all("a")):
            assert urlsplit(link_href).scheme, link_href  # no relative link in a feed
        slug = target.stem
        if slug in texts:
            assert one(content, "p").get_text() == texts[slug][0]
    annotated = next(e for e in entries if TUESDAY in href(e.find(f"{ATOM}link")))
    text = BeautifulSoup(annotated.findtext(f"{ATOM}content", ""), "html.parser").get_text()
    assert "other reports date the call" not in text  # the note stays on the page


def test_the_notes_feed_lists_every_note_with_absolute_links(published: Path) -> None:
    root = feed(published, "notes.atom.xml")
    entries = root.findall(f"{ATOM}entry")
    follow = [link["href"] for link in page(published / "notes.html").select(".lede a")]
    assert follow == [f"{SITEURL}/feeds/notes.atom.xml"]
    assert len(entries) == len(NOTES)
    titles = {str(n["title"]) for n in NOTES.values()}
    assert {e.findtext(f"{ATOM}title") for e in entries} == titles
    for entry in entries:
        link = href(entry.find(f"{ATOM}link"))
        assert local_file(published, link).is_file(), link
        assert entry.findtext(f"{ATOM}id", "").startswith(f"tag:{DOMAIN},")
        body = BeautifulSoup(entry.findtext(f"{ATOM}content", ""), "html.parser")
        assert not body.find_all(["button", "script", "b"])  # markup in a note stays text
    about = next(e for e in entries if e.findtext(f"{ATOM}title") == NOTES["about-vellen"]["title"])
    assert "<b>markup</b>" in BeautifulSoup(about.findtext(f"{ATOM}content", ""), "html.parser").get_text()  # fmt: skip


def test_every_page_names_its_feeds(published: Path) -> None:
    for path in html_pages(published):
        links = page(path).select('link[rel="alternate"][type="application/atom+xml"]')
        hrefs = {attr(link, "href") for link in links}
        assert f"{SITEURL}/feeds/all.atom.xml" in hrefs, path
        for feed_href in hrefs:
            assert local_file(published, feed_href).is_file()


def test_the_sitemap_lists_every_page_once_with_absolute_urls(published: Path) -> None:
    root = ET.parse(published / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]
    assert len(locs) == len(set(locs))
    assert {local_file(published, loc) for loc in locs} == set(html_pages(published))


def test_robots_points_at_the_sitemap(published: Path) -> None:
    robots = (published / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots
    assert "User-agent: *" in robots and "Disallow: /" not in robots


def test_every_page_has_a_canonical_link_and_a_description(published: Path) -> None:
    for path in html_pages(published):
        doc = page(path)
        (canonical,) = doc.select('link[rel="canonical"]')
        expected = page_url(published, path)
        assert attr(canonical, "href") in (expected, expected.removesuffix("index.html")), path
        assert attr(one(doc, 'meta[name="description"]'), "content").strip(), path
        assert attr(one(doc, 'meta[property="og:url"]'), "content") == attr(canonical, "href")
        assert attr(one(doc, 'meta[property="og:title"]'), "content").strip()


def test_an_article_page_has_opengraph_from_its_text(published: Path) -> None:
    entry = next(e for e in ARTICLES if e.slug == TUESDAY)
    doc = page(published / "articles" / f"{TUESDAY}.html")
    og = {attr(m, "property"): attr(m, "content") for m in doc.select('meta[property^="og:"]')}
    assert og["og:type"] == "article" and og["og:title"] == entry.title
    assert og["og:site_name"] and entry.paragraphs[0].startswith(og["og:description"].rstrip("…"))
    assert attr(one(doc, 'meta[name="description"]'), "content") == og["og:description"]


def icon(doc: BeautifulSoup) -> str:
    (link,) = doc.select('link[rel~="icon"]')
    return attr(link, "href")


def test_every_page_links_our_favicon(published: Path, site: Path) -> None:
    for root in (published, site):
        for path in sorted(root.rglob("*.html")):
            link = icon(page(path))
            target = (path.parent / link) if not urlsplit(link).scheme else local_file(root, link)
            assert target.resolve().is_file() and target.suffix == ".svg", (path, link)
    svg = next(published.rglob("favicon.svg")).read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and len(svg) < 2000 and "<script" not in svg


@pytest.mark.parametrize("depth", ["nope.html", "articles/nope.html", "a/b/c/nope.html"])
def test_the_404_page_works_at_any_depth(published: Path, depth: str) -> None:
    """The server answers a missing URL with 404.html: its links must work from there."""
    doc = page(published / "404.html")
    base_tag = doc.select_one("base")
    if base_tag is not None:  # it must come before any address it is meant to resolve
        assert base_tag.find_all_previous(["link", "script", "a"]) == []
    base = urljoin(f"{SITEURL}/{depth}", attr(base_tag, "href") if base_tag else "")
    sheets = [attr(link, "href") for link in doc.select('link[rel="stylesheet"]')]
    scripts = [attr(script, "src") for script in doc.select("script[src]")]
    homes = [attr(a, "href") for a in doc.select("main a")]
    assert sheets and homes
    for link in sheets + scripts + [icon(doc), *homes]:
        assert local_file(published, urljoin(base, link)).is_file(), link
    assert local_file(published, urljoin(base, homes[0])) == published / "index.html"


def json_ld(path: Path) -> dict:
    (script,) = page(path).select('script[type="application/ld+json"]')
    return dict(json.loads(script.string or ""))


def test_json_ld_urls_are_absolute_with_publisher_and_author(published: Path) -> None:
    for entry in ARTICLES:
        data = json_ld(published / "articles" / f"{entry.slug}.html")
        assert data["url"] == f"{SITEURL}/articles/{entry.slug}.html"
        assert data["publisher"]["name"] == entry.source
        for thing in data["mentions"]:
            assert local_file(published, thing["url"]).is_file()
    signed = json_ld(published / "articles" / "signed.html")
    assert signed["author"] == {"@type": "Person", "name": "Maria Olsen"}


def test_local_builds_keep_relative_links_and_point_json_ld_at_the_page(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        doc = page(path)
        assert not doc.select('link[rel="canonical"]'), path
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src")):
            for element in doc.find_all(tag):
                value = attr(element, attribute)
                if value.startswith(("http:", "https:")):
                    assert tag == "a", (path, value)  # a source's own link, never ours
    for entry in ARTICLES:
        path = site / "articles" / f"{entry.slug}.html"
        data = json_ld(path)
        assert (path.parent / data["url"]).resolve() == path.resolve()
        for thing in data["mentions"]:
            assert (path.parent / thing["url"]).resolve().is_file()
    assert not (site / "sitemap.xml").exists()
    assert re.search(r"https?://", (site / "404.html").read_text(encoding="utf-8")) is None
