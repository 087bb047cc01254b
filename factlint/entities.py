"""Entities and their names: one Aho-Corasick pass finds every known name in a document.

The automaton is built once per run from every entity's names and aliases (and the wrong
spellings naming rules list), keyed lowercased. Matching is a single pass over the
lowercased masked text, so its cost does not grow with the number of names; word
boundaries, case-sensitive names and language-specific aliases are checked only on hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick

# Types whose names are followed by versions ("Qwen 2.5", "Llama 3.1-Instruct").
VERSIONED_TYPES = frozenset({"model", "product"})
_VERSION = re.compile(
    r"(?:[ \-]?v?\d+(?:\.\d+)*[a-zA-Z]{0,2}\b|[ \-][A-Z]{1,2}\d+(?:\.\d+)*[A-Za-z]?\b)"
    r"(?:[ \-](?:Max|Plus|Pro|Turbo|Ultra|Mini|Flash|Lite|Instruct|Coder|VL|Omni|Chat|Preview))*"
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing: a company, a chip, a model family, a country..."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    lang_aliases: Mapping[str, tuple[str, ...]] | None = None
    exact_aliases: tuple[str, ...] = ()
    parent: str | None = None
    match_case: bool = False
    fuzzy: bool = True
    path: str = ""
    line: int | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every spelling of this entity in any language, canonical name first."""
        names = [self.name, *self.aliases, *self.exact_aliases]
        for extra in (self.lang_aliases or {}).values():
            names.extend(extra)
        return tuple(dict.fromkeys(names))


# Made for every number, name and claim of every article, and never changed after: not
# `frozen`, whose __init__ costs five times as much (one object.__setattr__ per field).
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """One occurrence of an entity in a document."""

    entity: str
    type: str
    start: int
    end: int
    surface: str
    variant: bool = False


@dataclass(frozen=True, slots=True)
class _Key:
    entity: str
    type: str
    alias: str
    length: int
    variant: bool
    match_case: bool
    langs: frozenset[str] | None
    versioned: bool


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class EntityIndex:
    """All known names compiled into one automaton."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        variants: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Index `entities`; `variants` are (entity id, wrong spelling) pairs to find too."""
        self.entities = entities
        keys: dict[str, list[_Key]] = {}

        def add(
            entity: Entity,
            alias: str,
            variant: bool,
            langs: frozenset[str] | None,
            exact: bool = False,
        ) -> None:
            alias = alias.strip()
            lowered = alias.lower()
            # Lowercasing must keep offsets: skip the rare name whose lowercase is longer.
            if not alias or len(lowered) != len(alias):
                return
            names_lower = {name.lower() for name in entity.all_names}
            # A wrong spelling that differs from a real name only in case ("Bytedance") is
            # wrong only as written; any other one ("Nvidea") is wrong in any case.
            # So is a wrong spelling of several words: "open AI models" are open models.
            match_case = (
                (lowered in names_lower or " " in alias)
                if variant
                else (entity.match_case or exact)
            )
            keys.setdefault(lowered, []).append(
                _Key(
                    entity.id,
                    entity.type,
                    alias,
                    len(alias),
                    variant,
                    match_case,
                    langs,
                    entity.type in VERSIONED_TYPES,
                )
            )

        for entity in entities.values():
            for alias in (entity.name, *entity.aliases):
                add(entity, alias, False, None)
            for lang, aliases in (entity.lang_aliases or {}).items():
                for alias in aliases:
                    add(entity, alias, False, frozenset({lang}))
            for alias in entity.exact_aliases:
                add(entity, alias, False, None, exact=True)
        for entity_id, spelling in variants:
            add(entities[entity_id], spelling, True, None)
        self.known_lower = frozenset(keys)
        self._automaton = ahocorasick.Automaton()
        for lowered, options in keys.items():
            # Wrong spellings are tried before the names they shadow.
            options.sort(key=lambda key: not key.variant)
            self._automaton.add_word(lowered, tuple(options))
        if keys:
            self._automaton.make_automaton()
        self._empty = not keys

    def find(self, masked: str, lowered: str, lang: str) -> list[Mention]:
        """Leftmost-longest mentions in `masked` (with `lowered` its lowercase twin)."""
        if self._empty:
            return []
        hits: list[tuple[int, int, _Key]] = []
        length = len(masked)
        for last, options in self._automaton.iter(lowered):
            end = last + 1
            start = end - options[0].length
            if start > 0 and _is_word_char(masked[start - 1]):
                continue
            for key in options:
                if key.langs is not None and lang not in key.langs:
                    continue
                stop = end
                if end < length and _is_word_char(masked[end]):
                    if key.versioned and masked[end].isdigit():
                        pass
                    elif (
                        masked[end] == "s"
                        and key.alias[-1].isdigit()
                        and (end + 1 == length or not _is_word_char(masked[end + 1]))
                    ):
                        stop = end + 1
                    else:
                        continue
                surface = masked[start:end]
                # A case-sensitive name may also be written in capitals; a variant may not.
                exact = surface == key.alias or (not key.variant and surface == key.alias.upper())
                if key.match_case and not exact:
                    continue
                if key.versioned:
                    version = _VERSION.match(masked, end)
                    if version:
                        stop = version.end()
                hits.append((start, stop, key))
                break
        return _leftmost_longest(hits, masked)


def _leftmost_longest(hits: list[tuple[int, int, _Key]], masked: str) -> list[Mention]:
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    mentions: list[Mention] = []
    covered = -1
    for start, end, key in hits:
        if start < covered:
            continue
        mentions.append(Mention(key.entity, key.type, start, end, masked[start:end], key.variant))
        covered = end
    return mentions
