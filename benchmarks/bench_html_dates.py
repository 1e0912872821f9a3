"""Publication dates from real HTML pages, beside htmldate in the same run.

Run: python benchmarks/bench_html_dates.py [--limit N]

Data: ../shared/data/dates/htmldate-dev.jsonl (skipped with a message when absent): pages with
their expected publication day. Each page counts as right (same day), wrong (another day) or
missing (no date). scrapeclean runs its default pipeline with the page's URL and reads
`result.published`; htmldate (when installed) runs `find_date` with its defaults (original
date, extensive search).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N pages")
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
    for name, find in finders.items():
        counts: Counter[str] = Counter()
        for row in rows:
            try:
                found = find(row["html"], row["url"])
            except Exception:  # a peer failing on a page counts as missing there
                found = None
            if found is None:
                counts["missing"] += 1
            else:
                counts["right" if found[:10] == row["expected_date"][:10] else "wrong"] += 1
        accuracy = counts["right"] / max(1, len(rows))
        print(
            f"{name:<14}{counts['right']:>7}{counts['wrong']:>7}{counts['missing']:>9}"
            f"{accuracy:>10.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
