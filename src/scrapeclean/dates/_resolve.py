"""Turn the fields read by the grammar into a `datetime`.

Rules (documented in ``docs/dates.md``):

- a missing year comes from `default_year` (the previous date in the same text, in
  `find_dates`) or else the reference; a missing day is the 1st; a missing time is midnight;
- a two-digit year is read in the century that puts it at most 20 years after the reference
  (without a reference: 00-68 are 2000-2068, 69-99 are 1969-1999, as POSIX does);
- without a reference, whatever needs one (a relative phrase, a weekday or time alone, a date
  without a year and no earlier year in the text) is unresolved: None. Nothing reads the clock;
- a weekday alone is the most recent such day on or before the reference date;
- a time alone is on the reference date;
- `prefer` ("past" or "future") changes only what the reference decides: a weekday is then
  the nearest such day strictly before (after) the reference date; a bare time, a date whose
  year comes from the reference and a two-digit year take the nearest reading at or before
  (at or after) the reference, compared on the wall clock;
- relative phrases count from the reference, keeping its time of day unless a time is given
  ("yesterday at 10:04");
- a stated zone makes the result aware (fixed offset); otherwise it is naive. A generic
  zone name (``ET``, ``PT``) takes the offset in force at the wall-clock time it is stated
  for (``_dst`` names the daylight-saving rule; see `_timezones`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from scrapeclean.dates._grammar import Fields
from scrapeclean.dates._timezones import fixed_zone, offset_on

__all__ = ["Prefer", "resolve"]

#: Which way a reading that the reference decides leans: None keeps the reference's own
#: day, month and year; "past" and "future" take the nearest reading before or after it.
Prefer = Literal["past", "future"] | None

_CENTURY_WINDOW = 20
#: Stands in for a missing reference once `needs_reference` said none is needed; never read
#: for anything but its identity.
_NO_REFERENCE = datetime(2000, 1, 1)


_POSIX_PIVOT = 69


def needs_reference(fields: Fields, default_year: int | None = None) -> bool:
    """Whether `fields` can only be resolved against a reference time."""
    if any(key in fields for key in ("relday", "rel_sec", "rel_mon", "now")):
        return True
    if "month" in fields:
        return "year" not in fields and "year2" not in fields and default_year is None
    return "year" not in fields


def resolve(
    fields: Fields,
    reference: datetime | None,
    default_year: int | None = None,
    prefer: Prefer = None,
    zone: tzinfo | None = None,
) -> datetime | None:
    """Return the datetime `fields` describe, or None when it does not exist (Feb 30).

    Also None when it needs a reference time and `reference` is None.  `prefer` leans the
    readings the reference decides towards the past or the future (see the module notes);
    `zone` is the time zone of a calendar result that states none (``default_tz``), attached
    before the preference compares it with the reference.
    """
    if reference is None:
        if needs_reference(fields, default_year):
            return None
        reference = _NO_REFERENCE
    try:
        if any(key in fields for key in ("relday", "rel_sec", "rel_mon", "now")):
            return _relative(fields, reference)
        if prefer is not None and reference is not _NO_REFERENCE:
            leaned = _preferred(fields, reference, default_year, prefer, zone)
            if leaned is not _UNDECIDED:
                return leaned
        day = _calendar_day(fields, reference, default_year)
        return None if day is None else _combine(day, fields, zone)
    except (ValueError, OverflowError):
        return None


#: `_preferred` found nothing for the preference to decide: resolve as without one.
_UNDECIDED = datetime(1, 1, 1)
#: Years tried, each way, for a yearless 29 February (the next leap year is at most 8 away).
_LEAP_SEARCH = 8


def _preferred(
    fields: Fields,
    reference: datetime,
    default_year: int | None,
    prefer: Prefer,
    zone: tzinfo | None,
) -> datetime | None:
    """The reading of `fields` nearest `reference` on the `prefer` side, or `_UNDECIDED`."""
    step = -1 if prefer == "past" else 1
    if "month" in fields:
        if "year" in fields or default_year is not None:
            return _UNDECIDED
        if "year2" in fields:
            centuries = (2000 + fields["year2"] + 100 * k for k in (-2, -1, 0, 1))
            return _nearest(fields, reference, step, centuries, zone)
        years = (reference.year + step * k for k in range(-1, _LEAP_SEARCH + 1))
        return _nearest(fields, reference, step, years, zone)
    if "year" in fields:
        return _UNDECIDED
    if "weekday" in fields:
        offset = (fields["weekday"] - reference.weekday()) * step % 7 or 7
        return _combine(reference.date() + timedelta(days=offset * step), fields, zone)
    if "hour" in fields:
        # Two days each way: in another zone than the reference's, the nearest such time may
        # fall on the day after the reference's date even when the past is preferred.
        days = (reference.date() + timedelta(days=k) for k in range(-2, 3))
        moments = [_combine(day, fields, zone) for day in days]
        return _closest([m for m in moments if _on_side(m, reference, step)], step)
    return _UNDECIDED


def _nearest(
    fields: Fields, reference: datetime, step: int, years: Iterator[int], zone: tzinfo | None
) -> datetime | None:
    """Of the dates `fields` names in `years`, the nearest one on the `step` side of `reference`."""
    candidates = []
    for year in years:
        try:
            moment = _combine(date(year, fields["month"], fields.get("day", 1)), fields, zone)
        except ValueError:
            continue  # 29 February outside a leap year, or a year out of range
        if _on_side(moment, reference, step):
            candidates.append(moment)
    return _closest(candidates, step)


def _closest(candidates: list[datetime], step: int) -> datetime | None:
    """The latest of `candidates` (`step` -1) or the earliest (+1); all are in one zone."""
    if not candidates:
        return None
    key = _wall_clock
    return max(candidates, key=key) if step < 0 else min(candidates, key=key)


def _wall_clock(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _on_side(moment: datetime, reference: datetime, step: int) -> bool:
    """Whether `moment` is at or before (`step` -1) or at or after (+1) `reference`.

    Two aware datetimes compare as instants; otherwise the wall clocks compare.
    """
    if moment.tzinfo is None or reference.tzinfo is None:
        moment, reference = _wall_clock(moment), _wall_clock(reference)
    return moment <= reference if step < 0 else moment >= reference


def _calendar_day(fields: Fields, reference: datetime, default_year: int | None) -> date | None:
    if "month" in fields:
        year = _year(fields, reference, default_year)
        return date(year, fields["month"], fields.get("day", 1))
    if "year" in fields:
        return date(fields["year"], 1, 1)
    if "weekday" in fields:
        back = (reference.weekday() - fields["weekday"]) % 7
        return reference.date() - timedelta(days=back)
    if "hour" in fields:
        return reference.date()
    return None


def _year(fields: Fields, reference: datetime, default_year: int | None) -> int:
    if "year" in fields:
        return fields["year"]
    if "year2" in fields:
        if reference is _NO_REFERENCE:
            short = fields["year2"]
            return 2000 + short if short < _POSIX_PIVOT else 1900 + short
        candidate = 2000 + fields["year2"]
        return candidate if candidate <= reference.year + _CENTURY_WINDOW else candidate - 100
    return default_year if default_year is not None else reference.year


def _clock(fields: Fields) -> time:
    return time(
        fields.get("hour", 0),
        fields.get("minute", 0),
        fields.get("second", 0),
        fields.get("micro", 0),
    )


def _combine(day: date, fields: Fields, zone: tzinfo | None = None) -> datetime:
    result = datetime.combine(day, _clock(fields), tzinfo=zone)
    return _in_stated_zone(result, fields)


def _in_stated_zone(moment: datetime, fields: Fields) -> datetime:
    """`moment`'s wall-clock time in the zone `fields` state (unchanged when they state none)."""
    if "tz" not in fields:
        return moment
    minutes = offset_on(fields["tz"], fields.get("_dst", 0), moment)
    return moment.replace(tzinfo=fixed_zone(minutes))


def _relative(fields: Fields, reference: datetime) -> datetime:
    result = reference + timedelta(days=fields.get("relday", 0), seconds=fields.get("rel_sec", 0))
    result = add_months(result, fields.get("rel_mon", 0))
    whole_days = fields.get("rel_sec", 0) % 86400 == 0
    if "hour" in fields and whole_days:
        result = datetime.combine(result.date(), _clock(fields), tzinfo=result.tzinfo)
        result = _in_stated_zone(result, fields)
    return result


def add_months(moment: datetime, months: int) -> datetime:
    """Return `moment` moved by `months` calendar months, clamping the day (Mar 31 - 1 = Feb 28)."""
    if not months:
        return moment
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)
