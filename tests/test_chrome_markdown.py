"""`remove_chrome` on page text written as Markdown: lines judged by what a reader sees."""

from __future__ import annotations

import pytest

from scrapeclean import Document, clean
from scrapeclean.cleaners import remove_chrome
from scrapeclean.cleaners._markdown import looks_like_markdown, markdown_views

STORY = [
    "The city council voted on Tuesday to [rebuild the old harbour wall](https://example.org/"
    "harbour), ending a debate that had run for more than three years.",
    "![](https://example.org/images/harbour.jpg)",
    "Work will begin in the spring and is expected to last until the end of next year, the "
    "council's **planning committee** said in a statement.",
    "## What the residents said",
    "Residents who had campaigned for the repairs said they were relieved, although some "
    "worried about the noise and the traffic that the building work would bring.",
    "> We have waited a long time for this, and we are glad the council listened to us.",
    "The wall was damaged in a storm two winters ago, and since then the harbour has been "
    "closed to larger boats for most of the year.",
]
LOGO = "![Example News](https://example.org/logo.png)"
MENU = [
    "* [Home](https://example.org/)",
    LOGO,
    "* [News](https://example.org/news)",
    "* [Sport](https://example.org/sport)",
    "* [Weather](https://example.org/weather)",
    "* [Contact](https://example.org/contact)",
]
FOOTER = [
    "---",
    "* [Privacy policy](https://example.org/privacy)",
    "* [Terms of use](https://example.org/terms)",
    "* [Cookie settings](https://example.org/cookies)",
    "© 2024 Example News. All rights reserved.",
]
PAGE = "\n\n".join([*MENU, "# Council backs harbour repairs", *STORY, *FOOTER]) + "\n"


def test_views_are_the_words_a_reader_sees() -> None:
    lines = [
        "[![logo](https://example.org/logo.gif)](https://example.org/)",
        "![a chart](https://example.org/chart.png)",
        "| --- | --- |",
        "---",
        "### **Big** news [here](https://example.org/news \"News\")",
        "* [Home](/)",
        "> a quoted _line_",
        r"1\. a numbered step keeps its number: 2 \* 3",
        "a snake_case name and 2 * 3 stay as they are",
    ]
    assert markdown_views(lines) == [
        "",
        "",
        "",
        "",
        "Big news here",
        "Home",
        "a quoted line",
        "1. a numbered step keeps its number: 2 * 3",
        "a snake_case name and 2 * 3 stay as they are",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PAGE, True),
        ("# One\n\ntext\n\n## Two\n\ntext\n\n### Three\n\ntext", True),
        ("# 1 A caption\n\n# 2 Another\n\n# 3 And a third\n\nThe story.", False),
        ("See [the report](https://example.org/r) for details.\n\n# Not a heading here", False),
        ("Share Tweet\n\nThe council met on Monday [1](2).\n\n#hashtag #another", False),
        ("| Pos. | Driver |\n| --- | :---: |\n| 1 | Kyle Busch |", True),
        ("Scores --- home | away\n\n| -- |", False),
        ('a["x"](function(e){}); d["delete"](e); o.a[e.type][e.sub](n); _["delete"](e)', False),
        ("return r[e]()+c; e[t]():n; a[b](); x[i]()", False),
    ],
)
def test_markdown_is_told_from_plain_text(text: str, expected: bool) -> None:
    assert looks_like_markdown(text) is expected


def _removed_views(text: str) -> list[str]:
    """The views of the lines `remove_chrome` removes from `text`, in order."""
    proposal = remove_chrome()(Document.from_text(text))
    gone = [text[edit.span.start : edit.span.end] for edit in proposal.edits]
    lines = [line.strip() for part in gone for line in part.split("\n") if line.strip()]
    return [view for view in markdown_views(lines) if view]


def test_markdown_lines_are_judged_as_their_flattened_text() -> None:
    """The Markdown page loses the lines its flattened twin (each line's view, the markup-only
    lines left out) loses, and more only where it shows links (a list of them goes): the
    markup neither protects a menu nor condemns a story line."""
    flattened = "\n\n".join(view for view in markdown_views(PAGE.split("\n")) if view)
    removed = _removed_views(PAGE)
    twin = _removed_views(flattened)
    assert "Home" in twin and "Sport" in twin  # (both judged, not both left alone)
    assert set(twin) <= set(removed)
    links = {view for line in MENU + FOOTER if "](" in line for view in markdown_views([line])}
    assert set(removed) - set(twin) <= links
    assert not set(removed) & set(markdown_views(STORY))


def test_a_markdown_menu_goes_whole_and_the_story_keeps_its_markup() -> None:
    result = clean(PAGE, html=False)
    gone = [line for line in MENU if line != LOGO and line not in result.text]
    assert len(gone) >= 4
    for line in gone:  # a removed line goes with its markup: no "](" or "* [" left behind
        assert line.split("](")[1] not in result.text
    assert "* [\n" not in result.text and "\n)" not in result.text
    for line in [*STORY, "# Council backs harbour repairs"]:
        assert line in result.text


def test_markup_only_lines_follow_their_neighbours() -> None:
    """The logo between removed menu lines goes, under its own rule id; an image inside the
    story stays, and so does the rule between the story's last line and the footer."""
    proposal = remove_chrome()(Document.from_text(PAGE))
    rules = {
        PAGE[edit.span.start : edit.span.end].strip(): edit.rule for edit in proposal.edits
    }
    assert rules.get(LOGO) == "chrome.markup_between"
    assert STORY[1] not in rules
    assert "---" not in rules


def test_a_table_row_reads_as_its_cells_and_a_broken_link_as_its_text() -> None:
    lines = [
        "| **Pos.** | Driver | Points |",
        "| --- | --- | --- |",
        r"| 1 | Kyle Busch | 5040 \| final |",
        "[![](https://example.org/teaser.jpg)",
        "Seven questions before the debate](https://example.org/news/seven-questions)",
        "[A link whose text goes on",
        "on the next line](https://example.org/more)",
        '"delete"](e); x = 1',
        "* [MENU](javascript:void(0))",
        "[![fh180x1002x.jpg]()](https://example.org/promo)",
    ]
    assert markdown_views(lines) == [
        "Pos. Driver Points",
        "",
        "1 Kyle Busch 5040 | final",
        "",
        "Seven questions before the debate",
        "A link whose text goes on",
        "on the next line",
        '"delete"](e); x = 1',  # script text, not the end of a link
        "MENU",
        "",
    ]


def _menu_page(items: int) -> str:
    path = "section/" * 60
    menu = [f"* [Section {n}](https://example.org/{path}{n}?ref=menu)" for n in range(items)]
    return "\n\n".join([*menu, "# Council backs harbour repairs", *STORY]) + "\n"


def test_max_removed_weighs_markdown_as_a_reader_sees_it() -> None:
    """A menu of long link targets is most of the text as written, not as read: it goes."""
    page = _menu_page(40)
    menu_chars = sum(len(line) for line in page.split("\n") if line.startswith("* ["))
    assert menu_chars > 0.9 * len(page)  # counted as written, the menu is the page
    proposal = remove_chrome(max_removed=0.6)(Document.from_text(page))
    assert proposal.warnings == ()
    gone = [page[edit.span.start : edit.span.end].strip() for edit in proposal.edits]
    assert sum(map(len, gone)) > 0.6 * len(page)  # (as written: past the cap)
    assert sum(line.startswith("* [Section") for line in gone) >= 20
    assert not any(line in gone for line in STORY)


def test_max_removed_still_holds_for_markdown() -> None:
    """Past the cap, counted in what a reader sees, nothing goes and a warning says so."""
    page = _menu_page(40)
    proposal = remove_chrome(max_removed=0.1)(Document.from_text(page))
    assert proposal.edits == ()
    assert any("max_removed=0.1" in warning for warning in proposal.warnings)


RELATED = [
    "## Related",
    "* [Harbour closed to larger boats after the storm](https://example.org/news/harbour-closed)",
    "* [Council sets next year's budget](https://example.org/news/budget)",
    "* [Spring works: what changes for residents](https://example.org/news/spring-works)",
]
#: A line that is one link, alone between paragraphs of the story.
LONE_LINK = "[The council's full statement](https://example.org/statement.pdf)"


def _rules(text: str, **options: object) -> dict[str, str]:
    """Each line `remove_chrome` removes from `text`, with its rule id."""
    proposal = remove_chrome(**options)(Document.from_text(text))  # type: ignore[arg-type]
    return {text[edit.span.start : edit.span.end].strip(): edit.rule for edit in proposal.edits}


@pytest.mark.parametrize("model", [True, False])
def test_a_list_of_links_goes_and_a_lone_link_stays(model: bool) -> None:
    story = [*STORY[:2], LONE_LINK, *STORY[2:]]
    page = "\n\n".join(["# Council backs harbour repairs", *story, *RELATED]) + "\n"
    rules = _rules(page, model=model)
    for line in RELATED[1:]:
        assert rules.get(line) == "chrome.link_list"
    assert LONE_LINK not in rules
    assert not any(line in rules for line in STORY)


def test_links_that_meet_once_a_line_between_them_goes_form_a_list() -> None:
    """Two links with a share bar between them: the bar goes (a rule), then the two links stand
    in a row and go as a list, in the same cleaning, so a second cleaning finds nothing more."""
    links = RELATED[1:3]
    page = "\n\n".join(["# Council backs harbour repairs", *STORY, links[0], "Share", links[1]])
    rules = _rules(page + "\n", model=False)
    assert rules.get("Share") is not None
    assert rules.get(links[0]) == rules.get(links[1]) == "chrome.link_list"
    once = clean(page, html=False).text
    assert clean(once, html=False).text == once


def test_link_shares_count_what_a_reader_sees() -> None:
    from scrapeclean.cleaners._markdown import link_shares

    lines = [
        "* [Home](/)",
        "Teaser headline](/story)",
        "See [the report](https://example.org/r) for the details of the plan.",
        "no link at all",
    ]
    shares = link_shares(lines, markdown_views(lines))
    assert shares[:2] == [1.0, 1.0]
    assert 0.1 < shares[2] < 0.5
    assert shares[3] == 0.0


def test_a_table_keeps_a_text_markdown_once_its_links_are_gone() -> None:
    """Cleaned of its menu, a page holding a table (an empty one for layout, here) is still
    read as Markdown: cleaning it again changes nothing (the empty cells and the header rule
    are markup, not lines to judge)."""
    layout = "| |\n| --- |\n| |"
    parts = [*MENU, "# Council backs harbour repairs", "Published: 2024-03-05 10:12", layout]
    page = "\n\n".join([*parts, *STORY, *FOOTER]) + "\n"
    once = clean(page, html=False).text
    assert "* [Sport]" not in once and "| --- |" in once
    assert looks_like_markdown(once)  # (its links and headings alone no longer say so)
    assert clean(once, html=False).text == once
