"""Finding articles on disk and reading them as text, skipping what cannot be read."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from factlint.errors import Problem

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
# Directories that never hold articles: version control, tool caches, dependencies.
SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".factlint_cache", "__pycache__", ".venv"}
)


def discover(
    paths: Sequence[str], suffixes: Sequence[str] = ARTICLE_SUFFIXES
) -> tuple[list[str], list[Problem]]:
    """Article files under `paths`: files as given, directories walked for `suffixes`."""
    files: list[str] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
                files.extend(
                    os.path.join(root, name)
                    for name in sorted(names)
                    if name.lower().endswith(tuple(suffixes))
                )
        elif path.is_file():
            files.append(given)
        else:
            problems.append(Problem(given, None, "no such file or directory; skipped"))
    return list(dict.fromkeys(files)), problems


def read_article(name: str, problems: list[Problem]) -> str | None:
    """An article's text, or None (with a problem recorded) when it cannot be read as text."""
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, f"cannot read: {exc.strerror or exc}; skipped"))
        return None
    if b"\0" in data[:8192]:
        problems.append(Problem(name, None, "binary file (contains NUL bytes); skipped"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, "not valid UTF-8; skipped (save the file as UTF-8)"))
        return None
