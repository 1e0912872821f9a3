"""The spelling cleaner's fast paths give exactly what the plain computations give.

The word list is searched by binary search until a text asks about many words, then through a
hash table; words, whole words and edit distances are found by shortcuts. Each shortcut is
checked here against the plain computation it replaces.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapeclean.cleaners import _spelling_index as index
from scrapeclean.cleaners import spelling
from scrapeclean.cleaners._spelling_index import (
    INDEX_MIN_COUNT,
    LETTERS,
    Lexicon,
    edit_distance,
    edits1,
)
from scrapeclean.cleaners.spelling import (
    MIN_TARGET_COUNT,
    _count_whole_words,
    _is_plausible_slip,
    _runs,
    _Text,
)

_RUN = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"\w+")
#: Characters that make the shortcuts' hard cases: word characters outside ASCII (letters,
#: digits, a superscript), separators outside ASCII (curly quote, no-break and em spaces, an
#: ogham space), a lone surrogate, digits and "_".
_TRICKY = "ab_9 .\u00e9\u2019\u00a0\u2003\u1680\u0663\u00b2\ud800-"


def _plain_osa(a: str, b: str) -> int:
    """Optimal-string-alignment distance by the full table, no shortcut, no cap."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[len(a)][len(b)]


def _strings(alphabet: str, longest: int) -> Iterator[str]:
    for size in range(longest + 1):
        for letters in itertools.product(alphabet, repeat=size):
            yield "".join(letters)


def test_edit_distance_with_common_ends_stripped_equals_the_full_table() -> None:
    """Every pair of strings of up to 5 letters over 3 letters: the shortcut changes nothing."""
    strings = list(_strings("abc", 5))
    for a in strings:
        for b in strings:
            if abs(len(a) - len(b)) <= 3:
                expected = _plain_osa(a, b)
                assert edit_distance(a, b, 3) == min(expected, 3), (a, b)
                assert edit_distance(a, b, 2) == min(expected, 2), (a, b)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcde", max_size=9), st.text(alphabet="abcde", max_size=9))
def test_edit_distance_equals_the_full_table_on_longer_words(a: str, b: str) -> None:
    """Longer strings too (the stripped ends are often long in real words)."""
    assert edit_distance(a, b, 3) == min(_plain_osa(a, b), 3)


@pytest.mark.parametrize("word", ["a", "ab", "aab", "recieve", "governement", "zz"])
def test_edits1_are_the_strings_one_edit_away(word: str) -> None:
    """The strings `edits1` gives are exactly those at distance 1 (by the full table)."""
    longer = {s[:i] + c + s[i:] for s in [word] for i in range(len(s) + 1) for c in LETTERS}
    candidates = longer | {word[:i] + word[i + 1 :] for i in range(len(word))}
    candidates |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in LETTERS}
    candidates |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    expected = {s for s in candidates if _plain_osa(word, s) == 1}
    assert edits1(word) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_TRICKY + "ABZ", max_size=40))
def test_runs_by_byte_translation_equal_the_pattern(text: str) -> None:
    """The scan's byte translation finds the runs of ASCII letters the pattern finds."""
    assert _runs(text) == _RUN.findall(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_TRICKY + "ABZ", max_size=40))
def test_whole_word_counts_equal_the_searches(text: str) -> None:
    """Counting whole words once gives what searching for each word gives."""
    counts = _count_whole_words(text)
    assert counts == Counter(_WORD.findall(text))
    scan = _Text(text, [], set(), Lexicon.from_pairs([]))
    for word in set(_RUN.findall(text)) | {"ab", "a", "b"}:
        assert counts[word] == len(scan.occurrences(word)), word


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab .\u00e9", max_size=30))
def test_only_use_is_the_same_searched_or_counted(text: str) -> None:
    """The single use of a word is found alike by searching and from the counts."""
    lexicon = Lexicon.from_pairs([])
    searched = _Text(text, [], set(), lexicon)
    counted = _Text(text, [], set(), lexicon)
    counted.expect_searches(spelling._SEARCHES_TO_COUNT)
    for word in ("a", "b", "ab", "ba", "aa"):
        places = searched.occurrences(word)
        expected = places[0] if len(places) == 1 else None
        assert searched.only_use(word) == expected
        assert counted.only_use(word) == expected
        assert counted.uses(word) == len(places)


def test_shipped_order_sorts_the_shipped_words() -> None:
    """The shipped order lists every word once, in code point order (binary search needs it),
    and the words come most frequent first, ties by word."""
    lex = index._read_lexicon()
    words, values, ranks = lex._words, lex._values, lex._ranks
    assert sorted(ranks) == list(range(len(words)))
    ordered = [words[rank] for rank in ranks]
    assert all(a < b for a, b in itertools.pairwise(ordered))
    pairs = list(zip(values, words, strict=True))
    assert all((-a, x) < (-b, y) for (a, x), (b, y) in itertools.pairwise(pairs))


def _probe_words(lex: Lexicon) -> list[str]:
    words = list(lex.most_frequent(300)) + list(lex._words[5000:80000:997])
    words += ["recieve", "didn", "they", "zzzz", "", "a", "qu", "colour", "color", "z" * 30]
    words += [w[:-1] for w in words[:50]] + [w + "x" for w in words[:50]]
    return words


def test_binary_search_answers_as_the_hash_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before and after the hash table is built, every question gets the same answer."""
    monkeypatch.setattr(index, "_LOOKUPS_BEFORE_TABLE", 10**9)  # no table until asked for
    lex = index._read_lexicon()
    words = _probe_words(lex)
    answers = []
    for _ in range(2):
        answers.append(
            (
                [w in lex for w in words],
                [lex.count(w) for w in words],
                [lex.counts.get(w) for w in words],
                [lex.is_contraction_half(w) for w in words],
                [lex.neighbours1(w) for w in words[::7]],
                [lex.has_neighbour1(w) for w in words[::7]],
                [lex.frequent_near(w) for w in words[::5]],
                lex.unknown(set(words)),
            )
        )
        assert (lex._table is None) == (len(answers) == 1)
        lex._build_table()
    assert answers[0] == answers[1]
    assert lex.is_contraction_half("didn") and lex.is_contraction_half("they")
    assert not lex.is_contraction_half("recieve")


def test_short_text_needs_no_hash_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first call on a short text answers by binary search; a long one builds the table."""
    fresh = index._read_lexicon()
    monkeypatch.setattr(index, "_LEXICON", fresh)
    spelling._clear_caches()
    try:
        edits = spelling.normalize_spelling()(
            spelling.Document.from_text("We decided to recieve the guests at the station.")
        ).edits
        assert [e.replacement for e in edits] == ["receive"]
        assert fresh._table is None
        many = " ".join(fresh._words[:4000])
        spelling.normalize_spelling()(spelling.Document.from_text(many))
        assert fresh._table is not None
    finally:
        spelling._clear_caches()


def test_plausible_slips_one_edit_away_keep_both_ends() -> None:
    """The premise of the search's shortcut: a plausible correction one edit away keeps the
    first and last letters (but for a swap of the last two) and is frequent enough to be in
    the index of frequent words."""
    assert INDEX_MIN_COUNT <= MIN_TARGET_COUNT
    for word in _strings("abe", 5):
        if len(word) < 3:
            continue
        swapped = word[:-2] + word[-1] + word[-2]
        for candidate in edits1(word):
            if len(candidate) >= 3 and _is_plausible_slip(word, candidate, 1):
                assert candidate[0] == word[0], (word, candidate)
                assert candidate[-1] == word[-1] or candidate == swapped, (word, candidate)


def _plain_search(word: str, max_distance: int, min_ratio: float) -> tuple[object, ...] | None:
    """The candidate search without its shortcut: every known word one edit away first."""
    lex = index.lexicon()
    near = lex.neighbours1(word)
    if near or max_distance < 2 or len(word) < spelling.MIN_LENGTH_TWO_EDITS:
        found, distance = spelling._best_candidate(near, min_ratio), 1
    else:
        found, distance = spelling._best_candidate(lex.neighbours2(word), min_ratio * 2), 2
    if found is None or not _is_plausible_slip(word, found[0], distance):
        return None
    return (*found, distance)


def _unknown_near_words() -> list[str]:
    """Unknown words one and two edits from common words (typos, and words that are not)."""
    lex = index.lexicon()
    words = set()
    for number, known in enumerate(lex.most_frequent(500)[100:]):
        if known.isalpha() and len(known) >= 3:
            edits = sorted(edits1(known))
            words.update(edits[number % 7 :: 97])
            words.update(sorted(edits1(edits[number % len(edits)]))[::211])
    return sorted(w for w in words if w.isalpha() and w.islower() and len(w) >= 3 and w not in lex)


def test_search_shortcut_finds_what_the_plain_search_finds() -> None:
    """Skipping the lookups one edit away when no frequent word is a plausible slip away
    changes no correction, whatever the options."""
    words = _unknown_near_words()
    assert len(words) > 500
    found = 0
    for max_distance in (1, 2):
        for min_ratio in (10.0, 2.0):
            for word in words:
                expected = _plain_search(word, max_distance, min_ratio)
                assert spelling._search(word, max_distance, min_ratio) == expected, word
                found += expected is not None
    assert found > 100  # corrections are among them, not only dismissals
