"""Text: one finding a line as `path:line:col: severity rule message`, then the quoted line
with the span marked, the suggestion and the rule's source."""

from __future__ import annotations

from factlint.document import Document
from factlint.findings import Finding, Severity
from factlint.formatters import Report

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def _excerpt(finding: Finding, doc: Document) -> list[str]:
    line = doc.line_text(finding.line).expandtabs(1)
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    # Long lines are cut to a window around the span so the marker stays readable.
    left = max(0, start - 40)
    right = min(len(line), max(end, start + 1) + 40)
    shown = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    offset = (1 if left else 0) + start - left
    width = max(1, min(end, right) - start)
    gutter = f"{finding.line:>5} | "
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + " " * offset + "^" * width]


def format(report: Report) -> str:
    """Findings as readable text."""
    out: list[str] = []
    color = report.color
    for finding in report.findings:
        severity = finding.severity.value
        if color:
            severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
        where = f"{finding.path}:{finding.line}:{finding.column}"
        head = f"{where}: {severity} {finding.rule} {finding.message}"
        out.append(f"{_BOLD}{head}{_RESET}" if color else head)
        doc = report.documents.get(finding.path)
        if doc is not None:
            out.extend(_excerpt(finding, doc))
        if finding.suggestion:
            out.append(f"      = suggestion: {finding.suggestion}")
        for related in finding.related:
            out.append(
                f"      = see {related.path}:{related.line}:{related.column}: {related.message}"
            )
        if finding.source:
            out.append(f"      = source: {finding.source}")
    return "\n".join(out) + ("\n" if out else "")
