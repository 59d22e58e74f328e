"""Recall of planted reused passages, false clusters, and time of reuse detection.

The archive is ``reuse_corpus.synthetic_archive`` (its docstring says what is
planted and how the copies are edited). Two copies of a planted passage share the
stretch from the first to the last original word both kept. A copy is *found*
when one reported cluster has a member covering at least ``COVERED`` of the
characters it shares with another copy, and a member covering ``COVERED`` of that
other copy's share. A cluster is *false* unless two of its members lie, each for
at least half of its characters, in two copies of one planted passage (a cluster
that finds only part of a passage is no false one; it costs recall). The time is that of ``find_reuse`` alone, on one core, text in memory.

    python bench/eval_reuse.py --articles 1000,10000 [--seed 1]
    python bench/eval_reuse.py --articles 10000 --generated [--shared ../shared]

``--generated`` times the archive of ``bench/generate.py`` instead (the one the
build benchmark builds), which has no planted truth: its order-2 Markov chain
over a few seed clippings copies runs of 25 words and more from them, so the
clusters it reports are real shared text, counted but not scored.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_corpus import Planted, SyntheticArchive, synthetic_archive

from archive.compare.reuse import ArticleText, Cluster, Member, Span, find_reuse

ROOT = Path(__file__).resolve().parents[1]
COVERED = 0.8


@dataclass(frozen=True)
class ReuseScore:
    """Counts of one evaluation."""

    copies: int
    found: int
    passages: int
    passages_whole: int  # planted passages with every copy found in one cluster
    clusters: int
    false_clusters: int

    @property
    def recall(self) -> float:
        return self.found / self.copies if self.copies else 1.0


def _inside(member: Member, slug: str, span: Span) -> int:
    """Characters of ``member`` within ``span`` of article ``slug``."""
    if member.article != slug:
        return 0
    return sum(
        max(0, min(s.end, span.end) - max(s.start, span.start))
        for s in member.spans
        if s.paragraph == span.paragraph
    )


def _covers(member: Member, slug: str, span: Span) -> bool:
    return _inside(member, slug, span) >= COVERED * (span.end - span.start)


def _belongs(cluster: Cluster, planted: Planted) -> bool:
    """Two members lie mostly within copies of ``planted``."""
    within = 0
    for member in cluster.members:
        size = sum(s.end - s.start for s in member.spans)
        inside = max(_inside(member, c.article, c.span) for c in planted.copies)
        within += 2 * inside >= size
    return within >= 2


def _found(cluster: Cluster, planted: Planted) -> set[int]:
    """The copies of ``planted`` the cluster finds, each with another copy."""
    found = set()
    for (i, a), (j, b) in combinations(enumerate(planted.copies), 2):
        share_a, share_b = a.shared_with(b), b.shared_with(a)
        if (
            share_a.end > share_a.start
            and share_b.end > share_b.start
            and any(_covers(m, a.article, share_a) for m in cluster.members)
            and any(_covers(m, b.article, share_b) for m in cluster.members)
        ):
            found |= {i, j}
    return found


def evaluate(archive: SyntheticArchive, clusters: Sequence[Cluster]) -> ReuseScore:
    """Recall of planted copies and false clusters (module docstring)."""
    by_article: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for member in cluster.members:
            by_article.setdefault(member.article, []).append(cluster)
    true_clusters: set[str] = set()
    found = whole = 0
    for planted in archive.planted:
        near = {c.id: c for copy in planted.copies for c in by_article.get(copy.article, [])}
        hits = {cid: _found(c, planted) for cid, c in near.items()}
        true_clusters |= {cid for cid, c in near.items() if _belongs(c, planted)}
        found += len(set().union(*hits.values()))
        whole += any(len(hit) == len(planted.copies) for hit in hits.values())
    copies = sum(len(p.copies) for p in archive.planted)
    false = sum(1 for c in clusters if c.id not in true_clusters)
    return ReuseScore(copies, found, len(archive.planted), whole, len(clusters), false)


def run(n: int, seed: int) -> tuple[ReuseScore, float, float, int]:
    """Score, wall and CPU seconds of reuse detection on ``n`` articles; their words."""
    archive = synthetic_archive(n, seed)
    started, cpu = time.perf_counter(), time.process_time()
    clusters = find_reuse(archive.articles)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return evaluate(archive, clusters), seconds, cpu, archive.words


def run_generated(n: int, shared: Path) -> None:
    """Time reuse detection on the build benchmark's archive (no planted truth)."""
    import generate

    articles = [
        ArticleText(a.slug, tuple((f"p{i + 1}", p) for i, p in enumerate(a.paragraphs)))
        for a in generate.articles(n, 1, shared / "seeds")
    ]
    started, cpu = time.perf_counter(), time.process_time()
    clusters = find_reuse(articles)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    members = sum(len(c.members) for c in clusters)
    print(
        f"reuse (generate.py archive): {n} articles, {len(clusters)} clusters of "
        f"{members} passages, {seconds:.2f} s ({cpu:.2f} s CPU)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="1000,10000", help="archive sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--generated", action="store_true", help="time generate.py's archive")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    for n in (int(x) for x in str(args.articles).split(",")):
        if args.generated:
            run_generated(n, args.shared)
            continue
        score, seconds, cpu, words = run(n, args.seed)
        print(
            f"reuse: {n} articles ({words / 1e6:.2f} M words), {score.passages} planted passages "
            f"in {score.copies} copies: recall {score.recall:.3f} ({score.found}/{score.copies}), "
            f"whole passages {score.passages_whole}/{score.passages}, clusters {score.clusters}, "
            f"false clusters {score.false_clusters}, {seconds:.2f} s ({cpu:.2f} s CPU)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
