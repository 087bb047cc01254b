"""The pipeline: paths → files → documents → claims → checks and consistency → findings.

A Linter is built once per run (rules compiled, automaton built, language data loaded)
and then applied to each document in one pass.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factlint import consistency, suppressions
from factlint.cache import Cache, content_digest, stamp
from factlint.cache import Entry as CacheEntry
from factlint.claims import Attribution, Claims, Extractor, Quantity, Succession
from factlint.document import Document, make_document
from factlint.entities import EntityIndex
from factlint.errors import FactlintError, Problem
from factlint.files import discover, read_article
from factlint.findings import Finding, Severity
from factlint.language import Language, language_sources, with_cues
from factlint.packcache import load_languages_cached, load_rules_cached
from factlint.regexcache import RegexCache, user_folder
from factlint.rules import RuleSet, read_sources

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.pool import Pool

# Fewer files than this are extracted in-process: starting workers would cost more.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class _Article:
    """What one article yielded: rule findings (before selection), suppressions, claims to
    compare, and the document itself when it may be shown."""

    document: Document | None
    words: int
    findings: Sequence[Finding]
    suppressions: Sequence[suppressions.Suppression]
    comparables: Sequence[consistency.Comparable]


@dataclass(frozen=True)
class _Outcome:
    """What extracting one file gave: the article (None if unreadable), the problems met,
    and the content digest the cache keys it by."""

    article: _Article | None
    problems: tuple[Problem, ...]
    digest: str | None


def _extract(linter: Linter, name: str, reported: bool, digest: bool) -> _Outcome:
    """Read and extract one article (in this process or a worker); `digest`: hash its
    content for the cache."""
    problems: list[Problem] = []
    text = read_article(name, problems)
    if text is None:
        return _Outcome(None, tuple(problems), None)
    doc = linter.document(name, text, problems.append)
    claims = linter.claims(doc)
    findings = tuple(linter.raw_findings(doc, claims))
    found = tuple(suppressions.parse(doc))
    items = tuple(linter.comparables(doc, claims, reported=reported))
    keep = doc if reported and (findings or found) else None
    article = _Article(keep, doc.words, findings, found, items)
    return _Outcome(article, tuple(problems), content_digest(text) if digest else None)


# The linter of a worker process, set once when the process starts: the process-pool idiom
# for sharing compiled state without sending it with every task.
_worker_linter: Linter | None = None


def _start_worker(linter: Linter) -> None:
    global _worker_linter
    _worker_linter = linter
    # Ctrl-C reaches the whole process group: the parent alone answers it, by ending the
    # workers. A worker interrupted while it holds the task queue's lock would hang the
    # pool's shutdown instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(context: BaseContext, jobs: int, linter: Linter) -> Pool:
    """A pool of `jobs` workers that never see Ctrl-C: the parent ignores it while they
    start, so a worker interrupted before its initializer runs cannot print a traceback."""
    if threading.current_thread() is not threading.main_thread():
        return context.Pool(jobs, initializer=_start_worker, initargs=(linter,))
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return context.Pool(jobs, initializer=_start_worker, initargs=(linter,))
    finally:
        signal.signal(signal.SIGINT, previous)


def _work(task: tuple[str, bool, bool]) -> _Outcome:
    assert _worker_linter is not None
    return _extract(_worker_linter, *task)


def _stat(name: str) -> os.stat_result | None:
    try:
        return os.stat(name)
    except OSError:
        return None


@dataclass(frozen=True)
class LintResult:
    """What a run found, and what it could not read."""

    findings: tuple[Finding, ...]
    documents: Mapping[str, Document]
    problems: tuple[Problem, ...]
    files: int
    words: int
    checked: tuple[str, ...] = ()


def build_linter(
    rule_paths: Sequence[Path],
    *,
    fuzzy_threshold: float | None = None,
    cache_dir: Path | None = None,
    **options: Any,
) -> Linter:
    """A Linter for the rule files under `rule_paths`, their cue phrases merged into the
    language data. Options are Linter's (default_lang, select, ignore, about_tolerance,
    severity). With `cache_dir`, validated rule files are kept there (packcache), and
    compiled patterns in the user's cache folder (regexcache)."""
    # Every file is read once: its bytes are parsed, and hashed for the caches.
    languages_read = language_sources()
    base = load_languages_cached(languages_read, cache_dir)
    sources = read_sources(rule_paths)
    ruleset = load_rules_cached(
        rule_paths,
        base,
        {"fuzzy_threshold": fuzzy_threshold},
        sources,
        languages_read,
        cache_dir,
    )
    # What an article yields depends on these and nothing else: the cache's stamp.
    parts: list[bytes | str] = [repr(sorted(options.items())), repr(fuzzy_threshold)]
    if sources is not None:
        parts += sources.contents
    else:
        parts += [Path(name).read_bytes() for name in ruleset.files]
    parts += [raw for _, raw in languages_read]
    options["stamp"] = stamp(parts)
    languages = with_cues(base, ruleset.cues) if ruleset.cues else base
    default_lang = options.get("default_lang", "en")
    if default_lang not in languages:
        raise FactlintError(
            f"--lang {default_lang}: unknown language; choose one of {', '.join(languages)}"
        )
    regexes = RegexCache(user_folder() if cache_dir is not None else None)
    return Linter(ruleset, languages, regexes=regexes, **options)


def _selected(finding: Finding, select: Sequence[str], ignore: Sequence[str]) -> bool:
    def matches(name: str) -> bool:
        return finding.rule == name or finding.kind == name or finding.rule.startswith(name + ".")

    if select and not any(matches(name) for name in select):
        return False
    return not any(matches(name) for name in ignore)


class Linter:
    """Rules, entity index and language tools, compiled once and applied to every document."""

    def __init__(
        self,
        ruleset: RuleSet,
        languages: Mapping[str, Language],
        *,
        default_lang: str = "en",
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        about_tolerance: float = 0.1,
        severity: Mapping[str, str] | None = None,
        exclude: Sequence[str] = (),
        root: Path | None = None,
        stamp: str = "",
        include: Sequence[str] = (),
        regexes: RegexCache | None = None,
    ) -> None:
        """Compile everything a run needs. `severity` overrides by rule id or kind; `exclude`
        globs (relative to `root`, or a file name) are never checked; `regexes` compiles
        the patterns built from language data, and keeps them between runs."""
        self.stamp = stamp
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.root = root or Path.cwd()
        self.ruleset = ruleset
        self.default_lang = default_lang
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.severity = {name: Severity(value) for name, value in (severity or {}).items()}
        self.stopwords = {code: lang.stopwords for code, lang in languages.items()}
        self.index = EntityIndex(ruleset.entities, ruleset.variants)
        fuzzy = any(rule.kind == "naming" and rule.options.get("fuzzy") for rule in ruleset.rules)
        self.regexes = regexes or RegexCache(None)
        self.extractor = Extractor(
            self.index,
            languages,
            about_tolerance=about_tolerance,
            want_candidates=fuzzy,
            compile=self.regexes.compile,
        )

    def document(
        self,
        path: str,
        text: str,
        report: Callable[[Problem], None] | None = None,
        lang: str | None = None,
    ) -> Document:
        """A Document for `text`; `lang` forces the language, else front matter or detection."""
        doc = make_document(
            path, text, default_lang=self.default_lang, stopwords=self.stopwords, problems=report
        )
        if lang is not None and lang != doc.lang:
            doc = Document(
                path=doc.path, text=doc.text, masked=doc.masked, lang=lang, meta=doc.meta
            )
        return doc

    def claims(self, doc: Document) -> Claims:
        """Every claim of one document."""
        return self.extractor.extract(doc)

    def check(self, doc: Document, claims: Claims | None = None) -> list[Finding]:
        """Rule findings for one document, filtered by --select/--ignore, sorted."""
        claims = claims if claims is not None else self.claims(doc)
        return sorted(set(self._finish(self.raw_findings(doc, claims))))

    def raw_findings(self, doc: Document, claims: Claims) -> Iterator[Finding]:
        """Rule findings before selection, severity overrides and suppressions."""
        for check in self.ruleset.checks:
            yield from check.check(doc, claims)

    def _finish(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """Findings filtered by --select/--ignore, with configured severities."""
        for finding in findings:
            if not _selected(finding, self.select, self.ignore):
                continue
            override = self._override(finding)
            yield finding if override is None else replace(finding, severity=override)

    def _override(self, finding: Finding) -> Severity | None:
        for name in (finding.rule, finding.kind, finding.rule.split(".")[0]):
            if name in self.severity:
                return self.severity[name]
        return None

    def _excluded(self, name: str) -> bool:
        if not self.exclude:
            return False
        path = Path(name).resolve()
        try:
            relative = path.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        return any(fnmatch(relative, glob) or fnmatch(path.name, glob) for glob in self.exclude)

    def comparables(
        self, doc: Document, claims: Claims, *, reported: bool
    ) -> list[consistency.Comparable]:
        """The claims of `doc` that cross-article consistency compares."""

        def covered(claim: Attribution | Succession | Quantity) -> bool:
            return any(check.covers(doc, claims, claim) for check in self.ruleset.checks)

        return consistency.comparables(
            doc, claims, self.ruleset.entities, covered, reported=reported
        )

    def run(
        self,
        paths: Iterable[str],
        corpus: Iterable[str] = (),
        progress: Callable[[int, int], None] | None = None,
        cache: Cache | None = None,
        jobs: int = 1,
        *,
        quote: bool = True,
    ) -> LintResult:
        """Check every article under `paths`, and compare them with each other and with the
        articles under `corpus` (which are read and compared, not reported on).
        `progress(done, total)` is called after each file; `cache` remembers what unchanged
        articles yield; `jobs` processes share the extraction (findings are the same);
        `quote` keeps the documents of the articles with findings, for quoting them."""
        files, problems = discover(list(paths), include=self.include)
        files = [name for name in files if not self._excluded(name)]
        extra, corpus_problems = discover(list(corpus), include=self.include)
        checked = set(files)
        extra = [name for name in extra if not self._excluded(name) and name not in checked]
        problems.extend(corpus_problems)
        raw: dict[str, list[Finding]] = {}
        silenced: dict[str, Sequence[suppressions.Suppression]] = {}
        documents: dict[str, Document] = {}
        comparables: list[consistency.Comparable] = []
        words = 0
        total = len(files) + len(extra)
        done = 0

        def step() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        articles: dict[str, _Article] = {}
        todo: list[tuple[str, bool]] = []
        for name in files:
            article = self._cached(name, cache) if cache is not None else None
            if article is None:
                todo.append((name, True))
            else:
                articles[name] = article
                step()
        cached: list[str] = []
        for name in extra:
            if cache is not None and cache.valid(name, _stat(name)):
                cached.append(name)
                step()
            else:
                todo.append((name, False))
        outcomes = self._extract_all(todo, jobs, step, digest=cache is not None)
        for (name, reported), outcome in zip(todo, outcomes, strict=True):
            problems.extend(outcome.problems)
            article = outcome.article
            if article is None:
                continue
            stat = _stat(name) if cache is not None and outcome.digest is not None else None
            if cache is not None and stat is not None and outcome.digest is not None:
                entry = CacheEntry(
                    article.words, tuple(article.findings), tuple(article.suppressions)
                )
                cache.store(name, stat, outcome.digest, entry, article.comparables)
            if reported:
                articles[name] = article
            else:
                comparables.extend(article.comparables)
        self.regexes.save()
        for name in files:
            article = articles.get(name)
            if article is None:
                continue
            words += article.words
            raw[name] = list(article.findings)
            silenced[name] = article.suppressions
            comparables.extend(article.comparables)
            if quote and article.document is not None:
                documents[name] = article.document
        if cache is not None and cached:
            # Only archive claims about what the checked articles talk about can conflict.
            keys = {item.key for item in comparables if item.side.reported}
            comparables.extend(cache.comparables(cached, keys))
        for finding in consistency.conflicts(comparables):
            raw.setdefault(finding.path, []).append(finding)
        kept: list[Finding] = []
        for path, items in raw.items():
            selected = list(self._finish(items))
            kept.extend(self._finish(suppressions.apply(path, selected, silenced.get(path, ()))))
        # Documents are kept only for articles with something to show.
        shown = {finding.path for finding in kept} if quote else set()
        for path in shown - documents.keys():
            text = read_article(path, [])
            if text is not None:
                documents[path] = self.document(path, text)
        return LintResult(
            findings=tuple(sorted(set(kept))),
            documents={path: doc for path, doc in documents.items() if path in shown},
            problems=tuple(problems),
            files=len(raw),
            words=words,
            checked=tuple(raw),
        )

    def _cached(self, name: str, cache: Cache) -> _Article | None:
        """A checked article's yield from the cache, if the file is unchanged."""
        stat = _stat(name)
        if stat is None:
            return None
        entry = cache.lookup(name, stat, read=lambda: read_article(name, []) or "")
        if entry is None:
            return None
        return _Article(
            None, entry.words, entry.findings, entry.suppressions, cache.comparables_of(name, True)
        )

    def _extract_all(
        self,
        todo: Sequence[tuple[str, bool]],
        jobs: int,
        progress: Callable[[], None] | None,
        *,
        digest: bool,
    ) -> Iterator[_Outcome]:
        """What each (path, reported) yields, in order, over `jobs` processes when worth it;
        with `digest`, each with its content's hash (for the cache)."""
        if jobs <= 1 or len(todo) < PARALLEL_FROM:
            for name, reported in todo:
                yield _extract(self, name, reported, digest)
                if progress is not None:
                    progress()
            return
        # Imported here: a run on a few files never starts a worker.
        import multiprocessing

        self.extractor.compile_all()
        methods = multiprocessing.get_all_start_methods()
        # fork shares the compiled rules with the workers instead of pickling them.
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        pool = _pool(context, jobs, self)
        try:
            tasks = [(name, reported, digest) for name, reported in todo]
            for outcome in pool.imap(_work, tasks, chunksize=16):
                yield outcome
                if progress is not None:
                    progress()
        finally:
            # Done, stopped early or interrupted: the workers go at once, with what they hold.
            pool.terminate()
            pool.join()
