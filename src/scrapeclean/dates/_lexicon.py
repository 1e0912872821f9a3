"""Tokens and word senses: the layer between raw text and the date grammar.

`tokenize` splits text into numbers, words, single CJK characters and punctuation.
`build_lexicon` turns the language records of `_languages` (read from the data files) into
lookup dictionaries (built lazily and cached per language selection), and `classify` attaches
senses ("this word can be the month 3", "this word means hours ago") to the tokens.  The grammar
only ever looks at the classified tokens, so no language has its own regular expression.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from scrapeclean.dates._languages import Forms, Language, language

__all__ = [
    "APPROX",
    "CJK",
    "CORE_KINDS",
    "NUM",
    "PUNCT",
    "WORD",
    "Item",
    "Lexicon",
    "Sense",
    "build_lexicon",
    "classify",
    "ends_in_cjk",
    "may_hold_date",
    "tokenize",
]

NUM = 1
WORD = 2
CJK = 3
PUNCT = 4

#: Sense kinds.
MONTH = "month"
WEEKDAY = "weekday"
AM = "am"
PM = "pm"
FILLER = "filler"
#: A word that makes a quantity approximate ("about", "etwa"): skipped like a filler, and
#: also between "vor" / "il y a" and the quantity it counts back.
APPROX = "approx"
CONJ = "conj"
RELDAY = "relday"
NOW = "now"
UNIT = "unit"
AGO_BEFORE = "ago_before"
AGO_AFTER = "ago_after"
IN_BEFORE = "in_before"
IN_AFTER = "in_after"
NUMBER = "number"
NOON = "noon"
MIDNIGHT = "midnight"
OCLOCK = "oclock"
YEAR_BEFORE = "year_before"
MONTH_BEFORE = "month_before"
DAY_BEFORE = "day_before"
YEAR_AFTER = "year_after"
MONTH_AFTER = "month_after"
DAY_AFTER = "day_after"

#: The senses every date expression holds at least one of, unless it holds a number (or a CJK
#: character): a date needs a calendar field, a relative day, "now", or a unit counted back,
#: and only numbers and these words give them. Fillers, markers and number words alone never do.
CORE_KINDS = frozenset((MONTH, WEEKDAY, RELDAY, NOW, UNIT, NOON, MIDNIGHT))

#: Word lists of a `Language` and the sense each gives, in the order senses are added.
_WORD_KINDS: tuple[tuple[str, str], ...] = (
    ("am", AM),
    ("pm", PM),
    ("fillers", FILLER),
    ("approximately", APPROX),
    ("conjunctions", CONJ),
    ("now", NOW),
    ("ago_before", AGO_BEFORE),
    ("ago_after", AGO_AFTER),
    ("in_before", IN_BEFORE),
    ("in_after", IN_AFTER),
    ("noon", NOON),
    ("midnight", MIDNIGHT),
    ("oclock", OCLOCK),
    ("year_before", YEAR_BEFORE),
    ("month_before", MONTH_BEFORE),
    ("day_before", DAY_BEFORE),
    ("year_after", YEAR_AFTER),
    ("month_after", MONTH_AFTER),
    ("day_after", DAY_AFTER),
)
_NO_KINDS: frozenset[str] = frozenset()
_MIN_PREFIX = 3
_MAX_DIGITS = 18
_CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True, slots=True)
class Sense:
    """One possible meaning of a word: a `kind` (see the module constants) and a value."""

    kind: str
    value: int = 0
    exact: bool = True
    #: Bit set of the languages (bit i = the lexicon's i-th code) that give the word this sense.
    langs: int = 0
    #: Bit set of the languages in which the word abbreviates the name (a proper prefix of a
    #: fuller form: "jun", "di").
    abbr_langs: int = 0
    #: Read only when the word is written with an abbreviation dot ("vin.", not "vin").
    dotted_only: bool = False

    @property
    def abbr(self) -> bool:
        """Whether the word is an abbreviation in the first language of the selection that has it.

        "may" is English May, though Turkish "mayıs" is longer; "januar" is German January,
        though Slovak "januára" is longer; "jun" is short for English June.
        """
        return bool(self.abbr_langs & self.langs & -self.langs)


#: Not frozen (a frozen dataclass pays ``object.__setattr__`` per field): one Token and one
#: Item are made per token of the text, and their construction was half of `find_dates`'s
#: time. Neither is changed after it is made (`replace` makes new ones).
@dataclass(slots=True)
class Token:
    """A raw token: `kind` is NUM, WORD, CJK or PUNCT; `spaced` means whitespace precedes it."""

    kind: int
    text: str
    start: int
    end: int
    spaced: bool


@dataclass(slots=True)
class Item:
    """A classified token (or a multi-word phrase merged into one item)."""

    kind: int
    text: str
    start: int
    end: int
    spaced: bool
    key: str = ""
    senses: tuple[Sense, ...] = ()
    value: int = -1
    digits: int = 0
    ordinal: bool = False
    kinds: frozenset[str] = frozenset()

    def has(self, kind: str) -> bool:
        """Return whether one of the item's senses is of `kind`."""
        return kind in self.kinds

    @property
    def langs(self) -> int:
        """Bit set of the languages in which the item has any of its senses."""
        mask = 0
        for sense in self.senses:
            mask |= sense.langs
        return mask

    def get(self, kind: str) -> Sense | None:
        """Return the item's first sense of `kind`, or None."""
        for sense in self.senses:
            if sense.kind == kind:
                return sense
        return None

    def is_punct(self, chars: str) -> bool:
        """Return whether the item is one punctuation character out of `chars`."""
        return self.kind == PUNCT and self.text in chars


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookup tables for one selection of languages (see `build_lexicon`)."""

    codes: tuple[str, ...]
    phrases: dict[tuple[str, ...], tuple[Sense, ...]]
    prefixes: dict[str, tuple[Sense, ...]]
    starts: frozenset[str]
    #: The last word of every phrase of two words or more that has a core sense ("this
    #: morning"): such a phrase is in a text only if its last word is.
    core_tails: frozenset[str]
    #: The first two words of every phrase of two words or more: a phrase lookup is tried only
    #: when the next word can continue one ("the day …", not "the council").
    pairs: frozenset[tuple[str, str]]
    clitics: tuple[str, ...]
    #: Suffixes glued onto a date word (Korean "에"), longest first.
    particles: tuple[str, ...]
    #: Unit words that mean two of their unit (Arabic "يومين", two days).
    duals: frozenset[str]
    ordinals: frozenset[str]
    max_phrase: int
    month_first: bool
    #: Weekday forms read only in brackets after a date, as `Language.bracketed_weekdays`:
    #: lookup key -> weekday (0 is Monday); the first language to have a form decides.
    bracketed_weekdays: dict[str, int] = field(default_factory=dict, compare=False)
    #: Single words already looked up: text -> (key, senses, kinds, starts a phrase).
    memo: dict[str, tuple[str, tuple[Sense, ...], frozenset[str], bool]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Words that start a phrase, met alone: text -> (senses, kinds).
    alone: dict[str, tuple[tuple[Sense, ...], frozenset[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Single words already judged by `may_hold_date`: text -> whether it is a core word.
    core_memo: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)


@lru_cache(maxsize=1)
def _word_source() -> str:
    """The pattern of a word token: letters (and marks), joined by apostrophes, dots, hyphens."""
    marks = "".join(_mark_ranges())
    letter = rf"(?:[^\W\d_{_CJK_RANGES}]|[{marks}\u200c\u200d])"
    return rf"{letter}+(?:['\u2019.\-]{letter}+)*\.?"


@lru_cache(maxsize=1)
def _token_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<num>\d+)|(?P<cjk>[{_CJK_RANGES}])|(?P<word>{_word_source()})|(?P<punct>\S)"
    )


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    """The word tokens alone, as `tokenize` finds them.

    A word starts at a letter, and numbers, CJK characters and punctuation hold none, so
    scanning for words alone cuts them where the whole tokenizer does.
    """
    return re.compile(_word_source())


@lru_cache(maxsize=1)
def _number_or_cjk() -> re.Pattern[str]:
    return re.compile(rf"[\d{_CJK_RANGES}]")


def ends_in_cjk(text: str) -> bool:
    """Whether `text` ends with a Chinese or Japanese character (scripts written unspaced)."""
    return bool(text) and _cjk_char().fullmatch(text[-1]) is not None


@lru_cache(maxsize=1)
def _cjk_char() -> re.Pattern[str]:
    return re.compile(rf"[{_CJK_RANGES}]")


def may_hold_date(text: str, lexicon: Lexicon) -> bool:
    """Whether `text` may hold a date expression: a quick check before the grammar.

    False only when the text has no digit, no CJK character and no word with a core sense
    (`CORE_KINDS`, or the last word of a phrase with one), in which case the grammar finds
    nothing in it either. The scans for digits and words run in the regex engine; each
    distinct word is judged once per lexicon.
    """
    if _number_or_cjk().search(text):
        return True
    judged = lexicon.core_memo
    keys = _Keys()
    for word in set(_word_pattern().findall(text)):
        core = judged.get(word)
        if core is None:
            core = _is_core_word(word, lexicon, keys)
            if len(judged) >= _MAX_MEMO:
                judged.clear()
            judged[word] = core
        if core:
            return True
    return False


def _is_core_word(word: str, lexicon: Lexicon, keys: _Keys) -> bool:
    key, bare = keys.of(word)
    if key in lexicon.core_tails or bare in lexicon.core_tails:
        return True
    return not _lookup(word, lexicon, keys)[2].isdisjoint(CORE_KINDS)


def _mark_ranges() -> list[str]:
    """Character-class ranges of the combining marks below U+3000 (vowel signs, accents)."""
    ranges: list[str] = []
    start = -1
    for code in range(0x300, 0x3000 + 1):
        is_mark = code < 0x3000 and unicodedata.category(chr(code)).startswith("M")
        if is_mark and start < 0:
            start = code
        elif not is_mark and start >= 0:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = -1
    return ranges


#: Token kind by the number of the pattern's group that matched (num, cjk, word, punct).
_KIND_OF_GROUP = (PUNCT, NUM, CJK, WORD, PUNCT)


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens, skipping whitespace."""
    tokens: list[Token] = []
    append = tokens.append
    previous_end = 0
    for match in _token_pattern().finditer(text):
        start, end = match.span()
        kind = _KIND_OF_GROUP[match.lastindex or 0]
        append(Token(kind, match.group(), start, end, start == 0 or start > previous_end))
        previous_end = end
    return tokens


def normalize(word: str) -> str:
    """Return the lookup key of `word`: NFC, case-folded, without dots, straight apostrophes."""
    key = unicodedata.normalize("NFC", word).casefold().replace("\u2019", "'")
    stripped = key.replace(".", "")
    return stripped or key


def strip_accents(key: str) -> str:
    """Return `key` without combining accents, for Latin, Greek and Cyrillic text only."""
    if key.isascii():
        return key
    decomposed = unicodedata.normalize("NFD", key)
    if any(ord(ch) >= 0x590 for ch in decomposed if not unicodedata.combining(ch)):
        return key
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare)


def _forms(spec: Forms) -> list[str]:
    return [form.strip() for form in spec if form.strip()]


def _key_of(form: str) -> tuple[str, ...] | None:
    tokens = tokenize(form)
    if not tokens or any(token.kind not in (WORD, CJK) for token in tokens):
        return None
    return tuple(normalize(token.text) for token in tokens)


class _Builder:
    """Accumulates senses while the lexicon is built."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[Sense]] = {}
        self.prefixes: dict[str, list[Sense]] = {}
        self.bit = 0

    def add(
        self, spec: Forms, kind: str, value: int = 0, *, names: bool = False, dotted: bool = False
    ) -> None:
        forms = _forms(spec)
        keys = [normalize(form) for form in forms] if names else []
        for form in forms:
            key = _key_of(form)
            if key is None:
                continue
            abbr = dotted or (names and _is_abbreviation(normalize(form), keys))
            sense = Sense(
                kind, value, langs=self.bit, abbr_langs=self.bit if abbr else 0, dotted_only=dotted
            )
            for variant in {key, tuple(strip_accents(part) for part in key)}:
                self._add_sense(self.phrases.setdefault(variant, []), sense)

    def add_prefixes(
        self,
        specs: tuple[Forms, ...],
        kind: str,
        first: int,
        bit: int,
        excluded: frozenset[str] = frozenset(),
    ) -> None:
        """Register every unambiguous prefix (3+ letters) of the single-word forms in `specs`.

        A prefix that is one of the language's `excluded` forms is left out ("pro" of "prosinec").
        """
        owners: dict[str, set[int]] = {}
        for index, spec in enumerate(specs):
            for form in _forms(spec):
                key = _key_of(form)
                if key is None or len(key) != 1:
                    continue
                for variant in {key[0], strip_accents(key[0])}:
                    for size in range(_MIN_PREFIX, len(variant)):
                        owners.setdefault(variant[:size], set()).add(index)
        for prefix, indexes in owners.items():
            if len(indexes) == 1 and prefix not in excluded:
                senses = self.prefixes.setdefault(prefix, [])
                value = next(iter(indexes)) + first
                self._add_sense(senses, Sense(kind, value, exact=False, langs=bit, abbr_langs=bit))

    @staticmethod
    def _add_sense(senses: list[Sense], sense: Sense) -> None:
        # The first language to give a word a meaning of some kind wins (English first); a
        # later language giving it the same meaning joins the sense's language set.  A word
        # that abbreviates a name in a language keeps that language in `abbr_langs`.
        for position, existing in enumerate(senses):
            if existing.kind != sense.kind:
                continue
            if existing.value == sense.value and existing.exact == sense.exact:
                senses[position] = replace(
                    existing,
                    langs=existing.langs | sense.langs,
                    abbr_langs=existing.abbr_langs | sense.abbr_langs,
                    dotted_only=existing.dotted_only and sense.dotted_only,
                )
            return
        senses.append(sense)


def _is_abbreviation(key: str, keys: list[str]) -> bool:
    """Whether `key` is a proper prefix of another form of the same name (``"jun"``)."""
    bare = key.rstrip(".")
    return any(other != bare and other.startswith(bare) for other in keys)


def _add_language(builder: _Builder, lang: Language) -> None:
    for index, spec in enumerate(lang.months):
        builder.add(spec, MONTH, index + 1, names=True)
    for index, spec in enumerate(lang.weekdays):
        builder.add(spec, WEEKDAY, index, names=True)
    for index, spec in enumerate(lang.dotted_months):
        builder.add(spec, MONTH, index + 1, dotted=True)
    for index, spec in enumerate(lang.dotted_weekdays):
        builder.add(spec, WEEKDAY, index, dotted=True)
    for index, spec in enumerate(lang.units):
        builder.add(spec, UNIT, index)
    for phrase, days in lang.relative_days:
        builder.add((phrase,), RELDAY, days)
    for phrase, number in lang.numbers:
        builder.add((phrase,), NUMBER, number)
    for name, kind in _WORD_KINDS:
        builder.add(lang.words(name), kind)


@lru_cache(maxsize=32)
def build_lexicon(codes: tuple[str, ...]) -> Lexicon:
    """Build (once per selection) the lookup tables for the languages `codes`, in order."""
    builder = _Builder()
    languages = [language(code) for code in codes]
    _word_pattern()  # compiled with the tables, not on the first text without a digit
    for position, lang in enumerate(languages):
        builder.bit = 1 << position
        _add_language(builder, lang)
    for position, lang in enumerate(languages):
        excluded = frozenset(normalize(form) for form in lang.excluded)
        builder.add_prefixes(lang.months, MONTH, 1, 1 << position, excluded)
        builder.add_prefixes(lang.weekdays, WEEKDAY, 0, 1 << position, excluded)
    ordinals = frozenset(
        normalize(form) for lang in languages for form in _forms(lang.words("ordinals"))
    )
    clitics = tuple(
        sorted({normalize(c) for lang in languages for c in _forms(lang.words("clitics"))})
    )
    particles = tuple(
        sorted(
            {normalize(p) for lang in languages for p in _forms(lang.words("particles"))},
            key=lambda particle: (-len(particle), particle),
        )
    )
    return Lexicon(
        codes=codes,
        phrases={key: tuple(senses) for key, senses in builder.phrases.items()},
        prefixes={key: tuple(senses) for key, senses in builder.prefixes.items()},
        starts=frozenset(key[0] for key in builder.phrases if len(key) > 1),
        core_tails=frozenset(
            key[-1]
            for key, senses in builder.phrases.items()
            if len(key) > 1 and any(sense.kind in CORE_KINDS for sense in senses)
        ),
        pairs=frozenset((key[0], key[1]) for key in builder.phrases if len(key) > 1),
        clitics=clitics,
        particles=particles,
        duals=frozenset(_normalized(languages, "duals")),
        ordinals=ordinals,
        max_phrase=max((len(key) for key in builder.phrases), default=1),
        month_first=bool(codes) and languages[0].month_first,
        bracketed_weekdays=_bracketed_weekdays(languages),
    )


def _bracketed_weekdays(languages: list[Language]) -> dict[str, int]:
    found: dict[str, int] = {}
    for lang in languages:
        for weekday, forms in enumerate(lang.bracketed_weekdays):
            for form in forms:
                found.setdefault(normalize(form), weekday)
    return found


def _normalized(languages: list[Language], name: str) -> set[str]:
    """The lookup keys of the word list `name` over `languages`."""
    return {normalize(form) for lang in languages for form in _forms(lang.words(name))}


def classify(tokens: list[Token], lexicon: Lexicon) -> list[Item]:
    """Attach senses to `tokens`, merging multi-word phrases and ordinal suffixes."""
    keys = _Keys()
    items: list[Item] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == NUM:
            item, index = _number_item(tokens, index, lexicon)
        elif token.kind in (WORD, CJK):
            item, index = _word_item(tokens, index, lexicon, keys)
        else:
            item = Item(PUNCT, token.text, token.start, token.end, token.spaced, token.text)
            index += 1
        items.append(item)
    return items


class _Keys:
    """Memoised lookup keys (plain and accent-free) of the words of one text."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, str]] = {}

    def of(self, word: str) -> tuple[str, str]:
        found = self._cache.get(word)
        if found is None:
            key = normalize(word)
            found = self._cache[word] = (key, strip_accents(key))
        return found


def _number_item(tokens: list[Token], index: int, lexicon: Lexicon) -> tuple[Item, int]:
    token = tokens[index]
    value = int(token.text) if len(token.text) <= _MAX_DIGITS else -1
    item = Item(
        NUM,
        token.text,
        token.start,
        token.end,
        token.spaced,
        token.text,
        value=value,
        digits=len(token.text),
    )
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == WORD
        and not following.spaced
        and normalize(following.text) in lexicon.ordinals
    ):
        ordinal = replace(item, text=token.text + following.text, end=following.end, ordinal=True)
        return ordinal, index + 2
    return item, index + 1


_MAX_MEMO = 200_000


def _lookup(
    text: str, lexicon: Lexicon, keys: _Keys
) -> tuple[str, tuple[Sense, ...], frozenset[str], bool]:
    """`_single_word` of `text`, remembered in the lexicon's memo."""
    known = lexicon.memo.get(text)
    if known is None:
        known = _single_word(text, lexicon, keys)
        if len(lexicon.memo) >= _MAX_MEMO:
            lexicon.memo.clear()
        lexicon.memo[text] = known
    return known


def _word_item(tokens: list[Token], index: int, lexicon: Lexicon, keys: _Keys) -> tuple[Item, int]:
    first = tokens[index]
    key, senses, kinds, starts_phrase = _lookup(first.text, lexicon, keys)
    if not starts_phrase:
        item = Item(
            WORD, first.text, first.start, first.end, first.spaced, key, senses, kinds=kinds
        )
        return item, index + 1
    return _phrase_item(tokens, index, lexicon, keys)


def _single_word(
    text: str, lexicon: Lexicon, keys: _Keys
) -> tuple[str, tuple[Sense, ...], frozenset[str], bool]:
    """The key and senses of one word on its own, and whether a known phrase starts with it."""
    key, bare = keys.of(text)
    senses = (
        lexicon.phrases.get((key,))
        or lexicon.phrases.get((bare,))
        or _prefix_senses(key, bare, lexicon)
        or _clitic_senses(key, lexicon)
        or _particle_senses(key, lexicon)
        or _compound_number_senses(key, lexicon)
    )
    if not text.endswith(".") and any(sense.dotted_only for sense in senses):
        senses = tuple(sense for sense in senses if not sense.dotted_only)
    return key, senses, _kinds(senses), key in lexicon.starts or bare in lexicon.starts


def _phrase_item(
    tokens: list[Token], index: int, lexicon: Lexicon, keys: _Keys
) -> tuple[Item, int]:
    """The longest known phrase starting at `index` (else the word alone) as one item."""
    first = tokens[index]
    key, bare = keys.of(first.text)
    limit = _phrase_run(tokens, index, lexicon.max_phrase)
    if limit > 1:
        second = keys.of(tokens[index + 1].text)
        if (key, second[0]) not in lexicon.pairs and (bare, second[1]) not in lexicon.pairs:
            limit = 1
    for size in range(limit, 1, -1):
        run = tokens[index : index + size]
        pairs = [keys.of(token.text) for token in run]
        senses = lexicon.phrases.get(tuple(p[0] for p in pairs)) or lexicon.phrases.get(
            tuple(p[1] for p in pairs)
        )
        if senses and not run[-1].text.endswith("."):
            senses = tuple(sense for sense in senses if not sense.dotted_only)
        if senses:
            joined = " ".join(p[0] for p in pairs)
            return Item(
                WORD,
                _join(run),
                first.start,
                run[-1].end,
                first.spaced,
                joined,
                senses,
                kinds=_kinds(senses),
            ), index + size
    known = lexicon.alone.get(first.text)
    if known is None:
        known = _alone(first.text, key, bare, lexicon)
        if len(lexicon.alone) >= _MAX_MEMO:
            lexicon.alone.clear()
        lexicon.alone[first.text] = known
    senses, kinds = known
    item = Item(WORD, first.text, first.start, first.end, first.spaced, key, senses, kinds=kinds)
    return item, index + 1


def _alone(
    text: str, key: str, bare: str, lexicon: Lexicon
) -> tuple[tuple[Sense, ...], frozenset[str]]:
    """The senses of a word that starts a phrase but stands alone here (remembered per word)."""
    senses = lexicon.phrases.get((key,)) or lexicon.phrases.get((bare,))
    if senses and not text.endswith("."):
        senses = tuple(sense for sense in senses if not sense.dotted_only)
    if not senses:
        senses = (
            _prefix_senses(key, bare, lexicon)
            or _clitic_senses(key, lexicon)
            or _particle_senses(key, lexicon)
        )
    return senses, _kinds(senses)


def _kinds(senses: tuple[Sense, ...]) -> frozenset[str]:
    return frozenset(sense.kind for sense in senses) if senses else _NO_KINDS


def _join(tokens: list[Token]) -> str:
    parts = [tokens[0].text]
    for before, after in pairwise(tokens):
        parts.append(" " * (after.start - before.end) + after.text)
    return "".join(parts)


def _phrase_run(tokens: list[Token], index: int, limit: int) -> int:
    """How many word tokens from `index` on are separated by nothing but whitespace."""
    size = 1
    while (
        size < limit
        and index + size < len(tokens)
        and tokens[index + size].kind in (WORD, CJK)
        and tokens[index + size].start - tokens[index + size - 1].end <= 2
    ):
        size += 1
    return size


def _prefix_senses(key: str, bare: str, lexicon: Lexicon) -> tuple[Sense, ...]:
    return lexicon.prefixes.get(key) or lexicon.prefixes.get(bare) or ()


#: Tens that take a hyphenated unit ("forty-five"), and the largest such unit.
_TENS = frozenset(range(20, 100, 10))
_UNITS_DIGIT = 9
_ARTICLE = 2


def _compound_number_senses(key: str, lexicon: Lexicon) -> tuple[Sense, ...]:
    """A hyphenated number word, tens and units ("forty-five"), when both halves are numbers."""
    tens_key, dash, units_key = key.partition("-")
    if not dash:
        return ()
    tens = _number_sense(lexicon.phrases.get((tens_key,), ()))
    units = _number_sense(lexicon.phrases.get((units_key,), ()))
    if tens is None or units is None or tens.value not in _TENS or len(units_key) <= _ARTICLE:
        return ()  # "twenty-a": an article counts one but joins no tens
    if not 1 <= units.value <= _UNITS_DIGIT or not tens.langs & units.langs:
        return ()
    return (Sense(NUMBER, tens.value + units.value, langs=tens.langs & units.langs),)


def _number_sense(senses: tuple[Sense, ...]) -> Sense | None:
    return next((sense for sense in senses if sense.kind == NUMBER), None)


def _particle_senses(key: str, lexicon: Lexicon) -> tuple[Sense, ...]:
    """The senses of a date word with a particle glued after it ("일에": "일", day)."""
    for particle in lexicon.particles:
        rest = key[: -len(particle)]
        if key.endswith(particle) and rest:
            senses = lexicon.phrases.get((rest,), ())
            if senses:
                return senses
    return ()


def _clitic_senses(key: str, lexicon: Lexicon) -> tuple[Sense, ...]:
    for clitic in lexicon.clitics:
        rest = key[len(clitic) :]
        if key.startswith(clitic) and rest:
            bare = strip_accents(rest)
            senses = lexicon.phrases.get((rest,), ()) or _prefix_senses(rest, bare, lexicon)
            kept = tuple(s for s in senses if s.kind in (MONTH, WEEKDAY))
            if kept:
                return kept
    return ()
