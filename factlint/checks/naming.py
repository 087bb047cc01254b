"""naming: canonical spellings, known wrong variants, and near-misspellings of known names.

`terms` lists, for an entity, the spellings to use and the ones to avoid ("Bytedance",
"Byte Dance" for ByteDance); a variant that differs from a name only in case is wrong
only as written. With `fuzzy`, capitalised words that no known name covers are compared
with the names of the entities (rapidfuzz, optimal string alignment distance): "Hunyan",
"Alibabba", "Nvidai", "Tencnet". A fuzzy match is a warning at most, and is never made for
short words, words with digits, words whose first letter differs, plurals of a name, or
ordinary words the language file lists ("Hunan", "Dubai", "Owen", "Bernie": the claim
extractor drops those before any comparison). Only one-word names of companies, models
and products are compared: the words of longer names, and places, are ordinary words.

Options: `terms` (each `use`, `avoid` and optionally `entity`), `fuzzy` (true, or
`{types, min_length, threshold}`; threshold is the percent similarity, default 80 or the
configured `fuzzy_threshold`). Message placeholders: {found}, {use}.

    - id: company-names
      kind: naming
      terms:
        - {use: ByteDance, avoid: [Bytedance, Byte Dance]}
      fuzzy: true
      severity: warning
      message: "write {use}, not {found}"
      source: https://www.bytedance.com/en/
      examples:
        fail: [{en: "Byte Dance released Doubao"}]
        pass: [{en: "ByteDance released Doubao"}]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factlint.checks.base import ID_SCHEMA, make_finding
from factlint.claims import Claims
from factlint.document import Document
from factlint.entities import Entity
from factlint.errors import FactlintError, Problem
from factlint.findings import Finding, Severity

if TYPE_CHECKING:
    from factlint.rules import Rule

KIND = "naming"
PLACEHOLDERS = frozenset({"found", "use"})
OPTIONS_SCHEMA = {
    "properties": {
        "terms": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["use", "avoid"],
                "properties": {
                    "use": {"type": "string", "minLength": 1},
                    "avoid": {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "minItems": 1,
                    },
                    "entity": ID_SCHEMA,
                },
            },
        },
        "fuzzy": {
            "oneOf": [
                {"type": "boolean"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "types": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                        "min_length": {"type": "integer", "minimum": 4},
                        "threshold": {"type": "number", "minimum": 50, "maximum": 100},
                    },
                },
            ]
        },
    },
}
DEFAULT_MIN_LENGTH = 5
# Percent similarity (1 - edits / length) a word needs to be taken for a misspelt name.
DEFAULT_THRESHOLD = 80.0
# Places are written with ordinary words of the language ("Stato", "State"): never guessed.
UNFUZZY_TYPES = frozenset({"country", "place", "person"})


@dataclass(frozen=True, slots=True)
class _Avoid:
    rule: Rule
    spelling: str
    use: str


@dataclass(frozen=True)
class NamingCheck:
    """Wrong spellings by entity, and the names fuzzy matching compares against."""

    avoid: Mapping[str, tuple[_Avoid, ...]]
    fuzzy_rule: Rule | None
    fuzzy_names: Mapping[str, str]
    known_lower: frozenset[str]
    min_length: int
    threshold: float
    # The names again, by length, each with its place in `fuzzy_names`: a word is compared
    # only with the names its allowed edits could reach, in the same order as with all.
    by_length: Mapping[int, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # Per run: each distinct word is compared once, however many articles use it.
    _seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def covers(self, doc: Document, claims: Claims, claim: object) -> bool:
        """Naming rules state no fact that articles could contradict each other about."""
        return False

    def check(self, doc: Document, claims: Claims) -> Iterator[Finding]:
        """Flag listed wrong spellings and near-misspellings of known names."""
        for mention in claims.mentions:
            if not mention.variant:
                continue
            for avoid in self.avoid.get(mention.entity, ()):
                if mention.surface.lower().startswith(avoid.spelling.lower()):
                    end = mention.start + len(avoid.spelling)
                    message = avoid.rule.format(
                        found=doc.masked[mention.start : end], use=avoid.use
                    )
                    yield make_finding(
                        doc, avoid.rule, mention.start, end, message, suggestion=avoid.use
                    )
                    break
        if self.fuzzy_rule is None or not claims.candidates:
            return
        for start, end in claims.candidates:
            word = doc.masked[start:end]
            use = self._closest(word)
            if use is None:
                continue
            rule = self.fuzzy_rule
            message = rule.format(found=word, use=use)
            yield make_finding(
                doc,
                rule,
                start,
                end,
                message,
                severity=rule.severity.at_most(Severity.WARNING),
                suggestion=use,
            )

    def _closest(self, word: str) -> str | None:
        if word in self._seen:
            return self._seen[word]
        result = None
        lowered = word.lower()
        if len(word) >= self.min_length and lowered not in self.known_lower and self.fuzzy_names:
            # Edits allowed for this word at the threshold similarity; never more than two.
            limit = min(2, int(len(word) * (100 - self.threshold) / 100 + 1e-9))
            if limit < 1:
                self._seen[word] = None
                return None
            # Imported on the first word to compare: most runs have none.
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            reachable = sorted(
                item
                for size in range(len(lowered) - limit, len(lowered) + limit + 1)
                for item in self.by_length.get(size, ())
            )
            best = process.extractOne(
                lowered, [name for _, name in reachable], scorer=OSA.distance, score_cutoff=limit
            )
            if best is not None:
                name = best[0]
                original = self.fuzzy_names[name]
                plural = lowered in (name + "s", name + "es", name + "i", name + "e")
                if best[1] > 0 and lowered[0] == name[0] and not plural:
                    result = original
        self._seen[word] = result
        return result


def _term_entity(term: Mapping[str, object], entities: Mapping[str, Entity]) -> str | None:
    if "entity" in term:
        return str(term["entity"])
    use = str(term["use"]).lower()
    for entity in entities.values():
        if any(name.lower() == use for name in entity.all_names):
            return entity.id
    return None


def variants(rules: Sequence[Rule], entities: Mapping[str, Entity]) -> Iterable[tuple[str, str]]:
    """(entity id, wrong spelling) pairs, so the entity index finds the wrong spellings too."""
    for rule in rules:
        for term in rule.options.get("terms", ()):
            entity = _term_entity(term, entities)
            if entity is not None and entity in entities:
                for spelling in term["avoid"]:
                    yield entity, spelling


def build(
    rules: Sequence[Rule], entities: Mapping[str, Entity], defaults: Mapping[str, Any] | None = None
) -> NamingCheck:
    """Index wrong spellings by entity and collect the names fuzzy matching may suggest."""
    avoid: dict[str, list[_Avoid]] = {}
    problems: list[Problem] = []
    fuzzy_rule: Rule | None = None
    types: frozenset[str] | None = None
    min_length = DEFAULT_MIN_LENGTH
    threshold = float((defaults or {}).get("fuzzy_threshold") or DEFAULT_THRESHOLD)
    for rule in rules:
        for index, term in enumerate(rule.options.get("terms", ())):
            entity = _term_entity(term, entities)
            if entity is None or entity not in entities:
                problems.append(
                    Problem(
                        rule.path,
                        rule.line_of("terms", index),
                        f"rule {rule.id!r}: {term['use']!r} is not the name of a defined entity; "
                        "add `entity: ID`",
                    )
                )
                continue
            for spelling in term["avoid"]:
                avoid.setdefault(entity, []).append(_Avoid(rule, spelling, str(term["use"])))
        fuzzy = rule.options.get("fuzzy", False)
        if fuzzy:
            if fuzzy_rule is not None:
                problems.append(
                    Problem(
                        rule.path,
                        rule.line_of("fuzzy"),
                        f"rule {rule.id!r}: fuzzy matching is already on in rule {fuzzy_rule.id!r}",
                    )
                )
                continue
            fuzzy_rule = rule
            if isinstance(fuzzy, dict):
                types = frozenset(fuzzy["types"]) if "types" in fuzzy else None
                min_length = int(fuzzy.get("min_length", DEFAULT_MIN_LENGTH))
                threshold = float(fuzzy.get("threshold", threshold))
    if problems:
        raise FactlintError(problems)
    names: dict[str, str] = {}
    known: set[str] = set()
    for entity in entities.values():
        for name in entity.all_names:
            known.update(part.lower() for part in name.split())
        if not entity.fuzzy or entity.type in UNFUZZY_TYPES:
            continue
        if types is not None and entity.type not in types:
            continue
        # Only one-word names: the words of longer ones ("Stati" Uniti, Web "Services") are
        # ordinary words that ordinary words are one typo away from.
        for name in entity.all_names:
            if len(name) >= min_length and name.isalpha():
                names.setdefault(name.lower(), name)
    by_length: dict[int, list[tuple[int, str]]] = {}
    for index, name in enumerate(names):
        by_length.setdefault(len(name), []).append((index, name))
    return NamingCheck(
        avoid={entity: tuple(items) for entity, items in avoid.items()},
        fuzzy_rule=fuzzy_rule,
        fuzzy_names=names,
        by_length={size: tuple(items) for size, items in by_length.items()},
        known_lower=frozenset(known),
        min_length=min_length,
        threshold=threshold,
    )
