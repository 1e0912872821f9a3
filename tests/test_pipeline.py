"""The pipeline: building and changing it, running steps, checking their edits, errors."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from scrapeclean import (
    CleanerError,
    Document,
    Edit,
    Pipeline,
    PipelineError,
    Proposal,
    ScrapecleanError,
    clean,
    cleaners,
    replay,
)


@dataclass(frozen=True)
class Upper:
    """A test cleaner that upper-cases every occurrence of a word."""

    word: str
    name: str = "upper"

    def __call__(self, doc: Document, /) -> Proposal:
        edits = []
        start = doc.text.find(self.word)
        while start >= 0:
            end = start + len(self.word)
            edits.append(Edit.replace(start, end, self.word.upper(), kind="test", reason="shout"))
            start = doc.text.find(self.word, end)
        return Proposal(edits=tuple(edits))


@dataclass(frozen=True)
class Broken:
    """A test cleaner that returns whatever it is told to."""

    result: object
    name: str = "broken"

    def __call__(self, doc: Document, /) -> Proposal:
        if isinstance(self.result, Exception):
            raise self.result
        return self.result  # type: ignore[return-value]


def test_default_pipeline_names() -> None:
    """The default pipeline runs the seven built-in steps in a fixed order."""
    assert Pipeline.default().names == (
        "extract_html",
        "fix_encoding",
        "normalize_whitespace",
        "remove_chrome",
        "parse_dateline",
        "extract_title",
        "normalize_spelling",
    )


def test_without_then_replace_return_new_pipelines() -> None:
    """without, then and replace leave the original pipeline as it was."""
    base = Pipeline.default()
    smaller = base.without("normalize_spelling", "extract_title")
    assert "normalize_spelling" not in smaller.names and len(smaller) == len(base) - 2
    longer = smaller.then(Upper("cat"))
    assert longer.names[-1] == "upper"
    replaced = base.replace("remove_chrome", cleaners.remove_chrome(max_removed=0.2))
    assert replaced.names == base.names
    chrome_at = base.names.index("remove_chrome")
    assert replaced.steps[chrome_at] == cleaners.remove_chrome(max_removed=0.2)
    assert base == Pipeline.default()


def test_unknown_and_duplicate_names_are_errors() -> None:
    """Naming a missing step, or adding a second step of the same name, raises PipelineError."""
    with pytest.raises(PipelineError, match="no step named 'nope'"):
        Pipeline.default().without("nope")
    with pytest.raises(PipelineError, match="duplicate step name 'remove_chrome'"):
        Pipeline.default().then(cleaners.remove_chrome())
    with pytest.raises(PipelineError, match="must be cleaners"):
        Pipeline([object()])  # type: ignore[list-item]


def test_repr_reads_like_the_calls_that_build_it() -> None:
    """The repr names each step with its options."""
    pipeline = Pipeline([cleaners.remove_chrome(max_removed=0.3), cleaners.normalize_whitespace()])
    assert repr(pipeline) == (
        "Pipeline([remove_chrome(max_removed=0.3, extra_phrases=frozenset()), "
        "normalize_whitespace()])"
    )


def test_pipeline_pickles_and_still_cleans() -> None:
    """A pickled default pipeline comes back equal and gives the same result."""
    pipeline = Pipeline.default()
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline and copy.names == pipeline.names
    raw = "Share Tweet Email\n\nThe council met on Monday and agreed the budget."
    assert copy.clean(raw) == pipeline.clean(raw)


def test_pipeline_call_and_clean_keyword_agree() -> None:
    """pipeline(raw), pipeline.clean(raw) and clean(raw, pipeline=...) are the same."""
    pipeline = Pipeline([Upper("cat")])
    raw = "the cat sat"
    assert pipeline(raw) == pipeline.clean(raw) == clean(raw, pipeline=pipeline)
    assert pipeline(raw).text == "the CAT sat"


def test_changes_point_into_the_input() -> None:
    """After an earlier step shifts the text, a later change's span still points into the input."""
    pipeline = Pipeline([cleaners.normalize_whitespace(), Upper("cat")])
    raw = "a    b  the cat"
    result = pipeline.clean(raw)
    assert result.text == "a b the CAT"
    change = result.changes[-1]
    assert change.cleaner == "upper"
    assert raw[change.span.start : change.span.end] == "cat"
    assert replay(raw, result.changes) == result.text


def test_cleaner_exception_is_wrapped_with_its_name() -> None:
    """A step that raises becomes a CleanerError naming it, with the cause chained."""
    cause = RuntimeError("boom")
    with pytest.raises(CleanerError, match="'broken' raised RuntimeError: boom") as info:
        Pipeline([Broken(cause)]).clean("text")
    assert info.value.__cause__ is cause
    assert info.value.cleaner == "broken"
    assert isinstance(info.value, ScrapecleanError)


@pytest.mark.parametrize(
    ("result", "message"),
    [
        pytest.param("nope", "returned str, expected a Proposal", id="not-a-proposal"),
        pytest.param(Proposal(edits=[1]), "edit 0 of type int", id="not-an-edit"),  # type: ignore[list-item]
        pytest.param(
            Proposal(edits=(Edit.delete(2, 99, kind="k", reason="r"),)),
            "beyond the end of the text",
            id="out-of-bounds",
        ),
        pytest.param(
            Proposal(
                edits=(
                    Edit.delete(3, 5, kind="k", reason="r"),
                    Edit.delete(4, 6, kind="k", reason="r"),
                )
            ),
            "overlaps or comes before",
            id="overlapping",
        ),
        pytest.param(
            Proposal(
                edits=(
                    Edit.delete(4, 5, kind="k", reason="r"),
                    Edit.delete(0, 1, kind="k", reason="r"),
                )
            ),
            "sorted and disjoint",
            id="unsorted",
        ),
        pytest.param(Proposal(edits="x"), "expected a tuple", id="edits-not-a-sequence"),  # type: ignore[arg-type]
        pytest.param(Proposal(title=3), "title of type int", id="title-not-str"),  # type: ignore[arg-type]
        pytest.param(Proposal(dateline="x"), "dateline of type str", id="dateline-wrong"),  # type: ignore[arg-type]
        pytest.param(
            Proposal(warnings=(1,)), "warnings that are not all str", id="warning-not-str"
        ),  # type: ignore[arg-type]
    ],
)
def test_invalid_proposals_name_the_cleaner(result: object, message: str) -> None:
    """Edits the pipeline cannot apply raise CleanerError naming the step and the problem."""
    with pytest.raises(CleanerError, match=message) as info:
        Pipeline([Broken(result)]).clean("some text here")
    assert "'broken'" in str(info.value)


def test_noop_edits_are_not_recorded() -> None:
    """An edit that replaces text with itself leaves no change behind."""
    proposal = Proposal(edits=(Edit.replace(0, 4, "same", kind="k", reason="r"),))
    result = Pipeline([Broken(proposal)]).clean("same text")
    assert result.changes == () and result.text == "same text"


def test_steps_are_recorded_in_the_result() -> None:
    """The result lists the steps that ran."""
    result = Pipeline([Upper("x")]).clean("x")
    assert result.steps == ("upper",)


def test_a_text_the_steps_empty_gets_a_warning() -> None:
    """However the steps emptied it, a document is never emptied silently."""
    result = Pipeline([cleaners.remove_chrome(max_removed=1.0)]).clean("Share\nTweet\nEmail\n")
    assert result.text.strip() == ""
    assert result.warnings == (
        "clean: the cleaned text is empty: the steps removed every part of it",
    )
    assert Pipeline([cleaners.remove_chrome()]).clean("").warnings == ()
