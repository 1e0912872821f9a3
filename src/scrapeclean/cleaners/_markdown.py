"""What a Markdown line says without its markup, for the line-based cleaners to read.

Page text often reaches us as Markdown (html2text, markdownify and the scraping services that
hand pages to language models write it): link targets, heading marks, bullets, emphasis and
escapes around the words a reader sees. `remove_chrome` judges lines by what they say and how
they look, and its model learned from page text without markup; a link target or a ``###``
changes both. `markdown_views` gives each line's visible words (``[Read more](/more)`` reads
"Read more"), so the cleaner judges the same line it would judge in flattened page text; the
removals still take the whole line, markup and all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["looks_like_markdown", "markdown_views"]

#: An image, ``![alt](src "title")``: nothing of it is seen (flattened page text has no alt).
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)")
#: An inline link, ``[text](target "title")``: its text stays (read after the images, so a
#: linked image is a link with no text). A target has no space and no parenthesis, the link
#: follows no bracket and its text is no quoted key: script text that leaks into page text
#: (``a["default"](function``, ``d["delete"](e)``, ``a[b][c](d)``) is no link.
_LINK = re.compile(
    r"(?<![\])])\[(?![\"'][^\]\n]*[\"']\])([^\]\n]*)\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)"
)
#: A heading's marks, a bullet (not a number: a list's numbers are words of the text), a quote.
_LEAD = re.compile(r"^(?:#{1,6}[ \t]+|[*+-][ \t]+|>[ \t]?)+")
#: Emphasis marks not escaped: doubled anywhere, single ones at a word's edge.
_EMPHASIS = re.compile(
    r"(?<!\\)(?:\*\*|__|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_\\])[*_](?![\w*]))"
)
#: A backslash escape of Markdown's punctuation.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
#: A heading line (ATX style), its marks captured.
_HEADING = re.compile(r"^(#{1,6})[ \t]+\S", re.MULTILINE)
#: Links or headings a text needs at least to be read as Markdown.
_MIN_MARKS = 3


def looks_like_markdown(text: str) -> bool:
    """Whether `text` is written in Markdown.

    Three inline links at least, or three ATX headings at least of two levels or more: plain
    page text has a bracket before a parenthesis rarely, and lines opening with ``#`` and a
    space only as a counter (a gallery's "# 2"), all of one level.
    """
    if "](" in text and len(_LINK.findall(text)) >= _MIN_MARKS:
        return True
    if "#" not in text:
        return False
    levels = _HEADING.findall(text)
    return len(levels) >= _MIN_MARKS and len(set(levels)) > 1


def markdown_views(lines: Sequence[str]) -> list[str]:
    """Each trimmed line of `lines` with its Markdown markup taken out.

    A line that is only markup (an image, a rule ``---``, an empty table row) is ``""``: a
    reader sees nothing there.
    """
    return [_view(line) for line in lines]


def _view(line: str) -> str:
    view = line
    if "](" in view:
        view = _LINK.sub(r"\1", _IMAGE.sub("", view))
    view = _LEAD.sub("", view)
    if "*" in view or "_" in view:
        view = _EMPHASIS.sub("", view)
    if "\\" in view:
        view = _ESCAPE.sub(r"\1", view)
    return view.strip() if _SEEN.search(view) else ""


#: A letter or a digit: a line without one is only markup to a reader (``---``, ``| --- |``).
_SEEN = re.compile(r"[^\W_]")
