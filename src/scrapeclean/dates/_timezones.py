"""Time-zone names the grammar understands, as fixed UTC offsets in minutes.

Abbreviations are ambiguous in general (``IST`` is India, Ireland and Israel); the table picks
the reading most common in English-language news and treats every name as a fixed offset,
so daylight-saving names (``EDT``, ``CEST``) carry their summer offset.
"""

from __future__ import annotations

from datetime import timedelta, timezone

__all__ = ["MAX_OFFSET_MINUTES", "ZONE_OFFSETS", "fixed_zone"]

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
}


def fixed_zone(minutes: int) -> timezone:
    """Return the fixed-offset `timezone` for `minutes` east of UTC (UTC itself for 0)."""
    if minutes == 0:
        return timezone.utc
    return timezone(timedelta(minutes=minutes))
