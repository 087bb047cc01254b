"""Output formats: one module each, a pure function from a Report to text.

A formatter module provides `format(report: Report) -> str`. Adding a format means adding
a module and a line in FORMATTERS.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from factlint.document import Document
from factlint.findings import Finding
from factlint.rules import Rule


@dataclass(frozen=True)
class Report:
    """What a formatter is given: the findings, the documents they are in (for quoting
    lines), the rules they come from (for metadata; cross-article findings have no rule)
    and every article checked (for formats that list passing files too)."""

    findings: Sequence[Finding]
    documents: Mapping[str, Document] = field(default_factory=dict)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    color: bool = False
    checked: Sequence[str] = ()


Formatter = Callable[[Report], str]


def formatters() -> dict[str, Formatter]:
    """Every output format by name."""
    from factlint.formatters import github, json_format, junit, sarif, text

    return {
        "text": text.format,
        "json": json_format.format,
        "sarif": sarif.format,
        "github": github.format,
        "junit": junit.format,
    }
