"""Strictness of `scrapeclean.dates`: durations, lone words and mixed languages are not dates.

Each case here was read as a date before the strict rules (see ``docs/dates.md``).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from scrapeclean.dates import find_dates, parse_date

REFERENCE = datetime(2020, 6, 15, 14, 30)


@pytest.mark.parametrize("word", ["Mar", "SA", "Di", "FR", "fr", "CS", "Cars", "MA", "hier", "Mon"])
def test_lone_word_is_not_a_date(word: str) -> None:
    """A weekday abbreviation, a language code or a foreign day word alone is not a date."""
    assert parse_date(word, reference=REFERENCE) is None


@pytest.mark.parametrize(
    "text",
    [
        "She worked there for 4 months.",
        "It was sold out within 30 minutes.",
        "The page loads in five seconds.",
        "We expect an answer within days.",
        "A year later, he moved.",
        "Two months later, she died.",
        "The talks ran over three days.",
        "They meet again in three days.",
        "The effects can last for years.",
    ],
)
def test_duration_is_not_a_date(text: str) -> None:
    """Durations and phrases counted forward are not points in time in running text."""
    assert find_dates(text, reference=REFERENCE, languages=["en"]) == []
    assert find_dates(text, reference=REFERENCE) == []


@pytest.mark.parametrize(
    "text",
    [
        "some iPhone 11 Pro users",
        "Out of 17 observations",
        "modes on Xbox One X and PS4 Pro. While",
        "the led 14 lamp",
        "Richardson, via USA Today, said",
        "Jun 17",
        "пришла где-то 1,5 года назад",
        "for 15 minutes. So, is it true?",
    ],
)
def test_ordinary_words_in_any_language_are_not_dates(text: str) -> None:
    """Words of other languages, product names and decimals make no date with no language given."""
    assert find_dates(text, reference=REFERENCE) == []


def test_year_does_not_join_a_month_across_a_sentence() -> None:
    """ "by 2030. In September 2017" holds one date, September 2017, not September 2030."""
    found = find_dates("costs $0.10 by 2030. In September 2017, the office said")
    assert [(m.text, m.value) for m in found] == [("September 2017", datetime(2017, 9, 1))]


def test_weekday_abbreviation_of_another_language_does_not_join() -> None:
    """A two-letter weekday of another language after a date ("So", "to") stays out of it."""
    found = find_dates("November 18, 2019\n\nSo many people", reference=REFERENCE)
    assert [m.text for m in found] == ["November 18, 2019"]


def test_time_alone_is_not_found_in_text() -> None:
    """A site clock ("14:53 GMT +3") is not a date in running text."""
    assert find_dates("Moscow 14:53 GMT +3", reference=REFERENCE) == []


def test_yearless_date_is_marked_inferred() -> None:
    """A date without a year takes the reference's year and says so; a full date does not."""
    found = find_dates("on June 30 and on 2 July 2019", reference=REFERENCE)
    assert [(m.value, m.year_inferred) for m in found] == [
        (datetime(2020, 6, 30), True),
        (datetime(2019, 7, 2), False),
    ]
    assert find_dates("on June 30") == []


def test_match_reports_its_language() -> None:
    """Each match names the language its words are in; digits alone name none."""
    found = find_dates("le 3 mars 2020, puis 2020-04-05", reference=REFERENCE)
    assert [(m.text, m.language) for m in found] == [("3 mars 2020", "fr"), ("2020-04-05", None)]


def test_foreign_day_word_counts_in_its_own_language() -> None:
    """ "hier" is yesterday when French is asked for, and nothing otherwise."""
    assert parse_date("hier", reference=REFERENCE, languages="fr") == REFERENCE - timedelta(days=1)
    assert find_dates("hier", reference=REFERENCE) == []


def test_ambiguous_numeric_date_is_flagged_and_follows_dayfirst() -> None:
    """03/04/2020 is month first by default (English), day first on request, flagged both ways."""
    default = find_dates("on 03/04/2020")
    dayfirst = find_dates("on 03/04/2020", dayfirst=True)
    assert [(m.value, m.ambiguous) for m in default] == [(datetime(2020, 3, 4), True)]
    assert [(m.value, m.ambiguous) for m in dayfirst] == [(datetime(2020, 4, 3), True)]
    assert not find_dates("on 25/04/2020")[0].ambiguous
    assert parse_date("03/04/2020", dayfirst=True) == datetime(2020, 4, 3)


def test_languages_takes_a_code_or_a_list() -> None:
    """`languages="fr"` and `languages=["fr"]` are the same selection."""
    text = "il y a 2 jours"
    assert find_dates(text, reference=REFERENCE, languages="fr") == find_dates(
        text, reference=REFERENCE, languages=["fr"]
    )
    assert parse_date(text, reference=REFERENCE, languages="fr") == REFERENCE - timedelta(days=2)


def test_default_tz_applies_only_to_naive_results() -> None:
    """`default_tz` is attached when no zone is written and never replaces a written one."""
    zone = timezone(timedelta(hours=2))
    assert parse_date("2020-01-01 10:00", default_tz=zone) == datetime(2020, 1, 1, 10, tzinfo=zone)
    written = parse_date("2020-01-01 10:00 UTC", default_tz=zone)
    assert written is not None and written.utcoffset() == timedelta(0)
    found = find_dates("on 3 May 2020", default_tz=zone)
    assert found[0].value.tzinfo is zone


def test_year_named_by_a_word() -> None:
    """A year with a year word ("V roce 1920", "năm 1935") is found; a bare year is not."""
    assert [m.value for m in find_dates("V roce 1920 byla", languages="cs")] == [
        datetime(1920, 1, 1)
    ]
    assert [m.value for m in find_dates("Ethiopia năm 1935 và", languages="vi")] == [
        datetime(1935, 1, 1)
    ]
    assert find_dates("seger 1922 drog", languages="sv") == []


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("le {} 3 mai 2019", "fr", "mer"),
        ("{} 3 mai 2019", "ro", "vin"),
        ("{} 3 maio 2019", "pt", "sex"),
        ("3 {} 2019", "cs", "pro"),
        ("3 {} 2019", "be", "ліс"),
        ("3 {} 2019", "uk", "лист"),
    ],
)
def test_excluded_cldr_form_counts_only_with_a_dot(text: str, language: str, word: str) -> None:
    """A CLDR abbreviation that is an ordinary word ("vin", wine) needs its dot to be a name."""
    plain = find_dates(text.format(word), languages=language)
    dotted = find_dates(text.format(word + "."), languages=language)
    assert all(word not in match.text for match in plain)
    assert [word in match.text for match in dotted] == [True]


def test_abbreviated_month_and_year_of_another_language_is_not_a_date() -> None:
    """ "Mac 2019" (Malay March) is no date in English text, but is one in Malay."""
    assert find_dates("the Mac 2019 line-up") == []
    assert [m.value for m in find_dates("pada Mac 2019", languages="ms")] == [datetime(2019, 3, 1)]


def test_english_full_name_is_no_abbreviation_with_every_language() -> None:
    """ "May 10" is a date with no language given, though Turkish "mayıs" makes "may" short."""
    found = find_dates("sowing before May 10 and after", reference=REFERENCE)
    assert [(m.text, m.value) for m in found] == [("May 10", datetime(2020, 5, 10))]


def test_longest_credible_reading_is_kept() -> None:
    """A word of another language after a date ("man", Swedish Monday) does not lose the date."""
    found = find_dates("In fact, in December 2016, the man returned")
    assert [(m.text, m.value) for m in found] == [("December 2016", datetime(2016, 12, 1))]


def test_abbreviation_is_judged_in_the_first_language_having_the_word() -> None:
    """ "Januar" is German January (full), though Slovak "januára" is longer; "Jun" is short."""
    found = find_dates("bis Januar 2009 Artikel; Jun 17")
    assert [(m.text, m.value) for m in found] == [("Januar 2009", datetime(2009, 1, 1))]


def test_language_selection_takes_a_code_or_a_list() -> None:
    """The helper the cleaners use reads "fr", ["fr", "de"] and None the same way as find_dates."""
    from scrapeclean.dates import _selection

    assert _selection("fr") == ("fr",)
    assert _selection(["FR", "nb"]) == ("fr", "no")
    assert _selection(None) is None
    with pytest.raises(ValueError, match="xx"):
        _selection(["xx"])
