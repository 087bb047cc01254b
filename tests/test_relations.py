"""Relation templates: compiled from language data, matched against the gap between names."""

from __future__ import annotations

import pytest

from factlint.errors import FactlintError
from factlint.language import load_languages
from factlint.relations import RelationMatcher

LANGUAGES = load_languages()


def matcher(code: str) -> RelationMatcher:
    data = LANGUAGES[code].data
    return RelationMatcher(data["relations"], data.get("prepositions") or {}, data["fillers"], code)


IT = matcher("it")
EN = matcher("en")


@pytest.mark.parametrize(
    ("m", "relation", "first", "gap", "before", "template"),
    [
        (IT, "attribution", "product", " di ", "", "{product} di {owner}"),
        (IT, "attribution", "product", ", il modello di ", "", "{product}, il modello di {owner}"),
        (
            IT,
            "attribution",
            "product",
            ", sviluppato dal colosso cinese ",
            "",
            "{product}, sviluppato da {owner}",
        ),
        (IT, "succession", "newer", ", evoluzione dell'", "", "{newer}, evoluzione di {older}"),
        (IT, "succession", "newer", ", evoluzione dell’", "", "{newer}, evoluzione di {older}"),
        (IT, "succession", "newer", ", erede dell'", "", "{newer}, erede di {older}"),
        (
            IT,
            "succession",
            "older",
            ", l'",
            "il successore dell'",
            "successore di {older}, {newer}",
        ),
        (EN, "attribution", "owner", "'s ", "", "{owner}'s {product}"),
        (EN, "attribution", "owner", "’s new ", "", "{owner}'s {product}"),
        (EN, "attribution", "product", ", developed by ", "", "{product}, developed by {owner}"),
        # fillers may open an apposition
        (EN, "attribution", "product", ", the chatbot made by ", "", "{product}, made by {owner}"),
        (
            IT,
            "attribution",
            "product",
            ", il modello linguistico sviluppato da ",
            "",
            "{product}, sviluppato da {owner}",
        ),
        (
            IT,
            "succession",
            "newer",
            ", il nuovo chip che ha sostituito l'",
            "",
            "{newer}, che ha sostituito {older}",
        ),
        (EN, "succession", "newer", "'s predecessor, the ", "", "{newer}'s predecessor, {older}"),
        (EN, "succession", "newer", ", successor to the ", "", "{newer}, successor to {older}"),
        (EN, "succession", "newer", " replaces the ", "", "{newer} replaces {older}"),
        # a hyphenated word, written with or without spaces around the hyphen
        (
            EN,
            "derivation",
            "variant",
            ", a cut-down version of the ",
            "",
            "{variant}, cut-down version of {base}",
        ),
        (
            EN,
            "derivation",
            "variant",
            ", a cut - down version of the ",
            "",
            "{variant}, cut-down version of {base}",
        ),
        (
            IT,
            "derivation",
            "variant",
            ", la variante per il mercato cinese dell'",
            "",
            "{variant}, variante per ... di {base}",
        ),
    ],
)
def test_templates_match(m, relation, first, gap, before, template) -> None:
    found = m.match(relation, first, gap, before)
    assert found is not None and found.text == template


@pytest.mark.parametrize(
    ("m", "relation", "first", "gap"),
    [
        (IT, "attribution", "product", " e "),
        (IT, "attribution", "product", " non è di "),
        (IT, "attribution", "product", ", "),
        (IT, "attribution", "product", ", lanciato per competere con i modelli di "),
        (
            EN,
            "attribution",
            "product",
            ", developed to compete with the models made by a rival, and ",
        ),
        (IT, "attribution", "owner", " "),
        (IT, "succession", "newer", " e "),
        (IT, "succession", "newer", ", "),
        (EN, "attribution", "owner", ", "),
        (EN, "attribution", "owner", " and "),
        (EN, "succession", "newer", " outperforms the "),
        # an apposition opens with fillers only, not with any words
        (EN, "attribution", "product", ", the chatbot that rivals models made by "),
        (IT, "attribution", "product", ", rivale dei modelli sviluppati da "),
    ],
)
def test_names_side_by_side_are_not_a_relation(m, relation, first, gap) -> None:
    assert m.match(relation, first, gap, "") is None


def test_prefix_template_needs_its_prefix() -> None:
    assert IT.match("succession", "older", ", l'", "ha presentato l'") is None


@pytest.mark.parametrize(
    ("text", "template"),
    [
        ("per gruppi come alibaba (qwen) l'accesso", "{owner} ({product})"),
        ("per gruppi come alibaba (qwen e wan) l'accesso", "{owner} ({product})"),
    ],
)
def test_a_closing_parenthesis_is_not_required(text: str, template: str | None) -> None:
    end = text.index("qwen") + len("qwen")
    found = IT.match("attribution", "owner", " (", "", text, end)
    assert (found.text if found else None) == template


# (sentence with the two names in brackets, the template it fits or None)
SUFFIXES = [
    ("[DeepSeek-R1], [Baidu]'s reasoning model, topped the charts.", "{product}, {owner}'s model"),
    ("[Doubao], [Tencent]’s consumer chatbot, grew.", "{product}, {owner}'s chatbot"),
    (
        "Buyers stockpiled the [A800], a [Huawei] processor, in 2023.",
        "{product}, {owner} processor",
    ),
    (
        "[DeepSeek-V3], which [Alibaba] released in December, was cheap.",
        "{product}, which {owner} released",
    ),
    ("[Doubao], [Tencent]'s Hunyuan and Alibaba's Qwen lead.", None),
    ("[Doubao], [Tencent]'s new Hunyuan model and Qwen lead.", None),
    ("[Doubao], which [Alibaba] users also like, grew.", None),
    ("It runs on the [H100], a [Microsoft] customer favourite.", None),
    ("[Qwen], [Alibaba]'s", None),
]


@pytest.mark.parametrize(("marked", "template"), SUFFIXES)
def test_suffix_must_follow_the_second_name(marked: str, template: str | None) -> None:
    text = marked.replace("[", "").replace("]", "").lower()
    first_end = marked.index("]") - 1
    second_start = marked.index("[", first_end) - 2
    second_end = marked.index("]", second_start) - 3
    gap = text[first_end:second_start]
    found = EN.match("attribution", "product", gap, "", text, second_end)
    assert (found.text if found else None) == template


@pytest.mark.parametrize(
    "templates",
    [
        {"attribution": ["{product} di {product}"]},
        {"attribution": ["{product} di"]},
        {"ownership": ["{product} di {owner}"]},
    ],
)
def test_bad_templates_are_errors(templates) -> None:
    with pytest.raises(FactlintError):
        RelationMatcher(templates, {}, [], "x.yaml")


def test_regexes_are_compiled_on_first_use() -> None:
    fresh = matcher("it")
    lazies = [compiled for compiled, _ in fresh._plain.values()]
    for groups in fresh._framed.values():
        for infix, members in groups:
            lazies.append(infix)
            lazies += [prefix for _, prefix, _ in members if prefix is not None]
    assert lazies and all(lazy._compiled is None for lazy in lazies)
    assert fresh.match("attribution", "product", " di ", "") is not None
    used = fresh._plain[("attribution", "product")][0]
    assert used._compiled is not None
    assert sum(lazy._compiled is not None for lazy in lazies) < len(lazies)
    fresh.compile_all()
    assert all(lazy._compiled is not None for lazy in lazies)


def _word_regex_one_by_one(word: str, prepositions: dict[str, list[str]]) -> str:
    """The word regex as it was before the forms shared their "space after"."""
    import re

    from factlint.relations import _AFTER_WORD, _APOSTROPHE

    parts = []
    for form in sorted(prepositions.get(word, [word]), key=len, reverse=True):
        if form.endswith(("'", "’")):
            parts.append(re.escape(form[:-1]) + _APOSTROPHE + r"\s*")
        else:
            escaped = re.escape(form).replace("'", _APOSTROPHE).replace("’", _APOSTROPHE)
            parts.append(escaped + _AFTER_WORD)
    return "(?:" + "|".join(parts) + ")"


@pytest.mark.parametrize("code", ["it", "en"])
def test_word_regex_matches_what_one_regex_per_form_matched(code: str) -> None:
    import itertools
    import re

    from factlint.relations import _word_regex

    prepositions = LANGUAGES[code].data.get("prepositions") or {}
    forms = sorted({f for values in prepositions.values() for f in values} | {"di", "x'y"})
    tails = ["", " ", "  ", ",", " x", "'", "’", "' x", "’x", "x"]
    for word in [*prepositions, "successore", "l'"]:
        new = re.compile(_word_regex(word, prepositions))
        old = re.compile(_word_regex_one_by_one(word, prepositions))
        for form, tail in itertools.product(forms, tails):
            for text in (form + tail, form.replace("'", "’") + tail):
                assert bool(new.fullmatch(text)) == bool(old.fullmatch(text)), (word, text)
                assert bool(new.match(text)) == bool(old.match(text)), (word, text)
