"""The entry points still work with the Ctrl-C handling in place: the console script, `python
-m factlint`, and `main` as a click group for CliRunner."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from factlint import __version__
from factlint.cli import main
from tests.robustness.conftest import GOOD_FINDING, RULES


def test_main_is_the_click_group_of_the_console_script() -> None:
    assert isinstance(main, click.Group)
    scripts = {e.name: e.value for e in entry_points(group="console_scripts")}
    assert scripts.get("factlint") == "factlint.cli:main"


def test_python_m_factlint(good: Path) -> None:
    version = subprocess.run(
        [sys.executable, "-m", "factlint", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and __version__ in version.stdout
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(good), "--rules", RULES, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=good.parent,
    )
    assert result.returncode == 1 and f"{good}{GOOD_FINDING}" in result.stdout
