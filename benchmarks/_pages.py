"""The development pages the benchmarks share: zyte-dev, and the page text our reader gives."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

ZYTE = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "zyte-dev.jsonl"


def page_texts() -> list[str]:
    """The visible text of each zyte-dev page, as the HTML reader gives it (one per page)."""
    from scrapeclean._input import read_input

    with ZYTE.open(encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle]
    return [read_input(page["html"], html=True, encoding=None)[0].text for page in pages]


def fastest_pass(function: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """The CPU seconds of the fastest of `repeat` passes of `function` over all `texts`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            function(text)
        best = min(best, time.process_time() - start)
    return best
