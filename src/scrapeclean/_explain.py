"""`CleanResult.explain()`: every change in words, with where it was in the input."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapeclean._model import CleanResult

__all__ = ["explain_result"]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _where(starts: list[int], offset: int) -> str:
    line = bisect_right(starts, offset)
    return f"{line}:{offset - starts[line - 1] + 1}"


def _show(text: str, width: int) -> str:
    shown = repr(text)
    return shown if len(shown) <= width else shown[: width - 2] + "…" + shown[-1]


def explain_result(result: CleanResult, *, width: int = 60) -> str:
    """Describe `result`: what was found, then each change (cleaner, where, what, why)."""
    lines = []
    metadata = result.metadata
    for finding in metadata.provenance:
        value = finding.value
        shown = (
            value.isoformat()
            if isinstance(value, datetime)
            else ", ".join(value)
            if isinstance(value, tuple)
            else value
        )
        lines.append(f"{finding.name}: {shown}  (from {finding.origin}, by {finding.step})")
    dateline = result.dateline
    if dateline is not None:
        found = [
            f"{label}={value}"
            for label, value in (
                ("location", dateline.location),
                ("agency", dateline.agency),
                ("authors", ", ".join(dateline.authors) or None),
                ("updated", dateline.updated.isoformat() if dateline.updated else None),
            )
            if value
        ]
        if found:
            lines.append("dateline: " + "; ".join(found))
    if result.source.encoding is not None:
        lines.append(f"decoded as {result.source.encoding} ({result.source.encoding_source})")
    count = len(result.changes)
    lines.append(f"{count} change{'s' if count != 1 else ''}:" if count else "no changes")
    starts = _line_starts(result.source.text)
    for number, change in enumerate(result.changes, 1):
        span = change.span
        where = f"{_where(starts, span.start)}-{_where(starts, span.end)}"
        action = (
            f"removed {_show(change.before, width)}"
            if not change.after
            else f"{_show(change.before, width)} -> {_show(change.after, width)}"
        )
        lines.append(
            f"{number:>4}. [{change.cleaner}/{change.kind}] at {where} "
            f"(chars {span.start}-{span.end}): {action}"
        )
        rule = f" [{change.rule}]" if change.rule else ""
        lines.append(f"      because: {change.reason}{rule}")
    for warning in result.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)
