"""Word frequencies and edit-distance neighbourhoods for the spelling cleaner (private).

The English word list ships as two gzip files in ``scrapeclean/data/`` (built by
``scripts/build_spelling_data.py``): the words, most frequent first, one per line, and their
counts as unsigned 64-bit integers in the same order. Loading is two C-level calls and one
``dict(zip(...))`` (about 20 ms), done the first time a cleaner needs it, once per process, and
kept in a module-level slot: no other cache grows with use.

Neighbours at edit distance 1 are found by generating every single edit of the query (deletion,
adjacent transposition, substitution, insertion) and looking each up: about 500 hash lookups
for an 8-letter word. Neighbours at distance 2 are only wanted among frequent words that share
the query's first and last letters (writers keep both ends of a word), and two such words are
as far apart as their interiors (the letters between the ends). So they come from a symmetric
deletion index (SymSpell's idea) over interiors, built lazily for one pair of end letters at a
time: each frequent word is filed under every string made by deleting up to two letters of its
interior, and the candidates of a query are the words filed under the same deletions of its
interior, a few dozen lookups, then checked with an exact edit distance. One pair's index holds
a few dozen words and takes a few milliseconds to build; only the pairs that unknown words of
seven or more letters end with are ever built (all of them: about 20 MB).
"""

from __future__ import annotations

import os
import re
import sys
import threading
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice, repeat
from operator import add, neg

__all__ = [
    "LETTERS",
    "Lexicon",
    "deletes_within2",
    "edit_distance",
    "edits1",
    "keyboard_adjacent",
    "lexicon",
    "read_data",
]

LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: Words at least this frequent are filed in the distance-2 index (the distance-2 targets).
INDEX_MIN_COUNT = 1_000_000

#: How many of the most frequent words `most_frequent` can return.
_RANKED = 500

#: zlib's window setting that reads (only) the gzip format.
_GZIP_WBITS = 31

_DATA_PACKAGE = "scrapeclean"
_DATA_DIR = "data"
_WORDS_FILE = "frequency_en_words.txt.gz"
_COUNTS_FILE = "frequency_en_counts.bin.gz"

# QWERTY rows with their usual stagger: a key touches its row neighbours, the two keys above it
# (same index and index + 1 in the upper row's coordinates) and the two below it.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _build_adjacency() -> dict[str, frozenset[str]]:
    neighbours: dict[str, set[str]] = {c: set() for c in LETTERS}
    for r, row in enumerate(_ROWS):
        for i, key in enumerate(row):
            if i > 0:
                neighbours[key].add(row[i - 1])
            if i + 1 < len(row):
                neighbours[key].add(row[i + 1])
            if r + 1 < len(_ROWS):
                below = _ROWS[r + 1]
                for j in (i - 1, i):
                    if 0 <= j < len(below):
                        neighbours[key].add(below[j])
                        neighbours[below[j]].add(key)
    return {key: frozenset(value) for key, value in neighbours.items()}


_ADJACENT = _build_adjacency()


def keyboard_adjacent(a: str, b: str) -> bool:
    """Return True when letters `a` and `b` are neighbouring keys on a QWERTY keyboard."""
    return b in _ADJACENT.get(a, frozenset())


def adjacent_keys(a: str) -> frozenset[str]:
    """Return the letters on the keys next to letter `a` (empty for anything else)."""
    return _ADJACENT.get(a, frozenset())


def _deletes(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def deletes_within2(word: str) -> set[str]:
    """Return `word` and every string made from it by deleting one or two letters."""
    out = {word}
    for i in range(len(word)):
        shorter = word[:i] + word[i + 1 :]
        out.add(shorter)
        out.update(shorter[:j] + shorter[j + 1 :] for j in range(i, len(shorter)))
    return out


def edits1(word: str) -> set[str]:
    """Return every string one deletion, transposition, substitution or insertion from `word`."""
    out = set(_edits1(word))
    out.discard(word)
    return out


def _edits1(word: str) -> list[str]:
    """The strings one edit from `word`, with repeats (and `word` itself).

    Built with C-level `map` calls: a third faster than comprehensions over the letters.
    """
    out: list[str] = []
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        out += map(add, repeat(left), map(add, LETTERS, repeat(right)))  # insertions
        if right:
            rest = right[1:]
            out.append(left + rest)  # deletion
            out += map(add, repeat(left), map(add, LETTERS, repeat(rest)))  # substitutions
            if rest:
                out.append(left + rest[0] + right[0] + rest[1:])  # transposition
    return out


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Return the optimal-string-alignment distance of `a` and `b` (capped at `limit`).

    Insertions, deletions, substitutions and swaps of two adjacent letters each cost 1.
    """
    if a == b:
        return 0
    size_a, size_b = len(a), len(b)
    if abs(size_a - size_b) >= limit:
        return limit
    # A common prefix or suffix costs nothing (no cheaper alignment crosses it): only the
    # letters between go through the table, a few for words two edits apart.
    shorter = min(size_a, size_b)
    head = 0
    while head < shorter and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shorter - head and a[size_a - 1 - tail] == b[size_b - 1 - tail]:
        tail += 1
    if head or tail:
        a, b = a[head : size_a - tail], b[head : size_b - tail]
    return _osa_table(a, b, limit)


def _osa_table(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of `a` and `b` by the full table (capped)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


class Lexicon:
    """English word counts with distance-1 and distance-2 neighbour search.

    Build one with `lexicon()` (shared, loaded once) or from pairs for tests.
    """

    __slots__ = ("_blob", "_counts", "_index", "_lock", "_ranked")

    def __init__(
        self,
        counts: Iterable[tuple[str, int]],
        *,
        ranked: bool = False,
        frequent: str | None = None,
    ) -> None:
        """`counts` gives (word, count) pairs; `ranked` says they come most frequent first.

        `frequent` may give the words at least `INDEX_MIN_COUNT` frequent, one per line, when
        the caller has them at hand (the shipped list: a prefix of its text).
        """
        self._counts: dict[str, int] = dict(counts)
        self._ranked: tuple[str, ...] | None = None
        self._blob = frequent
        if ranked:
            self._ranked = tuple(islice(self._counts, _RANKED))
        self._index: dict[str, dict[str, str | tuple[str, ...]]] = {}  # by end letters
        self._lock = threading.Lock()

    def __contains__(self, word: object) -> bool:
        return word in self._counts

    def __len__(self) -> int:
        return len(self._counts)

    @property
    def counts(self) -> Mapping[str, int]:
        """The counts by word (read-only by contract): for fast membership tests in loops."""
        return self._counts

    def unknown(self, words: set[str]) -> set[str]:
        """The members of `words` that are not known words (one C-level set operation)."""
        return words.difference(self._counts)

    def count(self, word: str) -> int:
        """Return how often `word` (lowercase) occurs in the reference corpus, 0 if unknown."""
        return self._counts.get(word, 0)

    def most_frequent(self, n: int) -> tuple[str, ...]:
        """Return the `n` most frequent words, most frequent first."""
        if self._ranked is None:
            ranked = sorted(self._counts, key=lambda w: (-self._counts[w], w))
            self._ranked = tuple(ranked[:_RANKED])
        return self._ranked[:n]

    def neighbours1(self, word: str) -> dict[str, int]:
        """Return the known words one edit from `word`, with their counts."""
        get = self._counts.get
        found = {e: count for e in _edits1(word) if (count := get(e)) is not None}
        found.pop(word, None)
        return found

    def neighbours2(self, word: str) -> dict[str, int]:
        """Return the frequent words exactly two edits from `word` with its first and last letters.

        Only words at least `INDEX_MIN_COUNT` frequent and of 3+ letters are returned, with
        their counts.
        """
        counts = self._counts
        return {w: counts[w] for w, d in self.frequent_near(word).items() if d == 2}

    def frequent_near(self, word: str) -> dict[str, int]:
        """The frequent words within two edits of `word` with its first and last letters.

        Maps each word (at least `INDEX_MIN_COUNT` frequent, 3+ letters) to its distance, 1 or
        2. A few dozen lookups: cheap enough to ask before any wider search.
        """
        if len(word) < 3:
            return {}
        index = self._bucket_index(word[0], word[-1])
        found: set[str] = set()
        for key in deletes_within2(word[1:-1]):
            hit = index.get(key)
            if hit is None:
                continue
            if isinstance(hit, str):
                found.add(hit)
            else:
                found.update(hit)
        near = {w: edit_distance(word, w) for w in found}
        return {w: d for w, d in near.items() if 0 < d <= 2}

    def _frequent(self) -> str:
        """The words at least `INDEX_MIN_COUNT` frequent, one per line (made once)."""
        if self._blob is None:
            self._blob = "\n".join(w for w, c in self._counts.items() if c >= INDEX_MIN_COUNT)
        return self._blob

    def _bucket_index(self, first: str, last: str) -> dict[str, str | tuple[str, ...]]:
        index = self._index.get(first + last)
        if index is not None:
            return index
        with self._lock:
            index = self._index.get(first + last)
            if index is None:
                # One C-level scan of the frequent words for those with these ends.
                pattern = f"^{re.escape(first)}[^\n]+{re.escape(last)}$"
                index = _build_deletion_index(re.findall(pattern, self._frequent(), re.M))
                self._index[first + last] = index
            return index


def _build_deletion_index(words: Iterable[str]) -> dict[str, str | tuple[str, ...]]:
    """File each word under each string made by deleting up to two letters of its interior."""
    index: dict[str, str | tuple[str, ...]] = {}
    for word in words:
        for key in deletes_within2(word[1:-1]):
            hit = index.get(key)
            if hit is None:
                index[key] = word
            elif isinstance(hit, str):
                index[key] = (hit, word)
            else:
                index[key] = (*hit, word)
    return index


def read_data(name: str) -> bytes:
    """The bytes of ``scrapeclean/data/<name>``.

    Read straight from the package folder when it is one (the usual install), which spares the
    first call the import of `importlib.resources` (about 10 ms, most of the time budget of a
    first call); through `importlib.resources` otherwise (a zipped package).
    """
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), _DATA_DIR, name)
    if os.path.isfile(path):
        with open(path, "rb") as handle:
            return handle.read()
    from importlib import resources

    return resources.files(_DATA_PACKAGE).joinpath(_DATA_DIR).joinpath(name).read_bytes()


def _gunzip(data: bytes) -> bytes:
    return zlib.decompress(data, wbits=_GZIP_WBITS)


def _read_lexicon() -> Lexicon:
    """The shipped lexicon: words most frequent first, their counts in the same order."""
    text = _gunzip(read_data(_WORDS_FILE)).decode("utf-8")
    counts = array("Q")
    counts.frombytes(_gunzip(read_data(_COUNTS_FILE)))
    if sys.byteorder != "little":
        counts.byteswap()
    words = text.split("\n")
    # The frequent words are a prefix of the text: no pass over the words to find them.
    size = bisect_left(counts, -INDEX_MIN_COUNT, key=neg)
    frequent = text[: sum(map(len, words[:size])) + size - 1] if size else ""
    return Lexicon(zip(words, counts, strict=True), ranked=True, frequent=frequent)


_LEXICON: Lexicon | None = None
_LEXICON_LOCK = threading.Lock()


def lexicon() -> Lexicon:
    """Return the shipped English lexicon, loading it on first use (once per process)."""
    global _LEXICON
    if _LEXICON is None:
        with _LEXICON_LOCK:
            if _LEXICON is None:
                _LEXICON = _read_lexicon()
    return _LEXICON
