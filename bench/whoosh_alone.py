"""The least a Whoosh index of the archive can cost: a plain schema over the articles' text.

One ``ID`` and one default ``TEXT`` field (Whoosh's standard analyser, positions
kept), every article's Markdown body added in one writer and committed once: no
entities, snippets or phrase field. ``bench_build.py`` runs it beside plain
Pelican on the same articles, so that the project's cold build can be set against
what its search index alone must cost.

    python bench/whoosh_alone.py ARTICLES_FOLDER INDEX_FOLDER
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from whoosh import fields, index


def build(articles: Path, folder: Path) -> int:
    """Index every ``*.md`` of ``articles`` into a new index in ``folder``; the count."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    schema = fields.Schema(path=fields.ID(stored=True, unique=True), content=fields.TEXT)
    writer = index.create_in(folder, schema).writer()
    paths = sorted(articles.glob("*.md"))
    for path in paths:
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]  # after the front matter
        writer.add_document(path=path.name, content=body)
    writer.commit()
    return len(paths)


if __name__ == "__main__":
    print(f"{build(Path(sys.argv[1]), Path(sys.argv[2]))} articles indexed")
