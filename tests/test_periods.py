"""Periods named by the day they ended: the period to that month, fiscal or calendar."""

from __future__ import annotations

import pytest

from factlint.periods import canonical, is_quarter, period_end
from tests.conftest import quantity_in

# (language, sentence, the number, its periods)
ENDED = [
    # a fiscal quarter named by its end date, in wire copy and in an aside
    (
        "en",
        "Revenue for the fiscal second quarter ended July 27 rose to $46.74 billion.",
        "$46",
        ("quarter-to-07",),
    ),
    (
        "en",
        "Revenue for the fiscal fourth quarter, which ended Aug. 28, rose 46% to $11.32 billion.",
        "$11",
        ("quarter-to-08",),
    ),
    (
        "en",
        "Micron said revenue for the quarter ended Aug. 28 reached $9.8 billion.",
        "$9.8",
        ("quarter-to-08",),
    ),
    (
        "en",
        "Revenue in the three months to June 30 was $2 billion, the half-year to June 30 $4 billion.",
        "$4",
        ("half-to-06",),
    ),
    (
        "it",
        "I ricavi del quarto trimestre fiscale, chiuso il 28 agosto, sono saliti a 11,32 miliardi di dollari.",
        "11,32",
        ("quarter-to-08",),
    ),
    (
        "it",
        "I ricavi del trimestre, chiuso il 27 luglio, sono saliti a 46,7 miliardi di dollari.",
        "46,7",
        ("quarter-to-07",),
    ),
    (
        "it",
        "Nel semestre al 30 giugno l'utile netto è stato di 4,2 miliardi di euro.",
        "4,2",
        ("half-to-06",),
    ),
    (
        "it",
        "Nei nove mesi chiusi al 30 settembre i ricavi sono stati di 9 miliardi.",
        "9",
        ("nine-months-to-09",),
    ),
    # months from January are a half or nine months
    (
        "en",
        "CATL's net profit for the January-September period rose to 49.03 billion yuan.",
        "49.03",
        ("nine-months",),
    ),
    (
        "it",
        "Da gennaio a giugno l'utile netto di CATL è salito a 30,49 miliardi di yuan.",
        "30,49",
        ("h1",),
    ),
    # the quarter, not the fiscal year named between it and the date
    (
        "it",
        "Nel secondo trimestre dell'esercizio fiscale 2026, chiuso il 27 luglio, i ricavi sono stati di 46,7 miliardi di dollari.",
        "46,7",
        ("quarter-to-07", "year"),
    ),
    # "May" is a month, "may" a verb; a number between is no date's
    ("en", "Revenue for the quarter to may rise to $5 billion.", "$5", ("quarter",)),
    ("en", "Sales in the quarter rose 5% to March levels of $3 billion.", "$3", ("quarter",)),
    # the previous quarter, ended when it did, is still the previous quarter
    (
        "en",
        "Revenue was $9.3 billion in the previous quarter, which ended May 29.",
        "$9.3",
        ("previous-quarter",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "periods"), ENDED)
def test_a_period_named_by_the_day_it_ended(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).periods == periods


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("quarter-to-07", ("quarter", 7)),
        ("nine-months-to-09", ("nine-months", 9)),
        ("q2", None),
        ("year-ago", None),
    ],
)
def test_period_end(period: str, end: tuple[str, int] | None) -> None:
    assert period_end(period) == end


def test_the_period_the_sentences_before_name(linter) -> None:
    text = (
        "Micron Technology ha chiuso l'esercizio fiscale con un trimestre record. I ricavi "
        "del quarto trimestre fiscale, chiuso il 28 agosto, sono saliti a 11,32 miliardi di "
        "dollari, contro i 7,75 miliardi dello stesso periodo dell'anno precedente. L'utile "
        "netto è stato di 2,71 miliardi di dollari."
    )
    quantity = quantity_in(linter, text, "it", "2,71")
    assert (quantity.subject, quantity.periods) == (("micron",), ("quarter-to-08",))


def test_a_quarter_named_by_its_end_date_is_the_fiscal_one_named_before(linter) -> None:
    text = (
        "Nvidia ha chiuso il secondo trimestre dell'esercizio fiscale 2026 con ricavi "
        "superiori alle attese. I ricavi del trimestre, chiuso il 27 luglio, sono saliti a "
        "46,7 miliardi di dollari. L'utile netto è stato di 26,4 miliardi di dollari."
    )
    assert quantity_in(linter, text, "it", "26,4").periods == ("quarter-to-07",)


@pytest.mark.parametrize(
    ("periods", "named"),
    [
        (("6 mesi", "h1"), ("h1",)),
        (("q2", "quarter"), ("q2",)),
        (("quarter-to-06",), ("q2",)),
        (("q2", "quarter", "quarter-to-07", "year"), ("quarter-to-07",)),
        (("half-to-12",), ("h2",)),
        (("q1", "year"), ("q1",)),
        (("q1", "q2"), ("q1", "q2")),
    ],
)
def test_one_name_for_each_period(periods: tuple[str, ...], named: tuple[str, ...]) -> None:
    assert canonical(periods) == named


@pytest.mark.parametrize(
    ("period", "quarter"),
    [
        ("q2", True),
        ("quarter", True),
        ("quarter-to-08", True),
        ("half-to-06", False),
        ("previous-quarter", False),
        ("year", False),
    ],
)
def test_is_quarter(period: str, quarter: bool) -> None:
    assert is_quarter(period) is quarter
