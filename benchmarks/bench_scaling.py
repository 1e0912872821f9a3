"""Cleaning cost as the document grows from 1 MB to 10 MB: it must stay linear.

Run: python benchmarks/bench_scaling.py

The document is the bundled example article repeated (chrome, dateline, mojibake and a typo
in every copy, so every cleaner has work at every size). Prints seconds per MB at each size
and the ratio of the largest to the smallest: about 1.0 means linear; a quadratic step would
show a ratio near 10. ftfy.fix_text on the same text is timed as a reference point.
"""

from __future__ import annotations

import time
from importlib.resources import files

import ftfy
from _results import record

from scrapeclean import clean

SIZES_MB = (1, 2, 5, 10)


def _document(megabytes: int) -> str:
    article = (files("scrapeclean") / "data" / "example-article.txt").read_text("utf-8")
    copies = megabytes * 1_000_000 // len(article) + 1
    return "\n\n".join([article] * copies)[: megabytes * 1_000_000]


def _time(function: object, text: str) -> float:
    start = time.perf_counter()
    function(text)  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    print(f"{'MB':>4}{'scrapeclean s':>15}{'s/MB':>8}{'changes':>9}{'ftfy.fix_text s/MB':>20}")
    per_mb = []
    rows = []
    for size in SIZES_MB:
        text = _document(size)
        start = time.perf_counter()
        result = clean(text)
        ours = time.perf_counter() - start
        reference = _time(ftfy.fix_text, text)
        per_mb.append(ours / size)
        print(
            f"{size:>4}{ours:>15.2f}{ours / size:>8.2f}{len(result.changes):>9}"
            f"{reference / size:>20.2f}"
        )
        rows.append(
            {
                "mb": size,
                "seconds": ours,
                "s_per_mb": ours / size,
                "changes": len(result.changes),
                "ftfy_s_per_mb": reference / size,
            }
        )
    growth = per_mb[-1] / per_mb[0]
    print(f"s/MB at {SIZES_MB[-1]} MB over s/MB at {SIZES_MB[0]} MB: {growth:.2f}")
    record(
        "scaling",
        "time per MB",
        rows,
        note=f"the example article repeated; s/MB at {SIZES_MB[-1]} MB over {SIZES_MB[0]} MB: "
        f"{growth:.2f} (1.0 is linear)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
