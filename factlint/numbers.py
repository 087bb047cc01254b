"""Find the quantities written in an article and the interval each one asserts.

A number is read with the precision it is written with and the words around it:
"36" asserts [35.5, 36.5], "oltre 100.000" asserts (100000, inf), "circa il 90%"
asserts 90 ± 10%, "tra 80 e 100 mila" asserts [80000, 100000]. Years, dates, times,
ordinals, codes, versions and phone numbers are not quantities and are skipped.

Everything that depends on the language (qualifier phrases, scale, unit and currency
words, number words, month names, code prefixes) comes from the `numbers:` section of
a language file; this module only knows how numbers are put together, so adding a
language means adding a file.

Speed: `NumberParser.find` makes two regex passes over the text, one that stops only
on digits and one that stops only on spaces before number words. Everything else is
done at the hits with anchored matches. Context to the left of a hit is read by
matching a reversed pattern against the reversed text, because `re` has no
variable-width lookbehind.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from factlint.errors import FactlintError

QUALIFIERS = ("over", "at_least", "up_to", "under", "about", "between")
"""Canonical qualifier names, as found in `NumberMatch.qualifier`."""

_SP = r"[^\S\n]"  # a space that does not end the line: numbers do not continue across lines
_APOSTROPHES = "'’"
_SIGNS = "+-−"
_RANGE_DASHES = "-–‐"
_YEARS = (1900, 2100)
_MAX_DIGITS = 20  # longer digit strings are identifiers, and would overflow a float
_PHONE_DIGITS = 8  # a bare run of this many digits is a phone number or an identifier
_PERCENT_CONTEXT = 250  # how far back a percentage makes a bare "points" mean "pp"
_SMALL_MULTIPLIER = 1000  # "hundred" multiplies its group; "thousand" and up close it

# A bare digit run's neighbours that make it part of something else: a version or
# decimal fragment ("Qwen2.5"), a date or a time, a URL parameter, a hashtag.
_NOT_BEFORE_DIGIT = r"[\w.,:/=@&?~#\\]"

_PHONE = re.compile(
    r"\+[0-9]{1,4}(?:[ \u00a0./-]?\(?[0-9]{2,}\)?)+(?![0-9])"
    r"|\(?[0-9]{2,5}\)?(?:[ \u00a0./-][0-9]{2,8}){2,}(?![0-9])"
)
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
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
        left = "(" if self.low_open or math.isinf(self.low) else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        return f"{left}{_format(self.low)}, {_format(self.high)}{right}"


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One quantity found in a text, with its spans and the interval it asserts."""

    start: int
    end: int
    value_start: int
    value_end: int
    value: float
    interval: Interval
    qualifier: str | None
    unit: str | None
    signed: bool


def _format(x: float) -> str:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _tidy(x: float) -> float:
    # products such as 90 * 1.1 carry binary noise (99.00000000000001) into messages
    return float(f"{x:.12g}")


def _norm(phrase: str) -> str:
    """The key a phrase is looked up by: lowercase, one kind of apostrophe, single spaces."""
    return " ".join(phrase.replace("’", "'").lower().split())


def _atom(ch: str) -> str:
    if ch == " ":
        return _SP + "+"
    if ch in _APOSTROPHES:
        return "['’]"
    return re.escape(ch)


def _alternation(phrases: Iterable[str], *, reverse: bool = False) -> str:
    """A regex matching any of the phrases, longest first.

    Built as a trie so that each position is tested against one branch per first
    character rather than one per phrase; `reverse` spells every phrase backwards, for
    matching against reversed text.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        words = " ".join(phrase.split())
        if reverse:
            words = words[::-1]
        node = trie
        for ch in words:
            node = node.setdefault(_atom(ch), {})
        if words:
            node[""] = {}
    return _emit(trie) if trie else "(?!)"


def _emit(node: dict[str, dict]) -> str:
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a greedy optional tail makes the longer phrase win, with backtracking to the shorter
    return f"(?:{body})?" if "" in node else body


def _capitalised(words: Iterable[str]) -> list[str]:
    """The words as written plus, for lowercase ones, their sentence-initial form."""
    out: list[str] = []
    for word in words:
        out.append(word)
        if word[:1].islower():
            out.append(word[:1].upper() + word[1:])
    return out


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

    def __init__(self, spec: Mapping[str, Any], about_tolerance: float = 0.1) -> None:
        """Read the `numbers:` section of a language file and compile its patterns.

        Raises FactlintError when the section is malformed.
        """
        if not isinstance(spec, Mapping):
            raise FactlintError("language file: `numbers` must be a mapping")
        self._tolerance = float(about_tolerance)
        thousands = "".join(_strings(spec, "thousands"))
        decimal = _string(spec, "decimal")
        if len(decimal) != 1 or decimal in thousands:
            raise FactlintError("language file: `numbers.decimal` must be one character")
        self._thousands = thousands
        self._decimal = decimal

        # qualifiers: phrase -> (canonical name, whether it includes an article)
        contractions = _mapping(spec, "contractions")
        self._qualifiers: dict[str, tuple[str, bool]] = {}
        for name, phrases in _mapping(spec, "qualifiers").items():
            if name not in QUALIFIERS:
                raise FactlintError(f"language file: unknown qualifier `{name}`")
            for phrase in _as_strings(phrases, f"qualifiers.{name}"):
                self._qualifiers[_norm(phrase)] = (name, False)
                head, _, last = _norm(phrase).rpartition(" ")
                for form in _as_strings(contractions.get(last, []), f"contractions.{last}"):
                    contracted = f"{head} {form}".strip() if head else form
                    self._qualifiers[_norm(contracted)] = (name, True)
        articles = _strings(spec, "articles")
        self._postfix: dict[str, str] = {}
        for name, phrases in _mapping(spec, "postfix").items():
            if name not in QUALIFIERS:
                raise FactlintError(f"language file: unknown postfix qualifier `{name}`")
            for phrase in _as_strings(phrases, f"postfix.{name}"):
                self._postfix[_norm(phrase)] = name

        self._scales = {_norm(k): _int(v, "scales") for k, v in _mapping(spec, "scales").items()}
        self._attached = {
            str(k): _int(v, "attached_scales") for k, v in _mapping(spec, "attached_scales").items()
        }
        self._units: dict[str, str] = {}
        for code, phrases in _mapping(spec, "units").items():
            for phrase in _as_strings(phrases, f"units.{code}"):
                self._units[_norm(phrase)] = str(code)
        self._context_units: dict[str, str] = {}
        for code, phrases in _mapping(spec, "context_units").items():
            for phrase in _as_strings(phrases, f"context_units.{code}"):
                self._context_units[_norm(phrase)] = str(code)
        self._currency_before: dict[str, str] = {}
        currency_after: dict[str, str] = {}
        for code, sides in _mapping(spec, "currencies").items():
            if not isinstance(sides, Mapping):
                raise FactlintError(f"language file: `numbers.currencies.{code}` must be a mapping")
            for phrase in _as_strings(sides.get("before", []), f"currencies.{code}.before"):
                self._currency_before[_norm(phrase)] = str(code)
            for phrase in _as_strings(sides.get("after", []), f"currencies.{code}.after"):
                currency_after[_norm(phrase)] = str(code)
        self._currencies = set(currency_after.values())
        # one lookup for every word that can follow a number as its unit
        self._unit_words = {**currency_after, **self._context_units, **self._units}

        months = _capitalised(_strings(spec, "months"))
        words = _mapping(spec, "words")
        self._init_words(words)

        # --- the two scanning passes ---------------------------------------------------
        numeral = _numeral("", thousands, decimal)
        # The pattern starts with a plain character class so that `re` can skip ahead to
        # the next digit in C; the lookbehinds then reject digits glued to a word, a
        # decimal point, a date or a code ("H200", "Qwen2.5", "22/11", "GPT-4").
        self._digits = re.compile(rf"[0-9](?<!{_NOT_BEFORE_DIGIT}[0-9])(?<!\w-[0-9]){numeral}")
        self._numeral_tail = re.compile(numeral)
        # Number words are looked for only after a space (a literal prefix `re` skips to
        # quickly); `find` turns other separators into spaces in a copy of the text.
        self._words = re.compile(" " + self._word_expression(lone_ones=False))

        # --- anchored patterns used at hits --------------------------------------------
        scale = (
            rf"(?:(?-i:{_alternation(self._attached)})|{_SP}*{_alternation(self._scales)})(?!\w)"
        )
        unit = (
            rf"{_SP}*(?:(?P<link>{_alternation(_strings(spec, 'currency_links'))})"
            rf"(?:{_SP}+|(?<=['’])))?(?P<unit>{_alternation(self._unit_words)})(?!\w)"
        )
        postfix = rf"{_SP}*(?P<post>{_alternation(self._postfix)})(?!\w)"
        currency_before = _alternation(self._currency_before)
        article_gap = rf"(?:{_alternation(articles)})(?:{_SP}+|(?<=['’]))"
        dash = rf"{_SP}*[{_RANGE_DASHES}]{_SP}*"
        connector = (
            rf"{_SP}+(?P<conn>{_alternation(_strings(spec, 'range_connectors'))}){_SP}+"
            rf"(?:{article_gap})?"
        )
        top = (
            rf"(?:{currency_before}{_SP}*)?(?:(?P<n2>[0-9]{_numeral('2', thousands, decimal)})"
            rf"|(?P<w2>{self._word_expression(lone_ones=True)}))"
        )
        # Three variants with the same groups: a range after "between" may use a
        # connector word, elsewhere only a dash; the last one reads no range at all.
        tail = "(?P<s1>{s})?(?:{r}{t}(?P<s2>{s})?)?(?:{u})?(?:{p})?"
        self._tail_between, self._tail, self._tail_single = (
            re.compile(tail.format(s=scale, r=ranges, t=top, u=unit, p=postfix), re.I)
            for ranges in (
                f"(?:{dash}|{connector})",
                f"(?:{dash}|(?!){connector})",
                f"(?!)(?:{dash}|{connector})",
            )
        )
        # right after a number: it is a date, a time, a version or an ordinal
        self._not_after = re.compile(
            rf"[.,/:][0-9]|(?:{_alternation(_strings(spec, 'ordinals'))})"
            rf"|{_SP}+(?:{_alternation(months)})(?!\w)"
        )
        gap = rf"(?:{_SP}+|(?=['’]))"
        self._left = re.compile(
            rf"(?P<apos>['’])(?![^\W\d_])"
            rf"|{_SP}*(?P<code>{_alternation(_strings(spec, 'code_prefixes'), reverse=True)})(?!\w)"
            rf"|{_SP}+(?-i:(?P<month>{_alternation(months, reverse=True)}))(?!\w)"
            rf"|(?:{_SP}*(?P<cur>{_alternation(self._currency_before, reverse=True)})(?!\w))?"
            rf"(?:{gap}(?:(?P<art>{_alternation(articles, reverse=True)}){gap})?"
            rf"(?P<qual>{_alternation(self._qualifiers, reverse=True)})(?!\w))?",
            re.I,
        )

    # --- number words -------------------------------------------------------------------

    def _init_words(self, words: Mapping[str, Any]) -> None:
        self._concatenate = bool(words.get("concatenate", False))
        values = {_norm(k): _int(v, "words.values") for k, v in _mapping(words, "values").items()}
        multipliers = {
            _norm(k): _int(v, "words.multipliers")
            for k, v in _mapping(words, "multipliers").items()
        }
        self._pieces: dict[str, tuple[bool, int]] = {k: (False, v) for k, v in values.items()}
        self._pieces.update((k, (True, v)) for k, v in multipliers.items())
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
        self._ones = [w for w, (mult, v) in self._pieces.items() if v == 1 and not mult]
        # pieces by first letter, longest first, for segmenting glued words
        self._by_initial: dict[str, list[str]] = {}
        for piece in sorted(self._pieces, key=len, reverse=True):
            self._by_initial.setdefault(piece[:1], []).append(piece)

    def _word_expression(self, *, lone_ones: bool) -> str:
        """Regex for a run of number words ("trentasei", "one hundred and twenty")."""
        if not self._pieces:
            return "(?!)"
        piece = _alternation(_capitalised(self._pieces))
        token = f"(?:{piece})+" if self._concatenate else piece
        token += r"(?!\w)"
        joiners = _alternation(_capitalised(self._joiners)) if self._joiners else "(?!)"
        join = rf"(?:{_SP}*-{_SP}*|{_SP}+(?:{joiners}{_SP}+)?)"
        expression = f"{token}(?:{join}{token})*"
        if lone_ones or not self._ones:
            return expression
        # "un", "a", "one" alone are articles or pronouns far more often than numbers;
        # keeping them out of the pass saves a Python call at each of them
        ones = _alternation(_capitalised(self._ones))
        return rf"(?!{ones}(?!\w)(?!{join}{token})){expression}"

    def _segment(self, word: str) -> list[str] | None:
        """Split one written word into pieces, longest piece first, backtracking."""
        if not word:
            return []
        for piece in self._by_initial.get(word[0], ()):
            if word.startswith(piece) and (self._concatenate or len(piece) == len(word)):
                rest = word[len(piece) :]
                if piece in self._full and not rest:
                    continue
                tail = self._segment(rest)
                if tail is not None:
                    return [piece, *tail]
        return None

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
                break
            elif p.value < _SMALL_MULTIPLIER:
                if (
                    previous is not None
                    and previous.multiplier
                    and previous.value < _SMALL_MULTIPLIER
                ) or (current >= p.value):
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

    def _word_segments(self, text: str, offset: int) -> list[tuple[int, int, int, bool]]:
        """The numbers in a run of number words: (value, start, end, single piece)."""
        pieces = self._word_pieces(text, offset)
        out: list[tuple[int, int, int, bool]] = []
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
            out.append(
                (_word_value(pieces[i:stop]), pieces[i].start, pieces[stop - 1].end, stop - i == 1)
            )
            i = stop
        return out

    def _is_ambiguous(self, word: str) -> bool:
        return word in self._ambiguous_exact or word.lower() in self._ambiguous_any_case

    # --- finding --------------------------------------------------------------------------

    def find(self, text: str) -> list[NumberMatch]:
        """All quantities in text, in order of position, none overlapping another."""
        if not text:
            return []
        rtext = text[::-1]
        found: list[tuple[NumberMatch, int | None]] = []
        skip = 0
        for m in self._digits.finditer(text):
            start, end = m.span()
            if start < skip:
                continue
            if m.group("g") is not None:
                mantissa, decimals = _grouped(m.group(), self._decimal)
            elif m.group("f") is not None:
                mantissa, decimals = _plain_digits(m.group()), 0
            else:
                mantissa, decimals = _decimal(m.group())
            result, skip = self._quantity(text, rtext, start, end, mantissa, decimals, None)
            if result is not None:
                found.append(result)

        digit_hits = len(found)
        words_text = " " + _spaced(text)
        skip = 0
        for m in self._words.finditer(words_text):
            for value, start, end, single in self._word_segments(m.group(), m.start() - 1):
                if start < skip or (single and value == 1):
                    continue  # "a", "one" alone
                result, skip = self._quantity(text, rtext, start, end, value, 0, text[start:end])
                if result is not None:
                    found.append(result)
        if len(found) > digit_hits:
            found.sort(key=lambda r: (r[0].start, -r[0].end))
        return self._finish(found)

    def _finish(self, found: list[tuple[NumberMatch, int | None]]) -> list[NumberMatch]:
        """Drop overlaps and settle the units that depend on a preceding percentage."""
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

    def _quantity(
        self,
        text: str,
        rtext: str,
        start: int,
        end: int,
        mantissa: int,
        decimals: int,
        words: str | None,
    ) -> tuple[tuple[NumberMatch, int | None] | None, int]:
        """Read the quantity whose numeral spans [start, end).

        `words` is the numeral's text when it is written in words, which may be
        ambiguous; digits may turn out to be a code, a date or a phone number.
        Returns the match (with, when its unit is a context unit, the end it has
        without that unit) and the offset up to which later hits are part of this one.
        """
        n = len(text)
        core = text[start:end]
        is_digits = words is None
        if is_digits and not self._plausible_digits(text, start, end, core):
            phone = _PHONE.match(text, start - 1 if start and text[start - 1] == "+" else start)
            return None, phone.end() if phone and phone.end() > end else end

        signed = False
        value_start = start
        if (
            is_digits
            and start
            and text[start - 1] in _SIGNS
            and not text[start - 2 : start - 1].isalnum()
        ):
            signed = True
            value_start = start - 1
            if text[start - 1] != "+":
                mantissa = -mantissa

        # left: qualifier, currency, or what makes this no quantity
        left = self._left.match(rtext, n - value_start)
        if left is None or left.group("code") or left.group("month"):
            return None, end
        if left.group("apos") and not signed:
            return None, end  # "anni '90"
        qualifier: str | None = None
        with_article = left.group("art") is not None
        if left.group("qual") is not None:
            qualifier, contracted = self._qualifiers.get(
                _norm(left.group("qual")[::-1]), (None, False)
            )
            with_article = with_article or contracted
        currency = None
        if left.group("cur") is not None:
            currency = self._currency_before.get(_norm(left.group("cur")[::-1]))

        # right: scale, range, unit, postfix qualifier
        tail = (self._tail_between if qualifier == "between" else self._tail).match(text, end)
        if tail is None:
            return None, end
        scale1 = self._scale_of(tail.group("s1"))
        span: tuple[float, float, int] | None = None
        if tail.group("n2") is not None or tail.group("w2") is not None:
            span = self._range(text, tail, mantissa, decimals, scale1)
            if span is None:
                if tail.group("conn") is None:
                    return None, tail.end()  # "2025-11-22", "3-0"
                tail = self._tail_single.match(text, end)  # "tra 10 e 5": no range
                if tail is None:
                    return None, end
        if qualifier == "between" and span is None:
            qualifier, with_article = None, False  # "tra 5 anni" is "in 5 years"

        if (
            is_digits
            and end < n
            and (text[end].isalnum() or text[end] == "_")
            and tail.start("s1") != end
            and tail.start("unit") != end
        ):
            return None, end  # glued to letters: "2TB", "5G", "4o"
        if (
            words is not None
            and self._is_ambiguous(words)
            and qualifier is None
            and tail.group("s1") is None
            and tail.group("unit") is None
        ):
            return None, end

        unit, trimmed_end = self._unit_of(tail)
        if currency is not None:
            unit, trimmed_end = currency, None
        if tail.group("post") is not None and qualifier is None and span is None:
            qualifier = self._postfix.get(_norm(tail.group("post")))

        # years: bare four digits, unless a unit, a scale or a plain qualifier says otherwise
        if (
            is_digits
            and len(core) == 4
            and core.isdigit()
            and _YEARS[0] <= int(core) <= _YEARS[1]
            and not signed
            and scale1 is None
            and unit is None
            and (qualifier is None or qualifier == "between" or with_article)
        ):
            return None, span[2] if span else end

        if span is not None:
            low, high, value_end = span
            if qualifier == "about":
                interval = Interval(
                    _tidy(low * (1 - self._tolerance)), _tidy(high * (1 + self._tolerance))
                )
            else:
                qualifier = "between"
                interval = Interval(low, high)
            value = low
        else:
            value_end = end
            scale = scale1 or 1
            value = mantissa * scale / 10**decimals
            interval = self._interval(mantissa, decimals, scale, qualifier)

        if qualifier is not None and left.group("qual") is not None:
            expression_start = n - left.end("qual")
        elif left.group("cur") is not None:
            expression_start = n - left.end("cur")
        else:
            expression_start = value_start
        match = NumberMatch(
            start=expression_start,
            end=tail.end(),
            value_start=value_start,
            value_end=value_end,
            value=value,
            interval=interval,
            qualifier=qualifier,
            unit=unit,
            signed=signed,
        )
        return (match, trimmed_end), tail.end()

    def _plausible_digits(self, text: str, start: int, end: int, core: str) -> bool:
        """False for digits that are a date, time, version, ordinal or phone number."""
        if self._not_after.match(text, end):
            return False
        digits = sum(c.isdigit() for c in core)
        if digits > _MAX_DIGITS or (digits == len(core) and digits >= _PHONE_DIGITS):
            return False
        if core[0] == "0" and len(core) > 1 and core[1].isdigit():
            return False  # "02 1234 5678", "007"
        if end + 1 < len(text) and text[end] in " \u00a0/-" and text[end + 1].isdigit():
            phone = _PHONE.match(text, start - 1 if start and text[start - 1] == "+" else start)
            if phone and phone.end() > end:
                return False
        return True

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
            and tail.group("s2") is not None
            and mantissa * 10**top_decimals < top_mantissa * 10**decimals
        ):
            scale = top_scale
        low = mantissa * scale / 10**decimals
        high = top_mantissa * top_scale / 10**top_decimals
        if not low < high:
            return None
        return low, high, top_end

    def _scale_of(self, written: str | None) -> int | None:
        if written is None:
            return None
        word = written.strip(" \t\u00a0\u202f\u2009")
        return self._attached.get(word) or self._scales.get(_norm(word))

    def _unit_of(self, tail: re.Match[str]) -> tuple[str | None, int | None]:
        """The unit after a number and, for a context unit, the end without it."""
        written = tail.group("unit")
        if written is None:
            return None, None
        key = _norm(written)
        unit = self._unit_words.get(key)
        if key in self._context_units and key not in self._units:
            end = tail.start("link") if tail.group("link") is not None else tail.start("unit")
            # the spaces before the word belong to neither
            while end > 0 and tail.string[end - 1].isspace():
                end -= 1
            return unit, end
        return unit, None

    def _range_top(self, text: str, tail: re.Match[str]) -> tuple[tuple[int, int, int], int] | None:
        """The top end of a range: ((mantissa, decimals, scale), end of its numeral)."""
        scale = self._scale_of(tail.group("s2")) or 1
        if tail.group("n2") is not None:
            top_end = tail.end("n2")
            if tail.group("g2") is not None:
                mantissa, decimals = _grouped(tail.group("n2"), self._decimal)
            elif tail.group("f2") is not None:
                mantissa, decimals = _plain_digits(tail.group("n2")), 0
            else:
                mantissa, decimals = _decimal(tail.group("n2"))
            if len(tail.group("n2")) > _MAX_DIGITS:
                return None
            if self._not_after.match(text, top_end):
                return None
            after = text[top_end : top_end + 2]
            if after[:1] in _RANGE_DASHES and after[1:].isdigit():
                return None  # "2025-11-22"
            glued = after[:1].isalnum() or after[:1] == "_"
            if glued and tail.start("s2") != top_end and tail.start("unit") != top_end:
                return None
            return (mantissa, decimals, scale), top_end
        segments = self._word_segments(tail.group("w2"), tail.start("w2"))
        if not segments:
            return None
        value, _, top_end, single = segments[0]
        if single and value == 1:
            return None
        if tail.group("s2") is not None and top_end != tail.end("w2"):
            scale = 1  # the scale word followed a later number word, not this one
        return (value, 0, scale), top_end

    def _interval(
        self, mantissa: int, decimals: int, scale: int, qualifier: str | None
    ) -> Interval:
        """The interval a number asserts given its written precision and qualifier."""
        denominator = 2 * 10**decimals
        value = mantissa * scale / 10**decimals
        if qualifier == "over":
            return Interval(value, math.inf, low_open=True, high_open=True)
        if qualifier == "under":
            return Interval(-math.inf, value, low_open=True, high_open=True)
        if qualifier == "at_least":
            return Interval((2 * mantissa - 1) * scale / denominator, math.inf, high_open=True)
        if qualifier == "up_to":
            return Interval(-math.inf, (2 * mantissa + 1) * scale / denominator, low_open=True)
        if qualifier == "about":
            ends = sorted(
                (_tidy(value * (1 - self._tolerance)), _tidy(value * (1 + self._tolerance)))
            )
            return Interval(ends[0], ends[1])
        return Interval(
            (2 * mantissa - 1) * scale / denominator, (2 * mantissa + 1) * scale / denominator
        )


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


def _spaced(text: str) -> str:
    """The text with the separators number words may follow turned into spaces.

    Same length, so offsets carry over; the words pass then needs to stop on spaces only.
    """
    for ch in "\n\t\r([«\"“'’/\u00a0":
        if ch in text:
            text = text.replace(ch, " ")
    return text


def _plain_digits(written: str) -> int:
    return int("".join(c for c in written if c.isdigit()))


def _grouped(written: str, decimal: str) -> tuple[int, int]:
    whole, _, fraction = written.partition(decimal)
    return _plain_digits(whole + fraction), len(fraction)


def _decimal(written: str) -> tuple[int, int]:
    for i, c in enumerate(written):
        if c in ".,":
            return int(written[:i] + written[i + 1 :]), len(written) - i - 1
    return int(written), 0


# --- reading the language data -----------------------------------------------------------


def _as_strings(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise FactlintError(f"language file: `numbers.{key}` must be a list of strings")
    return [str(v) for v in value]


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


def _int(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise FactlintError(f"language file: `numbers.{key}` values must be whole numbers")
    return int(value)
