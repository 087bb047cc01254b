"""The command end to end: output formats, exit codes, errors without tracebacks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

ROOT = Path(__file__).parent.parent
RULES = str(ROOT / "rules")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def article(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


WRONG_IT = """---
lang: it
title: "Qwen e il mercato"
---

# Il mercato dei modelli

Il modello `Qwen di Tencent` nel codice non conta. <!-- Qwen di Tencent -->
Il modello Qwen di Tencent è tra i più scaricati.
"""


def test_seeds_are_clean() -> None:
    code, out, err = run("check", str(ROOT / "seeds"), "--rules", RULES)
    assert code == 0
    assert out == ""
    assert "2 files" in err and "0 errors" in err


def test_text_output_quotes_the_line_marks_the_span_and_cites(tmp_path: Path) -> None:
    path = article(tmp_path, "a.md", WRONG_IT)
    code, out, _ = run("check", path, "--rules", RULES)
    assert code == 1
    lines = out.splitlines()
    assert (
        lines[0]
        == f"{path}:9:12: error alibaba-models Qwen is Alibaba's model family, not Tencent's"
    )
    assert lines[1] == "    9 | Il modello Qwen di Tencent è tra i più scaricati."
    assert lines[2] == "      |            ^^^^^^^^^^^^^^^"
    assert lines[3] == "      = suggestion: Alibaba"
    assert lines[4].startswith("      = source: https://qwenlm.github.io/about/")


def test_json_output_has_the_contract_fields(tmp_path: Path) -> None:
    path = article(tmp_path, "a.md", WRONG_IT)
    code, out, _ = run("check", path, "--rules", RULES, "--format", "json")
    assert code == 1
    (finding,) = json.loads(out)
    assert finding == {
        "path": path,
        "line": 9,
        "column": 12,
        "end_line": 9,
        "end_column": 27,
        "rule": "alibaba-models",
        "kind": "attribution",
        "severity": "error",
        "message": "Qwen is Alibaba's model family, not Tencent's",
        "source": finding["source"],
        "suggestion": "Alibaba",
        "related": [],
        "text": "Qwen di Tencent",
    }
    assert finding["source"].startswith("https://qwenlm.github.io/")


def test_crlf_bom_and_unicode_columns(tmp_path: Path) -> None:
    text = "\ufeff---\r\nlang: it\r\n---\r\nÈ così: l’H100, evoluzione dell’H200, è già qui.\r\n"
    path = article(tmp_path, "crlf.md", text)
    code, out, _ = run("check", path, "--rules", RULES, "--format", "json")
    (finding,) = json.loads(out)
    assert (finding["line"], finding["column"], finding["end_column"]) == (4, 11, 37)
    assert finding["text"] == "H100, evoluzione dell’H200"
    assert code == 1


def test_findings_sorted_by_path_line_column(tmp_path: Path) -> None:
    b = article(tmp_path, "b.md", "Tencent's Qwen.\n\nThe H100, successor to the H200.\n")
    a = article(tmp_path, "a.md", "The H100, successor to the H200, and Tencent's Qwen.\n")
    _, out, _ = run("check", str(tmp_path), "--rules", RULES, "--format", "json", "--lang", "en")
    keys = [(f["path"], f["line"], f["column"]) for f in json.loads(out)]
    assert keys == sorted(keys)
    assert {k[0] for k in keys} == {a, b}


def test_select_and_ignore(tmp_path: Path) -> None:
    path = article(
        tmp_path, "a.md", "Tencent's Qwen and the H100, successor to the H200, and Bytedance.\n"
    )
    _, out, _ = run(
        "check", path, "--rules", RULES, "--format", "json", "--lang", "en", "--select", "lineage"
    )
    assert {f["kind"] for f in json.loads(out)} == {"lineage"}
    _, out, _ = run(
        "check",
        path,
        "--rules",
        RULES,
        "--format",
        "json",
        "--lang",
        "en",
        "--ignore",
        "alibaba-models",
    )
    assert {f["rule"] for f in json.loads(out)} == {
        "nvidia-datacenter-gpu-lineage",
        "company-names",
    }


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    path = article(tmp_path, "a.md", "---\nlang: en\n---\nBytedance released a model.\n")
    code, out, _ = run("check", path, "--rules", RULES)
    assert code == 0
    assert "warning company-names write ByteDance, not Bytedance" in out


def test_lang_option_is_the_default_language(tmp_path: Path) -> None:
    path = article(tmp_path, "a.txt", "Qwen di Tencent.\n")
    code_it, _, _ = run("check", path, "--rules", RULES, "--lang", "it")
    assert code_it == 1
    code_bad, _, err = run("check", path, "--rules", RULES, "--lang", "xx")
    assert code_bad == 2 and "unknown language" in err


def test_broken_rule_file_exits_2_with_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "rules:\n  - id: x\n    kind: attribution\n    owners: y\n", encoding="utf-8"
    )
    path = article(tmp_path, "a.md", "Testo.\n")
    code, out, err = run("check", path, "--rules", str(rules))
    assert code == 2
    assert out == ""
    assert f"{rules / 'bad.yaml'}:4: rule 'x': unknown key 'owners' (did you mean 'owner'?)" in err
    assert "Traceback" not in err


def test_missing_rules_dir_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", ".")
    assert code == 2 and "no ./rules directory" in err


def test_missing_article_is_reported_and_others_checked(tmp_path: Path) -> None:
    path = article(tmp_path, "a.md", "---\nlang: it\n---\nQwen di Tencent.\n")
    code, out, err = run("check", str(tmp_path / "nope.md"), path, "--rules", RULES)
    assert code == 1
    assert "nope.md: no such file or directory; skipped" in err
    assert "alibaba-models" in out


def test_directories_are_walked_for_article_suffixes(tmp_path: Path) -> None:
    article(tmp_path, "a.md", "Tencent's Qwen.\n")
    article(tmp_path, "b.markdown", "Tencent's Qwen.\n")
    article(tmp_path, "c.txt", "Tencent's Qwen.\n")
    article(tmp_path, "d.html", "Tencent's Qwen.\n")
    (tmp_path / ".git").mkdir()
    article(tmp_path / ".git", "e.md", "Tencent's Qwen.\n")
    _, out, _ = run("check", str(tmp_path), "--rules", RULES, "--format", "json", "--lang", "en")
    assert sorted(Path(f["path"]).name for f in json.loads(out)) == ["a.md", "b.markdown", "c.txt"]


def test_rules_commands() -> None:
    code, out, _ = run("rules", "test", "--rules", RULES)
    assert code == 0 and out.strip().endswith("passed, 0 failed")
    code, out, _ = run("rules", "validate", RULES)
    assert code == 0 and "valid" in out
    code, out, _ = run("rules", "list", "--rules", RULES)
    assert "alibaba-models\tattribution\terror\thttps://qwenlm.github.io" in out
    code, out, _ = run("explain", "nvidia-datacenter-gpu-lineage", "--rules", RULES)
    assert code == 0 and "source: https://www.nvidia.com" in out and "fails [it]" in out
    code, _, err = run("explain", "nope", "--rules", RULES)
    assert code == 2 and "no rule 'nope'" in err


def test_rules_test_fails_on_a_misbehaving_example(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (ROOT / "rules" / "ai-labs.yaml")
        .read_text(encoding="utf-8")
        .replace(
            '- it: "Qwen di Alibaba Cloud è tra i più usati."',
            '- it: "Qwen di Tencent è tra i più usati."',
        ),
        encoding="utf-8",
    )
    code, out, _ = run(
        "rules", "test", "--rules", str(bad), "--rules", str(ROOT / "rules" / "nvidia-gpus.yaml")
    )
    assert code == 1
    assert (
        "alibaba-models [it] expected to pass, but it did not: 'Qwen di Tencent è tra i più usati.'"
        in out
    )


def test_usage_error_exits_2() -> None:
    code, _, _ = run("check", "--format", "xml")
    assert code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("requested", "terminal", "no_color", "expected"),
    [
        (None, True, None, True),
        (None, True, "1", False),
        (None, False, None, False),
        (True, False, None, True),
        (False, True, None, False),
    ],
)
def test_colour_only_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch, requested, terminal: bool, no_color, expected: bool
) -> None:
    from factlint.cli import use_color

    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    stream = _Terminal() if terminal else io.StringIO()
    assert use_color(requested, stream) is expected


def test_progress_only_on_a_terminal_and_for_long_runs() -> None:
    from factlint.cli import PROGRESS_FROM, progress_line

    assert progress_line(io.StringIO()) is None
    terminal = _Terminal()
    show = progress_line(terminal)
    assert show is not None
    show(1, PROGRESS_FROM - 1)
    assert terminal.getvalue() == ""
    for done in range(1, PROGRESS_FROM + 1):
        show(done, PROGRESS_FROM)
    assert f"factlint: {PROGRESS_FROM // 2}/{PROGRESS_FROM} files" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")


def test_jobs_option_gives_the_same_findings(tmp_path: Path) -> None:
    for index in range(3):
        article(tmp_path, f"{index}.md", "---\nlang: it\n---\nQwen di Tencent.\n")
    _, one, _ = run(
        "check", str(tmp_path), "--rules", RULES, "--format", "json", "--jobs", "1", "--no-cache"
    )
    _, two, _ = run(
        "check", str(tmp_path), "--rules", RULES, "--format", "json", "--jobs", "2", "--no-cache"
    )
    assert json.loads(one) == json.loads(two) and len(json.loads(one)) == 3
    code, _, _ = run("check", str(tmp_path), "--rules", RULES, "--jobs", "0")
    assert code == 2


# Modules a pre-commit run on one article never needs: each costs import time.
NOT_ON_THE_WARM_PATH = (
    "jsonschema",
    "yaml",
    "multiprocessing",
    "concurrent.futures",
    "difflib",
    "factlint.yamlfile",
    "factlint.formatters.sarif",
    "factlint.formatters.junit",
    "factlint.baseline",
    "factlint.examples",
    "factlint.claimdump",
    "factlint.scaffold",
)


def _modules_after(args: list[str], cwd: Path) -> set[str]:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from factlint.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_help_imports_no_pipeline(tmp_path: Path) -> None:
    loaded = _modules_after(["--help"], tmp_path)
    assert not {"factlint.lint", "factlint.claims", "factlint.rules", "sqlite3"} & loaded
    assert not set(NOT_ON_THE_WARM_PATH) & loaded


def test_warm_check_imports_only_what_it_uses(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / ".factlint.toml").write_text('rules = ["rules"]\n', encoding="utf-8")
    article(tmp_path, "a.md", WRONG_IT)
    _modules_after(["check", "a.md"], tmp_path)  # fills the caches
    article(tmp_path, "a.md", WRONG_IT + "\nUna riga in più.\n")
    loaded = _modules_after(["check", "a.md"], tmp_path)
    assert "factlint.packcache" in loaded and "sqlite3" in loaded
    assert not set(NOT_ON_THE_WARM_PATH) & loaded
