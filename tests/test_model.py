"""The value types: frozen, JSON round-trips, str(), explain()."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest

from scrapeclean import (
    Change,
    CleanResult,
    Dateline,
    Finding,
    Metadata,
    Pipeline,
    Source,
    Span,
    cleaners,
)


def _result() -> CleanResult:
    pipeline = Pipeline([cleaners.normalize_whitespace(), cleaners.remove_chrome()])
    published = datetime(2008, 3, 11, 14, 26, tzinfo=timezone(timedelta(hours=1)))
    return dataclasses.replace(
        pipeline.clean("Share Tweet Email\n\nThe  council met.\n"),
        metadata=Metadata.merge(
            [
                Finding("title", "Council meets", "extract_title", "text", 0.6, Span(0, 13)),
                Finding("published", published, "read_input", "json-ld", 0.85),
                Finding("authors", ("Jane Doe",), "parse_dateline", "text", 0.9),
            ]
        ),
        dateline=Dateline(
            published=datetime(2008, 3, 11, 14, 26),
            location="PARIS",
            agency="Reuters",
            authors=("Jane Doe",),
            raw="PARIS (Reuters) -",
            span=Span(0, 17),
        ),
    )


def test_span_rejects_bad_offsets() -> None:
    """A span needs 0 <= start <= end, as ints."""
    with pytest.raises(ValueError, match="0 <= start <= end"):
        Span(3, 2)
    with pytest.raises(ValueError, match="0 <= start <= end"):
        Span(-1, 2)
    with pytest.raises(TypeError, match="must be int"):
        Span(0.5, 2)  # type: ignore[arg-type]
    assert len(Span(2, 5)) == 3 and Span(2, 5).of("abcdefg") == "cde"


def test_values_are_frozen() -> None:
    """Results and changes cannot be modified after the fact."""
    result = _result()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.changes[0].after = "x"  # type: ignore[misc]


def test_str_is_text() -> None:
    """str(result) is the cleaned text."""
    result = _result()
    assert str(result) == result.text == "The council met."


def test_json_round_trip_keeps_everything() -> None:
    """to_json and from_json give back an equal result, datetimes as ISO 8601 strings."""
    result = _result()
    data = json.loads(result.to_json())
    assert data["published"] == "2008-03-11T14:26:00+01:00"
    assert data["dateline"]["published"] == "2008-03-11T14:26:00"
    double_space = result.source.text.index("  ")
    assert data["changes"][0]["span"] == [double_space, double_space + 2]
    assert CleanResult.from_json(result.to_json()) == result
    assert CleanResult.from_dict(result.to_dict()) == result


def test_explain_says_what_where_and_why() -> None:
    """explain() names each change's cleaner, kind, place in the input and reason."""
    text = _result().explain()
    assert "title: Council meets" in text
    assert "location=PARIS; agency=Reuters; authors=Jane Doe" in text
    assert (
        "[remove_chrome/chrome] at 1:1-3:1 (chars 0-19): removed 'Share Tweet Email\\n\\n'" in text
    )
    assert "because: interface labels" in text
    assert "[normalize_whitespace/whitespace]" in text


def test_explain_without_changes() -> None:
    """A result with no changes says so."""
    result = CleanResult(text="x", source=Source(text="x"))
    assert result.explain() == "no changes"


def test_dateline_merge_prefers_own_fields() -> None:
    """merge() fills only the fields this dateline lacks."""
    mine = Dateline(location="PARIS")
    other = Dateline(location="LONDON", agency="AFP", authors=("A",))
    merged = mine.merge(other)
    assert (merged.location, merged.agency, merged.authors) == ("PARIS", "AFP", ("A",))


def test_change_dict_round_trip() -> None:
    """A change survives to_dict/from_dict."""
    change = Change("c", "k", Span(1, 2), "a", "b", "why")
    assert Change.from_dict(change.to_dict()) == change


def test_spans_changes_and_blocks_pickle_as_values_without_the_field_by_field_state() -> None:
    """A result holds thousands of spans, changes and blocks: each pickles as its values and is
    rebuilt by the library's unchecked constructors (a batch's parent process unpickles them all),
    equal to the original, with the same hash."""
    import pickle

    from scrapeclean import Block

    span = Span(3, 9)
    change = Change("chrome", "removal", span, "Share", "", "icon label", "chrome.icon_labels")
    block = Block(span, "p", "body>p", None, ("story",), 0.5, 2, 0.1, True, Span(0, 3), "p", 0.0)
    for value, builder in ((span, b"trusted_span"), (change, b"trusted_change"),
                           (block, b"trusted_block")):  # fmt: skip
        data = pickle.dumps(value)
        assert builder in data
        copy = pickle.loads(data)
        assert copy == value and hash(copy) == hash(value) and type(copy) is type(value)


def test_result_pickles_and_crosses_processes() -> None:
    """Results pickle, so a process pool can send them back; the pool's results equal local ones."""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    from scrapeclean import clean

    result = _result()
    assert pickle.loads(pickle.dumps(result)) == result
    texts = ["Share Tweet\n\nThe cafÃ© opened.", "By Jane Doe\n\nThe council met on Monday."]
    spawn = multiprocessing.get_context("spawn")  # workers start clean, as on macOS and Windows
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        remote = list(pool.map(clean, texts))
    assert remote == [clean(text) for text in texts]
