"""When a web page was published: the page's date evidence, weighed, as metadata findings.

The evidence is read from a parser-agnostic list of `PageElement` facts (tag name, attributes,
a little text, the words of its ancestors), so any tree (BeautifulSoup, lxml) can feed it;
`elements_from_soup` builds the list from a BeautifulSoup tree, `elements_from_lxml` (or the HTML
reader's walk, through `LxmlDateElements`) from an lxml tree. The kinds of evidence, each
with its trust:

1. the page's structured statements: JSON-LD ``datePublished``/``dateCreated`` (``@graph``
   members included, media objects left out) and ``<meta>`` properties, names and itemprops
   for the publication time (``article:published_time``, ``parsely-pub-date``,
   ``dc.date.issued``, ...; a generic ``date`` is trusted less: on many sites it is the time
   the page was generated);
2. ``<time>``, ``<abbr>`` or any element marked as the publication (``itemprop`` or RDFa
   ``property`` ``datePublished``, ``pubdate``, a ``published`` class), then the first
   ``<time>`` of the article;
3. the text of the elements whose class or id says date, time, published or posted;
4. the first date between the headline and the body's first paragraph ("Stand: 28.04.2020");
5. a full date in the URL (`url_date_findings`, in the pipeline, which knows the URL);
6. as a last resort, the first full date of the page's text.

Of each kind, the first statement below the headline counts (the dates further down are
other articles'); nothing is read in comments, and dates in sidebars, teasers and menus count
only when they name a single day. Each day then weighs the trust of its best claim of each
kind, summed, and the heaviest day wins (the earliest on a tie): several metas are one
statement, a meta and a date shown on the page are two. A date shown on the day the page says
it was modified is the modification's. A UTC time gives way to the same instant in the page's
own zone (a local date stored as ``23:00Z`` the day before). Modification times
(``dateModified``, ``article:modified_time``) become ``updated`` findings. Dates read from text
must name their day ("März 2019" does not). A missing date is better than a wrong one: a date
that cannot be read is no evidence.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from scrapeclean._model import Finding

if TYPE_CHECKING:
    from bs4 import Tag
    from lxml.etree import _Attrib, _Element

    from scrapeclean.dates import DateMatch

__all__ = [
    "LxmlDateElements",
    "PageElement",
    "date_findings",
    "elements_from_lxml",
    "elements_from_soup",
    "ld_objects",
    "url_date",
    "url_date_findings",
]

#: How much text of an element is kept (a date statement is short).
_MAX_TEXT = 240
#: How many ancestor levels an element remembers (the nearest ones).
_MAX_CONTEXT = 16
#: How many date-named elements are read (the first after the headline is taken).
_MAX_TEXT_CLAIMS = 12
#: How much less a lone date in a side part of the page is trusted.
_SIDE_DISCOUNT = 0.1
_ISO_DATE = len("2020-01-01")
#: A page time in this year or before is a placeholder ("0001-01-01", the Unix epoch).
PLACEHOLDER_YEAR = 1970
_WORD_SPLIT = regex.compile(r"[^\p{L}\p{N}]+")
#: `_WORD_SPLIT` for ASCII text in lower case: its only letters and numbers are these.
_ASCII_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


def split_words(value: str) -> list[str]:
    """`value` in lower case, split at every run of characters other than letters and numbers.

    (The parts may be empty, at the ends.) An ASCII value is split by `re`, quicker than
    `regex` and the same there.
    """
    lowered = value.lower()
    if lowered.isascii():
        return _ASCII_WORD_SPLIT.split(lowered)
    return _WORD_SPLIT.split(lowered)


_SPACES = regex.compile(r"\s+")
_DIGIT = regex.compile(r"[0-9]")
#: ``<meta>`` keys (property, name or itemprop, lower-case) stating the publication time.
_PUBLISHED_KEYS = frozenset(
    {
        "article:published_time", "og:published_time", "og:article:published_time",
        "published_time", "article.published", "datepublished", "pubdate", "publishdate",
        "publish-date", "publish_date", "publication_date", "publication-date", "pub_date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
        "dc.date", "dcterms.date", "date", "created", "creation_date", "parsely-pub-date",
        "datecreated",
        "sailthru.date", "article_date_original", "original-publish-date",
        "citation_publication_date", "citation_date", "citation_online_date", "release_date",
        "date.available", "displaydate", "dc.created",
        "article:post_date", "post_date", "date_published", "publishdatetime", "pubdatetime",
    }
)  # fmt: skip
#: Keys that are generic ("date"): trusted less than a key that says published.
_GENERIC_KEYS = frozenset(
    {"date", "dc.date", "dcterms.date", "created", "dc.created", "datecreated", "dcterms.created"}
)
#: ``<meta>`` keys stating the last modification.
_UPDATED_KEYS = frozenset(
    {
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified",
        "dcterms.modified", "last-modified", "lastmod", "modified", "article.updated",
        "updated_time", "date_modified",
    }
)  # fmt: skip
#: How many different days are reported (the chosen one and fallbacks, less confident).
_ALTERNATIVES = 3
_URL_TRUST = 0.6
#: Findings at least this confident were stated in the markup, not read from the text.
_STATED = 0.75
#: Two aware times this close (seconds) are one instant; zones are at most this many hours.
_SAME_INSTANT = 120
_MAX_ZONE_HOURS = 14
#: JSON-LD objects whose dates are not the page's: media, people, events, products.
_LD_OTHER_TYPES = frozenset(
    {
        "videoobject", "imageobject", "audioobject", "mediaobject", "person", "organization",
        "event", "product", "offer", "review", "comment", "place", "rating",
    }
)  # fmt: skip
#: Microdata and RDFa properties of an element marking the publication time.
_MARKED_PROPERTIES = frozenset({"datepublished", "datecreated"})
_LD_PUBLISHED = ("datePublished", "dateCreated")
_LD_UPDATED = ("dateModified",)
#: Words of a class or id naming a date statement (each word of the attribute is compared).
_DATE_WORDS = frozenset(
    {
        "date", "dates", "datum", "time", "published", "publish", "publishing", "posted",
        "pubdate", "datetime", "timestamp", "dateline", "datestamp", "postdate", "entrydate",
        "publishdate", "publisheddate", "createdate", "fecha", "data", "meta", "byline",
        "postmeta", "entrymeta", "postinfo", "info",
    }
)  # fmt: skip
#: Elements always read: metas, scripts (JSON-LD), the language, headings, times.
_ALWAYS_READ = frozenset({"meta", "html", "script", "h1", "time", "abbr"})
#: Any class or id naming a date holds one of these (a fast test before splitting words).
#: Parts of a class or id value that may name a date (`_hinted`).
_DATE_HINT_PARTS = ("dat", "time", "publi", "post", "meta", "byline", "info", "fecha")
_DATE_HINT = regex.compile("|".join(_DATE_HINT_PARTS), regex.IGNORECASE)
#: Word parts that name a date statement inside a longer class word ("postdate").
_DATE_PARTS = ("date", "datum", "publish", "posted", "time")
#: Class/id words of a part of the page whose dates are not the article's publication.
_ELSEWHERE_WORDS = frozenset(
    {
        "comment", "comments", "reply", "replies", "respond", "sidebar", "widget", "widgets",
        "related", "recommended", "recommendations", "teaser", "teasers", "aside", "popular",
        "trending", "more", "latest", "newest", "recent", "archive", "archives", "calendar",
        "weather", "nav", "navigation", "menu", "breadcrumb", "breadcrumbs",
        "comentarios", "kommentar", "kommentare", "commentaires", "commenti",
    }
)  # fmt: skip
#: Where dates are the readers' (even a date marked as published is a comment's there).
_COMMENT_WORDS = frozenset(
    {
        "comment", "comments", "reply", "replies", "respond", "comentarios", "kommentar",
        "kommentare", "commentaires", "commenti", "discussion",
    }
)  # fmt: skip
_SIDE_WORDS = _ELSEWHERE_WORDS | _COMMENT_WORDS
#: Pseudo-elements of running text: the text right after the headline, the page's text.
HEADLINE_TEXT = "#headline"
PAGE_TEXT = "#page"
_TEXT_TRUST = {HEADLINE_TEXT: 0.6, PAGE_TEXT: 0.3}
#: How far before a date a label is looked for, and how much a publication label adds.
_LABEL_REACH = 40
_LABELLED = 0.12
#: A date labelled as the publication anywhere in the page's text: how far after its label
#: it may start, how much is read after the label, and how far it is trusted.
_LABEL_GAP = 12
_LABEL_WINDOW = 60
_LABELLED_TRUST = 0.75
#: How much running text is read after the headline, and from the page.
_HEADLINE_CHARS = 400
#: A text node at least this long is a paragraph of the body: the header above it has ended.
_BODY_PARAGRAPH = 150
_PAGE_CHARS = 6000
#: Elements whose text no reader sees.
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
_ELSEWHERE_TAGS = frozenset({"aside", "nav", "menu", "form"})
#: A full date in a URL path: ``/2019/03/12/``, ``/2019-03-12-``, ``/20190312/``.
_URL_DATE = regex.compile(
    r"(?<![0-9])(?P<y>19[89][0-9]|20[0-9]{2})(?P<s>[/_.-])(?P<m>0?[1-9]|1[0-2])(?P=s)"
    r"(?P<d>0[1-9]|[12][0-9]|3[01](?=[/_.-]|$|\?)|[1-9](?=[/.]|$|\?)|[12][0-9]|3[01])"
    r"(?![0-9])"
)
_URL_COMPACT = regex.compile(
    r"(?<=[/_-])(?P<y>19[89][0-9]|20[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])"
    r"(?=[/_.-]|$)"
)
#: Archive addresses carry the time of the copy, not of the page (``/web/20160218174457/``).
_URL_TIMESTAMP = regex.compile(r"/(?:19|20)[0-9]{12}[a-z_]*/")


@dataclass(frozen=True, slots=True)
class PageElement:
    """One element of a page, as date evidence, whatever parser read the page.

    `name` is the lower-case tag name; `attrs` its attributes as strings (a class list joined
    by spaces); `text` its visible text, spaces collapsed, cut to a few hundred characters
    (a ``<script>``'s whole text for JSON-LD); `context` the lower-case tag names and
    class/id words of its ancestors, the nearest first; `order` its position in the page.
    """

    name: str
    attrs: Mapping[str, str]
    text: str = ""
    context: frozenset[str] = frozenset()
    order: int = 0


@dataclass(frozen=True, slots=True)
class _Reading:
    """How the page's dates are read: whether an ambiguous numeric date puts the day first.

    Words are read in every supported language: a page's declared language is often wrong.
    """

    dayfirst: bool | None = None
    languages: tuple[str, ...] | None = None

    @classmethod
    def of(cls, language: str | None) -> _Reading:
        """The reading for a page declared in `language` (a BCP 47 tag, or None)."""
        if not language:
            return cls()
        code = language.strip().lower().replace("_", "-")
        return cls(dayfirst=not (code == "en" or code.startswith("en-us")))


@dataclass(frozen=True, slots=True)
class _Claim:
    """A statement of a time: its value, what it was read from, and how far it is trusted."""

    value: datetime
    origin: str
    trust: float
    updated: bool = False

    @property
    def kind(self) -> str:
        """The kind of evidence: ``meta``, ``json-ld``, ``element`` (markup) or ``text``."""
        if self.origin.startswith(("meta", "json-ld", "url")):
            return self.origin.split("[")[0].split(" ")[0]
        return "text" if self.origin.endswith(" text") else "element"


def date_findings(elements: Sequence[PageElement], *, language: str | None = None) -> list[Finding]:
    """The ``published`` (and ``updated``) findings of a page, the chosen one first.

    `elements` are the page's facts (`elements_from_soup`); `language` its declared language
    (it decides the order of an ambiguous numeric date; by default the ``<html lang>``).
    Besides the chosen publication time, other days the page states come as findings of
    lower confidence, so that when the pipeline refuses the first (a time after the reference
    time) the next one stands.
    """
    if language is None:
        language = declared_language(elements)
    reading = _Reading.of(language)
    page = next((element for element in elements if element.name == PAGE_TEXT), None)
    labelled = _labelled_claim(page.text, reading) if page is not None else None
    claims = _first_of_each(_claims(elements, reading))
    claims.extend([labelled] if labelled is not None else [])
    updated = [claim for claim in claims if claim.updated]
    published = _published_claims(claims, updated)
    shown = [claim for claim in claims if not claim.updated]
    if not published or _stored_midnight(_choose(published)):
        text = list(_running_text_claims(page, reading)) if page is not None else []
        published = published or text
        shown.extend(text)
    findings = [
        Finding("published", claim.value, "read_input", claim.origin, confidence)
        for claim, confidence in _ranked(published, shown)
    ]
    if updated:
        latest = max(updated, key=lambda claim: (claim.trust, _naive(claim.value)))
        findings.append(Finding("updated", latest.value, "read_input", latest.origin, 0.8))
    return findings


def declared_language(elements: Sequence[PageElement]) -> str | None:
    """The language the page declares, or None.

    ``<html lang>`` or ``xml:lang`` first, then the ``Content-Language`` or ``og:locale`` meta.
    """
    for element in elements:
        if element.name == "html":
            stated = element.attrs.get("lang") or element.attrs.get("xml:lang")
            if stated and stated.strip():
                return stated
    for element in elements:
        if element.name != "meta":
            continue
        kind = (element.attrs.get("http-equiv") or element.attrs.get("property") or "").lower()
        content = element.attrs.get("content", "").strip()
        if content and kind in ("content-language", "og:locale"):
            return content.split(",")[0]
    return None


def _stored_midnight(claim: _Claim) -> bool:
    """Whether `claim` may be a local date stored as UTC (a whole hour, in UTC)."""
    value = claim.value
    return value.utcoffset() == timedelta(0) and value.minute == value.second == 0


def _published_claims(claims: list[_Claim], updated: list[_Claim]) -> list[_Claim]:
    """The publication claims that count.

    A date shown on the page on the day the page says it was modified is the modification's.
    (The page's text is a last resort, read only when nothing else states a date.)
    """
    published = [claim for claim in claims if not claim.updated]
    modified = {claim.value.date() for claim in updated}
    shown = [
        claim
        for claim in published
        if not (claim.kind in ("text", "element") and claim.value.date() in modified)
    ]
    return shown or published


def url_date_findings(url: str, findings: Sequence[Finding]) -> list[Finding]:
    """A ``published`` finding from a full date in `url`, weighed against `findings`.

    A date in the address is set when the page is first published. It is weak evidence alone
    (confidence 0.6), but it wins over the most confident publication time found so far when
    that one names a later day (a re-publication, or a time zone moving the day), or when that
    one was only read from the page's text.
    """
    day = url_date(url)
    if day is None:
        return []
    value = datetime.combine(day, datetime.min.time())
    stated = [
        found
        for found in findings
        if found.name == "published" and isinstance(found.value, datetime)
    ]
    best = max(stated, key=lambda found: found.confidence, default=None)
    confidence = _URL_TRUST
    if isinstance(best, Finding) and isinstance(best.value, datetime):
        if best.value.date() > day or best.confidence < _STATED:
            confidence = min(1.0, best.confidence + 0.01)
        elif best.value.date() == day:
            return []
    return [Finding("published", value, "clean", "url", confidence)]


def _ranked(claims: list[_Claim], shown: list[_Claim]) -> Iterator[tuple[_Claim, float]]:
    """The publication claims to report: the chosen one, then other days, less confident.

    `shown` are all the publication claims, the page's text included, for the time zone check.
    """
    if not claims:
        return
    best = _local(_choose(claims), shown)
    yield best, _confidence(best, claims)
    seen = {best.value.date()}
    for claim in sorted(claims, key=lambda claim: -claim.trust):
        if claim.value.date() not in seen and len(seen) < _ALTERNATIVES:
            seen.add(claim.value.date())
            yield claim, round(min(claim.trust, 0.5) * 0.8, 3)


def _choose(claims: list[_Claim]) -> _Claim:
    """The claim for the day the evidence weighs most for, earliest on a tie.

    A day's weight is the trust of its best claim of each kind, summed: several metas naming
    one day are one statement, a meta and a date shown on the page are two.

    """
    strongest: dict[tuple[date, str], float] = {}
    for claim in claims:
        key = (claim.value.date(), claim.kind)
        strongest[key] = max(strongest.get(key, 0.0), claim.trust)
    weights: dict[date, float] = {}
    for (day, _), trust in strongest.items():
        weights[day] = weights.get(day, 0.0) + trust
    day = min(weights, key=lambda day: (-round(weights[day], 6), day))
    return max(
        (claim for claim in claims if claim.value.date() == day), key=lambda claim: claim.trust
    )


def _local(best: _Claim, claims: list[_Claim]) -> _Claim:
    """`best`, or the day the page itself shows when `best` is a UTC time of the same instant.

    The same instant counts when another claim states it in an explicit other zone, or when
    a date without a time (local midnight) is what `best` converted to UTC: a publisher's
    ``2021-11-05`` stored as ``2021-11-04T23:00:00Z``.
    """
    offset = best.value.utcoffset()
    if offset is None or offset:
        return best
    for claim in claims:
        other = claim.value
        if other.date() != best.value.date() and _same_instant(best.value, other):
            return _Claim(other, claim.origin, best.trust)
    return best


def _same_instant(utc: datetime, other: datetime) -> bool:
    """Whether `other` states the UTC time `utc` in a zone of its own, or as a local date."""
    if other.tzinfo is not None:
        offset = other.utcoffset()
        return bool(offset) and abs((other - utc).total_seconds()) < _SAME_INSTANT
    gap = (other - utc.replace(tzinfo=None)).total_seconds()
    return (
        other.time() == time()
        and utc.time().minute == utc.time().second == 0
        and (0 < gap <= _MAX_ZONE_HOURS * 3600)
    )


def _first_of_each(claims: Iterator[_Claim]) -> list[_Claim]:
    """The first claim from each origin (a page's later ones are lists of other articles)."""
    seen: dict[tuple[str, bool], _Claim] = {}
    for claim in claims:
        seen.setdefault((claim.origin, claim.updated), claim)
    return list(seen.values())


def _confidence(best: _Claim, claims: list[_Claim]) -> float:
    """How sure the chosen claim is: more when another kind of evidence names the same day."""
    kinds = {claim.kind for claim in claims if claim.value.date() == best.value.date()}
    kinds.discard(best.kind)
    return round(min(0.95, best.trust + 0.03 * len(kinds)), 3)


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def url_date(url: str) -> date | None:
    """A full date stated in `url`'s path (year, month and day), or None."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    path = _URL_TIMESTAMP.sub("/", path)
    for pattern in (_URL_DATE, _URL_COMPACT):
        match = pattern.search(path)
        if match is not None:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


def _claims(elements: Sequence[PageElement], reading: _Reading) -> Iterator[_Claim]:
    """Every time the page states, as claims.

    Of the claims read from the page's body, each origin counts once: its first one after
    the headline (else its first one), since the dates further down are other articles'.
    Dates in side parts of the page (sidebars, teasers, menus) count only when that origin
    has no other, and the side parts name one day only: a lone date in a side column is the
    page's details, a list of dates is a list of other articles.
    """
    heading = next((element.order for element in elements if element.name == "h1"), -1)
    body: dict[str, list[tuple[bool, _Claim]]] = {}
    side: dict[str, list[_Claim]] = {}
    settled: set[str] = set()  # origins with a claim after the headline: the rest is not read
    texts = 0
    for element in elements:
        if element.name == "meta":
            yield from _meta_claims(element)
        elif element.name == "script":
            yield from _ld_claims(element.text)
        elif element.name == HEADLINE_TEXT:
            yield from _running_text_claims(element, reading)
        elif not element.context & _COMMENT_WORDS:
            found = _marked_claim(element, reading)
            if found is None and element.name == "time":
                found = _time_claim(element, "<time datetime>", 0.75, reading)
            elif found is None and _date_named(element.attrs) and texts < _MAX_TEXT_CLAIMS:
                if _text_origin(element) in settled or not _DIGIT.search(element.text):
                    continue
                texts += 1
                found = _text_claim(element, reading)
            if found is None:
                continue
            if _elsewhere(element):
                side.setdefault(found.origin, []).append(found)
            else:
                body.setdefault(found.origin, []).append((element.order > heading, found))
                if element.order > heading:
                    settled.add(found.origin)
    for placed in body.values():
        after = [claim for below, claim in placed if below]
        yield (after or [claim for _, claim in placed])[0]
    for origin, listed in side.items():
        if origin not in body and len({claim.value.date() for claim in listed}) == 1:
            yield dataclasses.replace(listed[0], trust=listed[0].trust - _SIDE_DISCOUNT)


def _running_text_claims(element: PageElement, reading: _Reading) -> Iterator[_Claim]:
    """The date of a stretch of running text, or nothing.

    The first date labelled as the publication ("Published", "Veröffentlicht am"), trusted
    more, else the first one not labelled as an update ("Updated", "Aktualisiert").
    """
    from scrapeclean.dates import find_dates

    trust = _TEXT_TRUST[element.name]
    origin = f"{element.name.lstrip('#')} text"
    first: _Claim | None = None
    for match in find_dates(element.text, dayfirst=reading.dayfirst, languages=reading.languages):
        if not _names_a_day(match, reading):
            continue
        before = element.text[max(0, match.span.start - _LABEL_REACH) : match.span.start]
        label = _label_before(before.casefold())
        if label == "published":
            yield _Claim(match.value, origin, trust + _LABELLED)
            return
        if label is None and first is None:
            first = _Claim(match.value, origin, trust)
    if first is not None:
        yield first


def _labelled_claim(text: str, reading: _Reading) -> _Claim | None:
    """The first date of `text` right after a publication label ("Erschienen am: 13.10.2021").

    Only the stretches after a label are read, so that a page without one costs a search.
    """
    from scrapeclean.dates import find_dates

    label = _published_label()
    for found in label.finditer(text):
        window = text[found.end() : found.end() + _LABEL_WINDOW]
        for match in find_dates(window, dayfirst=reading.dayfirst, languages=reading.languages):
            if match.span.start <= _LABEL_GAP and _names_a_day(match, reading):
                return _Claim(match.value, "labelled text", _LABELLED_TRUST)
            break
    return None


@lru_cache(maxsize=1)
def _published_label() -> regex.Pattern[str]:
    """A publication label as a word (the vocabulary is read once: it does not change)."""
    from scrapeclean._vocabulary import alternation

    labels = alternation("dateline.published_labels")
    return regex.compile(rf"(?<!\w)(?:{labels})(?!\w)", regex.IGNORECASE)


@lru_cache(maxsize=2)
def _labels(kind: str) -> tuple[str, ...]:
    """The ``published`` or ``updated`` labels, longest first (read once)."""
    from scrapeclean._vocabulary import phrases

    return phrases(f"dateline.{kind}_labels")


def _label_before(before: str) -> str | None:
    """Whether `before` (case-folded) ends in a publication or an update label."""
    found: tuple[int, str] | None = None
    for kind in ("published", "updated"):
        for phrase in _labels(kind):
            at = before.rfind(phrase)
            if at >= 0 and (found is None or at > found[0]):
                found = (at, kind)
    return None if found is None else found[1]


def _meta_claims(element: PageElement) -> Iterator[_Claim]:
    content = element.attrs.get("content", "")
    for attribute in ("property", "name", "itemprop", "http-equiv"):
        key = element.attrs.get(attribute, "").strip().lower()
        if not key or not content:
            continue
        if key in _PUBLISHED_KEYS:
            value = parse_time(content)
            if value is not None:
                trust = 0.7 if key in _GENERIC_KEYS else 0.9
                yield _Claim(value, f"meta[{attribute}={key}]", trust)
        elif key in _UPDATED_KEYS:
            value = parse_time(content)
            if value is not None:
                yield _Claim(value, f"meta[{attribute}={key}]", 0.85, updated=True)


def _ld_claims(text: str) -> Iterator[_Claim]:
    for item in ld_objects(text):
        if _ld_types(item) & _LD_OTHER_TYPES:
            continue
        for key in (*_LD_PUBLISHED, *_LD_UPDATED):
            stated = item.get(key)
            if not isinstance(stated, str):
                continue
            value = parse_time(stated)
            if value is None:
                continue
            if key in _LD_UPDATED:
                yield _Claim(value, f"json-ld {key}", 0.9, updated=True)
            else:
                origin = "json-ld" if key == "datePublished" else f"json-ld {key}"
                yield _Claim(value, origin, 0.9 if key == "datePublished" else 0.8)


def _ld_types(item: dict[str, Any]) -> frozenset[str]:
    stated = item.get("@type")
    names = stated if isinstance(stated, list) else [stated]
    return frozenset(name.lower() for name in names if isinstance(name, str))


def ld_objects(text: str) -> list[dict[str, Any]]:
    """The JSON-LD objects of one script, nested ones and ``@graph`` members included.

    A script wrapped for old parsers (``<![CDATA[ … ]]>``, ``<!-- … -->``, with or without
    ``//`` before the markers) is read without its wrapper.
    """
    try:
        data = json.loads(_unwrapped(text))
    except (ValueError, RecursionError):  # malformed JSON-LD is no evidence, never an error
        return []
    found: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
    return found


#: The wrappers that hide a script from old parsers, at its start and its end.
_SCRIPT_OPENING = regex.compile(r"\A\s*(?://\s*)?(?:<!\[CDATA\[|<!--)")
_SCRIPT_CLOSING = regex.compile(r"(?://\s*)?(?:\]\]>|-->)\s*\Z")


def _unwrapped(text: str) -> str:
    """A script's text without a CDATA or comment wrapper around it."""
    opening = _SCRIPT_OPENING.match(text)
    if opening is None:
        return text
    closing = _SCRIPT_CLOSING.search(text, opening.end())
    return text[opening.end() : closing.start() if closing else len(text)]


def _elsewhere(element: PageElement) -> bool:
    """Whether `element` sits where dates are not the article's (comments, sidebars, menus)."""
    return bool(element.context & (_ELSEWHERE_WORDS | _ELSEWHERE_TAGS))


def _marked_claim(element: PageElement, reading: _Reading) -> _Claim | None:
    """A ``<time>``/``<abbr>``/element explicitly marked as the publication time, or None."""
    attrs = element.attrs
    itemprop = attrs.get("itemprop", "").strip().lower()
    stated = attrs.get("property", "").strip().lower().rpartition(":")[2]
    words = _words(attrs.get("class", ""))
    if itemprop in _MARKED_PROPERTIES:
        origin = f"<{element.name} itemprop={itemprop}>"
    elif stated in _MARKED_PROPERTIES:
        origin = f"<{element.name} property={stated}>"
    elif element.name == "time" and "pubdate" in attrs:
        origin = "<time pubdate>"
    elif element.name in ("time", "abbr") and words & {"published", "pubdate"}:
        origin = f"<{element.name} class=published>"
    else:
        return None
    return _time_claim(element, origin, 0.85, reading)


def _time_claim(
    element: PageElement, origin: str, trust: float, reading: _Reading = _Reading()
) -> _Claim | None:
    """The time an element states in its ``datetime``/``content``/``title``, else its text."""
    stated = [element.attrs.get(name, "") for name in ("datetime", "content", "title")]
    for value in stated:
        found = _iso(value)
        if found is not None:
            return _Claim(found, origin, trust)
    for value in (element.text, *stated):
        found = parse_time(value, reading.dayfirst, reading.languages) if value else None
        if found is not None:
            return _Claim(found, origin, trust)
    return None


def _date_named(attrs: Mapping[str, str]) -> bool:
    """Whether an element's class or id says it holds a date."""
    for attribute in ("class", "id"):
        for word in _words(attrs.get(attribute, "")):
            if word in _DATE_WORDS or any(part in word for part in _DATE_PARTS):
                return True
    return False


@lru_cache(maxsize=4096)
def _words(value: str) -> frozenset[str]:
    """The lower-case words of a class or id value (class names repeat: cached, bounded)."""
    return frozenset(filter(None, split_words(value)))


def _text_claim(element: PageElement, reading: _Reading) -> _Claim | None:
    """The first calendar date in the text of a date-named element."""
    if not element.text:
        return None
    from scrapeclean.dates import find_dates

    for match in find_dates(element.text, dayfirst=reading.dayfirst, languages=reading.languages):
        if _names_a_day(match, reading):
            return _Claim(match.value, _text_origin(element), 0.7)
    return None


def _text_origin(element: PageElement) -> str:
    return f"<{element.name} class=date> text"


def _names_a_day(match: DateMatch, reading: _Reading) -> bool:
    """Whether a date found in text states its year and its day ("March 2019" does not)."""
    from scrapeclean.dates import _parse_fields

    if match.year_inferred:
        return False
    fields = _parse_fields(match.text, reading.languages, reading.dayfirst)
    return fields is None or "day" in fields or "relday" in fields


def parse_time(
    value: str, dayfirst: bool | None = None, languages: tuple[str, ...] | None = None
) -> datetime | None:
    """A stated time: ISO 8601 first, else the project's date grammar (None when unreadable).

    An ISO time in `PLACEHOLDER_YEAR` or before is a template's empty value ("0001-01-01",
    the Unix epoch), not a date: None. A date read by the grammar must fall in 1990-2100.
    """
    value = value.strip()
    if not value or len(value) > 80:
        return None
    found = _iso(value)
    if found is not None:
        return found if found.year > PLACEHOLDER_YEAR else None
    from scrapeclean.dates import parse_date

    found = parse_date(value, dayfirst=dayfirst, languages=languages)
    if found is not None and (found.year < 1990 or found.year > 2100):
        return None
    return found


def _iso(value: str) -> datetime | None:
    """An ISO 8601 date or time, or None."""
    value = value.strip()
    if len(value) < _ISO_DATE or not value[:4].isdigit():
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def elements_from_soup(root: Tag) -> list[PageElement]:
    """The date facts of a BeautifulSoup tree: metas, JSON-LD, headings and date elements."""
    from bs4 import Tag

    tags = [tag for tag in root.find_all(True) if isinstance(tag, Tag)]
    heading = next((tag for tag in tags if tag.name == "h1"), None)
    anchor = heading or next((tag for tag in tags if tag.name in ("article", "main")), None)
    shared = {id(parent) for parent in heading.parents} if heading is not None else set()
    elements: list[PageElement] = []
    for order, tag in enumerate(tags):
        name = (tag.name or "").lower()
        if not (name in _ALWAYS_READ or _interesting(tag.attrs)):
            continue
        attrs = {key.lower(): _attribute(value) for key, value in tag.attrs.items()}
        if name in ("meta", "html"):
            elements.append(PageElement(name, attrs, order=order))
        elif name == "script":
            if attrs.get("type", "").strip().lower() == "application/ld+json":
                elements.append(PageElement(name, attrs, tag.get_text(), order=order))
        elif name in ("h1", "time", "abbr") or _date_named(attrs) or _marked(attrs):
            text = _short_text(tag)
            elements.append(PageElement(name, attrs, text, _context(tag, shared), order))
    if anchor is not None:
        text = _headline_text(anchor)
        elements.append(PageElement(HEADLINE_TEXT, {}, text, order=len(tags)))
    body = root.find("body") or root
    holding = {id(parent) for parent in anchor.parents} if anchor is not None else set()
    text = _page_text(body, holding | {id(anchor)})
    elements.append(PageElement(PAGE_TEXT, {}, text, order=len(tags) + 1))
    return elements


def _headline_text(anchor: Tag) -> str:
    """The text from the headline to the first paragraph of the body (a long text node)."""
    from bs4.element import NavigableString

    strings = (
        (str(node), "" if node.parent is None else str(node.parent.name))
        for node in anchor.next_elements
        if type(node) is NavigableString
    )
    return _headline_from(strings)


def _headline_from(strings: Iterable[tuple[str, str]]) -> str:
    """The headline text from the page's strings after it, each with its parent's tag name."""
    pieces: list[str] = []
    size = 0
    for string, parent in strings:
        if parent in _UNSEEN:
            continue
        piece = string.strip()
        if len(piece) >= _BODY_PARAGRAPH and size:
            break
        pieces.append(piece)
        size += len(piece)
        if size > _HEADLINE_CHARS:
            break
    return _SPACES.sub(" ", " ".join(pieces)).strip()[:_HEADLINE_CHARS]


def _page_text(root: Tag, holding: set[int]) -> str:
    """The page's visible text outside comments, sidebars and menus, up to a few pages.

    What holds the headline (in `holding`) is read whatever its class says, and so is an
    ``<aside>`` within an ``<article>``.
    """
    from bs4.element import NavigableString, Tag

    pieces: list[str] = []
    size = 0
    stack: list[object] = [root]
    while stack and size <= _PAGE_CHARS:
        node = stack.pop()
        if type(node) is NavigableString:
            if not node.isspace():  # parsers differ in the strings of spaces they keep
                pieces.append(str(node))
                size += len(node)
        elif isinstance(node, Tag) and (
            id(node) in holding or not _aside(node) or (node.name == "aside" and _in_article(node))
        ):
            stack.extend(reversed(node.contents))
    return _SPACES.sub(" ", " ".join(pieces)).strip()[:_PAGE_CHARS]


def _in_article(tag: Tag) -> bool:
    """Whether `tag` is within an ``<article>`` (among its nearest ancestors)."""
    return any(parent.name == "article" for parent in itertools.islice(tag.parents, _MAX_CONTEXT))


def _aside(tag: Tag) -> bool:
    """Whether `tag` is unseen, or a part of the page whose dates are not the article's."""
    name = (tag.name or "").lower()
    if name in _UNSEEN or name in _ELSEWHERE_TAGS:
        return True
    attrs = tag.attrs
    if not attrs:
        return False
    for attribute in ("class", "id"):
        value = attrs.get(attribute)
        if value and _words(_attribute(value)) & _SIDE_WORDS:
            return True
    return False


def _interesting(attrs: Mapping[str, object] | _Attrib) -> bool:
    """A quick first look: whether an element's attributes may make it date evidence.

    `attrs` is a bs4 tag's attributes (a class is a list) or an lxml element's ``attrib``.
    """
    if not attrs:
        return False
    if "itemprop" in attrs or "property" in attrs:
        return True
    for key in ("class", "id"):
        value = attrs.get(key)
        if not value:
            continue
        if isinstance(value, str):
            if _hinted(value):
                return True
            continue
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, str) and _hinted(item):
                return True
    return False


def interesting(attrs: Mapping[str, str] | _Attrib) -> bool:
    """`_interesting` for attributes whose values are strings (an lxml element's), quicker."""
    if "itemprop" in attrs or "property" in attrs:
        return True
    value = attrs.get("class")
    if value and _hinted(value):
        return True
    value = attrs.get("id")
    return bool(value) and _hinted(value)


@lru_cache(maxsize=4096)
def _hinted(value: str) -> bool:
    """Whether a class or id value may name a date (pages repeat them: cached, bounded)."""
    if value.isascii():  # substring tests in lower case: quicker than the pattern
        lowered = value.lower()
        return any(part in lowered for part in _DATE_HINT_PARTS)
    return _DATE_HINT.search(value) is not None


def _marked(attrs: Mapping[str, str]) -> bool:
    itemprop = attrs.get("itemprop", "").strip().lower()
    stated = attrs.get("property", "").strip().lower().rpartition(":")[2]
    return itemprop in _MARKED_PROPERTIES or stated in _MARKED_PROPERTIES


def _attribute(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(str(item) for item in value)
    return str(value)


def _short_text(tag: Tag) -> str:
    """The first few hundred characters of `tag`'s visible text, spaces collapsed."""
    return _first_text(tag.strings)


def _context(tag: Tag, shared: set[int]) -> frozenset[str]:
    """The tag names and class/id words of `tag`'s nearest ancestors.

    The walk stops at an ancestor of the headline (in `shared`): what holds the headline too
    is the page or the article, whatever its class says (a layout ``with-sidebar``). An
    ``<aside>`` within an ``<article>`` is about that article.
    """
    words: set[str] = set()
    parent = tag.parent
    for _ in range(_MAX_CONTEXT):
        if parent is None or id(parent) in shared or parent.name in (None, "[document]", "body"):
            break
        words.add(parent.name.lower())
        for attribute in ("class", "id"):
            words.update(_words(_attribute(parent.attrs.get(attribute, ""))))
        parent = parent.parent
    if "aside" in words and _in_article(tag):
        words.discard("aside")
    return frozenset(words)


def elements_from_lxml(root: _Element) -> list[PageElement]:
    """The date facts of an lxml tree, the same as `elements_from_soup` gives for its soup."""
    gathered = LxmlDateElements()
    gathered.see_subtree(root, itself=True)
    return gathered.elements(root)


#: Elements whose place is noted however they look: the headline, the article's containers.
_ANCHORS = frozenset({"h1", "article", "main"})
#: The names of the elements `LxmlDateElements` notes whatever their attributes.
NOTED = _ALWAYS_READ | _ANCHORS


class LxmlDateElements:
    """The date facts of an lxml tree, gathered by a walk that shows it each element in order.

    The HTML reader walks the tree once for its blocks, counts the elements it enters and
    notes those worth noting here (`note`), and shows each subtree it skips (`see_subtree`), so
    the tree is not walked again for
    dates; `elements` then gives what `elements_from_lxml` gives. The elements kept are held
    here, so that lxml keeps their proxies (the headline's ancestors are compared by identity).
    """

    __slots__ = ("anchor", "count", "found", "heading")

    def __init__(self) -> None:
        self.count = 0
        self.found: list[tuple[int, _Element]] = []
        self.heading: _Element | None = None
        self.anchor: _Element | None = None

    def note(self, order: int, element: _Element, attrs: Mapping[str, str] | _Attrib) -> None:
        """Note element number `order`, one of the `NOTED` names or `interesting`.

        (A walk that counts the elements itself calls this for those only, and sets `count`.)
        libxml2 writes element names in lower case, as the names of `_ALWAYS_READ` are.
        """
        tag = element.tag
        if tag in _ANCHORS:
            if tag == "h1":
                if self.heading is None:
                    self.heading = element
            elif self.anchor is None:
                self.anchor = element
        if tag in _ALWAYS_READ or (attrs and interesting(attrs)):
            self.found.append((order, element))

    def see_subtree(self, element: _Element, *, itself: bool = False) -> None:
        """Note the elements within `element` (and, when `itself`, `element` first)."""
        count = self.count
        for inner in element.iter() if itself else element.iterdescendants():
            tag = inner.tag
            if isinstance(tag, str):
                attrs = inner.attrib
                if tag in NOTED or (attrs and interesting(attrs)):
                    self.note(count, inner, attrs)
                count += 1
        self.count = count

    def elements(self, root: _Element) -> list[PageElement]:
        """The page's date facts (`root` is the tree's root, the one walked)."""
        heading = self.heading
        anchor = heading if heading is not None else self.anchor
        shared = set(heading.iterancestors()) if heading is not None else set()
        elements: list[PageElement] = []
        for order, element in self.found:
            name = str(element.tag).lower()
            raw = _lxml_attributes(element)
            if name in ("meta", "html"):
                elements.append(PageElement(name, raw, order=order))
            elif name == "script":
                if raw.get("type", "").strip().lower() == "application/ld+json":
                    elements.append(PageElement(name, raw, element.text or "", order=order))
            elif name in ("h1", "time", "abbr") or _date_named(raw) or _marked(raw):
                text = _lxml_short_text(element)
                context = _lxml_context(element, shared)
                elements.append(PageElement(name, raw, text, context, order))
        if anchor is not None:
            text = _lxml_headline_text(root, anchor)
            elements.append(PageElement(HEADLINE_TEXT, {}, text, order=self.count))
        body = next(root.iter("body"), root)
        holding = {*anchor.iterancestors(), anchor} if anchor is not None else set()
        text = _lxml_page_text(body, holding)
        elements.append(PageElement(PAGE_TEXT, {}, text, order=self.count + 1))
        return elements


def _lxml_attributes(element: _Element) -> dict[str, str]:
    """An element's attributes as bs4 gives them: lower-case names, class and rel lists."""
    raw: dict[str, str] = {}
    for key, value in element.items():
        name = str(key).lower()
        # a class or rel list with single spaces
        raw[name] = " ".join(str(value).split()) if name in ("class", "rel") else str(value)
    return raw


def _lxml_short_text(element: _Element) -> str:
    """`_short_text` for an lxml element: its first strings, joined by spaces."""
    from scrapeclean._dom import lxml_strings

    return _first_text(lxml_strings(element))


def _first_text(strings: Iterable[str]) -> str:
    """The first few hundred characters of these strings, spaces collapsed.

    Strings of spaces alone do not count towards the length: parsers differ in which of them
    they keep, and the text read must not depend on the parser.
    """
    pieces: list[str] = []
    size = 0
    for piece in strings:
        if piece.isspace():
            continue
        pieces.append(piece)
        size += len(piece)
        if size > _MAX_TEXT:
            break
    return _SPACES.sub(" ", " ".join(pieces)).strip()[:_MAX_TEXT]


def _lxml_context(element: _Element, shared: set[_Element]) -> frozenset[str]:
    """`_context` for an lxml element."""
    words: set[str] = set()
    parent = element.getparent()
    for _ in range(_MAX_CONTEXT):
        if parent is None or parent in shared or parent.tag == "body":
            break
        words.add(str(parent.tag).lower())
        for attribute in ("class", "id"):
            words.update(_words(str(parent.get(attribute, ""))))
        parent = parent.getparent()
    if "aside" in words and _lxml_in_article(element):
        words.discard("aside")
    return frozenset(words)


def _lxml_in_article(element: _Element) -> bool:
    """Whether `element` is within an ``<article>`` (among its nearest ancestors)."""
    ancestors = itertools.islice(element.iterancestors(), _MAX_CONTEXT)
    return any(parent.tag == "article" for parent in ancestors)


def _lxml_strings_from(root: _Element, anchor: _Element) -> Iterator[tuple[str, str]]:
    """The text nodes from `anchor`'s start tag to the end of the page, with their parent's tag.

    As bs4's ``next_elements`` gives them: an element's text after its start tag, its tail
    after its end tag; comments and processing instructions are not text (their tails are);
    nor are ruby annotations (``<rt>``, ``<rp>``).

    The walk starts at `anchor`: its stack holds what a walk from `root` would hold on reaching
    it (at each level up to `root`, the siblings after the path down and the path's own tail).
    """
    stack: list[tuple[_Element, bool]] = [(anchor, False)]
    node = anchor
    while node is not root:
        parent = node.getparent()
        if parent is None:  # pragma: no cover - `anchor` is in the tree of `root`
            break
        level: list[tuple[_Element, bool]] = []
        for sibling in node.itersiblings():
            level.append((sibling, False))
            level.append((sibling, True))
        level.reverse()
        stack[:0] = [*level, (node, True)]
        node = parent
    while stack:
        node, tail = stack.pop()
        if tail:
            string = node.tail  # (lxml makes a new string at each reading)
            if string:
                parent = node.getparent()
                yield string, "" if parent is None else str(parent.tag)
            continue
        if not isinstance(node.tag, str):
            continue
        string = node.text
        if string and node.tag not in ("rt", "rp"):
            yield string, node.tag
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))


def _lxml_headline_text(root: _Element, anchor: _Element) -> str:
    """`_headline_text` for an lxml tree."""
    return _headline_from(_lxml_strings_from(root, anchor))


def _lxml_page_text(body: _Element, holding: set[_Element]) -> str:
    """`_page_text` for an lxml tree: the text outside comments, sidebars and menus.

    libxml2 walks the tree (`lxml.etree.iterwalk`): an element's text comes at its start, its
    tail at its end (a comment's or processing instruction's tail at its own event or, on a page
    walked over elements only, with its parent's text or the element before it: `walk_events`).
    """
    from lxml import etree

    from scrapeclean._dom import comment_tails, walk_events

    pieces: list[str] = []
    size = 0
    events = walk_events(body)
    siblings = "comment" not in events
    walker = etree.iterwalk(body, events=events)
    for event, node in walker:
        if size > _PAGE_CHARS:
            break
        if event == "start":
            tag = node.tag
            if tag in ("rt", "rp") or (  # ruby annotations are not text
                _lxml_aside(node)
                and not (node in holding or (tag == "aside" and _lxml_in_article(node)))
            ):
                walker.skip_subtree()
                continue
            text = node.text
            if text and not text.isspace():
                pieces.append(text)
                size += len(text)
            if siblings and len(node) and not isinstance(node[0].tag, str):
                size += _kept(comment_tails(node[0]), pieces)  # the comments it opens with
            continue
        if node is body:  # its tail is not the body's text
            continue
        tail = node.tail
        if tail and not tail.isspace():
            pieces.append(tail)
            size += len(tail)
        if siblings:
            following = node.getnext()
            if following is not None and not isinstance(following.tag, str):
                size += _kept(comment_tails(following), pieces)  # the comments after it
    return _SPACES.sub(" ", " ".join(pieces)).strip()[:_PAGE_CHARS]


def _kept(texts: Iterable[str], pieces: list[str]) -> int:
    """Append the texts that are not blank to `pieces`; return how many characters they add."""
    added = 0
    for text in texts:
        if text and not text.isspace():
            pieces.append(text)
            added += len(text)
    return added


#: The names of elements that `_lxml_aside` says yes to whatever their attributes.
_ASIDE_TAGS = _UNSEEN | _ELSEWHERE_TAGS


def _lxml_aside(element: _Element) -> bool:
    """`_aside` for an lxml element (it runs for every element of the page text's walk)."""
    if str(element.tag).lower() in _ASIDE_TAGS:
        return True
    value = element.get("class")
    if value and _side(str(value)):
        return True
    value = element.get("id")
    return bool(value and _side(str(value)))


@lru_cache(maxsize=4096)
def _side(value: str) -> bool:
    """Whether a class or id value names a side part of the page (`_SIDE_WORDS`)."""
    return not _words(value).isdisjoint(_SIDE_WORDS)
