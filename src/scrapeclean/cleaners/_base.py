"""The shape every built-in cleaner shares: a frozen, slotted, picklable callable with a name.

A cleaner is shown a `Document` and returns a `Proposal`; it never changes text itself. The
pipeline checks and applies the proposed edits and records each one as a `Change`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import ClassVar

from scrapeclean._model import Block, Document, Proposal

__all__ = ["CAPTION_TOKENS", "BaseCleaner", "marked_block", "read_from_html"]

#: Class and id words of an image's caption or credit.
CAPTION_TOKENS = frozenset({"caption", "figcaption", "imagecaption", "photocaption", "credit"})
#: How many of a block's nearest class and id words `marked_block` reads.
_NEAREST_TOKENS = 4


@dataclass(frozen=True, slots=True, repr=False)
class BaseCleaner:
    """Base class of the built-in cleaners.

    Subclasses are frozen slotted dataclasses whose fields are the cleaner's options; they set
    `factory` (the factory's name) and implement `__call__`. `name` is the step's name in a
    pipeline (`Pipeline.names`, `Change.cleaner`): the factory's name unless the caller gave
    another, so that two steps of one kind with different settings can share a pipeline. The
    repr reads like the factory call that makes an equal cleaner.

    `needs` are the findings the step reads from earlier steps (such as ``"dateline"``), and
    `provides` the findings it makes; a `Pipeline` checks that every need is met by an earlier
    step and says which step to add when it is not.
    """

    factory: ClassVar[str] = "cleaner"
    provides: ClassVar[frozenset[str]] = frozenset()
    name: str = field(default="", kw_only=True)

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.factory)
        elif not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"a step name must be a non-empty str, not {self.name!r}")

    @property
    def needs(self) -> frozenset[str]:
        """The findings this step needs from earlier steps (none by default)."""
        return frozenset()

    def __repr__(self) -> str:
        options = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if f.repr and f.name != "name"
        ]
        if self.name != self.factory:
            options.append(f"name={self.name!r}")
        return f"{self.factory}({', '.join(options)})"

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose edits to `doc.text` and report what was found."""
        raise NotImplementedError


def read_from_html(doc: Document) -> bool:
    """Whether `doc` was read from HTML: its blocks carry the page's DOM evidence.

    Plain text has no blocks, or one block per line (tag ``line``).
    """
    return doc.blocks is not None and any(block.tag != "line" for block in doc.blocks)


def marked_block(block: Block, tags: frozenset[str], words: frozenset[str]) -> bool:
    """Whether an HTML `block` sits in an element of `tags`, or is marked by `words`.

    The marking words are read among the block's nearest class and id words (the last
    `_NEAREST_TOKENS` of its element and its ancestors: "figcaption", "caption").
    """
    if not tags.isdisjoint(block.path.split(">")):
        return True
    return not words.isdisjoint(block.tokens[-_NEAREST_TOKENS:])
