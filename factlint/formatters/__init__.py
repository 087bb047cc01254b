"""Output formats: one module each, a pure function from findings to text.

A formatter module provides `format(findings, documents) -> str`, where `documents`
maps a path to its Document (for quoting lines). Adding a format means adding a module
and a line below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from factlint.document import Document
from factlint.findings import Finding
from factlint.formatters import json_format, text

Formatter = Callable[[Sequence[Finding], Mapping[str, Document], bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.format,
    "json": json_format.format,
}
