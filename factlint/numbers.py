"""Find the quantities written in an article and the interval each one asserts.

A number is read with the precision it is written with and the words around it:
"36" asserts [35.5, 36.5], "oltre 100.000" asserts (100000, inf), "circa il 90%"
asserts 90 ± 10%, "tra 80 e 100 mila" asserts [80000, 100000], and a fraction in words
is a share: "più della metà" asserts (50%, inf). Years, dates, times, ordinals, codes,
versions and phone numbers are not quantities and are skipped.

Everything that depends on the language (qualifier phrases, scale, unit and currency
words, number and fraction words, month names, code prefixes) comes from the `numbers:`
section of a language file; this module only knows how numbers are put together, so
adding a language means adding a file. Phrases from the data match as written or with a
capital first letter ("Oltre", "Trentasei"), not in capitals throughout.

Speed: `NumberParser.find` makes one regex pass over a copy of the text in which the
characters a number may follow are turned into spaces, so that the pass stops only at
spaces, which `re` skips to in C. Everything else is done at the hits with anchored
matches. Context to the left of a hit is read by matching a reversed pattern against
the reversed text, because `re` has no variable-width lookbehind.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from factlint.errors import FactlintError
from factlint.lazyregex import Compile, LazyPattern, longest_first, trie_source

QUALIFIERS = ("over", "at_least", "up_to", "under", "about", "between")
"""Canonical qualifier names, as found in `NumberMatch.qualifier`."""

_SP = r"[^\S\n]"  # a space that does not end the line: numbers do not continue across lines
_APOSTROPHES = "'’"
_SIGNS = "+-−"
_RANGE_DASHES = "-–‐"
# Characters a number or number word may directly follow, besides a space; `find`
# makes them spaces in its scanning copy. Not ".", ",", ":", "/", which glue digits into
# versions, times and dates ("2.5.1", "10:30", "22/11"); a hyphen glued to a word
# ("GPT-4") is rejected at the hit.
_OPENERS = "\n\t\r([{«\"“‘'’$€£¥+−-–\u00a0\u202f\u2009"
_YEARS = (1900, 2100)
_MAX_CHARS = 40  # a longer numeral is an identifier, and could overflow a float
_PHONE_DIGITS = 8  # a bare run of this many digits is a phone number or an identifier
_PERCENT_CONTEXT = 250  # how far back a percentage makes a bare "points" mean "pp"
_MAX_GLUED = 12  # pieces in one glued number word: "settecentosettantasettemila" has 6
_SMALL_MULTIPLIER = 1000  # "hundred" multiplies its group; "thousand" and up close it

_PHONE = re.compile(
    r"\+[0-9]{1,4}(?:[ \u00a0./-]?\(?[0-9]{2,}\)?)+(?![0-9])"
    r"|\(?[0-9]{2,5}\)?(?:[ \u00a0./-][0-9]{2,8}){2,}(?![0-9])"
)
_LETTERS = re.compile(r"[^\W\d_]+")


# Made for every number, name and claim of every article, and never changed after: not
# `frozen`, whose __init__ costs five times as much (one object.__setattr__ per field).
@dataclass(slots=True, unsafe_hash=True)
class Interval:
    """A set of real numbers between two ends, each end open or closed."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one point."""
        if self.low > other.low:
            low, low_open = self.low, self.low_open
        elif self.low < other.low:
            low, low_open = other.low, other.low_open
        else:
            low, low_open = self.low, self.low_open or other.low_open
        if self.high < other.high:
            high, high_open = self.high, self.high_open
        elif self.high > other.high:
            high, high_open = other.high, other.high_open
        else:
            high, high_open = self.high, self.high_open or other.high_open
        if low < high:
            return True
        # touching at one point: it is shared only if both ends include it
        return low == high and not (low_open or high_open or math.isinf(low))

    def __str__(self) -> str:
        """Human form: "[35.5, 36.5]", "(100000, inf)"; an infinite end is always open."""
        left = "(" if self.low_open or math.isinf(self.low) else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        return f"{left}{_format(self.low)}, {_format(self.high)}{right}"


@dataclass(slots=True, unsafe_hash=True)
class NumberMatch:
    """One quantity found in a text, with its spans and the interval it asserts.

    `start`/`end` span the whole expression: qualifier, currency, numeral(s), scale
    word, unit ("circa il 90%", "tra 80 e 100 mila", "$1.5 billion");
    `value_start`/`value_end` the numeral(s) alone, with their sign ("100.000",
    "80 e 100", "-3"). `value` is the written value with its scale applied, the low
    end for a range. `qualifier` is one of `QUALIFIERS` or None; `unit` is "%", "pp",
    "bp", a currency code such as "USD", or None.
    """

    start: int
    end: int
    value_start: int
    value_end: int
    value: float
    interval: Interval
    qualifier: str | None
    unit: str | None
    signed: bool  # written with an explicit + or - sign


@dataclass(frozen=True, slots=True)
class _Piece:
    """One number-word piece found in a text: its kind, value and offsets."""

    multiplier: bool
    value: int
    start: int
    end: int
    text: str
    after_joiner: bool  # a joiner word ("and") stands between it and the piece before


class NumberParser:
    """Finds quantities in text of one language, following that language's data."""

    def __init__(
        self, spec: Mapping[str, Any], about_tolerance: float = 0.1, compile: Compile = re.compile
    ) -> None:
        """Read the `numbers:` section of a language file and compile its patterns (those
        built from the data by `compile`).

        Raises FactlintError when the section is malformed.
        """
        if not isinstance(spec, Mapping):
            raise FactlintError("language file: `numbers` must be a mapping")
        self._tolerance = float(about_tolerance)
        thousands = "".join(_strings(spec, "thousands"))
        decimal = _string(spec, "decimal")
        if len(decimal) != 1 or decimal in thousands:
            raise FactlintError(
                "language file: `numbers.decimal` must be one character, not a thousands one"
            )
        self._decimal = decimal
        self._ungroup = {ord(c): None for c in thousands + ".,"}  # for str.translate

        # qualifiers: phrase -> (canonical name, whether it includes an article)
        contractions = _mapping(spec, "contractions")
        self._qualifiers: dict[str, tuple[str, bool]] = {}
        for name, phrases in _mapping(spec, "qualifiers").items():
            if name not in QUALIFIERS:
                raise FactlintError(f"language file: unknown qualifier `numbers.qualifiers.{name}`")
            for phrase in _as_strings(phrases, f"qualifiers.{name}"):
                self._qualifiers[_norm(phrase)] = (name, False)
                head, _, last = _norm(phrase).rpartition(" ")
                for form in _as_strings(contractions.get(last), f"contractions.{last}"):
                    self._qualifiers[_norm(f"{head} {form}")] = (name, True)
        self._postfix: dict[str, str] = {}
        for name, phrases in _mapping(spec, "postfix").items():
            if name not in QUALIFIERS:
                raise FactlintError(f"language file: unknown qualifier `numbers.postfix.{name}`")
            for phrase in _as_strings(phrases, f"postfix.{name}"):
                self._postfix[_norm(phrase)] = name

        self._scales = {_norm(k): _int(v, "scales") for k, v in _mapping(spec, "scales").items()}
        self._attached = {
            str(k): _int(v, "attached_scales") for k, v in _mapping(spec, "attached_scales").items()
        }
        self._units = _codes(_mapping(spec, "units"), "units")
        self._context_units = _codes(_mapping(spec, "context_units"), "context_units")
        currencies = _mapping(spec, "currencies")
        for code, sides in currencies.items():
            if not isinstance(sides, Mapping):
                raise FactlintError(f"language file: `numbers.currencies.{code}` must be a mapping")
        before = {
            code: _as_strings(sides.get("before"), f"currencies.{code}.before")
            for code, sides in currencies.items()
        }
        after = {
            code: _as_strings(sides.get("after"), f"currencies.{code}.after")
            for code, sides in currencies.items()
        }
        self.currency_codes = frozenset(currencies)
        self._currency_before = _codes(before, "currencies")
        currency_after = _codes(after, "currencies")
        # one lookup for every word that can follow a number as its unit
        self._unit_words = {**currency_after, **self._context_units, **self._units}
        self._context_only = set(self._context_units) - set(self._units)
        months = list(month_numbers(spec))
        self._init_words(_mapping(spec, "words"))
        # fraction phrase -> the share it stands for, in percent; "two thirds" is also
        # written "two-thirds"
        written_shares = {
            form: _share(value, f"fractions.values.{phrase}")
            for phrase, value in _mapping(_mapping(spec, "fractions"), "values").items()
            for form in (str(phrase), "-".join(str(phrase).split()))
        }
        fraction_forms = list(written_shares)
        self._fractions = {_norm(form): share for form, share in written_shares.items()}

        # --- the scanning pass ----------------------------------------------------------
        # A literal space first lets `re` skip through the text in C (see `_OPENERS`);
        # the lookahead then turns most words away with one character test.
        initials = "".join(
            sorted({re.escape(w[:1]) for w in _capitalised([*self._pieces, *fraction_forms])})
        )
        self._scan = compile(
            rf" (?=[0-9{initials}])(?:(?P<fr>{_alternation(_capitalised(fraction_forms))})(?!\w)"
            rf"|(?P<w>{self._word_expression()})|[0-9])"
        )

        # --- anchored patterns used at hits ---------------------------------------------
        def words(*phrases: Iterable[str], reverse: bool = False) -> str:
            return _alternation(
                (v for group in phrases for v in _capitalised(group)), reverse=reverse
            )

        links = _strings(spec, "currency_links")
        unit_words = [
            *_phrases(spec, "units", "context_units"),
            *(p for v in after.values() for p in v),
        ]
        postfixes = _phrases(spec, "postfix")
        connectors = _strings(spec, "range_connectors")
        # Two figures, each with its own unit, that a connector makes one range: after a
        # `between` qualifier ("tra il 10% e il 12%"), or with a word that needs none
        # ("10% to 12%"), unless one says where a change starts ("from 10% to 12%").
        betweens = [p for p, (name, _) in self._qualifiers.items() if name == "between"]
        articles_source = _alternation(_capitalised(_strings(spec, "articles")))
        self._range_gaps = tuple(
            compile(
                rf"{_SP}+(?:{_alternation(_capitalised(joining))}){_SP}+"
                rf"(?:(?:{articles_source})(?:{_SP}+|(?<=['’])))?$"
            )
            if joining
            else None
            for joining in (connectors, _strings(spec, "open_range_connectors"))
        )
        self._range_opened = tuple(
            compile(
                rf"(?<!\w)(?:{_alternation(_capitalised(opening))}){_SP}+"
                rf"(?:(?:{articles_source})(?:{_SP}+|(?<=['’])))?$"
            )
            if opening
            else None
            for opening in (betweens, _strings(spec, "range_not_after"))
        )
        ordinals = _strings(spec, "ordinals")
        articles = _strings(spec, "articles")
        scale = rf"(?:{_alternation(self._attached)}|{_SP}*{words(self._scales)})(?!\w)"
        unit = (
            rf"{_SP}*(?:(?P<link>{words(links)})(?:{_SP}+|(?<=['’])))?"
            rf"(?P<unit>{words(unit_words)})(?!\w)"
        )
        postfix = rf"{_SP}*(?P<post>{words(postfixes)})(?!\w)"
        currency = words(*before.values())
        dash = rf"{_SP}*[{_RANGE_DASHES}]{_SP}*"
        connector = (
            rf"{_SP}+(?P<conn>{words(connectors)}){_SP}+"
            rf"(?:{words(articles)}(?:{_SP}+|(?<=['’])))?"
        )
        top = (
            rf"(?:{currency}{_SP}*)?(?:(?P<n2>[0-9]{_numeral('2', thousands, decimal)})"
            rf"|(?P<w2>{self._word_expression()}))"
        )
        # right after a number: it is part of a date, a time, a version or an ordinal
        not_after = (
            rf"[.,/:][0-9]|{words(ordinals)}|{_SP}+{_alternation(_capitalised(months))}(?!\w)"
        )
        self._not_after = compile(not_after)
        # Most numbers are followed by none of this: a lookahead on the characters the
        # parts can start with fails fast, and the empty alternative then matches.
        starts = _prefixes(
            self._attached,
            self._scales,
            links,
            unit_words,
            postfixes,
            connectors,
            ordinals,
            months,
            _RANGE_DASHES,
            ".,/:",
        )
        # Three variants with the same groups: after "between" a range may use a
        # connector word, elsewhere only a dash, and the last one reads no range at all.
        # Digits are read together with what follows them, in one match.
        tail = (
            rf"(?:(?={_SP}*{starts})(?:(?P<bad>{{b}})"
            r"|(?P<s1>{s})?(?:{r}{t}(?P<s2>{s})?)?(?:{u})?(?:{p})?)|)"
        )
        tails = [
            tail.format(b=not_after, s=scale, r=ranges, t=top, u=unit, p=postfix)
            for ranges in (
                f"(?:{dash}|{connector})",
                f"(?:{dash}|(?!){connector})",
                f"(?!)(?:{dash}|{connector})",
            )
        ]
        # Compiled on first use: each is some 5,000 characters, and most runs need only
        # the variant for numbers not after "between" (a pre-commit run reads one article).
        self._word_tails = tuple(LazyPattern(t, compile) for t in tails)
        numeral = rf"(?P<num>[0-9]{_numeral('', thousands, decimal)})"
        self._digit_tails = tuple(LazyPattern(numeral + t, compile) for t in tails)

        qualifiers = [
            *_phrases(spec, "qualifiers"),
            *(
                f"{_norm(p).rpartition(' ')[0]} {form}"
                for p in _phrases(spec, "qualifiers")
                for form in contractions.get(_norm(p).rpartition(" ")[2]) or ()
            ),
        ]
        codes = _strings(spec, "code_prefixes")
        currency_marks = [p for v in before.values() for p in v]
        ends = _prefixes(
            *(
                [p[::-1] for p in _capitalised(group)]
                for group in (qualifiers, articles, codes, months, currency_marks)
            ),
            _APOSTROPHES,
            capitalise=False,
        )
        gap = rf"(?:{_SP}+|(?=['’]))"
        self._left = compile(
            rf"(?={_SP}*{ends})(?:"
            r"(?P<apos>['’])(?![^\W\d_])"
            rf"|{_SP}*(?P<code>{words(codes, reverse=True)})(?!\w)"
            rf"|{_SP}+(?P<month>{_alternation(_capitalised(months), reverse=True)})(?!\w)"
            rf"|(?:{_SP}*(?P<cur>{words(currency_marks, reverse=True)})(?!\w))?"
            rf"(?:{gap}(?:(?P<art>{words(articles, reverse=True)}){gap})?"
            rf"(?P<qual>{words(qualifiers, reverse=True)})(?!\w))?"
            r")|"
        )

        # --- fractions in words ("due terzi delle terre rare", "half of all GPUs") --------
        fractions = _mapping(spec, "fractions")
        links = _strings(fractions, "links")
        self._fraction_link = compile(
            rf"{_SP}+{words(links)}(?:(?!\w)|(?<=['’]))" if links else "(?!)"
        )
        self._fraction_time = compile(
            rf"{_SP}*(?:{words(articles)}(?:{_SP}+|(?<=['’])))?"
            rf"(?:[0-9]|{words(_strings(fractions, 'time'))}(?!\w))"
        )
        self._fraction_not_after = compile(
            rf"{_SP}+{words(_strings(fractions, 'not_after'), reverse=True)}(?!\w)"
        )

    def compile_all(self) -> None:
        """Compile now the patterns otherwise compiled on first use (before forking workers,
        so that they share them)."""
        for lazy in (*self._word_tails, *self._digit_tails):
            _ = lazy.pattern

    # --- finding ----------------------------------------------------------------------

    def find(self, text: str) -> list[NumberMatch]:
        """All quantities in text, in order of position, none overlapping another."""
        if not text:
            return []
        scanned = " " + text  # offsets in `scanned` are one more than in `text`
        for ch in _OPENERS:
            if ch in scanned:
                scanned = scanned.replace(ch, " ")
        rtext = text[::-1]
        found: list[tuple[NumberMatch, int | None]] = []
        skip = 0
        ones = self._ones
        for m in self._scan.finditer(scanned):
            written = m.group("w")
            if written is None and (fraction := m.group("fr")) is not None:
                start = m.start()
                if start < skip:
                    continue
                share = self._fraction(text, rtext, start, fraction)
                if share is not None:
                    found.append((share, None))
                    skip = share.end
                    continue
                # "half a million" is no million, and factlint does not read it
                after = self._scan.match(scanned, m.end())
                if after is not None and after.group("w") is not None:
                    skip = after.end() - 1  # `scanned` is one longer than `text`
                    continue
                written = fraction  # no share: its number words may still count ("due")
            if written is None:
                start = m.start()  # the digit, in `text`
                if start >= skip:
                    result, skip = self._quantity(text, rtext, start, None, 0)
                    if result is not None:
                        found.append(result)
                continue
            lowered = written.lower()
            if m.start() < skip or lowered in ones:
                continue
            simple = self._simple.get(lowered)
            segments = (
                [
                    (
                        simple,
                        m.start(),
                        m.end() - 1,
                        True,
                        _precision_step(self._pieces[lowered][0], simple),
                    )
                ]
                if simple is not None
                else self._word_segments(written, m.start())
            )
            for value, start, end, single, step in segments:
                if start < skip or (single and value == 1):
                    continue
                result, skip = self._quantity(text, rtext, start, text[start:end], value, step)
                if result is not None:
                    found.append(result)
        return self._ranges_apart(text, _settle(found))

    def _ranges_apart(self, text: str, found: list[NumberMatch]) -> list[NumberMatch]:
        """`found` with each pair of figures a connector makes one range joined into it:
        "tra il 10% e il 12%", "10% to 12%", "$21.5 billion to $23 billion", each end with
        its own unit (the pattern reads ranges whose unit comes once, after the top)."""
        out: list[NumberMatch] = []
        for number in found:
            joined = self._range_of(text, out[-1], number) if out else None
            if joined is None:
                out.append(number)
            else:
                out[-1] = joined
        return out

    def _range_of(self, text: str, low: NumberMatch, high: NumberMatch) -> NumberMatch | None:
        """The range two figures make, or None."""
        if (
            low.qualifier is not None
            or high.qualifier is not None
            or low.signed
            or high.signed
            or low.unit not in (None, high.unit)
            or not 0 < low.value < high.value <= low.value * _RANGE_SPREAD
        ):
            return None
        gap = text[low.end : high.start]
        if len(gap) > _RANGE_GAP:
            return None
        before = text[max(0, low.start - _RANGE_GAP) : low.start]
        between, not_after = self._range_opened
        opened = between is not None and between.search(before)
        connector = self._range_gaps[0 if opened else 1]
        if connector is None or not connector.match(gap):
            return None
        if not opened and not_after is not None and not_after.search(before):
            return None
        return NumberMatch(
            opened.start() + low.start - len(before) if opened else low.start,
            high.end,
            low.value_start,
            high.value_end,
            low.value,
            Interval(low.value, high.value),
            "between",
            high.unit,
            False,
        )

    def _quantity(
        self, text: str, rtext: str, start: int, words: str | None, value: int, step: int = 1
    ) -> tuple[tuple[NumberMatch, int | None] | None, int]:
        """Read the quantity whose numeral starts at `start`.

        `words` is the numeral when it is written in words (`value` is then its value, and
        `step` the multiplier it ends with, "mila" or "million", which it is precise to);
        otherwise it is written in digits, which may turn out to be a code, a date or a
        phone number. Returns the match (with, when its unit is a context unit, the end
        it has without that unit) and the offset up to which later hits are part of it.
        """
        n = len(text)
        signed = False
        value_start = start
        if words is None and start and text[start - 1] in _SIGNS:
            if text[start - 1] == "-" and text[start - 2 : start - 1].isalnum():
                return None, start + 1  # "GPT-4", "COVID-19"
            if not text[start - 2 : start - 1].isalnum():
                signed = True
                value_start = start - 1

        left = self._left_of(rtext, value_start, signed)
        if left is None:
            return None, start + 1
        qualifier, with_article, currency, expression_start, currency_start = left

        # right: the digits themselves, then scale, range, unit, postfix qualifier
        variant = 0 if qualifier == "between" else 1
        if words is None:
            tail = self._digit_tails[variant].pattern.match(text, start)
            if tail is None:  # cannot happen: the scan saw a digit here
                return None, start + 1
            core = tail.group("num")
            end = start + len(core)
            if core.isdigit():
                if len(core) >= _PHONE_DIGITS or (core[0] == "0" and len(core) > 1):
                    # "3331234567", "007", "02 1234 5678": skip the whole phone number
                    phone = _PHONE.match(text, value_start)
                    return None, max(end, phone.end() if phone else end)
                mantissa, decimals = int(core), 0
            elif len(core) > _MAX_CHARS:
                return None, end
            else:
                mantissa, decimals = self._read_numeral(
                    core, tail.start("g") >= 0, tail.start("f") >= 0
                )
            if end + 1 < n and text[end] in " \u00a0/-" and text[end + 1].isdigit():
                # "02 1234 5678", "+39 333 1234567"
                phone = _PHONE.match(text, value_start)
                if phone and phone.end() > end:
                    return None, phone.end()
        else:
            end = start + len(words)
            tail = self._word_tails[variant].pattern.match(text, end)
            if tail is None:  # cannot happen: every part is optional
                return None, end
            mantissa, decimals = value, 0
        if signed and text[value_start] != "+":
            mantissa = -mantissa
        expression_end = tail.end()
        unit: str | None = None
        trimmed_end: int | None = None
        scale1: int | None = None
        span: tuple[float, float, int] | None = None
        if expression_end != end:
            bad, s1, n2, w2, conn, post = tail.group("bad", "s1", "n2", "w2", "conn", "post")
            if bad is not None:
                return None, end  # "22 novembre", "3°", "10:30", "2.5.1"
            scale1 = self._scale_of(s1)
            if n2 is not None or w2 is not None:
                span = self._range(text, tail, mantissa, decimals, scale1)
                if span is None:
                    if conn is None:
                        return None, expression_end  # "2025-11-22", "3-0"
                    # "tra 10 e 5" is no range: read the number alone
                    tails = self._word_tails if words else self._digit_tails
                    tail = tails[2].pattern.match(text, start if words is None else end)
                    if tail is None:  # cannot happen: every part is optional
                        return None, end
                    expression_end = tail.end()
                    post = tail.group("post")
            if (
                words is None
                and end < n
                and (text[end].isalnum() or text[end] == "_")
                and tail.start("s1") != end
                and tail.start("unit") != end
            ):
                return None, end  # glued to letters: "2TB", "5G", "4o"
            unit, trimmed_end = self._unit_of(tail)
            if post is not None and qualifier is None and span is None:
                qualifier = _lookup(self._postfix, post, None)
        elif words is None and end < n and (text[end].isalnum() or text[end] == "_"):
            return None, end
        if qualifier == "between" and span is None:
            # "tra 5 anni" means "in 5 years"
            qualifier, with_article, expression_start = None, False, value_start
            if currency is not None:
                expression_start = currency_start
        if currency is not None:
            unit, trimmed_end = currency, None

        if words is not None:
            if (
                qualifier is None
                and scale1 is None
                and unit is None
                and (words in self._ambiguous_exact or words.lower() in self._ambiguous_any_case)
            ):
                return None, end  # "sei" alone is more often "you are"
        elif (
            decimals == 0
            and _YEARS[0] <= mantissa <= _YEARS[1]
            and end - start == 4
            and not signed
            and scale1 is None
            and unit is None
            and (qualifier is None or qualifier == "between" or with_article)
        ):
            # a year, unless a unit, a scale or a bare qualifier says otherwise
            return None, span[2] if span else end

        if span is not None:
            low, high, value_end = span
            number = low
            if qualifier == "about":
                t = self._tolerance
                interval = Interval(_tidy(low * (1 - t)), _tidy(high * (1 + t)))
            else:
                qualifier = "between"
                interval = Interval(low, high)
        else:
            value_end = end
            scale = scale1 or 1
            if step > 1 and mantissa % step == 0:
                # "trecentomila" is as precise as "300 mila", "un milione" as "1 milione"
                mantissa, scale = mantissa // step, scale * step
            number = mantissa * scale / 10**decimals
            if qualifier is None:
                interval = Interval(*_as_written(mantissa, decimals, scale))
            else:
                interval = self._interval(mantissa, decimals, scale, qualifier)
        match = NumberMatch(
            expression_start,
            expression_end,
            value_start,
            value_end,
            number,
            interval,
            qualifier,
            unit,
            signed,
        )
        return (match, trimmed_end), expression_end

    def _left_of(
        self, rtext: str, value_start: int, signed: bool
    ) -> tuple[str | None, bool, str | None, int, int] | None:
        """What stands before a number that starts at `value_start`: (qualifier, whether
        an article came with it, currency code, start of the expression, start of the
        currency mark), or None when it makes the number no quantity."""
        n = len(rtext)
        p = n - value_start
        left = self._left.match(rtext, p)
        if left is None or left.end() == p:  # the pattern also matches the empty string
            return None if left is None else (None, False, None, value_start, value_start)
        apos, code, month, cur, art, qual = left.group(
            "apos", "code", "month", "cur", "art", "qual"
        )
        if code is not None or month is not None or (apos is not None and not signed):
            return None  # "art. 36", "November 22", "anni '90"
        qualifier: str | None = None
        with_article = False
        currency = None
        expression_start = currency_start = value_start
        if qual is not None:
            qualifier, with_article = _lookup(self._qualifiers, qual[::-1], (None, False))
            with_article = with_article or art is not None
            if qualifier is not None:
                expression_start = n - left.end("qual")
        if cur is not None:
            currency = _lookup(self._currency_before, cur[::-1], None)
            currency_start = n - left.end("cur")
            if qualifier is None:
                expression_start = currency_start
        return qualifier, with_article, currency, expression_start, currency_start

    def _fraction(self, text: str, rtext: str, start: int, written: str) -> NumberMatch | None:
        """The share a fraction in words asserts ("quasi due terzi delle terre rare" is
        about 67%), or None where the words are no share: not followed by a link such as
        "di" or "of", a period of time ("a metà del 2025", "the first half of the year")
        or a number qualified by what stands before it ("art. un terzo")."""
        end = start + len(written)
        link = self._fraction_link.match(text, end)
        if link is None or self._fraction_time.match(text, link.end()):
            return None
        if self._fraction_not_after.match(rtext, len(rtext) - start):
            return None
        left = self._left_of(rtext, start, False)
        if left is None:
            return None
        qualifier, _, currency, expression_start, _ = left
        if currency is not None:
            return None
        share = _lookup(self._fractions, written, 0.0)
        if qualifier == "over":
            interval = Interval(share, math.inf, True, True)
        elif qualifier == "at_least":
            interval = Interval(share, math.inf, False, True)
        elif qualifier == "under":
            interval = Interval(-math.inf, share, True, True)
        elif qualifier == "up_to":
            interval = Interval(-math.inf, share, True, False)
        else:
            # A fraction in words is a round figure: "due terzi" is read as "about 67%".
            if qualifier != "about":
                qualifier, expression_start = "about", start
            t = self._tolerance
            interval = Interval(_tidy(share * (1 - t)), _tidy(share * (1 + t)))
        return NumberMatch(
            expression_start,
            end,
            start,
            end,
            share,
            interval,
            qualifier,
            "%",
            False,
        )

    def _read_numeral(self, written: str, grouped: bool, foreign: bool) -> tuple[int, int]:
        """(mantissa, decimals) of digits matched by `_numeral`: "3,5" is (35, 1)."""
        if grouped:
            whole, _, fraction = written.partition(self._decimal)
            return int(whole.translate(self._ungroup) + fraction), len(fraction)
        if foreign:
            return int(written.translate(self._ungroup)), 0
        point = max(written.find("."), written.find(","))  # a plain numeral has at most one
        if point < 0:
            return int(written), 0
        return int(written[:point] + written[point + 1 :]), len(written) - point - 1

    def _scale_of(self, written: str | None) -> int | None:
        if written is None:
            return None
        word = written.lstrip()
        return self._attached.get(word) or _lookup(self._scales, word, None)

    def _unit_of(self, tail: re.Match[str]) -> tuple[str | None, int | None]:
        """The unit after a number and, for a context unit, the end without it."""
        written = tail.group("unit")
        if written is None:
            return None, None
        key = written.lower()
        if key not in self._unit_words:
            key = _norm(written)
        if key not in self._context_only:
            return self._unit_words.get(key), None
        end = tail.start("link") if tail.start("link") >= 0 else tail.start("unit")
        # the spaces before the word belong to neither
        while end > 0 and tail.string[end - 1].isspace():
            end -= 1
        return self._unit_words.get(key), end

    def _range(
        self, text: str, tail: re.Match[str], mantissa: int, decimals: int, scale1: int | None
    ) -> tuple[float, float, int] | None:
        """A range's (low, high, end of the top numeral), or None if it is no range."""
        top = self._range_top(text, tail)
        if top is None:
            return None
        (top_mantissa, top_decimals, top_scale), top_end = top
        scale = scale1 or 1
        # "tra 80 e 100 mila": a scale after the top end applies to both ends, unless
        # that would put the bottom above the top ("tra 500 e 1 milione")
        if (
            scale1 is None
            and tail.start("s2") >= 0
            and mantissa * 10**top_decimals < top_mantissa * 10**decimals
        ):
            scale = top_scale
        low = mantissa * scale / 10**decimals
        high = top_mantissa * top_scale / 10**top_decimals
        if not low < high:
            return None
        return low, high, top_end

    def _range_top(self, text: str, tail: re.Match[str]) -> tuple[tuple[int, int, int], int] | None:
        """The top end of a range: ((mantissa, decimals, scale), end of its numeral)."""
        scale = self._scale_of(tail.group("s2")) or 1
        written = tail.group("n2")
        if written is not None:
            top_end = tail.end("n2")
            if len(written) > _MAX_CHARS or self._not_after.match(text, top_end):
                return None
            after = text[top_end : top_end + 2]
            if after[:1] in _RANGE_DASHES and after[1:].isdigit():
                return None  # "2025-11-22"
            if _glued(text, top_end) and top_end not in (tail.start("s2"), tail.start("unit")):
                return None
            mantissa, decimals = self._read_numeral(
                written, tail.start("g2") >= 0, tail.start("f2") >= 0
            )
            return (mantissa, decimals, scale), top_end
        segments = self._word_segments(tail.group("w2"), tail.start("w2"))
        if not segments:
            return None
        value, _, top_end, single, _ = segments[0]
        if single and value == 1:
            return None
        if tail.start("s2") >= 0 and top_end != tail.end("w2"):
            scale = 1  # the scale word followed a later number word, not this one
        return (value, 0, scale), top_end

    def _interval(
        self, mantissa: int, decimals: int, scale: int, qualifier: str | None
    ) -> Interval:
        """The interval a number asserts given its written precision and qualifier.

        Ends are computed from integers so that "3,5" gives exactly [3.45, 3.55].
        """
        low, high = _as_written(mantissa, decimals, scale)
        if qualifier == "over":
            return Interval(mantissa * scale / 10**decimals, math.inf, True, True)
        if qualifier == "under":
            return Interval(-math.inf, mantissa * scale / 10**decimals, True, True)
        if qualifier == "at_least":
            return Interval(low, math.inf, False, True)
        if qualifier == "up_to":
            return Interval(-math.inf, high, True, False)
        if qualifier == "about":
            value = mantissa * scale / 10**decimals
            a = _tidy(value * (1 - self._tolerance))
            b = _tidy(value * (1 + self._tolerance))
            return Interval(min(a, b), max(a, b))
        return Interval(low, high)

    # --- number words -------------------------------------------------------------------

    def _init_words(self, words: Mapping[str, Any]) -> None:
        self._concatenate = bool(words.get("concatenate", False))
        self._pieces: dict[str, tuple[bool, int]] = {}
        for key, multiplier in (("values", False), ("multipliers", True)):
            for piece, value in _mapping(words, key).items():
                self._pieces[_norm(str(piece))] = (multiplier, _int(value, f"words.{key}"))
        self._full: dict[str, str] = {}  # elided form -> the piece it shortens
        for short, full in _mapping(words, "elided").items():
            if _norm(str(full)) not in self._pieces:
                raise FactlintError(f"language file: elided `{short}` names no known piece")
            self._pieces[_norm(str(short))] = self._pieces[_norm(str(full))]
            self._full[_norm(str(short))] = _norm(str(full))
        self._standalone = {_norm(w) for w in _strings(words, "standalone")}
        self._joiners = {_norm(w) for w in _strings(words, "joiners")}
        ambiguous = _strings(words, "ambiguous")
        self._ambiguous_any_case = {w for w in ambiguous if w == w.lower()}
        self._ambiguous_exact = set(ambiguous) - self._ambiguous_any_case
        # "un", "a", "one" alone are articles or pronouns far more often than numbers
        self._ones = {w for w, (mult, v) in self._pieces.items() if v == 1 and not mult}
        # words that are one piece need no segmenting ("dieci", "cento")
        self._simple = {
            w: v
            for w, (mult, v) in self._pieces.items()
            if w not in self._full and (not mult or w in self._standalone)
        }
        # pieces by first letter, longest first, for segmenting glued words
        self._by_initial: dict[str, list[str]] = {}
        for piece in longest_first(self._pieces):
            self._by_initial.setdefault(piece[:1], []).append(piece)

    def _word_expression(self) -> str:
        """Regex for a run of number words ("trentasei", "one hundred and twenty")."""
        if not self._pieces:
            return "(?!)"
        piece = _alternation(_capitalised(self._pieces))
        # The first piece outside the repetition spares the engine a repeat set-up at
        # every word that does not start with a piece; the bound keeps backtracking over
        # pieces that split two ways ("un|otto", "uno|tto") from growing without limit.
        token = (
            f"{piece}(?:{piece}){{0,{_MAX_GLUED - 1}}}" if self._concatenate else piece
        ) + r"(?!\w)"
        joiners = _alternation(_capitalised(self._joiners))
        join = rf"(?:{_SP}*-{_SP}*|{_SP}+(?:{joiners}{_SP}+)?)"
        return f"{token}(?:{join}{token})*"

    def _segment(self, word: str) -> list[str] | None:
        """Split one written word into pieces, preferring the longest piece at each step.

        Worked backwards from the end of the word so that a long glued word costs a pass
        per piece, not a search over every way of splitting it.
        """
        n = len(word)
        choice: list[str] = [""] * (n + 1)  # the piece that starts a split of word[i:]
        splits = [False] * n + [True]  # whether word[i:] splits into pieces at all
        for i in range(n - 1, -1, -1):
            for piece in self._by_initial.get(word[i], ()):
                j = i + len(piece)
                if (
                    word.startswith(piece, i)
                    and splits[j]
                    and (self._concatenate or (i == 0 and j == n))
                    and (j < n or piece not in self._full)  # "trent" needs a piece after it
                ):
                    choice[i], splits[i] = piece, True
                    break
        if not splits[0]:
            return None
        parts: list[str] = []
        i = 0
        while i < n:
            parts.append(choice[i])
            i += len(choice[i])
        return parts

    def _word_pieces(self, text: str, offset: int) -> list[_Piece]:
        pieces: list[_Piece] = []
        after_joiner = False
        for m in _LETTERS.finditer(text):
            word = m.group().lower()
            if word in self._joiners:
                after_joiner = True
                continue
            parts = self._segment(word)
            if parts is None:
                break
            start = offset + m.start()
            for part in parts:
                multiplier, value = self._pieces[part]
                end = start + len(part)
                pieces.append(_Piece(multiplier, value, start, end, part, after_joiner))
                after_joiner = False
                start = end
        return pieces

    def _valid_run(self, pieces: list[_Piece], i: int) -> int:
        """How far from piece i the pieces still read as one number."""
        current = 0
        last_big = 0
        previous: _Piece | None = None
        j = i
        while j < len(pieces):
            p = pieces[j]
            if p.after_joiner and previous is not None and not previous.multiplier:
                break  # "and" follows "hundred", never "ten": "ten and twenty" is two
            if not p.multiplier:
                if (
                    previous is not None
                    and not previous.multiplier
                    and not (p.value < previous.value and previous.value % _pow10(p.value) == 0)
                ):
                    break  # "thirty six" is one number, "five six" two
                current += p.value
            elif previous is None and self._full.get(p.text, p.text) not in self._standalone:
                break  # "milioni" alone is "millions", no number
            elif p.value < _SMALL_MULTIPLIER:
                if current >= p.value or (
                    previous is not None
                    and previous.multiplier
                    and previous.value < _SMALL_MULTIPLIER
                ):
                    break
                current = (current or 1) * p.value
            else:
                if last_big and p.value >= last_big:
                    break
                last_big = p.value
                current = 0
            previous = p
            j += 1
        return j

    def _word_segments(self, text: str, offset: int) -> list[tuple[int, int, int, bool, int]]:
        """The numbers in a run of number words: (value, start, end, single piece, the
        multiplier of a thousand or more it ends with, else 1)."""
        pieces = self._word_pieces(text, offset)
        out: list[tuple[int, int, int, bool, int]] = []
        i = 0
        while i < len(pieces):
            stop = self._valid_run(pieces, i)
            if stop == i:
                i += 1
                continue
            if stop < len(pieces):
                # "two hundred and three hundred": give back what follows the last "and"
                for k in range(stop - 1, i, -1):
                    if pieces[k].after_joiner:
                        stop = k
                        break
            run = pieces[i:stop]
            step = _precision_step(run[-1].multiplier, run[-1].value)
            out.append((_word_value(run), run[0].start, run[-1].end, len(run) == 1, step))
            i = stop
        return out


# A range's top is at most this many times its bottom, and its ends at most this many
# characters apart ("10% to 12%", not "rose 2% to 40%").
_RANGE_SPREAD = 2
_RANGE_GAP = 12


def _settle(found: list[tuple[NumberMatch, int | None]]) -> list[NumberMatch]:
    """Drop overlaps and settle the units that depend on a preceding percentage."""
    found.sort(key=lambda r: r[0].start)
    out: list[NumberMatch] = []
    last_end = -1
    for match, trimmed_end in found:
        if match.start < last_end:
            continue
        if trimmed_end is not None:
            previous = out[-1] if out else None
            if (
                previous is None
                or previous.unit not in ("%", "pp")
                or match.start - previous.end > _PERCENT_CONTEXT
            ):
                match = replace(match, unit=None, end=trimmed_end)
        out.append(match)
        last_end = match.end
    return out


def _glued(text: str, end: int) -> bool:
    """Whether a letter or digit follows right at `end`."""
    return end < len(text) and (text[end].isalnum() or text[end] == "_")


def _word_value(pieces: list[_Piece]) -> int:
    total = 0
    current = 0
    for p in pieces:
        if not p.multiplier:
            current += p.value
        elif p.value < _SMALL_MULTIPLIER:
            current = (current or 1) * p.value
        else:
            total += (current or 1) * p.value
            current = 0
    return total + current


def _pow10(value: int) -> int:
    return 10 ** len(str(value))


def _numeral(suffix: str, thousands: str, decimal: str) -> str:
    """Digits after the first one, in three shapes with named groups.

    `g`: grouped with the locale's thousands separator, optionally with the locale's
    decimal mark ("1.234,5" in Italian); `f`: two or more groups with the other mark,
    which cannot be decimals ("1,000,000" in Italian text); otherwise a plain number
    whose single "." or "," is a decimal point whatever the locale.
    """
    ts = "[" + re.escape(thousands) + "]"
    dec = re.escape(decimal)
    return (
        rf"(?:(?P<g{suffix}>[0-9]{{0,2}}(?:{ts}[0-9]{{3}})+(?:{dec}[0-9]+)?)(?![0-9])"
        rf"|(?P<f{suffix}>[0-9]{{0,2}}(?P<fs{suffix}>[.,])[0-9]{{3}}"
        rf"(?:(?P=fs{suffix})[0-9]{{3}})+)(?![0-9])"
        r"|[0-9]*(?:[.,][0-9]+)?)"
    )


def _format(x: float) -> str:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _precision_step(multiplier: bool, value: int) -> int:
    """The multiplier a number in words that ends with the piece (`multiplier`, `value`)
    is precise to: a thousand or more ("mila", "million"); a smaller one ("cento"), or a
    plain number word, leaves it exact."""
    return value if multiplier and value >= _SMALL_MULTIPLIER else 1


def _as_written(mantissa: int, decimals: int, scale: int) -> tuple[float, float]:
    """The values a number rounds to as written: half its last digit either side
    ("3,5" is 3.45 to 3.55), computed from integers so that the ends are exact. A lone
    "1" ("1 trillion", "0,1") is read to a quarter either side, not a half: no writer
    means 1.5 trillion by "1 trillion"."""
    if abs(mantissa) == 1:
        denominator = 4 * 10**decimals
        return (4 * mantissa - 1) * scale / denominator, (4 * mantissa + 1) * scale / denominator
    denominator = 2 * 10**decimals
    return (2 * mantissa - 1) * scale / denominator, (2 * mantissa + 1) * scale / denominator


def _tidy(x: float) -> float:
    # products such as 90 * 1.1 carry binary noise (99.00000000000001) into messages
    return float(f"{x:.12g}")


def _norm(phrase: str) -> str:
    """The key a phrase is looked up by: lowercase, one kind of apostrophe, single spaces."""
    return " ".join(phrase.replace("’", "'").lower().split())


_MISSING = object()


def _lookup(table: Mapping[str, Any], written: str, default: Any) -> Any:
    """`table[_norm(written)]`, trying the cheap lowercase key first."""
    found = table.get(written.lower(), _MISSING)
    return found if found is not _MISSING else table.get(_norm(written), default)


def _atom(ch: str) -> str:
    if ch == " ":
        return _SP + "+"
    if ch in _APOSTROPHES:
        return "['’]"
    return re.escape(ch)


def _alternation(phrases: Iterable[str], *, reverse: bool = False) -> str:
    """A regex matching any of the phrases, longest first, as a trie (`trie_source`);
    `reverse` spells every phrase backwards, for matching against reversed text. Matches
    nothing when there are no phrases."""
    spaced = (" ".join(phrase.split()) for phrase in phrases)
    return trie_source(spaced, _atom, reverse=reverse) or "(?!)"


def _prefixes(*groups: Iterable[str], capitalise: bool = True) -> str:
    """A regex for the first two characters of any phrase, as written or capitalised.

    Used in lookaheads that let a long optional pattern fail at once where none of
    its phrases can start, which is at most places.
    """
    heads = {" ".join(phrase.split())[:2] for group in groups for phrase in group}
    heads.discard("")
    return _alternation(_capitalised(heads) if capitalise else heads)


def _capitalised(words: Iterable[str]) -> list[str]:
    """The words as written plus, for lowercase ones, their sentence-initial form."""
    out: list[str] = []
    for word in words:
        out.append(word)
        if word[:1].islower():
            out.append(word[:1].upper() + word[1:])
    return out


# --- reading the language data -----------------------------------------------------------


def _as_strings(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise FactlintError(f"language file: `numbers.{key}` must be a list of strings")
    return [str(v) for v in value]


def month_numbers(spec: Mapping[str, Any]) -> dict[str, int]:
    """Each month name of a language's `numbers` data, as written, with its number: the
    data lists twelve lists of names, January's first."""
    months = spec.get("months") or []
    if not isinstance(months, list | tuple) or len(months) not in (0, 12):
        raise FactlintError("language file: `numbers.months` must list the 12 months' names")
    found: dict[str, int] = {}
    for number, names in enumerate(months, start=1):
        found.update((name, number) for name in _as_strings(names, f"months[{number}]"))
    return found


def _strings(spec: Mapping[str, Any], key: str) -> list[str]:
    return _as_strings(spec.get(key), key)


def _string(spec: Mapping[str, Any], key: str) -> str:
    value = spec.get(key)
    if not isinstance(value, str):
        raise FactlintError(f"language file: `numbers.{key}` must be a string")
    return value


def _mapping(spec: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = spec.get(key) or {}
    if not isinstance(value, Mapping):
        raise FactlintError(f"language file: `numbers.{key}` must be a mapping")
    return value


def _phrases(spec: Mapping[str, Any], *keys: str) -> list[str]:
    """Every phrase listed under the given mappings of lists."""
    return [
        phrase
        for key in keys
        for name, phrases in _mapping(spec, key).items()
        for phrase in _as_strings(phrases, f"{key}.{name}")
    ]


def _codes(groups: Mapping[str, Any], key: str) -> dict[str, str]:
    """Phrase -> code from a mapping of codes to phrase lists."""
    return {
        _norm(phrase): str(code)
        for code, phrases in groups.items()
        for phrase in _as_strings(phrases, f"{key}.{code}")
    }


def _share(value: Any, key: str) -> float:
    """A fraction written as "2/3" (or a number between 0 and 1), in percent."""
    top, slash, bottom = str(value).partition("/")
    try:
        share = float(top) / float(bottom) if slash else float(top)
    except (ValueError, ZeroDivisionError):
        share = -1.0
    if not 0 < share <= 1:
        raise FactlintError(
            f"language file: `numbers.{key}` must be a fraction such as 2/3, not {value!r}"
        )
    return _tidy(100 * share)


def _int(value: Any, key: str) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value != int(value)
    ):
        raise FactlintError(f"language file: `numbers.{key}` values must be whole numbers")
    return int(value)
