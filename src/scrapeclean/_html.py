"""HTML to input text: the page's visible text as blocks, their DOM evidence, title and date.

Reading HTML keeps the *whole* visible page: one block per block-level element, paragraphs
separated by one blank line, a single line break for ``<br>``. Nothing is dropped here except
what a reader never sees (scripts, styles, templates, hidden elements, form values). For each
block the reader records the DOM's evidence as a `Block`: its tag and tag path, the nearest
landmark or ARIA role, the class and id words around it, the share of link and control text,
its depth and position, whether it sits in the content container (``itemprop=articleBody``,
the main ``<article>``, ``<main>``), and where its element is in the markup. Deciding what is
article is a pipeline step (`scrapeclean.cleaners.extract_html`), so every block it drops is a
recorded change.

The tree is walked with an explicit stack, so nesting depth costs no recursion, and every
element is entered and left once, so the time is linear in the size of the page. An lxml tree
is walked once for both the blocks and the page's date evidence: the walk shows the date reader
(`scrapeclean._page_dates.LxmlDateElements`) every element it enters and every subtree it skips.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from typing import TYPE_CHECKING, Any

import regex

from scrapeclean._author_names import author_names, name_shaped
from scrapeclean._dom import (
    LxmlPage,
    SoupPage,
    StartTags,
    comment_tails,
    lxml_text,
    parse_html,
    walk_events,
)
from scrapeclean._model import Block, Finding, Source, Span, trusted_block, trusted_span
from scrapeclean._page_dates import (
    NOTED,
    LxmlDateElements,
    PageElement,
    date_findings,
    elements_from_soup,
    interesting,
    ld_objects,
    split_words,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from bs4 import BeautifulSoup, Tag
    from lxml.etree import _Element

#: A page's tree, as the metadata readers ask it (`scrapeclean._dom`).
_Page = LxmlPage | SoupPage
#: Reads the blocks of a page, given the article bodies its structured data states.

__all__ = ["html_to_source", "read_blocks"]

#: Elements whose content a reader never sees as text.
_NEVER_TEXT = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "canvas", "object",
        "embed", "select", "option", "datalist", "input", "textarea", "head", "title", "meta",
        "link", "math", "rt", "rp",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
        "caption", "center", "body", "html",
    }
)  # fmt: skip
#: Elements that are landmarks themselves (the nearest one is recorded on each block).
_LANDMARK_TAGS = frozenset(
    {"nav", "header", "footer", "aside", "main", "article", "form", "menu", "dialog"}
)
_LANDMARK_ROLES = frozenset(
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "main", "article",
        "form", "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist",
    }
)  # fmt: skip
#: Empty elements: a line break (``<br>``) or a boundary between words.
_EMPTY = frozenset({"img", "hr", "wbr"})
#: The content candidates an element is by its name alone (`_candidate_kind`, no attributes).
_BARE_CANDIDATES = {"article": "article", "main": "main"}
#: Inline elements whose text is a control's label (counted in `Block.control_share`).
_CONTROLS = frozenset({"button", "label"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # (ASCII only: `re` does it quicker than `regex`)
#: The attributes of an element without any (shared: the reader never changes attributes).
_NO_ATTRIBUTES: dict[str, Any] = {}
_LANGUAGE_TAG = regex.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
#: How many class/id words and path levels a block keeps (the nearest ones), so that a page
#: nested 100,000 deep still costs a bounded amount per block.
_MAX_TOKENS = 24
_MAX_LEVELS = 32
_JSON_LD = "application/ld+json"


def html_to_source(markup: str | BeautifulSoup | Tag, *, selectors: tuple[str, ...] = ()) -> Source:
    """Read HTML into a `Source`: the page's text as blocks, and what the page states about itself.

    Markup given as text is parsed with lxml (`scrapeclean._dom.parse_html`), or with
    ``html.parser`` when libxml2 cannot read it (nesting deeper than it allows); a bs4 tree is
    read as it is. Either way the same walk and the same metadata rules run over it. Each
    block records which of the CSS `selectors` match its element or an ancestor.
    """
    if not isinstance(markup, str):
        marks = _soup_marks(markup, selectors)
        return _read_page(
            SoupPage(markup),
            lambda bodies: read_blocks(markup, bodies=bodies, marks=marks),
            lambda: elements_from_soup(markup),
        )
    root = parse_html(markup)
    if root is None:
        soup = _parse(markup)
        marks = _soup_marks(soup, selectors)
        return _read_page(
            SoupPage(soup),
            lambda bodies: read_blocks(soup, markup, bodies=bodies, marks=marks),
            lambda: elements_from_soup(soup),
        )
    matched, marks = _lxml_marks(root, selectors)
    dates = LxmlDateElements()  # gathered by the reader's walk
    source = _read_page(
        LxmlPage(root),
        lambda bodies: _read_lxml(root, markup, bodies, marks, dates),
        lambda: dates.elements(root),
    )
    del matched  # kept alive during the walk, so that each element keeps its id()
    return source


#: The caller's selectors that match each element, by the element's id().
_Marks = dict[int, tuple[str, ...]]


def _soup_marks(root: BeautifulSoup | Tag, selectors: tuple[str, ...]) -> _Marks:
    """Which `selectors` match each element of a bs4 tree (soupsieve, bs4's own engine)."""
    marks: dict[int, list[str]] = {}
    for selector in selectors:
        for tag in root.select(selector):
            marks.setdefault(id(tag), []).append(selector)
    return {key: tuple(value) for key, value in marks.items()}


def _lxml_marks(root: _Element, selectors: tuple[str, ...]) -> tuple[list[_Element], _Marks]:
    """Which `selectors` match each element of an lxml tree, and the matched elements.

    lxml makes a new Python object for an element unless one is alive: the matched elements
    are returned so that the caller keeps them alive while it walks the tree by id().
    """
    if not selectors:
        return [], {}
    from scrapeclean._selectors import lxml_select

    matched: list[_Element] = []
    marks: dict[int, list[str]] = {}
    for selector in selectors:
        for element in lxml_select(root, selector):
            matched.append(element)
            marks.setdefault(id(element), []).append(selector)
    return matched, {key: tuple(value) for key, value in marks.items()}


def _read_page(
    page: _Page,
    read: Callable[[tuple[str, ...]], Any],
    dates: Callable[[], list[PageElement]],
) -> Source:
    """The `Source` of a page: its blocks as `read` gives them, and its findings.

    `dates` gives the page's date evidence once `read` has run (the lxml reader gathers it
    in its walk).
    """
    text, blocks, container = read(_ld_article_bodies(page))
    findings: list[Finding] = []
    facts = _Facts(page)
    title = _title(page, facts)
    if title is not None:
        findings.append(Finding("title", title[0], "read_input", title[1], title[2]))
    findings.extend(date_findings(dates()))
    findings.extend(_page_facts(page, facts))
    return Source(
        text=text, format="html", blocks=blocks, findings=tuple(findings), container=container
    )


def _parse(markup: str) -> Tag:
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "html.parser")


def _clean_inline(text: str) -> str:
    """`text` with each run of ASCII whitespace made one space, trimmed."""
    if (
        "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text
    ):  # (else no run to fold: most lines, and scanning for these is quicker than `sub`)
        return _SPACES.sub(" ", text).strip()
    return text.strip()


#: Separators between a page title and the site's name ("Headline | Site", "Site - Headline").
_TITLE_SEPARATORS = regex.compile(r"(?<!\s)\s+(?:[|\-\u2013\u2014/\u00bb:]{1,2})\s+")
#: A title part this many words long or shorter is taken as a site name or a section, never
#: alone as the headline (so "On Recent Events - Jo Bloggs" stays whole).
_SHORT_TITLE_WORDS = 4


def _metas(page: _Page) -> dict[tuple[str, str], str]:
    """Every ``<meta>`` content by ``(attribute, lower-case key)``, the first one of each."""
    metas: dict[tuple[str, str], str] = {}
    for meta in page.attributes("meta"):
        content = _clean_inline(meta.get("content") or "")
        for attribute in ("property", "name", "itemprop"):
            key = meta.get(attribute)
            if key is not None and content:
                metas.setdefault((attribute, key.strip().lower()), content)
    return metas


class _Facts:
    """The page's ``<meta>`` contents and JSON-LD objects, each read once, on first use."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        self._metas: dict[tuple[str, str], str] | None = None
        self._ld: list[dict[str, Any]] | None = None

    @property
    def metas(self) -> dict[tuple[str, str], str]:
        if self._metas is None:
            self._metas = _metas(self.page)
        return self._metas

    @property
    def ld(self) -> list[dict[str, Any]]:
        if self._ld is None:
            self._ld = _ld_objects(self.page)
        return self._ld


def _title(page: _Page, facts: _Facts) -> tuple[str, str, float] | None:
    """The page's title: ``(title, origin, confidence)``, or None.

    The ``<title>`` element is what the page calls itself, decorated with the site's name; the
    headline is where it agrees with another statement: ``og:title`` held in it, or the first
    ``<h1>`` held in it (or starting with its first part). Else the ``<title>`` less a trailing
    (or, when ``og:site_name`` names it, leading) site name, when it is more than one word;
    then ``og:title``, the JSON-LD ``headline``, the first ``<h1>`` (on many pages the site's
    logo or a section name), and a one-word ``<title>`` last.
    """
    metas = facts.metas
    site = metas.get(("property", "og:site_name"))
    stated = metas.get(("property", "og:title"))
    text = _clean_inline(page.first_text("title") or "")
    heading = _clean_inline(page.first_text("h1") or "")
    if text:
        if stated and stated in text:
            return stated, "meta[property=og:title], within <title>", 0.8
        first = _TITLE_SEPARATORS.split(text)[0]
        if heading and (heading in text or (first != text and heading.startswith(first))):
            return heading, "<h1>", 0.8
        trimmed = _without_site_name(text, site)
        if len(trimmed.split()) > 1:
            origin = "<title>" if trimmed == text else "<title>, site name removed"
            return trimmed, origin, 0.8
    if stated:
        return _without_site_name(stated, site), "meta[property=og:title]", 0.75
    headline = _ld_value(facts.ld, "headline")
    if headline:
        return _clean_inline(headline), "json-ld headline", 0.75
    if heading:
        return heading, "<h1>", 0.6
    return (text, "<title>", 0.5) if text else None


def _without_site_name(title: str, site: str | None) -> str:
    """`title` less the site's name: the part `site` names, else a short trailing part."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        folded = site.casefold()
        if parts[-1].casefold() == folded:
            return _rejoin(title, parts[:-1])
        if parts[0].casefold() == folded:
            return title[title.index(parts[1], len(parts[0])) :]
    separators = list(_TITLE_SEPARATORS.finditer(title))
    head = title[: separators[-1].start()]
    return head if len(head.split()) > _SHORT_TITLE_WORDS else title


def _rejoin(title: str, parts: list[str]) -> str:
    """The text of `title` up to the end of its part number ``len(parts)``."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    return title[: separators[len(parts) - 1].start()]


def _ld_objects(page: _Page) -> list[dict[str, Any]]:
    """The JSON-LD objects of the page, ``@graph`` members included (malformed ones skipped)."""
    return [item for script in page.scripts(_JSON_LD) for item in ld_objects(script)]


def _ld_value(objects: list[dict[str, Any]], key: str) -> str | None:
    """The first non-empty string the page's JSON-LD states under `key`."""
    for item in objects:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


#: Metas that name the article's author, the most specific first (Open Graph's
#: ``article:author`` is often a profile URL, which is skipped).
_AUTHOR_METAS = (
    ("name", "author"),
    ("property", "article:author"),
    ("property", "author"),
    ("name", "article:author_name"),
    ("name", "parsely-author"),
    ("name", "sailthru.author"),
    ("name", "byl"),
)


def _authors(page: _Page, facts: _Facts) -> tuple[tuple[str, ...], str] | None:
    """The page's stated authors and where they are stated.

    JSON-LD ``author`` first, then the author metas (`_AUTHOR_METAS`, in order; a profile URL
    is no name), then the text of ``rel=author`` links; each made a name by `author_name`
    ("View all posts by Jane Doe", "Jane Doe, Example.com": "Jane Doe").
    """
    for item in facts.ld:
        names = _ld_names(item.get("author"))
        if names:
            return names, "json-ld author"
    for attribute, key in _AUTHOR_METAS:
        stated = facts.metas.get((attribute, key))
        if stated and not stated.startswith(("http://", "https://", "@")):
            names = author_names([stated])
            if names:
                return names, f"meta[{attribute}={key}]"
    links = author_names(_clean_inline(text) for _, text in page.with_rel("a", "author"))
    return (links, "a[rel=author]") if links else None


#: Class names of a byline or of an author's name in it, in the markup of many themes.
_BYLINE_CLASSES = frozenset(
    {
        "byline",
        "byline-name",
        "byline__name",
        "byline__author",
        "author-name",
        "author_name",
        "authorname",
        "article-author",
        "article__author",
        "story-byline",
    }
)
#: Inside a byline, the element holding the name alone (hCard's ``fn``).
_NAME_CLASSES = frozenset({"fn", "author-name", "author_name", "byline__name", "byline-name"})
#: How many marked elements are read before giving up (a page of comments marks many).
_MAX_MARKED = 20
_MARKED_ORIGIN = "itemprop=author or byline class"
#: Markup is weaker evidence than metadata the page states for machines.
_MARKED_CONFIDENCE = 0.6


def _marked_author(page: _Page) -> tuple[str, ...] | None:
    """The author an element of the page marks: ``itemprop=author``, then a byline class.

    Weaker evidence than the metadata (read only when no metadata names one): only the first
    marked element that holds a name shaped like a person's ("Jane Doe", "JANE DOE",
    "Anne-Marie de Roe") counts.
    """
    for count, text in enumerate(page.marked_texts("author", _BYLINE_CLASSES, _NAME_CLASSES)):
        if count >= _MAX_MARKED:
            break
        names = tuple(name for name in author_names([_clean_inline(text)]) if name_shaped(name))
        if names:
            return names
    return None


def _ld_names(value: Any) -> tuple[str, ...]:
    """The names of a JSON-LD ``author`` value: a string, a Person, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and _clean_inline(name) and not name.startswith("http"):
            names.append(_clean_inline(name))
    return author_names(names)


def _page_facts(page: _Page, facts: _Facts) -> list[Finding]:
    """Language, canonical URL, site name and authors the page states, with provenance."""
    findings: list[Finding] = []
    for attribute in ("lang", "xml:lang"):
        lang = page.first_attribute("html", attribute)
        if lang is not None and _LANGUAGE_TAG.fullmatch(lang.strip()):
            language = lang.strip().split("-")[0].split("_")[0].lower()
            findings.append(Finding("language", language, "read_input", f"<html {attribute}>", 0.7))
            break
    canonical = None
    for attrs, _ in page.with_rel("link", "canonical"):
        if attrs.get("href"):
            canonical = attrs["href"].strip()
            break
    if canonical and canonical.startswith(("http://", "https://")):
        findings.append(Finding("url", canonical, "read_input", "link[rel=canonical]", 0.8))
    site = facts.metas.get(("property", "og:site_name"))
    if site:
        origin = "meta[property=og:site_name]"
        findings.append(Finding("site_name", site, "read_input", origin, 0.8))
    authors = _authors(page, facts)
    if authors is not None:
        findings.append(Finding("authors", authors[0], "read_input", authors[1], 0.8))
    elif (marked := _marked_author(page)) is not None:
        findings.append(
            Finding("authors", marked, "read_input", _MARKED_ORIGIN, _MARKED_CONFIDENCE)
        )
    return findings


@dataclass(slots=True)
class _Frame:
    """An open element during the walk, with the evidence its blocks inherit."""

    tag: str
    depth: int
    landmark: str | None
    tokens: tuple[str, ...]
    #: The frame of the enclosing element, and this element's number among its siblings of
    #: the same name: the path and selector are built from them when a block needs them.
    parent: _Frame | None
    number: int
    #: How many selector levels the element has (the document's own frame has none).
    levels: int
    link: bool
    control: bool
    #: A block element's node, and its number in document order among the block elements.
    element: Any = None
    order: int = 0
    markup: Span | None = None
    #: The block element whose block an inline element's text goes to; None for a block
    #: element (its own: a frame referring to itself would be a reference cycle).
    owner: _Frame | None = None
    #: The element's path and selector (joined by ``>``), each with its number of levels,
    #: once built (`_Frame.names`).
    built: tuple[str, int, str, int] | None = None
    #: How many children of each name the element has had so far (made on its first child).
    children: dict[str, int] | None = None
    candidate: str | None = None
    seen_at_entry: int = 0
    blocks_at_entry: int = 0
    #: The caller's selectors that match the element or an ancestor.
    selected: tuple[str, ...] = ()

    @property
    def deep(self) -> bool:
        """Whether the selector (and path) lost levels at the top (`_MAX_LEVELS`)."""
        return self.levels > _MAX_LEVELS

    def names(self) -> tuple[str, str]:
        """The path (tag names) and the selector from the top down, the last `_MAX_LEVELS` levels.

        Built on first use from the nearest ancestor already built, without recursion, so each
        frame is built once however deep the tree.
        """
        chain = []
        frame: _Frame | None = self
        while frame is not None and frame.built is None:
            chain.append(frame)
            frame = frame.parent
        for item in reversed(chain):
            parent = item.parent
            if parent is None or parent.built is None:
                item.built = ("", 0, "", 0) if item.tag == "#document" else (item.tag, 1, "", 0)
                continue
            path, paths, selector, selectors = parent.built
            name = item.tag
            part = (
                name if name in ("html", "body", "head") else f"{name}:nth-of-type({item.number})"
            )
            if paths and selectors and paths < _MAX_LEVELS and selectors < _MAX_LEVELS:
                # `_extend`, inline, for the usual case (each block's frames come here)
                item.built = (f"{path}>{name}", paths + 1, f"{selector}>{part}", selectors + 1)
            else:
                item.built = (*_extend(path, paths, name), *_extend(selector, selectors, part))
        assert self.built is not None
        return self.built[0], self.built[2]


def _extend(joined: str, levels: int, part: str) -> tuple[str, int]:
    """`joined` (``levels`` parts joined by ``>``) and `part`, with the levels it then has.

    Past `_MAX_LEVELS` the first part is dropped (no tag name or selector part holds a ``>``).
    """
    if not levels:
        return part, 1
    joined = f"{joined}>{part}"
    if levels < _MAX_LEVELS:
        return joined, levels + 1
    return joined[joined.index(">") + 1 :], levels


@dataclass(slots=True)
class _RawBlock:
    start: int
    end: int
    frame: _Frame
    link_share: float
    control_share: float


@dataclass(slots=True)
class _Candidate:
    """An element that may be the content container: its kind, visible size and blocks."""

    kind: str
    size: int
    first: int
    last: int


def read_blocks(
    root: Tag,
    markup: str | None = None,
    *,
    bodies: tuple[str, ...] = (),
    marks: _Marks | None = None,
) -> tuple[str, tuple[Block, ...], str | None]:
    """The visible text of `root`, its block table and the kind of content container found.

    `markup` is the HTML `root` was parsed from, when known: blocks then locate their element in
    it (`Block.markup`). `bodies` are article bodies that structured data states (JSON-LD
    ``articleBody``): the element holding the blocks they match may be the container.
    """
    reader = _Reader(markup, bodies, marks)
    reader.walk(root)
    return reader.finish()


def _read_lxml(
    root: _Element,
    markup: str,
    bodies: tuple[str, ...],
    marks: _Marks | None = None,
    dates: LxmlDateElements | None = None,
) -> tuple[str, tuple[Block, ...], str | None]:
    """`read_blocks` for the lxml tree of `markup` (`root` is its ``<html>`` element).

    The walk shows `dates` every element, for the page's date evidence.
    """
    reader = _Reader(markup, bodies, marks)
    reader.walk_lxml(root, StartTags(markup), LxmlDateElements() if dates is None else dates)
    return reader.finish()


#: What `_Reader.enter` says to do with an element's content: skip it, walk it, read it as
#: preformatted text, or read the text of an inline element without children (no frame).
_SKIP, _WALK, _PREFORMATTED, _LEAF = 0, 1, 2, 3


def _glues(before: str, after: str) -> bool:
    """Whether two words meeting at a tag boundary would read as one word without a space.

    A lower-case letter followed by a capital ("plague" + "Credit:") or a sentence mark followed
    by a letter ("Credit:" + "The") are two words that the page showed apart (by layout or
    styling); a capital followed by lower case ("<b>W</b>ord") is one word split by markup.
    """
    if before.islower() and after.isupper():
        return True
    return before in ".:;!?" and after.isalpha()


class _Reader:
    """One walk over a tree: the text, the blocks, and the content candidates."""

    def __init__(
        self, markup: str | None, bodies: tuple[str, ...] = (), marks: _Marks | None = None
    ) -> None:
        self.markup = markup
        #: The caller's selectors matching each element, by id() (`html_to_source`).
        self.marks = marks or {}
        self.bodies = tuple(_SPACES.sub(" ", body) for body in bodies)
        #: The block range ``(first, last)`` of every block element, when `bodies` need it.
        self.ranges: list[tuple[int, int]] | None = [] if bodies else None
        self.line_starts: list[int] | None = None
        #: Where the start tags of block elements are in the markup, given their frames in
        #: document order (set by the walk, when the tree was parsed from `markup` here).
        self.locate: Callable[[list[_Frame]], list[Span | None]] | None = None
        self.entered = 0
        self.chunks: list[str] = []
        self.length = 0
        self.parts: list[str] = []
        self.lines: list[str] = []
        self.boundary = False
        self.seen = 0
        self.chars = self.link_chars = self.control_chars = 0
        self.raw: list[_RawBlock] = []
        self.frames: list[_Frame] = []
        self.candidates: list[_Candidate] = []

    # -- the walk ---------------------------------------------------------------------------

    def walk(self, root: Tag) -> None:
        """Walk a bs4 tree: its tags, and its strings that are page text."""
        from bs4.element import NavigableString, Tag

        if self.markup is not None:
            self.locate = lambda frames: [self.soup_markup_span(f.element) for f in frames]
        stack: list[tuple[object, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            if isinstance(node, Tag):
                if not entering:
                    self.leave()
                    continue
                action = self.enter(_name(node), node.attrs, node, is_root=node is root)
                if action == _WALK:
                    stack.append((node, False))
                    stack.extend((child, True) for child in reversed(node.contents))
                elif action == _PREFORMATTED:
                    self.preformatted(node.get_text())
            elif type(node) is NavigableString:
                self.text(str(node))
        self.flush()

    def walk_lxml(self, root: _Element, tags: StartTags, dates: LxmlDateElements) -> None:
        """Walk an lxml tree from its document: elements, their text and their tails.

        The document itself is the root frame (as bs4's ``BeautifulSoup`` object is), so both
        trees give the same paths. A comment or processing instruction is no element, but the
        text after it (its tail) is page text (at its own event, or by `comment_tails` on a page
        walked over elements only: `walk_events`). `dates` is shown every element, in order.
        """
        from lxml import etree

        self.locate = lambda frames: tags.locate_elements(root, [frame.element for frame in frames])
        self.enter("#document", {}, None, is_root=True)
        opened: list[bool] = []  # per open element: whether it opened a frame
        order = dates.count  # elements seen, for the date evidence
        events = walk_events(root)
        siblings = "comment" not in events  # comments' tails are read beside the elements
        walker = etree.iterwalk(root, events=events)
        parts = self.parts  # (the one list of the open line's pieces)
        for event, node in walker:
            if event == "start":
                items = node.items()
                name = node.tag
                if items:
                    attrs = dict(items)
                    if name in NOTED or interesting(attrs):
                        dates.note(order, node, attrs)
                else:
                    attrs = _NO_ATTRIBUTES
                    if name in NOTED:
                        dates.note(order, node, attrs)
                order += 1
                action = self.enter(name, attrs, node, False, not len(node))
                if action == _WALK:
                    opened.append(True)
                    text = node.text  # (lxml makes a new string at each reading)
                    if text:
                        if text.isspace():  # `text`'s first case, inline: the most common
                            self.boundary = False
                            if parts:
                                parts.append(text)
                        else:
                            self.text(text)
                    if siblings and len(node) and not isinstance(node[0].tag, str):
                        for tail in comment_tails(node[0]):  # the comments it opens with
                            self.text(tail)
                    continue
                if action == _LEAF:
                    text = node.text
                    if text:
                        top = self.frames[-1]
                        link, control = top.link or name == "a", top.control or name in _CONTROLS
                        self.text(text, link, control)
                    self.boundary = True
                    opened.append(False)
                    continue
                if action == _PREFORMATTED:
                    self.preformatted(lxml_text(node))
                opened.append(False)
                dates.count = order
                dates.see_subtree(node)
                order = dates.count
                walker.skip_subtree()
                continue
            if event == "end" and opened.pop():
                self.leave()
            tail = node.tail
            if tail:
                if tail.isspace():  # as above
                    self.boundary = False
                    if parts:
                        parts.append(tail)
                else:
                    self.text(tail)
            if siblings and node is not root:
                following = node.getnext()
                if following is not None and not isinstance(following.tag, str):
                    for tail in comment_tails(following):  # the comments after it
                        self.text(tail)
        dates.count = order
        self.leave()
        self.flush()

    def enter(
        self, name: str, attrs: dict[str, Any], node: Any, is_root: bool = False, leaf: bool = False
    ) -> int:
        """Open element `node`; return what to do with its content (`_SKIP`, `_WALK`, ...).

        An inline element without children (`leaf`) opens no frame, as no element inherits
        from it: `_LEAF` says so, and the walk reads its text as the element's.
        """
        if not is_root and (
            name in _NEVER_TEXT or (attrs and _may_hide(attrs, name) and _hidden(attrs, name))
        ):
            return _SKIP
        if name == "br":
            self.end_line()
            return _SKIP
        if name in _EMPTY:
            self.boundary = True
            return _SKIP
        role = _role(attrs) if "role" in attrs else ""
        if role or "itemprop" in attrs:
            candidate = _candidate_kind(attrs, name, role)
        else:
            candidate = _BARE_CANDIDATES.get(name)
        block = is_root or name in _BLOCKS or candidate is not None
        if block:
            self.flush()
        else:
            self.boundary = True
            if leaf and not self.marks:
                self.count_child(name)
                return _LEAF
        frame = self.frame(node, attrs, name, block, role)
        if candidate is not None:
            frame.candidate = candidate
            frame.seen_at_entry = self.seen
        self.frames.append(frame)
        if name == "pre":
            return _PREFORMATTED
        return _WALK

    def leave(self) -> None:
        frame = self.frames[-1]
        if frame.owner is None:
            self.flush()
            if self.ranges is not None:
                self.ranges.append((frame.blocks_at_entry, len(self.raw)))
        else:
            self.boundary = True
        if frame.candidate is not None:
            self.candidates.append(
                _Candidate(
                    frame.candidate,
                    self.seen - frame.seen_at_entry,
                    frame.blocks_at_entry,
                    len(self.raw),
                )
            )
        self.frames.pop()

    def count_child(self, name: str) -> int:
        """Count a child named `name` of the open element; return its number among those."""
        parent = self.frames[-1]
        children = parent.children
        if children is None:
            parent.children = {name: 1}
            return 1
        number = children.get(name, 0) + 1
        children[name] = number
        return number

    def frame(
        self, node: Any, attrs: dict[str, Any], name: str, block: bool, role: str = ""
    ) -> _Frame:
        """The evidence of element `node` (of ARIA `role`), inherited from the element it is in.

        A block element (and the document) owns the text it holds; an inline element's text
        belongs to the block it is in.
        """
        frames = self.frames
        if not frames:
            frame = _Frame(name, 0, None, (), None, 0, 0, False, False)
            parent = None
        else:
            parent = frames[-1]
            children = parent.children
            if children is None:
                number = 1
                parent.children = {name: 1}
            else:
                number = children.get(name, 0) + 1
                children[name] = number
            if attrs:
                own = _words(attrs)
                tokens = (parent.tokens + own)[-_MAX_TOKENS:] if own else parent.tokens
                landmark = _landmark(name, role) or parent.landmark
            else:
                tokens = parent.tokens
                landmark = name if name in _LANDMARK_TAGS else parent.landmark
            frame = _Frame(  # positional: the walk makes one per element
                name,
                parent.depth + 1,
                landmark,
                tokens,
                parent,
                number,
                parent.levels + 1,
                parent.link or name == "a",
                parent.control or name in _CONTROLS,
            )
            if not block:
                frame.owner = parent if parent.owner is None else parent.owner
        if self.marks:
            inherited = parent.selected if parent is not None else ()
            own = self.marks.get(id(node), ())
            frame.selected = tuple(dict.fromkeys(inherited + own)) if own else inherited
        if block:
            frame.element = node
            frame.order = self.entered
            self.entered += 1
            frame.blocks_at_entry = len(self.raw)
        return frame

    def text(self, value: str, link: bool | None = None, control: bool = False) -> None:
        """Add page text, inside the open element or, given `link` and `control`, an inline one."""
        if not value:
            return
        parts = self.parts
        if value.isspace():  # indentation between tags, most often: no glue to decide
            self.boundary = False
            if parts:
                parts.append(value)
            return
        visible = sum(map(len, value.split()))  # not blank: at least one character
        if link is None:
            frame = self.frames[-1]
            link, control = frame.link, frame.control
        self.seen += visible
        self.chars += visible
        if link:
            self.link_chars += visible
        if control:
            self.control_chars += visible
        if self.boundary:
            if parts and _glues(parts[-1][-1], value[0]):
                parts.append(" ")
            self.boundary = False
        parts.append(value)

    def preformatted(self, text: str) -> None:
        """A ``<pre>`` element (open, with its `text`): one block, line breaks and spacing kept."""
        value = text.strip("\n")
        visible = len("".join(value.split()))
        self.seen += visible
        if value.strip():
            frame = self.frames[-1]
            self.chars += visible
            if frame.link:
                self.link_chars += visible
            self.emit(value.rstrip(), frame)
        self.leave()

    # -- blocks -----------------------------------------------------------------------------

    def end_line(self) -> None:
        if not self.parts:
            return
        line = _clean_inline("".join(self.parts))
        self.parts.clear()
        if line:
            self.lines.append(line)

    def flush(self) -> None:
        """End the open block, if it has text."""
        if self.parts:
            self.end_line()
        lines = self.lines
        if lines:
            if self.frames:
                top = self.frames[-1]
                self.emit("\n".join(lines), top if top.owner is None else top.owner)
            lines.clear()
        self.chars = self.link_chars = self.control_chars = 0
        self.boundary = False

    def emit(self, value: str, frame: _Frame) -> None:
        if self.chunks:
            self.chunks.append("\n\n")
            self.length += 2
        start = self.length
        self.chunks.append(value)
        self.length += len(value)
        self.raw.append(
            _RawBlock(
                start, self.length, frame, _share(self.link_chars, self.chars),
                _share(self.control_chars, self.chars),
            )
        )  # fmt: skip
        self.chars = self.link_chars = self.control_chars = 0

    def soup_markup_span(self, tag: Tag) -> Span | None:
        """Where `tag`'s start tag is in the markup (``html.parser`` records line and column)."""
        line, column = getattr(tag, "sourceline", None), getattr(tag, "sourcepos", None)
        if self.markup is None or not isinstance(line, int) or not isinstance(column, int):
            return None
        if self.line_starts is None:
            self.line_starts = [0] + [m.end() for m in regex.finditer(r"\r\n?|\n", self.markup)]
        if not 1 <= line <= len(self.line_starts):
            return None
        start = self.line_starts[line - 1] + column
        if start >= len(self.markup) or self.markup[start] != "<":
            return None
        end = self.markup.find(">", start)
        return Span(start, len(self.markup) if end < 0 else end + 1)

    def locate_blocks(self) -> None:
        """Find the start tag of each element that gave a block, in document order."""
        if self.locate is None:
            return
        frames = sorted({id(raw.frame): raw.frame for raw in self.raw}.values(), key=_order)
        for frame, span in zip(frames, self.locate(frames), strict=True):
            frame.markup = span
        self.locate = None  # (the bs4 walk's refers to the reader: no cycle is left behind)

    def finish(self) -> tuple[str, tuple[Block, ...], str | None]:
        """The text, the block table, and the kind of content container found (or None)."""
        text = "".join(self.chunks)
        if self.ranges:
            stated = _stated_body(text, self.raw, self.ranges, self.bodies)
            if stated is not None:
                self.candidates.append(stated)
        inside = _container(self.candidates, self.seen, self.raw)
        self.locate_blocks()
        length = max(1, len(text))
        blocks = []
        for index, raw in enumerate(self.raw):
            frame = raw.frame
            prefix = "…>" if frame.deep else ""
            path, selector = frame.names()
            blocks.append(
                trusted_block(
                    span=trusted_span(raw.start, raw.end),
                    tag=frame.tag,
                    path=prefix + path,
                    landmark=frame.landmark,
                    tokens=frame.tokens,
                    link_share=raw.link_share,
                    depth=frame.depth,
                    position=round(raw.start / length, 4),
                    in_main=inside is not None and inside.first <= index < inside.last,
                    markup=frame.markup,
                    selector=prefix + selector,
                    control_share=raw.control_share,
                    selected=frame.selected,
                )
            )
        return text, tuple(blocks), None if inside is None else inside.kind


def _share(part: int, whole: int) -> float:
    """`part` of `whole` characters as a share, to 3 places (0.0 for none: most blocks)."""
    return round(min(1.0, part / max(1, whole)), 3) if part else 0.0


def _order(frame: _Frame) -> int:
    return frame.order


def _name(tag: Tag) -> str:
    name = tag.name or ""
    return "#document" if name == "[document]" else name.lower()


def _may_hide(attrs: dict[str, Any], name: str) -> bool:
    """A quick first look: whether `_hidden` may say yes (an attribute it reads is there)."""
    return "hidden" in attrs or "aria-hidden" in attrs or "style" in attrs or name == "dialog"


def _hidden(attrs: dict[str, Any], name: str) -> bool:
    """Whether a reader never sees an element (hidden, aria-hidden, inline style, shut dialog)."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if name == "dialog" and "open" not in attrs:
        return True
    style = attrs.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def _words(attrs: dict[str, Any]) -> tuple[str, ...]:
    """The class and id words of an element, lower case (``"social-share"`` gives two words)."""
    classes = attrs.get("class")
    ident = attrs.get("id")
    if classes is None and ident is None:
        return ()
    if classes is not None and not isinstance(classes, str):  # bs4: a list of class names
        classes = " ".join(str(value) for value in classes)
    if not isinstance(ident, str):
        return _split_words(classes) if classes else ()
    return _split_words(f"{classes} {ident}" if classes else ident)


@lru_cache(maxsize=4096)
def _split_words(value: str) -> tuple[str, ...]:
    """The lower-case words of a class/id string (pages repeat them, so they are cached)."""
    return tuple(filter(None, split_words(value)))


def _role(attrs: dict[str, Any]) -> str:
    role = attrs.get("role")
    return role.split()[0].lower() if isinstance(role, str) and role.strip() else ""


def _landmark(name: str, role: str) -> str | None:
    """The landmark an element named `name`, of ARIA `role`, is (or None)."""
    if name in _LANDMARK_TAGS:
        return name
    return role if role in _LANDMARK_ROLES else None


def _candidate_kind(attrs: dict[str, Any], name: str, role: str) -> str | None:
    """Whether an element (of ARIA `role`) may be the content container, and as what."""
    if name == "article":
        return "article"
    if name == "main":
        return "main"
    if not attrs:
        return None
    itemprop = attrs.get("itemprop")
    if isinstance(itemprop, str) and "articlebody" in itemprop.lower().split():
        return "itemprop=articleBody"
    if name == "article" or role == "article":
        return "article"
    if name == "main" or role == "main":
        return "main"
    return None


#: The share of the page's visible text an ``<article>`` must hold to be the container.
_ARTICLE_SHARE = 0.3
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _container(
    candidates: list[_Candidate], total: int, raw: Sequence[_RawBlock]
) -> _Candidate | None:
    """The content container, or None when the page has none (the whole page is content).

    The largest ``itemprop=articleBody`` element holding enough of the page's visible text
    (structured data naming the body), else the element JSON-LD ``articleBody`` points at
    (`_stated_body`), else the largest ``<article>`` (or ``role=article``)
    holding enough, else the largest ``<main>`` (or ``role=main``) unless it holds headings
    only (a theme's ``<main>`` with the title, the story elsewhere). `raw` are the page's
    blocks, in order.
    """
    bodies = [c for c in candidates if c.kind == "itemprop=articleBody" and c.size > 0]
    if bodies:
        best = max(bodies, key=_size_then_outer)
        if best.size >= _ARTICLE_SHARE * total:
            return best
    for candidate in candidates:
        if candidate.kind == _JSON_LD_BODY:
            return candidate
    articles = [c for c in candidates if c.kind == "article" and c.size > 0]
    if articles:
        best = max(articles, key=_size_then_outer)
        if best.size >= _ARTICLE_SHARE * total:
            return best
    mains = [c for c in candidates if c.kind == "main" and c.size > 0]
    if mains:
        best = max(mains, key=_size_then_outer)
        if not all(raw[i].frame.tag in _HEADINGS for i in range(best.first, best.last)):
            return best
    return None


def _size_then_outer(candidate: _Candidate) -> tuple[int, int]:
    """Order candidates by size, the outer (earlier) one first on a tie."""
    return candidate.size, -candidate.first


_JSON_LD_BODY = "json-ld articleBody"
#: A block shorter than this is not matched against a stated body (too likely to recur).
_MIN_MATCHED_BLOCK = 40
#: The stated body must match at least this many characters of the page's blocks.
_MIN_MATCHED = 200
#: The container must hold this share of the matched characters.
_MATCHED_SHARE = 0.8


def _ld_article_bodies(page: _Page) -> tuple[str, ...]:
    """The ``articleBody`` texts that the page's JSON-LD states (malformed JSON-LD is skipped)."""
    bodies: list[str] = []
    for raw in page.scripts(_JSON_LD):
        if "articleBody" not in raw:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and len(body) >= _MIN_MATCHED:
                    # Many sites state it with HTML entities left in ("world&#039;s").
                    bodies.append(unescape(body) if "&" in body else body)
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return tuple(bodies)


def _stated_body(
    text: str, raw: list[_RawBlock], ranges: list[tuple[int, int]], bodies: tuple[str, ...]
) -> _Candidate | None:
    """The smallest element holding most of the blocks that a stated article body contains."""
    matched = [0]
    for block in raw:
        value = _SPACES.sub(" ", text[block.start : block.end])
        hit = len(value) >= _MIN_MATCHED_BLOCK and any(value in body for body in bodies)
        matched.append(matched[-1] + (len(value) if hit else 0))
    total = matched[-1]
    if total < _MIN_MATCHED:
        return None
    best: tuple[int, int] | None = None
    for first, last in ranges:
        if matched[last] - matched[first] >= _MATCHED_SHARE * total and (
            best is None or last - first < best[1] - best[0]
        ):
            best = (first, last)
    if best is None:
        return None
    size = sum(raw[index].end - raw[index].start for index in range(*best))
    return _Candidate(_JSON_LD_BODY, size, best[0], best[1])
