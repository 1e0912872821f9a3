"""Record what `clean(html, html=True)` gives on every development page, or compare with a record.

Run from the repository root, before and after a change to the HTML reader (meant for work on
its speed, which must change no result)::

    python scripts/html_decisions.py --save before.json
    python scripts/html_decisions.py --compare before.json

Pages: every page of ``../shared/data/extraction/*.jsonl`` and of
``../shared/data/dates/htmldate-dev.jsonl`` (those also with their ``url``, as the dates
benchmark reads them). For each page the record holds the result's JSON form
(`CleanResult.to_dict`): the text, the metadata with its provenance, every change with its
span, rule and reason, the warnings, and the source as read (its text, block table with DOM
evidence and markup spans, findings and container). ``--compare`` prints how many pages differ
and the first differences (the first key path where each differs), and exits non-zero when any
does. Needs the development data; exits 0 with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scrapeclean import clean

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = (
    "extraction/zyte-dev.jsonl",
    "extraction/readability-dev.jsonl",
    "extraction/snippets-dev.jsonl",
    "dates/htmldate-dev.jsonl",
)


def pages() -> Iterator[tuple[str, str, str | None]]:
    """``(name, html, url)`` of every development page: once without its URL, once with it."""
    for name in SETS:
        path = DATA / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                row = json.loads(line)
                yield f"{name}:{number}", row["html"], None
                if name.startswith("dates/") and row.get("url"):
                    yield f"{name}:{number}:url", row["html"], row["url"]


def result(html: str, url: str | None) -> dict[str, Any]:
    """The JSON form of `clean(html, html=True)` (with `url`, when given)."""
    found = clean(html, html=True) if url is None else clean(html, html=True, url=url)
    data: dict[str, Any] = json.loads(found.to_json())
    return data


def first_difference(ours: object, theirs: object, path: str = "") -> str | None:
    """The key path of the first place where two JSON values differ, with both values there."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in list(ours) + [key for key in theirs if key not in ours]:
            found = first_difference(ours.get(key), theirs.get(key), f"{path}.{key}")
            if found is not None:
                return found
        return None
    if isinstance(ours, list) and isinstance(theirs, list):
        for index, (mine, other) in enumerate(zip(ours, theirs, strict=False)):
            found = first_difference(mine, other, f"{path}[{index}]")
            if found is not None:
                return found
        if len(ours) != len(theirs):
            return f"{path}: {len(ours)} items now, {len(theirs)} then"
        return None
    if ours != theirs:
        return f"{path}: now {str(ours)[:160]!r}, then {str(theirs)[:160]!r}"
    return None


def main() -> int:
    """Save or compare the record."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the record here")
    group.add_argument("--compare", type=Path, help="compare with the record saved here")
    args = parser.parse_args()
    if not (DATA / "extraction").is_dir():
        print(f"{DATA} has no extraction data: nothing to record")
        return 0
    record = {name: result(html, url) for name, html, url in pages()}
    if args.save:
        args.save.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        changes = sum(len(entry["changes"]) for entry in record.values())
        print(f"{len(record)} pages, {changes} changes: written to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    differing = [name for name in record if record[name] != saved.get(name)]
    missing = [name for name in saved if name not in record]
    print(
        f"{len(record)} pages, {len(differing)} with other results than {args.compare}"
        + (f", {len(missing)} recorded then and not read now" if missing else "")
    )
    for name in differing[:8]:
        print(f"  {name}{first_difference(record[name], saved.get(name) or {})}")
    return 1 if differing or missing else 0


if __name__ == "__main__":
    sys.exit(main())
