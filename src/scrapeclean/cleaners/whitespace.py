"""`normalize_whitespace`: one space between words, one blank line between paragraphs.

Line breaks become ``\\n``; spaces and tabs at the ends of lines and of the text go; runs of
spaces, tabs and other Unicode spaces inside a line become one space; two or more line breaks
become exactly one blank line. A single line break is kept: it may be a deliberate line break
inside a paragraph (an address, a verse). The ideographic space (U+3000) is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner

__all__ = ["NormalizeWhitespace", "normalize_whitespace"]

_SPACE = r"[\t\x0b\x0c\p{Zs}--\u3000]"
_BREAK_CHARS = "\r\n\u2028\u2029"
_SPACE_OR_BREAK = rf"[\t\x0b\x0c{_BREAK_CHARS}\p{{Zs}}--\u3000]"
#: Whitespace that may need normalizing: a run of line breaks with the spaces around them,
#: spaces at either end of the text, or a run of spaces inside a line other than one plain
#: space (which is already normal and is the most common match by far, so it is not matched).
#: Every repeat is of one character class and possessive: the regex engine keeps no
#: backtracking state per repetition, so millions of consecutive line breaks cost linear time
#: and constant memory (a repeated group would keep one entry per break).
_PATTERN = LazyRegex(
    rf"(?P<breaks>{_SPACE}*+[{_BREAK_CHARS}]{_SPACE_OR_BREAK}*+)"
    rf"|(?P<edge>\A{_SPACE}++|{_SPACE}++\Z)"
    rf"|(?P<spaces> {_SPACE}++|[{_SPACE}--[ ]]{_SPACE}*+)",
    regex.V1,
)


@dataclass(frozen=True, slots=True, repr=False)
class NormalizeWhitespace(BaseCleaner):
    """Collapse spaces and blank lines; normalize line breaks; trim lines and the text."""

    factory = "normalize_whitespace"

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose one edit per whitespace run that is not already in its normal form."""
        text = doc.text
        edits: list[Edit] = []
        for match in _PATTERN.finditer(text):
            run = match.group()
            inside = match.start() > 0 and match.end() < len(text)
            if inside and run in ("\n", "\n\n"):
                continue  # already normal: the common case, decided early
            start, end = match.span()
            at_edge = start == 0 or end == len(text)
            if match.group("breaks") is not None:
                count = _count_breaks(run)
                wanted = "" if at_edge else ("\n" if count == 1 else "\n\n")
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
                        rule=_rule(match, at_edge),
                    )
                )
        return Proposal(edits=tuple(edits))


def _rule(match: regex.Match[str], at_edge: bool) -> str:
    """The rule id of one whitespace edit."""
    if at_edge:
        return "whitespace.edges"
    return "whitespace.breaks" if match.group("breaks") is not None else "whitespace.spaces"


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
