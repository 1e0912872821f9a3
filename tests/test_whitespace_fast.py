"""`normalize_whitespace` finds what to do with one search, and proposes what a plain scan would.

The reference below is the straightforward version (one regex match per whitespace run, each
compared with its normal form); the cleaner looks only at runs that are not already normal.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapeclean._model import Document, Source
from scrapeclean.cleaners import normalize_whitespace

_SPACE = r"[\t\x0b\x0c\p{Zs}--\u3000]"
_BREAKS = "\r\n\u2028\u2029"
_ANY = rf"[\t\x0b\x0c{_BREAKS}\p{{Zs}}--\u3000]"
_RUNS = regex.compile(rf"{_ANY}++", regex.V1)


def _reference(text: str) -> list[tuple[int, int, str]]:
    """Every maximal whitespace run that differs from its normal form, with that form."""
    edits = []
    for match in _RUNS.finditer(text):
        run, (start, end) = match.group(), match.span()
        at_edge = start == 0 or end == len(text)
        breaks = sum(run.count(char) for char in _BREAKS) - run.count("\r\n")
        if breaks:
            wanted = "" if at_edge else ("\n" if breaks == 1 else "\n\n")
        else:
            wanted = "" if at_edge else " "
        if run != wanted:
            edits.append((start, end, wanted))
    return edits


def _proposed(text: str) -> list[tuple[int, int, str]]:
    doc = Document(text=text, source=Source(text=text))
    return [
        (edit.span.start, edit.span.end, edit.replacement)
        for edit in normalize_whitespace()(doc).edits
    ]


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab. \n\n\r\t\x0b\x0c\u00a0\u2003\u3000\u2028\u2029\u202f")),
    max_size=60,
)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_same_edits_as_the_plain_scan(text: str) -> None:
    assert _proposed(text) == _reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_same_edits_on_any_text(text: str) -> None:
    assert _proposed(text) == _reference(text)


def test_normal_text_gives_no_edit() -> None:
    text = "One line.\nAnother line.\n\nA new paragraph with one space between words."
    assert _proposed(text) == []


def test_each_abnormal_run_is_one_edit() -> None:
    text = "  a \t b\r\n\n\n\nc\u00a0d \n"
    assert _proposed(text) == [
        (0, 2, ""),
        (3, 6, " "),
        (7, 12, "\n\n"),
        (13, 14, " "),
        (15, 17, ""),
    ]


def test_space_separators_match_unicodedata() -> None:
    """The spelled-out space separators are exactly Unicode's Zs, less " " and U+3000."""
    import re
    import unicodedata

    from scrapeclean.cleaners.whitespace import _OTHER_ZS

    spelled = {chr(code) for code in range(0x10000) if re.match(f"[{_OTHER_ZS}]", chr(code))}
    zs = {chr(code) for code in range(0x10000) if unicodedata.category(chr(code)) == "Zs"}
    assert spelled == zs - {" ", "\u3000"}
