"""Inline suppressions: HTML comments in an article that silence findings.

    <!-- factlint-disable-next-line alibaba-models -->   the next non-blank line
    <!-- factlint-disable figure -->  ...  <!-- factlint-enable figure -->
    <!-- factlint-disable -->  ...  <!-- factlint-enable -->         every rule

A rule may be named by id, by kind (`attribution`) or by prefix (`consistency`); several
are separated by commas or spaces. A `disable` without its `enable` lasts to the end of
the file. A suppression that silences nothing is itself reported (`unused-suppression`),
so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factlint.document import Document
from factlint.findings import Finding, Severity

RULE = "unused-suppression"
_DIRECTIVE = re.compile(r"<!--\s*factlint-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
_ALL = "*"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Lines [first, last] where findings of `rules` (or of every rule) are silenced."""

    directive: str
    rules: tuple[str, ...]
    line: int
    column: int
    end_line: int
    end_column: int
    first: int
    last: int
    text: str

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression silences `finding`."""
        if not self.first <= finding.line <= self.last:
            return False
        return not self.rules or any(_names(finding, rule) for rule in self.rules)


def _names(finding: Finding, name: str) -> bool:
    return finding.rule == name or finding.kind == name or finding.rule.startswith(name + ".")


def _next_content_line(doc: Document, after: int) -> int:
    """The first non-blank line after line `after` (or `after` + 1 at the end)."""
    total = len(doc.line_starts)
    line = after + 1
    while line <= total and not doc.line_text(line).strip():
        line += 1
    return min(line, total) if total else after + 1


def parse(doc: Document) -> list[Suppression]:
    """Every suppression written in `doc`."""
    if "factlint-" not in doc.text:
        return []
    found: list[Suppression] = []
    open_ranges: dict[str, tuple[int, int, int, int, int, str]] = {}
    last_line = len(doc.line_starts)
    for match in _DIRECTIVE.finditer(doc.text):
        directive = match.group(1)
        rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
        line, column = doc.position(match.start())
        end_line, end_column = doc.position(match.end())
        text = " ".join(match.group(0).split())
        if directive == "disable-next-line":
            target = _next_content_line(doc, end_line)
            found.append(
                Suppression(
                    directive, rules, line, column, end_line, end_column, target, target, text
                )
            )
        elif directive == "disable":
            for rule in rules or (_ALL,):
                open_ranges.setdefault(rule, (line, column, end_line, end_column, end_line, text))
        else:
            for rule in rules or tuple(open_ranges):
                opened = open_ranges.pop(rule, None)
                if opened is not None:
                    found.append(_range(rule, opened, line))
    for rule, opened in open_ranges.items():
        found.append(_range(rule, opened, last_line))
    return found


def _range(rule: str, opened: tuple[int, int, int, int, int, str], until: int) -> Suppression:
    line, column, end_line, end_column, start, text = opened
    rules = () if rule == _ALL else (rule,)
    return Suppression("disable", rules, line, column, end_line, end_column, start, until, text)


def apply(
    path: str, findings: Sequence[Finding], suppressions: Sequence[Suppression]
) -> list[Finding]:
    """The findings no suppression covers, plus one finding per unused suppression."""
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        covering = [i for i, s in enumerate(suppressions) if s.covers(finding)]
        if covering:
            used.update(covering)
        else:
            kept.append(finding)
    for index, suppression in enumerate(suppressions):
        if index in used:
            continue
        named = " ".join(suppression.rules) or "every rule"
        kept.append(
            Finding(
                path=path,
                line=suppression.line,
                column=suppression.column,
                end_line=suppression.end_line,
                end_column=suppression.end_column,
                rule=RULE,
                kind="suppression",
                severity=Severity.WARNING,
                message=f"factlint-{suppression.directive} ({named}) silences nothing: remove it",
                text=suppression.text,
            )
        )
    return kept
