"""Bad articles: each gets one warning line naming the file and what was wrong (or is read
correctly), the other files are still checked, and the exit code stays the findings' (1 here,
from good.md): a file that cannot be read never stops the run."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.robustness.conftest import GOOD_FINDING, GOOD_TEXT, check, warnings

# The known error, in a file that should be read: its finding must appear at this position.
BODY = "Il modello Qwen di Tencent è tra i più usati.\n"
TEXT = "---\nlang: it\n---\n" + BODY

SKIPPED_BINARY = [
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary file (PDF document); skipped"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image); skipped"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image); skipped"),
    ("gif", b"GIF89a\x01\x00\x01\x00", "binary file (GIF image); skipped"),
    (
        "docx",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        "binary file (ZIP archive (or .docx/.xlsx/.odt)); skipped",
    ),
    ("nul", TEXT.encode() + b"\x00\x00\x00", "binary file (contains NUL bytes); skipped"),
    (
        "utf16-no-bom",
        TEXT.encode("utf-16-le"),
        "binary file (NUL bytes: UTF-16 without a byte-order mark? save it as UTF-8); skipped",
    ),
    ("controls", bytes(range(1, 9)) * 64, "binary file (control characters); skipped"),
    (
        "utf16-broken",
        codecs.BOM_UTF16_LE + b"a\x00b",
        "starts with a UTF-16 byte-order mark but is not UTF-16; skipped",
    ),
]


@pytest.mark.parametrize(
    ("content", "message"),
    [(content, message) for _, content, message in SKIPPED_BINARY],
    ids=[name for name, _, _ in SKIPPED_BINARY],
)
def test_binary_files_are_skipped(good: Path, content: bytes, message: str) -> None:
    bad = good.parent / "bad.md"
    bad.write_bytes(content)
    code, out, err = check(good.parent)
    assert warnings(err) == [f"factlint: warning: {bad}: {message}"]
    assert code == 1
    assert f"{good}{GOOD_FINDING}" in out
    assert "1 files" in err  # bad.md was not counted as checked


READ = [
    # name, bytes, warning (None: read silently), line and column of the finding in bad.md
    ("utf8", TEXT.encode(), None, (4, 12)),
    ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode(), None, (4, 12)),
    ("utf16-le-bom", TEXT.encode("utf-16"), None, (4, 12)),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None, (4, 12)),
    ("utf32-bom", TEXT.encode("utf-32"), None, (4, 12)),
    ("crlf", TEXT.replace("\n", "\r\n").encode(), None, (4, 12)),
    ("lone-cr", TEXT.replace("\n", "\r").encode(), None, (4, 12)),
    ("mixed-endings", b"---\r\nlang: it\r---\n\r\n" + BODY.encode(), None, (5, 12)),
    (
        "latin1",
        ("---\nlang: it\n---\nCaffè. " + BODY).encode("latin-1"),
        "bad.md:4: not UTF-8: read as Latin-1 (Windows-1252); save the file as UTF-8",
        (4, 19),
    ),
    (
        "cp1252-quotes",
        ("---\nlang: it\n---\n“Sì”. " + BODY).encode("cp1252"),
        "bad.md:4: not UTF-8: read as Latin-1 (Windows-1252); save the file as UTF-8",
        (4, 18),
    ),
    (
        "invalid-utf8",
        "---\nlang: it\n---\nCaffè. ".encode() + b"\xff " + BODY.encode(),
        "bad.md:4: invalid UTF-8 (byte 0xFF): read with invalid bytes replaced by U+FFFD; "
        "save the file as UTF-8",
        (4, 21),
    ),
    # A stray NUL far from the start is a character, not a sign of a binary file.
    ("late-nul", (TEXT + "Testo. " * 2000 + "\0\n").encode(), None, (4, 12)),
]


@pytest.mark.parametrize(
    ("content", "message", "position"),
    [(content, message, position) for _, content, message, position in READ],
    ids=[name for name, *_ in READ],
)
def test_text_in_any_encoding_is_read_at_the_right_position(
    good: Path, content: bytes, message: str | None, position: tuple[int, int]
) -> None:
    bad = good.parent / "bad.md"
    bad.write_bytes(content)
    code, out, err = check(good.parent)
    expected = [] if message is None else [f"factlint: warning: {good.parent / message}"]
    assert warnings(err) == expected
    assert code == 1
    assert f"{good}{GOOD_FINDING}" in out
    line, column = position
    assert f"{bad}:{line}:{column}: error alibaba-models " in out
    # The quoted line is the file's line, decoded, without its line ending.
    assert f"{line:>5} | " in out and "\r" not in out


def test_empty_and_blank_files_are_read_without_a_word(good: Path) -> None:
    (good.parent / "empty.md").write_bytes(b"")
    (good.parent / "blank.md").write_bytes(b" \n\r\n\t\n")
    (good.parent / "header-only.md").write_bytes(b"---\nlang: it\n---\n")
    code, out, err = check(good.parent)
    assert warnings(err) == []
    assert code == 1 and f"{good}{GOOD_FINDING}" in out
    assert "4 files" in err


def _symlink(link: Path, target: str) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")


def test_broken_symlink(good: Path) -> None:
    _symlink(good.parent / "gone.md", "nowhere.md")
    code, out, err = check(good.parent)
    link = good.parent / "gone.md"
    assert warnings(err) == [
        f"factlint: warning: {link}: broken symbolic link (to 'nowhere.md'); skipped"
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


def test_broken_symlink_given_by_name(good: Path) -> None:
    _symlink(good.parent / "gone.md", "nowhere.md")
    code, out, err = check(good, good.parent / "gone.md")
    link = good.parent / "gone.md"
    assert warnings(err) == [
        f"factlint: warning: {link}: broken symbolic link (to 'nowhere.md'); skipped"
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


def test_symlink_loop_given_by_name_and_in_a_folder_is_reported_once_each(good: Path) -> None:
    one, two = good.parent / "one.md", good.parent / "two.md"
    _symlink(one, "two.md")
    _symlink(two, "one.md")
    code, out, err = check(good.parent, one)
    assert sorted(warnings(err)) == [
        f"factlint: warning: {one}: symbolic link loop; skipped",
        f"factlint: warning: {two}: symbolic link loop; skipped",
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


def test_folder_symlink_loop_is_not_followed(good: Path) -> None:
    _symlink(good.parent / "again", ".")
    code, out, err = check(good.parent)
    assert warnings(err) == []
    assert code == 1 and out.count(GOOD_FINDING) == 1


def test_a_folder_named_like_an_article_is_walked(good: Path) -> None:
    folder = good.parent / "dossier.md"
    folder.mkdir()
    (folder / "inner.md").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = check(good.parent)
    assert warnings(err) == []
    assert code == 1
    assert f"{good}{GOOD_FINDING}" in out and f"{folder / 'inner.md'}{GOOD_FINDING}" in out
    # Given by name, too.
    code, out, err = check(good, folder)
    assert code == 1 and f"{folder / 'inner.md'}{GOOD_FINDING}" in out and not warnings(err)


def test_a_path_that_does_not_exist(good: Path) -> None:
    missing = good.parent / "missing.md"
    code, out, err = check(good, missing)
    assert warnings(err) == [f"factlint: warning: {missing}: no such file or directory; skipped"]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_never_blocks(good: Path) -> None:
    pipe = good.parent / "pipe.md"
    os.mkfifo(pipe)
    code, out, err = check(good.parent)  # would wait forever for a writer if opened plainly
    assert warnings(err) == [f"factlint: warning: {pipe}: named pipe (FIFO), not a file; skipped"]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out
    code, out, err = check(good, pipe)
    assert warnings(err) == [f"factlint: warning: {pipe}: named pipe (FIFO), not a file; skipped"]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root (or Windows) reads every file"
)
def test_unreadable_permissions(good: Path) -> None:
    locked = good.parent / "locked.md"
    locked.write_text(GOOD_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = check(good.parent)
    finally:
        locked.chmod(0o644)
    assert warnings(err) == [
        f"factlint: warning: {locked}: cannot read: Permission denied; skipped"
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


def test_permission_denied_when_running_as_root_too(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path through a simulated EACCES, so that it is tested where tests run as root."""
    locked = good.parent / "locked.md"
    locked.write_text(GOOD_TEXT, encoding="utf-8")
    real_open: Callable[..., int] = os.open

    def refusing_open(path: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    code, out, err = check(good.parent)
    assert warnings(err) == [
        f"factlint: warning: {locked}: cannot read: Permission denied; skipped"
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root (or Windows) reads every folder"
)
def test_unreadable_folder(good: Path) -> None:
    folder = good.parent / "private"
    folder.mkdir()
    (folder / "a.md").write_text(GOOD_TEXT, encoding="utf-8")
    folder.chmod(0)
    try:
        code, out, err = check(good.parent)
    finally:
        folder.chmod(0o755)
    assert warnings(err) == [
        f"factlint: warning: {folder}: cannot read folder: Permission denied; skipped"
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


def _undecodable_name(folder: Path) -> Path:
    """An article whose file name is not UTF-8 (Latin-1 "caffè.md"), as old archives have."""
    try:
        with open(os.path.join(os.fsencode(folder), b"caff\xe8.md"), "wb") as handle:
            handle.write(GOOD_TEXT.encode())
    except (OSError, ValueError):
        pytest.skip("this file system only takes UTF-8 names")
    return folder / os.fsdecode(b"caff\xe8.md")


@pytest.mark.parametrize("output", ["text", "json", "github", "junit"])
def test_a_file_name_that_is_not_utf8(good: Path, output: str) -> None:
    named = _undecodable_name(good.parent)
    code, out, err = check(good.parent, options=("--format", output))
    assert code == 1 and warnings(err) == []
    assert "alibaba-models" in out and named.exists()


def test_a_file_name_that_is_not_utf8_in_sarif(good: Path) -> None:
    _undecodable_name(good.parent)
    code, out, _ = check(good.parent, options=("--format", "sarif"))
    assert code == 1 and "alibaba-models" in out
