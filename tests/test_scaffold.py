"""`factlint init`: a starter config and rules that validate, never overwriting a file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factlint.cli import main


def test_init_writes_a_working_starter_and_keeps_existing_files(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".factlint.toml").write_text("# mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0
    assert ".factlint.toml: exists, left as it is" in result.output
    assert Path(".factlint.toml").read_text(encoding="utf-8") == "# mine\n"
    assert Path("rules/entities.yaml").exists() and Path("rules/rules.yaml").exists()
    tested = CliRunner().invoke(main, ["rules", "test"])
    assert tested.exit_code == 0 and tested.output.strip().endswith("passed, 0 failed")
    kinds = Path("rules/rules.yaml").read_text(encoding="utf-8")
    for kind in ("attribution", "lineage", "figure", "naming"):
        assert f"kind: {kind}" in kinds
    again = CliRunner().invoke(main, ["init"])
    assert "rules/rules.yaml: exists, left as it is" in again.output
