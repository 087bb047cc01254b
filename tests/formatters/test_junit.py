"""JUnit XML output: parses back, counts add up, clean documents pass, text is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from factlint.document import make_document
from factlint.findings import Finding, Related, Severity
from factlint.formatters import Report, formatters, junit
from tests.conftest import entities_only, run_check, write_article

ROOT = Path(__file__).parents[2]
STOPWORDS = {"it": frozenset({"il"})}


def finding(**changes: Any) -> Finding:
    fields: dict[str, Any] = {
        "path": "a.md",
        "line": 9,
        "column": 12,
        "end_line": 9,
        "end_column": 27,
        "rule": "alibaba-models",
        "kind": "attribution",
        "severity": Severity.ERROR,
        "message": "Qwen is Alibaba's model family, not Tencent's",
        "source": "https://qwenlm.github.io/about/",
        "suggestion": "Alibaba",
        "text": "Qwen di Tencent",
        **changes,
    }
    return Finding(**fields)


def doc(path: str) -> Any:
    return make_document(path, "Testo.\n", default_lang="it", stopwords=STOPWORDS)


def parse(report: Report) -> ET.Element:
    out = junit.format(report)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_registered() -> None:
    assert formatters()["junit"] is junit.format


def test_one_suite_clean_documents_pass_each_finding_fails() -> None:
    found = [
        finding(),
        finding(line=12, column=1, end_line=12, end_column=4, rule="r2", text="H20"),
        finding(path="c.md", severity=Severity.WARNING),
    ]
    documents = {path: doc(path) for path in ("a.md", "b.md")}
    root = parse(Report(found, documents))
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "factlint"
    for element in (root, suite):
        assert element.get("tests") == "4" and element.get("failures") == "3"
        assert element.get("errors") == "0" and element.get("skipped") == "0"
    cases = suite.findall("testcase")
    assert [(c.get("file"), c.get("name")) for c in cases] == [
        ("a.md", "a.md: alibaba-models “Qwen di Tencent”"),
        ("a.md", "a.md: r2 “H20”"),
        ("b.md", "b.md"),
        ("c.md", "c.md: alibaba-models “Qwen di Tencent”"),
    ]
    assert cases[2].find("failure") is None
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "alibaba-models"
    assert failure.get("message") == "error: Qwen is Alibaba's model family, not Tencent's"
    assert (failure.text or "").splitlines() == [
        "a.md:9:12: error alibaba-models Qwen is Alibaba's model family, not Tencent's",
        "text: “Qwen di Tencent”",
        "suggestion: Alibaba",
        "source: https://qwenlm.github.io/about/",
    ]
    warning = cases[3].find("failure")
    assert warning is not None and (warning.get("message") or "").startswith("warning: ")


def test_escaping_of_markup_characters() -> None:
    nasty = "a <b> & \"c\" 'd'"
    found = finding(
        path='x&<"y">.md',
        message=nasty,
        text=nasty,
        source=nasty,
        related=(Related("z.md", 1, 2, nasty),),
    )
    out = junit.format(Report([found]))
    root = ET.fromstring(out)
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("file") == 'x&<"y">.md'
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == f"error: {nasty}"
    body = failure.text or ""
    assert f"text: “{nasty}”" in body and f"see z.md:1:2: {nasty}" in body
    # Escaped by the serializer, not dropped or doubled.
    assert "&amp;" in out and "&lt;b&gt;" in out and "&amp;amp;" not in out


def test_checked_articles_pass_and_documents_alone_do_not_add_cases() -> None:
    # The corpus article has a document (it is quoted) but was not checked: no test case.
    report = Report(
        [finding()],
        {"a.md": doc("a.md"), "corpus.md": doc("corpus.md")},
        checked=("a.md", "b.md"),
    )
    cases = parse(report).findall("testsuite/testcase")
    assert [(c.get("name"), c.find("failure") is None) for c in cases] == [
        ("a.md: alibaba-models “Qwen di Tencent”", False),
        ("b.md", True),
    ]


def test_characters_xml_cannot_carry_are_replaced() -> None:
    root = ET.fromstring(junit.format(Report([finding(message="a\x00b\x0cc", text="d\x1be")])))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "error: a\ufffdb\ufffdc"


def test_multi_line_messages_survive_in_attributes() -> None:
    root = ET.fromstring(junit.format(Report([finding(message="one\ntwo")])))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "error: one\ntwo"


def test_duplicate_names_are_numbered() -> None:
    found = [finding(), finding(line=20, end_line=20)]
    names = [c.get("name") for c in parse(Report(found)).iter("testcase")]
    assert names == [
        "a.md: alibaba-models “Qwen di Tencent”",
        "a.md: alibaba-models “Qwen di Tencent” (2)",
    ]


def test_nothing_to_report_is_an_empty_passing_suite() -> None:
    root = parse(Report([]))
    assert root.get("tests") == "0" and root.get("failures") == "0"
    assert root.find("testsuite") is not None


# End to end through the command.


def test_cli_wrong_attribution_and_cross_article_conflict(tmp_path: Path) -> None:
    wrong = write_article(
        tmp_path, "wrong.md", "it", "Il modello Qwen di Tencent è tra i più usati."
    )
    clean = write_article(tmp_path, "clean.md", "it", "Qwen di Alibaba Cloud è tra i più usati.")
    code, out = run_check(wrong, clean, "--rules", str(ROOT / "rules"), "--format", "junit")
    assert code == 1
    suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    failing = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    (case,) = failing
    assert case.get("file") == wrong
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "alibaba-models"
    assert f"{wrong}:5:12:" in (failure.text or "")

    a = write_article(tmp_path, "a.md", "it", "Qwen di Alibaba è tra i modelli più usati.")
    b = write_article(tmp_path, "b.md", "en", "Tencent's Qwen is among the most used models.")
    code, out = run_check(a, b, "--rules", str(entities_only(tmp_path)), "--format", "junit")
    assert code == 1
    failures = ET.fromstring(out.encode("utf-8")).findall("testsuite/testcase/failure")
    assert [f.get("type") for f in failures] == ["consistency.attribution"] * 2
    assert f"see {b}:5:1:" in (failures[0].text or "")
