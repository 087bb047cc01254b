"""The pipeline: discovery, unreadable files skipped with a message, others still checked."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from factlint.files import decode, discover, format_size, parse_size, read_article, size_limit


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
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file (PNG image); skipped"),
        (b"Qwen di Tencent\x00\x00", "binary file (contains NUL bytes); skipped"),
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


def test_latin1_is_read_with_a_warning(linter, tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes("---\nlang: it\n---\nCaffè: Qwen di Tencent.\n".encode("latin-1"))
    result = linter.run([str(bad)])
    assert [(p.line, p.message) for p in result.problems] == [
        (4, "not UTF-8: read as Latin-1 (Windows-1252); save the file as UTF-8")
    ]
    (finding,) = result.findings
    assert (finding.line, finding.column, finding.text) == (4, 8, "Qwen di Tencent")


@pytest.mark.parametrize(
    ("data", "text", "message"),
    [
        (b"", "", None),
        (b"plain\r\nlines\r", "plain\r\nlines\r", None),
        ("è".encode() + b"\xef\xbb\xbf", "è\ufeff", None),  # a BOM in the middle is a character
        (codecs.BOM_UTF8 + "è".encode(), "è", None),
        ("è".encode("utf-16"), "è", None),
        (codecs.BOM_UTF16_BE + "è".encode("utf-16-be"), "è", None),
        ("è".encode("utf-32"), "è", None),
        (b"caff\xe8", "caffè", "not UTF-8: read as Latin-1 (Windows-1252); save the file as UTF-8"),
        (
            b"\x93ok\x94 \x81",
            "“ok” \x81",
            "not UTF-8: read as Latin-1 (Windows-1252); save the file as UTF-8",
        ),
        (
            "è\n".encode() + b"\xe8",
            "è\n\ufffd",
            "invalid UTF-8 (byte 0xE8): read with invalid bytes replaced by U+FFFD; "
            "save the file as UTF-8",
        ),
        (b"%PDF-1.4\n", None, "binary file (PDF document); skipped"),
        (b"\xff\xd8\xff\xe0", None, "binary file (JPEG image); skipped"),
        (b"\x1f\x8b\x08\x00", None, "binary file (gzip archive); skipped"),
        (b"text\x00", None, "binary file (contains NUL bytes); skipped"),
        (b"\x01\x02\x03 text", None, "binary file (control characters); skipped"),
        (b"\x1b[1mbold\x1b[0m text", "\x1b[1mbold\x1b[0m text", None),  # ANSI colours are text
        (
            codecs.BOM_UTF16_LE + b"x",
            None,
            "starts with a UTF-16 byte-order mark but is not UTF-16; skipped",
        ),
    ],
)
def test_decode(data: bytes, text: str | None, message: str | None) -> None:
    got, problem = decode("a.md", data)
    assert got == text
    assert (problem.message if problem else None) == message


def test_discover_reports_what_it_cannot_walk(tmp_path: Path) -> None:
    files, problems = discover([str(tmp_path / "missing"), str(tmp_path)])
    assert files == []
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'missing'}: no such file or directory; skipped"
    ]


def test_discover_custom_suffixes_ignore_case(tmp_path: Path) -> None:
    (tmp_path / "a.RST").write_text("x")
    (tmp_path / "b.md").write_text("x")
    files, _ = discover([str(tmp_path)], suffixes=(".rst",))
    assert [Path(f).name for f in files] == ["a.RST"]


def test_size_limit_is_scoped(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("x" * 2048, encoding="utf-8")
    problems: list = []
    with size_limit(1024):
        assert read_article(str(path), problems) is None
    assert read_article(str(path), problems) == "x" * 2048
    assert read_article(str(path), problems, max_size=None) == "x" * 2048
    assert [p.message.split(";")[0] for p in problems] == ["too large (2 KB, over the 1 KB limit)"]


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1024, "1 KB"),
        (1536, "1.5 KB"),
        (10 * 1024**2, "10 MB"),
    ],
)
def test_format_size(size: int, shown: str) -> None:
    assert format_size(size) == shown


@pytest.mark.parametrize("text", ["", "MB", "ten", "-1", "1..5MB", "10 TB"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a size"):
        parse_size(text)


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
