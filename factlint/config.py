"""The project configuration: `[tool.factlint]` in pyproject.toml, or `.factlint.toml`.

Found by walking up from the working directory; the nearest file that has factlint
settings wins (`.factlint.toml` before `pyproject.toml` in one directory). Validated like
rule files: an unknown key or a wrong type names the file, the key and the line.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint import fastschema
from factlint.errors import FactlintError, Problem

SCHEMA_PATH = Path(__file__).parent / "schemas" / "config.schema.json"
CONFIG_NAMES = (".factlint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """Settings from the config file, paths resolved against its directory."""

    path: Path | None = None
    rules: tuple[Path, ...] = ()
    corpus: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    lang: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    disable: tuple[str, ...] = ()
    fuzzy_threshold: float | None = None
    quantity_tolerance: float | None = None
    baseline: Path | None = None
    cache: bool = True

    @property
    def root(self) -> Path:
        """The directory paths in the config are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file with factlint settings, walking up from `start`."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and _has_settings(candidate):
                return candidate
    return None


def _has_settings(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        return "factlint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that mentions factlint is reported by load_config.
        return "[tool.factlint]" in path.read_text(encoding="utf-8", errors="replace")


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def load_config(path: Path) -> Config:
    """Read and validate a config file; every problem is reported at once."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactlintError(Problem(name, None, f"cannot read configuration: {exc}")) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's TOMLDecodeError gives the line only in its message.
        found = re.search(r"line (\d+)", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        raise FactlintError(Problem(name, line, f"TOML syntax error: {exc}")) from None
    settings: Any = (
        data.get("tool", {}).get("factlint", {}) if path.name == "pyproject.toml" else data
    )
    if path.name != "pyproject.toml" and "tool" in data and "factlint" in data["tool"]:
        settings = data["tool"]["factlint"]
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    problems = _problems(settings, schema, name, text)
    if problems:
        raise FactlintError(problems)
    root = path.parent
    return Config(
        path=path,
        rules=tuple(root / p for p in settings.get("rules", ())),
        corpus=tuple(root / p for p in settings.get("corpus", ())),
        include=tuple(settings.get("include", ())),
        exclude=tuple(settings.get("exclude", ())),
        lang=settings.get("lang"),
        severity=dict(settings.get("severity", {})),
        disable=tuple(settings.get("disable", ())),
        fuzzy_threshold=settings.get("fuzzy_threshold"),
        quantity_tolerance=settings.get("quantity_tolerance"),
        baseline=root / settings["baseline"] if "baseline" in settings else None,
        cache=settings.get("cache", True),
    )


def _problems(settings: Any, schema: dict[str, Any], name: str, text: str) -> list[Problem]:
    """Every problem in the settings: none when the quick check passes them, else
    jsonschema's errors, worded for people."""
    if fastschema.is_valid(fastschema.compile_schema(schema), settings):
        return []
    import difflib

    import jsonschema

    problems = []
    for error in jsonschema.Draft202012Validator(schema).iter_errors(settings):
        if error.validator == "additionalProperties":
            allowed = sorted(schema["properties"])
            for key in sorted(set(error.instance) - set(allowed)):
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(
                    Problem(
                        name,
                        _line_of(text, key),
                        f"unknown setting {key!r}{hint}; settings: {', '.join(allowed)}",
                    )
                )
            continue
        key = str(error.absolute_path[0]) if error.absolute_path else ""
        where = ".".join(str(p) for p in error.absolute_path) or "factlint"
        problems.append(
            Problem(name, _line_of(text, key) if key else None, f"setting {where}: {error.message}")
        )
    return problems


def discover_config(start: Path | None = None) -> Config:
    """The configuration in force here: the nearest config file's, or the defaults."""
    path = find_config(start)
    return load_config(path) if path is not None else Config()
