"""Names no rule file declares, as what a figure is said of: "Yuewen, l'assistente della
start-up, ha toccato 58 milioni di utenti", "Step-3 has 321 billion parameters".

Two articles that give different figures for the same unlisted app, model or project
disagree as surely as two that name a listed company, so such a name stands in for the
subject when no known name does. A capitalised word is taken for a name only when the
article shows it is one: it carries a model number ("Step-3"), or it is written with a
capital after a lowercase word somewhere in the article ("è Yuewen", "rival Azure"), which
the first word of a sentence or of a title-case heading alone does not show.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

from factlint.entities import Mention
from factlint.unlisted import covered

# A capitalised word, with the model number after it if any ("Step-3", "Ascend 910C").
# The capital comes first and the look-behind after it ("CloudMatrix" holds no
# "Matrix"), so that `re` skips lowercase text in C.
NAMED = re.compile(
    r"([A-ZÀ-ÖØ-Þ](?<!\w[A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]{2,})(?:[ -]?[A-Z]{0,2}\d[\w.]*)?(?!\w)"
)
_NOISE = re.compile(r"[\s\-_]+")
_CLAUSE_BREAK = re.compile(r"\s*,")
_POSSESSIVES = ("'s ", "’s ")


def name_key(written: str) -> str:
    """How an unlisted name is compared: lowercase, no spaces or hyphens ("step3")."""
    return _NOISE.sub("", written.lower())


class UnknownSubjects:
    """The unlisted names of one document, found sentence by sentence on demand."""

    def __init__(
        self,
        masked: str,
        mentions: Sequence[Mention],
        ordinary: frozenset[str],
        cites: Callable[[int, int], bool],
        where: Callable[[Mention], bool] = lambda mention: False,
    ) -> None:
        self._masked = masked
        self._cites = cites
        self._where = where
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._ordinary = ordinary
        self._inside: dict[str, bool] = {}
        self._by_sentence: dict[int, list[tuple[int, int, str]]] = {}

    def of(
        self, sentence: tuple[int, int], index: int, clause_start: int, number_start: int
    ) -> tuple[int, int, str] | None:
        """(start, end, key) of the unlisted name a number of sentence `index` is said of:
        the last one before it in its clause, else the one that opens its sentence before
        an aside ("Yuewen, the start-up's assistant, had 35 million users"), unless a
        reporting cue comes before it ("Secondo il sindaco di Castel San Giovanni, ..."):
        then it is the source. Not one a known
        name stands after, nearer the number ("il quotidiano di Confindustria ricorda che
        le aziende cinesi hanno pianificato 36 data center"), unless that name only says
        where (`where`: "Apple's revenue in Greater China fell to $14.49 billion")."""
        before = [name for name in self.names(sentence, index) if name[1] <= number_start]
        if not before:
            return None
        if before[-1][0] >= clause_start:
            name = before[-1]
        elif self._opens(sentence[0], before[0]) and not self._cites(sentence[0], before[0][0]):
            name = before[0]
        else:
            return None
        following = bisect.bisect_left(self._starts, name[1])
        upto = bisect.bisect_left(self._starts, number_start, following)
        if not all(self._where(mention) for mention in self._mentions[following:upto]):
            return None
        return name

    def names(self, sentence: tuple[int, int], index: int) -> list[tuple[int, int, str]]:
        """(start, end, key) of the unlisted names of sentence `index` (span `sentence`)."""
        names = self._by_sentence.get(index)
        if names is None:
            names = self._by_sentence[index] = self._names(sentence)
        return names

    def _opens(self, sentence_start: int, name: tuple[int, int, str]) -> bool:
        """Whether `name` opens its sentence, a comma after it: no capital stands before
        it but the sentence's first ("L'assistente Yuewen, ...", not "SpaceX, guidata da
        Elon Musk, ...")."""
        before = self._masked[sentence_start : name[0]].lstrip()[1:]
        return before == before.lower() and bool(_CLAUSE_BREAK.match(self._masked, name[1]))

    def _names(self, sentence: tuple[int, int]) -> list[tuple[int, int, str]]:
        """(start, end, key) of each run of unlisted capitalised words in sentence `index`;
        a run ("Eridania Data Centers") is keyed by its first word and model number, and is
        dropped whole when its first word is no unlisted name ("Nvidia Data Center")."""
        found: list[tuple[int, int, str]] = []
        run_end, kept = -2, False
        for match in NAMED.finditer(self._masked, *sentence):
            first, last = match.span()
            if run_end + 1 == first and self._masked[run_end] in " -":
                run_end = last
                if kept:
                    found[-1] = (found[-1][0], last, found[-1][2])
                continue
            word = match.group(1)
            if word.lower() in self._ordinary or self._compounded(last):
                # "The Instinct MI355X": a function word opens no name; "The Shanghai-based
                # company": a word in a compound adjective is no subject, nor the town
                # before its state ("the Los Gatos, California-based company").
                if kept and self._masked[run_end:first] == ", " and self._compounded(last):
                    found.pop()
                run_end, kept = -2, False
                continue
            run_end = last
            kept = not (
                covered(self._starts, self._mentions, first, last)
                or (last - first == len(word) and not self._written_inside(word))
            )
            if kept:
                found.append((first, last, name_key(match.group(0))))
        return found

    def _compounded(self, end: int) -> bool:
        """Whether the word ending at `end` opens a compound adjective ("Shanghai-based",
        "Xiaomi-backed"): a hyphen, then a lowercase word."""
        masked = self._masked
        return masked.startswith("-", end) and end + 1 < len(masked) and masked[end + 1].islower()

    def _written_inside(self, word: str) -> bool:
        """Whether `word` is written somewhere after a lowercase word, a comma or a colon,
        or as a possessive ("Netflix's revenue", which only a name opens a sentence
        with): looked up word by word, since few capitalised words are not known names."""
        known = self._inside.get(word)
        if known is None:
            known = self._inside[word] = any(
                self._after_lowercase(at) or self._masked.startswith(_POSSESSIVES, at + len(word))
                for at in _occurrences(self._masked, word)
            )
        return known

    def _after_lowercase(self, at: int) -> bool:
        """Whether the word at `at` follows a space after a lowercase word, a comma or a
        colon: inside a sentence, not at its start nor in a title-case heading."""
        if at < 2 or self._masked[at - 1] != " ":
            return False
        last = self._masked[at - 2]
        if last in ",;:":
            return True
        if not last.isalpha():
            return False
        start = at - 2
        while start > 0 and self._masked[start - 1].isalpha():
            start -= 1
        return self._masked[start].islower()


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` starts as a whole word in `text`."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            yield at
        at = text.find(word, end)
