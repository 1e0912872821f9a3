"""Every example in the README and in docs/ runs: Python blocks, doctests and console sessions.

A console block (```console) is a shell session: lines starting with `$ ` are commands, run in
order by bash in one empty directory with this interpreter's scripts first on PATH; the lines
after a command are its expected output (doctest rules: `...` matches anything, and runs of
whitespace compare equal, so blank lines may be written as they are). A command must exit with
status 0.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.DOTALL | re.MULTILINE)
OPTIONAL = ("dask", "pandas", "pyspark", "ray", "scrapy")


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        for number, code in enumerate(BLOCK.findall(page.read_text(encoding="utf-8"))):
            found.append((str(page.relative_to(ROOT)), number, code))
    return found


def _needs(code: str) -> list[str]:
    imported = set(re.findall(r"^(?:import|from) (\w+)", code, re.MULTILINE))
    return [name for name in OPTIONAL if name in imported]


def test_batch_page_has_the_spark_and_ray_recipes() -> None:
    needs = [set(_needs(code)) for page, _, code in _blocks() if page.endswith("batch.md")]
    assert any("pyspark" in found for found in needs)
    assert any("ray" in found for found in needs)


@pytest.mark.parametrize(("page", "number", "code"), _blocks(), ids=lambda v: str(v)[:20])
def test_python_block_runs(page: str, number: int, code: str, tmp_path: Path) -> None:
    missing = [name for name in _needs(code) if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f"{page} example {number} needs {', '.join(missing)}, not installed")
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, f"{page} example {number}:\n{done.stderr[-3000:]}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_doctests_give_the_outputs_shown(page: Path) -> None:
    failures, _ = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert failures == 0


def _sessions() -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        for number, session in enumerate(CONSOLE.findall(page.read_text(encoding="utf-8"))):
            found.append((str(page.relative_to(ROOT)), number, session))
    return found


def _commands(session: str) -> list[tuple[str, str]]:
    """The session as (command, expected output) pairs."""
    pairs: list[tuple[str, list[str]]] = []
    for line in session.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
        elif line.strip():
            raise AssertionError(f"console block starts with output, not a command: {line!r}")
    return [(command, "".join(f"{line}\n" for line in output)) for command, output in pairs]


def test_console_sessions_are_read_as_commands_and_outputs() -> None:
    assert _commands("$ echo a\na\n$ true\n") == [("echo a", "a\n"), ("true", "")]
    assert any(page.endswith("cli.md") for page, _, _ in _sessions())


@pytest.mark.parametrize(("page", "number", "session"), _sessions(), ids=lambda v: str(v)[:20])
def test_console_session_gives_the_outputs_shown(
    page: str, number: int, session: str, tmp_path: Path
) -> None:
    scripts = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("NO_COLOR", None)
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    for command, expected in _commands(session):
        done = subprocess.run(
            ["bash", "-c", command],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            cwd=tmp_path,
            env=env,
        )
        assert done.returncode == 0, f"{page} session {number}: {command}\n{done.stderr[-3000:]}"
        assert checker.check_output(expected, done.stdout, flags), (
            f"{page} session {number}: {command}\nexpected:\n{expected}\ngot:\n{done.stdout}"
        )
