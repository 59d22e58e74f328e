"""Search on a generated archive: our two indexes against Pagefind, on the same built pages.

    python bench/bench_search.py --articles 10000

Generates N articles (``generate.py``), builds the site with Pelican and the
project's settings, then reports:

- index build time: the browser index and the Whoosh index (fresh, then a rebuild
  with nothing changed, then one article edited) from the built pages, against
  ``python -m pagefind --site`` on the article pages of the same build;
- bytes the browser downloads for a first query, median and 90th percentile over
  ``queries()``: each query in a new browser context (empty cache) from the page
  loaded to the results shown, counting the search code itself (our ``search-*.js``
  and the ten results it shows; Pagefind's JS, WASM, metadata, index chunks and the
  five result fragments its UI shows first);
- total index bytes and files;
- latency of a repeated query in headless Chromium, p50 and p95 (search and the
  data of the shown results, everything already loaded).

Pagefind is given the article pages only (``--glob``); our pages carry no
``data-pagefind-filter`` attributes, so Pagefind loads no filter data while ours
counts its facets: the comparison leans Pagefind's way.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import seed_sentences, write  # noqa: E402
from playwright.sync_api import Browser, Page  # noqa: E402

from archive.check.chromium import chromium  # noqa: E402
from archive.check.local_server import served  # noqa: E402
from archive.search.analysis import SearchDocument, words  # noqa: E402
from archive.search.browser_index import write_browser_index  # noqa: E402
from archive.search.whoosh_index import documents_from_site, update_index  # noqa: E402

# The plugins the pages and the data export need; search is timed on its own below.
PLUGINS = ["build_guard", "markdown_reader", "entities", "data_export"]
NAMED = [
    "Putin", "Xi Jinping", "Wang Yi", "Lavrov", "Sigrid Kaag", "Narendra Modi", "Baradar",
    "Hanafi", "Yang Jiechi", "Wang Wenbin", "Kabul", "Dusambe", "Tajikistan", "Moscow",
    "Beijing", "Xinjiang", "Taiwan", "Kabul airport", "Taliban takeover", "vaccine",
    "terrorism", "drug trafficking", "sovereignty", "non-interference", "G-7 leaders",
    "BRICS", "Security Council", "humanitarian assistance", "civil war", "refugee",
    "Kremlin readout", "Xinhua", "Shanghai Cooperation Organization", "inclusive political",
    "moderate prudent", "foreign ministers", "phone call", "strategic communication",
    '"one-China policy"', '"rest of the world"',
]  # fmt: skip
RARE_RANKS = [0, 10, 50, 200, 1000, 3000, 6000, 10000, 15000, 20000]
OUR_FILES = ("/search/", "/js/search-")
PAGEFIND_PAGE = """<!DOCTYPE html><meta charset="utf-8"><title>Pagefind</title>
<script>
window.firstQuery = async (q) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const found = await pagefind.search(q);
  await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  window.pagefind = pagefind;
  return found.results.length;
};
window.repeat = async (q) => {
  const t = performance.now();
  const found = await window.pagefind.search(q);
  await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  return performance.now() - t;
};
</script>"""
OUR_REPEAT = """async (q) => {
  const index = await window.__archiveSearch.engine.openIndex();
  const t = performance.now();
  const found = await index.search(q, {asYouType: true});
  await Promise.all(found.ranked.slice(0, 10).map(([doc]) => index.card(doc, found.query)));
  return performance.now() - t;
}"""


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    name: str
    build_seconds: float
    first_kb: list[float]
    total_bytes: int
    files: int
    repeat_ms: list[float]


def queries(documents: list[SearchDocument]) -> list[str]:
    """The query set: names, places, topics and phrases of the seeds, and generated words
    from the frequent to the rare (the long tail a real archive grows)."""
    seeds = seed_sentences(ROOT / "content" / "clippings")
    known = {w for sentence in seeds for s in sentence for w in words(s)}
    counts: Counter[str] = Counter()
    for doc in documents:
        counts.update(w for w in words(doc.body) if w.isalpha())
    tail = [w for w, _ in counts.most_common() if w not in known and len(w) > 4]
    return NAMED + list(dict.fromkeys(tail[min(r, len(tail) - 1)] for r in RARE_RANKS))


def build(content: Path, output: Path, cache: Path) -> float:
    """Seconds for the Pelican build of ``content`` (without the search plugin)."""
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "-q", "--log-handler", "plain",
        "-e", f'ARCHIVE_CACHE="{cache}"', f"PLUGINS={json.dumps(PLUGINS)}",
    ]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def downloaded(page: Page, parts: tuple[str, ...]) -> dict[str, int]:
    """Bytes of each response whose URL holds one of ``parts``, as they arrive."""
    sizes: dict[str, int] = {}

    def record(response: object) -> None:
        url = response.url  # type: ignore[attr-defined]
        if any(part in url for part in parts):
            sizes[url] = len(response.body())  # type: ignore[attr-defined]

    page.on("response", record)
    return sizes


def in_browser(
    browser: Browser,
    texts: list[str],
    files: tuple[str, ...],
    first_query: Callable[[Page, str], None],
    repeat_query: str,
) -> tuple[list[float], list[float]]:
    """First-query KB (each query in a fresh browser context) and repeat milliseconds."""
    first, repeat = [], []
    for text in texts:
        context = browser.new_context()
        page = context.new_page()
        sizes = downloaded(page, files)
        first_query(page, text)
        page.wait_for_load_state("networkidle")
        first.append(sum(sizes.values()) / 1000)
        repeat.append(page.evaluate(repeat_query, text))
        context.close()
    return first, repeat


def ours_in_browser(
    browser: Browser, base: str, texts: list[str]
) -> tuple[list[float], list[float]]:
    """First-query KB and repeat milliseconds of our search page."""

    def first_query(page: Page, text: str) -> None:
        page.goto(f"{base}/search.html")
        page.fill("#search-query", text)
        page.wait_for_function("document.querySelector('#search-status').textContent !== ''")

    return in_browser(browser, texts, OUR_FILES, first_query, OUR_REPEAT)


def pagefind_in_browser(
    browser: Browser, base: str, texts: list[str]
) -> tuple[list[float], list[float]]:
    """First-query KB and repeat milliseconds of Pagefind's own API."""

    def first_query(page: Page, text: str) -> None:
        page.goto(f"{base}/pagefind-bench.html")
        page.evaluate("q => window.firstQuery(q)", text)

    return in_browser(browser, texts, ("/pagefind/",), first_query, "q => window.repeat(q)")


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def table(n: int, rows: list[Row]) -> str:
    """The results as a Markdown table."""
    head = (
        "| index | N | build s | first query KB median / p90 | total MB | files "
        "| repeat ms p50 / p95 |\n|---|---|---|---|---|---|---|"
    )
    lines = [head]
    for r in rows:
        lines.append(
            f"| {r.name} | {n} | {r.build_seconds:.1f} "
            f"| {statistics.median(r.first_kb):.0f} / {percentile(r.first_kb, 0.9):.0f} "
            f"| {r.total_bytes / 1e6:.1f} | {r.files} "
            f"| {statistics.median(r.repeat_ms):.1f} / {percentile(r.repeat_ms, 0.95):.1f} |"
        )
    return "\n".join(lines)


def prepare(work: Path, n: int) -> Path:
    """A content folder of ``n`` generated articles with the shipped registry and rules.

    The editors' corrections name events of the shipped articles: left empty.
    """
    content = work / "content"
    shutil.copytree(ROOT / "content" / "data", content / "data")
    (content / "data" / "corrections.yaml").write_text("[]\n", encoding="utf-8")
    write(n, content / "articles")
    return content


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and keep it (a kept build is reused)"
    )
    parser.add_argument(
        "--layouts",
        default="",
        help="also measure term shards of these sizes in KB (comma-separated), ours only",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        output, cache = work / "output", work / "cache"
        if not (output / "api" / "articles.json").exists():  # a kept build is reused,
            # with the working tree's search.js (copied below)
            print(f"generating {args.articles} articles …", flush=True)
            content = prepare(work, args.articles)
            print(f"pelican build: {build(content, output, cache):.1f} s", flush=True)
        shutil.copytree(ROOT / "theme" / "static", output / "theme", dirs_exist_ok=True)
        documents = documents_from_site(output)
        whoosh = cache / "whoosh"
        shutil.rmtree(whoosh, ignore_errors=True)
        shutil.rmtree(output / "pagefind", ignore_errors=True)
        browser_s = timed(lambda: write_browser_index(documents, output / "search"))
        whoosh_s = timed(lambda: update_index(whoosh, documents))
        again_s = timed(lambda: update_index(whoosh, documents))
        edited = [replace(documents[0], body=documents[0].body + " Edited."), *documents[1:]]
        edit_s = timed(lambda: update_index(whoosh, edited))
        print(
            f"browser index {browser_s:.1f} s; Whoosh {whoosh_s:.1f} s fresh, "
            f"{again_s:.1f} s unchanged, {edit_s:.1f} s after one edit",
            flush=True,
        )
        pagefind = [sys.executable, "-m", "pagefind", "--site", str(output)]
        pagefind_s = timed(
            lambda: subprocess.run([*pagefind, "--glob", "articles/*.html"], check=True)
        )
        (output / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        texts = queries(documents)
        with served(output) as base, chromium() as browser:
            our_first, our_repeat = ours_in_browser(browser, base, texts)
            pf_first, pf_repeat = pagefind_in_browser(browser, base, texts)
        our_bytes, our_files = folder_size(output / "search")
        pf_bytes, pf_files = folder_size(output / "pagefind")
        rows = [
            Row("ours (browser)", browser_s, our_first, our_bytes, our_files, our_repeat),
            Row("Pagefind 1.5", pagefind_s, pf_first, pf_bytes, pf_files, pf_repeat),
        ]
        for kb in [int(k) for k in args.layouts.split(",") if k]:
            built = timed(
                lambda kb=kb: write_browser_index(documents, output / "search", kb * 1000)
            )
            with served(output) as base, chromium() as browser:
                first, repeat = ours_in_browser(browser, base, texts)
            size, count = folder_size(output / "search")
            rows.append(Row(f"ours, {kb} KB term shards", built, first, size, count, repeat))
        print(table(args.articles, rows))
        print(
            f"\nWhoosh: {whoosh_s:.1f} s fresh, {again_s:.2f} s unchanged, {edit_s:.2f} s one edit;"
        )
        print(f"{folder_size(whoosh)[0] / 1e6:.1f} MB in {folder_size(whoosh)[1]} files")
        print(f"queries ({len(texts)}): {', '.join(texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
