"""HTML to input text: the main content's blocks as paragraphs, plus the page's title and date.

This is a first cut: it drops elements that never hold article text (scripts, navigation,
forms, asides, page footers), picks the largest ``<article>`` (or ``<main>``, or ``<body>``) as
the content root, and writes each block element as a paragraph, one blank line between
paragraphs and a single line break for ``<br>``. The text cleaners then run on that text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

import regex

from scrapeclean._model import Finding, Source

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

__all__ = ["html_to_source"]

_NEVER_TEXT = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "canvas", "object",
        "embed", "select", "option", "button", "input", "textarea", "form", "nav", "aside",
        "head", "title", "meta", "link", "dialog", "menu",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "ul", "caption", "center",
    }
)  # fmt: skip
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
_SPACES = regex.compile(r"[ \t\r\n\f\v]+")
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.created"),
    ("property", "og:published_time"),
)
_LD_PUBLISHED = regex.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


def html_to_source(markup: str | BeautifulSoup | Tag) -> Source:
    """Read HTML into a `Source`: the content text, the title and the published time."""
    soup = _parse(markup) if isinstance(markup, str) else markup
    findings: list[Finding] = []
    title = _title(soup)
    if title is not None:
        findings.append(Finding("title", title[0], "read_input", title[1], title[2]))
    published = _published(soup)
    if published is not None:
        findings.append(Finding("published", published[0], "read_input", published[1], 0.8))
    root = _content_root(soup)
    text = "\n\n".join(_paragraphs(root))
    return Source(text=text, format="html", findings=tuple(findings))


def _parse(markup: str) -> Tag:
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "html.parser")


def _clean_inline(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _title(soup: Tag) -> tuple[str, str, float] | None:
    """The page's title: ``(title, origin, confidence)``, or None."""
    meta = soup.find("meta", attrs={"property": "og:title"})
    if meta is not None:
        content = _clean_inline(str(meta.get("content") or ""))
        if content:
            return content, "meta[property=og:title]", 0.8
    for name, confidence in (("h1", 0.7), ("title", 0.6)):
        tag = soup.find(name)
        if tag is not None:
            text = _clean_inline(tag.get_text(" "))
            if text:
                return text, f"<{name}>", confidence
    return None


def _published(soup: Tag) -> tuple[datetime, str] | None:
    """The page's stated publication time and where it was stated, or None."""
    metas: dict[tuple[str, str], str] = {}
    for meta in soup.find_all("meta"):
        content = str(meta.get("content") or "")
        for attribute in ("property", "name", "itemprop"):
            key = meta.get(attribute)
            if isinstance(key, str) and content:
                metas.setdefault((attribute, key.strip().lower()), content)
    for attribute, value in _PUBLISHED_META:
        stated = metas.get((attribute, value.lower()))
        if stated is not None:
            found = _parse_time(stated)
            if found is not None:
                return found, f"meta[{attribute}={value}]"
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        match = _LD_PUBLISHED.search(script.get_text())
        if match is not None:
            try:
                stated = json.loads(f'"{match.group(1)}"')
            except ValueError:
                continue
            found = _parse_time(stated)
            if found is not None:
                return found, "json-ld"
    time_tag = soup.find("time", attrs={"datetime": True})
    if time_tag is not None:
        found = _parse_time(str(time_tag.get("datetime") or ""))
        if found is not None:
            return found, "<time datetime>"
    return None


def _parse_time(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    from scrapeclean.dates import parse_date

    return parse_date(value)


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _NEVER_TEXT:
        return True
    role = tag.get("role")
    if isinstance(role, str) and role.lower() in _CHROME_ROLES:
        return True
    return tag.get("hidden") is not None or tag.get("aria-hidden") == "true"


def _content_root(soup: Tag) -> Tag:
    articles = soup.find_all("article")
    if articles:
        best = max(articles, key=lambda tag: len(tag.get_text()))
        body = soup.find("body")
        whole = body if body is not None else soup
        if len(best.get_text()) >= 0.3 * len(whole.get_text()):
            return best
    main = soup.find("main")
    if main is not None:
        return main
    body = soup.find("body")
    return body if body is not None else soup


def _paragraphs(root: Tag) -> Iterator[str]:
    """The block-level paragraphs under `root`, whitespace collapsed (kept inside ``<pre>``)."""
    from bs4.element import Comment, NavigableString, Tag

    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = _clean_inline("".join(current))
        current.clear()
        if line:
            lines.append(line)

    def end_paragraph() -> Iterator[str]:
        end_line()
        if lines:
            yield "\n".join(lines)
            lines.clear()

    stack: list[tuple[object, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                current.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        if not entering:
            if node.name in _BLOCKS:
                yield from end_paragraph()
            continue
        if node is not root and _is_chrome(node):
            continue
        if node.name == "br":
            end_line()
            continue
        if node.name == "pre":
            yield from end_paragraph()
            text = node.get_text().strip("\n")
            if text.strip():
                yield text
            continue
        if node.name in _BLOCKS:
            yield from end_paragraph()
        stack.append((node, False))
        stack.extend((child, True) for child in reversed(node.contents))
    yield from end_paragraph()
