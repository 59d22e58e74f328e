"""What ingest took out of a clipping: kept beside its article, and explained line by line.

Nothing removed is lost. Every line that is not in the article's text is
listed, with the rule that removed it, in ``<slug>.removed.yaml`` next to the
article (a file ingest owns and rewrites; the article itself stays as the
editor leaves it), and ``invoke ingest --explain FILE`` prints every line of a
clipping, kept or removed, with its rule and the header fields read from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from archive.ingest.clipping import Clipping
from archive.ingest.layout import Decision

RECORD_SUFFIX = ".removed.yaml"
_HEADER = """\
# The lines of the clipping that are not in the text of the article
#   {article}
# with the rule that took each out (headline, byline, date line and standfirst
# lines went into the front matter as title, author, date and summary).
# Written by `invoke ingest`, which rewrites this file: edit the article instead.
# To put a line back, copy it into the article's text (ingest never overwrites
# an edited article), or add a `keep:` pattern for it to content/data/furniture.txt
# and import again. `invoke ingest --explain FILE` shows every line and its rule.
"""
_RULE_WIDTH = 24


def removed_lines(decisions: Sequence[Decision]) -> list[Decision]:
    """The decisions that took text out, in line order."""
    return [decision for decision in decisions if not decision.kept]


def render_record(clipping: Clipping, source_file: str, article: str) -> str:
    """The ``<slug>.removed.yaml`` text for ``clipping``."""
    entries = [
        {"line": d.line, "rule": d.rule, "text": d.text} for d in removed_lines(clipping.decisions)
    ]
    body = yaml.safe_dump(
        {"clipping": source_file, "removed": entries},
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
    )
    return _HEADER.format(article=article) + body


def record_path(article: Path) -> Path:
    """Where the record of ``article`` (``…/<slug>.md``) is kept."""
    return article.with_name(article.stem + RECORD_SUFFIX)


def explain(clipping: Clipping, path: str | Path) -> list[str]:
    """Every line of the clipping, kept or removed and by which rule, under its header fields."""
    fields = [
        (
            "title",
            f"{clipping.title}" + (" (derived from the lead)" if clipping.title_derived else ""),
        ),
        ("author", clipping.author),
        ("date", f"{clipping.date.isoformat()} (from '{clipping.date_text}')"),
        ("updated", clipping.updated.isoformat() if clipping.updated else ""),
        ("source", clipping.source),
        ("summary", clipping.summary),
    ]
    lines = [f"{path} (read as {clipping.encoding})"]
    lines += [f"  {name}: {value}" for name, value in fields if value]
    lines += [f"  note: {warning}" for warning in clipping.warnings]
    width = max((len(str(d.line)) for d in clipping.decisions), default=1)
    for d in clipping.decisions:
        verdict = "kept   " if d.kept else "removed"
        lines.append(f"{d.line:>{width}} {verdict} {d.rule:<{_RULE_WIDTH}} {d.text}")
    kept = sum(d.kept for d in clipping.decisions)
    lines.append(f"{kept} lines kept, {len(clipping.decisions) - kept} removed")
    return lines
