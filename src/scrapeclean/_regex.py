"""`LazyRegex`: a pattern compiled on first use, so that `import scrapeclean` stays fast.

Modules declare their patterns at the top as usual; the (sometimes large) compile happens the
first time a pattern is used, once per process.

Every `LazyRegex` is recorded in a registry as it is declared, so that a test can run each
pattern of the package on adversarial input and check that its time grows linearly
(``tests/test_linear_time.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

__all__ = ["LazyRegex", "registered"]

#: Every pattern declared in the package, in the order the modules declared them.
_REGISTRY: list[LazyRegex] = []


def registered() -> tuple[LazyRegex, ...]:
    """Every `LazyRegex` declared so far (import the modules first to see all of them)."""
    return tuple(_REGISTRY)


class LazyRegex:
    """A `regex` pattern compiled the first time it is used."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        """Declare a pattern.

        `source` may be a function that builds it (from the language data files, say): it is
        called on first use, so that importing a module reads no data file.
        """
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None
        _REGISTRY.append(self)

    @property
    def source(self) -> str:
        """The pattern's source text."""
        if callable(self._source):
            self._source = self._source()
        return self._source

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self._flags)
        return self._compiled

    def match(self, string: str, pos: int = 0) -> regex.Match[str] | None:
        """Match at the start of `string` (or at `pos`)."""
        return self.compiled.match(string, pos)

    def search(self, string: str, pos: int = 0) -> regex.Match[str] | None:
        """Find the first match in `string`."""
        return self.compiled.search(string, pos)

    def finditer(self, string: str) -> Iterator[regex.Match[str]]:
        """Every match in `string`."""
        return self.compiled.finditer(string)

    def findall(self, string: str) -> list[str]:
        """Every matched substring (the whole match, even when the pattern has groups)."""
        pattern = self.compiled
        if not pattern.groups:  # the C loop gives the whole matches: no Python per match
            return pattern.findall(string)
        return [match.group() for match in pattern.finditer(string)]

    def split(self, string: str) -> list[str]:
        """`string` split at every match."""
        return self.compiled.split(string)

    def sub(self, replacement: str | Callable[[regex.Match[str]], str], string: str) -> str:
        """`string` with every match replaced."""
        return self.compiled.sub(replacement, string)

    def __repr__(self) -> str:
        shown = "<built on first use>" if callable(self._source) else self._source[:40]
        return f"LazyRegex({shown!r}…)"
