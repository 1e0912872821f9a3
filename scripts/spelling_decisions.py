"""Record every decision `normalize_spelling` makes on the development data, to compare runs.

Run from the repository root::

    python scripts/spelling_decisions.py OUT.jsonl            # write the decisions
    python scripts/spelling_decisions.py OUT.jsonl --check    # compare with a file written before

Meant for work on the cleaner's speed, which must change no decision: write the file before the
work, check against it after. Each line is one text of one corpus under one option set, with
every edit the cleaner proposes (start, end, replacement, kind, rule, reason). The corpora:

- every misspelling of ``../shared/data/spelling/*.jsonl`` in the benchmark's neutral sentence,
  and alone as a capitalised sentence start;
- the gold bodies (``expected_text``) of ``../shared/data/extraction/*.jsonl`` and the
  ``with``/``without`` snippets of the trafilatura set (multilingual);
- the zyte-dev page texts as the HTML reader gives them (chrome and all);
- the sentences of ``tests/spelling/real_words.jsonl``;

each under the default options, ``variant="en-GB"``, ``variant="en-US"`` and
``max_distance=1``. ``--check`` exits 1 and prints the first differences when any decision
changed. Needs the development data; exits 0 with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TEMPLATE = "We were told that the {} was mentioned in the report."
OPTIONS: dict[str, dict[str, object]] = {
    "default": {},
    "en-GB": {"variant": "en-GB"},
    "en-US": {"variant": "en-US"},
    "distance1": {"max_distance": 1},
}


def _rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpora() -> Iterator[tuple[str, list[str]]]:
    """(corpus name, texts) for every corpus recorded."""
    for path in sorted((DATA / "spelling").glob("*.jsonl")):
        typos = [str(row["misspelling"]) for row in _rows(path)]
        yield f"{path.stem}/sentence", [TEMPLATE.format(t) for t in typos]
        yield f"{path.stem}/start", [f"{t.title()} was mentioned." for t in typos]
    for path in sorted((DATA / "extraction").glob("*.jsonl")):
        rows = _rows(path)
        if rows and "expected_text" in rows[0]:
            yield f"{path.stem}/gold", [str(row["expected_text"]) for row in rows]
        if rows and "with" in rows[0]:
            snippets = [str(s) for row in rows for k in ("with", "without") for s in row[k]]  # type: ignore[attr-defined]
            yield f"{path.stem}/snippets", snippets
    zyte = DATA / "extraction" / "zyte-dev.jsonl"
    if zyte.is_file():
        from scrapeclean._input import read_input

        pages = [read_input(row["html"], html=True, encoding=None)[0].text for row in _rows(zyte)]
        yield "zyte-dev/pages", pages
    real = ROOT / "tests" / "spelling" / "real_words.jsonl"
    yield "real_words", [str(row["text"]) for row in _rows(real)]


def decisions() -> Iterator[dict[str, object]]:
    """One record per (corpus, text, option set): the edits proposed."""
    from scrapeclean._model import Document
    from scrapeclean.cleaners import normalize_spelling

    cleaners = {name: normalize_spelling(**opts) for name, opts in OPTIONS.items()}  # type: ignore[arg-type]
    for corpus, texts in corpora():
        for number, text in enumerate(texts):
            doc = Document.from_text(text)
            for name, cleaner in cleaners.items():
                edits = [
                    [e.span.start, e.span.end, e.replacement, str(e.kind), e.rule, e.reason]
                    for e in cleaner(doc).edits
                ]
                yield {"corpus": corpus, "text": number, "options": name, "edits": edits}


def main(argv: list[str] | None = None) -> int:
    """Write the decisions to OUT, or with --check compare them with OUT; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: development data not found at {DATA}")
        return 0
    lines = [json.dumps(record, ensure_ascii=False) for record in decisions()]
    changed = sum(1 for line in lines if json.loads(line)["edits"])
    edits = sum(len(json.loads(line)["edits"]) for line in lines)
    print(f"{len(lines)} (text, options) pairs, {changed} with edits, {edits} edits")
    if not args.check:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
        return 0
    before = args.out.read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(before, lines, strict=False) if a != b]
    if len(before) != len(lines):
        print(f"different number of records: {len(before)} before, {len(lines)} now")
    for a, b in differ[:20]:
        print(f"- {a}\n+ {b}")
    if differ or len(before) != len(lines):
        print(f"{len(differ)} records differ")
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
