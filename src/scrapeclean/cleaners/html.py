"""`extract_html`: keep the article's blocks of an HTML page, delete the rest as changes.

Reading HTML keeps the page's whole visible text as blocks, each with the DOM's evidence
(`scrapeclean.Block`). This step decides which blocks are article, from that evidence alone
(never from a site's name), and proposes deleting the others, one change per block, each with a
rule id and a reason:

- ``html.landmark``: the block is inside navigation (``<nav>``, ``<menu>``, ``role=navigation``),
  an aside (``<aside>``, ``role=complementary``), an open dialog, or a page header or footer
  (``<header>``, ``<footer>``, ``role=banner``, ``role=contentinfo``) outside the content
  container ("inside <nav>");
- ``html.control``: the block is inside a form or search box, or is mostly button or label
  text ("form control: inside <form>");
- ``html.outside_content``: the page has a content container (``itemprop=articleBody``, the
  main ``<article>``, ``<main>``) and the block is outside it ("outside the article
  container");
- ``html.link_list`` (opt-in, ``link_lists=True``): most of the block is link text ("link list:
  92% link text").

On plain text (no block carries DOM evidence) the step proposes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scrapeclean._model import Block, ChangeKind, Document, Edit, Proposal
from scrapeclean.cleaners._base import BaseCleaner

__all__ = ["ExtractHtml", "extract_html"]

#: Landmarks that are never article text, with how a reason names them.
_CHROME_LANDMARKS = {
    "nav": "<nav>",
    "menu": "<menu>",
    "aside": "<aside>",
    "dialog": "<dialog>",
    "navigation": "role=navigation",
    "complementary": "role=complementary",
    "menubar": "role=menubar",
    "toolbar": "role=toolbar",
    "tablist": "role=tablist",
    "alertdialog": "role=alertdialog",
}
#: Landmarks that are page furniture unless they sit inside the content container.
_PAGE_LANDMARKS = {
    "header": "<header>",
    "footer": "<footer>",
    "banner": "role=banner",
    "contentinfo": "role=contentinfo",
}
_CONTROL_LANDMARKS = {"form": "<form>", "search": "role=search"}
#: A block this much button or label text is a control, not prose.
_CONTROL_SHARE = 0.5


@dataclass(frozen=True, slots=True, repr=False)
class ExtractHtml(BaseCleaner):
    """Delete the blocks of an HTML page that are not article (see `extract_html`)."""

    factory = "extract_html"
    link_lists: bool = False
    min_link_share: float = 0.8

    def __post_init__(self) -> None:
        BaseCleaner.__post_init__(self)
        if not isinstance(self.link_lists, bool):
            raise TypeError(f"link_lists must be True or False, not {self.link_lists!r}")
        if not 0.0 < self.min_link_share <= 1.0:
            raise ValueError(f"min_link_share must be in (0, 1], not {self.min_link_share!r}")

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose deleting each rejected block of `doc` (nothing for plain text)."""
        if doc.blocks is None or not any(block.tag != "line" for block in doc.blocks):
            return Proposal()
        blocks = doc.block_table()
        verdicts = [self.verdict(block, doc.source.container) for block in blocks]
        edits = _deletions(doc.text, blocks, verdicts)
        warnings: tuple[str, ...] = ()
        if blocks and all(verdict is not None for verdict in verdicts):
            warnings = ("every block of the page was judged page furniture; the text is empty",)
        return Proposal(edits=tuple(edits), warnings=warnings)

    def verdict(self, block: Block, container: str | None) -> tuple[str, str] | None:
        """``(rule, reason)`` when `block` is not article, else None."""
        landmark = block.landmark or ""
        if landmark in _CHROME_LANDMARKS:
            return "html.landmark", f"inside {_CHROME_LANDMARKS[landmark]}"
        if landmark in _PAGE_LANDMARKS and not block.in_main:
            where = f"inside {_PAGE_LANDMARKS[landmark]}"
            if container is not None:
                where += f", outside the {container} container"
            return "html.landmark", where
        if landmark in _CONTROL_LANDMARKS:
            return "html.control", f"form control: inside {_CONTROL_LANDMARKS[landmark]}"
        if block.control_share >= _CONTROL_SHARE:
            return "html.control", f"form control: {block.control_share:.0%} button or label text"
        if container is not None and not block.in_main:
            return "html.outside_content", f"outside the {container} container"
        if self.link_lists and block.link_share >= self.min_link_share:
            return "html.link_list", f"link list: {block.link_share:.0%} link text"
        return None


def _deletions(
    text: str, blocks: Sequence[Block], verdicts: Sequence[tuple[str, str] | None]
) -> list[Edit]:
    """One deletion per rejected block, taking one of the blank lines around it along.

    A block is deleted with the separator after it; a block with no kept block after it is
    deleted with the separator before it, so the kept blocks stay one blank line apart and the
    text neither starts nor ends with one.
    """
    last_kept = max((i for i, verdict in enumerate(verdicts) if verdict is None), default=-1)
    edits = []
    for index, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        if verdict is None or block.span.start == block.span.end:
            continue
        if index < last_kept:
            start, end = block.span.start, _next_start(blocks, index, len(text))
        else:
            start = blocks[index - 1].span.end if index else 0
            end = block.span.end if index < len(blocks) - 1 else len(text)
        rule, reason = verdict
        edits.append(Edit.delete(start, end, kind=ChangeKind.CHROME, reason=reason, rule=rule))
    return edits


def _next_start(blocks: Sequence[Block], index: int, length: int) -> int:
    return blocks[index + 1].span.start if index + 1 < len(blocks) else length


def extract_html(
    *, link_lists: bool = False, min_link_share: float = 0.8, name: str = ""
) -> ExtractHtml:
    """Make the step that keeps an HTML page's article blocks and deletes the rest.

    Each deleted block is one change with a rule id (``html.landmark``, ``html.control``,
    ``html.outside_content``, ``html.link_list``) and a reason ("inside <nav>"). With
    ``link_lists=True`` blocks whose text is at least `min_link_share` link text are deleted
    too. Plain text passes through unchanged.
    """
    return ExtractHtml(link_lists=link_lists, min_link_share=min_link_share, name=name)
