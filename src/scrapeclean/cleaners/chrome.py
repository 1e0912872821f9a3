"""`remove_chrome`: lines of page furniture (UI chrome) that a scraper glued into the text.

Each line is judged on its own, by rules that name a *kind* of chrome, never a site:

- icon labels: a run of words most of which are icon-font names (``fbicon``, ``chevron downicon``);
- share bars and UI labels: a line made only of interface words (Share, Tweet, Print, Menu, …);
- call-to-action lines: "Read more", "Sign up for our newsletter", "Skip to content", …;
- cookie and consent prompts;
- copyright notices: "© 2024 Example Media", "Copyright 2024 …, all rights reserved";
- menus: four or more short items separated by ``|``, ``•`` or ``·``;
- credits: "Photo: …", "Image credit: …", "(Getty Images)".

Prose is protected (`scrapeclean.cleaners._text.is_prose`): a line shaped like a sentence of
running text is removed only in the head or tail zone of the text (above the first, or below
the last, sentence that no rule flags), where notices written as sentences stand; in the middle
of a story it stays, whatever it mentions. Only a notice in the site's own voice (cookies on
"this site" or "our website", a "Sign up for our newsletter" pitch) goes wherever it is. If the
rules would remove more than `max_removed` of the text (counting the line breaks that go with
the lines; in Markdown, the characters a reader sees), nothing is removed and a warning says
so: that page needs a human look.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

import regex

from scrapeclean import _vocabulary
from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean._regex import LazyRegex
from scrapeclean.cleaners._base import BaseCleaner, read_from_html
from scrapeclean.cleaners._markdown import link_shares, looks_like_markdown, markdown_views
from scrapeclean.cleaners._text import Flag, Line, is_prose, line_removals, nonblank_lines
from scrapeclean.cleaners._wrap import joined, unwrapped, wrap_width

if TYPE_CHECKING:
    from scrapeclean.cleaners._chrome_model import LineShapes
    from scrapeclean.cleaners._chrome_profile import ChromeProfile

__all__ = ["RemoveChrome", "remove_chrome"]

_ICON_TOKEN = LazyRegex(r"(?:^|[-_])?icons?(?:$|[-_])|^[a-z]{1,12}icons?$|^icon[-_a-z]+$", regex.I)
_WORD = LazyRegex(r"[\p{L}\p{N}][\p{L}\p{N}'’._-]*")
_SENTENCE_END = LazyRegex(r"[.!?…][\"'”’»)]*\s*$")
#: (?<!\s): never start inside a run of spaces, or a long run costs quadratic time.
_MENU_SEPARATOR = LazyRegex(r"(?<!\s)(?:\s+[|•·»/]\s+|\s*[|•·]\s*)")
_MENU_SEPARATOR_CHARS = "|•·»/"


@cache
def _strong_ui_words() -> frozenset[str]:
    """Words that make a line of interface labels on their own (share bars, buttons)."""
    return _vocabulary.words("chrome.ui_words")


@cache
def _ui_words() -> frozenset[str]:
    """Interface words and the little words that may stand between them ("Share on")."""
    return _strong_ui_words() | _vocabulary.words("chrome.filler_words")


class _VocabularyRegex(LazyRegex):
    """A `LazyRegex` whose source is built from the language files on first use."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], str], flags: int = 0) -> None:
        super().__init__("", flags)
        self._build = build

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (the language files are read the first time)."""
        if self._compiled is None:
            self._compiled = regex.compile(self._build(), self._flags)
        return self._compiled


def _words_pattern(key: str) -> Callable[[], str]:
    return lambda: rf"\b(?:{_vocabulary.alternation(key)})\b"


#: What may close a whole-line call to action or notice: a space, then a mark or an ellipsis.
_CLOSING = r"\s?(?:[.:!?]|\.{3}|…)?$"
#: Whole lines that are calls to action or notices (case-insensitive, after trimming).
_CALL_TO_ACTION = _VocabularyRegex(
    lambda: (
        rf"^(?:{_vocabulary.alternation('chrome.calls_to_action')}|"
        rf"{_vocabulary.patterns('chrome.call_to_action_patterns')}){_CLOSING}"
    ),
    regex.IGNORECASE | regex.VERBOSE,
)
#: A notice in running words, as a whole line: a newsletter pitch, an author's contact line, a
#: copyright sentence ("Get the latest news in your inbox", "Follow her on Twitter @…"). Its
#: fragments open with a run of any characters, which would make every line slow to match:
#: only the lines holding one of the language files' `notice_cues` are put to it.
_NOTICE = _VocabularyRegex(
    lambda: rf"^(?:{_vocabulary.patterns('chrome.notice_patterns')}){_CLOSING}",
    regex.IGNORECASE | regex.VERBOSE,
)
#: The pattern half of `_CALL_TO_ACTION` alone (what its phrases cannot tell).
_CALL_TO_ACTION_PATTERN = _VocabularyRegex(
    lambda: rf"^(?:{_vocabulary.patterns('chrome.call_to_action_patterns')}){_CLOSING}",
    regex.IGNORECASE | regex.VERBOSE,
)
#: A pointer to another page: a call to action ("Read more", "Related", "Weiterlesen") with a
#: separator, then a headline (a capital first, at most `_MAX_POINTER_WORDS` words, no full stop).
_POINTER = _VocabularyRegex(
    lambda: (
        rf"^(?:{_vocabulary.alternation('chrome.calls_to_action')})\s*[:|»›]\s*"
        r"(?P<headline>\p{Lu}[^\n]*?)[!?]?$"
    ),
    regex.IGNORECASE | regex.VERBOSE,
)
_MAX_POINTER_WORDS = 16
#: The separators `_POINTER` needs (caseless: IGNORECASE matches them only as they are).
_POINTER_SEPARATORS = ":|»›"
#: A cookie notice names cookies, asks for consent, and speaks to the reader: all three.
_COOKIE = _VocabularyRegex(_words_pattern("chrome.cookie_words"), regex.IGNORECASE | regex.VERBOSE)
_CONSENT = _VocabularyRegex(
    _words_pattern("chrome.consent_words"), regex.IGNORECASE | regex.VERBOSE
)
_AUDIENCE = _VocabularyRegex(
    _words_pattern("chrome.audience_words"), regex.IGNORECASE | regex.VERBOSE
)
#: A copyright line: the sign, "(c)" before a year, or the word, then a short holder.
_COPYRIGHT = LazyRegex(r"^(?:©|ⓒ|\(c\)(?=\s*\d{4})|copyright\b).{0,80}$", regex.IGNORECASE)
#: What makes a copyright line a notice even when it reads like a sentence.
_COPYRIGHT_MARK = LazyRegex(
    r"©|ⓒ|\(c\)\s*\d{4}|\bcopyright\s+\d{4}|\b(?:all\ rights\ reserved|"
    r"alle\ rechte\ vorbehalten|tous\ droits\ réservés|todos\ los\ derechos\ reservados|"
    r"tutti\ i\ diritti\ riservati)\b",
    regex.IGNORECASE | regex.VERBOSE,
)
#: A notice in the site's own voice: cookies on *this* site, a newsletter pitch, a call to
#: subscribe or register that says "our" ("Subscribe now to our e-edition for the full
#: story"), "our newsletter", a paywall's pitch ("To view the full story, please subscribe",
#: "already a subscriber"), "log in to post a comment", an affiliate-links notice, "cancel
#: anytime", a line that opens with the copyright sign. Such a line is chrome wherever it
#: stands, even as a sentence. The patterns are the language files' `site_voice_patterns`.
_SITE_VOICE = _VocabularyRegex(
    lambda: _vocabulary.patterns("chrome.site_voice_patterns"),
    regex.IGNORECASE | regex.VERBOSE,
)
_CREDIT = _VocabularyRegex(
    lambda: (
        r"^[(\[]?(?:"
        rf"(?:{_vocabulary.alternation('chrome.credit_labels')})s?\s*(?::|by\b)\s*.{{1,80}}"
        rf"|.{{1,60}}/\s*(?:{_vocabulary.alternation('chrome.credit_agencies')})"
        rf"|(?:{_vocabulary.alternation('chrome.stock_photo_agencies')})"
        rf"|(?:{_vocabulary.alternation('chrome.credit_agencies')})"
        rf"|(?!(?:{_vocabulary.alternation('dateline.byline_words')})\s)"
        rf"[^.!?]{{1,60}}?(?:\s*[|,]\s*|\s+via\s+)"
        rf"(?:{_vocabulary.alternation('chrome.credit_agencies')})"
        rf"|(?:{_vocabulary.alternation('chrome.credit_labels')})\s+copyright\s+.{{1,60}}"
        r")[)\]]?$"
    ),
    regex.IGNORECASE | regex.VERBOSE,
)
#: Any of the whole-line rules above (call to action, pointer, copyright, credit): one match
#: rules all four out for most lines. COPYRIGHT is not VERBOSE: its flags are scoped.
_ANY_LINE_RULE = _VocabularyRegex(
    lambda: (
        f"(?:{_CALL_TO_ACTION.compiled.pattern})|(?:{_POINTER.compiled.pattern})"
        f"|(?:{_CREDIT.compiled.pattern})|(?-x:{_COPYRIGHT.compiled.pattern})"
    ),
    regex.IGNORECASE | regex.VERBOSE,
)
#: A short sentence: a capital, some words, one of them in lower case, and a sentence end.
_SHORT_SENTENCE = LazyRegex(r"^[\p{Lu}\p{N}\"'“„«].{0,200}\s\p{Ll}[\p{L}'’-]*.*[.!?…][\"'”’»)]*$")
#: A header line: a year or a clock time, or a byline ("By Jane Doe", "Von Max Muster").
_DATE_OR_BYLINE = _VocabularyRegex(
    lambda: (
        r"\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|"
        rf"^(?:{_vocabulary.alternation('dateline.byline_words')})\s+\p{{Lu}}"
    ),
    regex.IGNORECASE,
)
#: A headline: a capital, two to twenty-five words, no sentence end but a question mark.
_HEADLINE = LazyRegex(r"^(?=\p{Lu}|\p{N})(?:\S+\s+){1,24}\S*[^\s.,;:]$")
#: How many lines above the story may be header (dates, bylines, the chrome between them).
_HEADER_REACH = 6
#: The model reads a page's layout: a text of fewer lines has none, and only the rules judge.
_MIN_MODEL_LINES = 12
#: The model judges what remains again until it finds nothing new, reading at most this many
#: times the text's lines in all its passes.
_MODEL_WORK = 6
#: How many lines the model's second stage reads at once (their vectors are held meanwhile).
_SECOND_CHUNK = 256
#: In Markdown, a line whose visible text is this much link text is a link; this many such lines
#: in a row are a list of links (`_link_runs`).
_LINK_LINE = 0.8
_LINK_RUN = 2
#: How many lines into the story a date or byline line may stand.
_HEADER_INTO_STORY = 3
_MAX_ICON_LINE = 3000
_MIN_ICONS = 3
_MAX_COOKIE_LINE = 400
_MAX_CHROME_LINE = 300


@dataclass(frozen=True, slots=True, repr=False)
class RemoveChrome(BaseCleaner):
    """Remove lines that are page furniture: icon labels, share bars, menus, prompts, credits."""

    factory = "remove_chrome"
    max_removed: float = 0.95
    extra_phrases: frozenset[str] = frozenset()
    model: bool = field(default=True, repr=False)
    model_on_html: bool = field(default=False, repr=False)
    profile: ChromeProfile | None = field(default=None, repr=False)
    inline: bool = field(default=True, repr=False)

    def __repr__(self) -> str:
        shown = BaseCleaner.__repr__(self)
        hidden = [
            *([] if self.model else ["model=False"]),
            *(["model_on_html=True"] if self.model_on_html else []),
            *([] if self.profile is None else [f"profile={self.profile!r}"]),
            *([] if self.inline else ["inline=False"]),
        ]
        return f"{shown[:-1]}, {', '.join(hidden)})" if hidden else shown

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose removing each chrome line of `doc.text`, and chrome spans inside lines."""
        proposal = self._line_proposal(doc)
        if not self.inline:
            return proposal
        from scrapeclean.cleaners._chrome_inline import with_inline_spans

        return with_inline_spans(doc.text, proposal, self.max_removed)

    def _line_proposal(self, doc: Document, /) -> Proposal:
        """Propose removing each chrome line of `doc.text`."""
        text = doc.text
        model = self.model and (self.model_on_html or not read_from_html(doc))
        readable = _readable_lines(text)
        flagged, settled = self._judged(text, readable, model=model)
        if not flagged:
            return Proposal()
        edits = line_removals(text, flagged)
        whole, removed = _cap_measures(text, readable, flagged, edits)
        if removed <= self.max_removed * whole:
            unsettled = () if settled else (_unsettled_warning(len(flagged)),)
            return Proposal(edits=tuple(edits), warnings=unsettled)
        if model:
            # The model's guesses would empty the page: fall back to what the rules know.
            rules_only, _ = self._judged(text, readable, model=False)
            edits = line_removals(text, rules_only)
            if _cap_measures(text, readable, rules_only, edits)[1] <= self.max_removed * whole:
                dropped = (
                    f"kept {len(flagged) - len(rules_only)} line(s) the line model judges "
                    f"chrome: with them the removals would take {removed / whole:.0%} of "
                    f"the text, more than max_removed={self.max_removed}, so only the rules' "
                    f"removals were made (cleaning the output again may remove them)"
                )
                return Proposal(edits=tuple(edits), warnings=(dropped,))
        return Proposal(
            warnings=(
                f"kept {len(flagged)} line(s) that look like chrome: removing them would "
                f"remove {removed / whole:.0%} of the text, more than "
                f"max_removed={self.max_removed}",
            )
        )

    def _judged(self, text: str, readable: _Readable, *, model: bool) -> tuple[list[Flag], bool]:
        """`_flagged`, then the lines the site profile knows (`profile`), if any.

        The profile comes last, so that the rules and the model judge each line in its full
        context (a run of menu lines, a list of links) whatever the profile takes.
        """
        flagged, settled = self._flagged(text, readable, model=model)
        if self.profile is None:
            return flagged, settled
        from scrapeclean.cleaners._chrome_profile import with_profile_lines

        return with_profile_lines(text, flagged, self.profile), settled

    def _flagged(self, text: str, readable: _Readable, *, model: bool) -> tuple[list[Flag], bool]:
        """The chrome lines of `text` (line rules, line model), and whether the judgement settled.

        `readable` is `_readable_lines` of `text`.

        The model first reads every line, those the rules flagged among them (it was trained
        on whole page texts), and may take only the lines the rules left. Verdicts depend on
        context (the model reads neighbours and place; a rule spares a sentence only inside the
        story, bounded by prose lines the model may take), so the remaining lines are judged
        again, rules then model, until a pass finds nothing new:
        cleaning the output once more then finds nothing either. The model's passes stop
        when the lines they have read reach `_MODEL_WORK` times the text's lines (linear
        time); the judgement has then not settled. Each distinct line is judged by the rules,
        and read for the model, once.
        """
        from scrapeclean.cleaners._chrome_model import LineShapes

        lines, texts, silent = readable
        verdicts = self._verdicts_of_lines(texts)
        shapes = LineShapes()
        decided: dict[int, tuple[str, str]] = {}
        # Markdown shows which lines are links: lists of them go with the rules' removals.
        links = None if silent is None else _links_of(text, lines)
        rule_pass = partial(
            _rule_pass, lines, verdicts, decided=decided, prose=shapes.prose, links=links
        )
        kept = rule_pass(list(range(len(lines))))
        budget = _MODEL_WORK * len(lines) if model and len(lines) >= _MIN_MODEL_LINES else 0
        #: Past this many characters of lines, the removals pass the cap whatever comes next.
        cap = self.max_removed * _cap_whole(text, readable)
        settled = True
        if budget and kept:
            # First the model reads every line, those the rules flagged among them, as it was
            # trained to; it may take only the lines the rules left.
            budget -= len(lines)
            found = self._model_verdicts(texts, verdicts, shapes, set(kept))
            if not found and len(kept) == len(lines):
                budget = 0  # the rules took nothing: reading what is left would read the same
            decided.update(found)
            kept = [index for index in kept if index not in found]
            kept = rule_pass(kept)
        while budget:
            if len(kept) > budget:
                settled = False
                break
            budget -= len(kept)
            found = self._model_verdicts(
                [texts[i] for i in kept], [verdicts[i] for i in kept], shapes
            )
            if not found:
                break
            decided.update((kept[local], verdict) for local, verdict in found.items())
            kept = [index for local, index in enumerate(kept) if local not in found]
            kept = rule_pass(kept)
            if sum(len(lines[index].text) for index in decided) > cap:
                break  # the model's removals will be dropped (`__call__`): no need to go on
        flags = [
            (lines[index], ChangeKind.CHROME, verdict[1], verdict[0])
            for index, verdict in sorted(decided.items())
        ]
        if silent:  # (Markdown: the lines of markup only)
            flags += _silent_flags(silent, set(decided), len(lines))
            flags.sort(key=lambda flag: flag[0].start)
        return flags, settled

    @staticmethod
    def _model_verdicts(
        texts: list[str],
        verdicts: list[tuple[str, str] | None],
        shapes: LineShapes,
        allowed: set[int] | None = None,
    ) -> dict[int, tuple[str, str]]:
        """A ``chrome.model`` verdict for each line the model judges chrome.

        `texts` are the trimmed lines, those the rules left (some flagged by a rule but spared
        as a sentence inside the rules' story: a comment form's notice among teasers that read
        as prose; the model, which places the story's end itself, may take them). Inside the
        story the model sees, it needs more certainty (``story_threshold``) and never takes a
        sentence; it never takes the header just above the story (a date or byline line, and
        the headline above those): later steps read them. Only the lines it may take are put
        to the second stage.
        """
        from scrapeclean.cleaners._chrome_model import load_model

        if not texts:
            return {}
        model = load_model()
        judgement = model.judge(texts, [verdict is not None for verdict in verdicts], shapes)
        start, end = judgement.story
        header = _header(texts, verdicts, start)
        sentence = partial(_is_sentence, prose=shapes.prose)
        candidates = [
            index
            for index in range(len(texts))
            if (allowed is None or index in allowed)
            and index not in header
            and not (start <= index <= end and shapes.sentence(texts[index], sentence))
        ]
        found: dict[int, tuple[str, str]] = {}
        for at in range(0, len(candidates), _SECOND_CHUNK):  # (chunks: bounded vectors held)
            chunk = candidates[at : at + _SECOND_CHUNK]
            for index, (probability, vector) in zip(chunk, judgement.second(chunk), strict=True):
                needed = model.story_threshold if start <= index <= end else model.threshold
                if probability >= needed:
                    reason = model.second.reason(vector, probability=probability)
                    found[index] = ("chrome.model", reason)
        return found

    def judge(self, line: str) -> str | None:
        """Why `line` is chrome, or None when it is not."""
        verdict = self.verdict(line)
        return None if verdict is None else verdict[1]

    def verdict(self, line: str) -> tuple[str, str] | None:
        """``(rule id, reason)`` when `line` is chrome, or None when it is not."""
        return self._verdict_of_stripped(line.strip())

    def _verdict_of_stripped(
        self, stripped: str, cookie: bool = True, notice: bool = True
    ) -> tuple[str, str] | None:
        """`verdict` of a trimmed line; `cookie` and `notice` as `_judge` takes them."""
        if self.extra_phrases and " ".join(stripped.split()).casefold() in self.extra_phrases:
            return "chrome.extra_phrase", "matches a phrase given in extra_phrases"
        return _judge(stripped, cookie, notice)

    def _verdicts_of_lines(self, texts: list[str]) -> list[tuple[str, str] | None]:
        """`_verdict_of_stripped` of each trimmed line of `texts`, each distinct line once.

        The cookie pattern and the notice cues read all the distinct lines at once
        (`_cookie_candidates`, `_notice_candidates`): a line in which they find nothing is
        spared the cookie and the notice rules.
        """
        distinct = list(dict.fromkeys(texts))
        cookie = _cookie_candidates(distinct)
        notice = _notice_candidates(distinct)
        judge = self._verdict_of_stripped if self.extra_phrases else _judge
        known = {
            line: judge(line, index in cookie, index in notice)
            for index, line in enumerate(distinct)
        }
        return list(map(known.__getitem__, texts))


#: A line of Markdown a reader does not see (an image, a rule), and the index of the first
#: readable line after it.
_Silent = tuple[Line, int]
#: `_readable_lines` of a text.
_Readable = tuple[list[Line], list[str], list[_Silent] | None]


def _readable_lines(text: str) -> _Readable:
    """`nonblank_lines` as a reader sees them, and the lines a reader does not see.

    In a Markdown text, each line is read without its markup (`markdown_views`); it keeps its
    place, so a removal takes the whole line, markup and all. A line that is only markup is not
    read (flattened page text, which the line model learned from, has no such line): it goes
    with the lines around it (`_silent_flags`). Text that is not Markdown has no such lines:
    None. A text wrapped at a fixed width is read a paragraph at a time (`unwrapped`).
    """
    lines, texts = nonblank_lines(text)
    width = wrap_width([line.text for line in lines])
    if width is not None:  # a wrapped text: a line for each paragraph
        lines = unwrapped(text, lines, width)
        texts = [line.text.strip() for line in lines]
    if not looks_like_markdown(text):
        return lines, texts, None
    readable: list[Line] = []
    silent: list[_Silent] = []
    for line, view in zip(lines, markdown_views(texts), strict=True):
        if view:
            readable.append(Line(line.number, line.start, line.end, view))
        else:
            silent.append((line, len(readable)))
    return readable, [line.text for line in readable], silent


def _links_of(text: str, lines: list[Line]) -> list[bool]:
    """Whether each readable line of a Markdown text is a link.

    A link: at least `_LINK_LINE` of what a reader sees of the line (its text, in `lines`) is
    links' text.
    """
    written = [joined(text[line.start : line.end]) for line in lines]
    shares = link_shares(written, [line.text for line in lines])
    return [share >= _LINK_LINE for share in shares]


def _link_runs(kept: list[int], links: list[bool]) -> dict[int, tuple[str, str]]:
    """The lines of `kept` in a run of `_LINK_RUN` links or more, with their verdict.

    Such a run (the lines between them gone, markup-only lines aside) is a list of links: a
    menu, tags, other stories. A link alone among other lines is left to the rest.
    """
    found: dict[int, tuple[str, str]] = {}
    run: list[int] = []
    for index in [*kept, -1]:  # (the -1 ends the last run)
        if index >= 0 and links[index]:
            run.append(index)
            continue
        if len(run) >= _LINK_RUN:
            reason = f"one of {len(run)} lines in a row that are links (a list of links)"
            found.update((line, ("chrome.link_list", reason)) for line in run)
        run = []
    return found


def _cap_measures(
    text: str, readable: _Readable, flagged: list[Flag], edits: list[Edit]
) -> tuple[int, int]:
    """What `max_removed` weighs: the whole text, and what `edits` (of `flagged`) remove.

    Characters, the line breaks that go with the lines included; in Markdown, the characters a
    reader sees (a menu of links is mostly link targets: counted as written, it would weigh far
    more than the story beside it).
    """
    lines, _, silent = readable
    whole = _cap_whole(text, readable)
    if silent is None:
        return whole, sum(len(edit.span) for edit in edits)
    seen = {line.start: len(line.text) for line in lines}
    return whole, sum(seen.get(flag[0].start, 0) for flag in flagged)


def _cap_whole(text: str, readable: _Readable) -> int:
    """What `max_removed` weighs the whole text at (`_cap_measures`)."""
    _, texts, silent = readable
    return len(text) if silent is None else sum(map(len, texts))


def _silent_flags(silent: list[_Silent], removed: set[int], count: int) -> list[Flag]:
    """A flag for each unseen Markdown line whose readable neighbours are both removed.

    At the top or the end of the text, the one neighbour decides; a text with no readable
    line keeps its markup.
    """
    flags: list[Flag] = []
    for line, after in silent:
        before = after - 1
        if count and (before < 0 or before in removed) and (after >= count or after in removed):
            flags.append((line, ChangeKind.CHROME, _SILENT_REASON, "chrome.markup_between"))
    return flags


_SILENT_REASON = "Markdown markup only (an image, a rule) between lines removed as chrome"


def _rule_pass(
    lines: list[Line],
    verdicts: list[tuple[str, str] | None],
    kept: list[int],
    *,
    decided: dict[int, tuple[str, str]],
    prose: Callable[[str], bool],
    links: list[bool] | None = None,
) -> list[int]:
    """The lines of `kept` that stay after the rules, the others put in `decided`.

    A line a rule flags stays only as a sentence inside the story (`_protected`), the story
    bounded by the prose lines among `kept`. Then, when `links` says which lines are links
    (Markdown), the runs of them among the lines that stay go too (`_link_runs`).
    """
    first, last = _story_bounds([lines[i] for i in kept], [verdicts[i] for i in kept], prose)
    staying: list[int] = []
    for local, index in enumerate(kept):
        verdict = verdicts[index]
        if verdict is None or (first <= local <= last and _protected(lines[index].text, prose)):
            staying.append(index)
        else:
            decided[index] = verdict
    if links is None:
        return staying
    listed = _link_runs(staying, links)
    decided.update(listed)
    return [index for index in staying if index not in listed]


def _unsettled_warning(count: int) -> str:
    return (
        f"removed {count} chrome line(s), but the line model was still finding more when it "
        f"stopped (its passes are limited to linear time): cleaning the text again may "
        f"remove more"
    )


def _protected(line: str, prose: Callable[[str], bool] = is_prose) -> bool:
    """Whether a flagged line in the story stays: a sentence not in the site's own voice."""
    return prose(line) and not _SITE_VOICE.search(line)


def _is_sentence(text: str, prose: Callable[[str], bool] = is_prose) -> bool:
    """Whether a trimmed line reads as prose or as a short sentence."""
    return prose(text) or _SHORT_SENTENCE.match(text) is not None


def _header(texts: list[str], verdicts: list[tuple[str, str] | None], start: int) -> set[int]:
    """Indexes of the header lines around the top of the story: dates, bylines, the headline."""
    zone = range(max(0, start - _HEADER_REACH), min(len(texts), start + _HEADER_INTO_STORY))
    kept = {i for i in zone if verdicts[i] is None and _DATE_OR_BYLINE.search(texts[i])}
    index = (min(kept) if kept else start) - 1
    while index >= 0 and verdicts[index] is not None:
        index -= 1
    if index >= 0 and _HEADLINE.match(texts[index]):
        kept.add(index)
    return kept


def _story_bounds(
    lines: list[Line],
    verdicts: list[tuple[str, str] | None],
    prose: Callable[[str], bool] = is_prose,
) -> tuple[int, int]:
    """Indexes of the first and last line that is prose and that no rule flags.

    Lines between them (inclusive) are the story; sentences outside are in the head or tail
    zone. Without such a line the whole text is zone: ``(len(lines), -1)``. The story starts
    below the header (`_header_end`): a headline above a dateline is no story line, or whether
    a notice under it is protected would depend on steps that remove the header later.
    """
    start = _header_end(lines, verdicts, prose)
    body = (
        index
        for index in range(start, len(lines))
        if verdicts[index] is None and prose(lines[index].text)
    )
    first = next(body, None)
    if first is None:
        return len(lines), -1
    last = first
    for index in range(len(lines) - 1, first, -1):
        if verdicts[index] is None and prose(lines[index].text):
            last = index
            break
    return first, last


def _header_end(
    lines: list[Line], verdicts: list[tuple[str, str] | None], prose: Callable[[str], bool]
) -> int:
    """The index after the header's last date or byline line, 0 when there is none.

    A date or byline line ("14 Jun, 2024 09:45", "By Jane Doe") is header when it stands among
    the first `_HEADER_REACH` lines and above the story's second line of prose: a headline may
    stand above the dateline, a paragraph may not.
    """
    end = 0
    above = 0
    for index in range(min(len(lines), _HEADER_REACH)):
        if verdicts[index] is not None:
            continue
        text = lines[index].text
        if prose(text):
            above += 1
            if above == 2:
                break
        elif _DATE_OR_BYLINE.search(text.strip()):
            end = index + 1
    return end


def _cookie_candidates(lines: list[str]) -> set[int]:
    """The indexes of `lines` (trimmed, no line break in them) in which `_COOKIE` finds a word.

    One scan of the lines joined costs a tenth of a search per line. A line break reads as
    the start or end of the text does to ``\\b``, and a match marks every line it touches,
    so a line in which the pattern finds a word on its own is always marked.
    """
    joined = "\n".join(lines)
    starts = [0, *accumulate(len(line) + 1 for line in lines[:-1])]
    return _lines_touched(_COOKIE.compiled, joined, starts)


def _notice_candidates(lines: list[str]) -> set[int]:
    """The indexes of `lines` (trimmed, no line break in them) holding a notice cue.

    The lines are case-folded and joined once, and each cue is found with `str.find`: a few
    scans of the text in C, where the notice pattern itself would be tried at every position.
    """
    folded = [line.casefold() for line in lines]
    joined = "\n".join(folded)
    starts = [0, *accumulate(len(line) + 1 for line in folded[:-1])]
    found: set[int] = set()
    for cue in _notice_cues():
        at = joined.find(cue)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            found.add(line)
            at = joined.find(cue, starts[line + 1] if line + 1 < len(starts) else len(joined))
    return found


@cache
def _notice_cues() -> tuple[str, ...]:
    """The case-folded cues of the notice patterns (`_NOTICE`), over every language."""
    return tuple(sorted(_vocabulary.words("chrome.notice_cues")))


def _lines_touched(pattern: regex.Pattern[str], joined: str, starts: list[int]) -> set[int]:
    """The indexes of the lines (starting at `starts` in `joined`) that a match touches."""
    touched: set[int] = set()
    for match in pattern.finditer(joined):
        first = bisect_right(starts, match.start()) - 1
        last = bisect_right(starts, max(match.end() - 1, match.start())) - 1
        touched.update(range(first, last + 1))
    return touched


def _judge(line: str, cookie: bool = True, notice: bool = True) -> tuple[str, str] | None:
    """``(rule id, reason)`` when a trimmed line is chrome, or None.

    ``cookie=False`` says that `_COOKIE` finds nothing in the line (`_cookie_candidates`), and
    ``notice=False`` that it holds no notice cue (`_notice_candidates`): those rules are then
    skipped.
    """
    if len(line) > _MAX_ICON_LINE:
        return None
    if line.casefold().count("icon") >= _MIN_ICONS:
        icon_reason = _icon_labels(_WORD.findall(line))
        if icon_reason is not None:
            return "chrome.icon_labels", icon_reason
    if len(line) > _MAX_COOKIE_LINE:
        return None
    if cookie and _is_cookie_notice(line):
        return "chrome.cookie_notice", "cookie or consent notice"
    if len(line) > _MAX_CHROME_LINE:
        return None
    if _may_match_line_rule(line) and _ANY_LINE_RULE.match(line):
        verdict = _whole_line_rule(line)
        if verdict is not None:
            return verdict
    if notice and _NOTICE.match(line):
        return "chrome.call_to_action", "call to action or notice, not article text"
    first = _WORD.compiled.search(line)
    if first is None:
        return None
    if _may_be_ui_labels(first) and _is_ui_labels(line):
        return "chrome.ui_labels", "interface labels (share bar, buttons, account links)"
    if _is_menu(line):
        return "chrome.menu", "navigation menu: short items separated by |, • or ·"
    return None


class _LineRuleGate(NamedTuple):
    """What a gated line must show for a whole-line rule to match it (`_may_match_line_rule`)."""

    #: The calls to action, lower-cased: a line that is one of them (and a closing mark).
    phrases: frozenset[str]
    #: How a credit or copyright line may start, and how a credit line may end (lower case).
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    #: How every match of the call-to-action patterns begins; None if that is not known.
    pattern_heads: _Heads | None
    #: The literal beginnings of `pattern_heads` by their first character.
    heads_by_first: dict[str, tuple[str, ...]]
    #: The calls to action by their first character (a pointer starts with one).
    phrases_by_first: dict[str, tuple[str, ...]]


#: A character outside the gated ones: ASCII, Latin-1 (less ``µ``, which `regex` matches to
#: the Greek mu when ignoring case) and the dashes, quotes, bullets and ellipsis of General
#: Punctuation. A line holding one goes to the whole-line rules without a shortcut.
_UNGATED_CHAR = re.compile("[^\x00-\xb4\xb6-\xff\u2010-\u2027\u2030-\u205e]")
#: Every gated character `_CLOSING` may match: the marks and all whitespace (``\s``).
_CLOSING_CHARS = ".:!?…" + "".join(map(chr, range(33))) + "\x7f\x85\xa0"
#: The characters that `regex`, ignoring case, matches to a gated character whose lower case
#: (`str.lower`) is another (a test checks every code point): "ſ" to "s", "İ" and "ı" to "i".
_LOOKALIKES = "\u017f\u0130\u0131\U0001df95"


@cache
def _line_rule_gate() -> _LineRuleGate | None:
    """The literal parts of the whole-line rules, for gated lines; None if no shortcut holds.

    Ignoring case, `regex` matches a gated character (one `_UNGATED_CHAR` does not find) only
    to characters with the same lower case (`str.lower`, one character for each gated one),
    or to one of `_LOOKALIKES`: a gated line can match a literal only when the literal, lower
    cased, equals the line's text lower cased. A vocabulary entry holding a lookalike would
    break that: then there is no shortcut.
    """
    keys = (
        "chrome.calls_to_action",
        "chrome.credit_labels",
        "chrome.credit_agencies",
        "chrome.stock_photo_agencies",
    )
    entries = [phrase for key in keys for phrase in _vocabulary.words(key)]
    if any(set(_LOOKALIKES).intersection(phrase) for phrase in entries):
        return None
    lowered = {key: [w.lower() for w in _vocabulary.words(key)] for key in keys}
    agencies = lowered["chrome.credit_agencies"] + lowered["chrome.stock_photo_agencies"]
    heads = _pattern_heads(_vocabulary.patterns("chrome.call_to_action_patterns"))
    if heads is not None and any(set(_LOOKALIKES).intersection(head) for head in heads.starts):
        heads = None
    return _LineRuleGate(
        phrases=frozenset(lowered["chrome.calls_to_action"]),
        starts=("(", "[", "©", "copyright", *lowered["chrome.credit_labels"]),
        ends=tuple(agency + close for agency in agencies for close in ("", ")", "]")),
        pattern_heads=heads,
        heads_by_first=_by_first(() if heads is None else heads.starts),
        phrases_by_first=_by_first(lowered["chrome.calls_to_action"]),
    )


def _by_first(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """`texts` grouped by their first character."""
    found: dict[str, list[str]] = {}
    for text in texts:
        found.setdefault(text[:1], []).append(text)
    return {first: tuple(group) for first, group in found.items()}


#: How long a literal beginning `_pattern_heads` follows before it stops reading.
_MAX_HEAD = 16


class _Heads(NamedTuple):
    """How every match of a pattern begins (`_pattern_heads`)."""

    #: Lower-cased literal beginnings: every match starts with one of them (ignoring case)...
    starts: tuple[str, ...]
    #: ...or with a digit (``\\d``), when this is True.
    digit: bool


def _pattern_heads(pattern: str) -> _Heads | None:
    """The literal beginnings of every match of `pattern` (case-insensitive, VERBOSE), or None.

    A small reader of the pattern syntax the language files use: literal characters and
    escaped punctuation, groups ``(?:…)`` and ``(?-i:…)`` with alternatives, classes of
    literal characters, and the quantifiers ``?``, ``*``, ``+`` and ``{m,n}``. A beginning
    stops (stays as far as it got) at anything else: ``.``, ``\\p{…}``, ``\\b``, a lookaround.
    None when a match may begin with something not literal (other than ``\\d``), or when the
    pattern holds what the reader does not know (a comment, a flag for the whole pattern).
    """
    try:
        states, end = _alternatives(pattern, 0)
    except _UnreadSyntaxError:
        return None
    if end != len(pattern):
        return None
    starts = {prefix for prefix, _, _ in states if prefix}
    kinds = {kind for prefix, _, kind in states if not prefix}
    if kinds - {"digit"}:
        return None
    return _Heads(tuple(sorted(starts)), "digit" in kinds)


class _UnreadSyntaxError(Exception):
    """A construct `_pattern_heads` does not read."""


#: A beginning being read: its text (lower case), whether it may go on, and for an empty one
#: that has stopped, what stopped it ("digit" for ``\\d``, else "any").
_State = tuple[str, bool, str]


def _alternatives(pattern: str, at: int) -> tuple[set[_State], int]:
    """The beginnings of the alternatives from `at` to the closing bracket or the end."""
    found: set[_State] = set()
    while True:
        states, at = _sequence(pattern, at)
        found |= states
        if at < len(pattern) and pattern[at] == "|":
            at += 1
            continue
        return found, at


def _sequence(pattern: str, at: int) -> tuple[set[_State], int]:
    """The beginnings of one alternative, from `at` to a ``|``, a ``)`` or the end."""
    states: set[_State] = {("", True, "")}
    while at < len(pattern) and pattern[at] not in "|)":
        char = pattern[at]
        if char.isspace():  # VERBOSE: unescaped whitespace is no part of the pattern
            at += 1
            continue
        if char == "#":
            raise _UnreadSyntaxError(char)
        atom, at = _atom(pattern, at)
        low, high, at = _quantifier(pattern, at)
        once = _extend(states, atom)
        if high != 1:  # repeated: one repetition is known, what follows is not
            once = {(prefix, False, kind) for prefix, _, kind in once}
        states = (states | once) if low == 0 else once
    return states, at


def _atom(pattern: str, at: int) -> tuple[set[_State] | str, int]:
    """One item of the pattern at `at`: its beginnings, or the kind of what stops them."""
    char = pattern[at]
    if char == "(":
        if pattern.startswith(("(?:", "(?-i:", "(?i:"), at):
            inner, end = _alternatives(pattern, pattern.index(":", at) + 1)
        elif pattern[at + 1 : at + 2] != "?":  # a capturing group matches the same strings
            inner, end = _alternatives(pattern, at + 1)
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), at):
            inner, end = _alternatives(pattern, at + 3 + (pattern[at + 2] == "<"))
            inner = {("", False, "any")}
        else:
            raise _UnreadSyntaxError(pattern[at : at + 3])
        if end >= len(pattern) or pattern[end] != ")":
            raise _UnreadSyntaxError("(")
        return inner, end + 1
    if char == "[":
        return _class(pattern, at)
    if char == "\\":
        escaped = pattern[at + 1 : at + 2]
        if not escaped:
            raise _UnreadSyntaxError(char)
        if escaped.isalnum():
            end = at + 2
            if escaped in "pPN" and pattern[end : end + 1] == "{":
                end = pattern.index("}", end) + 1
            return ("digit" if escaped == "d" else "any"), end
        return {(escaped.lower(), True, "")}, at + 2
    if char in ".^$":
        return "any", at + 1
    if char in "?*+{":
        raise _UnreadSyntaxError(char)
    return {(char.lower(), True, "")}, at + 1


def _class(pattern: str, at: int) -> tuple[set[_State] | str, int]:
    """A character class at `at`: its characters when all are literal, else "any"."""
    end = at + 1
    if pattern[end : end + 1] == "]":
        end += 1
    while pattern[end : end + 1] not in ("]", ""):
        end += 2 if pattern[end] == "\\" else 1
    if end >= len(pattern):
        raise _UnreadSyntaxError("[")
    body = pattern[at + 1 : end]
    if body[:1] in ("^", "") or "\\" in body or "[" in body or "-" in body[1:-1]:
        return "any", end + 1
    if any(char.isspace() for char in body):
        return "any", end + 1
    return {(char.lower(), True, "") for char in body}, end + 1


def _quantifier(pattern: str, at: int) -> tuple[int, int, int]:
    """The least and most repetitions (-1: no most) the quantifier at `at` allows, and its end."""
    char = pattern[at : at + 1]
    if char == "?":
        low, high, at = 0, 1, at + 1
    elif char == "*":
        low, high, at = 0, -1, at + 1
    elif char == "+":
        low, high, at = 1, -1, at + 1
    elif char == "{" and (close := pattern.find("}", at)) > at:
        low_text, _, high_text = pattern[at + 1 : close].partition(",")
        if not (low_text or "0").isdigit() or not (high_text or "0").isdigit():
            return 1, 1, at  # a literal brace
        low = int(low_text or "0")
        high = low if "," not in pattern[at:close] else int(high_text) if high_text else -1
        at = close + 1
    else:
        return 1, 1, at
    if pattern[at : at + 1] in ("?", "+"):  # lazy or possessive: the same strings
        at += 1
    return low, high, at


def _extend(states: set[_State], atom: set[_State] | str) -> set[_State]:
    """`states` followed by `atom` (its beginnings, or the kind of what stops them)."""
    found: set[_State] = set()
    for prefix, going, kind in states:
        if not going:
            found.add((prefix, going, kind))
        elif isinstance(atom, str):
            found.add((prefix, False, "" if prefix else atom))
        else:
            for more, more_going, more_kind in atom:
                text = prefix + more
                if len(text) >= _MAX_HEAD:
                    found.add((text, False, ""))
                else:
                    found.add((text, more_going, "" if text else more_kind))
    return found


def _may_match_line_rule(line: str) -> bool:
    """False when no whole-line rule (`_ANY_LINE_RULE`) can match `line`; else True.

    A shortcut for gated lines (no character `_UNGATED_CHAR` finds), read from the literal
    parts of each rule: a call to action is one of its phrases (then perhaps a closing mark)
    or matches one of its patterns (after one of their literal beginnings, `_pattern_heads`);
    a pointer starts with a call to action and holds one of `_POINTER_SEPARATORS`; a credit
    starts with a bracket or a credit label, or ends with an agency (then perhaps a bracket);
    a copyright line starts with "©", ``(c)`` or "copyright". Other lines: True.
    """
    gate = _line_rule_gate()
    if gate is None or (not line.isascii() and _UNGATED_CHAR.search(line)):
        return True
    lowered = line.lower()
    phrases = gate.phrases
    if lowered in phrases:
        return True
    # A phrase, then what `_CLOSING` allows: some of the closing characters at the end.
    bare = len(lowered.rstrip(_CLOSING_CHARS))
    if bare < len(lowered) and any(lowered[:end] in phrases for end in range(bare, len(lowered))):
        return True
    if lowered.startswith(gate.starts) or lowered.endswith(gate.ends):
        return True
    if any(map(line.__contains__, _POINTER_SEPARATORS)) and lowered.startswith(
        gate.phrases_by_first.get(lowered[:1], ())
    ):
        return True
    heads = gate.pattern_heads
    if heads is None or lowered.startswith(gate.heads_by_first.get(lowered[:1], ())):
        return _CALL_TO_ACTION_PATTERN.match(line) is not None
    # Else a pattern can only match from a digit (`\d` matches only what `isdigit` does).
    if not (heads.digit and line[:1].isdigit()):
        return False
    return _CALL_TO_ACTION_PATTERN.match(line) is not None


def _whole_line_rule(line: str) -> tuple[str, str] | None:
    """The verdict of the whole-line rules (call to action, pointer, copyright, credit)."""
    if _CALL_TO_ACTION.match(line):
        return "chrome.call_to_action", "call to action or notice, not article text"
    if _is_pointer(line):
        return "chrome.pointer", "a link to another story (a call to action, then its headline)"
    if _COPYRIGHT.match(line) and (_COPYRIGHT_MARK.search(line) or not is_prose(line)):
        return "chrome.copyright", "copyright notice"
    if _CREDIT.match(line):
        return "chrome.credit", "photo or source credit"
    return None


def _is_pointer(line: str) -> bool:
    """Whether a line points to another story: "Read more: Paris plans its trams for 2009"."""
    if not any(map(line.__contains__, _POINTER_SEPARATORS)):
        return False  # every match holds one of them
    match = _POINTER.match(line)
    if match is None:
        return False
    headline = match["headline"]
    if not headline[:1].isupper() or headline.rstrip().endswith("."):
        return False  # IGNORECASE lets \p{Lu} match any letter: the capital is checked here
    return 2 <= len(headline.split()) <= _MAX_POINTER_WORDS


def _is_cookie_notice(line: str) -> bool:
    """Whether a line names cookies, asks for consent, and addresses the reader."""
    return bool(_COOKIE.search(line) and _CONSENT.search(line) and _AUDIENCE.search(line))


def _icon_labels(words: list[str]) -> str | None:
    """A reason when most words are icon-font names (``fbicon``, ``icon-share``)."""
    if len(words) < 4:
        return None
    icons = sum(1 for word in words if _ICON_TOKEN.search(word))
    ui = sum(1 for word in words if word.casefold() in _ui_words())
    if icons >= _MIN_ICONS and (icons + ui) / len(words) >= 0.5:
        return f"icon-font labels: {icons} of {len(words)} words are icon names"
    return None


def _may_be_ui_labels(first: regex.Match[str]) -> bool:
    """Whether the first word of a line (its `_WORD` match) is an interface word.

    `_is_ui_labels` reads that word first: when it is none, the line is no row of labels.
    """
    return first.group().casefold().strip("'’.") in _ui_words()


def _is_ui_labels(line: str) -> bool:
    """Whether the line is nothing but interface words (a share bar, a row of buttons).

    The words are read one by one: the first that is no interface word settles it.
    """
    ui_words = _ui_words()
    folded: list[str] = []
    for match in _WORD.compiled.finditer(line):
        word = match.group().casefold().strip("'’.")
        if word not in ui_words:
            return False
        folded.append(word)
    if len(folded) > 3 and _SENTENCE_END.search(line):
        return False
    strong = _strong_ui_words()
    return sum(map(strong.__contains__, folded)) >= max(1, len(folded) // 2)


def _is_menu(line: str) -> bool:
    """Whether the line is four or more short items separated by menu separators."""
    if sum(map(line.count, _MENU_SEPARATOR_CHARS)) < 3:  # each separator holds one of them
        return False
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    items = [item for item in items if item]
    if len(items) < 4:
        return False
    if any(len(item.split()) > 4 or _SENTENCE_END.search(item) for item in items):
        return False
    return sum(1 for item in items if item[:1].isupper() or item[:1].isdigit()) >= 0.75 * len(items)


def remove_chrome(
    *,
    max_removed: float = 0.95,
    extra_phrases: Iterable[str] = (),
    model: bool = True,
    model_on_html: bool = False,
    profile: ChromeProfile | None = None,
    inline: bool = True,
    name: str | None = None,
) -> RemoveChrome:
    """Make a cleaner that removes UI chrome lines (icon labels, share bars, menus, prompts).

    `max_removed` (0 to 1) is the largest share of the text it may remove; above it nothing is
    removed and a warning is recorded. `extra_phrases` are whole lines to remove too (matched
    case-insensitively), for chrome the built-in rules do not know. With `model` (the default)
    a small learned line model (`scrapeclean.cleaners._chrome_model`) also removes the lines it
    judges chrome from their shape, vocabulary, place and neighbours (rule ``chrome.model``);
    ``model=False`` keeps to the line rules. The model is trained on the flattened text of whole
    pages: on a page read from HTML, whose blocks `extract_html` has already judged from the
    DOM, only the rules run unless ``model_on_html=True``. `profile` is a
    `scrapeclean.ChromeProfile`, the boilerplate learned from other pages of the same site: the
    lines it knows go too (rule ``chrome.profile``). With `inline` (the default) chrome glued
    inside a line that stays ("Advertisement", "Share this article", "(Photo: Reuters)") is cut
    out as a span (rule ``chrome.inline``). `name` is the step's name in a pipeline (default
    ``"remove_chrome"``).
    """
    if isinstance(max_removed, bool) or not isinstance(max_removed, (int, float)):
        raise TypeError(f"max_removed must be a number from 0 to 1, not {max_removed!r}")
    if not 0 <= max_removed <= 1:
        raise ValueError(f"max_removed must be from 0 to 1, not {max_removed!r}")
    if isinstance(extra_phrases, str):
        raise TypeError("extra_phrases must be an iterable of phrases, not a single str")
    phrases = frozenset(" ".join(phrase.split()).casefold() for phrase in extra_phrases)
    if profile is not None:
        from scrapeclean.cleaners._chrome_profile import ChromeProfile

        if not isinstance(profile, ChromeProfile):
            raise TypeError(f"profile must be a ChromeProfile or None, not {profile!r}")
    return RemoveChrome(
        max_removed=float(max_removed),
        extra_phrases=phrases,
        model=bool(model),
        model_on_html=bool(model_on_html),
        profile=profile,
        inline=bool(inline),
        name=name or "",
    )
