"""Authors' names as pages state them in their metadata, made into names.

A page's JSON-LD ``author``, its author metas and its ``rel=author`` links often hold more than
a name: "By Jane Doe", "View all posts by Jane Doe", "Jane Doe, Cleveland.com", "Jane Doe |
Example Media", "Jane Doe, MS, RD", "Jane Doe info@example.com", "Jane Doe - https://…".
`author_name` keeps the name; `author_names` does so for each and drops the repeats. What is
left when no name can be told is None: a missing author is better than a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from scrapeclean._regex import LazyRegex
from scrapeclean._vocabulary import alternation, language_codes
from scrapeclean._vocabulary import words as vocabulary

#: A web address or e-mail address, with the separator before it (entered only at the start
#: of the text or of a run of spaces: linear on long runs).
_CONTACT = LazyRegex(
    r"(?:^|(?<!\s)\s++)(?:[-–—|,·(]\s*+)?"
    r"(?:https?://\S++|www\.\S++|[\w.+-]++@[\w-]++\.[\w.]++)\)?"
)
#: Words before the name: a link's label ("View all posts by", "Zeige alle Beiträge von"), a
#: kind of piece ("Analysis by"), a label ("Author:"), or a language file's byline word ("By",
#: "Von", "Par"); only before a capital, so that "von der Leyen" keeps its "von".
_LEAD = LazyRegex(
    lambda: (
        r"^(?:(?:view\ |see\ )?(?:all\ )?(?:posts|articles|stories|entries)\ (?:by|from)\ "
        r"|more\ (?:from|by)\ |(?:zeige\ )?alle\ (?:beiträge|artikel|posts)\ von\ "
        r"|tous\ les\ articles\ (?:de|par)\ |todos\ los\ artículos\ de\ "
        r"|(?:analysis|opinion|commentary|review|story|text|words|written|posted)\ by\ "
        r"|(?:author|autor|autorin|auteur|autore|by)\s*+:\s*+"
        rf"|(?:{alternation('dateline.byline_words')})\ )(?=(?-i:\p{{Lu}}))"
    ),
    regex.IGNORECASE | regex.VERBOSE,
)
#: An affiliation, or a second author, after the name: " | Example Media", " - Jo Roe".
_AFTER_NAME = LazyRegex(r"(?<!\s)\s++[|–—-]\s++(?P<after>.*+)$")
#: A person's name alone: two or three capitalised words ("Jo Roe", "Anne-Marie de Roe" not).
_PERSON = LazyRegex(
    r"^\p{Lu}\p{Ll}++(?:-\p{Lu}\p{Ll}++)?(?: \p{Lu}\p{Ll}++(?:-\p{Lu}\p{Ll}++)?){1,2}$"
)
#: Words of a desk or a publication, never of a person's name ("Staff", "Example News").
_NOT_NAMES = frozenset(
    {"staff", "team", "desk", "newsroom", "news", "media", "online", "redaktion", "rédaction"}
)
#: What may close a link's text after the name ("Jane Doe →").
_TRAILING = " \t→»›>|-–—,:;"
_MIN_NAME_WORDS = 2


def stated_names(stated: str) -> list[str]:
    """The names in `stated` (an author as the page states it): none, one, or two.

    Labels before the name go (`_LEAD`), and web and e-mail addresses. After ` | ` or ` - `
    comes an affiliation, dropped, or a second person's name ("Jo Roe - Jane Doe"), kept. A
    comma after a name of two or more words ends it ("Jane Doe, Cleveland.com", "Jane Doe, MS,
    RD"); a single word, or a surname with its particle ("von der Leyen, Ursula"), before a
    comma is a surname first and stays whole.
    """
    text = " ".join(stated.split())
    text = _CONTACT.sub("", text)
    text = _LEAD.sub("", text)
    found = _AFTER_NAME.search(text)
    second = ""
    if found is not None:
        after = found.group("after").strip(_TRAILING)
        second = after if _is_person(after) else ""
        text = text[: found.start()]
    text = text.strip(_TRAILING)
    first, comma, _ = text.partition(",")
    if comma and len(first.split()) >= _MIN_NAME_WORDS and not first[:1].islower():
        text = first.strip(_TRAILING)
    return [name for name in (text, second) if name]


def _is_person(text: str) -> bool:
    """Whether `text` reads as a person's name: capitalised words, no job or desk among them."""
    if _PERSON.match(text) is None:
        return False
    return not any(map(_office_word, text.casefold().split()))


def _office_word(folded: str) -> bool:
    """Whether a case-folded word names a desk or a job, never a person ("staff", "editor")."""
    return folded in _NOT_NAMES or folded in vocabulary("dateline.job_titles")  # (cached)


#: A word of a person's name in any case: "Jane", "JANE", "O'Neil", "Anne-Marie", "J." (a
#: single letter only as an initial, with its dot).
_NAME_WORD = LazyRegex(r"^\p{Lu}(?:[\p{L}'’-]*\p{L}\.?|\.)$")
_MIN_WEEKDAY_LENGTH = 5
_MAX_NAME_WORDS = 5


def name_shaped(text: str) -> bool:
    """Whether `text` is shaped like a person's name.

    Two to five words, each capitalised (or a particle such as "de", "von"), no job title, desk
    word or weekday among them, nothing else. For weak evidence (a byline's markup), where
    `_is_person`'s proper case is too strict ("JANE DOE").
    """
    words = text.split()
    if not _MIN_NAME_WORDS <= len(words) <= _MAX_NAME_WORDS:
        return False
    particles = vocabulary("dateline.name_particles")
    for word in words:
        folded = word.casefold()
        if _office_word(folded) or folded in _weekdays():
            return False
        if folded not in particles and _NAME_WORD.match(word) is None:
            return False
    return True


@cache
def _weekdays() -> frozenset[str]:
    """The weekdays' full names in every language of the data files ("monday", "montag").

    A date glued to a byline ("Joe Wee Monday, February 29") is no part of a name. (Months are
    names too: "June", "April".)
    """
    from scrapeclean.dates._languages import language

    codes = [code for code in language_codes() if code != "mul"]
    return frozenset(
        form
        for code in codes
        for forms in language(code).weekdays
        for form in forms[:1]
        if len(form) >= _MIN_WEEKDAY_LENGTH
    )


def author_name(stated: str) -> str | None:
    """The first name in `stated` (`stated_names`), or None when there is none."""
    names = stated_names(stated)
    return names[0] if names else None


def author_names(stated: Iterable[str]) -> tuple[str, ...]:
    """The names in each of `stated`, in order, without repeats (case aside)."""
    names: dict[str, str] = {}
    for one in stated:
        for name in stated_names(one):
            names.setdefault(name.casefold(), name)
    return tuple(names.values())
