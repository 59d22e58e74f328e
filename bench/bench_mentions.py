"""What entity matching costs on a synthetic archive, for each of the two scanners.

The archive is made of the seed articles' own sentences, reshuffled (a fixed random
seed, so every run sees the same text): the same names, the same density of
mentions, and bare surnames that now often come before any full mention. Timed:
reading and checking the registry, building the matcher, and finding the mentions
of every article. Both scanners must find the same mentions; the faster one is the
default in ``archive.entities.mentions``.

    python bench/bench_mentions.py --articles 5000 [--seeds content/articles]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.entities.mentions import AutomatonScanner, Matcher, Mention, RegexScanner, Scanner  # noqa: E402
from archive.entities.registry import Claim, load_registry  # noqa: E402
from archive.site.markdown import split_front_matter  # noqa: E402
from archive.site.text import sentences  # noqa: E402

SCANNERS: dict[str, Callable[[Mapping[str, Claim]], Scanner]] = {
    "automaton": AutomatonScanner,
    "regex": RegexScanner,
}


def seed_articles(folder: Path) -> list[list[str]]:
    """The paragraphs of each seed text (Markdown articles or raw clippings)."""
    articles = []
    for path in sorted([*folder.glob("*.md"), *folder.glob("*.txt")]):
        body = split_front_matter(path.read_text(encoding="utf-8"), path).body
        articles.append([p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()])
    return articles


def synthetic_archive(seeds: list[list[str]], count: int, seed: int) -> list[list[str]]:
    """``count`` articles shaped like random seed articles, of random seed sentences."""
    rng = random.Random(seed)
    pool = [p[start:end] for article in seeds for p in article for start, end in sentences(p)]
    archive = []
    for _ in range(count):
        template = rng.choice(seeds)
        archive.append(
            [" ".join(rng.choice(pool) for _ in sentences(p)) or rng.choice(pool) for p in template]
        )
    return archive


def run(registry_path: Path, archive: list[list[str]], scanner: str) -> list[list[Mention]]:
    """Everything the build does for entity matching: load, check, index, match."""
    matcher = Matcher(load_registry(registry_path), SCANNERS[scanner])
    return [matcher.find(paragraphs) for paragraphs in archive]


def agreed_mentions(registry_path: Path, archive: list[list[str]]) -> int:
    """How many mentions both scanners find, article by article; exits if they differ."""
    registry = load_registry(registry_path)
    automaton, regex = Matcher(registry, AutomatonScanner), Matcher(registry, RegexScanner)
    count = 0
    for paragraphs in archive:
        found = automaton.find(paragraphs)
        if found != regex.find(paragraphs):
            sys.exit(f"the two scanners disagree on {paragraphs[0][:60]!r}...")
        count += len(found)
    return count


def best_of(repeats: int, action: Callable[[], object]) -> tuple[float, float]:
    """The fastest of ``repeats`` runs of ``action``: wall-clock and CPU seconds.

    CPU time is the steadier figure on a machine other jobs share.
    """
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seeds", type=Path, default=ROOT / "content" / "articles")
    parser.add_argument("--registry", type=Path, default=ROOT / "content/data/entities.yaml")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--build-seconds", type=float, help="a plain build's time, to compare")
    args = parser.parse_args()
    seeds = seed_articles(args.seeds)
    if not seeds:
        sys.exit(f"no seed texts in {args.seeds}: run `invoke ingest` or pass --seeds")
    archive = synthetic_archive(seeds, args.articles, args.seed)
    size = sum(len(p) for article in archive for p in article)
    print(f"{len(archive)} articles, {size / 1e6:.1f} MB of text, from {len(seeds)} seeds")
    mentions = agreed_mentions(args.registry, archive)
    print(f"{mentions} mentions ({mentions / len(archive):.1f} per article), same for both")
    loading, _ = best_of(args.repeats, lambda: load_registry(args.registry))
    print(f"registry load and check alone: {loading * 1000:.0f} ms")
    for name in SCANNERS:
        wall, cpu = best_of(args.repeats, lambda name=name: run(args.registry, archive, name))
        per_article = wall * 1000 / len(archive)
        share = f", {wall / args.build_seconds:.1%} of the build" if args.build_seconds else ""
        print(
            f"{name:>9}: {wall * 1000:6.0f} ms total ({cpu * 1000:.0f} ms CPU), "
            f"{per_article:.3f} ms per article{share}"
        )


if __name__ == "__main__":
    main()
