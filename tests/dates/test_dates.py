"""Tests for `scrapeclean.dates`: data-driven cases, errors, negatives and properties.

Case file schema (``tests/dates/cases.json``): a JSON list of objects with

- ``id``: unique name, used as the pytest parametrize id;
- ``kind``: ``"parse"`` (checks `parse_date`) or ``"find"`` (checks `find_dates`);
- ``text``: the input string;
- ``reference``: ISO datetime passed as ``reference=`` (null: the call does not depend on it);
- ``languages``: list of language codes passed as ``languages=`` (null: all languages);
- ``expected``: for ``parse``, the result's ``isoformat()`` (with ``+hh:mm`` when the result
  must be timezone-aware) or null for "not a date"; for ``find``, a list of
  ``[matched text, isoformat()]`` pairs in order.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapeclean._model import Span
from scrapeclean.dates import SUPPORTED_LANGUAGES, DateMatch, find_dates, parse_date

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("cases.json")).read_text(encoding="utf-8")
)
PARSE_CASES = [case for case in CASES if case["kind"] == "parse"]
FIND_CASES = [case for case in CASES if case["kind"] == "find"]
REFERENCE = datetime(2020, 6, 15, 14, 30)


def _reference(case: dict[str, Any]) -> datetime | None:
    return datetime.fromisoformat(case["reference"]) if case["reference"] else None


def test_case_ids_are_unique() -> None:
    """Every case in cases.json has its own id."""
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", PARSE_CASES, ids=[case["id"] for case in PARSE_CASES])
def test_parse_date_case(case: dict[str, Any]) -> None:
    """parse_date gives the expected datetime (or None) for each parse case."""
    result = parse_date(case["text"], reference=_reference(case), languages=case["languages"])
    assert (result.isoformat() if result else None) == case["expected"]


@pytest.mark.parametrize("case", FIND_CASES, ids=[case["id"] for case in FIND_CASES])
def test_find_dates_case(case: dict[str, Any]) -> None:
    """find_dates reports exactly the expected matches for each find case."""
    found = find_dates(case["text"], reference=_reference(case), languages=case["languages"])
    assert [[match.text, match.value.isoformat()] for match in found] == case["expected"]


def test_match_spans_point_into_text() -> None:
    """Each DateMatch's span covers exactly its text in the input."""
    text = "Posted on 22 July 2014, updated 3 days ago."
    found = find_dates(text, reference=REFERENCE)
    assert [match.text for match in found] == ["22 July 2014", "3 days ago"]
    for match in found:
        assert match.span == Span(text.index(match.text), text.index(match.text) + len(match.text))


def test_date_match_is_frozen_and_slotted() -> None:
    """DateMatch is immutable and has no instance dict."""
    match = DateMatch(Span(0, 4), "May 2014", datetime(2014, 5, 1))
    with pytest.raises(AttributeError):
        match.text = "x"  # type: ignore[misc]
    assert not hasattr(match, "__dict__")


def test_zone_gives_aware_result() -> None:
    """A stated zone makes the result timezone-aware with that offset."""
    result = parse_date("2008-03-11T14:26:00+01:00")
    assert result is not None and result.utcoffset() is not None
    assert result.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


def test_no_zone_gives_naive_result() -> None:
    """Without a zone the result is naive."""
    result = parse_date("11 Mar, 2008 14:26")
    assert result is not None and result.tzinfo is None


def test_relative_without_reference_is_unresolved() -> None:
    """Without a reference nothing reads the clock: what needs one gives None."""
    for text in ("yesterday", "2 hours ago", "Sunday", "14:26", "11 March"):
        assert parse_date(text) is None, text
    assert parse_date("11 Mar 08") == datetime(2008, 3, 11)
    assert parse_date("11 Mar 75") == datetime(1975, 3, 11)
    assert [m.text for m in find_dates("On 3 May 2020 and 2 days ago.")] == ["3 May 2020"]


def test_reference_now_reads_the_clock() -> None:
    """``reference="now"`` resolves against the clock at the time of the call."""
    before = datetime.now()
    result = parse_date("yesterday", reference="now")
    after = datetime.now()
    assert result is not None
    assert before.date().toordinal() - 1 <= result.date().toordinal() <= after.date().toordinal()


def test_language_restriction() -> None:
    """Restricting the languages hides other languages' month names."""
    assert parse_date("26 gennaio 2014", languages=["de"]) is None
    assert parse_date("26 gennaio 2014", languages=["it"]) == datetime(2014, 1, 26)


def test_single_language_string_is_accepted() -> None:
    """A bare language code string works like a one-element list."""
    assert parse_date("3. Juni 2019", languages="de") == datetime(2019, 6, 3)


def test_unknown_language_raises_value_error() -> None:
    """An unknown language code raises ValueError naming the supported ones."""
    with pytest.raises(ValueError, match=r"supported: .*de"):
        parse_date("3 June 2019", languages=["xx"])
    with pytest.raises(ValueError, match="unsupported language"):
        find_dates("3 June 2019", languages=["klingon"])


@pytest.mark.parametrize("bad", [None, 20140603, b"3 June 2019", ["3 June 2019"]])
def test_non_str_raises_type_error(bad: object) -> None:
    """A non-str text raises TypeError saying a str is expected."""
    with pytest.raises(TypeError, match="str"):
        parse_date(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        find_dates(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "The quick brown fox jumps over the lazy dog.",
        "May I come? You may.",
        "He scored 3 goals in 2014 and 12 in 2015.",
        "Call 555-1234 or 0800 123 456.",
        "Version 2.10.3, build 20230511-x, IP 10.0.0.1",
        "march forward, they said",
        "",
    ],
)
def test_find_dates_negative(text: str) -> None:
    """Prose, bare numbers, bare years and modal 'may' give no dates."""
    assert find_dates(text, reference=REFERENCE) == []


def test_supported_languages_cover_the_required_set() -> None:
    """The required languages are all supported, English first."""
    required = {
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "ru",
        "pl",
        "sv",
        "da",
        "no",
        "fi",
        "tr",
        "ar",
    }
    assert required <= set(SUPPORTED_LANGUAGES)
    assert SUPPORTED_LANGUAGES[0] == "en"


def test_long_noise_is_handled() -> None:
    """A long string of digits, spaces and punctuation parses without error."""
    noise = "12.3/4-5 6:7, 8 9.10.11 " * 20_000
    assert find_dates(noise) == []
    assert parse_date(noise) is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_date_never_raises(text: str) -> None:
    """parse_date never raises, and surrounding whitespace does not change its answer."""
    result = parse_date(text, reference=REFERENCE)
    assert parse_date(f" {text}\n", reference=REFERENCE) == result


_DATEY = st.lists(
    st.sampled_from(
        [
            "3",
            "12",
            "2014",
            "May",
            "Juni",
            "ago",
            "hours",
            "vor",
            ".",
            "/",
            "-",
            ":",
            ",",
            " ",
            "pm",
            "UTC",
            "+01:00",
            "yesterday",
            "de",
            "marzo",
            "年",
            "月",
            "日",
            "'",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _DATEY))
def test_find_dates_spans_are_consistent(text: str) -> None:
    """find_dates never raises; spans are in bounds, ordered, disjoint and match the text."""
    found = find_dates(text, reference=REFERENCE)
    previous_end = 0
    for match in found:
        assert previous_end <= match.span.start <= match.span.end <= len(text)
        assert text[match.span.start : match.span.end] == match.text
        assert match.text and match.text == match.text.strip()
        previous_end = match.span.end


@settings(max_examples=200, deadline=None)
@given(_DATEY)
def test_parse_date_never_raises_on_date_like_text(text: str) -> None:
    """parse_date also survives strings built from date-like pieces, whitespace aside."""
    result = parse_date(text, reference=REFERENCE)
    assert parse_date(f"\t{text} ", reference=REFERENCE) == result
