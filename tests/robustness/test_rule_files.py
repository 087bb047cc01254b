"""Rule files, through the CLI: every mistake a person makes is one line naming the file, the
line and the fix; all problems in all rule files come in one run; the exit code is 2 and
nothing is checked. Rule files are data: no code runs, no object is built, nothing a rule
file says can make the linter hang."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factlint.relations import RelationMatcher
from tests.robustness.conftest import ROOT, run

ENTITIES = """\
entities:
  - {id: alibaba, type: company, name: Alibaba}
  - {id: tencent, type: company, name: Tencent}
  - {id: qwen, type: model, name: Qwen}
  - {id: h100, type: chip, name: H100}
  - {id: h200, type: chip, name: H200}
"""

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

LINEAGE = """\
rules:
  - id: gpu-lineage
    kind: lineage
    order: [h100, h200, h100]
    severity: error
    message: "{newer} / {older}: {fact}"
    source: x
"""

FIGURE = """\
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

# name, content, line of the problem (None: the whole file), fragments of the message
MISTAKES: list[tuple[str, str | bytes, int | None, tuple[str, ...]]] = [
    ("syntax", "rules: [\n", 2, ("YAML syntax error", "check the indentation and quoting")),
    ("tabs", "rules:\n\t- id: x\n", 2, ("YAML syntax error", "spaces, not tabs")),
    (
        "unclosed-quote",
        'rules:\n  - id: "x\n    kind: naming\n',
        None,
        ("YAML syntax error",),
    ),
    (
        "wrong-type",
        RULE.replace("products: [qwen]", "products: qwen"),
        5,
        ("'qwen' is not of type 'array'", "write a list, [qwen]"),
    ),
    (
        "wrong-type-text",
        RULE.replace("source: https://qwenlm.github.io/", "source: 2024"),
        8,
        ("2024 is not of type 'string'", 'write text in quotes, "2024"'),
    ),
    (
        "misspelt-key",
        RULE.replace("owner: alibaba", "ownr: alibaba"),
        4,
        ("unknown key 'ownr' (did you mean 'owner'?)", "allowed keys:"),
    ),
    (
        "misspelt-top-key",
        "rulez: []\n",
        1,
        ("unknown key 'rulez' (did you mean 'rules'?)",),
    ),
    (
        "missing-field",
        RULE.replace("    source: https://qwenlm.github.io/\n", ""),
        2,
        ("rule 'alibaba-models': 'source' is missing: add `source:`",),
    ),
    (
        "bad-severity",
        RULE.replace("severity: error", "severity: fatal"),
        6,
        ("'fatal' is not one of: error, warning, info",),
    ),
    (
        "bad-kind",
        RULE.replace("kind: attribution", "kind: atribution"),
        3,
        ("unknown kind 'atribution' (did you mean 'attribution'?)",),
    ),
    (
        "duplicate-id",
        RULE + RULE.removeprefix("rules:\n"),
        9,
        ("rule id 'alibaba-models' is already used at",),
    ),
    ("duplicate-key", "rules:\n  - id: x\n    id: y\n", 3, ("duplicate key 'id': keep only one",)),
    (
        "undefined-entity",
        RULE.replace("owner: alibaba", "owner: baidu"),
        4,
        ("entity 'baidu' is not defined",),
    ),
    (
        "lineage-cycle",
        LINEAGE,
        4,
        ("'h100' appears twice in the order (a cycle): list each generation once",),
    ),
    (
        "two-owners",
        RULE.replace("alibaba-models", "tencent-models").replace(
            "owner: alibaba", "owner: tencent"
        ),
        5,
        ("gives 'qwen' to 'tencent'", "keep one owner"),
    ),
    ("low-above-high", FIGURE, 5, ("min 40 is greater than max 30: swap them",)),
    ("empty", "", None, ("rule file is empty: add `entities:` or `rules:`",)),
    ("comments-only", "# nothing yet\n", None, ("rule file is empty",)),
    ("not-a-mapping", "- just a list\n", 1, ("must be a mapping",)),
    (
        "latin1",
        "rules: []\n# caff\xe8\n".encode("latin-1"),
        2,
        ("rule file is not UTF-8: save it as UTF-8",),
    ),
    ("utf16", "rules: []\n".encode("utf-16"), 1, ("rule file is not UTF-8",)),
    (
        "unknown-placeholder",
        RULE.replace("{owner}'s", "{company}'s"),
        7,
        ("unknown placeholder {company} in message",),
    ),
    (
        "unmatched-brace",
        RULE.replace('"{product} is {owner}\'s"', '"{product is wrong"'),
        7,
        ("message has an unmatched { or }", "write {{ and }}"),
    ),
    (
        "format-spec",
        RULE.replace("{product} is", "{product:>999999999} is"),
        7,
        ("placeholders take no format spec or conversion: write {product}",),
    ),
    (
        "attribute-access",
        RULE.replace("{product} is", "{product.__class__} is"),
        7,
        ("unknown placeholder {product.__class__}",),
    ),
    (
        "regex-key",
        RULE.replace("products: [qwen]", "products: [qwen]\n    pattern: '(a+)+$'"),
        6,
        ("unknown key 'pattern' (rule files take no regular expressions",),
    ),
    (
        "regex-key-naming",
        "rules:\n  - id: n\n    kind: naming\n    regex: 'Q.*n'\n"
        "    severity: info\n    message: x\n    source: y\n",
        4,
        ("unknown key 'regex' (rule files take no regular expressions",),
    ),
    (
        "python-object",
        "rules: !!python/object/apply:os.system ['echo pwned > PWNED']\n",
        1,
        ("unsupported YAML tag", "write plain data"),
    ),
    ("python-name", "rules: !!python/name:os.system\n", 1, ("unsupported YAML tag",)),
    ("custom-tag", "rules: !include other.yaml\n", 1, ("unsupported YAML tag",)),
    (
        "merge-key",
        "rules:\n  - &r {id: x}\n  - <<: *r\n",
        3,
        ("merge keys (<<) are not supported",),
    ),
    ("undefined-alias", "rules: *nowhere\n", 1, ("needs an anchor &name",)),
    ("self-alias", "rules: &r [*r]\n", 1, ("alias *r is inside the value &r it names",)),
    (
        "billion-laughs",
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)),
        5,
        ("aliases (*name) expand to more than 100000 values",),
    ),
    ("deep-nesting", "rules: " + "[" * 200_000 + "]" * 200_000 + "\n", 1, ("nested more than",)),
    (
        "several-word-filler",
        "cues:\n  it:\n    fillers:\n      - nuovo\n      - nuovo modello\n",
        5,
        ("'nuovo modello' is several words: list each word on its own",),
    ),
    (
        "bad-template",
        'cues:\n  it:\n    attribution:\n      - "{product} di {product}"\n',
        4,
        ("cues.it.attribution: template '{product} di {product}' must name {product} and {owner}",),
    ),
    ("unknown-cue-language", "cues:\n  xx:\n    fillers: [a]\n", 3, ("unknown language 'xx'",)),
]


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / f"{name}.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _rule_dir(tmp_path: Path) -> Path:
    """A rule folder with the entities the mistakes refer to, and an article to check."""
    folder = tmp_path / "rules"
    folder.mkdir()
    _write(folder, "entities", ENTITIES)
    return folder


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("factlint: error: ")]


@pytest.mark.parametrize(
    ("name", "content", "line", "fragments"), MISTAKES, ids=[m[0] for m in MISTAKES]
)
def test_each_mistake_names_file_line_and_fix(
    tmp_path: Path, name: str, content: str | bytes, line: int | None, fragments: tuple[str, ...]
) -> None:
    folder = _rule_dir(tmp_path)
    if name == "two-owners":
        _write(folder, "alibaba", RULE)
    path = _write(folder, name, content)
    # Another broken file: its problem must be reported in the same run.
    other = _write(folder, "zz-other", "rules:\n  - id: x\n    kind: nope\n")
    article = tmp_path / "a.md"
    article.write_text("Tencent's Qwen.\n", encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run("check", str(article), "--rules", str(folder), "--no-cache")
    assert time.perf_counter() - started < 10
    assert code == 2 and out == "" and "Traceback" not in err
    where = f"{path}:{line}: " if line else f"{path}"
    mine = [e for e in _errors(err) if e.startswith(f"factlint: error: {where}")]
    assert any(all(f in e for f in fragments) for e in mine), err
    assert all(len(e.splitlines()) == 1 for e in mine)
    assert f"factlint: error: {other}:3: rule 'x': unknown kind 'nope'" in err
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_every_problem_in_every_file_in_one_run(tmp_path: Path) -> None:
    folder = _rule_dir(tmp_path)
    _write(folder, "alibaba", RULE)
    expected = []
    for name, content, line, fragments in MISTAKES:
        if isinstance(content, str):
            # One rule id per file, so that no file's problem hides behind "already used".
            content = content.replace("alibaba-models", name)
            fragments = tuple(f.replace("alibaba-models", name) for f in fragments)
        path = _write(folder, name, content)
        expected.append((f"factlint: error: {path}" + (f":{line}: " if line else ""), fragments))
    code, out, err = run("rules", "validate", str(folder))
    assert code == 2 and out == ""
    errors = _errors(err)
    for where, fragments in expected:
        assert any(e.startswith(where) and all(f in e for f in fragments) for e in errors), where


def test_rules_validate_and_check_agree_on_the_shipped_pack() -> None:
    code, out, _ = run("rules", "validate", str(ROOT / "rules"))
    assert code == 0 and out.endswith("valid\n")


def test_a_missing_rules_path_is_reported_with_the_other_problems(tmp_path: Path) -> None:
    folder = _rule_dir(tmp_path)
    broken = _write(folder, "broken", "rules: [\n")
    code, _, err = run("rules", "validate", str(folder), str(tmp_path / "nope"))
    assert code == 2
    assert f"factlint: error: {tmp_path / 'nope'}: no such rule file or directory" in err
    assert f"factlint: error: {broken}:2: YAML syntax error" in err


def test_a_broken_link_in_the_rules_folder_is_reported(tmp_path: Path) -> None:
    folder = _rule_dir(tmp_path)
    link = folder / "gone.yaml"
    try:
        link.symlink_to("nowhere.yaml")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    code, _, err = run("rules", "validate", str(folder))
    assert code == 2
    assert _errors(err) == [
        f"factlint: error: {link}: cannot read rule file: broken symbolic link (to 'nowhere.yaml')"
    ]


def test_names_with_regex_characters_are_matched_literally_and_fast(tmp_path: Path) -> None:
    folder = _rule_dir(tmp_path)
    _write(
        folder,
        "evil",
        "entities:\n  - {id: evil, type: company, name: '(a+)+$', aliases: ['.*', '[', '\\\\']}\n",
    )
    article = tmp_path / "a.md"
    article.write_text("a" * 5000 + "! Nessuna regola. [ .* (a+)+$\n", encoding="utf-8")
    started = time.perf_counter()
    code, _, err = run("check", str(article), "--rules", str(folder), "--no-cache")
    assert code == 0 and time.perf_counter() - started < 5, err


def test_filler_matching_is_linear_whatever_the_fillers() -> None:
    fillers = ["a", "a a", "a a a"]
    matcher = RelationMatcher({"attribution": ["{product} di {owner}"]}, {}, fillers)
    gap = " di " + "a " * 27 + "!"
    started = time.perf_counter()
    assert matcher.match("attribution", "product", gap, "") is None
    assert time.perf_counter() - started < 0.1
