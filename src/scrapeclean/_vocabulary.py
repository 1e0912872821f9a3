"""Per-language vocabulary, read from the package's data files on first use.

Every language is one JSON file, ``scrapeclean/data/languages/<code>.json``; ``mul.json`` holds
multilingual words (brand names, news agencies), and ``index.json`` lists the languages in the
order the date grammar tries them, the accepted aliases, and which languages hold each
vocabulary key. A file is read the first time something asks for its language, then cached.

Cleaners ask by key, a section and a name: ``"chrome.ui_words"``, ``"dateline.byline_words"``.
`words` gives the union over languages as a case-folded frozenset; `phrases` the same as a sorted
tuple; `alternation` an escaped regular-expression alternation of the phrases, longest first;
`patterns` an alternation of the regular-expression fragments kept under a key (their spaces
escaped, so they can stand inside a ``VERBOSE`` pattern). See docs/dates.md, "Adding a
language", for the file layout.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "aliases",
    "alternation",
    "document",
    "language_codes",
    "patterns",
    "phrases",
    "words",
]

_DATA_DIR = Path(__file__).parent / "data" / "languages"
_INDEX = "index"


def _read(name: str) -> dict[str, Any]:
    # A plain path, not importlib.resources: importing that costs more than reading the file.
    data = json.loads((_DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"{name}.json must hold a JSON object")
    return data


@lru_cache(maxsize=1)
def _index() -> dict[str, Any]:
    return _read(_INDEX)


def language_codes() -> tuple[str, ...]:
    """The codes of the date languages, in the order they are tried (English first)."""
    return tuple(_index()["order"])


def aliases() -> dict[str, str]:
    """Other codes accepted for a supported language (``"nb"`` -> ``"no"``)."""
    return dict(_index()["aliases"])


@cache
def document(code: str) -> Mapping[str, Any]:
    """The data file of the language `code` (``"mul"`` for the multilingual one), cached."""
    if code not in _index()["names"]:
        raise KeyError(f"no language data for {code!r}")
    return _read(code)


def _holders(key: str, languages: Iterable[str] | None) -> list[str]:
    section, _, name = key.partition(".")
    if not section or not name:
        raise KeyError(f"a vocabulary key is 'section.name', not {key!r}")
    known: dict[str, list[str]] = _index()["vocabulary"]
    if key not in known:
        raise KeyError(f"no language file has the vocabulary {key!r}; known: {sorted(known)}")
    holders = list(known[key])
    if languages is None:
        return holders
    wanted = {*languages, "mul"}
    return [code for code in holders if code in wanted]


def _entries(key: str, languages: Iterable[str] | None) -> list[str]:
    section, _, name = key.partition(".")
    found: list[str] = []
    for code in _holders(key, languages):
        found.extend(document(code)[section][name])
    return found


def words(key: str, languages: Iterable[str] | None = None) -> frozenset[str]:
    """The case-folded words (or phrases) under `key`, over `languages` (default: all).

    The multilingual entries (``mul.json``) are always included.
    """
    return _words(key, None if languages is None else tuple(languages))


@lru_cache(maxsize=64)
def _words(key: str, languages: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(entry.casefold() for entry in _entries(key, languages))


def phrases(key: str, languages: Iterable[str] | None = None) -> tuple[str, ...]:
    """The phrases under `key` as a tuple, longest first, then alphabetical."""
    return tuple(sorted(words(key, languages), key=lambda phrase: (-len(phrase), phrase)))


def alternation(key: str, languages: Iterable[str] | None = None) -> str:
    """A regex alternation of the phrases under `key`: escaped, longest first, no group.

    Spaces are escaped too, so the result can stand inside a ``VERBOSE`` pattern.
    """
    import regex  # the cleaners that call this import it anyway; the date grammar does not

    return "|".join(regex.escape(phrase) for phrase in phrases(key, languages))


def patterns(key: str, languages: Iterable[str] | None = None) -> str:
    """A regex alternation of the pattern fragments under `key`, in file order, no group.

    Fragments are regular expressions as written in the data files; their spaces are escaped so
    that the alternation also works inside a ``VERBOSE`` pattern.
    """
    fragments = dict.fromkeys(_entries(key, None if languages is None else tuple(languages)))
    return "|".join(fragment.replace(" ", r"\ ") for fragment in fragments)
