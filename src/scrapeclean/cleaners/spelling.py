"""`normalize_spelling`: conservative typo correction and British/American spelling variants.

Precision comes before recall: rewriting a correct word or a name does more harm than leaving a
typo. The cleaner only looks at plain lowercase words of three or more ASCII letters standing on
their own (a word may carry ordinary punctuation such as a comma or a closing quote), plus a
capitalised word that starts a sentence. It never touches capitalised words inside a sentence
(names), ALL-CAPS words (acronyms; British/American variants excepted), words with digits,
apostrophes, hyphens, slashes or other joiners, URLs, e-mail addresses, @handles, #hashtags, the
user's `words`, and text that does not read as English.

Three kinds of edit are proposed:

- ``typo`` for a *non-word*: a word missing from the English frequency list whose best neighbour
  (one edit away, or two edits away with the same first letter) is far more frequent than the
  runner-up. A word used twice in the document is taken as deliberate, and so is a word that is a
  known word plus a common prefix or suffix, or a spelling variant of its candidate.
- ``typo`` for a *real-word slip*: a lowercase word that is in the list but is at least 1,000
  times rarer than one of the most frequent English function words (the, and, for, ...) that it
  turns into by hitting a neighbouring key, has no English inflections in the list (so it is a
  foreign word or an abbreviation, not an English word like "fir" or "foe"), and stands between
  two lowercase content words with no punctuation around it. This is what turns "legal ans
  sanctioned" into "legal and sanctioned".
- ``variant`` when `variant` is ``'en-US'`` or ``'en-GB'``: a British spelling rewritten to the
  American one or the reverse, from a hand-checked table. Pairs whose one side is ambiguous
  (programme/program, metre/meter, licence/license, tyre/tire, cheque/check, storey/story, ...)
  are rewritten to American only: the American form covers both senses, the British does not.
"""

from __future__ import annotations

import re
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean.cleaners._base import BaseCleaner
from scrapeclean.cleaners._spelling_index import Lexicon, keyboard_adjacent, lexicon

__all__ = ["NormalizeSpelling", "normalize_spelling"]

VARIANTS = (None, "en-US", "en-GB")

#: English closed-class words: used to recognise English text and as real-word targets.
FUNCTION_WORDS = frozenset(
    {
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    }
)

#: How many of the most frequent function words a real-word slip may be corrected to.
REAL_WORD_TARGETS = 20
#: A real-word slip must be this many times rarer than the function word it is corrected to.
REAL_WORD_RATIO = 1000.0
#: A correction target must be at least this frequent in the reference counts.
MIN_TARGET_COUNT = 1_000_000
#: Corrections two edits away are only tried on words at least this long.
MIN_LENGTH_TWO_EDITS = 7
#: Longer words are never judged: the longest word frequent enough to be a correction target
#: has 18 letters, so nothing longer than 20 is within two edits of one, and the search for
#: neighbours grows with the square of the length (a 1,600-letter token took a minute).
MAX_WORD_LENGTH = 24
#: Passes over a document: each looks again at the neighbours of the corrections just decided.
_MAX_ROUNDS = 3
#: Share of function words from which a passage of 10+ words reads as English.
ENGLISH_MIN_SHARE = 0.2

_PREFIXES = (
    "anti", "counter", "cyber", "de", "dis", "inter", "mega", "micro", "mis", "multi", "non",
    "over", "post", "pre", "re", "sub", "super", "un", "under",
)  # fmt: skip
_SUFFIXES = (
    "s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ness", "ment", "ments", "ful",
    "less", "able", "ism", "ist", "ists", "ity", "ize", "ized", "izes", "izing", "ization",
    "ive", "ative", "ation", "al", "ally", "ic", "ical", "ship", "hood", "wise", "like",
)  # fmt: skip
#: American -> British letter patterns, each where it applies. The frequency list mostly spells
#: British, so an unknown word that becomes a known one by such a swap is an American spelling.
_US_TO_GB: tuple[tuple[str, str], ...] = (
    (r"or(?=$|s$|ed$|ing$|ful|less|able|ably|ite|hood|ly$|al|ers?$|ist)", "our"),
    (r"iz(?=e$|es$|ed$|ing$|ations?$|ers?$|able$)", "is"),
    (r"yz(?=e$|es$|ed$|ing$|ers?$)", "ys"),
    (r"ter(?=$|s$|ed$)", "tre"),
    (r"ber(?=$|s$)", "bre"),
    (r"ense(?=$|s$)", "ence"),
    (r"(?<=[aeiou])l(?=ed$|ing$|ers?$|ous$|ery$)", "ll"),
    (r"(?<=[io])ll(?=$|s$|ment$|ments$)", "l"),
    (r"e", "ae"),
    (r"e", "oe"),
    (r"og(?=$|s$|ed$)", "ogue"),
    (r"ol(?=d|t)", "oul"),
)  # compiled on first use (re caches them), to keep the import fast
#: A closed compound (roadmap, fanbase) is a head of 4+ letters (or a function word) and a tail
#: of 3+ letters, each at least this frequent.
_COMPOUND_PART_COUNT = 1_000_000

_CHUNK = re.compile(r"\S+")
_LEAD = '"\u201c\u00ab\u2039([{\u00a1\u00bf'
_TRAIL = '"\u201d\u00bb\u203a)]}.,;:!?\u2026'
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = (".", "!", "?", "\u2026")


@dataclass(frozen=True, slots=True)
class _Token:
    """One candidate word: its offsets in the text and what surrounds it."""

    start: int
    end: int
    word: str
    sentence_start: bool
    bare: bool  # no punctuation attached on either side
    line: int


#: Flags of a stored token.
_SENTENCE_START, _BARE = 1, 2
#: How a token's line reads: as the whole document does (a line of fewer than 10 counted
#: words), as English or not by its own words, or never judged (no counted word on it).
_FOLLOWS_DOCUMENT, _ENGLISH_LINE, _FOREIGN_LINE, _UNJUDGED_LINE = 0, 4, 8, 12
_LINE_BITS = 12


class _TokenTable:
    """The word tokens of a text, held compactly (offsets in arrays), each made on demand.

    A large text has millions of words: as objects they held about 50 bytes per character of
    input; as arrays, about 25 bytes per word.
    """

    __slots__ = ("_end", "_flags", "_line", "_start", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = array("q")
        self._end = array("q")
        self._line = array("q")
        self._flags = bytearray()

    def append(self, token: _Token) -> None:
        self._start.append(token.start)
        self._end.append(token.end)
        self._line.append(token.line)
        self._flags.append(_SENTENCE_START * token.sentence_start + _BARE * token.bare)

    def mark_line(self, first: int, how: int) -> None:
        """Record how the line of the tokens from `first` to the last one reads."""
        flags = self._flags
        for index in range(first, len(flags)):
            flags[index] = (flags[index] & ~_LINE_BITS) | how

    def line_reading(self, index: int) -> int:
        return self._flags[index] & _LINE_BITS

    def __len__(self) -> int:
        return len(self._start)

    def __getitem__(self, index: int) -> _Token:
        start, end, flags = self._start[index], self._end[index], self._flags[index]
        return _Token(
            start,
            end,
            self._text[start:end],
            bool(flags & _SENTENCE_START),
            bool(flags & _BARE),
            self._line[index],
        )


@dataclass(frozen=True, slots=True)
class _Context:
    """What the cleaner learns about a document before judging its words."""

    tokens: _TokenTable
    counts: Counter[str]
    names: frozenset[str]
    document_english: bool
    document_words: int
    #: Corrections already decided, by token index: neighbours are judged as corrected, so
    #: that a typo next to another typo is fixed in the same pass (and a second pass finds
    #: nothing more to do).
    fixed: dict[int, str] = field(default_factory=dict)

    def word(self, index: int) -> str:
        """The word of token `index`, as corrected when a correction was decided."""
        return self.fixed.get(index, self.tokens[index].word)

    def english(self, index: int) -> bool:
        """Whether token `index` stands on a line that reads as English."""
        reading = self.tokens.line_reading(index)
        if reading == _FOLLOWS_DOCUMENT:
            return self.document_english
        return reading == _ENGLISH_LINE


def _split_chunk(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the offsets of `text[start:end]` without its leading and trailing punctuation."""
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _is_abbreviation(chunk: str) -> bool:
    """Whether a chunk ending in a full stop looks like an abbreviation (Mr., Dr., J.)."""
    core = chunk.rstrip(_TRAIL)
    return chunk.endswith(".") and len(core) <= 3 and core[:1].isupper() and core.isalpha()


def _tokens(text: str) -> Iterator[tuple[_Token | None, str]]:
    """Yield each whitespace-separated chunk as a word token (or None) with its lowercase core."""
    previous = ""
    previous_end = 0
    line = 0
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        breaks = text.count("\n", previous_end, match.start())
        newline = breaks > 0
        line += breaks
        ends_sentence = previous.rstrip(_CLOSERS).endswith(_SENTENCE_END)
        sentence_start = (
            not previous or newline or (ends_sentence and not _is_abbreviation(previous))
        )
        start, end = _split_chunk(text, match.start(), match.end())
        core = text[start:end]
        token: _Token | None = None
        if _WORD.fullmatch(core):
            bare = start == match.start() and end == match.end()
            token = _Token(start, end, core, sentence_start, bare, line)
        yield token, core.lower()
        previous, previous_end = chunk, match.end()


def _is_english(words: list[str], lex: Lexicon) -> bool:
    """Whether a passage reads as English: enough function words (short passages: known words)."""
    if not words:
        return False
    function = sum(1 for w in words if w in FUNCTION_WORDS)
    if len(words) >= 10:
        return function / len(words) >= ENGLISH_MIN_SHARE
    table = _variants()
    known = sum(1 for w in words if w in lex or w in table.to_us or w in table.to_gb)
    return known / len(words) >= 0.7 and (function > 0 or len(words) <= 3)


def _analyse(text: str, lex: Lexicon, fixed: dict[int, str] | None = None) -> _Context:
    """Tokenise `text` and collect the document-level evidence the rules need.

    `fixed` (token index to corrected word) makes the evidence that of the corrected text, as
    a second pass would see it. Memory stays proportional to the number of words (compact
    token arrays) plus the vocabulary: a line's English share is decided when the line ends,
    from counts.
    """
    tokens = _TokenTable(text)
    counts: Counter[str] = Counter()
    names: set[str] = set()
    document = _Share()
    first_words: list[str] = []  # kept only while the document is too short to count shares
    line = _Share()
    line_number, line_first = -1, 0
    for token, lower in _tokens(text):
        if token is None:
            continue
        if token.line != line_number:
            tokens.mark_line(line_first, line.reading())
            line, line_number, line_first = _Share(), token.line, len(tokens)
        if fixed and len(tokens) in fixed:
            lower = fixed[len(tokens)].lower()
        counts[lower] += 1
        tokens.append(token)
        if token.word[:1].isupper() and not token.word.isupper() and not token.sentence_start:
            names.add(lower)
        if token.word.islower() or token.word.istitle():
            line.add(lower)
            document.add(lower)
            if len(first_words) < _SHARE_MIN_WORDS:
                first_words.append(lower)
    tokens.mark_line(line_first, line.reading())
    if document.words >= _SHARE_MIN_WORDS:
        document_english = document.english()
    else:
        document_english = _is_english(first_words, lex)
    return _Context(tokens, counts, frozenset(names), document_english, document.words)


#: From this many counted words, a passage is judged by its share of function words alone.
_SHARE_MIN_WORDS = 10


class _Share:
    """Counts of the words of a passage and of its function words."""

    __slots__ = ("function", "words")

    def __init__(self) -> None:
        self.words = 0
        self.function = 0

    def add(self, lower: str) -> None:
        self.words += 1
        self.function += lower in FUNCTION_WORDS

    def english(self) -> bool:
        return self.function / self.words >= ENGLISH_MIN_SHARE

    def reading(self) -> int:
        """How the tokens of this passage (one line) are to be judged."""
        if not self.words:
            return _UNJUDGED_LINE
        if self.words < _SHARE_MIN_WORDS:
            return _FOLLOWS_DOCUMENT
        return _ENGLISH_LINE if self.english() else _FOREIGN_LINE


def _match_case(template: str, word: str) -> str:
    """Return `word` cased like `template` (lower, Title or UPPER)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _is_derived(word: str, lex: Lexicon) -> bool:
    """Whether `word` is a known word plus a common prefix or suffix (a deliberate coinage)."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and word[len(prefix) :] in lex:
            return True
    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < 4:
            continue
        if stem in lex or stem + "e" in lex:
            return True
    return False


def _is_american_variant(word: str, lex: Lexicon) -> bool:
    """Whether `word` becomes a known word by one American -> British letter pattern."""
    for pattern, british in _US_TO_GB:
        for match in re.finditer(pattern, word):
            if word[: match.start()] + british + word[match.end() :] in lex:
                return True
    return False


def _is_compound(word: str, lex: Lexicon) -> bool:
    """Whether `word` is two frequent known words written together (roadmap, onboard)."""
    floor = _COMPOUND_PART_COUNT
    for cut in range(2, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if cut < 4 and head not in FUNCTION_WORDS:
            continue
        if lex.count(head) >= floor and lex.count(tail) >= floor:
            return True
    return False


def _is_plausible_slip(word: str, candidate: str, distance: int) -> bool:
    """Whether turning `candidate` into `word` looks like a typing or spelling slip.

    Writers keep the first letter of a word and rarely get its last letter wrong (the ends of a
    word are what is remembered best), and an unknown word that is a known one minus a final
    ``s`` is more likely a form the dictionary lacks (afterward) than a typo.
    """
    if word[0] != candidate[0]:
        return False
    if candidate in (word + "s", word + "es"):
        return False
    if distance == 2:
        return word[-1] == candidate[-1]
    same_length = len(word) == len(candidate)
    return not (same_length and word[:-1] == candidate[:-1])


# -- variant table -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _VariantTable:
    """British to American and American to British rewrites."""

    to_us: dict[str, str]
    to_gb: dict[str, str]


_VARIANT_TABLE: _VariantTable | None = None
_VARIANT_LOCK = threading.Lock()


def _read_variants() -> _VariantTable:
    """Parse ``data/variants_en.tsv`` (american, british, applies)."""
    resource = resources.files("scrapeclean").joinpath("data").joinpath("variants_en.tsv")
    to_us: dict[str, str] = {}
    to_gb: dict[str, str] = {}
    lines = resource.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        american, british, applies = line.split("\t")
        if applies in ("both", "en-US"):
            to_us[british] = american
        if applies in ("both", "en-GB"):
            to_gb[american] = british
    return _VariantTable(to_us, to_gb)


def _variants() -> _VariantTable:
    """Return the variant table, loading it on first use (once per process)."""
    global _VARIANT_TABLE
    if _VARIANT_TABLE is None:
        with _VARIANT_LOCK:
            if _VARIANT_TABLE is None:
                _VARIANT_TABLE = _read_variants()
    return _VARIANT_TABLE


# -- the cleaner --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class NormalizeSpelling(BaseCleaner):
    """Propose conservative typo fixes and, optionally, British/American variant rewrites.

    Make one with `normalize_spelling()`; the fields are its options.
    """

    factory = "normalize_spelling"

    variant: str | None = None
    correct_typos: bool = True
    words: frozenset[str] = field(default=frozenset())
    real_word_errors: bool = True
    max_distance: int = 2
    min_ratio: float = 10.0

    def __post_init__(self) -> None:
        BaseCleaner.__post_init__(self)
        _check_options(self)
        object.__setattr__(self, "words", frozenset(w.casefold() for w in self.words))

    def __repr__(self) -> str:
        parts = []
        for option, default in _DEFAULTS.items():
            value = getattr(self, option)
            if value == default:
                continue
            parts.append(f"{option}={_show(option, value)}")
        if self.name != self.factory:
            parts.append(f"name={self.name!r}")
        return f"{self.factory}({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.variant, self.correct_typos, tuple(sorted(self.words)),
                           self.real_word_errors, self.max_distance, self.min_ratio,
                           self.name))  # fmt: skip

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose one edit per word to correct or rewrite, in text order."""
        if not self.correct_typos and self.variant is None:
            return Proposal()
        text = doc.text
        lex = lexicon()
        context = _analyse(text, lex)
        table = _variants()
        found: dict[int, Edit] = {}
        pending: Iterable[int] = range(len(context.tokens))
        for _ in range(_MAX_ROUNDS):
            self._settle(pending, context, lex, table, found)
            if not _tips_verdicts(context, found):
                break
            # A correction made a function word (or, in a short text, a known word): the
            # English verdicts of the corrected text may differ, as a second pass would see.
            fresh = _analyse(text, lex, context.fixed)
            fresh.fixed.update(context.fixed)
            pending = [
                i
                for i in range(len(fresh.tokens))
                if i not in found and fresh.english(i) and not context.english(i)
            ]
            context = fresh
            if not pending:
                break
        return Proposal(edits=tuple(found[i] for i in sorted(found)))

    def _settle(
        self,
        pending: Iterable[int],
        context: _Context,
        lex: Lexicon,
        table: _VariantTable,
        found: dict[int, Edit],
    ) -> None:
        """Judge the `pending` tokens, then the neighbours of each new correction, into `found`."""
        for _ in range(_MAX_ROUNDS):
            decided = self._judge_all(pending, context, lex, table)
            if not decided:
                return
            found.update(decided)
            context.fixed.update((i, edit.replacement) for i, edit in decided.items())
            # Only the neighbours of a new correction can change their verdict.
            pending = sorted(
                {j for i in decided for j in (i - 1, i + 1) if 0 <= j < len(context.tokens)}
                - found.keys()
            )

    def _judge_all(
        self, indexes: Iterable[int], context: _Context, lex: Lexicon, table: _VariantTable
    ) -> dict[int, Edit]:
        """The edits for the tokens at `indexes`, by token index."""
        edits: dict[int, Edit] = {}
        for index in indexes:
            token = context.tokens[index]
            if not context.english(index):
                continue
            edit = self._judge(index, token, context, lex, table)
            if edit is not None:
                edits[index] = edit
        return edits

    def _judge(
        self, index: int, token: _Token, context: _Context, lex: Lexicon, table: _VariantTable
    ) -> Edit | None:
        """Return the edit for one token, or None to leave it alone."""
        word = token.word
        lower = word.lower()
        if not 3 <= len(word) <= MAX_WORD_LENGTH or lower in self.words:
            return None
        if not (word.islower() or word.isupper() or (word.istitle() and token.sentence_start)):
            return None
        if word.istitle() and lower in context.names:
            return None
        if self.variant is not None:
            edit = _variant_edit(token, self.variant, table)
            if edit is not None or lower in table.to_us or lower in table.to_gb:
                return edit
        if not self.correct_typos or word.isupper() or lower in table.to_us or lower in table.to_gb:
            return None
        if context.counts[lower] > 1:
            return None
        if lower in lex:
            if self.real_word_errors and word.islower():
                return _real_word_edit(index, context, lex)
            return None
        return self._non_word_edit(index, context, lex)

    def _non_word_edit(self, index: int, context: _Context, lex: Lexicon) -> Edit | None:
        """Correct a word missing from the dictionary when one neighbour clearly wins."""
        token = context.tokens[index]
        lower = token.word.lower()
        if _is_derived(lower, lex) or _is_american_variant(lower, lex) or _is_compound(lower, lex):
            return None
        if len(lower) == 3 and not _between_known_words(index, context, lex):
            return None  # short unknown words are often fragments, codes or abbreviations
        found, distance = self._candidate(lower, lex)
        if found is None:
            return None
        best, ratio, runner = found
        if not _is_plausible_slip(lower, best, distance):
            return None
        if not token.word.islower() and best not in FUNCTION_WORDS:
            return None  # a capitalised sentence start is far more often a name than a typo
        how = "two edits" if distance == 2 else _describe_edit(lower, best)
        odds = (
            f"'{best}' is {ratio:,.0f}x more frequent than '{runner}'"
            if runner
            else f"'{best}' is the only frequent word that close"
        )
        spelled = best
        if self.variant is not None:
            # Correct straight to the chosen variety, or a second run would rewrite it again.
            mapping = _variants().to_us if self.variant == "en-US" else _variants().to_gb
            spelled = mapping.get(best, best)
        replacement = _match_case(token.word, spelled)
        reason = f"'{token.word}' -> '{replacement}': not in the dictionary; {how}; {odds}"
        if spelled != best:
            reason += f"; spelled '{spelled}' for variant={self.variant!r}"
        return Edit.replace(
            token.start,
            token.end,
            replacement,
            kind=ChangeKind.TYPO,
            reason=reason,
            rule="spelling.non_word",
        )

    def _candidate(self, word: str, lex: Lexicon) -> tuple[tuple[str, float, str] | None, int]:
        """Return the winning candidate (best, ratio, runner-up) and its edit distance."""
        near = lex.neighbours1(word) if lex.may_be_near(word, 0, 1) else {}
        if near or self.max_distance < 2 or len(word) < MIN_LENGTH_TWO_EDITS:
            return _best_candidate(near, self.min_ratio), 1
        if not lex.may_be_near(word, MIN_TARGET_COUNT, 2):
            return None, 2  # no word frequent enough to win is two edits away
        far = lex.neighbours2(word)
        return _best_candidate(far, self.min_ratio * 2), 2


def _tips_verdicts(context: _Context, found: dict[int, Edit]) -> bool:
    """Whether the corrections in `found` may change an English verdict of the text.

    Long passages are judged by their share of function words, so only a correction to or
    from a function word counts; a text of fewer than ten words is judged by known words too.
    """
    if not found:
        return False
    if context.document_words < _SHARE_MIN_WORDS:
        return True
    return any(
        (edit.replacement.lower() in FUNCTION_WORDS)
        != (context.tokens[index].word.lower() in FUNCTION_WORDS)
        for index, edit in found.items()
    )


def _describe_edit(word: str, candidate: str) -> str:
    """Name the difference between `word` and its correction, for the reason."""
    if len(candidate) == len(word) + 1:
        return "one letter missing"
    if len(candidate) + 1 == len(word):
        return "one letter too many"
    if len(candidate) != len(word):
        return "two edits"
    diffs = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
    if len(diffs) == 1:
        return "one letter wrong"
    if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
        first, second = diffs
        if word[first] == candidate[second] and word[second] == candidate[first]:
            return "two letters swapped"
    return "two edits"


def _best_candidate(candidates: dict[str, int], min_ratio: float) -> tuple[str, float, str] | None:
    """Return (best, ratio over runner-up, runner-up) when the best candidate clearly wins."""
    ranked = sorted(
        ((w, c) for w, c in candidates.items() if len(w) >= 3),
        key=lambda item: (-item[1], item[0]),
    )
    if not ranked or ranked[0][1] < MIN_TARGET_COUNT:
        return None
    best, best_count = ranked[0]
    if len(ranked) == 1:
        return best, float("inf"), ""
    runner, runner_count = ranked[1]
    ratio = best_count / runner_count
    if ratio < min_ratio:
        return None
    return best, ratio, runner


def _variant_edit(token: _Token, variant: str, table: _VariantTable) -> Edit | None:
    """Rewrite a British spelling to American (``en-US``) or the reverse (``en-GB``)."""
    lower = token.word.lower()
    mapping = table.to_us if variant == "en-US" else table.to_gb
    target = mapping.get(lower)
    if target is None:
        return None
    replacement = _match_case(token.word, target)
    origin = "British" if variant == "en-US" else "American"
    reason = f"'{token.word}' -> '{replacement}': {origin} spelling; variant={variant!r}"
    return Edit.replace(
        token.start,
        token.end,
        replacement,
        kind=ChangeKind.VARIANT,
        reason=reason,
        rule="spelling.variant",
    )


_SLIP_TARGETS: tuple[str, ...] | None = None


def _slip_targets(lex: Lexicon) -> tuple[str, ...]:
    """Return the most frequent function words (computed once per process)."""
    global _SLIP_TARGETS
    if _SLIP_TARGETS is None:
        ranked = [w for w in lex.most_frequent(100) if w in FUNCTION_WORDS]
        _SLIP_TARGETS = tuple(ranked[:REAL_WORD_TARGETS])
    return _SLIP_TARGETS


def _slip_target(word: str, lex: Lexicon) -> str | None:
    """Return the top function word `word` becomes by one neighbouring-key substitution, if any."""
    for target in _slip_targets(lex):
        if len(target) != len(word):
            continue
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diffs) == 1 and keyboard_adjacent(word[diffs[0]], target[diffs[0]]):
            return target
    return None


def _real_word_edit(index: int, context: _Context, lex: Lexicon) -> Edit | None:
    """Correct a rare word that is a one-key slip from a top function word, in plain prose."""
    token = context.tokens[index]
    word = token.word
    longest = max(len(t) for t in _slip_targets(lex))
    if len(word) > longest or lex.count(word) * REAL_WORD_RATIO > lex.count(_slip_targets(lex)[0]):
        return None  # too long or too common to be a slip of a top function word
    target = _slip_target(word, lex)
    if target is None or lex.count(target) < REAL_WORD_RATIO * lex.count(word):
        return None
    if _has_inflections(word, lex) or not _between_content_words(index, context, lex):
        return None
    ratio = lex.count(target) / lex.count(word)
    i = next(i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b)
    reason = (
        f"'{word}' -> '{target}': one key apart ('{word[i]}' next to '{target[i]}'); "
        f"'{target}' is {ratio:,.0f}x more frequent, and '{word}' stands between two ordinary "
        "words where a function word belongs"
    )
    return Edit.replace(
        token.start,
        token.end,
        target,
        kind=ChangeKind.TYPO,
        reason=reason,
        rule="spelling.real_word",
    )


def _has_inflections(word: str, lex: Lexicon) -> bool:
    """Whether the dictionary knows inflected forms of `word` (fir: firs, fired; jot: jotted).

    A word with English inflections is an ordinary English word, never taken for a slip; words
    without (foreign words, abbreviations such as "ans") may be.
    """
    forms = (word + "s", word + "es", word + "ed", word + "ing", word + word[-1] + "ed")
    return any(form in lex for form in forms)


def _between_known_words(index: int, context: _Context, lex: Lexicon) -> bool:
    """Whether token `index` has known lowercase words around it (or starts a sentence)."""
    tokens = context.tokens
    token = tokens[index]
    if index + 1 >= len(tokens):
        return False
    neighbours = [index + 1]
    if not token.sentence_start:
        if index == 0:
            return False
        neighbours.append(index - 1)
    return all(
        other.line == token.line and word.islower() and word in lex
        for other, word in ((tokens[i], context.word(i)) for i in neighbours)
    )


def _between_content_words(index: int, context: _Context, lex: Lexicon) -> bool:
    """Whether token `index` stands bare between two bare lowercase content words on its line."""
    tokens = context.tokens
    token = tokens[index]
    if not token.bare:
        return False
    if index == 0 or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    for other, word in ((before, context.word(index - 1)), (after, context.word(index + 1))):
        if other.line != token.line or not word.islower() or len(word) < 3:
            return False
        if word in FUNCTION_WORDS or word not in lex:
            return False
    # `before` may carry nothing after it, `after` nothing before it.
    return before.bare and after.bare and before.end < token.start < after.start


# -- options ------------------------------------------------------------------------------------

_DEFAULTS: dict[str, object] = {
    "variant": None,
    "correct_typos": True,
    "words": frozenset(),
    "real_word_errors": True,
    "max_distance": 2,
    "min_ratio": 10.0,
}


def _show(option: str, value: object) -> str:
    """Show an option value as it would be written in the factory call."""
    if option == "words" and isinstance(value, frozenset):
        items = sorted(value)
        if len(items) > 8:
            return f"<{len(items)} words>"
        return repr(tuple(items))
    return repr(value)


def _check_options(cleaner: NormalizeSpelling) -> None:
    """Raise TypeError/ValueError naming the option when one is invalid."""
    if cleaner.variant not in VARIANTS:
        raise ValueError(f"variant must be None, 'en-US' or 'en-GB', got {cleaner.variant!r}")
    for option in ("correct_typos", "real_word_errors"):
        if not isinstance(getattr(cleaner, option), bool):
            raise TypeError(f"{option} must be True or False, got {getattr(cleaner, option)!r}")
    if isinstance(cleaner.words, str) or not all(isinstance(w, str) for w in cleaner.words):
        raise TypeError(f"words must be an iterable of strings, got {cleaner.words!r}")
    if isinstance(cleaner.max_distance, bool) or cleaner.max_distance not in (1, 2):
        raise ValueError(f"max_distance must be 1 or 2, got {cleaner.max_distance!r}")
    ratio = cleaner.min_ratio
    if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not ratio >= 1:
        raise ValueError(f"min_ratio must be a number >= 1, got {ratio!r}")


def _rebuild(
    variant: str | None,
    correct_typos: bool,
    words: tuple[str, ...],
    real_word_errors: bool,
    max_distance: int,
    min_ratio: float,
    name: str = "",
) -> NormalizeSpelling:
    """Unpickle a cleaner (frozen slotted dataclasses need help on Python 3.10)."""
    return NormalizeSpelling(
        variant,
        correct_typos,
        frozenset(words),
        real_word_errors,
        max_distance,
        min_ratio,
        name=name,
    )


def normalize_spelling(
    *,
    variant: str | None = None,
    correct_typos: bool = True,
    words: Iterable[str] = (),
    real_word_errors: bool = True,
    max_distance: int = 2,
    min_ratio: float = 10.0,
    name: str | None = None,
) -> NormalizeSpelling:
    """Make a cleaner that fixes clear typos and, optionally, British/American spellings.

    Args:
        variant: None (default) leaves British and American spellings alone; ``'en-US'``
            rewrites British spellings to American (colour -> color); ``'en-GB'`` the reverse.
        correct_typos: propose ``typo`` edits (set False for variant rewriting only).
        words: words never to touch (compared case-insensitively), e.g. product names.
        real_word_errors: also fix a rare word that is a one-key slip of a top function word
            in plain prose (``bread ans butter`` -> ``bread and butter``).
        max_distance: 1 or 2, how many edits a non-word correction may span.
        min_ratio: how many times more frequent the best candidate must be than the runner-up
            (twice this for corrections two edits away).
        name: the step's name in a pipeline (default ``"normalize_spelling"``).

    Raises:
        ValueError: `variant`, `max_distance` or `min_ratio` has an unsupported value.
        TypeError: `words` is not an iterable of strings, or a flag is not a bool.
    """
    if isinstance(words, str):
        raise TypeError(f"words must be an iterable of strings, not a string: {words!r}")
    return NormalizeSpelling(
        variant=variant,
        correct_typos=correct_typos,
        words=frozenset(words),
        real_word_errors=real_word_errors,
        max_distance=max_distance,
        min_ratio=min_ratio,
        name=name or "",
    )
