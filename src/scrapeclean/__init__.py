"""scrapeclean: turn scraped articles into clean, trustworthy text with its metadata.

>>> from scrapeclean import clean
>>> result = clean("Share Tweet Email\\n\\nThe council met on Monday and agreed the budget.")
>>> result.text
'The council met on Monday and agreed the budget.'

`clean()` returns a `CleanResult`: the text, title, dateline, publication time, and every
`Change` made, each with the span of the input it came from. See `Pipeline` to choose the
steps and `scrapeclean.cleaners` for the steps themselves.
"""

from typing import TYPE_CHECKING

from scrapeclean import cleaners
from scrapeclean._model import (
    Block,
    Change,
    CleanResult,
    Dateline,
    Document,
    Edit,
    Finding,
    Metadata,
    Proposal,
    Source,
    Span,
)
from scrapeclean._pipeline import Pipeline, clean, replay
from scrapeclean.exceptions import (
    BinaryInputError,
    CleanerError,
    InputTooLargeError,
    InputTypeError,
    PipelineError,
    ReplayError,
    ScrapecleanError,
    UnknownEncodingError,
)

if TYPE_CHECKING:
    from scrapeclean._batch import CleanFailure, CleanRequest, DocumentError

#: Names whose modules load on first use (multiprocessing is not needed to clean one document).
_LAZY = {"CleanFailure": "_batch", "CleanRequest": "_batch", "DocumentError": "_batch"}


def __getattr__(name: str) -> object:
    """Load batch names and `__version__` (importlib.metadata is slow) on first use."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"scrapeclean.{_LAZY[name]}"), name)
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("scrapeclean")
        except PackageNotFoundError:  # pragma: no cover - a source tree that is not installed
            return "0.0.0"
    raise AttributeError(f"module 'scrapeclean' has no attribute {name!r}")


__all__ = [
    "BinaryInputError",
    "Block",
    "Change",
    "CleanFailure",
    "CleanRequest",
    "CleanResult",
    "CleanerError",
    "Dateline",
    "Document",
    "DocumentError",
    "Edit",
    "Finding",
    "InputTooLargeError",
    "InputTypeError",
    "Metadata",
    "Pipeline",
    "PipelineError",
    "Proposal",
    "ReplayError",
    "ScrapecleanError",
    "Source",
    "Span",
    "UnknownEncodingError",
    "__version__",
    "clean",
    "cleaners",
    "replay",
]
