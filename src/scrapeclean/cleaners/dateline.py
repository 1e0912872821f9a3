"""`parse_dateline`: when, where and by whom, from the lines above the article body.

It reads the first few lines of the text (the header: lines before the first long paragraph):

- a line that is a date and time, optionally labelled ("Published: …", "Updated …",
  "Aktualisiert am …"): its value becomes `Dateline.published` (or `.updated`) and the line is
  removed;
- a byline ("By Jane Doe and John Roe", "Von …", "Par …"), optionally with a date after a
  separator: the names become `Dateline.authors` and the line is removed;
- a wire dateline opening the first paragraph ("PARIS (Reuters) -"): its location and agency are
  recorded; the prefix stays in the text unless ``remove_wire=True`` (editors keep it as part of
  the story).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import regex

from scrapeclean._model import ChangeKind, Dateline, Document, Edit, Proposal, Span
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner
from scrapeclean.cleaners._text import Flag, Line, iter_lines, line_removals

__all__ = ["ParseDateline", "parse_dateline"]

_HEADER_LINES = 8
_BODY_LINE = 200
#: A wire dateline opens a body paragraph: a line at least this long, among the first few.
_MIN_WIRE_LINE = 40
_WIRE_LINES = 3
_PUBLISHED_LABEL = LazyRegex(
    r"^(?:published|posted|first\ published|created|date|dated|veröffentlicht|erschienen|"
    r"publié|publié\ le|publicado|pubblicato|gepubliceerd)(?:\ (?:on|at|am|le|el|il|op))?\s*:?\s*",
    regex.IGNORECASE | regex.VERBOSE,
)
_UPDATED_LABEL = LazyRegex(
    r"^(?:updated|last\ updated|last\ modified|modified|aktualisiert|zuletzt\ aktualisiert|"
    r"mis\ à\ jour|actualizado|aggiornato|bijgewerkt)(?:\ (?:on|at|am|le|el|il|op))?\s*:?\s*",
    regex.IGNORECASE | regex.VERBOSE,
)
_NAME = (
    r"\p{Lu}[\p{L}'’.-]*"
    r"(?:\s+(?:van|von|de|der|den|da|di|del|la|le|bin|al|\p{Lu}[\p{L}'’.-]*)){0,4}"
)
#: Not case-insensitive: names must be capitalized ("By the way" is no byline).
_BYLINE = LazyRegex(
    rf"^(?i:by|von|par|por|di|door|av|af)\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|\bund\b|"
    rf"\bet\b|\by\b|\be\b|\ben\b|&)\s*{_NAME})*)\s*(?:$|[|,·•–—-]\s*(?P<rest>.+)$)"
)
#: (?<!\s): the separators never start inside a run of spaces (quadratic on long runs).
_NAME_SPLIT = LazyRegex(r"(?<!\s)\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|&)\s*")
_WIRE = LazyRegex(
    r"^(?P<location>\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?)?"
    r"\s*\((?P<agency>\p{Lu}[\p{L}&. -]{0,30})\)\s*[-–—:]+\s*"
)
_SEPARATORS = LazyRegex(r"(?<!\s)\s*[|·•]\s*")


@dataclass(frozen=True, slots=True, repr=False)
class ParseDateline(BaseCleaner):
    """Find the dateline (date, byline, wire location and agency) above the article body."""

    factory = "parse_dateline"
    provides = frozenset({"dateline"})
    languages: tuple[str, ...] | None = None
    remove_wire: bool = False

    def __call__(self, doc: Document, /) -> Proposal:
        """Parse the header lines of `doc.text`; propose removing the date and byline lines."""
        text = doc.text
        found = _Found()
        flagged: list[Flag] = []
        for line in _header(text):
            verdict = self._read_line(line, found, doc.reference)
            if verdict is not None:
                flagged.append((line, ChangeKind.DATELINE, verdict[1], verdict[0]))
        edits = line_removals(text, flagged)
        wire_edit = self._read_wire(text, flagged, found)
        if wire_edit is not None:
            edits = sorted([*edits, wire_edit], key=lambda edit: edit.span.start)
        if found.empty():
            return Proposal()
        return Proposal(edits=tuple(edits), dateline=found.dateline())

    def _read_line(
        self, line: Line, found: _Found, reference: datetime | None
    ) -> tuple[str, str] | None:
        """Record what a header line says; return ``(rule, reason)`` to remove it, or None."""
        content = line.text.strip()
        offset = line.start + (len(line.text) - len(line.text.lstrip()))
        byline = _BYLINE.match(content)
        if byline is not None:
            authors = tuple(name for name in _NAME_SPLIT.split(byline["names"]) if name)
            rest = byline["rest"]
            when = self._date(rest, reference) if rest else None
            if rest and when is None:
                return None
            found.add_authors(authors, content, Span(offset, offset + len(content)))
            if when is not None:
                found.add_date(when[0], updated=when[1], raw=rest or "", span=None)
            return "dateline.byline", "byline: the authors' names, recorded in the dateline"
        parts = [part for part in _SEPARATORS.split(content) if part]
        dates = [self._date(part, reference) for part in parts]
        if not parts or any(date is None for date in dates):
            return None
        for date in dates:
            assert date is not None
            found.add_date(
                date[0], updated=date[1], raw=content, span=Span(offset, offset + len(content))
            )
        return (
            "dateline.date",
            "dateline: the date and time of the article, recorded in the dateline",
        )

    def _date(self, text: str, reference: datetime | None) -> tuple[datetime, bool] | None:
        """A labelled or bare date: ``(value, is_update)``, or None.

        Relative dates ("2 hours ago") resolve against `reference`; without one they are not
        dates here, and the line stays.
        """
        from scrapeclean.dates import parse_date

        updated = _UPDATED_LABEL.match(text)
        label = updated or _PUBLISHED_LABEL.match(text)
        rest = text[label.end() :] if label else text
        value = (
            parse_date(rest, languages=self.languages, reference=reference)
            if rest.strip()
            else None
        )
        if value is None:
            return None
        return value, updated is not None

    def _read_wire(self, text: str, flagged: Sequence[Flag], found: _Found) -> Edit | None:
        """Read a wire dateline opening the first body paragraph; an edit if it is to go.

        The first few lines left after the header are tried (a headline may still stand above
        the body); the search stops at the first long line, which is the body.
        """
        removed = {flag[0].number for flag in flagged}
        tried = 0
        for line in iter_lines(text):
            if line.blank or line.number in removed:
                continue
            match = _WIRE.match(line.text)
            if match is not None and len(line.text) >= _MIN_WIRE_LINE:
                return self._wire_edit(line, match, found)
            tried += 1
            if tried == _WIRE_LINES or len(line.text) >= _BODY_LINE:
                return None
        return None

    def _wire_edit(self, line: Line, match: regex.Match[str], found: _Found) -> Edit | None:
        location = match["location"].strip(" ,") if match["location"] else None
        span = Span(line.start, line.start + match.end())
        found.add_wire(location, match["agency"].strip(), match.group().strip(), span)
        if not self.remove_wire:
            return None
        return Edit.delete(
            span.start,
            span.end,
            kind=ChangeKind.DATELINE,
            reason="wire dateline (location and agency), recorded in the dateline",
            rule="dateline.wire",
        )


class _Found:
    """What the header lines said, gathered in reading order."""

    __slots__ = ("agency", "authors", "location", "published", "raw", "span", "updated")

    def __init__(self) -> None:
        self.published: datetime | None = None
        self.updated: datetime | None = None
        self.authors: tuple[str, ...] = ()
        self.location: str | None = None
        self.agency: str | None = None
        self.raw = ""
        self.span: Span | None = None

    def empty(self) -> bool:
        return not (self.published or self.updated or self.authors or self.agency)

    def _locate(self, raw: str, span: Span | None) -> None:
        if not self.raw:
            self.raw = raw
            self.span = span

    def add_date(self, value: datetime, *, updated: bool, raw: str, span: Span | None) -> None:
        if updated and self.updated is None:
            self.updated = value
        elif not updated and self.published is None:
            self.published = value
        else:
            return
        self._locate(raw, span)

    def add_authors(self, authors: tuple[str, ...], raw: str, span: Span) -> None:
        if not self.authors:
            self.authors = authors
            self._locate(raw, span)

    def add_wire(self, location: str | None, agency: str, raw: str, span: Span) -> None:
        self.location = location
        self.agency = agency
        self._locate(raw, span)

    def dateline(self) -> Dateline:
        return Dateline(
            published=self.published,
            updated=self.updated,
            location=self.location,
            agency=self.agency,
            authors=self.authors,
            raw=self.raw,
            span=self.span,
        )


def _header(text: str) -> list[Line]:
    """The non-blank lines above the body: up to the first long line, at most a few."""
    header: list[Line] = []
    for line in iter_lines(text):
        if line.blank:
            continue
        if len(line.text) >= _BODY_LINE or len(header) == _HEADER_LINES:
            break
        header.append(line)
    return header


def parse_dateline(
    *,
    languages: Sequence[str] | None = None,
    remove_wire: bool = False,
    name: str | None = None,
) -> ParseDateline:
    """Make a cleaner that parses the dateline and byline above an article's body.

    `languages` limits the date grammar to these language codes (default: all it knows).
    `remove_wire` also removes a wire prefix such as "PARIS (Reuters) -" from the first
    paragraph (it is always recorded). `name` is the step's name in a pipeline.
    """
    if isinstance(languages, str):
        raise TypeError("languages must be a sequence of codes such as ['en', 'de'], not a str")
    codes = None if languages is None else tuple(languages)
    if codes is not None:
        from scrapeclean.dates import parse_date

        parse_date("", languages=codes)  # raises ValueError naming any unknown code
    return ParseDateline(languages=codes, remove_wire=bool(remove_wire), name=name or "")
