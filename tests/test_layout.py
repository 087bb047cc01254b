"""Layout: tables, fact lines and answers that pair a product with its maker."""

from __future__ import annotations

import pytest

from factlint.claims import Assertion


def layout_pairs(linter, lang: str, text: str) -> list[tuple[str, str, str]]:
    doc = linter.document("snippet.md", text, lang=lang)
    return [
        (a.product.surface, a.owner.surface, a.template)
        for a in linter.claims(doc).attributions
        if a.template in ("table", "fact line", "answer")
    ]


TABLE_EN = """\
| Model family | Developer | Notable backers or hosts |
|---|---|---|
| Qwen | Alibaba | Alibaba Cloud |
<!-- a comment between two rows -->
| Hunyuan | Baidu | — |
| Kimi | Moonshot AI (Beijing) | Alibaba, Tencent (investors) |
| GLM | Zhipu AI, Alibaba | — |
"""

TABLE_IT = """\
| Paese | Modello di punta | Sviluppatore |
| :--- | :---: | ---: |
| Cina | Ernie | Tencent |
| Stati Uniti | Llama | Meta |
"""


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            TABLE_EN,
            [
                ("Qwen", "Alibaba", "table"),
                ("Hunyuan", "Baidu", "table"),
                ("Kimi", "Moonshot AI", "table"),
            ],
        ),
        ("it", TABLE_IT, [("Ernie", "Tencent", "table"), ("Llama", "Meta", "table")]),
        # "Azienda" heads the buyers of a chip as often as its makers
        ("it", "| Azienda | Chip |\n|---|---|\n| ByteDance | H20 |\n", []),
        ("en", "| Model | Investor |\n|---|---|\n| Kimi | Alibaba |\n", []),
        # pipes in prose, no delimiter row: no table
        ("en", "Qwen | Alibaba | Tencent are the names to watch.\n", []),
    ],
)
def test_tables(linter, lang: str, text: str, expected: list) -> None:
    assert layout_pairs(linter, lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "- **Qwen**: Tencent\n", [("Qwen", "Tencent", "fact line")]),
        (
            "en",
            "- **DeepSeek-V3 / DeepSeek-R1**: DeepSeek (hosted by Microsoft and Amazon)\n",
            [("DeepSeek-V3", "DeepSeek", "fact line"), ("DeepSeek-R1", "DeepSeek", "fact line")],
        ),
        (
            "en",
            "* Kimi – Moonshot AI (backed by Alibaba)\n",
            [("Kimi", "Moonshot AI", "fact line")],
        ),
        (
            "it",
            "- Alibaba: Qwen e Qwen3-Max\n",
            [("Qwen", "Alibaba", "fact line"), ("Qwen3-Max", "Alibaba", "fact line")],
        ),
        ("it", "1. Hunyuan: Tencent.\n", [("Hunyuan", "Tencent", "fact line")]),
        # a headline, not a fact line: the value goes on
        ("it", "## Qwen: Alibaba rilancia sul cloud\n", []),
        # a company and chips: as often the buyers' list as the maker's
        ("it", "- ByteDance: H20, H800\n", []),
        # two companies for one product: a list of backers, not of makers
        ("en", "- GLM: Alibaba, Tencent\n", []),
        # an unknown name in the list: not all of it is names
        ("en", "- Alibaba: Qwen, Qwen3-Max and Wan\n", []),
        ("en", "- Qwen; Alibaba\n", []),
    ],
)
def test_fact_lines(linter, lang: str, text: str, expected: list) -> None:
    assert layout_pairs(linter, lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "**Chi sviluppa Doubao?** Tencent, che lo spinge anche dentro WeChat.\n",
            [("Doubao", "Tencent", "answer")],
        ),
        (
            "it",
            "D: Chi c’è dietro al chatbot Hunyuan?\n\nR: Baidu.\n",
            [("Hunyuan", "Baidu", "answer")],
        ),
        ("it", "### Di chi è Kimi?\n\nÈ di Alibaba.\n", [("Kimi", "Alibaba", "answer")]),
        (
            "en",
            "**Who makes Llama?** Google, which releases the weights openly.\n",
            [("Llama", "Google", "answer")],
        ),
        ("en", "Q: Who is behind Hunyuan?\nA: It's Baidu.\n", [("Hunyuan", "Baidu", "answer")]),
        # the answer denies before it names
        ("it", "**Chi sviluppa Kimi?** Non Alibaba, come molti credono, ma Moonshot AI.\n", []),
        # not a question on the maker
        ("it", "**Chi usa Doubao?** Tencent, nei suoi servizi per le imprese.\n", []),
        ("en", "Who makes Doubao? ByteDance and Tencent are both in the race.\n", []),
        ("en", "Who is behind Doubao's growth? Tencent.\n", []),
    ],
)
def test_answers(linter, lang: str, text: str, expected: list) -> None:
    assert layout_pairs(linter, lang, text) == expected


def test_a_layout_pair_is_asserted_as_its_line(linter) -> None:
    """A row is read for hedges and reports like any sentence."""
    text = (
        "| Modello | Sviluppatore | Fonte |\n|---|---|---|\n"
        "| Qwen | Tencent | secondo alcune indiscrezioni |\n| Hunyuan | Tencent | sito ufficiale |\n"
    )
    attributions = linter.claims(linter.document("s.md", text, lang="it")).attributions
    assert [(a.product.surface, a.assertion) for a in attributions] == [
        ("Qwen", Assertion.HEDGED),
        ("Hunyuan", Assertion.PLAIN),
    ]


def test_a_template_and_the_layout_give_one_attribution(linter) -> None:
    doc = linter.document(
        "s.md", "| Modello | Sviluppatore |\n|---|---|\n| Qwen (Alibaba) | Alibaba |\n", lang="it"
    )
    attributions = linter.claims(doc).attributions
    assert [(a.product.surface, a.owner.surface) for a in attributions] == [("Qwen", "Alibaba")]
