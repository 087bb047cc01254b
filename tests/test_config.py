"""Configuration: found by walking up, validated with file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.config import Config, discover_config, find_config, load_config
from factlint.errors import FactlintError


def test_found_walking_up_nearest_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nlang = "en"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".factlint.toml").write_text('lang = "it"\n')
    assert find_config(sub) == tmp_path / "a" / ".factlint.toml"
    assert discover_config(sub).lang == "it"


def test_pyproject_without_factlint_settings_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(tmp_path) is None
    assert discover_config(tmp_path) == Config()


def test_paths_are_relative_to_the_config(tmp_path: Path) -> None:
    path = tmp_path / ".factlint.toml"
    path.write_text('rules = ["r"]\ncorpus = ["archive"]\nbaseline = "b.json"\n')
    config = load_config(path)
    assert config.rules == (tmp_path / "r",)
    assert config.corpus == (tmp_path / "archive",)
    assert config.baseline == tmp_path / "b.json"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            '[tool.factlint]\nlang = "it"\nrulez = ["r"]\n',
            3,
            "unknown setting 'rulez' (did you mean 'rules'?)",
        ),
        ("[tool.factlint]\nlang = 3\n", 2, "setting lang: 3 is not of type 'string'"),
        (
            '[tool.factlint]\nseverity = {naming = "fatal"}\n',
            2,
            "setting severity.naming: 'fatal' is not one of",
        ),
        (
            "[tool.factlint]\nfuzzy_threshold = 120\n",
            2,
            "setting fuzzy_threshold: 120 is greater than the maximum",
        ),
        ('[tool.factlint]\nlang = "it\n', 2, "TOML syntax error"),
    ],
)
def test_mistakes_name_file_key_and_line(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    with pytest.raises(FactlintError) as caught:
        load_config(path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (str(path), line)
    assert fragment in problem.message


def test_config_drives_the_command(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from factlint.cli import main

    root = Path(__file__).parent.parent
    (tmp_path / ".factlint.toml").write_text(
        f'rules = ["{(root / "rules").as_posix()}"]\nlang = "it"\nexclude = ["drafts/*"]\n'
        'disable = ["naming"]\n[severity]\nattribution = "warning"\n',
        encoding="utf-8",
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text("L'H100, evoluzione dell'H200.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Qwen di Tencent e Bytedance.\n", encoding="utf-8")
    (tmp_path / "b.mdx").write_text("Qwen di Tencent.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", ".", "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    assert [(f["rule"], f["severity"]) for f in json.loads(result.stdout)] == [
        ("alibaba-models", "warning")
    ]


def test_include_globs_replace_the_default_suffixes(tmp_path: Path, monkeypatch) -> None:
    import json

    from click.testing import CliRunner

    from factlint.cli import main

    root = Path(__file__).parent.parent
    (tmp_path / ".factlint.toml").write_text(
        f'rules = ["{(root / "rules").as_posix()}"]\nlang = "it"\ninclude = ["*.mdx"]\n',
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text("Qwen di Tencent.\n", encoding="utf-8")
    (tmp_path / "b.mdx").write_text("Qwen di Tencent.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", ".", "--format", "json"])
    assert [Path(f["path"]).name for f in json.loads(result.stdout)] == ["b.mdx"]
