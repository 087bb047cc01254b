"""Patterns built from language data: compiled on first use, by the compiler handed in, and
spelt from phrases in an order that does not depend on the process."""

from __future__ import annotations

import re

import pytest

from factlint.lazyregex import LazyPattern, longest_first, trie_source


@pytest.mark.parametrize(
    ("phrases", "ordered"),
    [
        (
            {"nel trimestre", "nel semestre", "trimestre", "q2", "h1"},
            ["nel trimestre", "nel semestre", "trimestre", "h1", "q2"],
        ),
        (["of which", "of them", "with"], ["of which", "of them", "with"]),
        ({"della", "dello", "del", "di"}, ["della", "dello", "del", "di"]),
    ],
)
def test_phrases_go_longest_first_then_alphabetically(
    phrases: set[str] | list[str], ordered: list[str]
) -> None:
    assert longest_first(phrases) == ordered


def test_a_pattern_is_compiled_once_on_first_use_by_the_compiler_given() -> None:
    calls: list[str] = []

    def compile(source: str) -> re.Pattern[str]:
        calls.append(source)
        return re.compile(source)

    lazy = LazyPattern(r"\d+ miliardi", compile)
    assert calls == []
    assert lazy.pattern.search("ricavi per 27 miliardi") is not None
    assert lazy.pattern is lazy.pattern
    assert calls == [r"\d+ miliardi"]


TRIE_PHRASES = [
    "first half",
    "first quarter",
    "first nine months",
    "first",
    "nel trimestre",
    "nel mese di",
    "nell'esercizio",
    "a",
    "ad",
    "a year earlier",
]


@pytest.mark.parametrize(
    "text",
    [
        "revenue in the first nine months rose",
        "the first half of the year",
        "the first time",
        "nel mese di ottobre e nel trimestre",
        "ad agosto, a year earlier",
        "nell'esercizio e a un anno",
    ],
)
def test_a_trie_matches_what_a_longest_first_alternation_matches(text: str) -> None:
    alternation = re.compile(
        rf"(?<!\w)(?:{'|'.join(map(re.escape, longest_first(TRIE_PHRASES)))})(?!\w)"
    )
    trie = re.compile(rf"(?<!\w)(?:{trie_source(TRIE_PHRASES)})(?!\w)")
    expected = [m.span() for m in alternation.finditer(text)]
    assert expected
    assert [m.span() for m in trie.finditer(text)] == expected


def test_a_trie_shares_the_beginnings_of_phrases() -> None:
    assert trie_source(["first half", "first quarter", "first"]) == (
        r"first(?:\ (?:half|quarter))?"
    )
    assert trie_source(["ab", "a"], reverse=True) == "(?:a|ba)"
    assert trie_source([]) == ""
