"""Finding articles on disk and reading them as text, skipping what cannot be read.

An editorial repository holds more than articles: drafts, images and PDFs committed by
mistake, text pasted from Word in old encodings, links that point nowhere. Nothing here
raises on such files: each is either read (decoded as well as it can be, with a warning
when a guess was made) or skipped with a one-line Problem that says which file and why,
and the run goes on with the others.

How bytes become text:
- a UTF-8, UTF-16 or UTF-32 byte-order mark decides the encoding; otherwise UTF-8;
- a file that is not valid UTF-8 but has no UTF-8 multi-byte sequence at all is an 8-bit
  legacy file (Word, old CMSs): read as Windows-1252, the superset of Latin-1 that such
  files nearly always are, with a warning; one that mixes valid UTF-8 with stray bytes is
  UTF-8 damaged by an editor: read with the stray bytes replaced by U+FFFD, with a warning;
- binary files (a known magic number, NUL bytes or many control characters near the
  start) and files over the size limit are skipped before they are decoded.
Line endings are kept as they are: documents count CRLF, CR and LF as line breaks.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar

from factlint.errors import Problem

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
# Directories that never hold articles: version control, tool caches, dependencies.
SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".factlint_cache", "__pycache__", ".venv"}
)

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
"""Articles larger than this are skipped: no article is 10 MB, a data dump or a log is."""

# The limit in force for `read_article`. A context variable rather than a parameter so
# that the CLI can set it around `Linter.run` without every layer passing it on; None
# means no limit.
_max_file_size: ContextVar[int | None] = ContextVar(
    "factlint_max_file_size", default=DEFAULT_MAX_FILE_SIZE
)

# How much of the start of a file the binary tests look at (as git and grep do).
_SNIFF = 8192
# Magic numbers of the binary files most often committed by mistake next to articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx/.odt)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc/.xls)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)
# C0 control characters that never occur in text (tab, line feed, vertical tab, form feed,
# carriage return and escape do).
_CONTROL = bytes(set(range(32)) - {9, 10, 11, 12, 13, 27}) + b"\x7f"
_CONTROL_SHARE = 0.1
# Windows-1252 is Latin-1 with printable characters (curly quotes, dashes, €) in 0x80-0x9F,
# except five bytes it leaves undefined: those keep their Latin-1 reading, so that decoding
# never fails and every byte is one character.
_WINDOWS_1252 = str.maketrans(
    {
        chr(byte): bytes([byte]).decode("cp1252")
        for byte in range(0x80, 0xA0)
        if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    }
)
# One well-formed UTF-8 multi-byte sequence: its presence says the file was meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def discover(
    paths: Sequence[str], suffixes: Sequence[str] = ARTICLE_SUFFIXES, include: Sequence[str] = ()
) -> tuple[list[str], list[Problem]]:
    """Article files under `paths`: files as given, directories walked for `suffixes` (or,
    when `include` globs are given, for file names that match one of them).

    A directory is walked whatever its name (a folder called `x.md` is a folder). Symbolic
    links to directories inside a walked tree are not followed, so a link loop cannot make
    the walk endless; links to files are read like files. A path that is missing, a broken
    link, a link loop, a FIFO or a device is reported and skipped.
    """
    files: list[str] = []
    problems: list[Problem] = []
    endings = tuple(suffix.lower() for suffix in suffixes)

    def wanted(name: str) -> bool:
        if include:
            return any(fnmatch.fnmatch(name, glob) for glob in include)
        return name.lower().endswith(endings)

    for given in paths:
        try:
            mode = os.stat(given).st_mode
        except OSError as exc:
            problems.append(_open_problem(given, exc))
            continue
        if stat.S_ISDIR(mode):
            files.extend(_walk(given, wanted, problems))
        elif stat.S_ISREG(mode):
            files.append(given)
        else:
            problems.append(Problem(given, None, f"{_kind_of(mode)}, not a file; skipped"))
    # A path given by name that could not be opened is reported once, even when a folder
    # given too contains it.
    failed = {os.path.abspath(problem.path) for problem in problems}
    if failed:
        files = [name for name in files if os.path.abspath(name) not in failed]
    return list(dict.fromkeys(files)), problems


def _walk(top: str, wanted: Callable[[str], bool], problems: list[Problem]) -> Iterator[str]:
    def unreadable(exc: OSError) -> None:
        # os.walk would otherwise skip an unreadable folder without a word.
        name = exc.filename if isinstance(exc.filename, str) else top
        problems.append(Problem(name, None, f"cannot read folder: {_reason(exc)}; skipped"))

    for root, dirs, names in os.walk(top, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        prefix = os.path.join(root, "")
        for name in sorted(names):
            if wanted(name):
                yield prefix + name


def parse_size(text: str) -> int | None:
    """A size such as `10MB`, `512KB`, `2.5 MB`, `1000` (bytes) or `0` (no limit), in bytes.

    Units are binary (1 KB = 1024 bytes); KiB, MiB and GiB are accepted as the same. Returns
    None for no limit (only zero itself: 0.1 B is one byte); raises ValueError otherwise.
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*", text, re.IGNORECASE)
    if match is None:
        raise ValueError(f"{text!r} is not a size: write e.g. 10MB, 512KB or 0 for no limit")
    number = float(match.group(1))
    if number == 0:
        return None
    unit = (match.group(2) or "b").lower()[0]
    return max(1, int(number * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]))


def format_size(size: int) -> str:
    """A size for messages: `52.4 MB`, `512 KB`, `10 MB`, `100 bytes`."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


@contextlib.contextmanager
def size_limit(limit: int | None) -> Iterator[None]:
    """Within the block, `read_article` skips files larger than `limit` bytes (None: none)."""
    token = _max_file_size.set(limit)
    try:
        yield
    finally:
        _max_file_size.reset(token)


class _Unset(enum.Enum):
    UNSET = enum.auto()


def read_article(
    name: str, problems: list[Problem], max_size: int | _Unset | None = _Unset.UNSET
) -> str | None:
    """An article's text, or None (with a problem recorded) when it cannot be read as text.

    `max_size` in bytes (None: no limit) defaults to the limit set by `size_limit`, else
    DEFAULT_MAX_FILE_SIZE. The size is checked before anything is read, and the read stops
    one byte past the limit, so a huge or growing file never fills memory. A warning is
    recorded when the text had to be decoded by a guess (see the module docstring).
    """
    limit = _max_file_size.get() if max_size is _Unset.UNSET else max_size
    data = _read_bytes(name, limit, problems)
    if data is None:
        return None
    text, problem = decode(name, data)
    if problem is not None:
        problems.append(problem)
    return text


def _read_bytes(name: str, limit: int | None, problems: list[Problem]) -> bytes | None:
    # O_NONBLOCK: opening a FIFO named like an article must not wait for a writer forever
    # (it has no effect on regular files). O_NOCTTY: a terminal device must not become ours.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        problems.append(_open_problem(name, exc))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _kind_of(info.st_mode)
            problems.append(Problem(name, None, f"{kind}, not a file; skipped"))
            return None
        size = info.st_size
        if limit is not None and size > limit:
            problems.append(_too_large(name, size, limit))
            return None
        data = _read_up_to(fd, size, None if limit is None else limit + 1)
    except OSError as exc:
        problems.append(Problem(name, None, f"cannot read: {_reason(exc)}; skipped"))
        return None
    finally:
        os.close(fd)
    if limit is not None and len(data) > limit:  # it grew, or its size was not told
        problems.append(_too_large(name, None, limit))
        return None
    return data


def _read_up_to(fd: int, size: int, most: int | None) -> bytes:
    """Everything `fd` holds, or its first `most` bytes: read with os.read, as a buffered
    file object costs more than the read itself for an article."""
    chunks: list[bytes] = []
    total = 0
    # One byte more than the size told, so that one read usually meets the end.
    want = size + 1
    while most is None or total < most:
        chunk = os.read(fd, want if most is None else min(want, most - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = max(want, 1 << 16)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def decode(name: str, data: bytes) -> tuple[str | None, Problem | None]:
    """Text of a file's bytes, and a problem (a skip, or a warning about a guess) or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError:
                label = codec.removesuffix("-sig").upper()
                return None, Problem(
                    name, None, f"starts with a {label} byte-order mark but is not {label}; skipped"
                )
    head = data[:_SNIFF]
    binary = _binary_kind(head)
    if binary is not None:
        return None, Problem(name, None, f"binary file ({binary}); skipped")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
    if _UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8", errors="replace")
        message = (
            f"invalid UTF-8 (byte 0x{bad:02X}): read with invalid bytes replaced by U+FFFD; "
            "save the file as UTF-8"
        )
        return text, Problem(name, line, message)
    text = data.decode("latin-1").translate(_WINDOWS_1252)
    message = "not UTF-8: read as Latin-1 (Windows-1252); save the file as UTF-8"
    return text, Problem(name, line, message)


def _binary_kind(head: bytes) -> str | None:
    """What kind of binary file this start of a file is from, or None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\0" in head:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
        odd, even = head[1::2], head[0::2]
        if len(head) >= 8 and (odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)):
            return "NUL bytes: UTF-16 without a byte-order mark? save it as UTF-8"
        return "contains NUL bytes"
    if head and len(head) - len(head.translate(None, _CONTROL)) > _CONTROL_SHARE * len(head):
        return "control characters"
    return None


def _too_large(name: str, size: int | None, limit: int) -> Problem:
    known = f"{format_size(size)}, " if size is not None else ""
    return Problem(
        name,
        None,
        f"too large ({known}over the {format_size(limit)} limit); skipped "
        "(raise it with --max-file-size, 0 for no limit)",
    )


def _open_problem(name: str, exc: OSError) -> Problem:
    """Why a path could not be opened, in the user's terms."""
    if exc.errno == errno.ELOOP:
        return Problem(name, None, "symbolic link loop; skipped")
    if exc.errno == errno.ENOENT and os.path.islink(name):
        try:
            target = os.readlink(name)
        except OSError:
            target = "?"
        return Problem(name, None, f"broken symbolic link (to {target!r}); skipped")
    if exc.errno == errno.ENOENT:
        return Problem(name, None, "no such file or directory; skipped")
    if exc.errno == errno.ENXIO:  # a socket, or a device without a driver
        return Problem(name, None, "special file, not a file; skipped")
    if exc.errno == errno.EISDIR:
        return Problem(name, None, "is a folder; skipped")
    return Problem(name, None, f"cannot read: {_reason(exc)}; skipped")


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
