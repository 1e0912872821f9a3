"""The HTML reader's shortcuts read what the plain ways read (they exist for speed only).

- `OffsetMap.update` copies the regions between pieces a stretch at a time: the map is the one
  a region-by-region copy gives.
- The reader's walk gathers the page's date evidence as it goes (`LxmlDateElements`): the same
  elements as a walk of the whole tree, subtrees the reader skips included.
- The headline's text is read from the headline on: the same strings as a walk from the root.
- The page's text is walked by libxml2: the same text as a walk with a stack.
- Class and id words, date hints and folded lines take quick paths for ASCII text: the
  patterns' answers. The unchecked constructors build the values the dataclasses build.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from scrapeclean import Edit
from scrapeclean._dom import StartTags, parse_html
from scrapeclean._html import _Reader
from scrapeclean._offsets import OffsetMap, Piece
from scrapeclean._page_dates import (
    _SPACES,
    LxmlDateElements,
    _lxml_aside,
    _lxml_in_article,
    _lxml_page_text,
    _lxml_strings_from,
    elements_from_lxml,
)
from scrapeclean._pipeline import _plan
from tests.conftest import read_jsonl

# -- OffsetMap.update ---------------------------------------------------------------------------


def _update_by_region(offsets: OffsetMap, pieces: list[Piece]) -> tuple[list[int], ...]:
    """The regions `offsets` gets from `pieces`, copied one region at a time (the plain way)."""
    old_in_start, old_in_end = list(offsets._in_start), list(offsets._in_end)
    old_cur_start, old_cur_end = list(offsets._cur_start), list(offsets._cur_end)
    regions: tuple[list[int], ...] = ([], [], [], [])
    old, shift = 0, 0

    def keep(index: int) -> None:
        regions[0].append(old_in_start[index])
        regions[1].append(old_in_end[index])
        regions[2].append(old_cur_start[index] + shift)
        regions[3].append(old_cur_end[index] + shift)

    for piece in pieces:
        while old < len(old_in_start) and old_in_start[old] < piece.in_start:
            keep(old)
            old += 1
        while (
            old < len(old_in_start)
            and old_in_start[old] <= piece.in_end
            and old_in_end[old] <= piece.in_end
        ):
            old += 1
        regions[0].append(piece.in_start)
        regions[1].append(piece.in_end)
        regions[2].append(piece.start + shift)
        regions[3].append(piece.start + shift + len(piece.after))
        shift += len(piece.after) - (piece.end - piece.start)
    while old < len(old_in_start):
        keep(old)
        old += 1
    return regions


def _regions(offsets: OffsetMap) -> tuple[list[int], ...]:
    arrays: tuple[array[int], ...] = (
        offsets._in_start,
        offsets._in_end,
        offsets._cur_start,
        offsets._cur_end,
    )
    return tuple(list(values) for values in arrays)


_EDIT = st.tuples(st.integers(0, 60), st.integers(0, 4), st.text(alphabet="ab\n", max_size=5))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_EDIT, max_size=8), min_size=1, max_size=6))
def test_offset_map_update_copies_the_regions_as_one_at_a_time_does(
    steps: list[list[tuple[int, int, str]]],
) -> None:
    text = "The quick brown fox\njumps over\n\nthe lazy dog. " * 2
    offsets = OffsetMap()
    for step in steps:
        edits, last = [], 0
        for start, size, replacement in sorted(step):
            start = min(start, len(text))
            end = min(len(text), start + size)
            if start < last:
                continue
            edits.append(Edit.replace(start, end, replacement, kind="test", reason="test"))
            last = end
        pieces = _plan(offsets, edits, text)
        expected = _update_by_region(offsets, pieces)
        offsets.update(pieces)
        assert _regions(offsets) == expected
        for piece in reversed(pieces):
            text = text[: piece.start] + piece.after + text[piece.end :]


@given(st.integers(0, 60), st.integers(0, 60))
def test_locating_on_an_empty_map_is_what_the_general_reading_gives(a: int, b: int) -> None:
    """With nothing changed yet, `locate` takes a shortcut: the same as reading the map."""
    start, end = min(a, b), max(a, b)
    offsets = OffsetMap()
    in_start = offsets.backward_start(start)
    in_end = max(offsets.backward_end(end), in_start)
    general = (in_start, in_end, offsets.forward_start(in_start), offsets.forward_end(in_end))
    assert offsets.locate(start, end) == general == (start, end, start, end)


# -- date evidence gathered by the reader's walk ------------------------------------------------

#: Date evidence in parts of the page the reader skips (the head, hidden elements, ``<pre>``,
#: ``<svg>``, a ``<template>``), around inline elements with and without children.
_SKIPPED_SUBTREES = """<!DOCTYPE html><html lang="de"><head><title>T</title>
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<script type="application/ld+json">{"datePublished": "2021-03-04"}</script></head>
<body><div hidden><span class="date">1. Januar 2020</span><h1>Hidden</h1></div>
<pre>code <time datetime="2019-01-01">then</time></pre>
<svg><g class="post-date"><text>2 March 2019</text></g></svg>
<template><p class="published">3.3.2018</p></template>
<p>A <b>bold</b> <a href="/x" class="meta">link <i>and</i></a> text</p>
<article><h1>Titel</h1><p class="byline">Von A. B. <time datetime="2021-03-04">4. März 2021</time>
</p><aside class="related"><p class="date">3.3.2021</p></aside><p>Text.</p></article>
<footer id="page-info">© 2021</footer></body></html>"""


def _walked(markup: str) -> tuple[etree._Element, LxmlDateElements]:
    root = parse_html(markup)
    assert root is not None
    gathered = LxmlDateElements()
    _Reader(markup).walk_lxml(root, StartTags(markup), gathered)
    return root, gathered


def test_the_walk_gathers_the_date_evidence_of_skipped_subtrees() -> None:
    root, gathered = _walked(_SKIPPED_SUBTREES)
    assert gathered.count == sum(1 for _ in root.iter(etree.Element))
    assert gathered.elements(root) == elements_from_lxml(root)
    names = [element.name for element in elements_from_lxml(root)]
    assert names.count("time") == 2  # the one in <pre> and the one in the article
    assert "meta" in names and "script" in names and "g" in names


@pytest.mark.parametrize("name", ["extraction/zyte-dev.jsonl", "dates/htmldate-dev.jsonl"])
def test_the_walk_gathers_the_date_evidence_of_every_dev_page(name: str) -> None:
    for row in read_jsonl(name):
        root, gathered = _walked(row["html"])
        assert gathered.elements(root) == elements_from_lxml(root), row["id"]


# -- the headline's text and the page's text ----------------------------------------------------


def _strings_from_the_root(root: etree._Element, anchor: etree._Element) -> list[tuple[str, str]]:
    """The text nodes from `anchor` on, found by walking the whole tree from the root."""
    found: list[tuple[str, str]] = []
    started = False
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        node, tail = stack.pop()
        if tail:
            if started and node.tail:
                parent = node.getparent()
                found.append((node.tail, "" if parent is None else str(parent.tag)))
            continue
        started = started or node is anchor
        if not isinstance(node.tag, str):
            continue
        if started and node.text and node.tag not in ("rt", "rp"):
            found.append((node.text, node.tag))
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))
    return found


def _page_text_with_a_stack(body: etree._Element, holding: set[etree._Element]) -> str:
    """The page's text (as `_lxml_page_text` reads it), walked with a stack."""
    pieces: list[str] = []
    size = 0
    stack: list[tuple[etree._Element, bool]] = [(body, False)]
    while stack and size <= 6000:
        node, tail = stack.pop()
        if tail:
            if node.tail and not node.tail.isspace():
                pieces.append(node.tail)
                size += len(node.tail)
            continue
        if not isinstance(node.tag, str) or node.tag in ("rt", "rp"):
            continue
        if (
            node in holding
            or not _lxml_aside(node)
            or (node.tag == "aside" and _lxml_in_article(node))
        ):
            if node.text and not node.text.isspace():
                pieces.append(node.text)
                size += len(node.text)
            for child in reversed(node):
                stack.append((child, True))
                stack.append((child, False))
    return _SPACES.sub(" ", " ".join(pieces)).strip()[:6000]


_RUBY_AND_COMMENTS = (
    "<html><body><nav>Menu <a>Home</a></nav>tail<!-- c -->after<div class='wrap'><p>Lead "
    "<ruby>漢<rt>kan</rt></ruby> text</p><div><h1>Head<!--x-->line</h1>under<p>Body "
    "<b>bold</b> end</p></div>rest</div><aside class='sidebar'>Side</aside>last"
    + "<p>filler paragraph</p>" * 500
    + "</body></html>"
)


@pytest.mark.parametrize("markup", [_SKIPPED_SUBTREES, _RUBY_AND_COMMENTS])
def test_headline_and_page_text_read_as_the_plain_walks(markup: str) -> None:
    root = parse_html(markup)
    assert root is not None
    body = next(root.iter("body"))
    for anchor in root.iter(etree.Element):
        assert list(_lxml_strings_from(root, anchor)) == _strings_from_the_root(root, anchor)
        holding = {*anchor.iterancestors(), anchor}
        assert _lxml_page_text(body, holding) == _page_text_with_a_stack(body, holding)


@pytest.mark.parametrize("name", ["extraction/zyte-dev.jsonl"])
def test_headline_and_page_text_of_every_dev_page(name: str) -> None:
    for row in read_jsonl(name):
        root = parse_html(row["html"])
        assert root is not None
        anchor = next(root.iter("h1", "article", "main"), None)
        if anchor is None:
            continue
        expected = _strings_from_the_root(root, anchor)
        assert list(_lxml_strings_from(root, anchor)) == expected, row["id"]
        body = next(root.iter("body"), root)
        holding = {*anchor.iterancestors(), anchor}
        assert _lxml_page_text(body, holding) == _page_text_with_a_stack(body, holding), row["id"]


# -- no reference cycles ------------------------------------------------------------------------


def _cyclic_garbage(run: Callable[[], object]) -> int:
    """How many objects that `run` leaves behind only the garbage collector can free."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        run()
        return gc.collect()
    finally:
        if enabled:
            gc.enable()


def test_reading_a_page_leaves_no_reference_cycles() -> None:
    """A page's frames, elements and date parsers are freed as soon as it is read."""
    from bs4 import BeautifulSoup

    from scrapeclean._input import read_input
    from scrapeclean.dates import find_dates

    soup = BeautifulSoup(_SKIPPED_SUBTREES, "html.parser")
    read_input(_SKIPPED_SUBTREES, html=True)  # caches filled: they are no garbage
    read_input(soup)
    assert _cyclic_garbage(lambda: read_input(_SKIPPED_SUBTREES, html=True)) == 0
    assert _cyclic_garbage(lambda: read_input(soup)) == 0
    assert _cyclic_garbage(lambda: find_dates("Published 4 March 2021, updated 5 March")) == 0


# -- quick paths for values the reader sees on every page ------------------------------------

#: Class and id values, ASCII and not (final sigma, the Kelvin sign, a dotted capital I,
#: superscript digits, the long s: where lower-casing or "letter" is not plain ASCII).
_CLASS_VALUES = [
    "post-date", "entry_meta", "BYLINE", "article--Published", "x2y", "", "--",
    "ΑΣ b", "İstanbul", "\u212a-widget", "\u017ftime", "Straße", "a²b", "ÄÖ-Ü", "日付 date",
]  # fmt: skip
_ATTRIBUTE_TEXT = st.text(
    st.sampled_from("aAdDtTiImMeE- _1²ΣςİK\u212a\u017fß\n\t\xa0"), max_size=24
) | st.sampled_from(_CLASS_VALUES)


@settings(max_examples=300, deadline=None)
@given(_ATTRIBUTE_TEXT)
def test_class_words_and_date_hints_read_as_the_patterns_do(value: str) -> None:
    """ASCII values are split and searched by `re` and `in`: the `regex` patterns' answers."""
    import regex

    from scrapeclean import _html, _page_dates

    words = [word for word in regex.split(r"[^\p{L}\p{N}]+", value.lower()) if word]
    assert _html._split_words.__wrapped__(value) == tuple(words)
    assert _page_dates._words.__wrapped__(value) == frozenset(words)
    assert _page_dates._hinted.__wrapped__(value) == (
        _page_dates._DATE_HINT.search(value) is not None
    )


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab .\n\t\r\f\v\xa0"), max_size=30))
def test_a_line_is_folded_as_the_pattern_folds_it(text: str) -> None:
    """`_clean_inline` skips the pattern when no run can need folding: the same line."""
    import regex

    from scrapeclean._html import _clean_inline

    assert _clean_inline(text) == regex.sub(r"[ \t\r\n\f\v]+", " ", text).strip()


def test_trusted_values_equal_the_checked_ones() -> None:
    """The reader's unchecked constructors build the values the dataclasses build, every field."""
    import dataclasses
    import pickle

    from scrapeclean._model import (
        _BLOCK_SET,
        _CHANGE_SET,
        _EDIT_SET,
        Block,
        Change,
        Span,
        trusted_block,
        trusted_change,
        trusted_deletion,
        trusted_span,
    )

    assert len(_BLOCK_SET) == len(dataclasses.fields(Block))
    assert len(_CHANGE_SET) == len(dataclasses.fields(Change))
    assert len(_EDIT_SET) == len(dataclasses.fields(Edit))
    values = {
        "span": Span(3, 9), "tag": "p", "path": "html>body>p", "landmark": "main",
        "tokens": ("story",), "link_share": 0.25, "depth": 3, "position": 0.5, "in_main": True,
        "markup": Span(10, 20), "selector": "html>body>p:nth-of-type(2)",
        "control_share": 0.0, "selected": ("p",),
    }  # fmt: skip
    assert list(values) == [field.name for field in dataclasses.fields(Block)]
    block = trusted_block(**values)
    assert block == Block(**values) and hash(block) == hash(Block(**values))
    assert pickle.loads(pickle.dumps(block)) == Block(**values)
    assert trusted_span(3, 9) == Span(3, 9) and hash(trusted_span(0, 0)) == hash(Span(0, 0))
    change = trusted_change("step", "chrome", Span(1, 4), "abc", "", "why", "rule.id")
    assert change == Change("step", "chrome", Span(1, 4), "abc", "", "why", "rule.id")
    deletion = trusted_deletion(1, 4, "chrome", "why", "rule.id")
    assert deletion == Edit.delete(1, 4, kind="chrome", reason="why", rule="rule.id")
