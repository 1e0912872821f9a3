"""Publication dates from real HTML pages, beside htmldate in the same run.

Run: python benchmarks/bench_html_dates.py [--limit N] [--halves]

Data: ../shared/data/dates/htmldate-dev.jsonl (skipped with a message when absent): pages with
their expected publication day. Each page counts as right (same day), wrong (another day) or
missing (no date). scrapeclean runs its default pipeline with the page's URL and reads
`result.published`; htmldate (when installed) runs `find_date` with its defaults (original
date, extensive search). `--halves` also reports the pages split in two halves by site (a hash
of the host name): rules were tuned on half A, half B shows whether they carry over.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from _results import record

from scrapeclean import clean

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dates"

Finder = Callable[[str, str], "str | None"]


def _ours(html: str, url: str) -> str | None:
    published = clean(html, html=True, url=url).published
    return None if published is None else published.date().isoformat()


def _peers() -> dict[str, Finder]:
    try:
        from htmldate import find_date
    except ImportError:
        print("htmldate is not installed: skipped")
        return {}
    return {"htmldate": lambda html, url: find_date(html, url=url, original_date=True)}


def _half(url: str) -> str:
    """The half a page falls in, by its site: "A" or "B" (stable across runs and machines)."""
    host = (urlsplit(url).hostname or "").encode()
    return "A" if hashlib.md5(host, usedforsecurity=False).digest()[0] % 2 == 0 else "B"


def _accuracy(counts: Counter[str]) -> float:
    return counts["right"] / max(1, counts["right"] + counts["wrong"] + counts["missing"])


def _row(name: str, counts: Counter[str]) -> str:
    total = max(1, counts["right"] + counts["wrong"] + counts["missing"])
    return (
        f"{name:<14}{counts['right']:>7}{counts['wrong']:>7}{counts['missing']:>9}"
        f"{counts['right'] / total:>10.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--halves", action="store_true", help="also report the two site halves")
    args = parser.parse_args()
    path = DATA / "htmldate-dev.jsonl"
    if not path.exists():
        print(f"development data not found at {path}: nothing to measure")
        return 0
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    finders: dict[str, Finder] = {"scrapeclean": _ours, **_peers()}
    print(f"htmldate-dev: {len(rows)} pages, publication day")
    print(f"{'finder':<14}{'right':>7}{'wrong':>7}{'missing':>9}{'accuracy':>10}")
    halves: dict[str, list[str]] = {"A": [], "B": []}
    recorded: list[dict[str, object]] = []
    for name, find in finders.items():
        counts: Counter[str] = Counter()
        by_half: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
        for row in rows:
            try:
                found = find(row["html"], row["url"])
            except Exception:  # a peer failing on a page counts as missing there
                found = None
            if found is None:
                outcome = "missing"
            else:
                outcome = "right" if found[:10] == row["expected_date"][:10] else "wrong"
            counts[outcome] += 1
            by_half[_half(row["url"])][outcome] += 1
        print(_row(name, counts))
        recorded.append(
            {
                "finder": name,
                "right": counts["right"],
                "wrong": counts["wrong"],
                "missing": counts["missing"],
                "accuracy": counts["right"] / max(1, len(rows)),
                "accuracy_held_out": _accuracy(by_half["B"]),
            }
        )
        for half, half_counts in by_half.items():
            halves[half].append(_row(name, half_counts))
    record(
        "html_dates",
        "htmldate-dev",
        recorded,
        note=f"{len(rows)} pages; held out: the half of the sites not used to tune the rules",
    )
    if args.halves:
        for half, lines in halves.items():
            print(f"half {half} ({'tuned on' if half == 'A' else 'held out'}):")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
