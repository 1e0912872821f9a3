"""Time-zone names the grammar understands, as fixed UTC offsets in minutes.

Abbreviations are ambiguous in general.  The rule: an abbreviation is read as the zone it
names most often in English-language news, and every name is a fixed offset, so daylight-saving
names (``EDT``, ``CEST``) carry their summer offset.  The ambiguous ones and their reading:

- ``IST``: India (+05:30), not Ireland (+01:00) or Israel (+02:00);
- ``CST``/``CDT``: US Central (-06:00/-05:00), not China (+08:00) or Cuba;
- ``BST``: British Summer Time (+01:00), not Bangladesh (+06:00);
- ``AST``/``ADT``: Atlantic (-04:00/-03:00), not Arabia (+03:00);
- ``GST``: Gulf (+04:00), not South Georgia;
- ``ET``/``CT``/``PT``: US Eastern/Central/Pacific at their standard offsets.

A text in another region should state the offset (``+08:00``, ``GMT+8``), which is always
read as written; an abbreviation is read only in capitals and right after a time.
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


def fixed_zone(minutes: int) -> timezone:
    """Return the fixed-offset `timezone` for `minutes` east of UTC (UTC itself for 0)."""
    if minutes == 0:
        return timezone.utc
    return timezone(timedelta(minutes=minutes))
