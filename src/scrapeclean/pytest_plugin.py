"""The scrapeclean pytest plugin: fixtures to test what scraped pages clean to.

Registered through the ``pytest11`` entry point, so it is active once scrapeclean is installed
(``pytest -p no:scrapeclean`` turns it off). It is cheap when unused: this module imports only
pytest and the standard library; the library itself loads when a fixture is first used.

Fixtures:

- ``scrapeclean_pipeline``: the pipeline under test (the default one; override the fixture in a
  conftest.py, or set ``@pytest.mark.scrapeclean(variant=..., without=[...], reference=...)``).
- ``scrapeclean_reference``: the reference time from the marker (None without one).
- ``clean_snapshot``: ``clean_snapshot(raw_or_result)`` compares a result with its golden file
  next to the test (``golden/<test module>/<test name>.txt``); ``--scrapeclean-update``
  rewrites golden files.
- ``article_corpus``: the corpus of dirty articles with their expected results.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from scrapeclean._model import CleanResult
    from scrapeclean._pipeline import Pipeline
    from scrapeclean.testing import CorpusCase

__all__ = [
    "GOLDEN_DIR",
    "CleanSnapshot",
    "article_corpus",
    "clean_snapshot",
    "scrapeclean_pipeline",
    "scrapeclean_reference",
]

#: The folder, next to a test module, that holds its golden files.
GOLDEN_DIR = "golden"
_MARKER = "scrapeclean"
_MARKER_OPTIONS = ("variant", "without", "reference")
_UPDATE = "--scrapeclean-update"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--scrapeclean-update``."""
    group = parser.getgroup("scrapeclean")
    group.addoption(
        _UPDATE,
        action="store_true",
        default=False,
        help="scrapeclean: write golden files that are missing or differ, instead of failing",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Declare the ``scrapeclean`` marker (so ``--strict-markers`` accepts it)."""
    config.addinivalue_line(
        "markers",
        "scrapeclean(variant=None, without=(), reference=None): the pipeline and reference "
        "time the scrapeclean fixtures use in this test",
    )


def _marker_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The closest ``scrapeclean`` marker's options, checked, or an empty dict."""
    marker = request.node.get_closest_marker(_MARKER)
    if marker is None:
        return {}
    if marker.args:
        raise TypeError(
            f"@pytest.mark.scrapeclean takes keyword options only ({', '.join(_MARKER_OPTIONS)})"
        )
    unknown = sorted(set(marker.kwargs) - set(_MARKER_OPTIONS))
    if unknown:
        raise TypeError(
            f"@pytest.mark.scrapeclean got unknown option(s) {', '.join(unknown)}; "
            f"it takes {', '.join(_MARKER_OPTIONS)}"
        )
    return dict(marker.kwargs)


def _configured(options: dict[str, Any]) -> Pipeline:
    """The default pipeline with the marker's spelling variant and steps left out."""
    from scrapeclean import cleaners
    from scrapeclean._pipeline import Pipeline

    pipeline = Pipeline.default()
    variant = options.get("variant")
    if variant is not None:
        pipeline = pipeline.replace(
            "normalize_spelling", cleaners.normalize_spelling(variant=variant)
        )
    without = options.get("without", ())
    if isinstance(without, str):
        without = (without,)
    if without:
        pipeline = pipeline.without(*without)
    return pipeline


@pytest.fixture
def scrapeclean_pipeline(request: pytest.FixtureRequest) -> Pipeline:
    """The pipeline under test: the default one, changed by a ``scrapeclean`` marker.

    ``@pytest.mark.scrapeclean(variant="en-GB")`` sets the spelling variant and
    ``without=["normalize_spelling"]`` leaves steps out. Override this fixture in a conftest.py
    to test your own pipeline everywhere.
    """
    return _configured(_marker_options(request))


@pytest.fixture
def scrapeclean_reference(request: pytest.FixtureRequest) -> Any:
    """The time relative dates resolve against: the marker's ``reference``, else None."""
    return _marker_options(request).get("reference")


def _safe(name: str) -> str:
    """A file name for a test name: parametrisation brackets and odd characters made plain."""
    return _UNSAFE.sub("_", name).strip("_") or "test"


def _shown(path: Path, root: Path) -> str:
    """`path` relative to the project root when it is inside it (messages never show absolute)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


@dataclass
class CleanSnapshot:
    """Compares results with golden files; given to a test as the ``clean_snapshot`` fixture.

    ``clean_snapshot(raw)`` cleans `raw` with ``scrapeclean_pipeline`` (and the marker's
    reference time) and compares the result with the golden file; ``clean_snapshot(result)``
    compares a result you made. ``name=`` tells several golden files of one test apart.
    Returns the result.
    """

    folder: Path
    stem: str
    root: Path
    update: bool
    pipeline: Pipeline
    reference: Any
    _used: Sequence[str] = ()

    def path(self, name: str | None = None) -> Path:
        """The golden file for this test (and `name`)."""
        suffix = "" if name is None else f"-{_safe(name)}"
        return self.folder / f"{self.stem}{suffix}.txt"

    def __call__(self, raw_or_result: Any, *, name: str | None = None) -> CleanResult:
        """Compare `raw_or_result` (input to clean, or a `CleanResult`) with the golden file."""
        from scrapeclean._model import CleanResult
        from scrapeclean.testing import check_golden

        if isinstance(raw_or_result, CleanResult):
            result = raw_or_result
        else:
            result = self.pipeline.clean(raw_or_result, reference=self.reference)
        key = name or ""
        if key in self._used:
            raise ValueError(
                "this test already compared a result with this golden file: give each "
                "comparison its own name, e.g. clean_snapshot(result, name='second')"
            )
        self._used = (*self._used, key)
        path = self.path(name)
        outcome = check_golden(result, path, update=self.update, shown_as=_shown(path, self.root))
        if outcome.failed:
            pytest.fail(outcome.message, pytrace=False)
        return result


@pytest.fixture
def clean_snapshot(
    request: pytest.FixtureRequest, scrapeclean_pipeline: Pipeline, scrapeclean_reference: Any
) -> CleanSnapshot:
    """Compare cleaning results with golden files stored next to the test.

    The file is ``golden/<test module>/<test name>.txt`` beside the test module: plain text
    with the cleaned text, the metadata, and each change by span and rule id. A missing file
    fails the test and is written; a different one fails with a diff and the explanation;
    ``pytest --scrapeclean-update`` rewrites them.
    """
    module = Path(str(request.node.path))
    return CleanSnapshot(
        folder=module.parent / GOLDEN_DIR / module.stem,
        stem=_safe(request.node.name),
        root=Path(str(request.config.rootpath)),
        update=bool(request.config.getoption(_UPDATE)),
        pipeline=scrapeclean_pipeline,
        reference=scrapeclean_reference,
    )


@pytest.fixture(scope="session")
def article_corpus() -> tuple[CorpusCase, ...]:
    """The corpus of dirty articles written for scrapeclean, with their expected results.

    Each case has ``raw``, ``reference``, ``expected_text`` (and ``title``, ``published``,
    ``authors`` when set), ``clean(pipeline)`` and ``check(result)``. Cases the default
    pipeline gets wrong today carry ``known_failure`` with the reason. To get one test per
    case, use ``scrapeclean.testing.parametrize_corpus()``.
    """
    from scrapeclean.testing import article_corpus as corpus

    return corpus()
