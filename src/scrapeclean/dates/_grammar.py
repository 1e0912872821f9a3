"""The date grammar: classified tokens in, date *fields* out.

A date expression is a run of *components* (a calendar date, a time of day, a time zone, a
weekday, a year, a relative phrase) joined by connectors (commas, dashes, filler words such as
"at", "um", "à").  `Parser.parse_at` reads components greedily from one token, merging their
fields as long as they do not contradict each other, so the order of the components is free
("8:25 a.m. Dec. 12, 2014", "Wed Aug 05 12:00:00 2015").  Every component looks at a bounded
number of tokens, so parsing is linear in the length of the text.

Fields are plain ``str -> int`` maps; keys starting with ``_`` are flags.  Turning fields into
a `datetime` is `_resolve`'s job.
"""

from __future__ import annotations

from collections.abc import Callable

from scrapeclean.dates._lexicon import (
    AGO_AFTER,
    AGO_BEFORE,
    AM,
    APPROX,
    CJK,
    CONJ,
    DAY_AFTER,
    DAY_BEFORE,
    FILLER,
    IN_AFTER,
    IN_BEFORE,
    MIDNIGHT,
    MONTH,
    MONTH_AFTER,
    MONTH_BEFORE,
    NOON,
    NOW,
    NUM,
    NUMBER,
    OCLOCK,
    PM,
    PUNCT,
    RELDAY,
    UNIT,
    WEEKDAY,
    WORD,
    YEAR_AFTER,
    YEAR_BEFORE,
    Item,
    Lexicon,
    ends_in_cjk,
)
from scrapeclean.dates._timezones import GENERIC_ZONES, MAX_OFFSET_MINUTES, ZONE_OFFSETS

__all__ = ["Fields", "Parser", "is_acceptable"]

Fields = dict[str, int]
Step = tuple[int, Fields]
#: A reader of one kind of expression: ``component(parser, index, fields)``.
Component = Callable[["Parser", int, Fields], "Step | None"]

_UNIT_SECONDS = (1, 60, 3600, 86400, 7 * 86400)
#: Unit senses' values (indexes of `_UNIT_SECONDS`) for seconds, minutes, hours and days.
_SECOND_UNIT, _MINUTE_UNIT, _HOUR_UNIT, _DAY_UNIT = 0, 1, 2, 3
_UNIT_MONTHS = {5: 1, 6: 12}
_MAX_QUANTITY = 100_000
_DATE_SEPARATORS = "./-"
_INNER_PUNCT_SEARCH = ".,-/"
_INNER_PUNCT_STRICT = ".,-/[]()"
_DASHES = "-\u2013\u2014"
_BETWEEN_PUNCT_SEARCH = ",@|\u00b7\u2022" + _DASHES
_BETWEEN_PUNCT_STRICT = _BETWEEN_PUNCT_SEARCH + ".;[]()/\u060c"
_APOSTROPHES = "'\u2019"
_OPENERS = "(\uff08"
#: A zone may be labelled twice after its offset ("-0500 CDT (CDT)"), by up to five words.
_MAX_ZONE_LABELS = 2
_MAX_DAY = 31
_MAX_HOUR, _MAX_MINUTE = 23, 59
#: Tens written as words that take units after them ("twenty one" ... "ninety-nine").
_MIN_TENS, _MAX_TENS, _MAX_UNITS_DIGIT = 20, 90, 9
_ARTICLE_LENGTH = 2
_MAX_ZONE_WORDS = 5
_CLOSERS = ")\uff09"
_SIGNS = "+-\u2212"
_MAX_SKIP = 3
_TINY_ABBREVIATION = 2
#: Month names this short ("mac", "mai") are weak like abbreviations in running text.
_SHORT_NAME = 3
_START_KINDS = frozenset(
    (
        MONTH,
        WEEKDAY,
        RELDAY,
        NOW,
        AGO_BEFORE,
        IN_BEFORE,
        NUMBER,
        UNIT,
        NOON,
        MIDNIGHT,
        YEAR_BEFORE,
        MONTH_BEFORE,
        DAY_BEFORE,
        AM,
        PM,
    )
)
_NUMBER_FOLLOWERS = frozenset("./-:'\u2019,")
_DATE_KEYS = ("year", "year2", "month", "day")
_REL_KEYS = ("relday", "rel_sec", "rel_mon", "now")


def is_acceptable(fields: Fields, strict: bool) -> bool:
    """Return whether `fields` make a complete date expression.

    Search mode (``strict=False``) asks for a calendar date (day and month, month and year or a
    full numeric date) or a relative phrase; `parse_date` (strict) also takes a weekday or a
    time of day on its own.
    """
    relative = any(key in fields for key in _REL_KEYS)
    dated = any(key in fields for key in _DATE_KEYS)
    if relative:
        return not dated and (strict or _firm_relative(fields))
    has_year = "year" in fields or "year2" in fields
    if "month" in fields and ("day" in fields or has_year):
        weak = "_prefix" in fields or "_abbr" in fields
        return strict or has_year or "hour" in fields or not weak
    if dated:
        return "_year_word" in fields and "year" in fields and "day" not in fields
    if not strict:
        return False
    return "hour" in fields or ("weekday" in fields and "_wabbr" not in fields)


def _firm_relative(fields: Fields) -> bool:
    """Whether a relative phrase found in running text is a point in time, not a duration.

    Search mode takes words for days ("yesterday") and phrases counted back from now with a
    written quantity ("3 days ago", "vor zwei Wochen"); it leaves out "now", phrases counted
    forward ("in 3 days", "within a week", "two months later": in running text they are
    durations or points relative to some other event) and quantities left implicit ("years
    ago"), and a weekday joined to a relative phrase.
    """
    return not any(key in fields for key in ("now", "_future", "_implied", "weekday"))


class Parser:
    """Reads date expressions from a list of classified tokens."""

    def __init__(
        self, items: list[Item], lexicon: Lexicon, strict: bool, dayfirst: bool | None = None
    ) -> None:
        self.items = items
        self.lexicon = lexicon
        self.strict = strict
        self.dayfirst = dayfirst
        self.month_first = lexicon.month_first if dayfirst is None else not dayfirst
        self._size = len(items)

    # -- driver ---------------------------------------------------------------------------

    def can_start(self, index: int) -> bool:
        """Return whether an expression can begin at token `index` (a cheap pre-filter)."""
        item = self.items[index]
        if item.kind != NUM:
            return not item.kinds.isdisjoint(_START_KINDS)
        following = self._at(index + 1)
        if following is None:
            return False
        if following.kind == PUNCT:
            return following.text in _NUMBER_FOLLOWERS
        return (
            bool(following.kinds)
            or following.key == "h"
            or item.ordinal
            or self.is_zone_word(following)
        )

    def parse_at(self, index: int) -> Step | None:
        """Read the longest acceptable expression starting at `index`: (end index, fields)."""
        readings = self.readings_at(index)
        return readings[-1] if readings else None

    def readings_at(self, index: int) -> list[Step]:
        """Every acceptable expression starting at `index`, shortest first."""
        fields: Fields = {}
        best: list[Step] = []
        position = index
        while True:
            step = self._component(position, fields)
            if step is None and fields:
                step = self._component(self._skip_between(position), fields)
            if step is None or not _compatible(fields, step[1]):
                break
            fields = {**fields, **step[1]}
            position = step[0]
            if "_range_from" in fields and "day" in fields:
                if fields["day"] != fields.pop("_range_to"):
                    break
                fields["day"] = fields.pop("_range_from")
            if is_acceptable(fields, self.strict):
                best.append((position, fields))
        return best

    def _component(self, index: int, fields: Fields) -> Step | None:
        if index >= self._size:
            return None
        item = self.items[index]
        if item.kind == NUM:
            components = _NUMBER_COMPONENTS
        elif item.kind == PUNCT:
            components = _PUNCT_COMPONENTS
        elif not item.kinds:
            components = _ZONE_COMPONENTS  # a word without a date sense can only name a zone
        else:
            components = _WORD_COMPONENTS
        for component in components:
            step = component(self, index, fields)
            if step is not None:
                return step
        return None

    # -- token helpers --------------------------------------------------------------------

    def _at(self, index: int) -> Item | None:
        return self.items[index] if index < self._size else None

    def _number(self, index: int, max_digits: int = 2) -> Item | None:
        item = self._at(index)
        if item is None or item.kind != NUM or item.digits > max_digits or item.value < 0:
            return None
        return item

    def _punct(self, index: int, chars: str, *, glued: bool = False) -> bool:
        item = self._at(index)
        return item is not None and item.is_punct(chars) and not (glued and item.spaced)

    def _followed_by_clock(self, index: int) -> bool:
        """Whether the number at `index` continues as a clock time (``14:26``, ``10h11``)."""
        following = self._at(index + 1)
        if following is None or following.spaced:
            return False
        if following.is_punct(":"):
            return self._number(index + 2) is not None
        return following.kind == WORD and following.key == "h"

    def _skip(self, index: int, punct: str, *, fillers: bool = True) -> int:
        skipped = 0
        while skipped < _MAX_SKIP:
            item = self._at(index)
            if item is None:
                break
            if item.is_punct(punct) or (fillers and _is_filler(item)):
                index += 1
                skipped += 1
            else:
                break
        return index

    def _skip_inner(self, index: int) -> int:
        return self._skip(index, _INNER_PUNCT_STRICT if self.strict else _INNER_PUNCT_SEARCH)

    def _skip_between(self, index: int) -> int:
        item = self._at(index)
        if item is not None and item.kind == WORD and item.key == "t" and not item.spaced:
            following = self._at(index + 1)
            if following is not None and following.kind == NUM and not following.spaced:
                return index + 1
        if not self.strict:
            after_dot = self._closing_dot(index)
            if after_dot is not None:
                return after_dot
        return self._skip(index, _BETWEEN_PUNCT_STRICT if self.strict else _BETWEEN_PUNCT_SEARCH)

    def _closing_dot(self, index: int) -> int | None:
        """Where a clock time starts after the dot that closes a date: ``2019. november 18. 16:05``.

        Hungarian, Croatian and Serbian close a date with a dot glued to its last number
        (``2019.11.18.``, ``18. studenoga 2019.``); in running text the dot is skipped only
        when a clock time follows (after a comma or a lower-case filler word at most), so a
        sentence that ends with a date ("... 18 November 2019. 16 people", "... 2019. The
        16:05 train") keeps its full stop.
        """
        before = self._at(index - 1)
        if before is None or before.kind != NUM or not self._punct(index, ".", glued=True):
            return None
        after = self._skip(index + 1, _BETWEEN_PUNCT_SEARCH)
        if any(item.text[:1].isupper() for item in self.items[index + 1 : after]):
            return None  # a capital after the full stop opens the next sentence
        if self._number(after) is None or not self._followed_by_clock(after):
            return None
        return after

    # -- calendar dates -------------------------------------------------------------------

    def _compact(self, index: int, fields: Fields) -> Step | None:
        """``20240614``, ``2024061409:45``, ``20240614094500`` (whole-string parsing only)."""
        item = self._number(index, 14)
        if not self.strict or item is None or item.digits not in (8, 10, 12, 14):
            return None
        text = item.key
        result: Fields = {"year": int(text[:4]), "month": int(text[4:6]), "day": int(text[6:8])}
        names = ("hour", "minute", "second")
        for position, name in zip(range(8, item.digits, 2), names, strict=False):
            result[name] = int(text[position : position + 2])
        minute = self._number(index + 2) if self._punct(index + 1, ":", glued=True) else None
        if item.digits == 10 and minute is not None and minute.digits == 2:
            return index + 3, {**result, "minute": minute.value}
        return index + 1, result

    def _numeric_date(self, index: int, fields: Fields) -> Step | None:
        """``2024-06-14``, ``14.06.2024``, ``06/14/2024``, ``26. 10.21``, ``5 .7 .2018``."""
        first = self._number(index, 4)
        if first is None:
            return None
        separator = self._separator(index + 1)
        if separator is None:
            return None
        sep, second_index = separator
        second = self._number(second_index)
        after_second = self._separator(second_index + 1)
        if second is None:
            return None
        if after_second is None or after_second[0] != sep:
            return self._month_year(first, second, sep, second_index)
        third = self._number(after_second[1], 4)
        if third is None or self._separator(after_second[1] + 1, digit_follows=True):
            return None
        end = after_second[1] + 1
        fields_out = self._order_numeric(first, second, third, sep)
        if fields_out is None:
            return None
        return end, {**fields_out, "_numeric": 1}

    def _separator(self, index: int, *, digit_follows: bool = False) -> tuple[str, int] | None:
        item = self._at(index)
        if item is None or not item.is_punct(_DATE_SEPARATORS):
            return None
        following = self._at(index + 1)
        if following is None or following.kind != NUM:
            return None
        if item.text != "." and (item.spaced or following.spaced):
            return None
        if following.spaced and self._followed_by_clock(index + 1):
            return None  # "2019. 16:05": the dot closes the date and a time follows
        if digit_follows and following.spaced:
            return None
        return item.text, index + 1

    def _order_numeric(self, first: Item, second: Item, third: Item, sep: str) -> Fields | None:
        if first.digits == 4:
            if third.digits > 2 or second.digits > 2:
                return None
            return {"year": first.value, "month": second.value, "day": third.value}
        if first.digits > 2 or third.digits not in (2, 4):
            return None
        if third.digits == 2 and not self.strict:
            return None
        year: Fields = {"year": third.value} if third.digits == 4 else {"year2": third.value}
        a, b = first.value, second.value
        if a <= 12 and b <= 12 and a != b:
            year["_ambiguous"] = 1
        # Dots separate day-first dates ("11.03.2008") unless the caller set a policy.
        dotted = sep == "." and self.dayfirst is None
        if dotted:
            year["_dotted"] = 1
        if a > 12 or (b <= 12 and (dotted or not self.month_first)):
            return {"day": a, "month": b, **year}
        return {"month": a, "day": b, **year}

    def _month_year(self, first: Item, second: Item, sep: str, index: int) -> Step | None:
        """``2014-03``, and ``29/02`` without a year: only when the whole string is the date.

        A slashed day and month take the order of `_order_numeric` ("02/29" is month first
        as 29 is no month; "03/04" follows the `dayfirst` policy and is ambiguous).
        """
        if not self.strict:
            return None
        if first.digits == 4 and sep == "-" and second.digits == 2:
            return index + 1, {"year": first.value, "month": second.value, "_numeric": 1}
        if sep == "/" and first.digits <= 2 and second.digits <= 2:
            a, b = first.value, second.value
            flags: Fields = {"_numeric": 1, "_yearless": 1}
            if a <= 12 and b <= 12:
                flags["_ambiguous"] = 1
            if a > 12 or (b <= 12 and not self.month_first):
                return index + 1, {"day": a, "month": b, **flags}
            return index + 1, {"month": a, "day": b, **flags}
        return None

    def _textual_date(self, index: int, fields: Fields) -> Step | None:
        """Dates with a month name: ``14 Jun, 2024``, ``June 14, 2024``, ``1962 augusztus 11``."""
        item = self.items[index]
        if item.has(MONTH):
            return self._month_first(index)
        if item.kind != NUM:
            return None
        if item.digits == 4 and "year" not in fields:
            return self._year_first(index)
        return self._day_first(index)

    def _month_of(self, index: int) -> Fields | None:
        item = self._at(index)
        sense = item.get(MONTH) if item is not None else None
        if sense is None:
            return None
        if not sense.exact:
            return {"month": sense.value, "_prefix": 1}
        dotted = item.text.endswith(".")  # type: ignore[union-attr]
        if sense.abbr and not dotted:
            return {"month": sense.value, "_abbr": 1}
        if len(item.key) <= _SHORT_NAME and not dotted:  # type: ignore[union-attr]
            return {"month": sense.value, "_short": 1}
        return {"month": sense.value}

    def _day(self, index: int) -> Step | None:
        """Read a day number (``4``, ``04``, ``22nd``, ``1er``, German ``3.``)."""
        item = self._number(index)
        if item is None or not 1 <= item.value <= 31 or self._followed_by_clock(index):
            return None
        end = index + 1
        if not item.ordinal and self._punct(end, ".", glued=True) and not self._separator(end):
            following = self._at(end + 1)
            if following is not None and (following.kind == NUM or following.has(MONTH)):
                end += 1
        if item.ordinal and self._day_word_of(end):
            end += 1
        return end, {"day": item.value}

    def _day_word_of(self, index: int) -> bool:
        """Whether ``day of`` and a month follow an ordinal: "the 1st day of March 2015"."""
        word, little = self._at(index), self._at(index + 1)
        sense = word.get(UNIT) if word is not None else None
        if sense is None or sense.value != _DAY_UNIT or little is None or not _is_filler(little):
            return False
        month = self._at(index + 2)
        return month is not None and month.has(MONTH)

    def _year(self, index: int) -> Step | None:
        """Read a year after a month name: four digits, ``'08`` or (strict) two digits."""
        if self._punct(index, _APOSTROPHES):
            item = self._number(index + 1)
            if item is not None and item.digits == 2 and not self._at(index + 1).spaced:  # type: ignore[union-attr]
                return index + 2, {"year2": item.value}
            return None
        item = self._number(index, 4)
        if item is None or self._followed_by_clock(index) or self._date_goes_on(index + 1):
            return None
        if item.digits == 4 and 1000 <= item.value <= 2999:
            return index + 1, {"year": item.value}
        if item.digits == 2 and self.strict and not self._followed_by_unit(index):
            return index + 1, {"year2": item.value}
        return None

    def _date_goes_on(self, index: int) -> bool:
        """Whether a numeric date goes on at `index` after a number (``2019-11``, ``2019.11``).

        A full stop after a year with a space and a number after it ends a sentence
        ("... on 18 November 2019. 16 people came"): the number is no part of the date.
        """
        separator = self._separator(index)
        if separator is None:
            return False
        return not (separator[0] == "." and self.items[separator[1]].spaced)

    def _followed_by_unit(self, index: int) -> bool:
        following = self._at(index + 1)
        return following is not None and following.has(UNIT)

    def _month_first(self, index: int) -> Step | None:
        month = self._month_of(index)
        if month is None:
            return None
        after = self._skip_inner(index + 1)
        day = self._day(after)
        if day is not None:
            result = {**month, **day[1]}
            ranged = self._range_with_year(day[0], result)
            if ranged is not None:
                return ranged
            year = self._year(self._skip_inner(day[0]))
            if year is not None:
                return year[0], {**result, **year[1]}
            return day[0], result
        year = self._year(after)
        if year is not None:
            return year[0], {**month, **year[1]}
        return None

    def _day_first(self, index: int) -> Step | None:
        day = self._day(index)
        if day is None:
            return None
        month_index = self._skip_inner(day[0])
        month = self._month_of(month_index)
        if month is None:
            return None
        result = {**day[1], **month}
        year = self._year(self._skip_inner(month_index + 1))
        if year is not None:
            return year[0], {**result, **year[1]}
        return month_index + 1, result

    def _year_first(self, index: int) -> Step | None:
        year = self._year(index)
        if year is None:
            return None
        month_index = self._skip_inner(year[0])
        month = self._month_of(month_index)
        if month is None:
            return None
        if self._crosses_sentence(year[0], month_index):
            return None
        result = {**year[1], **month}
        day = self._day(self._skip_inner(month_index + 1))
        if day is not None:
            return day[0], {**result, **day[1]}
        return month_index + 1, result

    def _crosses_sentence(self, start: int, end: int) -> bool:
        """Whether the tokens skipped between `start` and `end` hold a full stop and a word.

        ``1962. augusztus`` is one date, ``by 2030. In September`` is not.
        """
        skipped = self.items[start:end]
        return any(item.is_punct(".") for item in skipped) and any(
            item.kind != PUNCT for item in skipped
        )

    def _marked(self, index: int, fields: Fields) -> Step | None:
        """Numbers labelled by a word: Vietnamese ``tháng 4``, Chinese ``4月``, Korean ``4월``."""
        item = self.items[index]
        following = self._at(index + 1)
        if following is None or not (item.kinds or following.kinds):
            return None
        for kind, name in ((YEAR_BEFORE, "year"), (MONTH_BEFORE, "month"), (DAY_BEFORE, "day")):
            number = self._number(index + 1, 4)
            if item.has(kind) and number is not None and _in_range(name, number):
                return index + 2, {name: number.value, **_year_word(name)}
        number = self._number(index, 4)
        if number is None:
            return None
        for kind, name in ((YEAR_AFTER, "year"), (MONTH_AFTER, "month"), (DAY_AFTER, "day")):
            if following.has(kind) and _in_range(name, number):
                result = {name: number.value, **_year_word(name)}
                return self._bare_day_after_month(index + 2, result)
        return None

    def _bare_day_after_month(self, index: int, result: Fields) -> Step:
        """``2016年6月29``: a day number right after a marked month needs no marker."""
        if "month" not in result:
            return index, result
        day = self._number(index)
        following = self._at(index + 1)
        if (
            day is not None
            and 1 <= day.value <= 31
            and not self._followed_by_clock(index)
            and (following is None or not following.has(DAY_AFTER))
            and (following is None or following.kind != CJK or following.has(AM))
        ):
            return index + 1, {**result, "day": day.value}
        return index, result

    def _lone_year(self, index: int, fields: Fields) -> Step | None:
        """Read a year standing apart from the date (``1978, 1 Peb``, ``Aug 05 12:00 2015``)."""
        if "year" in fields or "year2" in fields:
            return None
        item = self._number(index, 4)
        if item is None or item.digits != 4:
            return None
        return self._year(index)

    # -- time of day ----------------------------------------------------------------------

    def _time(self, index: int, fields: Fields) -> Step | None:
        """``14:26``, ``2:26 pm``, ``12.16 pm``, ``10h11``, ``4pm``, ``14 Uhr``, ``noon``."""
        if "hour" in fields:
            return None
        item = self.items[index]
        if item.has(NOON) or item.has(MIDNIGHT):
            return index + 1, {"hour": 12 if item.has(NOON) else 0, "minute": 0}
        meridian = _meridian(item)
        if meridian is not None and item.kind != NUM:
            step = self._clock(index + 1, fields)
            if step is None:
                return None
            return _apply_meridian(step, meridian)
        return self._clock(index, fields)

    def _clock(self, index: int, fields: Fields) -> Step | None:
        hour = self._number(index)
        if hour is None:
            return None
        step = self._minutes(index, hour.value, fields)
        if step is None:
            return None
        end, result = step
        after = self._at(end)
        meridian = _meridian(after) if after is not None else None
        if meridian is not None:
            step = _apply_meridian((end + 1, result), meridian)
            if step is None:
                return None
            end, result = step
        elif "minute" not in result:
            return None
        if self._at(end) is not None and self._at(end).has(OCLOCK):  # type: ignore[union-attr]
            end += 1
        if not (0 <= result["hour"] <= 23 and 0 <= result.get("minute", 0) <= 59):
            return None
        return end, result

    def _minutes(self, index: int, hour: int, fields: Fields) -> Step | None:
        following = self._at(index + 1)
        glued = following is not None and not following.spaced
        if glued and following is not None and following.is_punct(":"):
            return self._colon_time(index, hour, fields)
        if glued and following is not None and following.kind == WORD and following.key == "h":
            minute = self._number(index + 2)
            if minute is not None and minute.digits == 2 and not minute.spaced:
                return index + 3, {"hour": hour, "minute": minute.value}
            return (index + 2, {"hour": hour, "minute": 0}) if self.strict else None
        if glued and following is not None and following.is_punct("."):
            return self._dot_time(index, hour, fields)
        if following is not None and following.has(OCLOCK):
            return self._counted_minutes(index + 2, {"hour": hour, "minute": 0})
        return index + 1, {"hour": hour}

    def _counted_minutes(self, index: int, result: Fields) -> Step:
        """Minutes and seconds counted with unit words after an hour word (``21時40分``).

        ``21時40分``, ``9时30分``, ``3시 30분 15초``: a number of minutes (0-59) and its unit
        word glued to it, then optionally seconds the same way ("3 o'clock 20 minutes later"
        is no time: the unit is spaced). After a Chinese or Japanese hour word the unit may be
        spaced too (``9 时 30 分``), as those scripts are spaced, when they are, throughout.
        """
        hour_word = self._at(index - 1)
        spaced_ok = hour_word is not None and ends_in_cjk(hour_word.text)
        for unit, key in ((_MINUTE_UNIT, "minute"), (_SECOND_UNIT, "second")):
            number, word = self._number(index), self._at(index + 1)
            glued = word is not None and (spaced_ok or not word.spaced)
            sense = word.get(UNIT) if word is not None and glued else None
            if number is None or sense is None or sense.value != unit or number.value > 59:
                break
            result = {**result, key: number.value}
            index += 2
        return index, result

    def _colon_time(self, index: int, hour: int, fields: Fields) -> Step | None:
        minute = self._number(index + 2)
        if minute is None or minute.digits != 2 or minute.spaced:
            return None
        result: Fields = {"hour": hour, "minute": minute.value}
        end = index + 3
        if self._punct(end, ":", glued=True):
            second = self._number(end + 1)
            if second is None or second.digits != 2 or second.value > 59:
                return None
            result["second"] = second.value
            end += 2
            if self._punct(end, ".,", glued=True):
                fraction = self._number(end + 1, 9)
                if (
                    fraction is not None
                    and not self._at(end + 1).spaced  # type: ignore[union-attr]
                    and not self._year_after_comma(end, fraction, fields)
                ):
                    result["micro"] = int((fraction.key + "000000")[:6])
                    end += 2
        return self._hour_suffix(end), result

    def _year_after_comma(self, index: int, number: Item, fields: Fields) -> bool:
        """Whether ``,2021`` after the seconds of a yearless date is its year, not a fraction.

        "Tue Jan 5 10:00:00,2021": a comma and four digits in the range of years, where no
        year has been read yet.
        """
        return (
            self._punct(index, ",")
            and number.digits == 4
            and "year" not in fields
            and "year2" not in fields
            and _in_range("year", number)
        )

    def _hour_suffix(self, index: int) -> int:
        """Skip an ``h`` glued to the end of a clock time (``20:43h``, Spanish and French)."""
        item = self._at(index)
        if item is not None and item.kind == WORD and item.key == "h" and not item.spaced:
            following = self._at(index + 1)
            if following is None or following.kind != NUM or following.spaced:
                return index + 1
        return index

    def _dot_time(self, index: int, hour: int, fields: Fields) -> Step | None:
        """``13.12`` after a date, or ``5.45 pm`` anywhere (never ``1.2.2014``)."""
        minute = self._number(index + 2)
        if minute is None or minute.digits != 2 or minute.spaced or self._separator(index + 3):
            return None
        after = self._at(index + 3)
        marked = after is not None and (_meridian(after) is not None or after.has(OCLOCK))
        dated = any(key in fields for key in _DATE_KEYS)
        if not (marked or dated):
            return None
        return index + 3, {"hour": hour, "minute": minute.value}

    def _wire_time(self, index: int, fields: Fields) -> Step | None:
        """``1909 GMT``, ``0830 ET``: four digits, hours and minutes, right before a zone.

        Wire services write times this way.  Only a zone abbreviation after the digits makes
        them a time (a valid ``HHMM``); without one four digits are a year ("18 Nov 2019
        1909" is no time), and so they are in a list of years joined by an abbreviation that
        is also a conjunction ("2019 ET 2020", French "and").
        """
        item = self._number(index, 4)
        if "hour" in fields or item is None or item.digits != 4:
            return None
        hour, minute = divmod(item.value, 100)
        zone = self._at(index + 1)
        if zone is None or hour > _MAX_HOUR or minute > _MAX_MINUTE:
            return None
        if not self.is_zone_word(zone) or (zone.has(CONJ) and self._is_year_digits(index + 2)):
            return None
        if self._zone(index + 1, {"hour": hour}) is None:
            return None
        return index + 1, {"hour": hour, "minute": minute}

    def _is_year_digits(self, index: int) -> bool:
        item = self._number(index, 4)
        return item is not None and item.digits == 4

    def _unit_time(self, index: int, fields: Fields) -> Step | None:
        """Read hours and minutes spelled with unit words after a date (Belarusian)."""
        if not self.strict or "hour" in fields or "month" not in fields:
            return None
        hour, unit = self._number(index), self._at(index + 1)
        sense = unit.get(UNIT) if unit is not None else None
        if hour is None or sense is None or sense.value != _HOUR_UNIT or hour.value > 23:
            return None
        result: Fields = {"hour": hour.value, "minute": 0}
        minute, unit = self._number(index + 2), self._at(index + 3)
        sense = unit.get(UNIT) if unit is not None else None
        if (
            minute is not None
            and sense is not None
            and sense.value == _MINUTE_UNIT
            and minute.value < 60
        ):
            return index + 4, {**result, "minute": minute.value}
        return index + 2, result

    # -- zones, weekdays ------------------------------------------------------------------

    def _zone(self, index: int, fields: Fields) -> Step | None:
        """``Z``, ``UTC``, ``GMT+2``, ``+01:00``, ``-0500``, ``EDT``, ``(ET)`` after a time."""
        if "tz" in fields:
            return self._zone_name(index, fields)
        if "hour" not in fields:
            return None
        item = self.items[index]
        if item.is_punct("("):
            return self._bracketed_zone(index, fields)
        if self.is_zone_word(item):
            if item.key == "z" and item.spaced:
                return None
            base = ZONE_OFFSETS[item.key]
            offset = self._offset(index + 1, short=True)
            if offset is not None and base == 0:
                return offset
            rule = GENERIC_ZONES.get(item.key)
            return index + 1, {"tz": base} if rule is None else {"tz": base, "_dst": rule}
        return self._offset(index, short=False)

    def _bracketed_zone(self, index: int, fields: Fields) -> Step | None:
        """A zone alone in brackets right after a time: ``7:09 PM (PT)``, ``(GMT+2)``."""
        if not self.is_zone_word(self._at(index + 1)):
            return None
        inner = self._zone(index + 1, fields)
        if inner is None or not self._punct(inner[0], ")"):
            return None
        return inner[0] + 1, inner[1]

    @staticmethod
    def is_zone_word(item: Item | None) -> bool:
        """Whether `item` is a zone abbreviation: a name of the zone table, in capitals."""
        return (
            item is not None
            and item.kind == WORD
            and item.key in ZONE_OFFSETS
            and item.text.isupper()
        )

    def _zone_name(self, index: int, fields: Fields) -> Step | None:
        """The zone's name after its offset, which is only a label: ``-0500 CDT (CDT)``.

        A zone abbreviation, bare or in brackets; and, when the whole string is the date
        (`parse_date`), capitalised words in brackets, as JavaScript writes dates:
        ``GMT+0800 (China Standard Time)``.  At most two labels; the offset decides.
        """
        named = fields.get("_zone_named", 0)
        if named >= _MAX_ZONE_LABELS:
            return None
        if self.is_zone_word(self._at(index)):
            return index + 1, {"_zone_named": named + 1}
        if not self._punct(index, "("):
            return None
        end = index + 1
        while end - index <= _MAX_ZONE_WORDS and self._label_word(self._at(end)):
            end += 1
        words = self.items[index + 1 : end]
        if not words or not self._punct(end, ")"):
            return None
        if len(words) == 1 and self.is_zone_word(words[0]):
            return end + 1, {"_zone_named": named + 1}
        if not self.strict:
            return None
        # The label's words are names, in no language of the date's ("Time" is Danish "hour").
        return end + 1, {"_zone_named": named + 1, "_label_start": index, "_label_end": end + 1}

    @staticmethod
    def _label_word(item: Item | None) -> bool:
        return item is not None and item.kind == WORD and item.text[:1].isupper()

    def _offset(self, index: int, *, short: bool) -> Step | None:
        sign_item = self._at(index)
        number = self._at(index + 1)
        if sign_item is None or not sign_item.is_punct(_SIGNS) or number is None:
            return None
        if number.kind != NUM or number.spaced or number.value < 0:
            return None
        sign = 1 if sign_item.text == "+" else -1
        end = index + 2
        if number.digits == 4:
            minutes = number.value // 100 * 60 + number.value % 100
        elif number.digits == 2 or (short and number.digits == 1):
            minutes = number.value * 60
            extra = self._number(index + 3) if self._punct(index + 2, ":", glued=True) else None
            if extra is not None and extra.digits == 2:
                minutes += extra.value
                end = index + 4
        else:
            return None
        if minutes > MAX_OFFSET_MINUTES:
            return None
        return end, {"tz": sign * minutes}

    def _day_range(self, index: int, first: int) -> int | None:
        """The last day of a day range whose dash is at `index`, after the day `first`."""
        if not self._punct(index, _DASHES):
            return None
        last = self._number(index + 1)
        if last is None or not first <= last.value <= _MAX_DAY:
            return None
        return last.value

    def _range_start(self, index: int, fields: Fields) -> Step | None:
        """``12-14 June 2021``, ``12.-14.06.2021``: a day range read as its first day.

        `parse_date` only; the last day must follow as the day of the date that follows.
        """
        first = self._number(index)
        if not self.strict or fields or first is None or not 1 <= first.value <= _MAX_DAY:
            return None
        dash = index + 2 if self._punct(index + 1, ".", glued=True) else index + 1
        last = self._day_range(dash, first.value)
        if last is None:
            return None
        return dash + 1, {"_range_from": first.value, "_range_to": last}

    def _range_with_year(self, index: int, fields: Fields) -> Step | None:
        """``June 12-14, 2021``: a month's day range and the year, read as the first day.

        `parse_date` only, and only with a four-digit year after the range ("June 12-14"
        alone is June 12, 2014).
        """
        if not self.strict:
            return None
        last = self._day_range(index, fields["day"])
        if last is None:
            return None
        year = self._year(self._skip_inner(index + 2))
        if year is None or "year" not in year[1]:
            return None
        return year[0], {**fields, **year[1]}

    def _bracketed_weekday(self, index: int, fields: Fields) -> Step | None:
        """A weekday in brackets right after a date: ``2016年3月20日(日)``, ``10일(금)``.

        In brackets, a weekday's one-character CLDR form counts even where it is left out
        elsewhere for being an ordinary word (Japanese 日, "day").
        """
        if "day" not in fields or "weekday" in fields or not self._punct(index, _OPENERS):
            return None
        inner = self._at(index + 1)
        if inner is None or inner.kind == NUM or not self._punct(index + 2, _CLOSERS):
            return None
        sense = inner.get(WEEKDAY)
        weekday = (
            sense.value if sense is not None else self.lexicon.bracketed_weekdays.get(inner.key)
        )
        if weekday is None:
            return None
        return index + 3, {"weekday": weekday}

    def _weekday(self, index: int, fields: Fields) -> Step | None:
        item = self.items[index]
        sense = item.get(WEEKDAY)
        if sense is None:
            return None
        if (sense.abbr or not sense.exact) and not item.text.endswith("."):
            if not self.strict and len(item.key) <= _TINY_ABBREVIATION and not sense.langs & 1:
                return None  # "So", "to": too often a word; read in the first language only
            return index + 1, {"weekday": sense.value, "_wabbr": 1}
        return index + 1, {"weekday": sense.value}

    # -- relative phrases -----------------------------------------------------------------

    def _relative(self, index: int, fields: Fields) -> Step | None:
        """``yesterday``, ``now``, ``2 hours ago``, ``vor 2 Stunden``, ``in a minute``."""
        item = self.items[index]
        if item.has(RELDAY) and item.kind != NUM:
            return index + 1, {"relday": item.get(RELDAY).value}  # type: ignore[union-attr]
        if item.has(NOW) and item.kind != NUM:
            return index + 1, {"now": 1}
        direction = 0
        position = index
        if item.has(AGO_BEFORE) or item.has(IN_BEFORE):
            direction = -1 if item.has(AGO_BEFORE) else 1
            position += 1
            approx = self._at(position)
            if approx is not None and approx.has(APPROX):
                position += 1  # "vor etwa 23 Stunden", "il y a environ 2 heures"
        quantities = self._quantities(position, implied_one=direction != 0)
        if quantities is None:
            return None
        end, seconds, months, explicit = quantities
        after = self._at(end)
        if after is not None and (after.has(AGO_AFTER) or after.has(IN_AFTER)):
            direction = -1 if after.has(AGO_AFTER) else 1
            end += 1
        elif direction == 0:
            return None
        result = {"rel_sec": direction * seconds, "rel_mon": direction * months}
        if direction > 0:
            result["_future"] = 1
        if not explicit:
            result["_implied"] = 1
        return end, result

    def _quantities(self, index: int, *, implied_one: bool) -> tuple[int, int, int, bool] | None:
        """Sum "2 hours, 5 minutes": (end, seconds, months, whether a quantity was written)."""
        seconds = months = 0
        count = 0
        explicit = False
        while count < len(_UNIT_SECONDS) + 2:
            step = self._quantity(index, implied_one=implied_one or count > 0)
            if step is None:
                break
            index, unit, amount, written = step
            explicit = explicit or written
            if unit in _UNIT_MONTHS:
                months += amount * _UNIT_MONTHS[unit]
            else:
                seconds += amount * _UNIT_SECONDS[unit]
            count += 1
            following = self._skip(index, ",", fillers=False)
            item = self._at(following)
            if item is not None and item.has(CONJ):
                following += 1
            if self._quantity(following, implied_one=False) is None:
                break
            index = following
        return (index, seconds, months, explicit) if count else None

    def _number_words(self, index: int, value: int) -> tuple[int, int]:
        """A number word, or tens and units ("twenty one"): (value, next index).

        The articles that count one ("a", "an") never join tens: "twenty a day" is no 21.
        """
        if value % 10 or not _MIN_TENS <= value <= _MAX_TENS:
            return value, index + 1
        unit_word = self._at(index + 1)
        units = unit_word.get(NUMBER) if unit_word is not None else None
        if (
            units is not None
            and 1 <= units.value <= _MAX_UNITS_DIGIT
            and len(unit_word.key) > _ARTICLE_LENGTH  # type: ignore[union-attr]
        ):
            return value + units.value, index + 2
        return value, index + 1

    def _marks_direction(self, index: int) -> bool:
        item = self._at(index)
        return item is not None and (item.has(AGO_AFTER) or item.has(IN_AFTER))

    def _quantity(self, index: int, *, implied_one: bool) -> tuple[int, int, int, bool] | None:
        """Read "3 days", "two weeks" or (implied one) "week": (end, unit, amount, written)."""
        item = self._at(index)
        if item is None:
            return None
        amount = 1
        unit_index = index
        number = item.get(NUMBER)
        if item.kind == NUM and not item.ordinal and item.digits <= 6:
            amount, unit_index = item.value, index + 1
        elif number is not None:
            amount, unit_index = self._number_words(index, number.value)
        elif not (implied_one or self._marks_direction(index + 1)):
            return None
        unit = self._at(unit_index)
        sense = unit.get(UNIT) if unit is not None else None
        if sense is None or amount > _MAX_QUANTITY:
            return None
        if unit_index == index and unit is not None and unit.key in self.lexicon.duals:
            return unit_index + 1, sense.value, 2, True  # "يومين": two days, written
        return unit_index + 1, sense.value, amount, unit_index > index


# The readers tried at a token, by its kind, in order (the parser's functions, not its bound
# methods: a parser holding its own bound methods would be a reference cycle, freed only by
# the garbage collector).
_NUMBER_COMPONENTS: tuple[Component, ...] = (
    Parser._relative,
    Parser._compact,
    Parser._numeric_date,
    Parser._textual_date,
    Parser._marked,
    Parser._time,
    Parser._wire_time,
    Parser._lone_year,
    Parser._unit_time,
    Parser._range_start,
)
_WORD_COMPONENTS: tuple[Component, ...] = (
    Parser._relative,
    Parser._textual_date,
    Parser._marked,
    Parser._time,
    Parser._zone,
    Parser._weekday,
)
_PUNCT_COMPONENTS: tuple[Component, ...] = (Parser._zone, Parser._bracketed_weekday)
_ZONE_COMPONENTS: tuple[Component, ...] = (Parser._zone,)


def _compatible(fields: Fields, update: Fields) -> bool:
    if not fields:
        return True
    for key in update:
        if key.startswith("_"):
            continue
        if key in fields or (key == "year" and "year2" in fields):
            return False
        if key == "year2" and "year" in fields:
            return False
    relative = any(key in fields for key in _REL_KEYS) or any(k in update for k in _REL_KEYS)
    dated = any(key in fields for key in _DATE_KEYS) or any(k in update for k in _DATE_KEYS)
    return not (relative and dated)


def _is_filler(item: Item) -> bool:
    return (item.has(FILLER) or item.has(APPROX)) and not any(
        sense.kind in (MONTH, WEEKDAY, RELDAY) for sense in item.senses
    )


def _year_word(name: str) -> Fields:
    """The flag of a year named by a word ("năm 1935", "2014年", "V roce 1920")."""
    return {"_year_word": 1} if name == "year" else {}


def _in_range(name: str, item: Item) -> bool:
    if name == "year":
        return item.digits == 4
    if name == "month":
        return 1 <= item.value <= 12
    return 1 <= item.value <= 31


def _meridian(item: Item) -> int | None:
    if item.kind == NUM:
        return None
    if item.has(AM):
        return 0
    if item.has(PM):
        return 12
    return None


def _apply_meridian(step: Step, meridian: int) -> Step | None:
    end, result = step
    hour = result["hour"]
    if hour > 12:
        return step if meridian else None
    if hour == 0:
        return None if meridian else step
    return end, {**result, "hour": hour % 12 + meridian, "minute": result.get("minute", 0)}
