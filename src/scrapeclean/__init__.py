"""scrapeclean: turn scraped articles into clean, trustworthy text with its metadata.

>>> from scrapeclean import clean
>>> result = clean("Share Tweet Email\\n\\nThe council met on Monday and agreed the budget.")
>>> result.text
'The council met on Monday and agreed the budget.'

`clean()` returns a `CleanResult`: the text, title, dateline, publication time, and every
`Change` made, each with the span of the input it came from. See `Pipeline` to choose the
steps and `scrapeclean.cleaners` for the steps themselves.

The public names load on first use (PEP 562), so importing the package, or a submodule such as
the pytest plugin, costs almost nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapeclean import cleaners
    from scrapeclean._batch import CleanFailure, CleanRequest, DocumentError
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
    from scrapeclean.cleaners._chrome_profile import ChromeProfile
    from scrapeclean.exceptions import (
        BinaryInputError,
        CleanerError,
        InputTooLargeError,
        InputTypeError,
        PipelineError,
        ProfileError,
        ReplayError,
        ScrapecleanError,
        UnknownEncodingError,
    )

#: Where each public name is defined; `__getattr__` imports it from there on first use.
_HOMES = {
    "Block": "scrapeclean._model",
    "Change": "scrapeclean._model",
    "CleanResult": "scrapeclean._model",
    "Dateline": "scrapeclean._model",
    "Document": "scrapeclean._model",
    "Edit": "scrapeclean._model",
    "Finding": "scrapeclean._model",
    "Metadata": "scrapeclean._model",
    "Proposal": "scrapeclean._model",
    "Source": "scrapeclean._model",
    "Span": "scrapeclean._model",
    "CleanFailure": "scrapeclean._batch",
    "CleanRequest": "scrapeclean._batch",
    "ChromeProfile": "scrapeclean.cleaners._chrome_profile",
    "DocumentError": "scrapeclean._batch",
    "Pipeline": "scrapeclean._pipeline",
    "clean": "scrapeclean._pipeline",
    "replay": "scrapeclean._pipeline",
    "BinaryInputError": "scrapeclean.exceptions",
    "CleanerError": "scrapeclean.exceptions",
    "InputTooLargeError": "scrapeclean.exceptions",
    "UnknownEncodingError": "scrapeclean.exceptions",
    "InputTypeError": "scrapeclean.exceptions",
    "PipelineError": "scrapeclean.exceptions",
    "ProfileError": "scrapeclean.exceptions",
    "ReplayError": "scrapeclean.exceptions",
    "ScrapecleanError": "scrapeclean.exceptions",
}


def _version() -> str:
    """Read the version from the package metadata (importlib.metadata is slow: only on use)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scrapeclean")
    except PackageNotFoundError:  # pragma: no cover - a source tree that is not installed
        return "0.0.0"


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use, and keep it in the package."""
    from importlib import import_module

    if name == "__version__":
        return _version()
    if name == "cleaners":
        return import_module("scrapeclean.cleaners")
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scrapeclean' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "BinaryInputError",
    "Block",
    "Change",
    "ChromeProfile",
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
    "ProfileError",
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
