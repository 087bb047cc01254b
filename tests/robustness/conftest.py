"""Shared helpers for the robustness suite: the CLI in-process, a known-bad article, and the
hypothesis profile.

Every test here puts one bad input next to `good.md`, an article with a known error, and
checks three things: the message about the bad input, the exit code, and that good.md's
finding is still reported (one bad file must never hide the others).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from factlint.cli import main

ROOT = Path(__file__).parent.parent.parent
RULES = str(ROOT / "rules")

# Fuzz tests take their example counts from here; FACTLINT_FUZZ_SCALE=10 runs ten times as
# many (locally, before a release), while CI stays within its minute on two cores.
SCALE = max(1, int(os.environ.get("FACTLINT_FUZZ_SCALE", "1")))
settings.register_profile(
    "factlint",
    deadline=None,
    database=None,  # no .hypothesis/ folder in the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# HYPOTHESIS_PROFILE=... picks another registered profile (a CI job's own, say).
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "factlint"))


def examples(count: int) -> int:
    """How many examples a property test runs: `count`, scaled by FACTLINT_FUZZ_SCALE."""
    return count * SCALE


GOOD_TEXT = "---\nlang: it\n---\nIl modello Qwen di Tencent è tra i più usati.\n"
GOOD_FINDING = ":4:12: error alibaba-models "


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """An article whose one finding (rule alibaba-models at 4:12) must always be reported."""
    path = tmp_path / "good.md"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    """`factlint ARGS` in-process: exit code, stdout, stderr. A traceback fails the test."""
    result = CliRunner().invoke(main, [*args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception,
        result.stderr,
    )
    return result.exit_code, result.stdout, result.stderr


def check(*paths: Path | str, options: tuple[str, ...] = ()) -> tuple[int, str, str]:
    """`factlint check PATHS --rules rules/ --no-cache OPTIONS`."""
    return run("check", *map(str, paths), "--rules", RULES, "--no-cache", *options)


def warnings(err: str) -> list[str]:
    """The warning lines of stderr (the summary line left out)."""
    return [line for line in err.splitlines() if line.startswith("factlint: warning: ")]
