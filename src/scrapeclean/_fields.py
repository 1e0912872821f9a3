"""A result as flat fields: the columns of a DataFrame, the fields of a Scrapy item.

Shared by the integrations (`scrapeclean.dask`, `scrapeclean.scrapy`) so that every front door
names the result's parts the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapeclean._batch import CleanFailure
    from scrapeclean._model import CleanResult

__all__ = ["FIELDS", "failure_fields", "outcome_fields", "result_fields"]

#: The flat fields of a result, in order: all strings (or None), so every column has one type.
FIELDS = (
    "text",
    "title",
    "published",
    "updated",
    "authors",
    "language",
    "site_name",
    "warnings",
    "error",
)


def result_fields(result: CleanResult) -> dict[str, Any]:
    """`result` as the flat `FIELDS`: times in ISO 8601, authors and warnings joined."""
    metadata = result.metadata
    return {
        "text": result.text,
        "title": metadata.title,
        "published": metadata.published.isoformat() if metadata.published else None,
        "updated": metadata.updated.isoformat() if metadata.updated else None,
        "authors": "; ".join(metadata.authors) or None,
        "language": metadata.language,
        "site_name": metadata.site_name,
        "warnings": "\n".join(result.warnings) or None,
        "error": None,
    }


def failure_fields(failure: CleanFailure) -> dict[str, Any]:
    """A failed document as the flat `FIELDS`: only `error` is set."""
    fields: dict[str, Any] = dict.fromkeys(FIELDS)
    fields["error"] = f"{failure.error}: {failure.message}"
    return fields


def outcome_fields(outcome: CleanResult | CleanFailure) -> dict[str, Any]:
    """The flat `FIELDS` of one `clean_many` outcome, a result or a failure."""
    from scrapeclean._batch import CleanFailure

    return failure_fields(outcome) if isinstance(outcome, CleanFailure) else result_fields(outcome)
