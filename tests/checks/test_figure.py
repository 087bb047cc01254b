"""figure: contradicting numbers are flagged; compatible ones and other quantities are not."""

from __future__ import annotations

import pytest

from tests.conftest import lint_text


def figures(linter, text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in lint_text(linter, text, lang) if f.kind == "figure"]


@pytest.mark.parametrize(
    ("lang", "text", "rule", "quoted"),
    [
        (
            "it",
            "Le aziende cinesi mirano alla costruzione di 63 nuovi data center.",
            "china-new-data-centres",
            "63",
        ),
        (
            "it",
            "La Cina prepara sessantatré nuovi data center.",
            "china-new-data-centres",
            "sessantatré",
        ),
        (
            "it",
            "In Cina i nuovi data center saranno alimentati da 80.000 GPU NVIDIA H200.",
            "china-h200-gpus",
            "80.000",
        ),
        (
            "it",
            "In Cina i nuovi data center useranno meno di 50 mila GPU H200.",
            "china-h200-gpus",
            "meno di 50 mila",
        ),
        (
            "it",
            "La Cina controlla la raffinazione del 60% delle terre rare.",
            "china-rare-earth-refining",
            "60%",
        ),
        (
            "it",
            "Pechino raffina il 60 per cento delle terre rare del mondo.",
            "china-rare-earth-refining",
            "60 per cento",
        ),
        (
            "en",
            "Chinese companies plan to build 63 new data centers.",
            "china-new-data-centres",
            "63",
        ),
        (
            "en",
            "China's new data centers will run on 80,000 Nvidia H200 GPUs.",
            "china-h200-gpus",
            "80,000",
        ),
        (
            "en",
            "China refines about 60% of the world's rare earths.",
            "china-rare-earth-refining",
            "about 60%",
        ),
        # a lower bound far below the fact's is true of it, but misstates it
        (
            "it",
            "Fabbisogno: oltre 60.000 GPU Nvidia H200 per i nuovi data center cinesi.",
            "china-h200-gpus",
            "oltre 60.000",
        ),
        (
            "en",
            "China's new data centres will need at least 50,000 H200 GPUs.",
            "china-h200-gpus",
            "at least 50,000",
        ),
    ],
)
def test_contradicting_figure_is_flagged(
    linter, lang: str, text: str, rule: str, quoted: str
) -> None:
    assert figures(linter, text, lang) == [(rule, quoted)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # compatible values
        ("it", "I piani mirano alla costruzione di 36 nuovi data center in Cina."),
        ("it", "La Cina prepara trentasei nuovi data center."),
        ("it", "In Cina i nuovi data center saranno alimentati da più di 100 mila GPU H200."),
        ("it", "In Cina i nuovi data center useranno 110 mila GPU H200."),
        ("it", "In Cina i nuovi data center useranno oltre 90.000 GPU H200."),
        ("en", "China's new data centres will use more than 150,000 H200 GPUs."),
        # a count per server, in the paragraph on the data centres
        (
            "en",
            "China's new data centres need H200 GPUs. A single HGX server holds eight H200 GPUs.",
        ),
        (
            "it",
            "Pechino può vantare la raffinazione di circa il 90% delle terre rare a livello globale.",
        ),
        ("it", "La Cina raffina l'88% delle terre rare."),
        ("en", "China refines nearly 90 percent of rare earths."),
        ("en", "Chinese firms plan thirty-six new data centres."),
        # same number, different quantity
        ("it", "Le aziende cinesi gestiscono già 63 data center."),
        ("it", "La Cina estrae il 60% delle terre rare."),
        ("en", "China accounts for 60% of rare earth mining."),
        ("it", "In Cina i nuovi data center useranno anche 80.000 GPU H100."),
        ("it", "In Cina i data center ospitano 80.000 GPU di ogni tipo."),
        # another place or time
        ("en", "Microsoft will open 63 new data centers in the United States."),
        ("it", "Negli Stati Uniti sorgeranno 63 nuovi data center."),
        ("it", "Nel 2019 la Cina raffinava il 60% delle terre rare."),
        # changes, not levels
        ("it", "La quota cinese della raffinazione delle terre rare è in calo del 5%."),
        # negated, conditional, disputed
        ("it", "Non è vero che la Cina costruirà 63 nuovi data center."),
        ("en", "It is false that China refines 60% of rare earths."),
        # codes, versions, years and article numbers are not quantities
        ("it", "L'art. 63 riguarda i nuovi data center in Cina."),
        ("it", "Nel 2025 la Cina ha annunciato nuovi data center."),
    ],
)
def test_compatible_or_other_quantity_is_quiet(linter, lang: str, text: str) -> None:
    assert figures(linter, text, lang) == []


def test_figure_finding_explains(linter) -> None:
    (finding,) = [
        f
        for f in lint_text(linter, "Le aziende cinesi puntano a 63 nuovi data center.", "it")
        if f.kind == "figure"
    ]
    assert (
        finding.message
        == "63: the plan reported is 36 new data centres planned by Chinese companies"
    )
    assert finding.column == 29 and finding.end_column == 31
