"""Benchmarks, printed as a table: whole-process wall time (median of repeats), words per
second and peak memory of `factlint check`, on seeded synthetic corpora.

    python bench/run.py                 # 1,000 and 10,000 articles
    python bench/run.py --sizes 1000    # a quick run
    python bench/run.py --repeat 5

Scenarios:
- `check`: the shipped rules, every rule kind and the cross-article pass;
- `consistency`: the shipped entities and no rules, so every conflict goes through the
  cross-article sweep (which must grow like N log N, not N²).
Corpora and rule packs are generated under --work (default: a temporary folder) and
reused between runs with the same seed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SHIPPED_RULES, write_corpus

# Runs a command and prints its peak RSS (KiB) on stderr: the memory of that process alone.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@dataclass(frozen=True)
class Result:
    """One scenario's figures."""

    name: str
    articles: int
    words: int
    seconds: float
    peak_mb: float

    @property
    def words_per_second(self) -> float:
        """Throughput over the whole process."""
        return self.words / self.seconds


def measure(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and largest peak RSS (MB) of `command` over `repeat` runs."""
    times, peaks = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True
        )
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
        peaks.append(int(done.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def entities_only(work: Path) -> Path:
    """The shipped entity definitions without any rule."""
    folder = work / "entities-only"
    folder.mkdir(parents=True, exist_ok=True)
    for path in SHIPPED_RULES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").split("\nrules:")[0]
        if "entities:" not in text:
            continue
        (folder / path.name).write_text(text + "\n", encoding="utf-8")
    return folder


def corpus(work: Path, articles: int, seed: int) -> tuple[Path, int]:
    """A generated corpus (reused when present) and its word count."""
    folder = work / f"corpus-{articles}-seed{seed}"
    stamp = folder / ".words"
    if not stamp.exists():
        words = write_corpus(folder, articles, seed)
        stamp.write_text(str(words))
    return folder, int(stamp.read_text())


def table(results: list[Result]) -> str:
    """The results as a Markdown table, with ratios between sizes of one scenario."""
    lines = [
        "| scenario | articles | words | wall (s, median) | words/s | peak RSS (MB) "
        "| vs smallest |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    first: dict[str, Result] = {}
    for result in results:
        base = first.setdefault(result.name, result)
        ratio = result.seconds / base.seconds
        lines.append(
            f"| {result.name} | {result.articles:,} | {result.words:,} | {result.seconds:.2f} | "
            f"{result.words_per_second:,.0f} | {result.peak_mb:.0f} | {ratio:.1f}× |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run every scenario at every size and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factlint-bench")
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args()
    factlint = [sys.executable, "-m", "factlint", "check", "--format", "json"]
    scenarios = {
        "check": ["--rules", str(SHIPPED_RULES)],
        "consistency": ["--rules", str(entities_only(args.work))],
    }
    results = []
    for name, options in scenarios.items():
        for size in args.sizes:
            folder, words = corpus(args.work, size, args.seed)
            seconds, peak = measure([*factlint, str(folder), *options], args.repeat)
            results.append(Result(name, size, words, seconds, peak))
            print(f"{name} {size}: {seconds:.2f} s", file=sys.stderr)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2))


if __name__ == "__main__":
    main()
