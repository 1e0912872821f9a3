"""Synthetic multi-page sites around real article bodies, to measure site profiles.

`make_sites(bodies, sites=N, pages=M, seed=S)` builds N sites of M pages each. Every site gets
its own invented vocabulary (pronounceable made-up words, so no built-in word list knows them)
and its own furniture: a masthead, a menu (one item per line, or one line with the site's own
separator), a breadcrumb, a meta line (``Filed under <section> ~ <n> reactions``), a listen
button, a sidebar with a fixed promo and a "best of" list drawn from a site pool, tags, related
links (headlines made from other bodies: they differ page to page), and a footer of invented
service links, an address and a page counter. The shapes vary page to page (sections, numbers,
which pool entries show), so a profile must learn shapes, not only lines.

Each page is the page text a flattener would give: one block per line, the article body (a gold
body of ../shared/data/extraction, paragraphs as lines) in the middle. `Page.body` keeps the
body lines, so a measure knows which lines are article. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_ONSETS = ["b", "br", "d", "dr", "f", "g", "gl", "k", "kr", "l", "m", "n", "p", "pl", "r", "s",
           "st", "t", "tr", "v", "z", "sh", "th"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ei"]
_CODAS = ["", "", "n", "r", "l", "s", "m", "x", "nd", "rt"]
_SEPARATORS = [" ~ ", " :: ", " // ", " + ", " » "]


@dataclass(frozen=True)
class Page:
    """One page of a synthetic site: its page text and the lines of its article body."""

    site: str
    text: str
    body: tuple[str, ...]


def _word(rng: random.Random, syllables: int | None = None) -> str:
    count = syllables or rng.randint(2, 3)
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + (rng.choice(_CODAS) if i == count - 1 else "")
        for i in range(count)
    )


def _title(rng: random.Random, words: int) -> str:
    return " ".join(_word(rng).capitalize() for _ in range(words))


@dataclass(frozen=True)
class _Site:
    name: str
    sections: tuple[str, ...]
    menu: tuple[str, ...]
    separator: str
    menu_on_one_line: bool
    promo: tuple[str, ...]
    best_of: tuple[str, ...]
    footer: tuple[str, ...]
    address: str
    reactions: str
    listen: str


def _site(rng: random.Random) -> _Site:
    name = _title(rng, 1)
    sections = tuple(_title(rng, rng.randint(1, 2)) for _ in range(6))
    menu = tuple(rng.sample(sections, 5)) + tuple(_title(rng, 1) for _ in range(3))
    promo_word = _word(rng).capitalize()
    promo = (
        f"The {name} {promo_word}",
        f"{_title(rng, 2)} every {_word(rng)} in your {_word(rng)}",
        f"{_word(rng).capitalize()} {name}",
    )
    best_of = tuple(f"{_title(rng, 2)} {_word(rng)} {_title(rng, 1)}" for _ in range(8))
    footer = tuple(_title(rng, rng.randint(1, 2)) for _ in range(7))
    address = f"{name} {_title(rng, 1)} · {_title(rng, 1)} {rng.randint(1, 99)} · {_title(rng, 1)}"
    return _Site(
        name=name,
        sections=sections,
        menu=menu,
        separator=rng.choice(_SEPARATORS),
        menu_on_one_line=rng.random() < 0.5,
        promo=promo,
        best_of=best_of,
        footer=footer,
        address=address,
        reactions=_word(rng),
        listen=f"{_word(rng).capitalize()} {_word(rng)}",
    )


def _headline(body: str) -> str:
    words = body.split()[:9]
    return " ".join(words).rstrip(".,;:")


def _page(rng: random.Random, site: _Site, body: list[str], others: list[str], number: int) -> str:
    section = rng.choice(site.sections)
    lines: list[str] = [f"{site.name}", f"{site.name} {rng.choice(site.promo[1:])}"]
    if site.menu_on_one_line:
        lines.append(site.separator.join(site.menu))
    else:
        lines.extend(site.menu)
    lines.append(f"{site.name} › {section}")
    lines.append(_headline(body[0]) if body else site.name)
    lines.append(f"Filed under {section} ~ {rng.randint(0, 400)} {site.reactions}")
    lines.append(f"{site.listen} ({rng.randint(2, 19)} min)")
    lines.extend(body)
    lines.append("Tags: " + ", ".join(rng.sample(site.sections, 3)))
    lines.append(f"More from {site.name}")
    lines.extend(_headline(other) for other in others)
    lines.extend(site.promo)
    lines.append(f"Best of {site.name}")
    lines.extend(rng.sample(site.best_of, 4))
    lines.extend(site.footer)
    lines.append(site.address)
    lines.append(f"Page {number} of {rng.randint(number, number + 40)}")
    return "\n".join(lines)


def make_sites(bodies: list[str], *, sites: int, pages: int, seed: int = 0) -> list[list[Page]]:
    """`sites` synthetic sites of `pages` pages each, one distinct body from `bodies` per page."""
    rng = random.Random(seed)
    if len(bodies) < sites * pages:
        raise ValueError(f"{sites} sites of {pages} pages need {sites * pages} bodies")
    shuffled = rng.sample(bodies, sites * pages)
    found: list[list[Page]] = []
    for index in range(sites):
        site = _site(rng)
        own = shuffled[index * pages : (index + 1) * pages]
        site_pages: list[Page] = []
        for number, body_text in enumerate(own, start=1):
            body = [line.strip() for line in body_text.split("\n") if line.strip()]
            others = [_first_line(text) for text in rng.sample(bodies, 4)]
            text = _page(rng, site, body, others, number)
            site_pages.append(Page(site=site.name, text=text, body=tuple(body)))
        found.append(site_pages)
    return found


def _first_line(text: str) -> str:
    return next((line for line in text.split("\n") if line.strip()), text)
