"""Rule examples: every rule's `pass` and `fail` texts, run through the whole pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factlint.lint import Linter
from factlint.rules import Example, Rule


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """How one example behaved."""

    rule: Rule
    example: Example
    flagged: bool

    @property
    def ok(self) -> bool:
        """Whether the example behaved as its rule says."""
        return self.flagged == self.example.fails

    def describe(self) -> str:
        """One line for a report."""
        expected = "fail" if self.example.fails else "pass"
        verdict = "ok" if self.ok else f"expected to {expected}, but it did not"
        where = f"{self.rule.path}:{self.example.line}"
        return f"{where}: {self.rule.id} [{self.example.lang}] {verdict}: {self.example.text!r}"


def run_examples(linter: Linter, rule_ids: set[str] | None = None) -> Iterator[ExampleResult]:
    """Check each example of each rule (or of `rule_ids`) in its own language."""
    for rule in linter.ruleset.rules:
        if rule_ids is not None and rule.id not in rule_ids:
            continue
        for example in rule.examples:
            doc = linter.document(f"<{rule.id} example>", example.text, lang=example.lang)
            flagged = any(finding.rule == rule.id for finding in linter.check(doc))
            yield ExampleResult(rule, example, flagged)
