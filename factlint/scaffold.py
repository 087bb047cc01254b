"""`factlint init`: a starter config and a starter rules folder with one commented rule of
each kind. Existing files are never overwritten."""

from __future__ import annotations

CONFIG = """\
# factlint configuration: https://github.com/ (see README.md, "Configuration")
rules = ["rules"]              # rule files or folders, relative to this file
# corpus = ["archive"]         # more articles to compare against, not reported on
# include = ["*.md", "*.markdown", "*.txt"]
# exclude = ["drafts/*"]
lang = "it"                    # language of articles that neither declare nor reveal one
# disable = ["naming"]         # rules or kinds never reported
# baseline = ".factlint-baseline.json"
# fuzzy_threshold = 80         # percent similarity for "did you mean" name warnings
# quantity_tolerance = 0.1     # how loose "circa" / "about" figures are

# [severity]                   # per rule id or kind
# naming = "info"
"""

ENTITIES = """\
# Entities: the things your articles name. An entity has an id, a type (company,
# organization, model, product, chip, service, country, place, person, other), a name
# and aliases; `lang_aliases` are names used only in one language, `parent` makes a
# company a subsidiary (it then counts as its parent), `match_case` is for names that
# are also ordinary words.
entities:
  - id: acme
    type: company
    name: Acme
    aliases: [Acme Corp]
  - id: acme-cloud
    type: company
    name: Acme Cloud
    parent: acme
  - id: globex
    type: company
    name: Globex
  - id: rocket
    type: model
    name: Rocket
  - {id: x1, type: chip, name: X1}
  - {id: x2, type: chip, name: X2}
  - id: italy
    type: country
    name: Italy
    lang_aliases:
      it: [Italia, italiano, italiana, italiani, italiane]
      en: [Italian]
"""

RULES = """\
# Rules: one commented example of each kind. Every rule needs an id, a kind, a severity
# (error, warning, info), a message with placeholders, a source (where the fact comes
# from) and examples that must fail and pass, in each language you publish in.
# `factlint rules test` runs the examples; `factlint explain RULE` shows a rule.
rules:
  # attribution: a product belongs to one company; placeholders {product} {owner} {claimed}
  - id: rocket-owner
    kind: attribution
    owner: acme
    products: [rocket]
    severity: error
    message: "{product} is made by {owner}, not {claimed}"
    source: https://example.com/acme/rocket (replace with your source)
    examples:
      fail: [{it: "Il modello Rocket di Globex"}, {en: "Globex's Rocket"}]
      pass: [{it: "Il modello Rocket di Acme Cloud"}, {en: "Acme's Rocket"}]

  # lineage: generations in order, oldest first; placeholders {newer} {older} {fact}
  - id: x-lineage
    kind: lineage
    order: [x1, x2]
    severity: error
    message: "{newer} does not come after {older}: {fact}"
    source: https://example.com/acme/chips (replace with your source)
    examples:
      fail: [{it: "L'X1, successore dell'X2"}, {en: "The X1, successor to the X2"}]
      pass: [{it: "L'X2, successore dell'X1"}, {en: "The X2, successor to the X1"}]

  # figure: a number with what it counts and where; placeholders {found} {fact}
  - id: italy-data-centres
    kind: figure
    fact: "12 new data centres planned in Italy"
    value: 12
    counts: [nuovi data center, new data centers, new data centres]
    where: [italy]
    severity: error
    message: "{found}: the plan is for {fact}"
    source: https://example.com/plan (replace with your source)
    examples:
      fail:
        - it: "In Italia sorgeranno 21 nuovi data center."
        - en: "Italy will get 21 new data centers."
      pass:
        - it: "In Italia sorgeranno 12 nuovi data center."
        - en: "Italy will get twelve new data centers."

  # naming: spellings to use and to avoid, and "did you mean" for near-misses of known
  # names (fuzzy); placeholders {found} {use}
  - id: names
    kind: naming
    terms:
      - {use: Acme, avoid: [ACME Inc, Akme]}
    fuzzy: true
    severity: warning
    message: "write {use}, not {found}"
    source: house style guide
    examples:
      fail: [{it: "Akme ha presentato Rocket."}, {en: "Akme released Rocket."}]
      pass: [{it: "Acme ha presentato Rocket."}, {en: "Acme released Rocket."}]
"""

FILES: dict[str, str] = {
    ".factlint.toml": CONFIG,
    "rules/entities.yaml": ENTITIES,
    "rules/rules.yaml": RULES,
}
