"""Inline suppressions: next line, ranges, bare forms, and unused ones reported."""

from __future__ import annotations

from tests.conftest import lint_text


def run(linter, tmp_path, body: str):
    path = tmp_path / "a.md"
    path.write_text("---\nlang: it\n---\n" + body, encoding="utf-8")
    return [(f.line, f.rule) for f in linter.run([str(path)]).findings]


def test_disable_next_line(linter, tmp_path) -> None:
    body = (
        "<!-- factlint-disable-next-line alibaba-models -->\n\nQwen di Tencent.\nQwen di Tencent.\n"
    )
    assert run(linter, tmp_path, body) == [(7, "alibaba-models")]


def test_disable_by_kind_and_bare(linter, tmp_path) -> None:
    body = (
        "<!-- factlint-disable attribution -->\nQwen di Tencent.\n<!-- factlint-enable attribution -->\n"
        "<!-- factlint-disable -->\nL'H100, evoluzione dell'H200.\n<!-- factlint-enable -->\n"
        "Qwen di Tencent.\n"
    )
    assert run(linter, tmp_path, body) == [(10, "alibaba-models")]


def test_disable_without_enable_lasts_to_the_end(linter, tmp_path) -> None:
    body = (
        "Testo.\n<!-- factlint-disable alibaba-models -->\nQwen di Tencent.\n\nQwen di Tencent.\n"
    )
    assert run(linter, tmp_path, body) == []


def test_unused_suppressions_are_reported(linter, tmp_path) -> None:
    body = "<!-- factlint-disable-next-line alibaba-models -->\nQwen di Alibaba.\n"
    assert run(linter, tmp_path, body) == [(4, "unused-suppression")]
    path = tmp_path / "a.md"
    (finding,) = linter.run([str(path)]).findings
    assert (
        finding.message == "factlint-disable-next-line (alibaba-models) silences nothing: remove it"
    )
    assert finding.severity.value == "warning"


def test_a_suppression_for_another_rule_does_not_silence(linter, tmp_path) -> None:
    body = "<!-- factlint-disable-next-line lineage -->\nQwen di Tencent.\n"
    assert run(linter, tmp_path, body) == [(4, "unused-suppression"), (5, "alibaba-models")]


def test_suppression_comments_are_not_checked(linter) -> None:
    assert (
        lint_text(linter, "<!-- factlint-disable-next-line Qwen di Tencent -->\nTesto.\n", "it")
        == []
    )
