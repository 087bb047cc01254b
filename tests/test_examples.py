"""Rule examples run through the whole pipeline, and every shipped one behaves."""

from __future__ import annotations

from factlint.examples import run_examples


def test_every_shipped_example_behaves(linter) -> None:
    results = list(run_examples(linter))
    assert len(results) > 50
    assert [r.describe() for r in results if not r.ok] == []


def test_only_selected_rules(linter) -> None:
    results = list(run_examples(linter, {"alibaba-models"}))
    assert results and {r.rule.id for r in results} == {"alibaba-models"}
