"""Regressions found by fuzzing the public API with odd pages and hostile input.

Each test names the input shape that broke a property (no undocumented exception, replay,
idempotence, linear time) and checks that property on a small instance of it. Time is only
compared as growth between two sizes, with a generous margin, never in seconds.
"""

from __future__ import annotations

import functools

import pytest

from scrapeclean import Pipeline, clean, cleaners
from tests.conftest import fastest_seconds

_PLAIN = Pipeline([cleaners.normalize_whitespace()])

#: 10x the input may cost at most this many times the time (linear: about 10, quadratic: 100).
_MAX_GROWTH = 40
#: Below this, a time is noise: it counts as this much.
_FLOOR = 2e-3


def _growth(build: object, small: int, large: int) -> float:
    """How many times longer cleaning `build(large)` takes than `build(small)`."""
    assert callable(build)
    clean(build(small), pipeline=_PLAIN)  # warm up: imports, parser, word lists
    times = [
        fastest_seconds(functools.partial(clean, build(size), pipeline=_PLAIN), repeat=2)
        for size in (small, large)
    ]
    return max(times[1], _FLOOR) / max(times[0], _FLOOR)


@pytest.mark.parametrize(
    "unit", ["<!---->", "<?x?>", "<!-- x -->y"], ids=["comments", "pi", "tails"]
)
def test_runs_of_comments_in_a_page_are_read_in_linear_time(unit: str) -> None:
    """Sibling comments or processing instructions by the ten thousand were walked in
    quadratic time (libxml2's walk over non-element siblings); 10x of them costs about 10x."""

    def page(count: int) -> str:
        return f"<html><body><p>Ferry news.</p>{unit * count}<p>Crossings in May.</p></body></html>"

    assert _growth(page, 5_000, 50_000) < _MAX_GROWTH
    result = clean(page(3), pipeline=_PLAIN)
    assert result.text.startswith("Ferry news.") and result.text.endswith("Crossings in May.")
