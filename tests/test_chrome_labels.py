"""`remove_chrome` takes section labels of related-content and comment boxes, in the languages
of the language files ("Ähnliche Beiträge", "Auch interessant...", "War der Artikel nützlich?")."""

from __future__ import annotations

import pytest

from tests.conftest import chrome_rules_on


@pytest.mark.parametrize(
    "line",
    [
        "Ähnliche Beiträge",
        "Auch interessant...",
        "Das könnte Sie auch interessieren",
        "War der Artikel nützlich?",
        "Latest articles",
        "Don't miss",
        "Sur le même sujet",
        "Noticias relacionadas",
        "Articoli correlati:",
        "Похожие статьи",
        "Podobne artykuły",
        "Sharing is caring!",
        "Advert",
        "Filed under:",
        "Tell us what YOU think...",
    ],
)
def test_a_section_label_is_removed(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert rules == ["chrome.call_to_action"]


@pytest.mark.parametrize(
    "line",
    [
        "Latest articles suggest the line will stay open until 2030.",  # a sentence
        "Auch interessant war die Frage, wer die Kosten trägt.",
        "Don't miss the last tram on Friday, the mayor told riders.",
    ],
)
def test_a_sentence_that_opens_like_a_label_stays(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line in text
    assert rules == []


@pytest.mark.parametrize(
    "line",
    [
        "5 min read",
        "Reading time: 7 minutes",
        "21 minutes - 4312 words",
        "Lesezeit: 3 Minuten",
        "Temps de lecture : 4 min",
        "Tempo de leitura: 1 minuto",
        "Время чтения: 5 минут",
    ],
)
def test_a_reading_time_is_removed(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert rules == ["chrome.call_to_action"]


def test_a_sentence_about_minutes_stays() -> None:
    line = "It takes 5 min to read the plan, the mayor said."
    text, rules = chrome_rules_on(line)
    assert line in text and rules == []
