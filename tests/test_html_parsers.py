"""HTML text parsed with lxml reads like a bs4 tree of it; start tags are found in the markup."""

from __future__ import annotations

import dataclasses
import time
import warnings
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from scrapeclean import Source, clean
from scrapeclean._dom import StartTags, parse_html
from scrapeclean._html import html_to_source
from tests.conftest import read_jsonl

DEV_SETS = (
    "extraction/zyte-dev.jsonl",
    "extraction/readability-dev.jsonl",
    "extraction/snippets-dev.jsonl",
)


def _soup(markup: str, parser: str = "lxml") -> BeautifulSoup:
    with warnings.catch_warnings():
        # bs4 warns about pages that open with an XML declaration; they are HTML here.
        warnings.simplefilter("ignore")
        return BeautifulSoup(markup, parser)


def _table(source: Source) -> list[object]:
    """The block table without `Block.markup` (a caller's tree has no markup to point into)."""
    return [dataclasses.replace(block, markup=None) for block in source.blocks]


@pytest.mark.parametrize("name", DEV_SETS)
def test_text_and_soup_of_every_dev_page_read_the_same(name: str) -> None:
    """The markup as text (lxml) and as a bs4 tree built by lxml: one block table, one result.

    The pipeline is deterministic, so two pages read into the same text, blocks and findings
    clean the same: the result is compared where the findings differ (a bs4 tree keeps no
    attributes of an ``<html>`` tag after a prefix), and on every tenth page besides.
    """
    for number, row in enumerate(read_jsonl(name)):
        markup = row["html"]
        soup = _soup(markup)
        from_text, from_soup = html_to_source(markup), html_to_source(soup)
        assert from_text.text == from_soup.text, row["id"]
        assert _table(from_text) == _table(from_soup), row["id"]
        assert from_text.container == from_soup.container, row["id"]
        if from_text.findings != from_soup.findings or number % 10 == 0:
            assert clean(markup, html=True).text == clean(soup).text, row["id"]


@pytest.mark.parametrize("name", DEV_SETS)
def test_every_located_start_tag_is_the_blocks_element(name: str) -> None:
    """On every dev page, `Block.markup` is a start tag of the block's element; most are found."""
    located = total = 0
    for row in read_jsonl(name):
        markup = row["html"]
        seen: dict[tuple[int, int], str] = {}
        for block in html_to_source(markup).blocks:
            total += 1
            if block.markup is None:
                continue
            located += 1
            assert block.markup.of(markup).lower().startswith(f"<{block.tag}"), row["id"]
            assert block.markup.of(markup).endswith(">"), row["id"]
            key = (block.markup.start, block.markup.end)
            assert seen.setdefault(key, block.selector) == block.selector, row["id"]
    assert located >= 0.98 * total


@pytest.mark.parametrize(
    ("markup", "tag", "expected"),
    [
        pytest.param("<div\n class='a'>x</div>", "div", "<div\n class='a'>", id="multi-line"),
        pytest.param("<p>a</p><p>b</p><p>c</p>", "p", "<p>", id="same-line"),
        pytest.param(
            "<script>var s = '<p>no';</script>\n<p id=real>x</p>", "p", "<p id=real>", id="script"
        ),
        pytest.param("<!-- <p>no</p> --><p id=real>x</p>", "p", "<p id=real>", id="comment"),
        pytest.param("<p>a</p>\r\n<P ID=up>b</P>", "p", "<P ID=up>", id="crlf-upper"),
    ],
)
def test_start_tags_are_matched_in_order(markup: str, tag: str, expected: str) -> None:
    """Each element gets the start tag of its name on its line, after the previous one's."""
    root = parse_html(markup)
    assert root is not None
    spans = StartTags(markup).locate_elements(root, list(root.iter(tag)))
    assert all(span is not None for span in spans)
    assert [span.of(markup) for span in spans if span is not None][-1] == expected
    starts = [span.start for span in spans if span is not None]
    assert starts == sorted(set(starts))


def test_implied_elements_have_no_start_tag() -> None:
    """Elements the parser implied point nowhere, and take no later element's tag."""
    markup = "<p>one</p>\n<table><tr><td>cell</td></tr></table>"
    root = parse_html(markup)
    assert root is not None
    body = root.find("body")
    assert StartTags(markup).locate_elements(root, [root, body]) == [None, None]
    # Text before ``<body class=b>``: libxml2 implied the body there and dropped the tag's
    # attributes, so the tag (with attributes) is not the implied element's (without).
    markup = "<title>t</title>text<body class=b><p>x</p>"
    root = parse_html(markup)
    assert root is not None
    body, paragraph = root.find("body"), root.find("body/p")
    assert body is not None and not body.keys()
    located = StartTags(markup).locate_elements(root, [body, paragraph])
    assert located[0] is None and located[1] is not None and located[1].of(markup) == "<p>"


def test_start_tags_past_line_65535() -> None:
    """libxml2 stops counting lines at 65,535: later elements are still found, in order."""
    markup = "".join(f"<p>para {number}</p>\n" for number in range(70_000))
    blocks = html_to_source(markup).blocks
    assert len(blocks) == 70_000
    for number in (0, 65_534, 65_535, 69_999):
        span = blocks[number].markup
        assert span is not None
        assert markup[span.start :].startswith(f"<p>para {number}<")


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param("<p>one\x00two</p>", "one\ufffdtwo", id="nul"),
        pytest.param("<p>lone \ud800 surrogate</p>", "lone \ufffd surrogate", id="surrogate"),
        pytest.param("<html><body><p>cut off in the mid", "cut off in the mid", id="truncated"),
        pytest.param("junk\n<!DOCTYPE html><html><p>after</p>", "junk\n\nafter", id="prefix"),
        pytest.param(
            '<?xml version="1.0" encoding="iso-8859-1"?><p>caf\u00e9</p>',
            "caf\u00e9",
            id="xml-decl",
        ),
        pytest.param("", "", id="empty"),
        pytest.param("<!-- nothing but a comment -->", "", id="comment-only"),
    ],
)
def test_hostile_markup_reads(markup: str, expected: str) -> None:
    """Odd markup is read, never an exception; a character lxml refuses becomes U+FFFD."""
    assert html_to_source(markup).text == expected


def test_html_tag_after_a_prefix_keeps_its_language() -> None:
    """Text before ``<html lang>`` (a server warning) does not lose the page's language."""
    markup = '<b>Warning</b>: x in y.php<br>\n<html lang="de-DE"><body><p>Hallo</p></body></html>'
    languages = [f.value for f in html_to_source(markup).findings if f.name == "language"]
    assert languages == ["de"]
    commented = '<!--[if IE]><html class="ie" lang="fr"><![endif]--><html><p>Hallo</p></html>'
    assert not [f for f in html_to_source(commented).findings if f.name == "language"]


def test_nesting_deeper_than_lxml_reads_loses_nothing() -> None:
    """A page nested deeper than libxml2 reads (2,048 levels) is read whole, text after included."""
    markup = "<body>" + "<div>" * 3_000 + "deep" + "</div>" * 3_000 + "<p>after</p></body>"
    assert html_to_source(markup).text == "deep\n\nafter"


def _seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def test_reading_a_large_page_is_linear() -> None:
    """Reading 10x the paragraphs takes about 10x the time (a generous bound: 25x)."""

    def page(paragraphs: int) -> str:
        rows = (
            f"<p class=c{n % 7}>paragraph {n} <a href=#>link</a></p>\n" for n in range(paragraphs)
        )
        return "<html><body><article>" + "".join(rows) + "</article></body></html>"

    small, large = page(2_000), page(20_000)
    ratio = _seconds(lambda: html_to_source(large)) / _seconds(lambda: html_to_source(small))
    assert ratio < 25
