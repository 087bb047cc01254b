"""Baselines: accepted findings, keyed by content so that they survive edits.

A finding's key is its article, its rule and the text it quotes, not its line: moving a
paragraph does not bring an accepted finding back, while a new occurrence of the same
text (one more than the baseline counts) is reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from factlint import __version__
from factlint.errors import FactlintError, Problem
from factlint.findings import Finding

FORMAT = "factlint-baseline"
VERSION = 1

Key = tuple[str, str, str]


def _article(path: str, root: Path) -> str:
    """The article's path relative to the baseline's folder, with forward slashes."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, root.resolve())).as_posix()


def key(finding: Finding, root: Path) -> Key:
    """What identifies a finding across edits."""
    return _article(finding.path, root), finding.rule, finding.text


def render(findings: Iterable[Finding], root: Path) -> str:
    """The baseline file's text for `findings`."""
    counts = Counter(key(f, root) for f in findings)
    entries = [
        {"path": path, "rule": rule, "text": text, "count": count}
        for (path, rule, text), count in sorted(counts.items())
    ]
    data = {"format": FORMAT, "version": VERSION, "factlint": __version__, "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def is_baseline(path: Path) -> bool:
    """Whether `path` holds a factlint baseline (so rewriting it loses nothing of the user's)."""
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return False


def load(path: Path) -> Counter[Key]:
    """The accepted findings in a baseline file."""
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactlintError(
            Problem(name, None, f"cannot read baseline: {exc.strerror or exc}")
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise FactlintError(
            Problem(
                name,
                getattr(exc, "lineno", None),
                "not a factlint baseline (invalid JSON): run `factlint baseline` again",
            )
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("findings"), list)
    ):
        raise FactlintError(
            Problem(name, None, "not a factlint baseline: run `factlint baseline` to write one")
        )
    counts: Counter[Key] = Counter()
    for entry in data["findings"]:
        try:
            counts[(str(entry["path"]), str(entry["rule"]), str(entry["text"]))] += int(
                entry.get("count", 1)
            )
        except (KeyError, TypeError, ValueError):
            raise FactlintError(
                Problem(name, None, f"malformed baseline entry {entry!r}")
            ) from None
    return counts


def new_findings(findings: Sequence[Finding], accepted: Counter[Key], root: Path) -> list[Finding]:
    """The findings the baseline does not account for (in order)."""
    remaining = Counter(accepted)
    fresh = []
    for finding in findings:
        finding_key = key(finding, root)
        if remaining[finding_key] > 0:
            remaining[finding_key] -= 1
        else:
            fresh.append(finding)
    return fresh
