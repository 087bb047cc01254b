"""Attributions a page states by its layout rather than with a verb.

- A table with a column for the maker ("Sviluppatore", "Developer"): each row gives the
  name in its product column to the company in its maker column ("| Hunyuan | Baidu |").
- A fact line, as cheat sheets and fact boxes write them: names, a colon or a dash, names,
  and nothing else ("- **Qwen**: Alibaba", "Alibaba: Qwen, Qwen3-Max").
- A question on who makes a product, answered by the next sentence opening with a company
  ("**Chi sviluppa Doubao?** Tencent, che lo spinge dentro WeChat").

Column headers, questions, answer openers and the words that join names in a list are
language data (`layout` in the language files). A header must name the maker: "Azienda"
or "Company" heads the buyers of a chip as often as its makers, so it heads no maker
column.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factlint.entities import Mention
from factlint.language import phrase_key

# A table's delimiter row ("|---|:--:|"): a Markdown table has one under its header.
_DELIMITER_ROW = re.compile(
    r"(?m)^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?$"
)
_PARENTHESIS = re.compile(r"\([^()\n]*\)")
_LETTER = re.compile(r"[^\W\d_]")
# What may open a line before its first name: a list marker or a number, and spaces.
_LINE_OPENER = re.compile(r"[ \t]*(?:[-*+•][ \t]+|\d{1,2}[.)][ \t]+)?")
# Between the names of a fact line's key and its value.
_KEY_SEPARATOR = re.compile(r"[ \t]*(?::|[ \t][–—-])[ \t]*")
_LINE_END = re.compile(r"[ \t]*(?:\([^()\n]*\)[ \t]*)?[.;]?\s*")
# What may follow the company that answers a question.
_ANSWER_STOP = re.compile(r"[ \t]*(?:[,.;:!(—–]|\s*$)")
_LABEL = re.compile(r"[ \t]*([^\W\d_]{1,9})[ \t]*:[ \t]*")
# A line that opens with a company and lists chips is as often a list of buyers ("-
# ByteDance: H20, H800") as of the company's own products.
_BOUGHT = frozenset({"chip"})


@dataclass(frozen=True)
class LayoutWords:
    """A language's words for the layouts that pair a product with its maker."""

    owner_headers: frozenset[str]
    product_headers: frozenset[str]
    questions: frozenset[str]
    answer_openers: frozenset[str]
    labels: frozenset[str]
    list_words: frozenset[str]
    articles: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pairing:
    """`product` given to `owner` by the layout; its assertion is read from `at`."""

    product: Mention
    owner: Mention
    start: int
    end: int
    layout: str
    sentence: int
    at: int


@dataclass(frozen=True)
class _Page:
    """One document as the layout readers need it."""

    masked: str
    sentences: Sequence[tuple[int, int]]
    by_sentence: Mapping[int, Sequence[Mention]]
    words: LayoutWords
    products: frozenset[str]
    owners: frozenset[str]


def layout_words(data: Mapping[str, Any], articles: Sequence[str]) -> LayoutWords | None:
    """The `layout` section of a language file, None when it has none."""
    section = data.get("layout")
    if not section:
        return None

    def words(key: str) -> frozenset[str]:
        return frozenset(phrase_key(str(word)) for word in section.get(key) or ())

    return LayoutWords(
        owner_headers=words("owner_headers"),
        product_headers=words("product_headers"),
        questions=words("questions"),
        answer_openers=words("answer_openers"),
        labels=words("labels"),
        list_words=words("list_words"),
        articles=frozenset(phrase_key(str(article)) for article in articles),
    )


def pairings(
    masked: str,
    sentences: Sequence[tuple[int, int]],
    by_sentence: Mapping[int, Sequence[Mention]],
    words: LayoutWords,
    products: frozenset[str],
    owners: frozenset[str],
) -> list[Pairing]:
    """Every product–maker pair the layout of `masked` states, in text order.

    `by_sentence`: the names of each sentence, by index, in text order; `products` and
    `owners`: the entity types that take each role."""
    page = _Page(masked, sentences, by_sentence, words, products, owners)
    found: list[Pairing] = []
    in_tables: set[int] = set()
    if "|" in masked:
        found.extend(_table_rows(page, in_tables))
    for index, names in by_sentence.items():
        if index in in_tables:
            continue
        if len(names) > 1:
            found.extend(_fact_line(page, index))
        start, end = sentences[index]
        if index + 1 in by_sentence and masked[start:end].rstrip().endswith("?"):
            found.extend(_answer(page, index))
    found.sort(key=lambda pairing: pairing.start)
    return found


def _names_list(
    page: _Page, names: Sequence[Mention], start: int, end: int, types: frozenset[str]
) -> tuple[list[Mention], int]:
    """The names of `types` listed from `start` ("Qwen, Qwen-VL e Qwen3-Max"), and where the
    list ends; an empty list when no such name starts at `start`. A parenthesis after a name
    is skipped with the names in it."""
    listed: list[Mention] = []
    at = start
    position = bisect.bisect_left([m.start for m in names], start)
    while position < len(names):
        name = names[position]
        if name.start != at or name.end > end or name.type not in types:
            break
        listed.append(name)
        at = name.end
        aside = _PARENTHESIS.match(page.masked, at + _spaces(page.masked, at))
        if aside:
            at = aside.end()
        while position < len(names) and names[position].start < at:
            position += 1
        if position == len(names) or not _separates(page, at, names[position].start):
            break
        at = names[position].start
    return listed, at


def _separates(page: _Page, start: int, end: int) -> bool:
    """Whether masked[start:end] joins two names of a list: a comma, slash, ampersand or
    plus, a list word ("e", "and"), or both."""
    gap = page.masked[start:end]
    words = gap.replace(",", " ").replace("/", " ").replace("&", " ").replace("+", " ").split()
    if len(words) > 1 or "\n" in gap:
        return False
    if words:
        return phrase_key(words[0]) in page.words.list_words
    return gap.strip(" \t") != ""


def _spaces(text: str, at: int) -> int:
    """How many spaces and tabs start at `at`."""
    return len(text[at : at + 8]) - len(text[at : at + 8].lstrip(" \t"))


# Tables --------------------------------------------------------------------------------


def _cells(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table row, spaces and outer pipes trimmed."""
    line = masked[start:end]
    first = len(line) - len(line.lstrip())
    last = len(line.rstrip())
    if line[first : first + 1] == "|":
        first += 1
    if last > first and line[last - 1] == "|":
        last -= 1
    cells = []
    at = start + first
    for piece in line[first:last].split("|"):
        lead = len(piece) - len(piece.lstrip())
        cells.append((at + lead, at + lead + len(piece.strip())))
        at += len(piece) + 1
    return cells


def _header_column(headers: Sequence[str], wanted: frozenset[str], skip: int = -1) -> int:
    """The first column whose header is one of `wanted`, a parenthesis aside; -1 for none."""
    for column, header in enumerate(headers):
        if column != skip and " ".join(_PARENTHESIS.sub(" ", header).split()) in wanted:
            return column
    return -1


def _table_rows(page: _Page, in_tables: set[int]) -> list[Pairing]:
    """The pairs of every row of a table with a maker column; `in_tables` learns the
    sentences of every table row."""
    masked = page.masked
    starts = [start for start, _ in page.sentences]
    found = []
    for delimiter in _DELIMITER_ROW.finditer(masked):
        if delimiter.start() == 0:
            continue
        header_start = masked.rfind("\n", 0, delimiter.start() - 1) + 1
        header = _cells(masked, header_start, delimiter.start())
        headers = [phrase_key(masked[s:e]) for s, e in header]
        owner_column = _header_column(headers, page.words.owner_headers)
        product_column = _header_column(headers, page.words.product_headers, owner_column)
        if product_column < 0 and owner_column > 0:
            product_column = 0
        line_start = delimiter.end() + 1
        while line_start < len(masked):
            line_end = masked.find("\n", line_start)
            line_end = len(masked) if line_end < 0 else line_end
            line = masked[line_start:line_end]
            if "|" not in line:
                # A line of markup only (an HTML comment), blanked by masking, is no row
                # and does not end the table as an empty line does.
                if line.strip() or not line:
                    break
                line_start = line_end + 1
                continue
            index = bisect.bisect_right(starts, line_start + _spaces(masked, line_start)) - 1
            if index >= 0:
                in_tables.add(index)
            cells = _cells(masked, line_start, line_end)
            columns = (product_column, owner_column)
            if index >= 0 and min(columns) >= 0 and len(cells) > max(columns):
                found.extend(_row(page, index, cells[product_column], cells[owner_column]))
            line_start = line_end + 1
    return found


def _row(
    page: _Page, index: int, product_cell: tuple[int, int], owner_cell: tuple[int, int]
) -> list[Pairing]:
    """The pairs of one table row: the products its product cell opens with, the company
    that alone fills its maker cell."""
    names = page.by_sentence.get(index, ())
    products, _ = _names_list(page, names, *product_cell, page.products)
    owners, end = _names_list(page, names, *owner_cell, page.owners)
    rest = _PARENTHESIS.sub(" ", page.masked[end : owner_cell[1]])
    if len(owners) != 1 or _LETTER.search(rest):
        return []
    row_start = page.sentences[index][0]
    return [
        Pairing(product, owners[0], product.start, owners[0].end, "table", index, row_start)
        for product in products
    ]


# Fact lines ----------------------------------------------------------------------------


def _fact_line(page: _Page, index: int) -> list[Pairing]:
    """The pairs of a sentence that is a fact line: names, a separator, names."""
    masked = page.masked
    start, end = page.sentences[index]
    names = page.by_sentence[index]
    opener = _LINE_OPENER.match(masked, start, end)
    key_start = opener.end() if opener else start
    first = names[0]
    if first.start != key_start:
        return []
    key_types = page.products if first.type in page.products else page.owners
    if first.type not in key_types:
        return []
    keys, key_end = _names_list(page, names, key_start, end, key_types)
    separator = _KEY_SEPARATOR.match(masked, key_end, end)
    if not keys or separator is None:
        return []
    value_types = page.owners if key_types is page.products else page.products - _BOUGHT
    values, value_end = _names_list(page, names, separator.end(), end, value_types)
    if not values or _LINE_END.fullmatch(masked, value_end, end) is None:
        return []
    if key_types is page.products:
        if len(values) != 1:
            return []
        owner = values[0]
        return [
            Pairing(product, owner, product.start, owner.end, "fact line", index, start)
            for product in keys
        ]
    if len(keys) != 1:
        return []
    owner = keys[0]
    return [
        Pairing(product, owner, owner.start, product.end, "fact line", index, start)
        for product in values
    ]


# Questions and answers -----------------------------------------------------------------


def _without_label(page: _Page, start: int, end: int) -> int:
    """Where a sentence's text begins after a speaker label ("D:", "Q:") or a list marker."""
    label = _LABEL.match(page.masked, start, end)
    if label is not None and phrase_key(label.group(1)) in page.words.labels:
        start = label.end()
    opener = _LINE_OPENER.match(page.masked, start, end)
    return opener.end() if opener else start


def _asks_for_maker(page: _Page, index: int) -> Mention | None:
    """The product a question asks the maker of ("Chi sviluppa Doubao?"), if it does."""
    start, end = page.sentences[index]
    names = page.by_sentence[index]
    if len(names) != 1 or names[0].type not in page.products:
        return None
    product = names[0]
    if page.masked[product.end : end].strip(" \t\r\n*_") != "?":
        return None
    words = phrase_key(page.masked[_without_label(page, start, product.start) : product.start])
    asked = words.split()
    while asked and (asked[-1] in page.words.articles or asked[-1] in page.words.product_headers):
        asked.pop()
    return product if " ".join(asked) in page.words.questions else None


def _answer(page: _Page, index: int) -> list[Pairing]:
    """The pair of a question on a product's maker and the company that opens the next
    sentence ("Chi sviluppa Doubao? Tencent.")."""
    product = _asks_for_maker(page, index)
    if product is None:
        return []
    start, end = page.sentences[index + 1]
    owner = page.by_sentence[index + 1][0]
    if owner.type not in page.owners:
        return []
    opener = phrase_key(page.masked[_without_label(page, start, owner.start) : owner.start])
    if opener and opener not in page.words.answer_openers:
        return []
    if _ANSWER_STOP.match(page.masked, owner.end, end) is None:
        return []
    return [Pairing(product, owner, owner.start, owner.end, "answer", index + 1, owner.start)]
