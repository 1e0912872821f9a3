"""Inline chrome: labels and credits glued inside a line that stays, removed as precise spans.

Flattened pages glue page furniture to good lines: "…said the mayor. Advertisement",
"Protesters gathered outside (Photo: Reuters)", "…in Mongolia Credit: EPA", "ANZEIGE - …".
`remove_chrome` removes whole lines; this module finds, in the lines it keeps, the spans that are
chrome and proposes deleting just those (rule ``chrome.inline``), with the spaces that go with
them. The vocabulary is in the language files, section ``chrome``: ``inline_labels`` (ad labels
and calls to action such as "Share this article", "Weiterlesen", "Lire la suite") and
``inline_credit_labels`` ("Photo", "Foto", "Bild", "Credit", …).

Every kind is anchored to where such chrome stands, so words of the story are not taken:

- a credit in brackets, anywhere: ``(Photo: Getty Images)``, ``[Foto: dpa]``;
- a credit at the end, label capitalised, after the text: ``… in May Credit: EPA``; at most
  `_MAX_CREDIT_WORDS` words that do not read as a sentence;
- labels at the end, after a sentence end, an ellipsis or a dash: ``… said. Share this article``;
  the first label capitalised, nothing after them but arrows;
- a label at the start, before running text: in capitals (``ADVERTISEMENT The …``) or set off
  by a dash or bar (``Anzeige - …``);
- a label in capitals between two sentences: ``… said. ADVERTISEMENT The …``.

What remains of the line must keep at least `_MIN_WORDS_LEFT` words. The spans count towards
`remove_chrome`'s ``max_removed`` cap: past it, none is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

import regex

from scrapeclean import _vocabulary
from scrapeclean._model import ChangeKind, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._text import FUNCTION_WORDS, is_prose, prose_words

__all__ = ["inline_spans", "with_inline_spans"]

RULE = "chrome.inline"
_MIN_WORDS_LEFT = 3
_MAX_CREDIT_WORDS = 10
#: Only this many characters at the end of a line are read for labels and credits at the end.
_TAIL = 160
#: Labels at the end are looked for in this many last characters (the longest run of labels).
_LABELS_TAIL = 80
_MAX_LINE = 20_000
_ARROWS = r"[\s»›→>:]*"
#: What a sentence ends with, as `_middle_label` and `_tail_labels` look behind for it.
_SENTENCE_MARKS = ".!?…"


def _alternation(key: str) -> str:
    return _vocabulary.alternation(key).replace(r"\ ", r"\s+")


#: A credit in brackets: "(Photo: Jane Doe/Reuters)", "[Bild: dpa]".
_PAREN_CREDIT = LazyRegex(
    lambda: (
        rf"[(\[]\s*(?:{_alternation('chrome.inline_credit_labels')})s?\s*:\s*"
        r"[^()\[\]\n]{1,100}?\s*[)\]]"
    ),
    regex.IGNORECASE,
)
#: A credit closing a line: "... the old landing. Photo: Jane Doe".
_TAIL_CREDIT = LazyRegex(
    lambda: (
        rf"(?:\s+[-–—|/])?\s+(?P<label>(?:{_alternation('chrome.inline_credit_labels')})s?)"
        r"\s*:\s*(?P<credit>[^\s:][^\n]{0,99})$"
    ),
    regex.IGNORECASE,
)


def _tail_labels_source() -> str:
    labels = _alternation("chrome.inline_labels")
    return (
        rf"(?:(?<=[.!?…][\"'”’»)\]]{{0,3}})|(?<!\s)\s++[-–—|])\s*"
        rf"(?P<labels>(?:{labels})\b{_ARROWS}(?:(?:{labels})\b{_ARROWS})*)$"
    )


#: Labels closing a line after a sentence or a dash: "... in May. Advertisement".
_TAIL_LABELS = LazyRegex(_tail_labels_source, regex.IGNORECASE)
#: A label opening a line: "Anzeige - Die Stadt ...".
_HEAD_LABEL = LazyRegex(
    lambda: (
        rf"^(?P<label>{_alternation('chrome.inline_labels')})"
        r"(?P<separator>\s*[-–—|]\s*|\s+(?=\p{Lu}))"
    ),
    regex.IGNORECASE,
)


def _middle_label_source() -> str:
    """Labels in capitals (case-sensitive: a literal alternation the engine scans quickly)."""
    capitals = "|".join(
        regex.escape(label.upper()).replace(r"\ ", r"\s+")
        for label in _vocabulary.phrases("chrome.inline_labels")
    )
    return rf"(?<=[.!?…][\"'”’»)\]]{{0,3}})\s+(?P<label>{capitals})(?=\s+\p{{Lu}})"


#: A label in capitals between two sentences: "... in May. ADVERTISEMENT The mayor ...".
_MIDDLE_LABEL = LazyRegex(_middle_label_source)


@cache
def _label_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last words of the inline labels, case-folded (a quick first test)."""
    labels = _vocabulary.phrases("chrome.inline_labels")
    return (
        frozenset(label.split()[0] for label in labels),
        frozenset(label.split()[-1] for label in labels),
    )


def _ends_with_label_word(line: str) -> bool:
    tail = line.rstrip(" \t»›→>:")
    return tail[tail.rfind(" ") + 1 :].casefold() in _label_edges()[1]


def _starts_with_label_word(line: str) -> bool:
    first = line.split(None, 1)[0].rstrip("-–—|:").casefold()
    return first in _label_edges()[0]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _words(text: str) -> int:
    return len(prose_words(text))


def _line_spans(line: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, reason)`` of the chrome spans of one line (offsets in the line), sorted.

    The spans are disjoint; together they leave at least `_MIN_WORDS_LEFT` words.
    """
    found: list[tuple[int, int, str]] = []
    if "(" in line or "[" in line:
        for match in _PAREN_CREDIT.finditer(line):
            start, end = match.span()
            # The spaces before go with it (found here: a pattern that starts with a run of
            # spaces would try it from each of its spaces); at the start, the spaces after.
            floor = found[-1][1] if found else 0
            while start > floor and line[start - 1].isspace():
                start -= 1
            if start == 0:
                end = len(line) - len(line[end:].lstrip())
            found.append((start, end, "photo credit in brackets inside a line"))
    tail_from = max(0, len(line) - _TAIL)
    free_end = found[-1][1] if found else 0
    tail = _tail_span(line, max(tail_from, free_end))
    if tail is not None:
        found.append(tail)
    head = _head_span(line) if _starts_with_label_word(line) else None
    if head is not None and (not found or head[1] <= found[0][0]):
        found.insert(0, head)
    found.extend(_middle_spans(line, found))
    if not found:
        return
    found.sort()
    kept = "".join(line[a:b] for a, b in _gaps(found, len(line)))
    if _words(kept) < _MIN_WORDS_LEFT:
        return
    yield from found


def _gaps(spans: Sequence[tuple[int, int, str]], length: int) -> Iterator[tuple[int, int]]:
    position = 0
    for start, end, _ in spans:
        yield position, start
        position = end
    yield position, length


def _tail_span(line: str, start_at: int) -> tuple[int, int, str] | None:
    """A credit or labels at the end of the line, searched from `start_at`."""
    if ":" in line[start_at:]:
        match = _TAIL_CREDIT.search(line, start_at)
        if (
            match is not None
            and _capitalised(match["label"])
            and _is_credit(match["credit"])
            and _stands_alone(line[: match.start()])
        ):
            return match.start(), len(line), "photo credit at the end of a line"
    if not _ends_with_label_word(line):
        return None
    match = _TAIL_LABELS.search(line, max(start_at, len(line) - _LABELS_TAIL))
    if match is not None and _capitalised(match["labels"]):
        return match.start(), len(line), "label or call to action glued to the end of a line"
    return None


def _is_credit(credit: str) -> bool:
    """Whether the text after a credit label is a credit: a few words, not a sentence.

    A credit names someone: it does not open with a function word ("Im Bild: der Bus").
    """
    words = prose_words(credit)
    if not 0 < len(words) <= _MAX_CREDIT_WORDS or words[0].casefold() in FUNCTION_WORDS:
        return False
    return not is_prose(credit)


def _stands_alone(before: str) -> bool:
    """Whether the text before a credit label is enough words, the last no function word.

    "… outside the court Credit: EPA" ends a caption; "Im Bild: …" and "In the picture: …"
    are the caption's own words.
    """
    words = prose_words(before)
    return len(words) >= _MIN_WORDS_LEFT and words[-1].casefold() not in FUNCTION_WORDS


def _head_span(line: str) -> tuple[int, int, str] | None:
    """A label in capitals, or set off by a dash or bar, before running text."""
    match = _HEAD_LABEL.match(line)
    if match is None:
        return None
    label, separator = match["label"], match["separator"]
    if not (label.isupper() or (_capitalised(label) and separator.strip())):
        return None
    if not is_prose(line[match.end() :]):
        return None
    return 0, match.end(), "label or call to action glued to the start of a line"


@cache
def _middle_label_words() -> re.Pattern[str]:
    """The first word of each label in capitals, as `_middle_label` spells it (no pattern)."""
    firsts = {label.upper().split()[0] for label in _vocabulary.phrases("chrome.inline_labels")}
    return re.compile("|".join(map(re.escape, sorted(firsts))))


def _may_hold_middle_label(line: str) -> bool:
    """False when `_middle_label` cannot match in `line`, else True.

    The pattern needs a sentence end and, case-sensitive, a label's first word in capitals:
    both are looked for as plain substrings.
    """
    return any(map(line.__contains__, _SENTENCE_MARKS)) and (
        _middle_label_words().search(line) is not None
    )


def _middle_spans(
    line: str, taken: Sequence[tuple[int, int, str]]
) -> Iterator[tuple[int, int, str]]:
    """Labels in capitals standing between two sentences."""
    if not _may_hold_middle_label(line):
        return
    for match in _MIDDLE_LABEL.finditer(line):
        start, end = match.span()
        if len(match["label"]) < 3:
            continue
        if any(start < b and a < end for a, b, _ in taken):
            continue
        yield start, end, "label between two sentences of a line"


def inline_spans(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Edit]:
    """``chrome.inline`` edits deleting the chrome spans inside the lines of `text`.

    Lines that meet a span of `skip` (sorted, disjoint: the lines already removed) are left out.
    """
    edits: list[Edit] = []
    skips = iter(skip)
    pending = next(skips, None)
    start = 0
    for content in text.split("\n"):
        end = start + len(content)
        while pending is not None and pending[1] <= start:
            pending = next(skips, None)
        overlapping = pending is not None and pending[0] < end and start < pending[1]
        if not overlapping and content.strip() and len(content) <= _MAX_LINE:
            for span_start, span_end, reason in _line_spans(content):
                edits.append(
                    Edit.delete(
                        start + span_start,
                        start + span_end,
                        kind=ChangeKind.CHROME,
                        reason=reason,
                        rule=RULE,
                    )
                )
        start = end + 1
    return edits


def with_inline_spans(text: str, proposal: Proposal, max_removed: float) -> Proposal:
    """`proposal` (whole lines) with the inline spans of the lines it keeps added.

    When the line removals and the spans together would pass `max_removed`, the spans are not
    added (the proposal's own cap decided the lines).
    """
    spans = [(edit.span.start, edit.span.end) for edit in proposal.edits]
    inline = inline_spans(text, spans)
    if not inline:
        return proposal
    removed = sum(len(edit.span) for edit in (*proposal.edits, *inline))
    if removed > max_removed * len(text):
        return proposal
    merged = sorted((*proposal.edits, *inline), key=lambda edit: (edit.span.start, edit.span.end))
    return replace(proposal, edits=tuple(merged))
