"""The pipeline: paths → files → documents → claims → checks and consistency → findings.

A Linter is built once per run (rules compiled, automaton built, language data loaded)
and then applied to each document in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factlint import consistency, suppressions
from factlint.claims import Attribution, Claims, Extractor, Quantity, Succession
from factlint.document import Document, make_document
from factlint.entities import EntityIndex
from factlint.errors import FactlintError, Problem
from factlint.files import discover, read_article
from factlint.findings import Finding, Severity
from factlint.language import Language, load_languages
from factlint.rules import RuleSet, load_rules


@dataclass(frozen=True)
class LintResult:
    """What a run found, and what it could not read."""

    findings: tuple[Finding, ...]
    documents: Mapping[str, Document]
    problems: tuple[Problem, ...]
    files: int
    words: int


def build_linter(
    rule_paths: Sequence[Path], *, fuzzy_threshold: float | None = None, **options: Any
) -> Linter:
    """A Linter for the rule files under `rule_paths`, their cue phrases merged into the
    language data. Options are Linter's (default_lang, select, ignore, about_tolerance,
    severity)."""
    base = load_languages()
    ruleset = load_rules(rule_paths, base, {"fuzzy_threshold": fuzzy_threshold})
    languages = load_languages(ruleset.cues) if ruleset.cues else base
    default_lang = options.get("default_lang", "en")
    if default_lang not in languages:
        raise FactlintError(
            f"--lang {default_lang}: unknown language; choose one of {', '.join(languages)}"
        )
    return Linter(ruleset, languages, **options)


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
    ) -> None:
        """Compile everything a run needs. `severity` overrides by rule id or kind."""
        self.ruleset = ruleset
        self.default_lang = default_lang
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.severity = {name: Severity(value) for name, value in (severity or {}).items()}
        self.stopwords = {code: lang.stopwords for code, lang in languages.items()}
        self.index = EntityIndex(ruleset.entities, ruleset.variants)
        fuzzy = any(rule.kind == "naming" and rule.options.get("fuzzy") for rule in ruleset.rules)
        self.extractor = Extractor(
            self.index, languages, about_tolerance=about_tolerance, want_candidates=fuzzy
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
        """Findings for one document, filtered by --select/--ignore, sorted."""
        claims = claims if claims is not None else self.claims(doc)
        findings = [found for check in self.ruleset.checks for found in check.check(doc, claims)]
        return sorted(set(self._finish(findings)))

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

    def comparables(
        self, doc: Document, claims: Claims, *, reported: bool
    ) -> list[consistency.Comparable]:
        """The claims of `doc` that cross-article consistency compares."""

        def covered(claim: Attribution | Succession | Quantity) -> bool:
            return any(check.covers(doc, claims, claim) for check in self.ruleset.checks)

        return consistency.comparables(
            doc, claims, self.ruleset.entities, covered, reported=reported
        )

    def run(self, paths: Iterable[str], corpus: Iterable[str] = ()) -> LintResult:
        """Check every article under `paths`, and compare them with each other and with the
        articles under `corpus` (which are read and compared, not reported on)."""
        files, problems = discover(list(paths))
        extra, corpus_problems = discover(list(corpus))
        problems.extend(corpus_problems)
        documents: dict[str, Document] = {}
        findings: list[Finding] = []
        comparables: list[consistency.Comparable] = []
        silenced: dict[str, list[suppressions.Suppression]] = {}
        words = 0
        for name in files:
            text = read_article(name, problems)
            if text is None:
                continue
            doc = self.document(name, text, problems.append)
            documents[name] = doc
            words += doc.words
            claims = self.claims(doc)
            findings.extend(self.check(doc, claims))
            comparables.extend(self.comparables(doc, claims, reported=True))
            silenced[name] = suppressions.parse(doc)
        for name in extra:
            if name in documents:
                continue
            text = read_article(name, problems)
            if text is not None:
                doc = self.document(name, text, problems.append)
                comparables.extend(self.comparables(doc, self.claims(doc), reported=False))
        findings.extend(self._finish(consistency.conflicts(comparables)))
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.path, []).append(finding)
        kept = [
            finding
            for path, items in by_path.items()
            for finding in self._finish(suppressions.apply(documents[path], items, silenced[path]))
        ]
        # A file with nothing to report may still hold suppressions, all of them unused.
        for path, items in silenced.items():
            if items and path not in by_path:
                kept.extend(self._finish(suppressions.apply(documents[path], [], items)))
        return LintResult(
            findings=tuple(sorted(set(kept))),
            documents=documents,
            problems=tuple(problems),
            files=len(documents),
            words=words,
        )
