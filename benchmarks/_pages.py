"""The development pages the benchmarks share: zyte-dev, and the page text our reader gives."""

from __future__ import annotations

import json
from pathlib import Path

ZYTE = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "zyte-dev.jsonl"


def page_texts() -> list[str]:
    """The visible text of each zyte-dev page, as the HTML reader gives it (one per page)."""
    from scrapeclean._input import read_input

    with ZYTE.open(encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle]
    return [read_input(page["html"], html=True, encoding=None)[0].text for page in pages]
