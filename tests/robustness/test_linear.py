"""Nothing slow by accident: time grows linearly with the input, whatever its shape.

Each test compares two inputs of the same size and content that differ only in shape (one
long line or many lines; numbers before names or after them). Linear code takes about the
same time on both; code that rescans the text it has seen takes many times longer on one
of them. Comparing the two keeps the tests meaningful on slow or busy CI machines.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from factlint.document import split_sentences
from factlint.lint import Linter


def _best_time(work: Callable[[], object], repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def test_sentences_of_one_long_line_take_no_longer_than_of_many_lines() -> None:
    prose = "Il mercato cresce. Gli analisti sono cauti e prudenti. " * 40_000  # 2.2 MB
    one_line = _best_time(lambda: split_sentences(prose, frozenset()))
    lines = _best_time(lambda: split_sentences(prose.replace(". ", ".\n"), frozenset()))
    assert one_line < 3 * lines + 0.05


def test_claims_take_no_longer_when_numbers_come_before_names(linter: Linter) -> None:
    numbers = "Sono 36 data center.\n" * 8_000
    names = "Parla Nvidia.\n" * 8_000

    def claims(text: str) -> Callable[[], object]:
        doc = linter.document("a.md", text, lang="it")
        return lambda: linter.claims(doc)

    numbers_first = _best_time(claims(numbers + names), repeat=1)
    names_first = _best_time(claims(names + numbers), repeat=1)
    assert numbers_first < 2.5 * names_first + 0.05
