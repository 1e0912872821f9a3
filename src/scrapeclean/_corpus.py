"""Reading a corpus for the command line: files, directories, globs and JSONL, record by record.

Each input becomes a stream of `Record`: a document to clean (its id, raw bytes or text, url),
or a record that could not be read (its id, where it was, and why). Reading never stops on a
bad record: invalid JSON, a missing field or an unreadable file each become one error record.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DOCUMENT_SUFFIXES", "JSON_ERRORS", "Fields", "Record", "expand_inputs", "read_records"]

#: Files a directory contributes; ``.jsonl`` files hold one record per line.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl"})
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Fields:
    """Which JSONL fields hold the text, the id and the url."""

    text: str = "text"
    id: str = "id"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class Record:
    """One document read from the input, or the reason it could not be read (`error`)."""

    id: str
    raw: str | bytes | None
    url: str | None = None
    source: str = ""
    line: int | None = None
    error: str | None = None


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Files named by `inputs` (paths, directories, globs, ``-``), in a stable order.

    A name that matches nothing is kept, so that reading it reports the missing file.
    """
    found: list[str] = []
    for name in inputs:
        if name == "-":
            found.append(name)
        elif os.path.isdir(name):
            found.extend(_directory_files(name))
        elif _GLOB_CHARACTERS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            found.extend(path for path in matches if os.path.isfile(path))
            if not matches:
                found.append(name)
        else:
            found.append(name)
    return found


def _directory_files(directory: str) -> list[str]:
    paths = (
        path
        for path in Path(directory).rglob("*")
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES
    )
    return sorted(str(path) for path in paths)


def read_records(paths: Sequence[str], fields: Fields, *, jsonl_stdin: bool) -> Iterator[Record]:
    """The records of every path, lazily (a JSONL file is read line by line)."""
    for path in paths:
        if path == "-":
            if jsonl_stdin:
                yield from _jsonl_lines(sys.stdin.buffer, "-", fields)
            else:
                yield Record(id="-", raw=sys.stdin.buffer.read(), source="-")
        elif path.lower().endswith(".jsonl"):
            yield from _jsonl_file(path, fields)
        else:
            yield _whole_file(path)


def _whole_file(path: str) -> Record:
    try:
        with open(path, "rb") as handle:
            return Record(id=path, raw=handle.read(), source=path)
    except OSError as exc:
        return Record(id=path, raw=None, source=path, error=f"cannot read: {exc.strerror or exc}")


def _jsonl_file(path: str, fields: Fields) -> Iterator[Record]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield Record(id=path, raw=None, source=path, error=f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from _jsonl_lines(handle, path, fields)


def _jsonl_lines(lines: Iterable[bytes], source: str, fields: Fields) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _json_record(line, source, number, fields)


#: What `json.loads` raises on a line it cannot read: bad syntax or encoding (ValueError, as is
#: an integer longer than Python converts) and nesting deeper than it recurses.
JSON_ERRORS = (ValueError, RecursionError)


def _json_record(line: bytes, source: str, number: int, fields: Fields) -> Record:
    fallback = f"{source}:{number}"
    try:
        row = json.loads(line)
    except JSON_ERRORS as exc:
        return Record(id=fallback, raw=None, source=source, line=number, error=f"not JSON: {exc}")
    if not isinstance(row, dict):
        kind = type(row).__name__
        error = f"a JSON object was expected, not {kind}"
        return Record(id=fallback, raw=None, source=source, line=number, error=error)
    identifier = row.get(fields.id)
    ident = fallback if identifier is None else str(identifier)
    text = row.get(fields.text)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        error = f"field {fields.text!r} is {what}"
        return Record(id=ident, raw=None, source=source, line=number, error=error)
    url = row.get(fields.url)
    return Record(
        id=ident,
        raw=text,
        url=url if isinstance(url, str) else None,
        source=source,
        line=number,
    )
