"""`Pipeline`, `clean()` and `replay()`: cleaners propose, the pipeline checks, applies, records.

A pipeline runs its steps in order. Each step is shown the current text as a `Document` and
returns a `Proposal`. The pipeline checks the proposed edits (sorted, non-overlapping, in bounds),
applies them in one pass, and records each as a `Change` whose span is in the *input* text, using
the offset map of `scrapeclean._offsets`. `replay()` applies recorded changes to the input text
with the same map, so ``replay(result.source.text, result.changes) == result.text``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from scrapeclean._input import RawInput, read_input
from scrapeclean._model import (
    Change,
    CleanResult,
    Dateline,
    Document,
    Edit,
    Proposal,
    Source,
    Span,
)
from scrapeclean._offsets import OffsetMap, Piece, apply_pieces
from scrapeclean.exceptions import CleanerError, PipelineError, ReplayError

if TYPE_CHECKING:
    from scrapeclean.typing import Cleaner

__all__ = ["Pipeline", "clean", "replay"]


class Pipeline:
    """An ordered, immutable list of named cleaning steps.

    Build one from cleaners (``Pipeline([cleaners.fix_encoding(), cleaners.remove_chrome()])``)
    or start from `Pipeline.default()` and change it with `without`, `then` and `replace`, which
    return new pipelines. A pipeline is picklable, so it can be shipped to worker processes.
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: Iterable[Cleaner]) -> None:
        """Make a pipeline that runs `steps` in order; step names must be unique."""
        checked = tuple(steps)
        seen: set[str] = set()
        for step in checked:
            name = getattr(step, "name", None)
            if not isinstance(name, str) or not callable(step):
                raise PipelineError(
                    f"pipeline steps must be cleaners (callables with a str 'name'), got {step!r}"
                )
            if name in seen:
                raise PipelineError(
                    f"duplicate step name {name!r}: each step of a pipeline needs its own name"
                )
            seen.add(name)
        self._steps: tuple[Cleaner, ...] = checked

    @classmethod
    def default(cls) -> Pipeline:
        """The pipeline `clean()` uses: encoding, whitespace, chrome, dateline, title, spelling."""
        from scrapeclean import cleaners

        return cls(
            [
                cleaners.fix_encoding(),
                cleaners.normalize_whitespace(),
                cleaners.remove_chrome(),
                cleaners.parse_dateline(),
                cleaners.extract_title(),
                cleaners.normalize_spelling(),
            ]
        )

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
        self, raw: RawInput, *, html: bool | None = None, encoding: str | None = None
    ) -> CleanResult:
        """Same as `clean`."""
        return self.clean(raw, html=html, encoding=encoding)

    def clean(
        self, raw: RawInput, *, html: bool | None = None, encoding: str | None = None
    ) -> CleanResult:
        """Clean `raw` (str, bytes, or a BeautifulSoup document or tag) with this pipeline.

        `html` forces (True) or forbids (False) reading str/bytes input as HTML; by default it
        is detected. `encoding` is the charset to try first for bytes input (e.g. from an HTTP
        header).
        """
        source, warnings = read_input(raw, html=html, encoding=encoding)
        run = _Run(source, warnings)
        for step in self._steps:
            run.step(step)
        return run.result(steps=self.names)


class _Run:
    """The state of one document going through a pipeline."""

    __slots__ = ("changes", "dateline", "offsets", "source", "text", "title", "warnings")

    def __init__(self, source: Source, warnings: list[str]) -> None:
        self.source = source
        self.text = source.text
        self.offsets = OffsetMap()
        self.changes: list[Change] = []
        self.warnings = warnings
        self.title: str | None = source.html_title
        self.dateline: Dateline | None = None

    def step(self, step: Cleaner) -> None:
        name = step.name
        doc = Document(self.text, self.source, title=self.title, dateline=self.dateline)
        try:
            proposal = step(doc)
        except Exception as exc:
            raise CleanerError(name, f"raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(proposal, Proposal):
            raise CleanerError(name, f"returned {type(proposal).__name__}, expected a Proposal")
        edits = _checked_edits(name, proposal.edits, self.text)
        _check_findings(name, proposal)
        if proposal.title is not None:
            self.title = proposal.title
        if proposal.dateline is not None:
            self._adopt_dateline(name, proposal.dateline)
        self.warnings.extend(f"{name}: {warning}" for warning in proposal.warnings)
        pieces = _plan(self.offsets, edits, self.text)
        self.changes.extend(_record(name, pieces, edits, self.text))
        self.text = apply_pieces(self.text, pieces)
        self.offsets.update(pieces)

    def _adopt_dateline(self, name: str, found: Dateline) -> None:
        if found.span is not None:
            if found.span.end > len(self.text):
                raise CleanerError(name, f"proposed a dateline span {found.span} out of bounds")
            in_start, in_end, _, _ = self.offsets.locate(found.span.start, found.span.end)
            found = dataclasses.replace(found, span=Span(in_start, in_end))
        self.dateline = found if self.dateline is None else found.merge(self.dateline)

    def result(self, *, steps: tuple[str, ...]) -> CleanResult:
        published = None
        if self.dateline is not None:
            published = self.dateline.published
        if published is None:
            published = self.source.html_published
        return CleanResult(
            text=self.text,
            source=self.source,
            title=self.title,
            dateline=self.dateline,
            published=published,
            changes=tuple(self.changes),
            warnings=tuple(self.warnings),
            steps=steps,
        )


def _check_findings(name: str, proposal: Proposal) -> None:
    """Raise a `CleanerError` when a proposal's title, dateline or warnings have the wrong type."""
    if proposal.title is not None and not isinstance(proposal.title, str):
        raise CleanerError(name, f"proposed a title of type {type(proposal.title).__name__}")
    if proposal.dateline is not None and not isinstance(proposal.dateline, Dateline):
        raise CleanerError(name, f"proposed a dateline of type {type(proposal.dateline).__name__}")
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
        piece.after = _after(piece, edits, text)
        if piece.after != text[piece.start : piece.end]:
            planned.append(piece)
    return planned


def _after(piece: Piece, edits: Sequence[Edit], text: str) -> str:
    """The replacement text of a (possibly widened or merged) piece."""
    chunks: list[str] = []
    position = piece.start
    for index in piece.sources:
        edit = edits[index]
        chunks.append(text[position : edit.span.start])
        chunks.append(edit.replacement)
        position = edit.span.end
    chunks.append(text[position : piece.end])
    return "".join(chunks)


def _record(name: str, pieces: Sequence[Piece], edits: Sequence[Edit], text: str) -> list[Change]:
    changes = []
    for piece in pieces:
        sources = [edits[index] for index in piece.sources]
        kinds = dict.fromkeys(edit.kind for edit in sources)
        reasons = dict.fromkeys(edit.reason for edit in sources)
        changes.append(
            Change(
                cleaner=name,
                kind="+".join(kinds),
                span=Span(piece.in_start, piece.in_end),
                before=text[piece.start : piece.end],
                after=piece.after,
                reason="; ".join(reasons),
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
) -> CleanResult:
    """Clean a scraped article and return its text, metadata and every change made.

    `raw` is a str (plain text or HTML), bytes (decoded by BOM, declared charset, UTF-8, or a
    recorded fallback) or a BeautifulSoup document or tag. `pipeline` defaults to
    `Pipeline.default()`. `html` forces or forbids HTML reading; `encoding` is the charset to try
    first for bytes. Empty input gives an empty result.
    """
    chosen = _default_pipeline() if pipeline is None else pipeline
    return chosen.clean(raw, html=html, encoding=encoding)
