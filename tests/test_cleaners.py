"""The built-in cleaners, one data-driven case at a time (schema: tests/cases/README.md)."""

from __future__ import annotations

import dataclasses
import json
import pickle
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from scrapeclean import Dateline, Document, Pipeline, cleaners

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "cleaners.json").read_text(encoding="utf-8")
)


def _make(case: dict[str, Any]) -> Any:
    return getattr(cleaners, case["cleaner"])(**case.get("options", {}))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    """Each case's cleaner turns its input into its expected text, with the expected kinds."""
    before = [getattr(cleaners, name)() for name in case.get("before", ())]
    result = Pipeline([*before, _make(case)]).clean(case["input"], html=False)
    assert result.text == case["expected"]
    if "kinds" in case:
        assert [change.kind for change in result.changes] == case["kinds"]


@pytest.mark.parametrize("factory", cleaners.__all__, ids=cleaners.__all__)
def test_cleaners_are_frozen_picklable_and_named(factory: str) -> None:
    """Every factory makes a cleaner that pickles, compares equal, and has its factory's name."""
    cleaner = getattr(cleaners, factory)()
    assert cleaner.name == factory
    assert repr(cleaner).startswith(f"{factory}(")
    assert pickle.loads(pickle.dumps(cleaner)) == cleaner
    for option in dataclasses.fields(cleaner):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(cleaner, option.name, None)


def test_dateline_fields() -> None:
    """The dateline cleaner reports the date, authors, location and agency it read."""
    text = (
        "By Jane Doe and John Roe | 11 Mar, 2008 14:26\n\n"
        "PARIS (Reuters) - Russia and France held security talks on Tuesday in the capital."
    )
    proposal = cleaners.parse_dateline()(Document.from_text(text))
    dateline = proposal.dateline
    assert dateline is not None
    assert dateline.published == datetime(2008, 3, 11, 14, 26)
    assert dateline.authors == ("Jane Doe", "John Roe")
    assert (dateline.location, dateline.agency) == ("PARIS", "Reuters")


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("BERLIN (dpa) - Der Bundestag hat am Mittwoch das Gesetz beschlossen.", ("BERLIN", "dpa")),
        (
            "MADRID (efe) - El Gobierno aprobó el miércoles el presupuesto del año.",
            ("MADRID", "efe"),
        ),
        ("(dpa) - Der Bundestag hat am Mittwoch das Gesetz beschlossen und vertagt.", (None, None)),
    ],
)
def test_wire_agency_written_in_lower_case(opening: str, expected: tuple[str | None, ...]) -> None:
    """Agencies that write their name in lower case count after a place, not alone."""
    dateline = cleaners.parse_dateline()(Document.from_text(opening)).dateline
    found = (None, None) if dateline is None else (dateline.location, dateline.agency)
    assert found == expected


def test_title_reported() -> None:
    """extract_title reports the headline it removed, by default only below a header."""
    text = "Council votes to reopen ferry\n\nThe town council voted on Thursday to bring it back."
    doc = Document.from_text(text)
    assert cleaners.extract_title()(doc).findings == ()  # no date line or byline found
    with_header = dataclasses.replace(doc, dateline=Dateline(authors=("Jane Doe",)))
    (found,) = cleaners.extract_title()(with_header).findings
    assert (found.name, found.value, found.origin) == (
        "title",
        "Council votes to reopen ferry",
        "text",
    )
    assert found.span is not None and found.span.of(text) == "Council votes to reopen ferry"


@pytest.mark.parametrize(
    ("factory", "options", "message"),
    [
        pytest.param("remove_chrome", {"max_removed": 2}, "from 0 to 1", id="chrome-ratio"),
        pytest.param(
            "remove_chrome", {"max_removed": "half"}, "must be a number", id="chrome-type"
        ),
        pytest.param(
            "remove_chrome", {"extra_phrases": "Read on"}, "not a single str", id="chrome-str"
        ),
        pytest.param(
            "fix_encoding", {"normalization": "NFX"}, "normalization must be", id="encoding-nf"
        ),
        pytest.param("extract_title", {"max_words": 0}, "max_words must be", id="title-words"),
        pytest.param("parse_dateline", {"languages": ["xx"]}, "xx", id="dateline-unknown-language"),
    ],
)
def test_bad_options_are_named(factory: str, options: dict[str, Any], message: str) -> None:
    """A bad option raises an error that names it and says what is accepted."""
    with pytest.raises((TypeError, ValueError), match=message):
        getattr(cleaners, factory)(**options)


def test_parse_dateline_takes_one_language_code_as_a_str() -> None:
    from scrapeclean.cleaners import parse_dateline

    assert parse_dateline(languages="de").languages == ("de",)
    assert parse_dateline(languages=["de", "en"]).languages == ("de", "en")
