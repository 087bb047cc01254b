"""Unlisted product names: a family word and a model number no rule file declares."""

from __future__ import annotations

import pytest

from factlint.entities import Mention
from factlint.unlisted import (
    UNLISTED_TYPE,
    family,
    lineage_names,
    unlisted_names,
    versioned_names,
)


def names(text: str, mentions: tuple[Mention, ...] = ()) -> list[tuple[str, str]]:
    return [
        (m.entity, m.surface)
        for m in unlisted_names(text, mentions, frozenset({"dubai", "the", "nel"}))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'Ascend 910C di Huawei ha preso il posto dell'Ascend 910B.",
            [("Ascend 910C", "Ascend 910C"), ("Ascend 910B", "Ascend 910B")],
        ),
        (
            "AMD punta sull'Instinct MI355X, erede dell'Instinct MI325X.",
            [("Instinct MI355X", "Instinct MI355X"), ("Instinct MI325X", "Instinct MI325X")],
        ),
        (
            "The Kirin 9000S powers the Mate 60 Pro.",
            [("Kirin 9000S", "Kirin 9000S"), ("Mate 60 Pro", "Mate 60 Pro")],
        ),
        ("Il Kunlun-P800 di Baidu.", [("Kunlun P800", "Kunlun-P800")]),
        # a model number alone belongs to the family named just before it
        (
            "The Ascend 910C, successor to the 910B, ships in volume.",
            [("Ascend 910C", "Ascend 910C"), ("Ascend 910B", "910B")],
        ),
        # bare digits are figures, years are dates, ordinary words are no family
        ("Nel 2025 Huawei ha venduto 910 mila chip.", []),
        ("The 910B is popular.", []),
        ("Dubai 2040 è il piano della città.", []),
        ("Il modello 3.5 è uscito; Versione 2.1.", []),
    ],
)
def test_unlisted_names_in_italian_and_english_news(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(text) == expected


def test_known_names_are_not_unlisted() -> None:
    text = "Nvidia H200 e Ascend 910C."
    known = (Mention("nvidia", "company", 0, 6, "Nvidia"), Mention("h200", "chip", 7, 11, "H200"))
    assert names(text, known) == [("Ascend 910C", "Ascend 910C")]


def test_a_model_number_far_from_its_family_is_no_name() -> None:
    text = "L'Ascend 910C è pronto. " + "Parole. " * 60 + "Il 910B resta."
    assert names(text) == [("Ascend 910C", "Ascend 910C")]


def test_family_and_type() -> None:
    (mention,) = unlisted_names("the Instinct MI300X", (), frozenset())
    assert (family(mention), mention.type) == ("Instinct", UNLISTED_TYPE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Step 3, developed by StepFun, drew attention.", ["Step 3"]),
        ("Alla WAIC si è visto anche Step-3 di StepFun.", ["Step 3"]),
        ("Pangu 5.5, sviluppato da Huawei, e Kimi K2 di Moonshot.", ["Pangu 5.5", "Kimi K2"]),
        # capitals inside the name ("HyperOS", "MiMo"); a hyphen before the version
        (
            "Il CloudMatrix 384 di Huawei, HyperOS 3 e MiMo-7B di Xiaomi.",
            ["CloudMatrix 384", "HyperOS 3", "MiMo 7B"],
        ),
        # a year, an ordinary word are no product
        ("Vision 2030 di Riad; Nel 3 casi su 4.", []),
        # a name that opens with one lowercase letter, not the word inside it
        (
            "l'iPhone 16 e l'eMatrix 5; the iPhone-17 and iPad 11.",
            ["iPhone 16", "eMatrix 5", "iPhone 17", "iPad 11"],
        ),
        # a family in capitals, with a model number that opens with a letter
        (
            "il chip MTT S4000 di MetaX; the RTX A6000, successor to the RTX-A5000.",
            ["MTT S4000", "RTX A6000", "RTX A5000"],
        ),
        # an index, a standard, a kind of thing are no family (the model number alone is
        # a name of its own)
        ("Il FTSE 100 sale; ISO 9001; la GPU B30A; NYSE: NVDA.", ["B30A"]),
        # a version glued to a family of four letters or more
        (
            "Amazon's Graviton4 and Trainium2; il Graviton4 di Microsoft.",
            ["Graviton 4", "Trainium 2", "Graviton 4"],
        ),
        # not to a shorter word, nor to one that goes on
        ("Web3 e Gaudi3b.", []),
        # a tier makes another model of the family
        (
            "il Find X9 Pro di Oppo; the iPhone 17 Pro Max and the Galaxy S25-Ultra; Find X9.",
            ["Find X9 Pro", "iPhone 17 Pro Max", "Galaxy S25 Ultra", "Find X9"],
        ),
    ],
)
def test_names_with_a_version_number(text: str, expected: list[str]) -> None:
    found = versioned_names(text, (), frozenset({"nel", "gpu"}))
    assert [m.entity for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kuaishou rolled out Kling 2.0, the successor to Kling 2.1, in the spring.",
            ["Kling 2.0", "Kling 2.1"],
        ),
        ("HyperOS 2, erede di HyperOS 3, arriva a settembre.", ["HyperOS 2", "HyperOS 3"]),
        # a model number is one name, not also a versioned one; a bare one keeps its family
        (
            "L'Ascend 910C, successore del 910B, e Pangu 5.5.",
            ["Ascend 910C", "Ascend 910B", "Pangu 5.5"],
        ),
    ],
)
def test_names_a_succession_may_relate(text: str, expected: list[str]) -> None:
    ordinary = frozenset({"nel"})
    found = lineage_names(unlisted_names(text, (), ordinary), versioned_names(text, (), ordinary))
    assert [m.entity for m in found] == expected


def test_a_known_name_is_no_versioned_name() -> None:
    text = "Qwen 3 di Alibaba."
    qwen = Mention("qwen", "model", 0, 6, "Qwen 3")
    assert versioned_names(text, (qwen,), frozenset()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a model number alone is a name, its capitals its family
        ("The AI250, successor to the AI200, is due in 2027.", ["AI250", "AI200"]),
        ("Il BR100 di Biren e il P800 di Kunlunxin.", ["BR100", "P800"]),
        # one capital and two digits ("L90")
        ("La L90 di Li Auto e la L60.", ["L90", "L60"]),
        # one digit makes a standard or a formula, not a product; a period is none
        ("HBM3 e DDR5 di Samsung; la CO2 di Enel; nel FY2025 e FY25.", []),
        # inside a known or a family's name it is that name's
        ("the Instinct MI355X and the MI325X", ["Instinct MI355X", "Instinct MI325X"]),
        # glued to other words or figures it is no name
        ("il modello GLM-4.5, il codice AB12-C e 3AB12", []),
    ],
)
def test_a_model_number_alone_is_a_name(text: str, expected: list[str]) -> None:
    ordinary = frozenset({"nel", "the", "il"})
    found = lineage_names(unlisted_names(text, (), ordinary), versioned_names(text, (), ordinary))
    assert [m.entity for m in found] == expected


def test_a_model_number_alone_is_of_the_family_of_its_capitals() -> None:
    ai250, ai200 = versioned_names("AI250 e AI200", (), frozenset())
    assert family(ai250) == family(ai200) == "AI"
