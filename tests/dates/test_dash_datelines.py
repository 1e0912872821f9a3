"""Datelines that end in a dash and name no agency ("MADRID —", "Paris, 3 March –").

The positive openings follow the wire styles of the labelled set (capitals, a region after a
comma, a date after the place, a title-case city); the negatives were written for this test:
story openings whose first words stand before a dash but are no place (a kicker, a date word,
a connector, a company with a lower-case aside, a numbered step), which must read nothing.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from tests.conftest import fastest_seconds

from scrapeclean import cleaners
from scrapeclean._model import Document
from scrapeclean.cleaners import dateline

_STORY = "The city council voted on Tuesday to close the old harbour bridge for repairs."


def _dateline(opening: str, reference: datetime | None = None) -> tuple[object, ...]:
    doc = Document.from_text(opening, reference=reference)
    found = cleaners.parse_dateline()(doc).dateline
    if found is None:
        return (None, None, None)
    return (found.location, found.agency, found.published)


@pytest.mark.parametrize(
    ("prefix", "location"),
    [
        pytest.param("MADRID — ", "MADRID", id="caps-em-dash"),
        pytest.param("WASHINGTON – ", "WASHINGTON", id="caps-en-dash"),
        pytest.param("BERLIN -- ", "BERLIN", id="caps-double-hyphen"),
        pytest.param("LONDON - ", "LONDON", id="caps-hyphen"),
        pytest.param("LOS ANGELES — ", "LOS ANGELES", id="caps-two-words"),
        pytest.param("CLEVELAND, Ohio – ", "CLEVELAND, Ohio", id="caps-with-state"),
        pytest.param("ST. JOSEPH, Mich. — ", "ST. JOSEPH, Mich.", id="caps-abbreviated-state"),
        pytest.param(
            "DUBAI, United Arab Emirates — ", "DUBAI, United Arab Emirates", id="caps-country"
        ),
        pytest.param("Indianapolis – ", "Indianapolis", id="title-case-city"),
        pytest.param("São Paulo — ", "São Paulo", id="title-case-accented"),
        pytest.param("Salt Lake City — ", "Salt Lake City", id="title-case-three-words"),
        pytest.param("Springfield, Ill. – ", "Springfield, Ill.", id="title-case-with-state"),
        pytest.param("WILKES-BARRE, Pa. — ", "WILKES-BARRE, Pa.", id="hyphenated-city"),
    ],
)
def test_dash_dateline_gives_the_location(prefix: str, location: str) -> None:
    """A place before a dash at the start of the story is the dateline's location."""
    assert _dateline(prefix + _STORY) == (location, None, None)


def test_dash_dateline_with_a_date() -> None:
    """A place and a yearless date before the dash: the location, and the date at the reference."""
    opening = "Paris, 3 March – " + _STORY
    reference = datetime(2024, 3, 5, 12, 0)
    assert _dateline(opening, reference) == ("Paris", None, datetime(2024, 3, 3))


def test_dash_dateline_with_a_date_and_agency() -> None:
    """ "WASHINGTON, March 11 (AP) —": location, agency and date (the issue's example)."""
    opening = "WASHINGTON, March 11, 2024 (AP) — " + _STORY
    assert _dateline(opening) == ("WASHINGTON", "AP", datetime(2024, 3, 11))


def test_dash_dateline_of_a_date_alone() -> None:
    """A date alone before the dash ("Feb. 23, 2015 --") is the publication date, no place."""
    assert _dateline("Feb. 23, 2015 -- " + _STORY) == (None, None, datetime(2015, 2, 23))


def test_dash_dateline_is_kept_in_the_text() -> None:
    """Like a wire dateline, the prefix stays in the story unless remove_wire=True."""
    opening = "VIENNA — " + _STORY
    kept = cleaners.parse_dateline()(Document.from_text(opening))
    removed = cleaners.parse_dateline(remove_wire=True)(Document.from_text(opening))
    assert not kept.edits
    assert [opening[edit.span.start : edit.span.end] for edit in removed.edits] == ["VIENNA — "]


@pytest.mark.parametrize(
    "opening",
    [
        pytest.param(
            "UPDATE — The company has since answered our questions about the recall.",
            id="kicker-caps",
        ),
        pytest.param(
            "BREAKING NEWS – Police have closed the main road after a serious crash.",
            id="kicker-two-words",
        ),
        pytest.param(
            "Exclusive — Ministers were warned twice about the flaw before the launch.",
            id="kicker-title",
        ),
        pytest.param(
            "Editor's note — This story has been changed to correct a name.", id="editors-note"
        ),
        pytest.param(
            "Yesterday – The town council voted to close the harbour bridge for good.",
            id="day-word",
        ),
        pytest.param(
            "Monday — Markets opened lower as investors weighed the new figures.", id="weekday"
        ),
        pytest.param(
            "Meanwhile — The rain kept falling on the flooded villages of the valley.",
            id="connector",
        ),
        pytest.param(
            "Apple — the world's most valuable company — said on Tuesday it would pay.",
            id="aside-lower-case",
        ),
        pytest.param(
            "Step 1 – Open the settings menu and choose the account you want to change.",
            id="numbered-step",
        ),
        pytest.param(
            "Part Two — The long road home from the front began in a cold February.",
            id="part-heading",
        ),
        pytest.param(
            "Q&A — What you need to know about the new rules for travellers this summer.",
            id="q-and-a",
        ),
        pytest.param(
            "Biz & IT —\nTwo-year-old bug exposes thousands of servers to an attack.",
            id="section-line",
        ),
        pytest.param(
            "The answer — and this surprised everyone — was a plain no from the board.",
            id="sentence-with-aside",
        ),
        pytest.param(
            "I knew it - You could see it in their faces when the verdict was read out.",
            id="pronoun-start",
        ),
        pytest.param(
            "Photos – A look back at a year of storms, floods and harvests in the region.",
            id="photos-kicker",
        ),
        pytest.param(
            "Spoiler alert – This review discusses the ending of the film in detail.",
            id="lower-case-second-word",
        ),
        pytest.param(
            "WERBUNG – Jetzt bestellen und beim nächsten Einkauf zehn Prozent sparen.",
            id="advertisement-label-german",
        ),
        pytest.param(
            "Despite The Rain, Crowds Keep Coming — And Staying — For The Whole Week",
            id="title-case-headline",
        ),
    ],
)
def test_sentence_start_before_a_dash_is_no_dateline(opening: str) -> None:
    """Words before a dash that are no place (kicker, date word, aside) give no dateline."""
    assert _dateline(opening) == (None, None, None)


@pytest.mark.parametrize("name", ["_DASH", "_DATE_THEN_BYLINE"])
def test_dateline_patterns_are_linear_on_space_runs(name: str) -> None:
    """Four times the run of spaces costs well under sixteen times the time (was quadratic)."""
    pattern = getattr(dateline, name)
    small, large = "x" + " " * 4_000 + "y", "x" + " " * 16_000 + "y"
    pattern.match(small)
    ratio = fastest_seconds(lambda: pattern.match(large)) / max(
        fastest_seconds(lambda: pattern.match(small)), 1e-6
    )
    assert ratio < 9
