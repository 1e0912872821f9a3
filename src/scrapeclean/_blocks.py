"""The block table of plain text: one block per non-blank line, with what its shape says.

HTML input gets its block table from the DOM (`scrapeclean._html`); plain text has no DOM, so
a line is a block, and its evidence is its position on the page. Cleaners read both through
`Document.block_table()`, so a chrome remover is written once against blocks.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from scrapeclean._model import Block, Span
from scrapeclean.cleaners._text import iter_lines

if TYPE_CHECKING:
    from scrapeclean._offsets import OffsetMap

__all__ = ["locate_blocks", "text_blocks"]


def text_blocks(text: str) -> tuple[Block, ...]:
    """One `Block` per non-blank line of `text` (tag ``"line"``, span trimmed), in order."""
    length = len(text) or 1
    blocks = []
    for line in iter_lines(text):
        stripped = line.text.strip()
        if stripped:
            first = line.start + line.text.index(stripped[0])
            blocks.append(Block(span=Span(first, first + len(stripped)), position=first / length))
    return tuple(blocks)


def locate_blocks(blocks: tuple[Block, ...], offsets: OffsetMap) -> tuple[Block, ...]:
    """`blocks` (spans in the input text) with their spans moved into the current text."""
    forward_start, forward_end = offsets.forward_start, offsets.forward_end
    located = []
    for block in blocks:
        start = forward_start(block.span.start)
        end = max(start, forward_end(block.span.end))
        located.append(dataclasses.replace(block, span=Span(start, end)))
    return tuple(located)
