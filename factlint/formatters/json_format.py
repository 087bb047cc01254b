"""JSON: an array with one object per finding, the fields of the contract in DESIGN.md."""

from __future__ import annotations

import json

from factlint.formatters import Report


def format(report: Report) -> str:
    """The findings as a JSON array, laid out as `json.dumps(..., indent=2)` lays it out.

    Each finding is encoded on its own, so that a run with thousands of findings never
    holds all their dictionaries at once as well as the text."""
    if not report.findings:
        return "[]\n"
    items = ",\n".join(
        "  " + json.dumps(f.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for f in report.findings
    )
    return "[\n" + items + "\n]\n"
