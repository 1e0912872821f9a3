"""Reading HTML into blocks with DOM evidence, and `extract_html` deleting blocks as changes."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from scrapeclean import Document, Pipeline, Source, Span, clean, cleaners, replay
from scrapeclean._html import html_to_source
from tests.conftest import fastest_seconds, read_jsonl

PAGE = """<!DOCTYPE html><html><head><title>Rats | Daily</title>
<style>p { color: red }</style><script>var hidden = "script text";</script></head>
<body>
<header class="site-header"><a href="/">Daily</a></header>
<nav id="main-menu"><ul><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article class="story-body">
<h1>Rats and the plague</h1>
<p>Rats spread the plague<span class="credit">Credit:</span><span>The Times</span></p>
<p>A second <b>paragraph</b> with a <a href="/x">link</a>.</p>
<template><p>template text</p></template>
<p hidden>hidden text</p><p style="display: none">styled away</p>
<form><label>Email</label><button>Subscribe</button></form>
</article>
<aside><p>Most read today</p></aside>
<div class="related"><p><a href="/a">One story</a> <a href="/b">Another story</a></p></div>
<footer><p>Copyright Daily</p></footer>
</body></html>"""


def _block_texts(source: Source) -> list[str]:
    return [block.span.of(source.text) for block in source.blocks]


def test_page_text_is_every_visible_block_a_blank_line_apart() -> None:
    """The whole visible page, one block per block element; nothing hidden or scripted."""
    source = html_to_source(PAGE)
    assert _block_texts(source) == [
        "Daily",
        "World",
        "Sport",
        "Rats and the plague",
        "Rats spread the plague Credit: The Times",
        "A second paragraph with a link.",
        "Email Subscribe",
        "Most read today",
        "One story Another story",
        "Copyright Daily",
    ]
    assert source.text == "\n\n".join(_block_texts(source))
    for absent in ("script text", "template text", "hidden text", "styled away", "color"):
        assert absent not in source.text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>the plague<span>Credit:</span>Getty</p>", "the plague Credit: Getty"),
        ("<p><span>Media caption</span>Julian Assange spoke</p>", "Media caption Julian Assange"),
        ("<p><b>W</b>ord and <i>it</i>alic</p>", "Word and italic"),
        ("<p>one<br>two</p>", "one\ntwo"),
    ],
)
def test_inline_tags_neither_glue_nor_split_words(markup: str, expected: str) -> None:
    """Words meeting at an inline tag stay apart when the page showed them apart."""
    assert html_to_source(markup).text.startswith(expected)


def test_block_evidence() -> None:
    """Each block knows its tag, path, landmark, class/id words, link share and container."""
    source = html_to_source(PAGE)
    by_text = dict(zip(_block_texts(source), source.blocks, strict=True))
    menu = by_text["World"]
    assert (menu.tag, menu.landmark, menu.link_share, menu.in_main) == ("li", "nav", 1.0, False)
    assert menu.tokens == ("main", "menu") and menu.path == "html>body>nav>ul>li"
    lead = by_text["Rats spread the plague Credit: The Times"]
    assert lead.in_main and lead.landmark == "article" and lead.tokens == ("story", "body")
    assert lead.link_share == 0.0 and lead.depth == 4
    assert by_text["A second paragraph with a link."].link_share == pytest.approx(4 / 26, abs=0.001)
    assert by_text["Email Subscribe"].control_share == 1.0
    assert source.container == "article"
    positions = [block.position for block in source.blocks]
    assert positions == sorted(positions) and positions[0] == 0.0 and positions[-1] < 1.0


def test_blocks_point_back_into_the_markup() -> None:
    """`Block.markup` is the element's start tag in the page; `markup_of` names the elements."""
    source = html_to_source(PAGE)
    for block in source.blocks:
        assert block.markup is not None
        start_tag = block.markup.of(PAGE)
        assert start_tag.startswith(f"<{block.tag}") and start_tag.endswith(">")
    second = source.text.index("A second")
    assert source.markup_of(Span(second, second + 8)) == (
        "html>body>article:nth-of-type(1)>p:nth-of-type(2)",
    )
    world = source.text.index("World")
    sport_end = source.text.index("Sport") + 5
    assert len(source.markup_of(Span(world, sport_end))) == 2


def test_soup_and_tag_read_like_the_string() -> None:
    """A BeautifulSoup document or tag is read as it is, with the same text and evidence."""
    soup = BeautifulSoup(PAGE, "html.parser")
    from_string, from_soup = html_to_source(PAGE), html_to_source(soup)
    assert from_soup.text == from_string.text
    assert [b.path for b in from_soup.blocks] == [b.path for b in from_string.blocks]
    article = soup.find("article")
    assert article is not None
    assert html_to_source(article).text.startswith("Rats and the plague")


def test_extract_html_deletes_each_rejected_block_with_a_rule_and_reason() -> None:
    """Every dropped block is a change; replay rebuilds the body; explain shows the cuts."""
    result = clean(PAGE)
    assert result.text == (
        "Rats spread the plague Credit: The Times\n\nA second paragraph with a link."
    )
    cuts = {
        change.before.strip(): (change.rule, change.reason)
        for change in result.changes
        if change.cleaner == "extract_html"
    }
    assert cuts["World"] == ("html.landmark", "inside <nav>")
    assert cuts["Daily"] == ("html.landmark", "inside <header>, outside the article container")
    assert cuts["Email Subscribe"] == ("html.control", "form control: inside <form>")
    assert cuts["Most read today"] == ("html.landmark", "inside <aside>")
    assert cuts["One story Another story"] == (
        "html.outside_content",
        "outside the article container",
    )
    assert replay(result.source.text, result.changes) == result.text
    assert "inside <nav>" in result.explain()


def test_link_lists_are_cut_by_default_and_can_be_kept() -> None:
    """A block of links goes by default; `link_lists=False` keeps it."""
    page = "<body><p>A story of some length.</p><div><a href=/a>Alpha</a> <a href=/b>Beta</a></div>"
    result = clean(page)
    assert "Alpha" not in result.text
    [cut] = [change for change in result.changes if change.rule == "html.link_list"]
    assert cut.reason == "link list: 100% link text"
    pipeline = Pipeline.default().replace("extract_html", cleaners.extract_html(link_lists=False))
    assert "Alpha Beta" in pipeline.clean(page).text


def test_plain_text_passes_through() -> None:
    """On plain text the step proposes nothing."""
    text = "Home | World | Sport\n\nThe council met on Monday."
    assert cleaners.extract_html()(Document.from_text(text)).edits == ()


def test_a_page_that_is_all_navigation_gives_an_empty_body_and_a_warning() -> None:
    """No exception: the text is empty and a warning says why."""
    result = clean("<html><body><nav><a href=/>Home</a></nav><footer>Contact</footer></body>")
    assert result.text == ""
    assert any("page furniture" in warning for warning in result.warnings)


def test_blocks_are_located_only_when_a_step_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The block table is located in the current text only for a step that asks for it."""
    import scrapeclean._blocks as blocks_module

    calls: list[int] = []
    real = blocks_module.locate_blocks

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(blocks_module, "locate_blocks", counting)
    clean(PAGE)
    assert calls == []
    seen: list[str] = []

    class Spy:
        name = "spy"

        def __call__(self, doc: Document) -> object:
            from scrapeclean import Proposal

            seen.extend(block.span.of(doc.text) for block in doc.block_table() if block.span)
            return Proposal()

    Pipeline([cleaners.extract_html(), Spy()]).clean(PAGE)  # type: ignore[list-item]
    assert calls == [1]
    assert seen == [
        "Rats and the plague",
        "Rats spread the plague Credit: The Times",
        "A second paragraph with a link.",
    ]


@pytest.mark.parametrize(
    ("depths", "tree"),
    [
        # lxml reads up to 2,048 levels: both pages are read with it.
        pytest.param((400, 1_600), str, id="lxml"),
        # A caller's tree (and a page deeper than lxml reads) is walked as bs4 built it.
        pytest.param((1_000, 4_000), lambda page: BeautifulSoup(page, "html.parser"), id="bs4"),
    ],
)
def test_nested_articles_cost_linear_time(
    depths: tuple[int, int], tree: Callable[[str], object]
) -> None:
    """Reading articles nested n deep grows linearly with n (it was quadratic)."""

    def page(depth: int) -> str:
        return "<body>" + "<article><p>word</p>" * depth + "</article>" * depth + "</body>"

    small, large = (tree(page(depth)) for depth in depths)
    html_to_source(small)  # type: ignore[arg-type]
    ratio = fastest_seconds(lambda: html_to_source(large)) / fastest_seconds(  # type: ignore[arg-type]
        lambda: html_to_source(small)  # type: ignore[arg-type]
    )
    assert ratio < 9  # linear: about 4; quadratic: about 16


def test_deep_nesting_does_not_recurse() -> None:
    """100,000 nested elements read without a RecursionError."""
    depth = 100_000
    result = clean("<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth)
    assert result.text == "deep text"
    assert result.source.blocks[0].selector.startswith("…>")


@pytest.mark.parametrize(
    "script",
    [
        '{"datePublished": "2020-01-0\\"}',
        '{"@type": "NewsArticle", "datePublished": ',
        '{"datePublished": "\\ud800\\u0000 garbage"}',
    ],
)
def test_malformed_json_ld_never_raises(script: str) -> None:
    """A broken JSON-LD block is no evidence, and no error."""
    page = f'<html><head><script type="application/ld+json">{script}</script></head>'
    result = clean(page + "<body><p>Body text here.</p></body></html>")
    assert result.text == "Body text here."


def test_development_pages_record_every_cut() -> None:
    """On the zyte-dev pages, replay holds and every HTML cut has a rule id and a reason."""
    for row in list(read_jsonl("extraction/zyte-dev.jsonl"))[:30]:
        result = clean(row["html"], html=True)
        assert replay(result.source.text, result.changes) == result.text
        cuts = [change for change in result.changes if change.cleaner == "extract_html"]
        assert all(change.rule.startswith("html.") and change.reason for change in cuts)
        assert all(change.after == "" for change in cuts)


def test_the_largest_main_is_the_container() -> None:
    """A first ``<main>`` with a few characters does not hide the story in the second one."""
    page = (
        "<body><main>Loading</main><main><p>The story itself, long enough to count.</p></main>"
        "<footer>About us</footer></body>"
    )
    result = clean(page)
    assert result.text == "The story itself, long enough to count."
    assert result.source.container == "main"


def test_a_main_holding_only_the_headline_is_no_container() -> None:
    """A theme's ``<main>`` with the title alone does not hide the story beside it."""
    story = "The plant will make more battery cells from next year, the company said on Monday."
    more = "Production is to start at the end of the year, with a second line planned for 2025."
    page = (
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<main class='content'><h1>Battery plant grows</h1></main>"
        f"<div class='entry-content'><p>{story}</p><p>{more}</p></div>"
        "<footer>About us</footer></body>"
    )
    result = clean(page)
    assert story in result.text and more in result.text
    assert result.source.container is None


def test_a_container_without_prose_gives_way() -> None:
    """An ``<article>`` holding a list of links only: the story beside it is judged without it."""
    links = "".join(
        f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40)
    )
    story = (
        "<p>The council voted on Tuesday to keep the old tram line open after a long debate "
        "about its cost.</p><p>Residents had collected 12,000 signatures in support of the "
        "line and its 9,000 riders.</p>"
    )
    result = clean(
        f"<html><body><article><ul>{links}</ul></article><div>{story}</div></body></html>"
    )
    assert result.text.startswith("The council voted on Tuesday")
    assert "9,000 riders" in result.text and "Section number" not in result.text
    assert any("held none of the page's prose" in warning for warning in result.warnings)


def test_json_ld_article_body_points_at_the_container() -> None:
    """The element holding the blocks that JSON-LD ``articleBody`` states is the container."""
    first = "The council met on Monday and agreed the budget for the coming year. " * 2
    second = "Members argued for three hours before the vote, which passed by two. " * 2
    first, second = first.strip(), second.strip()
    stated = json.dumps({"@type": "NewsArticle", "articleBody": f"{first}\n{second}"})
    page = (
        f'<html><head><script type="application/ld+json">{stated}</script></head><body>'
        f'<div class="story"><p>{first}</p><p>{second}</p></div>'
        "<div class='promo'><p>Subscribe today and get the paper delivered to your door.</p></div>"
        "</body></html>"
    )
    result = clean(page)
    assert result.source.container == "json-ld articleBody"
    assert result.text == f"{first}\n\n{second}"
    [cut] = [change for change in result.changes if change.cleaner == "extract_html"]
    assert (cut.rule, cut.reason) == (
        "html.outside_content",
        "outside the json-ld articleBody container",
    )


def test_json_ld_article_body_with_html_entities_still_matches() -> None:
    """A stated body with entities left in ("world&#039;s") matches the page's paragraphs."""
    first = "The council's budget for the coming year was agreed on Monday after a long debate."
    second = "Members argued for three hours before the vote, and the mayor's plan passed by two."
    third = "Work on the new depot starts in the spring, the council's chief engineer said."
    stated = json.dumps(
        {"@type": "NewsArticle", "articleBody": " ".join([first, second, third])}
    ).replace("'", "&#039;")
    page = (
        f'<html><head><script type="application/ld+json">{stated}</script></head><body>'
        f"<div class='story'><div><p>{first}</p></div><p>{second}</p><p>{third}</p></div>"
        "<div class='promo'><p>Subscribe today and get the paper delivered to your door.</p></div>"
        "</body></html>"
    )
    result = clean(page)
    assert result.source.container == "json-ld articleBody"
    assert result.text == f"{first}\n\n{second}\n\n{third}"


@pytest.mark.parametrize(
    "script", ['{"articleBody": "unfinished', "[" * 100_000 + '"articleBody"' + "]" * 100_000]
)
def test_broken_json_ld_article_body_is_no_evidence(script: str) -> None:
    """A JSON-LD block that does not parse (or nests too deep) gives no container."""
    page = f'<script type="application/ld+json">{script}</script><p>Body text here.</p>'
    result = clean(page, html=True)
    assert result.text == "Body text here." and result.source.container is None


SECTIONED = """<html><body><article><h1>Ferry returns to the river</h1>
<p>The town council voted on Thursday to bring back the ferry that crossed the river until the
bridge opened, and the first boats are expected next spring.</p>
<h2>Timetable</h2><p>Boats will leave every half hour from the old landing stage.</p>
<h2>Related stories</h2><ul class="related-list"><li><a href="/a">Bridge closes for repairs</a></li>
<li><a href="/b">Tram line extended</a></li></ul>
<h2>The council has not yet said who will pay for the new boats, or when.</h2>
<div class="share-bar"><a href="/s">Share</a></div>
</article></body></html>"""


def test_a_label_heading_goes_with_its_removed_section() -> None:
    """'Related stories' goes with its links; a heading with kept text, and a sentence set as a
    heading (a pull quote), stay."""
    result = clean(SECTIONED)
    assert "Timetable" in result.text
    assert "Related stories" not in result.text
    assert "The council has not yet said who will pay" in result.text
    [cut] = [change for change in result.changes if change.rule == "html.emptied_heading"]
    assert cut.before.strip() == "Related stories"
    assert cut.reason == "a heading whose section was removed"
    assert replay(result.source.text, result.changes) == result.text


def test_a_heading_over_a_subsection_with_text_stays() -> None:
    """A heading whose section holds a kept subsection keeps it, however short."""
    page = (
        "<html><body><article><h1>Ferry returns</h1><h2>Plans</h2><h3>Boats</h3>"
        "<p>Boats will leave every half hour from the old landing stage, the council said.</p>"
        "</article></body></html>"
    )
    text = clean(page).text
    assert "Plans" in text and "Boats" in text
