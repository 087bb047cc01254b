"""Entity matching: one automaton pass, word boundaries, elision, case, variants, versions."""

from __future__ import annotations

import pytest

from factlint.entities import Entity, EntityIndex

ENTITIES = {
    "bytedance": Entity("bytedance", "company", "ByteDance"),
    "alibaba": Entity("alibaba", "company", "Alibaba", aliases=("Alibaba Group",)),
    "alibaba-cloud": Entity("alibaba-cloud", "company", "Alibaba Cloud", parent="alibaba"),
    "qwen": Entity("qwen", "model", "Qwen", aliases=("Tongyi Qianwen",)),
    "meta": Entity("meta", "company", "Meta", match_case=True),
    "h20": Entity("h20", "chip", "H20"),
    "h100": Entity("h100", "chip", "H100"),
    "h200": Entity("h200", "chip", "H200"),
    "b200": Entity("b200", "chip", "B200"),
    "gb200": Entity("gb200", "chip", "GB200"),
    "ernie": Entity("ernie", "model", "Ernie"),
    "usa": Entity("usa", "country", "United States", exact_aliases=("US",)),
    "china": Entity(
        "china", "country", "China", lang_aliases={"it": ("Cina", "cinesi"), "en": ("Chinese",)}
    ),
}
INDEX = EntityIndex(ENTITIES, variants=[("bytedance", "Bytedance"), ("bytedance", "Byte Dance")])


def found(text: str, lang: str = "it") -> list[tuple[str, str]]:
    return [(m.entity, m.surface) for m in INDEX.find(text, text.lower(), lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("il chip dell'H100", [("h100", "H100")]),
        ("il chip dell’H100", [("h100", "H100")]),
        ("Alibaba's Qwen", [("alibaba", "Alibaba"), ("qwen", "Qwen")]),
        ("GPU H200, H20 e GB200", [("h200", "H200"), ("h20", "H20"), ("gb200", "GB200")]),
        ("H2000 e XH200 non sono chip", []),
        ("Nvidia sold H100s last year", [("h100", "H100s")]),
        (
            "Alibaba Cloud e Alibaba Group",
            [("alibaba-cloud", "Alibaba Cloud"), ("alibaba", "Alibaba Group")],
        ),
        ("Qwen 2.5 e Qwen2.5-Max", [("qwen", "Qwen 2.5"), ("qwen", "Qwen2.5-Max")]),
        (
            "Qwen K2 e Qwen-VL2, Qwen T1.5",
            [("qwen", "Qwen K2"), ("qwen", "Qwen-VL2"), ("qwen", "Qwen T1.5")],
        ),
        ("Tongyi Qianwen", [("qwen", "Tongyi Qianwen")]),
        ("Meta ha raggiunto la meta", [("meta", "Meta")]),
        ("META e Meta", [("meta", "META"), ("meta", "Meta")]),
        ("Bernie e Ernie", [("ernie", "Ernie")]),
        ("il `Qwen` mascherato", [("qwen", "Qwen")]),
    ],
)
def test_exact_matching(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_language_specific_aliases() -> None:
    assert found("le aziende cinesi", "it") == [("china", "cinesi")]
    assert found("le aziende cinesi", "en") == []
    assert found("Chinese firms", "en") == [("china", "Chinese")]
    assert found("China", "it") == [("china", "China")]


def test_exact_aliases_only_as_written() -> None:
    assert found("US export rules", "en") == [("usa", "US")]
    assert found("let us see", "en") == []
    assert found("the United States and the united states", "en") == [
        ("usa", "United States"),
        ("usa", "united states"),
    ]


def test_variants_are_marked() -> None:
    mentions = INDEX.find(
        "ByteDance, Bytedance, Byte Dance", "bytedance, bytedance, byte dance", "it"
    )
    assert [(m.surface, m.variant) for m in mentions] == [
        ("ByteDance", False),
        ("Bytedance", True),
        ("Byte Dance", True),
    ]


def test_offsets_point_at_the_text() -> None:
    text = "Secondo Reuters, l’H200 di Nvidia è evoluzione dell'H100."
    for mention in INDEX.find(text, text.lower(), "it"):
        assert text[mention.start : mention.end] == mention.surface


def test_matcher_cost_does_not_depend_on_name_count() -> None:
    """The scan is one automaton pass: 10,000 more names change no result and add no hits."""
    many = dict(ENTITIES)
    for i in range(10_000):
        many[f"x{i}"] = Entity(f"x{i}", "company", f"Zorblax{i} Holdings")
    big = EntityIndex(many)
    text = "Alibaba's Qwen e l'H200 di Nvidia. " * 20
    small_hits = INDEX.find(text, text.lower(), "it")
    big_hits = big.find(text, text.lower(), "it")
    assert [(m.entity, m.start) for m in small_hits] == [(m.entity, m.start) for m in big_hits]


def _calls_during(index: EntityIndex, text: str) -> int:
    """How many Python and C calls one match of `text` makes: a cost that does not depend
    on the machine's load."""
    import sys

    count = 0

    def profile(_frame, event, _arg) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        index.find(text, text.lower(), "it")
    finally:
        sys.setprofile(None)
    return count


def test_guard_alias_scan_does_not_grow_with_the_number_of_names() -> None:
    """Fails if matching ever does work per name: a loop over names, a regex per name, or
    a fuzzy comparison per token against the names all make more calls with more names."""
    text = "Secondo Reuters, l'H200 di Nvidia e Qwen di Alibaba Cloud crescono. " * 30

    def index_with(extra: int) -> EntityIndex:
        many = dict(ENTITIES)
        for i in range(extra):
            many[f"x{i}"] = Entity(f"x{i}", "company", f"Zorblax{i} Holdings", aliases=(f"Zbx{i}",))
        return EntityIndex(many)

    assert _calls_during(index_with(100), text) == _calls_during(index_with(10_000), text)
