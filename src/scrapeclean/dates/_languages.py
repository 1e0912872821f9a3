"""Per-language date vocabulary, read from ``scrapeclean/data/languages/<code>.json``.

A language file has a generated ``cldr`` section (month and weekday names from the Unicode CLDR,
written by ``scripts/generate_language_data.py``) and a hand-kept ``dates`` section (relative
words, units, fillers, markers, forms CLDR lacks, CLDR forms left out).  `language` reads one
file the first time it is asked for and turns it into a `Language` record; nothing is read at
import time beyond the small index.

Matching is case-insensitive, ignores dots (``"a.m."`` == ``"am"``) and, for Latin, Greek and
Cyrillic script, ignores accents.  Month and weekday names are also recognised by any
unambiguous prefix of three or more letters (``"sept"``, ``"листоп"``), so only the forms that
are not prefixes of a listed form need to be written out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from scrapeclean import _vocabulary

__all__ = ["UNITS", "Language", "language", "language_aliases", "language_codes"]

#: Units of relative expressions, in the order of `Language.units`.
UNITS: tuple[str, ...] = ("second", "minute", "hour", "day", "week", "month", "year")

Forms = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Language:
    """The date vocabulary of one language.

    `months` has 12 entries (January first) and `weekdays` 7 (Monday first), each the forms of
    one name; `units` has one entry per name in `UNITS`.  `relative_days` pairs a phrase with a
    day offset (``("yesterday", -1)``).  `lists` holds the other word lists by name (see
    `WORD_LISTS`): ``ago_before``/``ago_after`` are the words that turn a quantity into the past
    (``"vor 2 Tagen"``, ``"2 days ago"``), ``in_before``/``in_after`` into the future;
    ``clitics`` are prefixes glued onto a month or weekday name (Hebrew ``ב``), ``particles``
    suffixes glued onto any date word (Korean ``10일에``, "on the 10th"), ``duals`` unit words
    that mean two of their unit (Arabic ``يومين``, "two days"; each is also in ``units``); the
    ``*_before``
    and ``*_after`` markers are the words that label a number as a year, month or day
    (Vietnamese ``tháng 4``, Chinese ``4月``).
    """

    code: str
    name: str
    months: tuple[Forms, ...]
    weekdays: tuple[Forms, ...]
    month_first: bool = False
    relative_days: tuple[tuple[str, int], ...] = ()
    units: tuple[Forms, ...] = ((),) * len(UNITS)
    numbers: tuple[tuple[str, int], ...] = ()
    lists: Mapping[str, Forms] = field(default_factory=dict)
    #: CLDR forms left out (``cldr_exclude``): ordinary words ("vin", "pro"). Those of three
    #: letters or more still count written as abbreviations, with a dot ("vin.", "pro.");
    #: `dotted_months` and `dotted_weekdays` hold them per name.
    excluded: frozenset[str] = frozenset()
    dotted_months: tuple[Forms, ...] = ()
    dotted_weekdays: tuple[Forms, ...] = ()
    #: Every excluded CLDR weekday form, per weekday: they count in brackets right after a
    #: date ("2016年3月20日(日)").
    bracketed_weekdays: tuple[Forms, ...] = ()

    def words(self, name: str) -> Forms:
        """The word list `name` (one of `WORD_LISTS`), empty when the language has none."""
        return self.lists.get(name, ())


#: The hand-kept word lists of the ``dates`` section that map one-to-one onto `Language` fields.
WORD_LISTS: tuple[str, ...] = (
    "am",
    "pm",
    "fillers",
    "approximately",
    "conjunctions",
    "now",
    "ago_before",
    "ago_after",
    "in_before",
    "in_after",
    "noon",
    "midnight",
    "oclock",
    "clitics",
    "particles",
    "duals",
    "year_before",
    "month_before",
    "day_before",
    "year_after",
    "month_after",
    "day_after",
    "ordinals",
)


def language_codes() -> tuple[str, ...]:
    """The supported codes, in the order they are tried when no language is given."""
    return _vocabulary.language_codes()


def language_aliases() -> dict[str, str]:
    """Other codes accepted for a supported language (``"nb"`` -> ``"no"``)."""
    return _vocabulary.aliases()


@cache
def language(code: str) -> Language:
    """The `Language` record of `code`, read from its data file on first use."""
    return from_document(_vocabulary.document(code))


def from_document(document: Mapping[str, Any]) -> Language:
    """Build a `Language` from a parsed language file (``cldr`` and ``dates`` sections)."""
    cldr = document["cldr"]
    dates = document["dates"]
    excluded = frozenset(dates.get("cldr_exclude", ()))
    units = dates.get("units", {})
    return Language(
        code=document["code"],
        name=document["name"],
        months=_names(cldr["months"], dates.get("months_extra"), excluded),
        weekdays=_names(cldr["weekdays"], dates.get("weekdays_extra"), excluded),
        month_first=bool(dates.get("month_first", False)),
        relative_days=tuple(dates.get("relative_days", {}).items()),
        units=tuple(tuple(units.get(unit, ())) for unit in UNITS),
        numbers=tuple(dates.get("numbers", {}).items()),
        lists={name: tuple(dates[name]) for name in WORD_LISTS if name in dates},
        excluded=excluded,
        dotted_months=_dotted(cldr["months"], excluded),
        dotted_weekdays=_dotted(cldr["weekdays"], excluded),
        bracketed_weekdays=tuple(
            tuple(form for form in forms if form in excluded) for forms in cldr["weekdays"]
        ),
    )


_MIN_DOTTED = 3


def _dotted(generated: list[list[str]], excluded: frozenset[str]) -> tuple[Forms, ...]:
    """Each name's excluded CLDR forms that still count when written with a dot."""
    return tuple(
        tuple(form for form in forms if form in excluded and len(form) >= _MIN_DOTTED)
        for forms in generated
    )


def _names(
    generated: list[list[str]], extra: list[list[str]] | None, excluded: frozenset[str]
) -> tuple[Forms, ...]:
    """Each name's CLDR forms (less the excluded ones) followed by its hand-kept extras."""
    extras = extra if extra is not None else [[] for _ in generated]
    return tuple(
        tuple([form for form in forms if form not in excluded] + list(more))
        for forms, more in zip(generated, extras, strict=True)
    )
