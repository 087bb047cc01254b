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
