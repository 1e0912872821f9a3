"""What the command line and the Scrapy settings share: options read into a pipeline.

Kept apart from the commands so that `scrapeclean.scrapy` does not load the corpus reader.
"""

from __future__ import annotations

import os
from typing import Any

from scrapeclean._pipeline import Pipeline, Reference
from scrapeclean.exceptions import PipelineError

__all__ = ["UsageError", "build_pipeline", "parse_reference", "write_whole"]


class UsageError(Exception):
    """A wrong option or configuration: reported with exit status 2."""


def build_pipeline(variant: str | None, without: Any) -> Pipeline:
    """The default pipeline with a spelling `variant` and without the named steps."""
    from scrapeclean import cleaners

    pipeline = Pipeline.default()
    try:
        if variant:
            pipeline = pipeline.replace(
                "normalize_spelling", cleaners.normalize_spelling(variant=variant)
            )
        if without:
            pipeline = pipeline.without(*without)
    except (ValueError, TypeError, PipelineError) as exc:
        raise UsageError(str(exc)) from exc
    return pipeline


def parse_reference(value: object) -> Reference:
    """``--reference``: None, ``"now"`` or an ISO 8601 time."""
    from datetime import datetime

    if value is None or value == "now":
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"--reference takes an ISO 8601 time or 'now', not {value!r}") from None


def write_whole(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` through a temporary file beside it: never a half-written file."""
    partial = f"{os.fspath(path)}.partial"
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(partial, path)
