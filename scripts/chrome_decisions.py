"""Record what `remove_chrome` decides on every development page text, or compare with a record.

Run from the repository root, before and after a change to the chrome cleaner::

    python scripts/chrome_decisions.py --save before.json
    python scripts/chrome_decisions.py --compare before.json

Texts: every page of ``../shared/data/extraction`` zyte-dev and snippets-dev flattened three
ways (our HTML reader, ``html_text.extract_text(html, guess_layout=True)`` and BeautifulSoup's
``get_text("\\n")``), and the zyte-dev gold bodies. For each text the record holds every edit
of `remove_chrome` (span, rule id, reason) and its warnings. ``--compare`` prints how many
texts differ and the first differences, and exits non-zero when any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scrapeclean import Document
from scrapeclean._input import read_input
from scrapeclean.cleaners import remove_chrome

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"


def page_texts() -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every development page text."""
    import html_text
    from bs4 import BeautifulSoup

    for name in ("zyte-dev.jsonl", "snippets-dev.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                row = json.loads(line)
                html = row["html"]
                yield f"{name}:{number}:reader", read_input(html, html=True, encoding=None)[0].text
                yield f"{name}:{number}:html_text", html_text.extract_text(html, guess_layout=True)
                soup = BeautifulSoup(html, "html.parser")
                for tag in soup(["script", "style", "noscript", "template"]):
                    tag.decompose()
                yield f"{name}:{number}:bs4", soup.get_text("\n")
                if "expected_text" in row:
                    yield f"{name}:{number}:gold", row["expected_text"]


def decisions(text: str) -> dict[str, Any]:
    """The edits and warnings `remove_chrome` proposes for `text`, as plain JSON."""
    proposal = remove_chrome()(Document.from_text(text))
    return {
        "edits": [
            [edit.span.start, edit.span.end, edit.rule, edit.reason] for edit in proposal.edits
        ],
        "warnings": list(proposal.warnings),
    }


def main() -> int:
    """Save or compare the record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the record here")
    group.add_argument("--compare", type=Path, help="compare with the record saved here")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to record")
        return 0
    record = {name: decisions(text) for name, text in page_texts()}
    if args.save:
        args.save.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        edits = sum(len(entry["edits"]) for entry in record.values())
        print(f"{len(record)} texts, {edits} edits: written to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    differing = [name for name in record if record[name] != saved.get(name)]
    print(f"{len(record)} texts, {len(differing)} with other decisions than {args.compare}")
    for name in differing[:5]:
        ours, theirs = record[name], saved.get(name) or {"edits": [], "warnings": []}
        only_now = [edit for edit in ours["edits"] if edit not in theirs["edits"]]
        only_then = [edit for edit in theirs["edits"] if edit not in ours["edits"]]
        print(f"  {name}: +{only_now[:3]} -{only_then[:3]}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
