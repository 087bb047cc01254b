"""SARIF output: valid SARIF 2.1.0 with rule metadata, code-point columns, related
locations, and fingerprints that survive lines inserted above a finding."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factlint import __version__
from factlint.document import make_document
from factlint.findings import Finding, Related, Severity
from factlint.formatters import Report, formatters, sarif
from factlint.lint import Linter
from factlint.rules import Example, Rule
from tests.conftest import entities_only, run_check, write_article

ROOT = Path(__file__).parents[2]
SCHEMA = Path(__file__).parents[3] / "shared/schemas/sarif-2.1.0.json"
STOPWORDS = {"it": frozenset({"il"})}

RULE = Rule(
    id="alibaba-models",
    kind="attribution",
    severity=Severity.WARNING,
    message="{product} is Alibaba's model family, not {claimed}'s",
    source="https://qwenlm.github.io/about/",
    options={},
    description="Qwen is made by Alibaba Cloud.",
    examples=(
        Example("it", "Il modello Qwen di Tencent", True, None),
        Example("en", "Alibaba's `Qwen`", False, None),
    ),
)


def wrong(path: str = "a.md", line: int = 2, **extra: Any) -> Finding:
    fields: dict[str, Any] = {
        "source": RULE.source,
        "suggestion": "Alibaba",
        "text": "Qwen di Tencent",
        **extra,
    }
    return Finding(
        path,
        line,
        12,
        line,
        27,
        "alibaba-models",
        "attribution",
        Severity.ERROR,
        "Qwen is Alibaba's model family, not Tencent's",
        **fields,
    )


def conflict() -> Finding:
    return Finding(
        "b.md",
        4,
        1,
        4,
        15,
        "consistency.attribution",
        "consistency",
        Severity.WARNING,
        "here Qwen belongs to Tencent, but in a.md:4 Qwen belongs to Alibaba",
        related=(Related("a.md", 4, 1, "says “Qwen di Alibaba”"), Related("c d.md", 7, 3, "x")),
        text="Tencent's Qwen",
    )


def other_findings() -> list[Finding]:
    """The awkward cases: no rule metadata, info severity, several lines, odd paths."""
    return [
        Finding("dir name/è:x#1.md", 1, 1, 3, 2, "r.other", "figure", Severity.INFO, "m"),
        Finding("/abs/pa th.md", 2, 5, 2, 9, "r.other", "figure", Severity.INFO, "m", text="63"),
    ]


def log(findings: list[Finding], **report: Any) -> dict[str, Any]:
    return json.loads(sarif.format(Report(findings, **report)))


def schema_errors(data: dict[str, Any]) -> list[str]:
    """Where `data` breaks the SARIF 2.1.0 schema (skips the test if the schema is absent)."""
    if not SCHEMA.is_file():
        pytest.skip(f"the SARIF schema is not at {SCHEMA} (../shared/schemas from the repo root)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


def test_registered() -> None:
    assert formatters()["sarif"] is sarif.format


def test_valid_against_the_schema() -> None:
    doc = make_document(
        "a.md", "uno\nIl modello Qwen di Tencent.\n", default_lang="it", stopwords=STOPWORDS
    )
    findings = [wrong(), conflict(), *other_findings()]
    assert schema_errors(log(findings, documents={"a.md": doc}, rules={RULE.id: RULE})) == []
    assert schema_errors(log([])) == []


def test_required_shape_without_the_schema() -> None:
    data = log([wrong(), conflict()], rules={RULE.id: RULE})
    assert data["version"] == "2.1.0" and "sarif-schema-2.1.0.json" in data["$schema"]
    (run,) = data["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factlint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"
    # Every result points at its rule's descriptor.
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
    first, second = run["results"]
    assert first["level"] == "error" and second["level"] == "warning"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "a.md"
    assert location["region"] == {
        "startLine": 2,
        "startColumn": 12,
        "endLine": 2,
        "endColumn": 27,
        "snippet": {"text": "Qwen di Tencent"},
    }
    assert first["message"]["text"].endswith("(suggestion: Alibaba)")
    assert first["properties"]["suggestion"] == "Alibaba"
    assert second["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "a.md", "index": 0},
                "region": {"startLine": 4, "startColumn": 1},
            },
            "message": {"text": "says “Qwen di Alibaba”"},
        },
        {
            "id": 2,
            "physicalLocation": {
                "artifactLocation": {"uri": "c%20d.md"},
                "region": {"startLine": 7, "startColumn": 3},
            },
            "message": {"text": "x"},
        },
    ]
    assert all(len(r["partialFingerprints"]["factlint/v1"]) == 64 for r in run["results"])


def test_rule_descriptors() -> None:
    data = log([wrong(), conflict(), *other_findings()], rules={RULE.id: RULE})
    rules = {rule["id"]: rule for rule in data["runs"][0]["tool"]["driver"]["rules"]}
    assert sorted(rules) == ["alibaba-models", "consistency.attribution", "r.other"]
    rule = rules["alibaba-models"]
    assert rule["name"] == "AlibabaModels"
    assert rule["shortDescription"]["text"] == (
        "Attribution: <product> is Alibaba's model family, not <claimed>'s"
    )
    assert rule["fullDescription"]["text"] == "Qwen is made by Alibaba Cloud."
    # The rule's level, not the finding's: the descriptor describes the rule.
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["kind"] == "attribution"
    assert rule["properties"]["source"] == RULE.source
    for help_text in rule["help"].values():
        assert RULE.source in help_text and "Il modello Qwen di Tencent" in help_text
    # An example with backticks still makes one code span.
    assert "- passes (en): `` Alibaba's `Qwen` ``" in rule["help"]["markdown"]
    cross = rules["consistency.attribution"]
    assert "comparing" in cross["fullDescription"]["text"]
    assert "no source" in cross["fullDescription"]["text"]
    assert cross["properties"]["source"] is None
    assert rules["r.other"]["defaultConfiguration"]["level"] == "note"


def test_uris_are_relative_forward_slashed_and_encoded() -> None:
    assert sarif.uri("seeds/a.md") == "seeds/a.md"
    assert sarif.uri("./seeds/a.md") == "seeds/a.md"
    assert sarif.uri("dir name/è:x#1.md") == "dir%20name/%C3%A8%3Ax%231.md"
    assert sarif.uri("/abs/pa th.md") == "file:///abs/pa%20th.md"
    uris = [a["location"]["uri"] for a in log(other_findings())["runs"][0]["artifacts"]]
    assert all(re.fullmatch(r"[A-Za-z0-9%/:._~-]+", u) for u in uris), uris


def test_context_region_quotes_the_whole_lines() -> None:
    doc = make_document(
        "a.md", "uno\nIl modello Qwen di Tencent.\n", default_lang="it", stopwords=STOPWORDS
    )
    location = log([wrong()], documents={"a.md": doc})["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["contextRegion"] == {
        "startLine": 2,
        "endLine": 2,
        "snippet": {"text": "Il modello Qwen di Tencent."},
    }


def prints(linter: Linter, text: str) -> list[tuple[int, str]]:
    doc = linter.document("a.md", text, lang="it")
    report = Report(linter.check(doc), {"a.md": doc})
    results = json.loads(sarif.format(report))["runs"][0]["results"]
    return [
        (
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["partialFingerprints"]["factlint/v1"],
        )
        for r in results
    ]


def test_fingerprints_survive_a_line_inserted_above(linter: Linter) -> None:
    body = "Il modello Qwen di Tencent è tra i più usati.\n\nAncora: Qwen di Tencent cresce.\n"
    before = prints(linter, body)
    after = prints(linter, "Una riga nuova.\n\n" + body)
    assert [line for line, _ in before] == [1, 3]
    assert [line for line, _ in after] == [3, 5]
    assert [fp for _, fp in before] == [fp for _, fp in after]
    # The same quote twice in one file: two alerts, not one.
    assert before[0][1] != before[1][1]


def test_fingerprints_depend_on_rule_path_and_text() -> None:
    base = sarif.fingerprints(Report([wrong()]))
    assert sarif.fingerprints(Report([wrong(line=40)])) == base
    assert sarif.fingerprints(Report([wrong(path="b.md")])) != base
    assert sarif.fingerprints(Report([wrong(text="Qwen, di Tencent")])) != base


# End to end through the command.


def test_cli_wrong_attribution_and_cross_article_conflict(tmp_path: Path) -> None:
    wrong_it = write_article(
        tmp_path, "wrong.md", "it", "Il modello Qwen di Tencent è tra i più usati."
    )
    code, out = run_check(wrong_it, "--rules", str(ROOT / "rules"), "--format", "sarif")
    assert code == 1
    data = json.loads(out)
    validate_if_possible(data)
    (result,) = data["runs"][0]["results"]
    assert result["ruleId"] == "alibaba-models" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (5, 12, 27)
    (rule,) = data["runs"][0]["tool"]["driver"]["rules"]
    assert "qwenlm.github.io" in rule["help"]["text"]

    a = write_article(tmp_path, "a.md", "it", "Qwen di Alibaba è tra i modelli più usati.")
    b = write_article(tmp_path, "b.md", "en", "Tencent's Qwen is among the most used models.")
    code, out = run_check(a, b, "--rules", str(entities_only(tmp_path)), "--format", "sarif")
    assert code == 1
    data = json.loads(out)
    validate_if_possible(data)
    results = data["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["consistency.attribution"] * 2
    assert [len(r["relatedLocations"]) for r in results] == [1, 1]
    assert data["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["source"] is None


def validate_if_possible(data: dict[str, Any]) -> None:
    """Schema validation where the schema is, the shape check everywhere."""
    assert data["version"] == "2.1.0" and data["runs"][0]["columnKind"] == "unicodeCodePoints"
    if SCHEMA.is_file():
        assert schema_errors(data) == []
