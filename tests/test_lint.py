"""The pipeline: one builder for everyone, rule selection, corpus articles compared only."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.lint import build_linter
from tests.conftest import entities_only

ROOT = Path(__file__).parent.parent


def test_builder_merges_the_rule_files_cues() -> None:
    linter = build_linter([ROOT / "rules"])
    doc = linter.document("a.md", "The H200 succeeded the Blackwell B200 at the top.", lang="en")
    assert [f.rule for f in linter.check(doc)] == ["nvidia-datacenter-gpu-lineage"]


def test_unknown_default_language() -> None:
    with pytest.raises(FactlintError, match="unknown language"):
        build_linter([ROOT / "rules"], default_lang="xx")


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), {"alibaba-models", "company-names"}),
        (("attribution",), (), {"alibaba-models"}),
        (("alibaba-models",), (), {"alibaba-models"}),
        ((), ("naming",), {"alibaba-models"}),
        ((), ("company-names", "alibaba-models"), set()),
    ],
)
def test_select_and_ignore_by_rule_or_kind(select, ignore, expected) -> None:
    linter = build_linter([ROOT / "rules"], select=select, ignore=ignore)
    doc = linter.document("a.md", "Bytedance and Tencent's Qwen.", lang="en")
    assert {f.rule for f in linter.check(doc)} == expected


def test_consistency_rules_are_selected_by_prefix(tmp_path: Path) -> None:
    rules = entities_only(tmp_path)
    a = tmp_path / "a.md"
    a.write_text("---\nlang: it\n---\nQwen di Alibaba.\n", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("---\nlang: en\n---\nTencent's Qwen.\n", encoding="utf-8")
    assert len(build_linter([rules], select=("consistency",)).run([str(a), str(b)]).findings) == 2
    assert build_linter([rules], ignore=("consistency",)).run([str(a), str(b)]).findings == ()


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_a_cache_no_article_is_hashed(
    linter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """The content hash is for the cache: a run without one does not pay for it."""
    import factlint.lint as lint

    def refuse(text: str) -> str:
        raise AssertionError("hashed without a cache")

    monkeypatch.setattr(lint, "content_digest", refuse)
    for index in range(lint.PARALLEL_FROM):
        (tmp_path / f"a{index}.md").write_text("Il chip H200 di Nvidia.\n", encoding="utf-8")
    result = linter.run([str(tmp_path)], jobs=jobs)
    assert result.files == lint.PARALLEL_FROM


def test_documents_are_kept_only_for_formats_that_quote(tmp_path: Path) -> None:
    linter = build_linter([Path(__file__).resolve().parent.parent / "rules"])
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("Qwen di Tencent è popolare. Sono previsti 36 nuovi data center.\n", "utf-8")
    b.write_text("---\nlang: en\n---\nChina plans 63 new data centers.\n", "utf-8")
    quoted = linter.run([str(tmp_path)])
    bare = linter.run([str(tmp_path)], quote=False)
    assert quoted.findings == bare.findings
    assert set(quoted.documents) == {str(a), str(b)}
    assert bare.documents == {}
