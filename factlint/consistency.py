"""Cross-article consistency: find where articles of one corpus disagree, with no rule needed.

Every claim that can be compared becomes a `Comparable`: a key saying what it is about and
a value saying what it claims. Claims are grouped by key, and each group is swept once:
- quantities (value: an interval) are sorted by their ends, so the claims that disagree
  with one claim (intervals that do not overlap it) are found by bisection, nearest first;
- attributions and successions (value: an owner, a direction) are counted per value.
The cost is near O(N log N) in the number of claims; no two articles are compared pairwise.

Where most articles (at least two, more than half) agree, only the others are reported.
Where front matter dates differ, the older article gets a warning naming the newer one,
which may update the figure; the newer one is not reported for it. Two claims that are
both hedged or reported (estimates from different sources) are not a conflict, unless
both cite the same company ("Moonshot said", "secondo Moonshot"). Claims a
rule states the fact about are left to that rule.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from factlint.claims import (
    PLACE_TYPES,
    PRODUCT_TYPES,
    Assertion,
    Attribution,
    Claims,
    Quantity,
    Succession,
)
from factlint.document import Document, document_date
from factlint.entities import Entity
from factlint.findings import Finding, Related, Severity
from factlint.numbers import Interval
from factlint.periods import (
    LAST_MONTH,
    NUMBERED_HALVES,
    NUMBERED_QUARTERS,
    canonical,
    is_quarter,
    month_of,
    month_period,
    period_end,
)

KIND = "consistency"
# How many disagreeing claims a finding looks at (and cites, at most RELATED of them).
PARTNERS = 20
RELATED = 3
# Figures further apart than this factor count different things (per server vs in total),
# not one thing misstated: nobody writes 4 for 13,824.
MAGNITUDE = 10.0
# Units whose figures are shares of something: their subject must be named in their clause.
SHARE_UNITS = frozenset({"%", "pp", "bp"})
_COMPARED = frozenset({Assertion.PLAIN, Assertion.HEDGED, Assertion.REPORTED})


@dataclass(frozen=True, slots=True)
class Side:
    """Where one article makes a claim, and how."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    date: str | None
    plain: bool
    reported: bool
    # The company a reported claim is cited from: two articles citing one company for
    # different figures cannot both be right.
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Comparable:
    """A claim reduced to what is compared: key (what about), value (what is claimed)."""

    kind: str
    key: Hashable
    value: Interval | str
    says: str
    side: Side


Covered = Callable[[Attribution | Succession | Quantity], bool]


def owner_root(entity_id: str, entities: Mapping[str, Entity]) -> str:
    """The top of a company's parent chain: subsidiaries count as their group."""
    seen = {entity_id}
    while entities.get(entity_id) is not None and entities[entity_id].parent is not None:
        parent = entities[entity_id].parent
        assert parent is not None
        if parent in seen:
            break
        seen.add(parent)
        entity_id = parent
    return entity_id


def _side(
    doc: Document,
    start: int,
    end: int,
    date: str | None,
    assertion: Assertion,
    reported: bool,
    source: str | None = None,
) -> Side:
    line, column, end_line, end_column, text = doc.span(start, end)
    return Side(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=text,
        date=date,
        plain=assertion is Assertion.PLAIN,
        reported=reported,
        source=source,
    )


# Concepts that are a ratio by themselves: "Il margine operativo è salito al 41%" says
# what its percentage is of.
_RATIOS = frozenset({"gross-margin", "operating-margin", "utilisation"})


def quantity_key(
    quantity: Quantity, date: str | None = None, reported: str | None = None
) -> tuple[object, ...] | None:
    """What a quantity is about, or None when it is too vague to compare safely.

    The key is: the concepts it counts, the products it counts (and the company the
    shares, stake or investment it counts are in: "a 9.9% stake in Intel"), the unknown
    names in what it counts ("Ascend 910C"), the place named in its clause (or, for a
    number said of nothing, the nearest one before), what it is said of (the products,
    else the companies named before it), its unit, its year and the period it covers
    ("second quarter", "monthly": never the same figure as a year's). A figure for a
    period in no year the text names ("the quarter", "nel trimestre") is of the quarter
    the article is dated in (`date`, its front matter's), if it is dated, or the quarter
    the article names by its end date (`reported`, see `figure_keys`). A share ("13% of
    revenue") is compared only when its clause names what it is the share of, unless
    its concept is a ratio by itself (a margin, utilisation), or it is the share of a
    segment ("the automotive division accounted for 45% of revenue"), which is then a
    concept of the key.
    """
    if quantity.change or quantity.per_unit or len(quantity.years) > 1:
        return None
    of = tuple(
        sorted(
            {m.entity for m in quantity.of if m.type in PRODUCT_TYPES}
            | ({quantity.held_in} if quantity.held_in else set())
        )
    )
    # Something counted must be named: a concept ("nuovi data center") or a product ("H200").
    if not quantity.concepts and not of:
        return None
    if (
        quantity.number.unit in SHARE_UNITS
        and quantity.part is None
        and not quantity.concepts <= _RATIOS
        and not any(quantity.clause_start <= m.start < quantity.start for m in quantity.context)
    ):
        return None
    # A segment's share is of that segment ("the automotive division accounted for 45%").
    concepts = (
        quantity.concepts
        if quantity.part is None
        else quantity.concepts | {f"segment:{quantity.part}"}
    )
    # A subsidiary's figures are its own: Alibaba Cloud's revenue is not Alibaba's.
    who = tuple(sorted(set(quantity.subject)))
    # A place in the number's own words is its currency's ("dollari taiwanesi").
    places = [
        m
        for m in quantity.context
        if m.type in PLACE_TYPES and not quantity.start <= m.start < quantity.number.end
    ]
    in_clause = [m for m in places if quantity.clause_start <= m.start < quantity.clause_end]
    # A place named before the clause is where a count with no subject is ("Le aziende
    # cinesi sono pronte. I piani prevedono 36 nuovi data center"); never where a sum of
    # money or a share is ("Le aziende investono 51 miliardi" is said of no one).
    if in_clause or who or quantity.number.unit is not None:
        places = in_clause
    where = min(places, key=lambda m: abs(m.start - quantity.start)).entity if places else None
    # What the number is said of must be named: counting H800s in general says nothing.
    if not (where or who):
        return None
    year: int | str | None = quantity.years[0] if quantity.years else None
    periods = canonical(quantity.periods)
    # "Nell'intero esercizio 2025" is 2025, as "in fiscal 2025" is, and so is the year
    # the text says it ended ("l'esercizio 2025, chiuso il 28 settembre").
    if year is not None:
        periods = tuple(period for period in periods if not _a_year(period))
    if year is None and periods and date is not None:
        year, periods = _dated(periods, date, reported)
    return (
        tuple(sorted(concepts)),
        of,
        quantity.names,
        where,
        who,
        quantity.number.unit,
        year,
        periods,
    )


def _a_year(period: str) -> bool:
    """Whether a period is a year, whenever it ends ("year", "year-to-09")."""
    end = period_end(period)
    return period == "year" or (end is not None and end[0] == "year")


# Periods that say how a figure is counted, not what time it covers: "daily active users
# in the quarter" are counted a day at a time, over the quarter.
_RATES = frozenset({"day", "week", "month"})


def _dated(
    periods: tuple[str, ...], date: str, reported: str | None = None
) -> tuple[int | str, tuple[str, ...]]:
    """The year and periods of a figure for a period in no year its text names, in an
    article dated `date` (YYYY-MM-DD). A quarter becomes a numbered quarter of a year:
    "the quarter" is the last one ended (results come out after it), "the current
    quarter" the date's, "the second quarter" the last second quarter begun by then; so
    "nel trimestre" and "in the April-June quarter" of two August articles are one
    quarter. Halves likewise ("nel semestre" of an August article is its first half),
    and nine months are the last ended by then. A period to a month ("quarter-to-08") is
    the last one to end in that month by then, a month ("in October") the last such
    month, and "last month" the one before the date's; in an article that names the
    quarter it reports on so (`reported`: "the quarter ended Aug. 28"), "the quarter" is
    that one.
    Other periods are of the date's quarter. A rate beside a period is dated by that
    period ("utenti attivi giornalieri nel trimestre")."""
    rates = tuple(period for period in periods if period in _RATES)
    if rates and len(rates) < len(periods):
        year, dated = _dated(tuple(p for p in periods if p not in _RATES), date, reported)
        return year, tuple(sorted({*dated, *rates}))
    month = date[5:7]
    if not month.isdigit() or len(periods) != 1:
        return _date_quarter(date), periods
    year, current = int(date[:4]), (int(month) - 1) // 3 + 1
    half = (current + 1) // 2
    (period,) = periods
    end = period_end(period)
    if end is not None:
        return (year if end[1] <= int(month) else year - 1), periods
    named_month = month_of(period)
    if named_month is not None:
        return (year if named_month <= int(month) else year - 1), periods
    if period == LAST_MONTH:
        previous = int(month) - 1 or 12
        return (year if previous < int(month) else year - 1), (month_period(previous),)
    if period == "quarter" and reported is not None:
        return _dated(canonical((reported,)), date)
    if period == "quarter":
        number = current - 1 or 4
        return (year if current > 1 else year - 1), (f"q{number}",)
    if period == "current-quarter":
        return year, (f"q{current}",)
    if period in NUMBERED_QUARTERS:
        return (year if NUMBERED_QUARTERS[period] <= current else year - 1), (period,)
    if period == "half":
        return (year, ("h1",)) if half == 2 else (year - 1, ("h2",))
    if period in NUMBERED_HALVES:
        return (year if NUMBERED_HALVES[period] <= half else year - 1), (period,)
    if period == "nine-months":
        return (year if current == 4 else year - 1), periods
    return _date_quarter(date), periods


def _date_quarter(date: str) -> str:
    """The calendar quarter of a YYYY-MM-DD date ("2025-Q3"), or its year alone."""
    month = date[5:7]
    return f"{date[:4]}-Q{(int(month) - 1) // 3 + 1}" if month.isdigit() else date[:4]


def _reported_quarter(claims: Claims) -> str | None:
    """The quarter an article names by its end date, when it names one only ("the
    fiscal fourth quarter, which ended Aug. 28"): the one its results are for."""
    ended = {
        period
        for quantity in claims.quantities
        for period in quantity.periods
        if period_end(period) is not None and is_quarter(period)
    }
    return ended.pop() if len(ended) == 1 else None


def figure_keys(claims: Claims, date: str | None = None) -> list[tuple[object, ...] | None]:
    """The key of each quantity of a document dated `date` (see `quantity_key`), in order.

    Figures one sentence gives for the same key are set side by side on purpose ("31
    sistemi DGX H100, cioè 248 GPU H100", "424 miliardi di parametri, di cui 47 attivi"):
    where they disagree, none of them is compared.
    """
    reported = _reported_quarter(claims)
    keys = [quantity_key(quantity, date, reported) for quantity in claims.quantities]
    seen: dict[tuple[int, object], Interval] = {}
    clashing: set[tuple[int, object]] = set()
    for quantity, key in zip(claims.quantities, keys, strict=True):
        if key is None:
            continue
        where = (quantity.sentence, key)
        other = seen.setdefault(where, quantity.number.interval)
        if not other.overlaps(quantity.number.interval):
            clashing.add(where)
    return [
        None if key is None or (quantity.sentence, key) in clashing else key
        for quantity, key in zip(claims.quantities, keys, strict=True)
    ]


def comparables(
    doc: Document,
    claims: Claims,
    entities: Mapping[str, Entity],
    covered: Covered,
    *,
    reported: bool = True,
) -> list[Comparable]:
    """The claims of one document that can be compared with other articles."""
    date = document_date(doc)
    found: list[Comparable] = []
    for quantity, key in zip(claims.quantities, figure_keys(claims, date), strict=True):
        if quantity.assertion not in _COMPARED:
            continue
        if key is None or covered(quantity):
            continue
        side = _side(
            doc,
            quantity.start,
            quantity.phrase_end,
            date,
            quantity.assertion,
            reported,
            quantity.source,
        )
        found.append(
            Comparable("figure", ("figure", key), quantity.number.interval, side.text, side)
        )
    for attribution in claims.attributions:
        if attribution.assertion not in _COMPARED or covered(attribution):
            continue
        product = attribution.product.entity
        owner = owner_root(attribution.owner.entity, entities)
        side = _side(doc, attribution.start, attribution.end, date, attribution.assertion, reported)
        says = f"{_name(product, entities)} belongs to {entities[owner].name}"
        found.append(Comparable("attribution", ("attribution", product), owner, says, side))
    for succession in claims.successions:
        if succession.assertion not in _COMPARED or covered(succession):
            continue
        newer, older = succession.newer.entity, succession.older.entity
        side = _side(doc, succession.start, succession.end, date, succession.assertion, reported)
        says = f"{_name(newer, entities)} comes after {_name(older, entities)}"
        found.append(
            Comparable(
                "lineage", ("lineage", min(newer, older), max(newer, older)), newer, says, side
            )
        )
    return found


def _name(entity_id: str, entities: Mapping[str, Entity]) -> str:
    """An entity's name; a product no rule file lists is known by its name as written."""
    entity = entities.get(entity_id)
    return entity_id if entity is None else entity.name


def conflicts(items: Iterable[Comparable]) -> list[Finding]:
    """Findings for every reported claim that another claim of its group contradicts."""
    groups: dict[Hashable, list[Comparable]] = defaultdict(list)
    for item in items:
        groups[item.key].append(item)
    findings: list[Finding] = []
    for group in groups.values():
        if len(group) < 2 or not any(item.side.reported for item in group):
            continue
        if isinstance(group[0].value, Interval):
            sweep: _Group = _IntervalGroup(group)
        else:
            sweep = _ValueGroup(group)
        for item in group:
            if item.side.reported and not sweep.in_majority(item):
                finding = _finding(item, sweep.partners(item))
                if finding is not None:
                    findings.append(finding)
    return findings


class _Group:
    """A group of claims about one thing, indexed for finding disagreement."""

    def partners(self, item: Comparable) -> list[Comparable]:
        """Claims that disagree with `item`, nearest first (at most PARTNERS)."""
        raise NotImplementedError

    def in_majority(self, item: Comparable) -> bool:
        """Whether `item` agrees with a clear majority of the articles."""
        raise NotImplementedError


def _comparable_pair(a: Comparable, b: Comparable) -> bool:
    return a is not b and (
        a.side.plain
        or b.side.plain
        or (a.side.source is not None and a.side.source == b.side.source)
    )


def _size(value: Interval) -> float | None:
    """A representative magnitude of an interval: its middle, or its finite end."""
    finite = [end for end in (value.low, value.high) if abs(end) != float("inf")]
    if not finite:
        return None
    return abs(sum(finite) / len(finite))


def _same_magnitude(a: Interval, b: Interval) -> bool:
    """Whether two figures are close enough for one to be a misstatement of the other."""
    size_a, size_b = _size(a), _size(b)
    if not size_a or not size_b:
        return True
    return max(size_a, size_b) / min(size_a, size_b) <= MAGNITUDE


class _IntervalGroup(_Group):
    def __init__(self, items: Sequence[Comparable]) -> None:
        self.by_high = sorted(items, key=lambda i: _interval(i).high)
        self.highs = [_interval(i).high for i in self.by_high]
        self.by_low = sorted(items, key=lambda i: _interval(i).low)
        self.lows = [_interval(i).low for i in self.by_low]
        self.majority = _majority_region(items)

    def partners(self, item: Comparable) -> list[Comparable]:
        value = _interval(item)
        found: list[Comparable] = []
        # Claims entirely below: highest first; entirely above: lowest first.
        below = bisect.bisect_right(self.highs, value.low)
        # Walk outwards by index: no copy of the group, and a stop after PARTNERS.
        for index in range(below - 1, -1, -1):
            if len(found) >= PARTNERS:
                break
            other = self.by_high[index]
            if _comparable_pair(item, other) and self._disagree(value, _interval(other)):
                found.append(other)
        above = bisect.bisect_left(self.lows, value.high)
        for index in range(above, len(self.by_low)):
            if len(found) >= 2 * PARTNERS:
                break
            other = self.by_low[index]
            if _comparable_pair(item, other) and self._disagree(value, _interval(other)):
                found.append(other)
        return found

    @staticmethod
    def _disagree(a: Interval, b: Interval) -> bool:
        return not a.overlaps(b) and _same_magnitude(a, b)

    def in_majority(self, item: Comparable) -> bool:
        if self.majority is None:
            return False
        return _interval(item).overlaps(self.majority)


def _interval(item: Comparable) -> Interval:
    assert isinstance(item.value, Interval)
    return item.value


def _majority_region(items: Sequence[Comparable]) -> Interval | None:
    """Values most articles' intervals contain, if at least two and over half of them do:
    the stretch between the event that opens the largest overlap and the next one (a
    stretch, not a point, so that "more than 300,000" twice agrees though 300,000 itself
    is in neither)."""
    events: list[tuple[float, int, str]] = []
    for item in items:
        value = _interval(item)
        events.append((value.low, 0, item.side.path))
        events.append((value.high, 1, item.side.path))
    events.sort()
    articles = len({item.side.path for item in items})
    open_counts: dict[str, int] = defaultdict(int)
    best, region = 0, None
    for index, (point, closing, path) in enumerate(events):
        if closing:
            open_counts[path] -= 1
            if not open_counts[path]:
                del open_counts[path]
        else:
            open_counts[path] += 1
            if len(open_counts) > best:
                best, region = len(open_counts), Interval(point, events[index + 1][0])
    if best >= 2 and best * 2 > articles:
        return region
    return None


class _ValueGroup(_Group):
    def __init__(self, items: Sequence[Comparable]) -> None:
        self.by_value: dict[object, list[Comparable]] = defaultdict(list)
        for item in items:
            self.by_value[item.value].append(item)
        articles = {
            value: len({i.side.path for i in group}) for value, group in self.by_value.items()
        }
        total = len({item.side.path for item in items})
        top = max(articles, key=lambda value: articles[value])
        self.majority = top if articles[top] >= 2 and articles[top] * 2 > total else None

    def partners(self, item: Comparable) -> list[Comparable]:
        found: list[Comparable] = []
        for value, group in self.by_value.items():
            if value == item.value:
                continue
            for other in group:
                if _comparable_pair(item, other):
                    found.append(other)
                    if len(found) == PARTNERS:
                        return found
        return found

    def in_majority(self, item: Comparable) -> bool:
        return self.majority is not None and item.value == self.majority


def _finding(item: Comparable, partners: Sequence[Comparable]) -> Finding | None:
    """The finding for `item` against the claims that disagree with it, if any is due."""
    if not partners:
        return None
    side = item.side
    newer = [p for p in partners if side.date and p.side.date and p.side.date > side.date]
    older = [p for p in partners if side.date and p.side.date and p.side.date < side.date]
    # By identity: comparing the claims field by field costs more than the whole sweep.
    dated = {id(p) for p in newer} | {id(p) for p in older}
    same = [p for p in partners if id(p) not in dated]
    # Other articles first, then other places in this one.
    same.sort(key=lambda p: p.side.path == side.path)
    if same:
        cited, severity = same, Severity.ERROR if side.plain else Severity.WARNING
        first = cited[0].side
        where = (
            "earlier in this article"
            if first.path == side.path
            else f"in {first.path}:{first.line}"
        )
        message = _disagreement(item, cited[0], where)
    elif newer:
        cited, severity = (
            sorted(newer, key=lambda p: p.side.date or "", reverse=True),
            Severity.WARNING,
        )
        first = cited[0].side
        message = (
            f"{_quote(item)} may be out of date: the newer article {first.path} "
            f"({first.date}) says {_quote(cited[0])} (line {first.line})"
        )
    else:
        return None  # only older articles disagree: this one updates them
    if len(cited) > 1:
        message += f", and {len(cited) - 1} more"
    related = tuple(
        Related(
            p.side.path,
            p.side.line,
            p.side.column,
            f"says {_quote(p)}" + (f" ({p.side.date})" if p.side.date else ""),
        )
        for p in cited[:RELATED]
    )
    return Finding(
        path=side.path,
        line=side.line,
        column=side.column,
        end_line=side.end_line,
        end_column=side.end_column,
        rule=f"{KIND}.{item.kind}",
        kind=KIND,
        severity=severity,
        message=message,
        source=None,
        suggestion=None,
        related=related,
        text=side.text,
    )


def _quote(item: Comparable) -> str:
    return f"“{item.side.text}”"


def _disagreement(item: Comparable, other: Comparable, where: str) -> str:
    if item.kind == "figure":
        return f"{_quote(item)} disagrees with {_quote(other)} {where}"
    return f"here {item.says}, but {where} {other.says}"
