"""The errors scrapeclean raises, all under one base class.

::

    ScrapecleanError
    ├── InputTypeError (also a TypeError)    clean() was given an input or option of a wrong type
    ├── BinaryInputError (also a ValueError) the input is an image, PDF, archive or other non-text
    ├── InputTooLargeError (also a ValueError) the input is longer than ``max_chars``
    ├── UnknownEncodingError (also a LookupError) ``encoding=`` names no text encoding
    ├── CleanerError                         a pipeline step raised or proposed invalid edits
    ├── PipelineError (also a ValueError)    a pipeline was built or changed in an invalid way
    ├── ProfileError (also a ValueError)     a chrome profile file or text is invalid
    └── ReplayError (also a ValueError)      recorded changes do not fit the text they replay on

Catch `ScrapecleanError` to handle all of them.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "CleanerError",
    "InputTooLargeError",
    "InputTypeError",
    "PipelineError",
    "ProfileError",
    "ReplayError",
    "ScrapecleanError",
    "UnknownEncodingError",
]


class ScrapecleanError(Exception):
    """Base class of every error scrapeclean raises."""


class InputTypeError(ScrapecleanError, TypeError):
    """`clean()` was given an input or an option of a type it does not accept."""


class BinaryInputError(ScrapecleanError, ValueError):
    """The input is not text: an image, a PDF, an archive, or bytes that are mostly controls.

    The message says what the bytes look like. Compressed text (gzip, zlib, and brotli or zstd
    when their packages are installed) is not an error: it is decompressed.
    """


class InputTooLargeError(ScrapecleanError, ValueError):
    """The input (or what it decompresses to) is longer than the ``max_chars`` option allows."""


class UnknownEncodingError(ScrapecleanError, LookupError):
    """The ``encoding=`` option names no text encoding (unknown label, or a non-text codec)."""


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


class ProfileError(ScrapecleanError, ValueError):
    """A saved `ChromeProfile` cannot be read: not JSON, another schema or version, bad fields."""


class ReplayError(ScrapecleanError, ValueError):
    """A recorded change does not match the text it is replayed on."""
