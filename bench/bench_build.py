"""What each stage of the plugin adds to the build time, on a generated archive.

Builds the same synthetic archive several times: Pelican with only our Markdown
reader (the baseline ARCHIVE_NOTES §7 quotes), then with each stage of
``plugins/briefing`` added in its order (``BRIEFING_STAGES``), and prints the
time of each build and its share of the baseline.

    python bench/bench_build.py --articles 5000
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import write  # noqa: E402


def stage_steps() -> list[list[str]]:
    """The baseline (no stage: the reader alone), then the stages added one at a time."""
    sys.path.insert(0, str(ROOT))
    from plugins.briefing import STAGES

    return [list(STAGES[:n]) for n in range(len(STAGES) + 1)]


def build(content: Path, output: Path, cache: Path, stages: list[str]) -> float:
    """Seconds for one build from scratch running ``stages``."""
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "--log-handler", "plain",
        "-e", f"BRIEFING_STAGES={json.dumps(stages)}", f'ARCHIVE_CACHE="{cache}"',
    ]  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"build with {stages} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = work / "content"
        shutil.copytree(ROOT / "content" / "data", content / "data")
        # The shipped corrections name events of the shipped articles, not of these.
        (content / "data" / "corrections.yaml").write_text("[]\n", encoding="utf-8")
        print(f"generating {args.articles} articles …", flush=True)
        write(args.articles, content / "articles")
        rows = []
        for stages in stage_steps():
            label = f"+ {stages[-1]}" if stages else "baseline (reader only)"
            print(f"building: {label} …", flush=True)
            rows.append((label, build(content, work / "out", work / "cache", stages)))
    base = rows[0][1]
    print(f"\n{'build':<26}{'seconds':>9}{'added':>9}{'of baseline':>13}")
    previous = base
    for label, seconds in rows:
        added = seconds - previous
        print(f"{label:<26}{seconds:>9.2f}{added:>9.2f}{added / base:>12.1%}")
        previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
