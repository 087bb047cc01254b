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
        (IT, "attribution", "owner", " (", "", "{owner} ({product})"),
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
        (EN, "succession", "newer", "'s predecessor, the ", "", "{newer}'s predecessor, {older}"),
        (EN, "succession", "newer", ", successor to the ", "", "{newer}, successor to {older}"),
        (EN, "succession", "newer", " replaces the ", "", "{newer} replaces {older}"),
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
    ],
)
def test_names_side_by_side_are_not_a_relation(m, relation, first, gap) -> None:
    assert m.match(relation, first, gap, "") is None


def test_prefix_template_needs_its_prefix() -> None:
    assert IT.match("succession", "older", ", l'", "ha presentato l'") is None


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
