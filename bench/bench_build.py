"""Build at scale: the project against plain Pelican on one synthetic archive, cold and warm.

Generates one archive (``generate.py``) and builds it, in the same run, with plain
Pelican 4.12 + ``pelican-markdown-it-reader`` (the baseline: Pelican's default
theme, no plugin of ours) and with the project's settings and plugin. Each engine
is built cold (no output, no cache), then again with nothing changed, after one
note edit, after one article edit and after one registry edit, each in a child
process whose peak memory (``ru_maxrss``) is taken from ``wait4``. The project's
builds also report seconds per stage (the plugin's timing hook, ``BRIEFING_TIMINGS``).
Two more baselines bound what the project can reach: plain Pelican again with
its own content cache on (``plain cached``: the least a rebuild on Pelican
costs, since Pelican re-renders every page) and ``whoosh_alone.py``, a plain
Whoosh schema over the same articles (the least the search index costs). Prints
a table and saves ``bench/results/build-N.json``.

    python bench/bench_build.py --articles 2000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import write  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ENGINES = ("plain", "plain cached", "project")
STEPS = ("cold", "nothing changed", "note edit", "article edit", "registry edit")
PLAIN_SETTINGS = """\
SITENAME = "Plain"
PATH = {content!r}
ARTICLE_PATHS = ["articles"]
TIMEZONE = "UTC"
PLUGINS = ["pelican.plugins.markdown_it_reader"]
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CACHE_PATH = {cache!r}
"""
# Pelican's own caching at its strongest: what a rebuild on Pelican can cost at least.
CACHED_SETTINGS = """\
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
CONTENT_CACHING_LAYER = "generator"
"""
NOTE = """\
---
article: {slug}
title: A note for the benchmark
author: Benchmark
date: 2026-12-01
---

{body}
"""


@dataclass
class Build:
    """One build: wall and CPU seconds, the child's peak memory, the plugin's stage seconds."""

    step: str
    seconds: float
    cpu_seconds: float  # user + system: steadier than wall time on a shared machine
    peak_mb: float
    stages: dict[str, float] = field(default_factory=dict)


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall and CPU seconds and peak resident memory (MB) of one child; exits if it fails."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if child.returncode:
        code = child.returncode
        why = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        sys.exit(f"build failed, {why} ({' '.join(command)}):\n{output[-4000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def pelican(content: Path, output: Path, settings: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output),
        "--log-handler", "plain", *extra,
    ]  # fmt: skip


class Engine:
    """One way of building the archive, with its own output and cache folders."""

    def __init__(self, name: str, work: Path, content: Path) -> None:
        self.name = name
        self.content = content
        self.output = work / f"out-{name}"
        self.cache = work / f"cache-{name}"
        self.timings = work / f"timings-{name}.json"
        if name.startswith("plain"):
            self.settings = work / f"{name.replace(' ', '-')}.py"
            text = PLAIN_SETTINGS.format(content=str(content), cache=str(self.cache / "pelican"))
            text += CACHED_SETTINGS if name == "plain cached" else ""
            self.settings.write_text(text, encoding="utf-8")
            self.extra: list[str] = []
        else:
            self.settings = ROOT / "pelicanconf.py"
            self.extra = [
                "-e", f'ARCHIVE_CACHE="{self.cache}"',
                f'BRIEFING_TIMINGS="{self.timings}"',
            ]  # fmt: skip

    def build(self, step: str) -> Build:
        if step == "cold":
            shutil.rmtree(self.output, ignore_errors=True)
            shutil.rmtree(self.cache, ignore_errors=True)
        self.timings.unlink(missing_ok=True)
        seconds, cpu, peak = run(pelican(self.content, self.output, self.settings, *self.extra))
        stages = json.loads(self.timings.read_text()) if self.timings.exists() else {}
        return Build(step, round(seconds, 2), round(cpu, 2), round(peak, 1), stages)


def edits(content: Path, slug: str) -> dict[str, Callable[[], None]]:
    """What each warm step changes before it builds (one file each)."""
    note = content / "notes" / "bench-note.md"
    article = content / "articles" / f"{slug}.md"
    registry = content / "data" / "entities.yaml"

    def edit_note() -> None:
        note.write_text(NOTE.format(slug=slug, body="The note, edited."), encoding="utf-8")

    def edit_article() -> None:
        article.write_text(article.read_text() + "\nA sentence added by an editor.\n")

    def edit_registry() -> None:
        text = registry.read_text(encoding="utf-8")
        registry.write_text(text.replace("role: ", "role: Acting ", 1), encoding="utf-8")

    return {
        "nothing changed": lambda: None,
        "note edit": edit_note,
        "article edit": edit_article,
        "registry edit": edit_registry,
    }


def prepare(work: Path, articles: int) -> tuple[Path, str]:
    content = work / "content"
    shutil.copytree(ROOT / "content" / "data", content / "data")
    # The shipped corrections name events of the shipped articles, not of these.
    (content / "data" / "corrections.yaml").write_text("[]\n", encoding="utf-8")
    paths = write(articles, content / "articles")
    slug = sorted(paths)[len(paths) // 2].stem
    (content / "notes").mkdir()
    note = NOTE.format(slug=slug, body="The note as first written.")
    (content / "notes" / "bench-note.md").write_text(note, encoding="utf-8")
    return content, slug


def table(results: dict[str, list[Build]]) -> str:
    wall, cpu = results["plain"][0].seconds, results["plain"][0].cpu_seconds
    lines = [f"{'step':<17}{'plain s':>8}{'project s':>10}{'×':>6}{'plain cpu':>10}"
             f"{'project cpu':>12}{'×':>6}{'MB plain':>9}{'MB project':>11}"]  # fmt: skip
    for plain, project in zip(results["plain"], results["project"], strict=True):
        lines.append(
            f"{plain.step:<17}{plain.seconds:>8.2f}{project.seconds:>10.2f}"
            f"{project.seconds / wall:>6.2f}{plain.cpu_seconds:>10.2f}{project.cpu_seconds:>12.2f}"
            f"{project.cpu_seconds / cpu:>6.2f}{plain.peak_mb:>9.0f}{project.peak_mb:>11.0f}"
        )
    for build in results.get("plain cached", []):
        lines.append(
            f"  plain, Pelican's content cache on, {build.step}: {build.cpu_seconds:.2f} CPU s "
            f"({build.cpu_seconds / cpu:.2f} × plain cold), {build.peak_mb:.0f} MB"
        )
    for alone in results.get("whoosh alone", []):
        lines.append(
            f"{'Whoosh alone':<17}{'':>8}{alone.seconds:>10.2f}{alone.seconds / wall:>6.2f}"
            f"{'':>10}{alone.cpu_seconds:>12.2f}{alone.cpu_seconds / cpu:>6.2f}{'':>9}"
            f"{alone.peak_mb:>11.0f}"
        )
    for build in results["project"]:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in build.stages.items())
        lines.append(f"  project {build.step}: {stages}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args(argv)
    results: dict[str, list[Build]] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(f"generating {args.articles} articles …", flush=True)
        content, slug = prepare(work, args.articles)
        pristine = work / "pristine"
        shutil.copytree(content, pristine)
        alone = run([sys.executable, str(ROOT / "bench" / "whoosh_alone.py"),
                     str(content / "articles"), str(work / "whoosh-alone")])  # fmt: skip
        results["whoosh alone"] = [Build("cold", *(round(v, 2) for v in alone))]
        print(f"  {asdict(results['whoosh alone'][0])}", flush=True)
        for name in ENGINES:
            shutil.rmtree(content)
            shutil.copytree(pristine, content)
            engine = Engine(name, work, content)
            changes = edits(content, slug)
            results[name] = []
            for step in STEPS:
                changes.get(step, lambda: None)()
                print(f"{name}: {step} …", flush=True)
                results[name].append(engine.build(step))
                print(f"  {asdict(results[name][-1])}", flush=True)
                save(args.articles, results)  # a long run cut short keeps what it measured
    print(table(results))
    print("(× is of plain Pelican's cold build; stage seconds are the build process's wall time)")
    print(f"saved {save(args.articles, results).relative_to(ROOT)}")
    return 0


def save(articles: int, results: dict[str, list[Build]]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"build-{articles}.json"
    data = {"articles": articles, **{k: [asdict(b) for b in v] for k, v in results.items()}}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
