"""Shared test helpers: where the development data lives, and loading it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_file(relative: str) -> Path:
    """The path of a development data file, or skip the test saying why it is absent."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"development data {relative} is not at {SHARED_DATA} (only in the dev tree)")
    return path


def read_jsonl(relative: str) -> Iterator[dict[str, Any]]:
    """Rows of a development JSONL file (skips the test when it is absent)."""
    with shared_file(relative).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
