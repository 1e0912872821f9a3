"""`fix_encoding`: repair mojibake (with ftfy), leftover HTML entities, and invisible characters.

The text is repaired a line at a time; each repaired line is compared with the original,
character by character, so that every change covers only the characters that changed. A line
is repaired until it stops changing, and seen with the spacing whitespace normalization will
give it, so that cleaning the output again repairs nothing more. A no-break space that a repair
uncovers comes out as a plain space; curly quotes, full-width characters and line breaks are
left as they are.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner

if TYPE_CHECKING:
    import ftfy

__all__ = ["FixEncoding", "fix_encoding"]

Normalization = Literal["NFC", "NFKC"]

#: Characters that render as nothing and carry no meaning in article text. Joiners (U+200C,
#: U+200D) and direction marks are left alone: Persian, Indic scripts and emoji need them.
_INVISIBLE_CHARS = frozenset("\u200b\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064")
_INVISIBLE_RUN = LazyRegex("[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]+")
#: A line, split at every kind of line break (whitespace normalization makes them all \n).
_LINE = LazyRegex("[^\r\n\u2028\u2029]+")
#: ASCII lines need ftfy only for entities and control characters.
_ASCII_SUSPECT = LazyRegex(r"[&\x00-\x08\x0b-\x1f\x7f]")
#: Spaces that whitespace normalization turns into plain spaces. A no-break space right after
#: a character that can start a UTF-8 sequence misread as Latin-1 (Â to ô) may be that
#: sequence's second byte, so it stays.
_OTHER_SPACES = LazyRegex(
    "[\t\r\x0b\x0c\u2028\u2029\u1680\u2000-\u200a\u202f\u205f]|(?<![\u00c2-\u00f4])\u00a0"
)
_CHUNK = LazyRegex(r" +|[^ ]+")
_MAY_LEAD = LazyRegex("[\u00c2-\u00f4]")
_SPACE_RUN = LazyRegex(" {2,}")
#: Rounds of repair on one line before its result is taken as final.
_MAX_ROUNDS = 3
#: A changed part longer than this is recorded as one run instead of being diffed.
_DIFF_LIMIT = 2000
_RULES = {
    ChangeKind.INVISIBLE: "encoding.invisible",
    ChangeKind.MOJIBAKE: "encoding.mojibake",
    ChangeKind.ENTITY: "encoding.entity",
    ChangeKind.UNICODE: "encoding.unicode",
}
_INVISIBLE_NAMES = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
}


@dataclass(frozen=True, slots=True, repr=False)
class FixEncoding(BaseCleaner):
    """Repair mojibake, HTML entities left in text, control and invisible characters."""

    factory = "fix_encoding"
    normalization: Normalization | None = "NFC"
    unescape_html: bool = True
    remove_invisible: bool = True

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose a repair for each damaged run of characters in `doc.text`."""
        config = _config(self.normalization, self.unescape_html)
        edits: list[Edit] = []
        for line in _LINE.finditer(doc.text):
            text = line.group()
            if text.isascii() and not _ASCII_SUSPECT.search(text):
                continue
            edits.extend(self._line_edits(line.start(), text, config))
        return Proposal(edits=tuple(edits))

    def _line_edits(self, offset: int, text: str, config: ftfy.TextFixerConfig) -> list[Edit]:
        view, origin = _spacing_view(text)
        fixed, steps = _repair(view, config, drop_invisible=self.remove_invisible)
        edits = []
        for start, end, after in _differences(view, fixed):
            if _only_spacing(view[start:end], after):
                continue  # normalize_whitespace's business
            first = origin[start]
            last = origin[end - 1] + 1 if end > start else first
            kind, reason = _describe(text[first:last], after, steps)
            edits.append(
                Edit.replace(
                    offset + first,
                    offset + last,
                    after,
                    kind=kind,
                    reason=reason,
                    rule=_RULES[kind],
                )
            )
        return edits


def _spacing_view(text: str) -> tuple[str, list[int]]:
    """The line spaced as whitespace normalization will leave it, and each character's origin.

    `origin` has one more entry than the view: the position after its last character.

    ftfy judges a character by its neighbours, so it must see the line as the rest of the
    pipeline will leave it, or cleaning the output again could repair what the first pass
    left. Tabs and other spaces become plain spaces, runs of spaces become one, and spaces at
    the ends go; but a run right after a character that can start a misread UTF-8 sequence
    (Â to ô) is kept whole, since ftfy may read its first space as the sequence's lost byte.
    """
    spaced = _OTHER_SPACES.sub(" ", text)
    chars: list[str] = []
    origin: list[int] = []
    for match in _CHUNK.finditer(spaced):
        start, end = match.span()
        if spaced[start] != " ":
            chars.append(match.group())
            origin.extend(range(start, end))
        elif start > 0 and end < len(spaced):
            keep = end - start if _MAY_LEAD.match(spaced[start - 1]) else 1
            chars.append(" " * keep)
            origin.extend(range(start, start + keep))
    origin.append(origin[-1] + 1 if origin else 0)
    return "".join(chars), origin


def _repair(
    text: str, config: ftfy.TextFixerConfig, *, drop_invisible: bool
) -> tuple[str, list[str]]:
    """Repair `text` until it stops changing; return it and the ftfy steps taken.

    Invisible characters are removed, no-break spaces become spaces and spacing is tidied only
    after ftfy has seen the line (a soft hyphen or a no-break space can be the second byte of a
    misread character); then ftfy looks again, as a second cleaning would.
    """
    import ftfy

    steps: list[str] = []
    current = text
    for _ in range(_MAX_ROUNDS):
        repaired, explanation = ftfy.fix_and_explain(current, config)
        steps.extend(f"{action} {parameter}" for action, parameter in explanation or ())
        if drop_invisible:
            repaired = _INVISIBLE_RUN.sub("", repaired)
        repaired = _SPACE_RUN.sub(" ", repaired.replace("\u00a0", " ")).strip(" ")
        if repaired == current:
            break
        current = repaired
    return current, steps


def _only_spacing(before: str, after: str) -> bool:
    """Whether a difference only changes spaces (tidying them is whitespace normalization's)."""
    return not (before + after).strip(" \u00a0")


def _differences(before: str, after: str) -> list[tuple[int, int, str]]:
    """The changed runs between two versions of a line: ``(start, end, replacement)``.

    The common prefix and suffix are set aside first, so the character diff only sees the part
    that changed; a long changed part is taken as one run.
    """
    limit = min(len(before), len(after))
    prefix = 0
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    old = before[prefix : len(before) - suffix]
    new = after[prefix : len(after) - suffix]
    if len(old) > _DIFF_LIMIT or len(new) > _DIFF_LIMIT:
        return [(prefix, prefix + len(old), new)]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end = prefix + i1, prefix + i2
        if runs and runs[-1][1] == start:
            first, _, replacement = runs.pop()
            runs.append((first, end, replacement + new[j1:j2]))
        else:
            runs.append((start, end, new[j1:j2]))
    return runs


def _describe(before: str, after: str, steps: list[str]) -> tuple[str, str]:
    """The kind and a readable reason for one repaired run."""
    if not after and before and all(char in _INVISIBLE_CHARS for char in before):
        names = sorted({_INVISIBLE_NAMES.get(char, f"U+{ord(char):04X}") for char in before})
        return ChangeKind.INVISIBLE, f"removed invisible character(s): {', '.join(names)}"
    detail = f" (ftfy: {', '.join(steps)})" if steps else ""
    if any(step.startswith(("encode", "decode")) for step in steps):
        return ChangeKind.MOJIBAKE, f"mojibake: text decoded with the wrong encoding{detail}"
    if "apply unescape_html" in steps:
        return ChangeKind.ENTITY, f"HTML entity left in the text{detail}"
    return ChangeKind.UNICODE, f"unusual or control character{detail}"


@lru_cache(maxsize=8)
def _config(normalization: Normalization | None, unescape_html: bool) -> ftfy.TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html="auto" if unescape_html else False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_latin_ligatures=True,
        normalization=normalization,
        explain=True,
    )


def fix_encoding(
    *,
    normalization: Normalization | None = "NFC",
    unescape_html: bool = True,
    remove_invisible: bool = True,
    name: str | None = None,
) -> FixEncoding:
    """Make a cleaner that repairs mojibake, leftover HTML entities and invisible characters.

    `normalization` is the Unicode normal form to apply (``"NFC"``, ``"NFKC"`` or None).
    Curly quotes, full-width characters and line breaks are left as they are. `name` is the
    step's name in a pipeline (default ``"fix_encoding"``).
    """
    if normalization not in ("NFC", "NFKC", None):
        raise ValueError(f"normalization must be 'NFC', 'NFKC' or None, not {normalization!r}")
    return FixEncoding(
        normalization=normalization,
        unescape_html=bool(unescape_html),
        remove_invisible=bool(remove_invisible),
        name=name or "",
    )
