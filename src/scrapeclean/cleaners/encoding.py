"""`fix_encoding`: repair mojibake (with ftfy), leftover HTML entities, and invisible characters.

The text is repaired a line at a time; each repaired line is aligned with the original,
character by character, so that every change covers only the characters that changed, however
long the line. The alignment walks both versions once: equal characters are skipped, and at a
difference it looks a bounded distance ahead for the nearest place where they agree again, so a
line costs time linear in its length even when it is dense with mojibake (a general diff was
cubic there). Each changed run is explained by the ftfy steps that repair that run on its own.
A line is repaired until it stops changing, and seen with the spacing whitespace normalization will
give it, so that cleaning the output again repairs nothing more. A no-break space that a repair
uncovers comes out as a plain space; curly quotes, full-width characters and line breaks are
left as they are.
"""

from __future__ import annotations

import difflib
import unicodedata
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


def _suspect_class() -> str:
    """Characters on which some fix in our ftfy configuration (or ours) can act.

    Built from ftfy's own tables: the control characters `remove_control_chars` drops, the
    ligatures `fix_latin_ligatures` expands, C1 controls (`fix_c1_controls`), surrogates
    (`fix_surrogates`), ``&`` (`unescape_html`), plus the invisible characters we remove.
    Mojibake (`fix_encoding`) is decided by ftfy's `is_bad`, and normalization by
    `unicodedata.is_normalized`: see `needs_repair`.
    """
    from ftfy.chardata import CONTROL_CHARS, LIGATURES

    singles = {chr(code) for code in (*CONTROL_CHARS, *LIGATURES)} | _INVISIBLE_CHARS | {"&"}
    import regex

    escaped = "".join(regex.escape(char) for char in sorted(singles))
    return rf"[{escaped}\x80-\x9f\ud800-\udfff]"


_SUSPECT = LazyRegex(_suspect_class)
_MAY_LEAD = LazyRegex("[\u00c2-\u00f4]")
_SPACE_RUN = LazyRegex(" {2,}")
#: Rounds of repair on one line before its result is taken as final.
_MAX_ROUNDS = 3
#: How far ahead (characters in the old and new line together) the alignment looks for the
#: place where they agree again; the region up to it is diffed on its own.
_SYNC_WINDOW = 48
#: Characters compared to choose between equally near places where the versions agree again.
_SYNC_RUN = 8
#: Agreeing characters that make a place to realign at certain (fewer: keep looking a little).
_SYNC_STRONG = 4
#: ftfy steps that repair text decoded with the wrong encoding.
_MOJIBAKE_STEPS = frozenset(
    {
        "apply decode_inconsistent_utf8",
        "apply restore_byte_a0",
        "apply replace_lossy_sequences",
        "apply fix_c1_controls",
    }
)
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
        if not self._may_need_repair(doc.text):
            return Proposal()  # one pass over the whole text: nothing for ftfy or us to do
        config = _config(self.normalization, self.unescape_html)
        edits: list[Edit] = []
        for line in _LINE.finditer(doc.text):
            text = line.group()
            if self._may_need_repair(text):
                edits.extend(self._line_edits(line.start(), text, config))
        return Proposal(edits=tuple(edits))

    def _may_need_repair(self, text: str) -> bool:
        """`needs_repair` on `text` as it is and as whitespace normalization will space it.

        ftfy judges a character by its neighbours, and a second pass sees the text spaced
        ("Ã\ta" is left alone, "Ã a" is mojibake): both must agree there is nothing to do.
        """
        if needs_repair(text, self.normalization):
            return True
        spaced = _OTHER_SPACES.sub(" ", text)
        collapsed = _SPACE_RUN.sub(" ", spaced).strip(" ")
        return any(
            view != text and needs_repair(view, self.normalization)
            for view in (spaced, collapsed)
        )

    def _line_edits(self, offset: int, text: str, config: ftfy.TextFixerConfig) -> list[Edit]:
        view, origin = _spacing_view(text)
        fixed, steps = _repair(view, config, drop_invisible=self.remove_invisible)
        edits = []
        explained: dict[tuple[str, str, str, str], list[str]] = {}
        for run in _differences(view, fixed):
            start, end, after = run
            if _only_spacing(view[start:end], after):
                continue  # normalize_whitespace's business
            first = origin[start]
            last = origin[end - 1] + 1 if end > start else first
            run_steps = self._run_steps(view, run, steps, config, explained)
            kind, reason = _describe(text[first:last], after, run_steps)
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

    def _run_steps(
        self,
        view: str,
        run: tuple[int, int, str],
        line_steps: list[str],
        config: ftfy.TextFixerConfig,
        seen: dict[tuple[str, str, str, str], list[str]],
    ) -> list[str]:
        """The ftfy steps that repair one changed run, or the line's when the run alone won't do.

        The run is repaired on its own, then with more and more of the line around it (an
        entity's ``&`` may be outside the run: ``&amp;`` becomes ``&`` by deleting ``amp;``);
        the steps of the first that gives the same result are the run's. ftfy judges a line as
        a whole, so when neither does, the line's steps are the best account there is. `seen`
        caches runs within a line.
        """
        start, end, after = run
        for margin in _EXPLAIN_MARGINS:
            left, right = max(0, start - margin), min(len(view), end + margin)
            key = (view[left:start], view[start:end], view[end:right], after)
            steps = seen.get(key)
            if steps is None:
                if len(seen) >= _RUNS_EXPLAINED:
                    return line_steps
                repaired, own = _repair(
                    view[left:right], config, drop_invisible=self.remove_invisible
                )
                steps = own if own and repaired == (key[0] + after + key[2]).strip(" ") else []
                seen[key] = steps
            if steps:
                return steps
        return line_steps


#: Characters of the line on each side of a run that its explanation looks at, in turn (the
#: nearest context first, so that a neighbouring repair is left out when it can be).
_EXPLAIN_MARGINS = (0, 1, 3, 8)
#: Distinct changed runs per line that are explained one by one (beyond it: the line's steps).
_RUNS_EXPLAINED = 256


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

    Equal characters are skipped; at a difference, `_region_end` finds where the versions agree
    again (at most `_SYNC_WINDOW` characters on), and the region between is diffed on its own.
    Every run therefore starts and ends with a character that differs, whatever the length of
    the line, and the whole walk is linear in it.
    """
    runs: list[tuple[int, int, str]] = []
    size_before, size_after = len(before), len(after)
    i = j = 0
    while True:
        while i < size_before and j < size_after and before[i] == after[j]:
            i += 1
            j += 1
        if i == size_before and j == size_after:
            return runs
        end_i, end_j = _region_end(before, after, i, j)
        for start, end, replacement in _diff_region(before[i:end_i], after[j:end_j]):
            if runs and runs[-1][1] == i + start:
                first, _, previous = runs.pop()
                runs.append((first, i + end, previous + replacement))
            else:
                runs.append((i + start, i + end, replacement))
        i, j = end_i, end_j


def _diff_region(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changed runs between two short strings (a region of at most `_SYNC_WINDOW`)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if runs and runs[-1][1] == i1:
            first, _, replacement = runs.pop()
            runs.append((first, i2, replacement + new[j1:j2]))
        else:
            runs.append((i1, i2, new[j1:j2]))
    return runs


def _region_end(before: str, after: str, i: int, j: int) -> tuple[int, int]:
    """Where the versions agree again after a difference at ``(i, j)``: the end of its region.

    The nearest place (counting the characters skipped in both) where at least `_SYNC_STRONG`
    characters agree, or the rest of the line does, ends the region; among equally near ones
    the one agreeing longest wins, so ``AT&amp;T`` realigns at "T", not at the "a" of "and".
    Once a place where fewer agree is seen (one letter between two mojibake sequences), the
    search goes only a little further; with no strong place by then, the nearest weak one ends
    the region (the one nearest the line's overall pace among equally near ones), and with no
    agreement at all within `_SYNC_WINDOW`, a window's worth of both.
    """
    size_before, size_after = len(before), len(after)
    if i == size_before or j == size_after:
        return size_before, size_after
    weak: tuple[int, int] | None = None
    weak_distance = 0
    limit = _SYNC_WINDOW
    distance = 0
    while distance < limit:
        distance += 1
        strong: tuple[int, int] | None = None
        strong_run = 0
        skew = -1
        for skip in range(distance + 1):
            a, b = i + skip, j + distance - skip
            if a > size_before or b > size_after:
                continue
            if a == size_before and b == size_after:
                return a, b
            if a == size_before or b == size_after or before[a] != after[b]:
                continue
            run = _agreement(before, after, a, b)
            if run >= _SYNC_STRONG or (a + run == size_before and b + run == size_after):
                if run > strong_run:
                    strong, strong_run = (a, b), run
            else:
                # Of the nearest places, the one that keeps both versions advancing at the
                # pace of the whole line (mojibake shrinks text evenly).
                off = abs((a - i) * size_after - (b - j) * size_before)
                if weak_distance in (0, distance) and (skew < 0 or off < skew):
                    weak, skew, weak_distance = (a, b), off, distance
                    limit = min(limit, distance + 3 * _SYNC_STRONG)
        if strong is not None:
            return strong
    if weak is not None:
        return weak
    half = _SYNC_WINDOW // 2
    return min(i + half, size_before), min(j + half, size_after)


def _agreement(before: str, after: str, a: int, b: int) -> int:
    """How many characters (up to `_SYNC_RUN`) agree from ``before[a]`` and ``after[b]`` on."""
    run = 0
    limit = min(_SYNC_RUN, len(before) - a, len(after) - b)
    while run < limit and before[a + run] == after[b + run]:
        run += 1
    return run


def _describe(before: str, after: str, steps: list[str]) -> tuple[str, str]:
    """The kind and a readable reason for one repaired run."""
    if not after and before and all(char in _INVISIBLE_CHARS for char in before):
        names = sorted({_INVISIBLE_NAMES.get(char, f"U+{ord(char):04X}") for char in before})
        return ChangeKind.INVISIBLE, f"removed invisible character(s): {', '.join(names)}"
    detail = f" (ftfy: {', '.join(steps)})" if steps else ""
    if any(step.startswith(("encode", "decode")) or step in _MOJIBAKE_STEPS for step in steps):
        return ChangeKind.MOJIBAKE, f"mojibake: text decoded with the wrong encoding{detail}"
    if "apply unescape_html" in steps:
        return ChangeKind.ENTITY, f"HTML entity left in the text{detail}"
    return ChangeKind.UNICODE, f"unusual or control character{detail}"


@lru_cache(maxsize=8)
def needs_repair(text: str, normalization: Normalization | None = "NFC") -> bool:
    """Whether any repair of `fix_encoding` (ftfy's fixes as configured, or ours) could act.

    False is a promise, checked by the tests against ``ftfy.fix_text``: the text has no
    character a fix acts on, is in the normal form asked for, and holds no sequence ftfy's
    `is_bad` takes for mojibake (ftfy itself leaves such text alone). Each check is one
    C-level scan of the text.
    """
    if text.isascii():
        return _ASCII_SUSPECT.search(text) is not None
    if _SUSPECT.search(text) is not None:
        return True
    if normalization is not None and not unicodedata.is_normalized(normalization, text):
        return True
    from ftfy.badness import is_bad

    return bool(is_bad(text))


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
