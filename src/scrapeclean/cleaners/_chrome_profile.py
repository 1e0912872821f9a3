"""Site profiles: the boilerplate one site repeats on its pages, learned from a sample of them.

A site's header, menus, footer and sidebar come back on every page, often with words no
built-in vocabulary knows ("Kiosk", "Hauspost", a section name). `ChromeProfile.learn` reads
a few pages of one site and keeps what repeats *across pages*:

- **lines**: a line (whitespace folded, case-folded) found on enough of the pages;
- **shapes**: lines that differ only in their numbers (``Page 2 of 9``, ``14 comments``), or
  in one run of up to `_MAX_SLOT` tokens (``Posted in <*> | <#> comments``), found on enough of
  the pages with at least two different fillings.

What repeats by coincidence is not learned: a line counts once per page, a profile needs at
least two pages, a line or shape must be on at least `min_pages` pages and `min_share` of them,
a line that reads as prose must be on half of the pages (and at least three), and shapes are
never made from prose, from lines with a year or clock time (datelines are left to
`parse_dateline`), nor from bylines. A shape keeps at least two words that are not function
words outside its slot, or one of three letters or more and a punctuation mark ("Tags: <*>",
"Example › <*>"), so it cannot grow into "the <*> of the".

`remove_chrome(profile=...)` asks the profile about every line the rules and the line model
keep, once they have judged the whole page (so the model still reads each line among its
neighbours); its removals carry the rule id ``chrome.profile``. A line that reads as prose
inside the story stays. A profile is saved as versioned JSON
(`ChromeProfile.to_json`, `save`; `from_json`, `load`).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

from scrapeclean import _vocabulary
from scrapeclean._model import ChangeKind
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._text import FUNCTION_WORDS, Flag, Line, is_prose, nonblank_lines
from scrapeclean.exceptions import ProfileError

__all__ = ["ChromeProfile", "with_profile_lines"]

SCHEMA = "scrapeclean.chrome_profile"
VERSION = 1
#: How a number stands in a shape, and the slot of varying words.
NUMBER = "<#>"
SLOT = "<*>"
#: The most words a slot may cover, and the most tokens a line may have to get slot shapes.
_MAX_SLOT = 8
_MAX_SHAPE_TOKENS = 16
#: Words outside the slot that are not function words: a shape needs this many.
_MIN_FIXED_WORDS = 2
#: A line longer than this is never learned nor looked up (long lines are text).
_MAX_LINE = 300
_TOKEN = LazyRegex(r"\d+(?:[.,:/-]\d+)*|[\p{L}\p{M}\p{N}'’_-]+|[^\s\p{L}\p{M}\p{N}]")
_DIGIT = LazyRegex(r"\d")
#: A year or a clock time: such a line may be a dateline, never made a shape.
_DATE_MARK = LazyRegex(r"\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b")


@cache
def _byline_words() -> frozenset[str]:
    return _vocabulary.words("dateline.byline_words")


def fold(line: str) -> str:
    """`line` with its whitespace folded to single spaces, case-folded: how lines are compared."""
    return " ".join(line.split()).casefold()


def _tokens(folded: str) -> list[str]:
    """The tokens of a folded line, each number replaced by `NUMBER`."""
    return [NUMBER if _DIGIT.match(token) else token for token in _TOKEN.findall(folded)]


def _is_word(token: str) -> bool:
    return token != NUMBER and token[:1].isalpha()


def _content_words(tokens: Iterable[str]) -> int:
    return sum(1 for token in tokens if _is_word(token) and token not in FUNCTION_WORDS)


def _enough_fixed(fixed: list[str]) -> bool:
    """Whether the tokens outside a slot pin a shape down.

    They must hold two words that are not function words, or one of at least three letters
    and a punctuation mark ("Tags: <*>").
    """
    content = [token for token in fixed if _is_word(token) and token not in FUNCTION_WORDS]
    if len(content) >= _MIN_FIXED_WORDS:
        return True
    marks = any(token != NUMBER and not token[:1].isalnum() for token in fixed)
    return len(content) == 1 and len(content[0]) >= 3 and marks


def _may_shape(line: str, folded: str) -> bool:
    """Whether a line may be learned or judged as a shape (not prose, dateline or byline)."""
    if _DATE_MARK.search(folded) or is_prose(line):
        return False
    first = folded.split(" ", 1)[0]
    return first not in _byline_words()


def _number_shape(tokens: list[str]) -> str | None:
    """The line's shape with its numbers generalised, when it has numbers and a content word."""
    if NUMBER not in tokens or _content_words(tokens) < 1:
        return None
    return " ".join(tokens)


def _slot_shapes(tokens: list[str]) -> Iterator[tuple[str, str]]:
    """``(shape, filler)`` for each run of one to `_MAX_SLOT` tokens made a slot.

    The run starts and ends with a word and holds no number.
    """
    if len(tokens) > _MAX_SHAPE_TOKENS:
        return
    for start in range(len(tokens)):
        if not _is_word(tokens[start]):
            continue
        for end in range(start + 1, min(len(tokens), start + _MAX_SLOT) + 1):
            if tokens[end - 1] == NUMBER:
                break  # numbers are generalised on their own: a slot holds none
            if not _is_word(tokens[end - 1]):
                continue
            if not _enough_fixed(tokens[:start] + tokens[end:]):
                continue
            shape = " ".join([*tokens[:start], SLOT, *tokens[end:]])
            yield shape, " ".join(tokens[start:end])


def _shapes_of(line: str, folded: str) -> Iterator[tuple[str, str]]:
    """``(shape, filler)`` of every shape a line has (the number shape's filler is the line)."""
    if not _may_shape(line, folded):
        return
    tokens = _tokens(folded)
    number = _number_shape(tokens)
    if number is not None:
        yield number, folded
    yield from _slot_shapes(tokens)


#: A profile's shapes made quick to match: the shapes without a slot, and the slotted ones as
#: ``(tokens before the slot, tokens after it, shape)``.
_ShapeIndex = tuple[frozenset[str], tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...]]


@lru_cache(maxsize=16)
def _shape_index(shapes: frozenset[str]) -> _ShapeIndex:
    plain: set[str] = set()
    slotted: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
    for shape in sorted(shapes):
        tokens = shape.split(" ")
        if SLOT not in tokens:
            plain.add(shape)
            continue
        at = tokens.index(SLOT)
        slotted.append((tuple(tokens[:at]), tuple(tokens[at + 1 :]), shape))
    return frozenset(plain), tuple(slotted)


def _matching_shape(index: _ShapeIndex, tokens: tuple[str, ...]) -> str | None:
    """The shape of `index` that the line's tokens fit, or None (linear in the shapes)."""
    plain, slotted = index
    joined = " ".join(tokens)
    if joined in plain:
        return joined
    if len(tokens) > _MAX_SHAPE_TOKENS:
        return None
    for before, after, shape in slotted:
        end = len(tokens) - len(after)
        if not 1 <= end - len(before) <= _MAX_SLOT:
            continue
        if tokens[: len(before)] != before or tokens[end:] != after:
            continue
        filler = tokens[len(before) : end]
        if _is_word(filler[0]) and _is_word(filler[-1]) and NUMBER not in filler:
            return shape
    return None


def _page_lines(text: str) -> dict[str, str]:
    """The distinct lines of one page worth reading: folded line -> the line as written."""
    found: dict[str, str] = {}
    for raw in text.split("\n"):
        line = raw.strip()
        if line and len(line) <= _MAX_LINE:
            found.setdefault(fold(line), line)
    return found


@dataclass(frozen=True, slots=True, repr=False)
class ChromeProfile:
    """The boilerplate of one site: lines and line shapes repeated across its pages.

    Make one with `learn` from a sample of a site's page texts, keep it with `save` or
    `to_json`, and give it to ``remove_chrome(profile=...)``. `lines` are folded lines
    (whitespace folded, case-folded); `shapes` are folded lines whose numbers are ``<#>`` and
    whose varying run of words, if any, is ``<*>``; `pages` is how many pages it learned from.
    """

    lines: frozenset[str] = frozenset()
    shapes: frozenset[str] = frozenset()
    pages: int = 0

    def __repr__(self) -> str:
        return (
            f"ChromeProfile(pages={self.pages}, lines={len(self.lines)}, shapes={len(self.shapes)})"
        )

    @classmethod
    def learn(
        cls, texts: Iterable[str], *, min_share: float = 0.25, min_pages: int = 2
    ) -> ChromeProfile:
        """Learn the lines and shapes that repeat across `texts`, page texts of one site.

        A line or shape is learned when it is on at least `min_pages` pages and at least
        `min_share` (0 to 1) of them; a line that reads as prose needs half of the pages and
        at least three. Each page counts a line once. At least two pages are needed: one page
        says nothing about what its site repeats.
        """
        pages = _checked_pages(texts)
        if isinstance(min_share, bool) or not isinstance(min_share, (int, float)):
            raise TypeError(f"min_share must be a number from 0 to 1, not {min_share!r}")
        if not 0 <= min_share <= 1:
            raise ValueError(f"min_share must be from 0 to 1, not {min_share!r}")
        if isinstance(min_pages, bool) or not isinstance(min_pages, int) or min_pages < 2:
            raise ValueError(f"min_pages must be an int of at least 2, not {min_pages!r}")
        needed = max(min_pages, math.ceil(min_share * len(pages)))
        needed_prose = max(needed, 3, math.ceil(len(pages) / 2))
        line_pages: Counter[str] = Counter()
        shape_pages: Counter[str] = Counter()
        fillers: dict[str, str | None] = {}  # a shape's first filler; None once it varies
        written: dict[str, str] = {}
        for text in pages:
            lines = _page_lines(text)
            line_pages.update(lines.keys())
            seen: dict[str, str] = {}
            for folded, line in lines.items():
                written.setdefault(folded, line)
                for shape, filler in _shapes_of(line, folded):
                    seen.setdefault(shape, filler)
            shape_pages.update(seen.keys())
            for shape, filler in seen.items():
                if fillers.setdefault(shape, filler) != filler:
                    fillers[shape] = None
        learned_lines = frozenset(
            folded
            for folded, count in line_pages.items()
            if count >= (needed_prose if is_prose(written[folded]) else needed)
        )
        learned_shapes = frozenset(
            shape
            for shape, count in shape_pages.items()
            if count >= needed and fillers[shape] is None
        )
        return cls(lines=learned_lines, shapes=learned_shapes, pages=len(pages))

    def verdict(self, line: str) -> tuple[str, str] | None:
        """``("chrome.profile", reason)`` when the profile knows `line`, or None."""
        stripped = line.strip()
        if not stripped or len(stripped) > _MAX_LINE:
            return None
        folded = fold(stripped)
        if folded in self.lines:
            return "chrome.profile", f"repeated on the site's pages (site profile of {self.pages})"
        if self.shapes and _may_shape(stripped, folded):
            shape = _matching_shape(_shape_index(self.shapes), tuple(_tokens(folded)))
            if shape is not None:
                return "chrome.profile", f"a line shape the site repeats: {shape!r}"
        return None

    def __contains__(self, line: object) -> bool:
        """Whether the profile knows `line` (a str) as the site's boilerplate."""
        return isinstance(line, str) and self.verdict(line) is not None

    def to_dict(self) -> dict[str, Any]:
        """The profile as a JSON-ready dict, with its schema name and version."""
        return {
            "schema": SCHEMA,
            "version": VERSION,
            "pages": self.pages,
            "lines": sorted(self.lines),
            "shapes": sorted(self.shapes),
        }

    def to_json(self) -> str:
        """The profile as JSON text (`from_json` reads it back)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_dict(cls, data: object) -> ChromeProfile:
        """The profile `to_dict` gave; `ProfileError` says what is wrong with any other value."""
        if not isinstance(data, dict):
            raise ProfileError(f"a chrome profile is a JSON object, not {type(data).__name__}")
        if data.get("schema") != SCHEMA:
            raise ProfileError(
                f"not a chrome profile: schema is {data.get('schema')!r}, expected {SCHEMA!r}"
            )
        version = data.get("version")
        if version != VERSION:
            raise ProfileError(
                f"chrome profile version {version!r} is not supported (this scrapeclean reads "
                f"version {VERSION}): learn the profile again with ChromeProfile.learn"
            )
        pages = data.get("pages")
        if isinstance(pages, bool) or not isinstance(pages, int) or pages < 0:
            raise ProfileError(f"'pages' must be a non-negative int, not {pages!r}")
        return cls(
            lines=_strings(data, "lines", fold), shapes=_strings(data, "shapes", str), pages=pages
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> ChromeProfile:
        """Read a profile from JSON text (`to_json`); a bad text raises `ProfileError`."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:  # bad syntax or encoding; too deep
            raise ProfileError(f"a chrome profile must be JSON: {error}") from error
        return cls.from_dict(data)

    def save(self, path: str | PathLike[str]) -> None:
        """Write the profile to `path` as UTF-8 JSON."""
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | PathLike[str]) -> ChromeProfile:
        """Read a profile `save` wrote; a file that is no profile raises `ProfileError`."""
        try:
            return cls.from_json(Path(path).read_bytes())
        except ProfileError as error:
            raise ProfileError(f"{path}: {error}") from None


def with_profile_lines(text: str, flagged: list[Flag], profile: ChromeProfile) -> list[Flag]:
    """`flagged` (sorted flags of `remove_chrome`) and the other lines `profile` knows, sorted.

    A line that reads as prose stays when it stands inside the story, between the first and
    the last prose line that nothing flags and the profile does not know (as a line a rule
    flags does).
    """
    lines, texts = nonblank_lines(text)
    taken = _covered(lines, flagged)
    known: dict[str, tuple[str, str] | None] = {}
    verdicts: list[tuple[str, str] | None] = []
    for line, stripped in zip(lines, texts, strict=True):
        if line.start in taken:
            verdicts.append(None)
            continue
        if stripped not in known:
            known[stripped] = profile.verdict(stripped)
        verdicts.append(known[stripped])
    prose = [is_prose(stripped) for stripped in texts]
    story = [
        index
        for index, line in enumerate(lines)
        if prose[index] and line.start not in taken and verdicts[index] is None
    ]
    first, last = (story[0], story[-1]) if story else (len(lines), -1)
    added: list[Flag] = [
        (line, ChangeKind.CHROME, verdict[1], verdict[0])
        for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True))
        if verdict is not None and not (prose[index] and first <= index <= last)
    ]
    if not added:
        return flagged
    return sorted([*flagged, *added], key=lambda flag: flag[0].start)


def _covered(lines: list[Line], flagged: list[Flag]) -> set[int]:
    """The starts of the `lines` inside a flagged line, both in order.

    A flagged line may span several lines of the text (a paragraph of wrapped text is one).
    """
    spans = iter([(flag[0].start, flag[0].end) for flag in flagged])
    span = next(spans, None)
    covered: set[int] = set()
    for line in lines:
        while span is not None and span[1] < line.start:
            span = next(spans, None)
        if span is not None and span[0] <= line.start <= span[1]:
            covered.add(line.start)
    return covered


def _checked_pages(texts: Iterable[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of page texts, not a single str")
    pages = list(texts)
    for text in pages:
        if not isinstance(text, str):
            raise TypeError(f"each page text must be a str, not {type(text).__name__}")
    if len(pages) < 2:
        raise ValueError(
            f"a site profile learns from at least two pages of the site, not {len(pages)}: "
            f"what one page repeats says nothing about the site"
        )
    return pages


def _strings(data: dict[str, Any], key: str, normal: Any) -> frozenset[str]:
    values = data.get(key)
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise ProfileError(f"{key!r} must be a list of strings")
    return frozenset(normal(value) for value in values)
