"""Authors' names from page metadata: the name, without labels, affiliations or addresses."""

from __future__ import annotations

import pytest

from scrapeclean import clean
from scrapeclean._author_names import author_name, author_names, stated_names


@pytest.mark.parametrize(
    ("stated", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By STEVE ROE, AP National Political Writer", "STEVE ROE"),
        ("View all posts by Jane Doe", "Jane Doe"),
        ("Zeige alle Beiträge von Jana Muster →", "Jana Muster"),
        ("Analysis by Jo Bloggs, Editor-at-large", "Jo Bloggs"),
        ("Jane Q. Doe, Example.com", "Jane Q. Doe"),
        ("Jane Doe | Example Media for Example.com", "Jane Doe"),
        ("Jane Doe, MS, RD", "Jane Doe"),
        ("Jana Muster info@example.de", "Jana Muster"),
        ("Jana Muster - https://example.de", "Jana Muster"),
        ("Jane Doe (jane@example.com)", "Jane Doe"),
        ("Author: Jane Doe", "Jane Doe"),
        ("Par Jean Dupont", "Jean Dupont"),
        ("Por María López", "María López"),
    ],
)
def test_the_name_is_kept(stated: str, name: str) -> None:
    assert author_name(stated) == name


@pytest.mark.parametrize(
    "stated",
    [
        "Doe, Jane",  # surname first
        "von der Leyen, Ursula",  # a surname with its particle first
        "Ursula von der Leyen",
        "Jean-Pierre Dupont",
        "Bylund Anders",  # a name that starts like a byline word
    ],
)
def test_a_name_stays_as_it_is(stated: str) -> None:
    assert author_name(stated) == stated


@pytest.mark.parametrize("stated", ["", "   ", "https://example.com/jane", "jane@example.com"])
def test_no_name_is_none(stated: str) -> None:
    assert author_name(stated) is None


@pytest.mark.parametrize(
    ("stated", "names"),
    [
        ("Jana Muster - Lukas Beispiel", ["Jana Muster", "Lukas Beispiel"]),
        ("Jane Doe | Staff Writer", ["Jane Doe"]),
        ("Jane Doe | Example News", ["Jane Doe"]),
        ("Jane Doe - Example Media for Example.com", ["Jane Doe"]),
        ("ACME - Coordination of Computing", ["ACME"]),
    ],
)
def test_after_a_dash_a_second_person_stays_and_an_affiliation_goes(
    stated: str, names: list[str]
) -> None:
    assert stated_names(stated) == names


def test_repeats_go_once() -> None:
    assert author_names(["Jana Muster", "Zeige alle Beiträge von Jana Muster →", "Jo Roe"]) == (
        "Jana Muster",
        "Jo Roe",
    )


STORY = (
    "<p>The town council voted on Thursday to bring back the ferry that crossed the river "
    "until the bridge opened, and the first boats are expected next spring.</p>"
)


@pytest.mark.parametrize(
    "head",
    [
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": '
        '"Person", "name": "By JANE DOE, AP Transport Writer"}}</script>',
        "<meta name='author' content='Jane Doe, Example.com'>",
    ],
)
def test_a_pages_authors_are_names(head: str) -> None:
    html = (
        f"<html lang='en'><head><title>Ferry</title>{head}</head><body><article>"
        f"<h1>Ferry returns to the river</h1>{STORY}</article></body></html>"
    )
    assert clean(html, html=True).metadata.authors[0].casefold() == "jane doe"


def test_rel_author_links_are_names() -> None:
    html = (
        "<html lang='en'><head><title>Ferry</title></head><body><article>"
        "<h1>Ferry returns to the river</h1>"
        "<a rel='author' href='/jane'>View all posts by Jane Doe</a>"
        f"{STORY}<a rel='author' href='/jane'>Jane Doe</a></article></body></html>"
    )
    assert clean(html, html=True).metadata.authors == ("Jane Doe",)
