"""What identifies the running factlint, for the caches: its version and its code.

Two installs with one version number can hold different code (an editable install, a
pre-commit hook pinned to another commit), and what older code yielded must not be
served to newer code. Each file's size and modification time tell them apart without
reading the files; a reinstall of the same code only rebuilds the caches once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from factlint import __version__

PACKAGE = Path(__file__).resolve().parent


def fingerprint(paths: Iterable[Path]) -> list[str]:
    """The name, size and modification time of each file of `paths` that exists."""
    parts = []
    for path in paths:
        with contextlib.suppress(OSError):
            status = path.stat()
            parts.append(f"{path.name}:{status.st_size}:{status.st_mtime_ns}")
    return parts


def code_identity() -> str:
    """The version, and the fingerprint of every module of the package."""
    return "\n".join([__version__, *fingerprint(sorted(PACKAGE.rglob("*.py")))])
