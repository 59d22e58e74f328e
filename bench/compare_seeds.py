"""The comparison and the reuse detection on the shipped articles, printed for a reader.

Reads ``content/articles/*.md`` as the site does (Markdown with paragraph ids,
entity mentions from ``content/data/entities.yaml``), aligns the sentences of the
articles whose slugs start with one of ``--event`` prefixes (by default the four
reports of the Xi–Putin call of 25 August 2021), and runs reuse detection over all
articles.

    python bench/compare_seeds.py [--event PREFIX ...] [--min-words N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.compare.align import Comparison, SourceReport, align, sentence_passages
from archive.compare.reuse import ArticleText, Cluster, ReuseOptions, find_reuse, reuse_json
from archive.entities.mentions import Matcher
from archive.entities.registry import load_registry
from archive.site.markdown import renderer, split_front_matter
from archive.site.text import paragraphs

ROOT = Path(__file__).resolve().parents[1]
XI_PUTIN = ("2021-08-25-", "2021-08-26-", "2021-08-29-")


def read_articles(folder: Path) -> list[ArticleText]:
    """Every article's paragraphs as the site numbers them."""
    md = renderer()
    out = []
    for path in sorted(folder.glob("*.md")):
        document = split_front_matter(path.read_text(encoding="utf-8"), path)
        slug = str(document.meta.get("slug") or path.stem)
        blocks = paragraphs(md.render(document.body))
        out.append(ArticleText(slug, tuple((b.id, b.text) for b in blocks)))
    return out


def reports(
    articles: list[ArticleText], prefixes: tuple[str, ...], matcher: Matcher
) -> list[SourceReport]:
    """Every sentence of the chosen articles, with the entities mentioned in it."""
    out = []
    for article in articles:
        if not article.slug.startswith(prefixes):
            continue
        ids = [ident for ident, _ in article.paragraphs]
        mentions = [
            (ids[m.paragraph], m.start, m.end, m.entity_id)
            for m in matcher.find([text for _, text in article.paragraphs])
        ]
        passages = sentence_passages(article.paragraphs, mentions)
        out.append(SourceReport(article.slug, article.paragraphs, passages))
    return out


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_comparison(comparison: Comparison) -> None:
    names = {slug: f"[{i + 1}]" for i, slug in enumerate(comparison.articles)}
    for slug, name in names.items():
        print(f"{name} {slug}")
    shared = [r for r in comparison.rows if len(r.cells) > 1]
    print(f"\n{len(comparison.rows)} rows: {len(shared)} claims in two or more sources\n")
    for row in shared:
        print(
            f"claim ({len(row.cells)} sources; missing from {', '.join(names[a] for a in comparison.articles if a not in row.articles) or 'none'})"
        )
        for cell in row.cells:
            credit = "; ".join(f"{a.who} ({a.cue})" for a in cell.sentence.attributions)
            print(f"  {names[cell.sentence.article]} {cell.score:.2f} {_short(cell.sentence.text)}")
            if credit:
                print(f"       credited to: {credit}")
            changes = [op for op in cell.diff if op.op != "equal"]
            for op in changes[:4]:
                print(f"       {op.op}: {op.reference!r} -> {op.text!r}")
        print()


def print_reuse(clusters: list[Cluster], articles: list[ArticleText]) -> None:
    texts = {(a.slug, ident): text for a in articles for ident, text in a.paragraphs}
    print(f"{len(clusters)} reuse clusters")
    for cluster in clusters:
        print(f"{cluster.id}: {cluster.words} words")
        for member in cluster.members:
            span = member.spans[0]
            excerpt = texts[(member.article, span.paragraph)][span.start : span.end]
            print(f"  {member.article} {span.paragraph} ({member.words} words): {_short(excerpt)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--event", nargs="*", default=list(XI_PUTIN), help="slug prefixes")
    parser.add_argument("--min-words", type=int, default=ReuseOptions().min_words)
    parser.add_argument("--json", action="store_true", help="print the JSON data instead")
    args = parser.parse_args(argv)
    articles = read_articles(args.content / "articles")
    matcher = Matcher(load_registry(args.content / "data" / "entities.yaml"))
    comparison = align(reports(articles, tuple(args.event), matcher))
    options = ReuseOptions(min_words=args.min_words)
    clusters = find_reuse(articles, options)
    if args.json:
        data = {"comparison": comparison.to_dict(), "reuse": reuse_json(clusters, options)}
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print_comparison(comparison)
    print_reuse(clusters, articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
