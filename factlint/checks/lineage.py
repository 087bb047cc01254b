"""lineage: generations of a product line come in a known order.

Flags statements that reverse or misstate the order, as articles write them:
"l'H100, evoluzione dell'H200", "the H100, successor to the H200", "H200's predecessor,
the B200", "erede dell'H200", "next-generation H100 replaces the H200". Right statements
pass ("Il chip H200, evoluzione dell'H100"), and so do statements about two members of
one generation, which the rule does not order.

It also flags statements that make a product a version of the wrong one: "l'H20,
versione depotenziata dell'H200", "the H100, a cut-down version of the H20", "the H200, a
scaled-back version of the H100" (a generation of its own).

Options: `order`, the generations oldest first, each an entity id or a list of ids of one
generation; `variants`, a map from a variant (a China-market cut, say) to the product it
is derived from: a variant is not its base's successor or predecessor; `variant_message`,
the message for a wrong version statement.
Message placeholders: {newer}, {older} (as the text has them) and {fact} (the true order);
in `variant_message`, {variant}, {base} (as the text has them) and {fact}.

    - id: nvidia-datacenter-gpu-lineage
      kind: lineage
      order: [p100, v100, a100, h100, h200, [b100, b200]]
      variants: {h20: h100}
      variant_message: "{variant} is not a version of {base}: {fact}"
      severity: error
      message: "{newer} does not come after {older}: {fact}"
      source: https://www.nvidia.com/en-us/data-center/
      examples:
        fail: [{it: "l'H100, evoluzione dell'H200"}]
        pass: [{it: "Il chip H200, evoluzione dell'H100"}]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factlint.checks.base import ID_SCHEMA, make_finding, message_problem, severity_for
from factlint.claims import Claims, Derivation, Succession
from factlint.document import Document
from factlint.entities import Entity
from factlint.errors import FactlintError, Problem
from factlint.findings import Finding

if TYPE_CHECKING:
    from factlint.rules import Rule

KIND = "lineage"
PLACEHOLDERS = frozenset({"newer", "older", "fact"})
VARIANT_PLACEHOLDERS = frozenset({"variant", "base", "fact"})
DEFAULT_VARIANT_MESSAGE = "{variant} is not a version of {base}: {fact}"
OPTIONS_SCHEMA = {
    "properties": {
        "order": {
            "type": "array",
            "minItems": 2,
            "items": {"oneOf": [ID_SCHEMA, {"type": "array", "items": ID_SCHEMA, "minItems": 1}]},
        },
        "variants": {"type": "object", "additionalProperties": ID_SCHEMA},
        "variant_message": {"type": "string", "minLength": 1},
    },
    "required": ["order"],
}


@dataclass(frozen=True, slots=True)
class _Line:
    rule: Rule
    tiers: Mapping[str, int]
    variants: Mapping[str, str]
    chain: str

    def base(self, product: str) -> str:
        """The generation a product belongs to: itself, unless it is a variant."""
        return self.variants.get(product, product)

    def orders(self, a: str, b: str) -> bool:
        """Whether the rule says how `a` and `b` stand: one is the other's variant, or they
        are of different generations (two variants of one, the H800 and the H20, it does
        not order)."""
        return (
            self.base(a) != self.base(b) or self.variants.get(a) == b or self.variants.get(b) == a
        )


@dataclass(frozen=True)
class LineageCheck:
    """Every lineage rule, indexed by the products it orders."""

    lines: Mapping[str, _Line]
    entities: Mapping[str, Entity]

    def covers(self, doc: Document, claims: Claims, claim: object) -> bool:
        """Whether one rule orders the two products of the claim."""
        if not isinstance(claim, Succession):
            return False
        newer, older = claim.newer.entity, claim.older.entity
        line = self.lines.get(newer)
        return line is not None and self.lines.get(older) is line and line.orders(newer, older)

    def check(self, doc: Document, claims: Claims) -> Iterator[Finding]:
        """Flag successions that contradict a known order, and versions of the wrong base."""
        for claim in (*claims.successions, *claims.derivations):
            finding = self._judge(doc, claim)
            if finding is not None:
                yield finding

    def _judge(self, doc: Document, claim: Succession | Derivation) -> Finding | None:
        """A finding for one claim that its rule contradicts, else None."""
        if isinstance(claim, Succession):
            first, second, wrong = claim.newer, claim.older, self._error
        else:
            first, second, wrong = claim.variant, claim.base, self._version_error
        line = self.lines.get(first.entity)
        if line is None or self.lines.get(second.entity) is not line:
            return None
        fact = wrong(line, first.entity, second.entity)
        severity = None if fact is None else severity_for(line.rule, claim.assertion)
        if severity is None:
            return None
        if isinstance(claim, Succession):
            message = line.rule.format(newer=first.surface, older=second.surface, fact=fact)
        else:
            template = line.rule.options.get("variant_message", DEFAULT_VARIANT_MESSAGE)
            message = template.format_map(
                {"variant": first.surface, "base": second.surface, "fact": fact}
            )
        return make_finding(doc, line.rule, claim.start, claim.end, message, severity=severity)

    def _version_error(self, line: _Line, variant: str, base: str) -> str | None:
        """What is true instead, when the claim that `variant` is a version of `base` is
        wrong; two members of one generation the rule does not tell apart pass."""
        name = self.entities
        derived_from = line.variants.get(variant)
        if derived_from == base:
            return None
        if derived_from is not None:
            return f"{name[variant].name} is a variant of {name[derived_from].name}"
        if line.variants.get(base) == variant:
            return (
                f"{name[base].name} is a variant of {name[variant].name}, not the other way round"
            )
        if line.tiers[variant] == line.tiers[line.base(base)]:
            return None
        return f"{name[variant].name} is a generation of its own ({line.chain})"

    def _error(self, line: _Line, newer: str, older: str) -> str | None:
        """What is true instead, when the claim that `newer` follows `older` is wrong."""
        name = self.entities
        for variant, base in ((newer, older), (older, newer)):
            if line.variants.get(variant) == base:
                variant_name, base_name = name[variant].name, name[base].name
                return f"{variant_name} is a variant of {base_name}, not another generation"
        if line.tiers[line.base(newer)] < line.tiers[line.base(older)]:
            return f"{name[newer].name} came before {name[older].name} ({line.chain})"
        return None


def build(
    rules: Sequence[Rule], entities: Mapping[str, Entity], defaults: Mapping[str, Any] | None = None
) -> LineageCheck:
    """Index the rules by product; a product in two lines, or twice in one, is an error."""
    lines: dict[str, _Line] = {}
    problems: list[Problem] = []
    for rule in rules:
        tiers: dict[str, int] = {}
        names = []
        for tier, generation in enumerate(rule.options["order"]):
            members = [generation] if isinstance(generation, str) else list(generation)
            for member in members:
                if member in tiers:
                    problems.append(
                        Problem(
                            rule.path,
                            rule.line_of("order"),
                            f"rule {rule.id!r}: {member!r} appears twice in the order (a cycle): "
                            "list each generation once",
                        )
                    )
                tiers[member] = tier
            names.append("/".join(entities[m].name if m in entities else m for m in members))
        variants = dict(rule.options.get("variants", {}))
        wrong = message_problem(
            rule.id,
            rule.options.get("variant_message", DEFAULT_VARIANT_MESSAGE),
            VARIANT_PLACEHOLDERS,
            "variant_message",
        )
        if wrong is not None:
            problems.append(Problem(rule.path, rule.line_of("variant_message"), wrong))
        for variant, base in variants.items():
            if base not in tiers:
                problems.append(
                    Problem(
                        rule.path,
                        rule.line_of("variants", variant),
                        f"rule {rule.id!r}: variant {variant!r} is derived from {base!r}, "
                        "which is not in `order`",
                    )
                )
        for ref in [*tiers, *variants]:
            if ref not in entities:
                problems.append(
                    Problem(
                        rule.path,
                        rule.line_of("order"),
                        f"rule {rule.id!r}: entity {ref!r} is not defined",
                    )
                )
        line = _Line(rule, tiers, variants, " → ".join(names))
        for member in [*tiers, *variants]:
            if member in lines and lines[member].rule is not rule:
                problems.append(
                    Problem(
                        rule.path,
                        rule.line_of("order"),
                        f"rule {rule.id!r}: {member!r} is already ordered by rule "
                        f"{lines[member].rule.id!r}",
                    )
                )
            lines[member] = line
    if problems:
        raise FactlintError(problems)
    return LineageCheck(lines, entities)
