"""Regressions found by fuzzing the public API with odd pages and hostile input.

Each test names the input shape that broke a property (no undocumented exception, replay,
idempotence, linear time) and checks that property on a small instance of it. Time is only
compared as growth between two sizes, with a generous margin, never in seconds.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapeclean import (
    ChromeProfile,
    CleanRequest,
    CleanResult,
    InputTypeError,
    Pipeline,
    ProfileError,
    ScrapecleanError,
    clean,
    cleaners,
    replay,
)
from scrapeclean._cli_clean import file_name
from scrapeclean.cli import main
from tests.conftest import fastest_seconds

_PLAIN = Pipeline([cleaners.normalize_whitespace()])

#: 10x the input may cost at most this many times the time (linear: about 10, quadratic: 100).
_MAX_GROWTH = 40
#: Below this, a time is noise: it counts as this much.
_FLOOR = 2e-3


def _growth(build: Callable[[int], str], small: int, large: int) -> float:
    """How many times longer cleaning `build(large)` takes than `build(small)`."""
    clean(build(small), pipeline=_PLAIN)  # warm up: imports, parser, word lists
    times = [
        fastest_seconds(functools.partial(clean, build(size), pipeline=_PLAIN), repeat=2)
        for size in (small, large)
    ]
    return max(times[1], _FLOOR) / max(times[0], _FLOOR)


@pytest.mark.parametrize(
    "unit", ["<!---->", "<?x?>", "<!-- x -->y"], ids=["comments", "pi", "tails"]
)
def test_runs_of_comments_in_a_page_are_read_in_linear_time(unit: str) -> None:
    """Sibling comments or processing instructions by the ten thousand were walked in
    quadratic time (libxml2's walk over non-element siblings); 10x of them costs about 10x."""

    def page(count: int) -> str:
        return f"<html><body><p>Ferry news.</p>{unit * count}<p>Crossings in May.</p></body></html>"

    assert _growth(page, 5_000, 50_000) < _MAX_GROWTH
    result = clean(page(3), pipeline=_PLAIN)
    assert result.text.startswith("Ferry news.") and result.text.endswith("Crossings in May.")


def test_both_walks_read_the_text_around_comments_alike() -> None:
    """A page with 1,000 comments or more is walked over elements only: the same text."""
    story = (
        "<html><body><article><h1>Ferry<!-- a -->news</h1><p><!-- lead -->The ferry"
        "<!-- x --> returns<?pi x?> in May.</p><div><!-- c --><p>Crossings</p><!-- d --> "
        "resume<!-- e --> on Monday.</div></article>{comments}</body></html>"
    )
    few = clean(story.format(comments="<div><!----></div>"), pipeline=_PLAIN)
    many = clean(story.format(comments="<div>" + "<!---->" * 1_000 + "</div>"), pipeline=_PLAIN)
    assert many.text == few.text
    assert "The ferry returns in May." in few.text and "resume on Monday." in few.text


# --- clean_many: every item gets an outcome, whatever it is -----------------------------------


@pytest.mark.parametrize(
    "odd",
    [
        memoryview(b"The ferry returns."),
        CleanRequest(memoryview(b"The ferry returns."), id="view"),  # type: ignore[arg-type]
        CleanRequest("The ferry returns.", url=lambda: "x"),  # type: ignore[arg-type]
        object(),
    ],
    ids=["memoryview", "request-of-memoryview", "request-of-lambda", "object"],
)
def test_an_item_a_worker_cannot_be_sent_is_a_failure_not_a_crash(odd: object) -> None:
    """With worker processes, an item that cannot be pickled stopped the whole batch with a
    TypeError from pickle. Each item now has its outcome, the same with one worker or two: a
    memoryview is read as bytes (as `clean()` reads it), a request with an option of a wrong
    type is a `CleanFailure`."""
    items = ["The ferry returns in spring.", odd, "Crossings start in May."]
    serial = list(_PLAIN.clean_many(items))  # type: ignore[arg-type]
    pooled = list(_PLAIN.clean_many(items, workers=2, chunksize=1))  # type: ignore[arg-type]
    assert [type(outcome) for outcome in pooled] == [type(outcome) for outcome in serial]
    assert [getattr(outcome, "text", None) for outcome in pooled] == [
        getattr(outcome, "text", None) for outcome in serial
    ]
    assert len(pooled) == 3 and all(isinstance(pooled[i], CleanResult) for i in (0, 2))


@pytest.mark.parametrize(
    "items",
    ["The ferry returns in spring.", b"The ferry returns.", CleanRequest("One."), None, 42],
    ids=["str", "bytes", "request", "none", "int"],
)
def test_items_that_are_no_collection_of_documents_are_refused(items: object) -> None:
    """A single document passed as `items` was cleaned one character (or byte) at a time; a
    non-iterable failed only when the first outcome was asked for. Both raise
    `InputTypeError` at the call, saying what `items` must be."""
    with pytest.raises(InputTypeError, match="items must be an iterable of documents"):
        _PLAIN.clean_many(items)  # type: ignore[arg-type]


# --- The command line: a bad JSONL line is one error row ----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "big", "text": "x", "count": 1' + "0" * 5_000 + "}",
    ],
    ids=["nested-too-deep", "integer-too-long"],
)
def test_a_jsonl_line_json_cannot_read_is_an_error_row(tmp_path: Path, line: str) -> None:
    """A line nested deeper than the JSON reader recurses, or holding an integer longer than
    Python converts, ended `scrapeclean clean` with a traceback and no output; it is now an
    error row ("not JSON") and the lines around it are cleaned."""
    source = tmp_path / "in.jsonl"
    good = [json.dumps({"id": name, "text": "The ferry returns."}) for name in ("a", "b")]
    source.write_text("\n".join([good[0], line, good[1]]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["clean", str(source), "-o", str(out), "--no-progress"])
    rows = [json.loads(row) for row in out.read_text(encoding="utf-8").splitlines()]
    assert status == 1
    assert [row["id"] for row in rows] == ["a", f"{source}:2", "b"]
    assert str(rows[1]["error"]).startswith("not JSON")
    assert rows[0]["text"] == rows[2]["text"] == "The ferry returns."


@pytest.mark.parametrize(
    "bad",
    [b"[" * 100_000 + b"]" * 100_000, b'{"id": "x", "n": 1' + b"0" * 5_000 + b"}", b"\xff\xfe{"],
    ids=["nested-too-deep", "integer-too-long", "not-utf8"],
)
def test_resume_skips_a_line_of_the_previous_output_it_cannot_read(
    tmp_path: Path, bad: bytes
) -> None:
    """`--resume` read the previous output with `json.loads` catching only syntax errors: a
    line nested too deep, with a too long integer or not UTF-8 ended the run with a traceback.
    Such a line is skipped (its document is cleaned again), as a line of bad syntax is."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "The ferry returns."}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    out.write_bytes(bad + b"\n")
    assert main(["clean", str(source), "-o", str(out), "--resume", "--no-progress"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["text"]) for row in rows] == [("a", "The ferry returns.")]


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"lines": ' + "[" * 100_000 + "]" * 100_000 + "}"],
    ids=["array", "in-a-field"],
)
def test_a_chrome_profile_nested_too_deep_is_a_profile_error(text: str) -> None:
    """`ChromeProfile.from_json` let the JSON reader's RecursionError out; a profile text too
    deep to read is a `ProfileError`, as any other text that is not a profile."""
    with pytest.raises(ProfileError, match="must be JSON"):
        ChromeProfile.from_json(text)


# --- Hostile pieces of pages, mixed at random --------------------------------------------------

#: What odd pages are made of: raw-text and foreign elements, comments, CDATA, deep or unclosed
#: structure, entities naming surrogates or nothing, controls, bidi marks, every line break.
_PIECES = (
    "<p>The ferry returns in spring, the council said on Monday.</p>",
    "<div>",
    "</div>",
    "<li>",
    "<table><tr><td>",
    "<script>var x = '<p>not text</p>';</script>",
    "<template><p>Hidden template text.</p></template>",
    "<svg><text>Vector label</text><foreignObject><p>Inside</p></foreignObject></svg>",
    "<math><mi>x</mi><mtext>Maths text</mtext></math>",
    "<!-- a comment <p>with a tag</p> -->",
    "<!--",
    "<![CDATA[ <p>cdata</p> ]]>",
    "<?php echo 'x'; ?>",
    "<noscript><p>Enable JavaScript.</p></noscript>",
    "<textarea><p>typed</p></textarea>",
    "<title>A title</title>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": [[[',
    '<script type="application/ld+json">{"datePublished": 1e999, "author": {"name": 5}}</script>',
    '<meta charset="utf-16">',
    '<time datetime="99999-99-99">then</time>',
    "&#xD800;",
    "&#0;",
    "&#x110000;",
    "&amp;amp;",
    "&nbsp;",
    "\x00",
    "\x85",
    "\x9c",
    "\r",
    "\u2028",
    "\u2029",
    "\f",
    "\u202e",
    "\u200f",
    "\ufeff",
    "\u0301\u0301\u0301",
    "\ud800",
    "Published 11 Mar, 2008 14:26",
    "By Jane Doe",
    "Share Tweet Email",
    "مرحبا بالعالم",
    "שלום עולם",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30),
    html=st.sampled_from([None, True, False]),
)
def test_hostile_pieces_never_break_clean(pieces: list[str], html: bool | None) -> None:
    """Any mixture of hostile page pieces is cleaned (or refused with a documented error):
    replay reproduces the text, spans stay in the input, and the text has no NUL."""
    raw = "".join(pieces)
    try:
        result = clean(raw, html=html)
    except ScrapecleanError:
        return
    assert replay(result.source.text, result.changes) == result.text
    assert all(0 <= c.span.start <= c.span.end <= len(result.source.text) for c in result.changes)
    assert "\x00" not in result.text


@pytest.mark.parametrize("line_break", ["\r", "\u2028", "\u2029", "\r\n", "\n"])
def test_entities_before_a_line_holding_a_tag_are_decoded_whatever_the_line_break(
    line_break: str,
) -> None:
    """Entities were decoded only above the last ``\\n`` before the first ``<``: with old Mac
    (``\\r``) or Unicode line breaks they were kept, then decoded by a second pass once
    whitespace normalization had made the breaks ``\\n`` (found by the hostile-pieces fuzzing:
    ``&#xD800;\\r<p>…``)."""
    text = f"Tom &amp; Jerry are back.{line_break}In HTML, <b> makes text bold."
    once = clean(text, html=False)
    assert once.text.startswith("Tom & Jerry are back.\n")
    assert clean(once.text, html=False).text == once.text


# --- Reading a result back ----------------------------------------------------------------------


def _result_dict() -> dict[str, object]:
    result = json.loads(clean("Share Tweet Email\n\nThe ferry returns in spring.").to_json())
    assert isinstance(result, dict)
    return result


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "[]",
        "null",
        "{}",
        json.dumps({**_result_dict(), "changes": 5}),
        json.dumps({**_result_dict(), "changes": [5]}),
        json.dumps({**_result_dict(), "changes": [{"span": "x"}]}),
        json.dumps({**_result_dict(), "metadata": []}),
        json.dumps({**_result_dict(), "dateline": "yesterday"}),
    ],
    ids=[
        "nested-too-deep",
        "a-list",
        "null",
        "no-text",
        "changes-a-number",
        "a-change-a-number",
        "a-change-without-fields",
        "metadata-a-list",
        "dateline-a-string",
    ],
)
def test_a_json_text_that_is_no_result_is_a_value_error(text: str) -> None:
    """`CleanResult.from_json` on JSON that is not a result let KeyError, AttributeError,
    TypeError or RecursionError out, whichever the first wrong field caused; it raises
    ValueError saying the text is not a result."""
    with pytest.raises(ValueError, match="not a CleanResult"):
        CleanResult.from_json(text)


@pytest.mark.parametrize(
    "identifier",
    ["a\ud800b", "中" * 100, "\U0001f600" * 100 + "x" * 300],
    ids=["lone-surrogate", "long-cjk", "long-mixed"],
)
def test_any_document_id_gives_a_file_name_the_system_takes(identifier: str) -> None:
    """`--format txt` names each file after its id: an id with a lone surrogate (JSON allows
    ``"\\ud800"``) raised UnicodeEncodeError and ended the run; 100 CJK characters made a
    name longer than the 255 bytes file systems take."""
    name = file_name(identifier)
    assert len(name.encode("utf-8")) <= 255
    assert name.endswith(".txt") and "/" not in name
    assert name != file_name(identifier + "x")


def test_txt_output_writes_a_file_for_an_id_with_a_lone_surrogate(tmp_path: Path) -> None:
    """The whole run wrote nothing after a lone surrogate in an id; each document has its file."""
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a\ud800", "text": "The ferry returns."}, {"id": "b", "text": "In May."}]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "txt"
    assert main(["clean", str(source), "--format", "txt", "-o", str(out), "--no-progress"]) == 0
    assert sorted(path.read_text(encoding="utf-8") for path in out.iterdir()) == [
        "In May.\n",
        "The ferry returns.\n",
    ]


def test_jsonl_rows_with_lone_surrogates_are_written(tmp_path: Path) -> None:
    """A lone surrogate (JSON allows ``"\\ud800"``) in an id, a url or a change's `before`
    text ended the run with UnicodeEncodeError when its row was written; it is written as a
    JSON escape, which reads back as the same string."""
    source = tmp_path / "in.jsonl"
    row = {
        "id": "a\ud800",
        "text": "Hello \udc80 there, the ferry returns.",
        "url": "http://a/\ud800",
    }
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "--changes", "--no-progress"]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["id"] == "a\ud800"
    assert any(change["before"] == "\udc80" for change in written["changes"])


def test_to_json_of_a_text_with_a_lone_surrogate_can_be_saved() -> None:
    """`to_json()` kept a lone surrogate of the input (in the source text and a change's
    `before`) as a raw character: the JSON could not be written as UTF-8. It is escaped, and
    `from_json` reads the same result back."""
    result = clean("Hello \ud800 there, the ferry returns.")
    text = result.to_json()
    text.encode("utf-8")
    assert CleanResult.from_json(text) == result


def test_a_control_character_in_an_html_tag_attribute_name_is_no_crash() -> None:
    """A control byte glued to an attribute of the ``<html>`` tag (``"crafts"\\x01itemscope``,
    found by flipping bytes of a real page) made an attribute name lxml refuses to look up:
    ValueError out of `clean()`. Such an attribute is skipped; the page is read."""
    page = (
        '<html lang="en-US" data-channel="crafts"\x01itemscope="">'
        "<body><p>The ferry returns in spring.</p></body></html>"
    )
    result = clean(page, pipeline=_PLAIN)
    assert result.text == "The ferry returns in spring."
    assert result.metadata.language in (None, "en", "en-US")
