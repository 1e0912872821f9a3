"""`prefer="past"` / `"future"`: what the reference decides leans one way.

A reference on Sunday 2015-02-15 15:30.  Without `prefer` a weekday is the most recent such
day on or before the reference date, a time is on the reference date and a yearless date is
in the reference's year; with it, each is the nearest reading on the chosen side.  Readings
the text decides (a written year, a relative phrase) never move.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from scrapeclean.dates import find_dates, parse_date

SUNDAY = datetime(2015, 2, 15, 15, 30)

CASES = [
    # text, no preference, past, future
    ("Sunday", "2015-02-15", "2015-02-08", "2015-02-22"),
    ("Monday", "2015-02-09", "2015-02-09", "2015-02-16"),
    ("Friday", "2015-02-13", "2015-02-13", "2015-02-20"),
    ("Monday 7:15 AM", "2015-02-09 07:15", "2015-02-09 07:15", "2015-02-16 07:15"),
    ("10:00PM", "2015-02-15 22:00", "2015-02-14 22:00", "2015-02-15 22:00"),
    ("16:10", "2015-02-15 16:10", "2015-02-14 16:10", "2015-02-15 16:10"),
    ("14:05", "2015-02-15 14:05", "2015-02-15 14:05", "2015-02-16 14:05"),
    ("10 December", "2015-12-10", "2014-12-10", "2015-12-10"),
    ("3 January", "2015-01-03", "2015-01-03", "2016-01-03"),
    ("15 february 15:00", "2015-02-15 15:00", "2015-02-15 15:00", "2016-02-15 15:00"),
    ("3/3/50", "1950-03-03", "1950-03-03", "2050-03-03"),
    ("3/3/94", "1994-03-03", "1994-03-03", "2094-03-03"),
    ("3/3/15", "2015-03-03", "1915-03-03", "2015-03-03"),
]


@pytest.mark.parametrize(("text", "plain", "past", "future"), CASES, ids=[c[0] for c in CASES])
def test_prefer_leans_the_reading_the_reference_decides(
    text: str, plain: str, past: str, future: str
) -> None:
    """Each preference gives the nearest reading on its side; None keeps the reference's."""
    got = {
        prefer: parse_date(text, reference=SUNDAY, prefer=prefer)
        for prefer in (None, "past", "future")
    }
    assert got == {
        None: datetime.fromisoformat(plain),
        "past": datetime.fromisoformat(past),
        "future": datetime.fromisoformat(future),
    }


@pytest.mark.parametrize(
    "text",
    ["24 April 2012", "March 2015", "2 days ago", "yesterday", "in 2 weeks", "2015-02-20 10:00"],
)
def test_prefer_leaves_what_the_text_decides(text: str) -> None:
    """A written year or a relative phrase reads the same whatever the preference."""
    plain = parse_date(text, reference=SUNDAY)
    assert plain is not None
    assert parse_date(text, reference=SUNDAY, prefer="past") == plain
    assert parse_date(text, reference=SUNDAY, prefer="future") == plain


def test_prefer_finds_the_nearest_leap_day() -> None:
    """A yearless 29 February is in the nearest leap year on the chosen side."""
    new_year = datetime(2020, 1, 1)
    assert parse_date("29 Feb", reference=new_year, prefer="past") == datetime(2016, 2, 29)
    assert parse_date("29 Feb", reference=new_year, prefer="future") == datetime(2020, 2, 29)
    assert parse_date("29 Feb", reference=datetime(2019, 6, 1)) is None


def test_prefer_compares_aware_times_as_instants() -> None:
    """With an aware reference, a time stated in another zone compares as an instant."""
    reference = datetime(2021, 10, 19, 18, 0, tzinfo=timezone.utc)
    edt = timezone(timedelta(hours=-4))
    # 4pm EDT is 20:00 UTC, after the reference: the same day when the future is preferred.
    found = parse_date("4pm EDT", reference=reference, prefer="future")
    assert found == datetime(2021, 10, 19, 16, 0, tzinfo=edt)
    # 11am EDT is 15:00 UTC, before it: the next day.
    later = parse_date("11am EDT", reference=reference, prefer="future")
    assert later == datetime(2021, 10, 20, 11, 0, tzinfo=edt)


def test_prefer_needs_a_reference() -> None:
    """Without a reference a yearless date or a weekday is still unresolved."""
    assert parse_date("Sunday", prefer="past") is None
    assert parse_date("10 December", prefer="future") is None
    assert parse_date("3/3/50", prefer="future") == datetime(2050, 3, 3)  # POSIX pivot


def test_prefer_in_running_text() -> None:
    """find_dates leans a yearless date only when its year would come from the reference."""
    text = "The fair opens on 10 December."
    (match,) = find_dates(text, reference=SUNDAY, prefer="past")
    assert match.value == datetime(2014, 12, 10)
    assert match.year_inferred
    dated = "It closed on 3 March 2013 and reopened on 10 December."
    values = [m.value for m in find_dates(dated, reference=SUNDAY, prefer="past")]
    assert values == [datetime(2013, 3, 3), datetime(2013, 12, 10)]


def test_prefer_rejects_other_values() -> None:
    """An unknown preference is a ValueError, in both functions."""
    with pytest.raises(ValueError, match="prefer"):
        parse_date("Sunday", reference=SUNDAY, prefer="later")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="prefer"):
        find_dates("Sunday", reference=SUNDAY, prefer="soon")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "hours", "prefer", "utc"),
    [
        ("4pm", -4, "future", datetime(2021, 10, 19, 20, 0)),
        ("10pm", -4, "future", datetime(2021, 10, 20, 2, 0)),
        ("8am", 11, "past", datetime(2021, 10, 18, 21, 0)),
        ("11pm", 11, "past", datetime(2021, 10, 19, 12, 0)),
        # 1am in +11 on the reference's next date is 14:00 UTC, before the reference.
        ("1am", 11, "past", datetime(2021, 10, 19, 14, 0)),
    ],
)
def test_prefer_with_default_tz_compares_in_that_zone(
    text: str, hours: int, prefer: str, utc: datetime
) -> None:
    """A bare time in `default_tz` is the nearest such instant on the preferred side."""
    reference = datetime(2021, 10, 19, 18, 0, tzinfo=timezone.utc)
    zone = timezone(timedelta(hours=hours))
    found = parse_date(text, reference=reference, default_tz=zone, prefer=prefer)  # type: ignore[arg-type]
    assert found is not None and found.tzinfo == zone
    assert found.astimezone(timezone.utc).replace(tzinfo=None) == utc
