"""`needs_repair`: the one-pass check that keeps text ftfy would leave alone away from ftfy.

The promise: when it says False, ftfy (configured as `fix_encoding` configures it) returns the
text unchanged. Checked on generated text and on every line of the development pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapeclean.cleaners.encoding import _config, needs_repair

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CONFIG = _config("NFC", unescape_html=True)

#: Characters that make mojibake, and plenty that do not.
_ALPHABET = (
    "abcdeé ,.;:!?'\"&<>0123456789\t"
    "ÃÂâ€™œ\u0080\u0093\u009d©®°±µ¶·¸¹º»¼½¾¿ÀÁÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáãäåæçèêëìíîïðñòóôõö÷"
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0ﬁﬂ\u200b\u00ad\ufeff\u0301е中文日本語😀"
    "\x00\x07\x1b\x7f\u206a\ufff9ŠšŽžŒœŸƒ"
)


def _unchanged_by_ftfy(text: str) -> bool:
    return ftfy.fix_and_explain(text, CONFIG).text == text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_false_means_ftfy_leaves_the_text_alone(text: str) -> None:
    if not needs_repair(text):
        assert _unchanged_by_ftfy(text)


@pytest.mark.parametrize(
    "text",
    [
        "cafÃ©",
        "It\u2019s the â€œbestâ€\x9d",
        "Tom &amp; Jerry",
        "ﬁle",
        "soft\u00adhyphen",
        "e\u0301",  # not NFC
        "bell\x07",
        "C1 \x85 control",
    ],
)
def test_each_kind_of_damage_is_seen(text: str) -> None:
    assert needs_repair(text)


@pytest.mark.parametrize(
    "text", ["plain ASCII.", "Curly \u2019quotes\u2019 and \u201cmore\u201d", "naïve café 中文 😀"]
)
def test_clean_text_passes(text: str) -> None:
    assert not needs_repair(text)


def _lines(path: Path, field: str) -> list[str]:
    if not path.exists():
        pytest.skip(f"development data not found at {path}")
    lines = []
    with path.open(encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            lines.extend(line for line in str(row[field]).splitlines() if line.strip())
    return lines


@pytest.mark.parametrize(
    ("name", "field"),
    [("extraction/zyte-dev.jsonl", "expected_text"), ("encoding/ftfy-cases.jsonl", "text")],
)
def test_promise_holds_on_every_development_line(name: str, field: str) -> None:
    lines = _lines(DATA / name, field)
    passed = [line for line in lines if not needs_repair(line)]
    assert passed, "the check should let most clean lines through"
    broken = [line for line in passed if not _unchanged_by_ftfy(line)]
    assert broken == []


def test_a_second_pass_finds_nothing_new_when_spacing_reveals_mojibake() -> None:
    from scrapeclean import clean

    once = clean("Ã\ta").text
    assert clean(once).text == once
