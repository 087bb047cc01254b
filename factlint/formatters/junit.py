"""JUnit XML, for GitLab (`artifacts:reports:junit`), Jenkins (`junit` step) and the other
CI servers that read test reports.

One `<testsuite name="factlint">`. A checked article without findings is one passing
`<testcase>`; every finding is a `<testcase>` of its own holding one `<failure>` (type: the
rule id; message: severity and message; body: location, quoted text, suggestion, source,
related places). A finding is its own test case, rather than one of several failures of
its file's test case, because Jenkins and GitLab show only the first failure of a test case
and some readers reject a second. Test names are built from the path, the rule and the
quoted text, not the line, so GitLab can tell a new failure from an old one that moved.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePath

from factlint.findings import Finding
from factlint.formatters import Report

SUITE = "factlint"
# Characters XML 1.0 cannot carry at all, not even escaped (most C0 controls, lone
# surrogates, U+FFFE/U+FFFF); ElementTree would write them and produce a broken file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _body(finding: Finding) -> str:
    lines = [
        f"{finding.path}:{finding.line}:{finding.column}: "
        f"{finding.severity.value} {finding.rule} {finding.message}"
    ]
    if finding.text:
        lines.append(f"text: “{finding.text}”")
    if finding.suggestion:
        lines.append(f"suggestion: {finding.suggestion}")
    if finding.source:
        lines.append(f"source: {finding.source}")
    lines.extend(
        f"see {related.path}:{related.line}:{related.column}: {related.message}"
        for related in finding.related
    )
    return "\n".join(lines)


def _cases(report: Report) -> Iterator[tuple[str, str, Finding | None]]:
    """(path, test name, finding or None for a passing document), paths in sorted order."""
    by_path: dict[str, list[Finding]] = {}
    for finding in sorted(report.findings):
        by_path.setdefault(finding.path, []).append(finding)
    # `checked` lists every article checked; a Report built without it (by a caller that
    # predates it) still has the documents, which then stand for the checked articles.
    checked = report.checked or tuple(report.documents)
    for path in sorted(set(checked) | set(by_path)):
        findings = by_path.get(path, [])
        if not findings:
            yield path, path, None
            continue
        # Names must be unique: GitLab keys test cases by suite, class and name.
        seen: Counter[str] = Counter()
        for finding in findings:
            what = f"“{finding.text}”" if finding.text else f"{finding.line}:{finding.column}"
            name = f"{path}: {finding.rule} {what}"
            seen[name] += 1
            yield path, name + (f" ({seen[name]})" if seen[name] > 1 else ""), finding


def junit_tree(report: Report) -> ET.Element:
    """The report as a `<testsuites>` element holding one `<testsuite>`."""
    cases = list(_cases(report))
    tests = str(len(cases))
    failures = str(sum(1 for _, _, finding in cases if finding is not None))
    counts = {"tests": tests, "failures": failures, "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    for path, name, finding in cases:
        case = ET.SubElement(
            suite,
            "testcase",
            # `file` is what GitLab links to: a path relative to the repository.
            {"classname": SUITE, "name": _clean(name), "file": _clean(PurePath(path).as_posix())},
        )
        if finding is not None:
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "type": _clean(finding.rule),
                    "message": _clean(f"{finding.severity.value}: {finding.message}"),
                },
            )
            failure.text = _clean(_body(finding))
    return root


def format(report: Report) -> str:
    """The findings as a JUnit XML report (UTF-8)."""
    root = junit_tree(report)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
