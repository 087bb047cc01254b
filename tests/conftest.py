"""Shared fixtures: the shipped rule pack compiled once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.findings import Finding
from factlint.language import load_languages
from factlint.lint import Linter, build_linter

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def linter() -> Linter:
    """A Linter with the shipped rules and languages."""
    return build_linter([ROOT / "rules"])


def lint_text(linter: Linter, text: str, lang: str) -> list[Finding]:
    """Findings for one snippet of article text in `lang`."""
    return linter.check(linter.document("snippet.md", text, lang=lang))


@pytest.fixture(scope="session")
def bare_linter(linter: Linter) -> Linter:
    """The shipped entities without any rule: only cross-article consistency can find anything."""
    from factlint.rules import RuleSet

    ruleset = RuleSet(entities=linter.ruleset.entities, rules=(), checks=(), variants=(), cues={})
    return Linter(ruleset, load_languages())
