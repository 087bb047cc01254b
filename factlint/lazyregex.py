"""Regular expressions built from language data: compiled on first use, spelt the same in
every process.

Some patterns are thousands of characters long (relation templates, number tails) and
`re` takes milliseconds to compile each; a run on one article needs only some of them.
Whatever compiles them (`re.compile`, or the cache of compiled patterns kept between runs,
`factlint.regexcache`) is handed in as a `Compile`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Compile = Callable[[str], re.Pattern[str]]


def longest_first(phrases: Iterable[str]) -> list[str]:
    """`phrases` longest first (an alternation of them then prefers the longest match),
    ties in alphabetical order: a set's order changes from one process to the next, and a
    pattern must be spelt the same in every run for its compiled form to be kept."""
    return sorted(phrases, key=lambda phrase: (-len(phrase), phrase))


def trie_source(
    phrases: Iterable[str], atom: Callable[[str], str] = re.escape, *, reverse: bool = False
) -> str:
    """A regex source matching any of `phrases`, the longest that fits first, as a
    longest-first alternation does; `atom` spells each character, and `reverse` spells
    every phrase backwards (for matching against reversed text). Empty for no phrases.

    Phrases that share a beginning share its branch ("first (?:half|quarter)"): `re`
    tries an alternation branch by branch at every position, so one of whole phrases
    costs about three times as much."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase[::-1] if reverse else phrase:
            node = node.setdefault(atom(char), {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a greedy optional tail makes the longer phrase win, backtracking to the shorter
    return f"(?:{body})?" if "" in node else body


class LazyPattern:
    """A regex compiled the first time `pattern` is asked for."""

    __slots__ = ("_compile", "_compiled", "source")

    def __init__(self, source: str, compile: Compile = re.compile) -> None:
        self.source = source
        self._compile = compile
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex."""
        if self._compiled is None:
            self._compiled = self._compile(self.source)
        return self._compiled
