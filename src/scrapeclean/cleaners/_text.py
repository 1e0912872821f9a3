"""Small text helpers the cleaners share: lines with their offsets, and tidy line removal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from scrapeclean._model import Edit
from scrapeclean._regex import LazyRegex

__all__ = ["Flag", "Line", "block_removal", "iter_lines", "line_removals"]

_TRAILING_NEWLINES = LazyRegex(r"\n[ \t]*(?:\n[ \t]*)*")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: its content without the line break, and where it stands."""

    number: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        """Whether the line holds only whitespace."""
        return not self.text.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of `text` (split at ``\\n``) with its offsets; a final empty line is skipped."""
    start = 0
    number = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        yield Line(number, start, end, text[start:end])
        number += 1
        start = end + 1


def block_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete so that removing lines ``text[start:end]`` leaves the text tidy.

    One of the two line-break runs around the removed lines goes with them: the smaller one, so
    that a paragraph break on either side survives. At the start or end of the text, the
    line breaks that would be left dangling go too.
    """
    after = _TRAILING_NEWLINES.match(text, end)
    after_end = after.end() if after is not None else end
    before = start
    while before > 0 and text[before - 1] in "\n \t":
        before -= 1
    if after_end == len(text):
        return before, after_end
    if before == 0:
        return 0, after_end
    if text.count("\n", before, start) < text.count("\n", end, after_end):
        return before, end
    return start, after_end


#: A line to remove: ``(line, kind, reason, rule)``.
Flag = tuple[Line, str, str, str]


def line_removals(text: str, flagged: Sequence[Flag]) -> list[Edit]:
    """Edits that delete the flagged lines (``(line, kind, reason, rule)``, in order) tidily.

    Flagged lines with only blank lines between them form one block: the block is removed with
    `block_removal`, and each line's edit covers its own share of the block.
    """
    edits: list[Edit] = []
    group: list[Flag] = []

    def flush() -> None:
        start, end = block_removal(text, group[0][0].start, group[-1][0].end)
        for index, (line, kind, reason, rule) in enumerate(group):
            line_start = start if index == 0 else line.start
            line_end = end if index == len(group) - 1 else group[index + 1][0].start
            edits.append(Edit.delete(line_start, line_end, kind=kind, reason=reason, rule=rule))
        group.clear()

    for item in flagged:
        if group and text[group[-1][0].end : item[0].start].strip():
            flush()
        group.append(item)
    if group:
        flush()
    return edits
