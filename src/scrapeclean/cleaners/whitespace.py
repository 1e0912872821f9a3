"""`normalize_whitespace`: one space between words, one blank line between paragraphs.

Line breaks become ``\\n``; spaces and tabs at the ends of lines and of the text go; runs of
spaces, tabs and other Unicode spaces inside a line become one space; two or more line breaks
become exactly one blank line. A single line break is kept: it may be a deliberate line break
inside a paragraph (an address, a verse). The ideographic space (U+3000) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner

__all__ = ["NormalizeWhitespace", "normalize_whitespace"]

_SPACE = r"[\t\x0b\x0c\p{Zs}--\u3000]"
_BREAK_CHARS = "\r\n\u2028\u2029"
_SPACE_OR_BREAK = rf"[\t\x0b\x0c{_BREAK_CHARS}\p{{Zs}}--\u3000]"
#: Every whitespace character the cleaner looks at (spaces and line breaks).
_WHITESPACE = LazyRegex(rf"{_SPACE_OR_BREAK}*+", regex.V1)
#: The Unicode space separators (category Zs) but the ideographic space, and the plain
#: space apart (a test checks this against `unicodedata`).
_OTHER_ZS = "\u00a0\u1680\u2000-\u200a\u202f\u205f"


@cache
def _abnormal() -> re.Pattern[str]:
    """Whitespace that is not already normal, at its first character.

    A character other than a plain space or ``\n``, a space before a space or a line break,
    ``\n`` before a space or two more ``\n``, or whitespace at either end of the text.
    Text where this finds nothing is already normal, so one search settles the common case;
    each run it finds is then read whole. Written as one character class followed by
    conditions so that the standard library's engine scans for the class in C.
    """
    odd = f"\\t\\x0b\\x0c\\r\\u2028\\u2029{_OTHER_ZS}"
    return re.compile(
        f"[ \\n{odd}]"
        f"(?:(?<=[{odd}])|(?<= )(?=[ \\n])|(?<=\\n)(?= |\\n\\n)|(?<![\\s\\S]{{2}})|(?![\\s\\S]))"
    )


@dataclass(frozen=True, slots=True, repr=False)
class NormalizeWhitespace(BaseCleaner):
    """Collapse spaces and blank lines; normalize line breaks; trim lines and the text."""

    factory = "normalize_whitespace"

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose one edit per whitespace run that is not already in its normal form."""
        text = doc.text
        edits: list[Edit] = []
        position = 0
        abnormal = _abnormal()
        while (found := abnormal.search(text, position)) is not None:
            start, end = _run_around(text, found.start())
            run = text[start:end]
            at_edge = start == 0 or end == len(text)
            breaks = _count_breaks(run)
            if breaks:
                wanted = "" if at_edge else ("\n" if breaks == 1 else "\n\n")
            else:
                wanted = "" if at_edge else " "
            if run != wanted:
                edits.append(
                    Edit.replace(
                        start,
                        end,
                        wanted,
                        kind=ChangeKind.WHITESPACE,
                        reason=_reason(run, wanted),
                        rule=_rule(breaks > 0, at_edge),
                    )
                )
            position = max(end, found.end())
        return Proposal(edits=tuple(edits))


def _run_around(text: str, index: int) -> tuple[int, int]:
    """The whole whitespace run whose first abnormal character is ``text[index]``.

    Before it the run can only hold a normal beginning (``" "``, ``"\n"`` or ``"\n\n"``:
    any longer one holds an abnormal pair, found first), so the walk back is at most two
    characters; the run's end is one C-level match on.
    """
    start = index
    while start > 0 and text[start - 1] in " \n":
        start -= 1
    match = _WHITESPACE.match(text, index)
    return start, index if match is None else match.end()


def _rule(has_breaks: bool, at_edge: bool) -> str:
    """The rule id of one whitespace edit."""
    if at_edge:
        return "whitespace.edges"
    return "whitespace.breaks" if has_breaks else "whitespace.spaces"


def _count_breaks(run: str) -> int:
    """How many line breaks `run` holds (``\\r\\n`` counts as one), without copying it."""
    return sum(run.count(char) for char in _BREAK_CHARS) - run.count("\r\n")


def _reason(run: str, wanted: str) -> str:
    """Say in words what normalizing `run` to `wanted` does.

    Short runs (nearly all of them) share one reason string per distinct run, so a text with
    millions of whitespace edits does not hold millions of equal reasons.
    """
    return _short_reason(run, wanted) if len(run) <= _CACHED_RUN else _describe(run, wanted)


#: Runs up to this length have their reason cached (longer ones are rare and not kept alive).
_CACHED_RUN = 32


@lru_cache(maxsize=256)
def _short_reason(run: str, wanted: str) -> str:
    return _describe(run, wanted)


def _describe(run: str, wanted: str) -> str:
    breaks = _count_breaks(run)
    if not wanted:
        return "removed whitespace at the start or end of the text"
    if breaks == 0:
        if run == "\t":
            return "replaced a tab with a space"
        if len(run) == 1:
            return f"replaced U+{ord(run):04X} with a plain space"
        return f"collapsed a run of {len(run)} spaces into one"
    parts = []
    if "\r" in run or "\u2028" in run or "\u2029" in run:
        parts.append("normalized line breaks to \\n")
    if breaks > 2:
        parts.append(f"collapsed {breaks - 1} blank lines into one")
    if run.replace("\r\n", "\n").strip("\n\r\u2028\u2029") or _has_inner_spaces(run):
        parts.append("removed spaces at line ends")
    return "; ".join(parts) or "normalized a line break"


def _has_inner_spaces(run: str) -> bool:
    return any(char not in "\r\n\u2028\u2029" for char in run)


def normalize_whitespace(*, name: str | None = None) -> NormalizeWhitespace:
    """Make a cleaner that normalizes spaces, line breaks and blank lines.

    `name` is the step's name in a pipeline (default ``"normalize_whitespace"``).
    """
    return NormalizeWhitespace(name=name or "")
