"""Prose is never deleted as chrome or as a dateline, whatever it mentions or how short it is."""

from __future__ import annotations

from datetime import datetime

import pytest

from scrapeclean import Pipeline, clean, cleaners
from scrapeclean._model import Document
from scrapeclean.cleaners._text import is_prose

_BODY = "The council met on Monday and agreed the budget after a long debate about the old bridge."
_LATER = "The mayor said the first repairs would start in the spring, weather permitting."
_REFERENCE = datetime(2024, 6, 1, 12, 0)
_CHROME = Pipeline([cleaners.remove_chrome()])


def _story(middle: str) -> str:
    return f"{_BODY}\n\n{middle}\n\n{_LATER}"


# -- is_prose ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Copyright law was the subject of the hearing.", id="copyright-law"),
        pytest.param("Der Rat stimmte am Montag zu, sagte der Sprecher.", id="german"),
        pytest.param(
            "We use cookies to improve your experience. By continuing you accept them.",
            id="cookie-notice-is-a-sentence",
        ),
    ],
)
def test_sentences_are_prose(line: str) -> None:
    """A line with a sentence's shape and function words is prose."""
    assert is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Two weeks later.", id="short-paragraph"),
        pytest.param("Copyright Example Biznes Sp. z o.o.", id="one-function-word-twice"),
        pytest.param("Home | News | Local | Business | Sport | Weather", id="menu"),
        pytest.param("Copyright © 2024 Example Media Ltd. All rights reserved.", id="notice"),
        pytest.param("By Jane Doe and John Roe", id="byline"),
        pytest.param("Published on Monday, 14 June 2024 at 09:45.", id="date-line"),
        pytest.param("icon bookmarkicon cameraicon chevron downicon fbicon twicon", id="icons"),
    ],
)
def test_labels_and_short_lines_are_not_prose(line: str) -> None:
    """Menus, notices, bylines, date lines and short paragraphs are not prose-shaped."""
    assert not is_prose(line)


# -- remove_chrome keeps sentences in the story ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "The bakery said customers who accept cookies from the website will get a "
            "discount, according to our reporter.",
            id="cookies",
        ),
        pytest.param(
            "We use cookies in the staff canteen, the manager told the court, and you can "
            "accept or refuse them.",
            id="cookies-spoken-to-the-reader",
        ),
        pytest.param("Copyright law was the subject of the hearing on Tuesday.", id="copyright"),
        pytest.param(
            "Copyright in the photographs was claimed by the family of the painter.",
            id="copyright-claimed",
        ),
        pytest.param(
            "Pictures by local schoolchildren hang in the hall of the new library.",
            id="pictures",
        ),
        pytest.param(
            "Searchicon, shareicon, closeicon and mailicon were the icon names, he said.",
            id="icons",
        ),
        pytest.param(
            "Click here to see how they voted, the clerk said.",
            id="call-to-action-words",
        ),
    ],
)
def test_sentence_in_the_story_is_kept(sentence: str) -> None:
    """A sentence between two body paragraphs stays, whatever chrome words it mentions."""
    text = _story(sentence)
    assert _CHROME.clean(text).text == text
    assert sentence in clean(text).text


@pytest.mark.parametrize(
    ("notice", "where"),
    [
        pytest.param(
            "We use cookies to improve your experience. By continuing to browse the site you "
            "accept our cookie policy.",
            "head",
            id="cookie-head",
        ),
        pytest.param(
            "We use cookies to improve your experience. By continuing to browse the site you "
            "accept our cookie policy.",
            "tail",
            id="cookie-tail",
        ),
        pytest.param(
            "Sign up for our newsletter to get the best of the news in your inbox.",
            "tail",
            id="newsletter-tail",
        ),
        pytest.param("© 2024 Example Media. All rights reserved.", "tail", id="copyright-tail"),
        pytest.param(
            "© Example Design LLC: read our terms of service for the rules.",
            "head",
            id="copyright-sentence-head",
        ),
        pytest.param("Copyright 2024 Example Media", "head", id="copyright-word-head"),
    ],
)
def test_notice_outside_the_story_is_removed(notice: str, where: str) -> None:
    """Notices above the first or below the last sentence of the story are still chrome."""
    story = f"{_BODY}\n\n{_LATER}"
    text = f"{notice}\n\n{story}" if where == "head" else f"{story}\n\n{notice}"
    assert _CHROME.clean(text).text == story


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param("This site uses cookies. Accept | Reject", id="not-a-sentence"),
        pytest.param(
            "Wir nutzen Cookies auf unserer Website, um Ihnen das beste Erlebnis zu bieten.",
            id="cookies-on-our-website",
        ),
        pytest.param(
            "Sign up for our newsletter to get the best of the news in your inbox.",
            id="newsletter-pitch",
        ),
        pytest.param("© Example Design LLC: read our terms of service for the rules.", id="sign"),
    ],
)
def test_site_notice_is_removed_anywhere(notice: str) -> None:
    """A prompt that is no sentence, or speaks for the site, goes even inside the story."""
    text = _story(notice)
    assert _CHROME.clean(text).text == f"{_BODY}\n\n{_LATER}"


def test_chrome_decision_survives_a_second_pass() -> None:
    """Removing head chrome does not move the story's bounds: a second pass changes nothing."""
    text = (
        "Share Tweet Email\n\nWe use cookies to improve your experience on our site, and you "
        "accept them.\n\n" + _story("Copyright law was the subject of the hearing.")
    )
    once = _CHROME.clean(text).text
    assert once == _story("Copyright law was the subject of the hearing.")
    assert _CHROME.clean(once).text == once


# -- max_removed counts what really goes ----------------------------------------------------


def test_max_removed_counts_line_breaks() -> None:
    """Lines of chrome and their line breaks count: all-chrome text is kept, with a warning."""
    result = clean("x\nx\nx\nx")
    assert result.text == "x\nx\nx\nx"
    assert any("max_removed" in warning for warning in result.warnings)


def test_max_removed_share_includes_breaks() -> None:
    """The share is of the whole text, line breaks included: 12 of 28 characters is over 40%."""
    text = "Share\nTweet\nThe vote passed."
    proposal = cleaners.remove_chrome(max_removed=0.4)(Document.from_text(text))
    assert not proposal.edits
    assert "43%" in proposal.warnings[0]
    assert cleaners.remove_chrome(max_removed=0.5)(Document.from_text(text)).edits


# -- parse_dateline takes only real datelines ------------------------------------------------


_DATELINE = Pipeline([cleaners.parse_dateline()])


@pytest.mark.parametrize(
    "paragraph",
    ["Two weeks later.", "Midnight.", "So.", "Tomorrow", "Now", "Sunday", "In 3 days"],
)
def test_short_paragraph_is_not_a_date_line(paragraph: str) -> None:
    """A short paragraph at the top is story text, not the publication date, even with a clock."""
    text = f"{paragraph}\n\n{_BODY}"
    result = _DATELINE.clean(text, reference=_REFERENCE)
    assert result.text == text
    assert result.published is None


@pytest.mark.parametrize(
    ("line", "published"),
    [
        pytest.param("2 hours ago", datetime(2024, 6, 1, 10, 0), id="ago"),
        pytest.param("vor 2 Stunden", datetime(2024, 6, 1, 10, 0), id="ago-german"),
        pytest.param("Published: yesterday", datetime(2024, 5, 31, 12, 0), id="labelled-day"),
        pytest.param("Yesterday 14:26", datetime(2024, 5, 31, 14, 26), id="day-and-clock"),
        pytest.param("Sunday, 26 May 2024", datetime(2024, 5, 26), id="weekday-and-date"),
        pytest.param("14 May", datetime(2024, 5, 14), id="day-and-month"),
    ],
)
def test_real_date_lines_are_still_read(line: str, published: datetime) -> None:
    """Calendar dates, "ago" phrases, labelled relative dates and day-plus-clock lines count."""
    result = _DATELINE.clean(f"{line}\n\n{_BODY}", reference=_REFERENCE)
    assert result.text == _BODY
    assert result.published == published


@pytest.mark.parametrize("line", ["14 Jun 2024 09:45", "Published: tomorrow", "In 3 days"])
def test_date_after_the_reference_keeps_its_line(line: str) -> None:
    """A date line later than the reference is neither taken nor removed."""
    text = f"{line}\n\n{_BODY}"
    result = _DATELINE.clean(text, reference=_REFERENCE)
    assert result.text == text
    assert result.published is None


def test_future_date_line_says_why_it_stays() -> None:
    """The warning names the line and the reference time."""
    result = _DATELINE.clean(f"14 Jun 2024 09:45\n\n{_BODY}", reference=_REFERENCE)
    assert any("after the reference" in warning for warning in result.warnings)


def test_unresolved_relative_date_is_kept_and_recorded() -> None:
    """Without a reference, "2 hours ago" stays in the text, in Dateline.raw and a warning."""
    text = f"2 hours ago\n\n{_BODY}"
    result = clean(text)
    assert result.text == text
    assert result.dateline is not None
    assert (result.dateline.raw, result.dateline.published) == ("2 hours ago", None)
    assert any("no reference" in warning for warning in result.warnings)


def test_unresolved_date_after_a_byline_keeps_the_line() -> None:
    """A byline with an unresolved date stays; its authors are still recorded."""
    text = f"By Jane Doe | 3 days ago\n\n{_BODY}"
    result = _DATELINE.clean(text)
    assert result.text == text
    assert result.dateline is not None
    assert result.dateline.authors == ("Jane Doe",)
    assert result.dateline.raw == "3 days ago"


@pytest.mark.parametrize(
    "line",
    ["By Royal Appointment", "By Popular Demand", "By Special Arrangement", "By Staff Writer"],
)
def test_phrase_after_by_is_no_byline(line: str) -> None:
    """Capitalised ordinary words after "By" are no author list, and the line stays."""
    text = f"{line}\n\n{_BODY}"
    result = _DATELINE.clean(text)
    assert result.text == text
    assert result.dateline is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        pytest.param("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), id="two"),
        pytest.param("By Marta Lindqvist", ("Marta Lindqvist",), id="rare-surname"),
        pytest.param("By J. K. Rowling", ("J. K. Rowling",), id="initials"),
        pytest.param("By Jane Doe, Political Editor", ("Jane Doe",), id="job-title-dropped"),
        pytest.param("Von Anna Maria Schmidt", ("Anna Maria Schmidt",), id="german"),
    ],
)
def test_person_bylines_are_read(line: str, authors: tuple[str, ...]) -> None:
    """Bylines naming people are recorded and removed; a job title is not an author."""
    result = _DATELINE.clean(f"{line}\n\n{_BODY}")
    assert result.text == _BODY
    assert result.dateline is not None
    assert result.dateline.authors == authors


def test_header_window_counts_kept_lines() -> None:
    """Removing the byline does not widen the header on a second pass (idempotence)."""
    headings = "\n".join(f"Section {number}" for number in range(1, 8))
    text = f"By Jane Doe\n{headings}\n14 May 2024\n\n{_BODY}"
    once = _DATELINE.clean(text, reference=_REFERENCE).text
    assert _DATELINE.clean(once, reference=_REFERENCE).text == once
    assert "14 May 2024" not in once


def test_invalid_date_is_not_recorded_as_unresolved() -> None:
    """A date that cannot exist is no dateline, with or without a reference."""
    text = f"31 Feb 2024\n\n{_BODY}"
    assert _DATELINE.clean(text).dateline is None
    assert _DATELINE.clean(text, reference=_REFERENCE).dateline is None
