"""The factlint benchmark: one command, one Markdown table.

    python bench/run.py                     # everything (about 10 minutes on 2 cores)
    python bench/run.py --quick             # 1,000 articles only, 1 run each, no proselint
    python bench/run.py --only check pre-commit-warm
    python bench/run.py --json results.json

For each scenario: whole-process wall time (median of --repeat runs), words per second
and peak memory (RSS of the factlint process and its worker processes). Scenarios:

- `check`: `factlint check --no-cache --jobs 1` with the shipped rules, at 1,000 and
  10,000 articles (cold: nothing cached; one process, one core);
- `check-jobs`: the same with the default `--jobs` (one process per core), on 10,000
  articles; its ratio is the speed-up over `check`;
- `consistency`: the shipped entities and no rule, so every finding comes from the
  cross-article sweep;
- `entities-100`, `entities-1000`, `entities-10000`: the shipped rules plus N generated
  entities (with attribution rules), on the 1,000-article corpus, cold;
- `pre-commit-warm`: one changed article checked against the 10,000-article corpus
  (`corpus = [...]` in `.factlint.toml`) with a warm claims cache;
- `proselint`: the reference linter, installed on demand into a virtualenv under --work,
  on the 1,000-article corpus (and 10,000 with --proselint-large).

Under the table: the targets and whether each is met, then how the figures were taken.
Corpora and rule packs are generated (seeded) under --work and corpora are reused.
bench/README.md explains how to read the table.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from generate import SHIPPED_RULES, article, write_corpus, write_rules  # noqa: E402

SIZES = (1000, 10000)
ENTITIES = (100, 1000, 10000)
PRE_COMMIT = "pre-commit-warm"
CHECK_JOBS = "check-jobs"
PROSELINT = "proselint"
# Targets of issue 6.
TARGET_WORDS_PER_SECOND = 1_000_000  # cold check on the 10,000-article corpus
TARGET_VS_PROSELINT = 15.0  # factlint words/s over proselint's, same corpus, same run
TARGET_SCALING = 11.0  # time on 10,000 articles over time on 1,000
TARGET_ENTITIES = 1.5  # time with 10,000 entities over time with 100
TARGET_PEAK_MB = 250.0  # on the 10,000-article corpus
TARGET_PRE_COMMIT_S = 0.3  # whole process, warm cache, one changed article
TARGET_JOBS_EFFICIENCY = 0.8  # --jobs N speed-up over --jobs 1, per core: "near-linear"
LARGE = 10000
SAMPLE_EVERY = 0.02  # seconds between two samples of the process tree's RSS
NOT_INSTALLABLE = "n/a (not installable)"
# Offline, pip gives up within a minute instead of retrying for many.
PIP_OPTIONS = ("--timeout", "30", "--retries", "1")


class ScenarioFailed(Exception):
    """A measured command exited with an unexpected code."""


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Run:
    """One run of a command."""

    seconds: float
    peak_kib: int
    returncode: int
    stderr: str


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as f:
                found.extend(int(child) for child in f.read().split())
    return found


def tree_rss_kib(pid: int) -> int:
    """RSS of `pid` and all its descendants, summed (KiB); 0 where /proc cannot tell."""
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        with (
            contextlib.suppress(OSError, ValueError, IndexError),
            open(f"/proc/{current}/statm") as f,
        ):
            total += int(f.read().split()[1]) * page_kib
        stack.extend(_children(current))
    return total


class _Sampler(threading.Thread):
    """Samples the RSS of a process tree until stopped; keeps the largest sum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        while True:
            self.peak_kib = max(self.peak_kib, tree_rss_kib(self.pid))
            if self._done.wait(SAMPLE_EVERY):
                return

    def stop(self) -> None:
        self._done.set()
        self.join()


def run_once(command: Sequence[str], cwd: Path) -> Run:
    """Run `command` once: wall time of the whole process, and its peak memory.

    The peak is the larger of the kernel's peak RSS for the process (or its largest
    child) and the largest sampled sum over the process and its children, so worker
    processes count."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", errors="replace")
    maxrss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(seconds, max(maxrss, sampler.peak_kib), process.returncode, stderr)


def measure(
    command: Sequence[str],
    repeat: int,
    cwd: Path,
    before: Callable[[int], None] | None = None,
) -> tuple[float, float]:
    """Median wall time (s) and largest peak RSS (MB) of `command` over `repeat` runs.
    `before(i)` runs before the i-th run, untimed. Exit codes other than 0 (clean) and
    1 (findings) raise ScenarioFailed."""
    times, peaks = [], []
    for index in range(repeat):
        if before is not None:
            before(index)
        run = run_once(command, cwd)
        if run.returncode not in (0, 1):
            lines = run.stderr.strip().splitlines() or ["(nothing on stderr)"]
            raise ScenarioFailed(f"exit {run.returncode}: {lines[-1]}")
        times.append(run.seconds)
        peaks.append(run.peak_kib / 1024)
    return statistics.median(times), max(peaks)


# ---------------------------------------------------------------- inputs


def generator_stamp() -> str:
    """A fingerprint of the generator: corpora made by another version are not reused."""
    return hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:10]


def corpus(work: Path, articles: int, seed: int) -> tuple[Path, int]:
    """A generated corpus (reused when complete) and its word count."""
    folder = work / f"corpus-{articles}-seed{seed}-g{generator_stamp()}"
    stamp = folder / ".words"
    if not stamp.exists():
        print(f"[bench] generating {articles:,} articles in {folder}", file=sys.stderr)
        words = write_corpus(folder, articles, seed)
        stamp.write_text(str(words))
    return folder, int(stamp.read_text())


def entities_only(work: Path) -> Path:
    """The shipped entity definitions without any rule."""
    folder = work / "entities-only"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in sorted(SHIPPED_RULES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8").split("\nrules:")[0]
        if "entities:" in text:
            (folder / path.name).write_text(text + "\n", encoding="utf-8")
    return folder


def rule_pack(work: Path, entities: int, seed: int) -> Path:
    """The shipped rules plus `entities` synthetic entities (written afresh every run)."""
    folder = work / f"rules-{entities}-seed{seed}"
    write_rules(folder, entities, seed)
    return folder


# ---------------------------------------------------------------- results


@dataclass
class Result:
    """One row of the table."""

    name: str
    articles: int
    words: int
    runs: int
    seconds: float | None = None
    peak_mb: float | None = None
    corpus: int = 0  # articles compared against but not reported on (pre-commit)
    status: str = ""  # why there are no figures, when there are none

    @property
    def measured(self) -> bool:
        return self.seconds is not None

    @property
    def words_per_second(self) -> float | None:
        return self.words / self.seconds if self.seconds else None


@dataclass(frozen=True)
class Target:
    """One target of the issue and whether this run meets it (None: not measured)."""

    goal: str
    measured: str
    met: bool | None


def _find(results: Sequence[Result], name: str, articles: int | None = None) -> Result | None:
    for result in results:
        if result.name == name and (articles is None or result.articles == articles):
            return result
    return None


def _measured(results: Sequence[Result], name: str, articles: int | None = None) -> Result | None:
    found = _find(results, name, articles)
    return found if found is not None and found.measured else None


def _entity_count(name: str) -> int | None:
    match = re.fullmatch(r"entities-(\d+)", name)
    return int(match.group(1)) if match else None


def ratio(result: Result, results: Sequence[Result]) -> str:
    """The ratio column: time against the smallest size of the same scenario, time
    against the fewest entities, or factlint's words/s over proselint's."""
    if not result.measured:
        return "—"
    if result.name == PROSELINT:
        factlint = _measured(results, "check", result.articles)
        if factlint is None:
            return "—"
        return f"factlint {factlint.words / factlint.seconds / result.words_per_second:.1f}×"
    if _entity_count(result.name) is not None:
        counted = [r for r in results if r.measured and _entity_count(r.name) is not None]
        base = min(counted, key=lambda r: _entity_count(r.name) or 0)
        return f"{result.seconds / base.seconds:.2f}× {base.name}"
    if result.name == PRE_COMMIT:
        return "—"
    if result.name == CHECK_JOBS:
        one = _measured(results, "check", result.articles)
        if one is None:
            return "—"
        return f"{one.seconds / result.seconds:.2f}× faster than --jobs 1"  # type: ignore[operator]
    same = [r for r in results if r.name == result.name and r.measured]
    base = min(same, key=lambda r: r.articles)
    return f"{result.seconds / base.seconds:.2f}× {base.articles:,}"


def _articles(result: Result) -> str:
    if result.corpus:
        return f"{result.articles:,} (+{result.corpus:,} corpus)"
    return f"{result.articles:,}"


def table(results: Sequence[Result]) -> str:
    """The results as one Markdown table."""
    lines = [
        "| scenario | articles | words | runs | wall (s, median) | words/s | peak RSS (MB) "
        "| ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        if result.measured:
            assert result.seconds is not None and result.peak_mb is not None
            wall = f"{result.seconds:.2f}" if result.seconds >= 0.1 else f"{result.seconds:.3f}"
            speed = f"{result.words_per_second:,.0f}"
            peak = f"{result.peak_mb:,.0f}"
        else:
            wall, speed, peak = result.status or "not run", "—", "—"
        lines.append(
            f"| {result.name} | {_articles(result)} | {result.words:,} | {result.runs} "
            f"| {wall} | {speed} | {peak} | {ratio(result, results)} |"
        )
    return "\n".join(lines)


def _missing(results: Sequence[Result], name: str, articles: int | None = None) -> str:
    found = _find(results, name, articles)
    if found is not None and found.status:
        return f"{name}: {found.status}"
    where = f" at {articles:,} articles" if articles else ""
    return f"not measured ({name}{where} not run)"


def evaluate(results: Sequence[Result]) -> list[Target]:
    """Every target of the issue, with what this run measured and whether it is met."""
    targets = []
    goal = f"cold check ≥ {TARGET_WORDS_PER_SECOND:,} words/s on {LARGE:,} articles"
    big = _measured(results, "check", LARGE)
    if big is None:
        targets.append(Target(goal, _missing(results, "check", LARGE), None))
    else:
        speed = big.words / big.seconds  # type: ignore[operator]
        targets.append(Target(goal, f"{speed:,.0f} words/s", speed >= TARGET_WORDS_PER_SECOND))
    proselint = [r for r in results if r.name == PROSELINT]
    if not proselint:
        goal = f"factlint ≥ {TARGET_VS_PROSELINT:g}× proselint's words/s"
        targets.append(Target(goal, "not measured (proselint not run)", None))
    for reference in proselint:
        goal = (
            f"factlint ≥ {TARGET_VS_PROSELINT:g}× proselint's words/s "
            f"({reference.articles:,} articles)"
        )
        factlint = _measured(results, "check", reference.articles)
        if not reference.measured:
            targets.append(Target(goal, f"proselint {reference.status}", None))
        elif factlint is None:
            targets.append(Target(goal, _missing(results, "check", reference.articles), None))
        else:
            times = (factlint.words / factlint.seconds) / reference.words_per_second  # type: ignore[operator]
            targets.append(Target(goal, f"{times:.1f}×", times >= TARGET_VS_PROSELINT))
    small = min(SIZES)
    for name in ("check", "consistency"):
        goal = f"{LARGE:,} articles ≤ {TARGET_SCALING:g}× the time of {small:,} ({name})"
        one, ten = _measured(results, name, small), _measured(results, name, LARGE)
        if one is None or ten is None:
            missing = _missing(results, name, small if one is None else LARGE)
            targets.append(Target(goal, missing, None))
        else:
            times = ten.seconds / one.seconds  # type: ignore[operator]
            targets.append(Target(goal, f"{times:.2f}×", times <= TARGET_SCALING))
    few, many = f"entities-{min(ENTITIES)}", f"entities-{max(ENTITIES)}"
    goal = f"{max(ENTITIES):,} entities ≤ {TARGET_ENTITIES:g}× the time of {min(ENTITIES):,}"
    low, high = _measured(results, few), _measured(results, many)
    if low is None or high is None:
        targets.append(Target(goal, _missing(results, few if low is None else many), None))
    else:
        times = high.seconds / low.seconds  # type: ignore[operator]
        targets.append(Target(goal, f"{times:.2f}×", times <= TARGET_ENTITIES))
    cores = os.cpu_count() or 1
    goal = (
        f"--jobs {cores} ≥ {TARGET_JOBS_EFFICIENCY:g} × {cores} times as fast as --jobs 1 "
        f"({LARGE:,} articles)"
    )
    one, many = _measured(results, "check", LARGE), _measured(results, CHECK_JOBS, LARGE)
    if one is None or many is None:
        missing = _missing(results, "check" if one is None else CHECK_JOBS, LARGE)
        targets.append(Target(goal, missing, None))
    else:
        times = one.seconds / many.seconds  # type: ignore[operator]
        met = times >= TARGET_JOBS_EFFICIENCY * cores if cores > 1 else None
        targets.append(Target(goal, f"{times:.2f}× on {cores} cores", met))
    for name in ("check", "consistency"):
        goal = f"peak RSS ≤ {TARGET_PEAK_MB:g} MB on {LARGE:,} articles ({name})"
        found = _measured(results, name, LARGE)
        if found is None:
            targets.append(Target(goal, _missing(results, name, LARGE), None))
        else:
            peak = found.peak_mb or 0.0
            targets.append(Target(goal, f"{peak:,.0f} MB", peak <= TARGET_PEAK_MB))
    goal = (
        f"warm pre-commit (1 changed article, {LARGE:,}-article corpus) "
        f"≤ {TARGET_PRE_COMMIT_S:g} s whole process"
    )
    found = _find(results, PRE_COMMIT)
    if found is None or not found.measured:
        targets.append(Target(goal, _missing(results, PRE_COMMIT), None))
    elif found.corpus != LARGE:
        measured = (
            f"not measured (ran against a {found.corpus:,}-article corpus: {found.seconds:.2f} s)"
        )
        targets.append(Target(goal, measured, None))
    else:
        seconds = found.seconds or 0.0
        targets.append(Target(goal, f"{seconds:.2f} s", seconds <= TARGET_PRE_COMMIT_S))
    return targets


def targets_table(targets: Sequence[Target]) -> str:
    """The targets as a Markdown table."""
    lines = ["| target | measured | met |", "|---|---|---|"]
    verdict = {True: "yes", False: "**no**", None: "—"}
    for target in targets:
        lines.append(f"| {target.goal} | {target.measured} | {verdict[target.met]} |")
    return "\n".join(lines)


def report(results: Sequence[Result], notes: Sequence[str]) -> str:
    """The whole printed report: results, targets, notes."""
    parts = [table(results), "Targets:", targets_table(evaluate(results))]
    if notes:
        parts.append("Notes:\n" + "\n".join(f"- {note}" for note in notes))
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------- scenarios


def install_proselint(work: Path) -> tuple[list[str], str] | None:
    """proselint's command line (`proselint check` or plain `proselint`, as its --help says)
    and its version, installed on demand into a virtualenv under `work`; None when it
    cannot be installed."""
    venv = work / "proselint-venv"
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    exe, python = bin_dir / "proselint", bin_dir / "python"
    if not exe.exists():
        print(f"[bench] installing proselint into {venv}", file=sys.stderr)
        try:
            subprocess.run(
                [sys.executable, "-m", "venv", "--clear", str(venv)],
                check=True,
                capture_output=True,
                timeout=300,
            )
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", *PIP_OPTIONS, "proselint"],
                check=True,
                capture_output=True,
                timeout=900,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"[bench] proselint could not be installed: {exc}", file=sys.stderr)
            return None
    if not exe.exists():
        return None
    try:
        usage = subprocess.run(
            [str(exe), "--help"], capture_output=True, text=True, timeout=120
        ).stdout
        version = subprocess.run(
            [str(python), "-c", "import importlib.metadata as m; print(m.version('proselint'))"],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    # Recent proselint has subcommands (`proselint check PATHS`); older ones take PATHS.
    command = [str(exe), "check"] if re.search(r"^\s+check\s", usage, re.M) else [str(exe)]
    return command, version or "unknown version"


def _progress(result: Result) -> None:
    if result.measured:
        shown = f"{result.seconds:.3f} s, {result.peak_mb:.0f} MB ({result.runs} runs)"
    else:
        shown = result.status
    where = f"{result.articles:,} articles" + (
        f" +{result.corpus:,} corpus" if result.corpus else ""
    )
    print(f"[bench] {result.name} {where}: {shown}", file=sys.stderr, flush=True)


def compile_bytecode() -> str:
    """Compile factlint's bytecode, as pip does when it installs a wheel, and say so.

    An editable install under PYTHONDONTWRITEBYTECODE (set on some CI machines and
    containers) would otherwise compile every module from source in every measured run."""
    import compileall

    import factlint

    package = Path(factlint.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    unset = (
        " (PYTHONDONTWRITEBYTECODE is set here)"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else ""
    )
    return (
        f"factlint's bytecode was compiled before the runs (compileall {package}), as "
        f"installing a wheel does{unset}."
    )


class Bench:
    """The scenarios of one benchmark run."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work: Path = args.work.resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        # An empty config pins the settings: no stray .factlint.toml above --work applies.
        self.config = self.work / "bench.factlint.toml"
        self.config.write_text("# factlint benchmark: default settings\n", encoding="utf-8")
        self.results: list[Result] = []
        self.notes: list[str] = []
        self.failed = False
        self.notes.append(compile_bytecode())

    def repeat_for(self, articles: int) -> int:
        return self.args.large_repeat if articles >= LARGE else self.args.repeat

    def factlint(self, *options: str) -> list[str]:
        return [sys.executable, "-m", "factlint", "check", *options]

    def add(self, result: Result) -> None:
        self.results.append(result)
        _progress(result)

    def timed(self, result: Result, command: Sequence[str], cwd: Path, **kw: object) -> None:
        try:
            result.seconds, result.peak_mb = measure(command, result.runs, cwd, **kw)  # type: ignore[arg-type]
        except ScenarioFailed as exc:
            result.status = f"failed ({exc})"
            self.failed = True
        self.add(result)

    def cold(self, name: str, size: int, rules: Path, jobs: int | None = 1) -> None:
        folder, words = corpus(self.work, size, self.args.seed)
        command = self.factlint(
            "--format", "json", "--no-cache", "--config", str(self.config), "--rules", str(rules)
        )
        if jobs is not None:
            command += ["--jobs", str(jobs)]
        result = Result(name, size, words, self.repeat_for(size))
        self.timed(result, [*command, str(folder)], self.work)

    def pre_commit(self, size: int) -> None:
        folder_corpus, _ = corpus(self.work, size, self.args.seed)
        folder = self.work / PRE_COMMIT
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        (folder / ".factlint.toml").write_text(
            f"rules = [{json.dumps(str(SHIPPED_RULES))}]\n"
            f"corpus = [{json.dumps(str(folder_corpus))}]\n",
            encoding="utf-8",
        )
        checked = folder / "article.md"
        checked.write_text(article(random.Random(f"pre-commit-{self.args.seed}"), 0) + "\n")
        command = self.factlint(checked.name)
        warm = run_once(command, folder)
        result = Result(PRE_COMMIT, 1, 0, self.args.repeat, corpus=size)
        if warm.returncode not in (0, 1):
            result.status = f"failed (warm-up exit {warm.returncode})"
            self.failed = True
            self.add(result)
            return
        cached = (folder / ".factlint_cache").exists()
        self.notes.append(
            f"{PRE_COMMIT}: the untimed warm-up run (cold cache, {size:,}-article corpus) took "
            f"{warm.seconds:.1f} s; "
            + (
                "the claims cache was written, so the timed runs read it."
                if cached
                else "**no claims cache was written: the timed runs were not warm**."
            )
        )

        def edit(index: int) -> None:
            with checked.open("a", encoding="utf-8") as f:
                f.write(f"\nUpdated: the article was revised ({index + 1}).\n")
            result.words = len(checked.read_text(encoding="utf-8").split())

        self.timed(result, command, folder, before=edit)

    def proselint(self, sizes: Sequence[int]) -> None:
        installed = install_proselint(self.work)
        if installed is None:
            for size in sizes:
                _, words = corpus(self.work, size, self.args.seed)
                self.add(Result(PROSELINT, size, words, 0, status=NOT_INSTALLABLE))
            return
        command, version = installed
        shown = " ".join(["proselint", *command[1:]])
        self.notes.append(
            f"proselint {version} (not a factlint dependency: installed into "
            f"{self.work / 'proselint-venv'}), run as `{shown} CORPUS_DIR` (one process, "
            "the folder walked by proselint), default checks and output."
        )
        for size in sizes:
            folder, words = corpus(self.work, size, self.args.seed)
            result = Result(PROSELINT, size, words, self.repeat_for(size))
            self.timed(result, [*command, str(folder)], self.work)

    def run(self, chosen: set[str]) -> None:
        args = self.args
        sizes = sorted(args.sizes)
        small = sizes[0]
        for size in sizes:
            corpus(self.work, size, args.seed)
        if "check" in chosen:
            for size in sizes:
                self.cold("check", size, SHIPPED_RULES)
        if CHECK_JOBS in chosen:
            self.cold(CHECK_JOBS, sizes[-1], SHIPPED_RULES, jobs=None)
        if "consistency" in chosen:
            rules = entities_only(self.work)
            for size in sizes:
                self.cold("consistency", size, rules)
        for count in sorted(args.entities):
            name = f"entities-{count}"
            if name in chosen:
                self.cold(name, small, rule_pack(self.work, count, args.seed))
        if PRE_COMMIT in chosen:
            self.pre_commit(LARGE if LARGE in sizes else sizes[-1])
        if PROSELINT in chosen and not args.no_proselint:
            self.proselint([s for s in sizes if s < LARGE or args.proselint_large])


def scenario_names(entities: Sequence[int]) -> list[str]:
    """Every scenario --only accepts (`entities` stands for all the entities-N)."""
    return [
        "check",
        CHECK_JOBS,
        "consistency",
        *(f"entities-{n}" for n in sorted(entities)),
        PRE_COMMIT,
        PROSELINT,
    ]


def choose(only: Sequence[str] | None, entities: Sequence[int]) -> set[str]:
    """The scenarios to run; unknown names are a usage error."""
    names = scenario_names(entities)
    if not only:
        return set(names)
    chosen = set()
    for name in only:
        if name == "entities":
            chosen.update(n for n in names if n.startswith("entities-"))
        elif name in names:
            chosen.add(name)
        else:
            raise SystemExit(f"unknown scenario {name!r}; scenarios: {', '.join(names)}, entities")
    return chosen


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, with --quick applied."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="1,000 articles only, 1 run, no proselint."
    )
    parser.add_argument("--only", nargs="+", metavar="SCENARIO", help="Run only these scenarios.")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="Corpus sizes.")
    parser.add_argument(
        "--entities", type=int, nargs="+", default=list(ENTITIES), help="Rule-pack sizes."
    )
    parser.add_argument("--repeat", type=int, default=3, help="Runs per scenario (median).")
    parser.add_argument(
        "--large-repeat",
        type=int,
        help=f"Runs per scenario on {LARGE:,}+ articles (default: --repeat).",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-proselint", action="store_true", help="Skip the proselint reference.")
    parser.add_argument(
        "--proselint-large",
        action="store_true",
        help=f"Also run proselint on {LARGE:,} articles (slow).",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "factlint-bench",
        help="Where corpora, rule packs and proselint's virtualenv go (default: %(default)s).",
    )
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.large_repeat, args.no_proselint = [min(SIZES)], 1, 1, True
    if args.large_repeat is None:
        args.large_repeat = args.repeat
    if args.repeat < 1 or args.large_repeat < 1:
        parser.error("--repeat and --large-repeat must be at least 1")
    args.chosen = choose(args.only, args.entities)
    return args


def _load() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def general_notes(args: argparse.Namespace, load_before: float | None) -> list[str]:
    """How the figures were taken, for the notes under the table."""
    from factlint import __version__

    load_after = _load()
    load = (
        f"; load average {load_before:.2f} at the start, {load_after:.2f} at the end"
        if load_before is not None and load_after is not None
        else ""
    )
    runs = f"{args.repeat} run(s) per scenario"
    if args.large_repeat != args.repeat:
        runs += f", {args.large_repeat} on {LARGE:,}+ articles (--large-repeat)"
    return [
        f"factlint {__version__}, Python {platform.python_version()}, {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs{load}.",
        f"wall: the whole process (interpreter start to exit), median of {runs} (the runs "
        "column); words/s = words ÷ wall. Cold scenarios pass --no-cache, and --jobs 1 "
        f"(one core) except {CHECK_JOBS}, which runs one process per core.",
        "words: whitespace-separated words of the generated files (front matter and Markdown "
        "marks included), the same count for factlint and proselint.",
        "peak RSS: the largest over the runs of max(the kernel's peak RSS of the process, the "
        f"sum of the RSS of the process and its worker processes sampled every "
        f"{SAMPLE_EVERY * 1000:.0f} ms); pages shared by workers count once per process.",
        "ratio: time against the smallest corpus of the same scenario; for entities-N, time "
        "against the fewest entities; for proselint, factlint check's words/s over proselint's "
        "on the same corpus in this run.",
        f"entities-N: the shipped rules plus N generated entities (N/2 companies, N/2 models, "
        f"N/2 attribution rules), on the {min(args.sizes):,}-article corpus.",
        f"corpora: seed {args.seed}, under {args.work}; command: "
        f"`{shlex.join(['python', 'bench/run.py', *sys.argv[1:]])}`.",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen scenarios and print the report."""
    args = parse_args(argv)
    load_before = _load()
    bench = Bench(args)
    bench.run(args.chosen)
    notes = general_notes(args, load_before) + bench.notes
    print(report(bench.results, notes), end="")
    if args.json:
        data = {
            "results": [
                {**asdict(r), "words_per_second": r.words_per_second} for r in bench.results
            ],
            "targets": [asdict(t) for t in evaluate(bench.results)],
            "notes": notes,
        }
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return 1 if bench.failed else 0


if __name__ == "__main__":
    sys.exit(main())
