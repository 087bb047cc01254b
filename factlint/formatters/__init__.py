"""Output formats: one module each, a pure function from a Report to text.

A formatter module provides `format(report: Report) -> str`. Adding a format means adding
a module and a line in FORMATS. A run imports only the module of the format it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.findings import Finding
    from factlint.rules import Rule

# Format name → module in this package.
FORMATS: Mapping[str, str] = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}
# Formats that quote lines of the articles, and so need their documents: a run for
# another format keeps none, however many articles have findings.
QUOTING = frozenset({"text", "sarif"})


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


def formatter(name: str) -> Formatter:
    """The output format called `name` (KeyError if there is none)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.format  # type: ignore[no-any-return]


def formatters() -> dict[str, Formatter]:
    """Every output format by name."""
    return {name: formatter(name) for name in FORMATS}
