"""A header line with the date first and the byline after it ("15 October 2019 by Jane Doe").

Before, only the byline-first order ("By Jane Doe | 15 October 2019") was read; the other
order left both the date and the authors in the text. The negatives were written for this
test: the words before "by" are no date, or the words after it are no person.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from scrapeclean import cleaners
from scrapeclean._model import Document

_BODY = "\n\nThe council voted on Tuesday to close the old harbour bridge for urgent repairs."


def _read(header: str) -> tuple[object, ...]:
    proposal = cleaners.parse_dateline()(Document.from_text(header + _BODY))
    found = proposal.dateline
    removed = [edit.span for edit in proposal.edits]
    if found is None:
        return (None, (), bool(removed))
    return (found.published, found.authors, bool(removed))


@pytest.mark.parametrize(
    ("header", "published", "authors"),
    [
        pytest.param(
            "Tuesday 15 October 2019 by Bradley M. Kuhn",
            datetime(2019, 10, 15),
            ("Bradley M. Kuhn",),
            id="weekday-date",
        ),
        pytest.param(
            "March 3, 2021 by Jane Doe and John Roe",
            datetime(2021, 3, 3),
            ("Jane Doe", "John Roe"),
            id="two-authors",
        ),
        pytest.param(
            "12.05.2020 14:30 von Max Mustermann",
            datetime(2020, 5, 12, 14, 30),
            ("Max Mustermann",),
            id="german",
        ),
        pytest.param(
            "3 mars 2021 par Jean Dupont", datetime(2021, 3, 3), ("Jean Dupont",), id="french"
        ),
    ],
)
def test_date_then_byline(header: str, published: datetime, authors: tuple[str, ...]) -> None:
    """The date and the authors are recorded, and the line is removed."""
    assert _read(header) == (published, authors, True)


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("Written in 1920 by the Harbour Committee", id="no-date-before"),
        pytest.param("Paris by Night: A Guide to the City", id="headline"),
        pytest.param("2020 by the numbers", id="lower-case-after"),
        pytest.param("5 June 2020 by Royal Appointment", id="no-person-after"),
        pytest.param("Stand by Me: The Story of a Song", id="song-title"),
    ],
)
def test_line_with_by_that_is_no_date_and_byline(header: str) -> None:
    """Nothing is read and nothing removed when either side is not what it must be."""
    assert _read(header) == (None, (), False)


@pytest.mark.parametrize("header", ["1/12", "12/25", "3/4"])
def test_slashed_day_and_month_alone_is_no_dateline(header: str) -> None:
    """Two slashed numbers opening a body (a gallery counter) are no date line, even with a
    reference that would give them a year."""
    doc = Document.from_text(header + _BODY, reference=datetime(2021, 1, 1))
    proposal = cleaners.parse_dateline()(doc)
    assert proposal.dateline is None
    assert proposal.edits == ()


def test_labelled_slashed_day_and_month_is_a_dateline() -> None:
    """After a label the same form is the line's date, the year from the reference."""
    doc = Document.from_text("Updated: 12/25" + _BODY, reference=datetime(2021, 12, 31))
    found = cleaners.parse_dateline()(doc).dateline
    assert found is not None and found.updated == datetime(2021, 12, 25)
