"""Zones written after (or before) a time: generic US names by the date, and wire-service times.

`READ` lists forms real news pages print that the grammar reads; `NEAR_MISSES` the closest
strings that must keep their reading (a comma-separated number that is no time, four digits
that are a year, a fixed zone name that stays fixed).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from scrapeclean.dates import find_dates, parse_date
from scrapeclean.dates._timezones import US_RULE, ZONE_OFFSETS, offset_on, us_daylight

REFERENCE = datetime(2019, 11, 20)


def _zone(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


UTC, EST, EDT, CST, CDT, MDT, PST, PDT = (
    timezone.utc,
    _zone(-5),
    _zone(-4),
    _zone(-6),
    _zone(-5),
    _zone(-6),
    _zone(-8),
    _zone(-7),
)

READ = [
    # A generic zone name after a time: the offset in force on that date.
    ("November 18, 2019, 04:05 pm PT", None, datetime(2019, 11, 18, 16, 5, tzinfo=PST)),
    ("June 3, 2019, 10:00 am ET", None, datetime(2019, 6, 3, 10, 0, tzinfo=EDT)),
    ("Monday, November 18, 2019, 07:05 pm ET", None, datetime(2019, 11, 18, 19, 5, tzinfo=EST)),
    ("June 3, 2019 10:00 PT", None, datetime(2019, 6, 3, 10, 0, tzinfo=PDT)),
    ("June 3, 2019 10:00 MT", None, datetime(2019, 6, 3, 10, 0, tzinfo=MDT)),
    ("Nov 18, 2019 - 4:05 PM CT", None, datetime(2019, 11, 18, 16, 5, tzinfo=CST)),
    ("July 4, 2019 | 4:05 PM CT", None, datetime(2019, 7, 4, 16, 5, tzinfo=CDT)),
    ("November 18, 2019 @ 4:05 PM PT", None, datetime(2019, 11, 18, 16, 5, tzinfo=PST)),
    # The time and its zone before the date.
    ("Updated 8:22 p.m. CT Nov. 18, 2019", None, datetime(2019, 11, 18, 20, 22, tzinfo=CST)),
    ("4:05 PM ET, Nov 18, 2019", None, datetime(2019, 11, 18, 16, 5, tzinfo=EST)),
    ("4:05 PM ET | June 18, 2019", None, datetime(2019, 6, 18, 16, 5, tzinfo=EDT)),
    # Wire-service times: four digits right before a zone.
    ("18 Nov 2019 1909 GMT", None, datetime(2019, 11, 18, 19, 9, tzinfo=UTC)),
    ("1909 GMT 18 Nov 2019", None, datetime(2019, 11, 18, 19, 9, tzinfo=UTC)),
    ("18 Nov 2019 1909Z", None, datetime(2019, 11, 18, 19, 9, tzinfo=UTC)),
    ("0830 ET Nov 18, 2019", None, datetime(2019, 11, 18, 8, 30, tzinfo=EST)),
    ("Nov 18, 2019 at 0830 ET", None, datetime(2019, 11, 18, 8, 30, tzinfo=EST)),
    ("June 3, 2019, 0000 GMT", None, datetime(2019, 6, 3, 0, 0, tzinfo=UTC)),
    # Other languages' dates with a US zone ("ET" is also French "and", "PT" a Polish weekday).
    ("18 juin 2019 à 16h05 ET", "fr", datetime(2019, 6, 18, 16, 5, tzinfo=EDT)),
    ("18. Juni 2019, 16:05 Uhr ET", "de", datetime(2019, 6, 18, 16, 5, tzinfo=EDT)),
    ("18 czerwca 2019, 16:05 PT", "pl", datetime(2019, 6, 18, 16, 5, tzinfo=PDT)),
    ("18 de junio de 2019, 16:05 PT", None, datetime(2019, 6, 18, 16, 5, tzinfo=PDT)),
    # Fixed zones whose abbreviation is also a word of some language ("cet", "ut": weekdays).
    ("Nov 18, 2019 10:00 CET", None, datetime(2019, 11, 18, 10, 0, tzinfo=_zone(1))),
    ("18. November 2019 10:00 CET", None, datetime(2019, 11, 18, 10, 0, tzinfo=_zone(1))),
    ("Tue Jan 28 15:28:56 CET 2020", None, datetime(2020, 1, 28, 15, 28, 56, tzinfo=_zone(1))),
    # Times without a date are in the zone's offset on the reference's day, or the phrase's.
    ("10:00 am ET", None, datetime(2019, 11, 20, 10, 0, tzinfo=EST)),
    ("yesterday at 10:00 PT", None, datetime(2019, 11, 19, 10, 0, tzinfo=PST)),
]


@pytest.mark.parametrize(("text", "languages", "expected"), READ, ids=[c[0] for c in READ])
def test_zoned_form_is_read(text: str, languages: str | None, expected: datetime) -> None:
    """Each form gives its date, time and the offset in force then (compared field by field)."""
    value = parse_date(text, reference=REFERENCE, languages=languages)
    assert value is not None
    assert (value.replace(tzinfo=None), value.utcoffset()) == (
        expected.replace(tzinfo=None),
        expected.utcoffset(),
    )


FOUND = [
    (
        "The vote closed on November 18, 2019, 04:05 pm PT, officials said.",
        "November 18, 2019, 04:05 pm PT",
        datetime(2019, 11, 18, 16, 5, tzinfo=PST),
    ),
    (
        "Updated 8:22 p.m. CT Nov. 18, 2019",
        "8:22 p.m. CT Nov. 18, 2019",
        datetime(2019, 11, 18, 20, 22, tzinfo=CST),
    ),
    (
        "LONDON, 18 Nov 2019 1909 GMT - Shares fell.",
        "18 Nov 2019 1909 GMT",
        datetime(2019, 11, 18, 19, 9, tzinfo=UTC),
    ),
    (
        "Filed 1909 GMT 18 Nov 2019 by our desk.",
        "1909 GMT 18 Nov 2019",
        datetime(2019, 11, 18, 19, 9, tzinfo=UTC),
    ),
    # A zone alone in brackets after the time.
    (
        "Posted June 18, 2019, 10:30 a.m. (ET) by staff.",
        "June 18, 2019, 10:30 a.m. (ET)",
        datetime(2019, 6, 18, 10, 30, tzinfo=EDT),
    ),
    (
        "Released 18 June 2019 19:09 (GMT+2), then withdrawn.",
        "18 June 2019 19:09 (GMT+2)",
        datetime(2019, 6, 18, 19, 9, tzinfo=_zone(2)),
    ),
    (
        "Publié le 18 juin 2019 à 16h05 ET, mis à jour.",
        "18 juin 2019 à 16h05 ET",
        datetime(2019, 6, 18, 16, 5, tzinfo=EDT),
    ),
]


@pytest.mark.parametrize(("text", "found", "expected"), FOUND, ids=[c[1] for c in FOUND])
def test_zoned_form_is_found_in_text(text: str, found: str, expected: datetime) -> None:
    """In running text the whole form is one match, its zone included, with its offset."""
    (match,) = find_dates(text)
    assert (match.text, match.value, match.value.utcoffset()) == (
        found,
        expected,
        expected.utcoffset(),
    )


NEAR_MISSES = [
    # A number after a comma-separated date is no time without a clock or a zone.
    ("November 18, 2019, 400 people", None),
    ("November 18, 2019, 1909", None),
    # Four digits without a zone are a year, never a time.
    ("18 Nov 2019 1909", None),
    ("1909", None),
    ("Nov 18, 2019 at 1909", None),
    # A year list joined by French "ET" stays years; a date's year stays its year.
    ("2019 ET 2020", None),
    ("Nov 18 1909 GMT", None),
    # Not a valid HHMM: the digits are no time.
    ("18 Nov 2019 2460 GMT", None),
    ("18 Nov 2019 1975 GMT", None),
    # A zone with no time is no zone.
    ("Nov 18, 2019 ET", None),
    # Fixed zone names keep their offset whatever the season.
    ("June 3, 2019 10:00 EST", datetime(2019, 6, 3, 10, 0, tzinfo=EST)),
    ("November 18, 2019 10:00 PDT", datetime(2019, 11, 18, 10, 0, tzinfo=PDT)),
    # A lower-case "et" is French "and", never a zone.
    ("3 juin 2019 10:00 et", None),
]


@pytest.mark.parametrize(("text", "expected"), NEAR_MISSES, ids=[c[0] for c in NEAR_MISSES])
def test_near_miss_keeps_its_reading(text: str, expected: datetime | None) -> None:
    """The closest strings to the new forms are read as before."""
    value = parse_date(text, reference=REFERENCE)
    assert value == expected
    if expected is not None:
        assert value is not None and value.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On November 18, 2019, 400 people marched.", "November 18, 2019"),
        ("Filed 18 Nov 2019 1909 and later.", "18 Nov 2019"),
        ("DU 18 NOV 2019 ET 2020", "18 NOV 2019"),
        ("Signed on 3 juin 2019 et 2020", "3 juin 2019"),
        # A bracketed zone needs a time; an agency in brackets is no zone.
        ("Signed June 18, 2019 (ET) in Washington.", "June 18, 2019"),
        ("LONDON, June 18, 2019 10:00 GMT (Reuters) - Shares", "June 18, 2019 10:00 GMT"),
    ],
)
def test_what_is_no_time_stays_out_of_the_match(text: str, found: str) -> None:
    """What follows a date in running text and is no time (or no zone) stays out of the match."""
    matches = find_dates(text)
    assert [m.text for m in matches] == [found]


def test_generic_zone_follows_the_season() -> None:
    """ "ET" is -04:00 in summer and -05:00 in winter; "EST"/"EDT" stay as named."""
    summer = parse_date("July 1, 2019 12:00 ET")
    winter = parse_date("January 1, 2019 12:00 ET")
    assert summer is not None and winter is not None
    assert summer.utcoffset() == timedelta(hours=-4)
    assert winter.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("wall", "daylight"),
    [
        # Since 2007: second Sunday of March (10 March 2019) to first Sunday of November (3 Nov).
        (datetime(2019, 3, 10, 1, 59), False),
        (datetime(2019, 3, 10, 2, 30), False),  # skipped by the change: read before it
        (datetime(2019, 3, 10, 3, 0), True),
        (datetime(2019, 11, 3, 1, 30), True),  # repeated by the change: the first reading
        (datetime(2019, 11, 3, 2, 0), False),
        # 1987-2006: first Sunday of April to last Sunday of October.
        (datetime(2006, 3, 15, 12), False),
        (datetime(2006, 4, 2, 3), True),
        (datetime(2006, 10, 29, 1, 59), True),
        (datetime(2006, 10, 29, 2, 0), False),
        # 1967-1986: last Sunday of April; and the 1974 energy-crisis start in January.
        (datetime(1980, 4, 27, 3), True),
        (datetime(1980, 4, 20, 12), False),
        (datetime(1974, 2, 1, 12), True),
        # No federal rule before 1967.
        (datetime(1950, 7, 1, 12), False),
    ],
    ids=str,
)
def test_us_daylight_rule(wall: datetime, daylight: bool) -> None:
    """The US rule of each era, with the change at 02:00 local time."""
    assert us_daylight(wall) is daylight


def test_us_rule_agrees_with_the_tz_database() -> None:
    """Where the platform has the tz database, the rule gives its offsets (1967-2037).

    The rule itself needs no database: this only checks it against one.
    """
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        new_york = zoneinfo.ZoneInfo("America/New_York")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no tz database on this platform")
    standard = ZONE_OFFSETS["et"]
    wrong = []
    for year in range(1967, 2038):
        day = datetime(year, 1, 1)
        while day.year == year:
            for hour in (1, 2, 3, 12):
                wall = day.replace(hour=hour, minute=30)
                expected = wall.replace(tzinfo=new_york).utcoffset()
                if timedelta(minutes=offset_on(standard, US_RULE, wall)) != expected:
                    wrong.append(wall)
            day += timedelta(days=1)
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Posted November 18, 2019, 04:05 pm ET.", "en"),
        ("Publié le 18 juin 2019 à 16h05 ET.", "fr"),
        ("Seen on 18 November 2019 10:00 UT.", "en"),
    ],
)
def test_zone_name_is_in_no_language(text: str, language: str) -> None:
    """A match's language is its date's: the zone's name ("ET", French "and") does not count."""
    (match,) = find_dates(text)
    assert match.language == language
