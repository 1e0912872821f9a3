"""The fast paths of `remove_chrome` decide exactly as the plain definitions they stand for.

`remove_chrome` reads each distinct line once (whole-list operations, caches shared by its
passes), scores each line once per pass, asks the second stage only about the lines it may
take, and builds reasons from tree paths it remembers. Here each of those steps is written
out plainly (one line, one word, one character, one tree at a time) and run beside the fast
one on real page text: the zyte-dev pages as the HTML reader flattens them, as BeautifulSoup's
``get_text("\\n")`` flattens them, and their gold bodies. Features must be equal to the bit,
and the cleaner's edits (spans, rule ids, reasons) identical.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, reduce
from itertools import pairwise
from operator import add

import pytest
from bs4 import BeautifulSoup

from scrapeclean import Document
from scrapeclean._input import read_input
from scrapeclean.cleaners import _chrome_model as model_module
from scrapeclean.cleaners import _text as text_module
from scrapeclean.cleaners import chrome, remove_chrome
from scrapeclean.cleaners._chrome_model import Model, line_features, load_model
from scrapeclean.cleaners._text import FUNCTION_WORDS, PROSE_WORD, iter_lines, nonblank_lines

from .conftest import read_jsonl

# -- plain restatements ----------------------------------------------------------------------


def plain_is_prose(line: str) -> bool:
    words = PROSE_WORD.findall(line)
    ends_sentence = text_module._SENTENCE_END.search(line) is not None
    if len(words) < (6 if ends_sentence else 15):
        return False
    function = {folded for word in words if (folded := word.casefold()) in FUNCTION_WORDS}
    lower = sum(1 for word in words if word[:1].islower())
    return len(function) >= 2 and 3 * lower >= len(words)


def plain_shape(line: str, rule_fires: bool) -> tuple[int, bool, list[float]]:
    m = model_module
    words = PROSE_WORD.findall(line)
    count = len(words)
    per = 1 / count if count else 0.0
    folded = [word.casefold() for word in words]
    function = [word for word in folded if word in FUNCTION_WORDS]
    chars = len(line)
    prose = plain_is_prose(line)
    values = [
        math.log1p(count),
        math.log1p(chars),
        float(text_module._SENTENCE_END.search(line) is not None),
        float(line.endswith(":")),
        len(function) * per,
        min(len(set(function)), 8) / 8,
        sum(1 for word in words if word[:1].isupper()) * per,
        sum(1 for word in words if len(word) > 1 and word.isupper()) * per,
        sum(1 for char in line if char.isdigit()) / chars if chars else 0.0,
        sum(1 for char in line if char in ",;:") * per,
        min(sum(len(word) for word in words) * per, 20) / 20,
        sum(1 for word in folded if word in m._ui_words()) * per,
        float(rule_fires),
        min(len(m._LINK.findall(line)), 3),
        min(len(m._EMAIL.findall(line)) + len(m._HANDLE.findall(line)), 3),
        min(len(m._SEPARATOR.findall(line)), 6),
        float(m._BULLET.match(line) is not None),
        float(m._DATE_LIKE.search(line) is not None),
        float(prose),
        math.log1p(plain_lead_capitalised(words)),
        float(line[:1].islower()),
    ]
    return count, prose, values


def plain_lead_capitalised(words: Sequence[str]) -> int:
    lead = 0
    while lead < len(words) and (words[lead][0].isupper() or words[lead][0].isdigit()):
        lead += 1
    return lead


def plain_line_features(lines: Sequence[str], rule_fires: Sequence[bool]) -> list[list[float]]:
    count = len(lines)
    shapes = [plain_shape(line, fires) for line, fires in zip(lines, rule_fires, strict=True)]
    prose = [shape[1] for shape in shapes]
    prose_lines = [index for index, flag in enumerate(prose) if flag]
    first = prose_lines[0] if prose_lines else count
    last = prose_lines[-1] if prose_lines else -1
    weights = [min(words, 60) / 10 if flag else -1.0 - (words < 5) for words, flag, _ in shapes]
    start, end = model_module._main_region(weights)
    repeats = Counter(" ".join(line.split()).casefold() for line in lines)
    runs = model_module._short_runs([shape[0] for shape in shapes])
    titles = [not flag and words >= 5 for words, flag, _ in shapes]
    vectors = []
    for index, (_, _, values) in enumerate(shapes):
        low, high = max(0, index - 3), min(count, index + 4)
        around = sum(prose[low:high]) - prose[index]
        titled = sum(titles[low:high]) - titles[index]
        distance = 0 if start <= index <= end else min(abs(index - start), abs(index - end))
        before = shapes[index - 1] if index else None
        after = shapes[index + 1] if index + 1 < count else None
        vectors.append(
            [
                *values,
                index / count,
                float(index < first),
                float(index > last),
                float(start <= index <= end),
                math.log1p(distance),
                around / (high - low - 1) if high - low > 1 else 0.0,
                titled / (high - low - 1) if high - low > 1 else 0.0,
                math.log1p(runs[index]),
                float(repeats[" ".join(lines[index].split()).casefold()] > 1),
                float(before[1]) if before else 0.0,
                float(after[1]) if after else 0.0,
                math.log1p(before[0]) if before else 0.0,
                math.log1p(after[0]) if after else 0.0,
                math.log1p(count),
                len(prose_lines) / count,
            ]
        )
    return vectors


def plain_context_features(
    first: Sequence[float], vectors: Sequence[Sequence[float]]
) -> list[list[float]]:
    count = len(first)
    start, end = model_module._main_region(
        [(0.5 - p) * vector[0] for p, vector in zip(first, vectors, strict=True)]
    )
    stacked = []
    for index, vector in enumerate(vectors):
        means = []
        for reach in (1, 4, 12):
            others = [first[j] for j in range(index - reach, index + reach + 1)
                      if 0 <= j < count and j != index]  # fmt: skip
            means.append(sum(others) / len(others) if others else first[index])
        inside = start <= index <= end
        distance = 0 if inside else min(abs(index - start), abs(index - end))
        stacked.append([*vector, first[index], *means, float(inside), math.log1p(distance)])
    return stacked


def walk(model: Model, vector: Sequence[float], trees: int | None = None) -> Iterator[list[int]]:
    """The nodes on the path of `vector` through each tree (the first `trees` of them)."""
    for tree in model.trees[:trees]:
        node, path = 0, [0]
        while tree.feature[node] >= 0:
            go_left = vector[tree.feature[node]] <= tree.threshold[node]
            node = tree.left[node] if go_left else tree.right[node]
            path.append(node)
        yield path


def plain_probability(model: Model, vector: Sequence[float]) -> float:
    paths = walk(model, vector)
    leaves = tuple(tree.value[path[-1]] for tree, path in zip(model.trees, paths, strict=True))
    score = model.prior + model.rate * reduce(add, leaves, 0.0)  # in tree order
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


def plain_reason(model: Model, vector: Sequence[float]) -> str:
    credit = [0.0] * len(model.features)
    paths = walk(model, vector, model_module._REASON_TREES)
    for tree, path in zip(model.trees, paths, strict=False):
        for parent, child in pairwise(path):
            credit[tree.feature[parent]] += tree.value[child] - tree.value[parent]
    ranked = sorted(range(len(credit)), key=lambda index: -credit[index])[:3]
    names = ", ".join(model.features[index] for index in ranked if credit[index] > 0)
    probability = plain_probability(model, vector)
    return f"line model: chrome with p={probability:.2f} ({names or 'prior'})"


def plain_model_verdicts(
    texts: list[str],
    verdicts: list[tuple[str, str] | None],
    _shapes: object = None,
    allowed: set[int] | None = None,
) -> dict[int, tuple[str, str]]:
    """Both stages for every line, then the guards: the cleaner's line model, plainly."""
    if not texts:
        return {}
    stack = load_model()
    vectors = plain_line_features(texts, [verdict is not None for verdict in verdicts])
    first = [plain_probability(stack.first, vector) for vector in vectors]
    stacked = model_module.context_features(first, vectors)
    start, end = model_module._main_region(
        [(0.5 - p) * vector[0] for p, vector in zip(first, vectors, strict=True)]
    )
    sentences = {
        index
        for index in range(start, end + 1)
        if plain_is_prose(texts[index]) or chrome._SHORT_SENTENCE.match(texts[index])
    }
    kept = sentences | chrome._header(texts, verdicts, start)
    found = {}
    for index, vector in enumerate(stacked):
        needed = stack.story_threshold if start <= index <= end else stack.threshold
        probability = plain_probability(stack.second, vector)
        if (allowed is None or index in allowed) and probability >= needed and index not in kept:
            found[index] = ("chrome.model", plain_reason(stack.second, vector))
    return found


def plain_is_ui_labels(line: str) -> bool:
    words = chrome._WORD.findall(line)
    if chrome._SENTENCE_END.search(line) and len(words) > 3:
        return False
    folded = [word.casefold().strip("'’.") for word in words]
    if not all(word in chrome._ui_words() for word in folded):
        return False
    strong = sum(1 for word in folded if word in chrome._strong_ui_words())
    return strong >= max(1, len(folded) // 2)


def plain_is_menu(line: str) -> bool:
    items = [item.strip() for item in chrome._MENU_SEPARATOR.split(line)]
    items = [item for item in items if item]
    if len(items) < 4:
        return False
    if any(len(item.split()) > 4 or chrome._SENTENCE_END.search(item) for item in items):
        return False
    capitalised = sum(1 for item in items if item[:1].isupper() or item[:1].isdigit())
    return capitalised >= 0.75 * len(items)


# -- the page texts --------------------------------------------------------------------------


@cache
def page_texts() -> tuple[str, ...]:
    """Every zyte-dev page flattened two ways, and every gold body."""
    texts: list[str] = []
    for row in read_jsonl("extraction/zyte-dev.jsonl"):
        texts.append(read_input(row["html"], html=True, encoding=None)[0].text)
        soup = BeautifulSoup(row["html"], "html.parser")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        texts.append(soup.get_text("\n"))
        texts.append(row["expected_text"])
    return tuple(texts)


def trimmed_lines(text: str) -> list[str]:
    return [stripped for line in iter_lines(text) if (stripped := line.text.strip())]


# -- the tests -------------------------------------------------------------------------------


def test_line_features_equal_their_plain_definition() -> None:
    cleaner = remove_chrome()
    for text in page_texts():
        lines = trimmed_lines(text)
        fires = [cleaner.verdict(line) is not None for line in lines]
        assert line_features(lines, fires) == plain_line_features(lines, fires)


def test_prose_and_the_rules_equal_their_plain_definition() -> None:
    lines = {line for text in page_texts() for line in trimmed_lines(text)}
    for line in lines:
        assert chrome.is_prose(line) == plain_is_prose(line), line
        assert chrome._is_ui_labels(line) == plain_is_ui_labels(line), line
        assert chrome._is_menu(line) == plain_is_menu(line), line


def test_compiled_scores_leaves_and_reasons_equal_the_tree_walk() -> None:
    stack = load_model()
    for text in page_texts()[:30]:
        lines = trimmed_lines(text)
        vectors = line_features(lines, [False] * len(lines))
        first = stack.first.probabilities(vectors)
        assert first == [plain_probability(stack.first, vector) for vector in vectors]
        for vector in model_module.context_features(first, vectors):
            paths = list(walk(stack.second, vector, model_module._REASON_TREES))
            assert stack.second.leaves(vector) == tuple(path[-1] for path in paths)
            assert stack.second.reason(vector) == plain_reason(stack.second, vector)


def test_the_cleaner_removes_what_the_plain_model_removes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Same spans, rule ids and reasons as when every step is taken plainly (the pages as the
    HTML reader flattens them: the features are checked on every text above)."""
    texts = page_texts()[::3]
    fast = [remove_chrome()(Document.from_text(text)) for text in texts]
    monkeypatch.setattr(chrome.RemoveChrome, "_model_verdicts", staticmethod(plain_model_verdicts))
    plain = [remove_chrome()(Document.from_text(text)) for text in texts]
    assert sum(len(proposal.edits) for proposal in fast) > 1000  # the model has work here
    for ours, theirs in zip(fast, plain, strict=True):
        assert ours == theirs


def test_context_features_equal_their_plain_definition() -> None:
    """The second-stage vectors: window means from prefix sums, as plain means (to rounding)."""
    stack = load_model()
    for text in page_texts()[:30]:
        lines = trimmed_lines(text)
        vectors = line_features(lines, [False] * len(lines))
        first = stack.first.probabilities(vectors)
        fast = model_module.context_features(first, vectors)
        plain = plain_context_features(first, vectors)
        assert len(fast) == len(plain)
        for ours, theirs in zip(fast, plain, strict=True):
            assert ours == pytest.approx(theirs, rel=1e-12, abs=1e-12)


def test_nonblank_lines_are_the_lines_iter_lines_gives() -> None:
    generator = random.Random(8)
    for _ in range(2000):
        pieces = ["a", "b c", " ", "\n", "\t", "\u2028", "\r", "\x1c"]
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        lines, trimmed = nonblank_lines(text)
        wanted = [line for line in iter_lines(text) if not line.blank]
        assert lines == wanted
        assert trimmed == [line.text.strip() for line in wanted]


def test_shapes_of_many_lines_equal_each_line_on_its_own() -> None:
    """The whole-text feature pass (`_shapes`) gives each line's `_shape`, whatever it holds:
    the dev lines, and made-up lines of awkward characters (superscript digits, underscores,
    scripts the fast word split leaves to the pattern, separators, links, handles, bullets)."""
    generator = random.Random(12)
    pieces = [
        "word", "The", "NASA", "A", "of", "und", "x²", "³", "12", "1.", "-", "•", "|", " / ",
        "www.example.com", "a@b.io", "#tag", "@handle", "snake_case", "’", "Ελλάδα", "日本",
        "ﬁ", "İstanbul", "STRASSE", "Straße", "12:30", "1/2/2020", ",", ";", ":", ".", "?",
        " ", "\t", "\u00a0", "\u2028", "(c)", "»", ">", "—",
    ]  # fmt: skip
    made_up = [
        "".join(generator.choice(pieces) for _ in range(generator.randint(1, 14))).strip()
        for _ in range(3000)
    ]
    dev = [line for text in page_texts()[:60] for line in trimmed_lines(text)]
    for lines in (made_up, list(dict.fromkeys(dev))):
        lines = [line for line in lines if line]
        fires = [generator.random() < 0.3 for _ in lines]
        pairs = zip(lines, fires, strict=True)
        expected = [model_module._shape(line, fired) for line, fired in pairs]
        assert model_module._shapes(lines, fires) == expected


def test_the_fast_word_class_agrees_on_every_safe_code_point() -> None:
    """The whole-text word split (`_WORDS_OR_BREAKS`) goes where `PROSE_WORD` would: on every
    code point the batch counts as safe, a word character of one is a word character of the
    other (the underscore aside: it is replaced by a space first)."""
    import regex

    letter_or_number = regex.compile(r"[\p{L}\p{N}]")
    word = model_module._WORDS_OR_BREAKS
    safe = [
        point
        for point in [*range(0x530), *range(0x2000, 0x2070)]
        if model_module._UNSAFE_CHAR.search(chr(point)) is None
    ]
    assert len(safe) == 0x530 + 0x70
    disagree = [
        hex(point)
        for point in safe
        if chr(point) not in "\n_"
        and (letter_or_number.fullmatch(chr(point)) is None) != (word.fullmatch(chr(point)) is None)
    ]
    assert disagree == []


def test_window_shares_and_distances_equal_their_plain_definition() -> None:
    """The column helpers of `line_features` on short and edge-case texts (0 to 40 lines)."""
    generator = random.Random(3)
    for count in range(41):
        for _ in range(20):
            prose = [generator.random() < 0.5 for _ in range(count)]
            plain = []
            for index in range(count):
                others = [prose[j] for j in range(index - 3, index + 4) if 0 <= j < count]
                others_count = len(others) - 1
                around = sum(others) - prose[index]
                plain.append(around / others_count if others_count else 0.0)
            assert model_module._prose_around(prose) == plain
            spans = [(0, -1)]
            if count:
                start = generator.randrange(count)
                spans.append((start, generator.randrange(start, count)))
            for start, end in spans:
                assert model_module._distances(count, start, end) == [
                    math.log1p(
                        0 if start <= index <= end else min(abs(index - start), abs(index - end))
                    )
                    for index in range(count)
                ]


def test_the_cookie_scan_of_all_lines_marks_every_line_the_pattern_finds_a_word_in() -> None:
    lines = [line for text in page_texts()[:60] for line in trimmed_lines(text)]
    lines += ["cookies", "we use cookies", "cookies.", "x cookies y", "nocookies", "cookie-free"]
    distinct = list(dict.fromkeys(lines))
    marked = chrome._cookie_candidates(distinct)
    found = {index for index, line in enumerate(distinct) if chrome._COOKIE.search(line)}
    assert len(found) > 10
    assert marked == found


def test_the_verdicts_of_a_texts_lines_are_each_lines_verdict() -> None:
    """`_flagged` judges a text's distinct lines together (one cookie scan for all): each
    verdict is the one the line gets on its own."""
    cleaner = remove_chrome()
    for text in page_texts()[::4]:
        lines = trimmed_lines(text)
        verdicts = cleaner._verdicts_of_lines(lines)
        assert verdicts == [cleaner.verdict(line) for line in lines]
