"""The two trees the HTML reader walks: lxml's (for markup given as text) and bs4's (the caller's).

Markup given as ``str`` (or bytes, once decoded) is parsed with lxml's HTML parser (libxml2):
building that tree is many times faster than bs4's ``html.parser``, and it is the larger part of
reading a page. A ``BeautifulSoup`` or ``Tag`` the caller passes is read as it is. The reader
(`scrapeclean._html`) asks both trees the same few questions through `LxmlPage` and
`SoupPage`: the ``<meta>`` elements, the JSON-LD scripts, the first element of a name and its
text, links by ``rel``. So the page's metadata is read the same way from either tree.

libxml2 gives up on a page nested deeper than it allows (it stops reading and keeps only what it
read): `parse_html` then returns None and the reader falls back to ``html.parser``, which has no
depth limit, so no text is lost.

libxml2 records the line of each element but not its column: `StartTags` finds each element's
start tag in the markup by scanning the start tags in order (`StartTags.locate`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import regex

from scrapeclean._model import Span, trusted_span

if TYPE_CHECKING:
    from bs4 import Tag
    from lxml.etree import _Element

__all__ = [
    "LxmlPage",
    "SoupPage",
    "StartTags",
    "comment_tails",
    "lxml_strings",
    "lxml_text",
    "parse_html",
    "walk_events",
]

#: Characters no HTML parser keeps (NUL) or that libxml2 refuses in a text string (lone
#: surrogates): each becomes U+FFFD, one character for one, so that line numbers and offsets
#: in the markup stay as they were.
_UNREADABLE = regex.compile(r"[\x00\ud800-\udfff]")
#: Elements whose strings are not page text in bs4's ``get_text()`` (script, style and template
#: contents, ruby annotations): `lxml_text` leaves them out too, so both trees give one text.
_NOT_STRINGS = frozenset({"script", "style", "template", "rt", "rp"})


def parse_html(markup: str) -> _Element | None:
    """The lxml tree of `markup` (its ``<html>`` element), or None when libxml2 could not read it.

    None means: empty markup (no element at all) or a page libxml2 stopped reading (nested
    deeper than it allows, or another fatal error); the caller then reads it with
    ``html.parser``, which has no such limits.
    """
    from lxml import etree

    if "\x00" in markup:
        markup = _UNREADABLE.sub("\ufffd", markup)
    try:
        data = markup.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        markup = _UNREADABLE.sub("\ufffd", markup)
        data = markup.encode("utf-8")
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError:  # an empty document: no element to read
        return None
    if root is None or any(error.level_name == "FATAL" for error in parser.error_log):
        return None
    _merge_html_attributes(root, markup)
    return root


#: An ``<html>`` start tag (group 1), or a comment (which may hold one that does not count).
_HTML_TAG = re.compile(r"<!--.*?(?:-->|\Z)|(<html(?=[\s/>])[^>]*>)", re.DOTALL | re.IGNORECASE)


def _merge_html_attributes(root: _Element, markup: str) -> None:
    """Give the root the attributes of the page's ``<html>`` tag, as a browser does.

    When text comes before the ``<html>`` tag (a server's warning printed above the page),
    libxml2 implies the root element there and drops the attributes of the late tag
    (``lang`` among them); HTML's tree construction adds them to the root, the ones it lacks.
    An ``<html>`` tag in a comment (``<!--[if IE 8]><html class="ie8"><![endif]-->``) is none.
    """
    for found in _HTML_TAG.finditer(markup):
        if found.group(1) is not None:
            _merge_attributes(root, found.group(1))
            return


def _merge_attributes(root: _Element, start_tag: str) -> None:
    """Add to `root` the attributes of `start_tag` (an ``<html ...>`` tag) that it lacks."""
    from lxml import etree

    tag = etree.fromstring(start_tag.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    if tag is None:
        return
    for key, value in tag.attrib.items():
        try:
            if key not in root.attrib:
                root.set(key, value)
        except ValueError:  # a name lxml cannot use (``xmlns:og``, a control character)
            continue


def lxml_text(element: _Element) -> str:
    """The text of `element` and its descendants, as bs4's ``get_text()`` gives it."""
    return "".join(_pieces(element))


#: From this many comments and processing instructions on, a page is walked over elements only.
_MANY_COMMENTS = 1000


def walk_events(root: _Element) -> tuple[str, ...]:
    """The ``iterwalk`` events to walk `root` with: comments too, unless it has many of them.

    libxml2's walk with ``comment`` and ``pi`` events costs time quadratic in a run of sibling
    comments; without them, the text after each comment is read by `comment_tails`, which
    costs every element a look at its next sibling. A page with fewer than `_MANY_COMMENTS`
    (counted in C, stopping there) takes the first way, the others the second: the same text.
    """
    from lxml import etree

    found = itertools.islice(root.iter(etree.Comment, etree.ProcessingInstruction), _MANY_COMMENTS)
    if sum(1 for _ in found) < _MANY_COMMENTS:
        return ("start", "end", "comment", "pi")
    return ("start", "end")


def comment_tails(node: _Element | None) -> Iterator[str]:
    """The tails of the comments and processing instructions from `node` to the next element.

    A walk over elements only (``iterwalk`` with ``start`` and ``end`` events) reads the text
    after a comment here: at the start of its parent (from the first child) and at the end of
    the element before it (from that element's next sibling). Asking libxml2's walk for
    ``comment`` and ``pi`` events instead costs time quadratic in a run of sibling comments.
    """
    while node is not None and not isinstance(node.tag, str):
        tail = node.tail
        if tail:
            yield tail
        node = node.getnext()


def lxml_strings(element: _Element) -> Iterator[str]:
    """The strings of `element`'s text, in order, as bs4's ``strings`` gives them.

    One at a time, so that a reader wanting only the first few reads no further.
    """
    return _pieces(element)


def _pieces(element: _Element) -> Iterator[str]:
    """The strings of `element`'s text, in order (bs4's strings: no script, style or template)."""
    stack: list[tuple[_Element, bool]] = [(element, False)]
    while stack:
        node, tail = stack.pop()
        if tail:
            string = node.tail  # (lxml makes a new string at each reading)
            if string:
                yield string
            continue
        if not isinstance(node.tag, str) or node.tag in _NOT_STRINGS:
            continue
        string = node.text
        if string:
            yield string
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))


class LxmlPage:
    """The questions the reader asks of a page, answered from an lxml tree."""

    def __init__(self, root: _Element) -> None:
        self.root = root
        self._scripts: dict[str, list[str]] = {}

    def attributes(self, name: str) -> Iterator[dict[str, str]]:
        """The attributes of every `name` element, in document order."""
        for element in self.root.iter(name):
            yield _attributes(element)

    def first_text(self, name: str) -> str | None:
        """The text of the first `name` element (its strings joined by spaces), or None."""
        for element in self.root.iter(name):
            return " ".join(_pieces(element))
        return None

    def first_attribute(self, name: str, attribute: str) -> str | None:
        """The value of `attribute` on the first `name` element, or None."""
        for element in self.root.iter(name):
            value = element.get(attribute)
            return None if value is None else str(value)
        return None

    def first_with(self, name: str, attribute: str) -> str | None:
        """The value of `attribute` on the first `name` element that has it."""
        for element in self.root.iter(name):
            value = element.get(attribute)
            if value is not None:
                return str(value)
        return None

    def scripts(self, kind: str) -> Iterator[str]:
        """The contents of every ``<script type=kind>`` (found once: several readers ask)."""
        found = self._scripts.get(kind)
        if found is None:
            found = self._scripts[kind] = [
                element.text or ""
                for element in self.root.iter("script")
                if element.get("type") == kind
            ]
        return iter(found)

    def with_rel(self, name: str, rel: str) -> Iterator[tuple[dict[str, str], str]]:
        """The attributes and text of every `name` element whose ``rel`` words include `rel`."""
        for element in self.root.iter(name):
            value = element.get("rel")
            if value is not None and rel in value.split():
                yield _attributes(element), " ".join(_pieces(element))


    def _elements(self, path: str) -> list[_Element]:
        """The elements an XPath expression (one that selects elements only) finds."""
        found = self.root.xpath(path)
        return cast("list[_Element]", found) if isinstance(found, list) else []

    def marked_texts(
        self, itemprop: str, classes: frozenset[str], inner: frozenset[str]
    ) -> Iterator[str]:
        """The texts of the elements marked as `itemprop` or with one of `classes`.

        First every element whose ``itemprop`` words hold `itemprop`, then every element whose
        ``class`` words meet `classes`, in document order each. An element holding an
        ``itemprop=name`` (for the first) or an element of an `inner` class (for the second)
        gives that one's text instead: the name without its label.
        """
        for element in self._elements(f"//*[contains(@itemprop, '{itemprop}')]"):
            if itemprop in str(element.get("itemprop", "")).split():
                named = next(
                    (
                        child
                        for child in element.iter()
                        if "name" in str(child.get("itemprop", "")).split()
                    ),
                    element,
                )
                yield " ".join(_pieces(named))
        for element in self._elements("//*[@class]"):
            if classes.intersection(str(element.get("class", "")).split()):
                yield " ".join(_pieces(_inner(element, inner)))


def _inner(element: _Element, inner: frozenset[str]) -> _Element:
    """The first element under `element` of one of the `inner` classes, or `element`."""
    for child in element.iter():
        if child is not element and inner.intersection(str(child.get("class", "")).split()):
            return child
    return element


def _attributes(element: _Element) -> dict[str, str]:
    """The attributes of an element of a tree parsed from text (names and values are str)."""
    return {str(key): str(value) for key, value in element.items()}


class SoupPage:
    """The questions the reader asks of a page, answered from a bs4 tree (the caller's)."""

    def __init__(self, root: Tag) -> None:
        self.root = root

    def attributes(self, name: str) -> Iterator[dict[str, str]]:
        """The attributes of every `name` element, in document order."""
        for element in self.root.find_all(name):
            yield _flat(element.attrs)

    def first_text(self, name: str) -> str | None:
        """The text of the first `name` element (its strings joined by spaces), or None."""
        element = self.root.find(name)
        return None if element is None else element.get_text(" ")

    def first_attribute(self, name: str, attribute: str) -> str | None:
        """The value of `attribute` on the first `name` element, or None."""
        element = self.root.find(name)
        return None if element is None else _flat(element.attrs).get(attribute)

    def first_with(self, name: str, attribute: str) -> str | None:
        """The value of `attribute` on the first `name` element that has it."""
        element = self.root.find(name, attrs={attribute: True})
        return None if element is None else _flat(element.attrs).get(attribute)

    def scripts(self, kind: str) -> Iterator[str]:
        """The contents of every ``<script type=kind>``."""
        for element in self.root.find_all("script", attrs={"type": kind}):
            yield element.get_text()

    def with_rel(self, name: str, rel: str) -> Iterator[tuple[dict[str, str], str]]:
        """The attributes and text of every `name` element whose ``rel`` words include `rel`."""
        for element in self.root.find_all(name, attrs={"rel": True}):
            attrs = _flat(element.attrs)
            if rel in attrs.get("rel", "").split():
                yield attrs, element.get_text(" ")


    def marked_texts(
        self, itemprop: str, classes: frozenset[str], inner: frozenset[str]
    ) -> Iterator[str]:
        """As `LxmlPage.marked_texts`, from the bs4 tree."""
        for element in self.root.find_all(True, attrs={"itemprop": True}):
            if itemprop in _flat(element.attrs).get("itemprop", "").split():
                named = next(
                    (
                        tag
                        for tag in element.find_all(True)
                        if "name" in _flat(tag.attrs).get("itemprop", "").split()
                    ),
                    None,
                )
                yield (named or element).get_text(" ")
        for element in self.root.find_all(True, attrs={"class": True}):
            if classes.intersection(_flat(element.attrs).get("class", "").split()):
                found = next((tag for tag in element.find_all(True) if _marked(tag, inner)), None)
                yield (found or element).get_text(" ")


def _marked(tag: Tag, classes: frozenset[str]) -> bool:
    """Whether a bs4 element's ``class`` words meet `classes`."""
    return bool(classes.intersection(_flat(tag.attrs).get("class", "").split()))


def _flat(attrs: dict[str, Any]) -> dict[str, str]:
    """bs4 attributes as strings (its multi-valued ones, like ``class``, joined by spaces)."""
    return {
        key: " ".join(value) if isinstance(value, list) else str(value)
        for key, value in attrs.items()
    }


#: After ``<``: a comment, or a ``<script>`` or ``<style>`` element's contents (where ``<``
#: starts no tag), each written as an unrolled loop that runs through in one pass.
_NO_TAGS = (
    r"!--[^-]*(?:-(?!->)[^-]*)*(?:-->)?"
    r"|(?i:script|style)\b[^>]*>[^<]*(?:<(?!/(?i:script|style)\b)[^<]*)*"
)


@lru_cache(maxsize=256)
def _start_tags(names: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern of the start tags named `names` (any, when none), skipping where none starts.

    A start tag's match ends before its ``>`` (or at the end of the markup).

    Only the names wanted are matched, so the scan spends no Python time on the many inline
    tags (``<a>``, ``<span>``, ``<img>``).
    """
    wanted = "|".join(re.escape(name) for name in names) or r"[A-Za-z][^\t\n\r\f />\x00]*"
    return re.compile(rf"<(?:{_NO_TAGS}|((?i:{wanted}))(?=[\t\n\r\f />\x00]|\Z)[^>]*)")


#: The last line number libxml2 records: an element on a later line says this one.
_LAST_LINE = 65_535


class StartTags:
    """Where each element of an lxml tree starts in its markup.

    libxml2 records the line of an element (the line where its start tag ends), not the column.
    The start tags are scanned once, in order, and every element of the names wanted is matched
    in document order to the first start tag of its name after the previous match whose lines
    hold the element's line, and that has attributes when the element has (its first one). So
    a match is always a start tag of the element's name, on its line, in document order; an
    element the parser implied (``<html>``, ``<body>``, a ``<p>`` for a stray ``</p>``) gets
    None, and takes no later element's tag when that one has attributes. Past line 65,535
    libxml2 records 65,535: there the match is the next fitting tag of the name.
    """

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self._tags: dict[str, tuple[list[int], list[int]]] | None = None
        self._lines: list[int] = []
        self._cursor = 0

    def locate_elements(self, root: _Element, elements: list[_Element | None]) -> list[Span | None]:
        """The start tags of `elements` (of the tree `root`), or None where not found.

        Every element of their names is matched, in document order, so that an element that
        gave no block (or was never walked) still takes its own tag.
        """
        names = tuple(sorted({element.tag for element in elements if element is not None}))
        if not names:
            return [None] * len(elements)
        self._tags = self._scan(_start_tags(names))
        found: dict[_Element, tuple[int, int]] = {}
        wanted = {element for element in elements if element is not None}
        match = self._match
        for element in root.iter(*names):
            line = element.sourceline
            keys = element.keys()
            first = str(keys[0]) if keys else None
            at = match(element.tag, line if isinstance(line, int) else None, first)
            if at is not None and element in wanted:
                found[element] = at
        spans: list[Span | None] = []
        for item in elements:
            at = None if item is None else found.get(item)
            spans.append(None if at is None else trusted_span(*at))
        return spans

    def _scan(self, pattern: re.Pattern[str]) -> dict[str, tuple[list[int], list[int]]]:
        markup = self.markup
        tags: dict[str, tuple[list[int], list[int]]] = {}
        for match in pattern.finditer(markup):
            name = match.group(1)
            if name is None:
                continue
            starts, ends = tags.setdefault(name.lower(), ([], []))
            starts.append(match.start())
            ends.append(match.end())
        self._lines = [0] + [match.end() for match in re.finditer("\n", markup)]
        return tags

    def locate(self, name: str, line: int | None, attribute: str | None = None) -> Span | None:
        """The start tag of the next element named `name` on line `line` (1-based), or None.

        `attribute` is the element's first attribute (None when it has none): a tag without
        attributes is no match for an element with, and the other way round.
        """
        at = self._match(name, line, attribute)
        return None if at is None else Span(*at)

    def _match(self, name: str, line: int | None, attribute: str | None) -> tuple[int, int] | None:
        """`locate`, as the start and end offsets of the tag."""
        if line is None:
            return None
        tags = self._tags
        if tags is None:
            tags = self._tags = self._scan(_start_tags(()))
        found = tags.get(name)
        lines = self._lines
        count = len(lines)
        if found is None or not 1 <= line <= count:
            return None
        starts, ends = found
        cursor = self._cursor
        markup = self.markup
        # Past `_LAST_LINE` libxml2 says that line for any later one.
        next_line = lines[line] if line < count and line < _LAST_LINE else len(markup) + 1
        index = bisect_left(ends, max(cursor, lines[line - 1]))
        total = len(starts)
        while index < total and starts[index] < cursor:
            index += 1
        if index == total or starts[index] >= next_line:
            return None
        start, end = starts[index], min(len(markup), ends[index] + 1)
        if not _fits(markup[start:end], name, attribute):
            return None
        self._cursor = start + 1
        return start, end


def _fits(tag: str, name: str, attribute: str | None) -> bool:
    """Whether start tag `tag` may be an element named `name` whose first attribute is that."""
    rest = tag[1 + len(name) :].strip(" \t\n\r\f/>")
    if attribute is None:
        return not rest
    return attribute.lower() in rest.lower()
