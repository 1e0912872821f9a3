"""Throughput of the default pipeline and of each cleaner, beside ftfy and clean-text, one run.

Run: python benchmarks/bench_pipeline.py [--repeat N]

Input: the page text of each zyte-dev page (the visible text our HTML reader gives, one string
per page, cleaned as plain text): real scraped text with menus, share bars and datelines, the
text a scraper that already flattened its pages hands us. Timed in the same process, CPU time,
the best of N passes over all texts (these machines are noisy: read the ratios):

- ``ftfy.fix_text`` with its defaults (the reference: today's most used text fixer);
- clean-text's ``clean()`` with its defaults, when installed;
- the default pipeline (`clean`), every change recorded;
- each step of the default pipeline alone, as a one-step pipeline (``extract_title`` with the
  ``parse_dateline`` step it needs, its time taken as the difference).

Prints MB/s and the ratio to ftfy for each.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import ZYTE, fastest_pass, page_texts
from _results import record

from scrapeclean import Pipeline


def _seconds(function: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """The CPU seconds of the fastest of `repeat` passes of `function` over `texts`."""
    for text in texts[:3]:
        function(text)
    return fastest_pass(function, texts, repeat)


def _peers() -> dict[str, Callable[[str], object]]:
    found: dict[str, Callable[[str], object]] = {}
    try:
        import ftfy

        found["ftfy.fix_text"] = ftfy.fix_text
    except ImportError:
        print("ftfy is not installed: no reference", file=sys.stderr)
    try:
        from cleantext import clean as clean_text

        found["clean-text clean()"] = clean_text
    except ImportError:
        print("clean-text is not installed (pip install clean-text)", file=sys.stderr)
    return found


#: `extract_title` is timed as a difference of two timings: one under this share of the
#: larger is noise, not a measure.
_NOISE = 0.05


def _steps() -> dict[str, Callable[[str], object]]:
    default = Pipeline.default()
    found: dict[str, Callable[[str], object]] = {"default pipeline": default.clean}
    for step in default.steps:
        if step.name == "extract_title":
            continue
        found[step.name] = Pipeline([step]).clean
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest counts")
    args = parser.parse_args()
    if not ZYTE.exists():
        print(f"skipped: {ZYTE} is absent (the development data)")
        return 0
    texts = page_texts()
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} page texts, {megabytes:.2f} MB (zyte-dev, read by our HTML reader)")
    timed = {**_peers(), **_steps()}
    seconds = {name: _seconds(function, texts, args.repeat) for name, function in timed.items()}
    dateline = Pipeline.default().steps[4]
    title = Pipeline.default().steps[5]
    both = _seconds(Pipeline([dateline, title]).clean, texts, args.repeat)
    gap = both - seconds[dateline.name]
    reference = seconds.get("ftfy.fix_text")
    rows = []
    print(f"{'':24} {'MB/s':>8} {'x ftfy':>8}")
    if gap < _NOISE * both:  # a difference inside the noise of two timings is no measure
        print(f"{'extract_title':24} too quick to tell from the noise of parse_dateline's time")
        rows.append({"name": "extract_title", "kind": "step", "mb_per_s": None, "x_ftfy": None})
    else:
        seconds["extract_title"] = gap
    for name, taken in seconds.items():
        rate = megabytes / taken
        ratio = None if reference is None else reference / taken
        shown = "" if ratio is None else f"{ratio:8.2f}"
        print(f"{name:24} {rate:8.2f} {shown}")
        kind = "peer" if name in ("ftfy.fix_text", "clean-text clean()") else "scrapeclean"
        if name not in ("default pipeline",) and kind == "scrapeclean":
            kind = "step"
        rows.append({"name": name, "kind": kind, "mb_per_s": rate, "x_ftfy": ratio})
    record(
        "pipeline",
        "throughput",
        rows,
        note=f"{len(texts)} zyte-dev page texts, {megabytes:.2f} MB; best of {args.repeat} passes",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
