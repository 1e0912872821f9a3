"""Every example in the README and in docs/ runs: Python blocks, and doctests with their output."""

from __future__ import annotations

import doctest
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
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
