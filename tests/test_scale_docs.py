"""docs/scale.md: the claims dump grouped by DuckDB (bench/conflicts.sql) finds the same
cross-article conflicts as `factlint check`."""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

pytest.importorskip("duckdb")

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import claims_duckdb  # noqa: E402
import generate  # noqa: E402


def _dump_and_check(folder: Path, corpus: str = "corpus") -> tuple[Path, list[dict]]:
    """Run `factlint claims --format jsonl` and `factlint check --format json` in `folder`
    on an entities-only copy of the shipped rules; return the dump and check's findings."""
    claims_duckdb.entities_only_rules(ROOT / "rules", folder / "entities")
    runner = CliRunner()
    dumped = runner.invoke(main, ["claims", corpus, "--rules", "entities", "--format", "jsonl"])
    assert dumped.exit_code == 0, dumped.output
    claims = folder / "claims.jsonl"
    claims.write_text(dumped.stdout, encoding="utf-8")
    checked = runner.invoke(
        main, ["check", corpus, "--rules", "entities", "--format", "json", "--no-cache"]
    )
    assert checked.exit_code in (0, 1), checked.output
    return claims, json.loads(checked.stdout)


def test_generated_corpus_conflicts_equal_check(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    generate.write_corpus(tmp_path / "corpus", 60)
    claims, findings = _dump_and_check(tmp_path)
    theirs = claims_duckdb.check_findings(findings)
    mine = claims_duckdb.conflicts([claims])
    result = claims_duckdb.compare(mine, theirs)
    assert result.equal, result
    assert not result.severity, result
    assert len(mine) >= 10
    assert {c.rule for c in mine} == {
        "consistency.figure",
        "consistency.attribution",
        "consistency.lineage",
    }
    # The command line says so too, and exits 0.
    (tmp_path / "check.json").write_text(json.dumps(findings), encoding="utf-8")
    assert claims_duckdb.main([str(claims), "--check", "check.json", "--quiet"]) == 0


A = """---
date: {date_a}
---

# Data centres

Chinese companies plan 36 new data centers, powered by over 100,000 Nvidia H200 GPUs.

Qwen, developed by Alibaba, beat its rivals in the benchmarks.
"""
B = """---
date: {date_b}
---

# Data centres

Chinese companies plan 63 new data centers, powered by over 100,000 Nvidia H200 GPUs.

Qwen, developed by Tencent, beat its rivals in the benchmarks.
"""


@pytest.mark.parametrize(
    ("date_a", "date_b", "expected"),
    [
        # Same date: both sides of both conflicts, as errors.
        (
            "2025-03-01",
            "2025-03-01",
            {
                ("a.md", 7, "consistency.figure", "error"),
                ("a.md", 9, "consistency.attribution", "error"),
                ("b.md", 7, "consistency.figure", "error"),
                ("b.md", 9, "consistency.attribution", "error"),
            },
        ),
        # b is newer: only a, the older side, gets a warning (b may update it).
        (
            "2025-01-01",
            "2025-06-01",
            {
                ("a.md", 7, "consistency.figure", "warning"),
                ("a.md", 9, "consistency.attribution", "warning"),
            },
        ),
    ],
)
def test_pair_of_articles(
    tmp_path: Path, monkeypatch, date_a: str, date_b: str, expected: set
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(A.format(date_a=date_a), encoding="utf-8")
    (tmp_path / "corpus" / "b.md").write_text(B.format(date_b=date_b), encoding="utf-8")
    claims, findings = _dump_and_check(tmp_path)
    mine = claims_duckdb.conflicts([claims])
    assert {(Path(c.path).name, c.line, c.rule, c.severity) for c in mine} == expected
    theirs = claims_duckdb.check_findings(findings)
    assert sorted(mine) == sorted(theirs)


def _random_records(rng: random.Random, count: int) -> list[dict]:
    """Claim records with the edge cases of the comparison: open and infinite ends, figures
    10x apart, hedged and reported claims (citing one company or none; key k2 has no
    plain claim), missing dates, one value held by many claims (more than 20 partners),
    articles in nested folders."""
    paths = [f"d/a{i:02d}.md" for i in range(12)] + ["d/a/x.md", "d/a-b/y.md", "d/A.md"]
    dates = {path: rng.choice([None, "2025-01-01", "2025-02-01", "2024"]) for path in paths}
    ends = [-5.0, 0.0, 1.0, 9.0, 36.0, 63.0, 90.0, 100.0, 1000.0]
    keys = [
        ["figure", "k0"],
        ["figure", "k1"],
        ["figure", "k2"],
        ["attribution", "qwen"],
        ["lineage", "a", "b"],
    ]
    records = []
    for index in range(count):
        key = rng.choice(keys)
        if key[0] == "figure":
            if rng.random() < 0.6:
                low = high = rng.choice([36.0, 63.0])
                value = {"low": low, "high": high, "low_open": False, "high_open": False}
            else:
                low, high = sorted(rng.sample(ends, 2))
                value = {
                    "low": None if rng.random() < 0.15 else low,
                    "high": None if rng.random() < 0.15 else high,
                    "low_open": rng.random() < 0.3,
                    "high_open": rng.random() < 0.3,
                }
        else:
            value = rng.choice(["alibaba", "alibaba", "tencent", "baidu"])
        path = rng.choice(paths)
        records.append(
            {
                "path": path,
                "line": index + 1,
                "column": 1,
                "assertion": rng.choice(
                    ["hedged", "reported"]
                    if key[1] == "k2"
                    else ["plain"] * 4 + ["hedged", "reported", "negated"]
                ),
                "source": rng.choice([None, None, "alibaba", "tencent"]),
                "date": dates[path],
                "key": key if rng.random() < 0.95 else None,
                "value": value,
            }
        )
    return records


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_reproduces_consistency_on_edge_cases(tmp_path: Path, seed: int) -> None:
    records = _random_records(random.Random(seed), 600)
    dump = tmp_path / "claims.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = claims_duckdb.reference_conflicts(records)
    assert expected
    assert claims_duckdb.conflicts([dump]) == expected


def test_overlap_macro_matches_interval() -> None:
    import duckdb

    from factlint.numbers import Interval

    con = duckdb.connect()
    con.execute(claims_duckdb.SQL.read_text(encoding="utf-8").split("-- 1.")[0])
    ends = [-math.inf, 1.0, 2.0, math.inf]
    cases = [
        (Interval(a, b, ao, bo), Interval(c, d, co, do))
        for a in ends
        for b in ends
        for c in ends
        for d in ends
        for ao in (False, True)
        for bo in (False, True)
        for co in (False, True)
        for do in (False, True)
        if a <= b and c <= d
    ]
    rows = con.execute(
        "SELECT interval_overlaps(al, alo, ah, aho, bl, blo, bh, bho) FROM ("
        "SELECT unnest(?) AS al, unnest(?) AS alo, unnest(?) AS ah, unnest(?) AS aho, "
        "unnest(?) AS bl, unnest(?) AS blo, unnest(?) AS bh, unnest(?) AS bho)",
        [
            [x.low for x, _ in cases],
            [x.low_open for x, _ in cases],
            [x.high for x, _ in cases],
            [x.high_open for x, _ in cases],
            [y.low for _, y in cases],
            [y.low_open for _, y in cases],
            [y.high for _, y in cases],
            [y.high_open for _, y in cases],
        ],
    ).fetchall()
    assert [row[0] for row in rows] == [x.overlaps(y) for x, y in cases]


def test_at_most_40_partners_nearest_first(tmp_path: Path) -> None:
    """A side looks at 20 claims below it and 40 in all, as consistency.PARTNERS says: here
    its 40 nearest partners are older, so it is not reported, though a 41st is newer."""

    def record(path: str, figure: float, date: str) -> dict:
        return {
            "path": path,
            "line": 1,
            "column": 1,
            "assertion": "plain",
            "date": date,
            "key": ["figure", "k"],
            "value": {"low": figure, "high": figure, "low_open": False, "high_open": False},
        }

    records = [record("side.md", 50.0, "2025-06-01")]
    records += [record(f"below{i:02d}.md", 36.0, "2025-01-01") for i in range(20)]
    records += [record(f"above{i:02d}.md", 63.0, "2025-01-01") for i in range(20)]
    records += [record("newer.md", 63.0, "2025-12-01")]
    dump = tmp_path / "claims.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = claims_duckdb.reference_conflicts(records)
    assert "side.md" not in {c.path for c in expected}
    assert claims_duckdb.conflicts([dump]) == expected
