"""scrapeclean: turn scraped articles into clean, trustworthy text with its metadata.

>>> from scrapeclean import clean
>>> result = clean("Share Tweet Email\\n\\nThe council met on Monday and agreed the budget.")
>>> result.text
'The council met on Monday and agreed the budget.'

`clean()` returns a `CleanResult`: the text, title, dateline, publication time, and every
`Change` made, each with the span of the input it came from. See `Pipeline` to choose the
steps and `scrapeclean.cleaners` for the steps themselves.
"""

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
    CleanerError,
    InputTypeError,
    PipelineError,
    ReplayError,
    ScrapecleanError,
)


def __getattr__(name: str) -> str:
    """Read `__version__` from the package metadata on first use (importlib.metadata is slow)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("scrapeclean")
        except PackageNotFoundError:  # pragma: no cover - a source tree that is not installed
            return "0.0.0"
    raise AttributeError(f"module 'scrapeclean' has no attribute {name!r}")


__all__ = [
    "Block",
    "Change",
    "CleanResult",
    "CleanerError",
    "Dateline",
    "Document",
    "Edit",
    "Finding",
    "InputTypeError",
    "Metadata",
    "Pipeline",
    "PipelineError",
    "Proposal",
    "ReplayError",
    "ScrapecleanError",
    "Source",
    "Span",
    "__version__",
    "clean",
    "cleaners",
    "replay",
]
