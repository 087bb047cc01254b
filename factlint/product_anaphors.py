"""The product a figure is said of when its sentence opens with a phrase standing for it:
"DeepSeek-V3.1 is a mixture-of-experts model. The model has 671 billion parameters",
"La crescita è legata a Step-3 di StepFun. Il modello conta 321 miliardi di parametri".

Articles about a model or a chip name it once and then call it "the model", "il chip".
Such a phrase is taken for a product only when it opens its sentence (so it is what the
sentence is about, not "a model" mentioned in passing), the figure counts something
named right after it ("571 billion parameters": "The chip market is worth $50 billion"
counts nothing, and the phrase there is no subject) and the nearest sentence before
that names a product of its kind names exactly one: "Alibaba ha aggiornato Qwen3. Il
modello conta 235 miliardi" is Qwen3's, and after a sentence naming two models the
phrase stands for neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from factlint.lazyregex import longest_first


@dataclass(frozen=True)
class ProductPhrases:
    """A language's phrases that stand for a product named before ("the model")."""

    # Every phrase, longest first, at a sentence's first character.
    opening: re.Pattern[str]
    # The entity types each phrase may stand for ("il chip": chips).
    kinds: Mapping[str, frozenset[str]]


def product_phrases(data: Mapping[str, Sequence[str]]) -> ProductPhrases | None:
    """The compiled phrases of a language's `product_anaphors` (entity type → phrases),
    or None when it has none."""
    kinds: dict[str, set[str]] = {}
    for kind, phrases in data.items():
        for phrase in phrases:
            lowered = " ".join(str(phrase).lower().split()).replace("’", "'")
            kinds.setdefault(lowered, set()).add(str(kind))
    if not kinds:
        return None
    # Articles type either apostrophe ("l'acceleratore", "l’acceleratore").
    ordered = longest_first(kinds)
    source = "|".join(re.escape(phrase).replace("'", "['’]") for phrase in ordered)
    return ProductPhrases(
        opening=re.compile(rf"\s*(?:{source})(?!\w)"),
        kinds={phrase: frozenset(types) for phrase, types in kinds.items()},
    )


def opening_kinds(phrases: ProductPhrases, lowered: str, sentence_start: int) -> frozenset[str]:
    """The entity types the phrase opening the sentence at `sentence_start` may stand for;
    empty when no such phrase opens it."""
    match = phrases.opening.match(lowered, sentence_start)
    if match is None:
        return frozenset()
    return phrases.kinds.get(match.group(0).strip().replace("’", "'"), frozenset())


def referent(named: Iterable[Sequence[str]]) -> str | None:
    """The product a phrase stands for, given the keys of the products of its kind that
    each sentence before names, nearest first: the one product of the nearest sentence
    naming any, if it names one only."""
    for keys in named:
        if keys:
            distinct = set(keys)
            return next(iter(distinct)) if len(distinct) == 1 else None
    return None
