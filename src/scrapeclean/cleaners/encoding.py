"""`fix_encoding`: repair mojibake (with ftfy), leftover HTML entities, and invisible characters.

The text is repaired a line at a time; each repaired line is compared with the original,
character by character, so that every change covers only the characters that changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner
from scrapeclean.cleaners._text import iter_lines

if TYPE_CHECKING:
    import ftfy

__all__ = ["FixEncoding", "fix_encoding"]

Normalization = Literal["NFC", "NFKC"]

#: Characters that render as nothing and carry no meaning in article text. Joiners (U+200C,
#: U+200D) and direction marks are left alone: Persian, Indic scripts and emoji need them.
_INVISIBLE = LazyRegex("[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]")
#: ASCII lines need ftfy only for entities and control characters.
_ASCII_SUSPECT = LazyRegex(r"[&\x00-\x08\x0b-\x1f\x7f]")
#: Longer lines are compared by trimming the common prefix and suffix instead of a full diff.
_DIFF_LIMIT = 3000
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

    name = "fix_encoding"
    normalization: Normalization | None = "NFC"
    unescape_html: bool = True
    remove_invisible: bool = True

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose a repair for each damaged run of characters in `doc.text`."""
        config = _config(self.normalization, self.unescape_html)
        edits: list[Edit] = []
        for line in iter_lines(doc.text):
            if line.text.isascii() and not _ASCII_SUSPECT.search(line.text):
                continue
            edits.extend(self._line_edits(line.start, line.text, config))
        return Proposal(edits=tuple(edits))

    def _line_edits(self, offset: int, text: str, config: ftfy.TextFixerConfig) -> list[Edit]:
        import ftfy

        fixed, explanation = ftfy.fix_and_explain(text, config)
        if self.remove_invisible:
            fixed = _INVISIBLE.sub("", fixed)
        if fixed == text:
            return []
        steps = [f"{action} {parameter}" for action, parameter in explanation or ()]
        return [
            Edit.replace(offset + start, offset + end, after, kind=kind, reason=reason)
            for start, end, after in _differences(text, fixed)
            for kind, reason in [_describe(text[start:end], after, steps)]
        ]


def _differences(before: str, after: str) -> list[tuple[int, int, str]]:
    """The changed runs between two versions of a line: ``(start, end, replacement)``."""
    if len(before) > _DIFF_LIMIT or len(after) > _DIFF_LIMIT:
        prefix = 0
        limit = min(len(before), len(after))
        while prefix < limit and before[prefix] == after[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]
        ):
            suffix += 1
        return [(prefix, len(before) - suffix, after[prefix : len(after) - suffix])]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    runs: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if runs and runs[-1][1] == i1:
            start, _, replacement = runs.pop()
            runs.append((start, i2, replacement + after[j1:j2]))
        else:
            runs.append((i1, i2, after[j1:j2]))
    return runs


def _describe(before: str, after: str, steps: list[str]) -> tuple[str, str]:
    """The kind and a readable reason for one repaired run."""
    if not after and before and not _INVISIBLE.sub("", before):
        names = sorted({_INVISIBLE_NAMES.get(char, f"U+{ord(char):04X}") for char in before})
        return ChangeKind.INVISIBLE, f"removed invisible character(s): {', '.join(names)}"
    detail = f" (ftfy: {', '.join(steps)})" if steps else ""
    if any(step.startswith(("encode", "decode")) for step in steps):
        return ChangeKind.MOJIBAKE, f"mojibake: text decoded with the wrong encoding{detail}"
    if "apply unescape_html" in steps:
        return "entity", f"HTML entity left in the text{detail}"
    return "unicode", f"unusual or control character{detail}"


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
) -> FixEncoding:
    """Make a cleaner that repairs mojibake, leftover HTML entities and invisible characters.

    `normalization` is the Unicode normal form to apply (``"NFC"``, ``"NFKC"`` or None).
    Curly quotes, full-width characters and line breaks are left as they are.
    """
    if normalization not in ("NFC", "NFKC", None):
        raise ValueError(f"normalization must be 'NFC', 'NFKC' or None, not {normalization!r}")
    return FixEncoding(
        normalization=normalization,
        unescape_html=bool(unescape_html),
        remove_invisible=bool(remove_invisible),
    )
