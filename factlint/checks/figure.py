"""figure: a numeric fact, with what it counts, what it is about and its tolerance.

Flags numbers that contradict the fact ("63 nuovi data center" where the plan has 36;
"il 60% delle terre rare" where China refines about 90%) and accepts compatible ones:
every number is an interval set by its precision and qualifier, and two agree when their
intervals overlap ("oltre 100.000" and "più di 100 mila"; "circa il 90%" and "88%").

A number is only compared with a fact when it is the same quantity:
- `counts`: phrases, one of which must follow the number ("nuovi data center");
- `unit`: "%", "pp", a currency code, or absent for counts;
- `of`: entities that must stand in the counted phrase ("GPU NVIDIA H200"); another
  entity of the same type there ("GPU H100 e H200") makes it a different quantity;
- `where`: the place or subject: the nearest entity of that type to the number (in its
  sentence or the two before) must be one of these, and one must be there;
- `context`: words or stems, one of which its sentence or the one before must contain
  ("raffina", "refin", "data center");
- `unless`: words that make it another quantity when they stand in the number's clause
  ("estrazione", "mining", "totali");
- `years`: the years the fact holds for; a sentence that names only other years is about
  another time.
Changes ("in calo del 5%") and per-unit counts ("otto GPU ciascuno") are never compared.

Options: `value` with `qualifier` (exact, about, over, at_least, up_to, under) and
`tolerance` (a fraction), or `min` and `max`; `fact`, the fact in words.
Message placeholders: {found} (the number as written) and {fact}.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factlint.checks.base import IDS_SCHEMA, WORDS_SCHEMA, make_finding, severity_for
from factlint.claims import Claims, Quantity
from factlint.document import Document
from factlint.entities import Entity
from factlint.errors import FactlintError, Problem
from factlint.findings import Finding
from factlint.numbers import Interval

if TYPE_CHECKING:
    from factlint.rules import Rule

KIND = "figure"
PLACEHOLDERS = frozenset({"found", "fact"})
OPTIONS_SCHEMA = {
    "properties": {
        "fact": {"type": "string", "minLength": 1},
        "value": {"type": "number"},
        "min": {"type": "number"},
        "max": {"type": "number"},
        "qualifier": {"enum": ["exact", "about", "over", "at_least", "up_to", "under"]},
        "tolerance": {"type": "number", "minimum": 0, "maximum": 1},
        "unit": {"type": "string", "minLength": 1},
        "counts": WORDS_SCHEMA,
        "of": IDS_SCHEMA,
        "where": IDS_SCHEMA,
        "context": WORDS_SCHEMA,
        "unless": WORDS_SCHEMA,
        "years": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1900, "maximum": 2200},
            "minItems": 1,
        },
    },
    "required": ["fact", "counts"],
}


# Compared by identity: one figure may be indexed under several words.
@dataclass(frozen=True, slots=True, eq=False)
class _Figure:
    rule: Rule
    interval: Interval
    counts: tuple[str, ...]
    unit: str | None
    of: frozenset[str]
    of_types: frozenset[str]
    where: frozenset[str]
    where_types: frozenset[str]
    context: tuple[str, ...]
    unless: tuple[str, ...]
    years: frozenset[int]


def _interval(options: Mapping[str, object]) -> Interval:
    if "value" not in options:
        return Interval(float(options["min"]), float(options["max"]))  # type: ignore[arg-type]
    value = float(options["value"])  # type: ignore[arg-type]
    tolerance = float(options.get("tolerance", 0.0))  # type: ignore[arg-type]
    spread = abs(value) * tolerance
    qualifier = options.get("qualifier", "exact")
    if qualifier == "over":
        return Interval(value, math.inf, low_open=True)
    if qualifier == "at_least":
        return Interval(value - spread, math.inf)
    if qualifier == "up_to":
        return Interval(-math.inf, value + spread)
    if qualifier == "under":
        return Interval(-math.inf, value, high_open=True)
    if qualifier == "about" and not tolerance:
        spread = abs(value) * 0.1
    return Interval(value - spread, value + spread)


_CLAUSE_END = re.compile(r"[,;:()—–]")
# "Oltre 60.000" is true of 100,000, but no one who knew of over 100,000 would write it: a
# bound on the same side as the fact's and below this share of it misstates the fact.
_WEAKER_BOUND = 0.75


def _weaker_bound(found: Interval, fact: Interval) -> bool:
    """Whether `found` and `fact` bound a figure on the same side, `found` far more loosely
    ("over 60,000" for "over 100,000", "under 50%" for "under 20%")."""
    if math.isinf(found.high) and math.isinf(fact.high) and fact.low > 0:
        return found.low < fact.low * _WEAKER_BOUND
    if math.isinf(found.low) and math.isinf(fact.low) and fact.high > 0:
        return found.high > fact.high / _WEAKER_BOUND
    return False


def _has_phrase(text: str, phrases: Sequence[str]) -> bool:
    padded = f" {text} "
    return any(f" {phrase} " in padded for phrase in phrases)


@dataclass(frozen=True)
class FigureCheck:
    """Every figure rule, indexed by the longest word of each phrase it counts."""

    by_word: Mapping[str, tuple[_Figure, ...]]
    # The figures of each quantity of the last claims seen: `check` finds them and `covers`
    # asks again for the same quantities. The claims are held, so ids stay theirs.
    _last: list[tuple[Claims, dict[int, tuple[_Figure, ...]]]] = field(
        default_factory=list, compare=False, repr=False
    )

    def check(self, doc: Document, claims: Claims) -> Iterator[Finding]:
        """Flag quantities whose interval does not overlap the fact's."""
        for quantity in claims.quantities:
            for figure in self._figures(doc, claims, quantity):
                finding = self._compare(doc, quantity, figure)
                if finding is not None:
                    yield finding

    def covers(self, doc: Document, claims: Claims, claim: object) -> bool:
        """Whether a figure rule is about the same quantity as the claim."""
        return isinstance(claim, Quantity) and any(self._figures(doc, claims, claim))

    def _figures(self, doc: Document, claims: Claims, quantity: Quantity) -> tuple[_Figure, ...]:
        """The figures that are the same quantity as `quantity`, whatever their values."""
        if not self._last or self._last[0][0] is not claims:
            self._last[:] = [(claims, {})]
        known = self._last[0][1]
        found = known.get(id(quantity))
        if found is None:
            found = known[id(quantity)] = tuple(self._find_figures(doc, claims, quantity))
        return found

    def _find_figures(self, doc: Document, claims: Claims, quantity: Quantity) -> Iterator[_Figure]:
        if quantity.change or quantity.per_unit:
            return
        seen: set[int] = set()
        for word in quantity.counted.split():
            for figure in self.by_word.get(word, ()):
                if id(figure) not in seen:
                    seen.add(id(figure))
                    if self._same_quantity(doc, claims, quantity, figure):
                        yield figure

    def _same_quantity(
        self, doc: Document, claims: Claims, quantity: Quantity, figure: _Figure
    ) -> bool:
        if quantity.number.unit != figure.unit or not _has_phrase(quantity.counted, figure.counts):
            return False
        named = {m.entity for m in quantity.of if m.type in figure.of_types}
        if figure.of and named != figure.of:
            return False
        if figure.where and not self._in_place(quantity, figure):
            return False
        if figure.years and quantity.years and figure.years.isdisjoint(quantity.years):
            return False
        if figure.context:
            first = claims.sentences[max(0, quantity.sentence - 1)][0]
            end = claims.sentences[quantity.sentence][1]
            around = " ".join(doc.masked[first:end].lower().split())
            if not any(word in around for word in figure.context):
                return False
        if figure.unless:
            end = claims.sentences[quantity.sentence][1]
            clause = doc.masked[quantity.clause_start : end].lower()
            stop = _CLAUSE_END.search(clause, quantity.phrase_end - quantity.clause_start)
            clause = " ".join(clause[: stop.start() if stop else len(clause)].split())
            if any(word in clause for word in figure.unless):
                return False
        return True

    def _compare(self, doc: Document, quantity: Quantity, figure: _Figure) -> Finding | None:
        number = quantity.number
        if number.interval.overlaps(figure.interval) and not _weaker_bound(
            number.interval, figure.interval
        ):
            return None
        severity = severity_for(figure.rule, quantity.assertion)
        if severity is None:
            return None
        found = " ".join(doc.text[number.start : number.end].split())
        message = figure.rule.format(found=found, fact=figure.rule.options["fact"])
        return make_finding(
            doc,
            figure.rule,
            number.start,
            number.end,
            message,
            severity=severity,
            suggestion=figure.rule.options["fact"],
        )

    @staticmethod
    def _in_place(quantity: Quantity, figure: _Figure) -> bool:
        """Whether the nearest place-like entity to the number is one the fact is about."""
        candidates = [m for m in quantity.context if m.type in figure.where_types]
        if not candidates:
            return False
        nearest = min(candidates, key=lambda m: abs(m.start - quantity.start))
        return nearest.entity in figure.where


def build(
    rules: Sequence[Rule], entities: Mapping[str, Entity], defaults: Mapping[str, Any] | None = None
) -> FigureCheck:
    """Compile each figure's interval and index it by the words it counts."""
    by_word: dict[str, list[_Figure]] = {}
    problems: list[Problem] = []
    for rule in rules:
        options = rule.options
        has_value = "value" in options
        has_range = "min" in options or "max" in options
        if has_value == has_range or (has_range and not ("min" in options and "max" in options)):
            problems.append(
                Problem(
                    rule.path,
                    rule.line,
                    f"rule {rule.id!r}: give either `value` or both `min` and `max`",
                )
            )
            continue
        if has_range and options["min"] > options["max"]:
            problems.append(
                Problem(
                    rule.path,
                    rule.line_of("min"),
                    f"rule {rule.id!r}: min {options['min']} is greater than max "
                    f"{options['max']}: swap them",
                )
            )
            continue
        refs = [*options.get("of", ()), *options.get("where", ())]
        missing = [ref for ref in refs if ref not in entities]
        for ref in missing:
            problems.append(
                Problem(rule.path, rule.line, f"rule {rule.id!r}: entity {ref!r} is not defined")
            )
        if missing:
            continue
        figure = _Figure(
            rule=rule,
            interval=_interval(options),
            counts=tuple(" ".join(c.lower().split()) for c in options["counts"]),
            unit=options.get("unit"),
            of=frozenset(options.get("of", ())),
            of_types=frozenset(entities[e].type for e in options.get("of", ())),
            where=frozenset(options.get("where", ())),
            where_types=frozenset(entities[e].type for e in options.get("where", ())),
            context=tuple(c.lower() for c in options.get("context", ())),
            unless=tuple(c.lower() for c in options.get("unless", ())),
            years=frozenset(options.get("years", ())),
        )
        for phrase in figure.counts:
            # A phrase is only in a counted phrase that has each of its words: indexed by one,
            # the longest (the least common, as a rule: "center", not "new" or "di").
            word = max(reversed(phrase.split()), key=len)
            by_word.setdefault(word, []).append(figure)
    if problems:
        raise FactlintError(problems)
    return FigureCheck({word: tuple(dict.fromkeys(figs)) for word, figs in by_word.items()})
