"""The learned part of `remove_chrome`: line features and a small boosted-tree model.

Every non-blank line of a text is described by numbers that say what *kind* of line it is,
never which site it comes from:

- its own shape: words, characters, sentence end, function-word density (prose has "the", "of",
  "und", "que"), capitalised and upper-case words, digits, punctuation, average word length,
  the run of capitalised words it opens with (a title-case headline glued to its summary
  opens with a long one) and whether it starts in lower case;
- interface vocabulary (from the language files, nine languages): share of interface words, and
  whether a line rule of `remove_chrome` (call to action, cookie notice, credit, menu, …) fires;
- links and handles: URLs, e-mail addresses, ``@handles``, ``#tags``;
- its place: relative position, head and tail zones (before the first and after the last line
  of prose), inside or outside the densest run of prose, distance from it;
- runs of short lines (menus, tag lists, breadcrumbs), titles around it (lines of five words or
  more that are not prose: lists of related headlines), repetition inside the document;
- its neighbours: whether the lines above and below are prose, and how long they are.

The model is two ensembles of small regression trees (gradient boosting on the log-odds of
"this line is chrome"): the first reads those features, the second also reads what the first
said of the neighbouring lines (their mean score near and far, the run of lines the first
stage believes is the article). Both are trained by ``scripts/train_chrome_model.py`` on
``../shared/data`` and shipped as ``data/chrome_model.json``. Inference is plain Python: each
ensemble is compiled once into one function of nested comparisons.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, chain, compress, count, groupby, repeat
from operator import getitem, itemgetter, methodcaller, mul, sub, truediv
from pathlib import Path
from typing import Any, NamedTuple

import regex

from scrapeclean import _vocabulary
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._text import (
    _MIN_RUNNING_WORDS,
    _MIN_SENTENCE_WORDS,
    FUNCTION_WORDS,
    ends_sentence,
    prose_shape,
    prose_words,
)

__all__ = [
    "CONTEXT_FEATURES",
    "FEATURES",
    "Model",
    "Stack",
    "context_features",
    "line_features",
    "load_model",
]

_MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "chrome_model.json"
#: A link, or a domain name found by its ending (anchored on the ending, so linear in the line).
_LINK = LazyRegex(r"https?://|www\.|(?<=[\w-])\.(?:com|org|net|de|fr|uk|ru|pl|io)\b", flags=0)
_EMAIL = LazyRegex(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_HANDLE = LazyRegex(r"(?:^|\s)[@#][\p{L}\p{N}_]+")
_SEPARATOR = LazyRegex(r"\s[|•·»/>]\s|[|•·›»]")
_SEPARATOR_CHARS = "|•·»/>›"
_BULLET = LazyRegex(r"^(?:[-–—*•·►▸»>]|\d{1,3}[.)])\s")
_DATE_LIKE = LazyRegex(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")
_SHORT_WORDS = 5
#: How many of the first trees a reason reads (all of them would cost more than judging).
_REASON_TREES = 30
_WINDOW = 3

#: The names of the features, in the order of the vector `line_features` gives.
FEATURES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "sentence_end",
    "ends_colon",
    "function_share",
    "function_distinct",
    "capitalised_share",
    "upper_share",
    "digit_share",
    "punct_per_word",
    "mean_word_length",
    "ui_share",
    "rule_fires",
    "links",
    "emails_handles",
    "separators",
    "bullet",
    "date_like",
    "is_prose",
    "lead_capitalised",
    "starts_lower",
    "position",
    "head_zone",
    "tail_zone",
    "in_main",
    "main_distance",
    "prose_around",
    "titles_around",
    "short_run",
    "repeated",
    "prev_prose",
    "next_prose",
    "prev_log_words",
    "next_log_words",
    "doc_log_lines",
    "doc_prose_share",
)


@cache
def _ui_words() -> frozenset[str]:
    return _vocabulary.words("chrome.ui_words") | _vocabulary.words("chrome.calls_to_action")


class _Shape(NamedTuple):
    """What a line says on its own (the features that need no neighbours)."""

    words: int
    prose: bool
    values: tuple[float, ...]
    #: The line with its whitespace folded and its case folded: what repetition compares.
    key: str


def _shape(
    line: str, rule_fires: bool, prose: bool | None = None, words: list[str] | None = None
) -> _Shape:
    """The features of `line` on its own; `prose` is ``is_prose(line)`` when already known.

    `words` are ``prose_words(line)`` when already known. `_shapes` computes the same for many
    lines at once, faster; this is the definition it is tested against.
    """
    if words is None:
        words = prose_words(line)  # the words `is_prose` counts
    count = len(words)
    per = 1 / count if count else 0.0
    folded = list(map(str.casefold, words))
    chars = len(line)
    if prose is None:
        prose = prose_shape(line, words, folded)
    values = (
        math.log1p(count),
        math.log1p(chars),
        float(ends_sentence(line)),
        float(line.endswith(":")),
        sum(map(FUNCTION_WORDS.__contains__, folded)) * per,
        min(len(FUNCTION_WORDS.intersection(folded)), 8) / 8,
        sum(map(str.isupper, map(_first_char, words))) * per,
        sum(1 for word in filter(str.isupper, words) if len(word) > 1) * per,
        sum(map(str.isdigit, line)) / chars if chars else 0.0,
        (line.count(",") + line.count(";") + line.count(":")) * per,
        min(sum(map(len, words)) * per, 20) / 20,
        sum(map(_ui_words().__contains__, folded)) * per,
        float(rule_fires),
        _links(line),
        _emails_and_handles(line),
        _separators(line),
        float(_BULLET.compiled.match(line) is not None),
        float(_DATE_LIKE.compiled.search(line) is not None),
        float(prose),
        math.log1p(_lead_capitalised(words)),
        float(line[:1].islower()),
    )
    return _Shape(count, prose, values, " ".join(line.split()).casefold())


def _lead_capitalised(words: Sequence[str]) -> int:
    """How many words the line opens with that start with a capital or a digit.

    A title-case headline glued to its summary ("Ford Recalls F-150s; Loose Cable Can Cause
    Stalling Ford is recalling …") opens with a long run of them; a sentence, with one or two.
    """
    found = 0
    for word in words:
        if not (word[0].isupper() or word[0].isdigit()):
            break
        found += 1
    return found


_first_char = itemgetter(0)


def _links(line: str) -> int:
    """How many links or domain names the line holds (at most 3)."""
    if "." not in line and "/" not in line:  # every match holds one of them
        return 0
    return min(len(_LINK.compiled.findall(line)), 3)


def _separators(line: str) -> int:
    """How many menu separators the line holds (at most 6)."""
    if not any(map(line.__contains__, _SEPARATOR_CHARS)):  # every match holds one of them
        return 0
    return min(len(_SEPARATOR.compiled.findall(line)), 6)


def _emails_and_handles(line: str) -> int:
    """How many e-mail addresses and ``@handles``/``#tags`` the line holds (at most 3)."""
    if "@" not in line and "#" not in line:
        return 0
    return min(len(_EMAIL.compiled.findall(line)) + len(_HANDLE.compiled.findall(line)), 3)


#: A word as `prose_words` finds them (`PROSE_WORD`), or a line break.
_PROSE_WORDS_OR_BREAKS = LazyRegex(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*|\n")
#: The same for the standard library's faster `re`, once underscores are spaces, on lines of
#: safe characters only: ``\w`` less ``_`` and ``[\p{L}\p{N}]`` agree on every code point
#: below U+0530 (Latin, Greek, Cyrillic) and of General Punctuation (U+2000-U+206F: curly
#: quotes, dashes, ellipsis, bullet), whatever the Unicode versions (a test checks each).
_WORDS_OR_BREAKS = re.compile(r"\w[\w'’-]*|\n")
#: A character outside those ranges: a line holding one is split by the pattern.
_UNSAFE_CHAR = re.compile(r"[^\x00-\u052f\u2000-\u206f]")
#: Anything but a digit (`str.isdigit`) of a safe line, or a line break: on the safe code
#: points the digits are ``0``-``9`` and the superscripts ``²``, ``³``, ``¹`` (a test checks).
_NOT_SAFE_DIGIT = re.compile("[^0-9\u00b2\u00b3\u00b9\n]+")
_NOT_PUNCT = re.compile(r"[^,;:\n]+")
_SEPARATOR_CHAR = re.compile(f"[{re.escape(_SEPARATOR_CHARS)}]")
_BULLET_FIRST = frozenset("-–—*•·►▸»>")


def _shapes(lines: Sequence[str], fires: Sequence[bool]) -> list[_Shape]:
    """`_shape` of each of `lines` (none holds a line break), computed for all at once.

    The lines are joined and read by whole-text operations (one word split, `str` methods and
    patterns over the joined text, counts per line taken from prefix sums), so that the work
    per line is a few calls, not dozens. Lines that need the slow word pattern (`prose_words`)
    are read together apart from the others.
    """
    unsafe = [index for index, line in enumerate(lines) if _UNSAFE_CHAR.search(line)]
    if not unsafe:
        joined = "\n".join(lines).replace("_", " ")
        return _columns(lines, fires, _WORDS_OR_BREAKS.findall(joined), safe=True)
    if len(unsafe) == len(lines):
        joined = "\n".join(lines)
        return _columns(lines, fires, _PROSE_WORDS_OR_BREAKS.compiled.findall(joined), safe=False)
    marked = set(unsafe)
    safe = [index for index in range(len(lines)) if index not in marked]
    shapes: list[_Shape | None] = [None] * len(lines)
    for group in (safe, unsafe):
        some = [lines[index] for index in group]
        some_fires = [fires[index] for index in group]
        for index, shape in zip(group, _shapes(some, some_fires), strict=True):
            shapes[index] = shape
    return shapes  # type: ignore[return-value]


def _columns(
    lines: Sequence[str], fires: Sequence[bool], tokens: list[str], *, safe: bool
) -> list[_Shape]:
    """`_shapes` of `lines`, whose words with a line break between lines are `tokens`.

    `safe` says that no line holds a character `_UNSAFE_CHAR` finds.
    """
    joined = "\n".join(lines)
    breaks = list(compress(count(), map("\n".__eq__, tokens)))
    starts = [0, *map((1).__add__, breaks)]
    ends = [*breaks, len(tokens)]
    # One mark per word for its first character (`_first_marks`), the lines' marks apart.
    firsts = "".join(map(_first_char, tokens))
    marks = firsts.translate(_first_marks(firsts)).split("\n")
    counts = list(map(len, marks))
    per = [1 / number if number else 0.0 for number in counts]
    folded = list(map(str.casefold, tokens))
    function = _segment_sums(map(FUNCTION_WORDS.__contains__, folded), starts, ends)
    word_lists = map(folded.__getitem__, map(slice, starts, ends))
    distinct = list(map(len, map(FUNCTION_WORDS.intersection, word_lists)))
    capitalised = [line_marks.count("U") for line_marks in marks]
    leads = [len(line_marks) - len(line_marks.lstrip("UD")) for line_marks in marks]
    lower = [line_marks.count("L") for line_marks in marks]
    lengths = list(map(len, tokens))
    letters = _segment_sums(lengths, starts, ends)
    upper = _segment_sums(_long_upper(tokens, lengths), starts, ends)
    ui = _segment_sums(map(_ui_words().__contains__, folded), starts, ends)
    chars = list(map(len, lines))
    sentence = list(map(ends_sentence, lines))
    prose = [
        words >= _MIN_SENTENCE_WORDS
        and (words >= _MIN_RUNNING_WORDS or ends)
        and different >= 2
        and 3 * small >= words
        for words, ends, different, small in zip(counts, sentence, distinct, lower, strict=True)
    ]
    offsets = [0, *accumulate(map((1).__add__, chars[:-1]))]
    dates = _matches_per_line(_DATE_LIKE.compiled, joined, offsets, 1)
    values = zip(
        map(math.log1p, counts),
        map(math.log1p, chars),
        map(float, sentence),
        map(float, map(methodcaller("endswith", ":"), lines)),
        map(mul, function, per),
        [min(number, 8) / 8 for number in distinct],
        map(mul, capitalised, per),
        map(mul, upper, per),
        map(_share, _digits(lines, joined, safe=safe), chars),
        map(mul, map(len, _NOT_PUNCT.sub("", joined).split("\n")), per),
        [min(total * share, 20) / 20 for total, share in zip(letters, per, strict=True)],
        map(mul, ui, per),
        map(float, fires),
        _matches_per_line(_LINK.compiled, joined, offsets, 3),
        [_emails_and_handles(line) if "@" in line or "#" in line else 0 for line in lines],
        _separators_per_line(lines, joined, offsets),
        map(float, map(_bullet, lines)),
        map(float, map(bool, dates)),
        map(float, prose),
        map(math.log1p, leads),
        [float(line[:1].islower()) for line in lines],
        strict=True,
    )
    return list(map(_Shape, counts, prose, values, map(_key, lines)))


def _first_marks(firsts: str) -> dict[int, str]:
    """A `str.translate` table marking each character of `firsts` (words' first characters).

    "U": upper case (`str.isupper`), "L": lower case (`str.islower`), "D": a digit
    (`str.isdigit`), a line break stays itself, "o" for anything else. Per word, "U" counts a
    capitalised word, "L" a word in lower case, and a run of "U" and "D" the words a line opens
    with that start with a capital or a digit (`_lead_capitalised`).
    """
    return {ord(char): _first_mark(char) for char in set(firsts)}


def _first_mark(char: str) -> str:
    if char == "\n":
        return char
    if char.isupper():
        return "U"
    if char.islower():
        return "L"
    return "D" if char.isdigit() else "o"


def _key(line: str) -> str:
    """``" ".join(line.split()).casefold()``: what repetition compares.

    A printable line holds no whitespace but plain spaces (`str.isprintable`): without two in
    a row or at an end, the split and join would give it back as it is.
    """
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line.casefold()
    return " ".join(line.split()).casefold()


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _long_upper(tokens: list[str], lengths: list[int]) -> bytearray:
    """1 for each token of two characters or more in upper case ("NASA", not "A"), else 0."""
    flags = bytearray(len(tokens))
    for index in compress(count(), map(str.isupper, tokens)):
        if lengths[index] > 1:
            flags[index] = 1
    return flags


def _bullet(line: str) -> bool:
    """Whether `_BULLET` matches `line` (its first character settles most lines)."""
    first = line[:1]
    return (first in _BULLET_FIRST or first.isdigit()) and _BULLET.compiled.match(line) is not None


def _segment_sums(values: Iterable[int], starts: list[int], ends: list[int]) -> list[int]:
    """The sum of ``values[start:end]`` for each pair of `starts` and `ends` (prefix sums)."""
    prefix = list(accumulate(values, initial=0))
    return list(map(sub, map(prefix.__getitem__, ends), map(prefix.__getitem__, starts)))


def _digits(lines: Sequence[str], joined: str, *, safe: bool) -> list[int]:
    """How many characters of each line are digits (`str.isdigit`).

    On safe lines a pattern counts them over the whole text; other lines are read one by one.
    """
    if safe:
        return list(map(len, _NOT_SAFE_DIGIT.sub("", joined).split("\n")))
    return [sum(map(str.isdigit, line)) for line in lines]


def _matches_per_line(
    pattern: regex.Pattern[str], joined: str, offsets: list[int], cap: int
) -> list[int]:
    """How many matches of `pattern` each line of `joined` holds (at most `cap`).

    Only for patterns that never match a line break and see one as they see the start or
    end of the text (as ``\\b`` and a look-behind for a word character do).
    """
    found = [0] * len(offsets)
    for match in pattern.finditer(joined):
        line = bisect_right(offsets, match.start()) - 1
        found[line] = min(found[line] + 1, cap)
    return found


def _separators_per_line(lines: Sequence[str], joined: str, offsets: list[int]) -> list[int]:
    """`_separators` of each line: only the lines holding a separator character are read."""
    found = [0] * len(lines)
    last = -1
    for match in _SEPARATOR_CHAR.finditer(joined):
        line = bisect_right(offsets, match.start()) - 1
        if line != last:
            found[line] = min(len(_SEPARATOR.compiled.findall(lines[line])), 6)
            last = line
    return found


class LineShapes:
    """The features of lines on their own, for one text: each distinct line is read once.

    `remove_chrome` judges a text's lines several times (its passes see fewer lines each time)
    and pages repeat lines (menus, "Share", "Read more"): both reuse what is computed here.
    """

    __slots__ = ("_prose", "_sentences", "_shapes", "_words")

    def __init__(self) -> None:
        self._prose: dict[str, bool] = {}
        self._sentences: dict[str, bool] = {}
        self._shapes: dict[tuple[str, bool], _Shape] = {}
        #: The words of the lines `prose` read and `shape` has not yet: split once.
        self._words: dict[str, list[str]] = {}

    def prose(self, line: str) -> bool:
        """`is_prose` of `line`, computed once per distinct line."""
        known = self._prose.get(line)
        if known is None:
            words = self._words[line] = prose_words(line)
            known = self._prose[line] = prose_shape(line, words)
        return known

    def sentence(self, line: str, judge: Callable[[str], bool]) -> bool:
        """``judge(line)``, computed once per distinct line: the caller's test of a sentence.

        `remove_chrome` passes the same test on every call for a text.
        """
        known = self._sentences.get(line)
        if known is None:
            known = self._sentences[line] = judge(line)
        return known

    def shape(self, line: str, rule_fires: bool) -> _Shape:
        """The `_Shape` of `line`, computed once per distinct line and rule verdict."""
        known = self._shapes.get((line, rule_fires))
        if known is None:
            known = _shape(line, rule_fires, self._prose.get(line), self._words.get(line))
            self._prose[line] = known.prose
            self._shapes[line, rule_fires] = known
        return known

    def shapes(self, lines: Sequence[str], fires: Sequence[bool]) -> list[_Shape]:
        """`shape` of each of `lines`: the ones not yet known are computed all at once."""
        known = self._shapes
        missing = {pair: None for pair in zip(lines, fires, strict=True) if pair not in known}
        if missing:
            todo = list(missing)
            texts = [line for line, _ in todo]
            if "\n" in "".join(texts):
                for line, fired in todo:
                    self.shape(line, fired)
            else:
                computed = _shapes(texts, [fired for _, fired in todo])
                for pair, shape in zip(todo, computed, strict=True):
                    known[pair] = shape
                    self._prose[pair[0]] = shape.prose
        return list(map(known.__getitem__, zip(lines, fires, strict=True)))


def _main_region(weights: Sequence[float]) -> tuple[int, int]:
    """The run of lines with the largest total weight (prose counts up, the rest down)."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def line_features(
    lines: Sequence[str], rule_fires: Sequence[bool], shapes: LineShapes | None = None
) -> list[list[float]]:
    """The feature vector (`FEATURES`) of every line of `lines` (non-blank, in order).

    `rule_fires` says for each line whether a line rule of `remove_chrome` flags it; `shapes`
    keeps what is known of each line between calls on the same text.
    """
    count = len(lines)
    if not count:
        return []
    shapes = shapes or LineShapes()
    shaped = shapes.shapes(lines, rule_fires)
    prose = [shape.prose for shape in shaped]
    prose_lines = [index for index, flag in enumerate(prose) if flag]
    first = prose_lines[0] if prose_lines else count
    last = prose_lines[-1] if prose_lines else -1
    weights = [
        min(shape.words, 60) / 10 if shape.prose else -1.0 - (shape.words < _SHORT_WORDS)
        for shape in shaped
    ]
    main_start, main_end = _main_region(weights)
    keys = [shape.key for shape in shaped]
    repeats = Counter(keys)
    log_words = [shape.values[0] for shape in shaped]  # math.log1p(words)
    columns = (
        list(map(truediv, range(count), repeat(count))),
        _steps(count, first, 1.0, 0.0),
        _steps(count, last + 1, 0.0, 1.0),
        [0.0] * main_start
        + [1.0] * (main_end + 1 - main_start)
        + [0.0] * (count - max(main_end + 1, main_start)),
        _distances(count, main_start, main_end),
        _prose_around(prose),
        _prose_around([not shape.prose and shape.words >= _SHORT_WORDS for shape in shaped]),
        list(map(math.log1p, _short_runs([shape.words for shape in shaped]))),
        [float(repeats[key] > 1) for key in keys],
        [0.0, *map(float, prose[:-1])],
        [*map(float, prose[1:]), 0.0],
        [0.0, *log_words[:-1]],
        [*log_words[1:], 0.0],
    )
    doc = (math.log1p(count), len(prose_lines) / count)
    return [
        [*shape.values, *around, *doc]
        for shape, around in zip(shaped, zip(*columns, strict=True), strict=True)
    ]


def _steps(count: int, at: int, before: float, after: float) -> list[float]:
    """`count` values: `before` for the indexes under `at`, `after` from `at` on."""
    at = min(max(at, 0), count)
    return [before] * at + [after] * (count - at)


def _distances(count: int, start: int, end: int) -> list[float]:
    """``log1p`` of each index's distance from the run ``start..end`` (0 inside it)."""
    if start > end:  # no run: the distance is to the nearer of the two bounds
        return [math.log1p(min(abs(index - start), abs(index - end))) for index in range(count)]
    return [
        *map(math.log1p, range(start, 0, -1)),
        *repeat(0.0, end + 1 - start),
        *map(math.log1p, range(1, count - end)),
    ]


def _prose_around(prose: Sequence[bool]) -> list[float]:
    """For each line, the share of prose among the other lines of its window.

    The window is `_WINDOW` lines on each side, cut at the ends of the text. `line_features`
    also counts titles this way (lines of `_SHORT_WORDS` words or more that are not prose: a
    list of related headlines is a run of them, a sub-heading stands between paragraphs).
    """
    count = len(prose)
    if count < 2:
        return [0.0] * count
    prefix = list(accumulate(prose, initial=0))
    lows = list(map(max, repeat(0), range(-_WINDOW, count - _WINDOW)))
    highs = list(map(min, repeat(count), range(_WINDOW + 1, count + _WINDOW + 1)))
    inside = map(sub, map(prefix.__getitem__, highs), map(prefix.__getitem__, lows))
    others = map(sub, map(sub, highs, lows), repeat(1))
    return list(map(truediv, map(sub, inside, prose), others))


def _short_runs(word_counts: Sequence[int]) -> list[int]:
    """For each line, the length of the run of short lines it stands in (0 for a long line)."""
    runs: list[int] = []
    # A line is short with fewer than `_SHORT_WORDS` words: runs of them are counted.
    for short, group in groupby(map(_SHORT_WORDS.__gt__, word_counts)):
        length = sum(1 for _ in group)
        runs += [length if short else 0] * length
    return runs


#: Features the second stage adds: what the first stage thinks of the line and its neighbours.
CONTEXT_FEATURES: tuple[str, ...] = (
    "first_stage",
    "neighbours_1",
    "neighbours_4",
    "neighbours_12",
    "in_main_by_model",
    "main_by_model_distance",
)


def context_features(
    first: Sequence[float], vectors: Sequence[Sequence[float]]
) -> list[list[float]]:
    """The second-stage vectors: each line's features and first-stage scores around it."""
    return _Context(first, vectors).vectors(range(len(first)))


class _Context:
    """What the first stage said of a text's lines, to build second-stage vectors from."""

    __slots__ = ("_first", "_prefix", "_vectors", "story")

    def __init__(self, first: Sequence[float], vectors: Sequence[Sequence[float]]) -> None:
        self._first = first
        self._vectors = vectors
        self._prefix = prefix = [0.0]
        for value in first:
            prefix.append(prefix[-1] + value)
        words = FEATURES.index("log_words")
        #: The run of lines ``(first, last)`` the first stage believes is the article.
        self.story = _main_region(
            [(0.5 - p) * vector[words] for p, vector in zip(first, vectors, strict=True)]
        )

    def vector(self, index: int) -> list[float]:
        """The second-stage vector of line `index`."""
        return self.vectors((index,))[0]

    def vectors(self, indexes: Iterable[int]) -> list[list[float]]:
        """The second-stage vector of each line of `indexes`.

        That is its own features, its first-stage score, the mean score of the lines around it
        (1, 4 and 12 on each side), and its place from the story.
        """
        first, rows = self._first, self._vectors
        start, end = self.story
        log1p = math.log1p
        indexes = list(indexes)
        near, middle, far = (self._means(indexes, reach) for reach in _REACHES)
        found: list[list[float]] = []
        append = found.append
        for index, mean_near, mean_middle, mean_far in zip(indexes, near, middle, far, strict=True):
            inside = start <= index <= end
            far_off = 0 if inside else min(abs(index - start), abs(index - end))
            score, place = first[index], float(inside)
            append([*rows[index], score, mean_near, mean_middle, mean_far, place, log1p(far_off)])
        return found

    def _means(self, indexes: list[int], reach: int) -> list[float]:
        """For each line of `indexes`, the mean first-stage score of the others within `reach`.

        A line alone in its window (a text of one line) gets its own score.
        """
        first, prefix = self._first, self._prefix
        count = len(first)
        found: list[float] = []
        append = found.append
        for index in indexes:
            low = index - reach if index > reach else 0
            high = index + reach + 1 if index + reach + 1 < count else count
            if high - low <= 1:
                append(first[index])
            else:
                append((prefix[high] - prefix[low] - first[index]) / (high - low - 1))
        return found


#: How far on each side the second stage averages the first stage's scores.
_REACHES = (1, 4, 12)


@dataclass(frozen=True, slots=True)
class _Tree:
    """One regression tree as parallel arrays (a leaf has feature -1)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf(self, vector: Sequence[float]) -> int:
        """The leaf `vector` falls in."""
        node = 0
        feature = self.feature
        while feature[node] >= 0:
            go_left = vector[feature[node]] <= self.threshold[node]
            node = self.left[node] if go_left else self.right[node]
        return node

    def path(self, leaf: int) -> tuple[tuple[int, float], ...]:
        """``(feature, change of value)`` of each split from the root down to `leaf`."""
        parents = self._parents()
        steps: list[tuple[int, float]] = []
        node = leaf
        while node:
            parent = parents[node]
            steps.append((self.feature[parent], self.value[node] - self.value[parent]))
            node = parent
        return tuple(reversed(steps))

    def _parents(self) -> dict[int, int]:
        return {
            child: node
            for node, feature in enumerate(self.feature)
            if feature >= 0
            for child in (self.left[node], self.right[node])
        }

    def expression(
        self,
        node: int = 0,
        *,
        leaves: bool = False,
        hoisted: dict[tuple[int, float], str] | None = None,
    ) -> str:
        """The tree as one Python expression over locals ``f0``, ``f1``, … (the features).

        Its value is the leaf's value, or with `leaves` the leaf's index. Only numbers of the
        model file (ints and floats formatted by `repr`) go into it. A split whose
        ``(feature, threshold)`` is a key of `hoisted` reads the local named by its value
        instead (a comparison made once, before the expression is used).
        """
        if self.feature[node] < 0:
            return str(int(node)) if leaves else repr(float(self.value[node]))
        feature, threshold = int(self.feature[node]), float(self.threshold[node])
        name = None if hoisted is None else hoisted.get((feature, threshold))
        test = name or f"f{feature} <= {threshold!r}"
        left = self.expression(self.left[node], leaves=leaves, hoisted=hoisted)
        right = self.expression(self.right[node], leaves=leaves, hoisted=hoisted)
        return f"({left} if {test} else {right})"


def _compile(source: str, name: str) -> Callable[..., Any]:
    """Define the function `name` of `source` (built by this module from numbers only)."""
    namespace: dict[str, Any] = {"exp": math.exp}
    exec(compile(source, "<chrome_model>", "exec"), namespace)
    function: Callable[..., Any] = namespace[name]
    return function


def _unpack(features: int) -> str:
    return ", ".join(f"f{index}" for index in range(features)) + ", = vector"


def _compile_score(
    trees: Sequence[_Tree], prior: float, rate: float, features: int, shared: Sequence[int] = ()
) -> tuple[Callable[[Sequence[float]], float], Callable[[Iterable[Sequence[float]]], list[float]]]:
    """The ensemble as compiled functions: the score of a vector, the probability of many.

    Far faster than walking the arrays: the features are unpacked into locals once per vector,
    the trees' values are added in one chain of ``+`` (left to right, as `_Tree` order
    says: the model's score is that sum, in that order), and the logistic (`_logistic`,
    written out, its clamp as comparisons) is taken in the same loop.

    The features of `shared` (the document's own: one value for all its lines) are compared
    with their thresholds once per call, for the first vector, then read by every vector that
    has the same values (the others are scored in full).
    The source is built only from the numbers of the model file (ints and floats formatted by
    `repr`), so nothing from the file is ever run as code.
    """
    total = _total(trees, prior, rate)
    one = f"def score(vector):\n    {_unpack(features)}\n    return {total}\n"
    hoisted = {
        (int(tree.feature[node]), float(tree.threshold[node])): ""
        for tree in trees
        for node in range(len(tree.feature))
        if tree.feature[node] in shared
    }
    for number, key in enumerate(hoisted):
        hoisted[key] = f"c{number}"
    tests = "".join(
        f"        {name} = first[{feature}] <= {threshold!r}\n"
        for (feature, threshold), name in hoisted.items()
    )
    same = " and ".join(f"f{index} == first[{index}]" for index in shared) or "True"
    many = (
        "def probabilities(vectors):\n    result = []\n    append = result.append\n"
        "    vectors = list(vectors)\n"
        f"    if vectors:\n        first = vectors[0]\n{tests}"
        f"    for vector in vectors:\n        {_unpack(features)}\n"
        f"        if {same}:\n            score = {_total(trees, prior, rate, hoisted)}\n"
        f"        else:\n            score = {total}\n"
        # max(-30.0, min(30.0, score)), as `min` and `max` compare (a NaN gives 30.0).
        "        score = (score if score > -30.0 else -30.0) if score < 30.0 else 30.0\n"
        "        append(1 / (1 + exp(-score)))\n"
        "    return result\n"
    )
    return _compile(one, "score"), _compile(many, "probabilities")


def _total(
    trees: Sequence[_Tree],
    prior: float,
    rate: float,
    hoisted: dict[tuple[int, float], str] | None = None,
) -> str:
    """The score's expression: the prior plus the rate times the trees' values, in order."""
    terms = " + ".join(tree.expression(hoisted=hoisted) for tree in trees)
    return f"{float(prior)!r} + {float(rate)!r} * (0.0 + {terms})"


def _compile_leaves(
    trees: Sequence[_Tree], features: int
) -> Callable[[Sequence[float]], tuple[int, ...]]:
    """A compiled function: the leaf index `vector` reaches in each of `trees`."""
    leaves = "".join(f"{tree.expression(leaves=True)}, " for tree in trees)
    return _compile(
        f"def leaves(vector):\n    {_unpack(features)}\n    return ({leaves})\n", "leaves"
    )


def _logistic(score: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


#: The prefix of the features that describe the whole document (one value for all its lines).
_DOCUMENT = "doc_"
#: How many reasons a model remembers (by the leaves that decide them) before starting over.
_REASON_CACHE = 4096


@dataclass(frozen=True, slots=True)
class Model:
    """A boosted-tree model of "this line is chrome": a prior plus scaled tree values."""

    features: tuple[str, ...]
    prior: float
    rate: float
    trees: tuple[_Tree, ...]
    score: Callable[[Sequence[float]], float]
    #: The probability of each of many vectors (`probabilities`).
    many: Callable[[Iterable[Sequence[float]]], list[float]]
    #: The leaves of the first `_REASON_TREES` trees a vector reaches: what its reason reads.
    leaves: Callable[[Sequence[float]], tuple[int, ...]]
    #: For each of those trees, the splits on the way to each leaf (`_Tree.path`).
    paths: tuple[Mapping[int, tuple[tuple[int, float], ...]], ...]
    _named: dict[tuple[int, ...], str] = field(default_factory=dict, compare=False, repr=False)

    def probability(self, vector: Sequence[float]) -> float:
        """The probability that the line of `vector` is chrome."""
        return _logistic(self.score(vector))

    def probabilities(self, vectors: Iterable[Sequence[float]]) -> list[float]:
        """`probability` of each vector (one compiled loop for all)."""
        return self.many(vectors)

    def reason(
        self, vector: Sequence[float], top: int = 3, probability: float | None = None
    ) -> str:
        """A short reason: the probability and the features that pushed most towards chrome.

        `probability` is the vector's, when the caller has it already. The features are read
        from the first trees (they carry the largest effects); a reason is built once for each
        combination of leaves those trees reach.
        """
        if probability is None:
            probability = self.probability(vector)
        key = (*self.leaves(vector), top)
        names = self._named.get(key)
        if names is None:
            names = self._names(key[:-1], top)
            if len(self._named) >= _REASON_CACHE:
                self._named.clear()
            self._named[key] = names
        return f"line model: chrome with p={probability:.2f} ({names})"

    def _names(self, leaves: Sequence[int], top: int) -> str:
        """The `top` features with the largest positive credit on the paths to `leaves`."""
        credit = [0.0] * len(self.features)
        for index, change in chain.from_iterable(map(getitem, self.paths, leaves)):
            credit[index] += change
        # The features with a positive credit, largest first (ties: in feature order).
        positive = compress(count(), map((0.0).__lt__, credit))
        ranked = sorted(positive, key=credit.__getitem__, reverse=True)
        return ", ".join(self.features[index] for index in ranked[:top]) or "prior"


class Judgement:
    """What the model says of the lines of one text: both stages, the second on demand."""

    __slots__ = ("_context", "_stack", "first", "vectors")

    def __init__(self, stack: Stack, vectors: list[list[float]], first: list[float]) -> None:
        self._stack = stack
        #: The first-stage feature vector of each line, and its first-stage probability.
        self.vectors = vectors
        self.first = first
        self._context = _Context(first, vectors)

    @property
    def story(self) -> tuple[int, int]:
        """The run of lines ``(first, last)`` the first stage believes is the article.

        ``(0, -1)`` when it sees none.
        """
        return self._context.story

    def stacked(self, index: int) -> list[float]:
        """The second-stage vector of line `index`."""
        return self._context.vector(index)

    def second(self, indexes: Sequence[int]) -> list[tuple[float, list[float]]]:
        """The second stage's chrome probability of each line of `indexes`, with its vector.

        The vector is what `Model.reason` reads.
        """
        vectors = self._context.vectors(indexes)
        return list(zip(self._stack.second.probabilities(vectors), vectors, strict=True))


@dataclass(frozen=True, slots=True)
class Stack:
    """Two models: the first reads each line, the second also what the first said around it."""

    first: Model
    second: Model
    threshold: float
    story_threshold: float

    def judge(
        self,
        lines: Sequence[str],
        rule_fires: Sequence[bool],
        shapes: LineShapes | None = None,
    ) -> Judgement:
        """The first stage's view of `lines`; the second stage answers for the lines asked.

        `shapes` keeps what is known of each line between calls on the same text.
        """
        vectors = line_features(lines, rule_fires, shapes)
        return Judgement(self, vectors, self.first.probabilities(vectors))


def _model(data: Mapping[str, Any], features: tuple[str, ...]) -> Model:
    if tuple(data["features"]) != features:
        raise ValueError("the chrome model was trained on other features; retrain it")
    trees = tuple(
        _Tree(
            tuple(int(f) for f in tree["feature"]),
            tuple(float(t) for t in tree["threshold"]),
            tuple(int(c) for c in tree["left"]),
            tuple(int(c) for c in tree["right"]),
            tuple(float(v) for v in tree["value"]),
        )
        for tree in data["trees"]
    )
    prior, rate = float(data["prior"]), float(data["rate"])
    shared = [index for index, name in enumerate(features) if name.startswith(_DOCUMENT)]
    score, many = _compile_score(trees, prior, rate, len(features), shared)
    explaining = trees[:_REASON_TREES]
    leaves = _compile_leaves(explaining, len(features))
    paths = tuple(
        {leaf: tree.path(leaf) for leaf, feature in enumerate(tree.feature) if feature < 0}
        for tree in explaining
    )
    return Model(features, prior, rate, trees, score, many, leaves, paths)


@cache
def load_model(path: Path = _MODEL_PATH) -> Stack:
    """The model shipped with the package (read and compiled once)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Stack(
        _model(data["first"], FEATURES),
        _model(data["second"], FEATURES + CONTEXT_FEATURES),
        float(data["threshold"]),
        float(data["story_threshold"]),
    )
