"""Accuracy and speed of `scrapeclean.dates` on the dev sets, next to dateparser if installed.

Run from the repository root::

    python benchmarks/bench_dates.py [--failures]

Scoring
-------
date-strings: a row counts when ``parse_date(text, reference=relative_base)`` equals the
expected naive datetime; an aware result also counts when its UTC time equals the expected
one (the rows written for a "convert to UTC" setting: that is their setting mapped).  Rows
whose text is a zone alone ("EDT") lost their date string when the set was extracted; the
last figure leaves them out.  Rows written for other settings (not ``test_dates_parsing*``)
are reported separately; where a test's setting is the same for all its rows, it is mapped
(`SETTINGS`): ``PREFER_DATES_FROM`` to our ``prefer``, and dateparser gets its own setting.
Settings that varied from case to case inside one test (``TIMEZONE`` in
``test_prefer_dates_from_with_timezone``) were lost with the case parameters and stay unmapped.

dates-in-text: each expected ``[substring, datetime]`` is found when a match has the expected
value and its text overlaps the expected substring; recall over expected items and precision
over reported matches.  Rows whose expectation is not a plain datetime are skipped.

Each library makes one call before timing starts, so loading its data is not counted per call.
Times are CPU time of the process (``time.process_time``): other work on the machine changes
them less than wall time.
Peers, each when installed: dateparser (strings and text) and python-dateutil (strings only,
``dateutil.parser.parse(text, default=relative_base)``; it has no search in running text).

article text: ``find_dates`` and dateparser's ``search_dates`` over the first
``--text-chars`` characters of the zyte-dev gold bodies with ``languages=["en"]``, CPU time
per 1,000 characters, in the same run (how many matches each returns is printed beside it).

strictness (``--strictness``): ``find_dates`` over the gold bodies of
``extraction/zyte-dev.jsonl`` (each body's first 300 characters left out: they may hold a real
dateline), once with ``languages=["en"]`` and once with no language; every match is listed
for review and counted per 10,000 words.  A match is a non-date when the text at that place
is a duration, a name or an ordinary word: that judgement is the reader's, from the list.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from _results import record

from scrapeclean.dates import find_dates, parse_date

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dates"
BODIES = DATA.parent / "extraction" / "zyte-dev.jsonl"
_SKIP_OPENING = 300
_CONTEXT = 30
STRINGS = DATA / "date-strings-dev.jsonl"
IN_TEXT = DATA / "dates-in-text-dev.jsonl"

Found = list[tuple[str, datetime]]
#: text, relative base, the row's test name (which names its settings) -> the value read.
Parse = Callable[[str, datetime | None, str], datetime | None]
Search = Callable[[str, list[str], datetime | None], Found]


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def same(got: datetime | None, expected: datetime) -> bool:
    if got is None:
        return False
    if got.replace(tzinfo=None) == expected:
        return True
    if got.tzinfo is not None:
        return got.astimezone(timezone.utc).replace(tzinfo=None) == expected
    return False


def base_of(row: dict[str, Any]) -> datetime | None:
    value = row.get("relative_base")
    return datetime.fromisoformat(value) if value else None


#: Settings shared by every row of a dateparser test: (our `parse_date` options, dateparser's).
#: ``TO_TIMEZONE`` needs no entry: `same` compares aware results in UTC.
SETTINGS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "test_preferably_past_dates": ({"prefer": "past"}, {"PREFER_DATES_FROM": "past"}),
    "test_preferably_future_dates": ({"prefer": "future"}, {"PREFER_DATES_FROM": "future"}),
    "test_dates_without_preference": ({}, {"PREFER_DATES_FROM": "current_period"}),
}


def ours_parse(text: str, base: datetime | None, test: str = "") -> datetime | None:
    options = SETTINGS.get(test, ({}, {}))[0]
    return parse_date(text, reference=base, **options)


def ours_search(text: str, languages: list[str], base: datetime | None) -> Found:
    try:
        found = find_dates(text, reference=base, languages=languages)
    except ValueError:
        found = find_dates(text, reference=base)
    return [(match.text, match.value) for match in found]


def dateparser_functions() -> tuple[Parse, Search] | None:
    try:
        import dateparser  # type: ignore[import-not-found, import-untyped, unused-ignore]
        from dateparser.search import (  # type: ignore[import-not-found, import-untyped, unused-ignore]
            search_dates,
        )
    except ImportError:
        return None

    def parse(text: str, base: datetime | None, test: str = "") -> datetime | None:
        settings = {"RELATIVE_BASE": base} if base else {}
        settings.update(SETTINGS.get(test, ({}, {}))[1])
        result: datetime | None = dateparser.parse(text, settings=settings)
        return result

    def search(text: str, languages: list[str], base: datetime | None) -> Found:
        settings = {"RELATIVE_BASE": base} if base else {}
        try:
            found = search_dates(text, languages=languages, settings=settings)
        except Exception:  # dateparser raises for unknown languages
            found = search_dates(text, settings=settings)
        return list(found or [])

    return parse, search


def dateutil_parse() -> Parse | None:
    """`dateutil.parser.parse` with the row's base as the default for missing fields."""
    try:
        from dateutil import parser  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return None

    def parse(text: str, base: datetime | None, test: str = "") -> datetime | None:
        with warnings.catch_warnings():  # unknown zone names warn on every call
            warnings.simplefilter("ignore")
            try:
                result: datetime = parser.parse(text, default=base) if base else parser.parse(text)
            except (ValueError, OverflowError, TypeError):
                return None
        return result

    return parse


def score_strings(parse: Parse, rows: list[dict[str, Any]], show: bool) -> dict[str, float]:
    plain_ok = plain = other_ok = other = readable_ok = readable = 0
    parse("3 May 2020", None, "")  # one-time set-up (data files, caches) is not per-call cost
    started = time.process_time()
    for row in rows:
        expected = datetime.fromisoformat(row["expected"])
        got = parse(row["text"], base_of(row), row["test"])
        ok = same(got, expected)
        if row["test"].startswith("test_dates_parsing"):
            plain, plain_ok = plain + 1, plain_ok + ok
        else:
            other, other_ok = other + 1, other_ok + ok
        if not _ZONE_ONLY.match(row["text"]):
            readable, readable_ok = readable + 1, readable_ok + ok
        if show and not ok:
            print(f"  MISS {row['text']!r}: got {got}, expected {expected} ({row['test']})")
    elapsed = time.process_time() - started
    return {
        "plain": plain_ok / plain,
        "other": other_ok / other if other else 0.0,
        "all": (plain_ok + other_ok) / len(rows),
        "readable": readable_ok / readable,
        "unreadable": len(rows) - readable,
        "seconds_per_call": elapsed / len(rows),
    }


#: Rows whose text is a zone alone ("EDT", "+05:00"): the case's date string was lost when the
#: set was extracted, so no parser can find the expected datetime in them.
_ZONE_ONLY = re.compile(r"^(?:[A-Z]{2,5}|[+-]\d\d:\d\d)$")


def score_in_text(search: Search, rows: list[dict[str, Any]], show: bool) -> dict[str, float]:
    expected_total = found_total = hits = reported_hits = 0
    for languages in {tuple(row["languages"]) for row in rows}:
        search("3 May 2020", list(languages), None)  # loading a language is not per-call cost
    started = time.process_time()
    calls = 0
    for row in rows:
        wanted = [(s, datetime.fromisoformat(v)) for s, v in row["expected"] if isinstance(v, str)]
        if not wanted:
            continue
        found = search(row["text"], row["languages"], base_of(row))
        calls += 1
        matched = [_find(found, text, value) for text, value in wanted]
        expected_total += len(wanted)
        hits += sum(matched)
        found_total += len(found)
        reported_hits += sum(
            any(_overlaps(text, w) and same(value, v) for w, v in wanted) for text, value in found
        )
        if show and not all(matched):
            print(f"  MISS {row['text'][:70]!r}: got {found}, expected {wanted}")
    elapsed = time.process_time() - started
    return {
        "recall": hits / expected_total,
        "precision": reported_hits / found_total if found_total else 0.0,
        "seconds_per_call": elapsed / max(calls, 1),
    }


def _overlaps(a: str, b: str) -> bool:
    return a.strip() in b or b.strip() in a


def _find(found: list[tuple[str, datetime]], text: str, value: datetime) -> bool:
    return any(_overlaps(got_text, text) and same(got, value) for got_text, got in found)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--failures", action="store_true", help="list the rows scrapeclean misses")
    options.add_argument(
        "--strictness", action="store_true", help="list find_dates matches in article bodies"
    )
    options.add_argument(
        "--datelines", action="store_true", help="parse_dateline on the labelled openings"
    )
    options.add_argument(
        "--text-chars",
        type=int,
        default=50_000,
        help="characters of zyte-dev bodies for the article-text timing (0: skip it)",
    )
    args = options.parse_args()
    if args.strictness:
        return strictness()
    if args.datelines:
        return datelines(args.failures)
    if not STRINGS.exists() or not IN_TEXT.exists():
        print(f"skipped: dev data not found under {DATA}")
        return 0
    strings, in_text = load(STRINGS), load(IN_TEXT)
    ours = score_strings(ours_parse, strings, args.failures)
    ours_text = score_in_text(ours_search, in_text, args.failures)
    print(f"date-strings-dev ({len(strings)} rows)")
    _report("scrapeclean", ours)
    other = dateparser_functions()
    theirs: dict[str, float] | None = None
    theirs_text: dict[str, float] | None = None
    if other is not None:
        theirs = score_strings(other[0], strings, False)
        _report("dateparser", theirs)
    else:
        print("  dateparser: not installed (pip install dateparser to compare)")
    print(f"dates-in-text-dev ({len(in_text)} rows)")
    print(
        f"  scrapeclean: recall {ours_text['recall']:.3f}  precision {ours_text['precision']:.3f}"
    )
    if other is not None:
        theirs_text = score_in_text(other[1], in_text, False)
        print(
            f"  dateparser:  recall {theirs_text['recall']:.3f}  "
            f"precision {theirs_text['precision']:.3f}"
        )
    _report_speed(ours, ours_text, theirs, theirs_text)
    plain_dateutil = dateutil_parse()
    if plain_dateutil is not None:
        _report("dateutil", score_strings(plain_dateutil, strings, False), speed_of=ours)
    else:
        print("  dateutil: not installed (pip install python-dateutil to compare)")
    if args.text_chars and BODIES.exists():
        article_text(args.text_chars, None if other is None else other[1])
    _record(ours, ours_text, theirs, theirs_text)
    return 0


def _record(
    ours: dict[str, float],
    ours_text: dict[str, float],
    theirs: dict[str, float] | None,
    theirs_text: dict[str, float] | None,
) -> None:
    """Keep the scores for the benchmarks page."""
    rows = []
    for name, strings, text in (
        ("scrapeclean", ours, ours_text),
        ("dateparser", theirs, theirs_text),
    ):
        if strings is None or text is None:
            continue
        rows.append(
            {
                "library": name,
                "strings_plain": strings["plain"],
                "strings_all": strings["all"],
                "in_text_recall": text["recall"],
                "in_text_precision": text["precision"],
                "parse_us_per_call": strings["seconds_per_call"] * 1e6,
                "find_us_per_row": text["seconds_per_call"] * 1e6,
            }
        )
    record("dates", "dev sets", rows, note="date-strings-dev and dates-in-text-dev")


def article_text(chars: int, search: Search | None) -> None:
    """Time `find_dates` (and dateparser's search) over article text, CPU seconds."""
    text = "\n\n".join(row["expected_text"] for row in load(BODIES))[:chars]
    reference = datetime(2020, 1, 1, 12)
    print(f"article text ({len(text):,} characters of zyte-dev gold bodies, languages=['en'])")
    searches: list[tuple[str, Search]] = [("scrapeclean", ours_search)]
    if search is not None:
        searches.append(("dateparser", search))
    timings: dict[str, float] = {}
    for name, run in searches:
        run("3 May 2020", ["en"], reference)
        started = time.process_time()
        found = run(text, ["en"], reference)
        timings[name] = time.process_time() - started
        per_k = timings[name] / len(text) * 1000
        print(f"  {name}: {per_k * 1e3:.2f} ms per 1,000 characters, {len(found)} matches")
    if len(timings) == 2:
        print(f"  ratio: {timings['dateparser'] / timings['scrapeclean']:.1f}x")


def strictness() -> int:
    """List every match of `find_dates` in the zyte-dev bodies, with and without a language."""
    if not BODIES.exists():
        print(f"skipped: {BODIES} not found")
        return 0
    bodies = [row["expected_text"][_SKIP_OPENING:] for row in load(BODIES)]
    words = sum(len(body.split()) for body in bodies)
    reference = datetime(2020, 1, 1, 12)
    for languages in (["en"], None):
        print(f"languages={languages}")
        count = 0
        for body in bodies:
            for match in find_dates(body, languages=languages, reference=reference):
                start, end = match.span.start, match.span.end
                around = body[max(0, start - _CONTEXT) : end + _CONTEXT].replace("\n", " ")
                print(f"  {match.text!r:32} {match.value:%Y-%m-%d %H:%M} | {around}")
                count += 1
        print(f"  {count} matches in {words} words: {count / words * 1e4:.2f} per 10,000 words")
    return 0


DATELINES = Path(__file__).resolve().parents[1] / "tests" / "dates" / "datelines.json"
FIELDS = ("location", "agency", "authors", "published", "updated")


def dateline_fields(opening: str) -> dict[str, Any]:
    """What `parse_dateline` reads in `opening`, as the labelled set writes it."""
    from scrapeclean import Dateline, cleaners
    from scrapeclean._model import Document

    found = cleaners.parse_dateline()(Document.from_text(opening)).dateline or Dateline()
    fields = found.to_dict()
    return {field: fields[field] for field in FIELDS}


def dateline_accuracy(show: bool) -> dict[str, tuple[float, int, int, int]]:
    """Per field: (accuracy over all openings, labelled, found right, found where none is)."""
    rows = json.loads(DATELINES.read_text(encoding="utf-8"))
    right = dict.fromkeys(FIELDS, 0)
    labelled = dict.fromkeys(FIELDS, 0)
    found = dict.fromkeys(FIELDS, 0)
    spurious = dict.fromkeys(FIELDS, 0)
    for row in rows:
        got = dateline_fields(row["opening"])
        for field in FIELDS:
            ok = got[field] == row[field]
            right[field] += ok
            labelled[field] += bool(row[field])
            found[field] += ok and bool(row[field])
            spurious[field] += bool(got[field]) and not row[field]
            if show and not ok:
                print(f"  MISS {row['id'][:12]} {field}: got {got[field]!r}, label {row[field]!r}")
    return {
        field: (right[field] / len(rows), labelled[field], found[field], spurious[field])
        for field in FIELDS
    }


def datelines(show: bool) -> int:
    """Print the field accuracy of `parse_dateline` on tests/dates/datelines.json."""
    rows = json.loads(DATELINES.read_text(encoding="utf-8"))
    scores = dateline_accuracy(show)
    print(f"datelines ({len(rows)} labelled openings, {DATELINES.name})")
    for field, (accuracy, labelled, found, spurious) in scores.items():
        print(
            f"  {field:9} accuracy {accuracy:.3f}  found {found}/{labelled} labelled"
            f"  spurious {spurious}"
        )
    return 0


def _report(name: str, score: dict[str, float], speed_of: dict[str, float] | None = None) -> None:
    line = (
        f"  {name}: plain-settings rows {score['plain']:.3f}  other-settings rows "
        f"{score['other']:.3f}  all {score['all']:.3f}  all but the "
        f"{score['unreadable']:.0f} zone-only rows {score['readable']:.3f}"
    )
    if speed_of is not None:
        ratio = score["seconds_per_call"] / speed_of["seconds_per_call"]
        line += f"  ({score['seconds_per_call'] * 1e6:.0f} us per call, {ratio:.1f}x ours)"
    print(line)


def _report_speed(
    ours: dict[str, float],
    ours_text: dict[str, float],
    theirs: dict[str, float] | None,
    theirs_text: dict[str, float] | None,
) -> None:
    print("time per call")
    for label, mine, other in (
        ("parse_date", ours, theirs),
        ("find_dates", ours_text, theirs_text),
    ):
        line = f"  {label}: scrapeclean {mine['seconds_per_call'] * 1e6:.0f} us"
        if other is not None:
            ratio = other["seconds_per_call"] / mine["seconds_per_call"]
            line += f", dateparser {other['seconds_per_call'] * 1e6:.0f} us ({ratio:.1f}x)"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
