"""Language data: every shipped language has what the pipeline needs; rule cues merge in."""

from __future__ import annotations

import pytest

from factlint.errors import FactlintError
from factlint.language import REQUIRED_KEYS, load_languages


def test_shipped_languages() -> None:
    languages = load_languages()
    assert set(languages) == {"it", "en"}
    for language in languages.values():
        assert all(key in language.data for key in REQUIRED_KEYS)
        assert language.stopwords and language.abbreviations


def test_rule_cues_are_merged_without_changing_the_base() -> None:
    base = load_languages()
    merged = load_languages(
        {"it": {"attribution": ["{product}, gioiello di {owner}"], "hedged": ["chissà"]}}
    )
    assert "{product}, gioiello di {owner}" in merged["it"].data["relations"]["attribution"]
    assert "chissà" in merged["it"].data["assertion"]["hedged"]
    assert "{product}, gioiello di {owner}" not in base["it"].data["relations"]["attribution"]


def test_cue_from_rule_file_is_used(linter, tmp_path) -> None:
    from factlint.lint import Linter

    languages = load_languages({"it": {"attribution": ["{product}, gioiello di {owner}"]}})
    custom = Linter(linter.ruleset, languages)
    doc = custom.document("a.md", "Qwen, gioiello di Tencent, cresce.", lang="it")
    assert [f.rule for f in custom.check(doc)] == ["alibaba-models"]


def test_broken_language_file_is_an_error(tmp_path, monkeypatch) -> None:
    import factlint.language as language

    (tmp_path / "xx.yaml").write_text("code: xx\n", encoding="utf-8")
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    with pytest.raises(FactlintError, match="language file lacks"):
        language.load_languages()


def test_libyaml_and_pure_python_loaders_read_the_same_data() -> None:
    import yaml

    from factlint.language import language_files

    for path in language_files():
        text = path.read_text(encoding="utf-8")
        fast = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        assert fast == yaml.safe_load(text)


def test_with_cues_is_loading_with_cues() -> None:
    from factlint.language import with_cues

    cues = {"it": {"attribution": ["{product}, gioiello di {owner}"], "fillers": ["nuovissimo"]}}
    merged = with_cues(load_languages(), cues)
    loaded = load_languages(cues)
    assert {code: lang.data for code, lang in merged.items()} == {
        code: lang.data for code, lang in loaded.items()
    }
    assert merged["en"] is not None and "nuovissimo" in merged["it"].data["fillers"]
