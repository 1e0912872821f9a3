"""find_dates grows linearly with its input, on prose and on adversarial text.

Time is compared only as a growth ratio between two sizes (never in seconds): with four times
the text, a linear search takes about four times as long, a quadratic one sixteen times.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from tests.conftest import fastest_seconds

from scrapeclean.dates import find_dates

_PROSE = (
    "On 3 May 2020 the council met for 4 hours. It was sold out within 30 minutes, "
    "and 2 days ago the mayor said: 'Mar 5 is too late.' Updated 14:53 GMT +3. "
)
_PIECES = (
    "12", "3", "2019", ".", "/", "-", ":", ",", "Mar", "Jun", "may", "Sept.", "in", "ago",
    "days", "10:30", "am", "de", "の", "年", "+", "12.5", "Mon", "1st", "il y a", "vor",
)  # fmt: skip


def _adversarial(size: int) -> str:
    rnd = random.Random(size)
    words: list[str] = []
    length = 0
    while length < size:
        words.append(rnd.choice(_PIECES))
        length += len(words[-1]) + 1
    return " ".join(words)


def _prose(size: int) -> str:
    return (_PROSE * (size // len(_PROSE) + 1))[:size]


@pytest.mark.parametrize("make", [_prose, _adversarial], ids=["prose", "adversarial"])
def test_find_dates_grows_linearly(make: Callable[[int], str]) -> None:
    """Four times the text costs well under sixteen times the time (linear: about four)."""
    small, large = make(25_000), make(100_000)
    find_dates(small)  # build the lexicon before timing
    ratio = fastest_seconds(lambda: find_dates(large)) / fastest_seconds(lambda: find_dates(small))
    assert ratio < 9
