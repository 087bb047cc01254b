"""Documents: an article's text, its Markdown-masked twin, and offsets → line/column.

Every later stage matches on `Document.masked`, a copy of the text of the same length in
which everything that is not prose (front matter, code, HTML, link targets, images, URLs)
is blanked with spaces, newlines kept. An offset into `masked` is therefore an offset into
the original text, and positions come from a table of line starts, never from searching.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from factlint.errors import Problem

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A front-matter line whose value reads the same in YAML as written: a date, a word or
# phrase of letters, or a quoted string with nothing to unescape. Importing PyYAML costs
# ~10 ms of a pre-commit run, so such front matter is read without it.
_SIMPLE_FIELD = re.compile(
    r"([A-Za-z_][\w-]*):[ \t]+(?:(\d{4}-\d\d-\d\d)|([A-Za-z][A-Za-z \t-]*?)"
    r"|\"([^\"\\]*)\"|'([^']*)')[ \t]*"
)
# Plain words YAML reads as booleans or null.
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n(.*?\r?\n)??(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)

# A character of a link's text or an image's description, which wrapped text may carry on
# to the next line (not past a blank one).
_INLINE = r"(?:[^\[\]\n]|\n(?![ \t]*\n))"

# Everything that is not prose, as one alternation scanned once: at each position the
# leftmost construct wins, as in Markdown, so a fence hides the comment markers inside it
# and a comment hides the fence markers inside it. A link keeps its text.
#
# Every construct starts with one of a few characters, and the pattern starts with that
# character class, so that `re` skips ordinary text in C; each alternative then checks
# with a look-behind which character it began with. Constructs that start a line take the
# line break before them (the body is given one in front), which blanking keeps.
_MARKUP = re.compile(
    r"[\[`~<!&*_\n](?:"
    + "|".join(
        [
            r"(?<=\n)(?P<fence>[ \t]{0,3}(?P<marker>`{3,}|~{3,})[^\n]*\n"
            r".*?(?:^[ \t]{0,3}(?P=marker)[`~]*[ \t]*\r?$|\Z))",
            r"(?<=<)(?P<comment>!--.*?-->)",
            r"(?<=`)(?<!``)(?P<code>(?P<ticks>`*)(?!`)[^\n]+?(?<!`)`(?P=ticks)(?!`))",
            rf"(?<=!)(?P<image>\[(?:{_INLINE}|\[{_INLINE}*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\]))",
            r"(?<=\n)(?P<refdef>[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$)",
            r"(?<=<)(?P<autolink>(?:https?|ftp|mailto):[^>\s]*>)",
            r"(?<=<)(?P<tag>/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)",
            r"(?<=&)(?P<entity>(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);)",
            r"(?<=\n)(?P<heading>[ \t]{0,3}#{1,6}(?=[ \t]|$))",
            rf"(?<=\[)(?P<link>(?P<text>(?:{_INLINE}|\[{_INLINE}*\])*)\]"
            r"(?P<target>\([^)\n]*\)|\[[^\]\n]*\]))",
            # Emphasis opens after no word character and closes before none.
            r"(?P<emphasis>(?<![\w*~][*_~])(?:(?<=[*_])[*_]{0,2}|(?<=~)~)(?=\S)"
            r"|(?<=\S[*_~])(?:(?<=[*_])[*_]{0,2}|(?<=~)~)(?![\w*~]))",
        ]
    )
    + ")",
    re.S | re.M,
)
# Bare URLs and e-mail addresses start with ordinary letters: scanned for separately, and
# only in text that has one.
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _blank(text: str) -> str:
    """Spaces of the same length as `text`, its line breaks kept."""
    if "\n" not in text and "\r" not in text:
        return " " * len(text)
    return re.sub(r"[^\r\n]", " ", text)


def _blank_markup(match: re.Match[str]) -> str:
    if match.lastgroup == "link":
        return " " + match.group("text") + _blank(match.group("target")) + " "
    return _blank(match.group(0))


def _blank_url(match: re.Match[str]) -> str:
    return _blank(match.group(0))


# A dateline opening a paragraph: a city in capitals, perhaps a date, then a dash ("BEIJING -
# Baidu reported", "ROMA, 22 novembre – Il governo"). Where the story was filed is not
# where what it tells happened.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ'’.]+(?:[ \t][A-ZÀ-Þ][A-ZÀ-Þ'’.]+)*(?:,[^\n,—–-]{1,30})?"
    r"[ \t]+[—–-][ \t]"
)


def mask_markdown(text: str, front_matter_end: int = 0) -> str:
    """The prose of `text`, everything else blanked; the result has the same length."""
    head = _blank(text[:front_matter_end])
    body = _MARKUP.sub(_blank_markup, "\n" + text[front_matter_end:])[1:]
    if "://" in body or "www." in body:
        body = _URL.sub(_blank_url, body)
    if "@" in body:
        body = _EMAIL.sub(_blank_url, body)
    body = _DATELINE.sub(_blank_url, body)
    return head + body


@dataclass(frozen=True)
class Document:
    """One article: original text, masked text, language and front matter."""

    path: str
    text: str
    masked: str
    lang: str
    meta: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of every line (CRLF, CR and LF all end a line)."""
        return [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (Unicode code points) of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int, str]:
        """Line, column, end line and end column of [start, end), and its text with white
        space folded (as findings quote it)."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return line, column, end_line, end_column, " ".join(self.text[start:end].split())

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @cached_property
    def words(self) -> int:
        """How many words of prose the article has (for throughput figures)."""
        return len(self.masked.split())


def parse_front_matter(text: str, path: str) -> tuple[dict[str, Any], int, Problem | None]:
    """Front matter fields, where the header ends, and a problem if it is not valid YAML."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0, None
    simple = _simple_front_matter(match.group(1) or "")
    if simple is not None:
        return simple, match.end(), None
    import yaml  # only for front matter the simple reader leaves to it

    # libyaml's safe loader where PyYAML has it: the same plain data, ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        meta = yaml.load(match.group(1) or "", Loader=loader) or {}
    except (yaml.YAMLError, ValueError) as exc:
        # A ValueError is a value YAML cannot build ("date: 2025-02-30").
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc) or "invalid YAML"
        # The plain fields of a header one value breaks ("title: Ferrari: utile su") still
        # say the article's language and date.
        plain = _plain_fields(match.group(1) or "")
        if not plain:
            return {}, match.end(), Problem(path, line, f"front matter ignored: {reason}")
        read = ", ".join(plain)
        return (
            plain,
            match.end(),
            Problem(
                path,
                line,
                f"front matter is not valid YAML ({reason}): only its plain fields ({read}) "
                "were read; put quotes around any value that holds ': ' or brackets",
            ),
        )
    if not isinstance(meta, dict):
        return {}, match.end(), Problem(path, 1, "front matter ignored: it is not a mapping")
    return meta, match.end(), None


def _simple_front_matter(block: str) -> dict[str, Any] | None:
    """The fields of front matter whose every line is `_SIMPLE_FIELD`, as PyYAML reads
    them; None for any other, which PyYAML reads."""
    meta: dict[str, Any] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        field_match = _SIMPLE_FIELD.fullmatch(line)
        if field_match is None:
            return None
        key, date, words, double, single = field_match.groups()
        if key in meta:
            return None
        if date is not None:
            try:
                meta[key] = datetime.date.fromisoformat(date)
            except ValueError:
                return None
        elif words is not None:
            if words.lower() in _YAML_WORDS:
                return None
            meta[key] = words
        else:
            meta[key] = double if double is not None else single
    return meta


def _plain_fields(block: str) -> dict[str, Any]:
    """The fields of front matter that are each a `_SIMPLE_FIELD` line, the first of a
    key only, whatever the other lines hold."""
    meta: dict[str, Any] = {}
    for line in block.splitlines():
        for key, value in (_simple_front_matter(line) or {}).items():
            meta.setdefault(key, value)
    return meta


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(masked: str, stopwords: Mapping[str, frozenset[str]], default: str) -> str:
    """The language whose frequent words the article uses most, or `default` when unsure."""
    sample = masked[:4000].lower()
    scores = dict.fromkeys(stopwords, 0)
    for word in _WORD.findall(sample):
        for code, words in stopwords.items():
            if word in words:
                scores[code] += 1
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < 3:
        return default
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return default
    return ranked[0][0]


# The no-break and thin spaces a CMS puts between words ("Llama 4\u00a0Maverick",
# "46,7\u00a0miliardi") are spaces to every later stage; between two digits they group
# thousands ("100\u202f000") and stay, for the number reader.
_ODD_SPACES = "\u00a0\u2007\u2009\u202f"
_ODD_SPACE = re.compile(rf"[{_ODD_SPACES}](?:(?!\d)|(?<!\d.))")


def _plain_spaces(masked: str) -> str:
    """`masked` with no-break and thin spaces between words made plain spaces."""
    if not any(space in masked for space in _ODD_SPACES):
        return masked
    return _ODD_SPACE.sub(" ", masked)


def make_document(
    path: str,
    text: str,
    *,
    default_lang: str,
    stopwords: Mapping[str, frozenset[str]],
    problems: Callable[[Problem], None] | None = None,
) -> Document:
    """Build a Document from decoded text; front matter `lang:` wins over detection."""
    meta, body_start, problem = parse_front_matter(text, path)
    if problem is not None and problems is not None:
        problems(problem)
    masked = join_soft_breaks(
        _inside_paragraphs(text, _plain_spaces(mask_markdown(text, body_start)))
    )
    declared = meta.get("lang") or meta.get("language")
    if isinstance(declared, str) and declared.split("-")[0].lower() in stopwords:
        lang = declared.split("-")[0].lower()
    else:
        lang = detect_language(masked, stopwords, default_lang)
    return Document(path=path, text=text, masked=masked, lang=lang, meta=meta)


# A sentence ends at terminal punctuation followed by space, or at a line break that the
# layout makes final (see `split_sentences`).
# It starts with one character class so that `re` skips ordinary text in C; a period
# followed by a lowercase Latin letter continues the sentence and is not even matched. A
# line break takes the blank lines after it along (`blank`).
_BREAK = re.compile(
    r"[.!?…\r\n](?:(?<=[.!?…])[.!?…]*[\"'»”’)\]]*(?=\s)(?!\s+[a-zà-öø-ÿ])"
    r"|(?:(?<=\r)\n?|(?<=\n))(?P<blank>(?:[ \t]*(?:\r\n?|\n))+)?)"
)
_NEXT_CHAR = re.compile(r"\s+(\S)")
_CONTENT = re.compile(r"\S")
# Closing quotes and brackets after the punctuation that ends a line.
_CLOSERS = "\"'»”’)]"
# How long a line that stops mid-sentence must be to show the text is wrapped.
_WRAPPED_LINE = 30
# A line that starts a block: a blank one, a quote, a table row, a list item ("1." only
# opens a numbered list, as in CommonMark: "in fiscal\n2026." goes on with its sentence).
_BLOCK_START = re.compile(r"[ \t]*(?:[#>|*+\-–•]|1[.)]\s|\r?\n|\r|$)")
# An item of a numbered list, whatever its number: the next one starts a block too.
_NUMBERED = re.compile(r"[ \t]*\d{1,9}[.)]\s")


def _starts_block(text: str, start: int, before: str | None = None) -> bool:
    """Whether the line at `start` of `text` starts a block (`before`: the line before it,
    if not in `text`)."""
    if _BLOCK_START.match(text, start) is not None:
        return True
    if _NUMBERED.match(text, start) is None:
        return False
    if before is None:
        end = start - 1 if text[start - 2 : start] != "\r\n" else start - 2
        before = text[max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1 : end]
    return _NUMBERED.match(before) is not None


def _is_hard_wrapped(masked: str) -> bool:
    """Whether prose lines are wrapped at a fixed width (so a line break is not a boundary).

    Only a line that another line of its block follows tells: wrapped, most such lines
    stop mid-sentence; in text with a paragraph to a line, they end one ("Primo
    paragrafo.\nSecondo paragrafo."). A short line is a title, whatever it ends with.
    """
    inner = open_ended = 0
    for line, following in itertools.pairwise(masked.splitlines()):
        if not line.strip() or _starts_block(following, 0, line):
            continue
        inner += 1
        text = line.rstrip().rstrip(_CLOSERS)
        if len(text) >= _WRAPPED_LINE and text[-1] not in ".!?:;…":
            open_ended += 1
    return inner >= 2 and 2 * open_ended >= inner


def _continues(masked: str, end: int, wrapped: Callable[[], bool]) -> bool:
    """Whether the line that starts at `end` goes on with the sentence of the line before:
    it starts no block, and it opens in lowercase or a digit or the text is hard-wrapped
    (`wrapped`, asked only then: most breaks are told without reading every line)."""
    if _starts_block(masked, end):
        return False
    following = masked[end : end + 1]
    return following.islower() or following.isdigit() or wrapped()


# A line break after a line that is not empty, before one that may go on with its
# sentence: one with words, that opens with no list, quote, table or heading marker
# (`_continues` has the last word). Text with a bare \n only (nearly all) has a pattern
# that starts with that literal, which `re` finds ten times faster than a class.
_NEXT_LINE = r"(?=[ \t]*[^\s#>|*+\-–•])"
_SOFT_CANDIDATE = re.compile(rf"\n(?<!\n\n){_NEXT_LINE}")
_SOFT_CANDIDATE_CR = re.compile(rf"[\r\n](?<![\r\n][\r\n])(?:(?<=\r)\n)?{_NEXT_LINE}")


# A line holding only an HTML comment: a note to editors, or a marker for tools.
_COMMENT_LINE = re.compile(r"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*\r?$", re.MULTILINE)


def _inside_paragraphs(text: str, masked: str) -> str:
    """`masked` with each line that holds only a comment, between two lines of one
    paragraph, read as part of a line break: a note above the line of a hard-wrapped
    paragraph that holds a figure ("ricavi di Dell sono\n<!-- ... -->\nsaliti dell'11%
    a 23,6 miliardi") leaves its sentence whole. The length is kept."""
    if "<!--" not in text:
        return masked
    joined = list(masked)
    for comment in _COMMENT_LINE.finditer(text):
        start, end = comment.span()
        before = masked.rfind("\n", 0, max(0, start - 1)) + 1
        after = masked.find("\n", end + 1)
        if (
            start
            and end < len(masked)
            and masked[before : start - 1].strip()
            and masked[end + 1 : after if after >= 0 else len(masked)].strip()
        ):
            joined[start - 1] = " "
            if masked[start - 2 : start - 1] == "\r":
                joined[start - 2] = " "
    return "".join(joined)


def join_soft_breaks(masked: str) -> str:
    """`masked` with every line break that does not end a sentence (see `split_sentences`)
    made a space, as Markdown reads it: a figure, a name or a phrase wrapped onto the next
    line ("oltre\n110 miliardi") then reads as one. The length is kept."""
    pieces: list[str] = []
    last = 0
    wrapped = cache(lambda: _is_hard_wrapped(masked))
    candidates = _SOFT_CANDIDATE_CR if "\r" in masked else _SOFT_CANDIDATE
    for match in candidates.finditer(masked):
        start, end = match.span()
        # A break after an empty line ends a paragraph, never a sentence inside one.
        content = start
        while content and masked[content - 1] in " \t":
            content -= 1
        if not content or masked[content - 1] in "\r\n":
            continue
        if not _continues(masked, end, wrapped):
            continue
        pieces.append(masked[last:start])
        pieces.append(" " * (end - start))
        last = end
    if not pieces:
        return masked
    pieces.append(masked[last:])
    return "".join(pieces)


# What opens a line before its prose: a list item's marker ("- ", "2. "), a quote's.
_LINE_MARKER = re.compile(r"\s*(?:(?:[-*+•–]|\d{1,9}[.)])[ \t]+|(?:>[ \t]*)+)")


def _prose_start(masked: str, start: int, end: int) -> int:
    """Where the prose of a sentence that starts at `start` starts: after the marker of
    the list item or quote it opens, so that it opens with its first word ("- Revenue
    rose 10%" opens with "Revenue")."""
    marker = _LINE_MARKER.match(masked, start, end)
    return start if marker is None else marker.end()


# A list item's marker, after any quote markers, from the start of its line.
_LIST_MARKER = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+•–]|\d{1,9}[.)])[ \t]+")


def opens_list_item(masked: str, start: int) -> bool:
    """Whether the sentence that starts at `start` opens an item of a list: only the
    item's marker stands before it on its line."""
    line_start = masked.rfind("\n", 0, start) + 1
    marker = _LIST_MARKER.match(masked, line_start, start)
    return marker is not None and marker.end() == start


def split_sentences(masked: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence spans of the masked text.

    A period after a known abbreviation ("S.p.A.", "art.", "mld.") or an initial does not end
    a sentence, nor does one followed by a lowercase word. A line break ends a sentence unless
    the text is hard-wrapped, or the next line continues it in lowercase; a blank line, a
    heading, a list item or a table row always starts a new one, after its marker.
    """
    wrapped = cache(lambda: _is_hard_wrapped(masked))
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(masked)
    for match in _BREAK.finditer(masked):
        first, end = match.span()
        if masked[first] in "\r\n":
            blank = match.start("blank")
            if blank >= 0:
                # A blank line follows the first break: it ends a sentence. The breaks of
                # the blank lines end empty ones; the last of them is read as any break is.
                _add_sentence(spans, masked, start, blank)
                start = end - (2 if masked[end - 2 : end] == "\r\n" else 1)
                while masked[start - 1] in " \t":
                    start -= 1
            if _continues(masked, end, wrapped):
                continue
        else:
            # Any other lowercase word after the period continues the sentence too.
            after = _NEXT_CHAR.match(masked, end)
            if after is not None and after.group(1).islower():
                continue
            before = masked[max(0, first - 16) : first].rsplit(None, 1)
            word = before[-1].lower().lstrip("(\"'«“") if before else ""
            # "l'art." is the abbreviation "art." after an elided article.
            word = word.rsplit("'", 1)[-1].rsplit("’", 1)[-1]
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
            # The number of a numbered list's item ("2. Secondo punto") ends nothing.
            if word.isdigit() and not masked[start : first - len(word)].strip():
                continue
        _add_sentence(spans, masked, start, end)
        start = end
    if start < length:
        _add_sentence(spans, masked, start, length)
    return spans


def _add_sentence(spans: list[tuple[int, int]], masked: str, start: int, end: int) -> None:
    """Add the sentence in [start, end) to `spans`, from its prose on, if it has any: a
    line holding only a list or quote marker ("> ") has none."""
    prose = _prose_start(masked, start, end)
    if _CONTENT.search(masked, prose, end):
        spans.append((prose, end))


def document_date(doc: Document) -> str | None:
    """The article's front matter `date:` as YYYY-MM-DD, if it has one."""
    value = doc.meta.get("date")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return value.strip()[:10]
    return None
