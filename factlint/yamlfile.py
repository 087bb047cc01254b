"""Safe YAML loading that remembers the line of every value, for precise error messages."""

from __future__ import annotations

import datetime
from typing import Any

import yaml
import yaml.constructor
import yaml.resolver

from factlint.errors import Problem

try:  # libyaml's safe loader when available: same results, faster on large rule packs
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
MAX_DEPTH = 64
"""Nesting deeper than this is refused: a rule file needs fewer than ten levels, and
libyaml's composer crashes the interpreter (C stack overflow) on nesting some 100,000 deep."""
MAX_ALIAS_VALUES = 100_000
"""How many values aliases (`*name`) may add when expanded: a few nested aliases can
otherwise stand for billions of values ("billion laughs")."""


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
    lines: dict[Path_, int] = {}
    built = _read(text, path, lines)
    if built is not _UNUSUAL:
        return built, lines
    # Anchors, tags, merge or duplicate keys, several documents: the composer's path,
    # which words every problem.
    lines.clear()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise YamlProblems([_syntax_problem(exc, path, text)]) from None
    finally:
        loader.dispose()
    problems: list[Problem] = []
    if node is None:
        return None, lines
    data = _build(node, (), lines, problems, path, yaml.constructor.SafeConstructor())
    if problems:
        raise YamlProblems(problems)
    return data, lines


_UNUSUAL: Any = object()
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_RESOLVER = yaml.resolver.Resolver()
# First characters of plain scalars that may resolve to something other than text.
_SPECIAL_FIRST = frozenset(
    key for key in _RESOLVER.yaml_implicit_resolvers if isinstance(key, str) and key
)
_WILDCARD = None in _RESOLVER.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NO_KEY: Any = object()


def _scalar_value(event: Any) -> Any:
    """A scalar event's value as the safe loader builds it; _UNUSUAL for a tag, an anchor,
    a merge key or a value it cannot build (left to the composer)."""
    if event.tag is not None or event.anchor is not None:
        return _UNUSUAL
    value = event.value
    if not event.implicit[0] or (value and value[0] not in _SPECIAL_FIRST and not _WILDCARD):
        return value
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    if tag == _STR:
        return value
    if tag == _MERGE:
        return _UNUSUAL
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        built = _CONSTRUCTOR.construct_object(node)
    except yaml.YAMLError:
        return _UNUSUAL
    # Dates stay text: rule files compare them as written.
    return value if isinstance(built, datetime.date) else built


def _read(text: str, path: str, lines: dict[Path_, int]) -> Any:
    """One pass over the event stream: refuse what would make building crash or never end,
    and build the data of a plain single-document stream with the line of every value.

    Refused, with a YamlProblems, before anything else is looked at: nesting deeper than
    MAX_DEPTH, an alias inside the value it names (a value that contains itself), aliases
    that expand to more than MAX_ALIAS_VALUES. libyaml's event parser keeps its own stack,
    so this pass is safe on any input; it stops at the first such problem, because the
    depth check must not read further into a deep nest.

    Returns the data, or _UNUSUAL when the stream holds anything but plain data (anchors
    and aliases, tags, merge, duplicate or non-scalar keys, several documents): building
    stops there, the rest of the stream is still checked, and `load_yaml` hands the text
    to the composer, so that problems are worded as before. Composing builds a node per
    value and resolves every scalar in Python: on a rule pack with 10,000 entities (some
    100,000 values) this is several times faster.
    """
    loader = _Loader(text)
    # The shape check: one entry per open collection, its anchor and how many values it
    # holds so far, counting each alias as the values it stands for.
    open_: list[list[Any]] = []
    sizes: dict[str, int] = {}
    added = 0
    # The build: one entry per open collection, [container, its path, the pending key of a
    # mapping (or _NO_KEY), the next index of a sequence].
    stack: list[list[Any]] = []
    data: Any = None
    building = True
    documents = 0
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind in starts:
                if len(open_) >= MAX_DEPTH:
                    raise YamlProblems(
                        [
                            Problem(
                                path,
                                event.start_mark.line + 1,
                                f"nested more than {MAX_DEPTH} levels deep: "
                                "a rule file needs only a few levels",
                            )
                        ]
                    )
                open_.append([event.anchor, 1])
                if building:
                    if event.anchor is not None or event.tag is not None:
                        building = False
                        continue
                    container: Any = {} if kind is yaml.MappingStartEvent else []
                    if stack and type(stack[-1][0]) is dict and stack[-1][2] is _NO_KEY:
                        building = False  # a collection as a key
                        continue
                    if not stack:
                        data = container
                    at = _place(stack, container, event.start_mark.line + 1, lines)
                    stack.append([container, at, _NO_KEY, 0])
                continue
            if kind in ends:
                anchor, size = open_.pop()
                if building:
                    stack.pop()
            elif kind is scalar_event:
                anchor, size = event.anchor, 1
                if building:
                    value = _scalar_value(event)
                    if value is _UNUSUAL:
                        building = False
                    elif stack and type(stack[-1][0]) is dict and stack[-1][2] is _NO_KEY:
                        # A key: plain text or a number, and not one already there.
                        if (
                            value is None
                            or not isinstance(value, str | int | float | bool)
                            or value in stack[-1][0]
                        ):
                            building = False
                        else:
                            stack[-1][2] = value
                    else:
                        if not stack:
                            data = value
                        _place(stack, value, event.start_mark.line + 1, lines)
            elif kind is alias_event:
                building = False
                anchor, size = None, sizes.get(event.anchor, 0)
                if event.anchor not in sizes and any(a == event.anchor for a, _ in open_):
                    raise YamlProblems(
                        [
                            Problem(
                                path,
                                event.start_mark.line + 1,
                                f"alias *{event.anchor} is inside the value &{event.anchor} "
                                "it names (a value cannot contain itself): write it out",
                            )
                        ]
                    )
                added += size
                if added > MAX_ALIAS_VALUES:
                    raise YamlProblems(
                        [
                            Problem(
                                path,
                                event.start_mark.line + 1,
                                f"aliases (*name) expand to more than {MAX_ALIAS_VALUES} "
                                "values: write the values out",
                            )
                        ]
                    )
            else:
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        building = False
                continue
            if anchor is not None:
                sizes[anchor] = size
            if open_:
                open_[-1][1] += size
    except yaml.YAMLError as exc:
        raise YamlProblems([_syntax_problem(exc, path, text)]) from None
    finally:
        loader.dispose()
    return data if building else _UNUSUAL


def _place(stack: list[list[Any]], value: Any, line: int, lines: dict[Path_, int]) -> Path_:
    """Put `value` into the innermost open collection of `stack` (under its pending key, or
    at the end of a sequence), or at the top when none is open; record its line; its path."""
    if not stack:
        at: Path_ = ()
    else:
        top = stack[-1]
        parent = top[0]
        if type(parent) is dict:
            at = (*top[1], top[2])
            parent[top[2]] = value
            top[2] = _NO_KEY
        else:
            at = (*top[1], top[3])
            parent.append(value)
            top[3] += 1
    lines[at] = line
    return at


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
        elif "alias" in problem:
            hint = "an alias *name needs an anchor &name before it"
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
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        path,
                        key_node.start_mark.line + 1,
                        "merge keys (<<) are not supported: write the keys out",
                    )
                )
                continue
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
