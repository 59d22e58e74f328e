"""The editors' report of names the registry does not know yet (``invoke entities``).

Reads the articles as the site shows them (the same Markdown rendering, the same
paragraphs) and lists the recurring capitalised names no alias covers, so that an
editor can decide which to register. Nothing here reaches a page.
"""

from __future__ import annotations

from pathlib import Path

from archive.errors import ContentError
from archive.markdown import renderer, split_front_matter
from archive.mentions import Candidate, candidates
from archive.registry import load_registry
from archive.text import paragraphs

EXAMPLE_WIDTH = 100


def article_paragraphs(folder: Path) -> dict[str, list[str]]:
    """Each article's slug with the plain text of its paragraphs."""
    md = renderer()
    found = {}
    for path in sorted(folder.glob("*.md")):
        document = split_front_matter(path.read_text(encoding="utf-8"), path)
        slug = str(document.meta.get("slug") or path.stem)
        found[slug] = [block.text for block in paragraphs(md.render(document.body))]
    return found


def describe(candidate: Candidate) -> str:
    """One candidate as a line of the report, with its example sentence."""
    example = " ".join(candidate.example.split())
    if len(example) > EXAMPLE_WIDTH:
        example = example[: EXAMPLE_WIDTH - 1].rsplit(" ", 1)[0] + " …"
    where = f"{len(candidate.articles)} article{'s' * (len(candidate.articles) != 1)}"
    return f"{candidate.count:>4}  {candidate.name}  ({where})\n      e.g. {example}  [{candidate.example_article}]"


def run_candidates(articles_dir: Path, registry_path: Path) -> int:
    """Print the report; 1 when the registry or an article cannot be read."""
    try:
        registry = load_registry(registry_path)
        found = candidates(article_paragraphs(articles_dir), registry)
    except ContentError as error:
        print(error)
        return 1
    if not found:
        print("Every recurring capitalised name is registered.")
        return 0
    print(f"{len(found)} names recur in the articles but are not in {registry_path}:")
    for candidate in found:
        print(describe(candidate))
    return 0
