"""Small text helpers the cleaners share: lines with their offsets, tidy line removal, prose.

`is_prose` is the guard that keeps the line-based cleaners (`remove_chrome`, `parse_dateline`)
away from article text: a line shaped like a sentence of running text is never page furniture
in the middle of a story, whatever words it mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from scrapeclean._model import Edit
from scrapeclean._regex import LazyRegex

__all__ = [
    "FUNCTION_WORDS",
    "PROSE_WORD",
    "Flag",
    "Line",
    "block_removal",
    "ends_sentence",
    "is_prose",
    "iter_lines",
    "line_removals",
    "nonblank_lines",
    "prose_shape",
    "prose_words",
]

_TRAILING_NEWLINES = LazyRegex(r"\n[ \t]*(?:\n[ \t]*)*")
#: A word, as `is_prose` counts them.
PROSE_WORD = LazyRegex(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
#: `PROSE_WORD` for the standard library's `re` (a C matcher about twice as fast here), once
#: underscores are spaces: ``\w`` is a letter, a digit or ``_``. Used only on text whose
#: characters are all below `_WORD_SAFE_BELOW`, where ``\w`` less ``_`` and
#: ``[\p{L}\p{N}]`` agree whatever the Unicode versions of Python and `regex` (Latin, Greek,
#: Cyrillic; a test checks every code point).
_FAST_WORD = re.compile(r"\w[\w'’-]*")
_WORD_SAFE_BELOW = "\u0530"
#: A sentence ends with a full stop, question or exclamation mark, or an ellipsis, perhaps
#: followed by closing quotes or brackets.
_SENTENCE_END = LazyRegex(r"[.!?…][\"'”’»)\]]*\s*$")
_SENTENCE_MARKS = ".!?…"

# fmt: off
#: The short, frequent words that hold running text together, in the languages the line
#: cleaners know (English, German, French, Spanish, Italian, Dutch, Portuguese, Russian,
#: Polish; lower case). Labels, menus, names and credits have few of them.
FUNCTION_WORDS = frozenset("""
    a an the of to in on at for with from by about into over after before and or but if as
    than that this these those which who whom whose what when where while because so not no
    is are was were be been being has have had do does did will would can could should may
    might must shall it its he she they we you i his her their our your my me him them us
    there here said says also just only then very
    der die das den dem des ein eine einer einen eines und oder aber nicht kein keine ist
    sind war waren wird wurde wurden hat haben hatte mit von zu zum zur im in am auf für aus
    bei nach über unter vor dass daß es er sie wir ihr sich auch noch nur wie als wenn so
    le la les un une des du de et ou mais ne pas est sont était été a ont avait dans pour
    avec sur par que qui il elle ils elles nous vous se ce cette au aux plus en y
    el lo los las una unos unas y o pero no es son era fue ha han en por con para que se
    del al su sus como más muy
    il lo gli le un uno una e ed o ma non è sono era stato ha hanno di da in con per che
    si del della dei delle al alla come più
    het een en of maar niet is zijn was werd heeft hebben van op te dat met voor door
    naar als ook er
    os as um uma uns umas ou mas não são foi está em no na nos nas do da dos das para
    com por que se seu sua pelo pela ao aos também
    и в во не на что с со как а но по к у из за от о об это он она они мы вы я его её их
    был была было были быть есть для же бы ли или то так уже также
    we nie na że ze do się jak ale po od to jest są był była było być dla przez
    czy tak już także oraz jego jej ich
""".split())
# fmt: on
#: A line with a sentence end is prose from this many words; one without, from the second.
_MIN_SENTENCE_WORDS = 6
_MIN_RUNNING_WORDS = 15


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: its content without the line break, and where it stands."""

    number: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        """Whether the line holds only whitespace."""
        return not self.text.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of `text` (split at ``\\n``) with its offsets; a final empty line is skipped."""
    start = 0
    number = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        yield Line(number, start, end, text[start:end])
        number += 1
        start = end + 1


def nonblank_lines(text: str) -> tuple[list[Line], list[str]]:
    """The non-blank lines of `text` as `iter_lines` gives them, and each one trimmed.

    One ``split`` reads the text; no `Line` is made for a blank line.
    """
    lines: list[Line] = []
    trimmed: list[str] = []
    start = 0
    for number, content in enumerate(text.split("\n")):
        stripped = content.strip()
        if stripped:
            lines.append(Line(number, start, start + len(content), content))
            trimmed.append(stripped)
        start += len(content) + 1
    return lines, trimmed


def is_prose(line: str) -> bool:
    """Whether `line` reads as running text: a sentence, not a label, menu, date or credit.

    It must have the shape of a sentence (at least six words and a sentence end, or fifteen
    words without one), hold at least two different function words ("the", "of", "und",
    "que", …), and have at least a third of its words in lower case (titles, menus and names
    are capitalised).
    A cleaner that removes lines keeps such a line in the middle of a story whatever it
    mentions (cookies, copyright, pictures, icons).
    """
    return prose_shape(line, prose_words(line))


def prose_words(line: str) -> list[str]:
    """``PROSE_WORD.findall(line)``: the words `is_prose` counts.

    Latin, Greek and Cyrillic text (most lines) goes through the standard library's faster
    `re`; other text through `PROSE_WORD`.
    """
    if not line or max(line) >= _WORD_SAFE_BELOW:
        return PROSE_WORD.compiled.findall(line)
    if "_" in line:
        line = line.replace("_", " ")
    return _FAST_WORD.findall(line)


def prose_shape(line: str, words: Sequence[str], folded: Sequence[str] | None = None) -> bool:
    """`is_prose` of `line` whose words (``PROSE_WORD.findall(line)``) are already known.

    `folded` is the words case-folded, when the caller has them.
    """
    if len(words) < _MIN_SENTENCE_WORDS:
        return False
    if len(words) < _MIN_RUNNING_WORDS and not ends_sentence(line):
        return False
    # Whole-list operations (map, set intersection) rather than a Python loop per word.
    if len(FUNCTION_WORDS.intersection(folded or map(str.casefold, words))) < 2:
        return False
    lower = sum(map(str.islower, map(_first_char, words)))
    return 3 * lower >= len(words)


_first_char = itemgetter(0)


def ends_sentence(line: str) -> bool:
    """Whether `line` ends a sentence (``.``, ``!``, ``?`` or ``…``, then closers and spaces).

    The last character and a scan for the marks settle most lines without the pattern.
    """
    if line and line[-1] in _SENTENCE_MARKS:
        return True
    if not any(map(line.__contains__, _SENTENCE_MARKS)):
        return False
    return _SENTENCE_END.search(line) is not None


def block_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete so that removing lines ``text[start:end]`` leaves the text tidy.

    One of the two line-break runs around the removed lines goes with them: the smaller one, so
    that a paragraph break on either side survives. At the start or end of the text, the
    line breaks that would be left dangling go too.
    """
    after = _TRAILING_NEWLINES.match(text, end)
    after_end = after.end() if after is not None else end
    before = start
    while before > 0 and text[before - 1] in "\n \t":
        before -= 1
    if after_end == len(text):
        return before, after_end
    if before == 0:
        return 0, after_end
    if text.count("\n", before, start) < text.count("\n", end, after_end):
        return before, end
    return start, after_end


#: A line to remove: ``(line, kind, reason, rule)``.
Flag = tuple[Line, str, str, str]


def line_removals(text: str, flagged: Sequence[Flag]) -> list[Edit]:
    """Edits that delete the flagged lines (``(line, kind, reason, rule)``, in order) tidily.

    Flagged lines with only blank lines between them form one block: the block is removed with
    `block_removal`, and each line's edit covers its own share of the block.
    """
    edits: list[Edit] = []
    group: list[Flag] = []

    def flush() -> None:
        start, end = block_removal(text, group[0][0].start, group[-1][0].end)
        for index, (line, kind, reason, rule) in enumerate(group):
            line_start = start if index == 0 else line.start
            line_end = end if index == len(group) - 1 else group[index + 1][0].start
            edits.append(Edit.delete(line_start, line_end, kind=kind, reason=reason, rule=rule))
        group.clear()

    for item in flagged:
        if group and text[group[-1][0].end : item[0].start].strip():
            flush()
        group.append(item)
    if group:
        flush()
    return edits
