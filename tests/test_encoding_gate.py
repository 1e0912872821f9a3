"""The gates that keep text ftfy would leave alone away from ftfy.

`may_need_repair` is one C-level search over the whole text (plus a normal-form check);
`needs_repair` decides a suspect line. The promise of both: when they say False, ftfy
(configured as `fix_encoding` configures it) returns the text unchanged. Checked on generated
text (Hypothesis) and on every line of the development pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapeclean import Pipeline
from scrapeclean.cleaners import fix_encoding
from scrapeclean.cleaners.encoding import (
    _badness_width,
    _config,
    _is_bad,
    _mojibake_class,
    _spacing_view,
    may_need_repair,
    needs_repair,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CONFIG = _config("NFC", unescape_html=True)

#: Characters that make mojibake, and plenty that do not.
_ALPHABET = (
    "abcdeé ,.;:!?'\"&<>#0123456789\t\n"
    "ÃÂâ€™œ\u0080\u0093\u009d©®°±µ¶·¸¹º»¼½¾¿ÀÁÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáãäåæçèêëìíîïðñòóôõö÷"
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0ﬁﬂ\u200b\u00ad\ufeff\u0301е中文日本語😀"
    "\x00\x07\x1b\x7f\u206a\ufff9ŠšŽžŒœŸƒ√∂≈‚ВГРСвЂΒΓΞΟβā│═"
)
_MOJIBAKE_TEXT = st.text(alphabet=_ALPHABET, max_size=40)
_WORDS = st.lists(
    st.sampled_from(["café", "naïve", "€5", "don’t", "“quoted”", "Zürich", "São", "добро",
                     "Ελλάδα", "façade", "plain", "amp;", "&", "the", "✔", "½", "…"]),
    max_size=8,
).map(" ".join)  # fmt: skip


def _unchanged_by_ftfy(text: str, config: ftfy.TextFixerConfig = CONFIG) -> bool:
    return ftfy.fix_text(text, config) == text


def _mis_decoded(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


@settings(max_examples=400, deadline=None)
@given(st.one_of(_MOJIBAKE_TEXT, st.text(max_size=60)))
def test_gate_false_means_ftfy_leaves_the_text_alone(text: str) -> None:
    """The whole-text gate says "no repair" only for text ftfy.fix_text returns unchanged."""
    if not may_need_repair(text):
        assert _unchanged_by_ftfy(text)
        assert not needs_repair(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET + "\u00a0\u00a0  \t\t", max_size=40))
def test_gate_false_holds_for_each_line_as_spaced(text: str) -> None:
    """The gate's neighbour conditions hold for lines as whitespace normalization spaces them."""
    if not may_need_repair(text):
        for line in text.splitlines():
            view = _spacing_view(line)[0]
            assert ftfy.fix_and_explain(view, CONFIG).text == view


@settings(max_examples=400, deadline=None)
@given(_MOJIBAKE_TEXT)
def test_line_check_false_means_ftfy_leaves_the_line_alone(text: str) -> None:
    """`needs_repair` False on a line: ftfy's fix_and_explain returns it unchanged."""
    if not needs_repair(text):
        assert ftfy.fix_and_explain(text, CONFIG).text == text


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.sampled_from(["windows-1252", "latin-1"]), st.integers(1, 2))
def test_mojibake_of_real_words_is_seen(words: str, codec: str, times: int) -> None:
    """Text mis-decoded once or twice is never let through where ftfy would repair it."""
    text = words
    for _ in range(times):
        text = _mis_decoded(text, codec)
    if not _unchanged_by_ftfy(text):
        assert may_need_repair(text)


@settings(max_examples=500, deadline=None)
@given(_MOJIBAKE_TEXT)
def test_windowed_badness_equals_ftfys(text: str) -> None:
    """Looking only around the characters every match holds gives ftfy's `is_bad` exactly."""
    assert _is_bad(text) == bool(is_bad(text))


def test_mojibake_class_is_derived_from_every_alternative() -> None:
    """The derivation found a class for each alternative of BADNESS_RE (no fallback to all)."""
    derived = _mojibake_class()
    assert derived != r"\s\S"
    assert all(not char.isascii() for char in derived.replace("\\", ""))
    assert 2 <= _badness_width() <= 16


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("cafÃ©", id="latin-1"),
        pytest.param("It\u2019s the â€œbestâ€\x9d", id="cp1252"),
        pytest.param("Tom &amp; Jerry", id="entity"),
        pytest.param("soft\u00adhyphen", id="invisible"),
        pytest.param("e\u0301", id="not-nfc"),
        pytest.param("bell\x07", id="control"),
        pytest.param("C1 \x85 control", id="c1"),
        pytest.param("Ã a", id="line-start-mojibake"),
    ],
)
def test_each_kind_of_damage_is_seen(text: str) -> None:
    assert may_need_repair(text)
    assert needs_repair(text)


@pytest.mark.parametrize(
    "text",
    [
        "plain ASCII.",
        "Curly \u2019quotes\u2019 and \u201cmore\u201d",
        "naïve café 中文 😀",
        "AT&T and Q&A",
        "ﬁle",
    ],
)
def test_clean_text_passes(text: str) -> None:
    assert not needs_repair(text)


def test_ligatures_are_an_option() -> None:
    """Ligatures stay by default (what the page wrote); `fix_ligatures=True` expands them."""
    assert not may_need_repair("ﬁle")
    assert may_need_repair("ﬁle", fix_ligatures=True)
    assert Pipeline([fix_encoding()]).clean("ﬁle").text == "ﬁle"
    assert Pipeline([fix_encoding(fix_ligatures=True)]).clean("ﬁle").text == "file"


def test_entities_after_markup_stay_as_ftfy_leaves_them() -> None:
    """As ftfy.fix_text, entities are decoded up to the first line holding ``<``, not after."""
    text = "Tom &amp; Jerry\nuse <b> for bold &amp; more\nthen &eacute;t&eacute;"
    out = Pipeline([fix_encoding()]).clean(text, html=False).text
    assert out == ftfy.fix_text(text, CONFIG)
    assert out.startswith("Tom & Jerry\n") and out.endswith("&eacute;t&eacute;")


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
    passed = [line for line in lines if not may_need_repair(line)]
    assert passed, "the check should let most clean lines through"
    broken = [line for line in passed if not _unchanged_by_ftfy(line)]
    assert broken == []


def test_a_second_pass_finds_nothing_new_when_spacing_reveals_mojibake() -> None:
    from scrapeclean import clean

    once = clean("Ã\ta").text
    assert clean(once).text == once
