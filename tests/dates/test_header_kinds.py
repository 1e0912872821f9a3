"""Header lines real pages put above the story, that `parse_dateline` did not read before.

Each kind was seen in the text `clean(html, html=True)` left of real pages; the lines here were
written for these tests. Before, every one stayed in the text with an empty dateline:

- a byline with a social handle after the names, or a date after the names with no separator;
- a date, then names with no "by", when the page's metadata names them as its authors;
- a date whose time is also given in a second zone, in brackets;
- a yearless or time-only labelled date on a page whose metadata states its publication time;
- a dateline below a long image caption on an HTML page.

The near misses must stay as they are: a headline with capitalised words after a date, a
sentence opening with a date, a yearless date with no page time to anchor it.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from scrapeclean import clean, cleaners
from scrapeclean._model import Document

_BODY = "\n\nThe council voted on Tuesday to close the old harbour bridge for urgent repairs."
_EST = timezone(timedelta(hours=-5))
_PARAGRAPHS = (
    "<p>The council voted on Tuesday to close the old harbour bridge for urgent repairs, after "
    "engineers found cracks in two of its supports during a routine inspection last month.</p>"
    "<p>Drivers will be sent along the ring road while the work lasts, which the council expects "
    "to take at least six weeks, and buses will stop at temporary shelters near the market.</p>"
    "<p>Shopkeepers on the quay said they feared losing trade before the holidays, and asked the "
    "council to shorten the works or to pay for signs pointing visitors to the old town.</p>"
)


def _read(header: str) -> tuple[object, ...]:
    """(published, updated, authors, whether a line was removed) for a plain-text header."""
    proposal = cleaners.parse_dateline()(Document.from_text(header + _BODY))
    found = proposal.dateline
    removed = bool(proposal.edits)
    if found is None:
        return (None, None, (), removed)
    return (found.published, found.updated, found.authors, removed)


def _page(
    header: str,
    *,
    published: str | None = None,
    author: str | tuple[str, ...] | None = None,
    site: str | None = None,
) -> str:
    """An HTML page: a headline, `header` (HTML), three paragraphs, and its metadata."""
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if published is not None:
        data["datePublished"] = published
    names = (author,) if isinstance(author, str) else author or ()
    if names:
        data["author"] = [{"@type": "Person", "name": name} for name in names]
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    if site is not None:
        script += f'<meta property="og:site_name" content="{site}">'
    return (
        f"<html><head><title>Bridge to close</title>{script}</head><body><article>"
        f"<h1>Harbour bridge to close for repairs</h1>{header}{_PARAGRAPHS}"
        "</article></body></html>"
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# --- 1. a byline with a handle, or a date after the names without a separator ---------------


@pytest.mark.parametrize(
    ("header", "published", "authors"),
    [
        pytest.param(
            "By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST",
            datetime(2019, 11, 18, 11, 47, tzinfo=_EST),
            ("Chris Pokorny",),
            id="glued-handle-then-date",
        ),
        pytest.param("By Jane Doe @janedoe", None, ("Jane Doe",), id="handle-alone"),
        pytest.param(
            "By Jane Doe, @janedoe | March 3, 2021",
            datetime(2021, 3, 3),
            ("Jane Doe",),
            id="handle-then-separator",
        ),
        pytest.param(
            "By Jane Doe and John Roe March 3, 2021",
            datetime(2021, 3, 3),
            ("Jane Doe", "John Roe"),
            id="names-then-date",
        ),
    ],
)
def test_byline_with_handle_or_date(
    header: str, published: datetime | None, authors: tuple[str, ...]
) -> None:
    """The authors (and the date) are recorded, the handle is not a name, the line goes."""
    assert _read(header) == (published, None, authors, True)


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("By Royal Appointment March 3, 2021", id="no-person"),
        pytest.param("By Jane Doe March the best", id="no-date"),
        pytest.param("By Jane Doe March 3, 2021 the council met again", id="sentence-after"),
    ],
)
def test_byline_and_date_near_misses(header: str) -> None:
    """Without a person's name or with no date right after it, the line stays."""
    assert _read(header) == (None, None, (), False)


# --- 2. a date, then the page's authors without "by" -----------------------------------------


def test_date_then_page_author() -> None:
    """The names the page's metadata gives as authors, after a date, are a byline."""
    html = _page("<p>November 20, 2019 Emiliano Bellini</p>", author="Emiliano Bellini")
    result = clean(html, html=True)
    assert result.dateline is not None
    assert result.dateline.published == datetime(2019, 11, 20)
    assert result.dateline.authors == ("Emiliano Bellini",)
    assert "Emiliano Bellini" not in result.text


def test_single_word_page_author_in_byline() -> None:
    """ "by Regan <date>": one word is a name when the page names that author."""
    html = _page("<p>by Regan December 6, 2017</p>", author="Regan")
    result = clean(html, html=True)
    assert result.dateline is not None
    assert result.dateline.authors == ("Regan",)
    assert result.dateline.published == datetime(2017, 12, 6)
    assert "by Regan" not in result.text


@pytest.mark.parametrize(
    ("line", "author"),
    [
        pytest.param("May 5, 2021 Kentucky Derby", "Jane Doe", id="headline-other-author"),
        pytest.param("May 5, 2021 Kentucky Derby", None, id="headline-no-author"),
        pytest.param("November 20, 2019 Emiliano Bellini", None, id="name-not-the-pages"),
        pytest.param("by Regan December 6, 2017", None, id="one-word-not-the-pages"),
    ],
)
def test_capitalised_words_after_a_date_stay(line: str, author: str | None) -> None:
    """Names the page does not give as its authors are read as a headline's words: kept."""
    result = clean(_page(f"<p>{line}</p>", author=author), html=True)
    assert line in _lines(result.text)
    assert result.dateline is None or not result.dateline.authors


# --- 3. a time in a second zone, in brackets --------------------------------------------------


@pytest.mark.parametrize(
    ("header", "published"),
    [
        pytest.param(
            "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)",
            datetime(2019, 11, 18, 19, 5, tzinfo=_EST),
            id="zone-not-read-with-date",
        ),
        pytest.param(
            "November 18, 2019, 10:30 pm PT (01:30 am ET)",
            datetime(2019, 11, 19, 1, 30, tzinfo=_EST),
            id="across-midnight",
        ),
        pytest.param(
            "November 18, 2019, 04:05 pm EST (01:05 pm PST)",
            datetime(2019, 11, 18, 16, 5, tzinfo=_EST),
            id="own-zone-read",
        ),
    ],
)
def test_time_in_a_second_zone(header: str, published: datetime) -> None:
    """The date is read with the time of a zone the grammar reads, on the right day."""
    assert _read(header) == (published, None, (), True)


def test_brackets_that_are_no_time_stay() -> None:
    """A date with words in brackets that are no time in a zone is not a dateline."""
    assert _read("November 18, 2019 (the day of the vote)") == (None, None, (), False)


# --- 4. yearless and time-only labelled dates, anchored by the page's publication time -------


def test_yearless_dates_take_the_year_nearest_the_page_time() -> None:
    """ "Updated Nov 19 …; Posted Nov 18 …" take the page's year; the line goes."""
    line = "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"
    result = clean(_page(f"<p>{line}</p>", published="2019-11-19T01:19:00+00:00"), html=True)
    assert result.dateline is not None
    assert result.dateline.published == datetime(2019, 11, 18, 20, 19)
    assert result.dateline.updated == datetime(2019, 11, 19, 9, 41)
    assert line not in result.text


def test_yearless_date_across_new_year() -> None:
    """A late-December date on a page published on 2 January is of the year before."""
    result = clean(
        _page("<p>Posted Dec 30, 8:19 PM</p>", published="2020-01-02T10:00:00"), html=True
    )
    assert result.dateline is not None
    assert result.dateline.published == datetime(2019, 12, 30, 20, 19)


def test_yearless_publication_never_long_after_the_page_time() -> None:
    """A "Posted" date far after the page's time takes the year before, not the nearest."""
    result = clean(
        _page("<p>Posted Jun 20, 8:19 PM</p>", published="2019-03-01T10:00:00"), html=True
    )
    assert result.dateline is not None
    assert result.dateline.published == datetime(2018, 6, 20, 20, 19)


def test_time_only_label_is_removed_unrecorded() -> None:
    """ "Updated at 1:23 p.m." has no day: the line goes, no time is recorded for it."""
    result = clean(
        _page("<p>Updated at 1:23 p.m.</p>", published="2019-11-18T08:00:00-05:00"), html=True
    )
    assert "Updated at 1:23 p.m." not in result.text
    assert result.dateline is not None
    assert result.dateline.updated is None
    assert result.metadata.updated is None


@pytest.mark.parametrize(
    "line", ["Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "Updated at 1:23 p.m."]
)
def test_without_page_time_yearless_lines_stay(line: str) -> None:
    """With no publication time in the page's metadata, behaviour is as before: kept."""
    result = clean(_page(f"<p>{line}</p>"), html=True)
    assert line in _lines(result.text)
    assert any("no reference time" in warning for warning in result.warnings)


def test_sentence_opening_with_a_yearless_date_stays() -> None:
    """A sentence of the story that opens with a yearless date is no dateline, anchor or not."""
    line = "Nov 19 was the day the council finally met."
    result = clean(_page(f"<p>{line}</p>", published="2019-11-19T01:19:00+00:00"), html=True)
    assert line in _lines(result.text)


# --- 5. a dateline below a long image caption -------------------------------------------------

_CAPTION = (
    "In this Dec. 12, 2006, file photo, made available by the agency, two engineers stand on "
    "the old harbour bridge during an inspection of its supports, which were found to be "
    "cracked in two places; the bridge was opened to traffic in 1931 and last repaired in 1987."
)


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(
            f'<figure><img src="a.jpg"><figcaption>{_CAPTION}</figcaption></figure>',
            id="figcaption",
        ),
        pytest.param(
            f'<div class="image top"><img src="a.jpg"><p>{_CAPTION}</p></div>', id="image-block"
        ),
    ],
)
def test_dateline_below_a_caption(figure: str) -> None:
    """The scan passes over a long caption: the agency byline and the date below it are read."""
    header = (
        "<div><p>The Associated Press</p>"
        "<p>Published Monday, November 18, 2019 8:22AM EST</p></div>"
    )
    result = clean(_page(figure + header), html=True)
    assert result.dateline is not None
    assert result.dateline.agency == "Associated Press"
    assert result.dateline.published == datetime(2019, 11, 18, 8, 22, tzinfo=_EST)
    assert "Published Monday" not in result.text
    assert _CAPTION in result.text


def test_long_paragraph_still_ends_the_header() -> None:
    """A long line that is no caption is the body: a date line below it stays."""
    header = f"<p>{_CAPTION}</p><p>Published Monday, November 18, 2019 8:22AM EST</p>"
    result = clean(_page(header), html=True)
    assert "Published Monday, November 18, 2019 8:22AM EST" in _lines(result.text)


def test_captions_in_plain_text_are_not_passed_over() -> None:
    """Plain text has no caption blocks: a long first line ends the header as before."""
    assert _read(_CAPTION + "\nPublished November 18, 2019") == (None, None, (), False)


@pytest.mark.parametrize("line", ["Today 12:01 AM", "Posted 3 hours ago", "Updated: Sunday"])
def test_relative_dates_on_a_dated_page_are_removed_unrecorded(line: str) -> None:
    """A relative date's day needs the reference, not the page's time: removed, not recorded."""
    result = clean(_page(f"<p>{line}</p>", published="2019-11-20T08:01:00+00:00"), html=True)
    assert line not in result.text
    assert result.dateline is not None
    assert (result.dateline.published, result.dateline.updated) == (None, None)
    assert result.published == datetime(2019, 11, 20, 8, 1, tzinfo=timezone.utc)


def test_reference_still_resolves_a_time_of_day() -> None:
    """With a reference time, a labelled time of day is on the reference's day, as before."""
    html = _page("<p>Updated at 1:23 p.m.</p>", published="2019-11-18T08:00:00-05:00")
    result = clean(html, html=True, reference=datetime(2019, 11, 18, 20, 0))
    assert result.dateline is not None
    assert result.dateline.updated == datetime(2019, 11, 18, 13, 23)


# --- a zone the grammar does not read --------------------------------------------------------


def test_unknown_zone_word_after_a_full_date_and_time() -> None:
    """ "November 20, 2019 - 11:28 AMT": the date and wall-clock time are read, the line goes."""
    assert _read("November 20, 2019 - 11:28 AMT") == (
        datetime(2019, 11, 20, 11, 28),
        None,
        (),
        True,
    )


@pytest.mark.parametrize(
    "header", ["March 3, 2021 NASA", "11:28 AMT", "Launch on November 20, 2019 - 11:28 AMT"]
)
def test_capitals_after_a_date_without_its_time_stay(header: str) -> None:
    """Capitals after a date with no time, a time with no date, or words before: kept."""
    assert _read(header) == (None, None, (), False)


# --- a standfirst above the dateline ----------------------------------------------------------


def test_dateline_below_a_standfirst() -> None:
    """A long summary under the headline (class "lead") is passed over like a caption."""
    header = f'<p class="article-lead">{_CAPTION}</p><div>November 20, 2019 Emiliano Bellini</div>'
    result = clean(_page(header, author="Emiliano Bellini"), html=True)
    assert result.dateline is not None
    assert result.dateline.authors == ("Emiliano Bellini",)
    assert "November 20, 2019 Emiliano Bellini" not in result.text
    assert _CAPTION in result.text


def test_dash_dateline_keeps_the_bylines_agency() -> None:
    """A dash dateline naming no agency ("BERLIN --") keeps the agency the byline named."""
    text = (
        "The Associated Press\n\nBERLIN -- The European Space Agency says putting astronauts "
        "to sleep could make missions cheaper."
    )
    found = cleaners.parse_dateline()(Document.from_text(text)).dateline
    assert found is not None
    assert (found.location, found.agency) == ("BERLIN", "Associated Press")


# --- job titles, and the page's authors alone ------------------------------------------------


@pytest.mark.parametrize(
    ("header", "authors", "agency"),
    [
        pytest.param(
            "Steve Peoples, AP National Political Writer",
            ("Steve Peoples",),
            "AP",
            id="agency-and-title",
        ),
        pytest.param(
            "By Jane Doe, Senior Contributor", ("Jane Doe",), None, id="byline-title-not-a-name"
        ),
    ],
)
def test_job_title_after_the_names(
    header: str, authors: tuple[str, ...], agency: str | None
) -> None:
    """A job title after the names is neither a date nor a name: the byline is read."""
    found = cleaners.parse_dateline()(Document.from_text(header + _BODY)).dateline
    assert found is not None
    assert (found.authors, found.agency) == (authors, agency)


def test_agency_then_other_words_stay() -> None:
    """After an agency, words that are no job title and no date leave the line alone."""
    assert _read("Jane Doe, AP Photo of the council") == (None, None, (), False)


@pytest.mark.parametrize(
    "line", ["Bruce Y. Lee Senior Contributor", "Bruce Y. Lee", "Bruce Y. Lee and Jane Doe"]
)
def test_page_authors_alone_or_with_a_title(line: str) -> None:
    """A header line of the page's own authors (and their title) is the byline."""
    html = _page(f"<p>{line}</p>", author=("Bruce Y. Lee", "Jane Doe"))
    result = clean(html, html=True)
    assert line not in _lines(result.text)
    assert result.dateline is not None
    assert result.dateline.authors[0] == "Bruce Y. Lee"


def test_placeholder_page_time_is_no_anchor() -> None:
    """A page time of year 1 (a placeholder) anchors nothing: the yearless line stays."""
    line = "Updated Nov 19, 9:41 AM"
    result = clean(_page(f"<p>{line}</p>", published="0001-01-01T00:00:00+00:00"), html=True)
    assert line in _lines(result.text)


# --- names, then the site's name --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        pytest.param(
            "Kevin Johnson and Kevin McCoy USA TODAY",
            ("Kevin Johnson", "Kevin McCoy"),
            id="two-names",
        ),
        pytest.param("Elliot Brownstein, Harbour Today", ("Elliot Brownstein",), id="comma"),
    ],
)
def test_names_then_the_site_name(line: str, authors: tuple[str, ...]) -> None:
    """Persons' names followed by the page's own site name are its byline."""
    site = "usatoday" if "USA" in line else "Harbour Today"
    result = clean(_page(f"<p>{line}</p>", site=site), html=True)
    assert line not in _lines(result.text)
    assert result.dateline is not None
    assert result.dateline.authors == authors


@pytest.mark.parametrize(
    ("line", "site"),
    [
        pytest.param("Kevin Johnson and Kevin McCoy USA TODAY", "Harbour Today", id="other-site"),
        pytest.param("Royal Appointment USA TODAY", "usatoday", id="no-person"),
    ],
)
def test_names_then_another_site_stay(line: str, site: str) -> None:
    """Another site's name, or words that name no person, leave the line alone."""
    result = clean(_page(f"<p>{line}</p>", site=site), html=True)
    assert line in _lines(result.text)


def test_site_name_is_no_author() -> None:
    """ "By Jane Doe, USA TODAY": the site's name after a comma is not a second author."""
    result = clean(_page("<p>By Jane Doe, USA TODAY</p>", site="USA TODAY"), html=True)
    assert result.dateline is not None
    assert result.dateline.authors == ("Jane Doe",)
