"""What every rule kind shares: the Check protocol and how a finding is made."""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

from factlint.claims import Assertion, Claims
from factlint.document import Document
from factlint.entities import Entity
from factlint.findings import Finding, Related, Severity

if TYPE_CHECKING:
    from factlint.rules import Rule

ID_SCHEMA = {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"}
IDS_SCHEMA = {"type": "array", "items": ID_SCHEMA, "minItems": 1, "uniqueItems": True}
WORDS_SCHEMA = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}


class Check(Protocol):
    """A compiled rule kind: all rules of one kind, indexed for fast lookup."""

    def check(self, doc: Document, claims: Claims) -> Iterator[Finding]:
        """Findings for one document."""
        ...

    def covers(self, doc: Document, claims: Claims, claim: object) -> bool:
        """Whether a rule of this kind states the fact `claim` is about (so the rule, not
        cross-article consistency, judges it)."""
        ...


def severity_for(rule: Rule, assertion: Assertion) -> Severity | None:
    """The severity a claim deserves, or None to stay quiet.

    Negated, conditional and disputed claims are not the article's own assertion;
    hedged and reported ones are, but less firmly, so they are warnings at most.
    """
    if assertion is Assertion.PLAIN:
        return rule.severity
    if assertion in (Assertion.HEDGED, Assertion.REPORTED):
        return rule.severity.at_most(Severity.WARNING)
    return None


def message_problem(
    rule_id: str, message: str, allowed: Iterable[str], field: str = "message"
) -> str | None:
    """What is wrong with a rule's message (or other message `field`), if anything:
    placeholders are plain names that its kind fills."""
    try:
        fields = list(string.Formatter().parse(message))
    except ValueError:
        return (
            f"rule {rule_id!r}: {field} has an unmatched {{ or }}: "
            "write {{ and }} for a literal brace"
        )
    for _, placeholder, spec, conversion in fields:
        if placeholder is not None and (spec or conversion):
            # A format spec is code-like ({found:>999999999} allocates a gigabyte, and
            # {found:d} raises on text when a finding is made): placeholders are plain.
            return (
                f"rule {rule_id!r}: placeholders take no format spec or "
                f"conversion: write {{{placeholder}}}"
            )
        if placeholder is not None and placeholder not in allowed:
            return (
                f"rule {rule_id!r}: unknown placeholder {{{placeholder}}} in {field}; "
                f"use {', '.join('{' + p + '}' for p in sorted(allowed))}"
            )
    return None


def make_finding(
    doc: Document,
    rule: Rule,
    start: int,
    end: int,
    message: str,
    *,
    kind: str | None = None,
    severity: Severity | None = None,
    suggestion: str | None = None,
    related: tuple[Related, ...] = (),
) -> Finding:
    """A finding for the text at [start, end) of `doc`, attributed to `rule`."""
    line, column, end_line, end_column, text = doc.span(start, end)
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        kind=kind or rule.kind,
        severity=severity or rule.severity,
        message=message,
        source=rule.source,
        suggestion=suggestion,
        related=related,
        text=text,
    )


def ancestors(entity_id: str, entities: Mapping[str, Entity]) -> list[str]:
    """The entity and its parents, nearest first."""
    chain = [entity_id]
    parent = entities[entity_id].parent if entity_id in entities else None
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = entities[parent].parent if parent in entities else None
    return chain
