"""attribution: the wrong owner in every usual form is flagged; names side by side are not."""

from __future__ import annotations

import pytest

from factlint.findings import Severity
from tests.conftest import lint_text


def rules_of(linter, text: str, lang: str) -> list[str]:
    return [f.rule for f in lint_text(linter, text, lang) if f.kind == "attribution"]


@pytest.mark.parametrize(
    ("lang", "text", "rule"),
    [
        ("it", "Qwen di Tencent è tra i modelli più scaricati.", "alibaba-models"),
        ("it", "Il modello Qwen di Tencent è tra i più scaricati.", "alibaba-models"),
        ("it", "Qwen, il modello di Tencent, guida la classifica.", "alibaba-models"),
        ("it", "Qwen, sviluppato da Tencent, guida la classifica.", "alibaba-models"),
        (
            "it",
            "Il chatbot Doubao, sviluppato dal colosso cinese Alibaba, cresce.",
            "bytedance-models",
        ),
        (
            "it",
            "Per gruppi come ByteDance (Doubao), Tencent (Qwen) e Alibaba (Hunyuan) l'accesso è cruciale.",
            "alibaba-models",
        ),
        ("it", "Tencent ha lanciato Qwen 2.5 a settembre.", "alibaba-models"),
        ("it", "Secondo indiscrezioni, Qwen di Tencent sarà aggiornato.", "alibaba-models"),
        ("en", "Tencent's Qwen tops the open-model rankings.", "alibaba-models"),
        ("en", "Tencent’s Qwen2.5-Max tops the rankings.", "alibaba-models"),
        ("en", "Qwen, developed by Tencent, tops the rankings.", "alibaba-models"),
        (
            "en",
            "Groups such as ByteDance (Doubao), Alibaba (Hunyuan) and Tencent (Qwen) need chips.",
            "tencent-models",
        ),
        ("en", "Anthropic's Gemini 2.5 is multimodal.", "google-models"),
        ("en", "The H200 from AMD is in short supply.", "nvidia-gpu-maker"),
    ],
)
def test_wrong_owner_is_flagged(linter, lang: str, text: str, rule: str) -> None:
    assert rule in rules_of(linter, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Per gruppi come ByteDance (Doubao), Alibaba (Qwen) e Tencent (Hunyuan) l'accesso è cruciale.",
        ),
        ("it", "Il chip H200 di Nvidia è tra i più avanzati."),
        ("it", "Qwen di Alibaba Cloud e Doubao di Volcano Engine competono."),
        ("it", "Tencent e Qwen sono spesso citati insieme."),
        ("it", "Tencent, come Alibaba con Qwen, investe nell'IA."),
        ("it", "Non è vero che Qwen sia di Tencent."),
        ("it", "Se Qwen fosse di Tencent, la storia sarebbe diversa."),
        ("it", "È falso che Qwen sia di Tencent, come si legge in rete."),
        ("it", "I modelli Qwen e Doubao di Alibaba e ByteDance, rispettivamente, crescono."),
        ("it", "Qwen non è di Tencent ma di Alibaba."),
        ("en", "Alibaba's Qwen and Tencent's Hunyuan compete with OpenAI."),
        ("en", "Tencent and Alibaba both released models; Qwen led the downloads."),
        ("en", "DeepSeek-R1, available on Microsoft Azure, is cheap to run."),
        ("en", "Microsoft's GPT-4o deal with OpenAI was renewed."),
        ("en", "It is false that Qwen was developed by Tencent."),
        ("en", "Some posts wrongly claim that Tencent's Qwen is the leader."),
        ("en", "If Tencent's Qwen existed, it would be news."),
    ],
)
def test_right_or_unasserted_owner_is_quiet(linter, lang: str, text: str) -> None:
    errors = [
        f
        for f in lint_text(linter, text, lang)
        if f.kind == "attribution" and f.severity is Severity.ERROR
    ]
    assert errors == []


def test_reported_claim_is_a_warning(linter) -> None:
    findings = lint_text(linter, "Secondo Reuters, Qwen di Tencent sarà aggiornato.", "it")
    assert [(f.rule, f.severity) for f in findings] == [("alibaba-models", Severity.WARNING)]


def test_finding_quotes_the_claim_and_its_source(linter) -> None:
    (finding,) = lint_text(linter, "Il modello Qwen di Tencent è tra i più usati.", "it")
    assert finding.text == "Qwen di Tencent"
    assert (finding.line, finding.column, finding.end_column) == (1, 12, 27)
    assert finding.message == "Qwen is Alibaba's model family, not Tencent's"
    assert finding.suggestion == "Alibaba"
    assert finding.source.startswith("https://qwenlm.github.io")
