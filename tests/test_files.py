"""The pipeline: discovery, unreadable files skipped with a message, others still checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factlint.files import discover


def test_discover_walks_directories_and_keeps_given_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("x")
    (tmp_path / "b.TXT").write_text("x")
    (tmp_path / "c.rst").write_text("x")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "d.md").write_text("x")
    files, problems = discover([str(tmp_path), str(tmp_path / "c.rst")])
    assert [Path(f).name for f in files] == ["b.TXT", "a.md", "c.rst"]
    assert problems == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file (contains NUL bytes); skipped"),
        (
            "Qwen di Tencent, caff\xe8.\n".encode("latin-1"),
            "not valid UTF-8; skipped (save the file as UTF-8)",
        ),
    ],
)
def test_unreadable_articles_are_skipped_others_checked(
    linter, tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    good = tmp_path / "good.md"
    good.write_text("---\nlang: it\n---\nQwen di Tencent.\n", encoding="utf-8")
    result = linter.run([str(tmp_path)])
    assert [(Path(p.path).name, p.message) for p in result.problems] == [("bad.md", message)]
    assert [Path(f.path).name for f in result.findings] == ["good.md"]
    assert result.files == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_permissions(linter, tmp_path: Path) -> None:
    bad = tmp_path / "locked.md"
    bad.write_text("x")
    bad.chmod(0)
    result = linter.run([str(bad)])
    assert "cannot read" in result.problems[0].message


def test_broken_front_matter_is_reported_and_the_body_still_checked(linter, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nlang: [it\n---\nTencent's Qwen.\n", encoding="utf-8")
    result = linter.run([str(path)])
    assert result.problems[0].message.startswith("front matter ignored")
    assert [f.rule for f in result.findings] == ["alibaba-models"]


def test_words_are_counted(linter, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\n---\nUno due tre `codice` quattro.\n", encoding="utf-8")
    assert linter.run([str(path)]).words == 4
