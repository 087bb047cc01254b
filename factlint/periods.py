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
_WORDS = re.compile(r"[\w'’]+")
_ENDED = re.compile(r"(?P<span>[a-z-]+)-to-(?P<month>\d\d)")
# A month a figure is for ("in October", "a ottobre") is "month-10"; "last month" is the
# month before the article's date.
_MONTH = re.compile(r"month-(?P<month>\d\d)")
LAST_MONTH = "last-month"
# A day right after a month makes it a date, not a period ("in October 5").
_DAY_AFTER = re.compile(r"\s+\d{1,2}(?!\d)")
_WORD_BEFORE = re.compile(r"[^\W\d]+(?:['’])?\s+$")


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
    # The words before a month's cue that make it no period ("fino a ottobre", "starting
    # in October"); a month name there makes a range ("da luglio a settembre").
    not_after: frozenset[str] = frozenset()
    # The months the language writes with a capital ("May"), lower-cased.
    capitalised: frozenset[str] = frozenset()
    # The words between a part of a year and that year ("the first half of the fiscal
    # year"): the two phrases are one period, the part.
    of_year: frozenset[str] = frozenset()

    def find(self, masked: str, lowered: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, period) of every period phrase in [start, end) of a text (`masked`,
        and `lowered`, its lower case). A phrase followed by the day its period ended
        reaches to that date, and its period is "<span>-to-<month>" ("quarter-to-07"); a
        month's cue and name ("in October") are "month-10"."""
        if self.pattern is None:
            return []
        found: list[tuple[int, int, str]] = []
        months: list[re.Match[str]] = []
        by_month = self.by_month
        for m in self.pattern.finditer(lowered, start, end):
            if by_month and m.start("month") >= 0:
                months.append(m)
            else:
                found.append((m.start(), m.end(), self.meaning[phrase_key(m.group(0))]))
        if months:
            # A month that opens a phrase ("in January-March", "in January to March") is
            # that phrase's.
            opening = {phrase_start for phrase_start, _, _ in found}
            found.extend(
                (m.start(), m.end("month"), month_period(self.months[m.group("month")]))
                for m in months
                if m.start("month") not in opening and self._names_month(masked, lowered, m)
            )
            found.sort()
        if self.of_year and any(label == "year" for _, _, label in found[1:]):
            found = self._parts_of_years(lowered, found)
        if self.ends is not None and any(label in SPANS for _, _, label in found):
            for date in self.ends.finditer(masked, start, end):
                # "Il trimestre chiuso a settembre": the month ends the quarter.
                found = [
                    phrase
                    for phrase in found
                    if phrase[1] <= date.start()
                    or date.end() <= phrase[0]
                    or not _MONTH.fullmatch(phrase[2])
                ]
                self._end(found, masked, date)
        return found

    def _parts_of_years(
        self, lowered: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """`found` (in order) with each part of a year reaching over the year it names
        as its own: "first half of the fiscal year" and "primo semestre dell'esercizio"
        are one phrase, a half, not a half and a year."""
        kept = found[:1]
        for phrase in found[1:]:
            start, end, label = phrase
            previous_start, previous_end, previous = kept[-1]
            if (
                label == "year"
                and SPANS.get(previous) in ("quarter", "half", "nine-months")
                and all(
                    phrase_key(word) in self.of_year
                    for word in _WORDS.findall(lowered, previous_end, start)
                )
            ):
                kept[-1] = (previous_start, end, previous)
                continue
            kept.append(phrase)
        return kept

    @property
    def by_month(self) -> bool:
        """Whether `pattern` finds months' cues too (see `month_source`)."""
        return self.pattern is not None and "month" in self.pattern.groupindex

    def _names_month(self, masked: str, lowered: str, cue: re.Match[str]) -> bool:
        """Whether a cue and a month ("in October") name the month a figure is for: the
        month written as the language writes it ("in may" is no month), not a date's ("in
        October 5"), nor after a word that makes it a limit or a range."""
        start, end = cue.start(), cue.end("month")
        if cue.group("month") in self.capitalised and not masked[cue.start("month")].isupper():
            return False
        if _DAY_AFTER.match(masked, end):
            return False
        before = _WORD_BEFORE.search(lowered, max(0, start - 24), start)
        if before is None:
            return True
        word = before.group(0).strip().rstrip("'’")
        return word not in self.not_after and word not in self.months

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
    """A language's period words: `pattern` finds its period phrases (and the cues of
    `month_source`), `meaning` labels them, and `data` (the language file) gives the cues
    before an end date (`period_ends`), the month names (`numbers.months`, see
    `month_numbers`), the ordinal marks after a day (`numbers.ordinals`), the words
    that make a month after them no period (`month_not_after`), and those between a part
    of a year and that year (`period_of_year`)."""
    numbers = data.get("numbers") or {}
    months = month_numbers(numbers)
    cues = [str(cue) for cue in _listed(data.get("period_ends"))]
    ordinals = [str(mark) for mark in _listed(numbers.get("ordinals"))]
    ends = compile(_end_source(cues, months, ordinals)) if cues and months else None
    return PeriodWords(
        pattern,
        meaning,
        ends,
        {name.lower(): n for name, n in months.items()},
        frozenset(phrase_key(str(word)) for word in _listed(data.get("month_not_after"))),
        frozenset(name.lower() for name in months if name[:1].isupper()),
        frozenset(phrase_key(str(word)) for word in _listed(data.get("period_of_year"))),
    )


def month_source(data: Mapping[str, Any]) -> str | None:
    """The source of a regex for the cues before a month's name that make it the month
    a figure is for ("in October", "a ottobre"): a cue of the language file's
    `month_cues`, then the month's full name (the first of `numbers.months`) ahead, as
    group "month". The name stays unmatched: it may open a period ("in January-March")."""
    cues = [phrase_key(str(cue)) for cue in _listed(data.get("month_cues"))]
    months = [
        str(names[0]).lower()
        for names in (data.get("numbers") or {}).get("months") or []
        if isinstance(names, list | tuple) and names
    ]
    if not cues or len(months) != 12:
        return None
    spaced = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in longest_first(cues))
    names = "|".join(map(re.escape, longest_first(months)))
    return rf"(?:{spaced})(?=\s+(?P<month>{names})(?!\w))"


def is_month(period: str) -> bool:
    """Whether a period is one month, named or the last ("month-10", "last-month")."""
    return period == LAST_MONTH or _MONTH.fullmatch(period) is not None


def month_period(month: int) -> str:
    """The period of one month, by its number (10 -> "month-10")."""
    return f"month-{month:02d}"


def recent_months(date: str | None) -> frozenset[str] | None:
    """The months an article dated `date` (YYYY-MM-DD) may call recent: its own, the one
    before, and "last month"; None for an undated article."""
    if date is None or not date[5:7].isdigit() or not 1 <= int(date[5:7]) <= 12:
        return None
    month = int(date[5:7])
    return frozenset({month_period(month), month_period((month - 2) % 12 + 1), LAST_MONTH})


def month_of(period: str) -> int | None:
    """The month a "month-MM" period is for, or None for any other period."""
    match = _MONTH.fullmatch(period)
    return None if match is None else int(match.group("month"))


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
