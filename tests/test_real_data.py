"""Checks on the real development data in ../shared/data (skipped, with a reason, without it)."""

from __future__ import annotations

import re
from datetime import datetime

from scrapeclean import Pipeline, clean, cleaners, replay
from tests.conftest import read_jsonl, shared_file

# We keep curly quotes (ftfy's expectations straighten them); a no-break space that a repair
# uncovers, and spaces a repair leaves doubled, come out as whitespace normalization leaves them.
_SPACE_RUNS = re.compile(" {2,}")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "})


def _comparable(text: str) -> str:
    """Text with quotes straightened and spaces collapsed, to compare repairs with ftfy's."""
    return _SPACE_RUNS.sub(" ", text.translate(_QUOTES)).strip(" ")


def test_seed_article() -> None:
    """The founding example: title, time, no chrome or dateline line, `ans` fixed, body intact."""
    raw = shared_file("seed-article.txt").read_text(encoding="utf-8")
    result = clean(raw)
    assert result.title == "Russia-France talks on global security get heated"
    assert result.published == datetime(2008, 3, 11, 14, 26)
    assert result.text.startswith("Russia's Foreign, Sergey Lavrov, and Defence Minister")
    assert "icon" not in result.text and "11 Mar, 2008" not in result.text
    assert "is legal and sanctioned by the EU" in result.text
    assert result.text.endswith("have met with French President Nicolas Sarkozy.")
    assert result.text.count("\n\n") == 6  # the seven body paragraphs, one blank line apart
    typo_changes = [change for change in result.changes if change.kind == "typo"]
    assert [(change.before, change.after) for change in typo_changes] == [("ans", "and")]
    assert raw[typo_changes[0].span.start : typo_changes[0].span.end] == "ans"
    assert replay(raw, result.changes) == result.text


def _zyte() -> list[dict[str, str]]:
    return list(read_jsonl("extraction/zyte-dev.jsonl"))


def test_replay_on_every_zyte_page() -> None:
    """On every development page, as HTML and as its gold text, the changes replay exactly."""
    pipeline = Pipeline.default()
    for row in _zyte():
        for raw, html in ((row["html"], True), (row["expected_text"], False)):
            result = pipeline.clean(raw, html=html)
            assert replay(result.source.text, result.changes) == result.text, row["id"]


def test_gold_text_keeps_nearly_all_its_characters() -> None:
    """Human-checked article bodies lose almost nothing to removals: precision before recall."""
    pipeline = Pipeline.default()
    removed = total = 0
    for row in _zyte():
        gold = row["expected_text"]
        result = pipeline.clean(gold, html=False)
        removals = [c for c in result.changes if c.kind in ("chrome", "dateline", "title")]
        removed += sum(len(c.before.strip()) for c in removals)
        total += len(gold)
    # Measured: 269 of 445,751 characters (credits such as "© Reuters", "UP NEXT").
    assert 1 - removed / total >= 0.999


def test_ftfy_cases() -> None:
    """fix_encoding repairs what ftfy repairs (quotes stay curly) and leaves clean text alone."""
    pipeline = Pipeline([cleaners.fix_encoding()])
    for row in read_jsonl("encoding/ftfy-cases.jsonl"):
        if row["expect"] != "pass":
            continue
        out = pipeline.clean(row["text"], html=False).text
        wanted = {_comparable(row["expected_fix_encoding"]), _comparable(row["expected_text"])}
        assert _comparable(out) in wanted, row["id"]
        if row["group"] == "negative" and row["text"] in wanted:
            assert out == row["text"], row["id"]
