"""Public typing aliases: what a cleaner is, for code that writes its own."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from scrapeclean._model import Document, Proposal

__all__ = ["Cleaner"]


@runtime_checkable
class Cleaner(Protocol):
    """Anything with a `name` that turns a `Document` into a `Proposal` can be a pipeline step.

    Cleaners must not keep state between calls; to be shipped to worker processes (process
    pools, Dask) they must also be picklable.
    """

    @property
    def name(self) -> str:
        """The step's name, unique within a pipeline."""
        ...

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose edits to `doc.text` and report what was found."""
        ...
