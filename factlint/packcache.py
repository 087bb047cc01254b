"""The compiled-pack cache: validated rule files and parsed language files kept as JSON,
so that a run whose rule files and language data are unchanged neither parses nor
validates them again.

A pack is a file `rules-<key>.json` in the claims cache's folder (`.factlint_cache/`),
keyed by a hash of factlint's version and code, the language files and the rule files
(names and bytes); the language files' data is `lang-<key>.json`. Only rule files
without problems are packed, so an error is reported on every run, exactly as without
the cache. Packs are JSON, never pickle: the folder lives in the project, and a
repository could ship one. What is read back is rebuilt through the same constructors,
with the checks that bound a rule file's cost made again; a corrupt, foreign or stale
pack is ignored and written anew. Writes are atomic. `--no-cache`
or `cache = false` neither reads nor writes packs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factlint import __version__
from factlint.errors import FactlintError
from factlint.identity import PACKAGE, fingerprint
from factlint.language import (
    REQUIRED_KEYS,
    Language,
    languages_from,
    load_languages,
    parse_language_file,
)
from factlint.rules import RuleSet, RuleSources, load_rules, pack, unpack

FORMAT = "factlint-rulepack-1"
PREFIX = "rules-"
LANGUAGE_FORMAT = "factlint-langpack-1"
LANGUAGE_PREFIX = "lang-"
# Packs kept per cache folder: one per set of rule files recently used.
KEEP = 8
# The code that turns rule files into a RuleSet: a pack is stale when it changes (an
# editable install can change it without a new version number).
_CODE = ("rules.py", "yamlfile.py", "fastschema.py", "entities.py", "relations.py", "checks")


def _code_fingerprint() -> list[str]:
    paths = []
    for name in _CODE:
        path = PACKAGE / name
        paths += sorted(path.glob("*.py")) if path.is_dir() else [path]
    return fingerprint([*paths, PACKAGE / "schemas" / "rules.schema.json"])


def pack_key(sources: RuleSources, languages: Sequence[tuple[Path, bytes]]) -> str:
    """The hash a pack is filed under."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for part in _code_fingerprint():
        digest.update(part.encode() + b"\0")
    for path, raw in languages:
        digest.update(f"lang:{path.name}:{len(raw)}\0".encode() + raw)
    for path, raw in zip(sources.files, sources.contents, strict=True):
        digest.update(f"rules:{path}:{len(raw)}\0".encode("utf-8", "surrogateescape") + raw)
    return digest.hexdigest()


def _path(folder: Path, key: str, prefix: str = PREFIX) -> Path:
    return folder / f"{prefix}{key[:40]}.json"


def read(folder: Path, key: str, prefix: str = PREFIX, form: str = FORMAT) -> dict[str, Any] | None:
    """The pack filed under `key`, or None (missing, unreadable, corrupt or foreign)."""
    try:
        data = json.loads(_path(folder, key, prefix).read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != form or data.get("key") != key:
        return None
    found = data.get("pack")
    return found if isinstance(found, dict) else None


def write(folder: Path, key: str, text: str, prefix: str = PREFIX) -> None:
    """File the pack `text` (from `_text`) under `key`, atomically; a folder that cannot be
    written is left alone. Older packs beyond the KEEP most recent are removed."""
    from factlint.atomic import write_atomic
    from factlint.cache import ensure_folder

    try:
        ensure_folder(folder)
        write_atomic(_path(folder, key, prefix), text, overwrite=True)
    except (OSError, FactlintError):
        return
    with contextlib.suppress(OSError):
        packs = sorted(folder.glob(f"{prefix}*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in packs[:-KEEP]:
            old.unlink(missing_ok=True)


def _text(key: str, data: Mapping[str, Any], form: str = FORMAT) -> str:
    # ASCII: a path that is not valid UTF-8 (surrogate escapes) is written as \udcXX.
    return json.dumps({"format": form, "key": key, "pack": data}, separators=(",", ":"))


def load_languages_cached(
    sources: Sequence[tuple[Path, bytes]], folder: Path | None
) -> dict[str, Language]:
    """`language.load_languages` of the language files `sources` (paths and bytes),
    through a pack in `folder` (None: no cache): libyaml takes ~25 ms to parse them at
    every start, JSON ~1 ms. A file is packed only when its data reads back from JSON
    exactly as parsed."""
    if folder is None:
        return load_languages(sources=sources)
    digest = hashlib.sha256(f"{LANGUAGE_FORMAT}\0{__version__}\0".encode())
    for part in fingerprint([PACKAGE / "language.py"]):
        digest.update(part.encode() + b"\0")
    for path, raw in sources:
        digest.update(f"lang:{path.name}:{len(raw)}\0".encode() + raw)
    key = digest.hexdigest()
    found = read(folder, key, LANGUAGE_PREFIX, LANGUAGE_FORMAT)
    files = found.get("files") if found is not None else None
    if isinstance(files, list) and all(
        isinstance(data, dict) and all(name in data for name in REQUIRED_KEYS) for data in files
    ):
        with contextlib.suppress(Exception):  # any damage means: parse the files again
            return languages_from(files)
    parsed = [parse_language_file(path, raw) for path, raw in sources]
    text = _text(key, {"files": parsed}, LANGUAGE_FORMAT)
    with contextlib.suppress(ValueError):
        if json.loads(text)["pack"]["files"] == parsed:
            write(folder, key, text, LANGUAGE_PREFIX)
    return languages_from(parsed)


def load_rules_cached(
    paths: Sequence[Path],
    languages: Iterable[str],
    defaults: Mapping[str, Any] | None,
    sources: RuleSources | None,
    language_sources: Sequence[tuple[Path, bytes]],
    folder: Path | None,
) -> RuleSet:
    """`rules.load_rules`, through the pack cache in `folder` (None: no cache).

    A pack is used only when it rebuilds cleanly; otherwise the rule files are loaded as
    usual (so any problem is raised, worded as always) and, when they have none, packed
    if the pack reads back as the same rules.
    """
    languages = list(languages)
    if folder is None or sources is None:
        return load_rules(paths, languages, defaults, sources)
    key = pack_key(sources, language_sources)
    found = read(folder, key)
    if found is not None:
        try:
            return unpack(found, languages, defaults)
        except Exception:  # any damage means: rebuild from the rule files
            pass
    ruleset = load_rules(paths, languages, defaults, sources)
    text = _text(key, pack(ruleset))
    if _round_trips(text, ruleset, languages, defaults):
        write(folder, key, text)
    return ruleset


def _round_trips(
    text: str,
    ruleset: RuleSet,
    languages: Iterable[str],
    defaults: Mapping[str, Any] | None,
) -> bool:
    """Whether the pack `text` gives back exactly these entities, rules and cues (a value
    JSON cannot hold, such as a non-text key, would not)."""
    try:
        again = unpack(json.loads(text)["pack"], languages, defaults)
    except Exception:  # not packable: simply not cached
        return False
    return (
        again.entities == ruleset.entities
        and again.rules == ruleset.rules
        and again.cues == ruleset.cues
        and again.files == ruleset.files
        and [type(c) for c in again.checks] == [type(c) for c in ruleset.checks]
        and again.variants == ruleset.variants
    )
