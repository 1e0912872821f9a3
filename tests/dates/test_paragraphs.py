"""`find_dates` reads paragraph by paragraph: a date never runs across a blank line.

Also: skipping paragraphs that hold no digit and no date word (the cheap check run before the
grammar) changes no result, on the dev article bodies in every language and on texts written
for this test.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrapeclean.dates as dates
from scrapeclean.dates import find_dates

REFERENCE = datetime(2020, 6, 15, 14, 30)
BODIES = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction" / "zyte-dev.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The shop reopened in March\n\n2020 was a hard year for it.", id="month-year"),
        pytest.param("Scores: 3\n\nMarch 2020 brought the first closures.", id="day-month"),
        pytest.param("We met on Monday,\n  \n14:30 is when the talks began.", id="weekday-time"),
        pytest.param("The list ended at 12\r\n\r\n05 2019 was the next entry.", id="crlf-numbers"),
    ],
)
def test_a_date_does_not_cross_a_blank_line(text: str) -> None:
    """No match spans a paragraph break (a blank line, spaces or CRLF allowed in it)."""
    found = find_dates(text, reference=REFERENCE, languages="en")
    assert all("\n\n" not in match.text.replace("\r", "").replace(" ", "") for match in found)


def test_dates_on_both_sides_of_a_blank_line_are_found_with_their_offsets() -> None:
    """Each paragraph's dates keep their offsets in the whole text."""
    text = "Signed on 3 March 2020.\n\nRatified on 5 May 2021, in Oslo."
    found = find_dates(text, languages="en")
    assert [(text[m.span.start : m.span.end], m.value) for m in found] == [
        ("3 March 2020", datetime(2020, 3, 3)),
        ("5 May 2021", datetime(2021, 5, 5)),
    ]


def test_year_of_an_earlier_paragraph_still_carries() -> None:
    """A yearless date takes the year of a date in an earlier paragraph, as in one paragraph."""
    text = "19 March 2001 was a good day.\n\nThe 20 March was good too."
    assert [m.value for m in find_dates(text, languages="en")] == [
        datetime(2001, 3, 19),
        datetime(2001, 3, 20),
    ]


def _texts() -> list[str]:
    written = [
        "This morning the council met.\n\nNothing else happened.\n\nLast night it rained.",
        "星期一 we met.\n\nNo dates here at all, the end.\n\nhôm nay trời đẹp",
        "i går var det kallt.\n\nplain words only\n\nA l'instant, rien.",
    ]
    if not BODIES.exists():
        return written
    with BODIES.open(encoding="utf-8") as handle:
        return written + [json.loads(line)["expected_text"] for line in handle]


@pytest.mark.parametrize("languages", [["en"], None], ids=["en", "all"])
def test_skipping_paragraphs_without_a_date_word_changes_nothing(
    languages: list[str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pre-check only skips paragraphs the grammar would find nothing in."""
    texts = _texts()
    quick = [find_dates(text, reference=REFERENCE, languages=languages) for text in texts]
    skipped = sum(
        not dates._may_hold_date(p, dates.build_lexicon(dates._language_codes(languages)))
        for text in texts
        for _, p in dates._paragraphs(text)
    )
    monkeypatch.setattr(dates, "_may_hold_date", lambda paragraph, lexicon: True)
    full = [find_dates(text, reference=REFERENCE, languages=languages) for text in texts]
    assert quick == full
    assert skipped > 0


_PIECES = [
    "the",
    "a",
    "this",
    "last",
    "morning",
    "night",
    "i",
    "går",
    "ce",
    "soir",
    "à",
    "l'instant",
    "hôm",
    "nay",
    "thứ",
    "hai",
    "星",
    "期",
    "一",
    "March",
    "Mar.",
    "mardi",
    "Montag",
    "vor",
    "Tagen",
    "ago",
    "days",
    "week",
    "yesterday",
    "today",
    "now",
    "noon",
    "at",
    "on",
    "of",
    "3",
    "2020",
    "14:30",
    ",",
    ".",
    "-",
    "/",
    "USA",
    "Today",
    "in",
    "minutes",
    "\n\n",
    "\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@settings(max_examples=200, deadline=None)
def test_skipping_changes_nothing_on_generated_text(pieces: list[str]) -> None:
    """Property: on text built from date words, fillers and numbers, skipping changes nothing."""
    text = " ".join(pieces)
    quick = find_dates(text, reference=REFERENCE)
    original = dates._may_hold_date
    try:
        dates._may_hold_date = lambda paragraph, lexicon: True  # type: ignore[assignment]
        full = find_dates(text, reference=REFERENCE)
    finally:
        dates._may_hold_date = original
    assert quick == full
