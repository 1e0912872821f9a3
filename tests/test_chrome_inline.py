"""Inline chrome: labels and credits glued inside good lines go as spans (``chrome.inline``)."""

from __future__ import annotations

import pytest

from scrapeclean import Pipeline, _vocabulary, replay
from scrapeclean.cleaners import remove_chrome

SENTENCE = (
    "The council voted on Tuesday to extend the tram line to the northern suburbs after a "
    "long debate."
)


def cleaned(text: str, **options: object) -> tuple[str, list[str]]:
    """The text `remove_chrome` leaves, and the spans its chrome.inline changes removed."""
    result = Pipeline([remove_chrome(**options)]).clean(text, html=False)  # type: ignore[arg-type]
    return result.text, [c.before for c in result.changes if c.rule == "chrome.inline"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        pytest.param(f"{SENTENCE} Advertisement", SENTENCE, id="ad-label-end"),
        pytest.param(f"ADVERTISEMENT {SENTENCE}", SENTENCE, id="ad-label-start-caps"),
        pytest.param(f"Anzeige - {SENTENCE}", SENTENCE, id="ad-label-start-dash"),
        pytest.param(
            f"{SENTENCE} ADVERTISEMENT The mayor said work would start in May.",
            f"{SENTENCE} The mayor said work would start in May.",
            id="ad-label-between-sentences",
        ),
        pytest.param(f"{SENTENCE} Share this article", SENTENCE, id="share-end"),
        pytest.param(f"{SENTENCE} Click here to subscribe", SENTENCE, id="click-here-end"),
        pytest.param(
            "Protesters have worn masks to protect their identities (Image: GETTY )",
            "Protesters have worn masks to protect their identities",
            id="credit-in-brackets-end",
        ),
        pytest.param(
            "The mayor (Photo: Jan Novak) opened the new line on Monday morning.",
            "The mayor opened the new line on Monday morning.",
            id="credit-in-brackets-middle",
        ),
        pytest.param(
            "Officials were seen in the valley attempting to control the flood Credit: EPA",
            "Officials were seen in the valley attempting to control the flood",
            id="credit-end-caption",
        ),
        pytest.param(f"{SENTENCE} Photo: Reuters", SENTENCE, id="photo-credit-end"),
        pytest.param(
            "In den Altenheimen gebe es ohnehin eine hohe Impfquote, so Kessmann. Foto: Jan Bönte",
            "In den Altenheimen gebe es ohnehin eine hohe Impfquote, so Kessmann.",
            id="german-credit-end",
        ),
        pytest.param(
            "Sur la place, les habitants ont attendu le maire toute la matinée… Lire la suite",
            "Sur la place, les habitants ont attendu le maire toute la matinée…",
            id="french-read-more-after-ellipsis",
        ),
        pytest.param(
            "Congress alliance with the regional party is agreed: Reports - Read More »»",
            "Congress alliance with the regional party is agreed: Reports",
            id="read-more-after-dash-with-arrows",
        ),
        pytest.param(f"{SENTENCE} Share this article Advertisement", SENTENCE, id="run-of-labels"),
    ],
)
def test_inline_chrome_is_removed_as_a_span(line: str, kept: str) -> None:
    """Only the glued chrome goes, with the space before it; the line stays."""
    text, spans = cleaned(line)
    assert text == kept
    assert spans and all(span.strip() for span in spans)
    assert cleaned(line, inline=False)[0] == line


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(
            "Advertisement revenue fell sharply in the third quarter, the company said.",
            id="ad-word-starting-a-sentence",
        ),
        pytest.param(
            "Es ist, wie beschrieben: die wahre Werbung kann von der echten Werbung nicht "
            "mehr unterschieden werden.",
            id="werbung-in-prose",
        ),
        pytest.param(
            "Knaus hat sich an Nummer zwei platziert. Im Bild: der Knaus Boxstar 600 STR.",
            id="caption-words-after-label",
        ),
        pytest.param(
            "She asked readers to share this article with anyone who had lost a pet.",
            id="share-inside-a-sentence",
        ),
        pytest.param(
            "Reklama Coca-Coli była pokazywana w telewizji przez całe lato i zimę.",
            id="polish-noun-starting-a-sentence",
        ),
        pytest.param(
            f"{SENTENCE} Advertisement The mayor said work would start in May.",
            id="title-case-label-between-sentences",
        ),
        pytest.param(
            "The photo (taken in 1961) shows the weavers at their looms in the old mill.",
            id="brackets-without-a-credit-label",
        ),
        pytest.param(
            "Unemployment rose to five percent in the spring. Source: Eurostat",
            id="source-is-not-an-inline-credit",
        ),
    ],
)
def test_words_of_the_story_stay(line: str) -> None:
    """Chrome words used in the story's own sentences are not cut."""
    text, spans = cleaned(line)
    assert (text, spans) == (line, [])


def test_inline_spans_replay_and_settle() -> None:
    """Changes replay to the output, and cleaning the output again removes nothing more."""
    text = "\n\n".join(
        [
            f"{SENTENCE} Advertisement",
            "The mayor (Photo: Jan Novak) opened the new line on Monday morning.",
            "Share Tweet Email",
        ]
    )
    result = Pipeline([remove_chrome()]).clean(text, html=False)
    assert replay(text, result.changes) == result.text
    assert {c.rule for c in result.changes} == {"chrome.inline", "chrome.ui_labels"}
    assert cleaned(result.text) == (result.text, [])


def test_the_cap_counts_inline_spans() -> None:
    """Past max_removed the inline spans are not removed either."""
    line = f"{SENTENCE} Advertisement"
    assert cleaned(line, max_removed=0.05) == (line, [])
    assert cleaned(line, max_removed=0.2)[0] == SENTENCE


@pytest.mark.parametrize("label", sorted(_vocabulary.words("chrome.inline_labels")))
def test_every_inline_label_goes_at_the_end_of_a_sentence(label: str) -> None:
    """Each label of the language files is cut when glued after a line's last sentence."""
    line = f"{SENTENCE} {label[0].upper()}{label[1:]}"
    assert cleaned(line)[0] == SENTENCE


@pytest.mark.parametrize("label", sorted(_vocabulary.words("chrome.inline_credit_labels")))
def test_every_inline_credit_label_goes_in_brackets(label: str) -> None:
    """Each credit label of the language files is cut as a bracketed credit."""
    line = f"The mayor opened the new tram line on Monday ({label}: Jan Novak)"
    assert cleaned(line)[0] == "The mayor opened the new tram line on Monday"
