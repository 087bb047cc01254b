"""Safe YAML with line numbers: plain data only, duplicate keys and tags refused."""

from __future__ import annotations

import pytest

from factlint.yamlfile import YamlProblems, load_yaml


def test_lines_of_every_value() -> None:
    data, lines = load_yaml("a: 1\nb:\n  - x: 2\n    d: 2025-01-02\n", "f.yaml")
    assert data == {"a": 1, "b": [{"x": 2, "d": "2025-01-02"}]}
    assert lines[("b", 0, "d")] == 4 and lines[("a",)] == 1


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a:\n\t- b\n", 2, "not tabs"),
        ("a: !!python/object/apply:os.system [ls]\n", 1, "unsupported YAML tag"),
        ("a: !!python/name:os.system\n", 1, "unsupported YAML tag"),
        ("a: &x [1]\nb: *x\nc: !custom 3\n", 3, "unsupported YAML tag"),
        ('a: "unclosed\n', 2, "YAML syntax error"),
    ],
)
def test_problems(text: str, line: int, fragment: str) -> None:
    with pytest.raises(YamlProblems) as caught:
        load_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    assert problem.line == line and fragment in problem.message and problem.path == "f.yaml"


def test_empty_document() -> None:
    assert load_yaml("# nothing\n", "f.yaml") == (None, {})
