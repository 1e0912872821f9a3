"""Word frequencies and edit-distance neighbourhoods for the spelling cleaner (private).

The English word list ships as three plain files in ``scrapeclean/data/`` (built by
``scripts/build_spelling_data.py``): the words most frequent first, one per line, their counts
as unsigned 64-bit integers in the same order, and the code point order of the words (for each
word in that order, its position in the list) as unsigned 32-bit integers. Loading is a read
and a split (about 4 ms), done the first time a cleaner needs it, once per process, and kept in a
module-level slot: no other cache grows with use. A word is looked up by binary search among
the sorted words until a text asks about many words; then a hash table of the counts is built
once (about 15 ms) and answers every lookup. So the first call on a short text costs a few
milliseconds, and a stream of documents gets hash lookups and C-level set differences.

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
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import add, gt, neg
from typing import Any

__all__ = [
    "CONTRACTION_ENDINGS",
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
#: After this many binary searches, a lexicon builds its hash table (about as long to build).
_LOOKUPS_BEFORE_TABLE = 20_000
#: A set of words is checked against the hash table, built if need be, from this share of
#: `_LOOKUPS_BEFORE_TABLE` words on (a set difference with the table is C-level).
_TABLE_SHARE = 8
#: The endings of contractions: a word is the first half of one when a word with the ending is
#: known (didn + 't).
CONTRACTION_ENDINGS = ("'t", "'s", "'re", "'ll", "'ve", "'d", "'m")


_DATA_PACKAGE = "scrapeclean"
_DATA_DIR = "data"
_WORDS_FILE = "frequency_en_words.txt"
_COUNTS_FILE = "frequency_en_counts.bin"
_ORDER_FILE = "frequency_en_order.bin"

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

    Build one with `lexicon()` (shared, loaded once) or `Lexicon.from_pairs` (tests).

    The words are kept most frequent first, their counts in an array beside them, and their
    code point order as an array of positions: a lookup is a binary search in that order, and
    loading is a few C-level calls. A hash table of the counts makes a lookup twenty times
    cheaper but costs about 10 ms to build (more than the whole first call of a short text),
    so it is built once a text asks about many words at a time or after
    `_LOOKUPS_BEFORE_TABLE` single lookups, and answers everything from then on. The table
    and the word objects are made most frequent word first, so that the common words a text
    is made of sit together in memory (a set difference with the table runs three times
    faster than with a table in alphabetical order).
    """

    __slots__ = (
        "_frequent",
        "_halves",
        "_index",
        "_lock",
        "_lookups",
        "_ranks",
        "_table",
        "_values",
        "_view",
        "_words",
    )

    def __init__(self, words: Sequence[str], values: Sequence[int], ranks: Sequence[int]) -> None:
        """`words` most frequent first (ties by word), `values` their counts in that order.

        `ranks` gives, for each word in code point order, its position in `words`.
        """
        self._words = words
        self._values = values
        self._ranks = ranks  # searched with the words as key: no sorted copy to build
        # The words at least `INDEX_MIN_COUNT` frequent are the first `_frequent`.
        self._frequent = bisect_left(values, -INDEX_MIN_COUNT, key=neg)
        self._table: dict[str, int] | None = None
        self._lookups = 0
        self._view = _SortedCounts(self)
        self._halves: frozenset[str] | None = None
        self._index: dict[str, dict[str, str | tuple[str, ...]]] = {}  # by end letters
        self._lock = threading.Lock()

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, int]]) -> Lexicon:
        """A lexicon of (word, count) pairs in any order (a repeated word: its last count)."""
        ranked = sorted(dict(pairs).items(), key=lambda item: (-item[1], item[0]))
        words = [word for word, _ in ranked]
        ranks = sorted(range(len(words)), key=words.__getitem__)
        return cls(words, [count for _, count in ranked], ranks)

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def __len__(self) -> int:
        return len(self._words)

    @property
    def counts(self) -> Mapping[str, int]:
        """The counts by word (read-only by contract): for fast membership tests in loops.

        The hash table once built (a plain dict), a view that searches the sorted words
        before that: fetch it once per loop, not once per lookup.
        """
        table = self._table
        return self._view if table is None else table

    def unknown(self, words: set[str]) -> set[str]:
        """The members of `words` that are not known words (one C-level set operation)."""
        table = self._table
        if table is None and len(words) * _TABLE_SHARE >= _LOOKUPS_BEFORE_TABLE:
            table = self._build_table()
        if table is not None:
            return words.difference(table)
        position = self._position
        return {word for word in words if position(word) < 0}

    def count(self, word: str) -> int:
        """Return how often `word` (lowercase) occurs in the reference corpus, 0 if unknown."""
        table = self._table
        if table is not None:
            return table.get(word, 0)
        at = self._position(word)
        return self._values[at] if at >= 0 else 0

    def most_frequent(self, n: int) -> tuple[str, ...]:
        """Return the `n` most frequent words, most frequent first (ties by word)."""
        return tuple(self._words[:n])

    def is_contraction_half(self, word: str) -> bool:
        """Whether `word` is the first half of a known contraction (didn, they, could)."""
        halves = self._halves
        if halves is not None:
            return word in halves
        known = self.counts
        return any(word + ending in known for ending in CONTRACTION_ENDINGS)

    def neighbours1(self, word: str) -> dict[str, int]:
        """Return the known words one edit from `word`, with their counts."""
        get = self.counts.get
        found = {e: count for e in _edits1(word) if (count := get(e)) is not None}
        found.pop(word, None)
        return found

    def has_neighbour1(self, word: str) -> bool:
        """Whether any known word is one edit from `word` (stops at the first found)."""
        known = self.counts
        return any(e in known for e in _edits1(word) if e != word)

    def neighbours2(self, word: str) -> dict[str, int]:
        """Return the frequent words exactly two edits from `word` with its first and last letters.

        Only words at least `INDEX_MIN_COUNT` frequent and of 3+ letters are returned, with
        their counts.
        """
        return {w: self.count(w) for w, d in self.frequent_near(word).items() if d == 2}

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

    def _position(self, word: str) -> int:
        """The index of `word` in the ranked words, -1 when it is not one (a binary search).

        Counts the lookups, and builds the hash table when they become many.
        """
        self._lookups += 1
        if self._lookups > _LOOKUPS_BEFORE_TABLE and self._table is None:
            self._build_table()
        words, ranks = self._words, self._ranks
        at = bisect_left(ranks, word, key=words.__getitem__)
        if at < len(ranks) and words[ranks[at]] == word:
            return ranks[at]
        return -1

    def _build_table(self) -> dict[str, int]:
        """Build the hash table of the counts (once), with the halves of contractions."""
        with self._lock:
            if self._table is None:
                words = self._words
                apostrophes = _lines_with("\n".join(words), "'")  # C-level searches
                self._halves = frozenset(
                    w[: -len(ending)]
                    for w in apostrophes
                    for ending in CONTRACTION_ENDINGS
                    if w.endswith(ending)
                )
                self._table = dict(zip(words, self._values, strict=True))
            return self._table

    def _bucket_index(self, first: str, last: str) -> dict[str, str | tuple[str, ...]]:
        index = self._index.get(first + last)
        if index is not None:
            return index
        with self._lock:
            index = self._index.get(first + last)
            if index is None:
                # The words starting with `first` are a slice of the sorted list; of those, the
                # frequent ones (chosen at C level) of 3+ letters that end with `last`.
                order, key = self._ranks, self._words.__getitem__
                low = bisect_left(order, first, key=key)
                high = bisect_left(order, chr(ord(first) + 1), low, key=key)
                ranks = order[low:high]
                chosen = compress(ranks, map(gt, repeat(self._frequent), ranks))
                frequent = map(key, chosen)
                index = _build_deletion_index(
                    w for w in frequent if len(w) >= 3 and w.endswith(last)
                )
                self._index[first + last] = index
            return index


class _SortedCounts(Mapping[str, int]):
    """The counts of a lexicon by binary search, until its hash table is built."""

    __slots__ = ("_lexicon",)

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def __getitem__(self, word: str) -> int:
        count: int | None = self.get(word)
        if count is None:
            raise KeyError(word)
        return count

    def get(self, word: str, default: Any = None) -> Any:
        lexicon = self._lexicon
        table = lexicon._table
        if table is not None:
            return table.get(word, default)
        at = lexicon._position(word) if isinstance(word, str) else -1
        return lexicon._values[at] if at >= 0 else default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._lexicon._words)

    def __len__(self) -> int:
        return len(self._lexicon._words)


def _lines_with(text: str, char: str) -> list[str]:
    """The lines of `text` that contain `char` (a few C-level searches per line found)."""
    lines = []
    at = text.find(char)
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        lines.append(text[text.rfind("\n", 0, at) + 1 : end])
        at = text.find(char, end)
    return lines


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


def _read_lexicon() -> Lexicon:
    """The shipped lexicon: words most frequent first, their counts, their code point order."""
    words = read_data(_WORDS_FILE).decode("utf-8").split("\n")
    counts = array("Q")
    counts.frombytes(read_data(_COUNTS_FILE))
    ranks = array("I")  # 4 bytes an item on every platform CPython supports
    ranks.frombytes(read_data(_ORDER_FILE))
    if sys.byteorder != "little":
        counts.byteswap()
        ranks.byteswap()
    if not len(words) == len(counts) == len(ranks):
        raise ValueError(f"{_WORDS_FILE}, {_COUNTS_FILE} and {_ORDER_FILE} differ in length")
    return Lexicon(words, counts, ranks)


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
