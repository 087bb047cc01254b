"""What a check reports: immutable findings with their locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; `error` fails the run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def at_most(self, other: Severity) -> Severity:
        """This severity, lowered to `other` if it is more serious."""
        return self if self.rank <= other.rank else other


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding: the other article's claim, the rule's fact."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One reported problem. Ordered by path, line, column, then rule."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    kind: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    source: str | None = field(default=None, compare=False)
    suggestion: str | None = field(default=None, compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)
    text: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, object]:
        """The JSON contract of DESIGN.md (`text` is the quoted span, an addition)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source,
            "suggestion": self.suggestion,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                for r in self.related
            ],
            "text": self.text,
        }
