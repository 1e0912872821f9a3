"""Metadata with provenance, rule ids, per-instance step names, needs, and the result schema."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from scrapeclean import (
    CleanResult,
    Finding,
    Metadata,
    Pipeline,
    PipelineError,
    Span,
    clean,
    cleaners,
)

ARTICLE = (
    "By Marta Lindqvist\n"
    "Published: 14 June 2024 09:45\n\n"
    "River town votes to reopen its ferry\n\n"
    "Share Tweet Email\n\n"
    "The town council voted on Thursday to bring back the ferry that crossed the river until "
    "1998, after a long campaign by local business owners."
)


def test_every_change_has_a_rule_id() -> None:
    """Each built-in change carries a stable, dotted rule id beside its reason."""
    result = clean(ARTICLE + "\n\nThe caf\u00c3\u00a9  opened.")
    rules = {change.rule for change in result.changes}
    assert all(rule and "." in rule for rule in rules), rules
    assert {"dateline.date", "dateline.byline", "chrome.ui_labels", "encoding.mojibake"} <= rules


def test_metadata_says_where_each_value_came_from() -> None:
    """Title, authors and publication time each carry their step, origin and input span."""
    result = clean(ARTICLE)
    metadata = result.metadata
    assert metadata.authors == ("Marta Lindqvist",)
    assert metadata.published == datetime(2024, 6, 14, 9, 45) == result.published
    assert metadata.title == "River town votes to reopen its ferry" == result.title
    title = metadata.source_of("title")
    assert title is not None and (title.step, title.origin) == ("extract_title", "text")
    assert title.span is not None and title.span.of(ARTICLE) == metadata.title
    published = metadata.source_of("published")
    assert published is not None and published.step == "parse_dateline"
    assert published.span is not None
    assert metadata.source_of("language") is None


def test_html_metadata_comes_from_the_page() -> None:
    """A page's og:title and JSON-LD date are findings of the reader, with their origin."""
    page = (
        "<html><head><meta property='og:title' content='Ferry returns'>"
        '<script type="application/ld+json">{"datePublished": "2024-06-14T09:45:00Z"}</script>'
        "</head><body><article><p>The town council voted on Thursday to bring back the ferry "
        "that crossed the river until 1998.</p></article></body></html>"
    )
    result = clean(page)
    assert result.title == "Ferry returns"
    assert result.metadata.source_of("title").origin == "meta[property=og:title]"  # type: ignore[union-attr]
    assert result.published == datetime(2024, 6, 14, 9, 45, tzinfo=timezone.utc)
    assert result.metadata.source_of("published").origin == "json-ld"  # type: ignore[union-attr]


def test_merge_takes_the_most_confident_then_the_first() -> None:
    """Metadata.merge keeps, per field, the most confident finding; ties go to the earliest."""
    merged = Metadata.merge(
        [
            Finding("title", "A", "read_input", "<title>", 0.6),
            Finding("title", "B", "read_input", "meta[property=og:title]", 0.8),
            Finding("title", "C", "extract_title", "text", 0.8),
            Finding("section", "Local", "custom", "text", 0.5),
        ]
    )
    assert merged.title == "B"
    assert merged.get("section") == "Local" and merged.extra == (("section", "Local"),)


def test_finding_checks_its_value_type() -> None:
    """A finding whose value does not fit its field is refused, naming the field."""
    with pytest.raises(TypeError, match="'published' takes a datetime"):
        Finding("published", "2024-06-14", "s", "text")
    with pytest.raises(TypeError, match="tuple of str"):
        Finding("authors", ("A", 3), "s", "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="confidence"):
        Finding("title", "T", "s", "text", 1.5)


def test_url_is_recorded() -> None:
    """clean(url=...) records the address in the metadata and the source."""
    result = clean("The council met.", url="https://example.org/news/1")
    assert result.metadata.url == "https://example.org/news/1" == result.source.url
    assert result.metadata.source_of("url").origin == "argument"  # type: ignore[union-attr]


def test_two_steps_of_one_kind_with_their_own_names() -> None:
    """Step names are per instance: two remove_chrome steps can share a pipeline."""
    strict = cleaners.remove_chrome(extra_phrases=["Ferry news"], name="site_chrome")
    pipeline = Pipeline([cleaners.remove_chrome(), strict])
    assert pipeline.names == ("remove_chrome", "site_chrome")
    assert repr(strict) == (
        "remove_chrome(max_removed=0.95, extra_phrases=frozenset({'ferry news'}), "
        "name='site_chrome')"
    )
    result = pipeline.clean("Share Tweet\n\nFerry news\n\nThe council met on Monday evening.")
    assert [change.cleaner for change in result.changes] == ["remove_chrome", "site_chrome"]
    assert result.changes[1].rule == "chrome.extra_phrase"
    with pytest.raises(PipelineError, match="duplicate step name 'remove_chrome'"):
        Pipeline([cleaners.remove_chrome(), cleaners.remove_chrome()])


def test_a_step_whose_needs_are_unmet_is_refused() -> None:
    """Dropping the step another step needs says which and what to do."""
    with pytest.raises(PipelineError, match=r"'extract_title' needs 'dateline'.*parse_dateline"):
        Pipeline.default().without("parse_dateline")
    with pytest.raises(PipelineError, match="needs 'dateline'"):
        Pipeline([cleaners.extract_title(), cleaners.parse_dateline()])
    relaxed = Pipeline.default().replace(
        "extract_title", cleaners.extract_title(require_header=False)
    )
    assert "parse_dateline" not in relaxed.without("parse_dateline").names


def test_to_dict_without_source_and_schema_version() -> None:
    """to_dict(include_source=False) leaves out the input; the schema version is written."""
    result = clean(ARTICLE)
    data = result.to_dict(include_source=False)
    assert data["schema"] == 2 and "source" not in data
    assert ARTICLE not in json.dumps(data)
    back = CleanResult.from_dict(data)
    assert back.text == result.text and back.metadata == result.metadata
    assert back.changes == result.changes and back.source.text == ""
    assert CleanResult.from_json(result.to_json()) == result


def test_reads_schema_version_1() -> None:
    """A result written by the previous version still reads, title and date as metadata."""
    old = {
        "text": "The council met.",
        "title": "Council meets",
        "dateline": None,
        "published": "2008-03-11T14:26:00",
        "changes": [
            {
                "cleaner": "remove_chrome",
                "kind": "chrome",
                "span": [0, 13],
                "before": "Share Tweet\n\n",
                "after": "",
                "reason": "interface labels",
            }
        ],
        "warnings": [],
        "steps": ["remove_chrome"],
        "source": {
            "text": "Share Tweet\n\nThe council met.",
            "format": "html",
            "encoding": None,
            "encoding_source": None,
            "html_title": "Council meets",
            "html_published": None,
        },
    }
    result = CleanResult.from_dict(old)
    assert result.title == "Council meets"
    assert result.published == datetime(2008, 3, 11, 14, 26)
    assert result.changes[0].span == Span(0, 13) and result.changes[0].rule == ""
    assert result.source.findings[0].value == "Council meets"
    with pytest.raises(ValueError, match="schema version 9"):
        CleanResult.from_dict({**old, "schema": 9})


def test_plain_text_block_table() -> None:
    """Plain text gets one block per non-blank line, trimmed, with its position."""
    from scrapeclean import Document

    text = "  Share Tweet \n\nThe council met.\n"
    blocks = Document.from_text(text).block_table()
    assert [block.span.of(text) for block in blocks] == ["Share Tweet", "The council met."]
    assert [block.tag for block in blocks] == ["line", "line"]
    assert blocks[0].position == 2 / len(text) and 0 < blocks[1].position < 1
