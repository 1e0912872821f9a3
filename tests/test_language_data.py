"""Schema of the language data files (src/scrapeclean/data/languages/*.json) and their loading."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import regex

from scrapeclean import Document, _vocabulary
from scrapeclean.cleaners.chrome import remove_chrome
from scrapeclean.cleaners.dateline import parse_dateline
from scrapeclean.dates import SUPPORTED_LANGUAGES, parse_date
from scrapeclean.dates._languages import UNITS, WORD_LISTS, language

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "scrapeclean" / "data" / "languages"
LANGUAGE_FILES = sorted(path for path in DATA.glob("*.json") if path.name != "index.json")
TOP_KEYS = {"code", "name", "cldr", "dates", "chrome", "dateline", "html"}
HTML_KEYS = {"boilerplate_tokens", "boilerplate_prefixes", "content_tokens"}
CHROME_KEYS = {
    "inline_labels",
    "inline_credit_labels",
    "ui_words",
    "filler_words",
    "calls_to_action",
    "related_headings",
    "call_to_action_patterns",
    "notice_patterns",
    "notice_cues",
    "site_voice_patterns",
    "cookie_words",
    "consent_words",
    "audience_words",
    "credit_labels",
    "credit_agencies",
    "stock_photo_agencies",
}
DATELINE_KEYS = {
    "published_labels",
    "updated_labels",
    "label_connectors",
    "byline_words",
    "byline_connectors",
    "job_titles",
    "agencies",
    "name_particles",
    "not_places",
}
DATES_KEYS = {
    "month_first",
    "months_extra",
    "weekdays_extra",
    "cldr_exclude",
    "relative_days",
    "units",
    "numbers",
    *WORD_LISTS,
}


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicated = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicated, f"duplicate JSON keys: {duplicated}"
    return dict(pairs)


def load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)
    assert isinstance(data, dict)
    return data


def assert_forms(forms: object, where: str, *, allow_empty: bool = False) -> None:
    """A list of distinct (case-folded), trimmed, non-empty strings."""
    assert isinstance(forms, list), where
    assert allow_empty or forms, f"{where}: empty list"
    assert all(isinstance(form, str) and form and form == form.strip() for form in forms), where
    folded = [form.casefold() for form in forms]
    repeated = sorted({form for form in folded if folded.count(form) > 1})
    assert not repeated, f"{where}: repeated {repeated}"


def assert_name_table(table: object, size: int, where: str, *, allow_empty: bool) -> None:
    assert isinstance(table, list) and len(table) == size, where
    for index, forms in enumerate(table):
        assert_forms(forms, f"{where}[{index}]", allow_empty=allow_empty)


@pytest.fixture(scope="module")
def index() -> dict[str, Any]:
    return load(DATA / "index.json")


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda path: path.stem)
def test_language_file_schema(path: Path) -> None:
    data = load(path)
    assert set(data) <= TOP_KEYS, set(data) - TOP_KEYS
    assert data["code"] == path.stem
    assert isinstance(data["name"], str) and data["name"]
    if "dates" in data:
        check_cldr(data["cldr"], path.stem)
        check_dates(data["dates"], data["cldr"], path.stem)
    else:
        assert "cldr" not in data, "CLDR names belong to a date language"
    sections = (("chrome", CHROME_KEYS), ("dateline", DATELINE_KEYS), ("html", HTML_KEYS))
    for section, allowed in sections:
        vocabulary = data.get(section, {})
        assert isinstance(vocabulary, dict)
        assert set(vocabulary) <= allowed, set(vocabulary) - allowed
        for key, forms in vocabulary.items():
            assert_forms(forms, f"{path.stem}: {section}.{key}")
            if key.endswith("_patterns"):
                for fragment in forms:
                    regex.compile(fragment)
            else:
                assert forms == [form.lower() for form in forms], "words are lower case"


def check_cldr(cldr: Any, code: str) -> None:
    assert isinstance(cldr, dict) and set(cldr) == {"source", "months", "weekdays"}, code
    assert isinstance(cldr["source"], str) and cldr["source"].startswith("CLDR ")
    assert_name_table(cldr["months"], 12, f"{code}: cldr.months", allow_empty=False)
    assert_name_table(cldr["weekdays"], 7, f"{code}: cldr.weekdays", allow_empty=False)


def check_dates(dates: Any, cldr: dict[str, Any], code: str) -> None:
    assert isinstance(dates, dict) and set(dates) <= DATES_KEYS, code
    assert isinstance(dates.get("month_first", False), bool)
    for key, size, generated in (
        ("months_extra", 12, cldr["months"]),
        ("weekdays_extra", 7, cldr["weekdays"]),
    ):
        if key in dates:
            assert_name_table(dates[key], size, f"{code}: dates.{key}", allow_empty=True)
            for forms, names in zip(dates[key], generated, strict=True):
                assert not set(forms) & set(names), f"{code}: {key} repeats CLDR forms"
    generated_forms = {
        form for table in (cldr["months"], cldr["weekdays"]) for f in table for form in f
    }
    excluded = dates.get("cldr_exclude", [])
    assert_forms(excluded, f"{code}: dates.cldr_exclude", allow_empty=True)
    assert set(excluded) <= generated_forms, f"{code}: cldr_exclude names forms CLDR lacks"
    for key in WORD_LISTS:
        if key in dates:
            assert_forms(dates[key], f"{code}: dates.{key}")
    for key in ("relative_days", "numbers"):
        table = dates.get(key, {})
        assert isinstance(table, dict), f"{code}: dates.{key}"
        assert all(
            isinstance(value, int) and not isinstance(value, bool) for value in table.values()
        )
        assert_forms(list(table), f"{code}: dates.{key}", allow_empty=True)
    units = dates.get("units", {})
    assert isinstance(units, dict) and set(units) <= set(UNITS), f"{code}: dates.units"
    for unit, forms in units.items():
        assert_forms(forms, f"{code}: dates.units.{unit}")


def test_index_matches_the_files(index: dict[str, Any]) -> None:
    files = {path.stem: load(path) for path in LANGUAGE_FILES}
    date_codes = {code for code, data in files.items() if "dates" in data}
    assert len(index["order"]) == len(set(index["order"]))
    assert set(index["order"]) == date_codes
    assert index["order"][0] == "en"
    assert index["names"] == {code: data["name"] for code, data in files.items()}
    assert set(index["aliases"].values()) <= date_codes
    assert not set(index["aliases"]) & date_codes
    expected: dict[str, list[str]] = {}
    for code, data in files.items():
        for section in ("chrome", "dateline", "html"):
            for key in data.get(section, {}):
                expected.setdefault(f"{section}.{key}", []).append(code)
    assert {key: sorted(codes) for key, codes in index["vocabulary"].items()} == {
        key: sorted(codes) for key, codes in expected.items()
    }


def test_supported_languages_come_from_the_index(index: dict[str, Any]) -> None:
    assert tuple(index["order"]) == SUPPORTED_LANGUAGES


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_every_language_loads(code: str) -> None:
    record = language(code)
    assert record.code == code
    assert len(record.months) == 12 and len(record.weekdays) == 7
    assert all(record.weekdays), f"{code}: a weekday without a name"


def test_cldr_exclusions_are_left_out() -> None:
    hungarian = language("hu")
    assert not {"h", "k", "p", "v"} & {form for forms in hungarian.weekdays for form in forms}
    assert parse_date("3 h", languages=["hu"]) is None


def test_a_language_file_is_read_on_first_use_only() -> None:
    code = "\n".join(
        [
            "from scrapeclean import _vocabulary",
            "import scrapeclean.dates",
            "from scrapeclean.dates import parse_date",
            "assert _vocabulary.document.cache_info().currsize == 0",
            "parse_date('3. Mai 2020', languages=['de'])",
            "print(_vocabulary.document.cache_info().currsize)",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "1"


def test_words_and_alternation() -> None:
    english = _vocabulary.words("dateline.byline_words", ["en"])
    assert english == frozenset({"by"})
    everywhere = _vocabulary.words("dateline.byline_words")
    assert {"by", "von", "par", "door", "av", "af"} <= everywhere
    assert "whatsapp" in _vocabulary.words("chrome.ui_words", ["de"])  # multilingual entries
    pattern = _vocabulary.alternation("chrome.calls_to_action")
    assert pattern.index(r"read\ the\ full\ article") < pattern.index(r"read\ more")
    compiled = regex.compile(rf"^(?:{pattern})$", regex.IGNORECASE | regex.VERBOSE)
    assert compiled.match("Lire la suite") and compiled.match("read more")
    assert not compiled.match("read the news")
    with pytest.raises(KeyError):
        _vocabulary.words("ui_words")
    with pytest.raises(KeyError, match=r"chrome\.ui_word"):
        _vocabulary.words("chrome.ui_word")  # a typo is an error, not an empty set


def test_patterns_work_in_verbose_mode() -> None:
    pattern = _vocabulary.patterns("chrome.call_to_action_patterns")
    compiled = regex.compile(rf"^(?:{pattern})$", regex.IGNORECASE | regex.VERBOSE)
    assert compiled.match("Click here to see the gallery")
    assert not compiled.match("Clickhereto see the gallery")


def _notice_files() -> list[tuple[str, list[str], list[str]]]:
    """``(language, notice patterns, notice cues)`` of each language file that has notices."""
    found = []
    for path in LANGUAGE_FILES:
        chrome = json.loads(path.read_text("utf-8")).get("chrome", {})
        if "notice_patterns" in chrome or "notice_cues" in chrome:
            found.append(
                (path.stem, chrome.get("notice_patterns", []), chrome.get("notice_cues", []))
            )
    return found


@pytest.mark.parametrize(("language", "patterns", "cues"), _notice_files())
def test_every_notice_pattern_holds_a_cue_of_its_language(
    language: str, patterns: list[str], cues: list[str]
) -> None:
    """A line is put to the notice patterns only when it holds a cue (`_notice_candidates`):
    each pattern must spell out one of its language's cues, or it could never match."""
    assert patterns and cues
    folded = [cue.casefold() for cue in cues]
    assert [p for p in patterns if not any(cue in p.casefold() for cue in folded)] == []


@pytest.mark.parametrize("phrase", sorted(_vocabulary.words("chrome.calls_to_action")))
def test_every_call_to_action_phrase_is_chrome(phrase: str) -> None:
    assert remove_chrome().judge(phrase.capitalize()) is not None


@pytest.mark.parametrize("word", sorted(_vocabulary.words("dateline.byline_words")))
def test_every_byline_word_opens_a_byline(word: str) -> None:
    text = f"{word.capitalize()} Jane Doe\n\n" + "Body text of the article. " * 12
    dateline = parse_dateline()(Document.from_text(text)).dateline
    assert dateline is not None and dateline.authors == ("Jane Doe",)


@pytest.mark.parametrize(
    "label",
    sorted(
        _vocabulary.words("dateline.published_labels")
        | _vocabulary.words("dateline.updated_labels")
    ),
)
def test_every_date_label_is_read(label: str) -> None:
    text = f"{label.capitalize()}: 3 May 2020\n\n" + "Body text of the article. " * 12
    dateline = parse_dateline()(Document.from_text(text)).dateline
    assert dateline is not None
    updated = label in _vocabulary.words("dateline.updated_labels")
    assert (dateline.updated if updated else dateline.published) == datetime(2020, 5, 3)


def _cldr_mismatch() -> str | None:
    """Why the generator cannot be compared here (no babel, or another CLDR version), or None."""
    if importlib.util.find_spec("babel") is None:
        return "babel not installed (pip install -e '.[data]')"
    from babel.core import get_cldr_version

    written = load(DATA / "en.json")["cldr"]["source"].split(",")[0]
    if written != f"CLDR {get_cldr_version()}":
        return f"files hold {written}, babel has CLDR {get_cldr_version()}: regenerate them"
    return None


def test_generated_files_are_up_to_date() -> None:
    reason = _cldr_mismatch()
    if reason is not None:
        pytest.skip(reason)
    script = ROOT / "scripts" / "generate_language_data.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
