"""Word frequencies and fast edit-distance neighbourhoods for the spelling cleaner (private).

The English word list ships as ``scrapeclean/data/frequency_en.tsv.gz`` (word, tab, count). It is
read the first time a cleaner needs it, once per process, and kept in a module-level slot: no
other cache grows with use.

Neighbours at edit distance 1 are found by generating every single edit of the query (deletion,
adjacent transposition, substitution, insertion) and looking each up: about 500 hash lookups for
an 8-letter word. Neighbours at distance 2 use a SymSpell-style deletion index built on first use:
each frequent dictionary word is filed under each string obtained by deleting one of its letters,
so the distance-1 neighbours of any string can be found with a dozen lookups, and the distance-2
neighbours of the query are the distance-1 neighbours of its distance-1 edits. That search
makes thousands of lookups per word, so it is guarded by a cheap exact test: two strings within
two edits of each other share a string reached from each by at most two deletions, so the
hashes of every such deletion of the frequent words (a sorted array of 64-bit integers, a few
megabytes) tell in a few dozen lookups that no frequent word is near; only words that pass it
pay for the full search.
"""

from __future__ import annotations

import gzip
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from importlib import resources

__all__ = [
    "LETTERS",
    "Lexicon",
    "deletes_within2",
    "edit_distance",
    "edits1",
    "keyboard_adjacent",
    "lexicon",
]

LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: Words at least this frequent are filed in the deletion index (the distance-2 targets).
INDEX_MIN_COUNT = 100_000

_DATA_PACKAGE = "scrapeclean"
_DATA_DIR = "data"
_DATA_FILE = "frequency_en.tsv.gz"

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
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {left + right[1:] for left, right in splits if right}
    out.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    out.update(left + c + right[1:] for left, right in splits if right for c in LETTERS)
    out.update(left + c + right for left, right in splits for c in LETTERS)
    out.discard(word)
    return out


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Return the optimal-string-alignment distance of `a` and `b` (capped at `limit`).

    Insertions, deletions, substitutions and swaps of two adjacent letters each cost 1.
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) >= limit:
        return limit
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

    __slots__ = ("_counts", "_index", "_lock", "_ranked", "_reach")

    def __init__(self, counts: Iterable[tuple[str, int]]) -> None:
        self._counts: dict[str, int] = dict(counts)
        self._ranked: tuple[str, ...] | None = None
        self._index: dict[str, str | tuple[str, ...]] | None = None
        self._reach: dict[tuple[int, int], array[int]] = {}
        self._lock = threading.Lock()

    def __contains__(self, word: object) -> bool:
        return word in self._counts

    def __len__(self) -> int:
        return len(self._counts)

    def count(self, word: str) -> int:
        """Return how often `word` (lowercase) occurs in the reference corpus, 0 if unknown."""
        return self._counts.get(word, 0)

    def most_frequent(self, n: int) -> tuple[str, ...]:
        """Return the `n` most frequent words, most frequent first."""
        if self._ranked is None:
            self._ranked = tuple(sorted(self._counts, key=lambda w: (-self._counts[w], w))[:500])
        return self._ranked[:n]

    def neighbours1(self, word: str) -> dict[str, int]:
        """Return the known words one edit from `word`, with their counts."""
        counts = self._counts
        return {e: counts[e] for e in edits1(word) if e in counts}

    def neighbours2(self, word: str) -> dict[str, int]:
        """Return the frequent known words exactly two edits from `word`, with their counts.

        Only words in the deletion index (count >= `INDEX_MIN_COUNT`) are returned.
        """
        index = self._deletion_index()
        found: set[str] = set()
        for edit in edits1(word):
            found.update(self._indexed_near(edit, index))
        counts = self._counts
        return {w: counts[w] for w in found if edit_distance(word, w) == 2}

    def may_be_near(self, word: str, min_count: int = 0, distance: int = 2) -> bool:
        """Whether a known word at least `min_count` frequent may lie within `distance` edits.

        `distance` is 1 or 2. Never False when such a word exists (it may be True when none
        does). Costs a few dozen lookups, against hundreds for `neighbours1` and thousands for
        `neighbours2`.
        """
        hashes = self._reach_hashes(min_count, distance)
        size = len(hashes)
        keys = deletes_within2(word) if distance == 2 else {word, *_deletes(word)}
        for key in keys:
            value = hash(key)
            at = bisect_left(hashes, value)
            if at < size and hashes[at] == value:
                return True
        return False

    def _reach_hashes(self, min_count: int, distance: int) -> array[int]:
        """The sorted hashes of every deletion of up to `distance` letters of frequent words."""
        key = (min_count, distance)
        found = self._reach.get(key)
        if found is not None:
            return found
        with self._lock:
            frequent = [w for w, c in self._counts.items() if c >= min_count]
            if distance == 2:
                keys = {hash(k) for w in frequent for k in deletes_within2(w)}
            else:
                keys = {hash(k) for w in frequent for k in (w, *_deletes(w))}
            hashes = array("q", sorted(keys))
            self._reach[key] = hashes
            return hashes

    @staticmethod
    def _indexed_near(edit: str, index: dict[str, str | tuple[str, ...]]) -> Iterator[str]:
        # Words w with edit_distance(edit, w) <= 1 (plus a few at 2, filtered by the caller):
        # w == edit, or w minus a letter == edit, or w and edit share a one-letter deletion.
        for key in (edit, *_deletes(edit)):
            hit = index.get(key)
            if hit is None:
                continue
            if isinstance(hit, str):
                yield hit
            else:
                yield from hit

    def _deletion_index(self) -> dict[str, str | tuple[str, ...]]:
        index = self._index
        if index is not None:
            return index
        with self._lock:
            if self._index is None:
                self._index = _build_deletion_index(
                    w for w, c in self._counts.items() if c >= INDEX_MIN_COUNT
                )
            return self._index


def _build_deletion_index(words: Iterable[str]) -> dict[str, str | tuple[str, ...]]:
    """File each word under itself and under each one-letter deletion of it."""
    index: dict[str, str | tuple[str, ...]] = {}
    for word in words:
        for key in {word, *_deletes(word)}:
            hit = index.get(key)
            if hit is None:
                index[key] = word
            elif isinstance(hit, str):
                index[key] = (hit, word)
            else:
                index[key] = (*hit, word)
    return index


def _read_counts() -> Iterator[tuple[str, int]]:
    resource = resources.files(_DATA_PACKAGE).joinpath(_DATA_DIR).joinpath(_DATA_FILE)
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        next(lines, None)  # header: word, count
        for line in lines:
            word, _, count = line.rstrip("\n").partition("\t")
            if word and count.isdigit():
                yield word, int(count)


_LEXICON: Lexicon | None = None
_LEXICON_LOCK = threading.Lock()


def lexicon() -> Lexicon:
    """Return the shipped English lexicon, loading it on first use (once per process)."""
    global _LEXICON
    if _LEXICON is None:
        with _LEXICON_LOCK:
            if _LEXICON is None:
                _LEXICON = Lexicon(_read_counts())
    return _LEXICON
