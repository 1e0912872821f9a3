"""Time-zone names the grammar understands, as fixed UTC offsets in minutes.

Abbreviations are ambiguous in general.  The rule: an abbreviation is read as the zone it
names most often in English-language news, and every name is a fixed offset, so daylight-saving
names (``EDT``, ``CEST``) carry their summer offset.  The ambiguous ones and their reading:

- ``IST``: India (+05:30), not Ireland (+01:00) or Israel (+02:00);
- ``CST``/``CDT``: US Central (-06:00/-05:00), not China (+08:00) or Cuba;
- ``BST``: British Summer Time (+01:00), not Bangladesh (+06:00);
- ``AST``/``ADT``: Atlantic (-04:00/-03:00), not Arabia (+03:00);
- ``GST``: Gulf (+04:00), not South Georgia;
- ``ET``/``CT``/``MT``/``PT``: US Eastern/Central/Mountain/Pacific, *generic* names: the
  offset in force on the date, by the US daylight-saving rule (`us_daylight`), so ``PT`` is
  -08:00 in November and -07:00 in June.

A text in another region should state the offset (``+08:00``, ``GMT+8``), which is always
read as written; an abbreviation is read only in capitals and right after a time.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, timezone

__all__ = [
    "GENERIC_ZONES",
    "MAX_OFFSET_MINUTES",
    "US_RULE",
    "ZONE_OFFSETS",
    "fixed_zone",
    "offset_on",
    "us_daylight",
]

#: The largest offset accepted in a numeric ``±hh:mm`` zone (UTC+14:00 is the real maximum).
MAX_OFFSET_MINUTES = 14 * 60

#: Lower-case zone abbreviation -> offset from UTC in minutes.
ZONE_OFFSETS: dict[str, int] = {
    "z": 0,
    "utc": 0,
    "gmt": 0,
    "ut": 0,
    "wet": 0,
    "west": 60,
    "bst": 60,
    "ist": 330,
    "cet": 60,
    "cest": 120,
    "met": 60,
    "mest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "et": -300,
    "ct": -360,
    "mt": -420,
    "pt": -480,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "akdt": -480,
    "hst": -600,
    "ast": -240,
    "adt": -180,
    "nst": -210,
    "ndt": -150,
    "jst": 540,
    "kst": 540,
    "hkt": 480,
    "sgt": 480,
    "awst": 480,
    "acst": 570,
    "acdt": 630,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "pkt": 300,
    "wib": 420,
    "wita": 480,
    "wit": 540,
    "mez": 60,
    "mesz": 120,
    "sast": 120,
    "cat": 120,
    "eat": 180,
    "wat": 60,
    "idt": 180,
    "gst": 240,
    "npt": 345,
    "ict": 420,
    "pht": 480,
    "myt": 480,
    "brt": -180,
    "art": -180,
}


#: The daylight-saving rule a generic zone name follows (the value of the ``_dst`` field).
US_RULE = 1

#: Lower-case generic zone name -> its rule; `ZONE_OFFSETS` gives its standard offset.
GENERIC_ZONES: dict[str, int] = {"et": US_RULE, "ct": US_RULE, "mt": US_RULE, "pt": US_RULE}

#: Daylight saving time adds this many minutes to the standard offset.
_DAYLIGHT_MINUTES = 60
_SUNDAY = 6
#: The first year of each US rule: daylight time from (month, nth Sunday) to (month, nth
#: Sunday); -1 is the last Sunday of the month.
_US_ERAS: tuple[tuple[int, tuple[int, int], tuple[int, int]], ...] = (
    (2007, (3, 2), (11, 1)),  # Energy Policy Act of 2005
    (1987, (4, 1), (10, -1)),
    (1967, (4, -1), (10, -1)),  # Uniform Time Act of 1966
)
#: Years whose daylight time began early (the 1974-75 energy crisis).
_US_EARLY_STARTS = {1974: date(1974, 1, 6), 1975: date(1975, 2, 23)}
#: Clocks change at 02:00 local time: forward to 03:00 in spring, back to 01:00 in autumn.
_SPRING_END = time(3)
_AUTUMN_CHANGE = time(2)


def _sunday(year: int, month: int, nth: int) -> date:
    """The `nth` Sunday of `month` (-1: the last one)."""
    days = calendar.monthrange(year, month)[1]
    if nth < 0:
        last = date(year, month, days)
        return last - timedelta(days=(last.weekday() - _SUNDAY) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(_SUNDAY - first.weekday()) % 7 + 7 * (nth - 1))


def us_daylight(wall: datetime) -> bool:
    """Whether US daylight saving time is in force at the local wall-clock time `wall`.

    The federal rule of each year since 1967 (none before). A time the spring change skips
    (02:00-03:00) is read in standard time and one the autumn change repeats (01:00-02:00) in
    daylight time: the offset before the change, as `zoneinfo` reads them by default.
    """
    period = _us_period(wall.year)
    if period is None:
        return False
    start, end = period
    naive = wall.replace(tzinfo=None)
    return datetime.combine(start, _SPRING_END) <= naive < datetime.combine(end, _AUTUMN_CHANGE)


def _us_period(year: int) -> tuple[date, date] | None:
    """The first and last day of US daylight time in `year` (None before 1967)."""
    era = next((era for era in _US_ERAS if year >= era[0]), None)
    if era is None:
        return None
    _, (start_month, start_nth), (end_month, end_nth) = era
    start = _US_EARLY_STARTS.get(year) or _sunday(year, start_month, start_nth)
    return start, _sunday(year, end_month, end_nth)


def offset_on(minutes: int, rule: int, wall: datetime) -> int:
    """The offset in minutes of a zone whose standard offset is `minutes`, at time `wall`.

    `rule` is 0 for a fixed offset, or the daylight rule of a generic name (`US_RULE`).
    """
    if rule == US_RULE and us_daylight(wall):
        return minutes + _DAYLIGHT_MINUTES
    return minutes


def fixed_zone(minutes: int) -> timezone:
    """Return the fixed-offset `timezone` for `minutes` east of UTC (UTC itself for 0)."""
    if minutes == 0:
        return timezone.utc
    return timezone(timedelta(minutes=minutes))
