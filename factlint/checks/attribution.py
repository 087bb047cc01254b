"""attribution: a product or model belongs to one company.

Flags text that gives a product to the wrong company, in the forms articles use:
"Qwen di Tencent", "il modello Qwen di Tencent", "Tencent's Qwen", "Tencent (Qwen)",
"Qwen, developed by Tencent", "sviluppato da Tencent". Two names in one sentence are not
an attribution by themselves; a relation template must join them (see the language files).
The owner's subsidiaries and parents count as the owner ("Qwen di Alibaba Cloud");
`partners` lists companies that distribute or host the product and are not wrong either.

Options: `owner` (entity id), `products` (entity ids), `partners` (entity ids, optional).
Message placeholders: {product}, {owner}, {claimed}.

    - id: qwen-owner
      kind: attribution
      owner: alibaba
      products: [qwen]
      severity: error
      message: "{product} is made by {owner}, not {claimed}"
      source: https://qwenlm.github.io/about/
      examples:
        fail: [{it: "Qwen di Tencent"}]
        pass: [{it: "Qwen di Alibaba"}]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factlint.checks.base import ID_SCHEMA, IDS_SCHEMA, ancestors, make_finding, severity_for
from factlint.claims import Attribution, Claims
from factlint.document import Document
from factlint.entities import Entity
from factlint.errors import FactlintError, Problem
from factlint.findings import Finding

if TYPE_CHECKING:
    from factlint.rules import Rule

KIND = "attribution"
PLACEHOLDERS = frozenset({"product", "owner", "claimed"})
OPTIONS_SCHEMA = {
    "properties": {"owner": ID_SCHEMA, "products": IDS_SCHEMA, "partners": IDS_SCHEMA},
    "required": ["owner", "products"],
}


@dataclass(frozen=True, slots=True)
class _Fact:
    rule: Rule
    owner: str
    accepted: frozenset[str]


@dataclass(frozen=True)
class AttributionCheck:
    """Every attribution rule, indexed by product."""

    facts: Mapping[str, _Fact]
    entities: Mapping[str, Entity]

    def covers(self, doc: Document, claims: Claims, claim: object) -> bool:
        """Whether a rule names the owner of the claim's product."""
        return isinstance(claim, Attribution) and claim.product.entity in self.facts

    def check(self, doc: Document, claims: Claims) -> Iterator[Finding]:
        """Flag attributions that give a known product to another company."""
        for claim in claims.attributions:
            fact = self.facts.get(claim.product.entity)
            if fact is None:
                continue
            claimed = claim.owner.entity
            if claimed in fact.accepted or fact.owner in ancestors(claimed, self.entities):
                continue
            severity = severity_for(fact.rule, claim.assertion)
            if severity is None:
                continue
            owner = self.entities[fact.owner].name
            message = fact.rule.format(
                product=claim.product.surface,
                owner=owner,
                claimed=claim.owner.surface,
            )
            yield make_finding(
                doc, fact.rule, claim.start, claim.end, message, severity=severity, suggestion=owner
            )


def build(
    rules: Sequence[Rule], entities: Mapping[str, Entity], defaults: Mapping[str, Any] | None = None
) -> AttributionCheck:
    """Index the rules by product; a product with two owners is an error."""
    facts: dict[str, _Fact] = {}
    problems: list[Problem] = []
    for rule in rules:
        owner = rule.options["owner"]
        referenced = [("owner", owner)] + [("products", p) for p in rule.options["products"]]
        referenced += [("partners", p) for p in rule.options.get("partners", ())]
        missing = [(key, ref) for key, ref in referenced if ref not in entities]
        for key, ref in missing:
            problems.append(
                Problem(
                    rule.path, rule.line_of(key), f"rule {rule.id!r}: entity {ref!r} is not defined"
                )
            )
        if missing:
            continue
        # The owner's parents are the owner too ("Qwen di Alibaba Group" for Alibaba Cloud).
        accepted = frozenset(ancestors(owner, entities)) | frozenset(
            rule.options.get("partners", ())
        )
        for product in rule.options["products"]:
            if product in facts:
                other = facts[product]
                problems.append(
                    Problem(
                        rule.path,
                        rule.line_of("products"),
                        f"rule {rule.id!r} gives {product!r} to {owner!r}, but rule "
                        f"{other.rule.id!r} ({other.rule.path}:{other.rule.line}) gives it to "
                        f"{other.owner!r}: keep one owner",
                    )
                )
                continue
            facts[product] = _Fact(rule, owner, accepted)
    if problems:
        raise FactlintError(problems)
    return AttributionCheck(facts, entities)
