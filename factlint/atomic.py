"""Writing a file so that it is either fully there or not touched at all.

`write_atomic` writes to a temporary file in the target's directory, flushes it to disk and
then renames it over the target: a crash, a full disk or Ctrl-C at any moment leaves either
the old file or the new one, never half of one, and never a stray temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from factlint.errors import FactlintError, Problem


def write_atomic(path: str | os.PathLike[str], text: str | bytes, *, overwrite: bool) -> None:
    """Write `text` (UTF-8, line endings as given; bytes as they are) to `path` atomically.

    With `overwrite=False` an existing file (or symlink) is never replaced. A symlink is
    written through, so that it stays a link to the new content. The new file gets the
    mode of the file it replaces, or the usual mode for new files (0666 less the umask).

    Raises FactlintError (reported by the CLI as `path: message`, exit 2) when the file
    exists and may not be overwritten, or cannot be written; KeyboardInterrupt and any other
    exception propagate after the temporary file has been removed.
    """
    target = Path(path)
    if overwrite and target.is_symlink():
        target = Path(os.path.realpath(target))
    name = str(path)
    if not overwrite and os.path.lexists(target):
        raise FactlintError(Problem(name, None, "exists; not overwritten"))
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FactlintError(Problem(name, None, f"cannot write: {_reason(exc)}")) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(target))
        if overwrite:
            os.replace(temp, target)
        else:
            _create(temp, target, name)
        _sync_directory(target.parent)
    except OSError as exc:
        _remove(temp)
        raise FactlintError(Problem(name, None, f"cannot write: {_reason(exc)}")) from None
    except BaseException:
        # KeyboardInterrupt included: the user's file is untouched, and no temp file is left.
        _remove(temp)
        raise
    _remove(temp)  # after a hard link (no-overwrite path) the temporary name still exists


def _create(temp: str, target: Path, name: str) -> None:
    """Move `temp` to `target` only if `target` does not exist, atomically where possible.

    A hard link fails if the target exists, so there is no window in which another process
    could create the file and have it replaced. Filesystems without hard links fall back to
    a check followed by a rename.
    """
    try:
        os.link(temp, target)
    except FileExistsError:
        raise FactlintError(Problem(name, None, "exists; not overwritten")) from None
    except OSError:
        if os.path.lexists(target):
            raise FactlintError(Problem(name, None, "exists; not overwritten")) from None
        os.replace(temp, target)


def _mode_for(target: Path) -> int:
    """The permission bits the written file should have."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        pass
    # mkstemp creates files readable by the owner only; a config or baseline file should
    # get the same mode as any file the user creates. Reading the umask means setting it.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Flush the rename itself to disk (POSIX); ignored where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _remove(temp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
