"""The same input and settings give the same result on any day, in any process.

Nothing is frozen in this process: each run is a fresh interpreter whose clock reads a different
day (``datetime.now``/``today``/``utcnow`` and ``time.time`` are shifted before scrapeclean is
imported), with a different hash seed and time zone. Their JSON results must be equal byte for
byte. A second check makes reading the clock an error, to show no code path reads it unless
asked with ``reference="now"``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime

import pytest

from scrapeclean import clean

ARTICLE = (
    "Share Tweet Email\n\n"
    "By Marta Lindqvist\n"
    "2 hours ago\n\n"
    "River town votes to reopen its ferry\n\n"
    "LUNDHAVEN (Nordwire) - The town council voted on Thursday to bring back the ferry that "
    "crossed the river until 1998, after a long campaign by local business owners and the "
    "caf\u00c3\u00a9 beside the old landing. Work starts on 3 May, the mayor said yesterday."
)
PAGE = (
    "<html><head><title>Ferry returns</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><p>Posted 3 days ago</p><p>The town council voted on Thursday to bring back the "
    "ferry that crossed the river until 1998.</p></article></body></html>"
)

_RUNNER = textwrap.dedent(
    """
    import datetime as _dt, json, sys, time

    SHIFT = _dt.timedelta(days=float(sys.argv[1]))
    FORBID = sys.argv[2] == "forbid"
    _real = _dt.datetime

    class _Clock(_real):
        @classmethod
        def now(cls, tz=None):
            if FORBID:
                raise AssertionError("the clock was read")
            return _real.now(tz) + SHIFT

        @classmethod
        def today(cls):
            return cls.now()

        @classmethod
        def utcnow(cls):
            return cls.now()

    _dt.datetime = _Clock
    _time = time.time
    time.time = lambda: _time() + SHIFT.total_seconds()

    from scrapeclean import clean

    reference = None if sys.argv[3] == "none" else _dt.datetime.fromisoformat(sys.argv[3])
    out = []
    for raw in json.loads(sys.stdin.read()):
        out.append(clean(raw, reference=reference).to_dict(include_source=False))
    print(json.dumps(out, sort_keys=True))
    """
)


def _run(days: float, mode: str, reference: str, *, seed: str, zone: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(days), mode, reference],
        input=json.dumps([ARTICLE, PAGE]),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("reference", ["2024-06-14T12:00:00", "none"])
def test_same_result_with_two_different_clocks(reference: str) -> None:
    """Two processes whose clocks are 30 years apart give the same result."""
    first = _run(-9000, "shift", reference, seed="1", zone="UTC")
    second = _run(3000, "shift", reference, seed="2", zone="Asia/Kolkata")
    assert first == second
    if reference != "none":
        results = json.loads(first)
        assert results[0]["dateline"]["published"] == "2024-06-14T10:00:00"


def test_no_code_path_reads_the_clock_unless_asked() -> None:
    """With the clock made to fail, cleaning with or without a reference still works."""
    _run(0, "forbid", "none", seed="0", zone="UTC")
    _run(0, "forbid", "2024-06-14T12:00:00", seed="0", zone="UTC")


def test_reference_now_resolves_relative_dates() -> None:
    """reference='now' reads the clock once; without a reference the date stays unresolved."""
    text = "By Marta Lindqvist\n2 hours ago\n\n" + ARTICLE.split("\n\n", 4)[-1]
    assert clean(text, reference="now").published is not None
    with pytest.raises(TypeError, match="reference must be a datetime, 'now' or None"):
        clean(text, reference="yesterday")  # type: ignore[arg-type]
    assert clean(text, reference=datetime(2024, 6, 14, 12)).published == datetime(2024, 6, 14, 10)
