"""Property tests: for any text the pipeline never raises and every finding points at the
text it quotes; number parsing never raises; any YAML given as a rule file gives a rule set
or a clean error.

Example counts are bounded (conftest.examples; FACTLINT_FUZZ_SCALE multiplies them) so that
the suite stays within its minute on two cores. Texts are built from pieces that reach deep
into the pipeline (names from the shipped rules, relation words, numbers, Markdown, every
kind of line break) mixed with arbitrary characters.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from factlint import consistency, suppressions
from factlint.claims import Claims
from factlint.document import Document, make_document, split_sentences
from factlint.errors import FactlintError
from factlint.files import decode
from factlint.findings import Finding
from factlint.formatters import Report, formatters
from factlint.language import load_languages
from factlint.lint import Linter
from factlint.numbers import NumberParser
from factlint.rules import load_rules
from tests.robustness.conftest import ROOT, examples

LANGUAGES = load_languages()

PIECES = [
    # names and relations the shipped rules know
    "Qwen", "Tencent", "Alibaba", "Alibaba Cloud", "DeepSeek", "Baidu", "Ernie", "Kimi",
    "Moonshot", "Nvidia", "NVIDIA", "H100", "H200", "H20", "H800", "A800", "B200", "Blackwell",
    "Hopper", "Huawei", "Ascend", "Cina", "China", "Stati Uniti", "Hunyuan", "Doubao",
    "ByteDance", "Llama", "Meta", "OpenAI", "GPT-4",
    " di ", " de ", "'s ", " by ", " made by ", " successore di ", " successor to ",
    " succede ", " precede ", " è ", " is ", " non ", " not ", " secondo ", " according to ",
    " forse ", " se ", " il modello ", " the model ", " la GPU ", " il chip ",
    # numbers in both locales, with qualifiers and units
    "36", "63", "100.000", "100,000", "1,5 miliardi", "1.5 billion", "il 90%", "90 per cento",
    "oltre ", "più di ", "circa ", "tra 80 e 100", "between 80 and 100", "trentasei",
    "centomila", " data center", " data centre", " GPU", " terre rare", "2024", "2025",
    "Qwen 2.5", "art. 36", "S.p.A.", "mld.", "3,5", "-5%", "+3", "1e9", "99999999999999999999",
    # Markdown and HTML
    "---\nlang: it\n---\n", "---\nlang: en\n---\n", "---\nlang: [\n---\n", "# ", "## ", "> ",
    "- ", "1. ", "| a | b |\n", "`", "```\n", "~~~", "**", "_", "~~", "[", "](", ")", "![",
    "<!--", "-->", "<b>", "</b>", "&amp;", "&#x1F600;", "http://x.y/z", "www.a.it", "a@b.it",
    "<!-- factlint-disable alibaba-models -->", "<!-- factlint-disable-next-line -->",
    # line breaks and spaces of every kind
    "\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\t", "\u00a0",
    "\u202f", "\u2009", " ", "  ",
    # punctuation and characters that change length when case-folded or normalised
    ".", ",", ";", ":", "!", "?", "…", "«", "»", "“", "”", "'", "’", "(", ")", "-", "–", "—",
    "İ", "ß", "ﬁ", "Σ", "é", "è", "e\u0301", "\u200b", "\ufeff", "\ufffd", "😀", "\x00",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join)

# Real articles with planted errors, and generated figures that two articles can disagree
# on: token soup alone seldom makes a finding, and a property that holds only when there is
# nothing to report proves little.
CORPUS = [
    path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests" / "fixtures" / "corpus").rglob("*.md"))
]
FIGURES = {
    "it": [
        "{org} ha ordinato {n} GPU {chip} nel {year}.",
        "{org} produrrà {n} chip {chip}.",
        "Secondo Reuters, {org} ha comprato {n} acceleratori {chip}.",
    ],
    "en": [
        "{org} ordered {n} {chip} GPUs in {year}.",
        "{org} will ship {n} {chip} chips, according to analysts.",
    ],
}
QUALIFIERS = {"it": ["", "", "circa ", "oltre ", "più di "], "en": ["", "", "about ", "over "]}


@st.composite
def numerals(draw: st.DrawFn, lang: str) -> str:
    """A number as articles in `lang` write it: separators, scale words, qualifiers."""
    value = draw(st.integers(1, 2_000_000))
    style = draw(st.sampled_from(["grouped", "plain", "scale"]))
    if style == "grouped":
        written = f"{value:,}".replace(",", "." if lang == "it" else ",")
    elif style == "scale":
        point, scale = (",", "milioni") if lang == "it" else (".", "million")
        written = f"{value % 1000}{point}{value % 10} {scale}"
    else:
        written = str(value)
    return draw(st.sampled_from(QUALIFIERS[lang])) + written


def _figure_sentences(draw: st.DrawFn) -> tuple[str, list[tuple[str, dict[str, str]]]]:
    lang = draw(st.sampled_from(["it", "en"]))
    chosen = [
        (
            draw(st.sampled_from(FIGURES[lang])),
            {
                "org": draw(st.sampled_from(["ByteDance", "Huawei", "Alibaba", "Tencent"])),
                "chip": draw(st.sampled_from(["H20", "H200", "Ascend 910C"])),
                "year": draw(st.sampled_from(["2024", "2025"])),
            },
        )
        for _ in range(draw(st.integers(1, 4)))
    ]
    return lang, chosen


def _figures_text(lang: str, sentences: list[str]) -> str:
    return f"---\nlang: {lang}\n---\n" + "\n\n".join(sentences) + "\n"


@st.composite
def figures(draw: st.DrawFn) -> str:
    """Sentences stating figures about companies and chips."""
    lang, chosen = _figure_sentences(draw)
    return _figures_text(lang, [t.format(n=draw(numerals(lang)), **slots) for t, slots in chosen])


@st.composite
def figure_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two articles stating the same figures, with numbers that may disagree, both noisy."""
    lang, chosen = _figure_sentences(draw)
    first, second = (
        _figures_text(lang, [t.format(n=draw(numerals(lang)), **slots) for t, slots in chosen])
        for _ in range(2)
    )
    return _noisy(first, draw), _noisy(second, draw)


def _noisy(text: str, draw: st.DrawFn) -> str:
    """`text` with another line ending, pieces put in anywhere and maybe a span cut out."""
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", "\r", "\u2028"]))
    text = text.replace("\n", ending)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=3))) + text[at:]
    if draw(st.booleans()):
        start = draw(st.integers(0, len(text)))
        text = text[:start] + text[start + draw(st.integers(0, 40)) :]
    return text


@st.composite
def articles(draw: st.DrawFn) -> str:
    """A corpus article or generated figures, made noisy."""
    return _noisy(draw(st.one_of(st.sampled_from(CORPUS), figures())), draw)


def _offset(doc: Document, line: int, column: int) -> int:
    """The offset of a 1-based line and column, from the document's own line table."""
    starts = doc.line_starts
    assert 1 <= line <= len(starts), (line, len(starts))
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(doc.text)
    offset = start + column - 1
    assert start <= offset <= end, (line, column)
    return offset


def _assert_points_at_its_text(finding: Finding, doc: Document) -> None:
    start = _offset(doc, finding.line, finding.column)
    end = _offset(doc, finding.end_line, finding.end_column)
    assert start <= end <= len(doc.text)
    if finding.text:
        assert " ".join(doc.text[start:end].split()) == finding.text, finding


def _pipeline(linter: Linter, docs: Sequence[Document]) -> tuple[list[Finding], list[Claims]]:
    findings: list[Finding] = []
    comparables: list[consistency.Comparable] = []
    all_claims = []
    for doc in docs:
        claims = linter.claims(doc)
        all_claims.append(claims)
        findings.extend(linter.check(doc, claims))
        comparables.extend(linter.comparables(doc, claims, reported=True))
        suppressions.parse(doc)
    findings.extend(consistency.conflicts(comparables))
    return findings, all_claims


@settings(max_examples=examples(150), deadline=None)
@given(text=st.one_of(texts, articles()), lang=st.sampled_from(["it", "en", None]))
@example(text="Il modello Qwen di Tencent è tra i più usati.", lang="it")
@example(text="---\rlang: it\r---\r\rIl modello Qwen di\r\nTencent.\r", lang=None)
@example(text="\u2028Qwen\x85di\x0cTencent\u2029.", lang="it")
def test_any_text_gives_findings_that_point_at_their_text(
    linter: Linter, text: str, lang: str | None
) -> None:
    doc = linter.document("a.md", text, lambda problem: None, lang=lang)
    assert len(doc.masked) == len(doc.text)
    findings, _ = _pipeline(linter, [doc])
    event("with findings" if findings else "without findings")  # --hypothesis-show-statistics
    for finding in findings:
        _assert_points_at_its_text(finding, doc)
    report = Report(findings, {"a.md": doc}, {r.id: r for r in linter.ruleset.rules})
    for render in formatters().values():
        render(report)


@settings(max_examples=examples(60), deadline=None)
@given(pair=st.one_of(figure_pairs(), st.tuples(articles(), articles())))
@example(
    pair=(
        "---\nlang: it\n---\nByteDance ha ordinato 100.000 GPU H20.\n",
        "---\r\nlang: it\r\n---\r\n\r\nByteDance ha ordinato **200.000** GPU H20.\r\n",
    )
)
def test_cross_article_findings_point_into_both_articles(
    linter: Linter, pair: tuple[str, str]
) -> None:
    first, second = pair
    docs = {name: linter.document(name, text) for name, text in (("a.md", first), ("b.md", second))}
    findings, _ = _pipeline(linter, list(docs.values()))
    event("with related" if any(f.related for f in findings) else "without related")
    for finding in findings:
        _assert_points_at_its_text(finding, docs[finding.path])
        for related in finding.related:
            if related.path in docs:
                _offset(docs[related.path], related.line, related.column)


@settings(max_examples=examples(200), deadline=None)
@given(text=st.text(max_size=300))
def test_the_document_model_never_raises_on_any_characters(text: str) -> None:
    for lang in LANGUAGES.values():
        doc = make_document(
            "a.md",
            text,
            default_lang="en",
            stopwords={code: lang.stopwords for code, lang in LANGUAGES.items()},
            problems=lambda problem: None,
        )
        assert len(doc.masked) == len(doc.text)
        for start, end in split_sentences(doc.masked, lang.abbreviations):
            assert 0 <= start < end <= len(text)
        for offset in (0, len(text) // 2, len(text)):
            line, column = doc.position(offset)
            assert _offset(doc, line, column) == offset


PARSERS = {code: NumberParser(lang.data["numbers"]) for code, lang in LANGUAGES.items()}


@settings(max_examples=examples(300), deadline=None)
@given(text=st.one_of(texts, articles()), code=st.sampled_from(sorted(PARSERS)))
@example(text="99999999999999999999999999999999999999 miliardi di miliardi", code="it")
@example(text="tra 1e308 e 1e309", code="en")
def test_number_parsing_never_raises_and_gives_sane_intervals(text: str, code: str) -> None:
    previous_end = 0
    for match in PARSERS[code].find(text):
        assert previous_end <= match.start <= match.value_start < match.value_end <= match.end
        assert match.end <= len(text)
        previous_end = match.end
        low, high = match.interval.low, match.interval.high
        assert not math.isnan(low) and not math.isnan(high)
        assert low <= high


# --- rule files ------------------------------------------------------------------------

SHIPPED = {
    path.name: yaml.safe_load(path.read_text("utf-8")) for path in (ROOT / "rules").glob("*.yaml")
}
KEYS = sorted(
    {
        key
        for data in SHIPPED.values()
        for items in data.values()
        if isinstance(items, list)
        for item in items
        if isinstance(item, dict)
        for key in item
    }
    | {"entities", "rules", "cues", "it", "en", "fillers", "pass", "fail"}
)
CUE_KINDS = ["attribution", "succession", "negated", "conditional", "hedged", "reported"]
CUE_KINDS += ["disputed", "distributive", "fillers"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["qwen", "alibaba", "h100", "error", "attribution", "lineage", "{product}"]),
)
yaml_data = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), inner, max_size=5),
    ),
    max_leaves=30,
)


def _mutate(data: Any, draw: st.DrawFn) -> Any:
    """The shipped data with one value somewhere replaced, removed or duplicated."""
    if isinstance(data, dict) and data:
        key = draw(st.sampled_from(sorted(data, key=str)))
        action = draw(st.sampled_from(["replace", "drop", "descend", "descend"]))
        copy = dict(data)
        if action == "drop":
            del copy[key]
        elif action == "replace":
            copy[key] = draw(yaml_data)
        else:
            copy[key] = _mutate(data[key], draw)
        return copy
    if isinstance(data, list) and data:
        index = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["replace", "duplicate", "drop", "descend", "descend"]))
        copy = list(data)
        if action == "duplicate":
            copy.append(copy[index])
        elif action == "drop":
            del copy[index]
        elif action == "replace":
            copy[index] = draw(yaml_data)
        else:
            copy[index] = _mutate(data[index], draw)
        return copy
    return draw(yaml_data)


@st.composite
def rule_files(draw: st.DrawFn) -> dict[str, str]:
    """A rule folder: the shipped files, some mutated, or arbitrary YAML, or arbitrary text."""
    kind = draw(st.sampled_from(["mutated", "mutated", "yaml", "text", "cues"]))
    files = {name: yaml.safe_dump(data, allow_unicode=True) for name, data in SHIPPED.items()}
    if kind == "mutated":
        for _ in range(draw(st.integers(1, 3))):
            name = draw(st.sampled_from(sorted(SHIPPED)))
            files[name] = yaml.safe_dump(_mutate(yaml.safe_load(files[name]), draw))
    elif kind == "cues":
        phrase = st.lists(
            st.sampled_from(["{product}", "{owner}", "{newer}", "{older}", "di", "'s", ",", "("])
            | st.text(max_size=5),
            min_size=1,
            max_size=5,
        ).map(" ".join)
        files["fuzz.yaml"] = yaml.safe_dump(
            {
                "cues": draw(
                    st.dictionaries(
                        st.sampled_from(["it", "en"]),
                        st.dictionaries(st.sampled_from(CUE_KINDS), st.lists(phrase, max_size=3)),
                        max_size=2,
                    )
                )
            },
            allow_unicode=True,
        )
    elif kind == "yaml":
        files["fuzz.yaml"] = yaml.safe_dump(draw(yaml_data), allow_unicode=True)
    else:
        files["fuzz.yaml"] = draw(
            st.text(
                alphabet=st.sampled_from([*"abc:-[]{}&*!|>'\"#%@`,?\n\t x1.", "\u00e8"]),
                max_size=60,
            )
        )
    return files


@settings(max_examples=examples(60), deadline=None)
@given(files=rule_files())
def test_any_yaml_as_a_rule_file_gives_rules_or_a_clean_error(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str]
) -> None:
    folder = tmp_path_factory.mktemp("rules")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    try:
        ruleset = load_rules([folder], LANGUAGES)
    except FactlintError as exc:
        event("refused")
        assert exc.problems
        for problem in exc.problems:
            assert "\n" not in str(problem) and Path(problem.path).parent == folder
        return
    event("loaded")
    text = "Il modello Qwen di Tencent, successore di H100: 36 GPU. Tencent's Qwen (Alibaba)."
    # What the loader accepts must run: `rules validate` saying "valid" and `check` then
    # failing on a cue phrase would be a lie.
    linter = Linter(ruleset, load_languages(ruleset.cues) if ruleset.cues else LANGUAGES)
    for lang in ("it", "en"):
        doc = linter.document("a.md", text, lang=lang)
        for finding in linter.check(doc):
            _assert_points_at_its_text(finding, doc)


@settings(max_examples=examples(200), deadline=None)
@given(data=st.binary(max_size=200))
@example(data=b"\xff\xfe\x00")
@example(data=b"\xef\xbb\xbf\xff")
def test_decoding_any_bytes_gives_text_or_a_skip(data: bytes) -> None:
    text, problem = decode("a.md", data)
    assert text is not None or problem is not None
    if problem is not None:
        assert "\n" not in str(problem)
