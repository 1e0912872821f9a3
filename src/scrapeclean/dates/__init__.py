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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from scrapeclean._model import Span
from scrapeclean.dates._grammar import Parser, is_acceptable
from scrapeclean.dates._languages import language_aliases, language_codes
from scrapeclean.dates._lexicon import FILLER, NUM, PUNCT, Item, build_lexicon, classify, tokenize
from scrapeclean.dates._resolve import resolve

__all__ = ["SUPPORTED_LANGUAGES", "DateMatch", "find_dates", "parse_date"]

#: Codes of the supported languages, in the order they are tried when `languages` is None.
SUPPORTED_LANGUAGES: tuple[str, ...] = language_codes()

_MAX_EDGE = 4
#: No single date expression is longer than this; longer strings are rejected unread.
_MAX_EXPRESSION_CHARS = 300


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: where (`span`), what was written (`text`), and when (`value`)."""

    span: Span
    text: str
    value: datetime


def parse_date(
    text: str,
    *,
    reference: datetime | Literal["now"] | None = None,
    languages: Sequence[str] | None = None,
) -> datetime | None:
    """Parse `text` as one date expression, or return None when it is not exactly one.

    Surrounding whitespace and punctuation, a weekday name and little words such as "on",
    "at", "le", "am", "published" or "updated" are allowed around the date.  The result is
    timezone-aware when the text states a zone, naive otherwise.  Relative expressions, bare
    times and weekdays are resolved against `reference` (a datetime, or ``"now"``); without
    one they give None.
    `languages` restricts the vocabulary (ISO 639-1 codes); None tries every supported
    language, English first.  Raises TypeError for a non-str `text` and ValueError for an
    unknown language code; never raises for any str.  Strings longer than 300 characters
    (after stripping whitespace) are never one date expression and give None.
    """
    _check_text(text)
    fields = _parse_fields(text, languages)
    if fields is None:
        return None
    return resolve(fields, _reference(reference))


def _parse_fields(text: str, languages: Sequence[str] | None) -> dict[str, int] | None:
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
    parser = Parser(items, lexicon, strict=True)
    return _whole_expression(parser, items)


def find_dates(
    text: str,
    *,
    reference: datetime | Literal["now"] | None = None,
    languages: Sequence[str] | None = None,
) -> list[DateMatch]:
    """Return every date expression in `text`, in order and without overlaps.

    The search is conservative: it reports calendar dates (day and month, month and year, or a
    full numeric date, with an optional time and zone) and relative phrases ("yesterday",
    "3 days ago"), but not bare numbers, bare years, bare times, or a month name alone.  A
    date without a year takes the year of the previous date found in the same text, else that
    of `reference`; relative phrases count from `reference` (a datetime, or ``"now"``). Without
    a reference, matches that need one are left out.
    """
    _check_text(text)
    lexicon = build_lexicon(_language_codes(languages))
    items = classify(tokenize(text), lexicon)
    parser = Parser(items, lexicon, strict=False)
    base = _reference(reference)
    matches: list[DateMatch] = []
    context_year: int | None = None
    index = 0
    while index < len(items):
        step = parser.parse_at(index) if parser.can_start(index) else None
        value = resolve(step[1], base, context_year) if step is not None else None
        if step is None or value is None:
            index += 1
            continue
        end, fields = step
        span = Span(items[index].start, _end_of(items[end - 1]))
        matches.append(DateMatch(span, text[span.start : span.end], value))
        if "month" in fields:
            context_year = value.year
        index = end
    return matches


def _end_of(item: Item) -> int:
    """End offset of the last item of a match, leaving out a sentence-final full stop."""
    if item.kind != PUNCT and item.text.endswith(".") and item.text.count(".") == 1:
        return item.end - 1
    return item.end


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected the text as a str, got {type(text).__name__}")


def _language_codes(languages: Sequence[str] | None) -> tuple[str, ...]:
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


def _reference(reference: object) -> datetime | None:
    if reference is None or isinstance(reference, datetime):
        return reference
    if reference == "now":
        return datetime.now()
    raise TypeError(f"reference must be a datetime, 'now' or None, got {type(reference).__name__}")


def _is_edge(item: Item) -> bool:
    return item.kind == PUNCT or (item.kind != NUM and item.has(FILLER))


def _whole_expression(parser: Parser, items: list[Item]) -> dict[str, int] | None:
    """Fields of the one expression covering `items` (edges excepted), or None."""
    tail = len(items)
    while tail > 0 and _is_edge(items[tail - 1]) and len(items) - tail < _MAX_EDGE:
        tail -= 1
    trailing_ok = set(range(tail, len(items) + 1))
    start = 0
    while start < len(items) and start <= _MAX_EDGE:
        step = parser.parse_at(start)
        if step is not None and step[0] in trailing_ok and is_acceptable(step[1], True):
            return step[1]
        if not _is_edge(items[start]):
            break
        start += 1
    return None
