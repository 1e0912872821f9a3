"""``scrapeclean clean INPUT... [-o OUT]``: clean a corpus into JSONL rows or text files.

Nothing is lost and no half file is written: output goes to a temporary file that replaces the
target only when the run ends (also after Ctrl-C, with the rows finished so far, so that
``--resume`` can go on from there); a record that cannot be read or cleaned becomes an error
row naming its file and line; a summary goes to standard error; the exit status is 1 when any
record failed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from scrapeclean._batch import CleanFailure, CleanRequest
from scrapeclean._cli_common import UsageError, build_pipeline, parse_reference, write_whole
from scrapeclean._corpus import JSON_ERRORS, Fields, Record, expand_inputs, read_records
from scrapeclean._model import CleanResult, json_text
from scrapeclean._pipeline import Pipeline

__all__ = ["add_clean_arguments", "run_clean"]

#: Keys a ``--config`` file may set, with the type each takes.
CONFIG_KEYS: Mapping[str, type | tuple[type, ...]] = {
    "variant": str,
    "without": list,
    "reference": str,
    "workers": int,
    "timeout": (int, float),
    "text_field": str,
    "id_field": str,
    "url_field": str,
    "changes": bool,
    "format": str,
}


def add_clean_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``scrapeclean clean``."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, directories, globs or '-' (text, HTML or .jsonl)")  # fmt: skip
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the JSONL file to write (default: standard output); "
                        "with --format txt, the directory")  # fmt: skip
    parser.add_argument("--format", choices=("jsonl", "txt"), default=None,
                        help="jsonl rows (default) or one .txt file per document")  # fmt: skip
    parser.add_argument("--changes", action="store_true", default=None,
                        help="include every change in the JSONL rows")  # fmt: skip
    parser.add_argument("--text-field", help="JSONL field holding the page (default: text)")
    parser.add_argument("--id-field", help="JSONL field holding the id (default: id)")
    parser.add_argument("--url-field", help="JSONL field holding the url (default: url)")
    parser.add_argument("--jsonl", action="store_true",
                        help="read standard input ('-') as JSONL records")  # fmt: skip
    parser.add_argument("--variant", help="spelling variant, e.g. en-GB or en-US")
    parser.add_argument("--without", action="append", default=None, metavar="STEP",
                        help="leave out a step of the default pipeline (repeatable)")  # fmt: skip
    parser.add_argument("--reference", metavar="TIME",
                        help="time relative dates resolve against: ISO 8601 or 'now'")  # fmt: skip
    parser.add_argument("--config", metavar="FILE.toml",
                        help="options from a TOML file (command-line options win)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default 1)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds allowed per document")  # fmt: skip
    parser.add_argument("--resume", action="store_true",
                        help="keep the rows already in OUT and skip their ids")  # fmt: skip
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show progress on standard error")  # fmt: skip
    progress.add_argument("--no-progress", dest="progress", action="store_false",
                          help="never show progress")  # fmt: skip


def run_clean(args: argparse.Namespace) -> int:
    """Run ``scrapeclean clean``; return the exit status."""
    try:
        options = _options(args)
        pipeline = build_pipeline(options.get("variant"), options.get("without") or ())
        reference = parse_reference(options.get("reference"))
        output = _output(args.output, options.get("format", "jsonl"), resume=args.resume)
    except UsageError as exc:
        print(f"scrapeclean clean: error: {exc}", file=sys.stderr)
        return 2
    fields = Fields(
        text=options.get("text_field", "text"),
        id=options.get("id_field", "id"),
        url=options.get("url_field", "url"),
    )
    paths = expand_inputs(args.inputs)
    records = read_records(paths, fields, jsonl_stdin=args.jsonl)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    total = None if any(p == "-" or p.lower().endswith(".jsonl") for p in paths) else len(paths)
    tally = _Tally(show, total)
    run = _Run(pipeline, output, tally, with_changes=bool(options.get("changes")))
    try:
        run.process(
            records,
            workers=options.get("workers", 1),
            timeout=options.get("timeout"),
            reference=reference,
        )
    except KeyboardInterrupt:
        output.commit()
        tally.finish(output.target, interrupted=True)
        return 130
    except BaseException:
        output.abort()
        raise
    output.commit()
    tally.finish(output.target, interrupted=False)
    return 1 if tally.failed else 0


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """Options from ``--config``, overridden by those given on the command line."""
    options = _read_config(args.config) if args.config else {}
    for key in CONFIG_KEYS:
        value = getattr(args, key, None)
        if value is not None:
            options[key] = value
    workers = options.get("workers", 1)
    if not isinstance(workers, int) or workers < 1:
        raise UsageError(f"--workers must be a positive integer, not {workers!r}")
    if options.get("format", "jsonl") not in ("jsonl", "txt"):
        raise UsageError(f"format must be 'jsonl' or 'txt', not {options['format']!r}")
    return options


def _read_config(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path} is not valid TOML: {exc}") from None
    table = data.get("scrapeclean", data)
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [scrapeclean] must be a table")
    for key, value in table.items():
        if key not in CONFIG_KEYS:
            raise UsageError(f"{path}: unknown option {key!r}; known: {', '.join(CONFIG_KEYS)}")
        expected = CONFIG_KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise UsageError(f"{path}: {key} has the wrong type ({type(value).__name__})")
    return dict(table)


# -- running -----------------------------------------------------------------------------------


class _Run:
    """Feeds records to the pipeline and writes one row per record, in input order."""

    def __init__(
        self, pipeline: Pipeline, output: _Output, tally: _Tally, *, with_changes: bool
    ) -> None:
        self.pipeline = pipeline
        self.output = output
        self.tally = tally
        self.with_changes = with_changes
        #: Records read and not yet written (without their text).
        self.waiting: deque[Record] = deque()

    def process(
        self, records: Iterator[Record], *, workers: int, timeout: float | None, reference: Any
    ) -> None:
        outcomes = self.pipeline.clean_many(
            self._requests(records), workers=workers, timeout=timeout, reference=reference
        )
        for outcome in outcomes:
            self._flush_unreadable()
            record = self.waiting.popleft()
            if isinstance(outcome, CleanFailure):
                self._fail(record, f"{outcome.error}: {outcome.message}")
            else:
                self.output.write(record.id, self._row(record, outcome), outcome.text)
                self.tally.add(ok=True)
        self._flush_unreadable()

    def _requests(self, records: Iterator[Record]) -> Iterator[CleanRequest]:
        for record in records:
            if self.output.is_done(record.id):
                self.tally.skipped += 1
                continue
            self.waiting.append(replace(record, raw=None, url=None))  # the text is not kept
            if record.error is None and record.raw is not None:
                yield CleanRequest(record.raw, id=record.id, url=record.url)

    def _flush_unreadable(self) -> None:
        while self.waiting and self.waiting[0].error is not None:
            record = self.waiting.popleft()
            self._fail(record, str(record.error))

    def _fail(self, record: Record, message: str) -> None:
        row: dict[str, Any] = {"id": record.id, "error": message, "source": record.source}
        if record.line is not None:
            row["line"] = record.line
        self.output.write_error(row)
        self.tally.add(ok=False)

    def _row(self, record: Record, result: CleanResult) -> dict[str, Any]:
        row = {"id": record.id, **result.to_dict(include_source=False)}
        if not self.with_changes:
            row.pop("changes", None)
        return row


class _Tally:
    """Counts, a progress line on standard error, and the closing summary."""

    def __init__(self, show: bool, total: int | None) -> None:
        self.show = show
        self.total = total
        self.ok = 0
        self.failed = 0
        self.skipped = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def add(self, *, ok: bool) -> None:
        if ok:
            self.ok += 1
        else:
            self.failed += 1
        now = time.monotonic()
        if self.show and now - self.shown >= 0.2:
            self.shown = now
            print(f"\r{self._line(now)}", end="", file=sys.stderr, flush=True)

    def _line(self, now: float) -> str:
        done = self.ok + self.failed
        rate = done / max(now - self.started, 1e-9)
        line = f"{done} documents, {rate:.1f}/s, {self.failed} errors"
        if self.total:
            left = max(self.total - done - self.skipped, 0)
            line += f", ETA {left / rate:.0f} s" if rate else ""
        return line

    def finish(self, target: str, *, interrupted: bool) -> None:
        if self.show:
            print(file=sys.stderr)
        seconds = time.monotonic() - self.started
        summary = f"scrapeclean: {self.ok} cleaned, {self.failed} failed"
        if self.skipped:
            summary += f", {self.skipped} skipped (already in the output)"
        summary += f" in {seconds:.1f} s -> {target}"
        if interrupted:
            summary += "; interrupted: rerun with --resume to go on"
        print(summary, file=sys.stderr)


# -- output ------------------------------------------------------------------------------------


class _Output:
    """Where rows go; `is_done` says which ids a resumed run skips."""

    target = "<stdout>"

    def __init__(self) -> None:
        self.done: set[str] = set()

    def is_done(self, identifier: str) -> bool:
        """Whether a previous run already wrote this document."""
        return identifier in self.done

    def write(self, identifier: str, row: dict[str, Any], text: str) -> None:
        raise NotImplementedError

    def write_error(self, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the output final."""

    def abort(self) -> None:
        """Drop what was written (the target keeps its previous content)."""


def _output(target: str | None, kind: str, *, resume: bool) -> _Output:
    if kind == "txt":
        if target is None:
            raise UsageError("--format txt needs -o DIRECTORY")
        return _TextFiles(target, resume=resume)
    if target is None or target == "-":
        if resume:
            raise UsageError("--resume needs -o OUT")
        return _Rows(sys.stdout)
    return _JsonlFile(target, resume=resume)


def _dumps(row: dict[str, Any]) -> str:
    return json_text(row) + "\n"


class _Rows(_Output):
    """JSONL rows, successes and errors alike, to a text stream (standard output)."""

    def __init__(self, handle: IO[str]) -> None:
        super().__init__()
        self.handle = handle

    def write(self, identifier: str, row: dict[str, Any], text: str) -> None:
        self.handle.write(_dumps(row))

    def write_error(self, row: dict[str, Any]) -> None:
        self.handle.write(_dumps(row))

    def commit(self) -> None:
        self.handle.flush()


class _JsonlFile(_Rows):
    """Rows into ``OUT.partial`` beside OUT, renamed over OUT at the end."""

    def __init__(self, target: str, *, resume: bool) -> None:
        partial = f"{target}.partial"
        try:
            super().__init__(open(partial, "w", encoding="utf-8"))  # noqa: SIM115
        except OSError as exc:
            raise UsageError(f"cannot write {partial}: {exc.strerror or exc}") from None
        self.target = target
        self.partial = partial
        if resume and os.path.exists(target):
            self._keep_finished_rows()

    def _keep_finished_rows(self) -> None:
        """Copy the rows of a previous run that succeeded; their ids are skipped.

        A line that is not UTF-8 JSON (or that JSON cannot read: nested too deep, an integer
        too long) is skipped, as a failed row is: its document is cleaned again.
        """
        with open(self.target, "rb") as previous:
            for raw in previous:
                try:
                    line = raw.decode("utf-8")
                    row = json.loads(line)
                except JSON_ERRORS:
                    continue
                if isinstance(row, dict) and "error" not in row and "id" in row:
                    self.done.add(str(row["id"]))
                    self.handle.write(line.rstrip("\r\n") + "\n")

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial, self.target)

    def abort(self) -> None:
        self.handle.close()
        with contextlib.suppress(OSError):
            os.remove(self.partial)


class _TextFiles(_Output):
    """One ``<id>.txt`` per document in a directory (each written whole), errors.jsonl beside."""

    def __init__(self, directory: str, *, resume: bool) -> None:
        super().__init__()
        self.target = directory
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {directory}: {exc.strerror or exc}") from None
        self.resume = resume
        self.errors: list[dict[str, Any]] = []

    def _path(self, identifier: str) -> Path:
        return self.directory / file_name(identifier)

    def is_done(self, identifier: str) -> bool:
        return self.resume and self._path(identifier).exists()

    def write(self, identifier: str, row: dict[str, Any], text: str) -> None:
        write_whole(self._path(identifier), text + "\n")

    def write_error(self, row: dict[str, Any]) -> None:
        self.errors.append(row)

    def commit(self) -> None:
        errors = self.directory / "errors.jsonl"
        if self.errors:
            write_whole(errors, "".join(_dumps(row) for row in self.errors))
        elif errors.exists() and not self.resume:
            errors.unlink()


#: The longest name kept from a document id, in UTF-8 bytes (file systems take 255).
_MAX_NAME_BYTES = 100


def file_name(identifier: str) -> str:
    """A safe, distinct file name for a document id.

    Letters, digits and ``-_.`` are kept, up to `_MAX_NAME_BYTES` bytes; an id changed on the
    way gets a hash of itself (lone surrogates, which JSON allows in an id, included).
    """
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in identifier).strip("._")
    safe = safe.encode("utf-8")[:_MAX_NAME_BYTES].decode("utf-8", "ignore") or "document"
    if safe != identifier:
        digest = hashlib.sha1(identifier.encode("utf-8", "surrogatepass")).hexdigest()
        safe += "-" + digest[:10]
    return safe + ".txt"
