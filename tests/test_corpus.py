"""The fixture corpus: realistic articles, clean and with planted errors, whose expected
findings are written next to the text (`<!-- expect: RULE -->`). Checked exactly."""

from __future__ import annotations

from tests.accuracy import CORPUS, expected_findings, measure

# Planted errors written in constructions factlint does not model yet. Listed so that the
# test fails both when another error is missed and when one of these starts being found.
KNOWN_MISSES = {
    # succession told through a relative clause: "rispetto al più recente H100 che ne ha
    # preso il posto"
    ("piano-cinese-data-center-h200.md", 24, "nvidia-datacenter-gpu-lineage"),
    # a wrong base for a variant ("versione depotenziata dell'H200"): no variant relation
    ("stop-h20-ordini-big-tech-cinesi.md", 14, "nvidia-datacenter-gpu-lineage"),
    # "X per Y" lists ("Qwen e Hunyuan per Alibaba"): "per" also introduces customers
    ("stop-h20-ordini-big-tech-cinesi.md", 24, "tencent-models"),
}


def test_expect_comments_are_read(tmp_path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "uno\n<!-- expect: r1 -->\n<!-- expect: r2 -->\ndue\ntre <!-- expect: r3 -->\n"
    )
    assert expected_findings(article) == {("a.md", 4, "r1"), ("a.md", 4, "r2")}


def test_corpus_has_both_languages_and_both_kinds() -> None:
    files = sorted(CORPUS.rglob("*.md"))
    assert len([f for f in files if "clean" in f.parts]) >= 10
    assert len([f for f in files if "planted" in f.parts]) >= 10
    langs = {f.read_text(encoding="utf-8").split("lang:")[1].split()[0] for f in files}
    assert langs == {"it", "en"}


def test_findings_are_exactly_the_planted_errors() -> None:
    accuracy = measure()
    assert sorted(accuracy.found - accuracy.expected) == [], "unexpected findings"
    assert sorted(accuracy.expected - accuracy.found) == sorted(KNOWN_MISSES), (
        "missed planted errors"
    )
    assert accuracy.clean_findings == 0
