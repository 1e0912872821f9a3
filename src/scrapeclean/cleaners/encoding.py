"""`fix_encoding`: repair mojibake (with ftfy), leftover HTML entities, and invisible characters.

Most text needs none of it, and must not pay for ftfy: one C-level search over the whole text
(`may_need_repair`, a character class derived from what ftfy's fixes act on and from its
mojibake pattern `BADNESS_RE`, with the neighbours that pattern requires) finds the few lines
that may need a repair; only those are checked closely (`needs_repair`) and given to ftfy.
The output is ``ftfy.fix_text``'s with the configuration `_config` gives, spacing aside.

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
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from collections.abc import Set as AbstractSet

    import ftfy

__all__ = ["FixEncoding", "fix_encoding"]

Normalization = Literal["NFC", "NFKC"]

#: Characters that render as nothing and carry no meaning in article text. Joiners (U+200C,
#: U+200D) and direction marks are left alone: Persian, Indic scripts and emoji need them.
_INVISIBLE_CHARS = frozenset("\u200b\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064")
_INVISIBLE_RUN = LazyRegex("[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]+")
#: A line, split at every kind of line break (whitespace normalization makes them all \n).
_LINE = LazyRegex("[^\r\n\u2028\u2029]+")
#: Spaces that whitespace normalization turns into plain spaces. A no-break space right after
#: a character that a byte of a UTF-8 sequence (a lead, Â to ô, or a continuation, 0x80 to
#: 0xBF) becomes when misread as Windows-1252 or Latin-1 may be that sequence's next byte
#: (0xA0: the third byte of 고 or 유), so it stays for ftfy to see.
_OTHER_SPACES = LazyRegex(
    "[\t\r\x0b\x0c\u2028\u2029\u1680\u2000-\u200a\u202f\u205f]"
    "|(?<![\x80-\x9f\u00a0-\u00f4\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
    "\u0161\u203a\u0153\u017e\u0178])\u00a0"
)
_CHUNK = LazyRegex(r" +|[^ ]+")


def _suspect_class() -> str:
    """Characters on which a fix other than mojibake repair can act, in our ftfy configuration.

    Built from ftfy's own tables: the control characters `remove_control_chars` drops (and
    ``\x1b``, which starts the escapes `remove_terminal_escapes` removes), the ligatures
    `fix_latin_ligatures` expands (only looked at when asked for: see `needs_repair`), C1
    controls (`fix_c1_controls`), surrogates (`fix_surrogates`), plus the invisible characters
    we remove. Entities are looked for apart (``&`` sends a line to a closer look).
    """
    from ftfy.chardata import CONTROL_CHARS

    singles = {chr(code) for code in CONTROL_CHARS} | _INVISIBLE_CHARS | {"\x1b"}
    return rf"{_escaped(singles)}\x80-\x9f\ud800-\udfff"


def _ligature_class() -> str:
    """The ligatures ftfy's `fix_latin_ligatures` expands (a character class, bracketed)."""
    from ftfy.chardata import LIGATURES

    return f"[{_escaped(chr(code) for code in LIGATURES)}]"


def _escaped(chars: Iterable[str]) -> str:
    import regex

    return "".join(regex.escape(char) for char in sorted(chars))


def _mojibake_class() -> str:
    """Characters of which every match of ftfy's `BADNESS_RE` holds at least one.

    ftfy repairs mojibake only in text its `is_bad` (one search of `BADNESS_RE`) flags. Each
    alternative of that pattern is a short sequence of character classes; from each we take
    the class, among those it cannot do without, made of the rarest characters in clean text
    (symbols before letters; never ASCII), so that a line needs a closer look only
    when it holds one. Derived from ftfy's parsed pattern, so an ftfy upgrade is followed;
    should its shape ever defeat the derivation, every character is taken (slow, never wrong).
    """
    from ftfy.badness import BADNESS_RE

    parsed = _sre_parser().parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    alternatives = _alternatives(list(parsed))
    chosen: set[str] = set()
    classes: list[frozenset[str]]
    for alternative in alternatives:
        classes = [cls for cls in map(_position_class, alternative) if cls]
        if not classes:
            return r"\s\S"
        chosen |= min(classes, key=_frequency)
    return _escaped(chosen)


def _mojibake_conditions() -> list[str]:
    """For each alternative of `BADNESS_RE`: its chosen character, with what must surround it.

    Each is a lookaround to test at a character `_mojibake_class` holds, e.g.
    ``(?<=[àáâ][“”])`` (the chosen class, and before it the class the alternative puts
    there). A neighbour is required only when the alternative requires it (one character,
    a fixed set) and it holds no whitespace, which spacing could change; otherwise the chosen
    class alone. So a character is a candidate only where a match could hold it.
    """
    from ftfy.badness import BADNESS_RE

    parsed = _sre_parser().parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    conditions = []
    for alternative in _alternatives(list(parsed)):
        classes = [_position_class(item) for item in alternative]
        if not any(classes):
            return [r"(?<=[\s\S])"]
        chosen = min(
            (index for index, cls in enumerate(classes) if cls),
            key=lambda index: _frequency(classes[index]),
        )
        before = _neighbour_class(alternative[chosen - 1]) if chosen > 0 else None
        after = _neighbour_class(alternative[chosen + 1]) if chosen + 1 < len(alternative) else None
        here = _escaped(classes[chosen])
        condition = f"(?<=[{_escaped(before)}][{here}])" if before else f"(?<=[{here}])"
        conditions.append(condition + (f"(?=[{_escaped(after)}])" if after else ""))
    return conditions


def _neighbour_class(item: Any) -> frozenset[str] | None:
    """The characters a parsed item must match, if one of a fixed set with no whitespace."""
    chars = _fixed_chars(item)
    if not chars or any(char.isspace() or char in "\x1c\x1d\x1e\x1f\x85" for char in chars):
        return None
    return frozenset(chars)


def _fixed_chars(item: Any) -> set[str] | None:
    """The characters a parsed item matches: a literal, or a class of literals and ranges.

    None for anything else (a negated class, a category, a repeat).
    """
    op, argument = str(item[0]), item[1]
    if op == "LITERAL":
        return {chr(argument)}
    if op != "IN":
        return None
    chars: set[str] = set()
    for member_op, member in argument:
        if str(member_op) == "LITERAL":
            chars.add(chr(member))
        elif str(member_op) == "RANGE":
            chars.update(map(chr, range(member[0], member[1] + 1)))
        else:
            return None
    return chars


def _sre_parser() -> Any:
    if sys.version_info >= (3, 11):
        from re import _parser  # type: ignore[attr-defined]

        return _parser
    import sre_parse  # pragma: no cover - Python 3.10

    return sre_parse  # pragma: no cover


def _alternatives(items: list[Any]) -> list[list[Any]]:
    """The top-level alternatives of a parsed pattern, each a list of parsed items."""
    if len(items) == 1 and str(items[0][0]) == "BRANCH":
        return [list(branch) for branch in items[0][1][1]]
    return [items]


def _position_class(item: Any) -> frozenset[str]:
    """The characters one parsed item must match: empty unless a fixed set, none ASCII."""
    chars = _fixed_chars(item) or set()  # a negated class or a category: not a fixed set
    if any(char.isascii() for char in chars):
        return frozenset()  # whitespace normalization may make a space: never chosen
    return frozenset(chars)


#: Characters frequent in clean text among those `BADNESS_RE` looks at (besides lowercase
#: letters; capitals are rarer and weigh half).
_FREQUENT = frozenset("\u00a0\u00ad\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb")


def _frequency(chars: AbstractSet[str]) -> float:
    """How often a class of characters may be expected in clean text (a rough weight)."""
    return sum(_weight(char) for char in chars)


def _weight(char: str) -> float:
    if char in _FREQUENT or char.islower():
        return 1.0
    return 0.5 if char.isalpha() else 0.05


@cache
def _char_class(*parts: str) -> re.Pattern[str]:
    """One character class, compiled with the standard library's engine.

    Its scan for a class is a C loop over a bitmap, several times faster than `regex`'s on
    the same class; the classes here are fixed sets, with no Unicode properties.
    """
    builders: dict[str, Callable[[], str]] = {
        "suspect": _suspect_class,
        "mojibake": _mojibake_class,
        "ligature": lambda: _ligature_class()[1:-1],
        "entity": lambda: "&",
        # What `_OTHER_SPACES` may act on (a superset: it spares some no-break spaces).
        "spaces": lambda: "\t\r\x0b\x0c\u2028\u2029\u1680\u2000-\u200a\u202f\u205f\u00a0",
    }
    return re.compile("[" + "".join(builders[part]() for part in parts) + "]")


def _suspect() -> re.Pattern[str]:
    return _char_class("suspect")


def _ligature() -> re.Pattern[str]:
    return _char_class("ligature")


@cache
def _gate(fix_ligatures: bool) -> re.Pattern[str]:
    """A character that sends a line to a closer look (the whole-text gate).

    One class of every character a fix may act on, then conditions on its surroundings: an
    entity's shape after ``&``, and for a character of `_mojibake_class` the neighbours some
    alternative of `BADNESS_RE` requires (`_mojibake_conditions`). Written as a class first
    so that the standard library's engine scans for it in C and tests the rest only there.
    """
    suspect = _suspect_class() + (_ligature_class()[1:-1] if fix_ligatures else "")
    conditions = [
        f"(?<=[{suspect}])",
        r"(?<=&)(?=#?[0-9A-Za-z]{1,24};)",
        *_mojibake_conditions(),
    ]
    return re.compile(f"[&{suspect}{_mojibake_class()}](?:{'|'.join(conditions)})")


_LINE_BREAK = LazyRegex("[\r\n\u2028\u2029]")
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
#: ftfy steps that remove control characters.
_CONTROL_STEPS = frozenset({"apply remove_control_chars", "apply remove_terminal_escapes"})
_RULES = {
    ChangeKind.INVISIBLE: "encoding.invisible",
    ChangeKind.MOJIBAKE: "encoding.mojibake",
    ChangeKind.ENTITY: "encoding.entity",
    ChangeKind.CONTROL: "encoding.control",
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
    fix_ligatures: bool = False
    judge_as_spaced: bool = True

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose a repair for each damaged run of characters in `doc.text`."""
        text = doc.text
        if not may_need_repair(text, self.normalization, fix_ligatures=self.fix_ligatures):
            return Proposal()  # one pass over the whole text: nothing for ftfy or us to do
        entities_until = _entities_until(text) if self.unescape_html else 0
        edits: list[Edit] = []
        for start, end in self._lines_to_look_at(text):
            line = text[start:end]
            unescape = start < entities_until
            if self._may_need_repair(line, unescape):
                config = _config(self.normalization, unescape, self.fix_ligatures)
                edits.extend(self._line_edits(start, line, config))
        return Proposal(edits=tuple(edits), warnings=_lost_bytes_warning(text, edits))

    def _lines_to_look_at(self, text: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` of each line holding a character the gate looks for.

        One search per such line (the next starts after it), so the cost in Python is per
        suspect line, not per line; lines out of normal form are added when the text is.
        """
        gate = _gate(self.fix_ligatures)
        lines: dict[int, int] = {}
        position = 0
        only_newlines = not any(char in text for char in "\r\u2028\u2029")
        while (hit := gate.search(text, position)) is not None:
            start, end = _line_around(text, hit.start(), only_newlines)
            lines[start] = end
            position = max(end, hit.end())
        form = self.normalization
        if form is not None and not unicodedata.is_normalized(form, text):
            for line in _LINE.finditer(text):
                if not unicodedata.is_normalized(form, line.group()):
                    lines[line.start()] = line.end()
        return sorted(lines.items())

    def _may_need_repair(self, text: str, unescape: bool = True) -> bool:
        """`needs_repair` on `text` as it is and as whitespace normalization will space it.

        ftfy judges a character by its neighbours, and a second pass sees the text spaced
        ("Ã\ta" is left alone, "Ã a" is mojibake): both must agree there is nothing to do.
        """
        flags = {
            "unescape_html": unescape and self.unescape_html,
            "fix_ligatures": self.fix_ligatures,
        }
        if needs_repair(text, self.normalization, **flags):
            return True
        if not self.judge_as_spaced or not _may_be_respaced(text):
            return False
        spaced = _OTHER_SPACES.sub(" ", text)
        collapsed = _SPACE_RUN.sub(" ", spaced).strip(" ")
        return any(
            view != text and needs_repair(view, self.normalization, **flags)
            for view in (spaced, collapsed)
        )

    def _line_edits(self, offset: int, text: str, config: ftfy.TextFixerConfig) -> list[Edit]:
        spaced = self.judge_as_spaced
        view, origin = _spacing_view(text) if spaced else (text, range(len(text) + 1))
        fixed, steps = _repair(view, config, drop_invisible=self.remove_invisible, tidy=spaced)
        edits = []
        explained: dict[tuple[str, str, str, str], list[str]] = {}
        # Steps of one kind only (all mojibake, say): every run is that kind's, and the
        # line's steps are its account; each run is repaired on its own only in a mixed line.
        one_kind = len({_step_kind(step) for step in steps}) <= 1
        runs = _decoded_runs(view, fixed, steps)
        for run in _differences(view, fixed) if runs is None else runs:
            start, end, after = run
            if _only_spacing(view[start:end], after):
                continue  # normalize_whitespace's business
            first = origin[start]
            last = origin[end - 1] + 1 if end > start else first
            explain = self._run_steps
            run_steps = steps if one_kind else explain(view, run, steps, config, explained)
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
                    view[left:right],
                    config,
                    drop_invisible=self.remove_invisible,
                    tidy=self.judge_as_spaced,
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


def _may_be_respaced(text: str) -> bool:
    """Whether whitespace normalization could change the spacing of a line."""
    return (
        "  " in text
        or text[:1] == " "
        or text[-1:] == " "
        or _char_class("spaces").search(text) is not None
    )


def _spacing_view(text: str) -> tuple[str, Sequence[int]]:
    """The line spaced as whitespace normalization will leave it, and each character's origin.

    `origin` has one more entry than the view: the position after its last character.

    ftfy judges a character by its neighbours, so it must see the line as the rest of the
    pipeline will leave it, or cleaning the output again could repair what the first pass
    left. Tabs and other spaces become plain spaces, runs of spaces become one, and spaces at
    the ends go; but a run right after a character that can start a misread UTF-8 sequence
    (Â to ô) is kept whole, since ftfy may read its first space as the sequence's lost byte.
    """
    if not _may_be_respaced(text):
        return text, range(len(text) + 1)
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
    text: str, config: ftfy.TextFixerConfig, *, drop_invisible: bool, tidy: bool = True
) -> tuple[str, list[str]]:
    """Repair `text` until it stops changing; return it and the ftfy steps taken.

    Invisible characters are removed, and with `tidy` no-break spaces become spaces and
    spacing is tidied, only after ftfy has seen the line (a soft hyphen or a no-break space can
    be a byte of a misread character); then ftfy looks again, as a second cleaning would,
    unless the tidying changed nothing (ftfy's own output is final). Without `tidy`, one
    ftfy repair, as `ftfy.fix_text` makes it. Results are cached: the same short run (``Ã©``)
    is explained many times in a text full of mojibake.
    """
    repaired, steps = _repair_cached(text, config, drop_invisible, tidy)
    return repaired, list(steps)


@lru_cache(maxsize=4096)
def _repair_cached(
    text: str, config: ftfy.TextFixerConfig, drop_invisible: bool, tidy: bool
) -> tuple[str, tuple[str, ...]]:
    import ftfy

    flags = {
        "unescape_html": config.unescape_html is not False,
        "fix_ligatures": bool(config.fix_latin_ligatures),
    }
    steps: list[str] = []
    current = text
    for _ in range(_MAX_ROUNDS if tidy else 1):
        if needs_repair(current, config.normalization, **flags):
            fixed, explanation = ftfy.fix_and_explain(current, config)
            steps.extend(f"{action} {parameter}" for action, parameter in explanation or ())
        else:
            fixed = current
        repaired = _INVISIBLE_RUN.sub("", fixed) if drop_invisible else fixed
        if tidy:
            repaired = _SPACE_RUN.sub(" ", repaired.replace("\u00a0", " ")).strip(" ")
        # ftfy repeats its fixes until they change nothing, so its output is final unless
        # the tidying changed it.
        if repaired in (current, fixed):
            return repaired, tuple(steps)
        current = repaired
    return current, tuple(steps)


def _decoded_runs(view: str, fixed: str, steps: list[str]) -> list[tuple[int, int, str]] | None:
    """The changed runs of a line ftfy repaired by re-decoding it whole, or None.

    When the steps are only ``encode X, decode utf-8`` (once or more; once, ftfy's
    `replace_lossy_sequences` may come between), each run of non-ASCII characters of the
    repair was made from its own UTF-8 bytes read as X: encoding the run back gives the
    characters it replaced, so the alignment is known without a diff (a line dense with
    mojibake costs one encode and decode per run). U+FFFD ftfy wrote for lost sequences
    replaced the few characters before the next piece. Checked piece by piece against the
    line; None (align by diff) when the steps are others or any piece disagrees.
    """
    chain = _decoding_chain(steps)
    if chain is None:
        return None
    pieces = [
        (match.group(), _mis_decoded(match.group(), chain)) for match in _PIECE.finditer(fixed)
    ]
    runs: list[tuple[int, int, str]] = []
    position = 0
    for index, (after, before) in enumerate(pieces):
        if before is None:  # a lost sequence: up to the next piece
            following = pieces[index + 1][1] if index + 1 < len(pieces) else ""
            size = _lost_size(view, position, following or "", len(after))
            if size is None:
                return None
            before = view[position : position + size]
        elif not view.startswith(before, position):
            return None
        if before != after:
            runs.append(_trimmed(position, before, after))
        position += len(before)
    return runs if position == len(view) else None


#: A piece of a repaired line: ASCII kept as it was, non-ASCII from its bytes, or U+FFFD.
_PIECE = re.compile("[\x00-\x7f]+|[^\x00-\x7f\ufffd]+|\ufffd+")


def _mis_decoded(piece: str, chain: list[str]) -> str | None:
    """What `piece` was before the repair (None for a U+FFFD: a sequence whose bytes were lost)."""
    if piece[0] == "\ufffd":
        return None
    if piece.isascii():
        return piece
    try:
        for encoding in reversed(chain):
            piece = piece.encode("utf-8").decode(encoding)
    except UnicodeError:
        return piece + "\ufffd"  # cannot be in the line after a repair: falls back to diff
    return piece


def _lost_size(view: str, position: int, following: str, count: int) -> int | None:
    """How many characters of `view` from `position` `count` U+FFFD of the repair replaced.

    The fewest after which the next piece of the repair (`following`, or the end) is found.
    """
    for size in range(count, _MAX_LOST * count + 1):
        rest = position + size
        if rest > len(view):
            return None
        if view.startswith(following, rest) and (following or rest == len(view)):
            return size
    return None


#: The longest sequence ftfy's `replace_lossy_sequences` turns into one U+FFFD.
_MAX_LOST = 4


def _trimmed(position: int, before: str, after: str) -> tuple[int, int, str]:
    """A changed run without the characters its two versions start or end with alike."""
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - head
        and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
    ):
        tail += 1
    return position + head, position + len(before) - tail, after[head : len(after) - tail]


def _decoding_chain(steps: list[str]) -> list[str] | None:
    """The encodings of ``encode X, decode utf-8`` steps, in order; None for any other step."""
    if len(steps) == 3 and steps[1] == "transcode replace_lossy_sequences":
        steps = [steps[0], steps[2]]
    if not steps or len(steps) % 2:
        return None
    chain = []
    for encode, decode in zip(steps[::2], steps[1::2], strict=True):
        if not encode.startswith("encode ") or decode != "decode utf-8":
            return None
        chain.append(encode.removeprefix("encode "))
    return chain


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
    strong: tuple[int, int] | None = None
    strong_run = 0
    skew = -1
    current = 0

    def reach() -> int:
        return limit  # read when the far places are indexed: the limit as it stands then

    for distance, a, b in _places(before, after, i, j, reach):
        if distance > limit:
            break
        if a < 0:  # the end of a distance: its strongest place, if any, ends the region
            if strong is not None:
                return strong
            continue
        if distance != current:
            if strong is not None:
                return strong
            current, strong_run, skew = distance, 0, -1
        if a == size_before and b == size_after:
            return a, b
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


def _places(
    before: str, after: str, i: int, j: int, reach: Callable[[], int]
) -> Iterator[tuple[int, int, int]]:
    """Where the versions may agree again after ``(i, j)``, nearest first: ``(distance, a, b)``.

    Every pair of equal characters within `_SYNC_WINDOW` (counting the characters skipped in
    both), and the pair of ends, in the order a walk by growing distance (then by position in
    `before`) meets them; ``(distance, -1, -1)`` marks the end of each near distance. The
    nearest (where a region usually ends) are walked one by one; farther ones come from an
    index of the window's characters, so a region dense with mojibake costs the pairs that
    agree, not every pair. The index stops at `reach()`, the farthest distance the caller
    still looks at once the near ones are walked: in a line of entities (``&amp;&amp;…``),
    where the versions never agree for long, indexing the whole window at every entity made
    cleaning cost tens of microseconds per character.
    """
    size_before, size_after = len(before), len(after)
    near = min(_NEAR, _SYNC_WINDOW)
    for distance in range(1, near + 1):
        for a in range(i, i + distance + 1):
            b = j + distance - (a - i)
            at_ends = a == size_before and b == size_after
            if at_ends or (a < size_before and b < size_after and before[a] == after[b]):
                yield distance, a, b
        yield distance, -1, -1  # every place at this distance has been given
    window = min(_SYNC_WINDOW, reach())
    positions: dict[str, list[int]] = {}
    for a in range(i, min(size_before, i + window + 1)):
        positions.setdefault(before[a], []).append(a)
    places = []
    for b in range(j, min(size_after, j + window + 1)):
        for a in positions.get(after[b], ()):
            distance = a - i + b - j
            if near < distance <= window:
                places.append((distance, a, b))
    end = size_before - i + size_after - j
    if near < end <= window:
        places.append((end, size_before, size_after))
    places.sort()
    yield from places


#: Distances from a difference walked pair by pair before the window is indexed.
_NEAR = 8


def _agreement(before: str, after: str, a: int, b: int) -> int:
    """How many characters (up to `_SYNC_RUN`) agree from ``before[a]`` and ``after[b]`` on."""
    run = 0
    limit = min(_SYNC_RUN, len(before) - a, len(after) - b)
    while run < limit and before[a + run] == after[b + run]:
        run += 1
    return run


def _step_kind(step: str) -> str:
    """The kind of repair one ftfy step makes (as `_describe` names it)."""
    if step.startswith(("encode", "decode", "transcode")) or step in _MOJIBAKE_STEPS:
        return ChangeKind.MOJIBAKE
    if step == "apply unescape_html":
        return ChangeKind.ENTITY
    if step in _CONTROL_STEPS:
        return ChangeKind.CONTROL
    return ChangeKind.UNICODE


#: The kinds, the first present among a run's steps naming it, and what each says.
_KIND_REASONS = {
    ChangeKind.MOJIBAKE: "mojibake: text decoded with the wrong encoding",
    ChangeKind.ENTITY: "HTML entity left in the text",
    ChangeKind.CONTROL: "control character or terminal escape removed",
    ChangeKind.UNICODE: "unusual character normalized",
}


def _describe(before: str, after: str, steps: list[str]) -> tuple[str, str]:
    """The kind and a readable reason for one repaired run, with ftfy's steps."""
    if not after and before and all(char in _INVISIBLE_CHARS for char in before):
        names = sorted({_INVISIBLE_NAMES.get(char, f"U+{ord(char):04X}") for char in before})
        return ChangeKind.INVISIBLE, f"removed invisible character(s): {', '.join(names)}"
    return _described_steps(tuple(steps))


@lru_cache(maxsize=256)
def _described_steps(steps: tuple[str, ...]) -> tuple[str, str]:
    detail = f" (ftfy: {', '.join(steps)})" if steps else ""
    kinds = {_step_kind(step) for step in steps}
    kind = next((kind for kind in _KIND_REASONS if kind in kinds), ChangeKind.UNICODE)
    return kind, f"{_KIND_REASONS[kind]}{detail}"


def may_need_repair(
    text: str, normalization: Normalization | None = "NFC", *, fix_ligatures: bool = False
) -> bool:
    """The whole-text gate: False promises that no repair of `fix_encoding` can act on `text`.

    One C-level search for a character some fix acts on or that every mojibake sequence ftfy's
    `is_bad` flags must hold (`_mojibake_class`), and ``unicodedata.is_normalized``. When it
    says True, `needs_repair` decides line by line.
    """
    if _gate(fix_ligatures).search(text) is not None:
        return True
    return normalization is not None and not unicodedata.is_normalized(normalization, text)


@lru_cache(maxsize=8)
def needs_repair(
    text: str,
    normalization: Normalization | None = "NFC",
    *,
    unescape_html: bool = True,
    fix_ligatures: bool = False,
) -> bool:
    """Whether any repair of `fix_encoding` (ftfy's fixes as configured, or ours) could act.

    False is a promise, checked by the tests against ``ftfy.fix_text``: the text has no
    character a fix acts on, no entity ftfy would decode (ftfy decodes none in a segment that
    holds ``<``), is in the normal form asked for, and holds no sequence ftfy's `is_bad` takes
    for mojibake (ftfy itself leaves such text alone). Each check is one C-level scan.
    """
    if _suspect().search(text) is not None:
        return True
    if fix_ligatures and _ligature().search(text) is not None:
        return True
    if unescape_html and "&" in text and "<" not in text:
        from ftfy.chardata import HTML_ENTITY_RE

        if HTML_ENTITY_RE.search(text) is not None:
            return True
    if normalization is not None and not unicodedata.is_normalized(normalization, text):
        return True
    if text.isascii():
        return False
    return _is_bad(text)


def _is_bad(text: str) -> bool:
    """Whether ftfy's `is_bad` (one search of `BADNESS_RE`) flags `text`, looking less.

    Only around the characters every match holds (`_mojibake_class`): a match holding one at
    ``i`` lies within the width of the longest match around ``i``, and a search there finds
    it (``^`` still matches only at 0, as in ftfy's search of the line).
    """
    from ftfy.badness import BADNESS_RE

    width = _badness_width()
    for hit in _char_class("mojibake").finditer(text):
        at = hit.start()
        if BADNESS_RE.search(text, max(0, at - width + 1), at + width) is not None:
            return True
    return False


@lru_cache(maxsize=1)
def _badness_width() -> int:
    """The length of the longest text one match of ftfy's `BADNESS_RE` can cover."""
    from ftfy.badness import BADNESS_RE

    width = int(_sre_parser().parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1])
    if width > _MAX_BADNESS_WIDTH:
        raise RuntimeError(f"ftfy's BADNESS_RE matches up to {width} characters; expected few")
    return width


#: A bound on `_badness_width` (ftfy 6's is 7): a wider pattern would defeat the windows.
_MAX_BADNESS_WIDTH = 64


def _lost_bytes_warning(text: str, edits: list[Edit]) -> tuple[str, ...]:
    """A warning when mojibake repairs left U+FFFD: bytes lost when the mojibake was made.

    Text decoded with the wrong encoding and then saved loses the bytes that encoding could
    not map; ftfy repairs the rest and leaves U+FFFD for each lost character (in the repair,
    or kept from the damaged text right beside it).
    """
    partial = [
        edit
        for edit in edits
        if edit.kind == ChangeKind.MOJIBAKE
        and (
            "\ufffd" in edit.replacement
            or text[edit.span.end : edit.span.end + 1] == "\ufffd"
            or text[max(0, edit.span.start - 1) : edit.span.start] == "\ufffd"
        )
    ]
    if not partial:
        return ()
    first = partial[0]
    return (
        f"{len(partial)} mojibake repair(s) could not be completed: U+FFFD stands where bytes "
        f"were lost when the text was decoded with the wrong encoding (the first at characters "
        f"{first.span.start}-{first.span.end}); the original characters there "
        f"cannot be recovered from the text",
    )


def _line_around(text: str, index: int, only_newlines: bool) -> tuple[int, int]:
    """The ``(start, end)`` of the line holding ``text[index]`` (any line break ends a line).

    `only_newlines` says the text holds no line break but ``\n`` (the common case, quicker).
    """
    start = text.rfind("\n", 0, index) + 1
    if only_newlines:
        end = text.find("\n", index)
        return start, len(text) if end < 0 else end
    start = max(start, *(text.rfind(char, start, index) + 1 for char in "\r\u2028\u2029"))
    found = _LINE_BREAK.search(text, index)
    return start, len(text) if found is None else found.start()


def _entities_until(text: str) -> int:
    """Where ftfy stops decoding entities: the start of the first line holding ``<``.

    `ftfy.fix_text` takes a segment holding ``<`` for HTML source, whose entities are meant,
    and leaves entities alone from there to the end of the text; so does `fix_encoding`. Any
    line break ends a line (as in `_line_around`): whitespace normalization makes each one
    ``\n``, and a second pass must find the same line.
    """
    first = text.find("<")
    if first < 0:
        return len(text) + 1
    return max(text.rfind(char, 0, first) for char in "\n\r\u2028\u2029") + 1


@lru_cache(maxsize=16)
def _config(
    normalization: Normalization | None, unescape_html: bool, fix_ligatures: bool = False
) -> ftfy.TextFixerConfig:
    """The ftfy configuration of our choices (and the one to compare our output with)."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html="auto" if unescape_html else False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_latin_ligatures=fix_ligatures,
        normalization=normalization,
        explain=True,
    )


def fix_encoding(
    *,
    normalization: Normalization | None = "NFC",
    unescape_html: bool = True,
    remove_invisible: bool = True,
    fix_ligatures: bool = False,
    judge_as_spaced: bool = True,
    name: str | None = None,
) -> FixEncoding:
    """Make a cleaner that repairs mojibake, leftover HTML entities and invisible characters.

    The repairs are ftfy's (`ftfy.fix_text` with the configuration `_config` gives, so the
    output equals ftfy's, spacing aside), applied only to the lines that need them.
    `normalization` is the Unicode normal form to apply (``"NFC"``, ``"NFKC"`` or None).
    `unescape_html` decodes HTML entities ftfy decodes (none from the first line holding ``<``
    on, as ftfy does). `remove_invisible` removes zero-width spaces, soft hyphens and the like
    (ftfy keeps them: a difference, hence an option). `fix_ligatures` expands Latin ligatures
    (ﬁ → fi; off by default: they are what the page wrote). ftfy judges a character by its
    neighbours: with `judge_as_spaced` (the default) each line is judged as whitespace
    normalization will space it, so that cleaning the output again repairs nothing more;
    False judges it as given, exactly as ``ftfy.fix_text`` does (then ``â€œ`` between two
    spaces stays, and a second cleaning, seeing one space, repairs it). Curly quotes, full-width
    characters and line breaks are left as they are. `name` is the step's name in a pipeline
    (default ``"fix_encoding"``).
    """
    if normalization not in ("NFC", "NFKC", None):
        raise ValueError(f"normalization must be 'NFC', 'NFKC' or None, not {normalization!r}")
    return FixEncoding(
        normalization=normalization,
        unescape_html=bool(unescape_html),
        remove_invisible=bool(remove_invisible),
        fix_ligatures=bool(fix_ligatures),
        judge_as_spaced=bool(judge_as_spaced),
        name=name or "",
    )
