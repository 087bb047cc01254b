"""Baselines: keyed by content, so they survive edits; new occurrences are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint import baseline
from factlint.cli import main
from factlint.errors import FactlintError

ROOT = Path(__file__).parent.parent
RULES = str(ROOT / "rules")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_baseline_survives_edits_and_reports_new_findings(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\nlang: it\n---\nQwen di Tencent.\n", encoding="utf-8")
    target = tmp_path / "baseline.json"
    written = run("baseline", str(article), "--rules", RULES, "-o", str(target))
    assert written.exit_code == 0, written.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "factlint-baseline"
    assert data["findings"] == [
        {"path": "a.md", "rule": "alibaba-models", "text": "Qwen di Tencent", "count": 1}
    ]
    # Lines added above: still accepted.
    article.write_text(
        "---\nlang: it\n---\nNuovo paragrafo.\n\nQwen di Tencent.\n", encoding="utf-8"
    )
    assert run("check", str(article), "--rules", RULES, "--baseline", str(target)).exit_code == 0
    # A second occurrence is new.
    article.write_text(
        "---\nlang: it\n---\nQwen di Tencent.\n\nAncora Qwen di Tencent.\n", encoding="utf-8"
    )
    checked = run(
        "check", str(article), "--rules", RULES, "--baseline", str(target), "--format", "json"
    )
    assert checked.exit_code == 1
    assert [f["line"] for f in json.loads(checked.stdout)] == [6]


def test_baseline_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("Qwen di Tencent.\n", encoding="utf-8")
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"mine": true}', encoding="utf-8")
    result = run("baseline", str(article), "--rules", RULES, "-o", str(foreign))
    assert result.exit_code == 2 and "is not a factlint baseline" in result.stderr
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}'


@pytest.mark.parametrize(
    "content",
    ["not json", '{"format": "other"}', '{"format": "factlint-baseline", "findings": [1]}'],
)
def test_a_broken_baseline_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FactlintError):
        baseline.load(path)
