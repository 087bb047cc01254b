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


def _composed(text: str) -> tuple[object, dict[tuple[str | int, ...], int]]:
    """What composing the document and then building it gives (the reference)."""
    import yaml.constructor

    from factlint import yamlfile

    loader = yamlfile._Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    lines: dict[tuple[str | int, ...], int] = {}
    if node is None:
        return None, lines
    problems: list[object] = []
    constructor = yaml.constructor.SafeConstructor()
    data = yamlfile._build(node, (), lines, problems, "f.yaml", constructor)
    assert not problems
    return data, lines


PLAIN = [
    "a: 1\nb:\n  - x: 2\n    d: 2025-01-02\n",
    "a: yes\nb: No\nc: ~\nd: null\ne: ''\nf:\ng: 1.5\nh: .inf\ni: 0x1F\nj: 1_000\n"
    "k: -3\nl: +4\nm: 'x'\nn: \"y\"\no: 2024-01-02 10:00:00\nq: <<x\n",
    "1: a\n2.5: b\nfalse: c\n'1': d\n",
    "[1, [2, [3, {a: b}]]]\n",
    "- - - x\n",
    "just text\n",
    "---\n",
    "a: |\n  text\n  more\nb: >\n  folded\n",
    "%YAML 1.1\n---\na: 1\n...\n",
    "entities:\n  - {id: a, type: company, name: A Labs, aliases: [A, 'A Co']}\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_one_pass_build_is_the_composer_s(text: str) -> None:
    from factlint import yamlfile

    lines: dict[tuple[str | int, ...], int] = {}
    built = yamlfile._read(text, "f.yaml", lines)
    assert built is not yamlfile._UNUSUAL
    assert (built, lines) == _composed(text)
    assert list(lines) == list(_composed(text)[1])  # the same order too


def test_one_pass_build_on_rule_packs(tmp_path) -> None:
    from pathlib import Path

    from bench.generate import write_rules

    write_rules(tmp_path, 200, seed=1)
    root = Path(__file__).parent.parent
    for path in [*sorted((root / "rules").glob("*.yaml")), tmp_path / "synthetic.yaml"]:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text, str(path)) == _composed(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1]\nb: *x\n",
        "a: !!str 1\n",
        "a: !!map {b: 1}\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "<<: {a: 1}\n",
    ],
)
def test_unusual_documents_go_to_the_composer(text: str) -> None:
    from factlint import yamlfile

    assert yamlfile._read(text, "f.yaml", {}) is yamlfile._UNUSUAL
    try:
        expected = _composed(text)
    except Exception as exc:  # the composer refuses it: so must load_yaml
        with pytest.raises(YamlProblems):
            load_yaml(text, "f.yaml")
        assert exc is not None
    else:
        assert load_yaml(text, "f.yaml") == expected
