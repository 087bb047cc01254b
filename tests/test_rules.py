"""Rule files: schema validation, precise errors with file and line, semantic checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.rules import load_rules

LANGS = ["it", "en"]
ROOT = Path(__file__).parent.parent

ENTITIES = """\
entities:
  - {id: alibaba, type: company, name: Alibaba}
  - {id: tencent, type: company, name: Tencent}
  - {id: qwen, type: model, name: Qwen}
  - {id: h100, type: chip, name: H100}
  - {id: h200, type: chip, name: H200}
"""


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(paths: list[Path]) -> list[tuple[str, int | None, str]]:
    with pytest.raises(FactlintError) as caught:
        load_rules(paths, LANGS)
    return [(Path(p.path).name, p.line, p.message) for p in caught.value.problems]


def test_shipped_rule_pack_loads() -> None:
    ruleset = load_rules([ROOT / "rules"], LANGS)
    kinds = {rule.kind for rule in ruleset.rules}
    assert kinds == {"attribution", "lineage", "figure", "naming"}
    assert all(rule.source for rule in ruleset.rules)
    for rule in ruleset.rules:
        langs = {example.lang for example in rule.examples}
        assert langs == {"it", "en"}, f"{rule.id} needs examples in both languages"
        assert any(e.fails for e in rule.examples) and any(not e.fails for e in rule.examples)


RULE = """\
rules:
  - id: alibaba-models
    kind: attribution
    owner: alibaba
    products: [qwen]
    severity: error
    message: "{product} is {owner}'s"
    source: https://qwenlm.github.io/
"""


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            RULE.replace("    owner: alibaba\n", "    owners: alibaba\n"),
            4,
            "unknown key 'owners' (did you mean 'owner'?)",
        ),
        (RULE.replace("    source: https://qwenlm.github.io/\n", ""), 2, "'source' is missing"),
        (
            RULE.replace("severity: error", "severity: fatal"),
            6,
            "'fatal' is not one of: error, warning, info",
        ),
        (RULE.replace("products: [qwen]", "products: qwen"), 5, "is not of type 'array'"),
        (
            RULE.replace("kind: attribution", "kind: atribution"),
            3,
            "unknown kind 'atribution' (did you mean 'attribution'?)",
        ),
        (RULE.replace("{owner}'s", "{company}'s"), 7, "unknown placeholder {company}"),
        (RULE.replace("owner: alibaba", "owner: baidu"), 4, "entity 'baidu' is not defined"),
        (
            RULE
            + "  - id: alibaba-models\n    kind: naming\n    severity: info\n    message: x\n    source: y\n",
            9,
            "rule id 'alibaba-models' is already used",
        ),
        ("rules:\n\t- id: x\n", 2, "tabs"),
        ("rules:\n  - id: x\n    id: y\n", 3, "duplicate key 'id'"),
        ("rules: [\n", 2, "YAML syntax error"),
        ("", None, "rule file is empty"),
        ("- just a list\n", 1, "must be a mapping"),
        ("rulez: []\n", 1, "unknown key 'rulez' (did you mean 'rules'?)"),
        ("entities:\n  - !!python/object:os.system {id: x}\n", 2, "unsupported YAML tag"),
    ],
)
def test_mistakes_name_file_line_and_fix(
    tmp_path: Path, text: str, line: int | None, fragment: str
) -> None:
    entities = write(tmp_path, ENTITIES, "entities.yaml")
    found = problems([entities, write(tmp_path, text)])
    assert any(
        name == "rules.yaml" and got == line and fragment in message for name, got, message in found
    ), found


def test_all_problems_in_all_files_are_reported(tmp_path: Path) -> None:
    one = write(tmp_path, "rules:\n  - id: x\n    kind: nope\n", "one.yaml")
    two = write(tmp_path, "rules: [\n", "two.yaml")
    names = {name for name, _, _ in problems([one, two])}
    assert names == {"one.yaml", "two.yaml"}


def test_two_owners_for_one_model(tmp_path: Path) -> None:
    second = RULE.replace("alibaba-models", "tencent-models").replace(
        "owner: alibaba", "owner: tencent"
    )
    write(tmp_path, ENTITIES, "entities.yaml")
    write(tmp_path, RULE, "a.yaml")
    write(tmp_path, second, "b.yaml")
    found = problems([tmp_path])
    assert any(
        "gives 'qwen' to 'tencent'" in message and "keep one owner" in message
        for _, _, message in found
    )


def test_lineage_cycle(tmp_path: Path) -> None:
    text = (
        ENTITIES
        + """\
rules:
  - id: gpu-lineage
    kind: lineage
    order: [h100, h200, h100]
    severity: error
    message: "{newer} / {older}: {fact}"
    source: x
"""
    )
    found = problems([write(tmp_path, text)])
    assert any("appears twice in the order" in message for _, _, message in found)


def test_lineage_variant_message_placeholders(tmp_path: Path) -> None:
    text = (
        ENTITIES
        + """\
rules:
  - id: gpu-lineage
    kind: lineage
    order: [h100, h200]
    severity: error
    message: "{newer} / {older}: {fact}"
    variant_message: "{newer} is no version of {base}"
    source: x
"""
    )
    found = problems([write(tmp_path, text)])
    assert any(
        "unknown placeholder {newer} in variant_message" in message
        and "{base}, {fact}, {variant}" in message
        and line == 13  # the variant_message line
        for _, line, message in found
    )


def test_figure_low_above_high(tmp_path: Path) -> None:
    text = (
        ENTITIES
        + """\
rules:
  - id: dc
    kind: figure
    fact: x
    min: 40
    max: 30
    counts: [data center]
    severity: error
    message: "{found}"
    source: x
"""
    )
    found = problems([write(tmp_path, text)])
    assert any("min 40 is greater than max 30" in message for _, _, message in found)


def test_parent_cycle_and_missing_parent(tmp_path: Path) -> None:
    text = """\
entities:
  - {id: a, type: company, name: A, parent: b}
  - {id: b, type: company, name: B, parent: a}
  - {id: c, type: company, name: C, parent: nobody}
"""
    messages = [message for _, _, message in problems([write(tmp_path, text)])]
    assert any("cycle" in m for m in messages)
    assert any("parent 'nobody' is not defined" in m for m in messages)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_bytes("rules: []\n# caff\xe8\n".encode("latin-1"))
    assert problems([path]) == [("rules.yaml", 2, "rule file is not UTF-8: save it as UTF-8")]


def test_missing_path(tmp_path: Path) -> None:
    assert problems([tmp_path / "nope"])[0][2] == "no such rule file or directory"


def test_examples_must_use_known_languages(tmp_path: Path) -> None:
    text = ENTITIES + RULE + '    examples:\n      fail: [{fr: "Qwen de Tencent"}]\n'
    found = problems([write(tmp_path, text)])
    assert any("unknown language 'fr'" in message for _, _, message in found)


def test_entity_fields_are_all_read(tmp_path: Path) -> None:
    """Every field an entity may have in a rule file reaches the entity (exact_aliases was
    once accepted and dropped)."""
    path = write(
        tmp_path,
        "entities:\n"
        "  - id: usa\n"
        "    type: country\n"
        "    name: United States\n"
        "    aliases: [Stati Uniti]\n"
        "    lang_aliases: {it: [USA]}\n"
        "    exact_aliases: [US]\n"
        "    match_case: true\n"
        "    fuzzy: false\n",
    )
    entity = load_rules([path], ["it", "en"]).entities["usa"]
    assert entity.aliases == ("Stati Uniti",)
    assert entity.lang_aliases == {"it": ("USA",)}
    assert entity.exact_aliases == ("US",)
    assert entity.match_case is True and entity.fuzzy is False


def test_shipped_exact_aliases_are_found(linter) -> None:
    """ "US" is the United States only as written: the shipped places say so."""
    doc = linter.document("a.md", "The US and the us of it.", lang="en")
    found = [(m.surface, m.entity) for m in linter.claims(doc).mentions]
    assert ("US", "usa") in found
    assert not any(surface == "us" for surface, _ in found)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("cues:\n  ? '\n\n    '\n  : null\n", "cues['\\n']"),
        ("cues:\n  '': null\n", "cues['']"),
        ("cues:\n  it: 3\n", "cues.it"),
    ],
)
def test_a_problem_at_an_odd_key_stays_on_one_line(tmp_path: Path, text: str, where: str) -> None:
    ((_, _, message),) = problems([write(tmp_path, text)])
    assert "\n" not in message and message.startswith(where), message
