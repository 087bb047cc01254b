"""Cross-article conflicts of a claims dump, grouped by DuckDB; compared with `factlint check`.

The reduce step of docs/scale.md: `factlint claims --format jsonl` (the map step, one run
per shard) writes one JSON object per claim; bench/conflicts.sql groups them by key and
finds the claims that `factlint check` reports as consistency findings.

    python bench/claims_duckdb.py CLAIMS.jsonl [MORE.jsonl | 'claims/*.jsonl' ...]
        [--check CHECK.json] [--quiet]

prints one conflict a line (path:line:column rule severity) and, with --check (the output
of `factlint check ... --format json` on the same articles and rules), whether the set of
(path, line, column, rule) of its consistency findings is the same, with the differences,
and whether the severities agree. Exit status: 0 when equal (or without --check), 1 not.

Compare like with like: `claims` does not know which claims a rule covers, so run both on
a rules folder holding only the `entities:` parts of the rule files (`entities_only_rules`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from factlint import consistency
from factlint.numbers import Interval

SQL = Path(__file__).resolve().with_name("conflicts.sql")


class Conflict(NamedTuple):
    """One reported side of a cross-article conflict."""

    path: str
    line: int
    column: int
    rule: str
    severity: str


def conflicts(claims_files: Sequence[str | Path], connection: Any = None) -> list[Conflict]:
    """Run bench/conflicts.sql with DuckDB over JSONL claim dumps (files or globs)."""
    import duckdb

    con = connection if connection is not None else duckdb.connect()
    con.execute("SET VARIABLE claims_files = ?", [[str(name) for name in claims_files]])
    rows = con.execute(SQL.read_text(encoding="utf-8")).fetchall()
    return [Conflict(*row) for row in rows]


def walk_order(path: str) -> list[str]:
    """The order `factlint check` reads articles in: a folder's files (sorted) before its
    subfolders (sorted). Same as `walk_order` in conflicts.sql."""
    *folders, name = path.split("/")
    return [f"1{folder}" for folder in folders] + [f"0{name}"]


def reference_conflicts(records: Iterable[Mapping[str, Any]]) -> list[Conflict]:
    """consistency.conflicts itself, in memory, on claim records: what conflicts.sql
    reproduces, and the per-group reduce of a Dask or Spark job (docs/scale.md)."""
    chosen = [
        r
        for r in records
        if r["key"] is not None and r["assertion"] in ("plain", "hedged", "reported")
    ]
    chosen.sort(key=lambda r: (walk_order(r["path"]), r["line"], r["column"]))
    items = []
    for r in chosen:
        key = tuple(tuple(part) if isinstance(part, list) else part for part in r["key"])
        value = r["value"]
        if key[0] == "figure":
            value = Interval(
                -math.inf if value["low"] is None else value["low"],
                math.inf if value["high"] is None else value["high"],
                value["low_open"],
                value["high_open"],
            )
        plain = r["assertion"] == "plain"
        source = None if plain else r.get("source")
        side = consistency.Side(
            r["path"],
            r["line"],
            r["column"],
            r["line"],
            r["column"],
            "",
            r["date"],
            plain,
            True,
            source,
        )
        items.append(consistency.Comparable(str(key[0]), key, value, "", side))
    return sorted(
        Conflict(f.path, f.line, f.column, f.rule, f.severity.value)
        for f in consistency.conflicts(items)
    )


def check_findings(findings: Iterable[dict[str, Any]]) -> list[Conflict]:
    """The consistency findings of `factlint check --format json` output, as Conflicts."""
    return [
        Conflict(f["path"], f["line"], f["column"], f["rule"], f["severity"])
        for f in findings
        if f["rule"].startswith("consistency.")
    ]


class Comparison(NamedTuple):
    """How the DuckDB conflicts differ from check's consistency findings."""

    only_duckdb: list[tuple[str, int, int, str]]
    only_check: list[tuple[str, int, int, str]]
    severity: list[tuple[tuple[str, int, int, str], str, str]]  # (where, duckdb, check)

    @property
    def equal(self) -> bool:
        """Same (path, line, column, rule) set."""
        return not self.only_duckdb and not self.only_check


def compare(mine: Iterable[Conflict], theirs: Iterable[Conflict]) -> Comparison:
    """Compare on (path, line, column, rule); report severities that differ on the rest."""
    a = {tuple(c[:4]): c.severity for c in mine}
    b = {tuple(c[:4]): c.severity for c in theirs}
    return Comparison(
        only_duckdb=sorted(a.keys() - b.keys()),
        only_check=sorted(b.keys() - a.keys()),
        severity=sorted((k, a[k], b[k]) for k in a.keys() & b.keys() if a[k] != b[k]),
    )


def entities_only_rules(source: str | Path, target: str | Path) -> Path:
    """Write into `target` the `entities:` parts of the rule files under `source`: names
    are found and claims keyed as with the full pack, but no rule covers any claim."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    source = Path(source)
    for name in sorted(source.glob("*.yaml")) if source.is_dir() else [source]:
        data = yaml.safe_load(name.read_text(encoding="utf-8")) or {}
        if data.get("entities"):
            text = yaml.safe_dump(
                {"entities": data["entities"]}, allow_unicode=True, sort_keys=False
            )
            (target / name.name).write_text(text, encoding="utf-8")
    return target


def _where(key: tuple[str, int, int, str]) -> str:
    path, line, column, rule = key
    return f"{path}:{line}:{column} {rule}"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the conflicts; with --check, compare them with check's."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("claims", nargs="+", help="JSONL claim dumps (files or globs)")
    parser.add_argument("--check", type=Path, help="`factlint check --format json` output")
    parser.add_argument("--quiet", "-q", action="store_true", help="do not list the conflicts")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    found = conflicts(args.claims)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        for c in found:
            print(f"{c.path}:{c.line}:{c.column} {c.rule} {c.severity}")
    print(f"duckdb: {len(found)} conflicts in {elapsed:.2f} s", file=sys.stderr)
    if args.check is None:
        return 0
    theirs = check_findings(json.loads(args.check.read_text(encoding="utf-8")))
    result = compare(found, theirs)
    print(
        f"check: {len(theirs)} consistency findings; duckdb: {len(found)} conflicts; "
        f"(path, line, column, rule) sets {'EQUAL' if result.equal else 'DIFFERENT'}"
    )
    for key in result.only_duckdb:
        print(f"  only duckdb: {_where(key)}")
    for key in result.only_check:
        print(f"  only check:  {_where(key)}")
    if result.severity:
        print(f"severities: {len(result.severity)} differ")
        for key, mine, theirs_severity in result.severity:
            print(f"  {_where(key)}: duckdb {mine}, check {theirs_severity}")
    else:
        print("severities: all equal")
    return 0 if result.equal and not result.severity else 1


if __name__ == "__main__":
    sys.exit(main())
