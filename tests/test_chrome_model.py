"""The learned line model of `remove_chrome`: features, the shipped model, what it removes."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from scrapeclean import Document, Pipeline
from scrapeclean.cleaners import remove_chrome
from scrapeclean.cleaners._chrome_model import (
    CONTEXT_FEATURES,
    FEATURES,
    context_features,
    line_features,
    load_model,
)
from scrapeclean.cleaners.chrome import RemoveChrome

from .conftest import read_jsonl

PARAGRAPHS = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs, "
    "after a debate that lasted most of the afternoon and drew a large crowd.",
    "Supporters said the extension would cut commuting times for thousands of residents, "
    "while critics argued that the cost had doubled since the plan was first proposed.",
    "The mayor told reporters that construction should begin next spring and that the first "
    "trams could run on the new section within three years, if funding is confirmed.",
    "Residents of the northern districts have asked for a better connection for more than a "
    "decade, and several of them spoke in favour of the plan during the public session.",
]
MENU = ["Home", "News", "Politics", "Business", "Sport", "Culture", "Weather", "Login"]
FOOTER = ["About us", "Contact", "Privacy", "Terms", "Advertise with us", "Careers", "Sitemap"]


def page_text() -> str:
    return "\n".join([*MENU, "Tram line to reach the north", *PARAGRAPHS, *FOOTER]) + "\n"


def test_every_line_has_one_vector_of_the_declared_features() -> None:
    lines = page_text().splitlines()
    vectors = line_features(lines, [False] * len(lines))
    assert len(vectors) == len(lines)
    assert {len(vector) for vector in vectors} == {len(FEATURES)}
    stacked = context_features([0.5] * len(lines), vectors)
    assert {len(vector) for vector in stacked} == {len(FEATURES) + len(CONTEXT_FEATURES)}


def test_features_see_the_story_region() -> None:
    lines = page_text().splitlines()
    vectors = line_features(lines, [False] * len(lines))
    in_main = FEATURES.index("in_main")
    paragraph = lines.index(PARAGRAPHS[1])
    assert vectors[paragraph][in_main] == 1.0
    assert vectors[0][in_main] == 0.0  # the first menu item
    assert vectors[-1][in_main] == 0.0  # the last footer link


TEASER = (
    "Ford Recalls F-150s; Loose Cable Can Cause Stalling Or Fires Ford is recalling over "
    "168,000 F-150 pickup trucks in North America to fix an electrical problem."
)
RELATED = [
    "Dave Matthews Band takes over Rock Hall Fan Vote",
    "New York man pleads guilty to threatening to kill the mayor",
    "South Dakota governor doubles down on its anti-drug campaign",
    "A decade after the predators have gone, the finches are still spooked",
]


def feature(vectors: list[list[float]], line: int, name: str) -> float:
    return vectors[line][FEATURES.index(name)]


def test_a_headline_glued_to_its_summary_opens_with_a_long_capitalised_run() -> None:
    lines = [PARAGRAPHS[0], TEASER, "Berrien County Health Department officials said on Monday."]
    vectors = line_features(lines, [False] * len(lines))
    # "Ford Recalls F-150s Loose Cable Can Cause Stalling Or Fires Ford": eleven words.
    assert feature(vectors, 1, "lead_capitalised") == pytest.approx(math.log1p(11))
    assert feature(vectors, 0, "lead_capitalised") == pytest.approx(math.log1p(1))
    assert feature(vectors, 2, "lead_capitalised") == pytest.approx(math.log1p(4))


def test_a_line_starting_in_lower_case_is_marked() -> None:
    lines = ["false", "Report Error", "0", "by the newsroom staff"]
    vectors = line_features(lines, [False] * len(lines))
    assert [feature(vectors, index, "starts_lower") for index in range(4)] == [1, 0, 0, 1]


def test_titles_around_tell_a_list_of_headlines_from_a_subheading() -> None:
    lines = [*PARAGRAPHS[:2], "What the council decided", *PARAGRAPHS[2:], PARAGRAPHS[0], *RELATED]
    vectors = line_features(lines, [False] * len(lines))
    subheading, last = lines.index("What the council decided"), len(lines) - 1
    assert feature(vectors, subheading, "titles_around") == 0.0
    assert feature(vectors, last, "titles_around") == 1.0  # three titles above, nothing below
    assert feature(vectors, last - 3, "titles_around") == pytest.approx(3 / 6)


def test_the_compiled_ensemble_scores_like_the_trees() -> None:
    stack = load_model()
    generator = random.Random(5)
    for model in (stack.first, stack.second):
        for _ in range(50):
            vector = [generator.uniform(-1, 3) for _ in model.features]
            walked = model.prior + model.rate * sum(_walk(tree, vector) for tree in model.trees)
            assert model.score(vector) == pytest.approx(walked)


def _walk(tree: object, vector: list[float]) -> float:
    node = 0
    feature, threshold = tree.feature, tree.threshold  # type: ignore[attr-defined]
    while feature[node] >= 0:
        go_left = vector[feature[node]] <= threshold[node]
        node = tree.left[node] if go_left else tree.right[node]  # type: ignore[attr-defined]
    return float(tree.value[node])  # type: ignore[attr-defined]


def test_menus_and_footers_go_and_the_story_stays() -> None:
    result = Pipeline([remove_chrome()]).clean(page_text(), html=False)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    for label in ("Politics", "Business", "Sitemap", "Careers"):
        assert label not in result.text
    rules = Counter(change.rule for change in result.changes)
    assert rules["chrome.model"] >= 6
    reasons = [change.reason for change in result.changes if change.rule == "chrome.model"]
    assert all(reason.startswith("line model: chrome with p=") for reason in reasons)


def test_without_the_model_only_the_rules_remove() -> None:
    result = Pipeline([remove_chrome(model=False)]).clean(page_text(), html=False)
    assert all(change.rule != "chrome.model" for change in result.changes)
    assert "Politics" in result.text


def test_a_short_text_is_judged_by_the_rules_only() -> None:
    text = "\n".join(MENU[:6]) + "\n"
    result = Pipeline([remove_chrome()]).clean(text, html=False)
    assert "chrome.model" not in {change.rule for change in result.changes}
    assert "Politics" in result.text


def test_clean_prose_is_left_alone() -> None:
    text = "\n\n".join(PARAGRAPHS) + "\n"
    assert Pipeline([remove_chrome()]).clean(text, html=False).text == text


def test_the_cap_keeps_a_page_that_would_be_emptied() -> None:
    text = "Share\nTweet\nPrint\nEmail\nSubscribe\n"
    proposal = remove_chrome(max_removed=0.5)(Document.from_text(text))
    assert not proposal.edits
    assert proposal.warnings and "max_removed" in proposal.warnings[0]


_SECTIONS = (
    "City Council",
    "Parks",
    "Tourism",
    "Taxes",
    "Public Works",
    "Permits",
    "Libraries",
    "Police",
    "Water",
    "Events",
    "Elections",
    "Schools",
    "Transport",
    "Housing",
    "Health",
    "Culture",
)
_PORTAL_MENU = [
    f"{s} {page}"
    for s in _SECTIONS
    for page in ("Overview", "Contacts", "Forms", "Reports", "Services")
]
_NOTICE = [
    "Break-ins reported at the home care service",
    "Two vehicles belonging to the home care service were broken into on Tuesday night in the "
    "car park behind the health centre.",
    "Staff found the windows smashed when they arrived for the morning shift, and a laptop and "
    "medical supplies were missing.",
]


def test_a_short_story_in_a_portal_of_menus_is_cleaned_by_default() -> None:
    """More than 80% of the page is menus: the default cap (0.95) lets the model take them."""
    menus_after = _PORTAL_MENU[50:] + [item.upper() for item in _PORTAL_MENU[:30]]
    text = "\n".join([*_PORTAL_MENU[:50], *_NOTICE, *menus_after]) + "\n"
    result = Pipeline([remove_chrome()]).clean(text, html=False)
    assert result.text.startswith("\n".join(_NOTICE))  # the story, whole, then a stray item
    assert 1 - len(result.text) / len(text) > 0.8
    assert not result.warnings


def test_past_the_cap_the_rules_still_remove_what_they_know() -> None:
    text = "\n".join(["Share on Facebook", *MENU, *FOOTER]) + "\n"
    proposal = remove_chrome(max_removed=0.5)(Document.from_text(text))
    rules = {edit.rule for edit in proposal.edits}
    assert rules and "chrome.model" not in rules


def test_dropping_the_models_removals_at_the_cap_is_said() -> None:
    full = remove_chrome()(Document.from_text(page_text()))
    assert {edit.rule for edit in full.edits} >= {"chrome.model", "chrome.ui_labels"}
    proposal = remove_chrome(max_removed=0.05)(Document.from_text(page_text()))
    assert proposal.edits and {edit.rule for edit in proposal.edits} == {"chrome.ui_labels"}
    assert proposal.warnings and "only the rules' removals" in proposal.warnings[0]


_TOKEN = re.compile(r"\w+")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = [word.lower() for word in _TOKEN.findall(text)]
    return Counter(tuple(words[i : i + 4]) for i in range(max(len(words) - 3, 0)))


def test_real_page_text_loses_chrome_and_keeps_the_body() -> None:
    rows = list(read_jsonl("extraction/zyte-dev.jsonl"))[:20]
    pipeline = Pipeline([remove_chrome()])
    before = after = recall = 0.0
    for row in rows:
        soup = BeautifulSoup(row["html"], "html.parser")
        for tag in soup(["script", "style", "noscript"]):
            tag.decompose()
        text = soup.get_text("\n")
        gold = _shingles(row["expected_text"])
        cleaned = _shingles(pipeline.clean(text, html=False).text)
        raw = _shingles(text)
        before += sum((raw & gold).values()) / max(sum(raw.values()), 1)
        after += sum((cleaned & gold).values()) / max(sum(cleaned.values()), 1)
        recall += sum((cleaned & gold).values()) / max(sum(gold.values()), 1)
    assert after / len(rows) > before / len(rows) + 0.15  # precision rises clearly
    assert recall / len(rows) > 0.9  # and the body stays


def _one_step_at_a_time(
    texts: list[str], verdicts: list[tuple[str, str] | None], *_: object
) -> dict[int, tuple[str, str]]:
    """A stand-in line model that takes one "Step" line a pass: the first one left."""
    steps = [index for index, text in enumerate(texts) if text.startswith("Step ")]
    return {steps[0]: ("chrome.model", "the first step left")} if steps else {}


def test_the_model_judges_again_until_it_finds_nothing_new(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A verdict that depends on context settles: cleaning the output again changes nothing."""
    monkeypatch.setattr(RemoveChrome, "_model_verdicts", staticmethod(_one_step_at_a_time))
    text = "\n".join([*PARAGRAPHS[:2], *(f"Step {n}" for n in range(1, 9)), *PARAGRAPHS]) + "\n"
    pipeline = Pipeline([remove_chrome()])
    once = pipeline.clean(text, html=False)
    assert "Step" not in once.text
    assert pipeline.clean(once.text, html=False).text == once.text
    assert not once.warnings


def test_the_passes_stop_in_linear_time_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model that keeps finding one more line is stopped after work linear in the text."""
    calls: list[int] = []

    def counting(texts: list[str], verdicts: list[tuple[str, str] | None], *rest: object):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return _one_step_at_a_time(texts, verdicts)

    monkeypatch.setattr(RemoveChrome, "_model_verdicts", staticmethod(counting))
    lines = [*PARAGRAPHS, *(f"Step {n}" for n in range(1, 401))]
    proposal = remove_chrome()(Document.from_text("\n".join(lines) + "\n"))
    assert sum(calls) <= 10 * len(lines)
    assert len(proposal.edits) == len(calls)  # one line a pass, as the model said
    assert proposal.warnings and "again" in proposal.warnings[0]


def test_cleaning_a_real_page_text_twice_changes_nothing() -> None:
    """On every zyte-dev page text, the output of `remove_chrome` is its own output."""
    from scrapeclean._input import read_input

    pipeline = Pipeline([remove_chrome()])
    for row in read_jsonl("extraction/zyte-dev.jsonl"):
        text = read_input(row["html"], html=True, encoding=None)[0].text
        once = pipeline.clean(text, html=False).text
        assert pipeline.clean(once, html=False).text == once, row["id"]


def _html_page() -> str:
    """A page whose article holds the menu words as short paragraphs (blocks kept by the DOM)."""
    paragraphs = "".join(f"<p>{line}</p>" for line in [*MENU, *PARAGRAPHS, *FOOTER])
    return f"<html><body><article><h1>Tram line to reach the north</h1>{paragraphs}</article>"


def test_on_a_page_read_from_html_only_the_rules_run() -> None:
    """extract_html has judged the blocks from the DOM; the line model does not judge again."""
    result = Pipeline([remove_chrome()]).clean(_html_page(), html=True)
    assert "chrome.model" not in {change.rule for change in result.changes}
    assert "Politics" in result.text
    again = Pipeline([remove_chrome(model_on_html=True)]).clean(_html_page(), html=True)
    assert "chrome.model" in {change.rule for change in again.changes}
    assert "model_on_html=True" in repr(remove_chrome(model_on_html=True))
