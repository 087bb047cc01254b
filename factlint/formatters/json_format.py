"""JSON: an array with one object per finding, the fields of the contract in DESIGN.md."""

from __future__ import annotations

import json

from factlint.formatters import Report


def format(report: Report) -> str:
    """The findings as a JSON array."""
    return json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
