"""Claims: what an article asserts, extracted once per document and shared by every check.

- mentions: known entities, from one automaton pass (`entities.EntityIndex`);
- attributions: product X belongs to company Y, from relation templates between two names;
- successions: X comes after Y, likewise;
- derivations: X is a version of Y made from it (a cut-down chip for one market), likewise;
- quantities: numbers as intervals, with what they count and the entities around them.

Each claim records how it is asserted (plain, negated, hedged, conditional, reported,
disputed, or asked in a question), read from the language's cue phrases and punctuation,
so checks can stay quiet on "non è vero che ..." and "Qwen è di Tencent?".
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import ahocorasick

from factlint.document import Document, document_date, opens_list_item, split_sentences
from factlint.entities import EntityIndex, Mention
from factlint.language import Language, phrase_key
from factlint.layout import LayoutWords, layout_words, pairings
from factlint.lazyregex import Compile, trie_source
from factlint.numbers import NumberMatch, NumberParser
from factlint.periods import (
    PeriodWords,
    canonical,
    is_month,
    is_quarter,
    month_source,
    period_end,
    period_words,
    recent_months,
)
from factlint.product_anaphors import ProductPhrases, opening_kinds, product_phrases, referent
from factlint.relations import ROLES, RelationMatcher, Template
from factlint.topics import (
    TopicWords,
    opens_clause_with_concept,
    opens_with_concept,
    opens_with_name,
    topic_owner,
)
from factlint.unknown_subjects import NAMED, UnknownSubjects, name_key
from factlint.unlisted import (
    PERIOD_CODE,
    UNLISTED_TYPE,
    family,
    lineage_names,
    unlisted_names,
    versioned_names,
)

OWNER_TYPES = frozenset({"company", "organization"})
PRODUCT_TYPES = frozenset({"model", "product", "chip", "service"})
PLACE_TYPES = frozenset({"country", "place"})
SUCCESSION_TYPES = frozenset({"chip", "model", "product"})
# Only these take part in relations; a place between two of them ("il colosso cinese
# Alibaba") is part of the text joining them.
RELATION_TYPES = OWNER_TYPES | PRODUCT_TYPES | SUCCESSION_TYPES
# How far before a number the copula giving it to a subject may start ("sono state "),
# and how far into the clause the participle of that subject may end ("Le console
# Switch 2 vendute").
_COPULA_REACH = 24
_PARTICIPLE_REACH = 48
# How far before a share the verb giving a part that share may start ("ha
# rappresentato circa il ").
_SHARE_VERB_REACH = 56
# How far after what a share counts a phrase standing for the company whose whole it is
# may end (" del gruppo").
_ANAPHOR_AFTER_COUNTED = 16
# How far after a company's possessive another company may stand and be its own
# ("Huawei's smartphone rival Xiaomi").
_POSSESSED = 32
# How far apart two names may be and still be related by a template.
MAX_GAP = 80
# The unit of a share of a whole ("45% of revenue"), which may name the part it is.
_PERCENT = "%"
# How far from a company's name the reporting cue naming it a figure's source may
# reach ("Anthropic said", "ha comunicato Tencent").
_SPEAKER_CUE = 16
# How far before an unlisted name the words citing it as a figure's source may start
# ("secondo quanto comunicato da Nintendo").
_SOURCE_CUE = 32
# An aside between a company's name and the cue quoting it: the rest of its name, then a
# phrase set off by commas ("Hon Hai Precision Industry, as Foxconn is formally known,
# said", "Anthropic, the San Francisco start-up, said").
_SPEAKER_ASIDE = re.compile(r"(?:\s+[\w.&'’\-]+){0,2},[^,.;:()]{1,48},\s*")
# How far before a name the words introducing a term may start ("l'abbreviazione ").
_TERM_CUE_REACH = 24
# How many words after a number say what it counts.
COUNTED_WORDS = 6
# A number's context: its sentence and this many sentences before it.
CONTEXT_SENTENCES = 2
# How many sentences that open with a phrase standing for the company ("The company
# said"), or items of a list, may carry the company named before them further on.
_BRIDGES = 4
# How many characters of a sentence's opening may hold such a phrase.
_ANAPHOR_OPENING = 48
# Periods another figure is set against only when the figure is a quarter's.
_AGAINST_A_QUARTER = frozenset({"previous-quarter", "year-ago-quarter"})
# Periods before the one a text reports on.
_EARLIER = _AGAINST_A_QUARTER | {"year-ago", "month-ago"}
# At most this many characters between a reporting cue and the company it cites.
_CITED_GAP = 2
# How far before a reporting cue a phrase that stands for the company may start.
_CITED_REACH = 60
# The longest citing aside a figure's concept is read across ("secondo quanto comunicato dal
# gruppo di Redmond").
_ASIDE_REACH = 64
# How far before a place the locative before it may start ("in the").
_LOCATIVE_REACH = 16
# How far before a figure the cue comparing another with it may start ("slightly below the").
_COMPARED_REACH = 24
# The longest relative clause a figure's concept is read across ("which includes ...").
_RELATIVE_REACH = 120
# How many words a genitive after a concept may hold ("di Amazon", "of Alibaba Cloud").
_GENITIVE_WORDS = 4

_COUNTED_STOP = re.compile(r"[,;:!?()\[\]\"«»“”\n\r–—|]|\s-\s|\.(?!\d)")
_WORDS = re.compile(r"[\w'’\-]+")
# The look-behind comes after the first digits, so that `re` skips to them in C.
_YEAR = re.compile(r"(?:19|20)(?<![\d.,]\d\d)\d\d(?![\d.,]\d)")
# A capitalised word, possibly followed by a version code ("Hunyan-A13B"). The capital comes
# first and the look behind it after, so that `re` skips lowercase text in C.
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’\-][A-ZÀ-ÖØ-Þ])[^\W\d_]{3,}(?!\w)(?!-[a-z])")
# Not a comma or colon between digits: "55,9%" and "1,500" are numbers.
# One character class first, so that `re` scans in C; the lookahead rarely runs.
_CLAUSE_BREAK = re.compile(r"[,;:()—–](?!(?<=\d[,:])\d)")
# A figure in brackets, as a conversion ("21.79 billion yuan ($3.06 billion) in the
# July-September quarter"), or a short name for what stands before it ("le spese in conto
# capitale (capex) di Amazon"), is an aside that does not end the clause around it.
_FIGURE_ASIDE = re.compile(r"\((?:[^()\d]{0,24}\d[^()]{0,32}|[^()\d,;:]{1,16})\)")
# A product's version: from its first digit on ("Kimi K2" -> "2", "GLM-4.5" -> "4.5"),
# spaces and hyphens aside, with the tier words and size codes glued after it ("-Air",
# " Thinking", "-300B-A47B").
# A plural "s" after the digits is no part of it ("H20s").
_VERSION = re.compile(r"\d(?:.*\d(?=s$)|.*)")
_NAME_NOISE = re.compile(r"[\s\-_]+")
_TIER = re.compile(
    r"(?:-[A-Z][a-z]*(?![\w.])|-[A-Z]?\d+[A-Za-z]\w*|[ ][A-Z][a-z]+(?![\w'’])|\.\d+(?!\w))+"
)
_QUOTE = re.compile(r"[\"“”«»]")
# Capitalised words right after a company's name: a unit of it, or a suffix; the last
# may be a possessive ("Google Cloud's revenue").
_UNIT = re.compile(r"(?: [A-Z][a-z]+(?=['’]s(?!\w)|[^\w'’.]|$))+")
# A model number right after a company's name names its product ("MiniMax-M2", "Xiaomi
# SU7"); after a space it needs a letter, since "Meta 3 billion" names none.
_MAKER_MODEL = re.compile(
    r"(?:-([A-Z]{0,3}\d+[A-Za-z]{0,3})| ([A-Z]{1,3}\d+[A-Za-z]{0,3}))(?![\w.,]\w|\w|-\w)"
)
_JOINERS = frozenset({"e", "ed", "and", "o", "or"})
# "Alibaba-backed Moonshot AI": a name used as an adjective takes no part in relations.
_COMPOUND_MODIFIER = re.compile(r"-[^\W\d_]*[a-z][^\W\d_]*\b")
_NAME_AHEAD = re.compile(r"\s+[a-z]{1,3}\d")


class Assertion(StrEnum):
    """How a claim is put forward; only plain claims are errors."""

    PLAIN = "plain"
    NEGATED = "negated"
    CONDITIONAL = "conditional"
    HEDGED = "hedged"
    REPORTED = "reported"
    DISPUTED = "disputed"
    QUESTION = "question"


# Made for every number, name and claim of every article, and never changed after: not
# `frozen`, whose __init__ costs five times as much (one object.__setattr__ per field).
@dataclass(slots=True, unsafe_hash=True)
class Attribution:
    """`product` is said to belong to `owner`."""

    product: Mention
    owner: Mention
    start: int
    end: int
    template: str
    assertion: Assertion
    sentence: int


@dataclass(slots=True, unsafe_hash=True)
class Succession:
    """`newer` is said to come after `older`."""

    newer: Mention
    older: Mention
    start: int
    end: int
    template: str
    assertion: Assertion
    sentence: int


@dataclass(slots=True, unsafe_hash=True)
class Derivation:
    """`variant` is said to be a version of `base` ("l'H20, versione depotenziata
    dell'H100"), not a generation of its own."""

    variant: Mention
    base: Mention
    start: int
    end: int
    template: str
    assertion: Assertion
    sentence: int


@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    """A number, what it counts and what it is about."""

    number: NumberMatch
    counted: str
    of: tuple[Mention, ...]
    context: tuple[Mention, ...]
    years: tuple[int, ...]
    change: bool
    assertion: Assertion
    sentence: int
    phrase_end: int
    clause_start: int
    clause_end: int
    subject: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    concepts: frozenset[str] = frozenset()
    per_unit: bool = False
    periods: tuple[str, ...] = ()
    # The company a reported figure is cited from ("Moonshot said", "secondo Alibaba").
    source: str | None = None
    # The company the shares, stake or investment counted are in ("a 9.9% stake in Intel").
    held_in: str | None = None
    # The part of a business a share of a whole is of ("The automotive division
    # accounted for 45% of Infineon's revenue"), as a label of every language.
    part: str | None = None

    @property
    def start(self) -> int:
        """Where the quantity's text starts (its qualifier included)."""
        return self.number.start

    @property
    def end(self) -> int:
        """Where the quantity's text ends (its unit included)."""
        return self.number.end


@dataclass(frozen=True, slots=True)
class Claims:
    """Everything extracted from one document."""

    mentions: tuple[Mention, ...]
    attributions: tuple[Attribution, ...]
    successions: tuple[Succession, ...]
    quantities: tuple[Quantity, ...]
    sentences: tuple[tuple[int, int], ...]
    candidates: tuple[tuple[int, int], ...]
    derivations: tuple[Derivation, ...] = ()


def _cue_regex(phrases: Iterable[str], compile: Compile) -> re.Pattern[str] | None:
    """One regex for any of `phrases` as whole words, longest first; None for none."""
    source = _cue_source(phrases)
    return None if source is None else compile(source)


def _cue_source(phrases: Iterable[str], also: str | None = None) -> str | None:
    """The source of `_cue_regex`, for patterns built on it (each compile costs ~1 ms at
    every start), the phrases as a trie (`trie_source`); `also` is the source of one
    more branch that must start a word."""
    unique = {p.lower().strip() for p in phrases if p.strip()}
    if not unique and also is None:
        return None
    # A phrase may open with punctuation (", or" in "explainable AI, or XAI"): only one
    # that opens with a letter must start a word. The lookbehind stays in front of the
    # letter-led group, not inside each branch: inside, re can no longer skip ahead to a
    # phrase's first letter and tries every branch at every position (25x slower). So
    # does a branch of its own beside the group (40% slower).
    worded = trie_source((p for p in unique if p[0].isalnum()), _escaped)
    led = "|".join(source for source in (worded, also) if source)
    others = trie_source((p for p in unique if not p[0].isalnum()), _escaped)
    branches = [rf"(?<!\w)(?:{led})"] if led else []
    if others:
        branches.append(others)
    # A phrase must end a word too, unless it ends elided ("l'", "un'": "l'app").
    return rf"(?:{'|'.join(branches)})(?!(?<=\w)\w)"


def _restatement_regex(
    phrases: Iterable[str], comparisons: Iterable[str], compile: Compile
) -> re.Pattern[str] | None:
    """A regex for a short aside between commas, opened by one of `phrases`, that tells
    the figure before it another way ("$18.7 billion, or $1.95 per share, in the third
    quarter"): it ends no clause, unless what follows it is compared with the figure
    (one of `comparisons`: "pari a 1,95 dollari per azione, dai 15,3 miliardi di un anno
    prima"), which is a clause of its own."""
    cue = _cue_source(phrases)
    if cue is None:
        return None
    # A comma between digits is a decimal or thousands mark ("1,95 dollari per azione").
    told = r"(?:[^,;:()]|(?<=\d),(?=\d)){0,40}"
    compared = _cue_source(comparisons)
    then = "" if compared is None else rf"(?!\s*{compared})"
    return compile(rf",\s+{cue}\s+[^,;:()\d]{{0,8}}\d{told},{then}")


def _opener_regex(phrases: Iterable[str], compile: Compile) -> re.Pattern[str] | None:
    """A regex for the space before any of `phrases`, which open a clause."""
    source = _cue_source(phrase_key(str(phrase)) for phrase in phrases)
    return None if source is None else compile(rf"\s(?={source})")


def _escaped(text: str) -> str:
    """Text as a regex that matches either apostrophe."""
    return re.escape(text).replace("'", "['’]")


def _ending_cue(
    phrases: Iterable[str], compile: Compile, after: str = r"\s+$"
) -> re.Pattern[str] | None:
    """A regex for any of `phrases` ending right before a name or number (`after`: the
    spaces, or words, between)."""
    source = _cue_source(phrases)
    return None if source is None else compile(rf"(?:{source}){after}")


def _introduced_term(cue: re.Pattern[str], lowered: str, mention: Mention) -> bool:
    """Whether a wrong spelling of a name is a term the text introduces ("la cosiddetta
    XAI"), not the name misspelt."""
    return mention.variant and bool(
        cue.search(lowered, max(0, mention.start - _TERM_CUE_REACH), mention.start)
    )


@dataclass(frozen=True)
class _Concepts:
    """A language's words for what numbers count, compiled to one regex per scope."""

    counted: re.Pattern[str] | None
    sentence: re.Pattern[str] | None
    meaning: Mapping[str, str]
    generic: frozenset[str]
    modifiers: frozenset[str]
    # modifier -> the concepts it adds nothing to
    implied: Mapping[str, frozenset[str]]
    # Concepts only a product has (parameters): a figure of one names what it is of.
    of_products: frozenset[str]
    # Concepts held in a company (shares, a stake): a figure of one names the company.
    held: frozenset[str]
    # Concepts that go into a company (an investment): the company is part of the figure.
    into: frozenset[str]
    # Concepts a figure has at a moment or once (a valuation): a month only dates it.
    at_a_moment: frozenset[str]
    # Verbs right before a number that say what it counts ("delivered 81,302 vehicles"),
    # and those that say so only of a sum of money ("raised €2.7 billion").
    verbs: re.Pattern[str] | None
    money_verbs: re.Pattern[str] | None
    # The same verbs anywhere, as participles after what they count ("le console
    # vendute"), and the copulas that give such a subject its number ("sono state").
    participles: re.Pattern[str] | None = None
    copulas: re.Pattern[str] | None = None
    # Words that make a number a threshold passed or missed, not a figure: before it ("la
    # soglia dei 100 miliardi") or after it ("the $100 billion mark").
    threshold_before: re.Pattern[str] | None = None
    threshold_after: re.Pattern[str] | None = None
    # Parts of a business a share of a whole is of ("the automotive division", "l'IA
    # generativa"), and the label each phrase has in every language.
    segments: re.Pattern[str] | None = None
    segment_of: Mapping[str, str] = field(default_factory=dict)
    # Verbs that give such a part its share, ending right before the share ("accounted
    # for", "ha rappresentato il").
    share_verbs: re.Pattern[str] | None = None

    def names_threshold(self, lowered: str, clause_start: int, number: NumberMatch) -> bool:
        """Whether `number` is a threshold ("Alphabet supera per la prima volta la soglia
        dei 100 miliardi di dollari di ricavi", "topped the $100 billion mark"): it
        counts nothing, so the figure it is near is not misstated by it."""
        before = self.threshold_before
        after = self.threshold_after
        return bool(
            (
                before is not None
                and before.search(lowered, max(clause_start, number.start - 32), number.start)
            )
            or (after is not None and after.match(lowered, number.end))
        )

    def find(self, pattern: re.Pattern[str] | None, text: str) -> set[str]:
        """Concepts named in `text`."""
        if pattern is None:
            return set()
        return {self.meaning[phrase_key(m.group(0))] for m in pattern.finditer(text)}

    def told_by_verb(self, lowered: str, start: int, money: bool, named: bool) -> set[str]:
        """The concept the verb right before a number at `start` names, if one does. What
        the words of the number and its clause name comes first (`named`): "sold 32.1
        million Nvidia shares" are shares, not sales; a sum of money raised is always
        funding, whatever else it is ("raised $18 billion in a bond sale")."""
        found = set()
        for pattern in (None if named else self.verbs, self.money_verbs if money else None):
            verb = None if pattern is None else pattern.search(lowered, max(0, start - 40), start)
            if verb is not None:
                found.add(self.meaning[phrase_key(verb.group(1))])
        return found

    def segment(self, lowered: str, start: int, end: int, *, last: bool = True) -> str | None:
        """The part of a business named in [start, end): the last one, or the first."""
        if self.segments is None:
            return None
        named = None
        for match in self.segments.finditer(lowered, start, end):
            named = self.segment_of[phrase_key(match.group(0))]
            if not last:
                break
        return named

    def share_verb(self, lowered: str, start: int) -> int | None:
        """Where the verb giving a part its share starts, when one ends right before the
        share at `start` ("made up 68.4%", "ha rappresentato il 51%")."""
        if self.share_verbs is None:
            return None
        verb = self.share_verbs.search(lowered, max(0, start - _SHARE_VERB_REACH), start)
        return None if verb is None else verb.start()

    def told_by_subject(self, lowered: str, clause_start: int, start: int) -> tuple[set[str], int]:
        """The concept a participle names in a subject a copula right before the number
        at `start` gives it to, and where the participle starts, ending the words of
        what is counted: "Le console Switch 2 vendute da Nintendo nel primo semestre
        sono state 9,12 milioni", "Vehicles delivered in October totalled 40,397". The
        participle follows the subject's noun, early in the clause."""
        none: tuple[set[str], int] = (set(), start)
        if self.participles is None or self.copulas is None:
            return none
        if self.copulas.search(lowered, max(clause_start, start - _COPULA_REACH), start) is None:
            return none
        opening = lowered[clause_start : min(start, clause_start + _PARTICIPLE_REACH)]
        verb = self.participles.search(opening)
        if verb is None or not opening[: verb.start()].strip():
            return none
        return {self.meaning[phrase_key(verb.group(0))]}, clause_start + verb.start()


def _labelled(
    labels: Mapping[str, list[str]],
    meaning: dict[str, str],
    compile: Compile,
    worded: str | None = None,
    after: str = "",
) -> re.Pattern[str] | None:
    """One regex for the phrases of every label; `meaning` learns each phrase's label.
    `worded` is one more branch that starts a word (see `_cue_source`). With `after`
    (what must follow, as a regex), the phrase is group 1."""
    phrases = []
    for label, synonyms in labels.items():
        for phrase in synonyms:
            phrase = phrase_key(str(phrase))
            meaning[phrase] = label
            phrases.append(phrase)
    source = _cue_source(phrases, worded)
    if source is None:
        return None
    return compile(rf"({source}){after}" if after else source)


def _concepts(
    data: Mapping[str, Mapping[str, list[str]] | list[str]], compile: Compile
) -> _Concepts:
    meaning: dict[str, str] = {}
    patterns = {}
    for scope in ("counted", "sentence"):
        words = data.get(scope) or {}
        assert isinstance(words, Mapping)
        patterns[scope] = _labelled(words, meaning, compile)
    # A verb names a concept only right before a number, or before the words the
    # language lists as standing between them ("delivered a record 40,397 vehicles").
    between = _cue_source(phrase_key(str(w)) for w in data.get("between_verb_and_number") or ())
    after = rf"\s+(?:{between}\s+)?$" if between else r"\s+$"
    for scope in ("verbs", "money_verbs"):
        words = data.get(scope) or {}
        assert isinstance(words, Mapping)
        patterns[scope] = _labelled(words, meaning, compile, after=after)
    verbs = data.get("verbs") or {}
    assert isinstance(verbs, Mapping)
    participles = _labelled(verbs, meaning, compile)
    copulas = _ending_cue([str(c) for c in data.get("copulas") or ()], compile)
    thresholds = data.get("thresholds") or {}
    assert isinstance(thresholds, Mapping)
    threshold_before = _ending_cue([str(t) for t in thresholds.get("before") or ()], compile)
    after_source = _cue_source(phrase_key(str(t)) for t in thresholds.get("after") or ())
    threshold_after = compile(rf"\s+(?:{after_source})(?!\w)") if after_source is not None else None
    implied = data.get("implied") or {}
    assert isinstance(implied, Mapping)
    segment_of: dict[str, str] = {}
    segments = data.get("segments") or {}
    assert isinstance(segments, Mapping)
    # A few words may stand between the verb and the share ("accounted for about 45%",
    # "hanno rappresentato nel terzo trimestre il 47%").
    share_verbs = _ending_cue(
        [str(v) for v in data.get("share_verbs") or ()], compile, r"(?:\s+[\w'’]+){0,4}\s+$"
    )
    return _Concepts(
        counted=patterns["counted"],
        sentence=patterns["sentence"],
        meaning=meaning,
        generic=frozenset(data.get("generic") or ()),
        modifiers=frozenset(data.get("modifiers") or ()),
        of_products=frozenset(data.get("of_products") or ()),
        held=frozenset(data.get("held") or ()),
        into=frozenset(data.get("into") or ()),
        at_a_moment=frozenset(data.get("at_a_moment") or ()),
        verbs=patterns["verbs"],
        money_verbs=patterns["money_verbs"],
        participles=participles,
        copulas=copulas,
        threshold_before=threshold_before,
        threshold_after=threshold_after,
        segments=_labelled(segments, segment_of, compile),
        segment_of=segment_of,
        share_verbs=share_verbs,
        implied={
            str(modifier): frozenset(str(c) for c in wholes) for modifier, wholes in implied.items()
        },
    )


def _periods(data: Mapping[str, Any], compile: Compile) -> PeriodWords:
    meaning: dict[str, str] = {}
    pattern = _labelled(data.get("periods") or {}, meaning, compile, month_source(data))
    return period_words(pattern, meaning, data, compile)


@dataclass(frozen=True)
class _Partitive:
    """A language's words that make a number a part of the figure before it ("of which",
    "di cui" before it, "of them" after it)."""

    before: re.Pattern[str] | None
    after: re.Pattern[str] | None

    def marks(self, lowered: str, clause_start: int, start: int, end: int) -> bool:
        """Whether the number at [start, end) is said to be a part of another."""
        return bool(
            (self.before is not None and self.before.search(lowered, clause_start, start))
            or (self.after is not None and self.after.match(lowered, end))
        )


def _partitive(data: Mapping[str, list[str]], compile: Compile) -> _Partitive:
    # One word may stand between the cue and the number: "of which only 32 billion".
    after = _cue_source(data.get("after", ()))
    return _Partitive(
        before=_ending_cue(data.get("before", ()), compile, r"(?:\s+[\w'’]+)?\s+$"),
        after=None if after is None else compile(rf"\s+(?:{after})"),
    )


@dataclass(frozen=True)
class _LanguageTools:
    relations: RelationMatcher
    numbers: NumberParser
    distributive: re.Pattern[str] | None
    change: re.Pattern[str] | None
    # Phrasal verbs that end in a change word and state no change ("lining up 50,000").
    not_change: re.Pattern[str] | None
    # Words before a year that make it a founding date, no figure's ("fondata nel 2023").
    founded: re.Pattern[str] | None
    skip_words: frozenset[str]
    # The articles among them: a measure after one is no unit ("887 milioni di un anno").
    articles: frozenset[str]
    stop_words: frozenset[str]
    counted_tails: re.Pattern[str] | None
    # The stop words such a phrase opens with ("in" of "in total"): only these try it.
    tail_openers: frozenset[str]
    genitives: frozenset[str]
    counted_pass: frozenset[str]
    measures: Mapping[str, str]
    per_unit: re.Pattern[str] | None
    anaphors: re.Pattern[str] | None
    # Words right before a place that say it is where, not who ("in", "nella").
    locatives: re.Pattern[str] | None
    # Words right before a figure another is compared with ("up from", "dal").
    comparison: re.Pattern[str] | None
    # Words that open a relative clause ("which", "che") or an apposition ("a", "the"):
    # an aside, not the figure's.
    relatives: re.Pattern[str] | None
    # A phrase that stands for a company, ending right before a reporting cue ("the
    # Shanghai-based company said") and starting right after one ("secondo la società").
    cited_anaphor: tuple[re.Pattern[str], re.Pattern[str]] | None
    # Where a company discloses its own figures ("in a filing", "comunicato alla Borsa"):
    # a figure reported so is cited from the company it is of.
    disclosures: re.Pattern[str] | None
    # Words between shares or a stake and the company they are in ("of", "in", "di").
    held_in: re.Pattern[str] | None
    # Words between an investment and the company it goes into ("in"), or comes from
    # ("from", "da parte di").
    invested_in: re.Pattern[str] | None
    invested_from: re.Pattern[str] | None
    clause_links: frozenset[str]
    # Participles that, opening a short clause after a comma, tell of the noun before it
    # ("il fatturato di MetaX, salito nel 2024 a 652 milioni").
    clause_participles: frozenset[str]
    # Words that open a new clause with no comma before them ("and that").
    clause_openers: re.Pattern[str] | None
    # The same figure told another way, between commas (", or $1.95 per share,").
    restatements: re.Pattern[str] | None
    cue_automaton: ahocorasick.Automaton | None
    # Citations that, right after an analysts' estimate, cite only it ("according to").
    estimate_citations: tuple[str, ...]
    abbreviations: frozenset[str]
    common_words: frozenset[str]
    term_cue: re.Pattern[str] | None
    # Words no product family is named with ("The 910B", "Nel 2025", "GPU B30A").
    function_words: frozenset[str]
    # Lowercased words that are never a figure's unknown subject ("August", "Governo").
    not_subjects: frozenset[str]
    concepts: _Concepts
    periods: PeriodWords
    layout: LayoutWords | None
    topic: TopicWords | None
    products: ProductPhrases | None
    durations: frozenset[str]
    partitive: _Partitive


_EXCEPTION = "exception"
# Words of an analysts' estimate ("analysts had expected"): a citation that follows one
# cites the estimate (see _AssertionReader._cites_estimate).
_ESTIMATE = "estimates"


def _cue_automaton(assertion: Mapping[str, list[str]]) -> ahocorasick.Automaton | None:
    """Every assertion cue phrase (and exception) in one automaton: one pass per document."""
    phrases: dict[str, set[str]] = {}
    kinds = {kind.value for kind in Assertion if kind is not Assertion.PLAIN}
    for category, words in assertion.items():
        label = _EXCEPTION if category == "exceptions" else category
        if label not in kinds and label not in (_EXCEPTION, _ESTIMATE):
            continue
        for phrase in words:
            lowered = " ".join(str(phrase).lower().split())
            # Articles type either apostrophe.
            for variant in {lowered, lowered.replace("'", "’"), lowered.replace("’", "'")}:
                phrases.setdefault(variant, set()).add(label)
    if not phrases:
        return None
    automaton = ahocorasick.Automaton()
    for phrase, labels in phrases.items():
        automaton.add_word(phrase, (len(phrase), tuple(sorted(labels))))
    automaton.make_automaton()
    return automaton


def _parts(data: Mapping[str, Any], compile: Compile) -> re.Pattern[str] | None:
    """A regex for a part of a company named by a concept, after a word for a division
    if any ("divisione data center", "data center segment"): its figures carry that
    concept, so they are still the company's ("I ricavi della divisione data center")."""
    concepts = data.get("concepts") or {}
    modifiers = set(concepts.get("modifiers") or ())
    phrases = [
        str(phrase)
        for scope in ("counted", "sentence")
        for label, words in (concepts.get(scope) or {}).items()
        if label not in modifiers
        for phrase in words
    ]
    named = _cue_source(phrases)
    if named is None:
        return None
    division = _cue_source(data.get("divisions", ()))
    return compile(named if division is None else rf"(?:{division}\s+)?{named}")


def _anaphor_regex(
    anaphors: Iterable[str], articles: Iterable[str], modifiers: Iterable[str], compile: Compile
) -> re.Pattern[str] | None:
    """A regex for a phrase that stands for the company named before ("the company"),
    also with a modifier ending in one of `modifiers` after its article ("the
    Texas-based company", "the Hong Kong-listed group"): such a modifier places the
    company, it does not make it another one, as "the rival company" would."""
    phrases = [str(phrase).lower() for phrase in anaphors]
    article_words = {str(article).lower() for article in articles}
    rests = [
        rest
        for phrase in phrases
        for first, _, rest in [phrase.partition(" ")]
        if first in article_words and rest
    ]
    article = _cue_source(article_words)
    rest = _cue_source(rests)
    ending = trie_source((str(m).lower() for m in modifiers), _escaped)
    if article is None or rest is None or not ending:
        return _cue_regex(phrases, compile)
    word = r"[\w.'’&]+"
    placed = rf"{article}\s+(?:{word},?\s+){{0,2}}{word}(?:{ending})\s+{rest}"
    return compile(_cue_source(phrases, placed) or placed)


def _cited_anaphor(
    anaphors: Iterable[str], articles: Iterable[str], compile: Compile
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Regexes for a phrase that stands for a company by a reporting cue: an article, up
    to two words, the head noun of one of `anaphors` ("the Shanghai-based company"), and
    before the cue up to two words after it ("la società cinese ha comunicato")."""
    heads = _cue_source(str(phrase).split()[-1].split("'")[-1] for phrase in anaphors)
    article = _cue_source(articles)
    if heads is None or article is None:
        return None
    word = r"[\w'’\-]+"
    # A place may take a comma ("the Los Gatos, California-based company").
    phrase = rf"{article}\s*(?:{word},?\s+){{0,3}}{heads}"
    return (
        compile(rf"{phrase}(?:\s+{word}){{0,2}}\s*$"),
        compile(rf"\s+{phrase}"),
    )


def _company_cue(
    phrases: Iterable[str], articles: Iterable[str], compile: Compile
) -> re.Pattern[str] | None:
    """A regex for the words from what a number counts to a company named after it, an
    article included ("in the")."""
    cue = _cue_source(phrases)
    if cue is None:
        return None
    article = _cue_source(articles)
    return compile(rf"\s*{cue}\s*" if article is None else rf"\s*{cue}\s*(?:{article}\s*)?")


def _tools(language: Language, about_tolerance: float, compile: Compile) -> _LanguageTools:
    data = language.data
    prepositions = data.get("prepositions") or {}
    assertion = data["assertion"]
    forms = frozenset(str(w).lower() for each in prepositions.values() for w in each)
    articles = frozenset(str(w).lower() for w in data.get("articles", ()))
    skip = forms | articles
    concepts = _concepts(data.get("concepts") or {}, compile)
    return _LanguageTools(
        relations=RelationMatcher(
            data["relations"], prepositions, data["fillers"], language.code, compile
        ),
        numbers=NumberParser(data["numbers"], about_tolerance, compile),
        distributive=_cue_regex(assertion.get("distributive", ()), compile),
        change=_ending_cue(data.get("change_cues", ()), compile, r"(?:\s+by)?\s*$"),
        not_change=_ending_cue(data.get("change_exceptions", ()), compile),
        founded=_ending_cue(data.get("founding_cues", ()), compile),
        skip_words=skip,
        articles=articles,
        stop_words=frozenset(str(w).lower() for w in data.get("counted_stop", ())),
        counted_tails=_cue_regex(data.get("counted_tails", ()), compile),
        tail_openers=frozenset(str(t).lower().split()[0] for t in data.get("counted_tails", ())),
        genitives=frozenset(str(w).lower() for w in data.get("genitives", ())),
        counted_pass=frozenset(str(w).lower() for w in data.get("counted_pass", ())),
        measures={
            str(word).lower(): unit
            for unit, words in (data.get("measures") or {}).items()
            for word in words
        },
        per_unit=_cue_regex(data.get("per_unit", ()), compile),
        anaphors=_anaphor_regex(
            data.get("anaphors", ()), articles, data.get("anaphor_modifiers", ()), compile
        ),
        # An apposition opens with an article: ", a measure of contracted revenue,".
        relatives=_cue_regex([*data.get("relatives", ()), *articles], compile),
        cited_anaphor=_cited_anaphor(data.get("anaphors", ()), articles, compile),
        disclosures=_cue_regex(data.get("disclosures", ()), compile),
        held_in=_company_cue(data.get("held_in", ()), articles, compile),
        invested_in=_company_cue(data.get("invested_in", ()), articles, compile),
        invested_from=_company_cue(data.get("invested_from", ()), articles, compile),
        locatives=_ending_cue(data.get("locatives", ()), compile),
        comparison=_ending_cue(
            data.get("comparison_cues", ()),
            compile,
            rf"\s*(?:{_cue_source(articles) or '(?!)'}\s*)?$",
        ),
        clause_links=frozenset(phrase_key(str(w)) for w in data.get("clause_links", ())),
        clause_participles=frozenset(
            phrase_key(str(w)) for w in data.get("clause_participles", ())
        ),
        clause_openers=_opener_regex(data.get("clause_openers", ()), compile),
        restatements=_restatement_regex(
            data.get("restatements", ()), data.get("comparison_cues", ()), compile
        ),
        cue_automaton=_cue_automaton(assertion),
        estimate_citations=tuple(
            phrase_key(str(cue)) for cue in assertion.get("estimate_citations", ())
        ),
        abbreviations=language.abbreviations,
        common_words=language.common_words,
        term_cue=_ending_cue(data.get("term_cues", ()), compile),
        function_words=language.common_words
        | language.stopwords
        | skip
        | frozenset(str(w).lower() for w in data.get("kind_acronyms", ())),
        not_subjects=language.stopwords
        | skip
        | frozenset(str(w).lower() for w in data.get("not_subjects", ())),
        concepts=concepts,
        periods=_periods(data, compile),
        layout=layout_words(data, data.get("articles", ())),
        topic=None
        if concepts.sentence is None
        else TopicWords(
            concept=concepts.sentence,
            articles=articles,
            ties=forms | {str(w).lower() for w in data.get("topic_ties", ())},
            parts=_parts(data, compile),
            joiners=frozenset(str(w).lower() for w in data.get("subject_joiners", ())),
            clause_joiners=frozenset(str(w).lower() for w in data.get("clause_joiners", ())),
        ),
        products=product_phrases(data.get("product_anaphors") or {}),
        durations=frozenset(str(unit) for unit in data.get("durations", ())),
        partitive=_partitive(data.get("partitive") or {}, compile),
    )


class Extractor:
    """Turns documents into claims; built once per run, used for every document."""

    def __init__(
        self,
        index: EntityIndex,
        languages: Mapping[str, Language],
        *,
        about_tolerance: float = 0.1,
        want_candidates: bool = True,
        compile: Compile = re.compile,
    ) -> None:
        """Keep what is needed to compile a language's tools on first use, once per run;
        `compile` compiles the patterns built from language data."""
        self.index = index
        self.want_candidates = want_candidates
        self._languages = languages
        self._about_tolerance = about_tolerance
        self._compile = compile
        self._fallback = next(iter(languages))
        # Compiled on first use: a pre-commit run on one article needs one language.
        self._tools: dict[str, _LanguageTools] = {}

    def tools(self, code: str) -> _LanguageTools:
        """The compiled tools of a language (the first language's for an unknown code)."""
        if code not in self._languages:
            code = self._fallback
        if code not in self._tools:
            self._tools[code] = _tools(self._languages[code], self._about_tolerance, self._compile)
        return self._tools[code]

    def compile_all(self) -> None:
        """Compile every language's tools now, patterns compiled on first use included
        (before forking workers, so that each does not compile them again)."""
        for code in self._languages:
            tools = self.tools(code)
            tools.relations.compile_all()
            tools.numbers.compile_all()

    def extract(self, doc: Document) -> Claims:
        """All claims of `doc`, in text order."""
        tools = self.tools(doc.lang)
        masked = doc.masked
        lowered = masked.lower()
        if len(lowered) != len(masked):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in masked)
        mentions = self.index.find(masked, lowered, doc.lang)
        if tools.term_cue is not None and any(m.variant for m in mentions):
            mentions = [m for m in mentions if not _introduced_term(tools.term_cue, lowered, m)]
        sentences = split_sentences(masked, tools.abbreviations)
        starts = [start for start, _ in sentences]
        by_sentence = _group_mentions(mentions, starts)
        read = _AssertionReader(tools, lowered, sentences)
        attributions: list[Attribution] = []
        successions: list[Succession] = []
        derivations: list[Derivation] = []
        for number, in_sentence in by_sentence.items():
            group = [
                m
                for m in in_sentence
                if m.type in RELATION_TYPES and not _COMPOUND_MODIFIER.match(masked, m.end)
            ]
            if len(group) > 1:
                self._relations(
                    tools,
                    lowered,
                    sentences,
                    number,
                    group,
                    read,
                    (attributions, successions, derivations),
                )
        if tools.layout is not None:
            _layout_attributions(masked, sentences, by_sentence, tools.layout, read, attributions)
        _dispute_corrected(attributions)
        versioned = versioned_names(masked, mentions, tools.function_words)
        self._unlisted_lineage(
            tools,
            (masked, lowered),
            starts,
            (mentions, versioned),
            read,
            (successions, derivations),
        )
        _unlisted_attributions(
            tools, (masked, lowered), sentences, (mentions, versioned), read, attributions
        )
        quantities = self._quantities(
            tools,
            (masked, lowered),
            (sentences, starts),
            (mentions, by_sentence),
            read,
            recent_months(document_date(doc)),
        )
        candidates = self._candidates(tools, masked, mentions) if self.want_candidates else ()
        return Claims(
            mentions=tuple(mentions),
            attributions=tuple(attributions),
            successions=tuple(successions),
            quantities=tuple(quantities),
            sentences=tuple(sentences),
            candidates=candidates,
            derivations=tuple(derivations),
        )

    def _relations(
        self,
        tools: _LanguageTools,
        lowered: str,
        sentences: Sequence[tuple[int, int]],
        number: int,
        group: Sequence[Mention],
        read: _AssertionReader,
        found: tuple[list[Attribution], list[Succession], list[Derivation]],
    ) -> None:
        attributions, successions, derivations = found
        sentence_start, sentence_end = sentences[number]
        distributive = tools.distributive is not None and tools.distributive.search(
            lowered, sentence_start, sentence_end
        )
        for first, second in itertools.pairwise(group):
            if second.start - first.end > MAX_GAP or first.entity == second.entity:
                continue
            pair = None if distributive else _attribution_roles(first, second)
            if pair is not None:
                found_one = _attribution(
                    tools, lowered, (sentence_start, number), pair[0], (first, second), read
                )
                if found_one is not None:
                    attributions.append(found_one)
                    continue
            if first.type == second.type and first.type in SUCCESSION_TYPES:
                _lineage(tools, lowered, number, first, second, read, (successions, derivations))
        # A company named inside a succession ("l'H100, che nella gamma Nvidia ha preso il
        # posto dell'H200") is words a template's "..." may span.
        for first, middle, second in zip(group, group[1:], group[2:], strict=False):
            if (
                middle.type in OWNER_TYPES
                and first.type == second.type
                and first.type in SUCCESSION_TYPES
                and first.entity != second.entity
                and second.start - first.end <= MAX_GAP
            ):
                _lineage(tools, lowered, number, first, second, read, (successions, derivations))

    def _unlisted_lineage(
        self,
        tools: _LanguageTools,
        texts: tuple[str, str],
        starts: Sequence[int],
        names: tuple[Sequence[Mention], Sequence[Mention]],
        read: _AssertionReader,
        found: tuple[list[Succession], list[Derivation]],
    ) -> None:
        """Successions and versions between two names of one family no rule lists
        ("the Ascend 910B, successor to the Ascend 910C", "Kling 2.1, successore di Kling
        2.0"); `names` are the known mentions and the versioned names."""
        masked, lowered = texts
        mentions, versioned = names
        names = lineage_names(unlisted_names(masked, mentions, tools.function_words), versioned)
        for first, second in itertools.pairwise(names):
            if family(first) != family(second) or first.entity == second.entity:
                continue
            number = bisect.bisect_right(starts, first.start) - 1
            if number >= 0 and bisect.bisect_right(starts, second.start) - 1 == number:
                _lineage(tools, lowered, number, first, second, read, found)

    def _quantities(
        self,
        tools: _LanguageTools,
        texts: tuple[str, str],
        split: tuple[Sequence[tuple[int, int]], Sequence[int]],
        names: tuple[Sequence[Mention], Mapping[int, Sequence[Mention]]],
        read: _AssertionReader,
        recent: frozenset[str] | None,
    ) -> list[Quantity]:
        """The figures of a document (`texts`: its masked and lowered text; `split`: its
        sentences and where they start; `names`: its mentions, and those of each
        sentence); `recent` are the months its date makes recent, if it has one."""
        masked, lowered = texts
        sentences, starts = split
        mentions, by_sentence = names
        found: list[Quantity] = []
        mention_starts = [m.start for m in mentions]
        years_of: dict[int, list[tuple[int, int]]] = {}
        periods_of: dict[int, list[tuple[int, int, str]]] = {}
        context_of: dict[int, tuple[Mention, ...]] = {}
        concepts = tools.concepts
        unknown = UnknownSubjects(
            masked, mentions, tools.not_subjects, read.cites, _says_where(tools, lowered)
        )
        current, first_here = -1, 0  # the sentence of the last number, and its first quantity
        numbers = tools.numbers.find(masked)
        number_starts = [number.start for number in numbers]
        opens_subject = _subject_opener(tools.topic, lowered, (sentences, starts), by_sentence)
        # An article that has named a listed company is about it, not about an unlisted
        # name that opens a sentence ("Wei ha detto", TSMC's chief).
        first_owner = next((m.start for m in mentions if m.type in OWNER_TYPES), len(masked))
        # The names of the sentences a sentence's figures may carry a company from: the
        # same for each figure of the sentence.
        before_of = functools.cache(
            functools.partial(
                _sentences_before,
                by_sentence,
                bridges=functools.partial(_carries_company, tools, texts, sentences),
            )
        )
        leads_in = functools.partial(_leads_in, masked)

        def unlisted_topic(index: int) -> Callable[[Sequence[Sequence[Mention]]], Mention | None]:
            return functools.partial(
                _unlisted_topic, unknown, (sentences, index), (read.cites, opens_subject, leads_in)
            )

        def unlisted(index: int) -> Mention | None:
            return unlisted_topic(index)(before_of(index))

        for number in numbers:
            at = bisect.bisect_right(mention_starts, number.value_start) - 1
            if at >= 0:
                previous = mentions[at]
                # Inside a name, or a version right after one ("Qwen 2.5").
                if previous.end > number.value_start:
                    continue
                if previous.type in PRODUCT_TYPES and not masked[
                    previous.end : number.value_start
                ].strip(" -"):
                    continue
            index = bisect.bisect_right(starts, number.start) - 1
            if index < 0:
                continue
            if index != current:
                current, first_here = index, len(found)
            sentence_start, sentence_end = sentences[index]
            counted, counted_end, measure = _counted(tools, lowered, number.end, sentence_end)
            if measure is not None and number.unit is None:
                number = dataclasses.replace(number, unit=measure)
            # Mentions inside what the number counts: found by bisection, not by a scan.
            upto = bisect.bisect_left(mention_starts, counted_end, at + 1)
            of = tuple(m for m in mentions[at + 1 : upto] if m.start >= number.end)
            # What a sentence yields for its numbers is worked out once, for its first one.
            context = context_of.get(index)
            if context is None:
                context = context_of[index] = tuple(
                    itertools.chain.from_iterable(
                        by_sentence.get(i, ())
                        for i in range(max(0, index - CONTEXT_SENTENCES), index + 1)
                    )
                )
            in_sentence = years_of.get(index)
            if in_sentence is None:
                in_sentence = years_of[index] = [
                    (m.start(), int(m.group(0)))
                    for m in _YEAR.finditer(masked, sentence_start, sentence_end)
                    if tools.founded is None
                    or not tools.founded.search(
                        lowered, max(sentence_start, m.start() - 24), m.start()
                    )
                ]
            change = number.signed or _changes(tools, lowered, sentence_start, number.start)
            # A span of time counts nothing: "from the previous three months as customers
            # kept ordering" is no count of customers.
            counted_concepts = (
                concepts.find(concepts.counted, counted)
                if counted and number.unit not in tools.durations
                else set()
            )
            found_concepts = set(counted_concepts)
            clause_start, clause_end = read.clause(index, number.start, number.end)
            # A link, or a colon right before the number, carries on the clause before:
            # "i ricavi sono cresciuti del 18%, a 32,1 miliardi", "A crescere sono stati i
            # ricavi di SenseTime: 2,08 miliardi di yuan".
            if clause_start > sentence_start and (
                _carries_on(tools, lowered[clause_start : number.start])
                or (
                    lowered[clause_start - 1] == ":"
                    and not lowered[clause_start : number.start].strip()
                )
            ):
                clause_start = read.clause(index, clause_start - 1, clause_start - 1)[0]
            # A year after the number counts only in its clause: "GPU acquistate prima della
            # stretta del 2023" dates the ban, not the GPUs.
            years_end = _set_against(numbers, number_starts, number, clause_end)
            years = tuple(
                year for at, year in in_sentence if year != number.value and at < years_end
            )
            # A period, like a year, counts before the number or in its clause: "Nel secondo
            # trimestre, Nvidia ha incassato 46,7 miliardi".
            said_in = periods_of.get(index)
            if said_in is None:
                said_in = periods_of[index] = tools.periods.find(
                    masked, lowered, sentence_start, sentence_end
                )
            # A span a period phrase holds ("negli ultimi dodici mesi") is that period.
            if number.unit in tools.durations and not any(
                start <= number.start < end for start, end, _ in said_in
            ):
                _spread_over(found, first_here, number, (masked, read, index))
            periods = tuple(
                sorted(
                    {
                        period
                        for start, end, period in said_in
                        if (
                            end <= number.start
                            or (
                                number.end <= start < clause_end
                                and not _dates_compared(
                                    tools,
                                    lowered,
                                    (number, start),
                                    said_in,
                                    (numbers, number_starts),
                                )
                            )
                        )
                        and (
                            period not in _EARLIER
                            or _dates_number(
                                (read, tools.comparison), index, (start, number), number_starts
                            )
                        )
                        # A month before the number's clause is its period only where it
                        # opens the sentence ("In September, Nio delivered"): elsewhere it
                        # is when something else happened ("Licences were granted in
                        # July, in an arrangement under which the U.S. will receive 15%").
                        and (
                            start >= clause_start
                            or not is_month(period)
                            or not masked[sentence_start:start].strip()
                        )
                    }
                )
            )
            # The figures of this sentence so far.
            here = found[first_here:]
            per_unit = _per_unit(tools, lowered, (clause_start, clause_end), number, number_starts)
            concept_start = _after_joined(
                tools,
                lowered,
                here,
                (_before_aside(tools, read, (index, clause_start), here, said_in), number.start),
            )
            # The aside the concept is read across ("which includes networking gear"): what
            # it names is not what the figure counts ("Il backlog, cioè il valore degli
            # ordini non ancora consegnati, ha toccato 110 miliardi").
            aside = (
                ((read.clause(index, clause_start - 1, clause_start - 1)[0], clause_start),)
                if concept_start < clause_start
                else ()
            )
            # Words from the conjunction before the clause's next figure on are that
            # figure's: in "consegne tra 125.000 e 132.000 veicoli e ricavi tra 21,5 e 23
            # miliardi" the revenue is not the deliveries'.
            concept_end = _next_figure(
                tools, lowered, number_starts, number, (counted_end, clause_end)
            )
            clause = (
                f"{lowered[concept_start : aside[0][0]]} {lowered[clause_start:concept_end]}"
                if aside
                else lowered[concept_start:concept_end]
            )
            if concepts.sentence is not None and number.unit not in tools.durations:
                found_concepts |= concepts.find(concepts.sentence, clause)
                if not found_concepts:
                    found_concepts = _antecedent(tools, read, (index, clause_start), here)
            # What the subject names is what the number counts: "Le console Switch 2
            # vendute ... sono state 9,12 milioni" counts Switch 2 consoles.
            named_from = (number.end, counted_end)
            if not found_concepts:
                found_concepts, subject_end = concepts.told_by_subject(
                    lowered, concept_start, number.start
                )
                if found_concepts:
                    named_from = (
                        _past_opening_word(masked, sentence_start, concept_start),
                        subject_end,
                    )
                    first = bisect.bisect_left(mention_starts, concept_start)
                    upto = bisect.bisect_left(mention_starts, subject_end, first)
                    of = (*mentions[first:upto], *of)
            found_concepts |= concepts.told_by_verb(
                lowered,
                number.start,
                number.unit in tools.numbers.currency_codes,
                bool(found_concepts),
            )
            # What a sum of money is earned or spent in is named anywhere in its clause:
            # "data-centre revenue rose to $41.1 billion" is not the company's revenue. Not
            # when the words after it say ("$57bn of revenue as corporate customers moved"),
            # nor in a phrase that stands for the company ("la società ha raccolto").
            if (
                number.unit in tools.numbers.currency_codes
                and concepts.counted is not None
                and not _names_concept(concepts, counted, counted_concepts)
            ):
                spent_in = clause if tools.anaphors is None else tools.anaphors.sub(" ", clause)
                found_concepts |= (
                    concepts.find(concepts.counted, spent_in)
                    - concepts.modifiers
                    - concepts.generic
                )
            if found_concepts and any(m.type in PRODUCT_TYPES for m in of):
                found_concepts -= concepts.generic
            whole = _part_of(tools, lowered, (number, counted), (clause_start, clause_end), here)
            if whole is not None:
                found_concepts = set(whole[1])
            if found_concepts <= concepts.modifiers or concepts.names_threshold(
                lowered, clause_start, number
            ):
                found_concepts = set()
            if found_concepts:
                for modifier, wholes in concepts.implied.items():
                    if modifier in found_concepts and not wholes.isdisjoint(found_concepts):
                        found_concepts.discard(modifier)
            held_in = investor = None
            if found_concepts & (concepts.held | concepts.into):
                held_in, investor = _holding(
                    tools,
                    lowered,
                    (number, counted, counted_end, counted_concepts),
                    (of, mentions),
                    bool(found_concepts & concepts.held),
                )
                if held_in is None:
                    found_concepts -= concepts.held
            # Names another number of the sentence counts ("$2.5 billion of H20 orders")
            # are not what this one is said of.
            named = by_sentence.get(index, ())
            # A span of time counts nothing: "Nei nove mesi i ricavi di CATL" names CATL.
            if here:
                named = [
                    m
                    for m in named
                    if not any(
                        q.start <= m.start < q.phrase_end
                        for q in here
                        if q.number.unit not in tools.durations
                    )
                ]
            part = (
                _segment(concepts, lowered, sentence_start, number, (numbers, number_starts))
                if number.unit == _PERCENT and counted and found_concepts and not change
                else None
            )
            # A part is of what its whole is of: "Hunyuan-Large, with 389 billion
            # parameters, of which 52 billion are active" is not Tencent's, named before.
            if whole is not None and whole[0].subject:
                subject = whole[0].subject
            else:
                subject = (
                    _subject(masked, named, (clause_start, number.start), tools.not_subjects)
                    or _whole_owner(
                        tools,
                        texts,
                        (number, of, counted_end),
                        (sentence_start, (context, mentions, starts)),
                        part,
                    )
                ) or _unnamed_subject(
                    tools,
                    lowered,
                    unknown.of(sentences[index], index, clause_start, number.start),
                    (sentence_start, clause_start, number.start),
                    (context, mentions, starts),
                    None if first_owner < number.start else functools.partial(unlisted, index),
                )
            if not subject and (
                counted_concepts - concepts.modifiers
                or (found_concepts and found_concepts <= concepts.of_products | concepts.modifiers)
            ):
                subject = _product_referent(
                    tools, masked, lowered, sentences, index, by_sentence, unknown
                )
            if not subject and found_concepts and tools.topic is not None:
                topic = _topic(
                    tools.topic,
                    lowered,
                    (sentence_start, max(clause_start, concept_start), number.start, clause_end),
                    (said_in, aside),
                    (by_sentence.get(index, ()), before_of(index)),
                    (read.cites, opens_subject),
                    None if first_owner < number.start else unlisted_topic(index),
                )
                if topic is not None:
                    subject = (topic.entity,)
                    if not periods and not years:
                        periods = _periods_between(
                            tools, (masked, lowered), sentences, starts, topic.start, index
                        )
            # "Intel took a $5bn investment from Nvidia" is Nvidia's, into Intel.
            if investor is not None:
                if held_in is None and len(subject) == 1 and subject[0] != investor:
                    held_in = subject[0]
                subject = (investor,)
            if whole is not None and not periods and not years:
                periods, years = whole[0].periods, whole[0].years
            # A figure its sentence sets against the previous quarter's, or the year-ago
            # quarter's, is the quarter's: "è salito al 92,5%, dall'89,6% del trimestre
            # precedente". So is one set against a figure of a named quarter ("58.6%,
            # slightly below the 58.8% of the first quarter").
            if (
                not periods
                and not years
                and (
                    any(period in _AGAINST_A_QUARTER for _, _, period in said_in)
                    or _against_a_quarter(tools, lowered, said_in, number, (numbers, number_starts))
                )
            ):
                periods = ("quarter",)
            # A model's parameters are counted per token, and still a count, not a rate.
            if found_concepts and found_concepts <= concepts.of_products | concepts.modifiers:
                per_unit = False
            # A model's parameters or context window, of no model, are no one's: not the
            # figure of the country named before.
            if (
                not subject
                and found_concepts
                and found_concepts <= concepts.of_products | concepts.modifiers
                and not any(m.type in PRODUCT_TYPES for m in of)
            ):
                found_concepts = set()
            # A month well before the article's date is an earlier event's ("A marzo
            # Anthropic aveva raccolto 3,5 miliardi", in September): not today's figure.
            if found_concepts and found_concepts <= concepts.at_a_moment | concepts.modifiers:
                periods = tuple(
                    period
                    for period in periods
                    if not is_month(period) or (recent is not None and period not in recent)
                )
            assertion = read(index, number.start, clause_start)
            found.append(
                Quantity(
                    number=number,
                    counted=counted,
                    of=of,
                    context=context,
                    years=years,
                    change=change,
                    assertion=assertion,
                    sentence=index,
                    phrase_end=max(counted_end, number.end),
                    clause_start=clause_start,
                    clause_end=clause_end,
                    subject=subject,
                    names=_unknown_names(masked, *named_from, of, tools.common_words),
                    concepts=frozenset(found_concepts),
                    per_unit=per_unit,
                    periods=periods,
                    source=read.source(index, by_sentence.get(index, ()), subject)
                    if assertion is Assertion.REPORTED
                    else None,
                    held_in=held_in,
                    part=part,
                )
            )
        return found

    def _candidates(
        self, tools: _LanguageTools, masked: str, mentions: Sequence[Mention]
    ) -> tuple[tuple[int, int], ...]:
        """Capitalised words no known name covers: what fuzzy name matching looks at."""
        spans = []
        mention_starts = [m.start for m in mentions]
        common = tools.common_words
        for match in _CAPITALISED.finditer(masked):
            if match.group(0).lower() in common:
                continue
            start = match.start()
            at = bisect.bisect_right(mention_starts, start) - 1
            if at >= 0 and mentions[at].end > start:
                continue
            spans.append(match.span())
        return tuple(spans)


def _names_concept(concepts: _Concepts, counted: str, counted_concepts: set[str]) -> bool:
    """Whether the words after a number name what it counts ("of revenue", "GPU"), given
    the `counted` concepts already found in them."""
    if not counted:
        return False
    named = counted_concepts | concepts.find(concepts.sentence, counted)
    return bool(named - concepts.modifiers - concepts.generic)


def _group_mentions(mentions: Sequence[Mention], starts: Sequence[int]) -> dict[int, list[Mention]]:
    groups: dict[int, list[Mention]] = {}
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0:
            groups.setdefault(index, []).append(mention)
    return groups


def _subject(
    masked: str,
    in_sentence: Sequence[Mention],
    span: tuple[int, int],
    not_units: frozenset[str],
) -> tuple[str, ...]:
    """What a number is said of: the products, else the companies, named before it in its
    clause, else before it in its sentence ("DeepSeek, fondata nel 2023, conta 160
    dipendenti"). "DeepSeek ha addestrato V3 su 2.048 GPU" is about V3, not DeepSeek.

    A product is told apart by its version, as written or right after the name: the
    parameters of "GLM-4.5" and of "GLM-4.5-Air" are two quantities, not one misstated;
    and a company's unit by the capitalised words after its name (`_owner_key`).
    """
    clause_start, start = span
    before = [m for m in in_sentence if m.end <= start and m.type in RELATION_TYPES]
    named = [m for m in before if m.start >= clause_start]
    if not named and before:
        # "StepFun, la start-up fondata da un ex dirigente di Microsoft, ha chiuso un round
        # da 700 milioni": the names of an aside after the first are not the subject.
        first = before[0]
        aside = masked[first.end : first.end + 3].lstrip(" ").startswith(",")
        named = [first] if aside else before
    products = [m for m in named if m.type in PRODUCT_TYPES]
    if not products:
        return tuple(_owner_key(masked, m, in_sentence, not_units) for m in named)
    return tuple(_product_key(masked, mention, in_sentence) for mention in products)


def _owner_key(
    masked: str, mention: Mention, in_sentence: Sequence[Mention], not_units: frozenset[str]
) -> str:
    """A company as a figure is said of it: its entity, and the unit that capitalised words
    after its name make of it ("samsung device solutions" for "Samsung Device Solutions";
    not "Samsung Electronics" nor "Nvidia Chief Executive", whose words are `not_units`).
    The revenue of a division is not the company's, nor are the parameters of a model
    named after it ("minimax m2" for "MiniMax-M2")."""
    model = _MAKER_MODEL.match(masked, mention.end)
    if model is not None and not PERIOD_CODE.fullmatch(code := model.group(1) or model.group(2)):
        return f"{mention.entity} {code.lower()}"
    unit = _UNIT.match(masked, mention.end)
    if unit is None or any(mention.end < m.start < unit.end() for m in in_sentence):
        return mention.entity
    words = list(itertools.takewhile(lambda w: w.lower() not in not_units, unit.group(0).split()))
    return " ".join([mention.entity, *words]).lower() if words else mention.entity


def _product_key(masked: str, mention: Mention, in_sentence: Sequence[Mention]) -> str:
    """A product as a figure is said of it: its entity and the version written with it
    ("deepseek-v3 3.1" for "DeepSeek-V3.1")."""
    written = mention.surface
    tier = _TIER.match(masked, mention.end)
    # Not when the capitalised word starts another name ("GLM-4.5 Zhipu").
    if tier and not any(mention.end < m.start < tier.end() for m in in_sentence):
        written += tier.group(0)
    version = _VERSION.search(_NAME_NOISE.sub("", written.lower()))
    return f"{mention.entity} {version.group(0)}" if version else mention.entity


def _set_against(
    numbers: Sequence[NumberMatch], starts: Sequence[int], number: NumberMatch, end: int
) -> int:
    """Where the words that may date `number` end in its clause (which ends at `end`): at
    a later figure it is set against, which a year after it dates instead ("rose to $44.3
    billion from $38.96 billion in fiscal 2024", "a 398,27 miliardi, contro i 247,85
    miliardi del 2024"): one in the same unit, or with none written, of the same order of
    magnitude."""
    for later in numbers[bisect.bisect_right(starts, number.start) :]:
        if later.start >= end:
            break
        if later.signed or later.unit not in (number.unit, None):
            continue
        if later.unit is not None or (number.value and 0.1 <= later.value / number.value <= 10):
            return later.start
    return end


def _after_joined(
    tools: _LanguageTools, lowered: str, earlier: Sequence[Quantity], span: tuple[int, int]
) -> int:
    """Where the words said of a figure start (`span`: where they would, and where the
    figure starts): past the last conjunction after a figure before it in that span,
    whose words the words before are ("consegne tra 125.000 e 132.000 veicoli e ricavi
    tra 21,5 e 23 miliardi": the second figure is revenue, not deliveries)."""
    start, end = span
    if not earlier or earlier[-1].start < start:
        return start
    figures = [q for q in earlier if q.start >= start]
    ends = [q.start for q in figures[1:]] + [end]
    for figure, gap_end in zip(reversed(figures), reversed(ends), strict=True):
        joined = _joined(tools, lowered, figure.phrase_end, gap_end)
        if joined is not None:
            return joined
    return start


def _joined(tools: _LanguageTools, lowered: str, start: int, end: int) -> int | None:
    """Where the last conjunction between two figures (from `start` to `end`) starts,
    when words of the second follow it ("veicoli e ricavi tra"); None when there is
    none, or only an article follows ("tra il 10% e il 12%" is one thing counted)."""
    if tools.topic is None:
        return None
    words = list(_WORDS.finditer(lowered, start, end))
    for at in range(len(words) - 1, -1, -1):
        if words[at].group(0) in tools.topic.joiners:
            after = words[at + 1 :]
            if all(_listed(word.group(0), tools.articles) for word in after):
                return None
            return words[at].start()
    return None


def _next_figure(
    tools: _LanguageTools,
    lowered: str,
    starts: Sequence[int],
    number: NumberMatch,
    span: tuple[int, int],
) -> int:
    """Where the words said of `number` end in its clause (`span`: where what it counts
    ends, and the clause's end; `starts`: where the document's numbers start): at the
    conjunction before the clause's next figure, or at that figure; at the clause's end
    when no figure follows."""
    counted_end, clause_end = span
    later = bisect.bisect_left(starts, max(number.end, counted_end))
    if later == len(starts) or starts[later] >= clause_end:
        return clause_end
    joined = _joined(tools, lowered, max(number.end, counted_end), starts[later])
    return starts[later] if joined is None else joined


def _dates_compared(
    tools: _LanguageTools,
    lowered: str,
    at: tuple[NumberMatch, int],
    said_in: Sequence[tuple[int, int, str]],
    numbers: tuple[Sequence[NumberMatch], Sequence[int]],
) -> bool:
    """Whether the period phrase at `at[1]`, after figure `at[0]`, dates a later figure
    the sentence sets against it instead, when the first figure's own period comes
    before that one: "rose to $34.2bn in the third quarter from $31.4bn in the second
    quarter" (`said_in`: the sentence's periods; `numbers`: the document's, and where
    they start)."""
    number, start = at
    if tools.comparison is None:
        return False
    numbers, number_starts = numbers
    for later in numbers[bisect.bisect_left(number_starts, number.end) :]:
        if later.start >= start:
            break
        compared = tools.comparison.search(
            lowered, max(number.end, later.start - _COMPARED_REACH), later.start
        )
        if compared and any(number.end <= own < later.start for own, _, _ in said_in):
            return True
    return False


def _antecedent(
    tools: _LanguageTools,
    read: _AssertionReader,
    at: tuple[int, int],
    earlier: Sequence[Quantity],
) -> set[str]:
    """The concept a relative clause holding a figure is said of, when the clause before
    ends with it (`at`: the sentence's number and where the relative clause starts):
    "Amazon's capital expenditures, which rose to $34.2bn", "le spese in conto capitale
    di Amazon, che sono salite a 30,1 miliardi". Only a genitive may follow the concept's
    words ("di Amazon"): in "revenue came from AWS, which rose to $33bn" the relative is
    said of AWS, not of revenue."""
    index, clause_start = at
    lowered, concepts = read.lowered, tools.concepts
    opening = clause_start + 1 if lowered.startswith(" ", clause_start) else clause_start
    relative = None if tools.relatives is None else tools.relatives.match(lowered, opening)
    if (
        relative is None
        or relative.group(0) in tools.articles
        or clause_start <= read.sentences[index][0]
    ):
        return set()
    before = read.clause(index, clause_start - 1, clause_start - 1)[0]
    if any(before <= figure.start < clause_start for figure in earlier):
        return set()
    words = lowered[before : clause_start - 1]
    last = None
    for pattern in (concepts.sentence, concepts.counted):
        for found in () if pattern is None else pattern.finditer(words):
            if last is None or found.end() > last.end():
                last = found
    if last is None:
        return set()
    tail = words[last.end() :].split()
    if tail and not (len(tail) <= _GENITIVE_WORDS and _listed(_elided(tail[0]), tools.genitives)):
        return set()
    return {concepts.meaning[phrase_key(last.group(0))]} - concepts.modifiers


def _against_a_quarter(
    tools: _LanguageTools,
    lowered: str,
    said_in: Sequence[tuple[int, int, str]],
    number: NumberMatch,
    numbers: tuple[Sequence[NumberMatch], Sequence[int]],
) -> bool:
    """Whether the sentence compares `number` with a later figure of a named quarter
    (`numbers`: the document's numbers and where they start): a
    comparison cue ("below the", "dal") right before that figure, and the quarter's
    phrase after it ("58.6%, slightly below the 58.8% of the first quarter")."""
    if tools.comparison is None:
        return False
    numbers, number_starts = numbers
    for start, _, period in said_in:
        if start <= number.end or not is_quarter(period):
            continue
        later = bisect.bisect_left(number_starts, start) - 1
        if later < 0 or number_starts[later] < number.end:
            continue
        # The cue may be read as the figure's qualifier ("below the 58.8%").
        for compared in (numbers[later].start, numbers[later].value_start):
            since = max(number.end, compared - _COMPARED_REACH)
            if tools.comparison.search(lowered, since, compared):
                return True
    return False


def _dates_number(
    readers: tuple[_AssertionReader, re.Pattern[str] | None],
    index: int,
    at: tuple[int, NumberMatch],
    number_starts: Sequence[int],
) -> bool:
    """Whether an earlier period's phrase starting at `at[0]` ("a year earlier", "nel
    trimestre precedente") is the period of number `at[1]`. Such a phrase is the nearest
    number's before it in its clause: in "rose 68% from a year earlier to 9.21 trillion
    won" it is the change's, in "rose to $11.32 billion from $7.75 billion a year
    earlier" the second figure's. Only with no number before it is it the period of the
    numbers after it ("A year earlier, revenue was $7.75 billion"), unless a comparison
    cue makes it what they are compared with (`readers`: the sentence reader and that
    cue: "more than doubled from a year earlier to 19.1 billion yuan"); `number_starts`
    are where the document's numbers start, in order."""
    read, comparison = readers
    start, number = at
    if number.end <= start:
        since = number.end
    elif comparison is not None and comparison.search(
        read.lowered, max(read.sentences[index][0], start - _COMPARED_REACH), start
    ):
        return False
    else:
        since = read.clause(index, start, start)[0]
    return bisect.bisect_left(number_starts, since) == bisect.bisect_left(number_starts, start)


def _per_unit(
    tools: _LanguageTools,
    lowered: str,
    clause: tuple[int, int],
    number: NumberMatch,
    number_starts: Sequence[int],
) -> bool:
    """Whether a figure is per unit ("$30,000 each", "each H100 costs $30,000"): a cue
    after it is the nearest number's before the cue, so "433.3 million shares at $20.47
    apiece" prices the shares, and still counts 433.3 million of them."""
    clause_start, clause_end = clause
    # Most clauses have no cue: one search says so.
    if tools.per_unit is None or not tools.per_unit.search(lowered, clause_start, clause_end):
        return False
    for cue in tools.per_unit.finditer(lowered, clause_start, clause_end):
        if cue.start() < number.start:
            return True
        if bisect.bisect_left(number_starts, cue.start()) == bisect.bisect_right(
            number_starts, number.start
        ):
            return True
    return False


def _holding(
    tools: _LanguageTools,
    lowered: str,
    phrase: tuple[NumberMatch, str, int, set[str]],
    names: tuple[Sequence[Mention], Sequence[Mention]],
    held: bool,
) -> tuple[str | None, str | None]:
    """The company the shares, stake (`held`) or investment a number counts are in, and
    the company an investment comes from. Shares name theirs in what the number counts
    ("374 million Intel shares", "l'8,5% di Intel"); either names it right after the
    number, or after what it counts when that names the shares or the investment ("a
    9.9% stake in Intel", "5 miliardi di dollari in Intel", "a $5bn investment from
    Nvidia"; not "il 13% dei ricavi di Nvidia"). `phrase`: the number, what it counts,
    where that ends and the concepts named there; `names`: the names in what it counts,
    and all of them."""
    number, counted, counted_end, counted_concepts = phrase
    of, mentions = names
    concepts = tools.concepts
    after = [number.end]
    names_holding = counted_concepts & concepts.held or concepts.into & concepts.find(
        concepts.sentence, counted
    )
    if counted_end > number.end and names_holding:
        after.append(counted_end)
    if held:
        owner = next((m.entity for m in of if m.type in OWNER_TYPES), None)
        return owner or _company_after(tools.held_in, lowered, after, mentions), None
    return (
        _company_after(tools.invested_in, lowered, after, mentions),
        _company_after(tools.invested_from, lowered, after, mentions),
    )


def _company_after(
    cue: re.Pattern[str] | None, lowered: str, after: Sequence[int], mentions: Sequence[Mention]
) -> str | None:
    """The company named right after `cue`, where the cue stands at one of `after`."""
    if cue is None:
        return None
    for at in after:
        found = cue.match(lowered, at)
        if found is None:
            continue
        index = bisect.bisect_left(mentions, found.end(), key=lambda m: m.start)
        if (
            index < len(mentions)
            and mentions[index].start == found.end()
            and mentions[index].type in OWNER_TYPES
        ):
            return mentions[index].entity
    return None


def _says_where(tools: _LanguageTools, lowered: str) -> Callable[[Mention], bool]:
    """Whether a known name only says where, as a place after a locative ("in Greater
    China", "nella Grande Cina"), not who."""
    locatives = tools.locatives

    def says_where(mention: Mention) -> bool:
        return (
            locatives is not None
            and mention.type in PLACE_TYPES
            and locatives.search(lowered, max(0, mention.start - _LOCATIVE_REACH), mention.start)
            is not None
        )

    return says_where


def _before_aside(
    tools: _LanguageTools,
    read: _AssertionReader,
    at: tuple[int, int],
    earlier: Sequence[Quantity],
    said_in: Sequence[tuple[int, int, str]],
) -> int:
    """Where the words a figure's concept may be named in start (`at`: the sentence's
    number and where the figure's clause starts): its clause, and the clause before when
    an aside with no figure stands between. The aside cites ("Kimi K2 è stato
    pre-addestrato, secondo Moonshot, su oltre 15.000 miliardi di token"), ends a period
    named by its end date ("Revenue for the fiscal fourth quarter, which ended Aug. 28,
    rose 46% to $11.32 billion") or says what the concept holds ("Data center revenue,
    which includes the company's AI processors and networking gear, rose to $41.1
    billion")."""
    index, clause_start = at
    sentence_start = read.sentences[index][0]
    if clause_start <= sentence_start:
        return clause_start
    aside = read.clause(index, clause_start - 1, clause_start - 1)[0]
    if aside <= sentence_start or not (
        (clause_start - aside <= _ASIDE_REACH and read.cites(aside, clause_start))
        or any(
            aside < end <= clause_start and period_end(period) is not None
            for _, end, period in said_in
        )
        or (
            clause_start - aside <= _RELATIVE_REACH
            and tools.relatives is not None
            and tools.relatives.match(read.lowered, aside + 1)
        )
    ):
        return clause_start
    before = read.clause(index, aside - 1, aside - 1)[0]
    # Past a parenthesis that closes the concept: "Oracle's remaining performance
    # obligations (RPO), the value of contracts signed, swelled to $355 billion".
    if read.lowered[sentence_start : aside - 1].rstrip(" ,").endswith(")"):
        opening = read.lowered.rfind("(", sentence_start, aside)
        if opening > sentence_start:
            before = read.clause(index, opening - 1, opening - 1)[0]
    # Not past a figure of its own: in "revenue topped $5 billion, Anthropic said, up from
    # about $1 billion" the concept is the first figure's.
    if any(before <= figure.start < clause_start for figure in earlier):
        return clause_start
    return before


def _part_of(
    tools: _LanguageTools,
    lowered: str,
    counting: tuple[NumberMatch, str],
    clause: tuple[int, int],
    earlier: Sequence[Quantity],
) -> tuple[Quantity, frozenset[str]] | None:
    """The figure of its sentence a number is a part of, and the concepts of the part:
    "1 trillion parameters in total, of which 32 billion are active", "671 billion
    parameters with 37 billion active", "di cui 32 miliardi attivi". Only a part the
    words name by a modifier alone ("active", "new") is one: in "revenue of $10 billion,
    of which $4 billion came from cloud" the part is no revenue the text names."""
    concepts = tools.concepts
    if not earlier or concepts.counted is None:
        return None
    number, counted = counting
    clause_start, clause_end = clause
    if concepts.meaning.get(phrase_key(counted)) in concepts.modifiers:
        kinds = concepts.find(concepts.counted, counted)
    elif tools.partitive.marks(lowered, clause_start, number.start, number.end):
        kinds = concepts.find(concepts.counted, lowered[number.end : clause_end])
        if not kinds <= concepts.modifiers:
            return None
    else:
        return None
    if not kinds:
        return None
    for whole in reversed(earlier):
        heads = whole.concepts - concepts.modifiers
        if heads and whole.number.unit == number.unit and not whole.change:
            return whole, heads | kinds
    return None


def _segment(
    concepts: _Concepts,
    lowered: str,
    sentence_start: int,
    number: NumberMatch,
    figures: tuple[Sequence[NumberMatch], Sequence[int]],
) -> str | None:
    """The part of a business a share of a whole is of, when a verb gives the part its
    share ("accounted for", "ha rappresentato"): the last one named since the figure
    before it in its sentence ("Auto made up 51% and industrial 20%"), else the one the
    sentence opens with, before its first figure ("Il business dell'IA generativa ha
    portato ricavi per 1,82 miliardi e ha rappresentato il 77,7%")."""
    numbers, starts = figures
    at = bisect.bisect_left(starts, number.start) - 1
    since = max(sentence_start, numbers[at].end) if at >= 0 else sentence_start
    verb = concepts.share_verb(lowered, number.start)
    if verb is None or verb < since:
        return None
    named = concepts.segment(lowered, since, verb)
    if named is None and since > sentence_start:
        first = numbers[bisect.bisect_left(starts, sentence_start)]
        named = concepts.segment(lowered, sentence_start, first.start, last=False)
    return named


def _whole_owner(
    tools: _LanguageTools,
    texts: tuple[str, str],
    counted: tuple[NumberMatch, Sequence[Mention], int],
    names: tuple[int, tuple[Sequence[Mention], Sequence[Mention], Sequence[int]]],
    part: str | None,
) -> tuple[str, ...]:
    """The company whose whole a segment's share is of (`counted`: the share, the
    mentions in what it counts and where that ends; `names`: where its sentence starts,
    and the names as `_unnamed_subject` takes them): named in what the share counts
    ("45% of Infineon's revenue"), right after it ("il 51% dei ricavi di Infineon"), or
    by a phrase standing for it there ("il 47% dei ricavi del gruppo di Hsinchu"); none
    unless the share names a part (`part`)."""
    if part is None:
        return ()
    masked, lowered = texts
    number, of, counted_end = counted
    sentence_start, known = names
    owners = {m.entity for m in of if m.type in OWNER_TYPES}
    if owners:
        return tuple(owners) if len(owners) == 1 else ()
    after = _company_after(tools.held_in, lowered, (counted_end,), known[1])
    if after is not None:
        return (after,)
    anaphors = tools.anaphors
    phrase = (
        None
        if anaphors is None
        else anaphors.search(lowered, number.end, counted_end + _ANAPHOR_AFTER_COUNTED)
    )
    if phrase is None:
        return ()
    # "del gruppo Volkswagen" names its company, listed or not.
    after = masked[phrase.end() : phrase.end() + 2].strip()
    if after[:1].isupper():
        mentions = known[1]
        at = bisect.bisect_left(mentions, phrase.end(), key=lambda m: m.start)
        if at < len(mentions) and mentions[at].start <= phrase.end() + 1:
            named = mentions[at]
            return (named.entity,) if named.type in OWNER_TYPES else ()
        return ()
    return _referent(known, sentence_start, number.start)


def _spread_over(
    found: list[Quantity],
    first_here: int,
    span: NumberMatch,
    where: tuple[str, _AssertionReader, int],
) -> None:
    """Give the figures before a span of time in their clause (`first_here`: the first
    of its sentence; `where`: the text, its reader and the sentence's number) that span
    as their period: "380 miliardi di yuan in tre anni" is spent over three years,
    whatever quarter its sentence names ("Capital expenditure in the quarter rose to 28.6
    billion yuan, and ... the 380 billion yuan it pledged over three years"). An aside in
    brackets does not end the clause ("380 billion yuan ($53 billion) over three years")."""
    masked, read, index = where
    period = (f"{span.value:g} {span.unit}",)
    for at in range(first_here, len(found)):
        figure = found[at]
        end = figure.clause_end
        if masked.startswith("(", end):
            close = masked.find(")", end, span.start)
            if close >= 0:
                end = read.clause(index, close + 1, close + 1)[1]
        if end > span.start and not figure.change:
            found[at] = dataclasses.replace(figure, periods=period)


def _product_referent(
    tools: _LanguageTools,
    masked: str,
    lowered: str,
    sentences: Sequence[tuple[int, int]],
    index: int,
    by_sentence: Mapping[int, Sequence[Mention]],
    unknown: UnknownSubjects,
) -> tuple[str, ...]:
    """The product a sentence opening with "the model" or "il chip" stands for, named in
    the sentences before (see `product_anaphors`); () if none is sure."""
    if tools.products is None:
        return ()
    kinds = opening_kinds(tools.products, lowered, sentences[index][0])
    if not kinds:
        return ()

    def named(before: int) -> list[str]:
        in_sentence = by_sentence.get(before, ())
        keys = [_product_key(masked, m, in_sentence) for m in in_sentence if m.type in kinds]
        # A name no rule lists is a product when it carries a version ("Step-3").
        return keys + [
            key
            for _, _, key in unknown.names(sentences[before], before)
            if any(c.isdigit() for c in key)
        ]

    # Read sentence by sentence, nearest first: the first naming a product decides.
    nearest = range(index - 1, max(-1, index - 1 - CONTEXT_SENTENCES), -1)
    found = referent(named(before) for before in nearest)
    return (found,) if found is not None else ()


def _unnamed_subject(
    tools: _LanguageTools,
    lowered: str,
    unlisted: tuple[int, int, str] | None,
    span: tuple[int, int, int],
    names: tuple[Sequence[Mention], Sequence[Mention], Sequence[int]],
    carried: Callable[[], Mention | None] | None = None,
) -> tuple[str, ...]:
    """What a number no known name comes before is said of (`span`: where its sentence
    and its clause start, and where it starts; `names`: the names of its sentence and
    the ones before, all of the document's, and where its sentences start; `carried`:
    the name no rule lists the sentences before carry on, where the article has named
    no listed company before the number).

    A phrase such as "la società" or "the company" refers back to the company named last
    in its sentence ("la società fondata da Liang Wenfeng indica un costo di 5,6
    milioni"), else to the one named first in the last sentence before that names one,
    its subject, not a rival it is compared with ("Xpeng ha consegnato 42.013 veicoli,
    più di Nio e di Li Auto. Per il quarto trimestre il gruppo prevede"), or further back to
    the only company the article has named ("A ottobre il gruppo ha consegnato", under a
    heading, three paragraphs after the lead that named Nio). Else the unlisted
    name before the number is its subject ("Step-3 has 321 billion parameters"), and so
    it is when such a phrase only stands in an aside after it ("Azure, la piattaforma
    cloud del gruppo di Redmond, ha superato i 75 miliardi"). Where no listed company is
    named, such a phrase refers to the unlisted one the sentences before carry on
    ("Stellantis ha pubblicato i conti. Il gruppo ha chiuso il semestre con ricavi per").
    """
    start, clause_start, end = span
    anaphors = tools.anaphors
    if anaphors is None:
        return (unlisted[2],) if unlisted is not None else ()
    if unlisted is None:
        refers = anaphors.search(lowered, start, end)
    else:
        refers = anaphors.search(lowered, start, unlisted[0]) or anaphors.search(
            lowered, max(unlisted[1], clause_start), end
        )
        if not refers:
            return (unlisted[2],)
    if not refers:
        return ()
    referent = _referent(names, start, end)
    if referent or carried is None:
        return referent
    name = carried()
    return () if name is None else (name.entity,)


def _referent(
    names: tuple[Sequence[Mention], Sequence[Mention], Sequence[int]], start: int, end: int
) -> tuple[str, ...]:
    """The company a phrase standing for one ("la società") refers back to, in a
    sentence from `start` whose words before `end` may name it (see `_unnamed_subject`;
    `names` as there)."""
    context, mentions, starts = names
    owners = [m for m in context if m.start < end and m.type in OWNER_TYPES]
    if owners:
        if owners[-1].start >= start:
            return (owners[-1].entity,)
        opened = starts[bisect.bisect_right(starts, owners[-1].start) - 1]
        return (next(m for m in owners if m.start >= opened).entity,)
    named = {
        m.entity
        for m in itertools.takewhile(lambda m: m.start < end, mentions)
        if m.type in OWNER_TYPES
    }
    return (named.pop(),) if len(named) == 1 else ()


def _attribution(
    tools: _LanguageTools,
    lowered: str,
    where: tuple[int, int],
    role: str,
    pair: tuple[Mention, Mention],
    read: _AssertionReader,
) -> Attribution | None:
    """The attribution a template states between two adjacent names of one sentence
    (`where`: its start and number), with the product first when `role` is "product"."""
    sentence_start, number = where
    first, second = pair
    template = tools.relations.match(
        "attribution",
        role,
        lowered[first.end : second.start],
        lowered[max(sentence_start, first.start - MAX_GAP) : first.start],
        lowered,
        second.end,
    )
    if template is None:
        return None
    product, owner = (first, second) if role == "product" else (second, first)
    return Attribution(
        product,
        owner,
        first.start,
        second.end,
        template.text,
        _asserted(read, number, template, first, second),
        number,
    )


def _unlisted_attributions(
    tools: _LanguageTools,
    texts: tuple[str, str],
    sentences: Sequence[tuple[int, int]],
    known: tuple[Sequence[Mention], Sequence[Mention]],
    read: _AssertionReader,
    attributions: list[Attribution],
) -> None:
    """Attributions of names no rule lists to a known company, by the templates that
    relate listed names: "Step 3, developed by MiniMax", "Pangu 5.5 di Huawei". Only a
    name with a version number is taken for a product (`unlisted.versioned_names`; `known`
    holds the mentions and those names), and only the company right after or right
    before it, with no other name between."""
    masked, lowered = texts
    mentions, names = known
    if not names:
        return
    starts = [start for start, _ in sentences]
    mention_starts = [m.start for m in mentions]
    for name in names:
        number = bisect.bisect_right(starts, name.start) - 1
        if number < 0:
            continue
        sentence_start, sentence_end = sentences[number]
        at = bisect.bisect_left(mention_starts, name.end)
        pairs = []
        if at < len(mentions) and mentions[at].start < sentence_end:
            pairs.append(("product", name, mentions[at]))
        if (
            at > 0
            and sentence_start <= mentions[at - 1].start
            and mentions[at - 1].end <= name.start
        ):
            pairs.append(("owner", mentions[at - 1], name))
        for role, first, second in pairs:
            owner = second if role == "product" else first
            if (
                owner.type not in OWNER_TYPES
                or second.start - first.end > MAX_GAP
                or _COMPOUND_MODIFIER.match(masked, owner.end)
            ):
                continue
            found_one = _attribution(
                tools, lowered, (sentence_start, number), role, (first, second), read
            )
            if found_one is not None:
                attributions.append(found_one)
                break


def _subject_opener(
    words: TopicWords | None,
    lowered: str,
    split: tuple[Sequence[tuple[int, int]], Sequence[int]],
    by_sentence: Mapping[int, Sequence[Mention]],
) -> Callable[[Mention], bool]:
    """Whether a name opens its sentence as its subject (see `opens_with_name`), not as
    the owner of another company named right after it ("Huawei's smartphone rival Xiaomi
    is also designing its own processors" is about Xiaomi)."""
    sentences, starts = split

    def opens(name: Mention) -> bool:
        index = bisect.bisect_right(starts, name.start) - 1
        if words is None or index < 0:
            return False
        if not opens_with_name(words, lowered, sentences[index][0], name):
            return False
        if not lowered.startswith(("'s", "’s"), name.end):
            return True
        return not any(
            m.type in OWNER_TYPES
            and m.entity != name.entity
            and 0 <= m.start - name.end <= _POSSESSED
            for m in by_sentence.get(index, ())
        )

    return opens


def _sentences_before(
    by_sentence: Mapping[int, Sequence[Mention]],
    index: int,
    bridges: Callable[[int, int], bool],
) -> list[Sequence[Mention]]:
    """The names of each of the CONTEXT_SENTENCES sentences before sentence `index`,
    nearest first, and one more for each of them that carries the company named before
    it on to sentence `index` (`bridges`, up to _BRIDGES): "The company said most of the
    expense related to earlier periods"."""
    found: list[Sequence[Mention]] = []
    reach = CONTEXT_SENTENCES
    before = index - 1
    while before >= 0 and len(found) < reach:
        found.append(by_sentence.get(before, ()))
        if reach < CONTEXT_SENTENCES + _BRIDGES and bridges(before, index):
            reach += 1
        before -= 1
    return found


def _carries_company(
    tools: _LanguageTools,
    texts: tuple[str, str],
    sentences: Sequence[tuple[int, int]],
    before: int,
    index: int,
) -> bool:
    """Whether sentence `before` carries the company named before it on to sentence
    `index`: it opens with a phrase that stands for the company ("The company said",
    "La società ha"), or it is an item of the list sentence `index` is an item of, whose
    lead-in may name the company ("Questi i principali dati del terzo trimestre di
    Netflix:")."""
    masked, lowered = texts
    sentence = sentences[before]
    if all(opens_list_item(masked, start) for start, _ in sentences[before : index + 1]):
        return True
    if tools.anaphors is None:
        return False
    opening = lowered[sentence[0] : sentence[0] + _ANAPHOR_OPENING].lstrip(" \t\r\n>*_-")
    return tools.anaphors.match(opening) is not None


def _topic(
    words: TopicWords,
    lowered: str,
    span: tuple[int, int, int, int],
    skipped: tuple[Sequence[tuple[int, int, str]], Sequence[tuple[int, int]]],
    mentions: tuple[Sequence[Mention], Sequence[Sequence[Mention]]],
    readers: tuple[Callable[[int, int], bool], Callable[[Mention], bool]],
    unlisted: Callable[[Sequence[Sequence[Mention]]], Mention | None] | None,
) -> Mention | None:
    """The company the sentences before carry on to a figure its own sentence gives no
    one for (`span`: where the sentence, the words said of the number and the number
    start, and where the number's clause ends; `skipped`: the period phrases of the
    sentence and the aside its concept is read across; `mentions`: the names of its
    sentence, and those of each sentence before, nearest first; `readers`: whether a
    reporting cue lies in a span, and whether a name opens its sentence as its subject;
    see `topics`). A company its sentence quotes as the source of the figure is the one
    ("Run-rate revenue has topped $5 billion, Anthropic said"). Where no listed company
    is either, `unlisted`, given the names of the sentences before, gives the name no
    rule lists that is, if it may. The words said of the number may open its clause, not
    the sentence ("..., mentre l'utile netto è stato di 382 milioni")."""
    sentence_start, clause_start, number_start, clause_end = span
    in_sentence, before = mentions
    cites, opens = readers
    # The cheap tests first: most figures' sentences fail one. A name after the number in
    # its clause may be what it is of ("dopo i 40 miliardi ottenuti a marzo da OpenAI").
    named = [m for m in in_sentence if m.type in RELATION_TYPES]
    if any(m.start < clause_end for m in named):
        return None
    owner = _speaker(lowered, named, number_start, cites) or topic_owner(before, OWNER_TYPES, opens)
    if owner is None and not named and unlisted is not None:
        owner = unlisted(before)
    if owner is None:
        return None
    periods, asides = skipped
    if not opens_with_concept(
        words, lowered, (sentence_start, number_start), periods, asides
    ) and not opens_clause_with_concept(words, lowered, (clause_start, number_start), periods):
        return None
    return owner


def _leads_in(masked: str, lead: tuple[int, int], items: Sequence[tuple[int, int]]) -> bool:
    """Whether sentence `lead` ends with a colon and `items` are items of the list it
    leads in to ("Questi i principali dati del terzo trimestre di Netflix:")."""
    return masked[lead[0] : lead[1]].rstrip().endswith(":") and all(
        opens_list_item(masked, start) for start, _ in items
    )


def _unlisted_topic(
    unknown: UnknownSubjects,
    where: tuple[Sequence[tuple[int, int]], int],
    readers: tuple[
        Callable[[int, int], bool],
        Callable[[Mention], bool],
        Callable[[tuple[int, int], Sequence[tuple[int, int]]], bool],
    ],
    before: Sequence[Sequence[Mention]],
) -> Mention | None:
    """The name no rule lists that a figure is said of when its sentence (`where`: the
    document's sentences and its index) opens with the concept and names no listed one:
    the only unlisted name of the sentence, if quoted as the source ("Net sales more than
    doubled to 1.10 trillion yen, Nintendo said", "secondo quanto comunicato da
    Nintendo"), else the one that opens, as its subject, the nearest sentence before
    that names anyone ("Nintendo sold 10.36 million Switch 2 consoles in the first
    half."), or the only one of the lead-in of a list the sentence is an item of
    (`leads_in`). The caller asks only before the article names a listed company;
    `before` (the names of the sentences before, nearest first) and the other readers
    are as for `_topic`."""
    sentences, index = where
    cites, opens, leads_in = readers
    here = unknown.names(sentences[index], index)
    if here:
        if any(key != here[0][2] for _, _, key in here):
            return None
        for start, end, key in here:
            if cites(end, end + _SPEAKER_CUE) or cites(start - _SOURCE_CUE, start):
                return Mention(key, UNLISTED_TYPE, start, end, key)
        return None
    passed: set[str] = set()
    for back, listed in enumerate(before, 1):
        if any(m.type in OWNER_TYPES for m in listed):
            return None
        names = unknown.names(sentences[index - back], index - back)
        if not names:
            continue
        start, end, key = names[0]
        opener = Mention(key, UNLISTED_TYPE, start, end, key)
        if opens(opener) or (
            all(name == key for _, _, name in names)
            and leads_in(sentences[index - back], sentences[index - back + 1 : index + 1])
        ):
            return opener if passed <= {key} else None
        # A sentence that names it only further in ("which Netflix had been contesting")
        # leaves the subject to the one before, if that opens with the same name.
        passed.update(name for _, _, name in names)
    return None


def _speaker(
    lowered: str,
    named: Sequence[Mention],
    number_start: int,
    cites: Callable[[int, int], bool],
) -> Mention | None:
    """The company quoted, after the number, as the source of a figure ("..., Anthropic
    said", "..., ha comunicato Tencent"), when it is the only one the sentence names,
    under one name or two, also across an aside between its name and the cue ("Hon Hai
    Precision Industry, as Foxconn is formally known, said")."""
    if not named or any(m.entity != named[0].entity for m in named):
        return None
    if named[0].type not in OWNER_TYPES or named[0].start < number_start:
        return None
    for speaker in named:
        aside = _SPEAKER_ASIDE.match(lowered, speaker.end)
        after = aside.end() if aside is not None else speaker.end
        if cites(after, after + _SPEAKER_CUE) or cites(speaker.start - _SPEAKER_CUE, speaker.start):
            return speaker
    return None


def _periods_between(
    tools: _LanguageTools,
    texts: tuple[str, str],
    sentences: Sequence[tuple[int, int]],
    starts: Sequence[int],
    since: int,
    index: int,
) -> tuple[str, ...]:
    """The period the sentences from the one holding `since` to sentence `index` name,
    if they name one only ("Baidu ha pubblicato i conti del secondo trimestre"), not
    counting months. The periods of figures set against others ("dal 33% di un anno
    prima") are not theirs, and the periods named are read as one where they name one
    (`canonical`: "ha chiuso l'esercizio con un trimestre record. I ricavi del quarto
    trimestre fiscale, chiuso il 28 agosto")."""
    first = bisect.bisect_right(starts, since) - 1
    named = {
        period
        for start, end, period in tools.periods.find(
            *texts, sentences[first][0], sentences[index][0]
        )
        # A month another sentence names is more often when something happened ("the
        # forecast it gave in April") than what a later figure covers.
        if period not in _EARLIER and not is_month(period)
    }
    # A quarter named by its end date is the one a fiscal number names beside it ("il
    # secondo trimestre dell'esercizio fiscale 2026 ... il trimestre, chiuso il 27 luglio").
    named = canonical(tuple(named))
    return named if len(named) == 1 else ()


def _past_opening_word(masked: str, sentence_start: int, start: int) -> int:
    """Where names may start from `start` on: past the word that opens its sentence, if
    it is there and carries no number, since any word opens a sentence with a capital
    ("Vehicles delivered ... totalled", not "Switch 2 consoles sold ...")."""
    if masked[sentence_start:start].strip():
        return start
    word = NAMED.search(masked, start)
    if word is None or masked[start : word.start()].strip() or word.group(0) != word.group(1):
        return start
    return word.end()


def _unknown_names(
    masked: str, start: int, end: int, known: Sequence[Mention], common: frozenset[str]
) -> tuple[str, ...]:
    """Names no rule file declares in what a number counts ("30.000 chip Kunlun P800"),
    with their versions, so that "Ascend 910B" and "Ascend 910C" are told apart."""
    found = []
    for match in NAMED.finditer(masked, start, end):
        if match.group(1).lower() in common or any(m.start <= match.start() < m.end for m in known):
            continue
        found.append(name_key(match.group(0)))
    return tuple(found)


def _lineage(
    tools: _LanguageTools,
    lowered: str,
    number: int,
    first: Mention,
    second: Mention,
    read: _AssertionReader,
    found: tuple[list[Succession], list[Derivation]],
) -> None:
    """The succession, else the version statement, two adjacent names of sentence
    `number` fit, if any."""
    if second.start - first.end > MAX_GAP:
        return
    sentence_start = read.sentences[number][0]
    gap = lowered[first.end : second.start]
    before = lowered[max(sentence_start, first.start - MAX_GAP) : first.start]
    successions, derivations = found
    kinds: tuple[tuple[str, type[Succession] | type[Derivation], list[Any]], ...] = (
        ("succession", Succession, successions),
        ("derivation", Derivation, derivations),
    )
    for relation, claim, claims in kinds:
        related = _related(tools.relations, relation, first, second, gap, before, lowered)
        if related is not None:
            template, later, earlier = related
            asserted = _asserted(read, number, template, first, second)
            claims.append(
                claim(later, earlier, first.start, second.end, template.text, asserted, number)
            )
            return


def _related(
    relations: RelationMatcher,
    relation: str,
    first: Mention,
    second: Mention,
    gap: str,
    before: str,
    lowered: str,
) -> tuple[Template, Mention, Mention] | None:
    """The template two adjacent names fit for `relation`, with the names in its canonical
    role order (newer, older; variant, base), whichever way the text puts them."""
    roles = ROLES[relation]
    for role in roles:
        template = relations.match(relation, role, gap, before, lowered, second.end)
        if template is not None:
            in_order = role == roles[0]
            return (template, first, second) if in_order else (template, second, first)
    return None


# How many sentences after a report or rumour the text may correct it.
_CORRECTION_REACH = 2


def _dispute_corrected(attributions: list[Attribution]) -> None:
    """Mark disputed a reported or hedged attribution that the text corrects soon after,
    plainly or in a quotation, with another owner: "«Si dice che GLM sia di Alibaba»,
    osserva un analista. «GLM è di Zhipu.»"
    """
    stated: dict[str, list[Attribution]] = {}
    for attribution in attributions:
        if attribution.assertion in (Assertion.PLAIN, Assertion.REPORTED):
            stated.setdefault(attribution.product.entity, []).append(attribution)
    if not stated:
        return
    for attribution in attributions:
        if attribution.assertion not in (Assertion.REPORTED, Assertion.HEDGED):
            continue
        if any(
            0 < other.sentence - attribution.sentence <= _CORRECTION_REACH
            and other.owner.entity != attribution.owner.entity
            for other in stated.get(attribution.product.entity, ())
        ):
            attribution.assertion = Assertion.DISPUTED


def _changes(tools: _LanguageTools, lowered: str, sentence_start: int, start: int) -> bool:
    """Whether the words right before a number say it is a change ("up 20%")."""
    if tools.change is None:
        return False
    window = max(sentence_start, start - 40)
    if tools.change.search(lowered, window, start) is None:
        return False
    return tools.not_change is None or tools.not_change.search(lowered, window, start) is None


def _layout_attributions(
    masked: str,
    sentences: Sequence[tuple[int, int]],
    by_sentence: Mapping[int, Sequence[Mention]],
    words: LayoutWords,
    read: _AssertionReader,
    attributions: list[Attribution],
) -> None:
    """Add the attributions tables, fact lines and answers state (`layout`), but none a
    template has already read in the same sentence."""
    known = {(a.product.entity, a.owner.entity, a.sentence) for a in attributions}
    for pair in pairings(masked, sentences, by_sentence, words, PRODUCT_TYPES, OWNER_TYPES):
        if (pair.product.entity, pair.owner.entity, pair.sentence) in known:
            continue
        attributions.append(
            Attribution(
                pair.product,
                pair.owner,
                pair.start,
                pair.end,
                pair.layout,
                read(pair.sentence, pair.at),
                pair.sentence,
            )
        )
    attributions.sort(key=lambda attribution: attribution.start)


def _asserted(
    read: _AssertionReader, sentence: int, template: Template, first: Mention, second: Mention
) -> Assertion:
    """How a relation between two names is asserted. An aside states its relation whatever
    its clause denies: in "non è arrivato Doubao, il chatbot di ByteDance" only the
    arrival is denied, so the aside is read from where it starts; and it is the writer's
    own unless a cue stands inside it: "The Kirin 9010, successor to the Kirin 9020, is
    made on N+2, according to TechInsights" cites TechInsights for the process only."""
    if template.apposition:
        return read.aside(sentence, second.start)
    return read(sentence, first.start)


def _attribution_roles(first: Mention, second: Mention) -> tuple[str, Mention, Mention] | None:
    if first.type in PRODUCT_TYPES and second.type in OWNER_TYPES:
        return "product", first, second
    if first.type in OWNER_TYPES and second.type in PRODUCT_TYPES:
        return "owner", second, first
    return None


# A participle clause longer than this is a clause of its own, not a figure's lead-in.
_PARTICIPLE_CLAUSE_WORDS = 6


def _carries_on(tools: _LanguageTools, lead: str) -> bool:
    """Whether the words between a clause's start and its number (`lead`) carry on the
    clause before: a link alone ("to", "a quota") or a short clause a participle opens
    ("salito nel 2024 a"), which tells of the noun before the comma."""
    key = phrase_key(lead)
    if key in tools.clause_links:
        return True
    words = key.split()
    return (
        bool(words)
        and len(words) <= _PARTICIPLE_CLAUSE_WORDS
        and words[0] in tools.clause_participles
    )


def _counted(
    tools: _LanguageTools, lowered: str, start: int, limit: int
) -> tuple[str, int, str | None]:
    """The noun phrase after a number that says what it counts, where it ends, and the
    measure unit its first word gives ("80 GB"), if any."""
    window_end = min(limit, start + 100)
    stop = _COUNTED_STOP.search(lowered, start, window_end)
    end = stop.start() if stop else window_end
    words: list[str] = []
    ends: list[int] = []
    after_article = of_whole = False
    for match in _WORDS.finditer(lowered, start, end):
        word = match.group(0)
        if not words and _listed(word, tools.skip_words):
            after_article = after_article or _listed(word, tools.articles)
            of_whole = of_whole or word in tools.genitives
            continue
        # Another figure is not what this one counts ("652 milioni di yuan dai 53
        # milioni"), but the whole it is part of may be ("$11.6bn of the $13bn").
        if not words and word[0].isdigit() and not of_whole:
            break
        # A conjunction may join two counted names ("GPU H100 e H200"), nothing else may.
        joins_names = bool(words) and word in _JOINERS and _NAME_AHEAD.match(lowered, match.end())
        if word in tools.stop_words and not joins_names:
            tail = (
                _counted_tail(tools, lowered, match.start(), end)
                if word in tools.tail_openers
                else None
            )
            if tail is not None:
                words.append(lowered[match.start() : tail])
                ends.append(tail)
            break
        words.append(word)
        ends.append(match.end())
        if len(words) == COUNTED_WORDS:
            break
    if not words:
        return "", start, None
    measure = None if after_article else tools.measures.get(words[0])
    if not tools.genitives.intersection(words[1:]):
        return " ".join(words), ends[-1], measure
    passes = measure is not None or words[0] in tools.counted_pass
    inside = _phrase_words(tools, words)
    # "500 progetti di nuovi data center" counts projects: the phrase ends at a genitive,
    # unless a known phrase spans it ("centri di calcolo") or it is the first one after a
    # head word that passes the count on ("raffinazione mondiale di terre rare").
    for index in range(1, len(words)):
        if words[index] not in tools.genitives or index in inside:
            continue
        if passes:
            passes = False
            continue
        words, ends = words[:index], ends[:index]
        break
    return " ".join(words), ends[-1], measure


def _listed(word: str, words: frozenset[str]) -> bool:
    """Whether `word` is one of `words`, also as an elided form ("dell’" for "dell'")."""
    return word in words or word.rstrip("'’") + "'" in words


def _elided(word: str) -> str:
    """The elided article or preposition a word opens with ("dell'" of "dell'azienda"),
    else the word."""
    cut = max(word.find("'"), word.find("’"))
    return word[: cut + 1] if cut > 0 else word


def _counted_tail(tools: _LanguageTools, lowered: str, start: int, end: int) -> int | None:
    """Where a phrase that closes what a number counts ends, if one starts at `start`:
    "in total" in "235 billion parameters in total and", not "in tutto" in "400 milioni di
    download in tutto il mondo", where an article or preposition carries on."""
    if tools.counted_tails is None:
        return None
    tail = tools.counted_tails.match(lowered, start)
    if tail is None or tail.end() > end:
        return None
    after = _WORDS.search(lowered, tail.end(), min(end, tail.end() + 20))
    if after is not None and not lowered[tail.end() : after.start()].strip():
        word = after.group(0)
        if _listed(word, tools.skip_words):
            return None
    return tail.end()


def _phrase_words(tools: _LanguageTools, words: Sequence[str]) -> set[int]:
    """Indices of the words that stand inside a multi-word concept phrase."""
    pattern = tools.concepts.counted
    if pattern is None:
        return set()
    text = " ".join(words)
    starts = list(itertools.accumulate(len(w) + 1 for w in words))
    inside: set[int] = set()
    for match in pattern.finditer(text):
        first = bisect.bisect_right(starts, match.start())
        last = bisect.bisect_left(starts, match.end())
        inside.update(range(first, last + 1))
    return inside


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _quoted(lowered: str, sentence_start: int, start: int) -> bool:
    """Whether `start` lies inside quotation marks opened in its sentence."""
    before = lowered[sentence_start:start]
    opened = before.count("“") + before.count("«") - before.count("”") - before.count("»")
    return opened > 0 or before.count('"') % 2 == 1


class _AssertionReader:
    """How claims of one document are asserted.

    Each kind of cue is found once in the whole document; a claim is then answered by
    bisection over the cue positions, not by searching its sentence again.
    """

    def __init__(
        self, tools: _LanguageTools, lowered: str, sentences: Sequence[tuple[int, int]]
    ) -> None:
        self.lowered = lowered
        self.sentences = sentences
        self._cited = tools.cited_anaphor
        self._disclosures = tools.disclosures
        self._relatives = tools.relatives
        self._openers = tools.clause_openers
        self._restatements = tools.restatements
        self._concept_words = tools.concepts.sentence
        self._estimate_citations = tools.estimate_citations
        hits: dict[str, list[tuple[int, int]]] = {}
        if tools.cue_automaton is not None:
            length = len(lowered)
            for last, (size, labels) in tools.cue_automaton.iter(lowered):
                start, end = last + 1 - size, last + 1
                if (start and _is_word(lowered[start - 1])) or (
                    end < length and _is_word(lowered[end])
                ):
                    continue
                for label in labels:
                    hits.setdefault(label, []).append((start, end))
        exceptions = hits.pop(_EXCEPTION, [])
        self._estimates = sorted(start for start, _ in hits.pop(_ESTIMATE, []))
        self._cues: dict[Assertion, tuple[list[int], list[int]]] = {}
        for kind in Assertion:
            found = sorted(
                (start, end)
                for start, end in hits.get(kind.value, ())
                if not any(low <= start < high for low, high in exceptions)
            )
            self._cues[kind] = ([start for start, _ in found], [end for _, end in found])
        self._clause_breaks: dict[int, list[int]] = {}
        self._quotes: dict[int, bool] = {}
        self._questions: dict[int, bool] = {}
        # Where any cue starts: a sentence with none, and no quotation mark, is plain.
        self._any_cue = sorted(start for starts, _ in self._cues.values() for start in starts)
        self._plain: dict[int, bool] = {}

    def _within(self, kind: Assertion, start: int, end: int) -> bool:
        """Whether a cue of `kind` lies entirely inside [start, end)."""
        starts, ends = self._cues[kind]
        if not starts:
            return False
        index = bisect.bisect_left(starts, start)
        while index < len(starts) and starts[index] < end:
            if ends[index] <= end:
                return True
            index += 1
        return False

    def cites(self, start: int, end: int) -> bool:
        """Whether a reporting cue ("said", "secondo") lies within [start, end)."""
        return self._within(Assertion.REPORTED, start, end)

    def source(
        self, index: int, named: Sequence[Mention], subject: tuple[str, ...] = ()
    ) -> str | None:
        """The company sentence `index` cites, named right by a reporting cue ("Moonshot
        said", "secondo Alibaba"), or before an aside that ends at the cue ("Tesla,
        which had two weak quarters, said"); or the company the figure is of (`subject`),
        when the cue cites it by a phrase that stands for it ("ha comunicato la
        società") or the sentence names where it disclosed the figure ("secondo quanto
        comunicato alla Borsa di Shenzhen"). None when the sentence cites no company."""
        start, end = self.sentences[index]
        starts, ends = self._cues[Assertion.REPORTED]
        owners = [m for m in named if m.type in OWNER_TYPES]
        # The company of "minimax m2" (a model named after it) is "minimax".
        company = subject[0].partition(" ")[0] if len(subject) == 1 else None
        at = bisect.bisect_left(starts, start)
        while at < len(starts) and starts[at] < end:
            for mention in owners:
                if (
                    0 <= starts[at] - mention.end <= _CITED_GAP
                    or 0 <= mention.start - ends[at] <= _CITED_GAP
                    or self._aside_between(mention.end, starts[at])
                ):
                    return mention.entity
            if company is not None and self._cites_anaphor(starts[at], ends[at]):
                return company
            at += 1
        if (
            company is not None
            and self._disclosures is not None
            and self._disclosures.search(self.lowered, start, end) is not None
        ):
            return company
        return None

    def _aside_between(self, name_end: int, cue_start: int) -> bool:
        """Whether a relative clause set off by commas is all that stands between a name
        and a cue ("Tesla, which had two weak quarters, said")."""
        between = self.lowered[name_end:cue_start].rstrip()
        return (
            self._relatives is not None
            and 0 < len(between) <= _RELATIVE_REACH
            and between.startswith(", ")
            and between.endswith(",")
            and "," not in between[1:-1]
            and self._relatives.match(self.lowered, name_end + 2) is not None
        )

    def _cites_anaphor(self, cue_start: int, cue_end: int) -> bool:
        """Whether a phrase that stands for a company stands right by a reporting cue
        ("ha comunicato la società di Austin", "the Shanghai-based company said")."""
        if self._cited is None:
            return False
        before, after = self._cited
        return (
            after.match(self.lowered, cue_end) is not None
            or before.search(self.lowered, max(0, cue_start - _CITED_REACH), cue_start) is not None
        )

    def _cited_for(self, index: int, start: int) -> bool:
        """Whether a reporting cue of sentence `index` cites the claim at `start`."""
        sentence_start, end = self.sentences[index]
        starts, ends = self._cues[Assertion.REPORTED]
        at = bisect.bisect_left(starts, sentence_start)
        while at < len(starts) and starts[at] < end:
            if ends[at] <= end and not self._cites_estimate(index, starts[at], start):
                return True
            at += 1
        return False

    def _cites_estimate(self, index: int, cue_start: int, start: int) -> bool:
        """Whether the cue at `cue_start` is a citation ("according to") that opens the
        clause after an estimate following the claim at `start`: it cites the estimate,
        not the figures before it ("rose to $27.01 billion, below the $27.26 billion
        analysts had expected, according to LSEG data"), as wire copy cites its consensus
        figures."""
        if (
            cue_start <= start
            or not self._estimates
            or not self.lowered.startswith(self._estimate_citations, cue_start)
        ):
            return False
        breaks = self._breaks(index)
        at = bisect.bisect_left(breaks, cue_start)
        if at < 2 or self.lowered[breaks[at - 1] + 1 : cue_start].strip():
            return False
        estimate_start, estimate_end = breaks[at - 2] + 1, breaks[at - 1]
        if start >= estimate_start:
            return False
        first = bisect.bisect_left(self._estimates, estimate_start)
        return first < len(self._estimates) and self._estimates[first] < estimate_end

    def _in_sentence(self, kind: Assertion, index: int) -> bool:
        start, end = self.sentences[index]
        return self._within(kind, start, end)

    def _breaks(self, index: int) -> list[int]:
        """Offsets of the clause breaks of sentence `index`, found once per sentence."""
        breaks = self._clause_breaks.get(index)
        if breaks is None:
            start, end = self.sentences[index]
            breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.lowered, start, end)]
            asides = (
                {
                    at
                    for m in _FIGURE_ASIDE.finditer(self.lowered, start, end)
                    for at in (m.start(), m.end() - 1)
                }
                if self.lowered.find("(", start, end) >= 0
                else set()
            )
            if self._restatements is not None and len(breaks) > 1:
                # Not one that says what the figure is of ("$10.70 billion, or 67% of
                # revenue,"): its words would be the figure's.
                asides.update(
                    at
                    for m in self._restatements.finditer(self.lowered, start, end)
                    if self._concept_words is None
                    or self._concept_words.search(self.lowered, m.start(), m.end()) is None
                    for at in (m.start(), m.end() - 1)
                )
            if asides:
                breaks = [at for at in breaks if at not in asides]
            if self._openers is not None:
                opened = [m.start() for m in self._openers.finditer(self.lowered, start, end)]
                if opened:
                    breaks = sorted(breaks + opened)
            self._clause_breaks[index] = breaks
        return breaks

    def _is_plain(self, index: int) -> bool:
        """Whether sentence `index` has no cue and no quotation mark, as most have not."""
        plain = self._plain.get(index)
        if plain is None:
            start, end = self.sentences[index]
            first = bisect.bisect_left(self._any_cue, start)
            has_cue = first < len(self._any_cue) and self._any_cue[first] < end
            plain = self._plain[index] = not has_cue and not self._has_quotes(index)
        return plain

    def _has_quotes(self, index: int) -> bool:
        """Whether sentence `index` has a quotation mark at all (most have none)."""
        found = self._quotes.get(index)
        if found is None:
            start, end = self.sentences[index]
            found = self._quotes[index] = _QUOTE.search(self.lowered, start, end) is not None
        return found

    def clause(self, index: int, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end) in sentence `index`: the sentence cut at the
        nearest clause breaks."""
        sentence_start, sentence_end = self.sentences[index]
        breaks = self._breaks(index)
        before = bisect.bisect_left(breaks, start)
        clause_start = breaks[before - 1] + 1 if before else sentence_start
        after = bisect.bisect_left(breaks, end, before)
        return clause_start, breaks[after] if after < len(breaks) else sentence_end

    def __call__(self, index: int, start: int, clause_start: int | None = None) -> Assertion:
        """How the claim starting at `start`, in sentence `index`, is asserted
        (`clause_start` is where its clause starts, when the caller knows it).

        A claim in a question is no claim; one in quotation marks is reported; a
        reported or hedged claim is disputed when the sentence before it, or one of the
        two after it, disputes it ("A post claimed X. It was not.", "Circolava la voce che
        X. È falso.").
        """
        if self._asks(index):
            return Assertion.QUESTION
        if self._is_plain(index):
            return Assertion.PLAIN
        if self._in_sentence(Assertion.DISPUTED, index):
            return Assertion.DISPUTED
        sentence_start = self.sentences[index][0]
        if clause_start is None:
            breaks = self._breaks(index)
            before = bisect.bisect_left(breaks, start)
            clause_start = breaks[before - 1] + 1 if before else sentence_start
        if self._within(Assertion.NEGATED, clause_start, start):
            return Assertion.NEGATED
        if self._within(Assertion.CONDITIONAL, sentence_start, start):
            return Assertion.CONDITIONAL
        if self._in_sentence(Assertion.HEDGED, index):
            return Assertion.DISPUTED if self._disputed_nearby(index) else Assertion.HEDGED
        if self._in_quotes(index, start) or self._cited_for(index, start):
            return Assertion.DISPUTED if self._disputed_nearby(index) else Assertion.REPORTED
        return Assertion.PLAIN

    def aside(self, index: int, start: int) -> Assertion:
        """How the aside around `start`, in sentence `index`, is asserted: as the sentence
        is, except that a hedge or a citation must stand in the aside itself."""
        assertion = self(index, start)
        if assertion not in (Assertion.HEDGED, Assertion.REPORTED):
            return assertion
        clause_start, clause_end = self.clause(index, start, start)
        if (
            self._in_quotes(index, start)
            or self._within(Assertion.REPORTED, clause_start, clause_end)
            or self._within(Assertion.HEDGED, clause_start, clause_end)
        ):
            return assertion
        return Assertion.PLAIN

    def _in_quotes(self, index: int, start: int) -> bool:
        """Whether `start`, in sentence `index`, lies inside quotation marks."""
        return self._has_quotes(index) and _quoted(self.lowered, self.sentences[index][0], start)

    def _asks(self, index: int) -> bool:
        """Whether sentence `index` is a question ("Is Qwen made by Tencent?"): it
        asserts nothing."""
        asked = self._questions.get(index)
        if asked is None:
            start, end = self.sentences[index]
            asked = self._questions[index] = self.lowered[start:end].rstrip().endswith("?")
        return asked

    def _disputed_nearby(self, index: int) -> bool:
        """Whether the sentence before sentence `index`, or one of the two after it,
        disputes something ("Some have argued that X. I wish it were true. It isn't.")."""
        return any(
            0 <= neighbour < len(self.sentences)
            and self._in_sentence(Assertion.DISPUTED, neighbour)
            for neighbour in (index - 1, index + 1, index + 2)
        )
