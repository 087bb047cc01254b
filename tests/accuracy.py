"""Accuracy on the fixture corpus: recall on planted errors, false alarms on clean text.

Planted errors are marked in the articles themselves: `<!-- expect: RULE -->` on the line
before the line where the finding is expected (HTML comments are never checked).

    python tests/accuracy.py [CORPUS_DIR]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
_EXPECT = re.compile(r"<!--\s*expect:\s*([a-z0-9._-]+)\s*-->")

Key = tuple[str, int, str]


def expected_findings(path: Path) -> set[Key]:
    """(file name, line, rule) for every `expect` comment in one article."""
    expected: set[Key] = set()
    pending: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        rules = _EXPECT.findall(line)
        if rules and not _EXPECT.sub("", line).strip():
            pending.extend(rules)
            continue
        expected.update((path.name, number, rule) for rule in pending)
        pending = []
    return expected


@dataclass(frozen=True)
class Accuracy:
    """How the linter did on one corpus."""

    expected: frozenset[Key]
    found: frozenset[Key]
    clean_words: int
    clean_findings: int

    @property
    def recall(self) -> float:
        """Share of planted errors found."""
        return len(self.expected & self.found) / len(self.expected) if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Share of findings that were planted."""
        return len(self.expected & self.found) / len(self.found) if self.found else 1.0

    @property
    def per_thousand_clean_words(self) -> float:
        """Findings per 1,000 words of the clean articles (all of them false alarms)."""
        return 1000 * self.clean_findings / self.clean_words if self.clean_words else 0.0


def measure(corpus: Path = CORPUS) -> Accuracy:
    """Run factlint with the shipped rules over the whole corpus, as an editor would."""
    from factlint.lint import build_linter

    linter = build_linter([ROOT / "rules"])
    files = sorted(corpus.rglob("*.md"))
    result = linter.run([str(corpus)])
    found = frozenset((Path(f.path).name, f.line, f.rule) for f in result.findings)
    expected: set[Key] = set()
    for path in files:
        expected |= expected_findings(path)
    clean = {path.name for path in files if "clean" in path.parts}
    clean_words = sum(
        linter.document(str(path), path.read_text(encoding="utf-8")).words
        for path in files
        if path.name in clean
    )
    clean_findings = sum(1 for key in found if key[0] in clean)
    return Accuracy(frozenset(expected), found, clean_words, clean_findings)


def report(accuracy: Accuracy) -> Iterable[str]:
    """The figures, then every miss and every false alarm."""
    hits = len(accuracy.expected & accuracy.found)
    yield f"planted errors found: {hits}/{len(accuracy.expected)} (recall {accuracy.recall:.1%})"
    yield f"findings that were planted: {hits}/{len(accuracy.found)} (precision {accuracy.precision:.1%})"
    yield (
        f"clean articles: {accuracy.clean_findings} findings in {accuracy.clean_words:,} words "
        f"({accuracy.per_thousand_clean_words:.2f} per 1,000 words)"
    )
    for key in sorted(accuracy.expected - accuracy.found):
        yield f"  missed      {key[0]}:{key[1]} {key[2]}"
    for key in sorted(accuracy.found - accuracy.expected):
        yield f"  unexpected  {key[0]}:{key[1]} {key[2]}"


def main() -> None:
    """Print the accuracy figures for the corpus given (default: the fixture corpus)."""
    sys.path.insert(0, str(ROOT))
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    for line in report(measure(corpus)):
        print(line)


if __name__ == "__main__":
    main()
