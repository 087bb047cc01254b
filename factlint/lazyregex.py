"""Regular expressions compiled on first use.

Some patterns are thousands of characters long (relation templates, number tails) and
`re` takes milliseconds to compile each; a run on one article needs only some of them.
"""

from __future__ import annotations

import re


class LazyPattern:
    """A regex compiled the first time `pattern` is asked for."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex."""
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled
