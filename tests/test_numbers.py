"""Tests for factlint.numbers: which quantities are found, the intervals they assert,
their spans, and what is not a quantity, in Italian and English news sentences."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.errors import FactlintError
from factlint.numbers import Interval, NumberMatch, NumberParser, month_numbers

LANG_DIR = Path(__file__).parent.parent / "factlint" / "lang"
INF = math.inf


def load_spec(code: str) -> dict[str, Any]:
    with open(LANG_DIR / f"{code}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)["numbers"]


@pytest.fixture(scope="module")
def parsers() -> dict[str, NumberParser]:
    return {code: NumberParser(load_spec(code)) for code in ("it", "en")}


def only(parser: NumberParser, text: str) -> NumberMatch:
    found = parser.find(text)
    assert len(found) == 1, [text[m.start : m.end] for m in found]
    return found[0]


# (language, sentence with the expression in brackets, value, interval, qualifier, unit)
QUANTITIES = [
    # the same facts in both languages
    ("it", "Nvidia ha installato [oltre 100.000] GPU.", 100000, "(100000, inf)", "over", None),
    ("en", "Nvidia installed [over 100,000] GPUs.", 100000, "(100000, inf)", "over", None),
    ("it", "Il gruppo conta [più di 100 mila] dipendenti.", 100000, "(100000, inf)", "over", None),
    ("it", "Sono previsti [36] nuovi data center.", 36, "[35.5, 36.5]", None, None),
    ("en", "It plans [36] new data centers.", 36, "[35.5, 36.5]", None, None),
    ("it", "[Trentasei] data center entreranno in funzione.", 36, "[35.5, 36.5]", None, None),
    ("en", "[Thirty-six] data centers will open.", 36, "[35.5, 36.5]", None, None),
    ("en", "It opened [thirty six] sites.", 36, "[35.5, 36.5]", None, None),
    ("it", "La Cina raffina [circa il 90%] delle terre rare.", 90, "[81, 99]", "about", "%"),
    ("en", "China refines [about 90 percent] of rare earths.", 90, "[81, 99]", "about", "%"),
    ("it", "Piano da [1,5 miliardi di dollari].", 1.5e9, "[1450000000, 1550000000]", None, "USD"),
    ("en", "A [$1.5 billion] plan.", 1.5e9, "[1450000000, 1550000000]", None, "USD"),
    ("it", "Il tasso è salito al [3,5] annuo.", 3.5, "[3.45, 3.55]", None, None),
    ("en", "The rate rose to [3.5] a year.", 3.5, "[3.45, 3.55]", None, None),
    # a lone 1 is read a quarter either side: "1 trillion" never means 1.5 trillion
    (
        "en",
        "Kimi K2 has [1 trillion] parameters.",
        1e12,
        "[750000000000, 1250000000000]",
        None,
        None,
    ),
    (
        "it",
        "Kimi ha [1.000 miliardi] di parametri.",
        1e12,
        "[999500000000, 1000500000000]",
        None,
        None,
    ),
    ("it", "Il margine è dello [0,1%].", 0.1, "[0.075, 0.125]", None, "%"),
    ("it", "Kimi K2 ha [almeno 1 miliardo] di utenti.", 1e9, "[750000000, inf)", "at_least", None),
    # a separator not followed by three digits is a decimal point in any locale
    ("it", "Ha [1.5 miliardi] di parametri.", 1.5e9, "[1450000000, 1550000000]", None, None),
    ("en", "The yield was [3,5] in the report.", 3.5, "[3.45, 3.55]", None, None),
    ("it", "Costa [1,500 euro].", 1.5, "[1.4995, 1.5005]", None, "EUR"),
    ("en", "It weighs [1.500] kg.", 1.5, "[1.4995, 1.5005]", None, None),
    # two or more groups can only be thousands
    ("en", "A fund of [1.000.000] units.", 1e6, "[999999.5, 1000000.5]", None, None),
    ("it", "Un fondo di [1,000,000] di quote.", 1e6, "[999999.5, 1000000.5]", None, None),
    ("it", "Saranno assunti [2.000] tecnici.", 2000, "[1999.5, 2000.5]", None, None),
    ("it", "Ospiterà [100\xa0000] processori.", 100000, "[99999.5, 100000.5]", None, None),
    ("en", "It hosts [100\u202f000] processors.", 100000, "[99999.5, 100000.5]", None, None),
    ("it", "Debito: [1.234.567,89 euro].", 1234567.89, "[1234567.885, 1234567.895]", None, "EUR"),
    # ranges
    ("it", "Ospiterà [tra 80 e 100 mila] processori.", 80000, "[80000, 100000]", "between", None),
    ("it", "Avrà [tra gli 80 e i 100 mila] chip.", 80000, "[80000, 100000]", "between", None),
    ("en", "It has [between 80,000 and 100,000].", 80000, "[80000, 100000]", "between", None),
    ("it", "Ospiterà [80-100 mila] processori.", 80000, "[80000, 100000]", "between", None),
    # each end with its own unit, after "between" or joined by a word that needs none
    ("it", "Ricavi in crescita [tra il 10% e il 12%].", 10, "[10, 12]", "between", "%"),
    (
        "it",
        "Ricavi [tra 21,5 miliardi e 23 miliardi di yuan].",
        21.5e9,
        "[21500000000, 23000000000]",
        "between",
        "CNY",
    ),
    ("en", "Revenue would grow [10% to 12%] in the quarter.", 10, "[10, 12]", "between", "%"),
    (
        "en",
        "It expects revenue of [$21.5 billion to $23 billion].",
        21.5e9,
        "[21500000000, 23000000000]",
        "between",
        "USD",
    ),
    (
        "en",
        "Deliveries of [125,000 to 132,000] vehicles.",
        125000,
        "[125000, 132000]",
        "between",
        None,
    ),
    ("en", "Margins of [10–20%] are expected.", 10, "[10, 20]", "between", "%"),
    (
        "it",
        "Costa [tra 1 e 2 miliardi di euro].",
        1e9,
        "[1000000000, 2000000000]",
        "between",
        "EUR",
    ),
    ("en", "It employs [between ten and twenty] people.", 10, "[10, 20]", "between", None),
    ("it", "Assumerà [tra dieci e venti] persone.", 10, "[10, 20]", "between", None),
    ("it", "Hanno aderito [100 mila] persone.", 100000, "[99500, 100500]", None, None),
    ("it", "Lo farà tra [5] anni.", 5, "[4.5, 5.5]", None, None),
    # qualifiers with articles and contracted prepositions
    ("it", "Le vendite sono cresciute di [più del 50%].", 50, "(50, inf)", "over", "%"),
    ("it", "Lo sconto arriva [fino al 90%].", 90, "(-inf, 90.5]", "up_to", "%"),
    ("it", "La quota scende a [meno del 10%].", 10, "(-inf, 10)", "under", "%"),
    ("it", "Ha [intorno ai 36] anni.", 36, "[32.4, 39.6]", "about", None),
    ("it", "Pesa [quasi il 90 per cento] del totale.", 90, "[81, 99]", "about", "%"),
    ("it", "Controlla [oltre l'80%] del mercato.", 80, "(80, inf)", "over", "%"),
    ("it", "Controlla [circa l’80%] del mercato.", 80, "[72, 88]", "about", "%"),
    ("it", "Servono [almeno 36] mesi.", 36, "[35.5, inf)", "at_least", None),
    ("it", "[Oltre 2000] GPU sono già attive.", 2000, "(2000, inf)", "over", None),
    ("en", "[More than 50 percent] agreed.", 50, "(50, inf)", "over", "%"),
    ("en", "It has [fewer than 10] staff.", 10, "(-inf, 10)", "under", None),
    ("en", "Discounts of [up to 90%] apply.", 90, "(-inf, 90.5]", "up_to", "%"),
    ("en", "It took [at least 36] months.", 36, "[35.5, inf)", "at_least", None),
    ("en", "It needs [no more than 20] people.", 20, "(-inf, 20.5]", "up_to", None),
    ("en", "[Nearly 40] firms joined.", 40, "[36, 44]", "about", None),
    ("en", "[Some 300] people attended.", 300, "[270, 330]", "about", None),
    ("en", "It controls [over the 90%] of supply.", 90, "(90, inf)", "over", "%"),
    # postfix qualifiers
    ("it", "Servono [36 o più] mesi.", 36, "[35.5, inf)", "at_least", None),
    ("en", "It takes [36 or more] months.", 36, "[35.5, inf)", "at_least", None),
    ("it", "Si contano [100.000 e oltre] visitatori.", 100000, "(100000, inf)", "over", None),
    # changes are only read as levels here
    ("it", "Il titolo ha chiuso in calo del [5%].", 5, "[4.5, 5.5]", None, "%"),
    ("en", "Shares closed down [5%].", 5, "[4.5, 5.5]", None, "%"),
    ("it", "Lo spread è sceso di [5 punti percentuali].", 5, "[4.5, 5.5]", None, "pp"),
    ("en", "Unemployment fell [5 percentage points].", 5, "[4.5, 5.5]", None, "pp"),
    ("it", "La Bce ha tagliato di [25 punti base].", 25, "[24.5, 25.5]", None, "bp"),
    ("en", "The Fed cut by [50 basis points].", 50, "[49.5, 50.5]", None, "bp"),
    # scales and currencies
    ("en", "It raised [$5bn] last year.", 5e9, "[4500000000, 5500000000]", None, "USD"),
    ("en", "It raised [5bn] last year.", 5e9, "[4500000000, 5500000000]", None, None),
    ("en", "It raised [€5 billion].", 5e9, "[4500000000, 5500000000]", None, "EUR"),
    ("en", "It raised [5 billion euros].", 5e9, "[4500000000, 5500000000]", None, "EUR"),
    ("en", "It raised [USD 5 million].", 5e6, "[4500000, 5500000]", None, "USD"),
    ("en", "It costs [300 yuan].", 300, "[299.5, 300.5]", None, "CNY"),
    # Italian writes trillions as "thousand billions"; the FT writes "Rmb" and "HK$"
    (
        "it",
        "Nvidia vale [4 mila miliardi di dollari].",
        4e12,
        "[3500000000000, 4500000000000]",
        None,
        "USD",
    ),
    (
        "it",
        "Un mercato da [mille miliardi di euro].",
        1e12,
        "[750000000000, 1250000000000]",
        None,
        "EUR",
    ),
    ("en", "Alibaba will spend [Rmb 380bn].", 3.8e11, "[379500000000, 380500000000]", None, "CNY"),
    ("en", "The listing raised [HK$10bn].", 1e10, "[9500000000, 10500000000]", None, "HKD"),
    ("it", "Il prezzo è di [5\xa0€].", 5, "[4.5, 5.5]", None, "EUR"),
    ("it", "Vale [300 milioni d’euro].", 3e8, "[299500000, 300500000]", None, "EUR"),
    ("it", "Ha raccolto [2,5 mld di euro].", 2.5e9, "[2450000000, 2550000000]", None, "EUR"),
    ("it", "Ha [5k] follower.", 5000, "[4500, 5500]", None, None),
    # number words
    ("it", "Hanno votato in [trentuno].", 31, "[30.5, 31.5]", None, None),
    ("it", "Sono [ventotto] i paesi coinvolti.", 28, "[27.5, 28.5]", None, None),
    ("it", "Erano [centomila] in piazza.", 100000, "[99500, 100500]", None, None),
    ("it", "Ha venduto [duemila] copie.", 2000, "[1500, 2500]", None, None),
    ("it", "Costa [tremilacinquecento euro].", 3500, "[3499.5, 3500.5]", None, "EUR"),
    ("it", "Lavorano in [dieci].", 10, "[9.5, 10.5]", None, None),
    ("it", "Ne restano [cento].", 100, "[99.5, 100.5]", None, None),
    ("it", "Ne restano [mille].", 1000, "[750, 1250]", None, None),
    ("it", "Ha superato [un milione] di utenti.", 1e6, "[750000, 1250000]", None, None),
    ("it", "Investirà [due miliardi di euro].", 2e9, "[1500000000, 2500000000]", None, "EUR"),
    ("it", "Ci vogliono [centottanta] giorni.", 180, "[179.5, 180.5]", None, None),
    ("it", "Abitano qui [sei milioni] di persone.", 6e6, "[5500000, 6500000]", None, None),
    ("it", "Ne servono [oltre sei].", 6, "(6, inf)", "over", None),
    ("it", "[Circa trenta] aziende hanno aderito.", 30, "[27, 33]", "about", None),
    ("it", "Vale il [trenta per cento].", 30, "[29.5, 30.5]", None, "%"),
    ("en", "[One hundred] people came.", 100, "[99.5, 100.5]", None, None),
    ("en", "[A hundred thousand] people came.", 100000, "[99500, 100500]", None, None),
    ("en", "[Two million] people came.", 2e6, "[1500000, 2500000]", None, None),
    ("en", "It hired [ten] engineers.", 10, "[9.5, 10.5]", None, None),
    ("en", "It hired [a million] users.", 1e6, "[750000, 1250000]", None, None),
    ("en", "It sold [two hundred and five] units.", 205, "[204.5, 205.5]", None, None),
    # "just over" is near the number, not any amount above it
    ("it", "Serviranno [poco più di 20.000] GPU.", 20000, "[18000, 22000]", "about", None),
    ("en", "It needs [just over 20,000] GPUs.", 20000, "[18000, 22000]", "about", None),
    # a number right after a capitalised word is returned: the caller drops versions
    ("it", "Il modello Qwen [2.5] è stato rilasciato.", 2.5, "[2.45, 2.55]", None, None),
]


def unbracket(marked: str) -> tuple[str, int, int]:
    """The sentence without its brackets, and the bracketed span in it."""
    start = marked.index("[")
    end = marked.index("]") - 1
    return marked.replace("[", "", 1).replace("]", "", 1), start, end


@pytest.mark.parametrize(("lang", "marked", "value", "interval", "qualifier", "unit"), QUANTITIES)
def test_quantity(
    parsers: dict[str, NumberParser],
    lang: str,
    marked: str,
    value: float,
    interval: str,
    qualifier: str | None,
    unit: str | None,
) -> None:
    sentence, start, end = unbracket(marked)
    match = only(parsers[lang], sentence)
    assert sentence[match.start : match.end] == sentence[start:end]
    assert (match.start, match.end) == (start, end)
    assert match.value == pytest.approx(value)
    assert str(match.interval) == interval
    assert match.qualifier == qualifier
    assert match.unit == unit


NOT_QUANTITIES = [
    ("it", "Nel 2024 la produzione è cresciuta."),
    ("it", "L'accordo è stato firmato il 22 novembre 2025."),
    ("it", "Il rilascio di Qwen2.5 è atteso."),
    ("it", "Il chip H200 è più veloce dell'A100 e del B200."),
    ("it", "Lo prevede l'art. 36 della legge."),
    ("it", "Lo prevede l'articolo 36, comma 3."),
    ("it", "Si veda il n. 5, il nr. 5, a pag. 12 e a p. 12."),
    ("it", "È uscita la versione 2 del software."),
    ("it", "Gli utili del 3° trimestre."),
    ("it", "La 1ª edizione del premio."),
    ("it", "Nel XX secolo regnava Enrico III."),
    ("it", "La musica degli anni '90 e degli anni 90."),
    ("it", "Scadenza: 22/11/2025 o 2025-11-22."),
    ("it", "L'incontro è alle 10:30."),
    ("it", "Un disco da 2TB, la rete 5G e il G5."),
    ("it", "Un SSD M.2 con la v2 del firmware."),
    ("it", "Usa GPT-4 e GPT-4o, versione 2.5.1."),
    ("it", "Chiamare il 02 1234 5678 o il +39 333 1234567."),
    ("it", "Il numero è 3331234567."),
    ("it", "Vedi https://example.com/2024/05/x?id=36 o scrivi a mario36@example.com."),
    ("it", "Decine di migliaia, centinaia e migliaia di persone."),
    ("it", "Milioni di persone lo usano."),
    ("it", "Sei sicuro di volerlo fare?"),
    ("it", "L'arte del Novecento."),
    ("it", "Un uomo e una donna."),
    ("it", "Tra il 2020 e il 2024 le vendite sono salite."),
    ("it", "Nel periodo 2020-2024 le vendite sono salite."),
    ("it", "Dal 2020 le vendite sono salite oltre il 2025."),
    ("en", "In 2024 output grew."),
    ("en", "The deal was signed on November 22, or Nov. 22."),
    ("en", "It was signed on 22 November 2025."),
    ("en", "The 1st, 2nd, 23rd and 4th place."),
    ("en", "See No. 5, version 2, section 5 and chapter 3."),
    ("en", "Music of the '90s and the 1990s."),
    ("en", "Dozens, hundreds of people, thousands more."),
    ("en", "One of them met a man."),
    ("en", "Between 2020 and 2024 sales rose."),
    ("en", "It opens May 5, and it may be late."),
    ("en", "The H200 replaces the A100 in 5G networks."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_QUANTITIES)
def test_not_a_quantity(parsers: dict[str, NumberParser], lang: str, sentence: str) -> None:
    found = parsers[lang].find(sentence)
    assert found == [], [sentence[m.start : m.end] for m in found]


# (language, sentence with the fraction in brackets, share, interval, qualifier)
FRACTIONS = [
    (
        "it",
        "La Cina raffina [quasi due terzi] delle terre rare.",
        66.6666666667,
        "[60, 73.3333333334]",
        "about",
    ),
    ("it", "[Più della metà] dei chip venduti in Cina arriva da Nvidia.", 50, "(50, inf)", "over"),
    ("it", "[Oltre la metà] delle aziende usa Qwen.", 50, "(50, inf)", "over"),
    (
        "it",
        "[Circa un terzo] dei data center è inattivo.",
        33.3333333333,
        "[30, 36.6666666666]",
        "about",
    ),
    ("it", "[Meno di un quarto] delle GPU è stato consegnato.", 25, "(-inf, 25)", "under"),
    ("it", "[Almeno tre quarti] dei ricavi arrivano dalla Cina.", 75, "[75, inf)", "at_least"),
    ("it", "[Metà] delle GPU installate sono H100.", 50, "[45, 55]", "about"),
    ("it", "La Cina produce [nove decimi] dei magneti.", 90, "[81, 99]", "about"),
    ("en", "It makes [roughly nine-tenths] of the world's magnets.", 90, "[81, 99]", "about"),
    (
        "it",
        "Un quarto d'ora dopo, [tre quarti] dell'export era fermo.",
        75,
        "[67.5, 82.5]",
        "about",
    ),
    (
        "en",
        "[More than half] of the chips sold in China come from Nvidia.",
        50,
        "(50, inf)",
        "over",
    ),
    (
        "en",
        "[Nearly two-thirds] of rare earths are refined in China.",
        66.6666666667,
        "[60, 73.3333333334]",
        "about",
    ),
    (
        "en",
        "China refines [two thirds] of the world's rare earths.",
        66.6666666667,
        "[60, 73.3333333334]",
        "about",
    ),
    (
        "en",
        "[Roughly one third] of the GPUs were idle in the third quarter.",
        33.3333333333,
        "[30, 36.6666666666]",
        "about",
    ),
    ("en", "Chinese labs bought [half] the H20 chips Nvidia shipped.", 50, "[45, 55]", "about"),
    ("en", "It lost [a quarter] of its staff.", 25, "[22.5, 27.5]", "about"),
]


@pytest.mark.parametrize(("lang", "marked", "share", "interval", "qualifier"), FRACTIONS)
def test_fraction_in_words_is_a_share(
    parsers: dict[str, NumberParser],
    lang: str,
    marked: str,
    share: float,
    interval: str,
    qualifier: str,
) -> None:
    sentence, start, end = unbracket(marked)
    match = only(parsers[lang], sentence)
    assert (match.start, match.end) == (start, end)
    assert match.value == pytest.approx(share)
    assert str(match.interval) == interval
    assert (match.qualifier, match.unit) == (qualifier, "%")


NOT_FRACTIONS = [
    ("it", "A metà del 2025 le vendite sono salite."),
    ("it", "Nella seconda metà dell'anno le vendite sono cresciute."),
    ("it", "A metà degli anni Novanta la Cina produceva poco."),
    ("it", "La prima metà della partita è finita in parità."),
    ("it", "È il suo terzo mandato, e un terzo paese potrebbe aderire."),
    ("it", "Il terzo dei chip presentati è l'H200."),
    ("it", "Le GPU costano a metà prezzo nella metà campo."),
    ("en", "In the first half of 2025, sales rose."),
    ("en", "Half the year was lost."),
    ("en", "A third party and half a million users joined."),
    ("en", "Revenue fell in the second half of the quarter."),
    ("en", "It is a third-generation chip."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_FRACTIONS)
def test_fraction_words_that_are_no_share(
    parsers: dict[str, NumberParser], lang: str, sentence: str
) -> None:
    found = parsers[lang].find(sentence)
    assert found == [], [sentence[m.start : m.end] for m in found]


def test_number_words_before_a_fraction_word_still_count(
    parsers: dict[str, NumberParser],
) -> None:
    text = "Due terzi posti su tre sono occupati."
    found = parsers["it"].find(text)
    assert [text[m.start : m.end] for m in found] == ["Due", "tre"]


@pytest.mark.parametrize(
    ("lang", "sentence", "expressions"),
    [
        # where a change starts and ends, not a range
        ("en", "The margin rose from 10% to 12%.", ["10%", "12%"]),
        ("it", "Il margine è passato dal 10% al 12%.", ["10%", "12%"]),
        # a change, then a level in another unit
        ("en", "Revenue grew 10% to $12bn.", ["10%", "$12bn"]),
        # too far apart to be one estimate
        ("en", "Its share rose 2% to 40%.", ["2%", "40%"]),
        # the top below the bottom
        ("en", "The vote was 5 to 4.", ["5", "4"]),
        # "e" joins two figures only after "tra"
        ("it", "Ha speso il 10% e il 12% in più.", ["10%", "12%"]),
    ],
)
def test_figures_that_make_no_range(
    parsers: dict[str, NumberParser], lang: str, sentence: str, expressions: list[str]
) -> None:
    found = parsers[lang].find(sentence)
    assert [sentence[m.start : m.end] for m in found] == expressions


def test_several_in_order(parsers: dict[str, NumberParser]) -> None:
    text = "Nel 2024 ha aperto 36 data center e assunto oltre 100.000 persone, circa il 90%."
    found = parsers["it"].find(text)
    assert [text[m.start : m.end] for m in found] == ["36", "oltre 100.000", "circa il 90%"]


# (language, sentence, the whole expression, the numeral(s) in it)
SPANS = [
    ("it", "Ha installato oltre 100.000 GPU.", "oltre 100.000", "100.000"),
    ("it", "Controlla circa il 90% delle terre.", "circa il 90%", "90"),
    ("it", "Ospiterà tra 80 e 100 mila chip.", "tra 80 e 100 mila", "80 e 100"),
    ("it", "Un piano da 1,5 miliardi di dollari.", "1,5 miliardi di dollari", "1,5"),
    ("en", "A $1.5 billion plan.", "$1.5 billion", "1.5"),
    ("en", "Shares rose +5% today.", "+5%", "+5"),
    ("it", "Erano trentasei.", "trentasei", "trentasei"),
    ("it", "Sono 36 o più.", "36 o più", "36"),
]


@pytest.mark.parametrize(("lang", "sentence", "expression", "numeral"), SPANS)
def test_spans(
    parsers: dict[str, NumberParser], lang: str, sentence: str, expression: str, numeral: str
) -> None:
    match = only(parsers[lang], sentence)
    start = sentence.index(expression)
    value_start = sentence.index(numeral, start)
    assert (match.start, match.end) == (start, start + len(expression))
    assert (match.value_start, match.value_end) == (value_start, value_start + len(numeral))


def test_exact_offsets(parsers: dict[str, NumberParser]) -> None:
    match = only(parsers["it"], "oltre 100.000 GPU")
    assert (match.start, match.end, match.value_start, match.value_end) == (0, 13, 6, 13)


def test_signs(parsers: dict[str, NumberParser]) -> None:
    up, down, minus = parsers["it"].find("Variazioni: +5%, -3% e −2,5%.")
    assert (up.value, up.signed, up.unit) == (5, True, "%")
    assert (down.value, down.signed, str(down.interval)) == (-3, True, "[-3.5, -2.5]")
    assert (minus.value, str(minus.interval)) == (-2.5, "[-2.55, -2.45]")
    assert not only(parsers["it"], "Cresce del 5%.").signed


def test_points_after_a_percentage_are_percentage_points(
    parsers: dict[str, NumberParser],
) -> None:
    text = "Il Pil è salito al 5%, tre punti in più."
    first, second = parsers["it"].find(text)
    assert first.unit == "%"
    assert (text[second.start : second.end], second.unit) == ("tre punti", "pp")
    alone = only(parsers["en"], "The team scored 3 points.")
    assert (alone.unit, alone.end - alone.start) == (None, 1)


def test_about_tolerance() -> None:
    parser = NumberParser(load_spec("en"), about_tolerance=0.2)
    assert str(only(parser, "about 100 people").interval) == "[80, 120]"


def test_empty_and_numberless_text(parsers: dict[str, NumberParser]) -> None:
    assert parsers["it"].find("") == []
    assert parsers["en"].find("No numbers here, none at all.") == []


def test_masked_text_keeps_offsets(parsers: dict[str, NumberParser]) -> None:
    text = "Vedi          il dato: 36 unità\nTrentasei righe."
    first, second = parsers["it"].find(text)
    assert text[first.start : first.end] == "36"
    assert text[second.start : second.end] == "Trentasei"


def test_a_language_is_data() -> None:
    spec = {
        "thousands": ["."],
        "decimal": ",",
        "qualifiers": {"over": ["mehr als", "über"]},
        "scales": {"millionen": 1000000},
        "units": {"%": ["%", "prozent"]},
        "words": {"values": {"drei": 3, "zwei": 2}, "multipliers": {"hundert": 100}},
    }
    parser = NumberParser(spec)
    match = only(parser, "Es gibt über 1,5 Millionen Nutzer.")
    assert (match.qualifier, match.value, match.unit) == ("over", 1.5e6, None)
    assert parser.find("dreihundert") == []  # this language does not glue number words
    assert only(parser, "Mehr als drei Prozent").interval == Interval(3, INF, True, True)
    with_fractions = NumberParser(
        {**spec, "fractions": {"values": {"zwei Drittel": "2/3"}, "links": ["der"]}}
    )
    share = only(with_fractions, "Über zwei Drittel der Chips")
    assert (share.qualifier, share.value, share.unit) == ("over", pytest.approx(66.6666666667), "%")


@pytest.mark.parametrize(
    "spec",
    [
        "not a mapping",
        {"thousands": ["."], "decimal": "."},
        {"thousands": ["."], "decimal": ",", "qualifiers": {"roughly": ["circa"]}},
        {"thousands": ["."], "decimal": ",", "scales": {"mila": "a thousand"}},
        {"thousands": "."},
        {"thousands": ["."], "decimal": ",", "fractions": {"values": {"metà": "1/0"}}},
        {"thousands": ["."], "decimal": ",", "fractions": {"values": {"doppio": 2}}},
        {"thousands": ["."], "decimal": ",", "fractions": {"values": {"metà": "half"}}},
        {"thousands": ["."], "decimal": ",", "fractions": ["metà"]},
    ],
)
def test_malformed_language_data(spec: Any) -> None:
    with pytest.raises(FactlintError):
        NumberParser(spec)


# --- Interval ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Interval(35.5, 36.5), Interval(36, 40), True),
        (Interval(35.5, 36.5), Interval(36.5, 40), True),  # closed ends touch
        (Interval(35.5, 36.5, high_open=True), Interval(36.5, 40), False),
        (Interval(35.5, 36.5), Interval(36.5, 40, low_open=True), False),
        (Interval(1, 2), Interval(3, 4), False),
        (Interval(100000, INF, True, True), Interval(99999.5, 100000.5), True),
        (Interval(100000, INF, True, True), Interval(99000, 100000), False),
        (Interval(-INF, 10, True, True), Interval(10, 20), False),
        (Interval(-INF, 10.5, True, False), Interval(10, 20), True),
        (Interval(-INF, INF, True, True), Interval(5, 5), True),
        (Interval(5, INF, False, True), Interval(-INF, 5, True, False), True),
        (Interval(5, INF, True, True), Interval(-INF, 5, True, False), False),
        (Interval(80000, 100000), Interval(81, 99), False),
    ],
)
def test_interval_overlaps(a: Interval, b: Interval, expected: bool) -> None:
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(35.5, 36.5), "[35.5, 36.5]"),
        (Interval(100000, INF, True, True), "(100000, inf)"),
        (Interval(-INF, 10, True, True), "(-inf, 10)"),
        (Interval(35.5, INF, False, True), "[35.5, inf)"),
        (Interval(3.45, 3.55), "[3.45, 3.55]"),
        (Interval(1.45e9, 1.55e9), "[1450000000, 1550000000]"),
    ],
)
def test_interval_str(interval: Interval, text: str) -> None:
    assert str(interval) == text


# --- properties -------------------------------------------------------------------------

# Pieces that reach every branch of the parser when glued together at random.
# fmt: off
FRAGMENTS = [
    *" \n\u00a0\u202f.,:/-–+−%'’($€°0123456789xHé",
    "36", "100", "2024", "1.5", "3,5", "100.000", "100,000", "1.000.000", "02", "12345678",
    "mila", " miliardi", " di dollari", " billion", "bn", "k", " per cento", " percent",
    " punti", " points", "oltre ", "più del ", "circa il ", "tra ", " e ", "over ", "between ",
    " and ", "about ", " o più", " or more", "e oltre", "trentasei", "thirty-six", "un ", "a ",
    "one ", "sei", "novembre ", "November ", "art. ", "No. ", "st", "GPT", "anni ", "Qwen",
]
# fmt: on


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(["it", "en"]),
    text=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=25).map("".join),
)
def test_find_never_fails_and_spans_are_sound(
    parsers: dict[str, NumberParser], lang: str, text: str
) -> None:
    previous_end = 0
    for match in parsers[lang].find(text):
        assert 0 <= match.start <= match.value_start < match.value_end <= match.end <= len(text)
        assert match.start >= previous_end
        previous_end = match.end
        assert match.interval.low <= match.interval.high
        assert match.qualifier in (None, "over", "at_least", "up_to", "under", "about", "between")


@settings(max_examples=200, deadline=None)
@given(
    lang=st.sampled_from(["it", "en"]),
    number=st.integers(min_value=0, max_value=10**15),
    separator=st.sampled_from(["locale", "\u00a0", "\u202f"]),
)
def test_thousands_round_trip(
    parsers: dict[str, NumberParser], lang: str, number: int, separator: str
) -> None:
    if separator == "locale":
        separator = "." if lang == "it" else ","
    written = f"{number:,}".replace(",", separator)
    sentence = f"Il conto: {written} pezzi." if lang == "it" else f"The count: {written} units."
    match = only(parsers[lang], sentence)
    assert match.value == number
    assert sentence[match.value_start : match.value_end] == written


def test_month_names_are_numbered() -> None:
    months = [["January", "Jan."], *([["x"]] * 7), ["September", "Sept."], *([["y"]] * 3)]
    numbered = month_numbers({"months": months})
    assert (numbered["Jan."], numbered["September"], numbered["Sept."]) == (1, 9, 9)


@pytest.mark.parametrize("months", [[["June"]] * 11, {"June": [6]}, [["June"]] * 11 + ["June"]])
def test_months_must_list_twelve_months(months: object) -> None:
    with pytest.raises(FactlintError, match=r"numbers\.months"):
        month_numbers({"months": months})
