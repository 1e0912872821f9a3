"""Shared test helpers: the development data, a timing loop, one line of chrome in a story."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_file(relative: str) -> Path:
    """The path of a development data file, or skip the test saying why it is absent."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"development data {relative} is not at {SHARED_DATA} (only in the dev tree)")
    return path


def read_jsonl(relative: str) -> Iterator[dict[str, Any]]:
    """Rows of a development JSONL file (skips the test when it is absent)."""
    with shared_file(relative).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def fastest_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of `repeat` runs: one slow run on a busy machine is noise, not growth."""
    fastest = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


#: A short story with one line to judge between two paragraphs of prose.
STORY = (
    "The city council voted on Tuesday to keep the old tram line open after a long debate.\n\n"
    "{line}\n\n"
    "Residents had collected 12,000 signatures in support of the line and its 9,000 riders."
)


def chrome_rules_after_story(line: str) -> tuple[str, list[str]]:
    """`STORY` then `line` after `remove_chrome`'s rules (no model): the text, the rule ids."""
    from scrapeclean import Pipeline, cleaners

    text = STORY.format(line="The vote was eleven to four, with two members absent.")
    result = Pipeline([cleaners.remove_chrome(model=False)]).clean(f"{text}\n\n{line}")
    return result.text, [change.rule for change in result.changes]


def assert_removed(found: tuple[str, list[str]], line: str) -> None:
    """`found` (`chrome_rules_on` or `chrome_rules_after_story` of `line`): the line went, as
    a call to action, and the story stayed."""
    text, rules = found
    assert line not in text and "9,000 riders" in text
    assert rules == ["chrome.call_to_action"]


def assert_kept(found: tuple[str, list[str]], line: str) -> None:
    """`found` (as in `assert_removed`): the line stayed and no rule fired."""
    text, rules = found
    assert line in text and rules == []


def chrome_rules_on(line: str) -> tuple[str, list[str]]:
    """`STORY` around `line` after `remove_chrome`'s rules (no model): the text, the rule ids."""
    from scrapeclean import Pipeline, cleaners

    result = Pipeline([cleaners.remove_chrome(model=False)]).clean(STORY.format(line=line))
    return result.text, [change.rule for change in result.changes]
