"""A dot that closes a date, then its time: Hungarian, Croatian and Serbian dates in text.

``2019. november 18. 16:05`` and ``18. studenoga 2019. u 16:05`` close the date with a dot;
the time after it belongs to the date.  A full stop that ends a sentence with a date must not
lose the date ("... 18 November 2019. 16 people came") nor take the next sentence's words.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from scrapeclean.dates import find_dates, parse_date

FOUND = [
    (
        "Frissítve: 2019. november 18. 16:05 ",
        "2019. november 18. 16:05",
        datetime(2019, 11, 18, 16, 5),
    ),
    (
        "Hétfő, 2019. november 18., 16:05",
        "Hétfő, 2019. november 18., 16:05",
        datetime(2019, 11, 18, 16, 5),
    ),
    ("Megjelent 2019.11.18. 16:05 órakor", "2019.11.18. 16:05", datetime(2019, 11, 18, 16, 5)),
    (
        "Objavljeno 18. studenoga 2019. u 16:05",
        "18. studenoga 2019. u 16:05",
        datetime(2019, 11, 18, 16, 5),
    ),
    ("Posted Nov 18, 2019. 4:05 PM", "Nov 18, 2019. 4:05 PM", datetime(2019, 11, 18, 16, 5)),
]


@pytest.mark.parametrize(("text", "found", "expected"), FOUND, ids=[c[1] for c in FOUND])
def test_time_after_a_closing_dot_is_the_dates(text: str, found: str, expected: datetime) -> None:
    """In running text the date, its closing dot and the time after it are one match."""
    assert [(m.text, m.value) for m in find_dates(text)] == [(found, expected)]


def test_year_then_full_stop_then_time_in_a_whole_string() -> None:
    """`parse_date` reads a year closed by a dot before the time ("Nov 18, 2019. 4:05 PM")."""
    assert parse_date("Nov 18, 2019. 4:05 PM") == datetime(2019, 11, 18, 16, 5)


NEAR_MISSES = [
    # A sentence that ends with a date keeps the date, not the next sentence's number.
    ("It passed on 18 November 2019. 16 people came.", "18 November 2019"),
    ("Sales rose in November 2019. 11 stores opened.", "November 2019"),
    # A capital after the full stop opens a new sentence: its time is not the date's.
    ("It passed on 18 November 2019. The 16:05 train was late.", "18 November 2019"),
    # Numeric dates written with spaced dots stay numeric dates.
    ("Am 5 .7 .2018 geschah es.", "5 .7 .2018"),
    ("Datum: 2014. 03. 15. Vége.", "2014. 03. 15"),
]


@pytest.mark.parametrize(("text", "found"), NEAR_MISSES, ids=[c[0] for c in NEAR_MISSES])
def test_full_stop_after_a_date(text: str, found: str) -> None:
    """What follows a sentence-final date is not read into it, and the date is kept."""
    assert [m.text for m in find_dates(text)] == [found]
