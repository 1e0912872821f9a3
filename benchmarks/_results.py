"""Machine-readable results of a benchmark run, for the generated benchmarks page.

A script calls `record(bench, table, rows)` with the rows it printed. When the environment
variable ``SCRAPECLEAN_BENCH_RESULTS`` names a directory (``scripts/benchmarks_page.py`` sets
it), the rows are appended to ``<bench>.json`` there; otherwise `record` does nothing, so the
scripts behave as before when run by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ENV = "SCRAPECLEAN_BENCH_RESULTS"


def record(bench: str, table: str, rows: list[dict[str, Any]], *, note: str = "") -> None:
    """Keep `rows` (one dict per row, same keys) as table `table` of benchmark `bench`."""
    folder = os.environ.get(ENV)
    if not folder:
        return
    path = Path(folder) / f"{bench}.json"
    tables: dict[str, Any] = json.loads(path.read_text("utf-8")) if path.exists() else {}
    tables[table] = {"rows": rows, "note": note}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(tables, indent=1, default=str), "utf-8")
