"""Big files: a file over --max-file-size is skipped before it is read (memory stays flat),
one under it is checked whatever its shape, and the limit's syntax is checked up front."""

from __future__ import annotations

import os
import stat
import time
import tracemalloc
from pathlib import Path

import pytest

from factlint.files import parse_size, read_article
from factlint.lint import Linter
from tests.robustness.conftest import GOOD_FINDING, GOOD_TEXT, RULES, check, run, warnings

MB = 1024 * 1024
# Ordinary prose that states nothing the rules know about: a big file of it is slow only if
# something in the pipeline is slower than linear.
PROSE = (
    "La redazione ha pubblicato un lungo articolo sul mercato dei semiconduttori, con molte "
    "interviste a dirigenti e analisti del settore. "
)


def _write_big(path: Path, size: int, *, lines: bool) -> None:
    """`size` bytes of prose after GOOD_TEXT's error, in lines or as one line, written in
    chunks so that the test itself never holds it twice."""
    unit = PROSE + ("\n" if lines else "")
    chunk = unit * (MB // len(unit))
    with path.open("w", encoding="utf-8") as handle:
        written = handle.write(GOOD_TEXT.rstrip("\n") + " ")
        while written < size:
            written += handle.write(chunk[: size - written])


def test_a_50_mb_article_is_skipped_fast_and_without_reading_it(good: Path) -> None:
    big = good.parent / "dump.md"
    _write_big(big, 50 * MB, lines=True)
    started = time.perf_counter()
    code, out, err = check(good.parent)
    assert time.perf_counter() - started < 10
    assert warnings(err) == [
        f"factlint: warning: {big}: too large (50 MB, over the 10 MB limit); skipped "
        "(raise it with --max-file-size, 0 for no limit)"
    ]
    assert code == 1 and f"{good}{GOOD_FINDING}" in out


def test_memory_stays_flat_on_a_50_mb_article(tmp_path: Path, linter: Linter) -> None:
    big = tmp_path / "dump.md"
    _write_big(big, 50 * MB, lines=True)
    tracemalloc.start()
    try:
        result = linter.run([str(tmp_path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.files == 0 and "too large" in result.problems[0].message
    assert peak < 2 * MB


def test_the_size_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("x" * 5000, encoding="utf-8")
    problems: list = []
    assert read_article(str(path), problems, max_size=4096) is None
    assert problems[0].message.startswith("too large (4.9 KB, over the 4 KB limit)")


def test_the_read_stops_at_the_limit_even_if_the_size_lied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grows between stat and read (a log being written, /proc files that
    report size 0) is read only up to the limit plus one byte, then skipped."""
    path = tmp_path / "a.md"
    path.write_text("x" * 50_000, encoding="utf-8")
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:
        info = list(real_fstat(fd))
        info[stat.ST_SIZE] = 10
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", small_fstat)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        reads.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    problems: list = []
    assert read_article(str(path), problems, max_size=4096) is None
    assert sum(reads) == 4097
    assert problems[0].message.startswith("too large (over the 4 KB limit)")


def test_a_5_mb_single_line_is_checked(good: Path) -> None:
    line = good.parent / "one-line.md"
    _write_big(line, 5 * MB, lines=False)
    code, out, err = check(good.parent)
    assert warnings(err) == []
    assert code == 1
    assert f"{good}{GOOD_FINDING}" in out and f"{line}{GOOD_FINDING}" in out


@pytest.mark.parametrize(
    ("option", "skipped"),
    [("10MB", False), ("512KB", True), ("512 kb", True), ("0", False), ("600000", False)],
)
def test_max_file_size_option(good: Path, option: str, skipped: bool) -> None:
    big = good.parent / "big.md"
    _write_big(big, 520 * 1024, lines=True)
    code, out, err = check(good.parent, options=("--max-file-size", option))
    assert code == 1 and f"{good}{GOOD_FINDING}" in out
    assert (f"{big}{GOOD_FINDING}" in out) is not skipped
    assert bool(warnings(err)) is skipped
    if skipped:
        assert "over the 512 KB limit" in err


def test_max_file_size_applies_to_claims(good: Path) -> None:
    big = good.parent / "big.md"
    _write_big(big, 20 * 1024, lines=True)
    code, out, err = run("claims", str(good.parent), "--rules", RULES, "--max-file-size", "16KB")
    assert code == 0
    assert warnings(err) == [
        f"factlint: warning: {big}: too large (20 KB, over the 16 KB limit); skipped "
        "(raise it with --max-file-size, 0 for no limit)"
    ]
    assert str(good) in out and str(big) not in out


@pytest.mark.parametrize("value", ["ten", "10XB", "-1", "1.5.2MB", ""])
def test_a_bad_limit_stops_the_run_with_exit_2(good: Path, value: str) -> None:
    code, out, err = check(good, options=("--max-file-size", value))
    assert code == 2 and out == ""
    assert "Invalid value for '--max-file-size'" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("10MB", 10 * MB),
        ("10 mb", 10 * MB),
        ("10MiB", 10 * MB),
        ("512KB", 512 * 1024),
        ("512k", 512 * 1024),
        ("1.5MB", int(1.5 * MB)),
        ("1G", 1024 * MB),
        ("2048", 2048),
        ("2048B", 2048),
        ("0", None),
        ("0KB", None),
        ("0.1", 1),
    ],
)
def test_parse_size(text: str, size: int | None) -> None:
    assert parse_size(text) == size
