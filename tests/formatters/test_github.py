"""GitHub Actions output: one workflow command per finding, escaped as the runner expects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factlint.findings import Finding, Related, Severity
from factlint.formatters import Report, formatters, github
from tests.conftest import entities_only, run_check, write_article

ROOT = Path(__file__).parents[2]


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
        **changes,
    }
    return Finding(**fields)


def test_registered() -> None:
    assert formatters()["github"] is github.format


def test_one_command_per_finding_with_location_and_title() -> None:
    out = github.format(Report([finding()]))
    assert out == (
        "::error file=a.md,line=9,col=12,endLine=9,endColumn=27,title=alibaba-models"
        "::Qwen is Alibaba's model family, not Tencent's\n"
    )


def test_severities() -> None:
    found = [finding(severity=s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    commands = [line.split(" ", 1)[0] for line in github.format(Report(found)).splitlines()]
    assert commands == ["::error", "::warning", "::notice"]


def test_escaping_of_data_and_properties() -> None:
    assert github.escape_data("50% up\r\nnext: a, b") == "50%25 up%0D%0Anext: a, b"
    assert github.escape_property("50% a:b,c\nd") == "50%25 a%3Ab%2Cc%0Ad"
    out = github.format(
        Report(
            [
                finding(
                    path="dir,1/a:b%.md",
                    rule="consistency.figure",
                    message="100% sure: 36, not 63\nsecond line",
                )
            ]
        )
    )
    assert out == (
        "::error file=dir%2C1/a%3Ab%25.md,line=9,col=12,endLine=9,endColumn=27,"
        "title=consistency.figure::100%25 sure: 36, not 63%0Asecond line\n"
    )
    # One finding, one line, whatever its text holds.
    assert out.count("\n") == 1


def test_source_suggestion_and_related_in_the_body() -> None:
    out = github.format(
        Report(
            [
                finding(
                    source="https://qwenlm.github.io/about/",
                    suggestion="Alibaba",
                    related=(Related("b.md", 3, 1, "says “36”"),),
                )
            ]
        )
    )
    body = out.split("::", 2)[2].rstrip("\n")
    assert body.split("%0A") == [
        "Qwen is Alibaba's model family, not Tencent's",
        "Suggestion: Alibaba",
        "Source: https://qwenlm.github.io/about/",
        "See b.md:3:1: says “36”",
    ]


def test_multi_line_spans_have_no_columns() -> None:
    out = github.format(Report([finding(end_line=10, end_column=3)]))
    assert out.startswith("::error file=a.md,line=9,endLine=10,title=alibaba-models::")


def test_nothing_to_report() -> None:
    assert github.format(Report([])) == ""


# End to end through the command.


def test_cli_wrong_attribution_and_cross_article_conflict(tmp_path: Path) -> None:
    wrong = write_article(
        tmp_path, "wrong.md", "it", "Il modello Qwen di Tencent è tra i più usati."
    )
    code, out = run_check(wrong, "--rules", str(ROOT / "rules"), "--format", "github")
    assert code == 1
    file = github.escape_property(wrong)
    assert out.startswith(
        f"::error file={file},line=5,col=12,endLine=5,endColumn=27,title=alibaba-models::"
        "Qwen is Alibaba's model family, not Tencent's%0ASuggestion: Alibaba%0ASource: https://"
    )
    assert out.count("\n") == 1

    a = write_article(tmp_path, "a.md", "it", "Qwen di Alibaba è tra i modelli più usati.")
    b = write_article(tmp_path, "b.md", "en", "Tencent's Qwen is among the most used models.")
    code, out = run_check(a, b, "--rules", str(entities_only(tmp_path)), "--format", "github")
    assert code == 1
    first, second = out.splitlines()
    assert "title=consistency.attribution::" in first
    assert first.endswith(f"%0ASee {b}:5:1: says “Tencent's Qwen”")
    assert second.endswith(f"%0ASee {a}:5:1: says “Qwen di Alibaba”")
