"""Frozen value types shared by the whole library.

Every value here is immutable, slotted and picklable:

- `Span`: a half-open range ``[start, end)`` of character offsets in a text.
- `Edit`: what a cleaner *proposes*, in the coordinates of the text it was given.
- `Change`: what the pipeline *did*, in the coordinates of the input text.
- `Dateline`: the parsed dateline of an article (when, where, who).
- `Block`: a block of the input text (paragraph, heading, line) and the evidence about it.
- `Finding`, `Metadata`: metadata values with their provenance, and the merged record.
- `Source`: the input text that every span points into, and how it was obtained.
- `Document`: what a cleaner is shown: the current text and what earlier steps found.
- `Proposal`: what a cleaner returns: edits and metadata.
- `CleanResult`: what `clean()` returns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    from scrapeclean._offsets import OffsetMap

__all__ = [
    "SCHEMA_VERSION",
    "Block",
    "Change",
    "ChangeKind",
    "CleanResult",
    "Dateline",
    "Document",
    "Edit",
    "Finding",
    "Metadata",
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

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its values, rebuilt without the checks (see "trusted construction").
        return trusted_span, (self.start, self.end)


class ChangeKind:
    """The kinds of change the built-in cleaners record (plain strings, listed for reference)."""

    CHROME = "chrome"
    DATELINE = "dateline"
    TITLE = "title"
    MOJIBAKE = "mojibake"
    ENTITY = "entity"
    UNICODE = "unicode"
    CONTROL = "control"
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
    rule: str = ""

    @classmethod
    def delete(cls, start: int, end: int, *, kind: str, reason: str, rule: str = "") -> Edit:
        """Propose removing ``text[start:end]``; `rule` is the stable id of the rule that fired."""
        return cls(Span(start, end), "", kind, reason, rule)

    @classmethod
    def replace(
        cls, start: int, end: int, replacement: str, *, kind: str, reason: str, rule: str = ""
    ) -> Edit:
        """Propose replacing ``text[start:end]`` with `replacement`."""
        return cls(Span(start, end), replacement, kind, reason, rule)

    @property
    def rule_id(self) -> str:
        """`rule`, or the kind when the cleaner gave no rule id."""
        return self.rule or self.kind


@dataclass(frozen=True, slots=True)
class Change:
    """One change the pipeline made.

    `span` is in the coordinates of the input text (`CleanResult.source.text`). `before` is the
    text that was replaced as it stood when the cleaner ran (an earlier cleaner may already have
    rewritten part of it), `after` what replaced it. `replay()` re-applies a sequence of changes.
    `rule` is the stable, machine-readable id of the rule that made the change (such as
    ``chrome.icon_labels`` or ``encoding.mojibake``; several ids joined by ``+`` when the
    pipeline merged edits), `reason` the same thing said for a person.
    """

    cleaner: str
    kind: str
    span: Span
    before: str
    after: str
    reason: str
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "cleaner": self.cleaner,
            "kind": self.kind,
            "rule": self.rule,
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
            rule=data.get("rule", ""),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # A result holds thousands of changes: pickled as values, rebuilt without the checks.
        values = (self.cleaner, self.kind, self.span, self.before, self.after)
        return trusted_change, (*values, self.reason, self.rule)


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
class Block:
    """One block of the input text (a paragraph, heading, list item, line) and its evidence.

    Reading HTML gives one block per block-level element, with what the DOM says about it;
    plain text gives one block per line, with what its shape and position say. A chrome remover
    is written once against blocks and uses the DOM evidence when it is there.

    - `span`: where the block is, in the input text (in the current text, in a `Document`).
    - `tag`: the element's tag name (``"p"``, ``"li"``, ``"h2"``), or ``"line"`` for plain text.
    - `path`: the tag names from the root down to the element (``"body>div>article>p"``).
    - `landmark`: the nearest enclosing landmark (``nav``, ``header``, ``footer``, ``aside``,
      ``main``, ``article``, ``form``, or an ARIA role), or None.
    - `tokens`: the class and id words of the element and its ancestors, lower case, in order.
    - `link_share`: the share of the block's characters that are link text (0 to 1).
    - `depth`: how deep the element is in the tree.
    - `position`: where the block starts, as a share of the text (0 at the top, 1 at the end).
    - `in_main`: whether it sits inside the element that structured data, ``<article>`` or
      ``<main>`` points at as the content.
    - `markup`: where the element's start tag is in the HTML markup (character offsets), when
      the page was read from a string; None for a tree the caller parsed.
    - `selector`: a CSS selector of the element
      (``"html>body>div:nth-of-type(2)>p:nth-of-type(3)"``; on a page nested deeper than 32
      levels, the last 32 levels after ``"…>"``).
    - `control_share`: the share of the block's characters that are button or label text.
    - `selected`: the caller's CSS selectors (``extract_html(remove=..., keep=...)``) that match
      the element or one of its ancestors.
    """

    span: Span
    tag: str = "line"
    path: str = ""
    landmark: str | None = None
    tokens: tuple[str, ...] = ()
    link_share: float = 0.0
    depth: int = 0
    position: float = 0.0
    in_main: bool = False
    markup: Span | None = None
    selector: str = ""
    control_share: float = 0.0
    selected: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "span": self.span.to_list(),
            "tag": self.tag,
            "path": self.path,
            "landmark": self.landmark,
            "tokens": list(self.tokens),
            "link_share": self.link_share,
            "depth": self.depth,
            "position": self.position,
            "in_main": self.in_main,
            "markup": None if self.markup is None else self.markup.to_list(),
            "selector": self.selector,
            "control_share": self.control_share,
            "selected": list(self.selected),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Block:
        """Rebuild a block from `to_dict()` output."""
        return cls(
            span=Span(*data["span"]),
            tag=data.get("tag", "line"),
            path=data.get("path", ""),
            landmark=data.get("landmark"),
            tokens=tuple(data.get("tokens", ())),
            link_share=float(data.get("link_share", 0.0)),
            depth=int(data.get("depth", 0)),
            position=float(data.get("position", 0.0)),
            in_main=bool(data.get("in_main", False)),
            markup=None if data.get("markup") is None else Span(*data["markup"]),
            selector=data.get("selector", ""),
            control_share=float(data.get("control_share", 0.0)),
            selected=tuple(data.get("selected", ())),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its values in field order, rebuilt without the checks.
        return trusted_block, tuple(getattr(self, name) for name in _BLOCK_FIELDS)


#: The value of a metadata field: text, a time, or a list of names (authors).
MetaValue = Union[str, datetime, tuple[str, ...]]  # noqa: UP007  (a runtime alias on 3.10)

#: The metadata fields with their own attribute on `Metadata`, and the type of each value.
METADATA_FIELDS: dict[str, type] = {
    "title": str,
    "authors": tuple,
    "published": datetime,
    "updated": datetime,
    "language": str,
    "url": str,
    "site_name": str,
    "description": str,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One metadata value and where it came from.

    `name` is the field (``"title"``, ``"published"``, ``"authors"``, or any other name, kept in
    `Metadata.extra`); `step` the pipeline step that found it (``"read_html"`` for the page's
    own metadata); `origin` what it was read from (``"text"``, ``"json-ld"``,
    ``"meta[property=og:title]"``, ``"<title>"``, ``"<time datetime>"``, ``"url"``);
    `confidence` how sure that source is, from 0 to 1; `span` where in the input text, when it
    was found in the text.
    """

    name: str
    value: MetaValue
    step: str
    origin: str
    confidence: float = 0.5
    span: Span | None = None

    def __post_init__(self) -> None:
        wanted = METADATA_FIELDS.get(self.name, str)
        if not isinstance(self.value, wanted):
            raise TypeError(
                f"metadata field {self.name!r} takes a {wanted.__name__}, got {self.value!r}"
            )
        if isinstance(self.value, tuple) and not all(isinstance(item, str) for item in self.value):
            raise TypeError(f"metadata field {self.name!r} takes a tuple of str")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be from 0 to 1, not {self.confidence!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (a datetime as ISO 8601, authors as a list)."""
        value: Any = self.value
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        return {
            "name": self.name,
            "value": value,
            "step": self.step,
            "origin": self.origin,
            "confidence": self.confidence,
            "span": None if self.span is None else self.span.to_list(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a finding from `to_dict()` output."""
        name = data["name"]
        value = data["value"]
        wanted = METADATA_FIELDS.get(name, str)
        if wanted is datetime:
            value = datetime.fromisoformat(value)
        elif wanted is tuple:
            value = tuple(value)
        span = data.get("span")
        return cls(
            name=name,
            value=value,
            step=data.get("step", ""),
            origin=data.get("origin", ""),
            confidence=float(data.get("confidence", 0.5)),
            span=None if span is None else Span(span[0], span[1]),
        )


@dataclass(frozen=True, slots=True)
class Metadata:
    """The article's metadata, each value with its provenance.

    Built by the pipeline from every `Finding` the steps (and the HTML reader) reported, by one
    documented precedence (`Metadata.merge`). `provenance` holds the finding each set field came
    from; `source_of(name)` looks one up. Fields without their own attribute are in `extra`.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    provenance: tuple[Finding, ...] = ()

    @classmethod
    def merge(cls, findings: Iterable[Finding]) -> Metadata:
        """Pick one value per field: the most confident finding, the earliest one on a tie.

        Findings arrive in the order they were made (the HTML reader first, then the steps in
        pipeline order), so on equal confidence the page's own metadata wins over a guess from
        the text only when it is at least as sure.
        """
        best: dict[str, Finding] = {}
        for finding in findings:
            held = best.get(finding.name)
            if held is None or finding.confidence > held.confidence:
                best[finding.name] = finding
        values: dict[str, Any] = {}
        extra: list[tuple[str, str]] = []
        for name, finding in best.items():
            if name in METADATA_FIELDS:
                values[name] = finding.value
            else:
                extra.append((name, str(finding.value)))
        return cls(
            **values,
            extra=tuple(sorted(extra)),
            provenance=tuple(sorted(best.values(), key=lambda found: found.name)),
        )

    def source_of(self, name: str) -> Finding | None:
        """The finding the value of field `name` came from, or None when it is not set."""
        for finding in self.provenance:
            if finding.name == name:
                return finding
        return None

    def get(self, name: str) -> MetaValue | None:
        """The value of field `name` (an attribute or an `extra` field), or None."""
        if name in METADATA_FIELDS:
            value: MetaValue | None = getattr(self, name)
            return value if value != () else None
        return dict(self.extra).get(name)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: each field's value, then the provenance of each."""
        data: dict[str, Any] = {}
        for name in METADATA_FIELDS:
            value = getattr(self, name)
            data[name] = (
                _iso(value)
                if isinstance(value, datetime)
                else list(value)
                if isinstance(value, tuple)
                else value
            )
        data["extra"] = dict(self.extra)
        data["provenance"] = [finding.to_dict() for finding in self.provenance]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Metadata:
        """Rebuild metadata from `to_dict()` output."""
        provenance = tuple(Finding.from_dict(item) for item in data.get("provenance", ()))
        return cls(
            title=data.get("title"),
            authors=tuple(data.get("authors") or ()),
            published=_from_iso(data.get("published")),
            updated=_from_iso(data.get("updated")),
            language=data.get("language"),
            url=data.get("url"),
            site_name=data.get("site_name"),
            description=data.get("description"),
            extra=tuple(sorted((data.get("extra") or {}).items())),
            provenance=provenance,
        )


@dataclass(frozen=True, slots=True)
class Source:
    """The input text that every `Change.span` points into, and how it was obtained.

    `format` is ``"text"`` or ``"html"``. HTML input is read into the page's visible text, one
    block per block-level element, paragraphs separated by a blank line; `blocks` describes
    each block with the DOM's evidence and `findings` holds the page's own metadata (``<title>``,
    meta tags, JSON-LD). For plain text `blocks` is empty (a `Document` derives line blocks on
    demand). `encoding` names the codec used to decode bytes input (charset labels are read
    as browsers read them, so a page declaring ``latin1`` records ``"windows-1252"``) and
    `encoding_source` says how it was chosen (``"bom"``, ``"given"``, ``"declared"``,
    ``"utf-8"``, ``"detected"`` or ``"fallback"``) and `encoding_confidence` how sure that
    choice is, from 0 to 1; all three are None for str input. `url` is the page's address,
    when the caller gave it. `container` names the element the HTML reader took as the content
    container (``"article"``, ``"main"``, ``"itemprop=articleBody"``), or None when it found none.
    """

    text: str
    format: str = "text"
    encoding: str | None = None
    encoding_source: str | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = ()
    findings: tuple[Finding, ...] = ()
    container: str | None = None
    encoding_confidence: float | None = None

    def blocks_at(self, span: Span) -> tuple[Block, ...]:
        """The blocks whose text `span` (in `text`) touches, in order."""
        from bisect import bisect_right

        starts = [block.span.start for block in self.blocks]
        first = max(0, bisect_right(starts, span.start) - 1)
        found = []
        for block in self.blocks[first:]:
            if block.span.start > span.end or (block.span.start == span.end and len(span)):
                break
            if block.span.end >= span.start:
                found.append(block)
        return tuple(found)

    def markup_of(self, span: Span) -> tuple[str, ...]:
        """Where in the HTML the text at `span` came from: the selectors of its blocks.

        ``source.markup_of(change.span)`` says which elements a change touched; each block's
        `Block.markup` gives the offsets of its start tag in the page, when known.
        """
        return tuple(block.selector for block in self.blocks_at(span) if block.selector)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "text": self.text,
            "format": self.format,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "encoding_confidence": self.encoding_confidence,
            "url": self.url,
            "blocks": [block.to_dict() for block in self.blocks],
            "findings": [finding.to_dict() for finding in self.findings],
            "container": self.container,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        """Rebuild a source from `to_dict()` output (schema 1's ``html_title`` read as findings)."""
        findings = [Finding.from_dict(item) for item in data.get("findings", ())]
        if data.get("html_title"):
            findings.append(Finding("title", data["html_title"], "read_html", "html", 0.8))
        if data.get("html_published"):
            published = datetime.fromisoformat(data["html_published"])
            findings.append(Finding("published", published, "read_html", "html", 0.8))
        return cls(
            text=data["text"],
            format=data.get("format", "text"),
            encoding=data.get("encoding"),
            encoding_source=data.get("encoding_source"),
            encoding_confidence=data.get("encoding_confidence"),
            url=data.get("url"),
            blocks=tuple(Block.from_dict(item) for item in data.get("blocks", ())),
            findings=tuple(findings),
            container=data.get("container"),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """What a cleaner is shown: the current text and what earlier steps found.

    `source` is the original input. `metadata` is what the reader and earlier steps found so far
    (`title` and `dateline` are kept as their own fields for convenience). `blocks` is the block
    table of the HTML page as read (spans in the *input* text), or None for plain text;
    `block_table()` gives the blocks located in the current text (a block an earlier step
    removed whole has an empty span), or one block per line for plain text. `offsets` is the
    pipeline's map from input to current text, which `block_table()` uses: blocks are located
    only when a step asks, once per step. `reference` is the time relative dates resolve against
    (None: leave them unresolved); `url` the page's address, when known. Edits must always be
    proposed against `text`.
    """

    text: str
    source: Source
    title: str | None = None
    dateline: Dateline | None = None
    metadata: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] | None = None
    reference: datetime | None = None
    url: str | None = None
    offsets: OffsetMap | None = None
    _located: list[tuple[Block, ...]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @classmethod
    def from_text(cls, text: str, *, reference: datetime | None = None) -> Document:
        """Make a document from plain text, as a cleaner used on its own would see it."""
        return cls(text=text, source=Source(text=text), reference=reference)

    def block_table(self) -> tuple[Block, ...]:
        """The blocks of the current text: the page's blocks for HTML, else one per line."""
        if self.blocks is None:
            from scrapeclean._blocks import text_blocks

            return text_blocks(self.text)
        if self.offsets is None or not len(self.offsets):
            return self.blocks
        if not self._located:
            from scrapeclean._blocks import locate_blocks

            self._located.append(locate_blocks(self.blocks, self.offsets))
        return self._located[0]


@dataclass(frozen=True, slots=True)
class Proposal:
    """What a cleaner returns: edits to the text it was given, and what it found.

    Edits must be sorted by position, must not overlap, and must lie within the text; the pipeline
    rejects anything else with a `CleanerError`. `findings` are metadata values with their
    provenance (a finding's span is in the coordinates of the text the cleaner was given). A
    `title` or `dateline` set here is adopted too, as findings from the text.
    """

    edits: tuple[Edit, ...] = ()
    title: str | None = None
    dateline: Dateline | None = None
    warnings: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()


#: The version of the JSON form written by `CleanResult.to_dict`. 1 had ``title`` and
#: ``published`` at the top only and no rule ids; `from_dict` still reads it.
SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What `clean()` returns: the cleaned text, its metadata, and every change made.

    ``str(result) == result.text``. `metadata` holds every value found with its provenance;
    `title` and `published` are its title and publication time (the best from any source).
    """

    text: str
    source: Source
    metadata: Metadata = field(default_factory=Metadata)
    dateline: Dateline | None = None
    changes: tuple[Change, ...] = ()
    warnings: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.text

    @property
    def title(self) -> str | None:
        """The article's title, from the best source (`metadata.source_of("title")` says which)."""
        return self.metadata.title

    @property
    def published(self) -> datetime | None:
        """The best publication time from any source: the dateline, then the page's metadata."""
        return self.metadata.published

    def to_dict(self, *, include_source: bool = True) -> dict[str, Any]:
        """Return a JSON-ready dict; `from_dict` turns it back into an equal result.

        With ``include_source=False`` the input text and its block table are left out (for JSONL
        output and golden files); such a dict reads back with the source text empty.
        """
        data: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "text": self.text,
            "title": self.title,
            "published": _iso(self.published),
            "dateline": None if self.dateline is None else self.dateline.to_dict(),
            "metadata": self.metadata.to_dict(),
            "changes": [change.to_dict() for change in self.changes],
            "warnings": list(self.warnings),
            "steps": list(self.steps),
        }
        if include_source:
            data["source"] = self.source.to_dict()
        return data

    def to_json(self, *, indent: int | None = None, include_source: bool = True) -> str:
        """Return the result as JSON (datetimes as ISO 8601 strings, non-ASCII kept as is)."""
        return json_text(self.to_dict(include_source=include_source), indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CleanResult:
        """Rebuild a result from `to_dict()` output (this schema version or the one before).

        Raises ValueError when `data` is not such a dict (a field missing or of a wrong type).
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"not a CleanResult dict: a {type(data).__name__}")
        version = data.get("schema", 1)
        if version not in (1, SCHEMA_VERSION):
            raise ValueError(f"unknown result schema version {version!r}")
        try:
            return cls._from_checked_dict(data)
        except _MALFORMED as error:
            message = f"not a CleanResult dict: {type(error).__name__}: {error}"
            raise ValueError(message) from error

    @classmethod
    def _from_checked_dict(cls, data: Mapping[str, Any]) -> CleanResult:
        """`from_dict` once the schema version is known."""
        dateline = data.get("dateline")
        source = data.get("source")
        if "metadata" in data:
            metadata = Metadata.from_dict(data["metadata"])
        else:
            metadata = _metadata_v1(data)
        return cls(
            text=data["text"],
            source=Source(text="") if source is None else Source.from_dict(source),
            metadata=metadata,
            dateline=None if dateline is None else Dateline.from_dict(dateline),
            changes=tuple(Change.from_dict(item) for item in data.get("changes", ())),
            warnings=tuple(data.get("warnings", ())),
            steps=tuple(data.get("steps", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> CleanResult:
        """Rebuild a result from `to_json()` output; ValueError when `text` is not one."""
        try:
            data = json.loads(text)
        except RecursionError as error:
            raise ValueError("not a CleanResult JSON text: nested too deep") from error
        return cls.from_dict(data)

    def explain(self, *, width: int = 60) -> str:
        """Describe every change in words: which cleaner, what, where in the input, and why."""
        from scrapeclean._explain import explain_result

        return explain_result(self, width=width)


#: A lone surrogate: a str may hold one (decoded with ``surrogateescape``, or read from JSON's
#: ``"\ud800"``), but UTF-8 cannot encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(data: object, *, indent: int | None = None) -> str:
    """`data` as JSON, non-ASCII kept as is but lone surrogates escaped (``\\ud800``).

    The text can then always be written as UTF-8, and reads back as the same strings.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


#: What reading a dict that is not a result raises, field by field: a missing key, a value of
#: a wrong type or shape.
_MALFORMED = (KeyError, TypeError, AttributeError, IndexError, ValueError)


def _metadata_v1(data: Mapping[str, Any]) -> Metadata:
    """Metadata from a schema-1 dict, which had only a title and a publication time."""
    findings = []
    if data.get("title") is not None:
        findings.append(Finding("title", data["title"], "unknown", "schema-1", 0.5))
    if data.get("published") is not None:
        published = datetime.fromisoformat(data["published"])
        findings.append(Finding("published", published, "unknown", "schema-1", 0.5))
    return Metadata.merge(findings)


# -- trusted construction ---------------------------------------------------------------------
# The library's own readers make tens of thousands of spans, blocks and changes per page from
# values it has already checked. A frozen dataclass's ``__init__`` sets each field through
# ``object.__setattr__`` (and `Span` checks its offsets); these build the same objects (equal,
# same hash, same pickle) by setting the slots directly, for the library's hot paths only.

_new = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The ``__set__`` of each slot of `cls` named in `names`, in order."""
    return tuple(getattr(cls, name).__set__ for name in names)


_SPAN_SET = _slot_setters(Span, ("start", "end"))
_BLOCK_FIELDS = (
    "span", "tag", "path", "landmark", "tokens", "link_share", "depth", "position",
    "in_main", "markup", "selector", "control_share", "selected",
)  # fmt: skip
_BLOCK_SET = _slot_setters(Block, _BLOCK_FIELDS)
_EDIT_SET = _slot_setters(Edit, ("span", "replacement", "kind", "reason", "rule"))
_CHANGE_SET = _slot_setters(
    Change, ("cleaner", "kind", "span", "before", "after", "reason", "rule")
)


def trusted_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for offsets known to be ints with ``0 <= start <= end``, unchecked."""
    span: Span = _new(Span)
    set_start, set_end = _SPAN_SET
    set_start(span, start)
    set_end(span, end)
    return span


def trusted_block(
    span: Span,
    tag: str,
    path: str,
    landmark: str | None,
    tokens: tuple[str, ...],
    link_share: float,
    depth: int,
    position: float,
    in_main: bool,
    markup: Span | None,
    selector: str,
    control_share: float,
    selected: tuple[str, ...],
) -> Block:
    """``Block(...)`` of checked values (every field, in order), built without ``__init__``."""
    block: Block = _new(Block)
    values = (
        span, tag, path, landmark, tokens, link_share, depth, position, in_main, markup,
        selector, control_share, selected,
    )  # fmt: skip
    for setter, value in zip(_BLOCK_SET, values, strict=True):
        setter(block, value)
    return block


def trusted_deletion(start: int, end: int, kind: str, reason: str, rule: str) -> Edit:
    """``Edit.delete(start, end, ...)`` for offsets known good, built without ``__init__``."""
    edit: Edit = _new(Edit)
    set_span, set_replacement, set_kind, set_reason, set_rule = _EDIT_SET
    set_span(edit, trusted_span(start, end))
    set_replacement(edit, "")
    set_kind(edit, kind)
    set_reason(edit, reason)
    set_rule(edit, rule)
    return edit


def trusted_change(
    cleaner: str, kind: str, span: Span, before: str, after: str, reason: str, rule: str
) -> Change:
    """``Change(...)`` of checked values, built without ``__init__``."""
    change: Change = _new(Change)
    set_cleaner, set_kind, set_span, set_before, set_after, set_reason, set_rule = _CHANGE_SET
    set_cleaner(change, cleaner)
    set_kind(change, kind)
    set_span(change, span)
    set_before(change, before)
    set_after(change, after)
    set_reason(change, reason)
    set_rule(change, rule)
    return change
