"""Relation templates ("{product} di {owner}") compiled into matchers for the text between names.

Templates are language data. Each has two named slots; the literal text between them (the
*infix*) must make up the whole gap between two adjacent mentions, literal text before
the first slot (the *prefix*) must end right before the first mention, and literal text
after the second (the *suffix*) must follow the second mention, fillers aside ("{product},
{owner}'s model" fits "DeepSeek-R1, Baidu's reasoning model" but not "Doubao, Tencent's
Hunyuan"). All templates of one
relation and slot order share one compiled alternation, so testing a pair of mentions costs
one regex match, however many templates there are. In a template, "..." stands for up to
four words of any kind ("{product}, lanciato ... da {owner}").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factlint.errors import FactlintError, Problem
from factlint.lazyregex import LazyPattern

# The roles each relation's slots may take, in canonical order.
ROLES: Mapping[str, tuple[str, str]] = {
    "attribution": ("product", "owner"),
    "succession": ("newer", "older"),
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


@dataclass(frozen=True, slots=True)
class Template:
    """One way of writing a relation; `first`/`second` are the roles in text order."""

    relation: str
    first: str
    second: str
    text: str


def _word_regex(word: str, prepositions: Mapping[str, list[str]]) -> str:
    """A word and the space after it; an elided form ("dell'") needs no space.

    The forms share one "space after" each kind: the same strings match as with a space
    after every form, and the pattern, compiled at every run, is a third as long.
    """
    forms = prepositions.get(word, [word])
    whole = []
    elided = []
    for form in sorted(forms, key=len, reverse=True):
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
    fillers: str = "",
) -> str:
    """Regex for literal template text that ends right before a name (fillers aside).

    Every piece consumes the space after it, so pieces simply concatenate. `fillers` may
    also open an apposition after a name ("Doubao, the chatbot made by ByteDance" fits
    "{product}, made by {owner}").
    """
    tokens = _TOKEN.findall(literal.lower())
    pieces: list[str] = []
    for index, token in enumerate(tokens):
        if token == ",":
            pieces.append(_SEPARATOR_REQUIRED if len(tokens) == 1 else _SEPARATOR_OPTIONAL)
            if index == 0 and after_name and len(tokens) > 1:
                pieces.append(fillers)
        elif token in ("...", "…"):
            pieces.append(_ANY_WORDS)
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


def _suffix_regex(suffix: str, prepositions: Mapping[str, list[str]], fillers: str) -> str:
    """Regex for literal template text right after the second name: its first piece, then
    any fillers, then the rest, which ends at a word's end ("'s ... model")."""
    tokens = _TOKEN.findall(suffix.lower())
    head = _literal_regex(tokens[0], prepositions, after_name=True)
    rest = _literal_regex(" ".join(tokens[1:]), prepositions, after_name=False)
    return head + fillers + rest if len(tokens) > 1 else head


def _fillers_regex(fillers: Iterable[str]) -> str:
    words = sorted(
        {f.lower() for f in fillers if not f.endswith(("'", "’"))}, key=len, reverse=True
    )
    elided = sorted(
        {f.lower()[:-1] for f in fillers if f.endswith(("'", "’"))}, key=len, reverse=True
    )
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
    ) -> None:
        """Compile `relations` (relation name → templates); a bad template is a FactlintError."""
        filler = _fillers_regex(fillers)
        # Before a name, atomic and possessive: fillers never give back what they took, so
        # ambiguous fillers ("a", "a a") cannot make matching backtrack exponentially. In an
        # apposition, lazy: the template's own words may be fillers too ("il modello di").
        filler_regex = f"(?>{filler})*+" if filler else ""
        apposition = f"{filler}*?" if filler else ""
        plain: dict[tuple[str, str], list[tuple[Template, str]]] = {}
        # Templates with a prefix or suffix: (template, infix, prefix or None, suffix or None)
        self._framed: dict[
            tuple[str, str],
            list[tuple[Template, LazyPattern, LazyPattern | None, LazyPattern | None]],
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
                # Closing punctuation after the second name ("{owner} ({product})") is not
                # required: "Alibaba (Qwen e Wan)" names Alibaba's models too.
                if not re.search(r"\w", suffix):
                    suffix = ""
                template = Template(relation, first, second, text)
                infix_regex = _literal_regex(
                    infix, prepositions, after_name=True, fillers=apposition
                )
                if prefix.strip() or suffix.strip():
                    prefix_regex = _literal_regex(prefix, prepositions, after_name=False)
                    self._framed.setdefault((relation, first), []).append(
                        (
                            template,
                            LazyPattern(infix_regex + filler_regex),
                            LazyPattern(r"(?:^|(?<=\W))" + prefix_regex + filler_regex + r"$")
                            if prefix.strip()
                            else None,
                            LazyPattern(_suffix_regex(suffix, prepositions, apposition))
                            if suffix.strip()
                            else None,
                        )
                    )
                else:
                    plain.setdefault((relation, first), []).append((template, infix_regex))
        if problems:
            raise FactlintError(problems)
        self._plain: dict[tuple[str, str], tuple[LazyPattern, list[Template]]] = {}
        for key, items in plain.items():
            # Every template ends with the same fillers: written once, after the alternation.
            alternation = "|".join(f"(?P<t{i}>{regex})" for i, (_, regex) in enumerate(items))
            compiled = LazyPattern(f"(?:{alternation}){filler_regex}")
            self._plain[key] = (compiled, [template for template, _ in items])

    def compile_all(self) -> None:
        """Compile every regex now (a template that cannot compile raises here)."""
        for compiled, _ in self._plain.values():
            _ = compiled.pattern
        for items in self._framed.values():
            for _, *patterns in items:
                for lazy in patterns:
                    if lazy is not None:
                        _ = lazy.pattern

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
        for template, infix, prefix, suffix in self._framed.get((relation, first_role), ()):
            if (
                infix.pattern.fullmatch(gap)
                and (prefix is None or prefix.pattern.search(before))
                and (suffix is None or suffix.pattern.match(text, end))
            ):
                return template
        return None
