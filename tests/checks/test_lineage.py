"""lineage: reversed or misstated generations, and versions of the wrong base, are flagged;
the right order passes."""

from __future__ import annotations

import pytest

from tests.conftest import lint_text


def lineage(linter, text: str, lang: str) -> list[str]:
    return [f.text for f in lint_text(linter, text, lang) if f.kind == "lineage"]


@pytest.mark.parametrize(
    ("lang", "text", "quoted"),
    [
        ("it", "L'H100, evoluzione dell'H200, resta il più venduto.", "H100, evoluzione dell'H200"),
        (
            "it",
            "Il chip H100, evoluzione dell’H200, offre prestazioni elevate.",
            "H100, evoluzione dell’H200",
        ),
        ("it", "L'H100, erede dell'H200, arriverà presto.", "H100, erede dell'H200"),
        ("it", "Il successore dell'H200, l'H100, costa meno.", "H200, l'H100"),
        ("it", "L'H200, predecessore dell'H100, è stato superato.", "H200, predecessore dell'H100"),
        ("it", "L'H20 è il successore dell'H100 per la Cina.", "H20 è il successore dell'H100"),
        (
            "en",
            "The H100, successor to the H200, is still in demand.",
            "H100, successor to the H200",
        ),
        ("en", "The H200's predecessor, the B200, shipped first.", "H200's predecessor, the B200"),
        (
            "en",
            "The next-generation H100 replaces the H200 in the lineup.",
            "H100 replaces the H200",
        ),
        ("en", "The A100 was succeeded by the V100.", "A100 was succeeded by the V100"),
    ],
)
def test_wrong_order_is_flagged(linter, lang: str, text: str, quoted: str) -> None:
    assert lineage(linter, text, lang) == [quoted]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Il chip H200, evoluzione dell’H100, offre prestazioni elevate."),
        ("it", "Il B200, successore dell'H200, debutterà nel 2025."),
        ("it", "Le GPU NVIDIA A100, H100, H200 e le apparecchiature per la produzione."),
        ("it", "Oltre 100.000 GPU H100 e H200 per decine di data center."),
        ("it", "Non è vero che l'H100 sia l'erede dell'H200."),
        ("en", "The H200, successor to the H100, adds HBM3e memory."),
        ("en", "The H100 and H200 are both Hopper parts."),
        ("en", "The H20 and the H200 are different chips."),
        ("en", "The B200 replaces the H200 at the top of the range."),
        ("en", "The GB200 succeeds the B200 in rack-scale systems."),
        ("en", "It is false that the H100 replaces the H200."),
    ],
)
def test_right_order_is_quiet(linter, lang: str, text: str) -> None:
    assert lineage(linter, text, lang) == []


def test_message_states_the_true_order(linter) -> None:
    (finding,) = lint_text(linter, "The H100, successor to the H200, sells well.", "en")
    assert finding.message.startswith(
        "H100 does not come after H200: H100 came before H200 (P100 → V100"
    )


@pytest.mark.parametrize(
    ("lang", "text", "message"),
    [
        (
            "it",
            "L'H20, versione depotenziata dell'H200 destinata alla Cina, torna in vendita.",
            "H20 is not a version of H200: H20 is a variant of H100",
        ),
        (
            "it",
            "L'H800, la variante per la Cina dell'A100, è stata bloccata nel 2023.",
            "H800 is not a version of A100: H800 is a variant of H100",
        ),
        (
            "en",
            "The H100, a cut-down version of the H20, was never sold in China.",
            "H100 is not a version of H20: H20 is a variant of H100, not the other way round",
        ),
        (
            "en",
            "The H200 is a scaled-back version of the H100 made for Chinese buyers.",
            "H200 is not a version of H100: H200 is a generation of its own (P100 → V100",
        ),
    ],
)
def test_version_of_the_wrong_base_is_flagged(linter, lang: str, text: str, message: str) -> None:
    (finding,) = lint_text(linter, text, lang)
    assert finding.rule == "nvidia-datacenter-gpu-lineage"
    assert finding.message.startswith(message)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "L'H20, la versione depotenziata per la Cina dell'H100, torna in vendita."),
        ("it", "Non è vero che l'H20 sia la versione ridotta dell'H200."),
        ("en", "The A800, a cut-down version of the A100, was banned in 2022."),
        # two members of one generation: the rule does not order them
        ("en", "The B100 is a less powerful version of the B200."),
    ],
)
def test_version_of_the_right_base_is_quiet(linter, lang: str, text: str) -> None:
    assert lineage(linter, text, lang) == []


def test_hedged_version_statement_is_a_warning(linter) -> None:
    (finding,) = lint_text(
        linter, "Secondo alcune fonti, l'H20 è una versione ridotta dell'H200.", "it"
    )
    assert finding.severity.value == "warning"
