"""`remove_chrome` takes photo and source credits: a name then an agency, an agency alone."""

from __future__ import annotations

import pytest

from scrapeclean import Pipeline, cleaners

STORY = (
    "The city council voted on Tuesday to keep the old tram line open after a long debate.\n\n"
    "{line}\n\n"
    "Residents had collected 12,000 signatures in support of the line and its 9,000 riders."
)


def _cleaned(line: str) -> tuple[str, list[str]]:
    result = Pipeline([cleaners.remove_chrome(model=False)]).clean(STORY.format(line=line))
    return result.text, [change.rule for change in result.changes]


@pytest.mark.parametrize(
    "line",
    [
        "Alex Wong | Getty Images",
        "Natalie Naccache | Bloomberg | Getty Images",
        "Michael Conroy, AP",
        "State Sex Offender Registry via AP",
        "Image copyright EPA",
        "Getty",
        "Jean Dupont, AFP",
    ],
)
def test_a_credit_line_is_removed(line: str) -> None:
    text, rules = _cleaned(line)
    assert line not in text
    assert rules == ["chrome.credit"]


@pytest.mark.parametrize(
    "line",
    [
        "The council said it had asked AP for comment.",  # a sentence that names an agency
        "Officials told AP, Reuters and AFP that the line would stay open for years.",
        "Copyright holders, not the council, decide who may reprint the map.",
    ],
)
def test_a_sentence_naming_an_agency_stays(line: str) -> None:
    text, rules = _cleaned(line)
    assert line in text
    assert "chrome.credit" not in rules
