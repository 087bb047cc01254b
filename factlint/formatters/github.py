"""GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
finding, which the runner turns into an annotation on the file and line.

    ::error file=a.md,line=9,col=12,endLine=9,endColumn=27,title=alibaba-models::MESSAGE

The message body also carries the suggestion, the rule's source and the related places,
one per line (newlines are escaped, as the runner expects).
"""

from __future__ import annotations

from pathlib import PurePath

from factlint.findings import Finding, Severity
from factlint.formatters import Report

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the runner unescapes it (`%` first, then line breaks)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: as data, plus the `:` and `,` that delimit them."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(finding: Finding) -> str:
    props = [("file", PurePath(finding.path).as_posix()), ("line", str(finding.line))]
    # GitHub keeps columns only on one-line annotations; for a span over several lines they
    # would be dropped or misplaced, so they are left out.
    if finding.end_line == finding.line:
        props.append(("col", str(finding.column)))
    props.append(("endLine", str(finding.end_line)))
    if finding.end_line == finding.line:
        props.append(("endColumn", str(finding.end_column)))
    props.append(("title", finding.rule))
    return ",".join(f"{key}={escape_property(value)}" for key, value in props)


def _body(finding: Finding) -> str:
    lines = [finding.message]
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    if finding.source:
        lines.append(f"Source: {finding.source}")
    lines.extend(
        f"See {related.path}:{related.line}:{related.column}: {related.message}"
        for related in finding.related
    )
    return "\n".join(lines)


def command(finding: Finding) -> str:
    """The workflow command for one finding."""
    name = _COMMANDS[finding.severity]
    return f"::{name} {_properties(finding)}::{escape_data(_body(finding))}"


def format(report: Report) -> str:
    """The findings as GitHub Actions annotations, one command a line."""
    return "".join(command(finding) + "\n" for finding in report.findings)
