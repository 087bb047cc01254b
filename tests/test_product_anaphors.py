"""The product a sentence opening with "the model" or "il chip" stands for
(factlint.product_anaphors)."""

from __future__ import annotations

import pytest

from factlint.product_anaphors import opening_kinds, product_phrases, referent
from tests.conftest import quantity_in

# (language, text, the number, what it is said of)
REFERS = [
    (
        "en",
        "DeepSeek-V3.1 is a so-called mixture-of-experts model, which activates only part of "
        "its network for each request. The model has 571 billion parameters in total, of "
        "which 37 billion are active for each token.",
        "571",
        ("deepseek-v3 3.1",),
    ),
    (
        "it",
        "La crescita è legata soprattutto a Step-3 di StepFun, il modello a pesi aperti "
        "rilasciato a luglio.\n\n## I numeri dichiarati\n\nIl modello conta 231 miliardi di "
        "parametri.",
        "231",
        ("step3",),
    ),
    # the nearest sentence naming a model decides, not an older one
    (
        "it",
        "DeepSeek-V3.1 resta il riferimento. Alibaba ha aggiornato a luglio il suo modello di "
        "punta Qwen3-235B-A22B. Il modello conta 235 miliardi di parametri, di cui 22 "
        "miliardi attivi.",
        "235",
        ("qwen 3235ba22b",),
    ),
    # a possessive is the product's too
    (
        "en",
        "Moonshot released Kimi K2 in July. The model's 1 trillion parameters make it the "
        "largest open model.",
        "1 trillion",
        ("kimi 2",),
    ),
]

NOT_REFERRING = [
    # two models named before: the phrase stands for neither
    (
        "en",
        "DeepSeek-V3.1 was benchmarked against Qwen3-235B-A22B. The model has 671 billion "
        "parameters.",
        "671",
    ),
    # "the chip" stands for a chip, not for the model named before
    (
        "en",
        "DeepSeek-V3.1 runs on domestic hardware. The chip has 96 billion transistors.",
        "96",
    ),
    # the phrase qualifies another noun, and the figure counts nothing named after it
    (
        "en",
        "Nvidia sold the H20 in China until April. The chip market there is worth 50 billion "
        "dollars a year in sales.",
        "50",
    ),
    # not at the sentence start
    (
        "it",
        "DeepSeek-V3.1 è stato rilasciato ieri. Secondo gli analisti il modello conta 700 "
        "miliardi di parametri.",
        "700",
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "subject"), REFERS)
def test_a_sentence_opening_with_the_product_phrase_is_about_the_product_named_before(
    linter, lang: str, text: str, number: str, subject: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).subject == subject


@pytest.mark.parametrize(("lang", "text", "number"), NOT_REFERRING)
def test_a_phrase_with_no_single_product_before_it_stands_for_none(
    linter, lang: str, text: str, number: str
) -> None:
    assert quantity_in(linter, text, lang, number).subject == ()


_PHRASES = product_phrases({"model": ["the model", "l'ultimo modello"], "chip": ["the chip"]})


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The model has", {"model"}),
        ("  the chip, launched in May,", {"chip"}),
        ("L’ultimo modello conta", {"model"}),
        ("The model's weights", {"model"}),
        ("The models have", set()),
        ("A model has", set()),
    ],
)
def test_opening_kinds(text: str, kinds: set[str]) -> None:
    assert _PHRASES is not None
    assert opening_kinds(_PHRASES, text.lower(), 0) == kinds


def test_a_language_with_no_phrases_has_none() -> None:
    assert product_phrases({}) is None


@pytest.mark.parametrize(
    ("named", "found"),
    [
        ([["step3"]], "step3"),
        ([[], ["qwen 3"]], "qwen 3"),
        ([["qwen 3", "qwen 3"]], "qwen 3"),
        ([["qwen 3", "glm 4.5"], ["step3"]], None),
        ([[], []], None),
    ],
)
def test_referent_is_the_one_product_of_the_nearest_sentence_naming_any(
    named: list[list[str]], found: str | None
) -> None:
    assert referent(named) == found
