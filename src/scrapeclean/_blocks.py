"""The block table of plain text: one block per non-blank line, with what its shape says.

HTML input gets its block table from the DOM (`scrapeclean._html`); plain text has no DOM, so
a line is a block, and its evidence is its position on the page. Cleaners read both through
`Document.block_table()`, so a chrome remover is written once against blocks.
"""

from __future__ import annotations

from scrapeclean._model import Block, Span

__all__ = ["text_blocks"]


def text_blocks(text: str) -> tuple[Block, ...]:
    """One `Block` per non-blank line of `text` (tag ``"line"``), in order."""
    blocks: list[Block] = []
    length = len(text) or 1
    start = 0
    end_of_text = len(text)
    while start < end_of_text:
        end = text.find("\n", start)
        if end < 0:
            end = end_of_text
        line = text[start:end]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            first = start + lead
            blocks.append(
                Block(
                    span=Span(first, first + len(stripped)),
                    position=first / length,
                )
            )
        start = end + 1
    return tuple(blocks)
