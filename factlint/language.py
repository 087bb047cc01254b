"""Language data: the per-language YAML files in `factlint/lang/`, loaded and merged.

A language is one data file; this module only reads them. Rule files may add cue phrases
(relation templates, assertion cues) for a language; they are merged in here, so every
later stage sees one set of data per language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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


def _load_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def load_languages(
    extra_cues: Mapping[str, Mapping[str, list[str]]] | None = None,
) -> dict[str, Language]:
    """Every language file shipped with factlint, keyed by language code."""
    languages: dict[str, Language] = {}
    for path in sorted(LANG_DIR.glob("*.yaml")):
        data = _load_file(path)
        code = str(data["code"])
        if extra_cues and code in extra_cues:
            data = _merge_cues(data, extra_cues[code])
        languages[code] = Language(
            code=code,
            data=data,
            stopwords=frozenset(data["stopwords"]),
            abbreviations=frozenset(str(a).lower() for a in data["abbreviations"]),
            common_words=frozenset(str(w).lower() for w in data.get("common_words", ())),
        )
    return languages
