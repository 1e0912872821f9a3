"""Page text hard-wrapped at a fixed width, read as the paragraphs it was cut from.

Some flatteners wrap their output: ``html2text.html2text(html)`` breaks every paragraph into
lines of at most 78 characters, as text-mode browsers' dumps and e-mail do. A line cleaner then
judges fragments of sentences (a story's line looks like a label, a menu's does not), and the
line model learned from page text whose paragraphs are lines. `wrap_width` tells a wrapped text
from one that is not; `unwrapped` joins the lines of each paragraph into one `Line` that spans
them, so that a removal takes the paragraph whole and the text in between stays as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, pairwise

from scrapeclean.cleaners._text import Line

__all__ = ["joined", "unwrapped", "wrap_width"]

#: The widths looked for (html2text's 78, text browsers' 79 or 80, ...).
_MIN_WIDTH, _MAX_WIDTH = 60, 200
#: How far below the width a full line ends (a word that did not fit went to the next line).
_BAND = 12
#: Lines of words at least, and the share of them that must end close below the width.
_MIN_LINES = 8
_MIN_FULL_SHARE = 0.2
#: The share of lines of words that may pass the width by more than their longest word.
_MAX_OVER_SHARE = 0.03
#: Characters of markup and code, and the share of them a line of words holds at most.
_CODE = re.compile(r"[<>{}=;\\/\"|&$#*^~`\[\]().:_]")
_MAX_CODE_SHARE = 0.06
#: A Markdown link's target and brackets (not counted as code: wrapped Markdown is text).
_LINK_MARKUP = re.compile(r"\]\([^()\s]*\)?|[\[\]!]")
#: A line that opens a list item, a heading, a table row or a quote: never a paragraph's
#: continuation. (Its indentation is read from its start only: linear on a run of spaces.)
_OPENS_BLOCK = re.compile(r"(?<![ \t])[ \t]*(?:[*+-][ \t]|\d{1,3}[.)][ \t]|#{1,6}[ \t]|\||>)")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width the text of `lines` was wrapped at, or None when it was not wrapped.

    Wrapped text has a ceiling: many of its lines of words end a little below one width, and
    almost none passes it, except by one word longer than the room left (a web address). Text
    that is not wrapped keeps each paragraph on one line, far longer than any such width. The
    width found is that of the longest full line (at most the true width).
    """
    lengths = [len(line.rstrip()) for line in lines if _wordy(line)]
    if len(lengths) < _MIN_LINES:
        return None
    counts = Counter(lengths)
    # up_to[n]: how many lines are at most n - 1 characters long, for n up to the last width
    # looked at past its band
    up_to = list(accumulate((counts[size] for size in range(_MAX_WIDTH + _BAND + 1)), initial=0))
    width, best, full = 0, 0, 0
    for candidate in range(_MIN_WIDTH, _MAX_WIDTH + 1):
        below = up_to[candidate + 1] - up_to[candidate - _BAND]
        above = up_to[candidate + _BAND + 1] - up_to[candidate + 1]
        if below - 3 * above > best:
            width, best, full = candidate, below - 3 * above, below
    if not width or full < max(_MIN_LINES, _MIN_FULL_SHARE * len(lengths)):
        return None
    over = sum(
        1
        for line in lines
        if " " in line.strip() and len(line.rstrip()) - max(map(len, line.split())) > width
    )  # (any line of words counts here: source code past the width is no wrapped text)
    return None if over > _MAX_OVER_SHARE * len(lengths) else width


def _wordy(line: str) -> bool:
    """Whether `line` holds words, as a wrapped paragraph's lines do (not markup or code).

    Markdown's links are words with their targets: the targets are not counted.
    """
    stripped = line.strip()
    if " " not in stripped:
        return False
    words = _LINK_MARKUP.sub("", stripped) if "](" in stripped else stripped
    return len(_CODE.findall(words)) <= _MAX_CODE_SHARE * len(words)


def unwrapped(text: str, lines: list[Line], width: int) -> list[Line]:
    """`lines` (non-blank, in order, of `text`) with each paragraph's lines joined into one.

    A line continues the one above it (no blank line between) when the first word of it would
    not have fitted at the end of that one within `width`, and it opens no list item, heading,
    table row or quote. The joined `Line` spans from the first line's start to the last one's
    end; its text is `joined` of what it spans.
    """
    result: list[Line] = []
    group: list[Line] = []

    def close() -> None:
        first, last = group[0], group[-1]
        if len(group) == 1:
            result.append(first)
        else:
            joint = joined(text[first.start : last.end])
            result.append(Line(first.number, first.start, last.end, joint))
        group.clear()

    for line in lines:
        if group and _continues(group[-1], line, width):
            group.append(line)
            continue
        if group:
            close()
        group.append(line)
    if group:
        close()
    return result


def _continues(above: Line, line: Line, width: int) -> bool:
    if line.number != above.number + 1 or _OPENS_BLOCK.match(line.text):
        return False
    words = line.text.split()
    return len(above.text.rstrip()) + 1 + len(words[0]) > width


def joined(text: str) -> str:
    """The lines of one paragraph of wrapped text as one line, trimmed.

    A line that ends with a hyphen after a letter or digit was cut there (``well-`` then
    ``known``; a web address broken at its hyphens): it joins the next one without a space.
    """
    parts = [part.strip() for part in text.split("\n")]
    pieces = [parts[0]]
    for before, part in pairwise(parts):
        if not (before.endswith("-") and before[-2:-1].isalnum()):
            pieces.append(" ")
        pieces.append(part)
    return "".join(pieces)
