"""The `factlint` command: options → lint → formatter → exit code.

Exit codes: 0 no finding at error severity; 1 at least one; 2 usage, config or rule-file
error (reported as `path:line: message`, never a traceback).

Modules a command needs are imported by that command: a pre-commit run pays for what it
uses, and `--help` for almost nothing.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from factlint import __version__
from factlint.config import Config, discover_config, load_config
from factlint.errors import FactlintError
from factlint.files import DEFAULT_MAX_FILE_SIZE, format_size, parse_size
from factlint.formatters import FORMATS, QUOTING

if TYPE_CHECKING:
    from factlint.cache import Cache
    from factlint.findings import Finding
    from factlint.lint import Linter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a command stopped by Ctrl-C
# Runs over fewer files finish too fast for a progress line to help.
PROGRESS_FROM = 200
F = TypeVar("F", bound=Callable[..., Any])


def _reports_errors(command: F) -> F:
    """Turn a FactlintError into its messages on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except FactlintError as exc:
            for problem in exc.problems:
                click.echo(f"factlint: error: {problem}", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper  # type: ignore[return-value]


def build_linter(rule_paths: Sequence[Path], **options: Any) -> Linter:
    """`lint.build_linter`, imported when a command needs it."""
    from factlint.lint import build_linter as build

    return build(rule_paths, **options)


def _rule_paths(given: Sequence[str], config: Config) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    if config.rules:
        return list(config.rules)
    default = Path("rules")
    if default.is_dir():
        return [default]
    raise FactlintError(
        "no rules: there is no ./rules directory; pass --rules PATH or set `rules` in the config"
    )


def _config(path: str | None) -> Config:
    return load_config(Path(path)) if path else discover_config()


def _build(
    rule_paths: Sequence[str],
    config: Config | None = None,
    *,
    default_lang: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cache: bool = False,
) -> Linter:
    """A Linter from the command line's options, the config file filling what they leave out.
    With `cache` (and the config's `cache` setting), validated rule files are kept in the
    project's cache folder."""
    config = config or discover_config()
    return build_linter(
        _rule_paths(rule_paths, config),
        default_lang=default_lang or config.lang or "en",
        select=select,
        ignore=(*ignore, *config.disable),
        severity=config.severity,
        about_tolerance=config.quantity_tolerance if config.quantity_tolerance is not None else 0.1,
        fuzzy_threshold=config.fuzzy_threshold,
        exclude=config.exclude,
        include=config.include,
        root=config.root,
        cache_dir=_cache_folder(config) if cache and config.cache else None,
    )


def _cache_folder(config: Config) -> Path:
    from factlint.cache import FOLDER

    return config.root / FOLDER


_rules_option = click.option(
    "--rules",
    "rule_paths",
    multiple=True,
    type=click.Path(),
    help="Rule file or directory (repeatable). Default: the config's `rules`, else ./rules",
)
_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(),
    help="Config file. Default: the nearest .factlint.toml or pyproject.toml with [tool.factlint].",
)


def _max_file_size(_ctx: click.Context, _param: click.Parameter, value: str) -> int | None:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


_max_file_size_option = click.option(
    "--max-file-size",
    "max_file_size",
    default=format_size(DEFAULT_MAX_FILE_SIZE).replace(" ", ""),
    show_default=True,
    callback=_max_file_size,
    help="Skip articles larger than this, with a warning (e.g. 512KB, 10MB; 0: no limit).",
)


class _Factlint(click.Group):
    """The command group; Ctrl-C in any command ends the run with one line and exit 130.

    Click itself would print "Aborted!" and exit 1, which a CI script cannot tell from
    "findings". `check` writes no file; the files other commands write go through
    `write_atomic`, which leaves the old file or the new one, never half of one.
    """

    def invoke(self, ctx: click.Context) -> Any:
        """Run the chosen command, turning KeyboardInterrupt into exit code 130."""
        _tolerant_stdout()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # After the "^C" the terminal echoed, start a fresh line.
            newline = "\n" if sys.stderr.isatty() else ""
            click.echo(f"{newline}factlint: interrupted", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


def _tolerant_stdout() -> None:
    """Let stdout print any path, so that an odd file name never ends the run in a traceback.

    A file name that is not valid UTF-8 reaches Python as text with surrogate escapes,
    which a strict UTF-8 stdout refuses: `surrogateescape` writes the name's own bytes back
    out. A stdout in another encoding (a Windows console) backslash-escapes what it lacks.
    """
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    utf8 = (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8"
    with contextlib.suppress(ValueError, OSError):
        reconfigure(errors="surrogateescape" if utf8 else "backslashreplace")


@click.group(cls=_Factlint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def main() -> None:
    """factlint: a fact-check and source-consistency linter for articles."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_rules_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
)
@click.option(
    "--lang",
    "default_lang",
    default=None,
    help="Language of articles that neither declare one nor reveal it (default: config, else en).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(),
    help="Report only findings that are not in this baseline file (see `factlint baseline`).",
)
@_config_option
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(),
    help="More articles to compare against, not reported on (repeatable).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the claims cache (nor the compiled patterns).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that share the extraction. Default: the number of cores.",
)
@_max_file_size_option
@click.option("--select", multiple=True, help="Only report these rules or kinds (repeatable).")
@click.option("--ignore", multiple=True, help="Never report these rules or kinds (repeatable).")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output. Default: on a terminal, unless NO_COLOR is set.",
)
@_reports_errors
def check(
    paths: tuple[str, ...],
    rule_paths: tuple[str, ...],
    output_format: str,
    default_lang: str | None,
    baseline_path: str | None,
    config_path: str | None,
    corpus: tuple[str, ...],
    no_cache: bool,
    jobs: int | None,
    max_file_size: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    color: bool | None,
) -> None:
    """Check articles (files, or directories of *.md, *.markdown, *.txt) against the rules."""
    from factlint.files import size_limit
    from factlint.findings import Severity
    from factlint.formatters import Report, formatter

    started = time.perf_counter()
    config = _config(config_path)
    with _long_lived():
        linter = _build(
            rule_paths,
            config,
            default_lang=default_lang,
            select=select,
            ignore=ignore,
            cache=not no_cache,
        )
    with _cache(linter, config, no_cache) as cache, size_limit(max_file_size):
        result = linter.run(
            paths or ["."],
            (*map(str, config.corpus), *corpus),
            progress_line(sys.stderr),
            cache,
            jobs or os.cpu_count() or 1,
            quote=output_format in QUOTING,
        )
    for problem in result.problems:
        click.echo(f"factlint: warning: {problem}", err=True)
    findings: Sequence[Finding] = result.findings
    chosen = Path(baseline_path) if baseline_path else config.baseline
    if chosen is not None and (baseline_path or chosen.exists()):
        from factlint import baseline

        findings = baseline.new_findings(findings, baseline.load(chosen), chosen.parent)
    color = use_color(color, sys.stdout)
    rules = {rule.id: rule for rule in linter.ruleset.rules}
    report = Report(findings, result.documents, rules, color, result.checked)
    click.echo(formatter(output_format)(report), nl=False)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    if output_format == "text":
        elapsed = time.perf_counter() - started
        summary = ", ".join(
            f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in Severity
        )
        click.echo(
            f"{result.files} files, {result.words} words: {summary} ({elapsed:.2f} s)", err=True
        )
    sys.exit(EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_CLEAN)


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Build what lives until the process ends (the compiled rules) without the cyclic
    garbage collector, then exempt it from later collections.

    A rule pack of 10,000 entities is some 200,000 objects, none of them garbage: the
    collector would walk them again and again while they are built and while every article
    is checked. Frozen, they are also not written to by collections in worker processes,
    which then keep sharing their pages with the parent (fork).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    # When the command ends, they are handed back: a caller that goes on (a test, a
    # program running the command in-process) gets its garbage collected as before.
    click.get_current_context().call_on_close(gc.unfreeze)


@contextlib.contextmanager
def _cache(linter: Linter, config: Config, disabled: bool) -> Iterator[Cache | None]:
    """The claims cache of this project, unless disabled by --no-cache or the config."""
    if disabled or not config.cache:
        yield None
        return
    from factlint.cache import Cache

    with Cache(_cache_folder(config), linter.stamp) as cache:
        yield cache


def progress_line(stream: TextIO) -> Callable[[int, int], None] | None:
    """A progress line on `stream` for long runs, only when it is a terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if done == total:
            click.echo("\r\033[K", file=stream, nl=False)
        elif done % max(1, total // 100) == 0:
            click.echo(f"\rfactlint: {done}/{total} files", file=stream, nl=False)

    return show


def use_color(requested: bool | None, stream: TextIO) -> bool:
    """--color/--no-color if given; otherwise colour only on a terminal without NO_COLOR."""
    if requested is not None:
        return requested
    return stream.isatty() and not os.environ.get("NO_COLOR")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_rules_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
)
@click.option("--lang", "default_lang", default="en", show_default=True)
@_max_file_size_option
@_reports_errors
def claims(
    paths: tuple[str, ...],
    rule_paths: tuple[str, ...],
    output_format: str,
    default_lang: str,
    max_file_size: int | None,
) -> None:
    """Print every claim extracted from the articles, with the key it is compared by."""
    from factlint.claimdump import format_jsonl, format_text, records
    from factlint.files import discover, read_article

    linter = _build(rule_paths, default_lang=default_lang)
    files, problems = discover(list(paths or ["."]))
    render = format_jsonl if output_format == "jsonl" else format_text
    for name in files:
        text = read_article(name, problems, max_file_size)
        if text is None:
            continue
        doc = linter.document(name, text, problems.append)
        for record in records(doc, linter.claims(doc), linter.ruleset.entities):
            click.echo(render(record))
    for problem in problems:
        click.echo(f"factlint: warning: {problem}", err=True)


@main.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@_rules_option
@_config_option
@click.option("--lang", "default_lang", default=None, help="Default language (as for check).")
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(),
    help="Baseline file to write. Default: the config's `baseline`, else .factlint-baseline.json",
)
@click.option("--force", is_flag=True, help="Overwrite a file that is not a factlint baseline.")
@click.option(
    "--corpus", multiple=True, type=click.Path(), help="More articles to compare against."
)
@_reports_errors
def baseline_command(
    paths: tuple[str, ...],
    rule_paths: tuple[str, ...],
    config_path: str | None,
    default_lang: str | None,
    output: str | None,
    force: bool,
    corpus: tuple[str, ...],
) -> None:
    """Accept the current findings: write them to a baseline that `check --baseline` skips.

    Findings are keyed by article, rule and quoted text, not by line, so the baseline
    survives edits. The file is written atomically.
    """
    from factlint import baseline
    from factlint.atomic import write_atomic

    config = _config(config_path)
    linter = _build(rule_paths, config, default_lang=default_lang)
    result = linter.run(paths or ["."], (*map(str, config.corpus), *corpus), quote=False)
    for problem in result.problems:
        click.echo(f"factlint: warning: {problem}", err=True)
    target = Path(output) if output else config.baseline or Path(".factlint-baseline.json")
    if target.exists() and not force and not baseline.is_baseline(target):
        raise FactlintError(
            f"{target} exists and is not a factlint baseline: "
            "choose another --output or pass --force"
        )
    write_atomic(target, baseline.render(result.findings, target.parent), overwrite=True)
    click.echo(f"{len(result.findings)} findings written to {target}")


@main.command()
@_reports_errors
def init() -> None:
    """Write a starter config (.factlint.toml) and a starter rules/ folder with one commented
    rule of each kind. Existing files are left as they are."""
    from factlint import scaffold
    from factlint.atomic import write_atomic

    for name, text in scaffold.FILES.items():
        path = Path(name)
        if path.exists():
            click.echo(f"{name}: exists, left as it is")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text, overwrite=False)
        click.echo(f"{name}: written")
    click.echo("next: edit rules/*.yaml, then run `factlint rules test` and `factlint check`")


@main.group()
def rules() -> None:
    """Validate, list and test rule files."""


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@_reports_errors
def rules_validate(paths: tuple[str, ...]) -> None:
    """Check that rule files are valid (all problems are reported, exit 2 if any)."""
    linter = _build(paths)
    click.echo(
        f"{len(linter.ruleset.files)} rule files, {len(linter.ruleset.rules)} rules, "
        f"{len(linter.ruleset.entities)} entities: valid"
    )


@rules.command("list")
@_rules_option
@_reports_errors
def rules_list(rule_paths: tuple[str, ...]) -> None:
    """List every rule with its kind, severity and source."""
    linter = _build(rule_paths)
    for rule in sorted(linter.ruleset.rules, key=lambda r: r.id):
        click.echo(f"{rule.id}\t{rule.kind}\t{rule.severity.value}\t{rule.source}")


@rules.command("test")
@_rules_option
@click.option("--rule", "rule_ids", multiple=True, help="Only test these rules.")
@_reports_errors
def rules_test(rule_paths: tuple[str, ...], rule_ids: tuple[str, ...]) -> None:
    """Run the pass/fail examples of every rule; exit 1 when one does not behave."""
    from factlint.examples import run_examples

    linter = _build(rule_paths)
    results = list(run_examples(linter, set(rule_ids) or None))
    failed = [r for r in results if not r.ok]
    for result in failed:
        click.echo(result.describe())
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@main.command()
@click.argument("rule_id")
@_rules_option
@_reports_errors
def explain(rule_id: str, rule_paths: tuple[str, ...]) -> None:
    """Say what a rule checks, its source and its examples."""
    linter = _build(rule_paths)
    rule = linter.ruleset.rule(rule_id)
    if rule is None:
        raise FactlintError(f"no rule {rule_id!r}; `factlint rules list` shows them")
    click.echo(f"{rule.id} ({rule.kind}, {rule.severity.value}) — {rule.path}:{rule.line}")
    if rule.description:
        click.echo(rule.description)
    click.echo(f"message: {rule.message}")
    click.echo(f"source: {rule.source}")
    for example in rule.examples:
        click.echo(f"  {'fails' if example.fails else 'passes'} [{example.lang}]: {example.text}")
