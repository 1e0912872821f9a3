"""Frozen value types shared by the whole library.

Every value here is immutable, slotted and picklable:

- `Span`: a half-open range ``[start, end)`` of character offsets in a text.
- `Edit`: what a cleaner *proposes*, in the coordinates of the text it was given.
- `Change`: what the pipeline *did*, in the coordinates of the input text.
- `Dateline`: the parsed dateline of an article (when, where, who).
- `Source`: the input text that every span points into, and how it was obtained.
- `Document`: what a cleaner is shown: the current text and what earlier steps found.
- `Proposal`: what a cleaner returns: edits and metadata.
- `CleanResult`: what `clean()` returns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = [
    "Change",
    "ChangeKind",
    "CleanResult",
    "Dateline",
    "Document",
    "Edit",
    "Proposal",
    "Source",
    "Span",
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise TypeError(f"Span offsets must be int, got {self.start!r} and {self.end!r}")
        if self.start < 0 or self.end < self.start:
            raise ValueError(
                f"Span needs 0 <= start <= end, got start={self.start}, end={self.end}"
            )

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """Return the part of `text` this span covers."""
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        """Return ``[start, end]``, the form used in JSON."""
        return [self.start, self.end]


class ChangeKind:
    """The kinds of change the built-in cleaners record (plain strings, listed for reference)."""

    CHROME = "chrome"
    DATELINE = "dateline"
    TITLE = "title"
    MOJIBAKE = "mojibake"
    ENTITY = "entity"
    UNICODE = "unicode"
    INVISIBLE = "invisible"
    WHITESPACE = "whitespace"
    TYPO = "typo"
    VARIANT = "variant"


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit a cleaner proposes: replace `span` of the text it was given with `replacement`."""

    span: Span
    replacement: str
    kind: str
    reason: str

    @classmethod
    def delete(cls, start: int, end: int, *, kind: str, reason: str) -> Edit:
        """Propose removing ``text[start:end]``."""
        return cls(Span(start, end), "", kind, reason)

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, *, kind: str, reason: str) -> Edit:
        """Propose replacing ``text[start:end]`` with `replacement`."""
        return cls(Span(start, end), replacement, kind, reason)


@dataclass(frozen=True, slots=True)
class Change:
    """One change the pipeline made.

    `span` is in the coordinates of the input text (`CleanResult.source.text`). `before` is the
    text that was replaced as it stood when the cleaner ran (an earlier cleaner may already have
    rewritten part of it), `after` what replaced it. `replay()` re-applies a sequence of changes.
    """

    cleaner: str
    kind: str
    span: Span
    before: str
    after: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "cleaner": self.cleaner,
            "kind": self.kind,
            "span": self.span.to_list(),
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        """Rebuild a change from `to_dict()` output."""
        start, end = data["span"]
        return cls(
            cleaner=data["cleaner"],
            kind=data["kind"],
            span=Span(start, end),
            before=data["before"],
            after=data["after"],
            reason=data["reason"],
        )


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline of an article: when it was published or updated, where, by whom.

    `raw` is the dateline text as found; `span` locates it in the input text (None when it did not
    come from the text, e.g. from HTML metadata).
    """

    published: datetime | None = None
    updated: datetime | None = None
    location: str | None = None
    agency: str | None = None
    authors: tuple[str, ...] = ()
    raw: str = ""
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (datetimes as ISO 8601 strings)."""
        return {
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "location": self.location,
            "agency": self.agency,
            "authors": list(self.authors),
            "raw": self.raw,
            "span": None if self.span is None else self.span.to_list(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        """Rebuild a dateline from `to_dict()` output."""
        span = data.get("span")
        return cls(
            published=_from_iso(data.get("published")),
            updated=_from_iso(data.get("updated")),
            location=data.get("location"),
            agency=data.get("agency"),
            authors=tuple(data.get("authors", ())),
            raw=data.get("raw", ""),
            span=None if span is None else Span(span[0], span[1]),
        )

    def merge(self, other: Dateline) -> Dateline:
        """Return this dateline with its empty fields filled from `other`."""
        return Dateline(
            published=self.published if self.published is not None else other.published,
            updated=self.updated if self.updated is not None else other.updated,
            location=self.location if self.location is not None else other.location,
            agency=self.agency if self.agency is not None else other.agency,
            authors=self.authors or other.authors,
            raw=self.raw or other.raw,
            span=self.span if self.span is not None else other.span,
        )


@dataclass(frozen=True, slots=True)
class Source:
    """The input text that every `Change.span` points into, and how it was obtained.

    `format` is ``"text"`` or ``"html"`` (HTML input is first turned into text; spans point into
    that text). `encoding` names the codec used to decode bytes input and `encoding_source` says
    how it was chosen (``"bom"``, ``"declared"``, ``"utf-8"`` or ``"fallback"``); both are None
    for str input.
    """

    text: str
    format: str = "text"
    encoding: str | None = None
    encoding_source: str | None = None
    html_title: str | None = None
    html_published: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "text": self.text,
            "format": self.format,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "html_title": self.html_title,
            "html_published": _iso(self.html_published),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        """Rebuild a source from `to_dict()` output."""
        return cls(
            text=data["text"],
            format=data.get("format", "text"),
            encoding=data.get("encoding"),
            encoding_source=data.get("encoding_source"),
            html_title=data.get("html_title"),
            html_published=_from_iso(data.get("html_published")),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """What a cleaner is shown: the current text and what earlier steps found.

    `source` is the original input, for cleaners that want to consult metadata such as the HTML
    title; edits must always be proposed against `text`.
    """

    text: str
    source: Source
    title: str | None = None
    dateline: Dateline | None = None

    @classmethod
    def from_text(cls, text: str) -> Document:
        """Make a document from plain text, as a cleaner used on its own would see it."""
        return cls(text=text, source=Source(text=text))


@dataclass(frozen=True, slots=True)
class Proposal:
    """What a cleaner returns: edits to the text it was given, and what it found.

    Edits must be sorted by position, must not overlap, and must lie within the text; the pipeline
    rejects anything else with a `CleanerError`. A `title` or `dateline` set here is adopted by
    the pipeline (a dateline's span is in the coordinates of the text the cleaner was given).
    """

    edits: tuple[Edit, ...] = ()
    title: str | None = None
    dateline: Dateline | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What `clean()` returns: the cleaned text, its metadata, and every change made.

    ``str(result) == result.text``. `published` is the best publication time from any source
    (the dateline first, then the page's metadata).
    """

    text: str
    source: Source
    title: str | None = None
    dateline: Dateline | None = None
    published: datetime | None = None
    changes: tuple[Change, ...] = ()
    warnings: tuple[str, ...] = ()
    steps: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; `from_dict` turns it back into an equal result."""
        return {
            "text": self.text,
            "title": self.title,
            "dateline": None if self.dateline is None else self.dateline.to_dict(),
            "published": _iso(self.published),
            "changes": [change.to_dict() for change in self.changes],
            "warnings": list(self.warnings),
            "steps": list(self.steps),
            "source": self.source.to_dict(),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Return the result as JSON (datetimes as ISO 8601 strings, non-ASCII kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CleanResult:
        """Rebuild a result from `to_dict()` output."""
        dateline = data.get("dateline")
        return cls(
            text=data["text"],
            source=Source.from_dict(data["source"]),
            title=data.get("title"),
            dateline=None if dateline is None else Dateline.from_dict(dateline),
            published=_from_iso(data.get("published")),
            changes=tuple(Change.from_dict(item) for item in data.get("changes", ())),
            warnings=tuple(data.get("warnings", ())),
            steps=tuple(data.get("steps", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> CleanResult:
        """Rebuild a result from `to_json()` output."""
        return cls.from_dict(json.loads(text))

    def explain(self, *, width: int = 60) -> str:
        """Describe every change in words: which cleaner, what, where in the input, and why."""
        from scrapeclean._explain import explain_result

        return explain_result(self, width=width)
