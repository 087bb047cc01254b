"""Product names no rule file lists, told by their model number: "Ascend 910C",
"Kirin 9000S", "Instinct MI355X".

Articles order such products as they order listed ones ("the Ascend 910C, successor to
the 910B"), and two articles can disagree about that order even though no rule knows the
family. These names, and names with a version ("Kling 2.1"), take part in successions and
version statements only with a name of their own family: "Ascend 910C" is never related
to "Kunpeng 920" or "H20".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from factlint.entities import Mention

UNLISTED_TYPE = "unlisted"
# How far after a named family a model number written alone still belongs to it: about
# two sentences ("L'Ascend 910C è in produzione. Il 910C sostituisce il 910B").
BARE_REACH = 400

# A family word, then a model number with at least two digits ("910B", "MI355X", "9010").
# The capital comes first and the look-behind after it, so that `re` skips lowercase text
# in C.
_NAMED = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<![\w\-][A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]{2,}"
    r"[ \-][A-Z]{0,3}\d{2,}[A-Z]{0,3}(?![\w.,]\w|\w)"
)
# A model number written alone ("successore del 910B"): it needs a letter, since bare
# digits are figures.
_BARE = re.compile(r"(?<![\w\-.,])(?:[A-Z]{1,3}\d{2,}[A-Z]{0,3}|\d{2,}[A-Z]{1,3})(?![\w.,]\w|\w)")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# A name with a version number, which may be a single digit ("Step 3", "Pangu 5.5",
# "Kimi K2", "HyperOS 3", "MiMo-7B"): a product as surely as a model number makes one.
# Written alone, a version is a figure ("2.1"), so only the whole name is one.
_VERSIONED = re.compile(
    r"([A-ZÀ-ÖØ-Þ](?<![\w\-][A-ZÀ-ÖØ-Þ])(?:[a-zß-öø-ÿ]{2,}|[a-zß-öø-ÿ]+[A-Z][A-Za-z]*))[ \-]"
    r"([A-Z]{0,2}\d+(?:\.\d+)?[A-Za-z]{0,3})(?![\w.,]\w|\w)"
)
# The same after one lowercase letter ("iPhone 17", "iPad 11"): the match starts at the
# capital, for the same speed, and the letter before it is taken with it.
_LOWER_LED = re.compile(
    r"[A-Z](?<=[a-z][A-Z])(?<![\w\-][a-z][A-Z])[a-zß-öø-ÿ]{2,}[ \-]"
    r"([A-Z]{0,2}\d+(?:\.\d+)?[A-Za-z]{0,3})(?![\w.,]\w|\w)"
)

# The same with the version glued to the family ("Graviton4", "Trainium2"): a word of
# four letters at least, so that formulas and standards ("CO2", "HBM3", "Web3") stay out.
_GLUED = re.compile(r"[A-Z](?<![\w\-][A-Z])[a-z]{3,}(\d{1,2})(?![\w.,]\w|\w)")

# The same after a family written in capitals ("MTT S4000", "RTX A6000"): its model
# number must open with a letter, since "FTSE 100" and "ISO 9001" name no product.
_CAPS_LED = re.compile(
    r"[A-Z](?<![\w\-][A-Z])[A-Z]{1,4}[ \-]([A-Z]{1,3}\d{2,}[A-Z]{0,3})(?![\w.,]\w|\w)"
)

# A model number alone, with no family word before it ("The AI250, successor to the
# AI200", "Il BR100 di Biren", "il SUV L90 di Li Auto"): capitals, then at least two
# digits ("AI200", "GB300", "L90"). Codes of one digit are more often standards many
# companies make ("HBM3", "DDR5") or formulas ("CO2") than one company's product.
_CODE = re.compile(r"[A-Z](?<![\w\-.][A-Z])[A-Z]{0,3}\d{2,5}[A-Z]{0,3}(?![\w.,]\w|\w|-\w)")
# The tier words that make a model another product of its family ("Find X9 Pro", "iPhone
# 17 Pro Max", "Galaxy S25 Ultra"): part of its name, so that it is not its base model.
_TIER = re.compile(r"(?:[ \-](?:Pro|Max|Ultra|Plus|Mini|Lite|Air|Neo|XL|SE|Fold|Flip)\+?)+(?!\w)")
# Periods written as codes ("Q2", "H1", "FY2025", "9M") are no products.
PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|(?:FY|CY)\d{2,4}|9M)")
_CODE_FAMILY = re.compile(r"[A-Z]+")


def unlisted_names(
    masked: str, mentions: Sequence[Mention], ordinary: frozenset[str]
) -> list[Mention]:
    """Every unlisted product name in `masked`, in text order, none inside a known name.

    A model number written alone belongs to the family named last before it, if that is
    near (`BARE_REACH` characters), and is no name otherwise. A word in `ordinary`
    (lowercased) names no family: "The 910B" is no product.
    """
    starts = [m.start for m in mentions]
    found: list[Mention] = []
    for match in _NAMED.finditer(masked):
        start, end = match.span()
        word, _, code = match.group(0).replace("-", " ").partition(" ")
        if (
            word.lower() in ordinary
            or _YEAR_LIKE.fullmatch(code)
            or covered(starts, mentions, start, end)
        ):
            continue
        code, end = _tiered(masked, code, end)
        found.append(Mention(f"{word} {code}", UNLISTED_TYPE, start, end, masked[start:end]))
    if not found:
        return found
    named = [m.start for m in found]
    for match in _BARE.finditer(masked, found[0].end):
        start, end = match.span()
        before = found[bisect.bisect_right(named, start) - 1]
        if before.end > start or start - before.end > BARE_REACH:
            continue
        if covered(starts, mentions, start, end):
            continue
        code = match.group(0)
        found.append(Mention(f"{family(before)} {code}", UNLISTED_TYPE, start, end, code))
    found.sort(key=lambda m: m.start)
    return found


def versioned_names(
    masked: str, mentions: Sequence[Mention], ordinary: frozenset[str]
) -> list[Mention]:
    """Every name no rule lists that carries a version number ("Step 3", "Pangu 5.5",
    "iPhone 17", "MTT S4000"), in text order; its entity is the name with a space before
    the version ("Step-3" is "Step 3"). A word in `ordinary` (lowercased) names nothing:
    "Oltre 3" is no product, nor "GPU B30A" a family's, nor is a year ("Vision 2030").
    Model numbers written alone ("AI250", "BR100") are among them, as themselves."""
    starts = [m.start for m in mentions]
    found = []
    spans = [(m.start(), m.end(), *m.groups()) for m in _VERSIONED.finditer(masked)]
    for match in _LOWER_LED.finditer(masked):
        start = match.start() - 1
        spans.append((start, match.end(), masked[start : match.start(1) - 1], match.group(1)))
    for match in _GLUED.finditer(masked):
        spans.append(
            (match.start(), match.end(), masked[match.start() : match.start(1)], match.group(1))
        )
    for match in _CAPS_LED.finditer(masked):
        start = match.start()
        spans.append((start, match.end(), masked[start : match.start(1) - 1], match.group(1)))
    for start, end, word, version in sorted(spans):
        if (
            word.lower() in ordinary
            or _YEAR_LIKE.fullmatch(version)
            or covered(starts, mentions, start, end)
        ):
            continue
        version, end = _tiered(masked, version, end)
        found.append(Mention(f"{word} {version}", UNLISTED_TYPE, start, end, masked[start:end]))
    return _with_codes(masked, found, (starts, mentions), ordinary)


def _tiered(masked: str, code: str, end: int) -> tuple[str, int]:
    """A model number (`code`, ending at `end`) with the tier words written after it
    ("X9 Pro"), and where they end."""
    tier = _TIER.match(masked, end)
    if tier is None:
        return code, end
    return f"{code} {' '.join(tier.group(0).replace('-', ' ').split())}", tier.end()


def _with_codes(
    masked: str,
    found: list[Mention],
    known: tuple[Sequence[int], Sequence[Mention]],
    ordinary: frozenset[str],
) -> list[Mention]:
    """`found` and the model numbers written alone that neither it nor a known mention
    (`known`: their starts, and them) holds, in text order."""
    starts, mentions = known
    named = [m.start for m in found]
    codes = []
    for match in _CODE.finditer(masked):
        start, end = match.span()
        code = match.group(0)
        if (
            code.lower() in ordinary
            or PERIOD_CODE.fullmatch(code)
            or covered(starts, mentions, start, end)
            or covered(named, found, start, end)
        ):
            continue
        codes.append(Mention(code, UNLISTED_TYPE, start, end, code))
    return sorted([*found, *codes], key=lambda m: m.start) if codes else found


def lineage_names(numbered: Sequence[Mention], versioned: Sequence[Mention]) -> list[Mention]:
    """The unlisted names a succession may relate, in text order: model numbers
    (`unlisted_names`) and names with a version (`versioned_names`: "Kling 2.1, successore
    di Kling 2.0", "HyperOS 3, the successor to HyperOS 2"), a model number once."""
    starts = [m.start for m in numbered]
    return sorted(
        [*numbered, *(m for m in versioned if not covered(starts, numbered, m.start, m.end))],
        key=lambda m: m.start,
    )


def covered(starts: Sequence[int], mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Whether a known mention (`starts`: their start offsets) overlaps [start, end)."""
    at = bisect.bisect_right(starts, end - 1) - 1
    return at >= 0 and mentions[at].end > start


def family(mention: Mention) -> str:
    """The family word of an unlisted name ("Ascend" for "Ascend 910C"), or the capitals
    of a model number written alone ("AI" for "AI250")."""
    word, space, _ = mention.entity.partition(" ")
    if space:
        return word
    letters = _CODE_FAMILY.match(word)
    return letters.group(0) if letters else word
