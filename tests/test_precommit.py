"""The pre-commit hook for real: a git repo refuses a commit with a false claim, or one
that contradicts its archive, and accepts the corrected article.

Offline: the hook is installed from this checkout's .pre-commit-hooks.yaml as a local hook
of language `system` (so pre-commit does not download anything), running the factlint
installed with the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {**hook, "language": "system"}
    repo = tmp_path / "newsroom"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}), encoding="utf-8"
    )
    rules = repo / "rules"
    rules.mkdir()
    for path in (ROOT / "rules").glob("*.yaml"):
        shutil.copy(path, rules / path.name)
    # The Qwen rule is left out: the archive, not a rule, says who makes Qwen.
    ai_labs = (rules / "ai-labs.yaml").read_text(encoding="utf-8")
    start = ai_labs.index("  - id: alibaba-models")
    end = ai_labs.index("  - id: bytedance-models")
    (rules / "ai-labs.yaml").write_text(ai_labs[:start] + ai_labs[end:], encoding="utf-8")
    (repo / ".factlint.toml").write_text(
        'rules = ["rules"]\ncorpus = ["archive"]\nlang = "it"\n', encoding="utf-8"
    )
    (repo / "archive").mkdir()
    (repo / "archive" / "qwen.md").write_text(
        "---\nlang: it\n---\nQwen di Alibaba cresce.\n", encoding="utf-8"
    )
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.com",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.com",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    assert git(repo, "init", "-q", env=env).returncode == 0
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", ".", env=env)
    first = git(repo, "commit", "-q", "-m", "archive", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    return repo, env


def test_commit_with_a_false_claim_is_refused_then_accepted(repo) -> None:
    path, env = repo
    article = path / "h100.md"
    article.write_text(
        "---\nlang: it\n---\nL'H100, evoluzione dell'H200, è ovunque.\n", encoding="utf-8"
    )
    git(path, "add", "h100.md", env=env)
    refused = git(path, "commit", "-m", "wrong", env=env)
    assert refused.returncode != 0
    assert "nvidia-datacenter-gpu-lineage" in refused.stdout + refused.stderr
    article.write_text(
        "---\nlang: it\n---\nL'H200, evoluzione dell'H100, è ovunque.\n", encoding="utf-8"
    )
    git(path, "add", "h100.md", env=env)
    accepted = git(path, "commit", "-m", "right", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_commit_contradicting_the_archive_is_refused(repo) -> None:
    path, env = repo
    article = path / "qwen-oggi.md"
    article.write_text(
        "---\nlang: en\n---\nTencent's Qwen leads the downloads.\n", encoding="utf-8"
    )
    git(path, "add", "qwen-oggi.md", env=env)
    refused = git(path, "commit", "-m", "contradicts", env=env)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "consistency.attribution" in output and "archive/qwen.md" in output
    article.write_text(
        "---\nlang: en\n---\nAlibaba's Qwen leads the downloads.\n", encoding="utf-8"
    )
    git(path, "add", "qwen-oggi.md", env=env)
    assert git(path, "commit", "-m", "fixed", env=env).returncode == 0
