"""Relation templates ("{product} di {owner}") compiled into matchers for the text between names.

Templates are language data. Each has two named slots; the literal text between them (the
*infix*) must make up the whole gap between two adjacent mentions, literal text before
the first slot (the *prefix*) must end right before the first mention, and literal text
after the second (the *suffix*) must follow the second mention, fillers aside ("{product},
{owner}'s model" fits "DeepSeek-R1, Baidu's reasoning model" but not "Doubao, Tencent's
Hunyuan"). All templates of one relation and slot order without prefix or suffix share one
compiled alternation, so testing a pair of mentions costs one regex match, however many
templates there are. In a template, "..." stands for up to
four words of any kind ("{product}, lanciato ... da {owner}").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from factlint.errors import FactlintError, Problem
from factlint.lazyregex import Compile, LazyPattern, longest_first

# The roles each relation's slots may take, in canonical order.
ROLES: Mapping[str, tuple[str, str]] = {
    "attribution": ("product", "owner"),
    "succession": ("newer", "older"),
    "derivation": ("variant", "base"),
}
_SLOT = re.compile(r"\{(\w+)\}")
_TOKEN = re.compile(r"\.\.\.|…|\w+['’]|\w+|['’]\w*|[^\w\s]")
# "..." in a template: up to four words of any kind ("lanciato a metà luglio da").
_ANY_WORDS = r"(?:[^\s,;:.()]+\s+){0,4}"
# After a whole word: a space, or punctuation straight away ("predecessor,").
_AFTER_WORD = r"(?:\s+|(?=[^\w\s]))"
_APOSTROPHE = "['’]"
_SEPARATOR_OPTIONAL = r"\s*[,:;–—-]?\s*"
_SEPARATOR_REQUIRED = r"\s*[,:;–—-]\s*"
_MAX_SUFFIX_FILLERS = 4
_COMPOUND = r"\w+(?:-\w+)+\s+"


@dataclass(frozen=True, slots=True)
class Template:
    """One way of writing a relation; `first`/`second` are the roles in text order.
    `apposition`: the second name stands in an aside after a comma ("Doubao, il chatbot
    di ByteDance"), which states the relation whatever the clause says of the first."""

    relation: str
    first: str
    second: str
    text: str
    apposition: bool = False


def _word_regex(word: str, prepositions: Mapping[str, list[str]]) -> str:
    """A word and the space after it; an elided form ("dell'") needs no space.

    The forms share one "space after" each kind: the same strings match as with a space
    after every form, and the pattern, compiled at every run, is a third as long.
    """
    forms = prepositions.get(word, [word])
    whole = []
    elided = []
    for form in longest_first(forms):
        if form.endswith(("'", "’")):
            elided.append(re.escape(form[:-1]))
        else:
            whole.append(re.escape(form).replace("'", _APOSTROPHE).replace("’", _APOSTROPHE))
    parts = []
    if whole:
        parts.append(_group(whole) + _AFTER_WORD)
    if elided:
        parts.append(_group(elided) + _APOSTROPHE + r"\s*")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _group(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _literal_regex(
    literal: str,
    prepositions: Mapping[str, list[str]],
    *,
    after_name: bool,
) -> str:
    """Regex for literal template text that ends right before a name (fillers aside).

    Every piece consumes the space after it, so pieces simply concatenate.
    """
    tokens = _TOKEN.findall(literal.lower())
    pieces: list[str] = []
    for index, token in enumerate(tokens):
        if token == ",":
            pieces.append(_SEPARATOR_REQUIRED if len(tokens) == 1 else _SEPARATOR_OPTIONAL)
        elif token in ("...", "…"):
            if index == 0 and after_name:
                pieces.append(r"\s+")
            pieces.append(_ANY_WORDS)
        elif token == "-":
            # Inside a hyphenated word ("cut-down"): the word before it has taken no space.
            pieces.append(r"-\s*")
        elif token == "(":
            pieces.append(r"\s*\(\s*")
        elif token == ")":
            pieces.append(r"\s*\)\s*")
        elif token[0] in "'’":
            pieces.append(_APOSTROPHE + re.escape(token[1:]) + (r"\s+" if token[1:] else r"\s*"))
        else:
            if index == 0 and after_name:
                pieces.append(r"\s+")
            pieces.append(_word_regex(token, prepositions))
    if not tokens:
        pieces.append(r"\s+")
    return "".join(pieces)


def _apposition(infix: str) -> str | None:
    """The words after the comma of an infix that opens an apposition (", made by "), which
    fillers may precede ("Doubao, the chatbot made by ByteDance"); None for other infixes."""
    tokens = _TOKEN.findall(infix.lower())
    return " ".join(tokens[1:]) if len(tokens) > 1 and tokens[0] == "," else None


@dataclass(frozen=True, slots=True)
class _Suffix:
    """Template text required after the second name: its first piece, then, past any
    fillers, the rest ("'s" ... "model" in "{product}, {owner}'s model")."""

    head: LazyPattern
    rest: LazyPattern | None
    filler: LazyPattern

    def compile(self) -> None:
        """Compile its patterns now."""
        for lazy in (self.head, self.rest, self.filler):
            if lazy is not None:
                _ = lazy.pattern

    def match(self, text: str, end: int) -> bool:
        """Whether the suffix follows at `end` in `text`."""
        found = self.head.pattern.match(text, end)
        if found is None or self.rest is None:
            return found is not None
        at = found.end()
        # Stepped in Python, one filler at a time: the suffix is only tried where the head
        # matched, and one shared filler pattern costs one compilation, not one per template.
        for _ in range(_MAX_SUFFIX_FILLERS + 1):
            if self.rest.pattern.match(text, at):
                return True
            filler = self.filler.pattern.match(text, at)
            if filler is None:
                return False
            at = filler.end()
        return False


def _fillers_regex(fillers: Iterable[str]) -> str:
    words = longest_first({f.lower() for f in fillers if not f.endswith(("'", "’"))})
    elided = longest_first({f.lower()[:-1] for f in fillers if f.endswith(("'", "’"))})
    options = []
    if words:
        options.append("(?:" + "|".join(re.escape(w) for w in words) + r")\s+")
    if elided:
        options.append("(?:" + "|".join(re.escape(w) for w in elided) + ")" + _APOSTROPHE + r"\s*")
    return "(?:" + "|".join(options) + ")" if options else ""


class RelationMatcher:
    """The relation templates of one language, compiled (each regex on first use)."""

    def __init__(
        self,
        relations: Mapping[str, list[str]],
        prepositions: Mapping[str, list[str]],
        fillers: Iterable[str],
        path: str = "",
        compile: Compile = re.compile,
    ) -> None:
        """Compile `relations` (relation name → templates), each regex by `compile` on first
        use; a bad template is a FactlintError."""
        filler = _fillers_regex(fillers)
        # Before a name, atomic and possessive: fillers never give back what they took, so
        # ambiguous fillers ("a", "a a") cannot make matching backtrack exponentially. In an
        # apposition, lazy: the template's own words may be fillers too ("il modello di").
        filler_regex = f"(?>{filler})*+" if filler else ""
        # In an apposition, a hyphenated compound stands before its noun as an adjective,
        # whatever its words ("the trillion-parameter open-weight model made by", "the
        # export-compliant version of"); only there, where it costs one branch to compile.
        appositive = f"(?:{filler}|{_COMPOUND})" if filler else _COMPOUND
        apposition = f"{_SEPARATOR_OPTIONAL}{appositive}*?"
        one_filler = LazyPattern(filler or "(?!)", compile)
        # One compiled pattern per distinct regex: many templates share an infix (", ").
        patterns: dict[str, LazyPattern] = {}

        def lazy(regex: str) -> LazyPattern:
            return patterns.setdefault(regex, LazyPattern(regex, compile))

        plain: dict[tuple[str, str], list[tuple[Template, str, bool]]] = {}
        framed: dict[
            tuple[str, str], dict[str, list[tuple[Template, LazyPattern | None, _Suffix | None]]]
        ] = {}
        problems = []
        for relation, templates in relations.items():
            roles = ROLES.get(relation)
            if roles is None:
                problems.append(Problem(path, None, f"unknown relation {relation!r}"))
                continue
            for text in templates:
                parts = _SLOT.split(text)
                # parts: prefix, role1, infix, role2, suffix
                if len(parts) != 5 or {parts[1], parts[3]} != set(roles):
                    slots = " and ".join("{" + role + "}" for role in roles)
                    problems.append(
                        Problem(path, None, f"template {text!r} must name {slots} once each")
                    )
                    continue
                prefix, first, infix, second, suffix = parts
                opened = _apposition(infix)
                template = Template(relation, first, second, text, opened is not None)
                if opened is None:
                    infix_regex = _literal_regex(infix, prepositions, after_name=True)
                else:
                    infix_regex = _literal_regex(opened, prepositions, after_name=False)
                # Closing punctuation after the second name ("{owner} ({product})") is not
                # required: "Alibaba (Qwen e Wan)" names Alibaba's models too.
                suffix_required = re.search(r"\w", suffix) is not None
                if not prefix.strip() and not suffix_required:
                    plain.setdefault((relation, first), []).append(
                        (template, infix_regex, opened is not None)
                    )
                    continue
                whole_infix = (apposition if opened is not None else "") + infix_regex
                framed.setdefault((relation, first), {}).setdefault(whole_infix, []).append(
                    (
                        template,
                        lazy(
                            r"(?:^|(?<=\W))"
                            + _literal_regex(prefix, prepositions, after_name=False)
                            + filler_regex
                            + r"$"
                        )
                        if prefix.strip()
                        else None,
                        self._suffix(suffix, prepositions, lazy, one_filler)
                        if suffix_required
                        else None,
                    )
                )
        if problems:
            raise FactlintError(problems)
        self._plain: dict[tuple[str, str], tuple[LazyPattern, list[Template]]] = {}
        for key, items in plain.items():
            self._plain[key] = (
                LazyPattern(_alternation(items, apposition) + filler_regex, compile),
                [template for template, _, _ in items],
            )
        self._framed: dict[
            tuple[str, str],
            list[tuple[LazyPattern, list[tuple[Template, LazyPattern | None, _Suffix | None]]]],
        ] = {
            key: [(lazy(infix + filler_regex), members) for infix, members in groups.items()]
            for key, groups in framed.items()
        }

    @staticmethod
    def _suffix(
        suffix: str,
        prepositions: Mapping[str, list[str]],
        lazy: Callable[[str], LazyPattern],
        filler: LazyPattern,
    ) -> _Suffix:
        tokens = _TOKEN.findall(suffix.lower())
        head = lazy(_literal_regex(tokens[0], prepositions, after_name=True))
        rest = " ".join(tokens[1:])
        return _Suffix(
            head,
            lazy(_literal_regex(rest, prepositions, after_name=False)) if rest else None,
            filler,
        )

    def compile_all(self) -> None:
        """Compile every regex now (a template that cannot compile raises here)."""
        for compiled, _ in self._plain.values():
            _ = compiled.pattern
        for groups in self._framed.values():
            for infix, members in groups:
                _ = infix.pattern
                for _template, prefix, suffix in members:
                    if prefix is not None:
                        _ = prefix.pattern
                    if suffix is not None:
                        suffix.compile()

    def match(
        self,
        relation: str,
        first_role: str,
        gap: str,
        before: str,
        text: str = "",
        end: int = 0,
    ) -> Template | None:
        """The template that `gap` (between two names), `before` (the text before the first)
        and the text from `end` (the end of the second) in `text` fit."""
        compiled = self._plain.get((relation, first_role))
        if compiled is not None:
            found = compiled[0].pattern.fullmatch(gap)
            if found is not None and found.lastgroup is not None:
                return compiled[1][int(found.lastgroup[1:])]
        for infix, members in self._framed.get((relation, first_role), ()):
            if not infix.pattern.fullmatch(gap):
                continue
            for template, prefix, suffix in members:
                if (prefix is None or prefix.pattern.search(before)) and (
                    suffix is None or suffix.match(text, end)
                ):
                    return template
        return None


def _alternation(items: Sequence[tuple[Template, str, bool]], apposition: str) -> str:
    """One alternation of infix regexes, each in a group named after its index; those
    that open an apposition share one branch, so that the fillers are written once."""
    opened = "|".join(
        f"(?P<t{index}>{regex})"
        for index, (_, regex, in_apposition) in enumerate(items)
        if in_apposition
    )
    branches: list[str] = []
    for index, (_, regex, in_apposition) in enumerate(items):
        if not in_apposition:
            branches.append(f"(?P<t{index}>{regex})")
        elif opened:  # the shared branch stands where its first member does
            branches.append(f"{apposition}(?:{opened})")
            opened = ""
    return "(?:" + "|".join(branches) + ")"
