"""A year named by a word after it ("в 1941 году", "1937 წელს") is a date in running text.

Before, only languages that write the word before the year ("V roce 1920", "năm 1935") or CJK
markers ("2019年") were read; the word after the number was not known in these languages.
A number of other than four digits before such a word is no year ("2 года назад" stays a
relative phrase), and a full date keeps its day and month.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from scrapeclean.dates import find_dates

REFERENCE = datetime(2020, 6, 15, 12, 0)


@pytest.mark.parametrize(
    ("text", "language", "written"),
    [
        pytest.param("Война началась в 1941 году на западе.", "ru", "1941 году", id="ru"),
        pytest.param("Завод построили в 1936 г. под Киевом.", "ru", "1936 г", id="ru-abbreviated"),
        pytest.param("Це сталося у 1991 році в Києві.", "uk", "1991 році", id="uk"),
        pytest.param("Фабрыку адкрылі ў 1936 годзе ў Мінску.", "be", "1936 годзе", id="be"),
        pytest.param("Zakład otwarto w 1920 roku w Łodzi.", "pl", "1920 roku", id="pl"),
        pytest.param("Savaş 1923 yılında sona erdi.", "tr", "1923 yılında", id="tr"),
        pytest.param("1937 წელს დაიწყო ომი.", "ka", "1937 წელს", id="ka"),
    ],
)
def test_year_with_a_year_word_after_it(text: str, language: str, written: str) -> None:
    """The year and its word are one match, on 1 January of that year."""
    found = find_dates(text, languages=language, reference=REFERENCE)
    assert [(m.text, m.value.year, m.value.month, m.value.day) for m in found] == [
        (written, int(written[:4]), 1, 1)
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Это было 2 года назад.", "ru", datetime(2018, 6, 15, 12, 0), id="ru-ago"),
        pytest.param("Указ подписан 12 мая 1941 года.", "ru", datetime(1941, 5, 12), id="ru-full"),
        pytest.param("Podpisano 3 maja 1920 roku.", "pl", datetime(1920, 5, 3), id="pl-full"),
    ],
)
def test_other_readings_are_unchanged(text: str, language: str, expected: datetime) -> None:
    """A short number before the word is a quantity; a full date keeps day and month."""
    found = find_dates(text, languages=language, reference=REFERENCE)
    assert [m.value for m in found] == [expected]


def test_quantity_of_years_is_no_year() -> None:
    """Four digits before a plural of years is an amount ("1500 лет"), not a date."""
    assert find_dates("Городу более 1500 лет.", languages="ru", reference=REFERENCE) == []
