"""The claims cache: what each article yielded, kept per file so unchanged articles are not
read again.

One SQLite file in `.factlint_cache/` (safe to delete; `--no-cache` bypasses it). An entry
is valid for a file whose size and modification time are unchanged, or whose content hash
is, and for the same factlint code (`identity`), rule files, language data and options
(the *stamp*). Comparable claims are stored by key, so a pre-commit run on one article loads
only the archive claims that share a key with it. A corrupt or foreign cache is discarded
and rebuilt, never trusted; a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from factlint.consistency import Comparable, Side
from factlint.findings import Finding, Related, Severity
from factlint.identity import code_identity
from factlint.numbers import Interval
from factlint.suppressions import Suppression

FOLDER = ".factlint_cache"
FORMAT = "factlint-cache-1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, digest TEXT, stamp TEXT,
    words INTEGER, findings TEXT, suppressions TEXT
);
CREATE TABLE IF NOT EXISTS comparables (path TEXT, key TEXT, payload TEXT);
CREATE INDEX IF NOT EXISTS comparables_key ON comparables (key);
CREATE INDEX IF NOT EXISTS comparables_path ON comparables (path);
CREATE INDEX IF NOT EXISTS files_stats ON files (stamp, path, size, mtime);
"""


@dataclass(frozen=True)
class Entry:
    """What a cached article yielded (findings before selection and suppression)."""

    words: int
    findings: tuple[Finding, ...]
    suppressions: tuple[Suppression, ...]


def stamp(parts: Iterable[bytes | str]) -> str:
    """A hash of everything that decides what an article yields."""
    digest = hashlib.sha256(code_identity().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def content_digest(text: str) -> str:
    """The hash of an article's text, which an entry is checked by when the file's stat
    changed (decoded text, so the same article in another encoding is the same entry)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def key_text(key: object) -> str:
    """A comparable's key as stable text."""
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _finding_to_json(finding: Finding) -> dict[str, Any]:
    return finding.to_dict()


def _finding_from_json(data: dict[str, Any]) -> Finding:
    return Finding(
        path=data["path"],
        line=data["line"],
        column=data["column"],
        end_line=data["end_line"],
        end_column=data["end_column"],
        rule=data["rule"],
        kind=data["kind"],
        severity=Severity(data["severity"]),
        message=data["message"],
        source=data["source"],
        suggestion=data["suggestion"],
        related=tuple(Related(**r) for r in data["related"]),
        text=data["text"],
    )


def _comparable_to_json(item: Comparable) -> str:
    value: Any = item.value
    if isinstance(value, Interval):
        value = {"interval": [value.low, value.high, value.low_open, value.high_open]}
    side = item.side
    return json.dumps(
        [
            item.kind,
            value,
            item.says,
            [
                side.path,
                side.line,
                side.column,
                side.end_line,
                side.end_column,
                side.text,
                side.date,
                side.plain,
                side.source,
            ],
        ],
        ensure_ascii=False,
    )


def _comparable_from_json(payload: str, key: object, reported: bool) -> Comparable:
    kind, value, says, side = json.loads(payload)
    if isinstance(value, dict):
        low, high, low_open, high_open = value["interval"]
        value = Interval(float(low), float(high), low_open, high_open)
    path, line, column, end_line, end_column, text, date, plain, source = side
    return Comparable(
        kind,
        key,
        value,
        says,
        Side(path, line, column, end_line, end_column, text, date, plain, reported, source),
    )


def ensure_folder(folder: Path) -> None:
    """Create the cache folder, with a .gitignore that keeps it out of commits."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# created by factlint: safe to delete\n*\n", encoding="utf-8")


class Cache:
    """An open cache; use as a context manager so that what was stored is committed."""

    def __init__(self, folder: Path, run_stamp: str) -> None:
        """Open (or create) the cache in `folder`; an unusable one is rebuilt or skipped."""
        self.stamp = run_stamp
        self.db: sqlite3.Connection | None = None
        # (size, mtime) of every file with an entry for this stamp, read at the first
        # `valid`: one query instead of one per file of a large corpus.
        self._stats: dict[str, tuple[int, int]] | None = None
        try:
            ensure_folder(folder)
            self.db = self._open(folder / "claims.sqlite")
        except (OSError, sqlite3.Error):
            self.db = None

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        for attempt in range(2):
            db = sqlite3.connect(path, timeout=5, isolation_level=None)
            try:
                db.executescript(_SCHEMA)
                row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
                if row is None:
                    db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                elif row[0] != FORMAT:
                    raise sqlite3.DatabaseError("foreign cache")
                db.execute("BEGIN")
                return db
            except sqlite3.DatabaseError:
                db.close()
                if attempt:
                    raise
                # Corrupt or foreign: start again from nothing.
                path.unlink(missing_ok=True)
        raise sqlite3.DatabaseError("unreachable")

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(commit=exc[0] is None)

    def close(self, commit: bool = True) -> None:
        """Commit what was stored (unless the run failed) and close."""
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("COMMIT" if commit else "ROLLBACK")
        self.db.close()
        self.db = None

    def valid(self, path: str, stat: os.stat_result) -> bool:
        """Whether `path` has an entry for this file as it is now (by size and time)."""
        if self.db is None:
            return False
        if self._stats is None:
            try:
                rows = self.db.execute(
                    "SELECT path, size, mtime FROM files WHERE stamp = ?", (self.stamp,)
                ).fetchall()
            except sqlite3.Error:
                return False
            self._stats = {name: (size, mtime) for name, size, mtime in rows}
        return self._stats.get(path) == (stat.st_size, stat.st_mtime_ns)

    def _remember(self, path: str, stat: os.stat_result) -> None:
        """Keep the stats read by `valid` in step with an entry just written."""
        if self._stats is not None:
            self._stats[path] = (stat.st_size, stat.st_mtime_ns)

    def comparables_of(self, path: str, reported: bool) -> list[Comparable]:
        """Every cached comparable claim of one article."""
        if self.db is None:
            return []
        try:
            rows = self.db.execute(
                "SELECT key, payload FROM comparables WHERE path = ?", (path,)
            ).fetchall()
        except sqlite3.Error:
            return []
        return [_comparable_from_json(p, _tuples(json.loads(k)), reported) for k, p in rows]

    def lookup(self, path: str, stat: os.stat_result, read: Any = None) -> Entry | None:
        """The entry for `path` if still valid; `read()` gives the text when only the
        content hash can tell (the file was touched but maybe not changed)."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT size, mtime, digest, stamp, words, findings, suppressions "
                "FROM files WHERE path = ?",
                (path,),
            ).fetchone()
            if row is None or row[3] != self.stamp:
                return None
            size, mtime, digest, _, words, findings, suppressions = row
            if (size, mtime) != (stat.st_size, stat.st_mtime_ns):
                if read is None or content_digest(read()) != digest:
                    return None
                self.db.execute(
                    "UPDATE files SET size = ?, mtime = ? WHERE path = ?",
                    (stat.st_size, stat.st_mtime_ns, path),
                )
                self._remember(path, stat)
            return Entry(
                words=words,
                findings=tuple(_finding_from_json(f) for f in json.loads(findings)),
                suppressions=tuple(
                    Suppression(s[0], tuple(s[1]), *s[2:]) for s in json.loads(suppressions)
                ),
            )
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return None

    def store(
        self,
        path: str,
        stat: os.stat_result,
        digest: str,
        entry: Entry,
        comparables: Sequence[Comparable],
    ) -> None:
        """Remember what `path` yielded."""
        if self.db is None:
            return
        try:
            self.db.execute("DELETE FROM comparables WHERE path = ?", (path,))
            self.db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    path,
                    stat.st_size,
                    stat.st_mtime_ns,
                    digest,
                    self.stamp,
                    entry.words,
                    json.dumps([_finding_to_json(f) for f in entry.findings], ensure_ascii=False),
                    json.dumps([astuple(s) for s in entry.suppressions], ensure_ascii=False),
                ),
            )
            self.db.executemany(
                "INSERT INTO comparables VALUES (?, ?, ?)",
                [(path, key_text(item.key), _comparable_to_json(item)) for item in comparables],
            )
        except sqlite3.Error:
            return
        self._remember(path, stat)

    def comparables(self, paths: Iterable[str], keys: Iterable[object]) -> Iterator[Comparable]:
        """The cached comparable claims of `paths` whose key is one of `keys` (not reported)."""
        if self.db is None:
            return
        wanted = set(paths)
        texts = sorted({key_text(key) for key in keys})
        for start in range(0, len(texts), 500):
            chunk = texts[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self.db.execute(
                    f"SELECT path, key, payload FROM comparables WHERE key IN ({marks})", chunk
                ).fetchall()
            except sqlite3.Error:
                return
            for path, key, payload in rows:
                if path in wanted:
                    yield _comparable_from_json(payload, _tuples(json.loads(key)), reported=False)
