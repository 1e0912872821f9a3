"""The shortcuts of `remove_chrome` decide as the full judgement does.

Each shortcut skips work that cannot change a verdict: these tests put the shortcut and the
full computation side by side on lines and texts built to sit on the edges of the rules.
"""

from __future__ import annotations

import itertools

import pytest

from scrapeclean import _vocabulary
from scrapeclean.cleaners import chrome


def _rule_lines() -> list[str]:
    """Lines on both sides of every whole-line rule: each phrase, label and agency, varied."""
    phrases = [
        *_vocabulary.words("chrome.calls_to_action"),
        *_vocabulary.words("chrome.credit_labels"),
        *_vocabulary.words("chrome.credit_agencies"),
        *_vocabulary.words("chrome.stock_photo_agencies"),
    ]
    lines: list[str] = []
    for phrase in phrases:
        for shown in (phrase, phrase.upper(), phrase.title()):
            lines += [
                shown,
                f"{shown}.",
                f"{shown}...",
                f"{shown}!",
                f"{shown} .",
                f"{shown}\t...",
                f"{shown} ",
                f"{shown}: Paris plans its trams",
                f"{shown} | Paris plans its trams",
                f"({shown})",
                f"{shown}: Jane Doe",
                f"{shown} by Jane Doe",
                f"Photo: Jane Doe / {shown}",
                f"Jane Doe, {shown}",
                f"Jane Doe via {shown}",
                f"[{shown}]",
                f"Not {shown}",
                f"{shown} and more words after it",
            ]
    lines += [
        "© 2024 Example Media",
        "(c) 2024 Example Media",
        "Copyright 2024 Example Media, all rights reserved",
        "All rights reserved.",
        "Click here to read the full report",
        "12 comments",
        "5 min read",
        "Share on Facebook",
        "Follow us on Twitter",
        "Sign up for our newsletter",
        "The council met on Tuesday.",
        "Home",
        "ſhare this",  # a character `regex` matches to "s" when ignoring case
    ]
    return lines


def test_the_line_rule_gate_lets_through_every_line_a_whole_line_rule_matches() -> None:
    lines = _rule_lines()
    matched = [line for line in lines if chrome._ANY_LINE_RULE.match(line)]
    assert len(matched) > 500  # the lines reach the rules
    missed = [line for line in matched if not chrome._may_match_line_rule(line)]
    assert missed == []


def test_the_line_rule_gate_turns_away_plain_lines() -> None:
    plain = ["Home", "The council met on Tuesday.", "Weather for the week ahead"]
    assert not any(map(chrome._may_match_line_rule, plain))


def test_judging_with_the_gate_equals_judging_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _rule_lines()
    gated = [chrome._judge(line) for line in lines]
    monkeypatch.setattr(chrome, "_may_match_line_rule", lambda line: True)
    assert [chrome._judge(line) for line in lines] == gated
    assert sum(verdict is not None for verdict in gated) > 300


def test_the_ascii_lookalikes_are_all_regex_matches_ascii_letters() -> None:
    import regex

    letters = "abcdefghijklmnopqrstuvwxyz"
    for lookalike in chrome._ASCII_LOOKALIKES:
        assert any(regex.match(letter, lookalike, regex.I) for letter in letters)
    found = {
        char
        for char in map(chr, itertools.chain(range(128, 0x2200), range(0x2200, 0x2400)))
        if any(regex.match(letter, char, regex.I) for letter in letters)
    }
    assert found <= set(chrome._ASCII_LOOKALIKES)


def _vectors(lines: list[str]) -> list[list[float]]:
    from scrapeclean.cleaners._chrome_model import line_features

    return line_features(lines, [False] * len(lines))


def test_a_call_scoring_the_lines_of_two_documents_scores_each_as_alone() -> None:
    """The document's features are compared once per call: a line of another document in the
    same call is still scored with its own."""
    from scrapeclean.cleaners._chrome_model import _logistic, load_model

    short = _vectors(["Home", "News", "Sport", "A short note on the weather today."])
    long = _vectors(
        ["Menu", *[f"The council met for the {n}th time and the mayor spoke." for n in range(40)]]
    )
    assert short[0][-2:] != long[0][-2:]  # the document features differ
    model = load_model().first
    mixed = model.probabilities([*short, *long])
    alone = model.probabilities(short) + model.probabilities(long)
    assert mixed == alone
    assert alone == [_logistic(model.score(vector)) for vector in [*short, *long]]


def test_the_middle_label_gate_lets_through_every_line_the_pattern_matches() -> None:
    from scrapeclean.cleaners import _chrome_inline as inline

    lines = [
        f"The mayor spoke on Tuesday{mark}{close} {label.upper()} The council met again later"
        for label in _vocabulary.phrases("chrome.inline_labels")
        for mark in ".!?…"
        for close in ("", '"', "”)")
    ]
    lines += ["The mayor spoke. Then the council met.", "ADVERTISEMENT The council met."]
    matched = [line for line in lines if any(inline._MIDDLE_LABEL.finditer(line))]
    assert len(matched) > 100
    assert [line for line in matched if not inline._may_hold_middle_label(line)] == []
    assert not inline._may_hold_middle_label("The mayor spoke. Then the council met.")


@pytest.mark.parametrize(
    "line",
    ["Share", "Read  more", " Home", "Home ", "Home\tNews", "Home\xa0News", "Ho\u2028me", "ẞtraße"],
)
def test_a_line_key_is_its_words_joined_by_one_space_and_case_folded(line: str) -> None:
    from scrapeclean.cleaners._chrome_model import _key

    assert _key(line) == " ".join(line.split()).casefold()
