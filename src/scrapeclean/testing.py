"""Test helpers for code that uses scrapeclean: assertions, golden files, an article corpus.

Everything here works without pytest (the assertions raise `AssertionError` with a message
that says what is wrong and where); the pytest plugin (`scrapeclean.pytest_plugin`) wraps it
in fixtures. Nothing is imported until it is used.

- `assert_cleans_to(raw, expected)`: the cleaned text is `expected`, else a diff and the
  result's explanation.
- `assert_no_chrome(text)`, `assert_no_mojibake(text)`: no page furniture (interface words,
  icon labels, menus, prompts) and no text decoded with the wrong encoding, each finding with
  its line, rule id and reason.
- `assert_published(result, when)`: the publication time, with where it came from.
- `render_golden(result)`: the golden-file form of a result; `check_golden(result, path)`
  compares it with a stored file.
- `article_corpus()`: dirty articles written for this project, with their expected results;
  `corpus_params()` and `parametrize_corpus()` run a test over them.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapeclean._input import RawInput
    from scrapeclean._model import CleanResult
    from scrapeclean._pipeline import Pipeline, Reference

__all__ = [
    "GOLDEN_HEADER",
    "CorpusCase",
    "GoldenMismatch",
    "article_corpus",
    "assert_cleans_to",
    "assert_no_chrome",
    "assert_no_mojibake",
    "assert_published",
    "check_golden",
    "corpus_params",
    "parametrize_corpus",
    "render_golden",
]

#: The first line of every golden file; the number is the version of the golden format.
GOLDEN_HEADER = "# scrapeclean golden file, format 1: rewrite with pytest --scrapeclean-update"

# --------------------------------------------------------------------------- assertions


def _diff(expected: str, actual: str, *, expected_name: str, actual_name: str) -> str:
    """A unified diff of two texts, line by line (a missing final line end shows as a line)."""
    lines = difflib.unified_diff(
        (expected + "\n").splitlines(keepends=True),
        (actual + "\n").splitlines(keepends=True),
        fromfile=expected_name,
        tofile=actual_name,
        n=2,
    )
    return "".join(lines)


def _indent(text: str, prefix: str = "    ") -> str:
    return "".join(prefix + line for line in text.splitlines(keepends=True))


def assert_cleans_to(
    raw: RawInput,
    expected: str,
    *,
    pipeline: Pipeline | None = None,
    reference: Reference = None,
    html: bool | None = None,
) -> CleanResult:
    """Assert that cleaning `raw` gives exactly `expected`; return the result.

    On a mismatch the message shows a diff (expected, then what came out) and the result's
    explanation, so the change that removed or kept too much is named with its rule id.
    """
    from scrapeclean._pipeline import clean

    result = clean(raw, pipeline=pipeline, reference=reference, html=html)
    if result.text != expected:
        diff = _diff(expected, result.text, expected_name="expected", actual_name="cleaned")
        raise AssertionError(
            "the cleaned text is not the expected text\n"
            f"{diff}\nwhat the pipeline did:\n{_indent(result.explain())}"
        )
    return result


def _line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _findings(text: str, edits: Iterable[Any]) -> list[str]:
    """One line per edit: where it is, what it covers, its rule id and reason."""
    shown = []
    for edit in edits:
        covered = edit.span.of(text)
        start = edit.span.start + len(covered) - len(covered.lstrip("\n"))
        fix = f" (would read {edit.replacement!r})" if edit.replacement else ""
        shown.append(
            f"  line {_line_number(text, start)}: {covered.strip(chr(10))!r}{fix}\n"
            f"    {edit.rule_id}: {edit.reason}"
        )
    return shown


def assert_no_chrome(text: str) -> None:
    """Assert that `text` has no page furniture: interface words, icon labels, menus, prompts.

    A line is chrome when the library's own chrome rules (`cleaners.remove_chrome`) would
    remove it; the message lists each such line with its number, rule id and reason.
    """
    from scrapeclean import cleaners
    from scrapeclean._model import Document

    proposal = cleaners.remove_chrome(max_removed=1.0)(Document.from_text(text))
    if proposal.edits:
        found = "\n".join(_findings(text, proposal.edits))
        raise AssertionError(f"the text has {len(proposal.edits)} chrome line(s):\n{found}")


def assert_no_mojibake(text: str) -> None:
    """Assert that `text` has no mojibake (UTF-8 read as Latin-1 or cp1252, and the like).

    The message lists each stretch that looks wrongly decoded, its line, and what it should read.
    """
    from scrapeclean import cleaners
    from scrapeclean._model import Document

    cleaner = cleaners.fix_encoding(normalization=None, unescape_html=False, remove_invisible=False)
    edits = [edit for edit in cleaner(Document.from_text(text)).edits if edit.kind == "mojibake"]
    if edits:
        found = "\n".join(_findings(text, edits))
        raise AssertionError(f"the text has {len(edits)} stretch(es) of mojibake:\n{found}")


def _when(value: datetime | date | str) -> datetime | date:
    if isinstance(value, str):
        has_time = "T" in value or " " in value
        return datetime.fromisoformat(value) if has_time else date.fromisoformat(value)
    return value


def _published_source(result: CleanResult) -> str:
    finding = result.metadata.source_of("published")
    if finding is None:
        return "no step found a publication time"
    where = "" if finding.span is None else f" at {finding.span.to_list()}"
    return f"found by {finding.step} in {finding.origin}{where}"


def assert_published(result: CleanResult, when: datetime | date | str) -> None:
    """Assert that `result` was published at `when`.

    `when` is a datetime (compared exactly, time zone included), a date (only the day is
    compared) or an ISO 8601 string of either. The message says what was found, by which step
    and from where, and the dateline text.
    """
    wanted = _when(when)
    found = result.published
    if isinstance(wanted, datetime):
        same = found == wanted and (found.tzinfo is None) == (wanted.tzinfo is None)
    else:
        same = found is not None and found.date() == wanted
    if same:
        return
    shown = None if found is None else found.isoformat()
    lines = [
        f"published is {shown}, expected {wanted.isoformat()}",
        f"  source: {_published_source(result)}",
    ]
    if (
        found is not None
        and isinstance(wanted, datetime)
        and (found.tzinfo is None) != (wanted.tzinfo is None)
    ):
        lines.append("  one time has a time zone and the other has none")
    if result.dateline is not None and result.dateline.raw:
        lines.append(f"  dateline text: {result.dateline.raw!r}")
    lines.extend(f"  warning: {warning}" for warning in result.warnings if "published" in warning)
    raise AssertionError("\n".join(lines))


# --------------------------------------------------------------------------- golden files


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return "; ".join(value)
    return str(value)


def _metadata_lines(result: CleanResult) -> list[str]:
    """One line per set metadata field, in a fixed order, with the step and origin."""
    from scrapeclean._model import METADATA_FIELDS

    metadata = result.metadata
    lines = []
    for name in [*METADATA_FIELDS, *(key for key, _ in metadata.extra)]:
        value = metadata.get(name)
        if value is None:
            continue
        finding = metadata.source_of(name)
        origin = "" if finding is None else f"  ({finding.step}, {finding.origin})"
        lines.append(f"{name}: {_shown(value)}{origin}")
    dateline = result.dateline
    if dateline is not None:
        for label in ("location", "agency", "raw"):
            value = getattr(dateline, label)
            if value:
                lines.append(f"dateline.{label}: {_quoted(value)}")
        if dateline.span is not None:
            lines.append(f"dateline.span: {dateline.span.to_list()}")
    return lines


def _change_lines(result: CleanResult) -> list[str]:
    """One line per change: span in the input, step, rule id, what it replaced and with what."""
    return [
        f"{change.span.to_list()} {change.cleaner} {change.rule or change.kind}: "
        f"{_quoted(change.before)} -> {_quoted(change.after)}"
        for change in result.changes
    ]


def render_golden(result: CleanResult) -> str:
    """The golden-file form of `result`: text, metadata, changes and warnings, in sections.

    The format is plain text, one fact per line, in a fixed order, so a diff of two golden
    files reads as what changed. Text lines start with ``| `` (``|`` alone for an empty line),
    so any line is unambiguous and no line ends in a space the text does not have; metadata
    gives each field with the step that found it; each change is its span in the input, the
    step, the rule id and the quoted text before and after (reasons, being prose for people,
    are left out). Nothing in it depends on the machine, the
    day or the Python version: no clock, no paths, no dict order.
    """
    sections = [
        [GOLDEN_HEADER],
        ["== text ==", *(f"| {line}" if line else "|" for line in result.text.split("\n"))],
        ["== metadata ==", *_metadata_lines(result)],
        [f"== changes ({len(result.changes)}) ==", *_change_lines(result)],
    ]
    if result.warnings:
        sections.append(["== warnings ==", *(f"- {warning}" for warning in result.warnings)])
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


@dataclass(frozen=True, slots=True)
class GoldenMismatch:
    """How a result compared with its golden file: the outcome and a message for the person.

    `status` is ``"same"``, ``"missing"`` (the file did not exist), ``"different"``, or
    ``"written"`` (it was missing or different and has been written because updating was asked).
    """

    status: str
    path: Path
    message: str = ""

    @property
    def failed(self) -> bool:
        """Whether the comparison should fail a test."""
        return self.status in ("missing", "different")


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def check_golden(
    result: CleanResult, path: Path, *, update: bool = False, shown_as: str | None = None
) -> GoldenMismatch:
    """Compare `result` with the golden file at `path`; write it when missing or `update`.

    A missing file is written and reported as ``"missing"`` (a failure: check the new file and
    commit it), unless `update`. A different file is reported with a diff of the stored and the
    new form, and the result's explanation, and rewritten only when `update`. `shown_as` is how
    to name the file in messages (a path relative to the project, never an absolute one).
    """
    name = shown_as or path.name
    new = render_golden(result)
    stored = _read(path)
    if stored is not None:
        stored = stored.replace("\r\n", "\n")
    if stored == new:
        return GoldenMismatch("same", path)
    if update:
        _write(path, new)
        return GoldenMismatch("written", path, f"wrote {name}")
    if stored is None:
        _write(path, new)
        return GoldenMismatch(
            "missing",
            path,
            f"golden file {name} did not exist; it has been written now: read it, and commit "
            "it if it is right (the test passes from the next run)",
        )
    diff = _diff(stored, new, expected_name=f"{name} (stored)", actual_name="now")
    return GoldenMismatch(
        "different",
        path,
        f"the result differs from golden file {name}\n{diff}\n"
        f"what the pipeline did:\n{_indent(result.explain())}\n"
        "if the new result is right, rewrite the file with: pytest --scrapeclean-update",
    )


# --------------------------------------------------------------------------- article corpus


@dataclass(frozen=True, slots=True)
class CorpusCase:
    """One dirty article written for this project, with what cleaning it should give.

    `raw` is the article as scraped (HTML or text); `reference` the time relative dates resolve
    against. `expected_text` is the article body; `title`, `published` and `authors`, when set,
    are expected too. `known_failure` says why the default pipeline gets this case wrong today
    (None when it gets it right): such cases are kept, not hidden, so a fix shows up.
    """

    id: str
    description: str
    language: str
    format: str
    tags: tuple[str, ...]
    raw: str
    expected_text: str
    reference: datetime | None = None
    title: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    known_failure: str | None = None

    def clean(self, pipeline: Pipeline | None = None) -> CleanResult:
        """Clean this case's input with `pipeline` (default: the default pipeline)."""
        from scrapeclean._pipeline import clean

        return clean(self.raw, pipeline=pipeline, reference=self.reference)

    def problems(self, result: CleanResult) -> list[str]:
        """What in `result` differs from this case's expectations (empty when all is right)."""
        problems = []
        if result.text != self.expected_text:
            diff = _diff(
                self.expected_text, result.text, expected_name="expected", actual_name="cleaned"
            )
            problems.append(f"text:\n{diff}")
        if self.title is not None and result.title != self.title:
            problems.append(f"title: {result.title!r}, expected {self.title!r}")
        if self.published is not None and result.published != self.published:
            shown = None if result.published is None else result.published.isoformat()
            problems.append(f"published: {shown}, expected {self.published.isoformat()}")
        if self.authors and result.metadata.authors != self.authors:
            problems.append(f"authors: {result.metadata.authors!r}, expected {self.authors!r}")
        return problems

    def check(self, result: CleanResult) -> None:
        """Raise an `AssertionError` listing every way `result` misses this case."""
        problems = self.problems(result)
        if problems:
            raise AssertionError(
                f"corpus case {self.id!r} ({self.description}):\n"
                + "\n".join(problems)
                + f"\nwhat the pipeline did:\n{_indent(result.explain())}"
            )


def _corpus_dir() -> Any:
    from importlib.resources import files

    return files("scrapeclean").joinpath("data").joinpath("corpus")


def _case(entry: dict[str, Any]) -> CorpusCase:
    folder = _corpus_dir()
    raw = folder.joinpath(entry["input"]).read_text(encoding="utf-8")
    expected = folder.joinpath(entry["expected"]).read_text(encoding="utf-8").rstrip("\n")
    expect = entry.get("expect", {})
    return CorpusCase(
        id=entry["id"],
        description=entry["description"],
        language=entry["language"],
        format=entry["format"],
        tags=tuple(entry.get("tags", ())),
        raw=raw,
        expected_text=expected,
        reference=_optional_time(entry.get("reference")),
        title=expect.get("title"),
        published=_optional_time(expect.get("published")),
        authors=tuple(expect.get("authors", ())),
        known_failure=entry.get("known_failure"),
    )


def _optional_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


@lru_cache(maxsize=1)
def _load_corpus() -> tuple[CorpusCase, ...]:
    index = json.loads(_corpus_dir().joinpath("cases.json").read_text(encoding="utf-8"))
    return tuple(_case(entry) for entry in index["cases"])


def article_corpus(*, tags: Sequence[str] = ()) -> tuple[CorpusCase, ...]:
    """The corpus cases, in a fixed order; with `tags`, only cases that have all of them.

    The articles are written for this project (no real site's text); the index with each case's
    expectations is ``scrapeclean/data/corpus/cases.json``.
    """
    return tuple(case for case in _load_corpus() if all(tag in case.tags for tag in tags))


def corpus_params(*, tags: Sequence[str] = (), known_failures: str = "xfail") -> list[Any]:
    """The corpus as ``pytest.param`` objects with ids, for ``@pytest.mark.parametrize``.

    `known_failures` says what to do with cases the default pipeline gets wrong: ``"xfail"``
    (mark them non-strict xfail with the reason, since a custom pipeline may pass them),
    ``"run"`` (run them like the others) or ``"skip"``.
    """
    import pytest

    if known_failures not in ("xfail", "run", "skip"):
        raise ValueError(f"known_failures must be 'xfail', 'run' or 'skip', not {known_failures!r}")
    params = []
    for case in article_corpus(tags=tags):
        marks: list[Any] = []
        if case.known_failure and known_failures == "xfail":
            marks.append(pytest.mark.xfail(reason=case.known_failure, strict=False))
        elif case.known_failure and known_failures == "skip":
            marks.append(pytest.mark.skip(reason=case.known_failure))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def parametrize_corpus(
    argname: str = "case", *, tags: Sequence[str] = (), known_failures: str = "xfail"
) -> Any:
    """A ``pytest.mark.parametrize`` decorator that runs a test once per corpus case.

    >>> @parametrize_corpus()                               # doctest: +SKIP
    ... def test_my_pipeline(case):
    ...     case.check(case.clean(my_pipeline))
    """
    import pytest

    return pytest.mark.parametrize(argname, corpus_params(tags=tags, known_failures=known_failures))
