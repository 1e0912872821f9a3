"""`extract_title`: take the headline off the top of the text and report it as the title.

For plain text, the first line is the headline when it looks like one: short, not ending like a
sentence, set apart by a blank line, and followed by a longer paragraph; and, by default, only
when the text had a header (a date line or a byline found by `parse_dateline`): without one, a
short first line is as often a standfirst or a subheading of the body as it is a headline. For
HTML, the page's title is already known from its metadata; a first line that repeats it is
removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapeclean._model import ChangeKind, Dateline, Document, Finding, Proposal, Span
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner
from scrapeclean.cleaners._text import Line, iter_lines, line_removals

__all__ = ["ExtractTitle", "extract_title"]

_ENDS_LIKE_SENTENCE = LazyRegex(r"[.,;:]\s*$")
_LETTER = LazyRegex(r"\p{L}")
#: A headline guessed from the text's shape is less sure than a page's stated title.
_HEADLINE_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True, repr=False)
class ExtractTitle(BaseCleaner):
    """Report the headline as the title and take it off the top of the text."""

    factory = "extract_title"
    max_words: int = 25
    max_length: int = 200
    require_header: bool = True

    @property
    def needs(self) -> frozenset[str]:
        """The dateline's findings, when a plain-text headline needs a header below it."""
        return frozenset({"dateline"}) if self.require_header else frozenset()

    def __call__(self, doc: Document, /) -> Proposal:
        """Find the headline at the top of `doc.text`."""
        lines = _first_two_paragraph_lines(doc.text)
        if not lines:
            return Proposal()
        first = lines[0]
        candidate = " ".join(first.text.split())
        if doc.title is not None:
            if _same_title(candidate, doc.title):
                reason = "headline, repeating the page title"
                flag = (first, ChangeKind.TITLE, reason, "title.repeats_page_title")
                return Proposal(edits=tuple(line_removals(doc.text, [flag])))
            return Proposal()
        if self.require_header and not _has_header(doc.dateline):
            return Proposal()
        if len(lines) < 2 or not self._looks_like_headline(candidate, lines[1]):
            return Proposal()
        reason = "headline: a short line set apart above the body, recorded as the title"
        edits = line_removals(doc.text, [(first, ChangeKind.TITLE, reason, "title.headline")])
        where = Span(first.start, first.end)
        found = Finding("title", candidate, self.name, "text", _HEADLINE_CONFIDENCE, where)
        return Proposal(edits=tuple(edits), findings=(found,))

    def _looks_like_headline(self, candidate: str, following: Line) -> bool:
        words = candidate.split()
        return (
            2 <= len(words) <= self.max_words
            and len(candidate) <= self.max_length
            and not _ENDS_LIKE_SENTENCE.search(candidate)
            and bool(_LETTER.match(candidate))
            and candidate[:1].upper() == candidate[:1]
            and len(following.text.strip()) > len(candidate)
        )


def _has_header(dateline: Dateline | None) -> bool:
    """Whether a date line or byline was found above the body."""
    return dateline is not None and bool(dateline.published or dateline.updated or dateline.authors)


def _first_two_paragraph_lines(text: str) -> list[Line]:
    """The first non-blank line, and the next one if a blank line separates them."""
    found: list[Line] = []
    previous_blank = False
    for line in iter_lines(text):
        if line.blank:
            previous_blank = True
            continue
        if found:
            if previous_blank:
                found.append(line)
            break
        found.append(line)
        previous_blank = False
    return found


def _same_title(line: str, title: str) -> bool:
    """Whether a line repeats the page title (which may add the site's name)."""
    line_key = line.casefold()
    title_key = " ".join(title.split()).casefold()
    if line_key == title_key:
        return True
    return len(line_key) >= 15 and title_key.startswith(line_key)


def extract_title(
    *,
    max_words: int = 25,
    max_length: int = 200,
    require_header: bool = True,
    name: str | None = None,
) -> ExtractTitle:
    """Make a cleaner that reports the headline as the title and removes it from the text.

    A plain-text headline has at most `max_words` words and `max_length` characters. With
    `require_header` (the default) it is only taken when `parse_dateline` found a date line or
    byline (so it needs that step before it); set it to False for text known to start with its
    headline. `name` is the step's name in a pipeline.
    """
    for option, value in (("max_words", max_words), ("max_length", max_length)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{option} must be a positive int, not {value!r}")
    return ExtractTitle(
        max_words=max_words,
        max_length=max_length,
        require_header=bool(require_header),
        name=name or "",
    )
