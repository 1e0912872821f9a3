"""`normalize_spelling`: conservative typo correction and British/American spelling variants.

Precision comes before recall: rewriting a correct word or a name does more harm than leaving a
typo. The cleaner only looks at plain words of three or more ASCII letters standing on their own
(a word may carry ordinary punctuation such as a comma or a closing quote): lowercase words, plus
a capitalised word that starts a sentence. It never touches capitalised words inside a sentence
(names), ALL-CAPS words (acronyms; British/American variants excepted), words with digits,
apostrophes, hyphens, slashes or other joiners, URLs, e-mail addresses, @handles, #hashtags, the
user's `words`, and text that does not read as English.

How it stays fast: the words of a text are found by a byte translation and a split, C-level,
and made a set; set differences against the word list (and intersections with the small sets of
variant spellings and real-word slips) leave the few words worth a look. Only those are located
in the text and judged (a text with many of them has its whole words counted once, so that
"used once" is a lookup), so a plain English article costs a scan and a few set operations,
whatever its length. The candidate search skips the hundreds of lookups one edit away unless a
frequent word is a plausible slip away (`_search`). `scripts/spelling_decisions.py` checks that
work on speed changes no decision.

Three kinds of edit are proposed:

- ``typo`` for a *non-word*: a word missing from the English frequency list whose best neighbour
  (one edit away, or two edits away with the same first and last letters) is far more frequent
  than the runner-up, where the difference looks like a slip (see `_is_plausible_slip`) and the
  words around it are ordinary English words. A word used twice in the document is taken as
  deliberate, and so is a word that is a known word plus a common prefix or suffix, two words
  written together, or a spelling variant of its candidate.
- ``typo`` for a *real-word slip*: a lowercase word that is in the list but is at least 1,000
  times rarer than one of the most frequent English function words (the, and, for, ...) that it
  turns into by hitting a neighbouring key, has no English inflections in the list (so it is a
  foreign word or an abbreviation, not an English word like "fir" or "foe"), and stands between
  two lowercase content words with no punctuation around it. This is what turns "legal ans
  sanctioned" into "legal and sanctioned".
- ``variant`` when `variant` is ``'en-US'`` or ``'en-GB'``: a British spelling rewritten to the
  American one or the reverse, from a hand-checked table. Pairs whose one side is ambiguous
  (programme/program, metre/meter, licence/license, tyre/tire, cheque/check, storey/story, ...)
  are rewritten to American always (the American form covers both senses), and to British only
  where the words around decide the sense (`_CONTEXT_TO_GB`).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from scrapeclean._model import ChangeKind, Document, Edit, Proposal
from scrapeclean.cleaners._base import BaseCleaner
from scrapeclean.cleaners._spelling_index import (
    Lexicon,
    adjacent_keys,
    edit_distance,
    keyboard_adjacent,
    lexicon,
    read_data,
)

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
#: Function words never taken as the target of a real-word slip: "not" follows an auxiliary
#: (a function word), so a slip of it never stands between two content words.
_NO_SLIP_TARGETS = frozenset({"not"})
#: A correction target must be at least this frequent in the reference counts.
MIN_TARGET_COUNT = 1_000_000
#: Corrections two edits away are only tried on words at least this long.
MIN_LENGTH_TWO_EDITS = 7
#: Longer words are never judged: the longest word frequent enough to be a correction target
#: has 18 letters, so nothing longer than 20 is within two edits of one.
MAX_WORD_LENGTH = 24
#: Share of function words from which a passage of 10+ words reads as English.
ENGLISH_MIN_SHARE = 0.2
#: From this many counted words, a passage is judged by its share of function words alone.
_SHARE_MIN_WORDS = 10
#: How many of a document's words its English verdict is judged on (spread over the text).
_DOCUMENT_SAMPLE = 4000
#: A text with at least this many distinct unknown lowercase words, making at least this share
#: of its distinct lowercase words, is technical (or foreign): a correction there must beat
#: the runner-up by this many times `min_ratio`.
_TECHNICAL_UNKNOWN = 6
_TECHNICAL_SHARE = 0.02
_TECHNICAL_RATIO = 10.0
#: Passes over a document: each looks again at words whose evidence a correction changed.
_MAX_ROUNDS = 3
#: How many candidate searches are remembered (a bounded cache: names and jargon recur).
_SEARCH_CACHE = 4096

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

#: A word as the scan sees it: a run of ASCII letters. Runs inside longer words ("Caf" in
#: "Café", "abc" in "abc2") are found too, and dropped when they are located in the text
#: (`_Text.occurrences` wants a whole word); asking for word boundaries here would make the
#: scan, most of the cost on plain English, a third slower.
_RUN = re.compile(r"[A-Za-z]+")
#: The same runs, found faster (a third of the time): every byte but an ASCII letter becomes a
#: space, so that splitting gives the runs. Characters outside ASCII are several bytes in UTF-8,
#: each at least 0x80, so they separate runs just as the pattern does.
_ONLY_LETTERS = bytes(b if 65 <= b <= 90 or 97 <= b <= 122 else 32 for b in range(256))
_SPACE = re.compile(r"\s")
#: A maximal run of word characters: a whole word, as `_Text.occurrences` finds them.
_WORD = re.compile(r"\w+")
#: From this many words to search for in one text, its whole words are counted instead.
_SEARCHES_TO_COUNT = 40
#: Keeps the ASCII word characters (letters, digits, ``_``) and the bytes of characters outside
#: ASCII (0x80 and up) of UTF-8 text, and spaces the other ASCII characters.
_ONLY_WORD_CHARS = bytes(
    b if 65 <= b <= 90 or 97 <= b <= 122 or 48 <= b <= 57 or b in (95,) or b >= 128 else 32
    for b in range(256)
)
#: Texts longer than this are scanned in pieces of about this many characters.
_SCAN_PIECE = 1 << 18
#: How many words of each piece are kept for the English verdict of the whole text.
_PIECE_SAMPLE = 500
_LEAD = '"\u201c\u00ab\u2039([{\u00a1\u00bf'
_TRAIL = '"\u201d\u00bb\u203a)]}.,;:!?\u2026'
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_SENTENCE_END = (".", "!", "?", "\u2026")
_VOWELS = frozenset("aeiou")
#: Consonants that spell the same sound (soft and hard c, s and z): a spelling slip.
_SOUND_ALIKE = frozenset(frozenset(pair) for pair in ("cs", "ck", "cq", "kq", "sz"))
#: An extra vowel anywhere is taken as a slip in words at least this long.
_MIN_LENGTH_EXTRA_VOWEL = 8
#: Function words, lowercase and capitalised, as the scan finds them.
_FUNCTION_FORMS = FUNCTION_WORDS | {w.title() for w in FUNCTION_WORDS} | {"I"}


@dataclass(frozen=True, slots=True)
class _Token:
    """One occurrence of a word worth judging: its offsets and what surrounds it."""

    start: int
    end: int
    word: str
    sentence_start: bool
    bare: bool  # no punctuation attached on either side
    line_start: int
    line_end: int


class _Text:
    """A text and the document-level evidence about it, each piece computed when first asked.

    `fixed` maps the start of each decided correction to its replacement, so that evidence
    (neighbours, English verdicts) is that of the corrected text, as a second pass would see it.
    """

    __slots__ = (
        "_document_english",
        "_lines",
        "_uses",
        "fixed",
        "lex",
        "runs",
        "text",
        "unique",
    )

    def __init__(self, text: str, runs: list[str], unique: set[str], lex: Lexicon) -> None:
        self.text = text
        self.runs = runs  # all of them, or an even sample of a long text's
        self.unique = unique
        self.lex = lex
        self.fixed: dict[int, tuple[int, str]] = {}
        self._document_english: bool | None = None
        self._lines: dict[int, tuple[int, int]] = {}  # line start -> (words, function words)
        self._uses: Counter[str] | None = None  # whole words and their counts, once built

    def other_uses(self, word: str) -> int:
        """How often `word` occurs in its other cases (of lower, Title, UPPER) as a whole word."""
        unique = self.unique
        lower = word.lower()
        return sum(
            self.uses(form)
            for form in {lower, lower.title(), lower.upper()} - {word}
            if form in unique
        )

    def uses(self, word: str) -> int:
        """How often `word` (ASCII letters, exact case) stands as a whole word."""
        counts = self._whole_words()
        if counts is not None:
            return counts[word]
        return len(self.occurrences(word))

    def only_use(self, word: str) -> int | None:
        """The offset of `word` (ASCII letters) when it stands exactly once as a whole word."""
        counts = self._whole_words()
        if counts is not None and counts[word] != 1:
            return None
        places = self.occurrences(word, 2 if counts is None else 1)
        return places[0] if len(places) == 1 else None

    def expect_searches(self, searches: int) -> None:
        """Say how many words are about to be searched for: count the whole words if many.

        Each search for a word goes through the whole text (about 1 ns a character); counting
        the whole words once costs about 40 searches, and makes a word's uses a lookup: from
        `_SEARCHES_TO_COUNT` words on, counting is cheaper.
        """
        if self._uses is None and searches >= _SEARCHES_TO_COUNT:
            self._uses = _count_whole_words(self.text)

    def _whole_words(self) -> Counter[str] | None:
        """The counts of the text's whole words, when `expect_searches` had them counted."""
        return self._uses

    def occurrences(self, word: str, most: int = 0) -> list[int]:
        """The offsets at which `word` (exact case) stands as a whole word (the first `most`)."""
        text = self.text
        found = []
        at = text.find(word)
        size = len(word)
        while at >= 0:
            # Empty at either end of the text: no word character there.
            before = text[at - 1 : at]
            after = text[at + size : at + size + 1]
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                found.append(at)
                if len(found) == most:
                    break
            at = text.find(word, at + size)
        return found

    def token(self, at: int, word: str) -> _Token | None:
        """The plain token `word` at offset `at`, or None when it is part of something bigger."""
        text = self.text
        end = at + len(word)
        first = at
        while first > 0 and not text[first - 1].isspace():
            first -= 1
        last = end
        size = len(text)
        while last < size and not text[last].isspace():
            last += 1
        if text[first:at].strip(_LEAD) or text[end:last].strip(_TRAIL):
            return None
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = size
        return _Token(
            at,
            end,
            word,
            self._starts_sentence(first),
            first == at and last == end,
            line_start,
            line_end,
        )

    def _starts_sentence(self, chunk_start: int) -> bool:
        text = self.text
        j = chunk_start - 1
        while j >= 0 and text[j].isspace():
            if text[j] == "\n":
                return True
            j -= 1
        if j < 0:
            return True
        k = j
        while k >= 0 and not text[k].isspace():
            k -= 1
        previous = text[k + 1 : j + 1]
        ends = previous.rstrip(_CLOSERS).endswith(_SENTENCE_END)
        return ends and not _is_abbreviation(previous)

    def neighbours(self, token: _Token, reach: int = 2) -> tuple[list[str], list[str]]:
        """The chunks before (nearest first) and after `token` on its line, up to `reach` each."""
        text = self.text
        first = token.start
        while first > token.line_start and not text[first - 1].isspace():
            first -= 1
        last = token.end
        while last < token.line_end and not text[last].isspace():
            last += 1
        before = text[max(token.line_start, first - 80) : first].split()[-reach:]
        after = text[last : min(token.line_end, last + 80)].split()[:reach]
        before.reverse()
        return before, after

    def english(self, token: _Token, assume: str = "") -> bool:
        """Whether `token` stands on a line that reads as English (short lines: the document).

        `assume` is the word `token` would be corrected to: the line is judged as corrected.
        """
        shares = self._lines.get(token.line_start)
        if shares is None:  # the line's own words, counted once per line
            shares = self._lines[token.line_start] = _line_shares(
                _RUN.findall(self.text, token.line_start, token.line_end)
            )
        words, function = shares
        function += int(assume in FUNCTION_WORDS and token.word not in FUNCTION_WORDS)
        for at, (_, replacement) in self.fixed.items():
            if token.line_start <= at < token.line_end:
                function += replacement.lower() in FUNCTION_WORDS
        if words >= _SHARE_MIN_WORDS:
            return function / words >= ENGLISH_MIN_SHARE
        return self.document_english()

    def document_english(self) -> bool:
        """Whether the whole text reads as English."""
        if self._document_english is None:
            self._document_english = self._judge_document()
        return self._document_english

    def _judge_document(self) -> bool:
        runs = self.runs
        if len(runs) > _DOCUMENT_SAMPLE:
            runs = runs[:: len(runs) // _DOCUMENT_SAMPLE]  # evenly spread: memory stays bounded
        extra = sum(r.lower() in FUNCTION_WORDS for _, r in self.fixed.values())
        if len(runs) >= _SHARE_MIN_WORDS:
            counts = Counter(runs)
            function = sum(counts[w] for w in counts.keys() & _FUNCTION_FORMS) + extra
            return function / len(runs) >= ENGLISH_MIN_SHARE
        return _is_english([w.lower() for w in runs], self.lex, extra)

    def reset_verdicts(self) -> None:
        """Forget the document verdict (after corrections that may change it)."""
        self._document_english = None


def _scan(text: str) -> tuple[list[str], set[str]]:
    """The words of `text` (or an even sample of them, for a long text) and its distinct words.

    A long text is scanned in pieces cut at whitespace, so that the memory a scan holds is
    bounded by a piece, not by the text: only the distinct words and the sample are kept.
    """
    if len(text) <= _SCAN_PIECE:
        runs = _runs(text)
        return runs, set(runs)
    unique: set[str] = set()
    sample: list[str] = []
    for start, end in _pieces(text):
        runs = _runs(text[start:end])
        unique.update(runs)
        sample.extend(runs[:: max(1, len(runs) // _PIECE_SAMPLE)])
    return sample, unique


def _count_whole_words(text: str) -> Counter[str]:
    """Each whole word of `text` (maximal run of word characters) with how often it occurs.

    A whole-word occurrence of a word of letters (as `_Text.occurrences` finds them: no
    alphanumeric character nor ``_`` on either side) is exactly such a run, ``\\w+``. The
    runs are cut by a byte translation that spaces the ASCII characters other than letters,
    digits and ``_`` (four times faster than the pattern); the few pieces holding characters
    outside ASCII, which may or may not be word characters, are cut again by the pattern.
    """
    counts: Counter[str] = Counter()
    for start, end in _pieces(text):
        raw = text[start:end].encode("utf-8", "surrogatepass").translate(_ONLY_WORD_CHARS)
        counts.update(raw.decode("utf-8", "surrogatepass").split())
    for piece in [piece for piece in counts if not piece.isascii()]:
        times = counts.pop(piece)
        for word in _WORD.findall(piece):
            counts[word] += times
    return counts


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of `text` of about `_SCAN_PIECE` characters, cut at whitespace."""
    start, size = 0, len(text)
    while start < size:
        end = size
        if start + _SCAN_PIECE < size:
            space = _SPACE.search(text, start + _SCAN_PIECE)
            end = space.start() if space else size
        yield start, end
        start = end


def _runs(text: str) -> list[str]:
    """The runs of ASCII letters in `text`, in order: what ``_RUN.findall(text)`` gives."""
    # surrogatepass: a lone surrogate (from bytes decoded with surrogateescape) is 3 bytes.
    raw = text.encode("utf-8", "surrogatepass").translate(_ONLY_LETTERS)
    return raw.decode("ascii").split()


def _is_technical(lowercase: list[str], scan: _Text, max_distance: int, min_ratio: float) -> bool:
    """Whether the text uses many words outside the dictionary and not near any word in it.

    At least `_TECHNICAL_UNKNOWN` distinct unknown lowercase words (of `lowercase`: all of
    them, of 3 to `MAX_WORD_LENGTH` letters) that have no correction (whatever their context,
    so that correcting others never changes the count and a second pass decides as the first
    did), making at least `_TECHNICAL_SHARE` of its distinct lowercase words: code, jargon or
    another language. The count stops as soon as it decides either way.
    """
    lex = scan.lex
    unique = scan.unique
    # The distinct lowercase words of 3+ letters, by C-level set and list operations.
    lower = unique.intersection(" ".join(unique).lower().split())
    lengths = list(map(len, lower))
    share = _TECHNICAL_SHARE * (len(lengths) - lengths.count(1) - lengths.count(2))
    outside = 0
    for done, word in enumerate(lowercase):
        most = outside + len(lowercase) - done  # were every word left outside
        if most < _TECHNICAL_UNKNOWN or most < share:
            return False
        if lex.is_contraction_half(word) or _search(word, max_distance, min_ratio):
            continue
        outside += 1
        if outside >= _TECHNICAL_UNKNOWN and outside >= share:
            return True
    return False


def _line_shares(runs: list[str]) -> tuple[int, int]:
    """(words, function words) among the lowercase and capitalised `runs` of a line."""
    counted = [run for run in runs if run.islower() or run.istitle()]
    return len(counted), sum(run in _FUNCTION_FORMS for run in counted)


def _is_abbreviation(chunk: str) -> bool:
    """Whether a chunk ending in a full stop looks like an abbreviation (Mr., Dr., J.)."""
    core = chunk.rstrip(_TRAIL)
    return chunk.endswith(".") and len(core) <= 3 and core[:1].isupper() and core.isalpha()


def _is_english(words: list[str], lex: Lexicon, extra_function: int = 0) -> bool:
    """Whether a short passage reads as English: mostly known words, with a function word."""
    if not words:
        return False
    function = sum(1 for w in words if w in FUNCTION_WORDS) + extra_function
    if len(words) >= _SHARE_MIN_WORDS:
        return function / len(words) >= ENGLISH_MIN_SHARE
    table = _variants()
    known = sum(1 for w in words if w in lex or w in table.to_us or w in table.to_gb)
    return known / len(words) >= 0.7 and (function > 0 or len(words) <= 3)


def _core(chunk: str) -> str:
    return chunk.lstrip(_LEAD).rstrip(_TRAIL)


def _match_case(template: str, word: str) -> str:
    """Return `word` cased like `template` (lower, Title or UPPER)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# -- evidence that an unknown word is deliberate ------------------------------------------------


def _is_derived(word: str, lex: Lexicon) -> bool:
    """Whether `word` is a known word plus a common prefix or suffix (a deliberate coinage)."""
    known = lex.counts
    if word.startswith(_PREFIXES):  # one C-level test dismisses most words
        for prefix in _PREFIXES:
            if (
                word.startswith(prefix)
                and len(word) - len(prefix) >= 4
                and word[len(prefix) :] in known
            ):
                return True
    if not word.endswith(_SUFFIXES):
        return False
    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < 4:
            continue
        if stem in known or stem + "e" in known:
            return True
    return False


def _is_american_variant(word: str, lex: Lexicon) -> bool:
    """Whether `word` becomes a known word by one American -> British letter pattern."""
    known = lex.counts
    for pattern, british in _american_patterns():
        for match in pattern.finditer(word):
            if word[: match.start()] + british + word[match.end() :] in known:
                return True
    return False


_AMERICAN_PATTERNS: list[tuple[re.Pattern[str], str]] = []


def _american_patterns() -> list[tuple[re.Pattern[str], str]]:
    """`_US_TO_GB` compiled, on first use (spares each word a lookup in `re`'s cache)."""
    if not _AMERICAN_PATTERNS:
        _AMERICAN_PATTERNS[:] = [(re.compile(p), british) for p, british in _US_TO_GB]
    return _AMERICAN_PATTERNS


def _is_compound(word: str, lex: Lexicon) -> bool:
    """Whether `word` is two frequent known words written together (roadmap, onboard)."""
    floor = _COMPOUND_PART_COUNT
    counts = lex.counts
    for cut in range(2, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if cut < 4 and head not in FUNCTION_WORDS:
            continue
        if counts.get(head, 0) >= floor and counts.get(tail, 0) >= floor:
            return True
    return False


def _is_plausible_slip(word: str, candidate: str, distance: int) -> bool:
    """Whether turning `candidate` into `word` looks like a typing or spelling slip.

    Writers keep the first letter of a word and rarely get its last letter wrong (the ends of a
    word are what is remembered best), so an edit of the first or the last letter alone is not
    a slip: "identica" and "minima" are other words, not "identical" and "minimal" mistyped.
    A wrong letter is a slip when it sits on a key next to the right one or is a vowel for a
    vowel (`_is_typed_substitution`). A letter too many is a slip when it doubles a letter
    next to it, sits on a key next to one, or is a vowel in a long word (governement); any
    other extra letter ("nodejs", "taonga", "maemo") more likely makes a different word. Two
    edits must keep the last letter and may not be a whole extra syllable
    ("authentification").
    """
    if word[0] != candidate[0]:
        return False
    if candidate in (word + "s", word + "es"):
        return False
    if distance == 2:
        return word[-1] == candidate[-1] and not _is_extra_block(word, candidate)
    if len(word) == len(candidate):
        return word[:-1] != candidate[:-1] and _is_typed_substitution(word, candidate)
    if len(word) + 1 == len(candidate):  # a letter dropped: not the last one
        return word != candidate[:-1]
    return _is_typed_extra_letter(word, candidate)


def _is_typed_substitution(word: str, candidate: str) -> bool:
    """Whether `word` is `candidate` mistyped: two letters swapped, or one letter wrong.

    A wrong letter must be on a key next to the right one, a vowel written for another vowel
    (seperate), or a consonant that spells the same sound (concider, bisquits); any other
    wrong letter more likely makes another word (perple: people or purple?).
    """
    diffs = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
    if len(diffs) != 1:
        return True  # two letters swapped
    wrong, right = word[diffs[0]], candidate[diffs[0]]
    if keyboard_adjacent(wrong, right) or (wrong in _VOWELS and right in _VOWELS):
        return True
    return frozenset((wrong, right)) in _SOUND_ALIKE


def _is_typed_extra_letter(word: str, candidate: str) -> bool:
    """Whether `word` is `candidate` with one extra letter that a finger could have added."""
    for i in range(len(word)):
        if word[:i] + word[i + 1 :] != candidate:
            continue
        if i == len(word) - 1:
            return False  # an extra last letter makes another word (teensy, not teens)
        extra = word[i]
        around = {word[j] for j in (i - 1, i + 1) if 0 <= j < len(word)}
        if extra in around or any(keyboard_adjacent(extra, c) for c in around):
            return True
        if extra in _VOWELS and len(word) >= _MIN_LENGTH_EXTRA_VOWEL:
            return True  # a spelling slip (governement); in a short word, another word
    return False


def _is_extra_block(word: str, candidate: str) -> bool:
    """Whether `word` is `candidate` with two adjacent letters added (a syllable, not a slip)."""
    if len(word) != len(candidate) + 2:
        return False
    return any(
        word[:i] + word[i + 2 :] == candidate and word[i] != word[i + 1]
        for i in range(len(word) - 1)
    )


# -- candidates ---------------------------------------------------------------------------------


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


@lru_cache(maxsize=_SEARCH_CACHE)
def _is_deliberate(word: str) -> bool:
    """Whether unknown `word` is made of known parts, so written on purpose.

    That is the first half of a contraction (didn't), a known word with a prefix or suffix,
    an American spelling of a British one, or two words written together.
    """
    lex = lexicon()
    if lex.is_contraction_half(word):
        return True
    return _is_derived(word, lex) or _is_american_variant(word, lex) or _is_compound(word, lex)


@lru_cache(maxsize=_SEARCH_CACHE)
def _search(word: str, max_distance: int, min_ratio: float) -> tuple[str, float, str, int] | None:
    """The winning correction of unknown `word`: (best, ratio, runner-up, distance), or None.

    The best candidate one edit away is taken when any known word is one edit away; else the
    best frequent word two edits away with the same ends (long words only). A correction must
    be a plausible slip (`_is_plausible_slip`), and every plausible correction one edit away
    keeps both ends of the word but for a swap of the last two letters, and is frequent: when
    no frequent word is such a slip away, no search one edit away can win, and its hundreds of
    lookups are skipped (or cut short at the first known word, which rules out the search two
    edits away). Most unknown words end after a few dozen lookups.
    """
    lex = lexicon()
    close = lex.frequent_near(word)  # frequent words within two edits, same ends
    swapped = word[:-2] + word[-1] + word[-2]
    one = 1 in close.values() or lex.count(swapped) >= MIN_TARGET_COUNT
    if one:
        near = lex.neighbours1(word)
        found, distance = _best_candidate(near, min_ratio), 1
    elif max_distance < 2 or len(word) < MIN_LENGTH_TWO_EDITS or 2 not in close.values():
        return None  # nothing plausible one edit away, and no search two edits away
    elif lex.has_neighbour1(word):
        return None  # the search stays one edit away, where nothing is plausible
    else:
        two = {w: lex.count(w) for w, d in close.items() if d == 2}
        found, distance = _best_candidate(two, min_ratio * 2), 2
    if found is None or not _is_plausible_slip(word, found[0], distance):
        return None
    return (*found, distance)


def _clear_caches() -> None:
    """Forget the remembered word verdicts (for benchmarks that time cold passes)."""
    _search.cache_clear()
    _is_deliberate.cache_clear()
    _function_word_near.cache_clear()


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


_FUNCTION_KEYS: dict[str, tuple[str, ...]] | None = None
_FUNCTION_SHAPES = frozenset((w[0], len(w)) for w in FUNCTION_WORDS if len(w) >= 3)


@lru_cache(maxsize=_SEARCH_CACHE)
def _function_word_near(word: str) -> str | None:
    """The function word of 3+ letters one edit from `word` with its first letter, if one.

    Function words are filed under themselves and each of their one-letter deletions (built
    once, a few hundred keys); two words one edit apart share such a key, so a query costs a
    handful of lookups and an exact check of the few words found.
    """
    global _FUNCTION_KEYS
    first, size = word[0], len(word)
    shapes = _FUNCTION_SHAPES
    if not any((first, length) in shapes for length in (size - 1, size, size + 1)):
        return None  # no function word with that first letter and about that length
    if _FUNCTION_KEYS is None:
        table: dict[str, list[str]] = {}
        for w in sorted(FUNCTION_WORDS):
            if len(w) >= 3:
                for key in {w, *(w[:i] + w[i + 1 :] for i in range(len(w)))}:
                    table.setdefault(key, []).append(w)
        _FUNCTION_KEYS = {k: tuple(v) for k, v in table.items()}
    keys = _FUNCTION_KEYS
    found = {
        w
        for key in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
        for w in keys.get(key, ())
        if w[0] == word[0] and edit_distance(word, w, 2) == 1
    }
    if not found:
        return None
    lex = lexicon()
    return max(found, key=lambda w: (lex.count(w), w))


# -- real-word slips ----------------------------------------------------------------------------

_SLIPS: dict[str, str] | None = None


def _slips(lex: Lexicon) -> dict[str, str]:
    """Rare known words one neighbouring key from a top function word, with that word.

    Computed once per process from the word list: a word qualifies when it is at least
    `REAL_WORD_RATIO` times rarer than the function word and has no English inflections.
    """
    global _SLIPS
    if _SLIPS is None:
        ranked = [w for w in lex.most_frequent(100) if w in FUNCTION_WORDS]
        targets = [w for w in ranked[:REAL_WORD_TARGETS] if w not in _NO_SLIP_TARGETS]
        found: dict[str, str] = {}
        for target in targets:
            for i, letter in enumerate(target):
                for key in sorted(adjacent_keys(letter)):
                    slip = target[:i] + key + target[i + 1 :]
                    if slip not in lex or slip in found or _has_inflections(slip, lex):
                        continue
                    if lex.count(slip) * REAL_WORD_RATIO <= lex.count(target):
                        found[slip] = target
        _SLIPS = found
    return _SLIPS


def _has_inflections(word: str, lex: Lexicon) -> bool:
    """Whether the dictionary knows inflected forms of `word` (fir: firs, fired; jot: jotted).

    A word with English inflections is an ordinary English word, never taken for a slip; words
    without (foreign words, abbreviations such as "ans") may be.
    """
    forms = (word + "s", word + "es", word + "ed", word + "ing", word + word[-1] + "ed")
    return any(form in lex for form in forms)


# -- variant table -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _VariantTable:
    """British to American and American to British rewrites."""

    to_us: dict[str, str]
    to_gb: dict[str, str]


_VARIANT_TABLE: _VariantTable | None = None
_VARIANT_LOCK = threading.Lock()

#: American words whose British spelling depends on the sense, with what decides it: the words
#: just before (``after``) or the word just after (``before``) that fix the sense. Anything
#: else is left as it is under en-GB.
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands few several many square cubic".split()
)
_DETERMINERS = frozenset(
    "a the this that his her its their our your my no driving fishing software".split()
)
_VERB_MARKERS = frozenset(
    "to will would can could should must may might shall i we they you".split()
)
_CONTEXT_TO_GB: dict[str, tuple[str, frozenset[str]]] = {
    "meter": ("metre", _NUMBER_WORDS),
    "meters": ("metres", _NUMBER_WORDS),
    "license": ("licence", _DETERMINERS),
    "licenses": ("licences", _DETERMINERS - {"a"}),
    "practice": ("practise", _VERB_MARKERS),
}


def _read_variants() -> _VariantTable:
    """Parse ``data/variants_en.tsv`` (american, british, applies)."""
    to_us: dict[str, str] = {}
    to_gb: dict[str, str] = {}
    lines = read_data("variants_en.tsv").decode("utf-8").splitlines()
    for line in lines[1:]:
        american, british, applies = line.split("\t")
        if applies in ("both", "en-US"):
            to_us[british] = american
        if applies in ("both", "en-GB"):
            to_gb[american] = british
    return _VariantTable(to_us, to_gb)


@lru_cache(maxsize=2)
def _variant_forms(variant: str) -> frozenset[str]:
    """The words a rewrite to `variant` starts from, in each case the scan may meet them."""
    table = _variants()
    words = table.to_us.keys() if variant == "en-US" else table.to_gb.keys() | _CONTEXT_TO_GB
    return frozenset(f for w in words for f in (w, w.title(), w.upper()))


def _variants() -> _VariantTable:
    """Return the variant table, loading it on first use (once per process)."""
    global _VARIANT_TABLE
    if _VARIANT_TABLE is None:
        with _VARIANT_LOCK:
            if _VARIANT_TABLE is None:
                _VARIANT_TABLE = _read_variants()
    return _VARIANT_TABLE


# -- the cleaner --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Suspect:
    """An unknown lowercase word that passed the cheap checks, with its best correction."""

    token: _Token
    best: str
    ratio: float
    runner: str
    distance: int


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
        runs, unique = _scan(text)
        if not unique:
            return Proposal()
        lex = lexicon()
        scan = _Text(text, runs, unique, lex)
        edits: dict[int, Edit] = {}
        if self.correct_typos:
            self._correct(scan, edits)
        if self.variant is not None:
            self._rewrite_variants(scan, edits)
        return Proposal(edits=tuple(edits[at] for at in sorted(edits)))

    # -- typos ---------------------------------------------------------------------------------

    def _correct(self, scan: _Text, edits: dict[int, Edit]) -> None:
        """Decide the typo corrections, into `edits` (by start offset)."""
        lex = scan.lex
        # Unknown as written, split by C-level set operations: the lowercase ones, and the
        # capitalised ones whose lowercase form is unknown too (all are ASCII letters).
        unknown = lex.unknown(scan.unique)
        lowered = set(" ".join(unknown).lower().split())
        lowercase = [w for w in unknown.intersection(lowered) if 3 <= len(w) <= MAX_WORD_LENGTH]
        titles = unknown.intersection(" ".join(lex.unknown(lowered)).title().split())
        scan.expect_searches(len(lowercase) + len(titles))
        suspects: list[_Suspect] = []
        for word in lowercase:
            suspect = self._suspect(word, scan)
            if suspect is not None:
                suspects.append(suspect)
        starts: list[tuple[_Token, str]] = []
        for word in titles:
            if 3 <= len(word) <= MAX_WORD_LENGTH:
                starts.extend(self._sentence_start_typos(word, scan))
        ratio = float(self.min_ratio)
        if suspects and _is_technical(lowercase, scan, self.max_distance, ratio):
            # Many words outside the dictionary (code, jargon, another language): one more is
            # far more likely one of them, so only an overwhelming winner is taken.
            floor = self.min_ratio * _TECHNICAL_RATIO
            suspects = [s for s in suspects if s.ratio >= floor]
        slips = sorted(scan.unique.intersection(_slips(lex))) if self.real_word_errors else []
        suspects.sort(key=lambda s: s.token.start)
        starts.sort(key=lambda s: s[0].start)
        for _ in range(_MAX_ROUNDS):
            fresh = self._decide(suspects, starts, slips, scan, edits)
            if not fresh:
                break
            scan.reset_verdicts()

    def _suspect(self, word: str, scan: _Text) -> _Suspect | None:
        """An unknown lowercase word that may be a typo, with its correction; or None.

        The checks run cheapest first: most unknown words (names, jargon, fragments) are
        dismissed before any candidate search.
        """
        table = _variants()
        if word in self.words or word in table.to_us or word in table.to_gb:
            return None
        if scan.lex.is_contraction_half(word):
            return None  # didn't, they're: the commonest unknown words, dismissed first
        at = scan.only_use(word)
        if at is None or scan.other_uses(word):
            return None  # used twice: deliberate
        token = scan.token(at, word)
        if token is None or not self._may_fit(token, scan) or not scan.english(token):
            return None  # (the line's verdict is counted once per line: cheaper than the next)
        if _is_deliberate(word):
            return None
        found = _search(word, self.max_distance, float(self.min_ratio))
        if found is None:
            return None
        best, ratio, runner, distance = found
        return _Suspect(token, best, ratio, runner, distance)

    def _may_fit(self, token: _Token, scan: _Text) -> bool:
        """The cheap half of `_fits`: ASCII around, and words (known or not) on each side."""
        before, after = scan.neighbours(token, 2)
        if not before and not after:
            return False
        if not all(chunk.isascii() for chunk in (*before, *after)):
            return False
        return all(_core(chunks[0]).isalpha() for chunks in (before, after) if chunks)

    def _sentence_start_typos(self, word: str, scan: _Text) -> list[tuple[_Token, str]]:
        """Capitalised unknown words at sentence starts that are a function word mistyped."""
        lower = word.lower()
        target = _function_word_near(lower)
        if target is None or lower in self.words or not _is_plausible_slip(lower, target, 1):
            return []
        at = scan.only_use(word)
        if at is None or scan.other_uses(word):
            return []
        token = scan.token(at, word)
        if token is None or not token.sentence_start:
            return []
        return [(token, target)]

    def _decide(
        self,
        suspects: list[_Suspect],
        starts: list[tuple[_Token, str]],
        slips: list[str],
        scan: _Text,
        edits: dict[int, Edit],
    ) -> bool:
        """One pass of decisions over the candidates not yet decided; True when any was made."""
        pending = {s.token.start for s in suspects} - edits.keys()
        fresh = False
        for suspect in suspects:
            token = suspect.token
            if token.start in edits or not self._fits(token, scan, pending, suspects):
                continue
            edits[token.start] = self._non_word_edit(suspect)
            scan.fixed[token.start] = (token.end, suspect.best)
            fresh = True
        for token, target in starts:
            if token.start in edits or not scan.english(token):
                continue
            _, after = scan.neighbours(token, 1)
            if not after or not self._is_english_word(after[0], scan):
                continue
            edits[token.start] = _sentence_start_edit(token, target)
            scan.fixed[token.start] = (token.end, target)
            fresh = True
        for word in slips:
            edit = self._slip_edit(word, scan, edits)
            if edit is not None:
                edits[edit.span.start] = edit
                scan.fixed[edit.span.start] = (edit.span.end, edit.replacement)
                fresh = True
        return fresh

    def _fits(
        self, token: _Token, scan: _Text, pending: set[int], suspects: list[_Suspect]
    ) -> bool:
        """Whether the words around `token` make it an English word mistyped.

        The nearest word on each side (on the line) must be an ordinary English word, or
        another typo with a correction; the two words on each side may not carry letters
        outside ASCII (a French or Māori phrase: "Café au lait") nor be unknown words that are
        not typos themselves (a list of jargon or foreign words); the line reads as English.
        """
        before, after = scan.neighbours(token, 2)
        if not before and not after:
            return False
        typos = {suspect.token.word for suspect in suspects}
        for chunk in (*before, *after):
            if not chunk.isascii():
                return False
            core = _core(chunk)
            if core.isalpha() and core.islower() and core not in scan.lex and core not in typos:
                return False  # an unknown word close by: jargon or another language
        for side, chunks in ((-1, before), (1, after)):
            if not chunks:
                continue
            core = _core(chunks[0])
            if self._is_english_word(core, scan):
                continue
            if not self._is_pending_neighbour(token, side, core, pending, suspects, scan):
                return False
        return scan.english(token)

    def _is_english_word(self, core: str, scan: _Text) -> bool:
        """Whether a neighbouring chunk's core is a known English word (or a decided fix)."""
        if not core.isalpha() or not core.isascii():
            return False
        if not (core.islower() or core.istitle() or core == "I"):
            return False
        return core.lower() in scan.lex

    @staticmethod
    def _is_pending_neighbour(
        token: _Token,
        side: int,
        core: str,
        pending: set[int],
        suspects: list[_Suspect],
        scan: _Text,
    ) -> bool:
        """Whether the neighbour on `side` is itself a typo with a correction (or decided)."""
        for suspect in suspects:
            other = suspect.token
            if other.word != core:
                continue
            between = scan.text[other.end : token.start] if side < 0 else ""
            if side > 0:
                between = scan.text[token.end : other.start]
            if not between.strip(_LEAD + _TRAIL + " \t"):
                return other.start in pending or other.start in scan.fixed
        return False

    def _non_word_edit(self, suspect: _Suspect) -> Edit:
        """The edit for a decided non-word correction, with its reason."""
        token, best = suspect.token, suspect.best
        how = "two edits" if suspect.distance == 2 else _describe_edit(token.word, best)
        odds = (
            f"'{best}' is {suspect.ratio:,.0f}x more frequent than '{suspect.runner}'"
            if suspect.runner
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

    def _slip_edit(self, word: str, scan: _Text, edits: dict[int, Edit]) -> Edit | None:
        """Correct a rare word that is a one-key slip of a top function word, in plain prose."""
        if word in self.words:
            return None
        at = scan.only_use(word)
        if at is None or at in edits or scan.other_uses(word):
            return None
        token = scan.token(at, word)
        if token is None or not token.bare:
            return None
        before, after = scan.neighbours(token, 1)
        if not before or not after:
            return None
        lex = scan.lex
        target = _slips(lex)[word]
        left, right = (
            fixed[1] if (fixed := scan.fixed.get(at)) is not None else chunk
            for chunk, at in (
                (before[0], token.start - 1 - len(before[0])),
                (after[0], token.end + 1),
            )
        )
        if not left.isalpha() or not left.islower() or len(left) < 3:
            return None  # the word before: a plain lowercase content word
        if left in FUNCTION_WORDS or left not in lex:
            return None
        right = right.rstrip(_TRAIL)  # the word after may end a clause or a sentence
        if not right.isalpha() or not right.islower() or right not in lex:
            return None  # the word after: a plain lowercase word (the, its, a, or content)
        if not scan.english(token, assume=target):
            return None
        ratio = lex.count(target) / lex.count(word)
        i = next(i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b)
        reason = (
            f"'{word}' -> '{target}': one key apart ('{word[i]}' next to '{target[i]}'); "
            f"'{target}' is {ratio:,.0f}x more frequent, and '{word}' stands between a content "
            "word and another word, where a function word belongs"
        )
        return Edit.replace(
            token.start, token.end, target, kind=ChangeKind.TYPO, reason=reason,
            rule="spelling.real_word",
        )  # fmt: skip

    # -- variants ------------------------------------------------------------------------------

    def _rewrite_variants(self, scan: _Text, edits: dict[int, Edit]) -> None:
        """Propose the British/American rewrites, into `edits` (by start offset)."""
        table = _variants()
        forms = _variant_forms(self.variant or "")
        for word in scan.unique & forms:
            lower = word.lower()
            if lower in self.words:
                continue
            tokens = [scan.token(at, word) for at in scan.occurrences(word)]
            title = word not in (lower, word.upper())
            if title and any(
                t is None or not t.sentence_start or _opens_quote(scan, t) for t in tokens
            ):
                continue  # a name (Labour Party) or a quoted title somewhere: every use is
            for token in tokens:
                if token is None or token.start in edits:
                    continue
                target = self._variant_target(lower, token, scan, table)
                if target is not None and scan.english(token):
                    edits[token.start] = _variant_edit(token, target, self.variant or "")

    def _variant_target(
        self, lower: str, token: _Token, scan: _Text, table: _VariantTable
    ) -> str | None:
        if self.variant == "en-US":
            return table.to_us.get(lower)
        target = table.to_gb.get(lower)
        if target is not None:
            return target
        rule = _CONTEXT_TO_GB.get(lower)
        if rule is None:
            return None
        british, markers = rule
        before, _ = scan.neighbours(token, 1)
        if not before:
            return None
        previous = _core(before[0])
        if before[0] != previous:
            return None  # punctuation in between: the words do not go together
        decided = previous.lower() in markers
        if markers is _NUMBER_WORDS and previous.replace(",", "").replace(".", "").isdigit():
            decided = True
        return british if decided else None


def _opens_quote(scan: _Text, token: _Token) -> bool:
    """Whether `token` follows an opening quote or bracket: the first word of a title cited."""
    return token.start > 0 and scan.text[token.start - 1] in _LEAD


def _variant_edit(token: _Token, target: str, variant: str) -> Edit:
    """Rewrite a British spelling to American (``en-US``) or the reverse (``en-GB``)."""
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


def _sentence_start_edit(token: _Token, target: str) -> Edit:
    """Correct a capitalised sentence start that is a function word mistyped (Teh -> The)."""
    replacement = _match_case(token.word, target)
    reason = (
        f"'{token.word}' -> '{replacement}': not in the dictionary; "
        f"{_describe_edit(token.word.lower(), target)} of the function word '{target}' "
        "at the start of a sentence"
    )
    return Edit.replace(
        token.start,
        token.end,
        replacement,
        kind=ChangeKind.TYPO,
        reason=reason,
        rule="spelling.non_word",
    )


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
