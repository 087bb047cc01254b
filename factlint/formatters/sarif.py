"""SARIF 2.1.0: one run, the rules that have findings as reportingDescriptors, one result
per finding, for GitHub code scanning and other SARIF viewers.

Columns are the findings' own (1-based Unicode code points, end exclusive, as SARIF's
regions are), so the run declares `columnKind: unicodeCodePoints`. Each result carries a
`partialFingerprints` entry computed from the rule, the path and the quoted text, never from
the line, so an alert keeps its identity when lines are added above it.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
from collections import Counter
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from factlint import __version__
from factlint.findings import Finding, Related, Severity
from factlint.formatters import Report
from factlint.rules import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# The project has no public home page yet; the driver needs one. Change it here when it does.
INFORMATION_URI = "https://pypi.org/project/factlint/"
# Versioned so the computation can change later without colliding with old alerts.
FINGERPRINT_KEY = "factlint/v1"
CONSISTENCY_PREFIX = "consistency."

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# What each kind of cross-article comparison is about, for the descriptors of rule ids
# like `consistency.figure` that no rule file defines.
_CONSISTENCY_TOPICS = {
    "figure": "a figure",
    "attribution": "which company makes a product",
    "lineage": "which product succeeds which",
}


def uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (forward slashes,
    percent-encoded), absolute ones become `file:` URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        # as_uri percent-encodes and handles drive letters on Windows.
        return pure.as_uri()
    # quote() also encodes ':' so a first segment like `a:b.md` is not read as a scheme.
    return quote(pure.as_posix(), safe="/")


def _template(message: str) -> str:
    """A rule's message with its placeholders shown as `<name>`: readable without values."""
    try:
        parts = string.Formatter().parse(message)
        return "".join(
            literal + (f"<{name}>" if name is not None else "") for literal, name, _, _ in parts
        )
    except ValueError:  # unbalanced braces: show the message as written
        return message


def _code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it contains."""
    # The fence must be longer than any run of backticks inside the text.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    short = f"{rule.kind.capitalize()}: {_template(rule.message)}"
    full = rule.description.strip() or short
    examples_text = [
        f"- {'fails' if ex.fails else 'passes'} ({ex.lang}): {ex.text}" for ex in rule.examples
    ]
    examples_md = [
        f"- {'fails' if ex.fails else 'passes'} ({ex.lang}): {_code(ex.text)}"
        for ex in rule.examples
    ]
    help_text = [full, "", f"Source: {rule.source}"]
    help_md = [full, "", f"**Source:** {rule.source}"]
    if rule.examples:
        help_text += ["", "Examples:", *examples_text]
        help_md += ["", "**Examples**", "", *examples_md]
    return {
        "id": rule.id,
        "name": _name(rule.id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": "\n".join(help_text), "markdown": "\n".join(help_md)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"kind": rule.kind, "source": rule.source, "tags": ["factlint", rule.kind]},
    }


def _consistency_descriptor(rule_id: str) -> dict[str, Any]:
    kind = rule_id.removeprefix(CONSISTENCY_PREFIX)
    topic = _CONSISTENCY_TOPICS.get(kind, kind)
    short = f"Articles disagree about {topic}"
    full = (
        f"{short}. Found by comparing the claims of the checked articles (and of any --corpus "
        "articles) with one another, not by a rule file, so there is no source to cite: one "
        "of the claims is wrong, or they are about different things. The related locations "
        "point at the claims that disagree. A rule with a source settles the fact for good."
    )
    return {
        "id": rule_id,
        "name": _name(rule_id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": full},
        # A plain disagreement is an error; hedged or dated ones are lowered per result.
        "defaultConfiguration": {"level": "error"},
        "properties": {
            "kind": "consistency",
            "source": None,
            "tags": ["factlint", "consistency", kind],
        },
    }


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """A rule the report has no metadata for (a Report built without its rules)."""
    return {
        "id": finding.rule,
        "name": _name(finding.rule),
        "shortDescription": {"text": f"{finding.kind.capitalize()} rule {finding.rule}"},
        "defaultConfiguration": {"level": _LEVELS[finding.severity]},
        "properties": {
            "kind": finding.kind,
            "source": finding.source,
            "tags": ["factlint", finding.kind],
        },
    }


def _name(rule_id: str) -> str:
    """`alibaba-models` → `AlibabaModels`: SARIF's name is an identifier, not prose."""
    words = [w for w in rule_id.replace(".", "-").replace("_", "-").split("-") if w]
    return "".join(w[:1].upper() + w[1:] for w in words) or rule_id


def _descriptor(finding: Finding, rules: Mapping[str, Rule]) -> dict[str, Any]:
    rule = rules.get(finding.rule)
    if rule is not None:
        return _rule_descriptor(rule)
    if finding.rule.startswith(CONSISTENCY_PREFIX):
        return _consistency_descriptor(finding.rule)
    return _fallback_descriptor(finding)


def _quoted(finding: Finding, report: Report) -> str:
    """The text the finding is about: its own quote, else the span cut from the document."""
    if finding.text:
        return finding.text
    doc = report.documents.get(finding.path)
    if (
        doc is None
        or finding.end_line != finding.line
        or not 0 < finding.line <= len(doc.line_starts)
    ):
        return ""
    return doc.line_text(finding.line)[finding.column - 1 : finding.end_column - 1]


def fingerprints(report: Report) -> list[str]:
    """A stable identity per finding, in the report's order: sha256 of rule, path, quoted
    text and which occurrence of that text it is (lines and columns are left out on purpose)."""
    order = sorted(range(len(report.findings)), key=lambda i: report.findings[i])
    seen: Counter[tuple[str, str, str]] = Counter()
    result = [""] * len(report.findings)
    for index in order:
        finding = report.findings[index]
        key = (finding.rule, finding.path, _quoted(finding, report))
        occurrence = seen[key]
        seen[key] += 1
        material = "\0".join([*key, str(occurrence)])
        # surrogateescape: a file name that is not UTF-8 still has a fingerprint.
        result[index] = hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()
    return result


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    # SARIF wants positive numbers; a finding at line 0 would make the whole log invalid.
    start_line, start_column = max(1, line), max(1, column)
    end_line = max(start_line, end_line)
    end_column = max(1, end_column)
    if end_line == start_line:
        end_column = max(start_column, end_column)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _artifact_location(path: str, artifacts: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": uri(path)}
    if path in artifacts:
        location["index"] = artifacts[path]
    return location


def _physical_location(
    finding: Finding, report: Report, artifacts: dict[str, int]
) -> dict[str, Any]:
    region: dict[str, Any] = _region(
        finding.line, finding.column, finding.end_line, finding.end_column
    )
    if finding.text:
        region["snippet"] = {"text": finding.text}
    physical: dict[str, Any] = {
        "artifactLocation": _artifact_location(finding.path, artifacts),
        "region": region,
    }
    doc = report.documents.get(finding.path)
    if doc is not None and region["endLine"] <= len(doc.line_starts):
        # Whole lines around the span, so a viewer without the file can still show context.
        lines = range(region["startLine"], region["endLine"] + 1)
        physical["contextRegion"] = {
            "startLine": lines.start,
            "endLine": lines.stop - 1,
            "snippet": {"text": "\n".join(doc.line_text(n) for n in lines)},
        }
    return physical


def _related(related: Related, number: int, artifacts: dict[str, int]) -> dict[str, Any]:
    return {
        "id": number,
        "physicalLocation": {
            "artifactLocation": _artifact_location(related.path, artifacts),
            "region": {"startLine": max(1, related.line), "startColumn": max(1, related.column)},
        },
        "message": {"text": related.message},
    }


def _result(
    finding: Finding,
    report: Report,
    rule_index: int,
    fingerprint: str,
    artifacts: dict[str, int],
) -> dict[str, Any]:
    text = finding.message
    if finding.suggestion:
        # In the text too: most viewers (GitHub included) show nothing else of a result.
        text += f" (suggestion: {finding.suggestion})"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical_location(finding, report, artifacts)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            _related(related, number, artifacts)
            for number, related in enumerate(finding.related, start=1)
        ]
    # The suggestion is a hint (often a word to use instead), not an edit of the whole span,
    # so it is a property rather than a SARIF `fix`, which would replace the span with it.
    properties = {
        "kind": finding.kind,
        "source": finding.source,
        "suggestion": finding.suggestion,
    }
    result["properties"] = {key: value for key, value in properties.items() if value is not None}
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log of a report as plain data."""
    findings = list(report.findings)
    descriptors: dict[str, dict[str, Any]] = {}
    for finding in findings:
        if finding.rule not in descriptors:
            descriptors[finding.rule] = _descriptor(finding, report.rules)
    rule_ids = sorted(descriptors)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    artifacts: dict[str, int] = {}
    for finding in findings:
        artifacts.setdefault(finding.path, len(artifacts))
    prints = fingerprints(report)
    results = [
        _result(finding, report, rule_index[finding.rule], fingerprint, artifacts)
        for finding, fingerprint in zip(findings, prints, strict=True)
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [descriptors[rule_id] for rule_id in rule_ids],
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri(path)}} for path in artifacts],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format(report: Report) -> str:
    """The findings as a SARIF 2.1.0 log (JSON)."""
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
