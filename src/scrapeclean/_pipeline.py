"""`Pipeline`, `clean()` and `replay()`: cleaners propose, the pipeline checks, applies, records.

A pipeline runs its steps in order. Each step is shown the current text as a `Document` and
returns a `Proposal`. The pipeline checks the proposed edits (sorted, non-overlapping, in bounds),
applies them in one pass, and records each as a `Change` whose span is in the *input* text, using
the offset map of `scrapeclean._offsets`. `replay()` applies recorded changes to the input text
with the same map, so ``replay(result.source.text, result.changes) == result.text``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, Union

from scrapeclean._input import DEFAULT_MAX_CHARS, RawInput, read_input
from scrapeclean._model import (
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
    trusted_change,
    trusted_span,
)
from scrapeclean._offsets import OffsetMap, Piece, apply_pieces
from scrapeclean._page_dates import url_date_findings
from scrapeclean.exceptions import CleanerError, PipelineError, ReplayError

if TYPE_CHECKING:
    from scrapeclean._batch import CleanFailure, Item, OnError
    from scrapeclean.typing import Cleaner

__all__ = ["Pipeline", "Reference", "clean", "replay"]

#: What `reference=` takes: a datetime, ``"now"`` (read the clock once, at the call), or None
#: (relative dates stay unresolved).
Reference = Union[datetime, Literal["now"], None]  # noqa: UP007

#: A time stated without a zone may be in any zone from UTC-12 to UTC+14: a naive publication
#: time is "after the reference" only when it is later than this even in the farthest zone.
_ZONE_SLACK = timedelta(hours=14)
#: How sure a dateline that names a month but no day is of the day (the 1st, by default).
_DAYLESS_DATELINE = 0.5


class Pipeline:
    """An ordered, immutable list of named cleaning steps.

    Build one from cleaners (``Pipeline([cleaners.fix_encoding(), cleaners.remove_chrome()])``)
    or start from `Pipeline.default()` and change it with `without`, `then` and `replace`, which
    return new pipelines. A pipeline is picklable, so it can be shipped to worker processes.
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: Iterable[Cleaner]) -> None:
        """Make a pipeline that runs `steps` in order; step names must be unique."""
        if isinstance(steps, (str, bytes)) or not isinstance(steps, Iterable):
            raise PipelineError(f"a pipeline takes an iterable of cleaners, not {steps!r}")
        checked = tuple(steps)
        seen: set[str] = set()
        provided: dict[str, str] = {}
        for step in checked:
            name = getattr(step, "name", None)
            if not isinstance(name, str) or not callable(step):
                raise PipelineError(
                    f"pipeline steps must be cleaners (callables with a str 'name'), got {step!r}"
                )
            if name in seen:
                raise PipelineError(
                    f"duplicate step name {name!r}: each step of a pipeline needs its own name "
                    f"(give one of them another, e.g. name={name + '_2'!r})"
                )
            seen.add(name)
            for need in sorted(_needs(step)):
                if need not in provided:
                    raise PipelineError(
                        f"step {name!r} needs {need!r} from an earlier step, and no step before "
                        f"it provides it: add a step that does (the default pipeline's "
                        f"{_PROVIDERS.get(need, need)!r}) before {name!r}, or drop {name!r}"
                    )
            for made in getattr(step, "provides", ()):
                provided.setdefault(made, name)
        self._steps: tuple[Cleaner, ...] = checked

    @classmethod
    def default(cls) -> Pipeline:
        """The pipeline `clean()` uses.

        HTML extraction, encoding, whitespace, chrome, dateline, title, spelling
        (`extract_html` does nothing on plain text).
        """
        from scrapeclean import cleaners

        return cls(
            [
                cleaners.extract_html(),
                cleaners.fix_encoding(),
                cleaners.normalize_whitespace(),
                cleaners.remove_chrome(),
                cleaners.parse_dateline(),
                cleaners.extract_title(),
                cleaners.normalize_spelling(),
            ]
        )

    def _selectors(self) -> tuple[str, ...]:
        """The CSS selectors the steps ask the HTML reader about (``extract_html(remove=...)``)."""
        found: list[str] = []
        for step in self._steps:
            asked = getattr(step, "selectors", ())
            if isinstance(asked, tuple):
                found.extend(selector for selector in asked if isinstance(selector, str))
        return tuple(dict.fromkeys(found))

    @property
    def steps(self) -> tuple[Cleaner, ...]:
        """The steps, in the order they run."""
        return self._steps

    @property
    def names(self) -> tuple[str, ...]:
        """The step names, in the order they run."""
        return tuple(step.name for step in self._steps)

    def _index(self, name: str) -> int:
        for index, step in enumerate(self._steps):
            if step.name == name:
                return index
        raise PipelineError(f"no step named {name!r}; this pipeline has {list(self.names)}")

    def without(self, *names: str) -> Pipeline:
        """Return a copy without the named steps (each must be present)."""
        drop = {self._index(name) for name in names}
        return Pipeline(step for index, step in enumerate(self._steps) if index not in drop)

    def then(self, cleaner: Cleaner) -> Pipeline:
        """Return a copy with `cleaner` appended as the last step."""
        return Pipeline([*self._steps, cleaner])

    def replace(self, name: str, cleaner: Cleaner) -> Pipeline:
        """Return a copy with the step called `name` replaced by `cleaner`."""
        index = self._index(name)
        return Pipeline([*self._steps[:index], cleaner, *self._steps[index + 1 :]])

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(repr(step) for step in self._steps)}])"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return self._steps == other._steps

    def __hash__(self) -> int:
        return hash(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._steps)

    def __getstate__(self) -> tuple[Cleaner, ...]:
        return self._steps

    def __setstate__(self, state: tuple[Cleaner, ...]) -> None:
        self._steps = state

    def __call__(
        self,
        raw: RawInput,
        *,
        html: bool | None = None,
        encoding: str | None = None,
        url: str | None = None,
        reference: Reference = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> CleanResult:
        """Same as `clean`."""
        return self.clean(
            raw, html=html, encoding=encoding, url=url, reference=reference, max_chars=max_chars
        )

    def clean(
        self,
        raw: RawInput,
        *,
        html: bool | None = None,
        encoding: str | None = None,
        url: str | None = None,
        reference: Reference = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> CleanResult:
        """Clean `raw` (str, bytes, or a BeautifulSoup document or tag) with this pipeline.

        `html` forces (True) or forbids (False) reading str/bytes input as HTML; by default it
        is detected. `encoding` is the charset to try first for bytes input (e.g. from an HTTP
        header). `url` is the page's address (recorded in the metadata). `reference` is the
        time relative dates ("2 hours ago", "yesterday") resolve against: a datetime, or
        ``"now"`` to read the clock once; with None (the default) they are left unresolved and
        nothing reads the clock, so the same input always gives the same result. `max_chars`
        limits the input's length (after decoding and decompressing); longer input raises
        `InputTooLargeError`. Non-text bytes raise `BinaryInputError`; an `encoding` that names
        no text encoding raises `UnknownEncodingError`; an option of a wrong type, `TypeError`.
        """
        when = _reference(reference)
        _check_option("html", html, (bool, type(None)), "True, False or None")
        _check_option("url", url, (str, type(None)), "a str or None")
        source, warnings = read_input(
            raw, html=html, encoding=encoding, max_chars=max_chars, selectors=self._selectors()
        )
        if url is not None:
            source = dataclasses.replace(
                source,
                url=url,
                findings=(
                    *source.findings,
                    Finding("url", url, "clean", "argument", 1.0),
                    *url_date_findings(url, source.findings),
                ),
            )
        run = _Run(source, warnings, when)
        for step in self._steps:
            run.step(step)
        return run.result(steps=self.names)

    def clean_many(
        self,
        items: Iterable[Item],
        *,
        workers: int = 1,
        chunksize: int = 8,
        timeout: float | None = None,
        on_error: OnError = "record",
        reference: Reference = None,
    ) -> Generator[CleanResult | CleanFailure, None, None]:
        """Clean many documents; yield one outcome per item, in input order, as they finish.

        `items` is any iterable of str, bytes (or bytearray, memoryview) or `CleanRequest` (which
        adds an id, the url and html/encoding hints), never one document itself (a str `items`
        raises `InputTypeError`); it is read lazily, a chunk at a time, so memory stays bounded
        however long it is. With ``workers > 1`` documents are cleaned in that many processes
        (each warms its own copy of the pipeline once), `chunksize` documents at a time.
        `timeout` (seconds) limits each document: one that runs over is abandoned (its worker
        is replaced) and reported. A document that fails yields a `CleanFailure` and the batch
        goes on; with ``on_error="raise"`` the first failure raises `DocumentError` instead.
        `reference` is as in `clean` (``"now"`` is read once for the whole batch).
        """
        from scrapeclean._batch import clean_many

        return clean_many(
            self,
            items,
            workers=workers,
            chunksize=chunksize,
            timeout=timeout,
            on_error=on_error,
            reference=reference,
        )


_PROVIDERS = {"dateline": "parse_dateline"}


def _needs(step: object) -> frozenset[str]:
    needs: object = getattr(step, "needs", frozenset())
    return (
        frozenset(str(need) for need in needs)
        if isinstance(needs, (set, frozenset, tuple, list))
        else frozenset()
    )


def _reference(reference: object) -> datetime | None:
    """The reference time from `clean(reference=...)`; only ``"now"`` reads the clock."""
    if reference is None or isinstance(reference, datetime):
        return reference
    if reference == "now":
        return datetime.now()
    raise TypeError(
        f"reference must be a datetime, 'now' or None, not {reference!r} "
        f"({type(reference).__name__})"
    )


def _check_option(name: str, value: object, types: tuple[type, ...], accepted: str) -> None:
    if not isinstance(value, types):
        raise TypeError(f"{name} must be {accepted}, not {type(value).__name__} {value!r}")


def _names_its_day(raw: str | None) -> bool:
    """Whether a dateline's words name a day: "Januar 2022" states a month, not a day."""
    from scrapeclean.dates import _parse_fields

    fields = _parse_fields(raw, None) if raw else None
    return fields is None or not ("month" in fields and "day" not in fields)


def _after_reference(value: datetime, reference: datetime) -> bool:
    """Whether `value` is later than `reference` (with slack when either has no zone)."""
    if (value.tzinfo is None) == (reference.tzinfo is None):
        return value > reference
    return value.replace(tzinfo=None) > reference.replace(tzinfo=None) + _ZONE_SLACK


def _without_time(dateline: Dateline, field_name: str) -> Dateline:
    """`dateline` with its ``published`` or ``updated`` time dropped."""
    if field_name == "published":
        return dataclasses.replace(dateline, published=None)
    return dataclasses.replace(dateline, updated=None)


class _Run:
    """The state of one document going through a pipeline."""

    __slots__ = (
        "changes",
        "dateline",
        "findings",
        "merged",
        "offsets",
        "reference",
        "source",
        "text",
        "title",
        "warnings",
    )

    def __init__(self, source: Source, warnings: list[str], reference: datetime | None) -> None:
        self.source = source
        self.text = source.text
        self.offsets = OffsetMap()
        self.changes: list[Change] = []
        self.warnings = warnings
        self.reference = reference
        self.findings: list[Finding] = []
        #: `Metadata.merge` of `findings`, kept until a finding is added.
        self.merged: Metadata | None = None
        for finding in source.findings:
            self._add_finding("read_input", finding)
        self.title: str | None = self.metadata().title
        self.dateline: Dateline | None = None

    def metadata(self) -> Metadata:
        merged = self.merged
        if merged is None:
            merged = self.merged = Metadata.merge(self.findings)
        return merged

    def _add_finding(self, step: str, finding: Finding) -> bool:
        """Keep `finding`, unless it is a publication time later than the reference."""
        value = finding.value
        if (
            isinstance(value, datetime)
            and finding.name in ("published", "updated")
            and self.reference is not None
            and _after_reference(value, self.reference)
        ):
            self.warnings.append(
                f"{step}: ignored {finding.name} time {value.isoformat()} from {finding.origin}: "
                f"it is after the reference time {self.reference.isoformat()}"
            )
            return False
        self.findings.append(finding)
        self.merged = None
        return True

    def step(self, step: Cleaner) -> None:
        name = step.name
        doc = Document(
            self.text,
            self.source,
            title=self.title,
            dateline=self.dateline,
            metadata=self.metadata(),
            blocks=self.source.blocks or None,
            reference=self.reference,
            url=self.source.url,
            offsets=self.offsets,
        )
        try:
            proposal = step(doc)
        except Exception as exc:
            raise CleanerError(name, f"raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(proposal, Proposal):
            raise CleanerError(name, f"returned {type(proposal).__name__}, expected a Proposal")
        edits = _checked_edits(name, proposal.edits, self.text)
        _check_findings(name, proposal)
        for finding in proposal.findings:
            self._add_finding(name, self._located(name, finding))
        if proposal.title is not None:
            self.title = proposal.title
            self._add_finding(name, Finding("title", proposal.title, name, "text", 0.6))
        if proposal.dateline is not None:
            self._adopt_dateline(name, proposal.dateline)
        self.title = self.metadata().title
        self.warnings.extend(f"{name}: {warning}" for warning in proposal.warnings)
        pieces = _plan(self.offsets, edits, self.text)
        self.changes.extend(_record(name, pieces, edits, self.text))
        self.text = apply_pieces(self.text, pieces)
        self.offsets.update(pieces)

    def _input_span(self, name: str, span: Span, what: str) -> Span:
        if span.end > len(self.text):
            raise CleanerError(name, f"proposed a {what} span {span} out of bounds")
        in_start, in_end, _, _ = self.offsets.locate(span.start, span.end)
        return Span(in_start, in_end)

    def _located(self, name: str, finding: Finding) -> Finding:
        """`finding` with its span moved into the input text, and the step that found it."""
        span = None if finding.span is None else self._input_span(name, finding.span, "finding")
        return dataclasses.replace(finding, span=span, step=name)

    def _adopt_dateline(self, name: str, found: Dateline) -> None:
        if found.span is not None:
            found = dataclasses.replace(found, span=self._input_span(name, found.span, "dateline"))
        for field_name in ("published", "updated"):
            value = getattr(found, field_name)
            if value is None:
                continue
            confidence = 0.9 if _names_its_day(found.raw) else _DAYLESS_DATELINE
            finding = Finding(field_name, value, name, "text", confidence, found.span)
            if not self._add_finding(name, finding):
                found = _without_time(found, field_name)
        if found.authors:
            self._add_finding(
                name, Finding("authors", found.authors, name, "text", 0.9, found.span)
            )
        self.dateline = found if self.dateline is None else found.merge(self.dateline)

    def result(self, *, steps: tuple[str, ...]) -> CleanResult:
        return CleanResult(
            text=self.text,
            source=self.source,
            metadata=self.metadata(),
            dateline=self.dateline,
            changes=tuple(self.changes),
            warnings=(*self.warnings, *self._emptied()),
            steps=steps,
        )

    def _emptied(self) -> tuple[str, ...]:
        """A warning when the steps left no text of a source that had some, unless one said so.

        A document is never emptied silently, whichever steps removed its parts.
        """
        if self.text.strip() or not self.source.text.strip():
            return ()
        if any("empty" in warning for warning in self.warnings):
            return ()
        return ("clean: the cleaned text is empty: the steps removed every part of it",)


def _check_findings(name: str, proposal: Proposal) -> None:
    """Raise a `CleanerError` when a proposal's title, dateline or warnings have the wrong type."""
    if proposal.title is not None and not isinstance(proposal.title, str):
        raise CleanerError(name, f"proposed a title of type {type(proposal.title).__name__}")
    if proposal.dateline is not None and not isinstance(proposal.dateline, Dateline):
        raise CleanerError(name, f"proposed a dateline of type {type(proposal.dateline).__name__}")
    if not isinstance(proposal.findings, (tuple, list)) or not all(
        isinstance(finding, Finding) for finding in proposal.findings
    ):
        raise CleanerError(name, "proposed findings that are not all Finding")
    if not all(isinstance(warning, str) for warning in proposal.warnings):
        raise CleanerError(name, "proposed warnings that are not all str")


def _checked_edits(name: str, edits: Any, text: str) -> list[Edit]:
    """The proposed edits, or a `CleanerError` that says what is wrong with them."""
    if not isinstance(edits, (tuple, list)):
        raise CleanerError(name, f"proposed edits as {type(edits).__name__}, expected a tuple")
    checked: list[Edit] = []
    previous_end = 0
    for number, edit in enumerate(edits):
        if not isinstance(edit, Edit):
            raise CleanerError(name, f"proposed edit {number} of type {type(edit).__name__}")
        if not isinstance(edit.replacement, str):
            raise CleanerError(name, f"proposed edit {number} with a non-str replacement")
        span = edit.span
        if span.end > len(text):
            raise CleanerError(
                name,
                f"proposed edit {number} at [{span.start}, {span.end}), beyond the end of the "
                f"text ({len(text)} characters)",
            )
        if span.start < previous_end:
            raise CleanerError(
                name,
                f"proposed edit {number} at [{span.start}, {span.end}), which overlaps or comes "
                f"before the edit ending at {previous_end}: edits must be sorted and disjoint",
            )
        previous_end = span.end
        checked.append(edit)
    return checked


def _plan(offsets: OffsetMap, edits: Sequence[Edit], text: str) -> list[Piece]:
    """Turn checked edits into pieces located in the input text, widening and merging."""
    pieces: list[Piece] = []
    for index, edit in enumerate(edits):
        in_start, in_end, start, end = offsets.locate(edit.span.start, edit.span.end)
        if pieces:
            last = pieces[-1]
            overlaps = start < last.end
            ambiguous = start == last.end and last.in_start == last.in_end == in_start
            if overlaps or ambiguous:
                last.end = max(last.end, end)
                last.in_end = max(last.in_end, in_end)
                last.sources.append(index)
                continue
        pieces.append(Piece(start, end, in_start, in_end, "", [index]))
    planned: list[Piece] = []
    for piece in pieces:
        after = piece.after = _after(piece, edits, text)
        # (a replacement of another length is a change: no copy of the text to tell)
        if len(after) != piece.end - piece.start or after != text[piece.start : piece.end]:
            planned.append(piece)
    return planned


def _after(piece: Piece, edits: Sequence[Edit], text: str) -> str:
    """The replacement text of a (possibly widened or merged) piece."""
    if len(piece.sources) == 1:
        edit = edits[piece.sources[0]]
        if edit.span.start == piece.start and edit.span.end == piece.end:
            return edit.replacement  # the common case: no copy of the cleaner's string
    chunks: list[str] = []
    position = piece.start
    for index in piece.sources:
        edit = edits[index]
        chunks.append(text[position : edit.span.start])
        chunks.append(edit.replacement)
        position = edit.span.end
    chunks.append(text[position : piece.end])
    return "".join(chunks)


#: Removed texts up to this long are shared between the changes of a step that remove the same
#: text (millions of whitespace changes then hold a handful of strings, not millions).
_SHARED_BEFORE = 16


def _record(name: str, pieces: Sequence[Piece], edits: Sequence[Edit], text: str) -> list[Change]:
    changes = []
    shared: dict[str, str] = {}
    for piece in pieces:
        before = text[piece.start : piece.end]
        if len(before) <= _SHARED_BEFORE:
            before = shared.setdefault(before, before)
        if len(piece.sources) == 1:  # the common case: one edit, its own labels
            edit = edits[piece.sources[0]]
            kind, reason, rule = edit.kind, edit.reason, edit.rule_id
        else:
            sources = [edits[index] for index in piece.sources]
            kind = "+".join(dict.fromkeys(edit.kind for edit in sources))
            reason = "; ".join(dict.fromkeys(edit.reason for edit in sources))
            rule = "+".join(dict.fromkeys(edit.rule_id for edit in sources))
        changes.append(
            trusted_change(
                cleaner=name,
                kind=kind,
                span=trusted_span(piece.in_start, piece.in_end),
                before=before,
                after=piece.after,
                reason=reason,
                rule=rule,
            )
        )
    return changes


def replay(text: str, changes: Iterable[Change]) -> str:
    """Apply recorded `changes` to the input `text` they were recorded on; return the result.

    Changes apply in order; each change's span is in input coordinates and is located in the
    partly changed text through the changes before it. Raises `ReplayError` when a change does
    not find its `before` text where it should be.
    """
    offsets = OffsetMap()
    current = text
    batch: list[Change] = []

    def flush() -> None:
        nonlocal current
        pieces: list[Piece] = []
        for change in batch:
            start = offsets.forward_start(change.span.start)
            end = offsets.forward_end(change.span.end)
            found = current[start:end]
            if found != change.before or (pieces and start < pieces[-1].end):
                raise ReplayError(
                    f"change by {change.cleaner!r} at {change.span.to_list()} expected "
                    f"{_clip(change.before)!r} but found {_clip(found)!r}"
                )
            pieces.append(Piece(start, end, change.span.start, change.span.end, change.after, []))
        current = apply_pieces(current, pieces)
        offsets.update(pieces)
        batch.clear()

    for change in changes:
        if change.span.end > len(text):
            raise ReplayError(f"change span {change.span.to_list()} is beyond the input text")
        if batch and not _joins(batch[-1], change):
            flush()
        batch.append(change)
    if batch:
        flush()
    return current


def _joins(last: Change, change: Change) -> bool:
    """Whether `change` can be applied in one pass with `last` (same step, strictly after it)."""
    if change.cleaner != last.cleaner or change.span.start < last.span.end:
        return False
    zero_width = last.span.start == last.span.end
    return not (zero_width and change.span.start == last.span.end)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def clean(
    raw: RawInput,
    *,
    pipeline: Pipeline | None = None,
    html: bool | None = None,
    encoding: str | None = None,
    url: str | None = None,
    reference: Reference = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> CleanResult:
    """Clean a scraped article and return its text, metadata and every change made.

    `raw` is a str (plain text or HTML), bytes (decoded by BOM, declared charset, UTF-8, or a
    recorded fallback) or a BeautifulSoup document or tag. `pipeline` defaults to
    `Pipeline.default()`. `html` forces or forbids HTML reading; `encoding` is the charset to try
    first for bytes; `url` is the page's address. `reference` is the time relative dates resolve
    against (a datetime, or ``"now"``); without one they stay unresolved and the result depends
    on nothing but the input and the options. `max_chars` (default 50,000,000) limits the
    input's length and raises `InputTooLargeError` beyond it. Empty input gives an empty result.
    """
    if pipeline is None:
        chosen = _default_pipeline()
    elif isinstance(pipeline, Pipeline):
        chosen = pipeline
    else:
        raise TypeError(
            f"pipeline must be a Pipeline (e.g. Pipeline.default().without('normalize_spelling')),"
            f" not {type(pipeline).__name__} {pipeline!r}"
        )
    return chosen.clean(
        raw, html=html, encoding=encoding, url=url, reference=reference, max_chars=max_chars
    )
