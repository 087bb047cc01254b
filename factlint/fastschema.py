"""A quick yes-or-no check of data against the JSON Schema keywords factlint's schemas use.

Validating a 10,000-entity rule file with jsonschema takes seconds; these compiled checks
take milliseconds. They only ever answer "valid" when jsonschema would: anything they do
not handle exactly (an unknown keyword, a value of a type YAML or TOML does not produce)
makes them unsure, and an unsure or invalid answer is handed to jsonschema, which finds
and words the errors. So the messages are jsonschema's, and valid data never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

# True: valid; False: invalid; None: not sure (ask jsonschema).
Verdict = bool | None
Check = Callable[[Any], Verdict]

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"}
)
_PLAIN = (str, int, float, bool, type(None), list, dict)
_OBJECT_KEYWORDS = frozenset(
    {"type", "properties", "additionalProperties", "required", "minProperties", "maxProperties"}
)
_STRING_KEYWORDS = frozenset({"type", "minLength", "maxLength", "pattern"})


class _Unsupported(Exception):
    """The schema uses a keyword this module does not implement."""


def compile_schema(schema: Mapping[str, Any], root: Mapping[str, Any] | None = None) -> Check:
    """A function telling whether an instance is valid against `schema` ($refs resolved in
    `root`, default the schema itself). It returns None (not sure) for every instance when
    the schema uses a keyword not implemented here."""
    try:
        return _Compiler(root if root is not None else schema).compile(schema)
    except _Unsupported:
        return lambda _instance: None


def is_valid(check: Check, instance: Any) -> bool:
    """Whether `check` is sure that `instance` is valid."""
    return check(instance) is True


class _Compiler:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda _instance: True
        if schema is False:
            return lambda _instance: False
        if not isinstance(schema, Mapping):
            raise _Unsupported(repr(schema))
        keywords = set(schema) - _ANNOTATIONS
        kind = schema.get("type")
        if keywords <= _OBJECT_KEYWORDS and kind in (None, "object") and keywords - {"type"}:
            return self._object(schema, typed=kind == "object")
        if keywords <= _STRING_KEYWORDS and kind == "string":
            return self._string(schema)
        checks: list[Check] = []
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS:
                continue
            build = getattr(self, "_k_" + keyword.lstrip("$"), None)
            if build is None:
                raise _Unsupported(keyword)
            checks.append(build(value, schema))
        return _all(checks)

    def _object(self, schema: Mapping[str, Any], *, typed: bool) -> Check:
        """type/properties/additionalProperties/required/min-maxProperties in one pass."""
        compiled = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties", True)
        extra_check = None if extra is True or extra is False else self.compile(extra)
        closed = extra is False
        required = tuple(schema.get("required", ()))
        least = schema.get("minProperties", 0)
        most = schema.get("maxProperties")

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, dict):
                if not typed:
                    return True
                return False if type(instance) in _PLAIN else None
            verdict: Verdict = True
            for name, value in instance.items():
                each = compiled.get(name)
                if each is None:
                    if closed:
                        return False
                    if extra_check is None:
                        continue
                    each = extra_check
                result = each(value)
                if result is not True:
                    if result is False:
                        return False
                    verdict = None
            for name in required:
                if name not in instance:
                    return False
            if len(instance) < least or (most is not None and len(instance) > most):
                return False
            return verdict

        return check

    def _string(self, schema: Mapping[str, Any]) -> Check:
        """type string with min-maxLength and pattern in one test."""
        least = schema.get("minLength", 0)
        most = schema.get("maxLength")
        search = re.compile(schema["pattern"]).search if "pattern" in schema else None

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, str):
                return False if type(instance) in _PLAIN else None
            if len(instance) < least or (most is not None and len(instance) > most):
                return False
            return search is None or search(instance) is not None

        return check

    def _k_ref(self, ref: str, _schema: Any) -> Check:
        if ref in self.refs:
            return self.refs[ref]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise _Unsupported(ref)
        target: Any = self.root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or part not in target:
                raise _Unsupported(ref)
            target = target[part]
        slot: list[Check] = []
        self.refs[ref] = lambda instance: slot[0](instance)  # recursive schemas
        slot.append(self.compile(target))
        self.refs[ref] = slot[0]
        return slot[0]

    def _k_type(self, types: Any, _schema: Any) -> Check:
        names = tuple(types) if isinstance(types, list) else (types,)
        tests = [_TYPES[name] for name in names if name in _TYPES]
        if len(tests) != len(names):
            raise _Unsupported(f"type {types!r}")

        def check(instance: Any) -> Verdict:
            if type(instance) not in _PLAIN:
                return None
            if isinstance(instance, float) and instance.is_integer() and "integer" in names:
                return None  # jsonschema counts 1.0 as an integer
            return any(test(instance) for test in tests)

        return check

    def _k_enum(self, choices: Any, _schema: Any) -> Check:
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            raise _Unsupported("enum")
        allowed = frozenset(choices)

        def check(instance: Any) -> Verdict:
            if isinstance(instance, str):
                return instance in allowed
            return False if type(instance) in _PLAIN else None

        return check

    def _k_const(self, value: Any, _schema: Any) -> Check:
        if not isinstance(value, str):
            raise _Unsupported("const")
        return lambda instance: instance == value if isinstance(instance, str) else None

    def _k_pattern(self, pattern: str, _schema: Any) -> Check:
        search = re.compile(pattern).search
        return lambda instance: search(instance) is not None if isinstance(instance, str) else True

    def _k_minLength(self, size: int, _schema: Any) -> Check:
        return lambda instance: len(instance) >= size if isinstance(instance, str) else True

    def _k_maxLength(self, size: int, _schema: Any) -> Check:
        return lambda instance: len(instance) <= size if isinstance(instance, str) else True

    def _k_minItems(self, size: int, _schema: Any) -> Check:
        return lambda instance: len(instance) >= size if isinstance(instance, list) else True

    def _k_maxItems(self, size: int, _schema: Any) -> Check:
        return lambda instance: len(instance) <= size if isinstance(instance, list) else True

    def _k_minProperties(self, size: int, _schema: Any) -> Check:
        return lambda instance: len(instance) >= size if isinstance(instance, dict) else True

    def _k_maxProperties(self, size: int, _schema: Any) -> Check:
        return lambda instance: len(instance) <= size if isinstance(instance, dict) else True

    def _k_uniqueItems(self, unique: Any, _schema: Any) -> Check:
        if not unique:
            return lambda _instance: True

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, list):
                return True
            if all(isinstance(item, str) for item in instance):
                return len(set(instance)) == len(instance)
            return None

        return check

    def _number(self, bound: Any, passes: Callable[[Any, Any], bool]) -> Check:
        if isinstance(bound, bool) or not isinstance(bound, int | float):
            raise _Unsupported("bound")

        def check(instance: Any) -> Verdict:
            if isinstance(instance, bool) or not isinstance(instance, int | float):
                return True if type(instance) in _PLAIN else None
            return passes(instance, bound)

        return check

    def _k_minimum(self, bound: Any, _schema: Any) -> Check:
        return self._number(bound, lambda value, limit: not value < limit)

    def _k_maximum(self, bound: Any, _schema: Any) -> Check:
        return self._number(bound, lambda value, limit: not value > limit)

    def _k_exclusiveMinimum(self, bound: Any, _schema: Any) -> Check:
        return self._number(bound, lambda value, limit: not value <= limit)

    def _k_exclusiveMaximum(self, bound: Any, _schema: Any) -> Check:
        return self._number(bound, lambda value, limit: not value >= limit)

    def _k_items(self, items: Any, schema: Any) -> Check:
        if "prefixItems" in schema:
            raise _Unsupported("prefixItems")
        each = self.compile(items)

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, list):
                return True
            return _combine(each(item) for item in instance)

        return check

    def _k_required(self, names: Any, _schema: Any) -> Check:
        wanted = tuple(names)
        return lambda instance: (
            all(name in instance for name in wanted) if isinstance(instance, dict) else True
        )

    def _k_properties(self, properties: Any, _schema: Any) -> Check:
        compiled = {name: self.compile(sub) for name, sub in properties.items()}

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, dict):
                return True
            return _combine(
                compiled[name](value) for name, value in instance.items() if name in compiled
            )

        return check

    def _k_additionalProperties(self, extra: Any, schema: Any) -> Check:
        if "patternProperties" in schema:
            raise _Unsupported("patternProperties")
        known = frozenset(schema.get("properties", ()))
        if extra is False:
            return lambda instance: (
                known.issuperset(instance) if isinstance(instance, dict) else True
            )
        each = self.compile(extra)

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, dict):
                return True
            return _combine(each(value) for name, value in instance.items() if name not in known)

        return check

    def _k_propertyNames(self, names: Any, _schema: Any) -> Check:
        each = self.compile(names)

        def check(instance: Any) -> Verdict:
            if not isinstance(instance, dict):
                return True
            return _combine(each(name) for name in instance)

        return check

    def _k_oneOf(self, options: Any, _schema: Any) -> Check:
        compiled = [self.compile(option) for option in options]

        def check(instance: Any) -> Verdict:
            results = [each(instance) for each in compiled]
            if None in results:
                return None
            return results.count(True) == 1

        return check

    def _k_anyOf(self, options: Any, _schema: Any) -> Check:
        compiled = [self.compile(option) for option in options]

        def check(instance: Any) -> Verdict:
            results = [each(instance) for each in compiled]
            if True in results:
                return True
            return None if None in results else False

        return check

    def _k_allOf(self, options: Any, _schema: Any) -> Check:
        return _all([self.compile(option) for option in options])


def _combine(results: Any) -> Verdict:
    verdict: Verdict = True
    for result in results:
        if result is False:
            return False
        if result is None:
            verdict = None
    return verdict


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda _instance: True
    if len(checks) == 1:
        return checks[0]
    return lambda instance: _combine(check(instance) for check in checks)


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda value: isinstance(value, str),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
}
