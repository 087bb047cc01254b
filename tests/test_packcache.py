"""The compiled-pack cache: the same findings as parsing the rule files, never trusted when
stale, broken or tampered with, never written for rule files with problems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint import packcache, yamlfile
from factlint.cli import main
from factlint.language import language_sources, load_languages
from factlint.rules import load_rules, pack, read_sources, unpack

ROOT = Path(__file__).parent.parent
LANGS = ["it", "en"]
ARTICLE = "---\nlang: it\n---\nIl modello Qwen di Tencent è tra i più usati.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the shipped rules, one article and a config; the working directory."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".factlint.toml").write_text('rules = ["rules"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def packs(project: Path) -> list[Path]:
    return sorted((project / ".factlint_cache").glob("rules-*.json"))


def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make parsing a rule file fail the test: a pack hit must not parse."""

    def refuse(text: str, path: str) -> None:
        raise AssertionError(f"{path} parsed despite the pack cache")

    monkeypatch.setattr(yamlfile, "load_yaml", refuse)


def test_hit_gives_the_findings_of_a_cold_run_without_parsing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = check("--no-cache", "a.md")
    assert not (project / ".factlint_cache").exists()
    first = check("a.md")
    (written,) = packs(project)
    assert json.loads(written.read_text(encoding="utf-8"))["format"] == packcache.FORMAT
    no_yaml(monkeypatch)
    (project / "a.md").write_text(ARTICLE + "\n", encoding="utf-8")  # not from the claims cache
    second = check("a.md")
    assert cold == first == second
    assert cold[0] == 1 and '"rule": "alibaba-models"' in cold[1]


def test_pack_round_trips_the_shipped_rules() -> None:
    ruleset = load_rules([ROOT / "rules"], LANGS)
    again = unpack(json.loads(json.dumps(pack(ruleset))), LANGS)
    assert again.entities == ruleset.entities
    assert again.rules == ruleset.rules
    assert again.cues == ruleset.cues and again.files == ruleset.files
    assert again.variants == ruleset.variants
    assert [type(c) for c in again.checks] == [type(c) for c in ruleset.checks]


def test_changed_rule_file_is_loaded_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check("a.md")
    names = project / "rules" / "ai-labs.yaml"
    text = names.read_text(encoding="utf-8")
    assert "is Alibaba's model family" in text
    names.write_text(text.replace("is Alibaba's model family", "belongs to Alibaba"), "utf-8")
    code, out, _ = check("a.md")
    assert code == 1 and "Qwen belongs to Alibaba, not Tencent's" in out
    assert len(packs(project)) == 2
    # Back to the first version: its pack is still there, and read.
    names.write_text(text, encoding="utf-8")
    no_yaml(monkeypatch)
    assert "is Alibaba's model family" in check("a.md")[1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "\x00\xff garbage",
        lambda text: json.dumps({"format": "something-else", "pack": {}}),
        lambda text: text.replace('"entity_fields":[', '"entity_fields":["extra",'),
        lambda text: text.replace('"kind":', '"kind_":', 1),
        lambda text: json.dumps([1, 2, 3]),
        lambda text: "[" * 100_000,
    ],
)
def test_corrupt_or_foreign_pack_is_rebuilt(project: Path, damage) -> None:
    expected = check("a.md")
    (written,) = packs(project)
    good = written.read_text(encoding="utf-8")
    written.write_text(damage(good), encoding="utf-8")
    (project / "a.md").write_text(ARTICLE + "\n", encoding="utf-8")
    assert check("a.md") == expected
    assert written.read_text(encoding="utf-8") == good


def test_tampered_pack_cannot_skip_the_safety_checks(project: Path) -> None:
    """A pack from elsewhere (a repository can ship one) with a message the loader refuses:
    it is not used, the rule files are."""
    check("a.md")
    (written,) = packs(project)
    data = json.loads(written.read_text(encoding="utf-8"))
    rules = data["pack"]["rules"]
    index = [row[0] for row in rules].index("alibaba-models")
    rules[index][3] = "{product:>30} sneaked in"  # a format spec: refused in rule files
    written.write_text(json.dumps(data), encoding="utf-8")
    (project / "a.md").write_text(ARTICLE + "\n", encoding="utf-8")
    code, out, _ = check("a.md")
    assert code == 1 and "Qwen is Alibaba's model family, not Tencent's" in out
    assert "sneaked" not in out and "sneaked" not in written.read_text(encoding="utf-8")


def _rule_row(pack: dict, rule_id: str) -> list:
    return next(row for row in pack["rules"] if row[0] == rule_id)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda pack: pack["entities"][0].__setitem__(2, 123),  # a name that is no text
        lambda pack: pack["entities"][0].__setitem__(3, "not a list"),
        lambda pack: _rule_row(pack, "alibaba-models").__setitem__(5, ["owner"]),
        lambda pack: _rule_row(pack, "alibaba-models")[5].__setitem__("owner", 7),
        lambda pack: _rule_row(pack, "alibaba-models")[5].__setitem__("regex", "(a+)+$"),
        lambda pack: _rule_row(pack, "alibaba-models").__setitem__(2, "fatal"),
        lambda pack: _rule_row(pack, "alibaba-models").__setitem__(1, "nonsense"),
        lambda pack: _rule_row(pack, "alibaba-models")[7].append(["it", "x", "yes", None]),
        lambda pack: pack["cues"].setdefault("it", {}).__setitem__("fillers", ["a a a"]),
        lambda pack: pack["cues"].setdefault("it", {}).__setitem__("attribution", ["{x}"]),
        lambda pack: pack["cues"].__setitem__("xx", {"hedged": ["forse"]}),
    ],
)
def test_pack_that_a_rule_file_could_not_give_is_rebuilt(project: Path, tamper) -> None:
    expected = check("a.md")
    (written,) = packs(project)
    good = written.read_text(encoding="utf-8")
    data = json.loads(good)
    tamper(data["pack"])
    written.write_text(json.dumps(data), encoding="utf-8")
    (project / "a.md").write_text(ARTICLE + "\n", encoding="utf-8")
    assert check("a.md") == expected
    assert written.read_text(encoding="utf-8") == good


def test_no_cache_and_cache_false_write_nothing(project: Path) -> None:
    check("--no-cache", "a.md")
    assert not (project / ".factlint_cache").exists()
    (project / ".factlint.toml").write_text('rules = ["rules"]\ncache = false\n', "utf-8")
    check("a.md")
    assert not (project / ".factlint_cache").exists()


def test_rule_file_with_an_error_is_reported_on_every_run_and_never_packed(
    project: Path,
) -> None:
    broken = project / "rules" / "broken.yaml"
    broken.write_text(
        "rules:\n  - id: x\n    kind: attribution\n    owner: nobody\n", encoding="utf-8"
    )
    runs = [check("a.md") for _ in range(3)]
    assert runs[0] == runs[1] == runs[2] == check("--no-cache", "a.md")
    code, out, err = runs[0]
    assert code == 2 and out == ""
    assert err.startswith("factlint: error: ") and "broken.yaml:2: rule 'x'" in err
    assert packs(project) == []


def test_fixing_the_error_makes_a_pack(project: Path) -> None:
    broken = project / "rules" / "broken.yaml"
    broken.write_text("entities:\n  - {id: x, type: company}\n", encoding="utf-8")
    assert check("a.md")[0] == 2
    broken.write_text("entities:\n  - {id: x, type: company, name: X Corp}\n", "utf-8")
    assert check("a.md")[0] == 1
    assert len(packs(project)) == 1


def test_key_follows_rule_files_and_language_data(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    sources = read_sources([tmp_path / "rules"])
    assert sources is not None
    languages = language_sources()
    key = packcache.pack_key(sources, languages)
    assert key == packcache.pack_key(read_sources([tmp_path / "rules"]), languages)
    (tmp_path / "rules" / "places.yaml").write_bytes(sources.contents[-1] + b"\n")
    assert packcache.pack_key(read_sources([tmp_path / "rules"]), languages) != key
    other = [(path, raw + b"\n") for path, raw in languages]
    assert packcache.pack_key(sources, other) != key
    assert read_sources([tmp_path / "missing"]) is None


def test_old_packs_are_pruned(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    folder = tmp_path / "cache"
    base = load_languages()
    target = tmp_path / "rules" / "places.yaml"
    text = target.read_text(encoding="utf-8")
    for number in range(packcache.KEEP + 3):
        target.write_text(text + f"# {number}\n", encoding="utf-8")
        sources = read_sources([tmp_path / "rules"])
        packcache.load_rules_cached(
            [tmp_path / "rules"], base, None, sources, language_sources(), folder
        )
    assert len(list(folder.glob("rules-*.json"))) == packcache.KEEP
    assert (folder / ".gitignore").exists()


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    sources = read_sources([ROOT / "rules"])
    ruleset = packcache.load_rules_cached(
        [ROOT / "rules"], LANGS, None, sources, language_sources(), blocker
    )
    assert len(ruleset.rules) == len(load_rules([ROOT / "rules"], LANGS).rules)


def test_language_files_are_parsed_once_then_read_from_their_pack(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = check("--no-cache", "a.md")
    first = check("a.md")
    (written,) = sorted((project / ".factlint_cache").glob("lang-*.json"))
    assert json.loads(written.read_text(encoding="utf-8"))["format"] == packcache.LANGUAGE_FORMAT

    def refuse(path: Path, raw: bytes | None = None) -> None:
        raise AssertionError(f"{path} parsed despite the language pack")

    monkeypatch.setattr(packcache, "parse_language_file", refuse)
    (project / "a.md").write_text(ARTICLE + "\n", encoding="utf-8")
    assert check("a.md") == first == cold


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: "not json",
        lambda data: json.dumps({**data, "format": "another"}),
        lambda data: json.dumps({**data, "pack": {"files": [{"code": "it"}]}}),
        lambda data: json.dumps({**data, "pack": {"files": "it"}}),
    ],
)
def test_damaged_language_pack_is_parsed_again(project: Path, damage) -> None:
    sources = language_sources()
    folder = project / ".factlint_cache"
    expected = packcache.load_languages_cached(sources, folder)
    (written,) = sorted(folder.glob("lang-*.json"))
    written.write_text(damage(json.loads(written.read_text(encoding="utf-8"))), "utf-8")
    assert packcache.load_languages_cached(sources, folder) == expected == load_languages()


def test_language_pack_follows_the_language_files(tmp_path: Path) -> None:
    sources = language_sources()
    packcache.load_languages_cached(sources, tmp_path)
    path, raw = sources[0]
    changed = [(path, raw + b"\n# edited\n"), *sources[1:]]
    packcache.load_languages_cached(changed, tmp_path)
    assert len(list(tmp_path.glob("lang-*.json"))) == 2
    assert packcache.load_languages_cached(sources, None) == load_languages()
