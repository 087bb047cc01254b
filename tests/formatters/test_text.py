"""Text output: the finding line, the quoted line with the span marked, suggestion, source."""

from __future__ import annotations

from factlint.document import make_document
from factlint.findings import Finding, Related, Severity
from factlint.formatters import Report, text

STOPWORDS = {"it": frozenset({"il"})}


def finding(line: int, column: int, end_column: int, **extra) -> Finding:
    return Finding(
        "a.md", line, column, line, end_column, "r1", "attribution", Severity.ERROR, "msg", **extra
    )


def test_marks_the_span() -> None:
    doc = make_document(
        "a.md", "uno\nIl modello Qwen di Tencent.\n", default_lang="it", stopwords=STOPWORDS
    )
    out = text.format(
        Report([finding(2, 12, 27, source="src", suggestion="Alibaba")], {"a.md": doc})
    )
    assert out.splitlines() == [
        "a.md:2:12: error r1 msg",
        "    2 | Il modello Qwen di Tencent.",
        "      |            ^^^^^^^^^^^^^^^",
        "      = suggestion: Alibaba",
        "      = source: src",
    ]


def test_long_lines_are_cut_around_the_span() -> None:
    line = "x" * 200 + " Qwen di Tencent " + "y" * 200
    doc = make_document("a.md", line, default_lang="it", stopwords=STOPWORDS)
    start = line.index("Qwen") + 1
    out = text.format(Report([finding(1, start, start + 15)], {"a.md": doc})).splitlines()
    assert len(out[1]) < 120 and "Qwen di Tencent" in out[1]
    assert out[2].index("^") == out[1].index("Qwen")


def test_related_and_colour() -> None:
    related = (Related("b.md", 3, 1, "the other article says 36"),)
    out = text.format(Report([finding(1, 1, 2, related=related)], color=True))
    assert "\033[31merror\033[0m" in out
    assert "      = see b.md:3:1: the other article says 36" in out


def test_nothing_to_report() -> None:
    assert text.format(Report([])) == ""
