"""`remove_chrome` on page text wrapped at a fixed width: judged a paragraph at a time."""

from __future__ import annotations

import textwrap

from scrapeclean import Document, clean
from scrapeclean.cleaners import remove_chrome
from scrapeclean.cleaners._text import nonblank_lines
from scrapeclean.cleaners._wrap import joined, unwrapped, wrap_width

STORY = [
    "The city council voted on Tuesday to rebuild the old harbour wall, ending a debate that "
    "had run for more than three years and divided the residents of the old town.",
    "Work will begin in the spring and is expected to last until the end of next year, the "
    "council's planning committee said in a statement published on its website on Wednesday.",
    "Residents who had campaigned for the repairs said they were relieved, although some "
    "worried about the noise and the traffic that the building work would bring to the "
    "narrow streets around the harbour.",
    "The wall was damaged in a storm two winters ago, and since then the harbour has been "
    "closed to larger boats for most of the year, which has hurt the town's fishing fleet.",
    "A spokeswoman for the fishermen's association said the decision was long overdue and "
    "that its members would be watching closely to make sure the work stays on schedule.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact"]
COOKIES = (
    "We use cookies to improve your experience on our website. By continuing to browse this "
    "site you agree to our use of cookies and to our privacy policy and terms of use."
)


def _page(width: int | None) -> str:
    def fill(paragraph: str) -> str:
        return paragraph if width is None else textwrap.fill(paragraph, width)

    blocks = ["\n".join(MENU), "Council backs harbour repairs", *map(fill, STORY), fill(COOKIES)]
    return "\n\n".join(blocks) + "\n"


def test_the_width_of_wrapped_text_is_found() -> None:
    assert wrap_width(_page(78).split("\n")) == 78
    # The longest full line, when none reaches the width (twice: enough full lines).
    assert wrap_width((_page(100) * 2).split("\n")) == 99


def test_text_that_is_not_wrapped_has_no_width() -> None:
    assert wrap_width(_page(None).split("\n")) is None
    menu = [f"Section {n} of the site" for n in range(40)]
    assert wrap_width(menu) is None


def test_source_code_is_not_wrapped_text() -> None:
    """Lines of script or style sheet of like lengths (page source read as text) are no
    paragraphs: a first cleaning that took some of them would read the rest otherwise."""
    code = [
        "                    form.addEventListener('submit', handler, false);",
        "                    background-color: rgba(0, 0, 0, 0.37) !important;",
        "  .widget_price_filter .price_slider_amount .button:focus, .basel-dark,",
        '  <div class="article-banner-adver-wrapper group" style="text-align: c">',
    ]
    assert wrap_width(code * 10) is None


def test_wrapped_markdown_is_wrapped_text() -> None:
    paragraph = (
        "The council's [planning committee](https://example.org/committee/planning) said in a "
        "statement that work on the [harbour wall](https://example.org/harbour-wall-works) would "
        "begin in the spring and last until the end of next year, weather permitting. "
    )
    text = "\n\n".join(textwrap.fill(paragraph * 3, 78) for _ in range(4))
    assert wrap_width(text.split("\n")) is not None


def test_paragraphs_are_joined_and_items_are_not() -> None:
    text = (
        "A paragraph that runs on past the width of the text and was cut into three\n"
        "lines, as a wrapping writer cuts them, with a word that has a hyphen: well-\n"
        "known.\n"
        "* a list item\n* another one\n"
    )
    lines, _ = nonblank_lines(text)
    joined_lines = unwrapped(text, lines, 75)
    assert [line.text.strip() for line in joined_lines] == [
        "A paragraph that runs on past the width of the text and was cut into three lines, as a "
        "wrapping writer cuts them, with a word that has a hyphen: well-known.",
        "* a list item",
        "* another one",
    ]
    first = joined_lines[0]
    assert text[first.start : first.end].count("\n") == 2  # it spans its three lines
    assert joined("well-\nknown") == "well-known" and joined("cut\ninto") == "cut into"


def test_a_wrapped_page_loses_what_its_unwrapped_twin_loses() -> None:
    """The story stays whole and the cookie notice goes whole, as they do from the same page
    with a line for each paragraph: no fragment of a paragraph is judged alone."""
    for width in (None, 78):
        kept = clean(_page(width), html=False).text
        paragraphs = [joined(part) for part in kept.split("\n\n")]
        assert all(paragraph in paragraphs for paragraph in STORY), width
        assert "cookies" not in kept, width
    page = _page(78)
    proposal = remove_chrome()(Document.from_text(page))
    gone = [page[edit.span.start : edit.span.end] for edit in proposal.edits]
    assert any("We use cookies" in part and "terms of use." in part for part in gone)
