"""Shared fixtures: the shipped rule pack compiled once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factlint.claims import Quantity
from factlint.findings import Finding
from factlint.language import load_languages
from factlint.lint import Linter, build_linter

ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True, scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The user's cache folder (compiled patterns) in a temporary folder: tests never write
    to the home folder, and each session starts without compiled patterns."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield


@pytest.fixture(scope="session")
def linter() -> Linter:
    """A Linter with the shipped rules and languages."""
    return build_linter([ROOT / "rules"])


def entities_only(folder: Path) -> Path:
    """A rules folder holding only the shipped entity definitions: no rule states a fact,
    so only cross-article consistency can find anything."""
    rules = folder / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        text = path.read_text(encoding="utf-8").split("\nrules:")[0]
        if "entities:" in text:
            (rules / path.name).write_text(text + "\n", encoding="utf-8")
    return rules


def run_check(*args: str) -> tuple[int, str]:
    """`factlint check ARGS` in-process: its exit code and standard output."""
    from click.testing import CliRunner

    from factlint.cli import main

    result = CliRunner().invoke(main, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def write_article(tmp_path: Path, name: str, lang: str, sentence: str) -> str:
    """A one-sentence article with front matter; its path."""
    path = tmp_path / name
    path.write_text(f"---\nlang: {lang}\n---\n\n{sentence}\n", encoding="utf-8")
    return str(path)


def lint_text(linter: Linter, text: str, lang: str) -> list[Finding]:
    """Findings for one snippet of article text in `lang`."""
    return linter.check(linter.document("snippet.md", text, lang=lang))


def quantity_in(linter: Linter, text: str, lang: str, number: str) -> Quantity:
    """The quantity of a snippet whose words hold `number`."""
    doc = linter.document("snippet.md", text, lang=lang)
    quantities = linter.claims(doc).quantities
    return next(q for q in quantities if number in doc.masked[q.start : q.phrase_end])


@pytest.fixture(scope="session")
def bare_linter(linter: Linter) -> Linter:
    """The shipped entities without any rule: only cross-article consistency can find anything."""
    from factlint.rules import RuleSet

    ruleset = RuleSet(entities=linter.ruleset.entities, rules=(), checks=(), variants=(), cues={})
    return Linter(ruleset, load_languages())
