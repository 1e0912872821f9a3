"""Date and time forms read since the first release of the grammar, each with its near miss.

Positive cases are real ways of writing a date; each negative case is the closest string that
must not be read that way.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from scrapeclean.dates import find_dates, parse_date

REFERENCE = datetime(2012, 11, 13)

READ = [
    # Minutes (and seconds) counted with unit words after an hour word.
    ("2016年3月20日 21時40分", None, datetime(2016, 3, 20, 21, 40)),
    ("2016年06月30日09时30分", None, datetime(2016, 6, 30, 9, 30)),
    ("2016年3月20日 21時40分15秒", None, datetime(2016, 3, 20, 21, 40, 15)),
    ("2016年3月20日 下午3点30分", None, datetime(2016, 3, 20, 15, 30)),
    ("2023년 2월 10일 오전 3시 30분", None, datetime(2023, 2, 10, 3, 30)),
    ("2023년02월10일 오후3시30분", None, datetime(2023, 2, 10, 15, 30)),
    ("2013.08.14 23시 54분", None, datetime(2013, 8, 14, 23, 54)),
    ("2016 年 6 月 30 日 9 时 30 分", None, datetime(2016, 6, 30, 9, 30)),
    # An "h" glued to the end of a clock time.
    ("28/08/2012 20:43h", None, datetime(2012, 8, 28, 20, 43)),
    ("28/08/2012 20:43:11h", None, datetime(2012, 8, 28, 20, 43, 11)),
    # A year after the seconds of a yearless date, with a comma.
    ("Tue Jan 5 10:00:00,2021", None, datetime(2021, 1, 5, 10, 0)),
    # Polish "godz." (hour) before the time.
    ("01.02.2011, godz. 08:39", None, datetime(2011, 2, 1, 8, 39)),
    ("1 lutego 2011 o godz. 08:39", "pl", datetime(2011, 2, 1, 8, 39)),
]

NEAR_MISSES = [
    # A comma fraction where the year is already written stays a fraction.
    ("2021-01-05 10:00:00,123", datetime(2021, 1, 5, 10, 0, 0, 123000)),
    ("2021-01-05T10:00:00,2021", datetime(2021, 1, 5, 10, 0, 0, 202100)),
    # Three digits after the comma are never a year.
    ("Tue Jan 5 2021 10:00:00,123", datetime(2021, 1, 5, 10, 0, 0, 123000)),
]


@pytest.mark.parametrize(("text", "languages", "expected"), READ, ids=[c[0] for c in READ])
def test_form_is_read(text: str, languages: str | None, expected: datetime) -> None:
    """Each form gives the date and time it writes."""
    assert parse_date(text, reference=REFERENCE, languages=languages) == expected


@pytest.mark.parametrize(("text", "expected"), NEAR_MISSES, ids=[c[0] for c in NEAR_MISSES])
def test_comma_fraction_near_misses(text: str, expected: datetime) -> None:
    """A comma fraction is a fraction unless it is the only year the date has."""
    assert parse_date(text, reference=REFERENCE) == expected


def test_counted_minutes_need_the_unit_glued() -> None:
    """ "3 o'clock 20 minutes later" is a date at 3:00; the spaced count is a duration."""
    (match,) = find_dates("on 3 May 2020 at 3 o'clock 20 minutes later", languages="en")
    assert match.text == "3 May 2020 at 3 o'clock"
    assert match.value == datetime(2020, 5, 3, 3, 0)


def test_counted_minutes_stop_at_sixty() -> None:
    """Seventy "minutes" after an hour word are no minutes of that hour."""
    assert parse_date("2016年3月20日 21時70分") is None
    assert parse_date("2016年3月20日 21時") == datetime(2016, 3, 20, 21, 0)


def test_hour_suffix_is_not_part_of_a_number() -> None:
    """An "h" followed by digits is a clock form of its own ("10h11"), not a suffix."""
    assert parse_date("20:43h5") is None
    assert parse_date("28/08/2012 20:43 hPa") is None


def test_godz_still_counts_hours() -> None:
    """Polish "godz." stays a unit of hours in relative phrases."""
    noon = datetime(2020, 1, 1, 12)
    assert parse_date("2 godz. temu", languages="pl", reference=noon) == datetime(2020, 1, 1, 10)


def test_counted_time_in_running_text() -> None:
    """find_dates reads the counted time with the date around it."""
    (match,) = find_dates("会议于 2016年3月20日 21時40分开始。")
    assert match.text == "2016年3月20日 21時40分"
    assert match.value == datetime(2016, 3, 20, 21, 40)


BRACKETED = [
    ("2016年3月20日(日) 21時40分", datetime(2016, 3, 20, 21, 40)),
    ("2016年3月20日（日）", datetime(2016, 3, 20)),
    ("2016年3月20日（周日）", datetime(2016, 3, 20)),
    ("2023년 2월 10일(금) 오후 3시 30분", datetime(2023, 2, 10, 15, 30)),
    ("3 May 2020 (Sun)", datetime(2020, 5, 3)),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETED, ids=[c[0] for c in BRACKETED])
def test_bracketed_weekday_after_a_date(text: str, expected: datetime) -> None:
    """A weekday in brackets after a date is part of it, in both functions."""
    assert parse_date(text) == expected
    (match,) = find_dates(f"Am {text} war es.")
    assert (match.text, match.value) == (text, expected)


@pytest.mark.parametrize("inner", ["株", "20", "Di", "日曜日です"])
def test_brackets_hold_nothing_else(inner: str) -> None:
    """Brackets holding anything but a weekday of the date's language are not part of it."""
    text = f"2016年3月20日({inner})"
    assert parse_date(text) is None
    (match,) = find_dates(text)
    assert match.text == "2016年3月20日"


def test_bracketed_one_character_weekday_needs_a_date() -> None:
    """The one-character Japanese weekday stays an ordinary word outside the brackets."""
    assert parse_date("(日)", reference=REFERENCE) is None
    assert parse_date("日", reference=REFERENCE) is None
    assert find_dates("(日) 21時40分", reference=REFERENCE) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("第二次世界大戰的爆發定為1939年9月1日德國入侵波蘭開始", "1939年9月1日"),
        ("会議は2016年3月20日に開かれた", "2016年3月20日"),
    ],
)
def test_number_glued_to_chinese_or_japanese(text: str, found: str) -> None:
    """Chinese and Japanese write no spaces: a date may follow a character directly."""
    assert [match.text for match in find_dates(text)] == [found]


@pytest.mark.parametrize("text", ["PS4 2019年", "华为P40 2019年3月5日", "i9 3月5日"])
def test_number_glued_to_latin_letters_starts_no_date(text: str) -> None:
    """A number glued to Latin letters is part of a name, in any script around it."""
    assert all(not match.text.startswith(("4", "40", "9")) for match in find_dates(text))


LABELLED_ZONES = [
    ("Fri Sep 23 2016 10:34:51 GMT+0800 (CST)", 8 * 60),
    ("Fri Sep 23 2016 10:34:51 GMT+0800 (China Standard Time)", 8 * 60),
    ("Fri Sep 23 2016 10:34:51 GMT+0200 (Mitteleuropäische Sommerzeit)", 2 * 60),
    ("Thu, 30 May 2024 10:13:10 -0500 (CDT)", -5 * 60),
    ("30 May 2024 10:13:10 -0500 CDT", -5 * 60),
    ("Thu, 30 May 2024 10:13:10 -0500 CDT (CDT)", -5 * 60),
    ("Mon, 15 Jan 2024 09:30:00 +0000 (UTC)", 0),
]


@pytest.mark.parametrize(("text", "minutes"), LABELLED_ZONES, ids=[c[0] for c in LABELLED_ZONES])
def test_zone_label_after_its_offset(text: str, minutes: int) -> None:
    """The name written after a zone's offset is a label: the offset decides."""
    result = parse_date(text)
    assert result is not None and result.utcoffset() is not None
    assert result.utcoffset().total_seconds() == minutes * 60  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "23 Sep 2016 10:34 (China Standard Time)",  # a label needs a zone before it
        "23 Sep 2016 10:34 GMT (china time)",  # lower-case words are no zone's name
        "Fri Sep 23 2016 10:34:51 GMT+0800 (CST) (CST) (CST)",  # two labels at most
        "23 Sep 2016 10:34 GMT (One Two Three Four Five Six)",  # five words at most
    ],
)
def test_zone_label_near_misses(text: str) -> None:
    """Brackets that are not a label of the zone before them leave the string unread."""
    assert parse_date(text) is None


def test_zone_label_in_running_text_is_an_abbreviation_only() -> None:
    """find_dates takes a bracketed zone abbreviation, never other bracketed words."""
    found = find_dates("WASHINGTON, March 11, 2019 10:00 GMT (Reuters) - The")
    assert [match.text for match in found] == ["March 11, 2019 10:00 GMT"]
    found = find_dates("Posted Fri Sep 23 2016 10:34:51 GMT+0800 (CST) by me")
    assert [match.text for match in found] == ["Fri Sep 23 2016 10:34:51 GMT+0800 (CST)"]


DAY_RANGES = [
    ("June 12-14, 2021", datetime(2021, 6, 12)),
    ("Jun 12–14 2021", datetime(2021, 6, 12)),
    ("12-14 June 2021", datetime(2021, 6, 12)),
    ("12.-14. Juni 2021", datetime(2021, 6, 12)),
    ("12.-14.06.2021", datetime(2021, 6, 12)),
    ("12-14 июня 2021", datetime(2021, 6, 12)),
    ("5-5 juin 2021", datetime(2021, 6, 5)),
    ("12 - 14 czerwca 2021", datetime(2021, 6, 12)),
    ("12 - 14 June 2021 10:30", datetime(2021, 6, 12, 10, 30)),
]


@pytest.mark.parametrize(("text", "expected"), DAY_RANGES, ids=[c[0] for c in DAY_RANGES])
def test_day_range_is_read_as_its_first_day(text: str, expected: datetime) -> None:
    """parse_date reads a string that is one day range as the range's first day."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14-12 June 2021", None),  # a range runs forward
        ("June 14-12, 2021", None),
        ("12-40 June 2021", None),  # 40 is no day
        ("06-17-2014", datetime(2014, 6, 17)),  # a numeric date stays one
        ("12-14-2021", datetime(2021, 12, 14)),
        ("June 12-14", datetime(2014, 6, 12)),  # no four-digit year: '14 is the year
    ],
)
def test_day_range_near_misses(text: str, expected: datetime | None) -> None:
    """Dashes between numbers that do not make a forward range of days keep their reading."""
    assert parse_date(text) == expected


def test_day_range_in_running_text_is_unchanged() -> None:
    """find_dates does not read ranges: a dash between numbers in prose may be a score."""
    found = find_dates("The fair runs 12-14 June 2021 in Lyon.")
    assert [(m.text, m.value) for m in found] == [("14 June 2021", datetime(2021, 6, 14))]


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("29/02", None, datetime(2020, 2, 29)),  # 29 is no month: day first
        ("02/29", None, datetime(2020, 2, 29)),
        ("3/4", None, datetime(2020, 3, 4)),  # month first in English
        ("3/4", "de", datetime(2020, 4, 3)),  # day first in German
        ("12/25 10:30", None, datetime(2020, 12, 25, 10, 30)),
    ],
)
def test_slashed_day_and_month(text: str, languages: str | None, expected: datetime) -> None:
    """parse_date reads a slashed day and month, the year from the reference."""
    assert parse_date(text, reference=datetime(2020, 3, 30), languages=languages) == expected


@pytest.mark.parametrize("text", ["13/13", "2/30", "29.02", "12-5", "1/2/3"])
def test_slashed_day_and_month_near_misses(text: str) -> None:
    """No month 13, no 30 February; dots and dashes between two numbers are no date."""
    assert parse_date(text, reference=datetime(2020, 3, 30)) is None


def test_slashed_day_and_month_needs_a_reference_and_a_whole_string() -> None:
    """Without a reference there is no year; in running text "3/4" is a fraction."""
    assert parse_date("29/02") is None
    assert find_dates("scored 29/02 and 3/4 of the votes", reference=datetime(2020, 3, 30)) == []


def test_ordinal_day_of_month() -> None:
    """ "the 1st day of March 2015", as deeds and letters write it."""
    assert parse_date("the 1st day of March 2015") == datetime(2015, 3, 1)
    found = find_dates("Signed this 21st day of June, 2019 in Paris.")
    assert [(m.text, m.value) for m in found] == [("21st day of June, 2019", datetime(2019, 6, 21))]


@pytest.mark.parametrize(
    "text",
    ["the 3 days of March 2015", "the 1st day of school 2015", "The 2nd day of training"],
)
def test_day_of_needs_an_ordinal_and_a_month(text: str) -> None:
    """A count of days, or a day of something else, is no date ("March 2015" still is)."""
    assert parse_date(text) is None
    assert all(not m.text[0].isdigit() for m in find_dates(text, reference=REFERENCE))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023년 2월 10일에", datetime(2023, 2, 10)),
        ("2023년 2월 10일 오후 3시 30분에", datetime(2023, 2, 10, 15, 30)),
        ("2023년 2월 10일 오후 3시 30분부터", datetime(2023, 2, 10, 15, 30)),
    ],
)
def test_korean_particle_after_a_date_word(text: str, expected: datetime) -> None:
    """A Korean particle glued to the last word of a date does not cut the date short."""
    (match,) = find_dates(f"회의는 {text} 시작합니다")
    assert (match.text, match.value) == (text, expected)


def test_particle_needs_a_date_word_before_it() -> None:
    """A particle does not turn a word that is no date word into one."""
    assert find_dates("회의는 2023년 2월 10일 사과에 대해") == find_dates("회의는 2023년 2월 10일")
    assert [m.text for m in find_dates("2023년 2월 10일 30사과에")] == ["2023년 2월 10일"]


NOON_2014 = datetime(2014, 9, 1, 10, 30)


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("منذ يومين", "ar", datetime(2014, 8, 30, 10, 30)),  # two days ago
        ("قبل أسبوعين", "ar", datetime(2014, 8, 18, 10, 30)),  # two weeks ago
        ("قبل دقيقتين", "ar", datetime(2014, 9, 1, 10, 28)),  # two minutes ago
        ("לפני יומיים", "he", datetime(2014, 8, 30, 10, 30)),  # two days ago
        ("לפני שבועיים", "he", datetime(2014, 8, 18, 10, 30)),  # two weeks ago
    ],
)
def test_dual_unit_counts_two(text: str, languages: str, expected: datetime) -> None:
    """A dual unit word means two of its unit (it was read as one)."""
    assert parse_date(text, reference=NOON_2014, languages=languages) == expected


def test_singular_unit_still_counts_one() -> None:
    """The singular of the same units is one, and a written number is that number."""
    assert parse_date("قبل يوم", reference=NOON_2014, languages="ar") == datetime(
        2014, 8, 31, 10, 30
    )
    assert parse_date("قبل 3 أيام", reference=NOON_2014, languages="ar") == datetime(
        2014, 8, 29, 10, 30
    )
    assert parse_date("לפני יום", reference=NOON_2014, languages="he") == datetime(
        2014, 8, 31, 10, 30
    )


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Il y a environ 23 heures", "fr"),
        ("vor etwa 23 Stunden", "de"),
        ("circa 23 ore fa", "it"),
        ("cerca de 23 horas atrás", "pt"),
        ("Hace cerca de 23 horas", "es"),
        ("yaklaşık 23 saat önce", "tr"),
        ("около 23 часов назад", "ru"),
        ("před přibližně 23 hodin", "cs"),
        ("преди около 23 часа", "bg"),
        ("约23小时前", "zh"),
    ],
)
def test_approximate_quantity_counted_back(text: str, languages: str) -> None:
    """ "About 23 hours ago", with the word for "about" after "vor" / "il y a" too."""
    assert parse_date(text, reference=NOON_2014, languages=languages) == datetime(
        2014, 8, 31, 11, 30
    )


def test_approximate_word_makes_no_date_alone() -> None:
    """An approximating word is no date, nor does it turn a count into one."""
    assert parse_date("etwa", reference=NOON_2014, languages="de") is None
    assert parse_date("environ 3 jours", reference=NOON_2014, languages="fr") is None
    assert parse_date("vor dem Jahr 2000", reference=NOON_2014, languages="de") is None
    found = find_dates("Er kam vor etwa 23 Stunden an.", reference=NOON_2014, languages="de")
    assert [m.text for m in found] == ["vor etwa 23 Stunden"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fifteen minutes ago", datetime(2014, 9, 1, 10, 15)),
        ("ninety minutes ago", datetime(2014, 9, 1, 9, 0)),
        ("twenty one days ago", datetime(2014, 8, 11, 10, 30)),
        ("forty-five seconds ago", datetime(2014, 9, 1, 10, 29, 15)),
    ],
)
def test_english_number_words_to_ninety_nine(text: str, expected: datetime) -> None:
    """Number words up to ninety-nine count back, tens and units together."""
    assert parse_date(text, reference=NOON_2014) == expected


def test_tens_and_units_in_running_text() -> None:
    """ "twenty one days ago" is 21 days, not "one days ago" after an unread "twenty"."""
    found = find_dates("He left twenty one days ago.", reference=NOON_2014)
    assert [(m.text, m.value) for m in found] == [
        ("twenty one days ago", datetime(2014, 8, 11, 10, 30))
    ]


@pytest.mark.parametrize(
    "text", ["twenty a day ago", "twenty-a days ago", "twenty ten days ago", "forty-ten days ago"]
)
def test_tens_take_only_a_units_word(text: str) -> None:
    """An article or another tens word after tens is not its units."""
    assert parse_date(text, reference=NOON_2014, languages="en") is None


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("قبل 20 عاما", "ar", datetime(1994, 9, 1, 10, 30)),  # accusative after 11-99
        ("منذ 20 عاماً", "ar", datetime(1994, 9, 1, 10, 30)),
        ("قبل 11 شهرا", "ar", datetime(2013, 10, 1, 10, 30)),
        ("قبل 11 يوما", "ar", datetime(2014, 8, 21, 10, 30)),
        ("2 ঘন্টা আগে", "bn", datetime(2014, 9, 1, 8, 30)),  # the common spelling variant
    ],
)
def test_unit_forms_after_numbers(text: str, languages: str, expected: datetime) -> None:
    """Unit forms used after larger numbers, and a common spelling, count back."""
    assert parse_date(text, reference=NOON_2014, languages=languages) == expected


def test_arabic_accusative_unit_alone_is_no_date() -> None:
    """A unit word on its own, in any form, is no date."""
    assert parse_date("عاما", reference=NOON_2014, languages="ar") is None
