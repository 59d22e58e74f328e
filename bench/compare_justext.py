"""jusText's classifier against ours, on the same line blocks of the gold corpus.

jusText (PyPI ``justext``) classifies the paragraphs of an HTML page as content
or boilerplate from their length, stop-word density and link density, then
revises short and near-good ones by their neighbours. A clipping has no markup,
so each of our units (a line, or hard-wrapped lines joined; see
``archive.ingest.layout.units``) becomes one ``<p>``: both classifiers see the
same blocks, and only the decision differs. Scored per line against the gold:
furniture lines kept (leaked) and article lines dropped, with and without the
editors' pattern file applied first.

    python bench/compare_justext.py [--corpus DIR] [--json]
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import justext  # type: ignore[import-untyped]  # noqa: E402
from eval_ingest import CORPUS, FURNITURE, gold_lines, tidy  # noqa: E402

from archive.ingest.clipping import prepare  # noqa: E402
from archive.ingest.furniture import Furniture, load_furniture  # noqa: E402
from archive.ingest.layout import lay_out, units  # noqa: E402

STOPLIST = justext.get_stoplist("English")


# jusText's defaults are set for web pages; the second setting suits shorter news paragraphs.
SETTINGS = {
    "jusText (defaults)": {},
    "jusText (length 30/100)": {"length_low": 30, "length_high": 100},
}


def justext_kept(blocks: list[str], settings: dict[str, int]) -> list[bool]:
    """jusText's verdict (not boilerplate) for each block, in order."""
    page = "<html><body>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), STOPLIST, **settings)
    if len(paragraphs) != len(blocks):
        raise RuntimeError(f"jusText returned {len(paragraphs)} paragraphs for {len(blocks)}")
    return [not paragraph.is_boilerplate for paragraph in paragraphs]


def score(gold_path: Path, furniture: Furniture) -> dict[str, dict[str, int]]:
    """Lines leaked and removed by each classifier for one clipping."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    clipping = gold_path.with_name(gold["clipping"])
    raw = clipping.read_bytes()
    text = raw.decode(gold["encoding"]).removeprefix("\ufeff")
    article = {line: is_article for line, is_article in gold_lines(text, gold)}
    lines, ghosts, everything = prepare(raw, clipping.name, furniture)
    blocks = [unit for unit in units(lines, ghosts) if not unit.ghost]
    kept_by: dict[str, set[int]] = {}
    for name, settings in SETTINGS.items():
        verdicts = justext_kept([unit.text for unit in blocks], settings)
        kept_by[name] = {ln.number for unit, kept in zip(blocks, verdicts, strict=True) if kept
                         for ln in unit.lines}  # fmt: skip
    kept_by["ours"] = {d.line for d in lay_out(lines, ghosts, everything).decisions if d.kept}
    result = {}
    for name, kept in kept_by.items():
        counts = {"leaked": 0, "removed": 0}
        for line in lines:
            label = article.get(tidy(line.text))
            if label is None:
                continue
            if label and line.number not in kept:
                counts["removed"] += 1
            if not label and line.number in kept:
                counts["leaked"] += 1
        result[name] = counts
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table (or JSON)."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--corpus", type=Path, default=CORPUS)
    options.add_argument("--json", action="store_true")
    args = options.parse_args(argv)
    golds = sorted(args.corpus.rglob("*.gold.yaml"))
    totals: dict[str, Any] = {}
    for patterns, furniture in (("yes", load_furniture(FURNITURE)), ("no", Furniture(()))):
        for path in golds:
            for name, counts in score(path, furniture).items():
                entry = totals.setdefault(f"{name}|{patterns}", {"leaked": 0, "removed": 0})
                for key, value in counts.items():
                    entry[key] += value
    if args.json:
        print(json.dumps(totals, indent=2))
        return 0
    print(
        "| classifier | editors' patterns first | furniture lines leaked | article lines removed |"
    )
    print("| --- | --- | --- | --- |")
    for key, counts in totals.items():
        name, patterns = key.split("|")
        print(f"| {name} | {patterns} | {counts['leaked']} | {counts['removed']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
