"""Boilerplate decisions per block: class and id words, link lists, the text region, the lead."""

from __future__ import annotations

import pytest

from scrapeclean import Pipeline, clean, cleaners, replay

STORY = (
    "<p>The council met on Monday to discuss the new budget for the coming year, and the "
    "vote was close.</p><p>The mayor said the plan would be published after the meeting, "
    "with every line of spending listed.</p>"
)


def _rules(html: str) -> dict[str, str]:
    """The rule that cut each removed block's text, by the text."""
    result = clean(html)
    assert replay(result.source.text, result.changes) == result.text
    return {
        result.source.text[change.span.start : change.span.end].strip(): change.rule
        for change in result.changes
        if change.cleaner == "extract_html"
    }


def test_a_block_marked_as_sharing_is_cut_with_its_class_word() -> None:
    page = f"<article>{STORY}<div class='social-share'>Share this story by email</div></article>"
    result = clean(page)
    assert "Share this story" not in result.text
    assert "The council met" in result.text
    [cut] = [change for change in result.changes if change.rule == "html.class_words"]
    assert cut.reason == "class or id word 'share'"


def test_class_words_of_other_languages_count() -> None:
    ad = "<div class='artikel-werbung'>Jetzt abonnieren und sparen</div>"
    page = f"<article>{STORY}{ad}</article>"
    assert _rules(page) == {"Jetzt abonnieren und sparen": "html.class_words"}


def test_a_word_prefix_marks_furniture_in_joined_class_names() -> None:
    related = "<div class='relatedposts'>Five other stories you may like</div>"
    page = f"<article>{STORY}{related}</article>"
    assert "Five other stories" not in clean(page).text


def test_a_class_word_on_most_of_the_page_is_layout_not_furniture() -> None:
    """`<body class="has-comments">` marks the whole page: the story stays."""
    page = f"<body class='single has-comments'><article>{STORY}</article></body>"
    assert "The council met" in clean(page).text


def test_a_nearer_content_word_wins_over_a_furniture_word() -> None:
    """An embedded post inside a social-media block is content the story quotes."""
    quote = "We are on it, said the governor in her post today."
    tweet = f"<blockquote class='tweet'>{quote}</blockquote>"
    page = f"<article>{STORY}<div class='social-media'>{tweet}</div>{STORY}</article>"
    assert "We are on it" in clean(page).text


def test_without_a_container_the_region_with_the_prose_is_kept() -> None:
    menu = "".join(f"<div><a href=/{i}>Section {i}</a> and more</div>" for i in range(6))
    footer = "<div class='x'>Company name, street 1, city, registration 123456</div>"
    page = f"<body><div>{menu}</div><div><div>{STORY}</div></div><div>{footer}</div></body>"
    rules = _rules(page)
    assert rules["Company name, street 1, city, registration 123456"] == "html.outside_content"
    assert "The council met" in clean(page).text


def test_the_lead_between_headline_and_article_body_is_kept() -> None:
    lead = "<p>A short standfirst that sums the story up for the reader.</p>"
    page = f"<body><h1>Budget vote</h1>{lead}<div itemprop='articleBody'>{STORY}</div></body>"
    text = clean(page).text
    assert "A short standfirst" in text
    assert "The council met" in text


def test_link_lists_can_be_kept() -> None:
    page = f"<body>{STORY}<div><a href=/a>Alpha</a> <a href=/b>Beta</a></div></body>"
    pipeline = Pipeline.default().replace("extract_html", cleaners.extract_html(link_lists=False))
    assert "Alpha Beta" in pipeline.clean(page).text
    assert "Alpha" not in clean(page).text


def test_the_headline_repeating_the_title_is_taken_out_as_the_title() -> None:
    page = (
        "<html><head><title>Budget vote passes in council</title></head><body>"
        f"<div class='top'>Monday 3 June</div><h1>Budget vote passes in council</h1>{STORY}</body>"
    )
    result = clean(page)
    assert result.title == "Budget vote passes in council"
    assert "Budget vote passes" not in result.text
    assert [change.reason for change in result.changes if change.rule == "html.headline"] == [
        "the headline, repeating the page's title"
    ]


def test_inside_a_container_only_blocks_after_the_text_region_go() -> None:
    byline = "<div class='by'>Jo Bloggs, city reporter</div>"
    tail = "<div class='x'><div>Filed under budget, council, city hall and the mayor</div></div>"
    page = f"<body><article>{byline}<div class='body'>{STORY}</div>{tail}</article></body>"
    rules = _rules(page)
    assert rules == {"Filed under budget, council, city hall and the mayor": "html.outside_content"}
    assert "Jo Bloggs" in clean(page).text


def test_text_of_the_region_element_itself_is_inside_the_region() -> None:
    """Text set straight in the densest text region's element is part of the region.

    (Around its paragraphs, or left there when a ``<div>`` closed the ``<p>`` it was in.)
    """
    prose = " ".join(["The council approved the new budget after a long debate on Tuesday."] * 3)
    page = (
        "<html><body><div class=menu><a href=/>Home</a> <a href=/a>About</a></div>"
        f"<div id=story>A standfirst set straight in the story element.<p>{prose}</p>"
        f"<p>{prose}</p></div>"
        "<div class=other><p>Something else entirely, kept apart from the story.</p></div>"
        "</body></html>"
    )
    result = clean(page)
    assert result.text.startswith("A standfirst set straight in the story element.\n\n")
    cut = [change.before.strip() for change in result.changes if change.cleaner == "extract_html"]
    assert "Something else entirely, kept apart from the story." in cut


CAPTION = "The mayor speaks to reporters outside the town hall after the vote on Monday evening."


def test_a_block_repeating_an_earlier_one_word_for_word_goes() -> None:
    """A slideshow repeats the story's photo caption: the copy goes, the first stays."""
    gallery = f"<ul class='gallery'><li><div>{CAPTION}</div></li></ul>"
    page = f"<article><figure><figcaption>{CAPTION}</figcaption></figure>{STORY}{gallery}</article>"
    result = clean(page)
    assert result.text.count("The mayor speaks") == 1
    assert result.text.index("The mayor speaks") < result.text.index("The council met")
    [cut] = [change for change in result.changes if change.rule == "html.repeated"]
    assert cut.reason == "repeats an earlier block of the page"
    assert replay(result.source.text, result.changes) == result.text


def test_short_lines_and_questions_may_repeat() -> None:
    """An interview asks each guest the same question; a stats table repeats short lines."""
    question = "What inspired you to start cooking for other people in the first place?"
    answers = (
        "My grandmother, who cooked for the whole street every Sunday, taught me everything.",
        "A trip abroad, where I ate in a different family's kitchen every night for a month.",
    )
    guests = "".join(
        f"<h3>{question}</h3><p>{answer}</p><p>No stats registered.</p>" for answer in answers
    )
    result = clean(f"<article>{guests}</article>")
    assert result.text.count(question) == 2
    assert result.text.count("No stats registered.") == 2
    assert not [change for change in result.changes if change.rule == "html.repeated"]


def test_the_footer_of_the_article_is_furniture() -> None:
    """Tags and the author box in the article's own ``<footer>`` go; the story stays."""
    footer = (
        "<footer class='entry-meta'><p>This entry was posted in Podcast and tagged berlin, "
        "budget.</p><div class='about'>Jo Bloggs writes about city halls.</div></footer>"
    )
    rules = _rules(f"<article>{STORY}{footer}</article>")
    assert set(rules.values()) == {"html.landmark"}
    assert "Jo Bloggs writes about city halls." in rules


def test_a_quotes_footer_is_its_attribution_and_stays() -> None:
    quote = (
        "<blockquote><p>We will keep the trams running as long as people ride them.</p>"
        "<footer>The mayor, speaking to the council</footer></blockquote>"
    )
    text = clean(f"<article>{STORY}{quote}</article>").text
    assert "The mayor, speaking to the council" in text


FIGURE = (
    "<figure><img src='mayor.jpg'><figcaption>The mayor after the vote. Photo: Jo Bloggs"
    "</figcaption></figure>"
)
WP_CAPTION = (
    "<div class='wp-caption'><p class='wp-caption-text'>The mayor after the vote.</p></div>"
)


def test_image_captions_stay_by_default() -> None:
    assert "The mayor after the vote." in clean(f"<article>{FIGURE}{STORY}</article>").text


@pytest.mark.parametrize("caption", [FIGURE, WP_CAPTION])
def test_captions_false_deletes_image_captions(caption: str) -> None:
    pipeline = Pipeline.default().replace("extract_html", cleaners.extract_html(captions=False))
    result = pipeline.clean(f"<article>{caption}{STORY}</article>", html=True)
    assert "The mayor after the vote." not in result.text
    assert "The council met" in result.text
    assert [change.rule for change in result.changes if change.cleaner == "extract_html"] == [
        "html.caption"
    ]


def test_captions_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="captions must be True or False"):
        cleaners.extract_html(captions="no")  # type: ignore[arg-type]


def test_a_meta_line_of_the_post_is_furniture() -> None:
    """Post meta (categories, comment counts) under an ``entry-meta`` class goes."""
    meta = "<div class='entry-meta'>Posted in News | 71 comments</div>"
    assert _rules(f"<article>{STORY}{meta}</article>") == {
        "Posted in News | 71 comments": "html.class_words"
    }


def test_a_teaser_of_another_story_is_furniture() -> None:
    teaser = "<div class='ce-teaser'><p>Read how the river ferry came back to town</p></div>"
    assert _rules(f"<article>{STORY}{teaser}</article>") == {
        "Read how the river ferry came back to town": "html.class_words"
    }


_TEASERS = (
    "<article><h2>Storm closes the harbour</h2><p>The harbour was closed on Sunday after a "
    "storm damaged the old wall, and boats were sent to the next port along the coast.</p>"
    "</article><article><h2>Tram line reopens</h2><p>The tram line reopened on Friday after "
    "three months of repairs, and riders said the new carriages were quieter than before.</p>"
    "</article>"
)


@pytest.mark.parametrize(
    "heading",
    ["You may also like...", "Related stories", "Você pode gostar...", "Lesen Sie auch:"],
)
def test_a_section_of_other_stories_goes_with_its_heading(heading: str) -> None:
    """Below the story, a heading that introduces other stories takes its section with it,
    teasers that read as prose included."""
    page = f"<article>{STORY}<h3>{heading}</h3>{_TEASERS}</article>"
    rules = _rules(page)
    assert heading in rules
    teasers = [text for text in rules if text != heading]
    assert {rules[text] for text in teasers} == {"html.related_section"}
    assert any("Storm closes" in text for text in teasers)
    assert any("riders said the new carriages" in text for text in teasers)
    result = clean(page)
    assert "The council met" in result.text and "every line of spending" in result.text


def test_a_related_section_ends_at_the_next_heading_of_its_rank() -> None:
    """Sections that are siblings (an encyclopedia's): "See also" ends where "Notes" begins."""
    page = (
        f"<div>{STORY}<h2>See also</h2><ul><li><a href='/a'>Harbour</a></li>"
        "<li><a href='/b'>Trams</a></li></ul><h2>History</h2><p>The town was founded in the "
        "twelfth century by fishermen who built the first harbour wall from local stone.</p></div>"
    )
    result = clean(page)
    assert "See also" not in result.text
    assert "founded in the twelfth century" in result.text


def test_a_related_heading_above_the_story_takes_nothing() -> None:
    """A "Related" heading before the story's paragraphs, whose section holds them as its own
    paragraphs, is a page laid out otherwise: the story stays."""
    lead = (
        "<p>A lead paragraph opens the page, long enough to count as prose, before the "
        "heading and the story's own paragraphs.</p>"
    )
    page = f"<div>{lead}<h3>Related</h3>{STORY}{STORY.replace('council', 'board')}</div>"
    result = clean(page)
    assert "The council met" in result.text and "The board met" in result.text
    assert not [c for c in result.changes if c.rule == "html.related_section"]


def test_the_callers_keep_selector_wins_over_a_related_section() -> None:
    page = f"<article>{STORY}<h3>Related stories</h3><div class='mine'>{_TEASERS}</div></article>"
    pipeline = Pipeline.default().replace("extract_html", cleaners.extract_html(keep=".mine"))
    result = pipeline.clean(page)
    assert "Storm closes the harbour" in result.text


def test_a_related_widget_between_story_paragraphs_takes_only_itself() -> None:
    """A "Trending" box set between two parts of the story, its heading wrapped in a
    <header>, heads its own box: the story's paragraphs after it stay."""
    second = STORY.replace("council", "board").replace("mayor", "chair")
    page = (
        f"<article><div>{STORY}</div>"
        "<div><header><h3>Trending</h3></header></div>"
        f"<div>{second}</div></article>"
    )
    result = clean(page)
    assert "The council met" in result.text and "The board met" in result.text
    assert "the chair said" in result.text.lower()
