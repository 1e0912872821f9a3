"""`parse_dateline`: when, where and by whom, from the lines above the article body.

It reads the header: the non-blank lines above the first long line, at most eight of them
that it keeps (lines it removes do not count, so that a second pass over its own output reads
the same header). On an HTML page, up to two long image captions or standfirsts (a block in a
``<figcaption>`` or ``<figure>``, or whose class words say caption, credit, image, lead…) are
passed over rather than taken for the body: a photo often stands above the dateline.

- a line that is a date, optionally labelled ("Published: …", "Updated …",
  "Aktualisiert am …"): its value becomes `Dateline.published` (or `.updated`) and the line is
  removed. An unlabelled line must state a calendar date (a day and month, a month and year, or
  a numeric date), an "… ago" phrase ("2 hours ago", "vor 2 Stunden"), or a day word with a
  clock time ("Yesterday 14:26"): a lone weekday, time of day, "Tomorrow", "Now" or "In 3 days"
  is a short paragraph of the story, not a dateline ("Sunday.", "Midnight.", "Two weeks
  later."). A date after the reference time is never taken, and its line stays. A relative
  date with no reference to resolve it against stays in the text too: its words are recorded
  in `Dateline.raw` and a warning says so. A time in a second zone, in brackets after the date
  ("… 04:05 pm XT (07:05 pm ET)"), times it when the grammar does not read the first zone; a
  zone's abbreviation it does not read after a full date and time ("11:28 AMT") is left out
  (the time is then naive);
- on a page whose own metadata states its publication time (the *anchor*: JSON-LD, meta tags,
  ``<time>``, read by the HTML reader), a date without a year takes the year that puts it
  nearest the anchor (a publication date never more than three days after it), and a date
  whose day only a reference could tell ("Updated at 1:23 p.m.", "Today 12:01 AM"), with no
  reference, is removed as a dateline but not recorded: its day is unknown, and a wrong value
  is worse than none. Without an anchor these stay as above;
- a byline ("By Jane Doe and John Roe", "Von …", "Par …"), optionally with a date after a
  separator or directly after the names ("By Jane Doe Nov 18, 2019"), or after a date ("15
  October 2019 by Jane Doe"); a social handle after the names ("Jane Doe@janedoe", "Jane Doe
  @janedoe") is no name. The names become `Dateline.authors` (and the date the published date)
  and the line is removed. Names must look like a person's: two to four capitalised words, not
  all of them ordinary English words ("By Royal Appointment" is no byline), unless the page's
  metadata names that author ("by Regan");
- a date and names with no byline word ("November 20, 2019 Jane Doe"), the names alone, or
  the names and a job title, when the page's own metadata gives those names as the authors:
  otherwise capitalised words after a date are a headline's ("May 5, 2021 Kentucky Derby")
  and stay. A job title after a byline's names ("By Jane Doe, Senior Contributor", "Jane
  Doe, AP Sports Writer"; ``dateline.job_titles``) is neither a name nor a date, and persons'
  names followed by the page's site name ("Jane Doe USA TODAY") are a byline;
- a wire dateline opening the first paragraph ("PARIS (Reuters) -"): its location and agency are
  recorded; the prefix stays in the text unless ``remove_wire=True`` (editors keep it as part of
  the story);
- a dash dateline opening the first paragraph, with no agency or one in brackets ("MADRID —",
  "CLEVELAND, Ohio –", "Paris, 3 March –", "WASHINGTON, March 11 (AP) —", "Feb. 23, 2015 --"):
  a place (words in capitals, or capitalised words before an en or em dash), then optional
  regions and an optional date, each after a comma. Words that open stories before a dash but
  name no place ("UPDATE —", "Exclusive —", "Monday —", the language files'
  ``dateline.not_places``) are not read. It is kept or removed like a wire dateline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

import regex

from scrapeclean._model import Block, ChangeKind, Dateline, Document, Edit, Proposal, Span
from scrapeclean._page_dates import PLACEHOLDER_YEAR
from scrapeclean._regex import LazyRegex
from scrapeclean._vocabulary import alternation
from scrapeclean._vocabulary import words as vocabulary
from scrapeclean.cleaners._base import CAPTION_TOKENS, BaseCleaner, marked_block
from scrapeclean.cleaners._text import Flag, Line, is_prose, iter_lines, line_removals

if TYPE_CHECKING:
    from scrapeclean.cleaners._spelling_index import Lexicon

__all__ = ["ParseDateline", "parse_dateline"]

_HEADER_LINES = 8
_BODY_LINE = 200
#: A wire dateline opens a body paragraph: a line at least this long, among the first few.
_MIN_WIRE_LINE = 40


def _label(key: str) -> str:
    """A date label from the language files, with its connector ("Published on", "Mis à jour")."""
    return (
        rf"^(?:{alternation(key)})"
        rf"(?:\ (?:{alternation('dateline.label_connectors')}))?\s*:?\s*"
    )


def _name() -> str:
    """One person's name: capitalised words, with name particles ("van", "de") between them."""
    return (
        r"\p{Lu}[\p{L}'’.-]*"
        rf"(?:\s+(?:{alternation('dateline.name_particles')}|\p{{Lu}}[\p{{L}}'’.-]*)){{0,4}}"
    )


def _joiner() -> str:
    """What joins names in a byline: a comma, "&", or a connector ("and", "und", "et")."""
    return rf"\s*(?:,|\b(?:{alternation('dateline.byline_connectors')})\b|&)\s*"


#: A social-media handle after a byline's names, glued or not ("Jane Doe@janedoe",
#: "Jane Doe, @janedoe"): not part of the names. Space runs are entered once (possessive).
_HANDLE = r"\s*+[,|·•]?\s*+@[\p{L}\p{N}_.]+"


def _byline() -> str:
    name = _name()
    return (
        rf"^(?i:{alternation('dateline.byline_words')})\s+(?P<names>{name}(?:{_joiner()}{name})*)"
        rf"(?:{_HANDLE})?\s*(?:$|[|,·•–—-]\s*(?P<rest>.+)$)"
    )


_PUBLISHED_LABEL = LazyRegex(
    lambda: _label("dateline.published_labels"), regex.IGNORECASE | regex.VERBOSE
)
_UPDATED_LABEL = LazyRegex(
    lambda: _label("dateline.updated_labels"), regex.IGNORECASE | regex.VERBOSE
)
#: Not case-insensitive: names must be capitalized ("By the way" is no byline).
_BYLINE = LazyRegex(_byline)
#: A date, then a byline on the same line ("15 October 2019 by Jane Doe"): the cut before the
#: first byline word that a capital follows (a space run is entered only at its start, and
#: never given back: linear on long runs).
_DATE_THEN_BYLINE = LazyRegex(
    lambda: (
        r"^(?P<date>\S.*?)(?<!\s)\s++"
        rf"(?=(?i:{alternation('dateline.byline_words')})\s+\p{{Lu}})"
    )
)
#: A byline, then a date label on the same line ("By Jane Doe Updated Nov 13, 2019"): the cut
#: before the label (space runs entered only at their start, as above).
_BYLINE_THEN_LABEL = LazyRegex(
    lambda: (
        rf"^(?P<byline>(?i:{alternation('dateline.byline_words')})\s+\p{{Lu}}.*?)(?<!\s)\s++"
        rf"(?=(?i:{alternation('dateline.published_labels')}"
        rf"|{alternation('dateline.updated_labels')}"
        rf"|{alternation('dateline.label_connectors')})\b)"
    )
)
#: A line that opens with a byline word and a capital ("By Jane …").
_BYLINE_START = LazyRegex(lambda: rf"^(?i:{alternation('dateline.byline_words')})\s++\p{{Lu}}")
#: A gap between two words: a run of spaces, entered only at its start.
_GAP = LazyRegex(r"(?<!\s)\s++(?=\S)")
#: A byline's names and a date after them span at most this many gaps ("By Jane Doe Nov 18").
_MAX_CUTS = 12
#: A site name is compared when it has at least this many letters and digits.
_MIN_SITE_CHARS = 3
_NOT_ALNUM = LazyRegex(r"[\W_]++")
#: A job title has at most this many words ("AP National Political Writer").
_MAX_TITLE_WORDS = 4
#: A line of a date and the page's authors is cut at most at this many gaps.
_MAX_GAPS = 24
#: A connector before a byline's date ("By Jane Doe on March 3, 2021"): not part of the date.
_CONNECTOR = LazyRegex(lambda: rf"^(?i:{alternation('dateline.label_connectors')})\s+")
#: A news agency as the byline: alone, after the authors' names, or before a date ("The
#: Associated Press", "Jane Doe and John Roe, Associated Press", "Reuters | March 11, 2008").
_AGENCY_BYLINE = LazyRegex(
    lambda: (
        rf"^(?:(?i:{alternation('dateline.byline_words')})\s+)?"
        rf"(?:(?!(?i:the)\s)(?P<names>{_name()}(?:{_joiner()}{_name()})*?)(?:\s*+[,|·•]\s*+|\s++))?"
        rf"(?i:the\s+)?(?P<agency>(?i:{alternation('dateline.agencies')}))\b"
        r"(?:[ \t]*+[|,·•–—-]?[ \t]*+(?P<rest>\S.*))?$"
    )
)
#: (?<!\s): the separators never start inside a run of spaces (quadratic on long runs).
_NAME_SPLIT = LazyRegex(lambda: r"(?<!\s)" + _joiner())
_WIRE = LazyRegex(
    r"^(?P<location>\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?)?"
    r"\s*\((?P<agency>\p{Lu}[\p{L}&. -]{0,30}|\p{Ll}{2,6})\)\s*[-–—:]+\s*"
)
#: A dash dateline: a head of at most 60 characters (no brackets, quotes or sentence
#: punctuation), an optional agency in brackets, a dash between spaces and the story's first
#: capital. The head is read part by part in `_dash_head`. Space runs are entered only at
#: their start and never given back (linear on long runs of spaces).
_DASH = LazyRegex(
    r"^(?P<head>[^\s()\[\]:;!?\"“”–—][^\n()\[\]:;!?\"“”–—]{0,59}?)"
    r"(?:(?<![ \t])[ \t]*+\((?P<agency>\p{Lu}[\p{L}&. -]{0,30})\))?"
    r"(?<![ \t])[ \t]++(?P<dash>--|[–—]|-)[ \t]++(?=[\p{Lu}\p{N}\"“‘'])"
)
#: A word of a place name: a capital, then letters, marks, dots, apostrophes or hyphens.
_PLACE_WORD = LazyRegex(r"\p{Lu}[\p{L}\p{M}.'’-]*\Z")
#: A dash dateline has at most this many comma-separated parts, of at most this many words.
_MAX_HEAD_PARTS = 4
_MAX_PLACE_WORDS = 4
#: A place written in title case has at most this many words ("Salt Lake City"), and each
#: region after it at most `_MAX_TITLED_REGION_WORDS` ("Paris, France", "Springfield, Ill."):
#: longer runs of capitalised words are headlines ("Despite The Rain, Crowds Keep Coming —").
_MAX_TITLED_WORDS = 3
_MAX_TITLED_REGION_WORDS = 2
_SEPARATORS = LazyRegex(r"(?<!\s)\s*[|·•;]\s*")
#: A byline name has this many capitalised words.
_MIN_NAME_WORDS = 2
_MAX_NAME_WORDS = 4
#: Endings of English nouns made from other words ("appointment", "edition", "kindness").
_NOUN_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "ism", "hood")
#: A reference time that tells a date needing one ("2 hours ago") from an invalid one.
_ANY_TIME = datetime(2000, 1, 1, 12, 0)
#: Fields of a date that make it relative, or a weekday, rather than a calendar date.
_RELATIVE_FIELDS = frozenset({"relday", "now", "weekday"})
#: Fields that say which day a date is on: without any of them, a date is a time of day.
_DAY_FIELDS = frozenset(
    {"year", "year2", "month", "day", "weekday", "relday", "now", "rel_sec", "rel_mon"}
)
#: Fields of a calendar date: without any of them, only a reference tells the day.
_CALENDAR_FIELDS = frozenset({"year", "year2", "month", "day"})
#: Fields of a relative date, which an anchor does not resolve (only a reference does).
_COUNTED_FIELDS = frozenset({"relday", "now", "rel_sec", "rel_mon"})
#: A yearless publication date is at most this long after the page's own publication time.
_PUBLISHED_SLACK = timedelta(days=3)
#: The value read from a labelled time whose day is unknown ("Updated at 1:23 p.m.") on a page
#: whose metadata dates it: the line is removed, nothing is recorded (compared by identity).
_DAY_UNKNOWN = datetime(1, 1, 1)
#: A time in a second zone, in brackets at the end of a date ("… 04:05 pm XT (07:05 pm ET)").
#: Entered only at the end of a word (linear on long runs of spaces).
_SECOND_ZONE = LazyRegex(r"(?<!\s)\s*+\((?P<time>[^()\n]{1,30})\)\s*+$")
#: A date and time and a zone word: at least this many words.
_MIN_ZONED_WORDS = 3
#: A zone's abbreviation that the date grammar may not know ("AMT").
_ZONE_WORD = LazyRegex(r"\p{Lu}{2,5}\Z")
#: The fields of a full date and time.
_FULL_TIME = frozenset({"year", "month", "day", "hour"})
#: At most this many image captions or standfirsts of an HTML page are passed over above the
#: header.
_MAX_CAPTIONS = 2
#: Class and id words of an image's caption or credit (or of the image block around it), or of
#: a standfirst (the summary under a headline): long blocks that stand above a dateline.
_CAPTION_WORDS = CAPTION_TOKENS | frozenset(
    {"image", "photo", "img", "lead", "standfirst", "dek", "deck"}
)
#: Tags whose blocks are an image's caption or its figure.
_CAPTION_TAGS = frozenset({"figcaption", "figure"})


@dataclass(frozen=True, slots=True, repr=False)
class ParseDateline(BaseCleaner):
    """Find the dateline (date, byline, wire location and agency) above the article body."""

    factory = "parse_dateline"
    provides = frozenset({"dateline"})
    languages: tuple[str, ...] | None = None
    remove_wire: bool = False

    def __call__(self, doc: Document, /) -> Proposal:
        """Parse the header lines of `doc.text`; propose removing the date and byline lines."""
        text = doc.text
        found = _Found()
        flagged: list[Flag] = []
        kept = 0
        clock = _Clock.of(doc)
        captions = _Captions(doc)
        for line in _header_candidates(text, captions):
            verdict = self._read_line(line, found, clock)
            if verdict is not None:
                flagged.append((line, ChangeKind.DATELINE, verdict[1], verdict[0]))
                continue
            kept += 1
            if kept == _HEADER_LINES:
                break
        edits = line_removals(text, flagged)
        wire_edit = self._read_wire(text, flagged, found, clock, captions)
        if wire_edit is not None:
            edits = sorted([*edits, wire_edit], key=lambda edit: edit.span.start)
        warnings = tuple(found.warnings)
        if found.empty():
            return Proposal(warnings=warnings)
        return Proposal(edits=tuple(edits), dateline=found.dateline(), warnings=warnings)

    def _read_line(self, line: Line, found: _Found, clock: _Clock) -> tuple[str, str] | None:
        """Record what a header line says; return ``(rule, reason)`` to remove it, or None."""
        content = line.text.strip()
        offset = line.start + (len(line.text) - len(line.text.lstrip()))
        span = Span(offset, offset + len(content))
        agency = _AGENCY_BYLINE.match(content)
        if agency is not None:
            verdict = self._read_agency_byline(agency, content, span, found, clock)
            if verdict is not None:
                return verdict
        labelled = _BYLINE_THEN_LABEL.match(content)
        if labelled is not None:
            verdict = self._read_byline_then_label(labelled, content, span, found, clock)
            if verdict is not None:
                return verdict
        byline = _BYLINE.match(content)
        if byline is not None:
            return self._read_byline(byline, content, span, found, clock)
        split = _DATE_THEN_BYLINE.match(content)
        if split is not None:
            return self._read_date_then_byline(split, content, span, found, clock)
        if _BYLINE_START.match(content):
            return self._read_byline_then_date(content, span, found, clock)
        parts = [part for part in _SEPARATORS.split(content) if part]
        dates = [self._date(part, clock) for part in parts]
        readings = [date for date in dates if date is not None]
        if not parts or len(readings) < len(parts):
            return self._read_page_authors(content, span, found, clock)
        if not found.settle(readings, content, span, clock.reference):
            return None
        for value, updated in readings:
            assert value is not None
            found.add_date(value, updated=updated, raw=content, span=span)
        if all(value is _DAY_UNKNOWN for value, _ in readings):
            return (
                "dateline.date",
                "dateline: a date whose day only a reference time could tell (the page's "
                "metadata dates the article); not recorded",
            )
        return (
            "dateline.date",
            "dateline: the date and time of the article, recorded in the dateline",
        )

    def _read_byline_then_date(
        self, content: str, span: Span, found: _Found, clock: _Clock
    ) -> tuple[str, str] | None:
        """Read "by <names> <date>" with no separator between them ("By Jane Doe Nov 18, 2019").

        The line is cut at each of its first gaps: the first cut whose left part is a byline
        and whose right part a date is taken; None when there is none.
        """
        for number, gap in enumerate(_GAP.finditer(content)):
            if number == _MAX_CUTS:
                break
            left, right = content[: gap.start()], content[gap.end() :]
            byline = _BYLINE.match(left)
            if byline is None or byline["rest"] or self._date(right, clock) is None:
                continue
            reason = "byline and date: recorded in the dateline"
            return self._read_names_and_date(
                left, right, right, content, span, found, clock, reason
            )
        return None

    def _read_page_authors(
        self, content: str, span: Span, found: _Found, clock: _Clock
    ) -> tuple[str, str] | None:
        """Read a date and names with no byline word, when the page names them its authors.

        "November 20, 2019 Emiliano Bellini", "Jane Doe March 3, 2021": the names (one or more,
        joined as in a byline) must be those the page's own metadata gives as the authors, and
        the rest of the line a date or their job title ("Jane Doe Senior Contributor"), or
        nothing. A capitalised name after a date is otherwise a headline's ("May 5, 2021
        Kentucky Derby") and stays. None when the line is not such a dateline.
        """
        site = self._read_names_and_site(content, span, found, clock)
        folded = _folded(content)
        if site is not None or not any(author in folded for author in clock.authors):
            return site
        names = _names(content)
        if names and all(clock.is_author(name) for name in names):
            found.add_authors(tuple(names), content, span)
            return "dateline.byline", "the page's authors: recorded in the dateline"
        for number, gap in enumerate(_GAP.finditer(content)):
            if number == _MAX_GAPS:
                break
            left, right = content[: gap.start()], content[gap.end() :]
            for names_first in (False, True):
                names_text, date_text = (left, right) if names_first else (right, left)
                names = _names(names_text)
                if not names or not all(clock.is_author(name) for name in names):
                    continue
                if names_first and _is_job_title(right):
                    found.add_authors(tuple(names), content, span)
                    return "dateline.byline", "the page's authors: recorded in the dateline"
                when = self._date(date_text, clock)
                if when is None or not found.settle([when], date_text, span, clock.reference):
                    return None
                found.add_authors(tuple(names), content, span)
                found.add_reading(when, raw=date_text, span=None)
                return "dateline.byline", "date and the page's authors: recorded in the dateline"
        return None

    def _read_names_and_site(
        self, content: str, span: Span, found: _Found, clock: _Clock
    ) -> tuple[str, str] | None:
        """Read "<names> <site name>" ("Jane Doe and John Roe USA TODAY") as a byline.

        The words after the names must be the site's name the page's metadata states
        (``og:site_name``, spaces and case aside), and every name a person's.
        """
        if not clock.site or not _squashed(content).endswith(clock.site):
            return None
        for number, gap in enumerate(_GAP.finditer(content)):
            if number == _MAX_GAPS:
                break
            left = content[: gap.start()].rstrip(" ,|·•–—-")
            if not clock.is_site(content[gap.end() :]):
                continue
            names = _names(left)
            if not names or not all(_is_person_name(name) for name in names):
                return None
            found.add_authors(tuple(names), content, span)
            return "dateline.byline", "byline: the authors and the site's name, recorded"
        return None

    def _read_byline(
        self,
        byline: regex.Match[str],
        content: str,
        span: Span,
        found: _Found,
        clock: _Clock,
    ) -> tuple[str, str] | None:
        """Record a byline's authors (and a date after it); ``(rule, reason)`` to remove it."""
        names = _names(byline["names"])
        if not names or not clock.is_person(names[0]):
            return None
        authors = tuple(name for name in names if clock.is_person(name))
        rest = byline["rest"]
        when = self._date(rest, clock) if rest else None
        if rest and when is None:
            return None
        found.add_authors(authors, content, span)
        if when is None:
            return "dateline.byline", "byline: the authors' names, recorded in the dateline"
        if not found.settle([when], rest or "", span, clock.reference):
            return None
        found.add_reading(when, raw=rest or "", span=None)
        return "dateline.byline", "byline: the authors' names, recorded in the dateline"

    def _read_agency_byline(
        self,
        match: regex.Match[str],
        content: str,
        span: Span,
        found: _Found,
        clock: _Clock,
    ) -> tuple[str, str] | None:
        """Read "[names,] agency [date or job title]": every name a person's.

        What follows the agency is a date ("Reuters | March 11, 2008") or the authors' job
        title ("Jane Doe, AP Sports Writer").
        """
        names = _names(match["names"] or "")
        if not all(_is_person_name(name) for name in names):
            return None
        rest = match["rest"]
        if rest and names and _is_job_title(rest):
            rest = None
        when = self._date(rest, clock) if rest else None
        if rest and when is None:
            return None
        if when is not None and not found.settle([when], rest or "", span, clock.reference):
            return None
        if names:
            found.add_authors(tuple(names), content, span)
        found.add_agency(match["agency"], content, span)
        if when is not None:
            found.add_reading(when, raw=rest or "", span=None)
        return "dateline.byline", "byline: the news agency (and authors), recorded in the dateline"

    def _read_byline_then_label(
        self,
        split: regex.Match[str],
        content: str,
        span: Span,
        found: _Found,
        clock: _Clock,
    ) -> tuple[str, str] | None:
        """Read "by <names> <label> <date>": both must hold, or the line is left alone (None)."""
        rest = content[split.end() :]
        connector = _CONNECTOR.match(rest)
        date = rest[connector.end() :] if connector else rest
        reason = "byline and date: recorded in the dateline"
        return self._read_names_and_date(
            split["byline"], date, rest, content, span, found, clock, reason
        )

    def _read_date_then_byline(
        self,
        split: regex.Match[str],
        content: str,
        span: Span,
        found: _Found,
        clock: _Clock,
    ) -> tuple[str, str] | None:
        """Read "<date> by <names>": both must hold, or the line is left alone (None)."""
        date, reason = split["date"], "date and byline: recorded in the dateline"
        byline = content[split.end() :]
        return self._read_names_and_date(byline, date, date, content, span, found, clock, reason)

    def _read_names_and_date(
        self,
        byline_text: str,
        date: str,
        raw: str,
        content: str,
        span: Span,
        found: _Found,
        clock: _Clock,
        reason: str,
    ) -> tuple[str, str] | None:
        """Record a byline with nothing after its names and the `date` said beside it.

        Both must hold (a person's name first, a date that can be taken), or nothing is
        recorded and None says the line stays. `raw` is the date's words as the line has them,
        `content` the whole line.
        """
        byline = _BYLINE.match(byline_text)
        if byline is None or byline["rest"]:
            return None
        names = _names(byline["names"])
        if not names or not clock.is_person(names[0]):
            return None
        when = self._date(date, clock)
        if when is None or not found.settle([when], raw, span, clock.reference):
            return None
        found.add_authors(tuple(name for name in names if clock.is_person(name)), content, span)
        found.add_reading(when, raw=raw, span=None)
        return "dateline.byline", reason

    def _date(self, text: str, clock: _Clock) -> _Reading | None:
        """A labelled or bare date that a dateline may state: ``(value, is_update)``, or None.

        The value is None when the date is relative and there is no `reference` to resolve it
        against. Weekdays, times of day and relative phrases other than "… ago" count only
        after a label ("Updated: Sunday"); see the module docstring.
        """
        from scrapeclean.dates import _parse_fields
        from scrapeclean.dates._resolve import resolve

        updated = _UPDATED_LABEL.match(text)
        label = updated or _PUBLISHED_LABEL.match(text)
        rest = text[label.end() :] if label else text
        if not rest.strip():
            return None
        second = _SECOND_ZONE.search(rest)
        zoned = self._zoned_time(second["time"]) if second is not None else None
        if second is not None and zoned is not None:
            rest = rest[: second.start()]
        fields = _parse_fields(rest, self.languages)
        if fields is None:
            bare = self._without_zone_word(rest)
            if bare is not None:
                fields = bare if zoned is None else _in_second_zone(bare, zoned)
        if fields is None or not _states_a_date(fields, labelled=label is not None):
            return None
        anchored = _anchored(fields, clock, updated=updated is not None)
        if anchored is not None:
            return anchored, updated is not None
        value = resolve(fields, clock.reference)
        if value is None and (clock.reference is not None or resolve(fields, _ANY_TIME) is None):
            return None  # not a valid date at all ("31 Feb 2024"), whatever the reference
        return value, updated is not None

    def _zoned_time(self, text: str) -> dict[str, int] | None:
        """The fields of a time of day with its zone ("07:05 pm ET"), or None."""
        from scrapeclean.dates import _parse_fields

        fields = _parse_fields(text, self.languages)
        if fields is None or "tz" not in fields or "hour" not in fields:
            return None
        return None if fields.keys() & _DAY_FIELDS else fields

    def _without_zone_word(self, text: str) -> dict[str, int] | None:
        """A full date and time ending in a zone the grammar does not read, without that zone.

        "November 20, 2019 - 11:28 AMT", "November 18, 2019, 04:05 pm XT": the fields of the
        words before the last, when the last is a zone's abbreviation and they are a full date
        and time; else None. The time is then a wall-clock time with no zone (naive), as a date
        that states none, unless a second zone in brackets times it (`_in_second_zone`).
        """
        from scrapeclean.dates import _parse_fields

        words = text.split()
        if len(words) < _MIN_ZONED_WORDS or not _ZONE_WORD.match(words[-1]):
            return None
        fields = _parse_fields(" ".join(words[:-1]), self.languages)
        if fields is None or "tz" in fields or not fields.keys() >= _FULL_TIME:
            return None
        return fields

    def _read_wire(
        self,
        text: str,
        flagged: Sequence[Flag],
        found: _Found,
        clock: _Clock,
        captions: _Captions,
    ) -> Edit | None:
        """Read a wire dateline opening the first body paragraph; an edit if it is to go.

        The lines left after the header are tried (a headline may still stand above the body),
        up to the first sentence of running text or long line, which is the body; long image
        captions are passed over as the header scan passes them (`_header_candidates`).
        """
        removed = {flag[0].number for flag in flagged}
        tried = passed = 0
        for line in iter_lines(text):
            if line.blank or line.number in removed:
                continue
            if len(line.text) >= _BODY_LINE and passed < _MAX_CAPTIONS and line in captions:
                passed += 1
                continue
            if len(line.text) >= _MIN_WIRE_LINE:
                match = _WIRE.match(line.text)
                if match is not None:
                    return self._wire_edit(line, match, found)
                dash = _DASH.match(line.text)
                if dash is not None and self._read_dash(dash, line, found, clock):
                    return self._prefix_edit(Span(line.start, line.start + dash.end()))
            tried += 1
            if tried == _HEADER_LINES or len(line.text) >= _BODY_LINE or is_prose(line.text):
                return None
        return None

    def _wire_edit(self, line: Line, match: regex.Match[str], found: _Found) -> Edit | None:
        location = match["location"].strip(" ,") if match["location"] else None
        if location is None and match["agency"].islower():
            return None  # "(dpa) -" with no place before it: too weak alone
        span = Span(line.start, line.start + match.end())
        found.add_wire(location, match["agency"].strip(), match.group().strip(), span)
        return self._prefix_edit(span)

    def _prefix_edit(self, span: Span) -> Edit | None:
        """The edit removing a wire or dash dateline prefix, when `remove_wire` asks for it."""
        if not self.remove_wire:
            return None
        return Edit.delete(
            span.start,
            span.end,
            kind=ChangeKind.DATELINE,
            reason="wire dateline (location, agency or date), recorded in the dateline",
            rule="dateline.wire",
        )

    def _read_dash(self, match: regex.Match[str], line: Line, found: _Found, clock: _Clock) -> bool:
        """Record a dash dateline's place, agency and date; False when its head is no dateline."""
        head = _dash_head(match["head"], match["dash"], lambda text: self._date(text, clock))
        if head is None:
            return False
        place, when = head
        agency = match["agency"].strip() if match["agency"] else None
        if place is None and when is None:
            return False
        span = Span(line.start, line.start + match.end())
        raw = match.group().strip()
        if when is not None and found.settle([when], raw, span, clock.reference):
            found.add_reading(when, raw=raw, span=span)
        if place is not None or agency is not None:
            found.add_wire(place, agency, raw, span)
        return True


#: A date a line states: its value (None while unresolved) and whether it is an update time.
_Reading = tuple[datetime | None, bool]


class _Found:
    """What the header lines said, gathered in reading order."""

    __slots__ = (
        "agency",
        "authors",
        "location",
        "published",
        "raw",
        "span",
        "undated",
        "unresolved",
        "updated",
        "warnings",
    )

    def __init__(self) -> None:
        self.published: datetime | None = None
        self.updated: datetime | None = None
        self.authors: tuple[str, ...] = ()
        self.location: str | None = None
        self.agency: str | None = None
        self.raw = ""
        self.span: Span | None = None
        self.unresolved = False
        self.undated = False
        self.warnings: list[str] = []

    def empty(self) -> bool:
        return not (
            self.published
            or self.updated
            or self.authors
            or self.agency
            or self.location
            or self.unresolved
            or self.undated
        )

    def _locate(self, raw: str, span: Span | None) -> None:
        if not self.raw:
            self.raw = raw
            self.span = span

    def settle(
        self, readings: Sequence[_Reading], raw: str, span: Span, reference: datetime | None
    ) -> bool:
        """Whether dates read on a line can be taken; else record why the line stays.

        A date with no reference to resolve it is kept as raw text (it takes `raw` and `span`
        over a byline's, as the one record of it); a date after the reference is refused.
        """
        if any(value is None for value, _ in readings):
            if not self.unresolved:
                self.unresolved = True
                self.raw, self.span = raw, span
            self.warnings.append(
                f"kept the header line {raw!r}: its date is relative (or has no year) and there "
                "is no reference time to resolve it against (pass reference= to clean())"
            )
            return False
        if reference is not None and any(
            value is not None and value is not _DAY_UNKNOWN and _after_reference(value, reference)
            for value, _ in readings
        ):
            self.warnings.append(
                f"kept the header line {raw!r}: its date is after the reference time "
                f"{reference.isoformat()}"
            )
            return False
        return True

    def add_reading(self, reading: _Reading, *, raw: str, span: Span | None) -> None:
        """`add_date` of a settled reading (`settle` has refused the unresolved ones)."""
        value, updated = reading
        assert value is not None
        self.add_date(value, updated=updated, raw=raw, span=span)

    def add_date(self, value: datetime, *, updated: bool, raw: str, span: Span | None) -> None:
        if value is _DAY_UNKNOWN:
            self.undated = True
        elif updated and self.updated is None:
            self.updated = value
        elif not updated and self.published is None:
            self.published = value
        else:
            return
        self._locate(raw, span)

    def add_authors(self, authors: tuple[str, ...], raw: str, span: Span) -> None:
        if not self.authors:
            self.authors = authors
            self._locate(raw, span)

    def add_agency(self, agency: str, raw: str, span: Span) -> None:
        if self.agency is None:
            self.agency = agency
            self._locate(raw, span)

    def add_wire(self, location: str | None, agency: str | None, raw: str, span: Span) -> None:
        """Record a wire or dash dateline: its agency, when it names none, is the byline's."""
        self.location = location
        if agency is not None:
            self.agency = agency
        self._locate(raw, span)

    def dateline(self) -> Dateline:
        return Dateline(
            published=self.published,
            updated=self.updated,
            location=self.location,
            agency=self.agency,
            authors=self.authors,
            raw=self.raw,
            span=self.span,
        )


def _header_candidates(text: str, captions: _Captions) -> Iterator[Line]:
    """The non-blank lines above the first long line (the caller stops after a few it keeps).

    A long line that is an image's caption on an HTML page (`_Captions`) is passed over, at
    most `_MAX_CAPTIONS` of them: a photo often stands above the dateline.
    """
    passed = 0
    for line in iter_lines(text):
        if line.blank:
            continue
        if len(line.text) >= _BODY_LINE:
            if passed < _MAX_CAPTIONS and line in captions:
                passed += 1
                continue
            return
        yield line


class _Captions:
    """Which lines of an HTML page's current text are in an image's caption or a standfirst.

    A block is one when it is in a ``<figcaption>`` or ``<figure>``, or when its nearest class
    or id words name a caption, a credit, an image or a standfirst (``<div class="image"><img>
    <p>…``, ``<p class="article-lead">``). Plain text has none. Only the block a line asked
    about is looked up: its middle is mapped back into the input text, where the blocks are.
    """

    __slots__ = ("_doc",)

    def __init__(self, doc: Document) -> None:
        self._doc = doc

    def __contains__(self, line: object) -> bool:
        blocks = self._doc.blocks
        if not isinstance(line, Line) or blocks is None:
            return False
        middle = line.start + len(line.text) // 2
        offsets = self._doc.offsets
        position = (
            offsets.backward_start(middle) if offsets is not None and len(offsets) else middle
        )
        for block in blocks:
            if block.span.start <= position < block.span.end:
                return _is_caption(block)
        return False


def _is_caption(block: Block) -> bool:
    """Whether an HTML block is an image's caption (see `_Captions`)."""
    return marked_block(block, _CAPTION_TAGS, _CAPTION_WORDS)


@dataclass(frozen=True, slots=True)
class _Clock:
    """What the header's dates and names are read against.

    `reference` resolves relative dates ("3 hours ago") and refuses later ones. `anchor` is the
    publication time the page's own metadata states (JSON-LD, meta tags, ``<time>``): it gives
    a yearless date its year. `authors` are the authors' names the page's metadata states,
    case-folded: a name the page itself calls an author's is read without a byline word.
    """

    reference: datetime | None
    anchor: datetime | None = None
    authors: frozenset[str] = frozenset()
    site: str = ""

    @classmethod
    def of(cls, doc: Document) -> _Clock:
        """The clock of `doc`: its reference, and what the page's metadata says."""
        anchor = _page_value(doc, "published")
        authors = _page_value(doc, "authors")
        site = _page_value(doc, "site_name")
        return cls(
            doc.reference,
            anchor if isinstance(anchor, datetime) and anchor.year > PLACEHOLDER_YEAR else None,
            frozenset(_folded(name) for name in authors)
            if isinstance(authors, tuple)
            else frozenset(),
            _squashed(site) if isinstance(site, str) else "",
        )

    def is_site(self, text: str) -> bool:
        """Whether `text` is the page's site name, spaces and case aside ("USA TODAY")."""
        return len(self.site) >= _MIN_SITE_CHARS and _squashed(text) == self.site

    def is_author(self, name: str) -> bool:
        """Whether the page's metadata names `name` as an author."""
        return _folded(name) in self.authors

    def is_person(self, name: str) -> bool:
        """Whether a byline name is a person's, or one the page's metadata names an author.

        A name the page names is enough as one capitalised word ("by Regan"); others must pass
        `_is_person_name`. A job title ("Senior Contributor", after a comma) is no name.
        """
        if _is_job_title(name) or self.is_site(name):
            return False
        return _is_person_name(name) or (name[:1].isupper() and self.is_author(name))


def _page_value(doc: Document, name: str) -> object:
    """The value of metadata field `name` when the page's own metadata states it, else None."""
    finding = doc.metadata.source_of(name)
    if finding is None or finding.step != "read_input" or finding.origin == "text":
        return None
    return finding.value


def _squashed(text: str) -> str:
    """`text` case-folded, with everything but letters and digits left out."""
    return _NOT_ALNUM.sub("", text).casefold()


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def _in_second_zone(fields: dict[str, int], alt: dict[str, int]) -> dict[str, int] | None:
    """A full date and time read without its zone (`fields`), timed by `alt` instead.

    "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)": `alt` is the time in brackets with
    its zone. It is put on the day (the date's, or the one before or after) nearest the date's
    own clock time, so that a second zone across midnight gets its own day.
    """
    try:
        own = datetime(
            fields["year"], fields["month"], fields["day"], fields["hour"], fields.get("minute", 0)
        )
    except ValueError:
        return None
    days = [own.date() + timedelta(days=shift) for shift in (-1, 0, 1)]
    clock_time = time(alt["hour"], alt.get("minute", 0))
    day = min(days, key=lambda day: abs(datetime.combine(day, clock_time) - own))
    kept = {key: value for key, value in fields.items() if key != "weekday"}
    return {**kept, **alt, "year": day.year, "month": day.month, "day": day.day}


def _anchored(fields: dict[str, int], clock: _Clock, *, updated: bool) -> datetime | None:
    """A date that the page's publication time (`clock.anchor`) resolves; None otherwise.

    A date without a year takes the year that puts it nearest the anchor; a publication date
    is never more than `_PUBLISHED_SLACK` after it. A date whose day only a reference could
    tell, with no reference (a time of day, a weekday: "Updated at 1:23 p.m."; a relative
    date: "Today 12:01 AM", "3 hours ago"), gives `_DAY_UNKNOWN`: its day could be the
    anchor's or any later one, so nothing is recorded, but the line is still a dateline.
    """
    from scrapeclean.dates._resolve import resolve

    anchor = clock.anchor
    if anchor is None:
        return None
    if fields.keys() & _COUNTED_FIELDS or not fields.keys() & _CALENDAR_FIELDS:
        return _DAY_UNKNOWN if clock.reference is None else None
    if "month" not in fields or fields.keys() & {"year", "year2"}:
        return None
    wall = anchor.replace(tzinfo=None)
    best: datetime | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        value = resolve(fields, None, default_year=year)
        if value is None:
            continue
        gap = value.replace(tzinfo=None) - wall
        if not updated and gap > _PUBLISHED_SLACK:
            continue
        if best is None or abs(gap) < abs(best.replace(tzinfo=None) - wall):
            best = value
    return best


def _dash_head(
    head: str, dash: str, read_date: Callable[[str], _Reading | None]
) -> tuple[str | None, _Reading | None] | None:
    """Split a dash dateline's head into its place and its date; None when it is neither.

    The head is cut at its commas; the longest run of final parts that `read_date` reads is the
    date ("Feb. 23, 2015"), the parts before it the place and its regions (`_is_place`).
    """
    parts = [part.strip() for part in head.split(",")]
    if len(parts) > _MAX_HEAD_PARTS or not all(parts):
        return None
    for cut in range(len(parts)):
        when = read_date(", ".join(parts[cut:]))
        if when is not None:
            place_parts = parts[:cut]
            break
    else:
        when, place_parts = None, parts
    if not place_parts:
        return (None, when) if when is not None else None
    if not _is_place(place_parts, titled_ok=dash != "-"):
        return None
    return ", ".join(place_parts), when


def _is_place(parts: Sequence[str], *, titled_ok: bool) -> bool:
    """Whether comma-separated parts name a place and its regions ("CLEVELAND, Ohio").

    Every word is capitalised (name particles such as "de" aside, never first). The first part
    is in capitals ("MADRID") or, when `titled_ok`, a short run of capitalised words
    (`_is_titled_place`: "Indianapolis", "Paris, France"); it is not a date word ("Monday")
    nor a word the language files list as no place ("UPDATE").
    """
    from scrapeclean.dates import _parse_fields

    particles = vocabulary("dateline.name_particles")
    for part in parts:
        words = part.split()
        if not words or len(words) > _MAX_PLACE_WORDS:
            return False
        if not _PLACE_WORD.match(words[0]):
            return False
        if not all(_PLACE_WORD.match(word) or word in particles for word in words[1:]):
            return False
    first = parts[0]
    if not first.isupper() and not _is_titled_place(parts, particles, titled_ok=titled_ok):
        return False
    not_places = vocabulary("dateline.not_places")
    folded = first.casefold()
    if folded in not_places or folded.split()[0] in not_places:
        return False
    return _parse_fields(first, None) is None


def _is_titled_place(parts: Sequence[str], particles: frozenset[str], *, titled_ok: bool) -> bool:
    """Whether a place in title case is short enough to be one (see `_MAX_TITLED_WORDS`)."""
    if not titled_ok:
        return False
    sizes = [len([word for word in part.split() if word not in particles]) for part in parts]
    return sizes[0] <= _MAX_TITLED_WORDS and all(
        size <= _MAX_TITLED_REGION_WORDS for size in sizes[1:]
    )


def _states_a_date(fields: dict[str, int], *, labelled: bool) -> bool:
    """Whether parsed date fields may stand alone as a dateline (see the module docstring).

    A slashed day and month with no year ("1/12") needs a label: alone it is more often a
    gallery counter or a score.
    """
    if labelled or ("month" in fields and "_yearless" not in fields):
        return True
    relative = fields.get("rel_sec", 0), fields.get("rel_mon", 0)
    if any(relative) and max(relative) <= 0:
        return not _RELATIVE_FIELDS & fields.keys()
    day = fields.get("relday")
    return day is not None and day <= 0 and "hour" in fields and "minute" in fields


def _is_job_title(text: str) -> bool:
    """Whether `text` is a journalist's job title ("Staff Writer", "CNN Editor-at-large").

    A few capitalised words, the last a title the language files list
    (``dateline.job_titles``).
    """
    words = text.split()
    if not 1 <= len(words) <= _MAX_TITLE_WORDS or not all(word[:1].isupper() for word in words):
        return False
    last = words[-1].split("-")[0].strip(".,").casefold()
    return last in vocabulary("dateline.job_titles")


def _names(text: str) -> list[str]:
    """The names of a byline's names part, split at its joiners (",", "and", "&")."""
    return [name for name in _NAME_SPLIT.split(text) if name]


def _is_person_name(name: str) -> bool:
    """Whether a byline name looks like a person's: 2 to 4 capitalised words, not all common.

    A word is common when the English word list knows it as an adjective, a verb or a noun
    made from another word (see `_is_common_word`); "Royal Appointment" and "Staff Writer"
    are, "Jane Doe" and "Mark Lindqvist" are not.
    """
    particles = vocabulary("dateline.name_particles")
    words = [word for word in name.split() if word.casefold() not in particles]
    if not _MIN_NAME_WORDS <= len(words) <= _MAX_NAME_WORDS:
        return False
    if not all(word[:1].isupper() for word in words):
        return False
    return not all(_is_common_word(word) for word in words)


def _is_common_word(word: str) -> bool:
    """Whether `word` is an ordinary English word rather than a name (initials never are).

    The shipped word frequencies know names too, so a word counts as common only when its
    family shows it is one: an adverb in -ly (royal, royally), the past and -ing forms of a
    verb (demand, demanded, demanding), a noun ending such as -ment, or an agent noun of a
    verb (writer, editor).
    """
    from scrapeclean.cleaners._spelling_index import lexicon

    lex = lexicon()
    folded = word.casefold().strip(".'’-")
    if len(folded) <= 2 or not folded.isalpha() or folded not in lex:
        return False
    if folded.endswith(_NOUN_ENDINGS) or folded + "ly" in lex:
        return True
    if _is_verb(folded, lex):
        return True
    if folded.endswith(("er", "or")):
        return _has_ing_form(folded[:-2], lex) or _has_ing_form(folded[:-1], lex)
    return False


def _is_verb(word: str, lex: Lexicon) -> bool:
    """Whether the word list has the past and the -ing form of `word`."""
    if word.endswith("e"):
        return word + "d" in lex and _has_ing_form(word, lex)
    return word + "ed" in lex and _has_ing_form(word, lex)


def _has_ing_form(word: str, lex: Lexicon) -> bool:
    """Whether `word` is in the word list with its -ing form (write, writing)."""
    if len(word) < 3 or word not in lex:
        return False
    return (word[:-1] if word.endswith("e") else word) + "ing" in lex


def _after_reference(value: datetime, reference: datetime) -> bool:
    from scrapeclean._pipeline import _after_reference as after

    return after(value, reference)


def parse_dateline(
    *,
    languages: str | Sequence[str] | None = None,
    remove_wire: bool = False,
    name: str | None = None,
) -> ParseDateline:
    """Make a cleaner that parses the dateline and byline above an article's body.

    `languages` limits the date grammar to a language code or a list of codes (default: all it
    knows); an unknown code raises ValueError naming it.
    `remove_wire` also removes a wire prefix such as "PARIS (Reuters) -" from the first
    paragraph (it is always recorded). `name` is the step's name in a pipeline.
    """
    from scrapeclean.dates import _selection

    codes = _selection(languages)
    return ParseDateline(languages=codes, remove_wire=bool(remove_wire), name=name or "")
