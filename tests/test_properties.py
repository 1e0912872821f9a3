"""Properties of `clean` on article-shaped text built from the library's own vocabulary.

The text generator mixes what scraped articles are made of: sentences of frequent English
words (some with typos or mojibake), headings, short paragraphs, date lines, bylines, wire
datelines, share bars, calls to action, menus and icon-font runs. The properties: cleaning
is idempotent (``clean(clean(x).text).text == clean(x).text``) and replay holds. Typos are
generated for every step but `normalize_spelling`, whose known second-pass fix is kept as a
strict xfail with its minimal example.
"""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scrapeclean import Pipeline, clean, replay
from scrapeclean.cleaners._spelling_index import lexicon

_REFERENCE = datetime(2024, 6, 1, 12, 0)
_WORDS = lexicon().most_frequent(400)
_LONG_WORDS = tuple(word for word in _WORDS if len(word) >= 6)
_NAMES = ("Jane Doe", "Marta Lindqvist", "John Roe", "Anna Maria Schmidt", "Royal Appointment")
_ACCENTED = ("café", "naïve", "déjà vu", "Zürich", "señor", "crème brûlée")
_DATE_LINES = (
    "14 Jun, 2024 09:45",
    "Published: 3 May 2024",
    "Updated: yesterday",
    "2 hours ago",
    "Sunday",
    "Midnight.",
    "Two weeks later.",
    "In 3 days",
    "14/06/2030",
)
_CHROME_LINES = (
    "Share Tweet Email",
    "Read more",
    "Sign up for our newsletter",
    "Home | News | Local | Business | Sport",
    "icon menuicon searchicon fbicon twicon mailicon shareicon",
    "Photo: Jane Doe/Reuters",
    "© 2024 Example Media. All rights reserved.",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Advertisement",
    "x",
)


@st.composite
def _word(draw: st.DrawFn, *, typos: bool = True) -> str:
    """A frequent word, now and then with a typo (when `typos`) or written as mojibake."""
    choice = draw(st.integers(0 if typos else 1, 9))
    if choice == 0:
        word = draw(st.sampled_from(_LONG_WORDS))
        index = draw(st.integers(1, len(word) - 2))
        return word[:index] + word[index + 1 :]
    if choice == 1:
        return draw(st.sampled_from(_ACCENTED)).encode("utf-8").decode("cp1252", "replace")
    return draw(st.sampled_from(_WORDS))


@st.composite
def _sentence(draw: st.DrawFn, *, typos: bool = True) -> str:
    words = draw(st.lists(_word(typos=typos), min_size=3, max_size=16))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", ".", "?", "", ","]))


@st.composite
def _line(draw: st.DrawFn, *, typos: bool = True) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return " ".join(draw(st.lists(_sentence(typos=typos), min_size=1, max_size=4)))
    if kind == 4:
        words = draw(st.lists(_word(typos=typos), min_size=1, max_size=5))
        return " ".join(word.capitalize() for word in words)
    if kind == 5:
        return draw(st.sampled_from(_DATE_LINES))
    if kind == 6:
        return "By " + draw(st.sampled_from(_NAMES))
    if kind == 7:
        return "PARIS (Reuters) - " + draw(_sentence(typos=typos))
    return draw(st.sampled_from(_CHROME_LINES))


def _articles(*, typos: bool) -> st.SearchStrategy[str]:
    """Article-shaped texts: lines of every kind, separated by one or more line breaks."""
    gaps = st.sampled_from(["\n\n", "\n", "\n\n\n", "  \n"])
    pairs = st.lists(st.tuples(_line(typos=typos), gaps), min_size=1, max_size=10)
    return pairs.map(lambda items: "".join(line + gap for line, gap in items))


_WITHOUT_SPELLING = Pipeline.default().without("normalize_spelling")


#: Hypothesis found it: a headline above the dateline made the cookie notice under it a
#: sentence inside the story, kept, until a second pass had removed headline and dateline.
_NOTICE_UNDER_DATELINE = (
    "CafÃ© cafÃ© cafÃ© cafÃ© the of?\n\n14 Jun, 2024 09:45\n\nWe use cookies to improve your "
    "experience. By continuing you accept our cookie policy.\n\nCafÃ© cafÃ© cafÃ© cafÃ© the of.\n\n"
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles(typos=False), st.sampled_from([None, _REFERENCE]))
@example(_NOTICE_UNDER_DATELINE, None)
def test_clean_is_idempotent(text: str, reference: datetime | None) -> None:
    """Cleaning the cleaned text again changes nothing; replay gives the cleaned text."""
    once = clean(text, reference=reference)
    assert clean(once.text, reference=reference).text == once.text
    assert replay(once.source.text, once.changes) == once.text


#: Hypothesis found it too: a date line at the end of a short text is no header (a first try
#: at the header counted any date among the first six lines).
_DATE_AT_THE_END = (
    "Sarch cafÃ© cafÃ©.\n\n14 Jun, 2024 09:45\n\nIformation iformation iformation iformation. "
    "Iformation iformation iformation iformation iformation. CafÃ© iformation naÃ¯ve iformation "
    "iformation iformation iformation iformation iformation iformation.\n\nCafÃ© cafÃ© cafÃ© "
    "cafÃ© the of.\n\nWe use cookies to improve your experience. By continuing you accept our "
    "cookie policy.\n\nCafÃ© cafÃ© cafÃ© cafÃ© the of.\n\n14 Jun, 2024 09:45\n\n"
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles(typos=True), st.sampled_from([None, _REFERENCE]))
@example(_DATE_AT_THE_END, None)
@example(_NOTICE_UNDER_DATELINE, None)
def test_line_cleaners_are_idempotent_on_typos(text: str, reference: datetime | None) -> None:
    """With typos in the text, every step but spelling (see the xfail below) is idempotent."""
    once = _WITHOUT_SPELLING.clean(text, reference=reference).text
    assert _WITHOUT_SPELLING.clean(once, reference=reference).text == once


def test_spelling_fix_does_not_tip_the_english_verdict() -> None:
    """A fix that makes a function word ('btween' -> 'between') and so tips the document's
    English verdict lets the short line's typo ('cntact') be fixed in the same pass."""
    text = "Sarch sarch the the sarch sarch sarch sarch sarch btween.\nSarch sarch cntact type."
    once = clean(text).text
    assert clean(once).text == once
