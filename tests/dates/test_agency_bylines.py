"""Bylines that name a news agency, and a byline with a labelled date on the same line.

"The Associated Press", "Jane Doe and John Roe, Associated Press", "Associated Press
November 19, 2019, 9:02 AM" and "By Jane Doe Updated Nov 13, 2019, 10:28am EST" stood in the
text before. The agencies are data (``dateline.agencies`` in ``mul.json``). The negatives were
written for this test: a sentence about an agency, a non-person before it, words after it
that are no date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from scrapeclean import cleaners
from scrapeclean._model import Document

_BODY = "\n\nThe council voted on Tuesday to close the old harbour bridge for urgent repairs."


def _read(header: str) -> tuple[object, ...]:
    proposal = cleaners.parse_dateline()(Document.from_text(header + _BODY))
    found = proposal.dateline
    removed = bool(proposal.edits)
    if found is None:
        return (None, None, None, (), removed)
    return (found.agency, found.published, found.updated, found.authors, removed)


EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(
            "The Associated Press", ("Associated Press", None, None, ()), id="agency-alone"
        ),
        pytest.param("By Reuters", ("Reuters", None, None, ()), id="by-agency"),
        pytest.param(
            "Jane Doe and John Roe, Associated Press",
            ("Associated Press", None, None, ("Jane Doe", "John Roe")),
            id="names-comma-agency",
        ),
        pytest.param(
            "Tom Davies Associated Press",
            ("Associated Press", None, None, ("Tom Davies",)),
            id="name-agency",
        ),
        pytest.param(
            "By Jane Doe | Reuters", ("Reuters", None, None, ("Jane Doe",)), id="byline-bar-agency"
        ),
        pytest.param(
            "Associated Press November 19, 2019, 9:02 AM",
            ("Associated Press", datetime(2019, 11, 19, 9, 2), None, ()),
            id="agency-date",
        ),
        pytest.param(
            "By Umair Irfan Updated Nov 13, 2019, 10:28am EST",
            (None, None, datetime(2019, 11, 13, 10, 28, tzinfo=EST), ("Umair Irfan",)),
            id="byline-label-date",
        ),
        pytest.param(
            "By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.",
            (None, datetime(2019, 11, 18, 11, 8), None, ("Matthew Digby", "Minh Do")),
            id="byline-on-date",
        ),
        pytest.param(
            "Updated Nov 19, 2019, 6:55 AM; Posted Nov 19, 2019, 6:51 AM",
            (None, datetime(2019, 11, 19, 6, 51), datetime(2019, 11, 19, 6, 55), ()),
            id="two-labelled-dates-semicolon",
        ),
    ],
)
def test_the_line_is_read_and_removed(header: str, expected: tuple[object, ...]) -> None:
    assert _read(header) == (*expected, True)


@pytest.mark.parametrize(
    "header",
    [
        "Reuters reported the deal on Monday",  # a sentence about the agency
        "Royal Appointment, Reuters",  # no person before the agency
        "Associated Press Writer",  # words after the agency that are no date
        "Apple",  # an agency's letters inside a word
        "By Jane Doe on Monday",  # a lone weekday is no date
        "By Jane Doe at the town hall",  # a connector, then no date
    ],
)
def test_other_lines_stay(header: str) -> None:
    assert _read(header) == (None, None, None, (), False)
