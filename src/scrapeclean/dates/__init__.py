"""Dates and times in scraped text, in many languages, parsed by a small grammar.

>>> from datetime import datetime
>>> parse_date("14 Jun, 2024 09:45")
datetime.datetime(2024, 6, 14, 9, 45)
>>> parse_date("vor 2 Stunden", reference=datetime(2020, 1, 1, 12), languages=["de"])
datetime.datetime(2020, 1, 1, 10, 0)
>>> [m.text for m in find_dates("Posted on 22 July 2014, updated 3 days ago.")]
['22 July 2014']
>>> noon = datetime(2020, 1, 1, 12)
>>> [m.text for m in find_dates("Posted on 22 July 2014, updated 3 days ago.", reference=noon)]
['22 July 2014', '3 days ago']

`parse_date` reads one whole string; `find_dates` finds every date in running text.  Relative
expressions ("yesterday", "2 hours ago"), bare times and dates without a year are resolved
against `reference`: a datetime, or ``"now"`` for the clock at the time of the call.  Without
one they are unresolved (`parse_date` gives None, `find_dates` skips them): nothing reads the
clock unless asked, so the same call gives the same answer on any day.
See ``docs/dates.md`` for the formats, languages and ambiguity rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Literal

from scrapeclean._model import Span
from scrapeclean.dates._grammar import Parser, is_acceptable
from scrapeclean.dates._languages import language as language_record
from scrapeclean.dates._languages import language_aliases, language_codes
from scrapeclean.dates._lexicon import (
    AM,
    APPROX,
    FILLER,
    NOW,
    NUM,
    PM,
    PUNCT,
    RELDAY,
    Item,
    Lexicon,
    build_lexicon,
    classify,
    ends_in_cjk,
    may_hold_date,
    tokenize,
)
from scrapeclean.dates._resolve import Prefer, resolve

__all__ = ["SUPPORTED_LANGUAGES", "DateMatch", "find_dates", "parse_date"]

#: Codes of the supported languages, in the order they are tried when `languages` is None.
SUPPORTED_LANGUAGES: tuple[str, ...] = language_codes()

_MAX_EDGE = 4
_SHORT_WORD = 3
_ANY_LANGUAGE = frozenset((AM, PM))
#: No single date expression is longer than this; longer strings are rejected unread.
_MAX_EXPRESSION_CHARS = 300
#: A blank line (it may hold spaces, or be written with CRLF): no date runs across one.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: where (`span`), what was written (`text`), and when (`value`).

    `language` is the code of the language whose words the match was read in (None for a
    match of digits and punctuation alone); `ambiguous` is True for a numeric date whose day
    and month could be swapped (``03/04/2020``: read by the `dayfirst` policy); `year_inferred`
    is True when no year was written and the year came from an earlier date of the same text
    or from `reference`.
    """

    span: Span
    text: str
    value: datetime
    language: str | None = None
    ambiguous: bool = False
    year_inferred: bool = False


Languages = str | Sequence[str] | None


def parse_date(
    text: str,
    *,
    reference: datetime | Literal["now"] | None = None,
    languages: Languages = None,
    dayfirst: bool | None = None,
    default_tz: tzinfo | None = None,
    prefer: Prefer = None,
) -> datetime | None:
    """Parse `text` as one date expression, or return None when it is not exactly one.

    Surrounding whitespace and punctuation, a weekday name and little words such as "on",
    "at", "le", "am", "published" or "updated" are allowed around the date.  The result is
    timezone-aware when the text states a zone, naive otherwise.  Relative expressions, bare
    times and weekdays are resolved against `reference` (a datetime, or ``"now"``); without
    one they give None.
    `languages` restricts the vocabulary (an ISO 639-1 code or a list of codes); None tries
    every supported language, English first.  All the words of one date must come from one
    language.  `dayfirst` decides an ambiguous numeric date (``03/04/2020``); None takes the
    convention of the first language (month first for English, and so when no language is
    given).  `default_tz` is attached to a result that states no zone.  `prefer` ("past" or
    "future") leans what the reference decides: a weekday is then the nearest such day before
    (after) the reference date, and a bare time, a date without a year and a two-digit year
    the nearest reading at or before (at or after) the reference; None keeps the reference's
    day and year.  Raises TypeError for a non-str `text`, ValueError for an unknown language
    code or `prefer` value; never raises for any str.
    Strings longer than 300 characters (after stripping whitespace) are never one date
    expression and give None.
    """
    _check_text(text)
    _check_prefer(prefer)
    fields = _parse_fields(text, languages, dayfirst)
    if fields is None:
        return None
    value = resolve(fields, _reference(reference), prefer=prefer, zone=default_tz)
    return _with_zone(value, default_tz)


def _with_zone(value: datetime | None, default_tz: tzinfo | None) -> datetime | None:
    if value is None or default_tz is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=default_tz)


def _parse_fields(
    text: str, languages: Languages, dayfirst: bool | None = None
) -> dict[str, int] | None:
    """What `parse_date` read in `text` before resolving it: the grammar's fields, or None.

    Keys include ``year``, ``month``, ``day``, ``hour``, ``minute``, ``weekday``, ``relday``
    (a day word: -1 for "yesterday"), ``now``, and ``rel_sec``/``rel_mon`` (negative for
    "… ago", positive for "in …"). Callers that must tell a calendar date from a weekday or a
    relative phrase (such as `parse_dateline`) read them.
    """
    lexicon = build_lexicon(_language_codes(languages))
    if len(text) > _MAX_EXPRESSION_CHARS and len(text.strip()) > _MAX_EXPRESSION_CHARS:
        return None
    items = classify(tokenize(text), lexicon)
    parser = Parser(items, lexicon, strict=True, dayfirst=dayfirst)
    return _whole_expression(parser, items)


def find_dates(
    text: str,
    *,
    reference: datetime | Literal["now"] | None = None,
    languages: Languages = None,
    dayfirst: bool | None = None,
    default_tz: tzinfo | None = None,
    prefer: Prefer = None,
) -> list[DateMatch]:
    """Return every date expression in `text`, in order and without overlaps.

    The search is conservative: it reports calendar dates (day and month, month and year, or a
    full numeric date, with an optional time and zone) and relative phrases ("yesterday",
    "3 days ago"), but not bare numbers, bare years, bare times, or a month name alone, and
    never across a blank line (a paragraph break).  A
    date without a year takes the year of the previous date found in the same text, else that
    of `reference` (`DateMatch.year_inferred` is then set); relative phrases count from
    `reference` (a datetime, or ``"now"``). Without a reference, matches that need one are
    left out.  Nothing is read from the clock.

    It is strict: durations ("for 4 months", "within 30 minutes", "two years later"), phrases
    counted forward ("in 3 days"), a month abbreviation and a number with no year ("Jun 17",
    "11 Pro"), a number with a decimal part ("1,5 years ago"), and expressions mixing the
    words of several languages are not dates.  `languages`, `dayfirst`, `default_tz` and
    `prefer` are as for `parse_date` (`prefer` only decides the year of a yearless date that
    takes it from `reference`, not one that takes it from an earlier date of the text).
    """
    _check_text(text)
    _check_prefer(prefer)
    lexicon = build_lexicon(_language_codes(languages))
    scan = _Scan(lexicon, dayfirst, _reference(reference), default_tz, prefer)
    for offset, paragraph in _paragraphs(text):
        if _may_hold_date(paragraph, lexicon):
            scan.read(paragraph, offset)
    return scan.matches


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """The paragraphs of `text` (split at blank lines) with their offsets."""
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        yield start, text[start : brk.start()]
        start = brk.end()
    yield start, text[start:]


def _may_hold_date(paragraph: str, lexicon: Lexicon) -> bool:
    return may_hold_date(paragraph, lexicon)


class _Scan:
    """`find_dates` over one text, paragraph by paragraph; the year of a date carries on."""

    def __init__(
        self,
        lexicon: Lexicon,
        dayfirst: bool | None,
        base: datetime | None,
        default_tz: tzinfo | None,
        prefer: Prefer = None,
    ) -> None:
        self.lexicon = lexicon
        self.prefer = prefer
        self.dayfirst = dayfirst
        self.base = base
        self.default_tz = default_tz
        self.matches: list[DateMatch] = []
        self.context_year: int | None = None

    def read(self, text: str, offset: int) -> None:
        """Add the dates of the paragraph `text`, which starts at `offset` of the whole text."""
        lexicon, base = self.lexicon, self.base
        items = classify(tokenize(text), lexicon)
        parser = Parser(items, lexicon, strict=False, dayfirst=self.dayfirst)
        index = 0
        while index < len(items):
            if not _may_start(items, index, parser):
                index += 1
                continue
            readings = parser.readings_at(index)
            step = next(
                (
                    reading
                    for reading in reversed(readings)
                    if _credible(items, index, reading[0], reading[1], search=True)
                ),
                None,
            )
            value = (
                resolve(step[1], base, self.context_year, self.prefer, self.default_tz)
                if step is not None
                else None
            )
            if step is None or value is None:
                index += 1
                continue
            end, fields = step
            fields = _day_order(fields, _worded(items, index, end, fields), parser)
            value = resolve(fields, base, self.context_year, self.prefer, self.default_tz) or value
            start, stop = items[index].start, _end_of(items[end - 1])
            match = DateMatch(
                Span(offset + start, offset + stop),
                text[start:stop],
                _with_zone(value, self.default_tz) or value,
                language=_language_of(_worded(items, index, end, fields), lexicon.codes),
                ambiguous="_ambiguous" in fields,
                year_inferred="month" in fields and "year" not in fields and "year2" not in fields,
            )
            self.matches.append(match)
            if "month" in fields:
                self.context_year = value.year
            index = end


def _may_start(items: list[Item], index: int, parser: Parser) -> bool:
    """Whether a match may begin at `index`.

    The parser's filter, less decimal fractions ("1,5 years") and numbers glued to a word
    ("PS4").
    """
    if not parser.can_start(index):
        return False
    item = items[index]
    if item.kind != NUM or item.spaced or index < 1:
        return True
    if items[index - 1].kind != PUNCT:
        # "PS4", "i9": part of a name; but Chinese and Japanese glue words to numbers
        # ("定為1939年9月1日").
        return ends_in_cjk(items[index - 1].text)
    if index < 2:
        return True
    separator, before = items[index - 1], items[index - 2]
    return not (separator.is_punct(".,") and before.kind == NUM and not separator.spaced)


def _shared_languages(items: Sequence[Item], *, every_word: bool = False) -> int:
    """The languages every word of `items` belongs to, as a bit set (-1: no words at all).

    "AM" and "PM" are written in many languages' dates and count as every language's, unless
    `every_word`.
    """
    mask = -1
    for item in items:
        if item.kind == NUM or item.kind == PUNCT or not item.senses:
            continue
        if every_word or item.kinds.isdisjoint(_ANY_LANGUAGE):
            mask &= item.langs
    return mask


def _credible(
    items: list[Item], start: int, end: int, fields: dict[str, int], *, search: bool = False
) -> bool:
    """Whether the words of a match share a language, and a weak match is in the first one.

    "Out of 17" (Portuguese "out" with English "of") mixes languages.  A match of one word
    ("hier", "MA") or a yearless date with an abbreviated month ("led 14") counts only in the
    first language asked for (English when none is given): elsewhere such words are too
    often ordinary words of another language (`parse_date`, reading a whole string the caller
    gave as a date, only applies the one-word rule).  "USA Today" names a paper.
    """
    mask = _shared_languages(_worded(items, start, end, fields))
    if mask == 0 or (not mask & 1 and _weak(items[start:end], fields, search)):
        return False
    if start > 0 and items[start].has(RELDAY) and not items[start].text.islower():
        before = items[start - 1]
        acronym = before.kind != PUNCT and before.text.isupper() and len(before.text) > 1
        return not (acronym and not before.has(FILLER))
    return True


def _worded(items: list[Item], start: int, end: int, fields: dict[str, int]) -> list[Item]:
    """The items of a match whose words must share a language: all but its zone's names.

    A zone's abbreviation belongs to no language, though it may spell a word of one ("ET" is
    French "and", "PT" a Polish weekday): in a match that states a zone, the abbreviations
    (upper-case names of the zone table, the only upper-case words a zone reads) are left
    out, and so is a bracketed label ("(China Standard Time)").
    """
    if "_label_start" in fields:
        kept = items[start : fields["_label_start"]] + items[fields["_label_end"] : end]
    else:
        kept = items[start:end]
    if "tz" not in fields:
        return kept
    return [item for item in kept if not Parser.is_zone_word(item)]


def _day_order(fields: dict[str, int], items: Sequence[Item], parser: Parser) -> dict[str, int]:
    """Swap day and month of an ambiguous numeric date read in a language of the other order.

    Without a `dayfirst` policy the order is that of the language the match's words are in
    ("5.7.2018 5.45 ip." is Finnish, day first), else of the first language asked for.
    """
    if "_ambiguous" not in fields or "_dotted" in fields or parser.dayfirst is not None:
        return fields
    code = _language_of(items, parser.lexicon.codes)
    if code is None or language_record(code).month_first == parser.month_first:
        return fields
    return {**fields, "day": fields["month"], "month": fields["day"]}


def _weak(items: Sequence[Item], fields: dict[str, int], search: bool) -> bool:
    """Whether a match is weak: one word, or (`search`) an incomplete abbreviated date.

    One word: a day word ("hier") or a word of three letters or fewer; in search, an
    abbreviated month without a time and without either the day or the year ("led 14",
    "Mac 2019").
    """
    if len(items) == 1 and items[0].kind != NUM:
        word = items[0]
        return word.has(RELDAY) or word.has(NOW) or len(word.key) <= _SHORT_WORD
    if not search or "hour" in fields:
        return False
    complete = "day" in fields and ("year" in fields or "year2" in fields)
    return not complete and any(flag in fields for flag in ("_abbr", "_prefix", "_short"))


def _language_of(items: Sequence[Item], codes: tuple[str, ...]) -> str | None:
    mask = _shared_languages(items, every_word=True)
    if mask <= 0:
        mask = _shared_languages(items)
    if mask <= 0:
        return None
    return codes[(mask & -mask).bit_length() - 1]


def _end_of(item: Item) -> int:
    """End offset of the last item of a match, leaving out a sentence-final full stop."""
    if item.kind != PUNCT and item.text.endswith(".") and item.text.count(".") == 1:
        return item.end - 1
    return item.end


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected the text as a str, got {type(text).__name__}")


def _selection(languages: Languages) -> tuple[str, ...] | None:
    """`languages` as the cleaners keep it: None, or a tuple of validated codes.

    Takes a code or a sequence of codes, as every `languages` option does; raises ValueError
    naming an unknown code (for `parse_dateline` and other callers of the date grammar).
    """
    if languages is None:
        return None
    return _language_codes(languages)


def _language_codes(languages: Languages) -> tuple[str, ...]:
    if languages is None:
        return SUPPORTED_LANGUAGES
    if isinstance(languages, str):
        languages = [languages]
    codes: list[str] = []
    known = language_aliases()
    for language in languages:
        code = known.get(str(language).lower(), str(language).lower())
        if code not in SUPPORTED_LANGUAGES:
            supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
            raise ValueError(f"unsupported language {language!r}; supported: {supported}")
        if code not in codes:
            codes.append(code)
    return tuple(codes)


_PREFERENCES = (None, "past", "future")


def _check_prefer(prefer: object) -> None:
    if prefer not in _PREFERENCES:
        raise ValueError(f"prefer must be 'past', 'future' or None, got {prefer!r}")


def _reference(reference: object) -> datetime | None:
    if reference is None or isinstance(reference, datetime):
        return reference
    if reference == "now":
        return datetime.now()
    raise TypeError(f"reference must be a datetime, 'now' or None, got {type(reference).__name__}")


def _is_edge(item: Item) -> bool:
    return item.kind == PUNCT or (item.kind != NUM and (item.has(FILLER) or item.has(APPROX)))


def _whole_expression(parser: Parser, items: list[Item]) -> dict[str, int] | None:
    """Fields of the one expression covering `items` (edges excepted), or None."""
    tail = len(items)
    while tail > 0 and _is_edge(items[tail - 1]) and len(items) - tail < _MAX_EDGE:
        tail -= 1
    trailing_ok = set(range(tail, len(items) + 1))
    start = 0
    while start < len(items) and start <= _MAX_EDGE:
        step = parser.parse_at(start)
        if (
            step is not None
            and step[0] in trailing_ok
            and is_acceptable(step[1], True)
            and _credible(items, start, step[0], step[1])
        ):
            return _day_order(step[1], _worded(items, start, step[0], step[1]), parser)
        if not _is_edge(items[start]):
            break
        start += 1
    return None
