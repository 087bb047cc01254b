"""The quick schema check: it may be unsure, but it is never wrong about "valid"."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factlint import fastschema
from factlint.checks import KINDS
from factlint.config import SCHEMA_PATH as CONFIG_SCHEMA
from factlint.rules import _rule_schema, _schema
from factlint.yamlfile import load_yaml

ROOT = Path(__file__).parent.parent

ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    1.0,
    1.5,
    -3,
    150,
    float("nan"),
    "",
    "x",
    "Bad Id",
    "it",
    "error",
    "{found}",
    [],
    ["a", "a"],
    ["a", 1],
    [[]],
    {},
    {"it": "x"},
    {"it": "x", "en": "y"},
    {1: "x"},
    b"bytes",
    ("tuple",),
]


def _mutations(value: Any, rng: random.Random, count: int) -> list[Any]:
    """Copies of `value` with one part replaced, removed or added."""
    found = []
    for _ in range(count):
        copied = copy.deepcopy(value)
        node = copied
        while True:
            if isinstance(node, dict) and node:
                key = rng.choice(list(node))
                if rng.random() < 0.4 or not isinstance(node[key], dict | list):
                    action = rng.random()
                    if action < 0.6:
                        node[key] = rng.choice(ODD_VALUES)
                    elif action < 0.8:
                        del node[key]
                    else:
                        node[rng.choice(["extra", "pattern", "id", "name", key])] = rng.choice(
                            ODD_VALUES
                        )
                    break
                node = node[key]
            elif isinstance(node, list) and node:
                index = rng.randrange(len(node))
                if rng.random() < 0.4 or not isinstance(node[index], dict | list):
                    node[index] = rng.choice(ODD_VALUES)
                    break
                node = node[index]
            else:
                break
        found.append(copied)
    return found


def _agrees(check: fastschema.Check, validator: Any, instance: Any) -> None:
    verdict = check(instance)
    errors = list(validator.iter_errors(instance))
    if verdict is True:
        assert not errors, instance
    elif verdict is False:
        assert errors, instance


def _rule_files() -> list[dict[str, Any]]:
    return [
        load_yaml(path.read_text(encoding="utf-8"), str(path))[0]
        for path in sorted((ROOT / "rules").glob("*.yaml"))
    ]


def test_rule_files_agree_with_jsonschema() -> None:
    base = _schema()
    check = fastschema.compile_schema(base)
    validator = jsonschema.Draft202012Validator(base)
    rng = random.Random(1)
    for data in _rule_files():
        assert check(data) is True
        for mutated in _mutations(data, rng, 300):
            _agrees(check, validator, mutated)


def test_rules_of_every_kind_agree_with_jsonschema() -> None:
    base = _schema()
    rng = random.Random(2)
    tested = set()
    for data in _rule_files():
        for rule in data.get("rules", []):
            schema = _rule_schema(base, KINDS[rule["kind"]])
            check = fastschema.compile_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            assert check(rule) is True
            tested.add(rule["kind"])
            for mutated in _mutations(rule, rng, 60):
                _agrees(check, validator, mutated)
    assert tested == set(KINDS)


def test_config_agrees_with_jsonschema() -> None:
    schema = json.loads(CONFIG_SCHEMA.read_text(encoding="utf-8"))
    check = fastschema.compile_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    settings = {
        "rules": ["rules"],
        "corpus": ["archive"],
        "lang": "it",
        "severity": {"naming": "warning"},
        "fuzzy_threshold": 80,
        "quantity_tolerance": 0.1,
        "cache": True,
    }
    assert check(settings) is True
    for mutated in _mutations(settings, random.Random(3), 400):
        _agrees(check, validator, mutated)


@pytest.mark.parametrize(
    ("schema", "instance", "verdict"),
    [
        ({"type": "integer"}, 1.0, None),  # jsonschema counts 1.0 as an integer
        ({"type": "integer"}, True, False),
        ({"type": "number"}, 2, True),
        ({"type": "string"}, b"x", None),  # not a value YAML or TOML gives: unsure
        ({"type": "array", "uniqueItems": True}, [1, True], None),
        ({"type": "array", "uniqueItems": True}, ["a", "b"], True),
        ({"not": {"type": "string"}}, 1, None),  # not implemented: unsure
        ({"oneOf": [{"type": "boolean"}, {"type": "object"}]}, {}, True),
        ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1, False),
        ({"pattern": "^a$"}, "a\n", True),  # re.search, as jsonschema
        ({"$ref": "#/$defs/x", "$defs": {"x": {"minLength": 2}}}, "a", False),
    ],
)
def test_verdicts(schema: dict[str, Any], instance: Any, verdict: bool | None) -> None:
    assert fastschema.compile_schema(schema)(instance) is verdict
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(instance))
    if verdict is not None:
        assert (not errors) is verdict


def test_valid_rule_files_and_config_do_not_import_jsonschema(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / ".factlint.toml").write_text(
        'rules = ["rules"]\nlang = "it"\ncache = false\n', encoding="utf-8"
    )
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from factlint.config import discover_config\n"
        "from factlint.rules import load_rules\n"
        "discover_config()\n"
        f"load_rules([Path({str(ROOT / 'rules')!r})], ['it', 'en'])\n"
        "print('jsonschema' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
