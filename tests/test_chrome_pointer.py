"""`remove_chrome` takes lines that point to another story ("Read more: <headline>")."""

from __future__ import annotations

import pytest

from tests.conftest import chrome_rules_on


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Paris transport plans for 2009",
        "READ MORE: Council votes to keep the tram",
        "Related: How the budget was agreed in one night",
        "Weiterlesen: Bundestag beschließt das Gesetz",
        "Read more | What the new timetable means for riders",
    ],
)
def test_a_pointer_to_another_story_is_removed(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert "chrome.pointer" in rules


@pytest.mark.parametrize(
    "line",
    [
        "Recommended: 2 cups of flour, sifted twice before use",  # no headline: a number
        "Related: the council said it would meet again.",  # a sentence, in lower case
        "Read more about the plans: Paris transport office",  # no call to action before ':'
        "Related: Yes",  # one word is no headline
        "Read more: " + " ".join(["Word"] * 20),  # too long for a headline
    ],
)
def test_lines_that_only_start_like_a_pointer_stay(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line in text
    assert "chrome.pointer" not in rules
