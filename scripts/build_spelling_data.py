"""Rebuild the spelling cleaner's word list from SymSpell's frequency dictionary.

Run from the repository root::

    python scripts/build_spelling_data.py [SOURCE] [--check]

SOURCE is a ``word<TAB>count`` file (default ``../shared/data/spelling/frequency_en.tsv``, the
SymSpell English dictionary). The script writes, in ``src/scrapeclean/data/``:

- ``frequency_en_words.txt``: the words, most frequent first (ties by word), one per line;
- ``frequency_en_counts.bin``: their counts in the same order, unsigned 64-bit little-endian;
- ``frequency_en_order.bin``: the code point order of the words (Python's string order): for
  each word in that order, its position in the list, unsigned 32-bit little-endian.

Plain arrays instead of one table, so that loading is a few C-level calls (split the words,
read the counts and the order), about 4 ms, and a word's count is a binary search among the
words in code point order: the first call of the cleaner needs no hash table of 82,000 words
(10 ms more; it is built later, when a text asks about many words, most frequent word first).
Not compressed: decompressing took 5 ms of the first call, and the wheel is a zip archive
anyway (1.7 MB here, about 0.6 MB in the wheel).
``--check`` writes nothing and exits 1 when a file would change.
"""

from __future__ import annotations

import argparse
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "scrapeclean" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "spelling" / "frequency_en.tsv"


def read_table(path: Path) -> list[tuple[str, int]]:
    """Return (word, count) pairs of a word<TAB>count file, header line skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, count = line.partition("\t")
        if word and count.isdigit():
            rows.append((word, int(count)))
    return rows


def encode(rows: list[tuple[str, int]]) -> tuple[bytes, bytes, bytes]:
    """The three shipped files' contents: words, counts and code point order."""
    ranked = sorted(rows, key=lambda row: (-row[1], row[0]))
    words = [word for word, _ in ranked]
    counts = array("Q", (count for _, count in ranked))
    order = array("I", sorted(range(len(words)), key=words.__getitem__))  # 4 bytes an item
    if sys.byteorder != "little":
        counts.byteswap()
        order.byteswap()
    return "\n".join(words).encode("utf-8"), counts.tobytes(), order.tobytes()


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the data files; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    words, counts, order = encode(read_table(args.source))
    outputs = {
        "frequency_en_words.txt": words,
        "frequency_en_counts.bin": counts,
        "frequency_en_order.bin": order,
    }
    changed = [
        name
        for name, data in outputs.items()
        if not (DATA / name).is_file() or (DATA / name).read_bytes() != data
    ]
    if args.check:
        for name in changed:
            print(f"would change: {name}")
        return 1 if changed else 0
    for name in changed:
        (DATA / name).write_bytes(outputs[name])
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
