"""The labelled dateline openings (``datelines.json``) and `parse_dateline`'s score on them.

``datelines.json`` holds short openings of the gold article bodies of
``../shared/data/extraction/{zyte,readability}-dev.jsonl`` (the header lines and at most the
first 210 characters of the first paragraph), each labelled by hand with what a reader sees
there: ``location`` and ``agency`` of a wire dateline, ``authors`` of a byline, and the
``published`` or ``updated`` date written in the opening (ISO 8601, offset when a zone is
written), null or [] when the opening has none.  Openings without any dateline are in the set
on purpose: nothing must be read from them.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from scrapeclean import Dateline, cleaners
from scrapeclean._model import Document

ROWS: list[dict[str, Any]] = json.loads(
    Path(__file__).with_name("datelines.json").read_text(encoding="utf-8")
)
FIELDS = ("location", "agency", "authors", "published", "updated")
_MAX_OPENING = 600
#: Measured with `parse_dateline` as of this set's creation (benchmarks/bench_dates.py
#: --datelines); floors against regressions, not goals.
FOUND_FLOORS = {"location": 17, "agency": 8, "authors": 1, "published": 4, "updated": 1}


def test_labelled_set_is_well_formed() -> None:
    """Every row has a short opening, the five labels, and dates that parse."""
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert 0 < len(row["opening"]) <= _MAX_OPENING
        assert isinstance(row["authors"], list)
        for field in ("published", "updated"):
            if row[field] is not None:
                datetime.fromisoformat(row[field])
    assert sum(any(row[field] for field in FIELDS) for row in ROWS) >= len(ROWS) // 2


def _read(opening: str) -> dict[str, Any]:
    found = cleaners.parse_dateline()(Document.from_text(opening)).dateline or Dateline()
    fields = found.to_dict()
    return {field: fields[field] for field in FIELDS}


@pytest.mark.parametrize("field", FIELDS)
def test_parse_dateline_field_on_labelled_openings(field: str) -> None:
    """parse_dateline reads no field where the opening has none, and keeps its measured hits."""
    found = spurious = 0
    for row in ROWS:
        got = _read(row["opening"])[field]
        found += bool(row[field]) and got == row[field]
        spurious += bool(got) and not row[field]
    assert spurious == 0
    assert found >= FOUND_FLOORS[field]
