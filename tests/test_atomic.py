"""write_atomic: the old file or the new one, never half of one, never a stray temp file."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from factlint import atomic
from factlint.atomic import write_atomic
from factlint.errors import FactlintError


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_a_new_file_exactly(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, "è\r\nline\n", overwrite=False)
    assert target.read_bytes() == "è\r\nline\n".encode()
    assert _names(tmp_path) == ["a.json"]


def test_refuses_to_overwrite_unless_told(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FactlintError) as caught:
        write_atomic(target, "new", overwrite=False)
    assert str(caught.value) == f"{target}: exists; not overwritten"
    assert target.read_text(encoding="utf-8") == "mine"
    assert _names(tmp_path) == ["a.json"]
    write_atomic(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert _names(tmp_path) == ["a.json"]


def test_a_file_created_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The no-overwrite path links the temp file in: a file that appears between the check
    and the rename is kept, not replaced."""
    target = tmp_path / "a.json"
    real_link = os.link

    def racing_link(src: str, dst: str | os.PathLike[str]) -> None:
        Path(dst).write_text("theirs", encoding="utf-8")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(FactlintError, match="exists; not overwritten"):
        write_atomic(target, "mine", overwrite=False)
    assert target.read_text(encoding="utf-8") == "theirs"
    assert _names(tmp_path) == ["a.json"]


def test_without_hard_links_it_falls_back_to_a_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(src: str, dst: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "a.json"
    write_atomic(target, "mine", overwrite=False)
    assert target.read_text(encoding="utf-8") == "mine"
    assert _names(tmp_path) == ["a.json"]


@pytest.mark.parametrize("where", ["write", "fsync", "replace", "chmod"])
@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_an_interruption_anywhere_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: BaseException
) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")

    def fail(*_: object, **__: object) -> None:
        raise error

    if where == "write":
        monkeypatch.setattr(atomic.os, "fdopen", _failing_fdopen(error))
    else:
        monkeypatch.setattr(os, where, fail)
    expected = KeyboardInterrupt if error is KeyboardInterrupt else FactlintError
    with pytest.raises(expected) as caught:
        write_atomic(target, "new", overwrite=True)
    if expected is FactlintError:
        assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(tmp_path) == ["a.json"]


def _failing_fdopen(error: BaseException):  # type: ignore[no-untyped-def]
    real = os.fdopen

    class Failing:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real(fd, mode)

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *_: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])  # half written, then the failure
            raise error

    return Failing


def test_a_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "a.json"
    with pytest.raises(FactlintError) as caught:
        write_atomic(target, "x", overwrite=True)
    assert str(caught.value) == f"{target}: cannot write: No such file or directory"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_mode_is_kept_on_overwrite_and_follows_the_umask_when_new(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o640)
    write_atomic(old, "y", overwrite=True)
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    umask = os.umask(0o027)
    try:
        new = tmp_path / "new.json"
        write_atomic(new, "y", overwrite=False)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    try:
        link.symlink_to(real.name)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    write_atomic(link, "new", overwrite=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    with pytest.raises(FactlintError, match="exists"):
        write_atomic(link, "newer", overwrite=False)
