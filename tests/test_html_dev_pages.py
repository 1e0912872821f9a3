"""Every development page: replay holds and every HTML cut has a rule id and a reason."""

from __future__ import annotations

import pytest

from scrapeclean import clean, replay
from tests.conftest import read_jsonl


@pytest.mark.parametrize(
    ("name", "step"),
    [
        ("extraction/zyte-dev.jsonl", 1),
        ("extraction/readability-dev.jsonl", 1),
        ("extraction/snippets-dev.jsonl", 3),
    ],
)
def test_every_cut_is_recorded_with_a_rule_and_a_reason(name: str, step: int) -> None:
    """(Every page of the first two sets, every third of the larger snippets set.)"""
    rules = set()
    for number, row in enumerate(read_jsonl(name)):
        if number % step:
            continue
        result = clean(row["html"], html=True)
        assert replay(result.source.text, result.changes) == result.text, row.get("url")
        cuts = [change for change in result.changes if change.cleaner == "extract_html"]
        assert all(change.rule.startswith("html.") and change.reason for change in cuts)
        assert all(change.after == "" for change in cuts)
        rules.update(change.rule for change in cuts)
    assert {"html.landmark", "html.outside_content", "html.class_words"} <= rules
