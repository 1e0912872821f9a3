"""Every Python example in docs/batch.md runs (Spark and Ray recipes where installed)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "docs" / "batch.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
OPTIONAL = ("dask", "pandas", "pyspark", "ray", "scrapy")


def _blocks() -> list[str]:
    return BLOCK.findall(PAGE.read_text(encoding="utf-8"))


def _needs(code: str) -> list[str]:
    imported = set(re.findall(r"^(?:import|from) (\w+)", code, re.MULTILINE))
    return [name for name in OPTIONAL if name in imported]


def test_the_page_has_the_recipes() -> None:
    needs = [set(_needs(code)) for code in _blocks()]
    assert any("pyspark" in found for found in needs)
    assert any("ray" in found for found in needs)


@pytest.mark.parametrize("number", range(len(_blocks())))
def test_example_runs(number: int) -> None:
    code = _blocks()[number]
    missing = [name for name in _needs(code) if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f"example {number} needs {', '.join(missing)}, not installed")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
