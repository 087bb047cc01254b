"""naming: listed wrong spellings and near-misspellings are flagged; look-alikes are not."""

from __future__ import annotations

import pytest

from factlint.checks.naming import NamingCheck, build
from factlint.entities import Entity
from factlint.findings import Severity
from factlint.rules import Rule
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
        ("it", "La XAI di Elon Musk ha presentato Grok.", [("XAI", "xAI")]),
        ("en", "XAI, Elon Musk's start-up, released Grok 4.", [("XAI", "xAI")]),
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
        # a wrong spelling of several words is wrong only as written
        ("en", "The rise of open AI models from China worries Washington."),
        ("it", "Il dibattito sui modelli open AI cinesi si è acceso."),
        # a term the text introduces is no misspelt name
        ("it", "Torna di moda la cosiddetta XAI, l'intelligenza artificiale spiegabile."),
        ("en", "Regulators want so-called XAI, or explainable AI, in banking."),
        ("en", "Researchers use the acronym XAI for explainable AI."),
    ],
)
def test_right_names_and_look_alikes_are_quiet(linter, lang: str, text: str) -> None:
    assert naming(linter, text, lang) == []


def test_fuzzy_match_is_a_warning(linter) -> None:
    (finding,) = lint_text(linter, "Tencnet reported strong results.", "en")
    assert finding.severity is Severity.WARNING
    assert finding.message == "write Tencent, not Tencnet"


def _naming_check(names: list[str]) -> NamingCheck:
    entities = {
        name.lower(): Entity(id=name.lower(), type="company", name=name, aliases=())
        for name in names
    }
    rule = Rule(
        id="names",
        kind="naming",
        severity=Severity.WARNING,
        message="write {use}, not {found}",
        source="https://example.com",
        options={"fuzzy": True},
        path="rules.yaml",
        line=1,
    )
    return build([rule], entities)


def _random_names(count: int, seed: int) -> list[str]:
    import random

    generator = random.Random(seed)
    letters = "aeioubdklmnrstvz"
    return sorted(
        {
            generator.choice("BDKLMNRSTVZ")
            + "".join(generator.choice(letters) for _ in range(generator.randint(4, 11)))
            for _ in range(count)
        }
    )


def test_fuzzy_compares_a_word_only_with_names_its_edits_can_reach(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With thousands of names, a word is compared with those within two letters of its
    length, and the answer is the one a comparison with every name gives."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    names = _random_names(4000, seed=3)
    check = _naming_check(names)
    compared: list[int] = []
    real = process.extractOne

    def counting(query, choices, **kwargs):
        compared.append(len(choices))
        return real(query, choices, **kwargs)

    monkeypatch.setattr(process, "extractOne", counting)
    words = [name[:3] + name[4:] for name in names[::40]] + ["Zanzibarr", "Kolmodoro"]
    for word in words:
        found = check._closest(word)
        lowered = word.lower()
        limit = min(2, int(len(word) * 20 / 100 + 1e-9))
        best = real(lowered, list(check.fuzzy_names), scorer=OSA.distance, score_cutoff=limit)
        expected = None
        if best is not None and best[1] > 0 and lowered[0] == best[0][0]:
            plural = lowered in (best[0] + "s", best[0] + "es", best[0] + "i", best[0] + "e")
            expected = None if plural else check.fuzzy_names[best[0]]
        assert found == expected, word
    assert compared and max(compared) < len(check.fuzzy_names) * 0.8
