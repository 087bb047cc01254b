"""The compiled patterns kept between runs: the same patterns as `re.compile`, read back by
the next run, and never a reason for a run to fail."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factlint import regexcache
from factlint.claims import Extractor
from factlint.entities import EntityIndex
from factlint.language import load_languages
from factlint.regexcache import RegexCache, user_folder
from tests.conftest import ROOT, run_check

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython", reason="compiled patterns are CPython's"
)

# Patterns of the shapes the language data builds: named groups, backreferences,
# lookbehinds, atomic groups and possessive repeats, non-ASCII classes.
SOURCES = [
    r"(?:(?<!\w)(?:nel secondo trimestre|in the second quarter|trimestre)(?!\w))",
    r"(?P<num>[0-9](?:(?P<g>[0-9]{0,2}(?:[\. ][0-9]{3})+(?:,[0-9]+)?)(?![0-9])|(?P=g)x))",
    r"\s*[,:;–—-]\s*(?>(?:(?:di nuova generazione|famiglia di modelli)\s+)*+)",
    r"(?:(?P<t0>\s+(?:(?:dello|della|del)(?:\s+|(?=[^\w\s]))|(?:dell|d)['’]\s*))|(?P<t1>, ))",
    r"[A-ZÀ-ÖØ-Þ](?<![\w'’\-][A-ZÀ-ÖØ-Þ])[^\W\d_]{3,}(?!\w)",
]


def _all_sources() -> list[str]:
    """Every pattern the shipped languages build, in the order they are built."""
    seen: list[str] = []

    def record(source: str) -> re.Pattern[str]:
        seen.append(source)
        return re.compile(source)

    Extractor(EntityIndex({}), load_languages(), compile=record).compile_all()
    return seen


@pytest.mark.parametrize("source", SOURCES)
def test_a_pattern_read_back_is_the_pattern_re_compiles(tmp_path: Path, source: str) -> None:
    first = RegexCache(tmp_path)
    assert first.compile(source) == re.compile(source)
    first.save()
    again = RegexCache(tmp_path)
    # Patterns compare by source, flags and code: the code read back is the code.
    assert again.compile(source) == re.compile(source)
    assert again.compile(source).groupindex == re.compile(source).groupindex


def test_every_language_pattern_is_read_back_and_the_file_is_not_written_again(
    tmp_path: Path,
) -> None:
    sources = _all_sources()
    assert len(sources) > 50
    first = RegexCache(tmp_path)
    for source in sources:
        first.compile(source)
    first.save()
    assert first.path is not None
    written = first.path.stat().st_mtime_ns
    again = RegexCache(tmp_path)
    for source in sources:
        assert again.compile(source) == re.compile(source)
    again.save()
    assert first.path.stat().st_mtime_ns == written


def test_patterns_are_spelt_the_same_in_every_process() -> None:
    # Built from sets of phrases: with the set's order, a new process would spell them
    # otherwise, and no compiled pattern would ever be found again.
    script = (
        "import json; from tests.test_regexcache import _all_sources; "
        "print(json.dumps(_all_sources()))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert json.loads(runs[0]) == json.loads(runs[1])


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all", marshal.dumps(("another-format", {})), marshal.dumps([1, 2])],
)
def test_a_corrupt_or_foreign_file_is_ignored_and_written_anew(
    tmp_path: Path, content: bytes
) -> None:
    cache = RegexCache(tmp_path)
    assert cache.path is not None
    cache.path.write_bytes(content)
    assert cache.compile(SOURCES[0]) == re.compile(SOURCES[0])
    cache.save()
    assert RegexCache(tmp_path).compile(SOURCES[0]) == re.compile(SOURCES[0])
    assert cache.path.read_bytes() != content


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    cache = RegexCache(tmp_path)
    cache.compile(SOURCES[1])
    cache.save()
    assert cache.path is not None
    fmt, entries = marshal.loads(cache.path.read_bytes())
    flags, code, groups, index, names = entries[SOURCES[1]]
    # Code words the engine refuses (a jump past the end), then an entry of the wrong shape.
    for damaged in ((flags, b"\xff" * len(code), groups, index, names), ("x",)):
        cache.path.write_bytes(marshal.dumps((fmt, {SOURCES[1]: damaged})))
        assert RegexCache(tmp_path).compile(SOURCES[1]) == re.compile(SOURCES[1])


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    cache = RegexCache(blocked / "factlint")
    assert cache.compile(SOURCES[0]) == re.compile(SOURCES[0])
    cache.save()
    assert blocked.read_text(encoding="utf-8") == "a file where the folder would go"


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    cache = RegexCache(None)
    assert cache.path is None
    assert cache.compile(SOURCES[0]) == re.compile(SOURCES[0])
    cache.save()


def test_past_the_limit_a_save_keeps_only_the_runs_own_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 3)
    old = RegexCache(tmp_path)
    for source in SOURCES[:3]:
        old.compile(source)
    old.save()
    new = RegexCache(tmp_path)
    new.compile(SOURCES[3])
    new.compile(SOURCES[4])
    new.save()
    assert new.path is not None
    _, entries = marshal.loads(new.path.read_bytes())
    assert set(entries) == set(SOURCES[3:])


def test_a_save_keeps_what_another_run_wrote_meanwhile(tmp_path: Path) -> None:
    one, other = RegexCache(tmp_path), RegexCache(tmp_path)
    one.compile(SOURCES[0])
    other.compile(SOURCES[1])
    one.save()
    other.save()
    assert other.path is not None
    _, entries = marshal.loads(other.path.read_bytes())
    assert set(entries) == {SOURCES[0], SOURCES[1]}


def test_the_folder_is_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_folder() == tmp_path / "factlint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_folder() == tmp_path / "home" / ".cache" / "factlint"


def _article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    """An Italian article in a project of its own, the user's cache folder under it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.md"
    article.write_text(f"---\nlang: it\n---\n{text}\n", encoding="utf-8")
    return article


def _check(article: Path, *options: str) -> None:
    run_check(*options, "--rules", str(ROOT / "rules"), str(article))


def test_check_keeps_compiled_patterns_unless_told_not_to_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article(tmp_path, monkeypatch, "Alibaba ha presentato Qwen, il modello di Alibaba.")
    _check(article, "--no-cache")
    assert not (tmp_path / "user").exists()
    _check(article)
    assert list((tmp_path / "user" / "factlint").glob("regexes-*.marshal"))


def test_a_later_check_compiles_no_language_pattern_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article(tmp_path, monkeypatch, "Il Kirin 9020, erede del Kirin 9010, ha 8 core.")
    _check(article)
    built: list[str] = []
    compile_anew = regexcache._Engine.compile

    def counted(engine: regexcache._Engine, source: str) -> tuple[re.Pattern[str], Any]:
        built.append(source)
        return compile_anew(engine, source)

    monkeypatch.setattr(regexcache._Engine, "compile", counted)
    # The article changed, so it is read and its claims extracted again.
    with article.open("a", encoding="utf-8") as changed:
        changed.write("\nL'utile netto è salito a 2,71 miliardi.\n")
    _check(article)
    assert built == []
