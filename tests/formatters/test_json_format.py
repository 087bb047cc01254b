"""JSON output: one object per finding with the contract's fields."""

from __future__ import annotations

import json

from factlint.findings import Finding, Related, Severity
from factlint.formatters import Report, json_format


def test_contract_fields() -> None:
    finding = Finding(
        "a.md",
        1,
        2,
        1,
        5,
        "r1",
        "figure",
        Severity.WARNING,
        "m",
        "s",
        None,
        (Related("b.md", 4, 1, "x"),),
        "63",
    )
    (obj,) = json.loads(json_format.format(Report([finding])))
    assert list(obj) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "kind",
        "severity",
        "message",
        "source",
        "suggestion",
        "related",
        "text",
    ]
    assert obj["related"] == [{"path": "b.md", "line": 4, "column": 1, "message": "x"}]
    assert obj["severity"] == "warning" and obj["suggestion"] is None


def test_empty_is_an_empty_array() -> None:
    assert json.loads(json_format.format(Report([]))) == []


def test_layout_is_that_of_one_indented_dump() -> None:
    findings = [
        Finding("a.md", n, 1, n, 3, "r1", "figure", Severity.ERROR, "“36” è", None, None, (), "36")
        for n in (1, 2)
    ]
    expected = json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
    assert json_format.format(Report(findings)) == expected
    assert json_format.format(Report([])) == "[]\n"
