"""The shortcuts of `remove_chrome` decide as the full judgement does.

Each shortcut skips work that cannot change a verdict: these tests put the shortcut and the
full computation side by side on lines and texts built to sit on the edges of the rules.
"""

from __future__ import annotations

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
                f"{shown}…",
                f"{shown}\xa0.",
                f"{shown}: Jürgen Müller",
                f"Foto: Jürgen Müller / {shown}",
                f"Jürgen Müller, {shown}",
                f"„{shown}“",
                f"Mehr über {shown}",
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
        "© 2024 Müller Medien",
        "Ⓒ 2024 Müller Medien",
        "Weiterlesen…",
        "Teilen",
        "Straße",
        "SCHLIESSEN",
        "Zurück zur Übersicht",
    ]
    return lines


def test_the_line_rule_gate_lets_through_every_line_a_whole_line_rule_matches() -> None:
    lines = _rule_lines()
    matched = [line for line in lines if chrome._ANY_LINE_RULE.match(line)]
    assert len(matched) > 500  # the lines reach the rules
    missed = [line for line in matched if not chrome._may_match_line_rule(line)]
    assert missed == []


def test_the_line_rule_gate_turns_away_plain_lines() -> None:
    plain = [
        "Home",
        "The council met on Tuesday.",
        "Weather for the week ahead",
        "Müller trifft Schröder in Köln",
        "Der Rat tagte am Dienstag – wie üblich.",
    ]
    assert not any(map(chrome._may_match_line_rule, plain))


def test_judging_with_the_gate_equals_judging_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _rule_lines()
    gated = [chrome._judge(line) for line in lines]
    monkeypatch.setattr(chrome, "_may_match_line_rule", lambda line: True)
    assert [chrome._judge(line) for line in lines] == gated
    assert sum(verdict is not None for verdict in gated) > 300


def test_the_lookalikes_are_every_caseless_match_of_a_gated_character_with_another_lower_case() -> (
    None
):
    """Ignoring case, `regex` matches a gated character (one `_UNGATED_CHAR` does not find) to
    a code point whose lower case differs only for `chrome._LOOKALIKES`, on every code point."""
    import regex

    gated = [char for char in map(chr, range(0x2100)) if not chrome._UNGATED_CHAR.search(char)]
    assert all(len(char.lower()) == 1 for char in gated)
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    pattern = "[" + "".join(map(regex.escape, gated)) + "]"
    matched = set(regex.findall(pattern, every, flags=regex.IGNORECASE))
    lookalikes = set()
    for char in matched:
        for other in gated:
            if regex.fullmatch(regex.escape(char), other, flags=regex.IGNORECASE):
                assert regex.fullmatch(regex.escape(other), char, flags=regex.IGNORECASE)
                if char.lower() != other.lower():
                    lookalikes.add(char)
    assert lookalikes == set(chrome._LOOKALIKES)


def test_the_closing_characters_hold_every_gated_whitespace() -> None:
    import regex

    gated = [char for char in map(chr, range(0x2100)) if not chrome._UNGATED_CHAR.search(char)]
    assert {char for char in gated if regex.match(r"\s", char)} <= set(chrome._CLOSING_CHARS)
    assert not chrome._UNGATED_CHAR.search("Zurück zur Übersicht – „Straße“ …")
    assert chrome._UNGATED_CHAR.search("µ") and chrome._UNGATED_CHAR.search("Ⓒ")


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


@pytest.mark.parametrize(
    ("pattern", "starts", "digit"),
    [
        (r"click\ here\ to\ .{1,60}", ("click here to ",), False),
        (r"(?:about\ )?\d+\ ?(?:min|mins)\ read", ("about ",), True),
        (
            r"\(?(?:reporting|writing)\ by",
            ("(reporting by", "(writing by", "reporting by", "writing by"),
            False,
        ),
        (r"[-–]\ ?ad", ("- ad", "-ad", "– ad", "–ad"), False),
        (r"Tags?\ ?:", ("tag :", "tag:", "tags :", "tags:"), False),
        (r"x*y|comment\ (?-i:\p{Lu})", ("comment ", "x", "y"), False),
        (r"(shared?)\ by", ("share by", "shared by"), False),
    ],
)
def test_the_heads_of_a_pattern_are_how_every_match_begins(
    pattern: str, starts: tuple[str, ...], digit: bool
) -> None:
    assert chrome._pattern_heads(pattern) == chrome._Heads(starts, digit)


@pytest.mark.parametrize(
    "pattern",
    [
        r".{0,120}\bfoo",
        r"(?=x)abc",
        r"a#b",
        r"[^x]abc",
        r"\w+\ more",
        r"(?:x)?",
        r"(?P<a>x)y",
        "a)",
    ],
)
def test_a_pattern_that_may_begin_with_anything_has_no_heads(pattern: str) -> None:
    assert chrome._pattern_heads(pattern) is None


_CALLS_TO_ACTION = [
    "12 comments",
    "5 min read",
    "About 5 minutes read",
    "Reading time: about 5 min",
    "Tags: politics, economy",
    "Filed under: News",
    "– Anzeige –",
    "- Advertisement -",
    "Foto 3 von 12",
    "Image 2 of 9",
    "Lesezeit: 4 Minuten",
    "Lesezeit: ca. 4 Min.",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Additional reporting by Jane Doe",
    "Share via Email",
    "Comment by Jane",
    "Follow full coverage of the election",
    "Follow Reuters's full coverage of the election",
    "Kommentare (12)",
    "Время чтения: 5 мин",
    "Czas czytania: 3 min",
    "Wszelkie prawa zastrzeżone",
    "ALL RIGHTS RESERVED.",
    "Click here to load the content from example.com",
    "Showing 1-10 of 45 results",
    "Schlagwörter: Politik",
    "Étiquettes : politique",
    "Más sobre España",
    "Mehr zum Thema auf Example",
    "You must be logged in to post a comment",
    "Download this article as PDF",
    "Sign up for our daily briefing",
]


@pytest.mark.parametrize("line", _CALLS_TO_ACTION)
def test_the_gate_lets_through_every_call_to_action_pattern_line(line: str) -> None:
    for shown in (line, line.upper(), line.lower(), line.title()):
        if chrome._CALL_TO_ACTION_PATTERN.match(shown):
            assert chrome._may_match_line_rule(shown), shown
    assert chrome._CALL_TO_ACTION_PATTERN.match(line)


def test_the_call_to_action_patterns_have_heads() -> None:
    heads = chrome._line_rule_gate().pattern_heads  # type: ignore[union-attr]
    assert heads is not None
    assert heads.digit
    assert "click here to " in heads.starts
