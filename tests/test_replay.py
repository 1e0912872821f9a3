"""The replay invariant: recorded changes, replayed on the input, rebuild the output exactly."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapeclean import Change, Document, Edit, Pipeline, Proposal, ReplayError, Span, replay

# One proposed edit, relative to whatever text the step sees: where it starts (a fraction of the
# text), how long it is (a fraction of what is left), and what replaces it.
_EDIT = st.tuples(st.floats(0, 1), st.floats(0, 1), st.text(alphabet="xyZ\n ", max_size=4))
_STEP = st.lists(_EDIT, max_size=6)


@dataclass(frozen=True)
class Scripted:
    """A test cleaner that proposes edits at given relative positions of any text."""

    script: tuple[tuple[float, float, str], ...]
    name: str

    def __call__(self, doc: Document, /) -> Proposal:
        length = len(doc.text)
        points = sorted(
            (int(start * length), min(length, int(start * length) + int(size * 4)), text)
            for start, size, text in self.script
        )
        edits, last = [], 0
        for start, end, replacement in points:
            if start < last:
                continue
            edits.append(Edit.replace(start, end, replacement, kind="test", reason="scripted"))
            last = end
        return Proposal(edits=tuple(edits))


def _pipeline(steps: list[list[tuple[float, float, str]]]) -> Pipeline:
    return Pipeline(Scripted(tuple(step), f"step{index}") for index, step in enumerate(steps))


def _replay_one_by_one(text: str, changes: tuple[Change, ...]) -> str:
    """Replay each change alone: the sequential meaning that batching must agree with."""
    current = text
    applied: list[Change] = []
    for change in changes:
        applied.append(change)
        current = replay(text, applied)
    return current


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet="ab \n", max_size=30), steps=st.lists(_STEP, max_size=5))
def test_replay_rebuilds_output_of_any_edits(
    text: str, steps: list[list[tuple[float, float, str]]]
) -> None:
    """Whatever sequence of edits the steps propose, replaying the changes gives the output."""
    result = _pipeline(steps).clean(text, html=False)
    assert replay(text, result.changes) == result.text
    assert _replay_one_by_one(text, result.changes) == result.text
    for change in result.changes:
        assert 0 <= change.span.start <= change.span.end <= len(text)
        assert change.before != change.after


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_default_pipeline_replays_on_arbitrary_text(text: str) -> None:
    """The default pipeline never raises on arbitrary text, and its changes replay exactly."""
    result = Pipeline.default().clean(text, html=False)
    assert replay(result.source.text, result.changes) == result.text
    for change in result.changes:
        assert change.span.end <= len(result.source.text)


_PROSEY = st.lists(
    st.sampled_from(
        [*"abcdefghij KLMN.,\n\t\u00a0\u200bÃ©â€™", "icon ", "Share ", "ans ", "2008 "]
    ),
    max_size=200,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=_PROSEY)
def test_default_pipeline_is_idempotent(text: str) -> None:
    """Cleaning the cleaned text again changes nothing more."""
    once = Pipeline.default().clean(text, html=False)
    twice = Pipeline.default().clean(once.text, html=False)
    assert twice.text == once.text


def test_replay_rejects_changes_that_do_not_fit() -> None:
    """A change whose `before` text is not where it says raises ReplayError."""
    change = Change("c", "k", Span(0, 3), "abc", "x", "r")
    assert replay("abcdef", [change]) == "xdef"
    with pytest.raises(ReplayError, match="expected 'abc' but found 'zzz'"):
        replay("zzzdef", [change])
    with pytest.raises(ReplayError, match="beyond the input text"):
        replay("ab", [change])


def test_nested_changes_widen_to_the_earlier_change() -> None:
    """An edit inside text an earlier step rewrote is recorded over that earlier change."""
    first = Pipeline([Scripted(((0.0, 0.5, "XYZ"),), "first")])
    both = first.then(Scripted(((0.15, 0.25, ""),), "second"))
    result = both.clean("abcdefgh")
    assert result.text == replay("abcdefgh", result.changes)
    second = result.changes[-1]
    assert second.cleaner == "second"
    assert second.span == Span(0, 2)  # widened back over the first change's input span
    assert (second.before, second.after) == ("XYZ", "XZ")
