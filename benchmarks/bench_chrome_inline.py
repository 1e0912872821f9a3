"""Inline chrome spans (rule ``chrome.inline``): what they remove, and what they cost, in one run.

Run: python benchmarks/bench_chrome_inline.py [--limit N] [--flattener html_text|bs4|both]
[--sample N]

`remove_chrome()` (inline spans on, the default) against `remove_chrome(inline=False)` on the
same texts, scored as `bench_chrome.py` scores them:

- the page texts of zyte-dev: 4-gram shingle F1 against the gold body, and the number of
  ``chrome.inline`` spans removed (with a sample of them printed, to be judged by eye);
- the page texts of snippets-dev: share of `with` snippets kept, of `without` snippets removed;
- precision guard: the gold bodies of zyte-dev as input, share of their shingles kept, and
  the spans removed from them (each one is a span of a gold body: a loss).
"""

from __future__ import annotations

import argparse
import random
import sys

from _results import record
from bench_chrome import DATA, Method, bench_snippets, bench_zyte, flatteners, rows, shingles

from scrapeclean import Pipeline
from scrapeclean.cleaners import remove_chrome


def _pipelines() -> dict[str, Pipeline]:
    return {
        "inline off": Pipeline([remove_chrome(inline=False)]),
        "inline on": Pipeline([remove_chrome()]),
    }


def _methods() -> dict[str, Method]:
    return {
        name: (lambda text, p=pipeline: p.clean(text, html=False).text)
        for name, pipeline in _pipelines().items()
    }


def inline_spans(texts: list[str]) -> list[str]:
    """Every span the ``chrome.inline`` rule removes from `texts`, in order."""
    pipeline = _pipelines()["inline on"]
    found: list[str] = []
    for text in texts:
        result = pipeline.clean(text, html=False)
        found.extend(change.before for change in result.changes if change.rule == "chrome.inline")
    return found


def bench_guard(golds: list[str]) -> list[dict[str, object]]:
    """Print the share of gold-body shingles kept with inline spans off and on."""
    found: list[dict[str, object]] = []
    for name, method in _methods().items():
        total = kept = 0
        for gold in golds:
            theirs = shingles(gold)
            total += sum(theirs.values())
            kept += sum((shingles(method(gold)) & theirs).values())
        print(f"  {name:<12} keeps {kept / max(total, 1):.3%} of the gold shingles")
        found.append({"method": name, "gold_shingles_kept": kept / max(total, 1)})
    spans = inline_spans(golds)
    print(f"  inline spans removed from the gold bodies: {len(spans)}")
    for span in spans:
        print(f"    {span!r}")
    return found


def main() -> int:
    """Measure inline spans off and on, on every flattener."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per set")
    parser.add_argument("--flattener", default="html_text", choices=("html_text", "bs4", "both"))
    parser.add_argument("--sample", type=int, default=25, help="spans printed per flattener")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to measure")
        return 0
    zyte = list(rows("zyte-dev.jsonl", args.limit))
    snippets = list(rows("snippets-dev.jsonl", args.limit))
    measured = _methods()
    for flattener, flatten in flatteners(args.flattener).items():
        print(f"== page text from {flattener} ==")
        zyte_pages = [(flatten(row["html"]), row["expected_text"]) for row in zyte]
        snippet_pages = [(flatten(row["html"]), row["with"], row["without"]) for row in snippets]
        print(f"zyte-dev ({len(zyte)} pages), 4-gram shingle scores")
        table = bench_zyte(zyte_pages, measured)
        record("chrome_inline", f"zyte-dev from {flattener}", table, note="4-gram shingles")
        print(f"snippets-dev ({len(snippets)} pages)")
        table = bench_snippets(snippet_pages, measured)
        record("chrome_inline", f"snippets-dev from {flattener}", table)
        texts = [text for text, _ in zyte_pages] + [text for text, _, _ in snippet_pages]
        spans = inline_spans(texts)
        print(f"inline spans removed from the {len(texts)} dev page texts: {len(spans)}")
        record(
            "chrome_inline",
            f"spans on {flattener} page texts",
            [{"pages": len(texts), "inline_spans": len(spans)}],
        )
        for span in random.Random(0).sample(spans, min(args.sample, len(spans))):
            print(f"    {span!r}")
    print("== precision guard: the gold bodies of zyte-dev as input ==")
    table = bench_guard([row["expected_text"] for row in zyte])
    record("chrome_inline", "gold bodies as input", table, note="share of gold shingles kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
