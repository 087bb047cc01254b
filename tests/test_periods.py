"""Periods named by the day they ended (the period to that month, fiscal or calendar), and
months a figure is for."""

from __future__ import annotations

import pytest

from factlint.periods import (
    canonical,
    is_month,
    is_quarter,
    month_of,
    month_period,
    period_end,
    recent_months,
)
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
        ("quarter-to-07",),
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


# (language, sentence, the number, its periods)
MONTHS = [
    # a month's deliveries or sales, the month before or after the number
    ("en", "The carmaker delivered 36,400 vehicles in October.", "36,400", ("month-10",)),
    ("en", "In September, Nio delivered a record 34,749 vehicles.", "34,749", ("month-09",)),
    (
        "en",
        "Foxconn's revenue for the month of October rose 11% to NT$894 billion.",
        "NT$894",
        ("month-10",),
    ),
    ("en", "BYD sold 441,706 vehicles last month.", "441,706", ("last-month",)),
    # a month that opens a sentence after another
    (
        "en",
        "The monthly figures point the same way. In the month of September, Foxconn's "
        "revenue reached NT$835.5 billion, and the company expects more.",
        "NT$835.5",
        ("month-09",),
    ),
    ("it", "A ottobre Xpeng ha consegnato 42.013 veicoli.", "42.013", ("month-10",)),
    ("it", "Le consegne di settembre sono state 41.581.", "41.581", ("month-09",)),
    ("it", "Il mese scorso Nio ha consegnato 40.397 veicoli.", "40.397", ("last-month",)),
    ("it", "Nel mese di agosto BYD ha venduto 373.626 veicoli.", "373.626", ("month-08",)),
    # a month before, said of the number it follows
    (
        "en",
        "Xpeng delivered 42,013 vehicles in October, up from 41,581 a month earlier.",
        "41,581",
        ("month-ago",),
    ),
    # a month in another clause is when something else happened
    (
        "en",
        "Licences were granted in July, after Huang met Trump, in an arrangement under "
        "which the U.S. government will receive 15% of the revenue from the sales.",
        "15%",
        (),
    ),
    # the months of a year to date
    (
        "en",
        "Deliveries in the first ten months of the year reached 355,209.",
        "355,209",
        ("ytd-to-10",),
    ),
    ("it", "Nei primi dieci mesi le consegne sono state 355.209.", "355.209", ("ytd-to-10",)),
    # a level at a moment, or a deal, is dated by its month, not split by it
    (
        "it",
        "I ricavi annualizzati di Anthropic hanno superato i 5 miliardi di dollari ad agosto.",
        "5",
        (),
    ),
    ("en", "In September, Anthropic was valued at $183 billion.", "$183", ()),
    # no month: a modal verb, a date, a limit, a range, the month a quarter ended in
    ("en", "Sales in may rise to 40,000 vehicles.", "40,000", ()),
    ("en", "On October 5 the company delivered 3,000 vehicles.", "3,000", ()),
    ("en", "Starting in October, the plant will make 5,000 cars a week.", "5,000", ("week",)),
    ("it", "Fino a ottobre Nio ha consegnato 250.000 veicoli.", "250.000", ()),
    ("it", "Da luglio a settembre Nio ha consegnato 87.071 veicoli.", "87.071", ("q3",)),
    (
        "it",
        "I ricavi del trimestre chiuso a settembre sono stati di 5 miliardi di euro.",
        "5",
        ("quarter-to-09",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "periods"), MONTHS)
def test_a_month_a_figure_is_for(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert tuple(sorted(quantity_in(linter, text, lang, number).periods)) == periods


def test_a_month_named_sentences_before_is_not_the_period_carried_on(linter) -> None:
    text = (
        "TSMC posted a 61% jump in second-quarter profit on Thursday. Revenue was above the "
        "range of $28.4 billion to $29.2 billion it gave in April. Gross margin came in at 58.6%."
    )
    assert quantity_in(linter, text, "en", "58.6%").periods == ("q2",)


@pytest.mark.parametrize(
    ("period", "month", "one_month"),
    [
        ("month-10", 10, True),
        ("last-month", None, True),
        ("month-ago", None, False),
        ("month", None, False),
        ("ytd-to-10", None, False),
    ],
)
def test_month_of(period: str, month: int | None, one_month: bool) -> None:
    assert (month_of(period), is_month(period)) == (month, one_month)


@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_s_period_names_its_month(month: int) -> None:
    assert month_of(month_period(month)) == month
    assert is_month(month_period(month))


@pytest.mark.parametrize(
    ("date", "recent"),
    [
        ("2025-09-03", {"month-09", "month-08", "last-month"}),
        # January's month before is December
        ("2026-01-15", {"month-01", "month-12", "last-month"}),
        # an undated article, or a date with no month, makes no month recent
        (None, None),
        ("2025", None),
        ("2025-13-01", None),
    ],
)
def test_recent_months(date: str | None, recent: set[str] | None) -> None:
    assert recent_months(date) == (None if recent is None else frozenset(recent))


@pytest.mark.parametrize(
    ("date", "text", "number", "periods"),
    [
        # a month well before the article's date is an earlier event's
        (
            "2025-09-03",
            "A marzo Anthropic aveva raccolto 3,5 miliardi di dollari in un round di serie E.",
            "3,5",
            ("month-03",),
        ),
        ("2025-09-03", "In March, Anthropic was valued at $61.5 billion.", "$61.5", ("month-03",)),
        # the article's month, or the one before, only dates today's figure
        ("2025-09-03", "In September, Anthropic was valued at $183 billion.", "$183", ()),
        (
            "2025-09-03",
            "Ad agosto la valutazione di Anthropic ha raggiunto 183 miliardi di dollari.",
            "183",
            (),
        ),
    ],
)
def test_a_month_well_before_the_article_dates_an_earlier_event(
    linter, date: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    lang = "it" if " di " in text else "en"
    dated = f"---\ndate: {date}\nlang: {lang}\n---\n\n{text}\n"
    assert quantity_in(linter, dated, lang, number).periods == periods


@pytest.mark.parametrize(
    ("lang", "text", "number", "periods"),
    [
        # a part of a year and that year are one period, the part
        (
            "en",
            "Net sales more than doubled to 1.10 trillion yen in the first half of the fiscal "
            "year.",
            "1.10",
            ("h1",),
        ),
        (
            "it",
            "I ricavi del primo semestre dell'esercizio sono saliti a 967 miliardi di yen.",
            "967",
            ("h1",),
        ),
        # either apostrophe
        (
            "it",
            "I ricavi del primo semestre dell’anno fiscale sono saliti a 967 miliardi di yen.",
            "967",
            ("h1",),
        ),
        # two periods a conjunction joins stay two
        (
            "it",
            "Nel primo semestre e nell'intero esercizio i ricavi saliranno a 967 miliardi di yen.",
            "967",
            ("h1", "year"),
        ),
    ],
)
def test_a_part_of_a_year_is_not_the_year(
    linter, lang: str, text: str, number: str, periods: tuple[str, ...]
) -> None:
    assert tuple(sorted(quantity_in(linter, text, lang, number).periods)) == periods


@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        (
            "en",
            "Revenue for the first half of the fiscal year rose.",
            "first half of the fiscal year",
        ),
        (
            "it",
            "I ricavi del primo semestre dell'esercizio sono saliti.",
            "primo semestre dell'esercizio",
        ),
    ],
)
def test_a_part_of_a_year_reaches_over_the_year(linter, lang: str, text: str, phrase: str) -> None:
    found = linter.extractor.tools(lang).periods.find(text, text.lower(), 0, len(text))
    assert [(text[start:end], period) for start, end, period in found] == [(phrase, "h1")]
