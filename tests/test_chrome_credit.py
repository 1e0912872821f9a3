"""`remove_chrome` takes photo and source credits: a name then an agency, an agency alone."""

from __future__ import annotations

import pytest

from tests.conftest import chrome_rules_on


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
        "Stau © aremac / Clipdealer",
        "Foto: Imago",
        "Beitragsbild: Titelseite der Zeitung vom 2.4.2019, Ausriss.",
        "Max Muster | picture alliance",
        "Jane Roe / Unsplash",
        "Schneeräumpflicht - was man darüber wissen muss © Rike/pixelio.de",
    ],
)
def test_a_credit_line_is_removed(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert rules == ["chrome.credit"]


@pytest.mark.parametrize(
    "line",
    [
        "The council said it had asked AP for comment.",  # a sentence that names an agency
        "Officials told AP, Reuters and AFP that the line would stay open for years.",
        "Copyright holders, not the council, decide who may reprint the map.",
        "The line to the airport was opened on Monday, the state news agency Xinhua reported.",
        "Officials said the photo was taken by a photographer who sells it through Alamy.",
    ],
)
def test_a_sentence_naming_an_agency_stays(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line in text
    assert "chrome.credit" not in rules
