"""Rule files: find, load safely, validate against the schema, and build the checks.

A rule file is YAML with `entities`, `rules` and `cues`. Every problem in every file is
collected and reported together, each with its file and line, as one FactlintError.

What validated files define can be written out as plain JSON (`pack`) and read back
(`unpack`) without parsing or validating them again: the compiled-pack cache (packcache).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factlint import fastschema
from factlint.checks import KINDS, Check
from factlint.checks.base import message_problem
from factlint.entities import Entity
from factlint.errors import FactlintError, Problem
from factlint.findings import Severity
from factlint.relations import ROLES, RelationMatcher

if TYPE_CHECKING:
    import jsonschema

SCHEMA_PATH = Path(__file__).parent / "schemas" / "rules.schema.json"
RULE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Example:
    """A text a rule must pass or must fail, in one language."""

    lang: str
    text: str
    fails: bool
    line: int | None


@dataclass(frozen=True)
class Rule:
    """One rule as written: common fields plus its kind's options."""

    id: str
    kind: str
    severity: Severity
    message: str
    source: str
    options: Mapping[str, Any]
    description: str = ""
    examples: tuple[Example, ...] = ()
    path: str = ""
    line: int | None = None
    lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict, repr=False)

    def line_of(self, *keys: str | int) -> int | None:
        """The line of an option inside this rule, or the rule's own line."""
        return self.lines.get(keys, self.line)

    def format(self, **values: object) -> str:
        """The rule's message with its placeholders filled."""
        return self.message.format_map(values)


@dataclass(frozen=True)
class RuleSet:
    """Everything the rule files define, compiled once per run."""

    entities: Mapping[str, Entity]
    rules: tuple[Rule, ...]
    checks: tuple[Check, ...]
    variants: tuple[tuple[str, str], ...]
    cues: Mapping[str, Mapping[str, list[str]]]
    files: tuple[str, ...] = ()

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, if any."""
        return next((rule for rule in self.rules if rule.id == rule_id), None)


def rule_files(paths: Iterable[Path], problems: list[Problem] | None = None) -> list[Path]:
    """Rule files under `paths`: a directory gives its *.yaml/*.yml files, recursively.

    A path that does not exist is a problem: appended to `problems` when given (so that one
    run reports it with every other problem), else raised. A broken symbolic link inside a
    directory is listed, so that loading it reports it rather than skipping it unseen.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix in RULE_SUFFIXES and (p.is_file() or not p.exists())
            )
        elif path.exists():
            found.append(path)
        else:
            problem = Problem(str(path), None, "no such rule file or directory")
            if problems is None:
                raise FactlintError(problem)
            problems.append(problem)
    return found


@dataclass(frozen=True)
class RuleSources:
    """The rule files of a run and their bytes, read once: what the pack cache is keyed by
    and what is parsed, so that a file changed in between cannot be cached under the
    other content's key."""

    files: tuple[Path, ...]
    contents: tuple[bytes, ...]


def read_sources(paths: Iterable[Path]) -> RuleSources | None:
    """The rule files under `paths` with their bytes; None when a path is missing, a file
    cannot be read or there is none (`load_rules` then reports it)."""
    problems: list[Problem] = []
    files = rule_files(paths, problems)
    if problems or not files:
        return None
    try:
        return RuleSources(tuple(files), tuple(path.read_bytes() for path in files))
    except OSError:
        return None


def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _rule_schema(base: dict[str, Any], kind_module: Any) -> dict[str, Any]:
    common = base["$defs"]["rule"]
    options = kind_module.OPTIONS_SCHEMA
    return {
        "$defs": base["$defs"],
        "type": "object",
        "additionalProperties": False,
        "required": [*common["required"], *options.get("required", [])],
        "properties": {**common["properties"], **options["properties"]},
    }


def _describe(error: jsonschema.ValidationError, where: str) -> str:
    """A person-readable sentence for a schema error, with the fix where one is obvious."""
    validator = error.validator
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = (
            sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        )
        parts = []
        for key in extra:
            close = _close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            if str(key).lower() in _PATTERN_KEYS:
                hint = " (rule files take no regular expressions: list the words or names)"
            parts.append(f"unknown key {key!r}{hint}")
        return f"{where}: {'; '.join(parts)}; allowed keys: {', '.join(allowed)}"
    if validator == "required":
        missing = error.message.replace(" is a required property", "")
        return f"{where}: {missing} is missing: add `{missing.strip(chr(39))}:`"
    if validator == "type":
        # jsonschema's wording ("is not of type 'array'"), then what to write instead.
        wanted = error.validator_value
        names = [_TYPE_NAMES.get(t, t) for t in (wanted if isinstance(wanted, list) else [wanted])]
        fix = f"write {' or '.join(names)}"
        if wanted == "array" and isinstance(error.instance, str | int | float):
            fix = f"write a list, [{error.instance}]"
        elif wanted == "string" and isinstance(error.instance, bool):
            fix = "write text in quotes"  # `yes`, `no`, `on` are read as true or false
        elif wanted == "string" and isinstance(error.instance, int | float):
            fix = f'write text in quotes, "{error.instance}"'
        return f"{where}: {error.message}: {fix}"
    if validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        return f"{where}: {error.instance!r} is not one of: {choices}"
    if validator == "pattern":
        allowed = "lowercase letters, digits, '.', '_' and '-'"
        return f"{where}: {error.instance!r} is not a valid id (use {allowed})"
    return f"{where}: {error.message}"


# Keys people reach for when they expect regular expressions: refused like any unknown key,
# with a word on why (a pattern from a data file could take exponential time to match).
_PATTERN_KEYS = frozenset({"pattern", "patterns", "regex", "regexp", "regexes", "match"})
_TYPE_NAMES = {
    "array": "a list",
    "object": "a mapping (key: value)",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def _location(path: Sequence[str | int]) -> str:
    """Where in a file's data an error is ("rules[2].counts"); a key that is not plain
    text ("", a line break) is quoted, so that a problem stays on one line."""
    parts = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part and part.isprintable() and part.strip() == part:
            parts.append(f".{part}")
        else:
            parts.append(f"[{part!r}]")
    return "".join(parts).lstrip(".") or "file"


def _close_matches(word: str, choices: Sequence[str], n: int) -> list[str]:
    import difflib  # only to word a problem

    return difflib.get_close_matches(word, choices, n=n)


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    # Imported only when the quick check is not sure: to find and word the errors.
    import jsonschema

    return jsonschema.Draft202012Validator(schema)


class _Loader:
    """Collects entities, rules and problems over several files.

    Data is first given to a quick check compiled from the schema (fastschema); only what
    it does not pass goes to jsonschema, whose errors become the problems reported.
    """

    def __init__(self, languages: Iterable[str]) -> None:
        self.base = _schema()
        self.quick = fastschema.compile_schema(self.base)
        self._validator: jsonschema.Draft202012Validator | None = None
        self.languages = frozenset(languages)
        self.entities: dict[str, Entity] = {}
        self.rules: list[Rule] = []
        self.cues: dict[str, dict[str, list[str]]] = {}
        self.problems: list[Problem] = []
        self._validators: dict[str, jsonschema.Draft202012Validator] = {}
        self._quick_kinds: dict[str, fastschema.Check] = {}
        self._by_id: dict[str, Rule] = {}

    @property
    def validator(self) -> jsonschema.Draft202012Validator:
        """The file schema's jsonschema validator, made on first use."""
        if self._validator is None:
            self._validator = _validator(self.base)
        return self._validator

    def load_file(self, path: Path, raw: bytes | None = None) -> None:
        """Load one rule file (`raw`: its bytes, when already read)."""
        name = str(path)
        try:
            text = (path.read_bytes() if raw is None else raw).decode("utf-8-sig")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if path.is_symlink() and not path.exists():
                reason = f"broken symbolic link (to {str(path.readlink())!r})"
            self.problems.append(Problem(name, None, f"cannot read rule file: {reason}"))
            return
        except UnicodeDecodeError as exc:
            line = (path.read_bytes() if raw is None else raw)[: exc.start].count(b"\n") + 1
            self.problems.append(Problem(name, line, "rule file is not UTF-8: save it as UTF-8"))
            return
        from factlint.yamlfile import YamlProblems, load_yaml  # not needed on a pack hit

        try:
            data, lines = load_yaml(text, name)
        except YamlProblems as exc:
            self.problems.extend(exc.problems)
            return
        if data is None:
            self.problems.append(
                Problem(name, None, "rule file is empty: add `entities:` or `rules:`")
            )
            return
        if not isinstance(data, dict):
            self.problems.append(
                Problem(name, 1, "a rule file must be a mapping with `entities`, `rules` or `cues`")
            )
            return
        errors = (
            []
            if fastschema.is_valid(self.quick, data)
            else sorted(
                self.validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
            )
        )
        if errors:
            for error in errors:
                at = tuple(error.absolute_path)
                self.problems.append(
                    Problem(name, lines.get(at, 1), _describe(error, _location(at)))
                )
            return
        for index, item in enumerate(data.get("entities", [])):
            self._entity(item, name, lines.get(("entities", index)))
        # Each rule's own lines, grouped in one pass: looking them up per rule would scan
        # the whole file once per rule.
        by_rule: dict[int, dict[tuple[str | int, ...], int]] = {}
        for key, value in lines.items():
            if len(key) > 2 and key[0] == "rules" and isinstance(key[1], int):
                by_rule.setdefault(key[1], {})[key[2:]] = value
        for index, item in enumerate(data.get("rules", [])):
            self._rule(item, name, index, lines, by_rule.get(index, {}))
        for lang, categories in data.get("cues", {}).items():
            if lang not in self.languages:
                self.problems.append(
                    Problem(name, lines.get(("cues", lang)), f"cues for unknown language {lang!r}")
                )
                continue
            for category, phrases in categories.items():
                if category == "fillers" and not self._single_words(name, lang, phrases, lines):
                    continue
                if category in ROLES:
                    phrases = self._templates(name, lang, category, phrases, lines)
                self.cues.setdefault(lang, {}).setdefault(category, []).extend(phrases)

    def _templates(
        self,
        path: str,
        lang: str,
        relation: str,
        templates: Sequence[str],
        lines: Mapping[Any, int],
    ) -> list[str]:
        """The relation templates that compile; a problem, with file and line, for each other.

        The language data compiles them again when a run starts, but there an error could
        name only the language: here it names the rule file and the line.
        """
        valid = []
        for index, template in enumerate(templates):
            try:
                RelationMatcher({relation: [template]}, {}, [], path).compile_all()
            except FactlintError as exc:
                self.problems.extend(
                    Problem(
                        path,
                        lines.get(("cues", lang, relation, index)),
                        f"cues.{lang}.{relation}: {problem.message}",
                    )
                    for problem in exc.problems
                )
                continue
            valid.append(template)
        return valid

    def _single_words(
        self, path: str, lang: str, fillers: Sequence[str], lines: Mapping[Any, int]
    ) -> bool:
        """Whether every filler is one word; a problem for each that is not.

        Fillers are matched as a repeated alternation between two names. With a filler made
        of other fillers ("a" and "a a"), a gap of repeated words can be split in
        exponentially many ways, and one sentence could keep the matcher busy for hours;
        single words can be split in only one way.
        """
        ok = True
        for index, filler in enumerate(fillers):
            words = filler.split()
            if len(words) > 1:
                self.problems.append(
                    Problem(
                        path,
                        lines.get(("cues", lang, "fillers", index)),
                        f"cues.{lang}.fillers: {filler!r} is several words: list each word "
                        f"on its own ({', '.join(words)}); any order of fillers matches",
                    )
                )
                ok = False
        return ok

    def _entity(self, item: Mapping[str, Any], path: str, line: int | None) -> None:
        entity_id = item["id"]
        if entity_id in self.entities:
            first = self.entities[entity_id]
            self.problems.append(
                Problem(
                    path,
                    line,
                    f"entity {entity_id!r} is already defined at {first.path}:{first.line}",
                )
            )
            return
        self.entities[entity_id] = Entity(
            id=entity_id,
            type=item["type"],
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            exact_aliases=tuple(item.get("exact_aliases", ())),
            lang_aliases={
                lang: tuple(names) for lang, names in item.get("lang_aliases", {}).items()
            },
            parent=item.get("parent"),
            match_case=item.get("match_case", False),
            fuzzy=item.get("fuzzy", True),
            path=path,
            line=line,
        )

    def _rule(
        self,
        item: Any,
        path: str,
        index: int,
        lines: Mapping[Any, int],
        rule_lines: Mapping[tuple[str | int, ...], int],
    ) -> None:
        at = ("rules", index)
        line = lines.get(at)
        if not isinstance(item, dict):
            self.problems.append(Problem(path, line, "a rule must be a mapping"))
            return
        kind = item.get("kind")
        module = KINDS.get(kind) if isinstance(kind, str) else None
        if module is None:
            close = _close_matches(str(kind), list(KINDS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.problems.append(
                Problem(
                    path,
                    lines.get((*at, "kind"), line),
                    f"rule {item.get('id', index)!r}: unknown kind {kind!r}{hint}; "
                    f"kinds: {', '.join(KINDS)}",
                )
            )
            return
        if kind not in self._quick_kinds:
            self._quick_kinds[kind] = fastschema.compile_schema(_rule_schema(self.base, module))
        errors = []
        if not fastschema.is_valid(self._quick_kinds[kind], item):
            if kind not in self._validators:
                self._validators[kind] = _validator(_rule_schema(self.base, module))
            errors = list(self._validators[kind].iter_errors(item))
        for error in errors:
            where = (*at, *error.absolute_path)
            if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                # Point at the first unknown key itself, not at the mapping holding it.
                allowed = error.schema.get("properties", {})
                extra = [key for key in error.instance if key not in allowed]
                where = (*where, extra[0]) if extra else where
            label = f"rule {item.get('id', index)!r}" + (
                f" {_location(tuple(error.absolute_path))}" if error.absolute_path else ""
            )
            self.problems.append(Problem(path, lines.get(where, line), _describe(error, label)))
        if errors:
            return
        first = self._by_id.get(item["id"])
        if first is not None:
            self.problems.append(
                Problem(
                    path,
                    line,
                    f"rule id {item['id']!r} is already used at {first.path}:{first.line}",
                )
            )
            return
        wrong = message_problem(item["id"], item["message"], module.PLACEHOLDERS)
        if wrong is not None:
            self.problems.append(Problem(path, lines.get((*at, "message"), line), wrong))
            return
        examples = []
        for verdict in ("pass", "fail"):
            for number, example in enumerate(item.get("examples", {}).get(verdict, [])):
                ((lang, text),) = example.items()
                example_line = lines.get((*at, "examples", verdict, number), line)
                if lang not in self.languages:
                    self.problems.append(
                        Problem(
                            path,
                            example_line,
                            f"rule {item['id']!r}: example in unknown language {lang!r}",
                        )
                    )
                examples.append(Example(lang, text, verdict == "fail", example_line))
        common = set(self.base["$defs"]["rule"]["properties"])
        rule = Rule(
            id=item["id"],
            kind=kind,
            severity=Severity(item["severity"]),
            message=item["message"],
            source=item["source"],
            description=item.get("description", ""),
            options={k: v for k, v in item.items() if k not in common},
            examples=tuple(examples),
            path=path,
            line=line,
            lines=dict(rule_lines),
        )
        self.rules.append(rule)
        self._by_id[rule.id] = rule

    def check_entities(self) -> None:
        for entity in self.entities.values():
            if entity.parent is None:
                continue
            if entity.parent not in self.entities:
                self.problems.append(
                    Problem(
                        entity.path,
                        entity.line,
                        f"entity {entity.id!r}: parent {entity.parent!r} is not defined",
                    )
                )
                continue
            seen = {entity.id}
            parent = entity.parent
            while parent is not None and parent in self.entities:
                if parent in seen:
                    self.problems.append(
                        Problem(
                            entity.path,
                            entity.line,
                            f"entity {entity.id!r}: its parents form a cycle",
                        )
                    )
                    break
                seen.add(parent)
                parent = self.entities[parent].parent


def load_rules(
    paths: Sequence[Path],
    languages: Iterable[str],
    defaults: Mapping[str, Any] | None = None,
    sources: RuleSources | None = None,
) -> RuleSet:
    """Load, validate and compile every rule file under `paths`; `defaults` are project
    settings the rule kinds use where a rule says nothing (fuzzy_threshold). With
    `sources` (from `read_sources(paths)`), those files and bytes are loaded.

    Raises FactlintError listing every problem found in every file.
    """
    loader = _Loader(languages)
    if sources is not None:
        files = list(sources.files)
        contents: Sequence[bytes | None] = sources.contents
    else:
        files = rule_files(paths, loader.problems)
        contents = [None] * len(files)
    if not files and loader.problems:
        raise FactlintError(loader.problems)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise FactlintError(Problem(shown, None, "no rule files (*.yaml) found: pass --rules PATH"))
    for path, raw in zip(files, contents, strict=True):
        loader.load_file(path, raw)
    loader.check_entities()
    return _compile(
        loader.entities,
        loader.rules,
        loader.cues,
        tuple(str(f) for f in files),
        defaults,
        loader.problems,
    )


def _compile(
    entities: Mapping[str, Entity],
    rules: Sequence[Rule],
    cues: Mapping[str, Mapping[str, list[str]]],
    files: tuple[str, ...],
    defaults: Mapping[str, Any] | None,
    problems: list[Problem],
) -> RuleSet:
    """The checks of every kind, built from validated rules; `problems` found so far are
    raised with any the kinds find."""
    checks: list[Check] = []
    variants: list[tuple[str, str]] = []
    # Kinds are built even when other files have problems, so that one run reports every
    # problem; a rule that failed to load is simply absent.
    for kind, module in KINDS.items():
        of_kind = [rule for rule in rules if rule.kind == kind]
        if not of_kind:
            continue
        try:
            checks.append(module.build(of_kind, entities, defaults))
            variants.extend(getattr(module, "variants", lambda *_: ())(of_kind, entities))
        except FactlintError as exc:
            problems.extend(exc.problems)
    if problems:
        raise FactlintError(problems)
    return RuleSet(
        entities=dict(entities),
        rules=tuple(rules),
        checks=tuple(checks),
        variants=tuple(variants),
        cues={lang: dict(c) for lang, c in cues.items()},
        files=files,
    )


# The compiled-pack cache's representation of a RuleSet: plain JSON values only, entities
# and rules as rows (the names of their fields once), so that reading 10,000 back is quick.
_RULE_FIELDS = (
    "id",
    "kind",
    "severity",
    "message",
    "source",
    "options",
    "description",
    "examples",
    "path",
    "line",
    "lines",
)


def _plain(value: Any) -> Any:
    """`value` with tuples as lists and mappings as dicts: what JSON can hold."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _frozen(value: Any) -> Any:
    """An entity's field as entities hold it: lists as tuples, one level into mappings."""
    kind = type(value)
    if kind is list:
        return tuple(value)
    if kind is dict:
        return {k: tuple(v) if type(v) is list else v for k, v in value.items()}
    return value


def pack(ruleset: RuleSet) -> dict[str, Any]:
    """What the rule files define (entities, rules, cues, files), as JSON-ready data."""
    names = [f.name for f in dataclasses.fields(Entity)]
    return {
        "entity_fields": names,
        "entities": [
            [_plain(getattr(entity, name)) for name in names]
            for entity in ruleset.entities.values()
        ],
        "rule_fields": list(_RULE_FIELDS),
        "rules": [
            [
                rule.id,
                rule.kind,
                rule.severity.value,
                rule.message,
                rule.source,
                _plain(rule.options),
                rule.description,
                [[e.lang, e.text, e.fails, e.line] for e in rule.examples],
                rule.path,
                rule.line,
                [[*key, line] for key, line in rule.lines.items()],
            ]
            for rule in ruleset.rules
        ],
        "cues": _plain(ruleset.cues),
        "files": list(ruleset.files),
    }


def _texts(value: Any) -> bool:
    return type(value) is tuple and all(type(v) is str for v in value)


def _line(value: Any) -> bool:
    return value is None or type(value) is int


# What each field of an entity read back from a pack must be (the fields `_entity` sets).
_ENTITY_TYPES: Mapping[str, Any] = {
    "id": lambda v: type(v) is str,
    "type": lambda v: type(v) is str,
    "name": lambda v: type(v) is str,
    "aliases": _texts,
    "lang_aliases": lambda v: (
        v is None or (type(v) is dict and all(type(k) is str and _texts(n) for k, n in v.items()))
    ),
    "exact_aliases": _texts,
    "parent": lambda v: v is None or type(v) is str,
    "match_case": lambda v: type(v) is bool,
    "fuzzy": lambda v: type(v) is bool,
    "path": lambda v: type(v) is str,
    "line": _line,
}


def unpack(
    data: Mapping[str, Any], languages: Iterable[str], defaults: Mapping[str, Any] | None = None
) -> RuleSet:
    """The RuleSet `pack` wrote, without parsing the rule files or validating them with
    jsonschema again.

    A pack lives in the project and could come from elsewhere, so what it holds is held to
    what a rule file may say: each rule to its kind's schema (the quick check, which takes
    a millisecond per thousand rules), placeholders without format specs, fillers of one
    word, known languages, entities of the right types. Anything else raises (ValueError,
    TypeError, KeyError, FactlintError...), and the pack is then rebuilt from the rule files.
    """
    known = frozenset(languages)
    names = [f.name for f in dataclasses.fields(Entity)]
    rules_as_written = list(_RULE_FIELDS)
    if (
        data["entity_fields"] != names
        or set(names) != set(_ENTITY_TYPES)
        or data["rule_fields"] != rules_as_written
        or [f.name for f in dataclasses.fields(Rule)] != rules_as_written
    ):
        raise ValueError("written by another version")
    tests = [_ENTITY_TYPES[name] for name in names]
    entities: dict[str, Entity] = {}
    for row in data["entities"]:
        values = list(map(_frozen, row))
        if len(values) != len(tests) or not all(map(lambda t, v: t(v), tests, values)):
            raise TypeError("entity")
        entity = Entity(*values)
        if entity.id in entities:
            raise ValueError("entity id")
        entities[entity.id] = entity
    base = _schema()
    quick: dict[str, fastschema.Check] = {}
    rules = []
    checked: dict[tuple[str, str], None] = {}
    for row in data["rules"]:
        (rule_id, kind, severity, message, source, options, description, examples) = row[:8]
        path, line, lines = row[8:]
        module = KINDS[kind]
        if kind not in quick:
            quick[kind] = fastschema.compile_schema(_rule_schema(base, module))
        item = {
            **options,
            "id": rule_id,
            "kind": kind,
            "severity": severity,
            "message": message,
            "source": source,
            "description": description,
        }
        if quick[kind](item) is not True or type(path) is not str or not _line(line):
            raise ValueError(f"rule {rule_id!r}")
        if (kind, message) not in checked:
            # Checked once per message and kind: a large pack repeats a few messages.
            wrong = message_problem("", message, module.PLACEHOLDERS)
            if wrong is not None:
                raise ValueError(wrong)
            checked[kind, message] = None
        shown = []
        for lang, text, fails, at in examples:
            if type(lang) is not str or type(text) is not str or type(fails) is not bool:
                raise TypeError("example")
            if not _line(at):
                raise TypeError("example line")
            shown.append(Example(lang, text, fails, at))
        rules.append(
            Rule(
                rule_id,
                kind,
                Severity(severity),
                message,
                source,
                options,
                description,
                tuple(shown),
                path,
                line,
                {tuple(key[:-1]): key[-1] for key in lines},
            )
        )
    cues = data["cues"]
    if fastschema.compile_schema(base)({"cues": cues}) is not True:
        raise ValueError("cues")
    for lang, categories in cues.items():
        if lang not in known:
            raise ValueError(f"cues for {lang!r}")
        for category, phrases in categories.items():
            if category == "fillers" and any(len(p.split()) > 1 for p in phrases):
                raise ValueError("filler of several words")
            if category in ROLES:
                RelationMatcher({category: phrases}, {}, [])  # the slots; raises if wrong
    return _compile(
        entities,
        rules,
        {lang: dict(categories) for lang, categories in cues.items()},
        tuple(map(str, data["files"])),
        defaults,
        [],
    )
