"""The claims cache: same findings with or without it, never trusted when stale or broken."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cache import FOLDER, Cache
from factlint.cli import main
from factlint.lint import build_linter
from tests.conftest import entities_only

ROOT = Path(__file__).parent.parent


def write(path: Path, body: str, lang: str = "it") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nlang: {lang}\n---\n{body}\n", encoding="utf-8")
    return str(path)


def counting(linter, monkeypatch) -> list[str]:
    calls: list[str] = []
    original = linter.claims

    def claims(doc):
        calls.append(doc.path)
        return original(doc)

    monkeypatch.setattr(linter, "claims", claims)
    return calls


def summary(result):
    return [(Path(f.path).name, f.line, f.rule, f.message) for f in result.findings]


def test_unchanged_articles_are_not_extracted_again(tmp_path: Path, monkeypatch) -> None:
    linter = build_linter([ROOT / "rules"])
    a = write(tmp_path / "a.md", "Qwen di Tencent.")
    b = write(tmp_path / "b.md", "Qwen di Alibaba.")
    calls = counting(linter, monkeypatch)
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        first = linter.run([a, b], cache=cache)
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        second = linter.run([a, b], cache=cache)
    assert sorted(calls) == sorted([a, b])
    assert (
        summary(first)
        == summary(second)
        == [("a.md", 4, "alibaba-models", "Qwen is Alibaba's model family, not Tencent's")]
    )
    assert second.documents[a].line_text(4) == "Qwen di Tencent."


def test_changed_touched_and_restamped(tmp_path: Path, monkeypatch) -> None:
    linter = build_linter([ROOT / "rules"])
    a = write(tmp_path / "a.md", "Qwen di Tencent.")
    calls = counting(linter, monkeypatch)
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        linter.run([a], cache=cache)
    # Touched, same content: the content hash still matches.
    os.utime(a, ns=(1, 1))
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        linter.run([a], cache=cache)
    assert calls == [a]
    # Changed content: extracted again.
    write(Path(a), "Qwen di Alibaba.")
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        assert linter.run([a], cache=cache).findings == ()
    assert calls == [a, a]
    # Other rules or options: another stamp, nothing reused.
    other = build_linter([ROOT / "rules"], default_lang="it")
    assert other.stamp != linter.stamp


@pytest.mark.parametrize("damage", ["garbage", "foreign"])
def test_corrupt_or_foreign_cache_is_rebuilt(tmp_path: Path, damage: str) -> None:
    linter = build_linter([ROOT / "rules"])
    a = write(tmp_path / "a.md", "Qwen di Tencent.")
    folder = tmp_path / FOLDER
    folder.mkdir()
    database = folder / "claims.sqlite"
    if damage == "garbage":
        database.write_bytes(b"this is not a database" * 100)
    else:
        with sqlite3.connect(database) as db:
            db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT INTO meta VALUES ('format', 'someone-else')")
    with Cache(folder, linter.stamp) as cache:
        assert [f.rule for f in linter.run([a], cache=cache).findings] == ["alibaba-models"]
    with Cache(folder, linter.stamp) as cache:
        assert cache.valid(a, os.stat(a))


def test_cached_archive_gives_the_same_conflicts(tmp_path: Path, monkeypatch) -> None:
    linter = build_linter([entities_only(tmp_path)])
    archive = [
        write(tmp_path / "archive" / f"{i}.md", f"Articolo {i}. Qwen di Alibaba cresce.")
        for i in range(5)
    ]
    archive.append(write(tmp_path / "archive" / "x.md", "Il chip H200, evoluzione dell'H100."))
    new = write(tmp_path / "new.md", "Tencent's Qwen leads.", "en")
    uncached = linter.run([new], [str(tmp_path / "archive")])
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        cold = linter.run([new], [str(tmp_path / "archive")], cache=cache)
    # The article being committed has changed; the archive has not.
    write(Path(new), "Tencent's Qwen leads the downloads.", "en")
    calls = counting(linter, monkeypatch)
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        warm = linter.run([new], [str(tmp_path / "archive")], cache=cache)
    assert calls == [new]
    assert summary(uncached) == summary(cold)
    assert [(f.rule, f.message) for f in warm.findings] == [
        (f.rule, f.message) for f in cold.findings
    ]
    assert [r.path for r in warm.findings[0].related] == archive[:3]


def test_no_cache_option_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "Qwen di Tencent.")
    CliRunner().invoke(main, ["check", "a.md", "--rules", str(ROOT / "rules"), "--no-cache"])
    assert not (tmp_path / FOLDER).exists()
    CliRunner().invoke(main, ["check", "a.md", "--rules", str(ROOT / "rules")])
    assert (tmp_path / FOLDER / "claims.sqlite").exists()
    assert (tmp_path / FOLDER / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_unwritable_cache_folder_is_not_used(tmp_path: Path) -> None:
    linter = build_linter([ROOT / "rules"])
    a = write(tmp_path / "a.md", "Qwen di Tencent.")
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder should be")
    with Cache(blocker, linter.stamp) as cache:
        assert [f.rule for f in linter.run([a], cache=cache).findings] == ["alibaba-models"]


def test_valid_reads_every_stat_at_once_and_stays_in_step(tmp_path: Path) -> None:
    from factlint.cache import Entry

    linter = build_linter([ROOT / "rules"])
    a = write(tmp_path / "a.md", "Qwen di Alibaba.")
    b = write(tmp_path / "b.md", "Qwen di Alibaba.")
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        linter.run([a, b], cache=cache)
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        assert cache.valid(a, os.stat(a)) and cache.valid(b, os.stat(b))
        write(Path(b), "Qwen di Tencent.")
        os.utime(b, ns=(5, 5))
        assert not cache.valid(b, os.stat(b))
        cache.store(b, os.stat(b), "digest", Entry(3, (), ()), [])
        assert cache.valid(b, os.stat(b))
        assert not cache.valid(str(tmp_path / "c.md"), os.stat(a))
    with Cache(tmp_path / FOLDER, "another stamp") as cache:
        assert not cache.valid(a, os.stat(a))
