"""JSON: an array with one object per finding, the fields of the contract in DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from factlint.document import Document
from factlint.findings import Finding


def format(
    findings: Sequence[Finding], documents: Mapping[str, Document], color: bool = False
) -> str:
    """The findings as a JSON array (documents and colour are not used)."""
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
