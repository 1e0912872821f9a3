"""Batch cleaning: `clean_many` with worker processes, and the CLI's memory on a large stream.

Run: python benchmarks/bench_batch.py [--stream-mb N]

1. Throughput of `Pipeline.clean_many` on the page texts of the zyte-dev pages (the visible
   text the HTML reader gives, cleaned as plain text), with 1 and with 2 worker processes, in
   the same run, three alternated passes each, the fastest kept; prints documents per second
   and the ratio (the target on 2 cores: >= 1.7x).
2. Peak memory of ``scrapeclean clean`` on a JSONL stream of N MB built from the dev pages
   (default 100; the issue's figure is for 1 GB, which takes long at the pipeline's speed),
   with 2 workers, measured as the peak resident size of the command's process tree.
   A streaming command's peak does not grow with N: run two sizes to see it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _pages import ZYTE, page_texts
from _results import record

from scrapeclean import Pipeline

#: Passes of each worker count, alternated; the fastest of each is reported.
PASSES = 3


def throughput(texts: list[str]) -> None:
    pipeline = Pipeline.default()
    list(pipeline.clean_many(texts[:4]))  # warm the tables in this process
    rates = {1: 0.0, 2: 0.0}
    megabytes = 3 * sum(len(text) for text in texts) / 1e6
    for _ in range(PASSES):  # alternated, the best pass of each kept: the machine is shared
        for workers in rates:
            start = time.perf_counter()
            count = sum(1 for _ in pipeline.clean_many(texts * 3, workers=workers, chunksize=4))
            seconds = time.perf_counter() - start
            rates[workers] = max(rates[workers], count / seconds)
            print(
                f"clean_many workers={workers}: {count} documents in {seconds:.2f} s, "
                f"{count / seconds:.1f} docs/s, {megabytes / seconds:.2f} MB/s"
            )
    print(f"speed-up with 2 workers: {rates[2] / rates[1]:.2f}x (cores: {os.cpu_count()})")
    record(
        "batch",
        "clean_many",
        [
            {"workers": workers, "docs_per_s": rate, "speed_up": rate / rates[1]}
            for workers, rate in rates.items()
        ],
        note=f"the zyte-dev page texts three times over; {os.cpu_count()} cores; "
        f"the fastest of {PASSES} alternated passes of each",
    )


def stream_memory(texts: list[str], megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "stream.jsonl"
        written = 0
        number = 0
        with source.open("w", encoding="utf-8") as handle:
            while written < megabytes * 1_000_000:
                line = json.dumps({"id": str(number), "text": texts[number % len(texts)]}) + "\n"
                handle.write(line)
                written += len(line.encode("utf-8"))
                number += 1
        out = Path(folder) / "out.jsonl"
        start = time.perf_counter()
        command = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scrapeclean",
                "clean",
                str(source),
                "-o",
                str(out),
                "--workers",
                "2",
                "--no-progress",
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        tree_peak = 0
        while command.poll() is None:
            tree_peak = max(tree_peak, _tree_rss(command.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        summary = command.stderr.read().strip() if command.stderr else ""
        largest_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(
            f"scrapeclean clean on {written / 1e6:.0f} MB ({number} records), 2 workers: "
            f"exit {command.returncode}, {seconds:.0f} s, {written / 1e6 / seconds:.2f} MB/s; "
            f"peak RSS of the whole process tree {tree_peak / 1e6:.0f} MB "
            f"(largest single process {largest_kb / 1024:.0f} MB)"
        )
        print(summary.splitlines()[-1] if summary else "")
        record(
            "batch",
            "stream memory",
            [
                {
                    "stream_mb": round(written / 1e6),
                    "records": number,
                    "exit": command.returncode,
                    "mb_per_s": written / 1e6 / seconds,
                    "peak_tree_rss_mb": tree_peak / 1e6,
                    "largest_process_mb": largest_kb / 1024,
                }
            ],
            note="scrapeclean clean --workers 2, JSONL built from the zyte-dev page texts",
        )


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = {root}
    grew = True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    total = 0
    for pid in tree:
        try:
            pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += pages * os.sysconf("SC_PAGE_SIZE")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream-mb", type=int, default=100)
    args = parser.parse_args()
    if not ZYTE.exists():
        print(f"development data not found at {ZYTE}; nothing to measure")
        return 0
    texts = page_texts()
    throughput(texts)
    stream_memory(texts, args.stream_mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
