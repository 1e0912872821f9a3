"""The errors scrapeclean raises, all under one base class.

::

    ScrapecleanError
    ├── InputTypeError (also a TypeError)    clean() was given something it cannot read
    ├── CleanerError                         a pipeline step raised or proposed invalid edits
    ├── PipelineError (also a ValueError)    a pipeline was built or changed in an invalid way
    └── ReplayError (also a ValueError)      recorded changes do not fit the text they replay on

Catch `ScrapecleanError` to handle all of them.
"""

from __future__ import annotations

__all__ = [
    "CleanerError",
    "InputTypeError",
    "PipelineError",
    "ReplayError",
    "ScrapecleanError",
]


class ScrapecleanError(Exception):
    """Base class of every error scrapeclean raises."""


class InputTypeError(ScrapecleanError, TypeError):
    """`clean()` was given a value of a type it does not accept."""


class CleanerError(ScrapecleanError):
    """A pipeline step failed: it raised, or it proposed edits the pipeline cannot apply.

    `cleaner` names the step; when the step raised, the original exception is chained as
    ``__cause__``.
    """

    def __init__(self, cleaner: str, message: str) -> None:
        super().__init__(f"cleaner {cleaner!r} {message}")
        self.cleaner = cleaner


class PipelineError(ScrapecleanError, ValueError):
    """A pipeline was built or changed in an invalid way (duplicate or unknown step names)."""


class ReplayError(ScrapecleanError, ValueError):
    """A recorded change does not match the text it is replayed on."""
