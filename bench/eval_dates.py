"""The date reader against the field's benchmark: TempEval-3's TimeML training data.

For each corpus of ``<shared>/timeml/`` (TimeBank, AQUAINT), every document's
text is read by :func:`archive.dates.find_time_expressions` against its DCT
(sentence by sentence, as the event extractor reads articles) and scored as
TempEval-3 does (:mod:`archive.dates.timeml`): strict and relaxed extraction
P/R/F1, value accuracy on the relaxed matches, value F1 = accuracy × relaxed
F1, for DATE expressions alone and for all TIMEX3 types. The error table counts
missed, spurious and wrong-value expressions by coarse class.

    python bench/eval_dates.py [--shared ../shared] [--json results.json] [--examples N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.dates.timeml import Scores, read_corpus, rules_system, score  # noqa: E402

CORPORA = ("TimeBank", "AQUAINT")
SCOPES = {"DATE": frozenset({"DATE"}), "all": None}
COLUMNS = (
    *("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1"),
    *("value_accuracy", "value_f1"),
)


def evaluate(shared: Path) -> dict[str, dict[str, Scores]]:
    results: dict[str, dict[str, Scores]] = {}
    for corpus in CORPORA:
        folder = shared / "timeml" / corpus
        if not folder.is_dir():
            sys.exit(f"{folder}: no such folder (pass --shared PATH to the shared data)")
        documents = read_corpus(folder)
        results[corpus] = {
            name: score(documents, rules_system, types) for name, types in SCOPES.items()
        }
    return results


def table(results: dict[str, dict[str, Scores]]) -> str:
    lines = ["| corpus | scope | gold | found | " + " | ".join(COLUMNS) + " |"]
    lines.append("|" + "---|" * (len(COLUMNS) + 4))
    for corpus, scopes in results.items():
        for scope, scores in scopes.items():
            figures = scores.figures()
            cells = [corpus, scope, str(scores.gold), str(scores.system)]
            lines.append("| " + " | ".join(cells + [f"{figures[c]:.1f}" for c in COLUMNS]) + " |")
    return "\n".join(lines)


def error_table(results: dict[str, dict[str, Scores]]) -> str:
    """Errors of all types by kind and class, per corpus."""
    kinds = ("missed", "spurious", "wrong value")
    lines = ["| corpus | class | " + " | ".join(kinds) + " |", "|---|---|---|---|---|"]
    for corpus, scopes in results.items():
        errors: Counter[tuple[str, str]] = scopes["all"].errors
        for name in sorted({c for _, c in errors}, key=lambda c: -sum(errors[k, c] for k in kinds)):
            counts = [str(errors[kind, name]) for kind in kinds]
            lines.append(f"| {corpus} | {name} | " + " | ".join(counts) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", type=Path, help="write figures, errors and examples here")
    parser.add_argument("--examples", type=int, default=0, help="print N error examples")
    args = parser.parse_args(argv)
    results = evaluate(args.shared)
    print(table(results), "", error_table(results), sep="\n")
    examples = [e | {"corpus": c} for c, s in results.items() for e in s["all"].examples]
    for example in examples[: args.examples]:
        print(json.dumps(example, ensure_ascii=False))
    if args.json:
        document: dict[str, object] = {
            corpus: {
                scope: {"figures": s.figures(), "errors": [[*k, n] for k, n in s.errors.items()]}
                for scope, s in scopes.items()
            }
            for corpus, scopes in results.items()
        }
        document["examples"] = examples
        args.json.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
