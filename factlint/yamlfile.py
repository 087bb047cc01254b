"""Safe YAML loading that remembers the line of every value, for precise error messages."""

from __future__ import annotations

import datetime
from typing import Any

import yaml
import yaml.constructor

from factlint.errors import Problem

try:  # libyaml's safe loader when available: same results, faster on large rule packs
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


class YamlProblems(Exception):
    """The file is not valid YAML, or has duplicate keys."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def load_yaml(text: str, path: str) -> tuple[Any, dict[Path_, int]]:
    """Parse `text` with the safe loader; return the data and a map from key path to line.

    Only plain data is built (mappings, sequences, scalars): no tags, no objects. A syntax
    error, a tab used for indentation or a duplicate key is a YamlProblems naming the line.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise YamlProblems([_syntax_problem(exc, path, text)]) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    if node is None:
        return None, lines
    data = _build(node, (), lines, problems, path, yaml.constructor.SafeConstructor())
    if problems:
        raise YamlProblems(problems)
    return data, lines


def _syntax_problem(exc: yaml.YAMLError, path: str, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    hint = "check the indentation and quoting on this line"
    if line is not None:
        source_line = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or (
            "\t" in problem or "tab" in problem
        ):
            hint = "YAML indentation must use spaces, not tabs"
        elif ":" in source_line and source_line.count('"') % 2:
            hint = "a quoted string is not closed"
    return Problem(path, line, f"YAML syntax error: {problem}; {hint}")


def _build(
    node: yaml.Node,
    at: Path_,
    lines: dict[Path_, int],
    problems: list[Problem],
    path: str,
    constructor: yaml.constructor.SafeConstructor,
) -> Any:
    lines[at] = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        problems.append(
            Problem(
                path, node.start_mark.line + 1, f"unsupported YAML tag {node.tag}: write plain data"
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, constructor, problems, path)
            if not isinstance(key, str | int | float | bool) or key is None:
                problems.append(
                    Problem(path, key_node.start_mark.line + 1, "keys must be plain words")
                )
                continue
            if key in result:
                problems.append(
                    Problem(
                        path, key_node.start_mark.line + 1, f"duplicate key {key!r}: keep only one"
                    )
                )
                continue
            result[key] = _build(value_node, (*at, key), lines, problems, path, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*at, i), lines, problems, path, constructor)
            for i, item in enumerate(node.value)
        ]
    return _scalar(node, constructor, problems, path)


def _scalar(
    node: yaml.Node,
    constructor: yaml.constructor.SafeConstructor,
    problems: list[Problem],
    path: str,
) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        value = constructor.construct_object(node)
    except yaml.YAMLError:
        problems.append(
            Problem(
                path, node.start_mark.line + 1, f"unsupported YAML tag {node.tag}: write plain data"
            )
        )
        return None
    # Dates stay text: rule files compare them as written.
    if isinstance(value, datetime.date):
        return node.value
    return value
