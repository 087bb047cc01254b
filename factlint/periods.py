"""The periods figures cover, as a language names them: "nel secondo trimestre", "monthly",
and periods named by the day they ended ("the fiscal fourth quarter, which ended Aug. 28",
"il trimestre chiuso il 27 luglio"), which are the periods to that month whatever a
company's fiscal calendar calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factlint.language import phrase_key
from factlint.lazyregex import Compile, longest_first
from factlint.numbers import month_numbers

# The periods a phrase names that an end date makes the period to that month, by what
# they span. "The previous quarter, which ended in June" is not the quarter to June.
SPANS = {
    "q1": "quarter",
    "q2": "quarter",
    "q3": "quarter",
    "q4": "quarter",
    "quarter": "quarter",
    "h1": "half",
    "h2": "half",
    "half": "half",
    "nine-months": "nine-months",
    "trailing-year": "trailing-year",
    "year": "year",
}
# How far before its end date a period phrase may end ("quarter of fiscal 2026, which
# ended July 27").
_END_REACH = 32
# What may stand between a period and its end date: words, commas, a year; no other
# number and no sentence punctuation ("the quarter rose 5% to March levels" has an end
# date for no period).
_GAP = re.compile(r"(?:[^\W\d]|[\s,'’-]|(?<!\d)(?:19|20)\d\d(?!\d))*")
_ENDED = re.compile(r"(?P<span>[a-z-]+)-to-(?P<month>\d\d)")


# Quarters named by their number ("second quarter", "April-June").
NUMBERED_QUARTERS = {f"q{n}": n for n in range(1, 5)}
NUMBERED_HALVES = {"h1": 1, "h2": 2}
# Spans of time that are a report's period ("in the six months to June").
_SPAN_PERIODS = {"3 mesi": "quarter", "6 mesi": "half"}
# A period a numbered one names again ("the April-June quarter", "il primo semestre").
_GENERAL = {"quarter": NUMBERED_QUARTERS, "half": NUMBERED_HALVES}
# Periods named by the month they ended in that are a calendar period.
_CALENDAR_ENDS = {
    **{("quarter", 3 * n): f"q{n}" for n in range(1, 5)},
    ("half", 6): "h1",
    ("half", 12): "h2",
    ("nine-months", 9): "nine-months",
    ("year", 12): "year",
}


@dataclass(frozen=True)
class PeriodWords:
    """A language's words for the period a figure covers, and for the day it ended."""

    pattern: re.Pattern[str] | None
    meaning: Mapping[str, str]
    # A cue and a date ("ended July 27", "chiuso il 27 luglio"), matched on the text as
    # written: "May" is a month, "may" not.
    ends: re.Pattern[str] | None
    months: Mapping[str, int]

    def find(self, masked: str, lowered: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, period) of every period phrase in [start, end) of a text (`masked`,
        and `lowered`, its lower case). A phrase followed by the day its period ended
        reaches to that date, and its period is "<span>-to-<month>" ("quarter-to-07")."""
        if self.pattern is None:
            return []
        found = [
            (m.start(), m.end(), self.meaning[phrase_key(m.group(0))])
            for m in self.pattern.finditer(lowered, start, end)
        ]
        if self.ends is not None and any(label in SPANS for _, _, label in found):
            for date in self.ends.finditer(masked, start, end):
                self._end(found, masked, date)
        return found

    def _end(self, found: list[tuple[int, int, str]], masked: str, date: re.Match[str]) -> None:
        """Give the period phrase right before `date` the month it ended in. A year
        between them is the fiscal year of the quarter named before it ("nel secondo
        trimestre dell'esercizio 2026, chiuso il 27 luglio")."""
        before = [
            i
            for i, (_, phrase_end, _) in enumerate(found)
            if phrase_end <= date.start()
            and date.start() - phrase_end <= _END_REACH
            and _GAP.fullmatch(masked, phrase_end, date.start())
        ]
        if not before or found[before[-1]][2] not in SPANS:
            return
        chosen = before[-1]
        if found[chosen][2] == "year" and len(before) > 1 and found[before[-2]][2] in SPANS:
            chosen = before[-2]
        month = self.months[(date.group("month") or date.group("month_first")).lower()]
        phrase_start, _, label = found[chosen]
        found[chosen] = (phrase_start, date.end(), f"{SPANS[label]}-to-{month:02d}")


def period_end(period: str) -> tuple[str, int] | None:
    """What a period named by its end date spans, and the month it ended in
    ("quarter-to-07" -> ("quarter", 7)); None for any other period."""
    match = _ENDED.fullmatch(period)
    return None if match is None else (match.group("span"), int(match.group("month")))


def is_quarter(period: str) -> bool:
    """Whether a period is one quarter ("q2", "quarter", "quarter-to-08")."""
    end = period_end(period)
    return (end[0] if end is not None else SPANS.get(period)) == "quarter"


def canonical(periods: tuple[str, ...]) -> tuple[str, ...]:
    """One name for each period: a span of three or six months is a quarter or a half,
    and "quarter" or "half" beside a numbered one, or "year" beside any other, adds
    nothing ("nei primi sei mesi" is h1 and a half). A period named by the month it
    ended in is the calendar one that ends then ("the quarter ended June 30" is the
    second quarter); any other is the period to that month, whatever number a fiscal
    calendar gives it ("the fiscal second quarter ended July 27" is no second quarter)."""
    named = set()
    for period in periods:
        period = _SPAN_PERIODS.get(period, period)
        end = period_end(period)
        named.add(period if end is None else _CALENDAR_ENDS.get(end, period))
    for general, numbered in _GENERAL.items():
        if general in named and not named.isdisjoint(numbered):
            named.discard(general)
    for period in tuple(named):
        end = period_end(period)
        if end is not None:
            named -= {end[0], *_GENERAL.get(end[0], ())}
    # "The first quarter of the fiscal year" is a quarter.
    if len(named) > 1:
        named.discard("year")
    return tuple(sorted(named))


def period_words(
    pattern: re.Pattern[str] | None,
    meaning: Mapping[str, str],
    data: Mapping[str, Any],
    compile: Compile,
) -> PeriodWords:
    """A language's period words: `pattern` finds its period phrases, `meaning` labels
    them, and `data` (the language file) gives the cues before an end date
    (`period_ends`), the month names (`numbers.months`, see `month_numbers`) and the
    ordinal marks after a day (`numbers.ordinals`)."""
    numbers = data.get("numbers") or {}
    months = month_numbers(numbers)
    cues = [str(cue) for cue in _listed(data.get("period_ends"))]
    ordinals = [str(mark) for mark in _listed(numbers.get("ordinals"))]
    ends = compile(_end_source(cues, months, ordinals)) if cues and months else None
    return PeriodWords(pattern, meaning, ends, {name.lower(): n for name, n in months.items()})


def _listed(value: object) -> Iterable[object]:
    return value if isinstance(value, list | tuple) else ()


def _end_source(cues: list[str], months: Mapping[str, int], ordinals: list[str]) -> str:
    """A regex for a cue and the date after it: "ended July 27", "ended Aug. 28, 2025",
    "chiuso il 27 luglio", "ended in June", "to June 30"."""
    spelt = {*months, *(name[:1].upper() + name[1:] for name in months if name[:1].islower())}
    month = "|".join(re.escape(name) for name in longest_first(spelt))
    cue = "|".join(
        r"\s+".join(re.escape(word) for word in phrase.lower().split())
        for phrase in longest_first({c.strip() for c in cues if c.strip()})
    )
    ordinal = "|".join(re.escape(mark) for mark in longest_first(set(ordinals)))
    day = rf"\d{{1,2}}(?:{ordinal})?" if ordinal else r"\d{1,2}"
    return (
        rf"(?i:(?<!\w)(?:{cue}))\s+"
        rf"(?:{day}\s+(?P<month>{month})|(?P<month_first>{month})(?:\s+{day})?)"
        r"(?![^\W\d])"
    )
