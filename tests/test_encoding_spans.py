"""`fix_encoding` changes stay as small as what they change, whatever the length of the line."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapeclean import Pipeline, clean, replay
from scrapeclean._model import Change
from scrapeclean.cleaners import fix_encoding

ENCODING_ONLY = Pipeline([fix_encoding()])

#: Sentences of an ordinary article, each used once (a word used twice is taken as deliberate).
SENTENCES = [
    f"Paragraph {number} of the report says the council met on day {number} to talk about "
    f"item {number} of the plan, and members voted on motion {number} before lunch."
    for number in range(450)
]
#: Typos the spelling cleaner fixes, each placed once in the article.
TYPOS = {
    "budget": "budgte",
    "council": "councel",
    "government": "goverment",
    "receive": "recieve",
    "separate": "seperate",
    "because": "becuase",
    "which": "whcih",
    "their": "thier",
}


def mojibake(text: str) -> str:
    """`text` encoded as UTF-8 and read back as Windows-1252 (what scrapers often do)."""
    return text.encode("utf-8").decode("windows-1252", errors="replace")


def _fix_encoding_changes(changes: tuple[Change, ...]) -> list[Change]:
    return [change for change in changes if change.cleaner == "fix_encoding"]


def test_long_line_with_mojibake_at_both_ends_keeps_small_changes() -> None:
    """A 58 KB one-line article with mojibake at both ends and 8 typos gives small changes."""
    middle = " ".join(SENTENCES)
    for position, wrong in enumerate(TYPOS.values()):
        middle += f" Note {position}: the {wrong} was on the agenda."
    article = mojibake("Café crème: ") + middle + mojibake(" à la carte, naïve.")
    assert len(article) > 58_000 and "\n" not in article
    result = clean(article, html=False)
    assert replay(result.source.text, result.changes) == result.text
    assert max(len(change.before) for change in result.changes) <= 12
    typos = [change.after for change in result.changes if change.kind == "typo"]
    assert len(typos) >= 6
    assert typos == [change.after for change in clean(middle).changes if change.kind == "typo"]
    assert len(_fix_encoding_changes(result.changes)) == 4  # é, è, à, ï
    assert len(result.to_json()) < 3 * len(article)


def test_dense_mojibake_line_gives_one_change_per_character() -> None:
    """A line dense with mojibake is aligned character by character, not as one block."""
    text = mojibake("éa") * 666
    result = ENCODING_ONLY.clean(text, html=False)
    assert result.text == "éa" * 666
    assert len(result.changes) == 666
    assert {change.before for change in result.changes} == {mojibake("é")}


def test_inconsistent_utf8_repair_is_labelled_mojibake() -> None:
    """A repair by ftfy's decode_inconsistent_utf8 is mojibake, not an unusual character."""
    text = "café and cr" + mojibake("è") + "me and na" + mojibake("ï") + "ve"
    changes = ENCODING_ONLY.clean(text, html=False).changes
    assert changes
    assert {change.kind for change in changes} == {"mojibake"}


def test_each_run_is_explained_by_its_own_steps() -> None:
    """An entity and a mojibake run on one line each carry the ftfy steps that repair them."""
    text = "Caf&eacute; and " + mojibake("café") + " &amp; more"
    changes = ENCODING_ONLY.clean(text, html=False).changes
    kinds = [change.kind for change in changes]
    assert kinds == ["entity", "mojibake", "entity"]
    assert "decode" not in changes[0].reason and "unescape_html" in changes[0].reason
    assert "unescape_html" not in changes[1].reason and "decode" in changes[1].reason


# -- the property: changes are minimal --------------------------------------------------------

_WORDS = st.sampled_from(
    ["café", "naïve", "crème", "Zürich", "déjà", "piñata", "smörgåsbord", "don’t", "“quoted”",
     "€5", "façade", "plain", "words", "and", "the", "a", "x", "1", "São", "Ελλάδα", "добро"]
)  # fmt: skip


@st.composite
def damaged_lines(draw: st.DrawFn) -> str:
    """A line of words, some mis-decoded, some escaped as HTML, some with invisible characters."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=40))
    out = []
    for word in words:
        damage = draw(st.sampled_from(["none", "none", "mojibake", "entity", "invisible"]))
        if damage == "mojibake":
            word = mojibake(word)
        elif damage == "entity":
            word = html.escape(word).replace("é", "&eacute;")
        elif damage == "invisible":
            word = word[:1] + "\u200b" + word[1:]
        out.append(word)
    separator = draw(st.sampled_from([" ", " ", "  ", "\t"]))
    return separator.join(out)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(damaged_lines(), min_size=1, max_size=4))
def test_encoding_changes_are_minimal(lines: list[str]) -> None:
    """No change covers unchanged text: its first and last characters differ; replay holds."""
    text = "\n".join(lines)
    result = ENCODING_ONLY.clean(text, html=False)
    assert replay(result.source.text, result.changes) == result.text
    for change in result.changes:
        assert change.before != change.after
        assert change.before == text[change.span.start : change.span.end]
        if change.before and change.after:
            assert change.before[0] != change.after[0], change
            assert change.before[-1] != change.after[-1], change


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(damaged_lines(), min_size=1, max_size=3))
def test_later_changes_are_widened_only_over_earlier_ones(lines: list[str]) -> None:
    """In the default pipeline, an encoding change's span holds nothing but its own repair."""
    text = "\n\n".join(lines)
    alone = {
        (change.span.start, change.span.end)
        for change in ENCODING_ONLY.clean(text, html=False).changes
    }
    result = clean(text, html=False)
    assert replay(result.source.text, result.changes) == result.text
    encoding = {
        (change.span.start, change.span.end) for change in _fix_encoding_changes(result.changes)
    }
    assert encoding == alone
