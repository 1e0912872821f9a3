"""Page metadata from real HTML: title exact match and author rate, beside readability-lxml.

Run: python benchmarks/bench_metadata.py

Data: ../shared/data/extraction/readability-dev.jsonl (skipped with a message when absent),
pages with an expected title and byline. A title counts when it equals the expected one after
folding whitespace. An author counts when every name scrapeclean reports appears in the
expected byline (case-folded) and there is one; a page with no expected byline counts as
right when no author is reported. readability-lxml states a title (`short_title`, and `title`)
and no byline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _results import record

from scrapeclean import clean

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"
_SPACE = re.compile(r"\s+")


def _fold(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _rows() -> Iterator[dict[str, Any]]:
    with (DATA / "readability-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _author_right(authors: tuple[str, ...], expected: str | None) -> bool:
    if not expected:
        return not authors
    byline = _fold(expected).casefold()  # pages write "Brenda  Goodman" with two spaces
    return bool(authors) and all(name.casefold() in byline for name in authors)


def main() -> int:
    if not (DATA / "readability-dev.jsonl").exists():
        print(f"development data not found at {DATA}: nothing to measure")
        return 0
    rows = list(_rows())
    titles = {"scrapeclean": 0, "readability short_title": 0, "readability title": 0}
    authors = 0
    with_byline = sum(1 for row in rows if row.get("expected_byline"))
    try:
        from readability import Document as Readable
    except ImportError:
        Readable = None  # noqa: N806
        print("readability-lxml is not installed: skipped")
    for row in rows:
        expected = _fold(row["expected_title"])
        result = clean(row["html"])
        titles["scrapeclean"] += _fold(result.title) == expected
        authors += _author_right(result.metadata.authors or (), row.get("expected_byline"))
        if Readable is not None:
            page = Readable(row["html"])
            titles["readability short_title"] += _fold(page.short_title()) == expected
            titles["readability title"] += _fold(page.title()) == expected
    print(f"readability-dev: {len(rows)} pages ({with_byline} with a byline)")
    for name, right in titles.items():
        if name == "scrapeclean" or Readable is not None:
            print(f"  title exact, {name:<26}{right:>4} ({right / len(rows):.3f})")
    print(f"  authors right, scrapeclean{'':<13}{authors:>4} ({authors / len(rows):.3f})")
    shown = [name for name in titles if name == "scrapeclean" or Readable is not None]
    record(
        "metadata",
        "readability-dev",
        [
            {
                "method": name,
                "titles_exact": titles[name] / len(rows),
                "authors_right": authors / len(rows) if name == "scrapeclean" else None,
            }
            for name in shown
        ],
        note=f"{len(rows)} pages, {with_byline} with a byline; readability states no byline",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
