"""`prose_words`, the fast word split of the line cleaners, gives exactly `PROSE_WORD`'s words."""

from __future__ import annotations

import sys

import regex
from hypothesis import given
from hypothesis import strategies as st

from scrapeclean.cleaners import _text
from scrapeclean.cleaners._text import PROSE_WORD, prose_words


def test_the_fast_class_is_the_word_class_on_every_safe_code_point() -> None:
    letter_or_number = regex.compile(r"[\p{L}\p{N}]")
    safe = ord(_text._WORD_SAFE_BELOW)
    disagree = [
        hex(point)
        for point in range(safe)
        if (letter_or_number.fullmatch(chr(point)) is None)
        != (_text._FAST_WORD.fullmatch(chr(point)) is None or chr(point) == "_")
    ]
    assert disagree == []


def test_the_slow_path_takes_every_other_code_point() -> None:
    for point in (ord(_text._WORD_SAFE_BELOW), 0x558, 0x4E00, sys.maxunicode):
        line = f"ab_c {chr(point)}x 12"
        if 0xD800 <= point <= 0xDFFF:
            continue
        assert prose_words(line) == PROSE_WORD.findall(line)


@given(st.text(alphabet=st.characters(max_codepoint=0x600, exclude_categories=("Cs",))))
def test_words_equal_the_pattern_on_any_text(line: str) -> None:
    assert prose_words(line) == PROSE_WORD.findall(line)


def test_underscores_and_apostrophes_split_as_the_pattern_splits() -> None:
    for line in ("snake_case_name it's", "__init__ -x- ’tis", "_", "", "a_’b"):
        assert prose_words(line) == PROSE_WORD.findall(line)
