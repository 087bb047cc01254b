"""Compiled regular expressions kept between runs, in the user's cache folder.

A run on one article (a pre-commit hook) compiles some 80 patterns built from the language
data: cue phrases, relation templates, number words, up to 10,000 characters each. `re`
parses and compiles them in Python, about 70 ms, a quarter of such a run. What it hands to
the regex engine (the code words, flags and group names) is kept here, and later runs hand
it over again without parsing.

The file is the user's, never the project's (`$XDG_CACHE_HOME/factlint/`, else
`~/.cache/factlint/`): the engine takes compiled code as given, so a repository must not be
able to ship one. Its name and its header name the Python build, whose code format is its
own. On another implementation than CPython, or when `re`'s internals are not the ones
expected, patterns are compiled as usual. A corrupt, foreign or unreadable file is ignored
and written anew; one that cannot be written is not written, and the run goes on.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from factlint.atomic import write_atomic
from factlint.errors import FactlintError

FORMAT = "factlint-regexes-1"
# Past this many patterns a save keeps only the run's own, so that the patterns of rule
# files long changed do not pile up: a full set of both shipped languages is ~140
# patterns, 1.5 MB.
MAX_PATTERNS = 600

# flags, code words, groups, group index by name, group name by index: `_sre.compile`'s
# arguments after the source.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _Engine:
    """CPython's regex parser, code generator and engine, as `re.compile` uses them."""

    def __init__(self) -> None:
        import _sre
        from re import _compiler, _parser

        self._sre: Any = _sre
        self._parse: Any = _parser.parse
        self._code: Any = _compiler._code
        self.word = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
        self.build = hashlib.sha256(
            f"{sys.version}\0{sys.platform}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()
        ).hexdigest()[:16]

    def compile(self, source: str) -> tuple[re.Pattern[str], Entry]:
        """`re.compile(source)`, with what it took to build."""
        parsed = self._parse(source, 0)
        code = self._code(parsed, 0)
        state = parsed.state
        names: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            names[index] = name
        entry = (
            state.flags,
            array(self.word, code).tobytes(),
            state.groups - 1,
            dict(state.groupdict),
            tuple(names),
        )
        return self.load(source, entry), entry

    def load(self, source: str, entry: Entry) -> re.Pattern[str]:
        """The pattern an entry was built from (the engine checks the code it is given)."""
        flags, code, groups, index, names = entry
        return self._sre.compile(
            source, flags, array(self.word, code).tolist(), groups, index, names
        )


def _engine() -> _Engine | None:
    if sys.implementation.name != "cpython":
        return None
    try:
        return _Engine()
    except (ImportError, AttributeError, StopIteration):
        return None


def user_folder() -> Path | None:
    """The user's cache folder for factlint, or None when there is no home to put it in."""
    root = os.environ.get("XDG_CACHE_HOME")
    if not root:
        try:
            root = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(root) / "factlint"


class RegexCache:
    """Compiled patterns by source, read from one file on first use and written back by
    `save` when the run compiled patterns the file did not hold. Without a folder it
    compiles as `re.compile` does and keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self._engine = _engine() if folder is not None else None
        self.path = (
            None
            if folder is None or self._engine is None
            else folder / f"regexes-{self._engine.build}.marshal"
        )
        self._entries: dict[str, Entry] | None = None
        self._used: set[str] = set()
        self._added = False

    def compile(self, source: str) -> re.Pattern[str]:
        """`re.compile(source)`, from the file when it holds the pattern."""
        if self._engine is None:
            return re.compile(source)
        entries = self._read() if self._entries is None else self._entries
        self._entries = entries
        self._used.add(source)
        entry = entries.get(source)
        if entry is not None:
            try:
                return self._engine.load(source, entry)
            except (TypeError, ValueError, RuntimeError, OverflowError):
                pass  # a damaged entry: built again below
        compiled, entries[source] = self._engine.compile(source)
        self._added = True
        return compiled

    def save(self) -> None:
        """Write the file, merged with what other runs wrote meanwhile, if this run
        compiled new patterns; a folder that cannot be written is left alone."""
        if not self._added or self.path is None or self._entries is None:
            return
        entries = {**self._read(), **self._entries}
        if len(entries) > MAX_PATTERNS:
            entries = {source: entries[source] for source in self._used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, marshal.dumps((FORMAT, entries)), overwrite=True)
        except (OSError, FactlintError):
            return
        self._entries = entries
        self._added = False

    def _read(self) -> dict[str, Entry]:
        if self.path is None:
            return {}
        try:
            data = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        if not (
            isinstance(data, tuple)
            and len(data) == 2
            and data[0] == FORMAT
            and isinstance(data[1], dict)
        ):
            return {}
        return data[1]
