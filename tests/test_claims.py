"""Claims: attributions, successions and quantities as articles write them, and how each
is asserted."""

from __future__ import annotations

import re

import pytest

from factlint.claims import Assertion
from tests.conftest import quantity_in


def claims_of(linter, text: str, lang: str):
    return linter.claims(linter.document("snippet.md", text, lang=lang))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Qwen di Alibaba è open source.", [("qwen", "alibaba")]),
        (
            "it",
            "Il chatbot Doubao, sviluppato dal colosso cinese ByteDance, cresce.",
            [("doubao", "bytedance")],
        ),
        (
            "it",
            "ByteDance (Doubao), Alibaba (Qwen) e Tencent (Hunyuan)",
            [("doubao", "bytedance"), ("qwen", "alibaba"), ("hunyuan", "tencent")],
        ),
        ("it", "Tencent ha presentato Hunyuan 2.0.", [("hunyuan", "tencent")]),
        ("it", "i chip H200 di Nvidia", [("h200", "nvidia")]),
        (
            "en",
            "Alibaba's Qwen and Tencent's Hunyuan",
            [("qwen", "alibaba"), ("hunyuan", "tencent")],
        ),
        ("en", "Kimi, developed by Moonshot AI, reads long files.", [("kimi", "moonshot-ai")]),
        ("en", "The maker of Claude, Anthropic, raised money.", []),
        ("it", "Tencent e Alibaba, con i modelli Hunyuan e Qwen, crescono.", []),
        ("en", "Alibaba, Tencent and ByteDance: Qwen leads.", []),
        # a name used as an adjective is no owner
        ("en", "Kimi K2, released in July by Alibaba-backed Moonshot AI, leads.", []),
        ("en", "Kimi K2, released in July by Moonshot AI, leads.", [("kimi", "moonshot-ai")]),
        # an aside with words before its head noun's "di" / "'s"
        (
            "it",
            "Arriva DeepSeek-R1, il modello di ragionamento di DeepSeek, e i titoli crollano.",
            [("deepseek-r1", "deepseek")],
        ),
        ("it", "GLM-4.5, il modello di punta di Zhipu AI, convince.", [("glm", "zhipu-ai")]),
        ("en", "Kimi, Moonshot's long-context chatbot, reads books.", [("kimi", "moonshot-ai")]),
        # a device word before the owner, for names no rule lists
        (
            "en",
            "The iPhone 17 Pro uses the Snapdragon X80, a modem made by Broadcom.",
            [("Snapdragon X80", "broadcom")],
        ),
        (
            "it",
            "L'iPhone 17, lo smartphone di Apple, arriva in Cina.",
            [("iPhone 17", "apple")],
        ),
        # a family written in capitals
        (
            "it",
            "Tra i prodotti più citati c'è il chip MTT S4000 di MetaX.",
            [("MTT S4000", "metax")],
        ),
        (
            "en",
            "Developers turn to accelerators such as the MTT S4000, a processor made by "
            "Moore Threads.",
            [("MTT S4000", "moore-threads")],
        ),
        # ... after an adjective that says it was made to order
        (
            "en",
            "The Switch 2 runs on the T239, a custom processor made by Nvidia.",
            [("T239", "nvidia")],
        ),
        (
            "it",
            "La console usa il T239, un chip su misura progettato da MediaTek.",
            [("T239", "mediatek")],
        ),
        # an apposition naming the maker's robot, across adjectives
        (
            "en",
            "The contract covers the Walker S2, Unitree's full-size industrial humanoid.",
            [("Walker S2", "unitree")],
        ),
        (
            "it",
            "Il Walker S2, l'umanoide industriale prodotto da UBTech, cambia da solo la batteria.",
            [("Walker S2", "ubtech")],
        ),
        # but not a rival's
        ("it", "Doubao, concorrente di Alibaba, cresce.", []),
        (
            "en",
            "He spends the longest on GLM-4.5, the open-weight model Moonshot AI released.",
            [("glm", "moonshot-ai")],
        ),
        (
            "en",
            "September 2024 — Tencent releases Qwen 2.5, its open-weight family.",
            [("qwen", "tencent")],
        ),
        (
            "it",
            "DeepSeek-R1, sviluppato dal team di Alibaba qui a Hangzhou, ha stupito.",
            [("deepseek-r1", "alibaba")],
        ),
    ],
)
def test_attributions(linter, lang: str, text: str, expected: list) -> None:
    found = [(a.product.entity, a.owner.entity) for a in claims_of(linter, text, lang).attributions]
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Il chip H200, evoluzione dell’H100, offre prestazioni elevate.",
            [("h200", "h100")],
        ),
        ("it", "L'H100, predecessore dell'H200, resta diffuso.", [("h200", "h100")]),
        ("it", "Il successore dell'H100, l'H200, arriva ora.", [("h200", "h100")]),
        ("en", "The B200 replaces the H200.", [("b200", "h200")]),
        ("it", "Resta l'H100, nato come erede dell'H200.", [("h100", "h200")]),
        # a question asserts nothing, but its claim is still read
        ("en", "Is the H100 the successor to the H200?", [("h100", "h200")]),
        ("en", "The H200's predecessor, the H100, is cheaper.", [("h200", "h100")]),
        ("en", "The H100 and the H200 sell well.", []),
        (
            "en",
            "Volta's V100 came next in 2017 as the successor to the A100.",
            [("v100", "a100")],
        ),
        # a company named inside the succession
        (
            "it",
            "L'H100, che nella gamma Nvidia ha preso il posto dell'H200, resta escluso.",
            [("h100", "h200")],
        ),
        ("it", "Le GPU A100, H100, H200 sono vietate.", []),
    ],
)
def test_successions(linter, lang: str, text: str, expected: list) -> None:
    found = [(s.newer.entity, s.older.entity) for s in claims_of(linter, text, lang).successions]
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The Ascend 910C, successor to the Ascend 910B, is in volume production.",
            [("Ascend 910C", "Ascend 910B")],
        ),
        (
            "it",
            "Il Kirin 9000S, che ha sostituito il Kirin 9010, è prodotto da SMIC.",
            [("Kirin 9000S", "Kirin 9010")],
        ),
        (
            "it",
            "AMD punta sull'Instinct MI325X, erede dell'Instinct MI355X, nei data center.",
            [("Instinct MI325X", "Instinct MI355X")],
        ),
        ("it", "L'Ascend 910C, successore del 910B, arriva ora.", [("Ascend 910C", "Ascend 910B")]),
        # names with a version, single digits and capitals inside included
        (
            "it",
            "A fine maggio la società ha lanciato Kling 2.1, successore di Kling 2.0.",
            [("Kling 2.1", "Kling 2.0")],
        ),
        (
            "en",
            "Xiaomi ships HyperOS 3, the successor to HyperOS 2, on the Xiaomi 15.",
            [("HyperOS 3", "HyperOS 2")],
        ),
        ("it", "HyperOS 2, erede di HyperOS 3, arriva ora.", [("HyperOS 2", "HyperOS 3")]),
        # a feminine passive
        (
            "it",
            "Nel catalogo di Sony la PlayStation 5 è stata rimpiazzata dalla PlayStation 4.",
            [("PlayStation 4", "PlayStation 5")],
        ),
        # a relative clause in the present
        (
            "it",
            "Il gruppo di Shanghai punta sullo Xiyun C600, che prende il posto dello Xiyun C500 "
            "come chip di punta.",
            [("Xiyun C600", "Xiyun C500")],
        ),
        ("en", "Step 3 and Step 2 run on Huawei chips.", []),
        # two families, or a listed chip, are never related by name alone
        ("en", "The Kunpeng 920 replaced the Ascend 910B in its servers.", []),
        ("en", "The Ascend 910C replaces Nvidia's H20 in Chinese data centres.", []),
        ("en", "Huawei sells the Ascend 910B and the Ascend 910C.", []),
    ],
)
def test_successions_of_products_no_rule_lists(
    linter, lang: str, text: str, expected: list
) -> None:
    found = [(s.newer.entity, s.older.entity) for s in claims_of(linter, text, lang).successions]
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "L'H20, la versione depotenziata per la Cina dell'H100, torna in vendita.",
            [("h20", "h100")],
        ),
        ("it", "L'H800 è una variante per il mercato cinese dell'H100.", [("h800", "h100")]),
        ("it", "La versione ridotta dell'A100, l'A800, era stata bloccata.", [("a800", "a100")]),
        ("en", "The H20, a cut-down version of the H100, is back on sale.", [("h20", "h100")]),
        ("en", "Nvidia sells the H20, a scaled-down H100, in China.", [("h20", "h100")]),
        ("en", "The H20, a pared-down A100 that Nvidia built, sold well.", [("h20", "a100")]),
        ("en", "The H20 is a trimmed-down A100.", [("h20", "a100")]),
        (
            "en",
            "The H800 is a version of the Hopper H100 made for the Chinese market.",
            [("h800", "h100")],
        ),
        # an upgrade is a succession, not a cut-down version
        ("it", "L'H200, versione potenziata dell'H100, arriva ora.", []),
        ("en", "The H200, an upgraded version of the H100, ships now.", []),
        ("en", "The H20 and the H100 are sold in China.", []),
    ],
)
def test_derivations(linter, lang: str, text: str, expected: list) -> None:
    claims = claims_of(linter, text, lang)
    found = [(d.variant.entity, d.base.entity) for d in claims.derivations]
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "counted", "of"),
    [
        ("it", "la costruzione di 36 nuovi data center, alimentati da", "nuovi data center", []),
        (
            "it",
            "alimentati da oltre 100.000 GPU NVIDIA H200.",
            "gpu nvidia h200",
            ["nvidia", "h200"],
        ),
        (
            "it",
            "oltre 100.000 GPU H100 e H200 per decine di data center",
            "gpu h100 e h200",
            ["h100", "h200"],
        ),
        (
            "it",
            "la raffinazione di circa il 90% delle terre rare a livello globale.",
            "terre rare",
            [],
        ),
        ("en", "about 90% of the world's rare earths", "world's rare earths", []),
        # a head that passes the count on passes it through its first genitive only
        (
            "it",
            "circa il 70 per cento della raffinazione mondiale di terre rare.",
            "raffinazione mondiale di terre rare",
            [],
        ),
        ("it", "il 60% della produzione di chip di Huawei", "produzione di chip", []),
        ("it", "500 progetti di nuovi data center", "progetti", []),
        (
            "it",
            "quasi due terzi della lavorazione mondiale delle terre rare",
            "lavorazione mondiale delle terre rare",
            [],
        ),
        ("en", "more than half of the chips sold in China", "chips sold", []),
        # a phrase that closes the count though it opens with a stop word
        (
            "en",
            "GLM-4.5 has 355 billion parameters in total and is aimed at agents.",
            "parameters in total",
            [],
        ),
        ("it", "GLM-4.5 ha 355 miliardi di parametri in tutto.", "parametri in tutto", []),
        ("it", "Qwen conta 400 milioni di download in tutto il mondo.", "download", []),
        (
            "it",
            "tre dei suoi colossi tecnologici – ByteDance, Alibaba e Tencent",
            "suoi colossi tecnologici",
            [],
        ),
    ],
)
def test_quantities_know_what_they_count(
    linter, lang: str, text: str, counted: str, of: list
) -> None:
    (quantity,) = claims_of(linter, text, lang).quantities
    assert quantity.counted == counted
    assert [m.entity for m in quantity.of] == of


@pytest.mark.parametrize(
    ("lang", "text", "counted"),
    [
        # another figure is not what one counts
        ("it", "Il fatturato è salito a 652 milioni di yuan dai 53 milioni del 2023.", ""),
        ("it", "La quota è passata dal 14,7% dal 13,2% di un anno prima.", ""),
        # the whole it is a part of may be
        ("en", "Microsoft has so far funded $11.6bn of the $13bn it pledged.", "13bn"),
    ],
)
def test_a_figure_counts_no_figure_after_it(linter, lang: str, text: str, counted: str) -> None:
    first = claims_of(linter, text, lang).quantities[0]
    assert first.counted.startswith(counted)
    assert bool(first.counted) == bool(counted)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Qwen 2.5 di Alibaba è stato rilasciato."),
        ("en", "Llama 3.1 and GPT-4o were compared."),
        ("it", "Le GPU H200 e H20 sono diverse."),
        ("it", "Nel 2025, secondo l'art. 36, il 3° trimestre."),
    ],
)
def test_versions_codes_years_are_not_quantities(linter, lang: str, text: str) -> None:
    assert claims_of(linter, text, lang).quantities == ()


def test_context_and_years(linter) -> None:
    text = "Le aziende cinesi sono pronte. Nel 2025 puntano a 36 nuovi data center."
    (quantity,) = claims_of(linter, text, "it").quantities
    assert {m.entity for m in quantity.context} == {"china"}
    assert quantity.years == (2025,)


@pytest.mark.parametrize(
    ("lang", "text", "years"),
    [
        ("it", "Nel 2024, DeepSeek contava 160 dipendenti.", (2024,)),
        ("it", "DeepSeek contava 160 dipendenti alla fine del 2024.", (2024,)),
        # a year in a later clause dates something else
        (
            "it",
            "DeepSeek ha usato 10.000 GPU H800, acquistate prima della stretta del 2023.",
            (),
        ),
        ("en", "Huawei will make 600,000 Ascend chips in 2026.", (2026,)),
        ("en", "Huawei will make 600,000 Ascend chips, twice as many as in 2024.", ()),
    ],
)
def test_years_before_the_number_or_in_its_clause(
    linter, lang: str, text: str, years: tuple[int, ...]
) -> None:
    (quantity,) = claims_of(linter, text, lang).quantities
    assert quantity.years == years


# (language, sentence, what its first number is said of)
SUBJECTS = [
    ("it", "DeepSeek conta 400 dipendenti.", ("deepseek",)),
    ("en", "Zhipu AI has more than 1,500 employees.", ("zhipu-ai",)),
    # a product wins over its maker; versions tell products of one family apart
    ("it", "DeepSeek ha addestrato DeepSeek-V3 su 2.048 GPU H800.", ("deepseek-v3 3",)),
    ("en", "Kimi K2 has 1 trillion parameters.", ("kimi 2",)),
    # a point release is another version ("DeepSeek-V3.1" is not "DeepSeek-V3")
    ("it", "DeepSeek-V3.1 conta 671 miliardi di parametri.", ("deepseek-v3 3.1",)),
    ("en", "DeepSeek-V3.1 has 671 billion parameters.", ("deepseek-v3 3.1",)),
    ("it", "GLM-4.5-Air ha 106 miliardi di parametri.", ("glm 4.5air",)),
    ("en", "ERNIE-4.5-300B-A47B has 300 billion parameters.", ("ernie 4.5300ba47b",)),
    ("en", "Kimi K2 Thinking costs $0.60 per million tokens.", ("kimi 2thinking",)),
    ("en", "The H20s sold 400,000 units in China.", ("h20 20",)),
    # named earlier in the sentence, across an apposition
    ("it", "DeepSeek, fondata nel 2023 a Hangzhou, conta 160 dipendenti.", ("deepseek",)),
    # but not a name inside the apposition
    (
        "it",
        "StepFun, fondata da un ex dirigente di Microsoft, ha chiuso un round da 700 milioni.",
        ("stepfun",),
    ),
    # "la società" / "the company" refer back to the company last named
    ("it", "Moonshot AI ha sede a Pechino. La società conta 300 dipendenti.", ("moonshot-ai",)),
    ("en", "Microsoft opened new sites. The company now runs 300 data centres.", ("microsoft",)),
    ("en", "Its chips are sold in 50 countries.", ()),
    # a company quoted as the source across an aside after its name
    (
        "en",
        "Net profit for the July-September quarter rose 17% to NT$65.4 billion, Hon Hai "
        "Precision Industry, as Foxconn is formally known, said in a statement.",
        ("foxconn",),
    ),
    (
        "en",
        "Run-rate revenue has topped $5 billion, Anthropic, the San Francisco start-up, said.",
        ("anthropic",),
    ),
    # a modifier that places the company keeps the phrase standing for it ...
    (
        "en",
        "Dell's bet on AI is showing up in its order book. The Texas-based company said on "
        "Tuesday that AI server orders came to $10.6bn.",
        ("dell",),
    ),
    (
        "en",
        "Xiaomi sold more phones. The Hong Kong-listed group now employs 45,000 people.",
        ("xiaomi",),
    ),
    # ... one that makes it another company does not
    (
        "en",
        "Dell's bet on AI is showing up in its order book. The rival company said on Tuesday "
        "that AI server orders came to $10.6bn.",
        (),
    ),
    # in a sentence before, the company it opens with, not the rivals it is compared with
    (
        "it",
        "Il mese scorso Xpeng ha consegnato 42.013 veicoli, più di Nio e di Li Auto. Per il "
        "quarto trimestre il gruppo prevede ricavi tra 21,5 e 23 miliardi di yuan.",
        ("xpeng",),
    ),
    (
        "en",
        "Xpeng delivered more cars than Nio and Li Auto last month. The company expects "
        "fourth-quarter revenue of up to 23 billion yuan.",
        ("xpeng",),
    ),
    # further back, the only company the article has named
    (
        "it",
        "Nio ha presentato martedì i conti. I margini migliorano. Le consegne corrono. A "
        "ottobre il gruppo ha consegnato 35.100 veicoli.",
        ("nio",),
    ),
    (
        "en",
        "Nio and Xpeng reported results. Margins improved. Deliveries kept climbing. Last "
        "month the company delivered 40,397 vehicles.",
        (),
    ),
]


@pytest.mark.parametrize(("lang", "text", "subject"), SUBJECTS)
def test_what_a_number_is_said_of(linter, lang: str, text: str, subject: tuple[str, ...]) -> None:
    quantity = claims_of(linter, text, lang).quantities[-1]
    assert quantity.subject == subject


@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        ("it", "Alibaba usa 31 sistemi DGX H100.", []),
        ("it", "Gli Usa vietano l'export di 31 sistemi.", ["usa"]),
        ("it", "Negli USA sorgono 40 data center.", ["usa"]),
        ("en", "The US bans exports of 31 systems.", ["usa"]),
    ],
)
def test_the_verb_usa_is_no_place(linter, lang: str, text: str, places: list[str]) -> None:
    mentions = claims_of(linter, text, lang).mentions
    assert [m.entity for m in mentions if m.type == "country"] == places


def test_a_name_another_number_counts_is_not_a_subject(linter) -> None:
    text = "Nvidia could not ship $2.5 billion of H20 orders, and expects a loss of $8 billion."
    first, second = claims_of(linter, text, "en").quantities
    assert first.of[0].entity == "h20"
    assert second.subject == ("nvidia",)


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("en", "Baidu switched on 30,000 Kunlun P800 chips.", ("kunlunp800",)),
        ("it", "Huawei produrrà 600.000 chip Ascend 910C.", ("ascend910c",)),
        ("it", "Huawei produrrà 150.000 chip Ascend 910B.", ("ascend910b",)),
        # known names and common words are not unknown names
        ("en", "Nvidia sold 100,000 H200 GPUs.", ()),
        ("it", "Il gruppo ha 36 nuovi data center.", ()),
    ],
)
def test_unknown_names_in_what_is_counted(
    linter, lang: str, text: str, names: tuple[str, ...]
) -> None:
    (quantity,) = claims_of(linter, text, lang).quantities
    assert quantity.names == names


@pytest.mark.parametrize(
    ("lang", "text", "change"),
    [
        ("it", "Il fatturato è in calo del 5% quest'anno.", True),
        ("it", "La quota è salita al 5% quest'anno.", False),
        ("en", "Revenue rose 5% this year.", True),
        ("en", "The share fell to 5% this year.", False),
        ("en", "Revenue was +5% this year.", True),
        ("en", "Zhipu added about 300 employees over the past year.", True),
        ("it", "L'organico è cresciuto di 500 unità.", True),
        ("it", "Zhipu ha assunto 300 ingegneri.", True),
        ("it", "L'organico è di 500 persone.", False),
        # a phrasal verb that ends in a change word
        ("en", "Chinese buyers are lining up roughly fifty thousand H200 GPUs.", False),
        ("en", "Generative AI made up 68.4% of SenseTime's revenue.", False),
        ("en", "Shares were up 5% this year.", True),
    ],
)
def test_changes_are_not_levels(linter, lang: str, text: str, change: bool) -> None:
    (quantity,) = claims_of(linter, text, lang).quantities
    assert quantity.change is change


@pytest.mark.parametrize(
    ("lang", "text", "assertion"),
    [
        ("it", "Qwen di Tencent è popolare.", Assertion.PLAIN),
        ("it", "Non è vero che Qwen sia di Tencent.", Assertion.DISPUTED),
        (
            "it",
            "Qwen non è di Tencent, ma non solo: Doubao di Alibaba è popolare.",
            Assertion.PLAIN,
        ),
        (
            "en",
            "A post claimed that Tencent's Qwen is popular. It is not true.",
            Assertion.DISPUTED,
        ),
        ("en", 'The headline read "Tencent\'s Qwen wins".', Assertion.REPORTED),
        ("en", "According to plans, Tencent's Qwen will grow.", Assertion.PLAIN),
        ("it", "Se Qwen fosse di Tencent, cambierebbe tutto.", Assertion.CONDITIONAL),
        ("it", "Forse Qwen di Tencent è popolare.", Assertion.HEDGED),
        ("it", "Secondo Reuters, Qwen di Tencent è popolare.", Assertion.REPORTED),
        ("it", "Alcuni siti scrivono erroneamente che Qwen è di Tencent.", Assertion.DISPUTED),
        ("it", "Nonostante tutto, Qwen di Tencent è popolare.", Assertion.PLAIN),
        ("en", "It is false that Qwen was developed by Tencent.", Assertion.DISPUTED),
        ("en", "It is not true that Qwen is developed by Tencent.", Assertion.DISPUTED),
        ("en", "Claims that Tencent's Qwen leads are wide of the mark.", Assertion.DISPUTED),
        (
            "it",
            "L'idea che Qwen sia di Tencent è lontana dalla realtà.",
            Assertion.DISPUTED,
        ),
        ("en", "Tencent's Qwen is not the leader.", Assertion.PLAIN),
        ("en", "If Qwen is developed by Tencent, we are wrong.", Assertion.CONDITIONAL),
        ("en", "According to Reuters, Tencent's Qwen is popular.", Assertion.REPORTED),
        ("en", "Tencent's Qwen is reportedly popular.", Assertion.HEDGED),
        ("en", "Tencent's Qwen is popular.", Assertion.PLAIN),
        # a question asserts nothing
        ("en", "Q: Is Qwen made by Tencent? A lot of readers think so.", Assertion.QUESTION),
        ("it", "**Qwen è di Tencent?** Falso.", Assertion.QUESTION),
        # a rumour the next sentence refutes is disputed
        (
            "it",
            "È circolata la voce che Qwen fosse di Tencent. È falso.",
            Assertion.DISPUTED,
        ),
        # an ordinal "secondo" cites no one; a company that reports revenue states it
        ("it", "Nel secondo trimestre Qwen di Tencent è cresciuto.", Assertion.PLAIN),
        ("en", "Tencent reported revenue as Tencent's Qwen grew.", Assertion.PLAIN),
    ],
)
def test_assertion(linter, lang: str, text: str, assertion: Assertion) -> None:
    claims = claims_of(linter, text, lang)
    (attribution,) = claims.attributions
    assert attribution.assertion is assertion


def test_candidates_skip_known_and_common_words(linter) -> None:
    doc = linter.document("s.md", "Hunyan e Alibaba. Hunan è una provincia.", lang="it")
    claims = linter.claims(doc)
    assert [doc.masked[s:e] for s, e in claims.candidates] == ["Hunyan"]


def test_compile_all_leaves_nothing_to_compile_in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before workers are forked every pattern is compiled, so none compiles its own."""
    import re
    from pathlib import Path

    from factlint.lint import build_linter

    fresh = build_linter([Path(__file__).parent.parent / "rules"])
    fresh.extractor.compile_all()

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a pattern was compiled during extraction")

    monkeypatch.setattr(re, "compile", refuse)
    for lang, text in [
        ("it", "Tra 3 e 5 nuovi data center; oltre 100.000 GPU H200, evoluzione dell'H100."),
        ("en", "Between 3 and 5 new data centers; over 100,000 H200 GPUs, Qwen by Alibaba."),
    ]:
        claims = fresh.claims(fresh.document("a.md", text, lang=lang))
        assert claims.quantities


@pytest.mark.parametrize(
    ("lang", "text", "periods"),
    [
        ("it", "Nel secondo trimestre Nvidia ha incassato 46,7 miliardi di dollari.", ("q2",)),
        ("it", "DeepSeek conta 22 milioni di utenti attivi giornalieri.", ("day",)),
        # either apostrophe
        ("it", "Nella prima metà dell’anno Alibaba ha speso 50 miliardi di yuan.", ("h1",)),
        ("it", "Nella prima metà dell'anno Alibaba ha speso 50 miliardi di yuan.", ("h1",)),
        ("it", "Tencent ha speso 67,8 miliardi di yuan nel 2024.", ()),
        # after the number, only in its clause; a figure set against the previous
        # quarter's, or the year-ago quarter's, is the quarter's
        ("it", "Tencent ha speso 19 miliardi, più che nel trimestre precedente.", ("quarter",)),
        ("en", "Nvidia made $39.3 billion of revenue in the fourth quarter.", ("q4",)),
        ("en", "DeepSeek has 97 million monthly active users.", ("month",)),
        # "a quarter" is the number itself, not a period
        ("en", "China accounted for a quarter of Nvidia's revenue.", ()),
        # a quarter named by its months is that quarter
        ("en", "Revenue for the April-June quarter came in at $2.21 billion.", ("q2", "quarter")),
        (
            "it",
            "Nel trimestre luglio-settembre i ricavi sono saliti a 5 miliardi.",
            ("q3", "quarter"),
        ),
        # the quarter a year before is not the quarter
        (
            "en",
            "Net income was $3 billion in the same quarter a year earlier.",
            ("year-ago-quarter",),
        ),
        # a clause opened by "and that" is another statement, with its own period
        (
            "en",
            "XPeng said that third-quarter revenue was about 17.4 billion yuan and that it "
            "expected to break even in the fourth quarter.",
            ("q3",),
        ),
        (
            "it",
            "Xpeng ha detto che i ricavi del terzo trimestre sono stati di 20 miliardi di yuan "
            "e che il pareggio arriverà nel quarto trimestre.",
            ("q3",),
        ),
        # the quarters before, and a year to the last quarter, are not the quarter
        ("en", "SMIC's utilisation was 89.6% in the previous quarter.", ("previous-quarter",)),
        (
            "it",
            "Il tasso di utilizzo era dell'89,6% nel trimestre precedente.",
            ("previous-quarter",),
        ),
    ],
)
def test_the_period_a_figure_covers(linter, lang: str, text: str, periods: tuple[str, ...]) -> None:
    (quantity,) = claims_of(linter, text, lang).quantities
    assert quantity.periods == periods


def test_a_span_of_time_names_no_one(linter) -> None:
    text = "Nei nove mesi i ricavi di CATL sono stati pari a 283,07 miliardi di yuan."
    assert quantity_in(linter, text, "it", "283,07").subject == ("catl",)


# (language, sentence, the number, its periods)
EARLIER_PERIODS = [
    # a figure in brackets, a conversion, does not end the clause
    (
        "en",
        "Revenue rose 16.7% to 21.79 billion yuan ($3.06 billion) in the July-September "
        "quarter, Nio said.",
        "21.79",
        ("q3", "quarter"),
    ),
    # a year-earlier phrase is the period of the nearest number before it
    (
        "en",
        "Micron's revenue rose 46% to $11.32 billion from $7.75 billion a year earlier.",
        "$11",
        (),
    ),
    (
        "en",
        "Micron's revenue rose 46% to $11.32 billion from $7.75 billion a year earlier.",
        "$7.75",
        ("year-ago",),
    ),
    # ... here the change's, not the figure's after it
    (
        "en",
        "SK Hynix's operating profit rose 68% from a year earlier to 9.21 trillion won.",
        "9.21",
        (),
    ),
    ("it", "Il margine operativo di SK Hynix è salito al 41%, dal 33% di un anno prima.", "41", ()),
    (
        "it",
        "Il margine operativo di SK Hynix è salito al 41%, dal 33% di un anno prima.",
        "33",
        ("year-ago",),
    ),
    # with no number before it, it is the period of the numbers after it
    ("en", "A year earlier, Micron's revenue was $7.75 billion.", "$7.75", ("year-ago",)),
    # "di un anno prima" is no span of years a figure holds
    (
        "it",
        "I ricavi del trimestre sono stati di 15,95 miliardi di dollari rispetto ai 13,07 "
        "miliardi di un anno prima.",
        "15,95",
        ("quarter",),
    ),
    # ... unless a comparison cue makes it what they are compared with
    (
        "en",
        "Tencent's capital expenditure more than doubled from a year earlier to 19.1 billion yuan.",
        "19.1",
        (),
    ),
    (
        "it",
        "Le spese in conto capitale di Tencent sono raddoppiate rispetto a un anno prima, a "
        "19,1 miliardi di yuan.",
        "19,1",
        (),
    ),
    # a figure set against the previous quarter's is the quarter's
    (
        "en",
        "Micron's revenue rose to $11.32 billion from $9.3 billion in the previous quarter.",
        "$11",
        ("quarter",),
    ),
    # ... and so is one set against a named quarter's
    (
        "en",
        "TSMC's gross margin came in at 58.6%, slightly below the 58.8% of the first quarter.",
        "58.6",
        ("quarter",),
    ),
    (
        "en",
        "Nvidia's data center revenue rose to $41.1 billion, up from $39.1 billion in the "
        "first quarter.",
        "$41.1",
        ("quarter",),
    ),
    (
        "it",
        "Il margine lordo di TSMC è sceso al 58,6%, dal 58,8% del primo trimestre.",
        "58,6",
        ("quarter",),
    ),
    # a part of a year's figure is not set against it
    (
        "en",
        "Nvidia's revenue was $130 billion, including $39 billion in the fourth quarter.",
        "$130",
        (),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "periods"), EARLIER_PERIODS)
def test_an_earlier_period_is_the_figure_s_it_follows(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).periods == periods


@pytest.mark.parametrize(
    ("lang", "text", "concepts"),
    [
        # across a relative clause that says what the concept holds
        (
            "en",
            "Data center revenue, which includes the company's AI processors and networking "
            "gear, rose to $41.1 billion.",
            ["data-center", "revenue"],
        ),
        (
            "it",
            "I ricavi della divisione data center, che comprende i processori e le "
            "apparecchiature di rete, sono saliti a 35,8 miliardi di dollari.",
            ["data-center", "revenue"],
        ),
        # across an aside that ends a period named by its end date
        (
            "en",
            "Revenue for the fiscal fourth quarter, which ended Aug. 28, rose to $11.32 billion.",
            ["revenue"],
        ),
        (
            "it",
            "I ricavi del trimestre, chiuso il 27 luglio, sono saliti a 46,7 miliardi di dollari.",
            ["revenue"],
        ),
        # a clause opened by "a"/"to" alone carries on the one before
        (
            "it",
            "I ricavi di Alibaba Cloud sono cresciuti del 18%, a 32,1 miliardi di yuan.",
            ["revenue"],
        ),
        ("en", "Alibaba Cloud's revenue rose 18%, to 30.1 billion yuan.", ["revenue"]),
        ("en", "Alibaba Cloud's revenue rose 18%, its fastest pace, 30.1 billion yuan.", []),
        # so does a short clause a participle opens: it tells of the noun before the comma
        (
            "it",
            "A crescere è stato soprattutto il fatturato di MetaX, salito nel 2024 a 652 "
            "milioni di yuan.",
            ["revenue"],
        ),
        (
            "it",
            "L'utile netto di Ferrari, cresciuto nel trimestre a 382 milioni di euro, ha "
            "battuto le attese.",
            ["net-income"],
        ),
        # what money is earned in, anywhere in its clause
        (
            "en",
            "Nvidia's data-centre revenue rose 56% to $41.1 billion.",
            ["data-center", "revenue"],
        ),
        (
            "it",
            "I ricavi di Nvidia nei data center sono saliti a 39,1 miliardi di dollari.",
            ["data-center", "revenue"],
        ),
        ("en", "Nvidia reported revenue of $46.7 billion.", ["revenue"]),
        # money committed or set aside is invested
        ("en", "Alibaba has committed 480 billion yuan to AI infrastructure.", ["investment"]),
        ("it", "Alibaba ha stanziato 380 miliardi di yuan per il cloud.", ["investment"]),
        ("it", "Tencent spenderà 90 miliardi di yuan in server.", ["investment"]),
        # the lines of a report: net, operating, gross
        ("en", "TSMC's net income rose to NT$452.3 billion.", ["net-income"]),
        ("it", "L'utile operativo di SK Hynix è di 9.210 miliardi di won.", ["operating-income"]),
        ("en", "StepFun raised $700 million in a Series C funding round.", ["funding-round"]),
        # a figure after a decimal comma is in that number's clause, not in a new one
        (
            "it",
            "L'utile operativo è sceso del 55,9% a 4.700 miliardi di won.",
            ["operating-income"],
        ),
        # revenue extrapolated from a month's is not revenue booked
        ("en", "Run-rate revenue is now about $4 billion.", ["run-rate-revenue"]),
        (
            "it",
            "I ricavi annualizzati hanno superato i 5 miliardi di dollari.",
            ["run-rate-revenue"],
        ),
        # the words after it say what it is, whatever else its clause names
        (
            "en",
            "Azure generated $57bn of revenue in fiscal 2025 as corporate customers moved "
            "their workloads to the cloud.",
            ["revenue"],
        ),
        # a phrase that stands for the company names no concept
        (
            "it",
            "A inizio luglio la società ha ottenuto tre miliardi di yuan da fondi statali.",
            [],
        ),
        # the verb right before it says what it is
        (
            "it",
            "A inizio luglio la società ha raccolto tre miliardi di yuan da fondi statali.",
            ["funding-round"],
        ),
        ("en", "Mistral AI has raised €2.7 billion, its largest so far.", ["funding-round"]),
        # a plan to raise money is not money raised; a loan is not a round
        ("it", "Anthropic puntava a raccogliere 5 miliardi di dollari.", []),
        ("en", "Oracle raised $18 billion in a bond sale.", ["debt", "funding-round"]),
        # a loss is no profit
        ("en", "Li Auto posted a net loss of 624.4 million yuan.", ["net-loss"]),
        ("it", "La perdita netta di Li Auto è stata di 710 milioni di yuan.", ["net-loss"]),
        # the concept before a colon right before the figure
        (
            "it",
            "A crescere sono stati innanzitutto i ricavi di SenseTime: 2,08 miliardi di yuan "
            "nel primo semestre.",
            ["revenue"],
        ),
        # net sales are revenue
        ("en", "Amazon's net sales rose 13% to $180.2 billion.", ["revenue"]),
        # the concept before a citing aside, and before a link after a comma
        (
            "it",
            "L'utile operativo di Microsoft, secondo quanto comunicato dal gruppo di Redmond, "
            "si è attestato a 33,6 miliardi di dollari nel trimestre.",
            ["operating-income"],
        ),
        (
            "it",
            "A salire è stato anche l'utile netto di Microsoft nel trimestre, a quota 31,5 "
            "miliardi di dollari.",
            ["net-income"],
        ),
        (
            "en",
            "Microsoft's net income rose 12% in the quarter, reaching $27.7 billion.",
            ["net-income"],
        ),
        # a short name in brackets ends no clause
        (
            "it",
            "Le spese in conto capitale (capex) di Amazon sono salite a 30,1 mld di dollari.",
            ["investment"],
        ),
        # a relative clause holding the figure is said of the concept right before it ...
        (
            "en",
            "Amazon's capital expenditures, which rose to $34.2bn in the third quarter, went "
            "mostly into data centres.",
            ["investment"],
        ),
        (
            "it",
            "Le spese in conto capitale di Amazon, che sono salite a 34,2 miliardi di dollari, "
            "sono andate ai data center.",
            ["investment"],
        ),
        ("it", "L'utile netto dell'azienda, che ha toccato 2 miliardi di euro.", ["net-income"]),
        # ... not of a concept the clause goes on past
        ("en", "Revenue came mostly from AWS, which rose to $33bn.", []),
        ("it", "I ricavi sono arrivati dal cloud, che è salito a 33 miliardi di dollari.", []),
    ],
)
def test_what_a_sum_of_money_is(linter, lang: str, text: str, concepts: list[str]) -> None:
    money = [q for q in claims_of(linter, text, lang).quantities if q.number.unit != "%"]
    assert sorted(money[-1].concepts) == concepts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Revenue for the three months to late October came in at $57.0 billion."),
        ("it", "Nei nove mesi i ricavi sono saliti a 120 miliardi di dollari."),
    ],
)
def test_a_span_of_time_is_not_what_its_sentence_counts(linter, lang: str, text: str) -> None:
    span = claims_of(linter, text, lang).quantities[0]
    assert span.number.unit in {"mesi", "anni", "giorni"}
    assert span.concepts == frozenset()


@pytest.mark.parametrize(
    ("lang", "text", "assertion"),
    [
        # an aside states its relation whatever its clause denies
        (
            "it",
            "In Europa non è ancora arrivato Doubao, il chatbot di ByteDance.",
            Assertion.PLAIN,
        ),
        ("en", "Europe has not yet seen Doubao, the chatbot made by ByteDance.", Assertion.PLAIN),
        ("it", "Se Doubao fosse di Alibaba, il mercato cambierebbe.", Assertion.CONDITIONAL),
        ("en", "It is not true that Tencent's Qwen leads.", Assertion.DISPUTED),
        # an aside is the writer's own: a citation or a hedge elsewhere in the sentence
        # is not about it
        (
            "en",
            "Doubao, the chatbot made by ByteDance, is used by millions, according to QuestMobile.",
            Assertion.PLAIN,
        ),
        (
            "it",
            "Doubao, il chatbot di ByteDance, potrebbe superare Qwen, secondo gli analisti.",
            Assertion.PLAIN,
        ),
        # unless it stands in the aside itself, or in quotation marks
        (
            "en",
            "Doubao, the chatbot made by ByteDance according to Reuters, is used by millions.",
            Assertion.REPORTED,
        ),
        (
            "en",
            "“Doubao, the chatbot made by ByteDance, is used by millions,” Wang said.",
            Assertion.REPORTED,
        ),
    ],
)
def test_an_aside_is_asserted_apart_from_its_clause(
    linter, lang: str, text: str, assertion: Assertion
) -> None:
    (attribution,) = claims_of(linter, text, lang).attributions
    assert attribution.assertion is assertion


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("la cosiddetta xai", ["cosiddetta"]),
        ("explainable ai, or xai", [", or"]),
        ("una incosiddetta xai", []),
        ("the so-called xai", ["so-called"]),
    ],
)
def test_cue_phrases_start_a_word_unless_they_open_with_punctuation(
    text: str, found: list[str]
) -> None:
    from factlint.claims import _cue_regex

    cue = _cue_regex(["cosiddetta", "so-called", ", or"], re.compile)
    assert [m.group(0) for m in cue.finditer(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("l'app di messaggistica", ["l'"]),
        ("la app", ["la"]),
        ("lapp e lab", []),
    ],
)
def test_cue_phrases_end_a_word_unless_they_end_elided(text: str, found: list[str]) -> None:
    from factlint.claims import _cue_regex

    cue = _cue_regex(["l'", "la"], re.compile)
    assert [m.group(0) for m in cue.finditer(text)] == found


def test_cue_regex_checks_the_word_start_once() -> None:
    """Inside every branch the word-start check stops re from skipping ahead to a phrase's
    first letter: the shipped concept words ran 25 times slower that way."""
    from factlint.claims import _cue_regex

    cue = _cue_regex(["data center", "gpu", "chip", ", or", "; ossia"], re.compile)
    assert cue.pattern.count("(?<!\\w)") == 1


@pytest.mark.parametrize(
    ("lang", "text", "assertions"),
    [
        # a rumour the next sentence corrects
        (
            "it",
            "«Si dice che GLM sia di Alibaba», osserva un analista. «GLM è di Zhipu.»",
            [("glm", "alibaba", Assertion.DISPUTED), ("glm", "zhipu-ai", Assertion.REPORTED)],
        ),
        (
            "en",
            "Some reports say Kimi is made by Baidu. Kimi is made by Moonshot AI.",
            [("kimi", "baidu", Assertion.DISPUTED), ("kimi", "moonshot-ai", Assertion.PLAIN)],
        ),
        # a plain claim is not undone by another plain one
        (
            "en",
            "Kimi is made by Baidu. Kimi is made by Moonshot AI.",
            [("kimi", "baidu", Assertion.PLAIN), ("kimi", "moonshot-ai", Assertion.PLAIN)],
        ),
        # nor is a report the text agrees with
        (
            "en",
            "Some reports say Kimi is made by Moonshot AI. Kimi is made by Moonshot AI.",
            [
                ("kimi", "moonshot-ai", Assertion.REPORTED),
                ("kimi", "moonshot-ai", Assertion.PLAIN),
            ],
        ),
        (
            "en",
            "Chen is asked whether the H20 is made by AMD.",
            [("h20", "amd", Assertion.CONDITIONAL)],
        ),
    ],
)
def test_a_report_the_text_corrects_is_disputed(
    linter, lang: str, text: str, assertions: list
) -> None:
    found = claims_of(linter, text, lang).attributions
    assert [(a.product.entity, a.owner.entity, a.assertion) for a in found] == assertions


@pytest.mark.parametrize(
    ("lang", "text", "number", "per_unit"),
    [
        ("en", "A single HGX server holds eight H200 GPUs.", "eight", True),
        # a result per share is no result of the company's
        ("en", "Net income was $3.20 billion, or $2.83 per share.", "$2.83", True),
        ("en", "Net income was $3.20 billion, or $2.83 per share.", "$3.20", False),
        (
            "it",
            "L'utile netto è stato di 2,71 miliardi di dollari, pari a 2,83 dollari per azione.",
            "2,83",
            True,
        ),
        (
            "it",
            "L'utile netto è stato di 2,71 miliardi di dollari, pari a 2,83 dollari per azione.",
            "2,71",
            False,
        ),
        # a price after a count prices the count, and leaves it a count
        (
            "en",
            "The U.S. government will buy 433.3 million primary shares of Intel at $20.47 apiece.",
            "433.3",
            False,
        ),
        (
            "en",
            "The U.S. government will buy 433.3 million primary shares of Intel at $20.47 apiece.",
            "$20.47",
            True,
        ),
        (
            "it",
            "Washington acquisterà 433,3 milioni di azioni di Intel a 20,47 dollari ciascuna.",
            "433,3",
            False,
        ),
        ("en", "Each H100 sells for $30,000.", "$30,000", True),
    ],
)
def test_per_unit_figures(linter, lang: str, text: str, number: str, per_unit: bool) -> None:
    assert quantity_in(linter, text, lang, number).per_unit == per_unit


@pytest.mark.parametrize(
    ("lang", "text", "number", "concepts"),
    [
        (
            "en",
            "Micron's net income was $3.2 billion, while adjusted net income came to $3.47 billion.",
            "$3.47",
            {"adjusted", "net-income"},
        ),
        (
            "en",
            "Micron's net income was $3.2 billion, while adjusted net income came to $3.47 billion.",
            "$3.2",
            {"net-income"},
        ),
        (
            "it",
            "L'utile netto rettificato di Micron è stato di 3,47 miliardi di dollari.",
            "3,47",
            {"adjusted", "net-income"},
        ),
    ],
)
def test_an_adjusted_result_is_not_the_reported_one(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


@pytest.mark.parametrize(
    ("lang", "text", "years"),
    [
        (
            "it",
            "StepFun, fondata nel 2023 da un ex dirigente, ha raccolto 700 milioni di dollari.",
            (),
        ),
        ("en", "Founded in 2023, StepFun raised $700 million.", ()),
        ("en", "In 2025 StepFun, founded in 2023, raised $700 million.", (2025,)),
    ],
)
def test_a_founding_year_dates_no_figure(
    linter, lang: str, text: str, years: tuple[int, ...]
) -> None:
    quantity = claims_of(linter, text, lang).quantities[0]
    assert quantity.years == years


def test_taiwan_dollars_in_both_languages(linter) -> None:
    it = claims_of(linter, "L'utile è di 542,3 miliardi di dollari taiwanesi.", "it")
    en = claims_of(linter, "Net income was NT$452.3 billion.", "en")
    assert [q.number.unit for q in it.quantities + en.quantities] == ["TWD", "TWD"]


@pytest.mark.parametrize(
    ("lang", "text", "assertion"),
    [
        # an argued claim is reported; a dispute two sentences on disputes it
        (
            "en",
            "Some commentators have argued that China's share of rare-earth refining has "
            "slipped to 70%. I wish it were true. It isn't.",
            Assertion.DISPUTED,
        ),
        (
            "en",
            "Some commentators have argued that China's share of rare-earth refining has "
            "slipped to 70%. Plants in Malaysia opened.",
            Assertion.REPORTED,
        ),
        (
            "en",
            "Analysts contend that China refines 70% of rare earths. Others agree.",
            Assertion.REPORTED,
        ),
    ],
)
def test_a_claim_disputed_two_sentences_on(
    linter, lang: str, text: str, assertion: Assertion
) -> None:
    quantity = claims_of(linter, text, lang).quantities[0]
    assert quantity.assertion is assertion


# (language, sentence, the number, what it counts)
IMPLIED_TOTALS = [
    ("en", "Step-3 has 321 billion parameters in total.", "321", {"parameter"}),
    ("it", "DeepSeek-V3.1 conta 671 miliardi di parametri complessivi.", "671", {"parameter"}),
    ("en", "Huawei has 208,000 employees in total.", "208,000", {"employee"}),
    # a total of data centres is not the data centres a plan adds
    ("en", "China now has 500 data centres in total.", "500", {"data-center", "total"}),
    ("it", "In Cina operano 500 data center complessivi.", "500", {"data-center", "total"}),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts"), IMPLIED_TOTALS)
def test_a_total_adds_nothing_to_a_count_that_is_one_already(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, its period)
SPANS = [
    # a span a period phrase holds is that period ("nove mesi" is a number too)
    ("it", "Nei primi nove mesi Alibaba ha speso 50 miliardi di yuan.", "50", ("nine-months",)),
    # a year to the last quarter is not a quarter
    (
        "it",
        "Negli ultimi quattro trimestri il gruppo ha investito oltre 100 miliardi di yuan.",
        "100",
        ("trailing-year",),
    ),
    ("en", "Alibaba invested $14 billion over the past 12 months.", "$14", ("trailing-year",)),
    # a span of time in the figure's clause is its period, across an aside in brackets
    (
        "en",
        "Alibaba will spend 380 billion yuan ($53 billion) on cloud and AI infrastructure "
        "over the next three years.",
        "380",
        ("3 anni",),
    ),
    ("it", "Alibaba investirà 380 miliardi di yuan in tre anni nel cloud.", "380", ("3 anni",)),
    # not a figure of an earlier clause, which keeps its sentence's period
    (
        "en",
        "Capital expenditure in the quarter rose to 28.6 billion yuan, and the company is on "
        "track to exceed the 380 billion yuan it pledged over three years.",
        "28.6",
        ("quarter",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "periods"), SPANS)
def test_a_span_of_time_after_a_figure_is_its_period(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).periods == periods


@pytest.mark.parametrize(
    ("lang", "text", "number", "concepts"),
    [
        (
            "en",
            "DeepSeek-V3.1 handles a context window of 128,000 tokens.",
            "128,000",
            {"context-window"},
        ),
        (
            "it",
            "DeepSeek-V3.1 gestisce un contesto di 128.000 token.",
            "128.000",
            {"context-window"},
        ),
        ("en", "Capacity utilisation at SMIC's fabs stood at 82.5%.", "82.5", {"utilisation"}),
        (
            "it",
            "Il tasso di utilizzo degli impianti di SMIC è salito al 92,5%.",
            "92,5",
            {"utilisation"},
        ),
        # a span of time counts nothing
        (
            "en",
            "Wafer shipments rose 4.3% from the previous three months as customers kept ordering.",
            "three months",
            set(),
        ),
        ("it", "Il contratto dura tre anni per i clienti aziendali.", "tre anni", set()),
        # a model's figure said of no model counts nothing to compare
        (
            "en",
            "Chinese labs lead in open models. It handles a context window of 128,000 tokens.",
            "128,000",
            set(),
        ),
        ("it", "In Cina i laboratori corrono. Conta 235 miliardi di parametri.", "235", set()),
    ],
)
def test_what_a_model_or_a_fab_figure_is(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, what it counts, what it is said of)
PARTS = [
    (
        "en",
        "Kimi K2 has 1 trillion parameters in total, of which 32 billion are active for each "
        "token.",
        "32",
        {"parameter", "active"},
        ("kimi 2",),
    ),
    (
        "en",
        "Kimi K2 has 1 trillion parameters in total, but only 23 billion of them are active.",
        "23",
        {"parameter", "active"},
        ("kimi 2",),
    ),
    (
        "en",
        "DeepSeek-V3 has 671 billion parameters with 37 billion active.",
        "37",
        {"parameter", "active"},
        ("deepseek-v3 3",),
    ),
    (
        "it",
        "Kimi K2 conta mille miliardi di parametri complessivi, di cui 32 miliardi attivi per "
        "ogni token.",
        "32",
        {"parameter", "active"},
        ("kimi 2",),
    ),
    # the part is of the whole's product, not of the company named first
    (
        "en",
        "Tencent released Hunyuan-Large, a model with 389 billion parameters, of which 52 "
        "billion are active.",
        "52",
        {"parameter", "active"},
        ("hunyuan",),
    ),
    # a part the words name by no modifier is no part the text says what it is
    (
        "en",
        "Alibaba reported revenue of $30 billion, of which $4 billion came from cloud.",
        "$4",
        set(),
        ("alibaba",),
    ),
    (
        "it",
        "Alibaba ha registrato ricavi per 30 miliardi di dollari, di cui 4 miliardi dal cloud.",
        "4 miliardi",
        set(),
        ("alibaba",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts", "subject"), PARTS)
def test_a_part_counts_what_its_whole_counts(
    linter, lang: str, text: str, number: str, concepts: set[str], subject: tuple[str, ...]
) -> None:
    quantity = quantity_in(linter, text, lang, number)
    assert (quantity.concepts, quantity.subject) == (concepts, subject)


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        (
            "en",
            "Kimi K2 is out. The model has 1 trillion parameters and supports a context window "
            "of 128,000 tokens.",
            "128,000",
        ),
        (
            "it",
            "Kimi K2 è uscito. Il modello gestisce una finestra di contesto di 128.000 token.",
            "128.000",
        ),
    ],
)
def test_a_model_figure_after_the_model_is_the_model_s(
    linter, lang: str, text: str, number: str
) -> None:
    quantity = quantity_in(linter, text, lang, number)
    assert (quantity.concepts, quantity.subject) == ({"context-window"}, ("kimi 2",))


# (language, sentence, the number, the company it is cited from)
SOURCES = [
    (
        "en",
        "Moonshot said it pre-trained Kimi K2 on about 12 trillion tokens.",
        "12",
        "moonshot-ai",
    ),
    ("en", "Run-rate revenue has topped $5 billion, Anthropic said.", "$5", "anthropic"),
    ("en", "Revenue rose to $5 billion, according to Alibaba.", "$5", "alibaba"),
    ("it", "Secondo Alibaba, i ricavi sono saliti a 33,4 miliardi di yuan.", "33,4", "alibaba"),
    # a cue no company stands by cites no company
    ("en", "Alibaba's revenue rose to $5 billion, analysts said.", "$5", None),
    ("it", "Secondo gli analisti, i ricavi di Alibaba sono saliti a 33,4 miliardi.", "33,4", None),
    # a plain figure is cited from no one
    ("en", "Alibaba said on Friday. Revenue rose to $5 billion.", "$5", None),
    # the company, by a phrase that stands for it, cited of its own figure
    (
        "it",
        "Tesla ha consegnato 432.000 veicoli nel trimestre, ha comunicato la società di Austin.",
        "432.000",
        "tesla",
    ),
    (
        "en",
        "MiniMax-M2 has 230 billion parameters in total, the Shanghai-based company said.",
        "230",
        "minimax",
    ),
    (
        "it",
        "MiniMax-M2 conta 230 miliardi di parametri, secondo la società di Shanghai.",
        "230",
        "minimax",
    ),
    # the company before an aside that ends at the cue
    (
        "en",
        "Tesla, which had suffered two straight quarters of falling sales, said it delivered "
        "497,099 vehicles.",
        "497,099",
        "tesla",
    ),
    # a phrase for a company is no company when the figure is of none
    ("en", "Revenue rose to $5 billion, the company said.", "$5", None),
    # ... and the company named before is, in wire copy, when the figure is its own
    (
        "en",
        "BYD posted a 33% drop in profit. Net profit fell to 7.82 billion yuan in the "
        "July-September quarter, the company said in a filing.",
        "7.82",
        "byd",
    ),
    # where a company discloses its figures cites that company
    (
        "it",
        "BYD ha chiuso il trimestre con un utile netto di 9,1 miliardi di yuan, secondo quanto "
        "comunicato alla Borsa di Shenzhen.",
        "9,1",
        "byd",
    ),
    (
        "en",
        "BYD's net profit fell to 7.82 billion yuan, according to a filing to the Shenzhen "
        "exchange.",
        "7.82",
        "byd",
    ),
    # an analyst's note is no disclosure
    ("en", "BYD's net profit fell to 7.82 billion yuan, analysts said in a note.", "7.82", None),
    # nor is a prospectus anyone's but the listing company's
    (
        "en",
        "MetaX's revenue jumped to 743 million yuan in 2024, according to its prospectus.",
        "743",
        "metax",
    ),
    (
        "it",
        "Il fatturato di MetaX è salito nel 2024 a 652 milioni di yuan, secondo il prospetto "
        "di quotazione.",
        "652",
        "metax",
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "source"), SOURCES)
def test_the_company_a_reported_figure_is_cited_from(
    linter, lang: str, text: str, number: str, source: str | None
) -> None:
    assert quantity_in(linter, text, lang, number).source == source


# (language, sentence, the number, how it is asserted)
ESTIMATE_CITATIONS = [
    # wire copy cites the consensus it compares with, not the company's own figure
    (
        "en",
        "Revenue for the fiscal third quarter rose 11% to $27.01 billion, slightly below the "
        "$27.26 billion analysts had expected, according to LSEG data.",
        "$27.01",
        Assertion.PLAIN,
    ),
    (
        "en",
        "Net profit rose to 4.1 billion yuan, beating the average estimate of 3.8 billion "
        "yuan, according to data compiled by LSEG.",
        "4.1",
        Assertion.PLAIN,
    ),
    (
        "it",
        "Nel trimestre i ricavi sono saliti a 23,6 miliardi di dollari, sopra le attese degli "
        "analisti, secondo i dati LSEG.",
        "23,6",
        Assertion.PLAIN,
    ),
    # the estimate itself is the cited figure
    (
        "en",
        "Revenue rose to $27.01 billion, slightly below the $27.26 billion analysts had "
        "expected, according to LSEG data.",
        "$27.26",
        Assertion.REPORTED,
    ),
    # a citation with no estimate before it cites the whole sentence
    (
        "en",
        "Apple's share of the market rose to 18%, up from 16%, according to Counterpoint.",
        "18%",
        Assertion.REPORTED,
    ),
    (
        "it",
        "La quota di Apple è salita al 18%, secondo i dati di Counterpoint.",
        "18%",
        Assertion.REPORTED,
    ),
    # a company that says so cites itself for all the figures
    (
        "it",
        "ASML ha raccolto ordini netti per 4,6 miliardi di euro, contro i 4,9 miliardi stimati "
        "in media dagli analisti, ha comunicato la società.",
        "4,6",
        Assertion.REPORTED,
    ),
    # an estimate in the figure's own clause leaves the citation its own
    (
        "en",
        "Revenue of $27.01 billion topped estimates, according to LSEG data.",
        "$27.01",
        Assertion.REPORTED,
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "assertion"), ESTIMATE_CITATIONS)
def test_a_citation_after_an_estimate_cites_the_estimate(
    linter, lang: str, text: str, number: str, assertion: Assertion
) -> None:
    assert quantity_in(linter, text, lang, number).assertion is assertion


# (language, sentence, the number, what it counts)
ASIDES = [
    # a citing aside does not hide the concept named before it
    (
        "it",
        "Kimi K2 è stato pre-addestrato, secondo Moonshot, su oltre 15.000 miliardi di token.",
        "15.000",
        {"pretraining"},
    ),
    ("en", "Revenue, the company said, rose to $5 billion.", "$5", {"revenue"}),
    # as is an apposition, after an elided article too
    (
        "it",
        "Gli utenti attivi mensili di Weixin, l'app di messaggistica conosciuta fuori dalla "
        "Cina come WeChat, sono saliti a 1,41 miliardi alla fine di giugno.",
        "1,41",
        {"user"},
    ),
    # nor lends it to a figure after one of its own
    (
        "en",
        "Run-rate revenue has topped $5 billion, Anthropic said, up from about $1 billion.",
        "$1",
        set(),
    ),
]


# (language, sentence, the number, its periods, its concepts)
RESTATED = [
    # the figure told per share between commas: the period after it is still its own
    (
        "en",
        "Net income rose to $18.7 billion, or $1.95 per share, in the third quarter, from "
        "$15.3 billion a year earlier.",
        "$18.7",
        ("q3",),
        {"net-income"},
    ),
    (
        "it",
        "L'utile netto è salito a 21,2 miliardi di dollari, pari a 1,95 dollari per azione, "
        "nel terzo trimestre.",
        "21,2",
        ("q3",),
        {"net-income"},
    ),
    # what follows it compared with the figure is a clause of its own
    (
        "it",
        "L'utile netto nel terzo trimestre è salito a 21,2 miliardi di dollari, pari a 1,95 "
        "dollari per azione, dai 18,2 miliardi del secondo trimestre.",
        "21,2",
        ("q3",),
        {"net-income"},
    ),
    # an aside that says what the figure is of is no restatement: its words stay its own
    (
        "en",
        "Adjusted EBITDA rose to $10.70 billion, or 67% of revenue, and free cash flow came "
        "to $7.02 billion.",
        "$10.70",
        (),
        set(),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "periods", "concepts"), RESTATED)
def test_a_figure_told_another_way_between_commas(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...], concepts: set[str]
) -> None:
    quantity = quantity_in(linter, text, lang, number)
    assert (quantity.periods, quantity.concepts) == (periods, concepts)


@pytest.mark.parametrize(("lang", "text", "number", "concepts"), ASIDES)
def test_a_concept_is_read_across_a_citing_aside(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, its period)
AGAINST_A_QUARTER = [
    (
        "it",
        "Il tasso di utilizzo di SMIC è salito al 92,5%, dall'89,6% del trimestre precedente.",
        "92,5",
        ("quarter",),
    ),
    (
        "en",
        "Revenue at Alibaba Cloud rose 26% to 33.4 billion yuan, up from 18% growth in the "
        "previous quarter.",
        "33.4",
        ("quarter",),
    ),
    (
        "en",
        "Net income rose to $3.2 billion, compared with $2.9 billion in the year-ago quarter.",
        "$3.2",
        ("quarter",),
    ),
    # the figure of the quarter before keeps its own period
    (
        "en",
        "Net income rose to $3.2 billion, compared with $2.9 billion in the year-ago quarter.",
        "$2.9",
        ("year-ago-quarter",),
    ),
    # a figure set against a year ago may be a year's
    (
        "en",
        "Net income rose to $3.2 billion, compared with $2.9 billion a year earlier.",
        "$3.2",
        (),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "periods"), AGAINST_A_QUARTER)
def test_a_figure_set_against_the_quarter_before_is_the_quarter_s(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).periods == periods


# (language, sentence, the number, its concepts, the company its shares, stake or
# investment are in, what it is said of)
HOLDINGS = [
    (
        "en",
        "Under the agreement, Washington will take a 9.9% stake in Intel.",
        "9.9",
        {"stake"},
        "intel",
        (),
    ),
    (
        "it",
        "Il governo degli Stati Uniti avrà una quota dell'8,5% di Intel.",
        "8,5",
        {"stake"},
        "intel",
        (),
    ),
    (
        "en",
        "The U.S. government will receive 374 million newly issued Intel shares.",
        "374",
        {"new", "share"},
        "intel",
        (),
    ),
    (
        "it",
        "Washington acquisterà 433,3 milioni di nuove azioni ordinarie di Intel.",
        "433,3",
        {"new", "share"},
        "intel",
        (),
    ),
    # shares of no company named are no figure of shares
    ("en", "SoftBank bought 87 million shares last week.", "87", set(), None, ("softbank",)),
    # a share of a company's revenue is no stake in it
    ("it", "La Cina vale una quota del 13% dei ricavi di Nvidia.", "13", {"revenue"}, None, ()),
    (
        "en",
        "Nvidia will invest $5 billion in Intel, the companies said.",
        "$5",
        {"investment"},
        "intel",
        ("nvidia",),
    ),
    (
        "it",
        "Nvidia investirà 5 miliardi di dollari in Intel.",
        "5",
        {"investment"},
        "intel",
        ("nvidia",),
    ),
    # an investment a company took is the investor's
    (
        "en",
        "In September, Intel took a $5bn investment from Nvidia.",
        "$5bn",
        {"investment"},
        "intel",
        ("nvidia",),
    ),
    (
        "it",
        "Intel ha ricevuto un investimento da 5 miliardi di dollari da parte di Nvidia.",
        "5",
        {"investment"},
        "intel",
        ("nvidia",),
    ),
    # an investment in a place is where, not what it goes into
    (
        "en",
        "Microsoft will invest $30 billion in the UK.",
        "$30",
        {"investment"},
        None,
        ("microsoft",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts", "held_in", "subject"), HOLDINGS)
def test_shares_stakes_and_investments_name_the_company_they_are_in(
    linter,
    lang: str,
    text: str,
    number: str,
    concepts: set[str],
    held_in: str | None,
    subject: tuple[str, ...],
) -> None:
    quantity = quantity_in(linter, text, lang, number)
    assert (quantity.concepts, quantity.held_in, quantity.subject) == (
        concepts,
        held_in,
        subject,
    )


# (language, sentence, the number, its concepts): a verb right before a number says what
# it counts
COUNTED_BY_VERB = [
    ("en", "Xiaomi delivered 81,302 vehicles in the quarter.", "81,302", {"delivery"}),
    ("it", "Xiaomi ha consegnato 81.302 veicoli nel trimestre.", "81.302", {"delivery"}),
    # across the words a language lists between a verb and its number
    ("en", "Nio delivered a record 40,397 vehicles last month.", "40,397", {"delivery"}),
    (
        "it",
        "Nio ha consegnato complessivamente 87.071 veicoli nel trimestre.",
        "87.071",
        {"delivery"},
    ),
    (
        "it",
        "Le consegne del secondo trimestre sono salite a 69.300 vetture.",
        "69.300",
        {"delivery"},
    ),
    ("en", "Meta's Llama models have been downloaded 800 million times.", "800", {"download"}),
    ("it", "I modelli Llama sono stati scaricati 800 milioni di volte.", "800", {"download"}),
    # only of a sum of money does raising say funding
    ("it", "Il nuovo Suv YU7 ha raccolto 240.000 ordini in 18 ore.", "240.000", {"orders"}),
    # a verb further back says nothing of the number
    ("en", "Xiaomi delivered on its promise of 81,302 vehicles.", "81,302", set()),
    ("en", "BYD sold 1.11 million vehicles in the quarter.", "1.11", {"sales"}),
    ("it", "Nel terzo trimestre BYD ha venduto 958.000 veicoli.", "958.000", {"sales"}),
    # what the number's own words count comes first
    ("en", "SoftBank sold 32.1 million Nvidia shares.", "32.1", {"share"}),
    ("en", "Tesla delivered 12.5 GWh of energy storage products.", "12.5", {"storage"}),
]


# (language, sentence, the number, its concepts, the unlisted names it counts): a
# participle in the subject a copula gives the number to says what it counts
COUNTED_BY_SUBJECT = [
    (
        "it",
        "Le console Switch 2 vendute da Nintendo nel primo semestre sono state 9,12 milioni.",
        "9,12",
        {"sales"},
        ("switch2",),
    ),
    (
        "it",
        "I veicoli consegnati da Nio nel trimestre sono stati 71.000.",
        "71.000",
        {"delivery"},
        (),
    ),
    (
        "en",
        "Vehicles delivered by Nio in the quarter totalled 71,000.",
        "71,000",
        {"delivery"},
        (),
    ),
    # no copula before the number: the participle says nothing of it
    ("en", "Vehicles sold by Nio in the quarter rose 5% to 71,000.", "71,000", set(), ()),
    # nor a participle that opens the clause with no subject before it
    ("it", "Venduti i negozi, i dipendenti sono 4.000.", "4.000", set(), ()),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts", "names"), COUNTED_BY_SUBJECT)
def test_a_participle_in_the_subject_says_what_its_copula_gives(
    linter, lang: str, text: str, number: str, concepts: set[str], names: tuple[str, ...]
) -> None:
    quantity = quantity_in(linter, text, lang, number)
    assert (quantity.concepts, quantity.names) == (concepts, names)


@pytest.mark.parametrize(("lang", "text", "number", "concepts"), COUNTED_BY_VERB)
def test_a_verb_right_before_a_number_says_what_it_counts(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, what it is said of): a model named after its maker
MAKERS_MODELS = [
    ("en", "MiniMax-M2 has 230 billion parameters in total.", "230", ("minimax m2",)),
    ("it", "Il MiniMax-M1 aveva 456 miliardi di parametri.", "456", ("minimax m1",)),
    ("en", "Xiaomi SU7 sales reached 40,000 units.", "40,000", ("xiaomi su7",)),
    # a period written as a code, or a figure, names no model
    ("en", "Tencent Q2 revenue rose to 184.5 billion yuan.", "184.5", ("tencent",)),
    ("en", "Meta 3 billion users is the headline.", "3", ("meta",)),
]


# (language, sentence, the number, what it is said of): a unit named after its company
UNITS = [
    (
        "it",
        "I ricavi di Google Cloud sono saliti a 13,4 miliardi di dollari.",
        "13,4",
        ("google cloud",),
    ),
    ("en", "Google Cloud's revenue jumped 34% to $15.16 billion.", "15.16", ("google cloud",)),
    (
        "en",
        "Revenue at Google Cloud Platform rose to $15.16 billion.",
        "15.16",
        ("google cloud platform",),
    ),
    # a company's own possessive names no unit
    ("en", "Alphabet's net income climbed to $34.98 billion.", "34.98", ("google",)),
]


@pytest.mark.parametrize(("lang", "text", "number", "subject"), UNITS)
def test_a_unit_named_after_its_company_is_not_the_company(
    linter, lang: str, text: str, number: str, subject: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).subject == subject


# (language, sentence, the number): a threshold passed counts nothing
THRESHOLDS = [
    (
        "it",
        "Alphabet supera per la prima volta la soglia dei 100 miliardi di dollari di ricavi.",
        "100",
        set(),
    ),
    ("en", "Alphabet's revenue topped the $100 billion mark for the first time.", "100", set()),
    ("en", "Revenue crossed the threshold of $100 billion.", "100", set()),
    # "a quota" gives a level
    (
        "it",
        "L'utile netto di Microsoft è salito a quota 31,5 miliardi di dollari.",
        "31,5",
        {"net-income"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts"), THRESHOLDS)
def test_a_threshold_counts_nothing(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, the part its share is of, what the share is said of)
SEGMENT_SHARES = [
    (
        "en",
        "The automotive division accounted for 45% of Infineon's revenue in fiscal 2025.",
        "45",
        "automotive",
        ("infineon",),
    ),
    (
        "it",
        "Il settore auto, il più importante per il gruppo, ha rappresentato il 51% dei ricavi "
        "di Infineon nell'esercizio 2025.",
        "51",
        "automotive",
        ("infineon",),
    ),
    (
        "en",
        "Generative AI made up 68.4% of SenseTime's revenue in the first half of 2025.",
        "68.4",
        "generative-ai",
        ("sensetime",),
    ),
    # the part opens the sentence; the share is the second figure of its clause
    (
        "it",
        "Il business dell'IA generativa ha portato ricavi per 1,82 miliardi di yuan (+72,7%) e "
        "ha rappresentato il 77,7% dei ricavi di SenseTime nel primo semestre.",
        "77,7",
        "generative-ai",
        ("sensetime",),
    ),
    (
        "it",
        "Le vendite all'estero, che nel 2024 hanno rappresentato il 76% dei ricavi di Intel, "
        "potrebbero risentirne.",
        "76",
        "international",
        ("intel",),
    ),
    # each part of a list its own share
    (
        "en",
        "Cloud accounted for 30% of Alibaba's revenue and international commerce made up 12% "
        "of revenue.",
        "12",
        "international",
        (),
    ),
    # a period between the verb and the share; the company by a phrase standing for it
    (
        "it",
        "MediaTek ha pubblicato i conti. I chip per telefoni cellulari hanno rappresentato nel "
        "terzo trimestre il 47% dei ricavi del gruppo di Hsinchu.",
        "47",
        "smartphone",
        ("mediatek",),
    ),
    # ... unless a name follows the phrase: an unlisted company is none of the one before
    (
        "it",
        "Oppo ha presentato il telefono. Le auto elettriche hanno rappresentato il 30% dei "
        "ricavi del gruppo Volkswagen nel 2024.",
        "30",
        "automotive",
        (),
    ),
    # a company named before the share is the part, not a segment
    ("en", "Apple accounted for 25% of TSMC's revenue last year.", "25", None, ("apple",)),
    # no verb gives the segment its share: a rate, a bound of a rule, a forecast
    (
        "en",
        "The rule covered foreign-made products containing as little as 0.1% of Chinese-origin "
        "rare earths.",
        "0.1",
        None,
        (),
    ),
    (
        "it",
        "La domanda di acceleratori per i data center cresce e il gruppo ha alzato la "
        "previsione di crescita dei ricavi a circa il 35%.",
        "35",
        None,
        (),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "part", "subject"), SEGMENT_SHARES)
def test_a_share_of_a_whole_is_of_the_segment_given_it(
    linter, lang: str, text: str, number: str, part: str | None, subject: tuple[str, ...]
) -> None:
    quantity = quantity_in(linter, text, lang, number)
    assert quantity.part == part
    assert quantity.subject == subject


@pytest.mark.parametrize(("lang", "text", "number", "subject"), MAKERS_MODELS)
def test_a_model_named_after_its_maker_is_not_the_maker(
    linter, lang: str, text: str, number: str, subject: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).subject == subject


# (language, sentence, the number, its concepts): orders, backlog and storage; a concept
# read across an apposition or a parenthesis, not the words of the aside
ORDERS_AND_ASIDES = [
    (
        "it",
        "ASML ha raccolto nel trimestre luglio-settembre ordini netti per 4,6 miliardi di euro.",
        "4,6",
        {"orders"},
    ),
    ("en", "ASML said net bookings in the quarter were €5.4 billion.", "€5.4", {"orders"}),
    (
        "it",
        "Il backlog consolidato di Broadcom, cioè il valore degli ordini già acquisiti e non "
        "ancora consegnati, ha toccato il record di oltre 110 miliardi di dollari.",
        "110",
        {"backlog"},
    ),
    (
        "en",
        "Oracle's remaining performance obligations (RPO), the value of contracts signed but "
        "not yet delivered, swelled to $355 billion.",
        "$355",
        {"backlog"},
    ),
    (
        "en",
        "Remaining performance obligations, a measure of contracted revenue not yet "
        "recognised, rose to $455 billion.",
        "$455",
        {"backlog"},
    ),
    (
        "en",
        "Tesla deployed a record 12.5 GWh of energy storage products in the quarter.",
        "12.5",
        {"storage"},
    ),
    (
        "it",
        "Tesla ha installato sistemi di accumulo di energia per 10,8 GWh.",
        "10,8",
        {"storage"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts"), ORDERS_AND_ASIDES)
def test_orders_backlog_and_storage_across_asides(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, its concepts): a market share named before its figure
MARKET_SHARE_BEFORE = [
    ("en", "Samsung's market share in the second quarter was 17%.", "17%", {"market-share"}),
    (
        "it",
        "La quota di mercato di BYD in Cina nel secondo trimestre è scesa al 29%.",
        "29%",
        {"market-share"},
    ),
    ("en", "BYD's share of the market slipped to 29% in September.", "29%", {"market-share"}),
    # named after it, as before
    ("it", "Huawei ha una quota di mercato del 18%.", "18%", {"market-share"}),
    # a stake is no share of a market
    ("it", "Nvidia ha acquistato una quota del 4% di Intel.", "4%", {"stake"}),
]


@pytest.mark.parametrize(("lang", "text", "number", "concepts"), MARKET_SHARE_BEFORE)
def test_a_market_share_named_before_its_figure(
    linter, lang: str, text: str, number: str, concepts: set[str]
) -> None:
    assert quantity_in(linter, text, lang, number).concepts == concepts


# (language, sentence, the number, its years): a year after a figure set against this one
# dates that figure
YEARS_OF_FIGURES_SET_AGAINST = [
    (
        "en",
        "Qualcomm's revenue for fiscal 2025 rose to $44.3 billion from $38.96 billion in "
        "fiscal 2024.",
        "$44.3",
        (2025,),
    ),
    (
        "it",
        "L'utile netto è salito a 398,27 miliardi di dollari taiwanesi, contro i 247,85 "
        "miliardi del 2024.",
        "398,27",
        (),
    ),
    # a count of another order of magnitude is no figure set against it
    ("en", "BYD sold 1.1 million vehicles across 12 markets in 2025.", "1.1", (2025,)),
    # a year after the figure itself still dates it
    ("en", "Qualcomm's revenue rose to $44.3 billion in fiscal 2025.", "$44.3", (2025,)),
]


@pytest.mark.parametrize(("lang", "text", "number", "years"), YEARS_OF_FIGURES_SET_AGAINST)
def test_a_year_after_a_figure_set_against_dates_that_figure(
    linter, lang: str, text: str, number: str, years: tuple[int, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).years == years


@pytest.mark.parametrize(
    ("lang", "text", "number", "periods"),
    [
        # the period after a figure set against it is that figure's, when it has its own
        (
            "en",
            "Capital expenditures rose to $34.2bn in the third quarter from $31.4bn in the "
            "second quarter.",
            "$34.2bn",
            ("q3",),
        ),
        (
            "it",
            "I ricavi sono saliti a 5 miliardi nel terzo trimestre, dai 4,2 miliardi del "
            "secondo trimestre.",
            "5 miliardi",
            ("q3",),
        ),
        # with none of its own, the period after both is both figures' own
        (
            "en",
            "Revenue rose to $5 billion from $4.2 billion in the third quarter.",
            "$5 billion",
            ("q3",),
        ),
        # a figure that is not set against it leaves the period to both
        (
            "en",
            "Revenue rose to $5 billion and profit to $1.2 billion in the third quarter.",
            "$5 billion",
            ("q3",),
        ),
    ],
)
def test_a_period_after_a_figure_set_against_dates_that_figure(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).periods == periods


@pytest.mark.parametrize(
    ("lang", "text", "number", "concepts"),
    [
        # the words after the conjunction before the next figure are that figure's
        (
            "it",
            "Per il quarto trimestre Xpeng prevede consegne tra 125.000 e 132.000 veicoli e "
            "ricavi tra 21,5 e 23 miliardi di yuan.",
            "125.000",
            ["delivery"],
        ),
        (
            "it",
            "Per il quarto trimestre Xpeng prevede consegne tra 125.000 e 132.000 veicoli e "
            "ricavi tra 21,5 e 23 miliardi di yuan.",
            "21,5",
            ["revenue"],
        ),
        (
            "en",
            "Xpeng expects deliveries of 125,000 to 132,000 vehicles and revenue of 21.5 "
            "billion to 23 billion yuan.",
            "23 billion",
            ["revenue"],
        ),
        ("en", "Nvidia said net income was $5bn and revenue $20bn.", "$5bn", ["net-income"]),
        ("en", "Nvidia said net income was $5bn and revenue $20bn.", "$20bn", ["revenue"]),
        # with no conjunction, or only an article after it, the words are shared
        (
            "it",
            "Apple prevede una crescita dei ricavi tra il 10% e il 12% nel trimestre.",
            "12%",
            ["revenue"],
        ),
        ("en", "Amazon's net income climbed 39% to $21.2bn.", "$21.2bn", ["net-income"]),
    ],
)
def test_figures_joined_by_a_conjunction_count_their_own_words(
    linter, lang: str, text: str, number: str, concepts: list[str]
) -> None:
    assert sorted(quantity_in(linter, text, lang, number).concepts) == concepts
