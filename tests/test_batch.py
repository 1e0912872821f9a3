"""`Pipeline.clean_many`: order, failures, timeouts, dead workers, bounded reading."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from scrapeclean import (
    CleanFailure,
    CleanRequest,
    CleanResult,
    Document,
    DocumentError,
    Pipeline,
    Proposal,
)

DOCS = [
    f"Share Tweet Email\n\nStory {n}: the council met on Monday and agreed the budget."
    for n in range(20)
]


class Trap:
    """A step that sleeps on "SLOW", kills its process on "DIE" and raises on "BOOM"."""

    name = "trap"

    def __call__(self, doc: Document, /) -> Proposal:
        if "SLOW" in doc.text:
            time.sleep(30)
        if "DIE" in doc.text:
            os._exit(3)
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return Proposal()


def _trapped() -> Pipeline:
    return Pipeline.default().then(Trap())


def _texts(outcomes: Iterator[CleanResult | CleanFailure]) -> list[str]:
    return [o.text if isinstance(o, CleanResult) else f"<{o.error}>" for o in outcomes]


def test_serial_results_equal_clean_in_input_order() -> None:
    pipeline = Pipeline.default()
    assert _texts(pipeline.clean_many(DOCS)) == [pipeline.clean(doc).text for doc in DOCS]


def test_two_workers_give_the_serial_results_in_order() -> None:
    pipeline = Pipeline.default()
    serial = _texts(pipeline.clean_many(DOCS))
    assert _texts(pipeline.clean_many(DOCS, workers=2, chunksize=3)) == serial


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_document_is_reported_and_the_batch_goes_on(workers: int) -> None:
    items: list[object] = [DOCS[0], CleanRequest("BOOM here", id="bad"), 42, DOCS[1]]
    outcomes = list(_trapped().clean_many(items, workers=workers))  # type: ignore[arg-type]
    assert [type(o).__name__ for o in outcomes] == [
        "CleanResult",
        "CleanFailure",
        "CleanFailure",
        "CleanResult",
    ]
    failure = outcomes[1]
    assert isinstance(failure, CleanFailure)
    assert (failure.index, failure.id, failure.error) == (1, "bad", "CleanerError")
    assert "boom" in failure.message
    assert isinstance(outcomes[2], CleanFailure) and outcomes[2].error == "TypeError"


def test_on_error_raise_stops_at_the_first_failure() -> None:
    items: list[str | CleanRequest] = [DOCS[0], CleanRequest("BOOM", id="bad"), DOCS[1]]
    outcomes = _trapped().clean_many(items, on_error="raise")
    assert isinstance(next(outcomes), CleanResult)
    with pytest.raises(DocumentError, match=r"document 1 \(bad\): CleanerError"):
        next(outcomes)


def test_a_document_past_the_timeout_is_reported_and_its_worker_replaced() -> None:
    items = [DOCS[0], "SLOW one", DOCS[1], DOCS[2]]
    started = time.monotonic()
    outcomes = list(_trapped().clean_many(items, timeout=1.0, chunksize=4))
    assert time.monotonic() - started < 25
    assert _texts(iter(outcomes)) == [
        Pipeline.default().clean(DOCS[0]).text,
        "<Timeout>",
        Pipeline.default().clean(DOCS[1]).text,
        Pipeline.default().clean(DOCS[2]).text,
    ]


def test_a_worker_that_dies_is_replaced_and_its_document_reported() -> None:
    items = [DOCS[0], "DIE now", DOCS[1], DOCS[2], DOCS[3]]
    outcomes = list(_trapped().clean_many(items, workers=2, chunksize=2))
    assert [isinstance(o, CleanResult) for o in outcomes] == [True, False, True, True, True]
    died = outcomes[1]
    assert isinstance(died, CleanFailure) and died.error == "WorkerDied"
    assert "code 3" in died.message


def test_a_slow_or_dying_document_in_a_chunk_sent_ahead_is_reported_in_its_place() -> None:
    """A worker holds the next chunk while it cleans one: a document of that queued chunk that
    times out or kills its worker is reported at its own index, and the rest of what the worker
    held is cleaned by its replacement."""
    items = [DOCS[0], DOCS[1], "SLOW one", DOCS[2], "DIE now", DOCS[3], DOCS[4]]
    started = time.monotonic()
    outcomes = list(_trapped().clean_many(items, timeout=1.0, chunksize=1))
    assert time.monotonic() - started < 25
    serial = [Pipeline.default().clean(doc).text for doc in DOCS[:5]]
    assert _texts(iter(outcomes)) == [
        serial[0],
        serial[1],
        "<Timeout>",
        serial[2],
        "<WorkerDied>",
        serial[3],
        serial[4],
    ]
    assert [o.index for o in outcomes if isinstance(o, CleanFailure)] == [2, 4]


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_read_lazily(workers: int) -> None:
    read = 0

    def endless() -> Iterator[str]:
        nonlocal read
        while True:
            read += 1
            yield DOCS[read % len(DOCS)]

    outcomes = Pipeline.default().clean_many(endless(), workers=workers, chunksize=2)
    for _ in range(5):
        next(outcomes)
    outcomes.close()
    assert read <= 5 + 4 * workers * 2 + workers * 2


@pytest.mark.parametrize(
    ("option", "value"),
    [("workers", 0), ("workers", "2"), ("chunksize", 0), ("timeout", -1), ("on_error", "skip")],
)
def test_wrong_options_are_type_errors(option: str, value: object) -> None:
    with pytest.raises(TypeError, match=option):
        Pipeline.default().clean_many(DOCS, **{option: value})  # type: ignore[arg-type]


def test_failure_is_json_ready() -> None:
    failure = CleanFailure(index=3, id="a", error="Timeout", message="not cleaned within 1 s")
    assert failure.to_dict() == {
        "index": 3,
        "id": "a",
        "error": "Timeout",
        "message": "not cleaned within 1 s",
    }
    assert failure.ok is False
