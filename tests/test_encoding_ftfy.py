"""`fix_encoding` gives ftfy's output (spacing aside) under the same choices, on real text.

"The same choices": `ftfy.fix_text` with the configuration `fix_encoding` uses (curly quotes,
full-width characters, ligatures and line breaks left alone). Our two differences are options:
the removal of invisible characters (zero-width spaces, soft hyphens; ftfy's output is
compared without them), and judging a line as whitespace normalization will space it (which
ftfy, seeing the raw spacing, may judge otherwise: ``â€œ`` between two spaces). With
``remove_invisible=False, judge_as_spaced=False`` the output is ftfy's exactly, after
whitespace normalization, on any text.
"""

from __future__ import annotations

import re

import ftfy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapeclean import Pipeline
from scrapeclean._input import read_input
from scrapeclean.cleaners import fix_encoding
from scrapeclean.cleaners.encoding import _config
from tests.conftest import read_jsonl
from tests.test_encoding_spans import damaged_lines

CONFIG = _config("NFC", unescape_html=True)
OURS = Pipeline([fix_encoding()])
AS_FTFY = Pipeline([fix_encoding(remove_invisible=False, judge_as_spaced=False)])
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]+")


def _spaced(text: str) -> str:
    """Text after whitespace normalization, as far as comparing repairs needs."""
    return " ".join(text.split())


def _differences(text: str, *, default: bool = True) -> list[str]:
    """How our configurations differ from ftfy on `text` (empty: they agree)."""
    reference = ftfy.fix_text(text, CONFIG)
    found = []
    if _spaced(AS_FTFY.clean(text, html=False).text) != _spaced(reference):
        found.append("as ftfy")
    ours = _spaced(OURS.clean(text, html=False).text)
    if default and ours != _spaced(_INVISIBLE.sub("", reference)):
        found.append("default")
    return found


@pytest.mark.parametrize("name", ["zyte-dev", "readability-dev", "snippets-dev"])
def test_every_page_text_is_repaired_as_ftfy_repairs_it(name: str) -> None:
    """Each page's visible text (what the HTML reader gives) comes out as ftfy's."""
    differing = []
    for row in read_jsonl(f"extraction/{name}.jsonl"):
        text = read_input(row["html"], html=True, encoding=None)[0].text
        if _differences(text):
            differing.append(row["id"])
    assert differing == []


def test_every_ftfy_case_is_repaired_as_ftfy_repairs_it() -> None:
    """Every `expect: pass` case equals ftfy's output; a negative case ftfy keeps stays as is."""
    differing, changed = [], []
    for row in read_jsonl("encoding/ftfy-cases.jsonl"):
        if row["expect"] != "pass":
            continue
        if _differences(row["text"]):
            differing.append(row["id"])
        kept_by_ftfy = row["group"] == "negative" and row["text"] == row["expected_text"]
        if kept_by_ftfy and OURS.clean(row["text"], html=False).text != row["text"]:
            changed.append(row["id"])
    assert (differing, changed) == ([], [])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(damaged_lines(), min_size=1, max_size=4))
def test_generated_damage_is_repaired_as_ftfy_repairs_it(lines: list[str]) -> None:
    """Lines with mojibake, entities and invisible characters (and odd spacing): ftfy's repair."""
    assert _differences("\n".join(lines), default=False) == []


@pytest.mark.parametrize(
    "word", ["사안을 두고 벌어진", "이유리보다 돋보인 이유", "存在は不可欠", "Ünïcödé ünd Grüße"]
)
@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1"])
def test_mojibake_of_real_words_is_restored(word: str, codec: str) -> None:
    """A no-break space that is a misread byte (0xA0 in 고, 유) stays for ftfy to decode."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    damaged = word.encode("utf-8").decode(codec)
    assert OURS.clean(damaged, html=False).text == word
    assert _differences(damaged) == []
