"""The caller steers extraction with CSS selectors: `extract_html(remove=..., keep=...)`."""

from __future__ import annotations

import pickle

import pytest
from bs4 import BeautifulSoup

from scrapeclean import Block, Pipeline, clean, cleaners, replay

PAGE = """<html><body><article><h1>Council keeps the tram</h1>
<p>The city council voted on Tuesday to keep the old tram line open after a long debate.</p>
<div class="box-17"><p>The line first opened in 1911 and was extended twice in the 1960s.</p>
<p>Its cars were rebuilt in the workshops of the city in 1998 and again in 2015.</p></div>
<p>Residents had collected 12,000 signatures in support of the line and its 9,000 riders.</p>
</article><nav class="statement"><p>Residents' association: we welcome the decision today.</p>
</nav></body></html>"""


def _steered(**options: object) -> Pipeline:
    step = cleaners.extract_html(**options)  # type: ignore[arg-type]
    return Pipeline.default().replace("extract_html", step)


@pytest.mark.parametrize("parsed", [False, True], ids=["markup", "soup"])
def test_remove_deletes_the_blocks_of_what_it_matches(parsed: bool) -> None:
    raw = BeautifulSoup(PAGE, "html.parser") if parsed else PAGE
    plain = clean(raw)
    assert "first opened in 1911" in plain.text  # kept without the selector
    result = clean(raw, pipeline=_steered(remove=["div.box-17"]))
    assert "1911" not in result.text and "workshops" not in result.text
    assert "Residents had collected" in result.text
    steered = [change for change in result.changes if change.rule == "html.selector"]
    assert len(steered) == 2
    assert all("'div.box-17'" in change.reason for change in steered)
    if not parsed:
        assert replay(result.source.text, result.changes) == result.text


@pytest.mark.parametrize("parsed", [False, True], ids=["markup", "soup"])
def test_keep_beats_the_automatic_rules_and_remove(parsed: bool) -> None:
    raw = BeautifulSoup(PAGE, "html.parser") if parsed else PAGE
    assert "Residents' association" not in clean(raw).text  # inside <nav>: cut by default
    kept = clean(raw, pipeline=_steered(keep=".statement"))
    assert "Residents' association" in kept.text
    both = clean(raw, pipeline=_steered(keep="nav", remove="nav.statement"))
    assert "Residents' association" in both.text


def test_blocks_record_the_selectors_that_match_them() -> None:
    result = clean(PAGE, pipeline=_steered(remove="div.box-17", keep=".statement"))
    selected = {block.selected for block in result.source.blocks or ()}
    assert selected == {(), ("div.box-17",), (".statement",)}
    block = next(b for b in result.source.blocks or () if b.selected)
    assert Block.from_dict(block.to_dict()) == block
    assert all(not b.selected for b in clean(PAGE).source.blocks or ())


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"remove": ["div[["]}, "div[["),
        ({"keep": ["p", ""]}, "''"),
        ({"remove": [3]}, "3"),
    ],
)
def test_a_selector_that_is_not_css_is_refused_by_name(
    options: dict[str, object], named: str
) -> None:
    with pytest.raises(ValueError, match=r"(remove|keep)") as raised:
        cleaners.extract_html(**options)  # type: ignore[arg-type]
    assert named in str(raised.value)


def test_a_steered_step_is_picklable_and_reads_like_its_call() -> None:
    step = cleaners.extract_html(remove="div.ad", keep=["figure", "div.ad"])
    assert pickle.loads(pickle.dumps(step)) == step
    assert "remove=('div.ad',)" in repr(step)
    assert step.selectors == ("div.ad", "figure", "div.ad")


def test_plain_text_is_unaffected_by_selectors() -> None:
    text = "The council met on Monday and agreed the budget for the coming year."
    assert clean(text, pipeline=_steered(remove="p")).text == text
