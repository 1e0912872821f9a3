"""Publication dates of HTML pages: the page's evidence, weighed, with provenance."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from scrapeclean import clean
from scrapeclean._page_dates import PageElement, date_findings, url_date

STORY = (
    "<p>The town council voted on Thursday to bring back the ferry that crossed the river "
    "until the bridge opened, and the first boats are expected next spring.</p>"
)


def _page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head><title>Ferry returns to the river</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


def _article(before: str = "", after: str = "") -> str:
    return f"<article><h1>Ferry returns to the river</h1>{before}{STORY}{after}</article>"


def _day(html: str, url: str | None = None, **options: object) -> date | None:
    published = clean(html, html=True, url=url, **options).published  # type: ignore[arg-type]
    return None if published is None else published.date()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            "<meta name='parsely-pub-date' content='2019-03-12T08:00:00Z'>",
            date(2019, 3, 12),
            id="parsely-pub-date",
        ),
        pytest.param(
            "<meta name='sailthru.date' content='2018-07-01 10:00:00'>",
            date(2018, 7, 1),
            id="sailthru-date",
        ),
        pytest.param(
            "<meta name='citation_publication_date' content='2017/02/03'>",
            date(2017, 2, 3),
            id="citation-publication-date",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "WebSite", "name": "Daily"}, {"@type": "NewsArticle", '
            '"dateCreated": "2016-05-22T10:00:00+02:00"}]}</script>',
            date(2016, 5, 22),
            id="json-ld-graph-dateCreated",
        ),
    ],
)
def test_stated_publication_times_are_read(head: str, expected: date) -> None:
    """Metas and JSON-LD in the general vocabulary of publication times are read."""
    assert _day(_page(head, _article())) == expected


def test_markup_marked_as_the_publication_is_read() -> None:
    """An ``<abbr class=published title=…>`` states the time the page shows as a clock time."""
    body = _article("<abbr class='published' title='2011-03-30T21:05:00-07:00'>9:05 PM</abbr>")
    result = clean(_page(body=body), html=True)
    assert result.published == datetime.fromisoformat("2011-03-30T21:05:00-07:00")
    assert result.metadata.source_of("published").origin == "<abbr class=published>"  # type: ignore[union-attr]


def test_an_element_named_as_a_date_is_read() -> None:
    """The text of an element whose class says date is read with the project's date parser."""
    body = _article(after="<div class='entry-meta'>Filed under News, 12. März 2019</div>")
    assert _day(_page(body=body, lang="de")) == date(2019, 3, 12)


def test_a_date_after_the_headline_is_read() -> None:
    """A date shown just below the headline, whatever its element, is evidence."""
    body = _article("<p>Jo Bloggs · Politik · 28.04.2020 · 3 Minuten Lesezeit</p>")
    assert _day(_page(body=body, lang="de")) == date(2020, 4, 28)


def test_dates_in_comments_are_not_the_articles() -> None:
    """A ``<time>`` in the comments, even marked as published, is a reader's."""
    comments = (
        "<section class='comments'><div class='comment'>"
        "<time class='published' datetime='2023-01-11T10:00:00'>11 Jan 2023</time>"
        "<p>Great story.</p></div></section>"
    )
    head = "<meta property='article:published_time' content='2022-12-01T09:00:00'>"
    assert _day(_page(head, _article(after=comments))) == date(2022, 12, 1)
    assert _day(_page("", _article(after=comments))) is None


def test_the_article_date_beats_a_list_above_the_headline() -> None:
    """Of several dates marked as published, the first below the headline is the article's."""
    teaser = (
        "<ul class='top-stories'><li><a href='/a'>Older story</a>"
        "<time class='published' datetime='2020-12-03T07:32:49'>3 Dec 2020</time></li></ul>"
    )
    body = teaser + _article("<time class='published' datetime='2023-10-31T08:00:00'>x</time>")
    assert _day(_page(body=body)) == date(2023, 10, 31)


def test_a_time_attribute_that_is_not_iso_yields_to_its_text() -> None:
    """``datetime='01-11-2023'`` is ambiguous; the element's text names the month."""
    body = _article(after="<time datetime='01-11-2023 10:29'>1. November 2023 10:29</time>")
    assert _day(_page(body=body, lang="de")) == date(2023, 11, 1)


def test_embedded_media_dates_are_not_the_articles() -> None:
    """A JSON-LD VideoObject's dates belong to the video, not to the page."""
    head = (
        '<script type="application/ld+json">{"@type": "VideoObject", "name": "Clip", '
        '"uploadDate": "2019-08-06", "datePublished": "2019-08-06"}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-10-29T12:00:00+00:00"}</script>'
    )
    assert _day(_page(head, _article())) == date(2023, 10, 29)


def test_a_local_midnight_stored_as_utc_keeps_its_day() -> None:
    """``2021-11-04T23:00Z`` with the page showing 5 November is the 5th in the page's zone."""
    head = "<meta property='article:published_time' content='2021-11-04T23:00:00+00:00'>"
    body = _article(after="<span class='date'>05.11.2021</span>")
    assert _day(_page(head, body, lang="de")) == date(2021, 11, 5)


def test_a_utc_time_that_is_not_midnight_keeps_the_stated_day() -> None:
    """A shown clock time of the same instant in another zone is no date-only value."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-11-09T04:15:00Z"}</script>'
    )
    body = _article("<p>November 8, 2023, 11:15 PM</p>")
    assert _day(_page(head, body)) == date(2023, 11, 9)


def test_the_modification_day_shown_on_the_page_does_not_outvote_the_publication() -> None:
    """A page showing its update day keeps its stated publication day; the update is kept."""
    head = (
        "<meta property='article:published_time' content='2017-04-12T18:33:59+02:00'>"
        "<meta property='article:modified_time' content='2020-02-19T15:24:33+01:00'>"
        "<meta itemprop='datePublished' content='2020-02-19'>"
    )
    body = _article("<div class='date'>19 February 2020</div>")
    result = clean(_page(head, body), html=True)
    assert result.published is not None and result.published.date() == date(2017, 4, 12)
    assert result.metadata.updated == datetime.fromisoformat("2020-02-19T15:24:33+01:00")


def test_shown_dates_outweigh_a_generic_date_meta() -> None:
    """A generic ``meta name=date`` loses to a ``<time>`` and a date shown below the headline."""
    head = "<meta name='date' content='2022-01-26T14:32:06+02:00'>"
    body = _article(after="<time datetime='2022-01-21'>21.01.2022 - 13:30</time>")
    assert _day(_page(head, body, lang="de")) == date(2022, 1, 21)


def test_the_url_date_is_weak_evidence_alone() -> None:
    """With nothing else, a full date in the URL is the publication day, from ``url``."""
    result = clean(_page(body=_article()), html=True, url="https://example.org/2019/3/12/ferry/")
    assert result.published == datetime(2019, 3, 12)
    assert result.metadata.source_of("published").origin == "url"  # type: ignore[union-attr]


def test_the_url_date_beats_a_later_stated_day() -> None:
    """A page re-published later keeps the day its address was made on."""
    head = "<meta itemprop='datePublished' content='2019-06-17T18:28:00+0200'>"
    url = "https://example.org/home/2017/7/12/ferry"
    assert _day(_page(head, _article()), url) == date(2017, 7, 12)


def test_the_url_date_does_not_beat_an_earlier_stated_day() -> None:
    """An address made after the publication (a move) does not move the stated day."""
    head = "<meta property='article:published_time' content='2019-03-10T09:00:00+00:00'>"
    assert _day(_page(head, _article()), "https://example.org/2019/03/12/x") == date(2019, 3, 10)


def test_the_page_text_is_a_last_resort() -> None:
    """A page stating no date anywhere else is dated by the first full date of its text."""
    note = "<p>Dieser Text wurde am 10. September 2017 in Berlin von der Redaktion verfasst.</p>"
    assert _day(_page(body=f"<div>{STORY}{note}</div>", lang="de")) == date(2017, 9, 10)


def test_a_refused_date_leaves_the_next_candidate() -> None:
    """A stated date after the reference time is refused; another day the page states stands."""
    head = "<meta property='article:published_time' content='2031-01-01T00:00:00+00:00'>"
    body = _article(after="<span class='post-date'>4 March 2021</span>")
    reference = datetime(2024, 1, 1, tzinfo=timezone.utc)
    result = clean(_page(head, body), html=True, reference=reference)
    assert result.published is not None and result.published.date() == date(2021, 3, 4)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://a.example/2019/03/12/story", date(2019, 3, 12), id="slashes"),
        pytest.param("https://a.example/2017/7/12/story", date(2017, 7, 12), id="one-digit"),
        pytest.param("https://a.example/news/20200428/story", date(2020, 4, 28), id="compact"),
        pytest.param("https://a.example/2019-03-12-story", date(2019, 3, 12), id="dashes"),
        pytest.param("https://a.example/2023/10/3-fragen-an-x/", None, id="a-count-not-a-day"),
        pytest.param("https://a.example/2011/12/story/", None, id="month-only"),
        pytest.param(
            "https://web.archive.org/web/20160218174457/http://a.example/2010/05/x/",
            None,
            id="archive-timestamp",
        ),
        pytest.param("https://2019.example/12/03/x", None, id="host-not-path"),
    ],
)
def test_url_dates(url: str, expected: date | None) -> None:
    """Only a full date in the URL's path counts: no month-only paths, counts, archive stamps."""
    assert url_date(url) == expected


def test_the_evidence_is_parser_agnostic() -> None:
    """`date_findings` reads plain facts (tag, attributes, text), whatever parser made them."""
    elements = [
        PageElement("meta", {"property": "article:published_time", "content": "2020-05-04"}),
        PageElement("h1", {}, "Ferry returns", order=1),
        PageElement("span", {"class": "byline-date"}, "4 May 2020", order=2),
    ]
    findings = date_findings(elements)
    assert findings[0].name == "published"
    assert findings[0].value == datetime(2020, 5, 4)
    assert findings[0].confidence > 0.9  # two kinds of evidence agree


def test_a_date_labelled_as_the_publication_outweighs_a_generic_meta() -> None:
    """ "Erschienen am: 13.10.2021" anywhere in the article beats a generic ``meta name=date``."""
    head = "<meta name='date' content='2021-10-15'>"
    label = "<p>Pressestelle · Erschienen am: 13.10.2021 · Herausgeber: Der Verband</p>"
    assert _day(_page(head, _article(after=label), lang="de")) == date(2021, 10, 13)


def test_an_aside_within_the_article_is_about_it() -> None:
    """An ``<aside>`` inside the ``<article>`` holds its details; one beside it does not."""
    sidebar = "<aside><p>Archiv</p><p>Neu am 03.02.2015: Sommerfest</p></aside>"
    details = "<aside><dl><dt>Datum</dt><dd>12.01.2017</dd><dt>Kategorie</dt></dl></aside>"
    article = f"<article><h2>Die Arbeit mit fremden Dateien</h2>{details}{STORY}</article>"
    assert _day(_page(body=sidebar + article, lang="de")) == date(2017, 1, 12)


def test_dates_in_words_are_read_whatever_language_the_page_declares() -> None:
    """A page declared English (often wrongly) still has its German date read."""
    body = _article(after="<span class='post-date'>12. März 2019</span>")
    assert _day(_page(body=body, lang="en")) == date(2019, 3, 12)


def test_a_dateline_naming_no_day_does_not_outweigh_the_pages_day() -> None:
    """A header line "Januar 2022" is a month: the page's stated day stands."""
    head = "<meta property='article:published_time' content='2022-01-14T10:31:00+01:00'>"
    body = "<article><h1>Was gilt beim Friseur?</h1><p>Januar 2022</p>" + STORY + "</article>"
    result = clean(_page(head, body, lang="de"), html=True)
    assert result.published is not None and result.published.date() == date(2022, 1, 14)
    assert result.dateline is not None and result.dateline.raw == "Januar 2022"


def _both_readers(markup: str) -> tuple[list[PageElement], list[PageElement]]:
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    from scrapeclean._dom import parse_html
    from scrapeclean._page_dates import elements_from_lxml, elements_from_soup

    root = parse_html(markup)
    assert root is not None
    with warnings.catch_warnings():
        # Some dev pages start with an XML declaration; bs4 warns that it reads them as HTML,
        # which is what a user who builds this soup does, and what this comparison needs.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "lxml")
    return elements_from_lxml(root), elements_from_soup(soup)


def _but_html(elements: list[PageElement]) -> list[tuple[object, ...]]:
    """The elements but ``<html>`` (bs4's lxml builder drops its attributes; lxml keeps them),
    a boolean attribute written bare read as empty (lxml repeats its name as its value)."""
    return [
        (
            element.name,
            {key: "" if value == key else value for key, value in element.attrs.items()},
            element.text,
            element.context,
            element.order,
        )
        for element in elements
        if element.name != "html"
    ]


def test_an_lxml_tree_gives_the_date_evidence_its_soup_gives() -> None:
    markup = (
        "<html lang='de'><head><meta property='article:published_time' content='2021-03-04'>"
        '<script type=\'application/ld+json\'>{"datePublished": "2021-03-04"}</script></head>'
        "<body><nav class='menu'><span class='date'>1. Januar 2020</span></nav>"
        "<article><h1>Titel <b>fett</b></h1><!-- 2 March 2019 --><p class='byline'>Von A. B."
        " <time datetime='2021-03-04'>4. März 2021</time></p><aside><p class='date'>3.3.2021"
        "</p></aside><p>Text des Artikels.</p></article><footer>© 2021</footer></body></html>"
    )
    from_lxml, from_soup = _both_readers(markup)
    assert _but_html(from_lxml) == _but_html(from_soup)
    assert {element.name for element in from_lxml} >= {"meta", "script", "h1", "time", "span"}


def test_lxml_and_soup_date_evidence_agree_on_the_dev_pages() -> None:
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "shared" / "data" / "dates" / "htmldate-dev.jsonl"
    if not data.exists():
        pytest.skip(f"development data not found at {data}")
    differ = []
    with data.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            markup = json.loads(line)["html"]
            from_lxml, from_soup = _both_readers(markup)
            if _but_html(from_lxml) != _but_html(from_soup):
                differ.append(number)
    assert not differ, f"pages whose lxml and soup date evidence differ: {differ}"


@pytest.mark.parametrize(
    ("opening", "head", "expected"),
    [
        pytest.param("<html xml:lang='en-GB'>", "", date(2020, 10, 2), id="xml-lang-en-GB"),
        pytest.param("<html xml:lang='en-US'>", "", date(2020, 2, 10), id="xml-lang-en-US"),
        pytest.param(
            "<html>",
            "<meta property='og:locale' content='en_GB'>",
            date(2020, 10, 2),
            id="og-locale",
        ),
        pytest.param(
            "<html>",
            "<meta http-equiv='Content-Language' content='de-DE'>",
            date(2020, 10, 2),
            id="content-language",
        ),
        pytest.param("<html>", "", date(2020, 2, 10), id="undeclared-month-first"),
    ],
)
def test_declared_language_orders_an_ambiguous_numeric_date(
    opening: str, head: str, expected: date
) -> None:
    """``xml:lang`` and the locale metas decide the day order, like ``<html lang>``."""
    html = (
        f"{opening}<head><title>Ferry returns to the river</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a></nav><span class=time>02/10/2020</span></header>"
        f"{_article()}</body></html>"
    )
    assert _day(html) == expected


def test_xml_lang_gives_the_page_language() -> None:
    html = f"<html xml:lang='fr-FR'><head><title>Le bac</title></head><body>{STORY}</body></html>"
    assert clean(html, html=True).metadata.language == "fr"


@pytest.mark.parametrize("empty", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1900-01-01"])
def test_a_templates_empty_date_is_no_date(empty: str) -> None:
    """A JSON-LD or meta date the template left at its zero value says nothing: the next
    evidence (here a `<time datetime>` in the article) stands, and no field holds year 1."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": "{empty}", "dateModified": "{empty}"}}</script>'
        f"<meta property='article:published_time' content='{empty}'>"
    )
    html = _page(head, _article("<time datetime='2019-11-19T19:07:00-05:00'>Nov 19</time>"))
    assert _day(html) == date(2019, 11, 19)
    assert clean(html, html=True).metadata.updated is None
    assert _day(_page(head, _article())) is None
