"""naming: listed wrong spellings and near-misspellings are flagged; look-alikes are not."""

from __future__ import annotations

import pytest

from factlint.findings import Severity
from tests.conftest import lint_text


def naming(linter, text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in lint_text(linter, text, lang) if f.kind == "naming"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Bytedance ha presentato Doubao.", [("Bytedance", "ByteDance")]),
        ("it", "Il gruppo Byte Dance ha presentato Doubao.", [("Byte Dance", "ByteDance")]),
        ("it", "Le azioni di Nvidea sono salite.", [("Nvidea", "Nvidia")]),
        ("it", "Il modello Hunyan di Tencent è stato aggiornato.", [("Hunyan", "Hunyuan")]),
        ("it", "Le azioni di Nvidai sono salite.", [("Nvidai", "Nvidia")]),
        ("en", "Alibabba's cloud unit grew.", [("Alibabba", "Alibaba")]),
        ("en", "Tencnet reported strong results.", [("Tencnet", "Tencent")]),
        ("en", "Open AI released a new model.", [("Open AI", "OpenAI")]),
    ],
)
def test_misspellings_are_flagged(linter, lang: str, text: str, expected: list) -> None:
    assert naming(linter, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "ByteDance ha presentato Doubao."),
        ("it", "La provincia dello Hunan ospita nuovi impianti."),
        ("it", "I voli per Dubai sono stati cancellati."),
        ("en", "Owen Wilson starred in the film."),
        ("en", "Bernie Sanders criticised the deal."),
        ("en", "The H20, H200 and H800 are different chips."),
        ("en", "Nvidia, NVIDIA and Nvidia's chips."),
        ("en", "Llamas and Geminis are not companies."),
        ("it", "Alibaba e Tencent investono; Qwen e Hunyuan crescono."),
    ],
)
def test_right_names_and_look_alikes_are_quiet(linter, lang: str, text: str) -> None:
    assert naming(linter, text, lang) == []


def test_fuzzy_match_is_a_warning(linter) -> None:
    (finding,) = lint_text(linter, "Tencnet reported strong results.", "en")
    assert finding.severity is Severity.WARNING
    assert finding.message == "write Tencent, not Tencnet"
