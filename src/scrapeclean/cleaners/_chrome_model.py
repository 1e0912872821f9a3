"""The learned part of `remove_chrome`: line features and a small boosted-tree model.

Every non-blank line of a text is described by numbers that say what *kind* of line it is,
never which site it comes from:

- its own shape: words, characters, sentence end, function-word density (prose has "the", "of",
  "und", "que"), capitalised and upper-case words, digits, punctuation, average word length;
- interface vocabulary (from the language files, nine languages): share of interface words, and
  whether a line rule of `remove_chrome` (call to action, cookie notice, credit, menu, …) fires;
- links and handles: URLs, e-mail addresses, ``@handles``, ``#tags``;
- its place: relative position, head and tail zones (before the first and after the last line
  of prose), inside or outside the densest run of prose, distance from it;
- runs of short lines (menus, tag lists, breadcrumbs), repetition inside the document;
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
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from scrapeclean import _vocabulary
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._text import FUNCTION_WORDS, is_prose

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
_WORD = LazyRegex(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_SENTENCE_END = LazyRegex(r"[.!?…][\"'”’»)\]]*\s*$")
#: A link, or a domain name found by its ending (anchored on the ending, so linear in the line).
_LINK = LazyRegex(r"https?://|www\.|(?<=[\w-])\.(?:com|org|net|de|fr|uk|ru|pl|io)\b", flags=0)
_EMAIL = LazyRegex(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_HANDLE = LazyRegex(r"(?:^|\s)[@#][\p{L}\p{N}_]+")
_SEPARATOR = LazyRegex(r"\s[|•·»/>]\s|[|•·›»]")
_PUNCT = LazyRegex(r"[,;:]")
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
    "position",
    "head_zone",
    "tail_zone",
    "in_main",
    "main_distance",
    "prose_around",
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


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a line says on its own (the features that need no neighbours)."""

    words: int
    prose: bool
    values: tuple[float, ...]


def _shape(line: str, rule_fires: bool) -> _Shape:
    words = _WORD.compiled.findall(line)
    count = len(words)
    per = 1 / count if count else 0.0
    folded = [word.casefold() for word in words]
    function = [word for word in folded if word in FUNCTION_WORDS]
    ui_words = _ui_words()
    chars = len(line)
    values = (
        math.log1p(count),
        math.log1p(chars),
        float(_SENTENCE_END.search(line) is not None),
        float(line.endswith(":")),
        len(function) * per,
        min(len(set(function)), 8) / 8,
        sum(1 for word in words if word[:1].isupper()) * per,
        sum(1 for word in words if len(word) > 1 and word.isupper()) * per,
        sum(1 for char in line if char.isdigit()) / chars if chars else 0.0,
        len(_PUNCT.compiled.findall(line)) * per,
        min(sum(len(word) for word in words) * per, 20) / 20,
        sum(1 for word in folded if word in ui_words) * per,
        float(rule_fires),
        min(len(_LINK.compiled.findall(line)), 3),
        min(len(_EMAIL.compiled.findall(line)) + len(_HANDLE.compiled.findall(line)), 3),
        min(len(_SEPARATOR.compiled.findall(line)), 6),
        float(_BULLET.match(line) is not None),
        float(_DATE_LIKE.search(line) is not None),
        0.0,  # is_prose, filled below
    )
    prose = is_prose(line)
    return _Shape(count, prose, (*values[:-1], float(prose)))


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


def line_features(lines: Sequence[str], rule_fires: Sequence[bool]) -> list[list[float]]:
    """The feature vector (`FEATURES`) of every line of `lines` (non-blank, in order).

    `rule_fires` says for each line whether a line rule of `remove_chrome` flags it.
    """
    count = len(lines)
    if not count:
        return []
    shapes = [_shape(line, fires) for line, fires in zip(lines, rule_fires, strict=True)]
    prose = [shape.prose for shape in shapes]
    prose_lines = [index for index, flag in enumerate(prose) if flag]
    first = prose_lines[0] if prose_lines else count
    last = prose_lines[-1] if prose_lines else -1
    weights = [
        min(shape.words, 60) / 10 if shape.prose else -1.0 - (shape.words < _SHORT_WORDS)
        for shape in shapes
    ]
    main_start, main_end = _main_region(weights)
    repeats = Counter(" ".join(line.split()).casefold() for line in lines)
    runs = _short_runs([shape.words for shape in shapes])
    doc = (math.log1p(count), len(prose_lines) / count)
    vectors: list[list[float]] = []
    for index, shape in enumerate(shapes):
        low, high = max(0, index - _WINDOW), min(count, index + _WINDOW + 1)
        around = sum(prose[low:high]) - prose[index]
        distance = (
            0
            if main_start <= index <= main_end
            else min(abs(index - main_start), abs(index - main_end))
        )
        previous = shapes[index - 1] if index else None
        following = shapes[index + 1] if index + 1 < count else None
        vectors.append(
            [
                *shape.values,
                index / count,
                float(index < first),
                float(index > last),
                float(main_start <= index <= main_end),
                math.log1p(distance),
                around / (high - low - 1) if high - low > 1 else 0.0,
                math.log1p(runs[index]),
                float(repeats[" ".join(lines[index].split()).casefold()] > 1),
                float(previous.prose) if previous else 0.0,
                float(following.prose) if following else 0.0,
                math.log1p(previous.words) if previous else 0.0,
                math.log1p(following.words) if following else 0.0,
                *doc,
            ]
        )
    return vectors


def _short_runs(word_counts: Sequence[int]) -> list[int]:
    """For each line, the length of the run of short lines it stands in (0 for a long line)."""
    runs = [0] * len(word_counts)
    start = 0
    for index in range(len(word_counts) + 1):
        if index < len(word_counts) and word_counts[index] < _SHORT_WORDS:
            continue
        for inside in range(start, index):
            runs[inside] = index - start
        start = index + 1
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
    count = len(first)
    prefix = [0.0]
    for value in first:
        prefix.append(prefix[-1] + value)

    def around(index: int, reach: int) -> float:
        low, high = max(0, index - reach), min(count, index + reach + 1)
        if high - low <= 1:
            return first[index]
        return (prefix[high] - prefix[low] - first[index]) / (high - low - 1)

    words = FEATURES.index("log_words")
    start, end = _main_region(
        [(0.5 - p) * vector[words] for p, vector in zip(first, vectors, strict=True)]
    )
    result: list[list[float]] = []
    for index, vector in enumerate(vectors):
        distance = 0 if start <= index <= end else min(abs(index - start), abs(index - end))
        result.append(
            [
                *vector,
                first[index],
                around(index, 1),
                around(index, 4),
                around(index, 12),
                float(start <= index <= end),
                math.log1p(distance),
            ]
        )
    return result


@dataclass(frozen=True, slots=True)
class _Tree:
    """One regression tree as parallel arrays (a leaf has feature -1)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def credit(self, vector: Sequence[float], credit: list[float]) -> None:
        """Add to `credit` each split's change of value on the path of `vector`."""
        node = 0
        feature = self.feature
        while feature[node] >= 0:
            index = feature[node]
            child = self.left[node] if vector[index] <= self.threshold[node] else self.right[node]
            credit[index] += self.value[child] - self.value[node]
            node = child

    def expression(self, node: int = 0) -> str:
        """The tree as one Python expression over ``v`` (numbers only, from the JSON file)."""
        if self.feature[node] < 0:
            return repr(float(self.value[node]))
        return (
            f"({self.expression(self.left[node])} if v[{int(self.feature[node])}] <= "
            f"{float(self.threshold[node])!r} else {self.expression(self.right[node])})"
        )


def _compile(
    trees: Sequence[_Tree], prior: float, rate: float
) -> Callable[[Sequence[float]], float]:
    """The ensemble as one compiled function: far faster than walking the arrays.

    The source is built only from the numbers of the model file (ints and floats formatted by
    `repr`), so nothing from the file is ever run as code.
    """
    terms = "".join(f"{tree.expression()}, " for tree in trees)
    source = f"lambda v: {float(prior)!r} + {float(rate)!r} * sum(({terms}))"
    function: Callable[[Sequence[float]], float] = eval(compile(source, "<chrome_model>", "eval"))
    return function


@dataclass(frozen=True, slots=True)
class Model:
    """A boosted-tree model of "this line is chrome": a prior plus scaled tree values."""

    features: tuple[str, ...]
    prior: float
    rate: float
    trees: tuple[_Tree, ...]
    score: Callable[[Sequence[float]], float]

    def probability(self, vector: Sequence[float]) -> float:
        """The probability that the line of `vector` is chrome."""
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, self.score(vector)))))

    def reason(self, vector: Sequence[float], top: int = 3) -> str:
        """A short reason: the probability and the features that pushed most towards chrome."""
        credit = [0.0] * len(self.features)
        for tree in self.trees[:_REASON_TREES]:  # the first trees carry the largest effects
            tree.credit(vector, credit)
        ranked = sorted(range(len(credit)), key=lambda index: -credit[index])[:top]
        names = ", ".join(self.features[index] for index in ranked if credit[index] > 0)
        return f"line model: chrome with p={self.probability(vector):.2f} ({names or 'prior'})"


@dataclass(frozen=True, slots=True)
class Stack:
    """Two models: the first reads each line, the second also what the first said around it."""

    first: Model
    second: Model
    threshold: float
    story_threshold: float

    def judge(
        self, lines: Sequence[str], rule_fires: Sequence[bool]
    ) -> tuple[list[float], list[list[float]], tuple[int, int]]:
        """The chrome probability of each line, its second-stage features, and the story.

        The story is the run of lines ``(first, last)`` the first stage believes is the article
        (``(0, -1)`` when it sees none).
        """
        vectors = line_features(lines, rule_fires)
        first = [self.first.probability(vector) for vector in vectors]
        stacked = context_features(first, vectors)
        probabilities = [self.second.probability(vector) for vector in stacked]
        words = FEATURES.index("log_words")
        story = _main_region(
            [(0.5 - p) * vector[words] for p, vector in zip(first, vectors, strict=True)]
        )
        return probabilities, stacked, story


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
    return Model(features, prior, rate, trees, _compile(trees, prior, rate))


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
