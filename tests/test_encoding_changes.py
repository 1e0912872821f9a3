"""Each repair of `fix_encoding` is a change labelled by ftfy's step, with ftfy's explanation."""

from __future__ import annotations

import pytest

from scrapeclean import Pipeline
from scrapeclean.cleaners import fix_encoding

ENCODING_ONLY = Pipeline([fix_encoding()])


@pytest.mark.parametrize(
    ("text", "before", "after", "kind", "rule", "step"),
    [
        pytest.param("caf\u00c3\u00a9 au lait", "\u00c3\u00a9", "é", "mojibake",
                     "encoding.mojibake", "decode utf-8", id="mojibake"),
        pytest.param("Tom &amp; Jerry", "amp;", "", "entity", "encoding.entity",
                     "apply unescape_html", id="entity"),
        pytest.param("bell\x07 rings", "\x07", "", "control", "encoding.control",
                     "apply remove_control_chars", id="control"),
        pytest.param("a\x1b[36mcolour", "\x1b[36m", "", "control", "encoding.control",
                     "apply remove_terminal_escapes", id="terminal-escape"),
        pytest.param("zero\u200bwidth", "\u200b", "", "invisible", "encoding.invisible",
                     "", id="invisible"),
    ],
)  # fmt: skip
def test_each_kind_of_repair_is_one_small_labelled_change(
    text: str, before: str, after: str, kind: str, rule: str, step: str
) -> None:
    (change,) = ENCODING_ONLY.clean(text, html=False).changes
    assert (change.before, change.after, change.kind, change.rule) == (before, after, kind, rule)
    assert step in change.reason


def test_a_repair_that_lost_bytes_is_warned_about() -> None:
    """Mojibake whose bytes were lost (U+FFFD) is repaired as far as it goes, with a warning."""
    lossy = "caf\u00c3\u00a9 and it\u00e2\u20ac\ufffds fine"  # ’ read with strict Windows-1252
    result = ENCODING_ONLY.clean(lossy, html=False)
    assert result.text == "café and it\ufffds fine"
    (warning,) = result.warnings
    assert warning.startswith("fix_encoding: 1 mojibake repair(s) could not be completed")
    assert "U+FFFD" in warning


def test_a_complete_repair_is_not_warned_about() -> None:
    assert ENCODING_ONLY.clean("caf\u00c3\u00a9 au lait", html=False).warnings == ()
