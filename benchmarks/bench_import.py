"""How long `import scrapeclean` takes in a fresh interpreter, next to peers' imports.

Run: python benchmarks/bench_import.py [--runs N]

Each import runs in a new interpreter, interleaved with the others, and the time of a bare
interpreter start is subtracted. Prints the median per module and its ratio to scrapeclean's.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import time

MODULES = [
    "scrapeclean",
    "ftfy",
    "bs4",
    "regex",
    "dateparser",
    "trafilatura",
    "cleantext",
    "justext",
]
TARGET_MS = 150.0


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    modules = [name for name in MODULES if importlib.util.find_spec(name) is not None]
    samples: dict[str, list[float]] = {name: [] for name in ["<bare>", *modules]}
    for _ in range(args.runs):
        samples["<bare>"].append(_wall("pass"))
        for name in modules:
            samples[name].append(_wall(f"import {name}"))
    bare = statistics.median(samples["<bare>"])
    ours = statistics.median(samples["scrapeclean"]) - bare
    print(
        f"python {sys.version.split()[0]}, {args.runs} runs each, bare start {bare * 1000:.1f} ms"
    )
    print(f"{'module':<14}{'import ms':>10}{'x ours':>9}")
    for name in modules:
        cost = statistics.median(samples[name]) - bare
        print(f"{name:<14}{cost * 1000:>10.1f}{cost / ours:>9.2f}")
    verdict = "within" if ours * 1000 < TARGET_MS else "OVER"
    print(f"import scrapeclean: {ours * 1000:.1f} ms, {verdict} the {TARGET_MS:.0f} ms budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
