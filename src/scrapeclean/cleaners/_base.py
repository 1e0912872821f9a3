"""The shape every built-in cleaner shares: a frozen, slotted, picklable callable with a name.

A cleaner is shown a `Document` and returns a `Proposal`; it never changes text itself. The
pipeline checks and applies the proposed edits and records each one as a `Change`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

from scrapeclean._model import Document, Proposal

__all__ = ["BaseCleaner"]


@dataclass(frozen=True, slots=True, repr=False)
class BaseCleaner:
    """Base class of the built-in cleaners.

    Subclasses are frozen slotted dataclasses whose fields are the cleaner's options; they set
    `name` (the factory's name, used in `Pipeline.names` and `Change.cleaner`) and implement
    `__call__`. The repr reads like the factory call that makes an equal cleaner.
    """

    name: ClassVar[str] = "cleaner"

    def __repr__(self) -> str:
        options = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"{self.name}({options})"

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose edits to `doc.text` and report what was found."""
        raise NotImplementedError
