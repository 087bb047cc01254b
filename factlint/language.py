"""Language data: the per-language YAML files in `factlint/lang/`, loaded and merged.

A language is one data file; this module only reads them. Rule files may add cue phrases
(relation templates, assertion cues) for a language; they are merged in here, so every
later stage sees one set of data per language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factlint.errors import FactlintError, Problem

LANG_DIR = Path(__file__).parent / "lang"
REQUIRED_KEYS = (
    "code",
    "stopwords",
    "abbreviations",
    "fillers",
    "relations",
    "assertion",
    "numbers",
)


@dataclass(frozen=True)
class Language:
    """One language's data, with the sets later stages look words up in."""

    code: str
    data: Mapping[str, Any]
    stopwords: frozenset[str]
    abbreviations: frozenset[str]
    common_words: frozenset[str]


def phrase_key(text: str) -> str:
    """A phrase as language data is looked up by: lowercase, single spaces, a straight
    apostrophe (texts type either)."""
    return " ".join(text.lower().replace("’", "'").split())


def language_files() -> list[Path]:
    """The language data files, in the order they are loaded."""
    return sorted(LANG_DIR.glob("*.yaml"))


def language_sources() -> list[tuple[Path, bytes]]:
    """The language data files with their bytes (read once: parsed, and hashed for the
    caches)."""
    sources = []
    for path in language_files():
        try:
            sources.append((path, path.read_bytes()))
        except OSError as exc:
            raise FactlintError(
                Problem(str(path), None, f"cannot read language file: {exc}")
            ) from None
    return sources


def parse_language_file(path: Path, raw: bytes | None = None) -> dict[str, Any]:
    """The data of one language file (`raw`: its bytes, when already read); a file that
    cannot be read or lacks a required key is a FactlintError."""
    import yaml

    # libyaml's safe loader when PyYAML has it: the same data, ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = (path.read_bytes() if raw is None else raw).decode("utf-8")
        data = yaml.load(text, Loader=loader)  # a safe loader: plain data only
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FactlintError(Problem(str(path), None, f"cannot read language file: {exc}")) from None
    if not isinstance(data, dict):
        raise FactlintError(Problem(str(path), None, "a language file must be a mapping"))
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise FactlintError(Problem(str(path), None, f"language file lacks {', '.join(missing)}"))
    return data


def _merge_cues(data: dict[str, Any], cues: Mapping[str, list[str]]) -> dict[str, Any]:
    """A copy of `data` with extra relation templates, assertion cues and fillers appended."""
    merged = dict(data)
    relations = {key: list(value) for key, value in data["relations"].items()}
    assertion = {key: list(value) for key, value in data["assertion"].items()}
    for category, phrases in cues.items():
        if category == "fillers":
            merged["fillers"] = [*data["fillers"], *phrases]
            continue
        target = relations if category in relations else assertion
        target.setdefault(category, []).extend(phrases)
    merged["relations"] = relations
    merged["assertion"] = assertion
    return merged


def _language(code: str, data: dict[str, Any]) -> Language:
    return Language(
        code=code,
        data=data,
        stopwords=frozenset(data["stopwords"]),
        abbreviations=frozenset(str(a).lower() for a in data["abbreviations"]),
        common_words=frozenset(str(w).lower() for w in data.get("common_words", ())),
    )


def load_languages(
    extra_cues: Mapping[str, Mapping[str, list[str]]] | None = None,
    sources: Sequence[tuple[Path, bytes]] | None = None,
) -> dict[str, Language]:
    """Every language file shipped with factlint, keyed by language code. `sources`: the
    files with their bytes, when already read."""
    parsed = [
        parse_language_file(path, raw)
        for path, raw in sources or [(path, None) for path in language_files()]
    ]
    languages = languages_from(parsed)
    return with_cues(languages, extra_cues) if extra_cues else languages


def languages_from(parsed: Sequence[dict[str, Any]]) -> dict[str, Language]:
    """The languages of parsed language files (`parse_language_file`), keyed by code."""
    return {str(data["code"]): _language(str(data["code"]), data) for data in parsed}


def with_cues(
    languages: Mapping[str, Language], extra_cues: Mapping[str, Mapping[str, list[str]]]
) -> dict[str, Language]:
    """`languages` with the cue phrases of rule files merged in (the files are not read
    again)."""
    merged: dict[str, Language] = {}
    for code, language in languages.items():
        if code in extra_cues:
            merged[code] = _language(code, _merge_cues(dict(language.data), extra_cues[code]))
        else:
            merged[code] = language
    return merged
