"""The pytest plugin and scrapeclean.testing: fixtures, golden files, assertions, corpus."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from scrapeclean import Pipeline, clean
from scrapeclean.testing import (
    GOLDEN_HEADER,
    CorpusCase,
    article_corpus,
    assert_cleans_to,
    assert_no_chrome,
    assert_no_mojibake,
    assert_published,
    check_golden,
    parametrize_corpus,
    render_golden,
)

pytest_plugins = ("pytester",)

REPO = Path(__file__).resolve().parents[1]
DIRTY = "Share Tweet Email\n\nBy Ann Lee | 4 May 2020 10:15\n\nThe ferry ran late on Monday.\n"

ARTICLE_TEST = """
def test_article(clean_snapshot):
    clean_snapshot({raw!r})
"""


def _write_article_test(pytester: pytest.Pytester, raw: str) -> None:
    pytester.makepyfile(test_article=ARTICLE_TEST.format(raw=raw))


def _golden(pytester: pytest.Pytester, name: str = "test_article") -> Path:
    return pytester.path / "golden" / "test_article" / f"{name}.txt"


# --------------------------------------------------------------------------- golden files


def test_golden_life_cycle(pytester: pytest.Pytester) -> None:
    """Missing → fail and write → pass → input changes → fail with a diff → update → pass."""
    _write_article_test(pytester, DIRTY)
    first = pytester.runpytest()
    first.assert_outcomes(failed=1)
    first.stdout.fnmatch_lines(["*golden file golden/test_article/test_article.txt did not exist*"])
    written = _golden(pytester).read_text(encoding="utf-8")
    assert written.startswith(GOLDEN_HEADER)
    assert "| The ferry ran late on Monday." in written

    pytester.runpytest().assert_outcomes(passed=1)

    _write_article_test(pytester, DIRTY.replace("ferry ran late", "ferry ran on time"))
    changed = pytester.runpytest()
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(
        [
            "*the result differs from golden file golden/test_article/test_article.txt*",
            "-| The ferry ran late on Monday.",
            "+| The ferry ran on time on Monday.",
            "*what the pipeline did:*",
            "*chrome.ui_labels*",
            "*pytest --scrapeclean-update*",
        ]
    )
    assert _golden(pytester).read_text(encoding="utf-8") == written, "a mismatch must not write"

    pytester.runpytest("--scrapeclean-update").assert_outcomes(passed=1)
    assert "ferry ran on time" in _golden(pytester).read_text(encoding="utf-8")
    pytester.runpytest().assert_outcomes(passed=1)


def test_golden_diff_shows_changed_changes(pytester: pytest.Pytester) -> None:
    """When a rule stops firing, the diff shows the change line that went away, with its rule."""
    _write_article_test(pytester, DIRTY)
    pytester.runpytest()
    pytester.makeconftest(
        """
        import pytest
        from scrapeclean import Pipeline

        @pytest.fixture
        def scrapeclean_pipeline():
            return Pipeline.default().without("remove_chrome")
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['-* remove_chrome chrome.ui_labels: "Share Tweet Email*'])


def test_missing_golden_with_update_passes(pytester: pytest.Pytester) -> None:
    """With --scrapeclean-update a missing golden file is written and the test passes."""
    _write_article_test(pytester, DIRTY)
    pytester.runpytest("--scrapeclean-update").assert_outcomes(passed=1)
    assert _golden(pytester).is_file()


def test_golden_names_and_parametrised_tests(pytester: pytest.Pytester) -> None:
    """Parametrised tests and named comparisons get their own plain file names."""
    pytester.makepyfile(
        test_article="""
        import pytest

        @pytest.mark.parametrize("raw", ["One line.", "Another line."], ids=["one", "two"])
        def test_each(clean_snapshot, raw):
            clean_snapshot(raw)
            clean_snapshot(raw.upper(), name="upper case")
        """
    )
    pytester.runpytest().assert_outcomes(failed=2)
    pytester.runpytest().assert_outcomes(failed=2)
    names = sorted(path.name for path in (pytester.path / "golden" / "test_article").iterdir())
    assert names == [
        "test_each_one-upper_case.txt",
        "test_each_one.txt",
        "test_each_two-upper_case.txt",
        "test_each_two.txt",
    ]
    pytester.runpytest().assert_outcomes(passed=2)


def test_same_golden_twice_is_an_error(pytester: pytest.Pytester) -> None:
    """Comparing two results with one golden file in one test says to name them."""
    pytester.makepyfile(
        test_article="""
        def test_twice(clean_snapshot):
            clean_snapshot("First text.", name="a")
            clean_snapshot("Second text.", name="a")
        """
    )
    result = pytester.runpytest("--scrapeclean-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*give each comparison its own name*"])


def test_render_golden_is_stable_across_processes() -> None:
    """The golden form does not depend on hash seed, time zone or clock."""
    code = (
        "from datetime import datetime; from scrapeclean import clean; "
        "from scrapeclean.testing import render_golden; import sys; "
        "sys.stdout.write(render_golden(clean(sys.stdin.read(), "
        "reference=datetime(2024, 1, 10, 12, 0))))"
    )
    raw = "Posted 3 hours ago\n\nShare Tweet Email\n\nThe cafÃ© reopened on Monday.\n"
    outputs = set()
    for seed, zone in (("1", "UTC"), ("2", "Asia/Tokyo"), ("3", "America/New_York")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
        done = subprocess.run(
            [sys.executable, "-c", code], input=raw, capture_output=True, text=True,
            env=env, check=True, encoding="utf-8",
        )  # fmt: skip
        outputs.add(done.stdout)
    assert len(outputs) == 1
    rendered = outputs.pop()
    assert "published: 2024-01-10T09:00:00" in rendered
    assert str(REPO) not in rendered and "/tmp" not in rendered


def test_render_golden_sections() -> None:
    """The golden form has the text, the metadata with provenance, and changes by rule and span."""
    rendered = render_golden(clean(DIRTY))
    assert rendered.splitlines()[:3] == [GOLDEN_HEADER, "", "== text =="]
    assert "published: 2020-05-04T10:15:00  (parse_dateline, text)" in rendered
    assert "authors: Ann Lee  (parse_dateline, text)" in rendered
    chrome = r'^\[0, \d+\] remove_chrome chrome\.ui_labels: "Share Tweet Email'
    assert re.search(chrome, rendered, re.M)


def test_check_golden_reads_crlf_files(tmp_path: Path) -> None:
    """A golden file checked out with Windows line ends still matches."""
    result = clean(DIRTY)
    path = tmp_path / "golden.txt"
    path.write_bytes(render_golden(result).replace("\n", "\r\n").encode("utf-8"))
    assert check_golden(result, path).status == "same"


# --------------------------------------------------------------------------- marker and fixtures


def test_marker_sets_variant_without_and_reference(pytester: pytest.Pytester) -> None:
    """The scrapeclean marker changes the spelling variant, drops steps and sets the reference."""
    pytester.makepyfile(
        """
        from datetime import datetime
        import pytest

        @pytest.mark.scrapeclean(variant="en-US")
        def test_variant(scrapeclean_pipeline):
            assert scrapeclean_pipeline.clean("The colour was grey.").text == "The color was gray."

        @pytest.mark.scrapeclean(without=["normalize_spelling"])
        def test_without(scrapeclean_pipeline):
            assert "normalize_spelling" not in scrapeclean_pipeline.names

        @pytest.mark.scrapeclean(reference=datetime(2024, 1, 10, 12, 0))
        def test_reference(clean_snapshot):
            result = clean_snapshot("Posted 3 hours ago\\n\\nThe water main burst this morning.")
            assert result.published == datetime(2024, 1, 10, 9, 0)

        def test_default(scrapeclean_pipeline, scrapeclean_reference):
            from scrapeclean import Pipeline
            assert scrapeclean_pipeline == Pipeline.default()
            assert scrapeclean_reference is None
        """
    )
    pytester.runpytest("--scrapeclean-update", "--strict-markers").assert_outcomes(passed=4)


def test_marker_rejects_unknown_options(pytester: pytest.Pytester) -> None:
    """A misspelt marker option is an error that lists the options."""
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.scrapeclean(varient="en-US")
        def test_typo(scrapeclean_pipeline):
            pass
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*unknown option(s) varient; it takes variant, without, ref*"])


def test_conftest_overrides_pipeline(pytester: pytest.Pytester) -> None:
    """A conftest fixture named scrapeclean_pipeline is the pipeline clean_snapshot uses."""
    pytester.makeconftest(
        """
        import pytest
        from scrapeclean import Pipeline

        @pytest.fixture
        def scrapeclean_pipeline():
            return Pipeline.default().without("normalize_spelling")
        """
    )
    _write_article_test(pytester, "We went to teh market on Sunday morning.")
    pytester.runpytest("--scrapeclean-update").assert_outcomes(passed=1)
    assert "| We went to teh market" in _golden(pytester).read_text(encoding="utf-8")


def test_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    """With -p no:scrapeclean the fixtures are gone and other tests still run."""
    pytester.makepyfile(
        """
        def test_plain():
            assert True

        def test_uses_fixture(clean_snapshot):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:scrapeclean")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'clean_snapshot' not found*"])


def test_importlib_import_mode(pytester: pytest.Pytester) -> None:
    """Golden files work the same under --import-mode=importlib."""
    _write_article_test(pytester, DIRTY)
    pytester.runpytest("--import-mode=importlib").assert_outcomes(failed=1)
    pytester.runpytest("--import-mode=importlib").assert_outcomes(passed=1)
    assert _golden(pytester).is_file()


def test_xdist_workers(pytester: pytest.Pytester) -> None:
    """Under pytest-xdist (-n 2) golden files are written by workers and then pass."""
    pytest.importorskip("xdist")
    pytester.makepyfile(
        test_article="""
        import pytest

        @pytest.mark.parametrize("n", range(4))
        def test_many(clean_snapshot, n):
            clean_snapshot(f"Share Tweet Email\\n\\nParagraph number {n} of the article.")
        """
    )
    first = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    first.assert_outcomes(failed=4)
    assert len(list((pytester.path / "golden" / "test_article").iterdir())) == 4
    pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider").assert_outcomes(passed=4)


def test_unused_plugin_loads_no_library(pytester: pytest.Pytester) -> None:
    """In a session that uses no fixture, the plugin has imported nothing of the library."""
    pytester.makepyfile(
        """
        import sys

        def test_nothing_loaded():
            loaded = sorted(m for m in sys.modules if m.startswith("scrapeclean"))
            assert loaded == ["scrapeclean", "scrapeclean.pytest_plugin"]
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_import_scrapeclean_loads_no_pytest() -> None:
    """`import scrapeclean` and `scrapeclean.testing` load neither pytest nor the pipeline."""
    code = (
        "import sys, scrapeclean, scrapeclean.testing; "
        "print(sorted(m for m in ('pytest', '_pytest', 'scrapeclean._pipeline', 'bs4') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- assertions


def test_assert_cleans_to_passes_and_returns_result() -> None:
    """A matching expectation passes and hands back the result."""
    result = assert_cleans_to(DIRTY, "The ferry ran late on Monday.")
    assert result.metadata.authors == ("Ann Lee",)


def test_assert_cleans_to_message() -> None:
    """A mismatch shows a diff and the explanation with rule ids."""
    with pytest.raises(AssertionError) as caught:
        assert_cleans_to(DIRTY, "Share Tweet Email\n\nThe ferry ran late on Monday.")
    message = str(caught.value)
    assert "-Share Tweet Email" in message
    assert " The ferry ran late on Monday." in message
    assert "what the pipeline did:" in message and "[chrome.ui_labels]" in message


def test_assert_no_chrome() -> None:
    """Chrome lines are listed with their line number and rule id; clean prose passes."""
    assert_no_chrome("The ferry ran late on Monday.\n\nPassengers waited an hour.")
    with pytest.raises(AssertionError) as caught:
        assert_no_chrome("The ferry ran late on Monday.\n\nShare Tweet Email\n")
    message = str(caught.value)
    assert "1 chrome line(s)" in message
    assert "line 3: 'Share Tweet Email'" in message
    assert "chrome.ui_labels" in message


def test_assert_no_mojibake() -> None:
    """Mojibake is listed with what it should read; correct accents pass."""
    assert_no_mojibake("The café reopened; José was pleased.")
    with pytest.raises(AssertionError) as caught:
        assert_no_mojibake("Fine first line.\nThe cafÃ© reopened.")
    message = str(caught.value)
    assert "line 2: 'Ã©' (would read 'é')" in message
    assert "encoding.mojibake" in message


def test_assert_published_accepts_dates_times_and_strings() -> None:
    """A date compares the day, a datetime the exact time, a string either."""
    result = clean(DIRTY)
    assert_published(result, date(2020, 5, 4))
    assert_published(result, datetime(2020, 5, 4, 10, 15))
    assert_published(result, "2020-05-04")
    assert_published(result, "2020-05-04T10:15:00")


def test_assert_published_messages() -> None:
    """Failures say what was found, by which step, from where, and the dateline text."""
    result = clean(DIRTY)
    with pytest.raises(AssertionError) as caught:
        assert_published(result, date(2020, 5, 5))
    message = str(caught.value)
    assert "published is 2020-05-04T10:15:00, expected 2020-05-05" in message
    assert "found by parse_dateline in text" in message
    assert "dateline text: 'By Ann Lee | 4 May 2020 10:15'" in message
    with pytest.raises(AssertionError, match="no step found a publication time"):
        assert_published(clean("No date in this text at all."), date(2020, 5, 4))
    aware = datetime(2020, 5, 4, 10, 15, tzinfo=timezone(timedelta(hours=2)))
    with pytest.raises(AssertionError, match="one time has a time zone and the other has none"):
        assert_published(result, aware)


# --------------------------------------------------------------------------- corpus


def test_corpus_is_well_formed() -> None:
    """Ids are unique, every file in the corpus folder is used, every case has text."""
    cases = article_corpus()
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids)) >= 8
    folder = REPO / "src" / "scrapeclean" / "data" / "corpus"
    used = {"cases.json"}
    for case in cases:
        assert case.raw.strip() and case.expected_text.strip(), case.id
        used.update(path.name for path in folder.glob(f"{case.id}.*"))
    assert used == {path.name for path in folder.iterdir()}
    assert {case.language for case in cases} >= {"en", "de", "fr", "es"}
    assert {case.format for case in cases} == {"text", "html"}


def test_corpus_is_not_copied_from_the_seed_article() -> None:
    """No line of the packaged example article appears in the corpus."""
    seed = REPO / "src" / "scrapeclean" / "data" / "example-article.txt"
    lines = {line.strip() for line in seed.read_text(encoding="utf-8").splitlines()}
    lines = {line for line in lines if len(line) > 30}
    for case in article_corpus():
        assert not any(line in case.raw for line in lines), case.id


def test_corpus_filters_by_tag() -> None:
    """Tags select cases that have all of them."""
    html = article_corpus(tags=["html"])
    assert html and all(case.format == "html" for case in html)
    assert all("dateline" in c.tags for c in article_corpus(tags=["html", "dateline"]))


@parametrize_corpus(known_failures="run")
def test_default_pipeline_on_corpus(case: CorpusCase) -> None:
    """The default pipeline gets each case right, and each known failure still fails."""
    problems = case.problems(case.clean())
    if case.known_failure:
        assert problems, f"{case.id} now passes: remove its known_failure"
    else:
        assert not problems, "\n".join(problems)


def test_corpus_check_message() -> None:
    """A case's check names the case and shows a diff and the explanation."""
    case = article_corpus()[0]
    result = case.clean(Pipeline.default().without("parse_dateline", "extract_title"))
    with pytest.raises(AssertionError) as caught:
        case.check(result)
    message = str(caught.value)
    assert f"corpus case {case.id!r}" in message
    assert "+By Maria Okafor | 14 June 2022 09:30" in message


def test_known_failures_xfail_in_users_suites(pytester: pytest.Pytester) -> None:
    """Through parametrize_corpus, known failures are non-strict xfails with their reason."""
    pytester.makepyfile(
        """
        from scrapeclean.testing import parametrize_corpus

        @parametrize_corpus()
        def test_corpus(case, scrapeclean_pipeline):
            case.check(case.clean(scrapeclean_pipeline))

        def test_fixture(article_corpus):
            assert len(article_corpus) >= 8
        """
    )
    known = sum(1 for case in article_corpus() if case.known_failure)
    result = pytester.runpytest("-rx")
    result.assert_outcomes(passed=len(article_corpus()) - known + 1, xfailed=known)
    result.stdout.fnmatch_lines(["*XFAIL*de-dateline*German dateline*"])


# --------------------------------------------------------------------------- docs


def _doc_files(text: str) -> dict[str, str]:
    """The code blocks of docs/testing.md fenced as ```` ```python file=NAME ````."""
    pattern = re.compile(r"^```python file=(\S+)\n(.*?)^```", re.S | re.M)
    return dict(pattern.findall(text))


def _section(golden: str, title: str) -> str:
    return golden.split(f"== {title}", 1)[1].split("\n\n== ", 1)[0]


def test_docs_worked_example(pytester: pytest.Pytester) -> None:
    """The worked example in docs/testing.md runs as shown: written, passes, fails with a diff."""
    doc = (REPO / "docs" / "testing.md").read_text(encoding="utf-8")
    files = _doc_files(doc)
    assert set(files) == {"scraper.py", "test_scraper.py"}
    for name, body in files.items():
        pytester.path.joinpath(name).write_text(body, encoding="utf-8")
    pytester.syspathinsert()
    pytester.runpytest().assert_outcomes(passed=1, failed=1)
    golden = pytester.path / "golden" / "test_scraper" / "test_parse_article.txt"
    shown = re.search(r"<!-- golden -->\s*```\w*\n(.*?)```", doc, re.S)
    assert shown is not None
    written = golden.read_text(encoding="utf-8")
    for title in ("text", "metadata", "changes"):
        assert _section(written, title) == _section(shown.group(1), title), title
    pytester.runpytest().assert_outcomes(passed=2)

    test_file = pytester.path / "test_scraper.py"
    test_file.write_text(
        files["test_scraper.py"].replace("and never brought back", "and is only now coming back"),
        encoding="utf-8",
    )
    failure = re.search(r"<!-- failure -->\s*```\w*\n(.*?)```", doc, re.S)
    assert failure is not None
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    wanted = [line for line in failure.group(1).splitlines() if line.strip() not in ("", "...")]
    result.stdout.fnmatch_lines(wanted)
