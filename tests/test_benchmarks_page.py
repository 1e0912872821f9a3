"""The benchmarks page generator: tables, figures and the README section come from the results."""

from __future__ import annotations

import importlib.util
import sys
import xml.dom.minidom
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "benchmarks_page", ROOT / "scripts" / "benchmarks_page.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmarks_page"] = module
    spec.loader.exec_module(module)
    return module


GEN = _generator()

DATA: dict[str, dict[str, Any]] = {
    "extraction": {
        "zyte-dev": {
            "note": "92 pages",
            "rows": [
                {"extractor": "scrapeclean", "f1": 0.9512, "docs_per_s": 40.0},
                {"extractor": "trafilatura", "f1": 0.9448, "docs_per_s": 60.0},
            ],
        }
    },
    "pipeline": {
        "throughput": {
            "note": "",
            "rows": [
                {"name": "ftfy.fix_text", "kind": "peer", "mb_per_s": 2.0, "x_ftfy": 1.0},
                {
                    "name": "default pipeline",
                    "kind": "scrapeclean",
                    "mb_per_s": 3.1,
                    "x_ftfy": 1.55,
                },
            ],
        }
    },
}


def test_every_benchmark_on_the_page_is_a_script_that_records_its_rows() -> None:
    for bench in GEN.BENCHES:
        script = ROOT / "benchmarks" / bench.script
        assert script.exists(), bench.script
        assert "record(" in script.read_text("utf-8"), f"{bench.script} records no rows"


def test_table_has_a_column_per_key_and_a_row_per_row() -> None:
    text = GEN.table([{"a": 1, "b": 0.12345}, {"a": None, "b": "x|y"}])
    assert text.splitlines() == ["| a | b |", "| --- | --- |", "| 1 | 0.123 |", "| – | x\\|y |"]


def test_figures_are_well_formed_svg_drawn_from_the_rows() -> None:
    made = GEN.figures(DATA)
    assert set(made) == {"extraction.svg", "throughput.svg"}
    for svg in made.values():
        xml.dom.minidom.parseString(svg)
    assert "trafilatura" in made["extraction.svg"]
    assert "3.1 MB/s" in made["throughput.svg"]
    assert GEN.figures({}) == {}


def test_page_shows_each_table_the_machine_and_the_versions() -> None:
    made = GEN.figures(DATA)
    text = GEN.page(DATA, made, {"spelling": "ImportError: x"}, "python scripts/benchmarks_page.py")
    assert "| scrapeclean | 0.951 | 40 |" in text
    assert "| default pipeline | scrapeclean | 3.1 | 1.55 |" in text
    assert "| python |" in text and "scrapeclean " in text
    assert "![Article text from HTML](img/extraction.svg)" in text
    assert "The script failed in this run: `ImportError: x`." in text


def test_readme_section_states_the_run_figures_between_its_markers() -> None:
    section = GEN.readme_section(DATA, GEN.figures(DATA))
    assert section.startswith(GEN.START) and section.endswith(GEN.END)
    assert "scrapeclean 0.951; trafilatura 0.945" in section
    assert "3.10 MB/s, 1.55x" in section
    assert "docs/img/extraction.svg" in section


def test_readme_has_the_markers_the_generator_fills() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme.count(GEN.START) == 1 and readme.count(GEN.END) == 1
