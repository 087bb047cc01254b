"""Hard-wrapped articles: many editorial repositories keep Markdown wrapped at a fixed
width, and a line break inside a sentence is a space there. The same articles, wrapped at
any width, give the same findings as with a paragraph to a line (only line numbers move).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from factlint.lint import Linter

FIXTURES = Path(__file__).parent.parent / "fixtures"
CORPORA = ["corpus/planted", "corpus/clean", "cross-j", "cross-k", "cross-l"]
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


def _findings(linter: Linter, folder: Path) -> list[tuple[str, str, str]]:
    """(file, rule, message without line numbers) of every finding under `folder`."""
    result = linter.run([str(folder)])
    return sorted(
        (Path(f.path).name, f.rule, _LINE.sub("", f.message.replace(str(folder), "")))
        for f in result.findings
    )


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_wrapped_articles_give_the_same_findings(
    linter: Linter, tmp_path: Path, width: int
) -> None:
    flat, wrapped = tmp_path / "flat", tmp_path / "wrapped"
    for corpus in CORPORA:
        for path in sorted((FIXTURES / corpus).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            name = f"{corpus.replace('/', '-')}-{path.name}"
            for folder, body in ((flat, text), (wrapped, _wrap(text, width))):
                folder.mkdir(exist_ok=True)
                (folder / name).write_text(body, encoding="utf-8")
    expected = _findings(linter, flat)
    assert len(expected) > 150
    assert _findings(linter, wrapped) == expected
