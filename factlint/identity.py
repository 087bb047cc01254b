"""What identifies the running factlint, for the caches: its version and its code.

Two installs with one version number can hold different code (an editable install, a
pre-commit hook pinned to another commit), and what older code yielded must not be
served to newer code. Each file's size and modification time tell them apart without
reading the files; a reinstall of the same code only rebuilds the caches once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from factlint import __version__

PACKAGE = Path(__file__).resolve().parent


def fingerprint(paths: Iterable[Path]) -> list[str]:
    """The name, size and modification time of each file of `paths` that exists."""
    parts = []
    for path in paths:
        with contextlib.suppress(OSError):
            parts.append(_mark(path.name, path.stat()))
    return parts


def code_identity() -> str:
    """The version, and the fingerprint of every module of the package."""
    return "\n".join([__version__, *_modules(str(PACKAGE))])


def _mark(name: str, status: os.stat_result) -> str:
    return f"{name}:{status.st_size}:{status.st_mtime_ns}"


def _modules(folder: str) -> list[str]:
    """The fingerprint of every module under `folder`, in a fixed order. Walked with
    `os.scandir`, whose entries carry their type: this runs on every pre-commit call."""
    parts = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            if entry.is_dir() and entry.name != "__pycache__":
                parts += _modules(entry.path)
            elif entry.name.endswith(".py"):
                parts.append(_mark(entry.name, entry.stat()))
    return parts
