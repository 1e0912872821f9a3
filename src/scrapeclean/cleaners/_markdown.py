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

__all__ = ["link_shares", "looks_like_markdown", "markdown_views"]

#: What follows ``](`` in an inline link or image: the target (no space; parentheses only as
#: one balanced pair without another inside, ``javascript:void(0)``; empty in an image's
#: ``![x.jpg]()``, not a link's: `_links` says) and, after a target, an optional title, then
#: ``)``. Matched once for each ``](``; the target stops at the second parenthesis at most (the
#: next ``](`` has one) and the title at the next quote, so reading a line takes time linear
#: in its length whatever it holds (and a target starts only after a space or a parenthesis,
#: so that a scan of a whole text is linear too).
_TARGET = re.compile(r"(?<![^()\s])(?:(?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?)?\)")
#: The longest link text or image alt read as one (the search back for its ``[`` stops here).
_MAX_LINK_TEXT = 2000
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
#: The line under a table's header row (``| --- | :---: |``).
_TABLE_RULE = re.compile(r"^\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$", re.MULTILINE)
#: Links or headings a text needs at least to be read as Markdown.
_MIN_MARKS = 3


def looks_like_markdown(text: str) -> bool:
    """Whether `text` is written in Markdown.

    Three inline links at least, three ATX headings at least of two levels or more, or a
    table's header rule (``| --- | --- |``): plain page text has a bracket before a parenthesis
    rarely, lines opening with ``#`` and a space only as a counter (a gallery's "# 2"), all of
    one level, and no such rule. (A table keeps a text Markdown once its links are cleaned
    away, so that cleaning the text again reads it the same way.)
    """
    if "](" in text and sum(_links(text, images=kind)[1] for kind in (True, False)) >= _MIN_MARKS:
        return True
    if "---" in text and _TABLE_RULE.search(text):
        return True
    if "#" not in text:
        return False
    levels = _HEADING.findall(text)
    return len(levels) >= _MIN_MARKS and len(set(levels)) > 1


def markdown_views(lines: Sequence[str]) -> list[str]:
    """Each trimmed line of `lines` with its Markdown markup taken out.

    A line that is only markup (an image, a rule ``---``, an empty table row) is ``""``: a
    reader sees nothing there. A table row reads as its cells, one space between them; the
    line of a link that spans lines reads as its part of the link's text.
    """
    return [_view(line) for line in lines]


def link_shares(lines: Sequence[str], views: Sequence[str]) -> list[float]:
    """The share of each trimmed line's visible characters (spaces aside) that is link text.

    `views` are the lines' `markdown_views`, which the caller has already.
    """
    return [
        _link_share(line, view) if "](" in line else 0.0
        for line, view in zip(lines, views, strict=True)
    ]


def _link_share(line: str, view: str) -> float:
    seen = _visible(view)
    return (seen - _visible(_view(line, labels=False))) / seen if seen else 0.0


def _visible(view: str) -> int:
    return len(view) - sum(map(view.count, " \t"))


def _view(line: str, *, labels: bool = True) -> str:
    """The line as a reader sees it (without the links' text when not `labels`)."""
    view = line
    if "](" in view:
        view = _links(_links(view, images=True)[0], images=False, labels=labels)[0]
    if view.startswith("|"):
        view = " ".join(filter(None, (cell.strip() for cell in _CELL.split(view))))
    elif view.startswith("[") and "]" not in view:
        view = view[1:]  # a link's text goes on in the next line
    view = _LEAD.sub("", view)
    if "*" in view or "_" in view:
        view = _EMPHASIS.sub("", view)
    if "\\" in view:
        view = _ESCAPE.sub(r"\1", view)
    return view.strip() if _SEEN.search(view) else ""


#: A table cell's border (a table row is read as its cells).
_CELL = re.compile(r"(?<!\\)\|")
#: A letter or a digit: a line without one is only markup to a reader (``---``, ``| --- |``).
_SEEN = re.compile(r"[^\W_]")


def _links(text: str, *, images: bool, labels: bool = True) -> tuple[str, int]:
    """`text` without its inline images (`images`), or its links replaced by their text.

    Without `labels`, links leave nothing either. Returns the new text and how many images or
    links there were. A link is ``[text](target "title")``: the text holds no bracket or line
    break, the link follows no ``]`` or ``)``, its text is no quoted key and its target is not
    empty, so script text that leaks into page text (``a["default"](function``,
    ``d["delete"](e)``, ``a[b][c](d)``, ``r[e]()``) is no link. An image is a link after ``!``,
    and leaves nothing (flattened page text has no alt text); links are read after images, so a
    linked image is a link with no text. A line that opens with the end of a link whose ``[``
    is on an earlier line (Markdown writers break a link around an image: ``[![](a.jpg)`` then
    ``The headline](/story)``) keeps the link's text. One pass from each ``](`` back to its
    ``[``: linear time.
    """
    parts: list[str] = []
    count = 0
    done = 0
    middle = first = text.find("](")
    while middle >= 0:
        opening = text.rfind("[", max(done, middle - _MAX_LINK_TEXT), middle)
        target = _TARGET.match(text, middle + 2)
        if opening >= 0 and target is not None:
            label = text[opening + 1 : middle]
            image = opening > 0 and text[opening - 1] == "!"
            start = opening - 1 if image else opening
            if (
                image == images
                and start >= done
                and (image or target.end() > middle + 3)  # (``x[i]()`` calls a function)
                and _is_link(text, opening, label, image)
            ):
                parts += (text[done:start], label if labels and not images else "")
                done = target.end()
                count += 1
        elif (
            middle == first
            and not images
            and target is not None
            and target.end() > middle + 3
            and _ends_link(text, middle)
        ):
            parts.append(text[:middle] if labels else "")  # a link's end: opened on a line above
            done = target.end()
        middle = text.find("](", max(middle + 2, done))
    parts.append(text[done:])
    return "".join(parts), count


def _ends_link(text: str, middle: int) -> bool:
    """Whether the ``](`` at `middle`, with no ``[`` before it, ends a link opened earlier.

    Its text is all of `text` before it, on one line, without a bracket, and no quoted key
    (script text: ``"delete"](e)``): `_one_line`, not `_quoted_key`.
    """
    if middle > _MAX_LINK_TEXT:
        return False
    label = text[:middle]
    return _one_line(label) and not _quoted_key(label)


def _is_link(text: str, opening: int, label: str, image: bool) -> bool:
    """Whether the bracket at `opening` (of `label`) opens a link or image, not script text."""
    if not _one_line(label):
        return False
    if image:
        return True
    if opening > 0 and text[opening - 1] in "])":
        return False
    return not _quoted_key(label)


def _one_line(label: str) -> bool:
    """Whether a link's text holds no bracket and no line break."""
    return "]" not in label and "\n" not in label


def _quoted_key(label: str) -> bool:
    """Whether a link's text is a quoted key of script text (``"delete"`` in ``d["delete"](e)``)."""
    return len(label) >= 2 and label[0] in "\"'" and label[-1] in "\"'"
