"""What the editors' patterns cost on RE2 against Python's ``re``, and why RE2.

Two measurements:

1. a pathological pattern, ``(a+)+$``, against ``n`` a's and a ``!``: ``re``
   backtracks (each extra ``a`` doubles its time), RE2 stays linear;
2. the shipped furniture patterns over every line of the clippings in
   ``tests/fixtures/corpus`` (whole-line matches and tail searches), both engines,
   with the count of lines each removes (they must agree).

    python bench/bench_patterns.py [--longest 22]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.core.patterns import compile_pattern, compile_tail  # noqa: E402


def seconds(run: object) -> float:
    started = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - started


def pathological(longest: int) -> None:
    slow = re.compile(r"(a+)+$")
    safe = compile_pattern(r"(a+)+$", "bench", 1)
    print("n   re (s)     RE2 (s)")
    for n in range(longest - 6, longest + 1, 2):
        text = "a" * n + "!"
        backtracking = seconds(lambda text=text: slow.fullmatch(text))
        linear = seconds(lambda text=text: safe.fullmatch(text))
        print(f"{n:<3} {backtracking:<10.4f} {linear:.6f}")


def shipped(corpus: Path) -> None:
    rules = []
    for number, line in enumerate(
        (ROOT / "content/data/furniture.txt").read_text().splitlines(), 1
    ):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, rest = line.partition(":")
        kind, pattern = (kind, rest.strip()) if kind in ("tail", "block") else ("line", line)
        tail = kind == "tail"
        ours = compile_tail(pattern, "f", number) if tail else compile_pattern(pattern, "f", number)
        theirs = re.compile(rf"(?:^|(?<=[\s.!?\"”’]))(?:{pattern})$" if tail else pattern, re.I)
        rules.append((tail, ours, theirs))
    lines = [
        s.strip()
        for p in sorted(corpus.glob("*.txt"))
        for s in p.read_bytes().decode("utf-8", "replace").splitlines()
    ]
    lines = [line for line in lines if line]

    def count(engine: int) -> int:
        hits = 0
        for line in lines:
            for tail, ours, theirs in rules:
                if tail:
                    hit = ours.tail_start(line) is not None if engine else theirs.search(line)
                else:
                    hit = ours.fullmatch(line) if engine else theirs.fullmatch(line)
                if hit:
                    hits += 1
                    break
        return hits

    for name, engine in (("re", 0), ("RE2", 1)):
        started = time.perf_counter()
        removed = count(engine)
        took = time.perf_counter() - started
        print(f"{name:<4} {len(lines)} lines x {len(rules)} rules: {took:.3f} s, {removed} removed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--longest", type=int, default=22, help="most a's in the pathological text")
    args = parser.parse_args()
    pathological(args.longest)
    shipped(ROOT / "tests" / "fixtures" / "corpus")


if __name__ == "__main__":
    main()
