"""Peak memory of `clean()` per input character, on large texts (target: at most 10x the input).

Run: python benchmarks/bench_memory.py [--no-trace] [--text article|spaces] [MEGABYTES ...]
(default: both texts; article at 5, 20 and 50 MB, spaces at 0.5 and 2 MB). ``--no-trace``
runs without tracemalloc (which slows allocation and adds its own memory to the RSS): only the
RSS figure is then meaningful.

Each size runs in a fresh interpreter, so one run's caches and freed arenas do not count in the
next. Two figures per size:

- ``traced``: the peak of Python allocations during `clean()` (tracemalloc), beyond what the
  process held before (the input text itself, the loaded word lists), divided by the input's
  size in bytes as Python holds it (one byte per character for ASCII text);
- ``rss``: the process's peak resident size (``ru_maxrss``) over the same input size, which
  includes the interpreter, the libraries and the input text.

Texts: ``article`` is the bundled example article repeated (chrome, dateline, mojibake and a
typo in every copy, so every cleaner has work); ``spaces`` has a whitespace change every three
characters (millions of changes: the worst case for the change list).
"""

from __future__ import annotations

import json
import subprocess
import sys

from _results import record

DEFAULT_MB = {"article": (5.0, 20.0, 50.0), "spaces": (0.5, 2.0)}

_CHILD = r"""
import json, resource, sys, time, tracemalloc
from importlib.resources import files
from scrapeclean import clean
kind, size = sys.argv[1], int(float(sys.argv[2]) * 1_000_000)
if kind == "article":
    article = (files("scrapeclean") / "data" / "example-article.txt").read_text("utf-8")
    text = "\n\n".join([article] * (size // len(article) + 1))[:size]
else:
    text = ("a  " * (size // 3 + 1))[:size]
clean("warm up: the council said that the budget was on the agenda of the meeting.")
trace = sys.argv[3] == "trace"
if trace:
    tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
start = time.perf_counter()
result = clean(text)
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] - base if trace else 0
held = tracemalloc.get_traced_memory()[0] - base if trace else 0
tracemalloc.stop()
unit = sys.getsizeof(text) - sys.getsizeof("")
print(json.dumps({
    "chars": len(text), "bytes": unit, "changes": len(result.changes),
    "traced_peak": peak, "result_held": held, "seconds": seconds,
    "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
"""


def _measure(kind: str, megabytes: float, trace: bool) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(megabytes), "trace" if trace else "rss"],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    kinds = list(DEFAULT_MB)
    trace = "--no-trace" not in args
    args = [arg for arg in args if arg != "--no-trace"]
    if len(args) >= 2 and args[0] == "--text":
        kinds = [args[1]]
        args = args[2:]
    print(f"{'text':>8}{'MB':>6}{'changes':>10}{'s':>8}{'traced x':>10}{'held x':>8}{'rss x':>8}")
    rows = []
    for kind in kinds:
        for size in [float(arg) for arg in args] or DEFAULT_MB[kind]:
            figures = _measure(kind, size, trace)
            unit = figures["bytes"]
            print(
                f"{kind:>8}{size:>6g}{figures['changes']:>10.0f}{figures['seconds']:>8.1f}"
                f"{figures['traced_peak'] / unit:>10.1f}{figures['result_held'] / unit:>8.1f}"
                f"{figures['maxrss'] / unit:>8.1f}"
            )
            rows.append(
                {
                    "text": kind,
                    "mb": size,
                    "changes": int(figures["changes"]),
                    "seconds": figures["seconds"],
                    "traced_peak_x": figures["traced_peak"] / unit if trace else None,
                    "held_x": figures["result_held"] / unit,
                    "rss_x": figures["maxrss"] / unit,
                }
            )
    print("x: bytes per byte of input text (target: traced peak at most 10x)")
    record("memory", "clean() memory per input byte", rows, note="each size in a fresh process")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
