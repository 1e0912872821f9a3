"""What a result removed and changed, shown on the input: in a terminal, or as an HTML page.

The input text is cut into segments: stretches no change touched, and changed regions (one or
more changes whose input spans overlap or touch). A changed region shows the input it covered
(struck through) and what it became, with each change's rule and reason.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from scrapeclean._explain import explain_result
from scrapeclean._model import Span
from scrapeclean._pipeline import replay
from scrapeclean.exceptions import ReplayError

if TYPE_CHECKING:
    from scrapeclean._model import Change, CleanResult

__all__ = ["Segment", "render_html", "render_terminal", "segments"]

_STRIKE = "\x1b[9;31m"
_INSERT = "\x1b[1;32m"
_RESET = "\x1b[0m"


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the input: unchanged (no `changes`), or a changed region and its result."""

    start: int
    end: int
    before: str
    after: str
    changes: tuple[Change, ...] = ()

    @property
    def why(self) -> str:
        """Each change's rule and reason, one per line."""
        return "\n".join(
            f"[{change.rule or change.kind}] {change.reason}" for change in self.changes
        )


def segments(result: CleanResult) -> list[Segment]:
    """The input of `result` as unchanged stretches and changed regions, in order."""
    text = result.source.text
    parts: list[Segment] = []
    position = 0
    for start, end, group in _regions(result.changes):
        if start > position:
            parts.append(Segment(position, start, text[position:start], text[position:start]))
        parts.append(Segment(start, end, text[start:end], _after(text, start, end, group), group))
        position = end
    if position < len(text):
        parts.append(Segment(position, len(text), text[position:], text[position:]))
    return parts


def _regions(changes: Sequence[Change]) -> Iterator[tuple[int, int, tuple[Change, ...]]]:
    """Groups of changes whose input spans overlap or touch, in input order."""
    ordered = sorted(enumerate(changes), key=lambda item: (item[1].span.start, item[0]))
    group: list[tuple[int, Change]] = []
    start = end = 0
    for number, change in ordered:
        if group and change.span.start > end:
            yield start, end, tuple(change for _, change in sorted(group, key=lambda i: i[0]))
            group = []
        if not group:
            start, end = change.span.start, change.span.end
        end = max(end, change.span.end)
        group.append((number, change))
    if group:
        yield start, end, tuple(change for _, change in sorted(group, key=lambda i: i[0]))


def _after(text: str, start: int, end: int, group: Sequence[Change]) -> str:
    """What the input between `start` and `end` became: the group's changes replayed on it."""
    shifted = [
        replace(change, span=Span(change.span.start - start, change.span.end - start))
        for change in group
    ]
    try:
        return replay(text[start:end], shifted)
    except ReplayError:  # pragma: no cover - recorded changes always replay on their input
        return "".join(change.after for change in group)


def render_terminal(result: CleanResult, *, color: bool) -> str:
    """The input with removals struck through and insertions marked, then the explanation.

    Without `color` the marks are ``[-removed-]`` and ``{+inserted+}``.
    """
    out: list[str] = []
    for part in segments(result):
        if not part.changes:
            out.append(part.before)
            continue
        if part.before:
            out.append(f"{_STRIKE}{part.before}{_RESET}" if color else f"[-{part.before}-]")
        if part.after:
            out.append(f"{_INSERT}{part.after}{_RESET}" if color else f"{{+{part.after}+}}")
    return "".join(out) + "\n\n" + explain_result(result)


_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
pre.document { white-space: pre-wrap; word-wrap: break-word; font: inherit; }
.change { position: relative; cursor: help; }
.change del { color: #a40000; background: #fde7e7; }
.change ins { color: #0b6b0b; background: #e3f6e3; text-decoration: none; font-weight: 600; }
.change .why { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10;
  background: #222; color: #fff; padding: .4em .6em; border-radius: 4px; white-space: pre-wrap;
  min-width: 20em; max-width: 40em; font-size: 13px; }
.change:hover .why, .change:focus .why { display: block; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; }
.warning { color: #8a5300; }
"""


def render_html(result: CleanResult, *, title: str = "scrapeclean report") -> str:
    """A self-contained HTML page: metadata, warnings, the input with every change marked.

    Removals are struck through, insertions highlighted; hovering (or focusing) a change shows
    its rule and reason.
    """
    body = [f"<h1>{html.escape(title)}</h1>", _metadata_table(result)]
    body.extend(f'<p class="warning">{html.escape(w)}</p>' for w in result.warnings)
    count = len(result.changes)
    body.append(f"<p>{count} change{'s' if count != 1 else ''}. Hover a change for its reason.</p>")
    body.append('<pre class="document">' + "".join(_html_segments(result)) + "</pre>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _html_segments(result: CleanResult) -> Iterator[str]:
    for number, part in enumerate(segments(result)):
        if not part.changes:
            yield html.escape(part.before)
            continue
        rules = " ".join(sorted({change.rule or change.kind for change in part.changes}))
        kinds = " ".join(sorted({f"kind-{change.kind}" for change in part.changes}))
        removed = f"<del>{html.escape(part.before)}</del>" if part.before else ""
        added = f"<ins>{html.escape(part.after)}</ins>" if part.after else ""
        yield (
            f'<span class="change {html.escape(kinds)}" id="change-{number}" tabindex="0" '
            f'data-rules="{html.escape(rules)}" title="{html.escape(part.why)}">{removed}{added}'
            f'<span class="why" role="tooltip">{html.escape(part.why)}</span></span>'
        )


def _metadata_table(result: CleanResult) -> str:
    rows = []
    for finding in result.metadata.provenance:
        value = finding.value
        if isinstance(value, datetime):
            shown = value.isoformat()
        elif isinstance(value, tuple):
            shown = ", ".join(str(item) for item in value)
        else:
            shown = str(value)
        rows.append(
            f"<tr><th>{html.escape(finding.name)}</th><td>{html.escape(shown)}</td>"
            f"<td>{html.escape(finding.step)}: {html.escape(finding.origin)}</td></tr>"
        )
    if not rows:
        return "<p>No metadata found.</p>"
    return (
        "<table><tr><th>field</th><th>value</th><th>found by</th></tr>" + "".join(rows) + "</table>"
    )
