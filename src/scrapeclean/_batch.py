"""Cleaning many documents: `Pipeline.clean_many`.

Results come back in input order, streaming: the input is read a chunk at a time and at most a
bounded number of documents are in flight or waiting to be yielded, whatever the input's size.

With ``workers > 1`` (or a per-document ``timeout``) the documents are cleaned in worker
processes, each holding its own copy of the pipeline, warmed once when the worker starts. Each
worker talks to the parent over its own pipe, so a worker that is killed (it ran past the
timeout) or dies (a crash in native code, the out-of-memory killer) cannot corrupt a queue the
others share: it is replaced, the document it was on is reported as failed, and the rest of its
chunk is handed to the replacement.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Union

from scrapeclean.exceptions import InputTypeError, ScrapecleanError

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from scrapeclean._model import CleanResult
    from scrapeclean._pipeline import Pipeline, Reference

__all__ = ["CleanFailure", "CleanRequest", "DocumentError", "clean_many"]

OnError = Literal["record", "raise"]
#: How long the parent waits for news from the workers before it checks the clocks again.
_POLL_SECONDS = 0.05
#: How long a stopping worker gets to exit before it is killed.
_JOIN_SECONDS = 2.0
#: Extra time a new worker gets to load its tables before its first document's clock starts.
_WARM_UP_SECONDS = 60.0
#: The index of the message a worker sends once its pipeline is warm.
_READY = -1


@dataclass(frozen=True, slots=True)
class CleanRequest:
    """One document for `Pipeline.clean_many`, with the options `clean()` takes per document.

    Plain ``str`` and ``bytes`` items need no request; use one to pass an id (echoed in a
    `CleanFailure`), the page's `url`, or `html`/`encoding` hints.
    """

    raw: str | bytes
    id: str | None = None
    url: str | None = None
    html: bool | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class CleanFailure:
    """The place of a document that could not be cleaned, in a `clean_many` stream.

    `error` is the exception's class name, or ``"Timeout"`` / ``"WorkerDied"`` when the
    document ran past the timeout or its worker process died; `message` says what happened.
    """

    index: int
    id: str | None
    error: str
    message: str
    ok: ClassVar[bool] = False

    def to_dict(self) -> dict[str, Any]:
        """The failure as a JSON-ready dict."""
        return {"index": self.index, "id": self.id, "error": self.error, "message": self.message}


class DocumentError(ScrapecleanError):
    """A document in `clean_many(..., on_error="raise")` could not be cleaned."""

    def __init__(self, failure: CleanFailure) -> None:
        label = f"document {failure.index}" + (f" ({failure.id})" if failure.id else "")
        super().__init__(f"{label}: {failure.error}: {failure.message}")
        self.failure = failure


#: Input that `clean()` reads as bytes, made bytes before a document is cleaned or sent.
_BYTES_LIKE = (bytearray, memoryview)

Item = Union[str, bytes, CleanRequest]  # noqa: UP007 (an alias evaluated on Python 3.10)
Outcome = Union["CleanResult", CleanFailure]


def clean_many(
    pipeline: Pipeline,
    items: Iterable[Item],
    *,
    workers: int = 1,
    chunksize: int = 8,
    timeout: float | None = None,
    on_error: OnError = "record",
    reference: Reference = None,
) -> Generator[Outcome, None, None]:
    """Clean every item with `pipeline`; yield a result or a `CleanFailure` per item, in order.

    See `Pipeline.clean_many` for the options. Wrong options raise here, before any work.
    """
    from scrapeclean._pipeline import _reference

    _check(workers, chunksize, timeout, on_error)
    _check_items(items)
    when = _reference(reference)  # "now" is read once, for the whole batch
    if workers == 1 and timeout is None:
        outcomes = _serial(pipeline, items, when)
    else:
        outcomes = _Pool(pipeline, workers, chunksize, timeout, when).run(items)
    return outcomes if on_error == "record" else _raising(outcomes)


def _raising(outcomes: Iterator[Outcome]) -> Generator[Outcome, None, None]:
    for outcome in outcomes:
        if isinstance(outcome, CleanFailure):
            raise DocumentError(outcome)
        yield outcome


def _check(workers: object, chunksize: object, timeout: object, on_error: object) -> None:
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise TypeError(f"workers must be a positive int, not {workers!r}")
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise TypeError(f"chunksize must be a positive int, not {chunksize!r}")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0
    ):
        raise TypeError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    if on_error not in ("record", "raise"):
        raise TypeError(f"on_error must be 'record' or 'raise', not {on_error!r}")


def _check_items(items: object) -> None:
    """Refuse `items` that are not a collection of documents, at the call.

    A str would be read as documents of one character each; a non-iterable would fail only
    when the first outcome is asked for.
    """
    if isinstance(items, (str, bytes, CleanRequest)) or not isinstance(items, Iterable):
        raise InputTypeError(
            f"clean_many items must be an iterable of documents (str, bytes or CleanRequest), "
            f"not a {type(items).__name__}; to clean one document, call clean()"
        )


def _request(item: object) -> CleanRequest:
    """`item` as a request; bytes-like input as bytes (a memoryview cannot go to a worker)."""
    if isinstance(item, CleanRequest):
        raw = item.raw
        return replace(item, raw=bytes(raw)) if isinstance(raw, _BYTES_LIKE) else item
    if isinstance(item, (str, bytes)):
        return CleanRequest(item)
    if isinstance(item, _BYTES_LIKE):
        return CleanRequest(bytes(item))
    raise TypeError(
        f"clean_many items must be str, bytes or CleanRequest, not {type(item).__name__}"
    )


def _clean_one(pipeline: Pipeline, request: CleanRequest, reference: Reference) -> CleanResult:
    return pipeline.clean(
        request.raw,
        html=request.html,
        encoding=request.encoding,
        url=request.url,
        reference=reference,
    )


def _failure(index: int, item: object, error: str, message: str) -> CleanFailure:
    identifier = item.id if isinstance(item, CleanRequest) else None
    return CleanFailure(index=index, id=identifier, error=error, message=message)


def _serial(
    pipeline: Pipeline, items: Iterable[Item], reference: Reference
) -> Generator[Outcome, None, None]:
    for index, item in enumerate(items):
        try:
            yield _clean_one(pipeline, _request(item), reference)
        except Exception as exc:  # one bad document never stops the batch
            yield _failure(index, item, type(exc).__name__, str(exc))


# -- worker processes --------------------------------------------------------------------------


def _worker_main(pipeline: Pipeline, reference: Reference, conn: Connection) -> None:
    """A worker: warm the pipeline, then clean each chunk it is sent, one reply per document."""
    with contextlib.suppress(Exception):  # a pipeline failing here fails on each document
        pipeline.clean("Warm-up.")
    conn.send((_READY, True, None))
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        for index, packed in chunk:
            conn.send((index, *_reply(pipeline, packed, reference)))


def _reply(pipeline: Pipeline, packed: bytes, reference: Reference) -> tuple[bool, Any]:
    """``(True, pickled result)`` or ``(False, (error, message))``; pickling errors included.

    `packed` is the item as `_packed` pickled it in the parent.
    """
    try:
        item = pickle.loads(packed)
        return True, pickle.dumps(_clean_one(pipeline, _request(item), reference))
    except Exception as exc:
        return False, (type(exc).__name__, str(exc))


#: A document on its way to a worker: its index, the item (for a failure's id), the item pickled.
_Packed = tuple[int, Item, bytes]


def _packed(chunk: list[tuple[int, Item]], done: dict[int, Outcome]) -> list[_Packed]:
    """The items of `chunk` as requests pickled for a worker.

    An item that is no document, or a request that cannot be pickled (an option of a wrong
    type), is a failure here, in `done`, as it would be in a worker: sending it would stop the
    whole batch.
    """
    packed: list[_Packed] = []
    for index, item in chunk:
        try:
            packed.append((index, item, pickle.dumps(_request(item))))
        except Exception as exc:  # one bad document never stops the batch
            done[index] = _failure(index, item, type(exc).__name__, str(exc))
    return packed


class _Worker:
    """One worker process, its pipe, and the documents of its chunk not yet answered."""

    __slots__ = ("conn", "process", "ready", "since", "todo")

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.todo: deque[_Packed] = deque()
        self.since = time.monotonic()

    def assign(self, chunk: list[_Packed]) -> None:
        """Send `chunk`; the timeout clock starts now unless the worker is already busy."""
        if not self.todo:
            self.since = time.monotonic()
        self.todo.extend(chunk)
        self.conn.send([(index, packed) for index, _, packed in chunk])

    def stop(self) -> None:
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(_JOIN_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool:
    """Worker processes fed chunk by chunk; results reordered to input order."""

    def __init__(
        self,
        pipeline: Pipeline,
        workers: int,
        chunksize: int,
        timeout: float | None,
        reference: Reference,
    ) -> None:
        self.pipeline = pipeline
        self.size = workers
        self.chunksize = chunksize
        self.timeout = timeout
        self.reference = reference
        self.context = multiprocessing.get_context()
        #: Finished documents waiting for an earlier one: at most this many before feeding stops.
        self.max_waiting = 4 * workers * chunksize

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(self.pipeline, self.reference, child), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def run(self, items: Iterable[Item]) -> Generator[Outcome, None, None]:
        source = enumerate(items)
        workers = [self._start() for _ in range(self.size)]
        done: dict[int, Outcome] = {}
        following = 0
        exhausted = False
        try:
            while True:
                if not exhausted and len(done) < self.max_waiting:
                    exhausted = self._feed(workers, source, done)
                while following in done:
                    yield done.pop(following)
                    following += 1
                if exhausted and not any(worker.todo for worker in workers):
                    break
                self._collect(workers, done)
        finally:
            for worker in workers:
                worker.stop()

    def _feed(
        self, workers: list[_Worker], source: Iterator[tuple[int, Item]], done: dict[int, Outcome]
    ) -> bool:
        """Give each worker with at most one chunk left another; True once the input is used up.

        A worker holds the next chunk before it finishes the one it is on, so it never waits for
        the parent between chunks. Items that cannot be sent are failures at once, in `done`
        (`_packed`).
        """
        for worker in workers:
            if len(worker.todo) > self.chunksize:
                continue
            chunk = list(islice(source, self.chunksize))
            if not chunk:
                return True
            packed = _packed(chunk, done)
            if packed:
                worker.assign(packed)
        return False

    def _collect(self, workers: list[_Worker], done: dict[int, Outcome]) -> None:
        """Wait briefly for replies; replace workers that died or ran past the timeout."""
        busy = [worker for worker in workers if worker.todo]
        ready = wait([worker.conn for worker in busy], timeout=_POLL_SECONDS)
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker, done)
        for position, worker in enumerate(workers):
            if worker.todo:
                replacement = self._check_health(worker, done)
                if replacement is not None:
                    workers[position] = replacement

    def _receive(self, worker: _Worker, done: dict[int, Outcome]) -> None:
        while worker.todo and worker.conn.poll():
            try:
                index, ok, payload = worker.conn.recv()
            except (EOFError, OSError):
                return  # the worker died; _check_health reports it
            worker.since = time.monotonic()
            if index == _READY:
                worker.ready = True
                continue
            _, item, _ = worker.todo.popleft()
            if ok:
                done[index] = pickle.loads(payload)
            else:
                done[index] = _failure(index, item, *payload)

    def _limit(self, worker: _Worker) -> float:
        assert self.timeout is not None
        return self.timeout if worker.ready else self.timeout + _WARM_UP_SECONDS

    def _check_health(self, worker: _Worker, done: dict[int, Outcome]) -> _Worker | None:
        """A fresh worker holding the rest of the chunk if this one died or timed out."""
        index, item, _ = worker.todo[0]
        if not worker.process.is_alive():
            if worker.conn.poll():
                self._receive(worker, done)  # replies sent before it died still count
                if not worker.todo:
                    return None
                index, item, _ = worker.todo[0]
            code = worker.process.exitcode
            done[index] = _failure(index, item, "WorkerDied", f"worker exited with code {code}")
        elif self.timeout is not None and time.monotonic() - worker.since > self._limit(worker):
            worker.process.kill()
            done[index] = _failure(index, item, "Timeout", f"not cleaned within {self.timeout:g} s")
        else:
            return None
        worker.todo.popleft()
        rest = list(worker.todo)
        worker.todo.clear()
        worker.stop()
        fresh = self._start()
        if rest:
            fresh.assign(rest)
        return fresh
