"""Rule kinds: one module each, registered here by name.

A kind module provides `KIND`, `OPTIONS_SCHEMA` (its options as JSON Schema `properties`
and `required`), `PLACEHOLDERS` (the names its message may use) and
`build(rules, entities, defaults) -> Check` (defaults: project settings such as
`fuzzy_threshold`); optionally `variants(rules, entities)`, extra spellings
for the entity index. Adding a kind means adding a module and a line below.
"""

from __future__ import annotations

from types import ModuleType

from factlint.checks import attribution, figure, lineage, naming
from factlint.checks.base import Check

KINDS: dict[str, ModuleType] = {
    attribution.KIND: attribution,
    lineage.KIND: lineage,
    figure.KIND: figure,
    naming.KIND: naming,
}

__all__ = ["KINDS", "Check"]
