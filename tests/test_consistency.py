"""Cross-article consistency: articles that contradict each other, and all the ways two
claims only look alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main
from factlint.consistency import figure_keys, quantity_key
from factlint.findings import Severity
from tests.conftest import entities_only

ROOT = Path(__file__).parent.parent


def write(folder: Path, name: str, body: str, lang: str = "it", date: str | None = None) -> str:
    header = f"---\nlang: {lang}\n" + (f"date: {date}\n" if date else "") + "---\n"
    path = folder / name
    path.write_text(header + body + "\n", encoding="utf-8")
    return str(path)


def conflicts(linter, paths, corpus=()):
    result = linter.run(paths, corpus)
    return [f for f in result.findings if f.kind == "consistency"]


def summary(findings):
    return [
        (
            Path(f.path).name,
            f.line,
            f.rule,
            f.text,
            [(Path(r.path).name, r.line) for r in f.related],
        )
        for f in findings
    ]


DC_IT = "Le aziende cinesi sono pronte. I piani prevedono 36 nuovi data center."
DC_EN = "Chinese companies are ready. Their plans include 63 new data centers."


def test_figures_across_languages_flag_both_sides(bare_linter, tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", DC_IT)
    b = write(tmp_path, "b.md", DC_EN, "en")
    found = conflicts(bare_linter, [a, b])
    assert summary(found) == [
        ("a.md", 4, "consistency.figure", "36 nuovi data center", [("b.md", 4)]),
        ("b.md", 4, "consistency.figure", "63 new data centers", [("a.md", 4)]),
    ]
    assert (
        found[0].message
        == "“36 nuovi data center” disagrees with “63 new data centers” in " + b + ":4"
    )
    assert found[0].related[0].message == "says “63 new data centers”"
    assert all(f.severity is Severity.ERROR for f in found)


@pytest.mark.parametrize(
    ("first", "second", "lang2"),
    [
        (
            "In Cina i nuovi data center useranno oltre 100.000 GPU H200.",
            "In Cina i nuovi impianti useranno 80.000 H200.",
            "it",
        ),
        (
            "In Cina sorgeranno 36 nuovi data center.",
            "China will build sixty-three new data centres.",
            "en",
        ),
        (
            "Pechino raffina circa il 90% delle terre rare.",
            "China refines 60% of the world's rare earths.",
            "en",
        ),
        # a fraction in words is a share
        (
            "Pechino raffina circa il 90% delle terre rare.",
            "China refines about two-thirds of the world's rare earths.",
            "en",
        ),
        (
            "Secondo gli analisti, Nvidia fornisce circa il 90% dei chip usati in Cina.",
            "Nvidia supplies about half of the chips used in China.",
            "en",
        ),
        # a model's size, told apart from its family's other versions
        (
            "GLM-4.5 è un modello da 235 miliardi di parametri.",
            "GLM-4.5 has 355 billion parameters.",
            "en",
        ),
        # money, by what it is spent on
        (
            "Tencent ha speso 67,8 miliardi di yuan in investimenti nel 2024.",
            "Tencent's capital expenditure reached 76.8 billion yuan in 2024.",
            "en",
        ),
        (
            "Nvidia ha registrato un onere di 4,5 miliardi di dollari.",
            "Nvidia booked a $5.5 billion charge.",
            "en",
        ),
        # a product no rule file names
        (
            "Baidu ha acceso un cluster di 20.000 chip Kunlun P800.",
            "Baidu has switched on a cluster of 30,000 Kunlun P800 chips.",
            "en",
        ),
        # "la società" is the company named before
        (
            "Moonshot AI ha sede a Pechino. La società conta 300 dipendenti.",
            "Moonshot AI has 800 employees.",
            "en",
        ),
        # revenue named before the number, or in the clause a lone "to" carries on
        (
            "I ricavi di Alibaba Cloud sono cresciuti del 18%, a 32,1 miliardi di yuan.",
            "Alibaba Cloud's revenue rose 18%, to 30.1 billion yuan.",
            "en",
        ),
        (
            "I modelli Qwen contano circa 400 milioni di download.",
            "Qwen models have logged 300 million downloads.",
            "en",
        ),
        (
            "L'operazione porta la valutazione di Mistral a 11,7 miliardi di euro.",
            "The round values Mistral at 10 billion euros after the new money.",
            "en",
        ),
        # one period on both sides
        (
            "DeepSeek conta 22 milioni di utenti attivi giornalieri.",
            "DeepSeek has 40 million daily active users.",
            "en",
        ),
        (
            "Nel secondo trimestre Tencent ha speso 19,1 miliardi di yuan in investimenti.",
            "Tencent's second-quarter capital expenditure reached 13 billion yuan.",
            "en",
        ),
        # a year in a later clause dates something else
        (
            "DeepSeek ha addestrato DeepSeek-V3 su 10.000 GPU H800, prima della stretta del 2023.",
            "DeepSeek trained DeepSeek-V3 on 2,048 Nvidia H800 GPUs.",
            "en",
        ),
        # the company and the period named in the sentence before; a currency's country
        # is no place the figure is of
        (
            "Il boom dell'intelligenza artificiale gonfia i conti di TSMC. L'utile netto del "
            "trimestre luglio-settembre sale a 542,3 miliardi di dollari taiwanesi.",
            "TSMC posted a 39.1% jump in net profit. Net income for the July-September quarter "
            "rose to NT$452.3 billion.",
            "en",
        ),
        (
            "Baidu ha pubblicato i conti del secondo trimestre. I ricavi sono stati pari a "
            "37,2 miliardi di yuan.",
            "Baidu's revenue fell 4% to RMB 32.7 billion in the second quarter.",
            "en",
        ),
        # a stake, and shares, of one company bought by one government
        (
            "Il governo degli Stati Uniti avrà una quota dell'8,5% di Intel.",
            "Under the agreement, Washington will take a 9.9% stake in Intel.",
            "en",
        ),
        (
            "Washington acquisterà 433,3 milioni di nuove azioni ordinarie di Intel al prezzo "
            "di 20,47 dollari ciascuna.",
            "The U.S. government will receive 374 million newly issued Intel shares.",
            "en",
        ),
        # a fiscal year named with the day it ended, and a sum set against last year's
        (
            "Nell'intero esercizio 2025, chiuso il 28 settembre, i ricavi di Qualcomm sono "
            "stati pari a 38,4 miliardi di dollari, in crescita del 14%.",
            "Qualcomm's revenue for fiscal 2025, which ended Sept. 28, rose 14% to $44.3 "
            "billion from $38.96 billion in fiscal 2024.",
            "en",
        ),
        # one segment's share of a company's revenue, the segment named in either language
        (
            "Il settore auto ha rappresentato il 51% dei ricavi di Infineon nell'esercizio 2025.",
            "The automotive division accounted for 45% of Infineon's revenue in fiscal 2025.",
            "en",
        ),
    ],
)
def test_conflicting_figures(
    bare_linter, tmp_path: Path, first: str, second: str, lang2: str
) -> None:
    a = write(tmp_path, "a.md", first)
    b = write(tmp_path, "b.md", second, lang2)
    assert [Path(f.path).name for f in conflicts(bare_linter, [a, b])] == ["a.md", "b.md"]


@pytest.mark.parametrize(
    ("first", "second", "lang2"),
    [
        # compatible values
        (
            "In Cina i nuovi data center useranno oltre 100.000 GPU H200.",
            "In Cina i nuovi data center useranno 110 mila GPU H200.",
            "it",
        ),
        (
            "Pechino raffina circa il 90% delle terre rare.",
            "China refines 88% of rare earths.",
            "en",
        ),
        (
            "In Cina sorgeranno 36 nuovi data center.",
            "China will build thirty-six new data centres.",
            "en",
        ),
        # new vs total
        ("In Cina sorgeranno 36 nuovi data center.", "China already runs 63 data centers.", "en"),
        # H200 units vs all GPUs
        (
            "In Cina i nuovi data center useranno 100.000 GPU H200.",
            "In Cina i nuovi data center useranno 250.000 GPU.",
            "it",
        ),
        # refining vs mining share
        (
            "Pechino raffina circa il 90% delle terre rare.",
            "China accounts for 60% of rare earth mining.",
            "en",
        ),
        (
            "La Cina estrae circa due terzi delle terre rare, ma ne raffina circa il 90%.",
            "China mines about 70% of rare earths.",
            "en",
        ),
        # a fraction that agrees with a figure
        (
            "Pechino raffina quasi il 90% delle terre rare.",
            "China refines the vast majority, more than three quarters of rare earths.",
            "en",
        ),
        # another year
        (
            "Nel 2024 la Cina raffinava il 90% delle terre rare.",
            "In 2019 China refined 60% of rare earths.",
            "en",
        ),
        # another place
        (
            "In Cina sorgeranno 36 nuovi data center.",
            "The United States will get 63 new data centers.",
            "en",
        ),
        # another subject
        (
            "Alibaba costruirà 36 nuovi data center in Cina.",
            "Tencent will build 63 new data centers in China.",
            "en",
        ),
        # a change is not a level
        (
            "In Cina i nuovi data center sono 36.",
            "In China new data centers rose 63% this year.",
            "en",
        ),
        # negated and disputed claims
        (
            "In Cina sorgeranno 36 nuovi data center.",
            "It is false that China will build 63 new data centers.",
            "en",
        ),
        # two estimates from different sources
        (
            "Secondo Reuters, in Cina sorgeranno 36 nuovi data center.",
            "According to Bloomberg, China will build 63 new data centers.",
            "en",
        ),
        # no subject, place or product to anchor the number
        ("I piani prevedono 36 nuovi data center.", "The plans include 63 new data centers.", "en"),
        # a product counted, said of nothing
        ("DeepSeek ha usato 2.048 GPU H800.", "È con 512 chip H800 che è stato addestrato.", "it"),
        # another version of one family, another unknown product
        ("GLM-4.5 ha 355 miliardi di parametri.", "GLM-4.5-Air has 106 billion parameters.", "en"),
        (
            "Huawei produrrà 600.000 chip Ascend 910C.",
            "Huawei will make 150,000 Ascend 910B chips.",
            "en",
        ),
        # what countries are counted for; a place that is one of them
        (
            "L'app è stata la più scaricata in oltre 50 Paesi, compresi gli Stati Uniti.",
            "Microsoft opened sites in the United States. The company runs data centres in 34 countries.",
            "en",
        ),
        # figures one sentence sets side by side
        (
            "Ernie 4.5 ha 424 miliardi di parametri, di cui 47 miliardi attivi.",
            "Ernie 4.5 has 424 billion parameters.",
            "en",
        ),
        # money said of no one: a place named in an earlier sentence does not anchor it
        (
            "La Cina accelera. Le aziende investono 51 miliardi di euro in nuovi impianti.",
            "China speeds up. Companies invest 30 billion euros in new plants.",
            "en",
        ),
        # money spent on different things
        (
            "Alibaba investirà 380 miliardi di yuan.",
            "Alibaba booked a charge of 300 billion yuan.",
            "en",
        ),
        # a subsidiary's figures are its own; a segment's revenue is not the company's
        (
            "Alibaba ha registrato ricavi per 236,5 miliardi di yuan nel 2025.",
            "Alibaba Cloud reported revenue of 30.1 billion yuan in 2025.",
            "en",
        ),
        (
            "Nvidia ha registrato ricavi per 46,7 miliardi di dollari nel 2025.",
            "Nvidia's data-centre revenue rose to $41.1 billion in 2025.",
            "en",
        ),
        # a place no earlier figure is about
        (
            "Le aziende cinesi hanno approvato 36 nuovi data center.",
            "Chinese groups go abroad. The Malaysian state of Johor has approved 40 new data centres.",
            "en",
        ),
        # daily and monthly users; a quarter's spending and a year's
        (
            "DeepSeek conta 22 milioni di utenti attivi giornalieri.",
            "DeepSeek has 97 million monthly active users.",
            "en",
        ),
        (
            "Nel secondo trimestre Tencent ha speso 19,1 miliardi di yuan in investimenti.",
            "Tencent's capital expenditure reached 76.8 billion yuan.",
            "en",
        ),
        (
            "Nel secondo trimestre Tencent ha speso 19,1 miliardi di yuan in investimenti.",
            "Tencent's third-quarter capital expenditure reached 13 billion yuan.",
            "en",
        ),
        # a segment's revenue, and analysts' forecast, are not the company's revenue
        (
            "Baidu ha pubblicato i conti del secondo trimestre. I ricavi sono stati pari a "
            "32,7 miliardi di yuan.",
            "Baidu reported second-quarter results. Revenue from online marketing fell to "
            "RMB 16.2 billion. Analysts had expected revenue of RMB 31.1 billion.",
            "en",
        ),
        # a span of time is not what its sentence's revenue is
        (
            "Nvidia ha pubblicato i conti. I ricavi dei tre mesi a ottobre sono stati pari "
            "a 57 miliardi di dollari.",
            "Nvidia published its results. Revenue for the six months to October came in "
            "at $103.7 billion.",
            "en",
        ),
        # one company's investments in two others; an investment a company took, and one
        # it made
        (
            "Nvidia investirà 5 miliardi di dollari in Intel.",
            "Nvidia invested $2 billion in xAI.",
            "en",
        ),
        (
            "OpenAI ha ricevuto un investimento da 40 miliardi di dollari da parte di SoftBank.",
            "OpenAI has invested $350 million in CoreWeave.",
            "en",
        ),
        # two segments' shares of one company's revenue
        (
            "Il settore auto ha rappresentato il 51% dei ricavi di Infineon nell'esercizio 2025.",
            "The industrial division accounted for 45% of Infineon's revenue in fiscal 2025.",
            "en",
        ),
        # a stake in one company and a stake in another
        (
            "SoftBank ha una quota del 90% di Arm.",
            "SoftBank holds an 11% stake in OpenAI.",
            "en",
        ),
    ],
)
def test_different_or_compatible_quantities_stay_quiet(
    bare_linter, tmp_path: Path, first: str, second: str, lang2: str
) -> None:
    a = write(tmp_path, "a.md", first)
    b = write(tmp_path, "b.md", second, lang2)
    assert summary(conflicts(bare_linter, [a, b])) == []


@pytest.mark.parametrize(
    ("first", "second", "lang2"),
    [
        (
            "Alla WAIC si è visto anche Step 3, sviluppato da StepFun.",
            "At WAIC, Step 3, developed by MiniMax, drew attention.",
            "en",
        ),
        ("Pangu 5.5 di Huawei è stato presentato venerdì.", "Baidu's Pangu 5.5 was shown.", "en"),
        # a model with its tier
        (
            "Tra i modelli c'è il Find X9 Pro, sviluppato da Vivo, in vendita da ottobre.",
            "Oppo's new Find X9 Pro went on sale in October.",
            "en",
        ),
    ],
)
def test_owners_of_a_product_no_rule_lists_are_compared(
    bare_linter, tmp_path: Path, first: str, second: str, lang2: str
) -> None:
    a = write(tmp_path, "a.md", first)
    b = write(tmp_path, "b.md", second, lang2)
    found = conflicts(bare_linter, [a, b])
    assert [(Path(f.path).name, f.rule) for f in found] == [
        ("a.md", "consistency.attribution"),
        ("b.md", "consistency.attribution"),
    ]


def test_attribution_without_rule_flags_both_sides(bare_linter, tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", "Qwen di Alibaba Cloud è tra i più scaricati.")
    b = write(tmp_path, "b.md", "Tencent's Qwen leads the downloads.", "en")
    c = write(tmp_path, "c.md", "Qwen, il modello di Alibaba, cresce.")
    found = conflicts(bare_linter, [a, b])
    assert summary(found) == [
        ("a.md", 4, "consistency.attribution", "Qwen di Alibaba Cloud", [("b.md", 4)]),
        ("b.md", 4, "consistency.attribution", "Tencent's Qwen", [("a.md", 4)]),
    ]
    assert found[1].message == f"here Qwen belongs to Tencent, but in {a}:4 Qwen belongs to Alibaba"
    # With a third article agreeing with the first, only the odd one out is reported.
    assert summary(conflicts(bare_linter, [a, b, c])) == [
        ("b.md", 4, "consistency.attribution", "Tencent's Qwen", [("a.md", 4), ("c.md", 4)]),
    ]


def test_a_period_in_no_named_year_is_of_the_quarter_the_article_is_dated_in(
    bare_linter, tmp_path: Path
) -> None:
    april = "Nvidia ha registrato ricavi per 44 miliardi di dollari nel trimestre."
    december = "Nvidia reported revenue of $57 billion in the quarter."
    a = write(tmp_path, "a.md", april, date="2025-04-16")
    b = write(tmp_path, "b.md", december, "en", date="2025-12-09")
    c = write(tmp_path, "c.md", december, "en", date="2025-05-20")
    assert conflicts(bare_linter, [a, b]) == []
    assert [(Path(f.path).name, f.rule) for f in conflicts(bare_linter, [a, c])] == [
        ("a.md", "consistency.figure")
    ]


@pytest.mark.parametrize(
    ("first", "second", "dates", "compared"),
    [
        # "the quarter" of an August article is the second quarter, however named
        (
            "L'utile netto del trimestre di Tencent è salito a 55,6 miliardi di yuan.",
            "Tencent's net income for the April-June quarter rose to 65.6 billion yuan.",
            ("2025-08-13", "2025-08-14"),
            True,
        ),
        (
            "Nel secondo trimestre Tencent ha registrato un utile netto di 55,6 miliardi di yuan.",
            "Tencent's net income in the quarter rose to 65.6 billion yuan.",
            ("2025-08-13", "2025-08-20"),
            True,
        ),
        # a fourth quarter named in February is last year's, not this year's
        (
            "Nel quarto trimestre Tencent ha registrato un utile netto di 55,6 miliardi di yuan.",
            "Tencent's net income in the fourth quarter of 2025 rose to 65.6 billion yuan.",
            ("2025-02-13", "2025-11-20"),
            False,
        ),
        # the quarter before is not the quarter
        (
            "L'utile netto del trimestre di Tencent è salito a 55,6 miliardi di yuan.",
            "Tencent's net income in the previous quarter was 47.8 billion yuan.",
            ("2025-08-13", "2025-08-13"),
            False,
        ),
        # users counted a day at a time, named before their number, in the quarter however
        # named; daily users are not monthly ones
        (
            "Gli utenti attivi giornalieri di Kuaishou nel periodo aprile-giugno sono stati "
            "in media 358 milioni.",
            "Kuaishou's average daily active users rose 3.1% to 409.1 million in the quarter.",
            ("2025-08-20", "2025-08-20"),
            True,
        ),
        (
            "Gli utenti attivi giornalieri di Kuaishou nel trimestre sono stati 409,1 milioni.",
            "Kuaishou's monthly active users reached 714.4 million in the quarter.",
            ("2025-08-20", "2025-08-20"),
            False,
        ),
        # a quarter named by the day it ended, however its fiscal year numbers it
        (
            "I ricavi di Micron del quarto trimestre fiscale, chiuso il 28 agosto, sono saliti "
            "a 11,32 miliardi di dollari.",
            "Micron said revenue for the quarter ended Aug. 28 reached $9.8 billion.",
            ("2025-09-23", "2025-09-24"),
            True,
        ),
        (
            "I ricavi di Nvidia del trimestre, chiuso il 27 luglio, sono saliti a 46,7 "
            "miliardi di dollari.",
            "Nvidia's revenue for the fiscal second quarter ended July 27 rose to $52.6 billion.",
            ("2025-08-27", "2025-08-27"),
            True,
        ),
        # one that ends with a calendar quarter is that quarter
        (
            "Nel secondo trimestre l'utile netto di Tencent è salito a 55,6 miliardi di yuan.",
            "Tencent's net income for the quarter ended June 30 rose to 65.6 billion yuan.",
            ("2025-08-13", "2025-08-13"),
            True,
        ),
        # a fiscal quarter to July is not the calendar second quarter, nor last year's
        (
            "Nel secondo trimestre i ricavi di Nvidia sono saliti a 46,7 miliardi di dollari.",
            "Nvidia's revenue for the fiscal second quarter ended July 27 rose to $52.6 billion.",
            ("2025-08-27", "2025-08-27"),
            False,
        ),
        (
            "I ricavi di Nvidia del trimestre chiuso il 27 luglio sono saliti a 46,7 miliardi "
            "di dollari.",
            "Nvidia's revenue for the quarter ended July 28 rose to $30 billion.",
            ("2025-08-27", "2024-08-28"),
            False,
        ),
        # nine months to September, named two ways, in an October article
        (
            "Da gennaio a settembre l'utile netto di CATL è salito a 49,03 miliardi di yuan.",
            "CATL's net profit for the first nine months of the year was 56 billion yuan.",
            ("2025-10-21", "2025-10-21"),
            True,
        ),
        (
            "Da gennaio a settembre l'utile netto di CATL è salito a 49,03 miliardi di yuan.",
            "CATL's net profit for the first nine months of the year was 56 billion yuan.",
            ("2025-10-21", "2026-10-21"),
            False,
        ),
        # halves likewise: "nel semestre", "the first half", "the six months to June"
        (
            "L'utile netto di Cambricon nel semestre è stato di 1,04 miliardi di yuan.",
            "Cambricon's net profit came to 1.24 billion yuan in the six months to June.",
            ("2025-08-27", "2025-08-27"),
            True,
        ),
        (
            "Nei primi sei mesi l'utile netto di Cambricon è stato di 1,04 miliardi di yuan.",
            "Cambricon's net profit for the first half of 2025 came to 1.24 billion yuan.",
            ("2025-08-27", "2025-08-27"),
            True,
        ),
        # a half is not a quarter
        (
            "L'utile netto di Cambricon nel semestre è stato di 1,04 miliardi di yuan.",
            "Cambricon's net profit came to 0.68 billion yuan in the quarter.",
            ("2025-08-27", "2025-08-27"),
            False,
        ),
        # a month's deliveries: "last month" of a November article is October
        (
            "Il mese scorso Xpeng ha consegnato 42.013 veicoli, un nuovo record.",
            "The carmaker Xpeng delivered 36,400 vehicles in October.",
            ("2025-11-17", "2025-11-18"),
            True,
        ),
        # another month's, or a quarter's, are other figures
        (
            "A settembre Xpeng ha consegnato 41.581 veicoli.",
            "Xpeng delivered 36,400 vehicles in October.",
            ("2025-11-17", "2025-11-17"),
            False,
        ),
        (
            "Nel mese di ottobre Xpeng ha consegnato 42.013 veicoli.",
            "Xpeng delivered 36,400 vehicles last month.",
            ("2025-11-17", "2025-12-02"),
            False,
        ),
        (
            "A ottobre Xpeng ha consegnato 100.000 veicoli.",
            "Xpeng delivered 116,007 vehicles in the third quarter.",
            ("2025-11-17", "2025-11-17"),
            False,
        ),
        # a level is the same figure whether or not the month is said
        (
            "I ricavi annualizzati di Anthropic hanno superato i 5 miliardi di dollari ad agosto.",
            "Anthropic's run-rate revenue is now about $4 billion.",
            ("2025-09-03", "2025-09-03"),
            True,
        ),
        # a whole year named by a number is that year; one named by no number is not a
        # quarter's
        (
            "Tencent ha registrato ricavi per 75 miliardi di yuan nell'intero esercizio 2025.",
            "Tencent's revenue reached 57 billion yuan in fiscal 2025.",
            ("2025-07-31", "2025-07-31"),
            True,
        ),
        (
            "Per l'esercizio in corso Oracle prevede ricavi per 18 miliardi di dollari.",
            "Oracle's revenue rose to $14.9 billion in the quarter.",
            ("2025-09-10", "2025-09-10"),
            False,
        ),
    ],
)
def test_a_quarter_is_read_against_the_article_date(
    bare_linter, tmp_path: Path, first: str, second: str, dates: tuple[str, str], compared: bool
) -> None:
    a = write(tmp_path, "a.md", first, date=dates[0])
    b = write(tmp_path, "b.md", second, "en", date=dates[1])
    assert bool(conflicts(bare_linter, [a, b])) == compared


def test_the_quarter_is_the_one_its_article_names_by_its_end_date(
    bare_linter, tmp_path: Path
) -> None:
    results = (
        "Revenue for the fiscal fourth quarter, which ended Aug. 28, rose to $11.32 billion. "
        "Micron's net income for the quarter was $3.2 billion."
    )
    other = "L'utile netto di Micron nel trimestre chiuso il 28 agosto è stato di 2,71 miliardi di dollari."
    a = write(tmp_path, "a.md", results, "en", date="2025-09-23")
    b = write(tmp_path, "b.md", other, date="2025-09-23")
    assert [(f.path, f.line, f.rule) for f in conflicts(bare_linter, [a, b])] == [
        (a, 5, "consistency.figure"),
        (b, 5, "consistency.figure"),
    ]


def test_two_articles_saying_more_than_the_same_figure_are_the_majority(
    bare_linter, tmp_path: Path
) -> None:
    a = write(tmp_path, "a.md", "Anthropic serves more than 300,000 business customers.", "en")
    b = write(tmp_path, "b.md", "- Anthropic has more than 300,000 business customers.", "en")
    c = write(tmp_path, "c.md", "Anthropic conta circa 200.000 clienti aziendali.")
    assert [(Path(f.path).name, f.rule) for f in conflicts(bare_linter, [a, b, c])] == [
        ("c.md", "consistency.figure")
    ]


@pytest.mark.parametrize(
    ("first", "second", "compared"),
    [
        # active parameters are a part of the total; active users are users
        (
            "Kimi K2 ha 32 miliardi di parametri attivi.",
            "Kimi K2 has 1 trillion parameters.",
            False,
        ),
        (
            "Kimi K2 ha 32 miliardi di parametri attivi.",
            "Kimi K2 has 37 billion active parameters.",
            True,
        ),
        (
            "GLM-4.5 conta 355 miliardi di parametri complessivi.",
            "GLM-4.5 has 235 billion parameters in total.",
            True,
        ),
        (
            "ChatGPT ha 800 milioni di utenti attivi settimanali.",
            "ChatGPT has 700 million weekly users.",
            True,
        ),
        # pre-training is a part of the training run
        (
            "Il pre-addestramento di DeepSeek-V3 ha richiesto 2,664 milioni di ore GPU H800.",
            "DeepSeek-V3 took 2.788 million H800 GPU hours to train.",
            False,
        ),
        (
            "ChatGPT conta circa 15 milioni di abbonati paganti.",
            "ChatGPT has more than 20 million paying subscribers.",
            True,
        ),
    ],
)
def test_what_parts_of_a_whole_are_compared_with(
    bare_linter, tmp_path: Path, first: str, second: str, compared: bool
) -> None:
    a = write(tmp_path, "a.md", first)
    b = write(tmp_path, "b.md", second, "en")
    found = conflicts(bare_linter, [a, b])
    assert bool(found) == compared, summary(found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Alibaba usa 31 sistemi DGX H100, cioè 248 GPU H100, per Qwen."),
        ("en", "Alibaba runs 31 DGX H100 systems, that is 248 H100 GPUs, for Qwen."),
    ],
)
def test_figures_one_sentence_sets_side_by_side_are_not_compared(
    bare_linter, tmp_path: Path, lang: str, text: str
) -> None:
    claims = bare_linter.claims(bare_linter.document("a.md", text, lang=lang))
    keys = [quantity_key(q) for q in claims.quantities]
    assert keys[0] is not None and keys[0] == keys[1]
    assert figure_keys(claims) == [None, None]
    assert conflicts(bare_linter, [write(tmp_path, "a.md", text, lang)]) == []


def test_two_variants_no_rule_orders_are_compared(linter, tmp_path: Path) -> None:
    # The shipped rule makes the H800 and the H20 variants of the H100: it orders neither
    # after the other, so the articles are compared with each other.
    a = write(tmp_path, "a.md", "The H20, which succeeded the H800, is weaker.", "en")
    b = write(tmp_path, "b.md", "L'H800 ha sostituito l'H20 nei data center cinesi.")
    found = conflicts(linter, [a, b])
    assert [(Path(f.path).name, f.rule) for f in found] == [
        ("a.md", "consistency.lineage"),
        ("b.md", "consistency.lineage"),
    ]


def test_lineage_without_rule_flags_both_sides(bare_linter, tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", "Il chip H200, evoluzione dell'H100, è potente.")
    b = write(tmp_path, "b.md", "The H100, successor to the H200, is cheaper.", "en")
    assert summary(conflicts(bare_linter, [a, b])) == [
        ("a.md", 4, "consistency.lineage", "H200, evoluzione dell'H100", [("b.md", 4)]),
        ("b.md", 4, "consistency.lineage", "H100, successor to the H200", [("a.md", 4)]),
    ]


def test_lineage_of_products_no_rule_lists(bare_linter, tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", "Il Kirin 9000S, che ha sostituito il Kirin 9010, è di SMIC.")
    b = write(tmp_path, "b.md", "The Kirin 9010, successor to the Kirin 9000S, is new.", "en")
    found = conflicts(bare_linter, [a, b])
    assert [(Path(f.path).name, f.rule) for f in found] == [
        ("a.md", "consistency.lineage"),
        ("b.md", "consistency.lineage"),
    ]
    assert "Kirin 9010 comes after Kirin 9000S" in found[1].message


def test_where_a_rule_states_the_fact_only_the_rule_judges(linter, tmp_path: Path) -> None:
    a = write(
        tmp_path,
        "a.md",
        "Qwen di Alibaba è tra i più scaricati. Il chip H200, evoluzione dell'H100, è potente.",
    )
    b = write(
        tmp_path, "b.md", "Tencent's Qwen leads. The H100, successor to the H200, is cheaper.", "en"
    )
    c = write(tmp_path, "c.md", DC_IT)
    d = write(tmp_path, "d.md", DC_EN, "en")
    result = linter.run([a, b, c, d])
    assert sorted((Path(f.path).name, f.rule) for f in result.findings) == [
        ("b.md", "alibaba-models"),
        ("b.md", "nvidia-datacenter-gpu-lineage"),
        ("d.md", "china-new-data-centres"),
    ]


def test_a_newer_article_updates_an_older_one(bare_linter, tmp_path: Path) -> None:
    old = write(tmp_path, "old.md", DC_IT, date="2025-06-01")
    new = write(tmp_path, "new.md", DC_EN, "en", date="2025-12-01")
    (finding,) = conflicts(bare_linter, [old, new])
    assert (Path(finding.path).name, finding.severity) == ("old.md", Severity.WARNING)
    assert finding.message == (
        f"“36 nuovi data center” may be out of date: the newer article {new} (2025-12-01) "
        "says “63 new data centers” (line 5)"
    )
    assert finding.related[0].message == "says “63 new data centers” (2025-12-01)"


def test_within_one_article(bare_linter, tmp_path: Path) -> None:
    body = (
        "## In Cina oltre 100.000 GPU H200 per i nuovi data center\n\n"
        "Le aziende cinesi sono pronte: i nuovi data center useranno 80.000 GPU NVIDIA H200."
    )
    a = write(tmp_path, "a.md", body)
    found = conflicts(bare_linter, [a])
    assert summary(found) == [
        ("a.md", 4, "consistency.figure", "oltre 100.000 GPU H200", [("a.md", 6)]),
        ("a.md", 6, "consistency.figure", "80.000 GPU NVIDIA H200", [("a.md", 4)]),
    ]
    assert "earlier in this article" in found[1].message


def test_corpus_is_compared_not_reported(bare_linter, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    old = write(archive, "old.md", DC_IT)
    new = write(tmp_path, "new.md", DC_EN, "en")
    assert summary(conflicts(bare_linter, [new], [str(archive)])) == [
        ("new.md", 4, "consistency.figure", "63 new data centers", [("old.md", 4)]),
    ]
    assert conflicts(bare_linter, [old], [new])[0].path == old


def test_json_output_of_cross_article_findings(tmp_path: Path) -> None:
    rules = entities_only(tmp_path)
    a = write(tmp_path, "a.md", DC_IT)
    b = write(tmp_path, "b.md", DC_EN, "en")
    result = CliRunner().invoke(main, ["check", a, b, "--rules", str(rules), "--format", "json"])
    assert result.exit_code == 1
    first, second = json.loads(result.stdout)
    assert first["kind"] == "consistency" and first["rule"] == "consistency.figure"
    assert first["source"] is None
    assert first["related"] == [
        {"path": b, "line": 4, "column": 50, "message": "says “63 new data centers”"}
    ]
    assert second["related"][0]["path"] == a


def test_claims_command_shows_keys(tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", DC_IT)
    result = CliRunner().invoke(
        main, ["claims", a, "--rules", str(ROOT / "rules"), "--format", "jsonl"]
    )
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["kind"] == "quantity" and record["text"] == "36 nuovi data center"
    assert record["value"] == {"low": 35.5, "high": 36.5, "low_open": False, "high_open": False}
    assert record["key"] == [
        "figure",
        ["data-center", "new"],
        [],
        [],
        "china",
        [],
        None,
        None,
        [],
    ]
    assert record["assertion"] == "plain"
    assert record["held_in"] is None


def test_claims_command_shows_the_company_a_stake_is_in(tmp_path: Path) -> None:
    a = write(tmp_path, "a.md", "Il governo degli Stati Uniti avrà una quota dell'8,5% di Intel.")
    result = CliRunner().invoke(
        main, ["claims", a, "--rules", str(ROOT / "rules"), "--format", "jsonl"]
    )
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    (record,) = [r for r in records if r["kind"] == "quantity"]
    assert (record["concepts"], record["held_in"]) == (["stake"], "intel")
    assert record["key"][1:3] == [["stake"], ["intel"]]


@pytest.mark.parametrize(
    ("first", "second", "lang2", "flagged"),
    [
        # both cite the company itself: they cannot both be right
        (
            "Kimi K2 è stato pre-addestrato, secondo Moonshot, su oltre 15.000 miliardi di token.",
            "Moonshot said it pre-trained Kimi K2 on about 12 trillion tokens.",
            "en",
            True,
        ),
        (
            "Secondo Alibaba, le spese in conto capitale del 2025 sono state di 38,6 miliardi "
            "di yuan.",
            "Alibaba said capital expenditure in 2025 reached 28.6 billion yuan.",
            "en",
            True,
        ),
        # the company cited by a phrase that stands for it, or before an aside
        (
            "Tesla ha consegnato 432.000 veicoli nel trimestre luglio-settembre, ha "
            "comunicato la società.",
            "Tesla, which had two weak quarters, said it delivered 497,099 vehicles in the "
            "July-September quarter.",
            "en",
            True,
        ),
        # estimates from different sources are not a conflict
        (
            "Secondo Alibaba, le spese in conto capitale del 2025 sono state di 38,6 miliardi "
            "di yuan.",
            "Capital expenditure at Alibaba in 2025 reached 28.6 billion yuan, according to "
            "analysts.",
            "en",
            False,
        ),
        (
            "Secondo Tencent, le spese in conto capitale di Alibaba nel 2025 sono state di "
            "38,6 miliardi di yuan.",
            "Alibaba said capital expenditure in 2025 reached 28.6 billion yuan.",
            "en",
            False,
        ),
    ],
)
def test_two_reported_figures_conflict_when_they_cite_one_company(
    bare_linter, tmp_path: Path, first: str, second: str, lang2: str, flagged: bool
) -> None:
    a = write(tmp_path, "a.md", first)
    b = write(tmp_path, "b.md", second, lang2)
    found = conflicts(bare_linter, [a, b])
    assert [Path(f.path).name for f in found] == (["a.md", "b.md"] if flagged else [])
    assert all(f.severity is Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("first", "second", "compared"),
    [
        # a margin says what its percentage is of, with no name in its clause
        (
            "SK Hynix ha chiuso il trimestre. Il margine operativo è salito al 41%.",
            "SK Hynix's operating margin was 32% in the quarter.",
            True,
        ),
        # a share does not ("13% of revenue" of what?)
        (
            "SK Hynix ha chiuso il trimestre. La quota è salita al 41% dei ricavi.",
            "SK Hynix's HBM accounted for 32% of revenue in the quarter.",
            False,
        ),
        # a company's unit is not the company: "Samsung Device Solutions"
        (
            "Samsung Device Solutions ha registrato ricavi per 27.900 miliardi di won nel 2025.",
            "Samsung's revenue was 74.6 trillion won in 2025.",
            False,
        ),
        (
            "Samsung Device Solutions ha registrato ricavi per 27.900 miliardi di won nel 2025.",
            "Revenue at Samsung Device Solutions was 24.6 trillion won in 2025.",
            True,
        ),
        # won are not dollars
        (
            "Samsung ha registrato ricavi per 74.600 miliardi di won nel 2025.",
            "Samsung's revenue was $60 billion in 2025.",
            False,
        ),
    ],
)
def test_ratios_units_and_currencies(
    bare_linter, tmp_path: Path, first: str, second: str, compared: bool
) -> None:
    a = write(tmp_path, "a.md", first, date="2025-07-24")
    b = write(tmp_path, "b.md", second, "en", date="2025-07-24")
    assert bool(conflicts(bare_linter, [a, b])) == compared
