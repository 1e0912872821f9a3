"""Page metadata from HTML, each value with where it was stated."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scrapeclean import clean

BODY = "<body><article><p>The council met on Monday and voted on the budget.</p></article></body>"


def _page(head: str, body: str = BODY, lang: str = "") -> str:
    return f"<html{lang}><head>{head}</head>{body}</html>"


@pytest.mark.parametrize(
    ("head", "body", "title", "origin"),
    [
        (  # og:title inside the decorated <title> wins over a site logo in <h1>
            "<title>Budget vote | Daily</title><meta property='og:title' content='Budget vote'>",
            "<body><h1>Daily</h1><p>The council met on Monday.</p></body>",
            "Budget vote",
            "meta[property=og:title], within <title>",
        ),
        (  # a logo <h1> that the <title> does not hold loses to the <title>
            "<title>Babies who eat peanuts early may avoid allergy</title>",
            "<body><h1>Allergies Health Center</h1><p>The study followed children.</p></body>",
            "Babies who eat peanuts early may avoid allergy",
            "<title>",
        ),
        (  # the site's name after the last separator is dropped from a long title
            "<title>Apple's headset is the display moment for headsets - The Verge</title>",
            BODY,
            "Apple's headset is the display moment for headsets",
            "<title>, site name removed",
        ),
        (  # a short title keeps its parts: the last one may be the author
            "<title>On Recent Events - Jo Bloggs</title>",
            BODY,
            "On Recent Events - Jo Bloggs",
            "<title>",
        ),
        (  # og:site_name names a leading site name
            "<title>Daily News | Ferry crossings start again next spring</title>"
            "<meta property='og:site_name' content='Daily News'>",
            BODY,
            "Ferry crossings start again next spring",
            "<title>, site name removed",
        ),
    ],
)
def test_title_precedence(head: str, body: str, title: str, origin: str) -> None:
    result = clean(_page(head, body))
    assert result.title == title
    assert result.metadata.source_of("title").origin == origin


def test_page_facts_come_with_their_origin() -> None:
    head = (
        "<title>Budget vote passes in the council</title>"
        "<link rel='canonical' href='https://example.org/news/budget'>"
        "<meta property='og:site_name' content='Daily News'>"
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "author": [{"@type": "Person", "name": "Priya Shah"}, {"name": "Tom Reed"}]}]}</script>'
    )
    result = clean(_page(head, lang=" lang='en-GB'"))
    metadata = result.metadata
    assert metadata.authors == ("Priya Shah", "Tom Reed")
    assert metadata.source_of("authors").origin == "json-ld author"
    assert metadata.language == "en"
    assert metadata.url == "https://example.org/news/budget"
    assert metadata.site_name == "Daily News"


def test_meta_author_and_rel_author() -> None:
    meta = clean(_page("<meta name='author' content='Ana Lima'>"))
    assert meta.metadata.authors == ("Ana Lima",)
    body = "<body><p>By <a rel='author' href='/a'>Ana Lima</a></p><p>The council met.</p></body>"
    found = clean(_page("", body)).source.findings
    assert [(f.value, f.origin) for f in found if f.name == "authors"] == [
        (("Ana Lima",), "a[rel=author]")
    ]


def test_deeply_nested_json_ld_is_no_error() -> None:
    head = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    assert "council" in clean(_page(head)).text


@pytest.mark.parametrize(
    "wrapped",
    [
        '<![CDATA[ {"@type": "NewsArticle", "author": {"name": "Priya Shah"}} ]]>',
        '//<![CDATA[\n{"@type": "NewsArticle", "author": {"name": "Priya Shah"}}\n//]]>',
        '<!-- {"@type": "NewsArticle", "author": {"name": "Priya Shah"}} -->',
    ],
)
def test_json_ld_wrapped_for_old_parsers_is_read(wrapped: str) -> None:
    head = f'<script type="application/ld+json">{wrapped}</script>'
    metadata = clean(_page(head)).metadata
    assert metadata.authors == ("Priya Shah",)
    assert metadata.source_of("authors").origin == "json-ld author"


@pytest.mark.parametrize(
    ("meta", "origin"),
    [
        ("<meta property='article:author' content='Ana Lima'>", "meta[property=article:author]"),
        ("<meta property='author' content='Ana Lima'>", "meta[property=author]"),
        ("<meta name='article:author_name' content='Ana Lima'>", "meta[name=article:author_name]"),
        ("<meta name='parsely-author' content='Ana Lima'>", "meta[name=parsely-author]"),
        ("<meta name='byl' content='By Ana Lima'>", "meta[name=byl]"),
    ],
)
def test_author_metas(meta: str, origin: str) -> None:
    metadata = clean(_page(meta)).metadata
    assert metadata.authors == ("Ana Lima",)
    assert metadata.source_of("authors").origin == origin


def test_an_author_profile_url_is_no_name() -> None:
    head = "<meta property='article:author' content='https://www.facebook.com/ana.lima'>"
    assert clean(_page(head)).metadata.authors == ()


_MARKED = "itemprop=author or byline class"


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        (  # schema.org microdata: the Person's name, not its label
            "<div itemprop='author' itemscope><span>Written by</span>"
            "<span itemprop='name'>Ana Lima</span></div>",
            ("Ana Lima",),
        ),
        ("<p><em class='byline'>JOE ROE </em></p>", ("JOE ROE",)),  # upper case counts
        (  # hCard inside a byline: the name alone, without its date
            "<cite class='byline vcard'><span>By </span><span class='fn'>Jo Bloggs</span>"
            "<abbr>March 11, 2015 3:46 PM</abbr></cite>",
            ("Jo Bloggs",),
        ),
        ("<div class='author-name'>Anne-Marie de Roe</div>", ("Anne-Marie de Roe",)),
        # not a person's name: an avatar's initials, a date glued on, a desk
        ("<div class='author-name'>J J</div>", ()),
        ("<div class='byline'>Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC</div>", ()),
        ("<div class='byline'>Staff Reporter</div>", ()),
    ],
)
def test_an_author_marked_in_the_markup(body: str, authors: tuple[str, ...]) -> None:
    """When no metadata names the author: ``itemprop=author``, then a byline's class."""
    page = _page("", f"<body>{body}<article><p>The council met on Monday.</p></article></body>")
    for given in (page, BeautifulSoup(page, "html.parser")):
        metadata = clean(given).metadata
        assert metadata.authors == authors
        if authors:
            assert metadata.source_of("authors").origin == _MARKED


def test_stated_metadata_wins_over_the_markup() -> None:
    body = "<body><p class='byline'>Jo Bloggs</p><p>The council met on Monday.</p></body>"
    metadata = clean(_page("<meta name='author' content='Ana Lima'>", body)).metadata
    assert metadata.authors == ("Ana Lima",)
