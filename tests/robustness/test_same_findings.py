"""The same articles written another way give the same findings (only line numbers move):
hard-wrapped at any width, as many editorial repositories keep Markdown (a line break
inside a sentence is a space there); with Windows line ends; with the typographic
apostrophes and no-break spaces a CMS exports.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from factlint.lint import Linter

FIXTURES = Path(__file__).parent.parent / "fixtures"
CORPORA = ["corpus/planted", "corpus/clean", "cross-d", "cross-j", "cross-k", "cross-l"]
_LINE = re.compile(r"(?<=\.md):\d+|line \d+")


def _wrap(text: str, width: int) -> str:
    """`text` with every paragraph and list item hard-wrapped at `width` (front matter,
    headings, comments and tables as they are)."""
    out: list[str] = []
    fences = 0
    for line in text.splitlines():
        if line.strip() == "---" and fences < 2:
            fences += 1
            out.append(line)
        elif fences < 2 or not line.strip() or line.startswith(("#", "<!--", "|")):
            out.append(line)
        else:
            marker = line[:2] if line.startswith(("- ", "> ")) else ""
            indent = "  " if marker == "- " else marker
            # As editors' wrappers do, a long word (a link) is never split.
            out.extend(
                textwrap.wrap(
                    line,
                    width,
                    subsequent_indent=indent,
                    break_on_hyphens=False,
                    break_long_words=False,
                )
            )
    return "\n".join(out) + "\n"


def _typeset(text: str) -> str:
    """`text` as a CMS exports it: typographic apostrophes, and a no-break space after
    every number that a word follows."""
    head, rule, body = text.partition("\n---\n")
    body = _NUMBER_WORD.sub("\\1\u00a0", body.replace("'", "’"))
    return head + rule + body


_NUMBER_WORD = re.compile(r"(\d) (?=[^\W\d_])")


def _findings(linter: Linter, folder: Path) -> list[tuple[str, str, str]]:
    """(file, rule, message without line numbers) of every finding under `folder`."""
    result = linter.run([str(folder)])
    return sorted(
        (
            Path(f.path).name,
            f.rule,
            _LINE.sub("", f.message.replace(str(folder), "")).replace("’", "'"),
        )
        for f in result.findings
    )


def _both_ways(
    linter: Linter, folder: Path, rewrite: Callable[[str], str]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The findings of the fixture corpora as they are, and rewritten by `rewrite`."""
    flat, rewritten = folder / "flat", folder / "rewritten"
    for corpus in CORPORA:
        for path in sorted((FIXTURES / corpus).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            name = f"{corpus.replace('/', '-')}-{path.name}"
            for at, body in ((flat, text), (rewritten, rewrite(text))):
                at.mkdir(exist_ok=True)
                (at / name).write_bytes(body.encode("utf-8"))
    return _findings(linter, flat), _findings(linter, rewritten)


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_wrapped_articles_give_the_same_findings(
    linter: Linter, tmp_path: Path, width: int
) -> None:
    expected, found = _both_ways(linter, tmp_path, lambda text: _wrap(text, width))
    assert len(expected) > 150
    assert found == expected


@pytest.mark.parametrize(
    "rewrite",
    [lambda text: text.replace("\n", "\r\n"), _typeset],
    ids=["crlf", "typeset"],
)
def test_articles_typed_another_way_give_the_same_findings(
    linter: Linter, tmp_path: Path, rewrite: Callable[[str], str]
) -> None:
    expected, found = _both_ways(linter, tmp_path, rewrite)
    assert len(expected) > 150
    assert found == expected
