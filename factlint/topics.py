"""The company a figure is said of when its sentence names none, taken from the sentences
before: "TSMC posted a 39% jump in profit on Thursday. Net income for the quarter rose to
NT$452.3 billion", "Baidu ha pubblicato i conti del secondo trimestre. I ricavi sono
stati pari a 37,2 miliardi".

News writes a company's results this way: the company opens the story, the next
sentences open with the figure ("Net income", "I ricavi") and name no one. Such a
sentence carries its topic on only when nothing in it may own the figure instead:

- it opens with the concept itself, after an article and a period phrase at most
  ("Nel trimestre, l'utile netto"), so "Analysts had expected revenue of" is not one;
- the phrases that complete the concept, up to the verb, tie it to nothing but a
  period: "revenue for the July-September quarter" is the company's, "revenue from
  advertising" and "i ricavi della divisione cloud" are a part of it;
- no name stands in the number's clause ("dopo i 40 miliardi ottenuti da OpenAI");
- the sentences before name exactly one company, so that the topic is not a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from factlint.entities import Mention

_WORD = re.compile(r"[\w'’\-]+")
# How many words may stand between the opening concept and the number ("for the
# July-September quarter rose to", "del trimestre luglio-settembre sale a").
_REACH = 12
# How far into its sentence the opening concept may end ("Nel terzo trimestre del 2025
# il fatturato"): a cheap test before the words are read.
_OPENING = 80
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
# What `_tie_object` gives for a tie right before the number.
_NUMBER = -1


@dataclass(frozen=True)
class TopicWords:
    """A language's words for reading a figure's sentence opening."""

    # The concepts a figure's sentence may open with ("net income", "i ricavi").
    concept: re.Pattern[str]
    articles: frozenset[str]
    # Words that tie a concept to something ("from", "at", "della"); harmless before a
    # period ("for the quarter", "del trimestre").
    ties: frozenset[str]
    # A part of the company named by a concept ("divisione data center"): harmless
    # after a tie too, as the figure then counts that concept.
    parts: re.Pattern[str] | None = None
    # Words that join a second subject to the one a sentence opens with ("and", "e").
    joiners: frozenset[str] = frozenset()
    # Words that open a clause as a sentence opens ("while", "mentre"): "..., mentre
    # l'utile netto è stato di 382 milioni" opens with its concept.
    clause_joiners: frozenset[str] = frozenset()


def opens_with_concept(
    words: TopicWords,
    lowered: str,
    span: tuple[int, int],
    periods: Sequence[tuple[int, int, str]],
    asides: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether the sentence from `span[0]` opens with a concept whose words, up to the
    number at `span[1]`, tie it to no one but a period (see the module). The words of
    `periods` and of `asides` ("which includes networking gear") do not count toward
    how far the concept may be from its number."""
    sentence_start, number_start = span
    if (
        words.concept.search(lowered, sentence_start, min(number_start, sentence_start + _OPENING))
        is None
    ):
        return False
    period_ends = {start: end for start, end, _ in periods}
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(lowered, sentence_start, number_start)]
    position = _concept_start(words, lowered, tokens, period_ends)
    if position is None:
        return False
    concept = words.concept.match(lowered, position)
    if concept is None:
        return False
    rest = [span for span in tokens if span[0] >= concept.end()]
    # A period's words are no reach: "for the fiscal fourth quarter, which ended Aug. 28".
    skipped = [*period_ends.items(), *asides]
    wordy = sum(not any(s <= at < e for s, e in skipped) for at, _ in rest)
    return wordy <= _REACH and _untied(words, lowered, rest, period_ends)


def opens_clause_with_concept(
    words: TopicWords,
    lowered: str,
    span: tuple[int, int],
    periods: Sequence[tuple[int, int, str]],
) -> bool:
    """Whether the clause from `span[0]` opens with one of the words that join a clause
    to the one before ("while", "mentre"), then a concept whose words, up to the number
    at `span[1]`, tie it to no one but a period (see `opens_with_concept`)."""
    clause_start, number_start = span
    joiner = _WORD.search(lowered, clause_start, number_start)
    return (
        joiner is not None
        and joiner.group(0) in words.clause_joiners
        and not lowered[clause_start : joiner.start()].strip(" \t\r\n,;")
        and opens_with_concept(words, lowered, (joiner.end(), number_start), periods)
    )


def _concept_start(
    words: TopicWords,
    lowered: str,
    tokens: Sequence[tuple[int, int]],
    period_ends: dict[int, int],
) -> int | None:
    """Where a sentence's opening concept would start: after a period phrase ("Nel
    secondo trimestre", "In the third quarter,", "Quarterly") and an article, if any."""
    if not tokens:
        return None
    period = _tie_object(words, lowered, tokens, 0)
    if period not in period_ends:
        period = tokens[0][0]
    index = 0
    if period in period_ends:
        period_end = period_ends[period]
        index = next((i for i, (start, _) in enumerate(tokens) if start >= period_end), len(tokens))
    if index >= len(tokens):
        return None
    start, end = tokens[index]
    word = lowered[start:end]
    if word in words.articles:
        return tokens[index + 1][0] if index + 1 < len(tokens) else None
    elided = _elided(word)
    return start + len(elided) if elided != word and elided in words.articles else start


def _tie_object(
    words: TopicWords, lowered: str, tokens: Sequence[tuple[int, int]], index: int
) -> int | None:
    """Where the object of tie word `index` starts, after its article ("for the
    quarter", "dell'anno", "nel trimestre"): None when the word is no tie, `_NUMBER`
    when nothing but the number follows it ("pari a", "came in at")."""
    start, end = tokens[index]
    word = lowered[start:end]
    elided = _elided(word)
    if elided != word:
        return start + len(elided) if elided in words.ties else None
    if word not in words.ties:
        return None
    following = index + 1
    if following < len(tokens):
        next_start, next_end = tokens[following]
        article = lowered[next_start:next_end]
        if article in words.articles:
            following += 1
        elif _elided(article) != article and _elided(article) in words.articles:
            return next_start + len(_elided(article))
    return tokens[following][0] if following < len(tokens) else _NUMBER


def _elided(word: str) -> str:
    """The article or preposition an elided word opens with ("l'" of "l'utile"), or the
    word itself."""
    for mark in "'’":
        cut = word.find(mark)
        if 0 < cut < len(word) - 1:
            return word[:cut] + "'"
    return word


def _untied(
    words: TopicWords,
    lowered: str,
    tokens: Sequence[tuple[int, int]],
    period_ends: dict[int, int],
) -> bool:
    """Whether the phrases that complete the concept (`tokens` start right after it)
    name nothing but a period or a year, with at most one word before the period ("for
    the July-September quarter", "dei primi sei mesi"), or a part named by a concept
    ("della divisione data center"), never anything else ("from advertising", "della
    divisione cloud"). The verb ends them: what follows it ("è
    salito del 17% a", "doubled from a year earlier to") says how the figure changed."""
    starts = [start for start, _ in tokens]
    index = 0
    while index < len(tokens):
        # A period phrase that holds its own preposition ("dell'esercizio").
        if tokens[index][0] in period_ends:
            index = bisect.bisect_left(starts, period_ends[tokens[index][0]])
            continue
        after = _tie_object(words, lowered, tokens, index)
        if after is None or after == _NUMBER:
            return True
        at = bisect.bisect_right(starts, after) - 1
        part = None if words.parts is None else words.parts.match(lowered, after)
        if part is not None:
            index = bisect.bisect_left(starts, part.end())
            continue
        if not _dates(lowered, after, period_ends):
            # One word before the period: "the July-September quarter".
            at += 1
            if at >= len(tokens) or not _dates(lowered, starts[at], period_ends):
                return False
            after = starts[at]
        index = bisect.bisect_left(starts, period_ends.get(after, tokens[at][1]))
    return True


def _dates(lowered: str, position: int, period_ends: dict[int, int]) -> bool:
    """Whether a period phrase or a year starts at `position`."""
    return position in period_ends or bool(_YEAR.match(lowered, position))


def topic_owner(
    before: Iterable[Sequence[Mention]],
    owner_types: frozenset[str],
    opens: Callable[[Mention], bool] | None = None,
) -> Mention | None:
    """The company the sentences before name (`before`: the names of each, nearest
    first): the nearest sentence that names a company decides, if it names only one, or
    if it opens with one as its subject (`opens`, see `opens_with_name`: "Tencent has
    kept spending heavily despite curbs on the sale of Nvidia chips")."""
    for mentions in before:
        owners = [m for m in mentions if m.type in owner_types]
        if owners:
            if all(m.entity == owners[-1].entity for m in owners):
                return owners[-1]
            return owners[0] if opens is not None and opens(owners[0]) else None
    return None


def opens_with_name(words: TopicWords, lowered: str, sentence_start: int, name: Mention) -> bool:
    """Whether the sentence from `sentence_start` opens with `name` as its only subject:
    nothing but a list or quote marker before it, and no second subject joined to it
    ("Tencent and Alibaba", "Tencent, Alibaba")."""
    if lowered[sentence_start : name.start].strip(" \t\r\n>*_-#"):
        return False
    rest = lowered[name.end : name.end + _OPENING].lstrip()
    if not rest or rest[0] in ",;&/(":
        return False
    word = _WORD.match(rest)
    return word is None or word.group(0) not in words.joiners
