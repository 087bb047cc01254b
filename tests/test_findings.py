"""Findings: severity ordering and capping, sort order."""

from __future__ import annotations

from factlint.findings import Finding, Severity


def test_severity_at_most() -> None:
    assert Severity.ERROR.at_most(Severity.WARNING) is Severity.WARNING
    assert Severity.INFO.at_most(Severity.WARNING) is Severity.INFO


def test_findings_sort_by_path_line_column_rule() -> None:
    def f(path: str, line: int, column: int, rule: str) -> Finding:
        return Finding(path, line, column, line, column + 1, rule, "k", Severity.INFO, "m")

    items = [f("b", 1, 1, "a"), f("a", 2, 1, "a"), f("a", 1, 5, "b"), f("a", 1, 5, "a")]
    assert [(x.path, x.line, x.column, x.rule) for x in sorted(items)] == [
        ("a", 1, 5, "a"),
        ("a", 1, 5, "b"),
        ("a", 2, 1, "a"),
        ("b", 1, 1, "a"),
    ]
