"""`remove_chrome` takes lines that point to another story ("Read more: <headline>")."""

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
        "Read more: Paris transport plans for 2009",
        "READ MORE: Council votes to keep the tram",
        "Related: How the budget was agreed in one night",
        "Weiterlesen: Bundestag beschließt das Gesetz",
        "Read more | What the new timetable means for riders",
    ],
)
def test_a_pointer_to_another_story_is_removed(line: str) -> None:
    text, rules = _cleaned(line)
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
    text, rules = _cleaned(line)
    assert line in text
    assert "chrome.pointer" not in rules
