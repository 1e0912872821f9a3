"""Run the benchmarks and write the benchmarks page, its figures and the README's figures.

Run from the repository root, with the peers installed (``pip install -e ".[bench]"``, or one by
one) and the development data in ``../shared/data``::

    python scripts/benchmarks_page.py            # run every benchmark, then write the page
    python scripts/benchmarks_page.py --only pipeline --only encoding
    python scripts/benchmarks_page.py --results DIR --no-run   # rewrite from kept results

Each script of ``benchmarks/`` in `BENCHES` runs in its own process with
``SCRAPECLEAN_BENCH_RESULTS`` set, and writes the rows it printed as JSON (``_results.record``).
From those files this script writes ``docs/benchmarks.md`` (tables, the machine, the versions,
the date and the command), the figures in ``docs/img/`` (SVG), and the part of ``README.md``
between the ``benchmarks:start`` and ``benchmarks:end`` markers. No figure is typed by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import ENV  # noqa: E402
from _svg import bars, scatter  # noqa: E402

PAGE = ROOT / "docs" / "benchmarks.md"
IMAGES = ROOT / "docs" / "img"
README = ROOT / "README.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
PEERS = (
    "ftfy",
    "trafilatura",
    "readability-lxml",
    "justext",
    "htmldate",
    "dateparser",
    "pyspellchecker",
    "symspellpy",
    "clean-text",
    "html-text",
    "markdownify",
    "beautifulsoup4",
    "lxml",
    "regex",
)


@dataclass(frozen=True)
class Bench:
    """One script of benchmarks/ and what the page says about it."""

    name: str
    script: str
    args: tuple[str, ...]
    title: str
    about: str


BENCHES = (
    Bench(
        "extraction",
        "bench_extraction.py",
        (),
        "Article text from HTML",
        "The body of each zyte-dev page (human-annotated) from its HTML: word 4-gram shingle "
        "precision, recall and F1 (the Zyte article-extraction benchmark's measure) and "
        "bag-of-words F1; documents per second for the whole call (our full default pipeline). "
        "snippets-dev: the share of `with` snippets kept and of `without` snippets removed.",
    ),
    Bench(
        "chrome",
        "bench_chrome.py",
        ("--flattener", "html_text"),
        "Chrome removal from page text (no HTML)",
        "The page text a naive scraper gets (the html-text flattening of each page), cleaned by "
        "`remove_chrome`, by C4's published line rules, and by jusText over lines; scored "
        "against the annotated body like the HTML extraction.",
    ),
    Bench(
        "chrome_markdown",
        "bench_chrome.py",
        ("--flattener", "markdown"),
        "Chrome removal from Markdown page text",
        "The same pages as Markdown (markdownify, ATX headings), as many scraping tools hand them "
        "over; every method's output is read without its markup (link targets, heading marks, "
        "bullets, emphasis) before it is scored against the annotated body.",
    ),
    Bench(
        "chrome_wrapped",
        "bench_chrome.py",
        ("--flattener", "wrapped"),
        "Chrome removal from wrapped page text",
        "The html-text page texts wrapped at 78 columns, as html2text's output and text "
        "browsers' dumps are: each paragraph cut into lines.",
    ),
    Bench(
        "chrome_profile",
        "bench_chrome_profile.py",
        (),
        "Site profiles",
        "What a `ChromeProfile` adds: generated sites (each with its own menu, meta-line and "
        "footer vocabulary) around real zyte-dev gold bodies, learned on a few pages of each site "
        "and scored on its other pages; and, in sample, the zyte-dev sites with two pages.",
    ),
    Bench(
        "chrome_inline",
        "bench_chrome_inline.py",
        (),
        "Inline chrome spans",
        "`remove_chrome` with its inline spans off and on, on the zyte-dev and snippets-dev page "
        "texts and on the gold bodies (which must keep every shingle).",
    ),
    Bench(
        "pipeline",
        "bench_pipeline.py",
        (),
        "Throughput of the pipeline and of each cleaner",
        "MB/s on the zyte-dev page texts, each cleaner alone and the whole default pipeline "
        "(every change recorded), beside `ftfy.fix_text` and clean-text's `clean()`; CPU time, "
        "best of three passes.",
    ),
    Bench(
        "encoding",
        "bench_encoding.py",
        (),
        "Encoding repair",
        "`fix_encoding` beside `ftfy.fix_text` (same choices): speed on page texts and on text "
        "full of mojibake, and agreement with ftfy.",
    ),
    Bench(
        "spelling",
        "bench_spelling.py",
        (),
        "Spelling",
        "Typos put in a neutral sentence (typos-dev): exact, wrong and untouched corrections; "
        "false changes on clean article bodies; speed; beside pyspellchecker and symspellpy.",
    ),
    Bench(
        "dates",
        "bench_dates.py",
        (),
        "Dates",
        "`parse_date` and `find_dates` on the labelled date strings and texts, beside dateparser.",
    ),
    Bench(
        "html_dates",
        "bench_html_dates.py",
        (),
        "Publication dates of HTML pages",
        "The publication day of each htmldate-dev page: right, wrong or missing, beside htmldate.",
    ),
    Bench(
        "metadata",
        "bench_metadata.py",
        (),
        "Titles and authors",
        "Title exact-match and author rate on readability-dev, beside readability-lxml.",
    ),
    Bench(
        "batch",
        "bench_batch.py",
        ("--stream-mb", "20"),
        "Batches",
        "`clean_many` with one and two worker processes, and the peak memory of "
        "`scrapeclean clean` on a 20 MB JSONL stream.",
    ),
    Bench(
        "scaling",
        "bench_scaling.py",
        (),
        "Time as the input grows",
        "`clean()` on the bundled example article repeated to 1, 2, 5 and 10 MB (every cleaner "
        "has work at every size): seconds per MB should stay flat.",
    ),
    Bench(
        "memory",
        "bench_memory.py",
        ("--text", "article", "2", "10"),
        "Memory per input byte",
        "Peak memory of `clean()` on the example article repeated to 2 and 10 MB, each size in a "
        "fresh process, in bytes per byte of input: traced Python allocations (target at most "
        "10x), what the result holds after the call, and the process's peak resident size.",
    ),
)


def run(benches: list[Bench], results: Path) -> dict[str, str]:
    """Run each script with the results folder set; return the failures, by name."""
    failed: dict[str, str] = {}
    env = {**os.environ, ENV: str(results)}
    for bench in benches:
        print(f"running {bench.script} {' '.join(bench.args)}", file=sys.stderr, flush=True)
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / bench.script), *bench.args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        (results / f"{bench.name}.log").write_text(done.stdout + done.stderr, "utf-8")
        if done.returncode != 0:
            failed[bench.name] = done.stderr.strip().splitlines()[-1:][0] if done.stderr else ""
    return failed


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value).replace("|", "\\|")


def table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table: one column per key of the first row."""
    if not rows:
        return "(no rows)\n"
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + " --- |" * len(keys)]
    lines += ["| " + " | ".join(_cell(row.get(key)) for key in keys) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine() -> list[tuple[str, str]]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.0f} GiB"
                break
    except OSError:
        pass
    return [
        ("date", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"{cpu}, {os.cpu_count()} cores{', ' + memory if memory else ''}"),
        ("system", platform.platform()),
        ("python", platform.python_version()),
    ]


def versions() -> list[tuple[str, str]]:
    """Scrapeclean's version and each installed peer's."""
    found = []
    for name in ("scrapeclean", *PEERS):
        try:
            found.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def load(results: Path) -> dict[str, dict[str, Any]]:
    """The recorded tables of each benchmark, by benchmark name."""
    return {
        path.stem: json.loads(path.read_text("utf-8")) for path in sorted(results.glob("*.json"))
    }


def figures(data: dict[str, dict[str, Any]]) -> dict[str, str]:
    """SVG figures by file name, from the tables that have what each needs."""
    made: dict[str, str] = {}
    extraction = data.get("extraction", {}).get("zyte-dev", {}).get("rows", [])
    points = [
        (row["extractor"], row["docs_per_s"], row["f1"], row["extractor"] == "scrapeclean")
        for row in extraction
        if row.get("docs_per_s") and row.get("f1") is not None
    ]
    if points:
        made["extraction.svg"] = scatter(
            points,
            title="Article text from HTML (zyte-dev): quality against speed",
            x_label="documents per second (more is better)",
            y_label="4-gram shingle F1",
        )
    throughput = data.get("pipeline", {}).get("throughput", {}).get("rows", [])
    items = [
        (row["name"], row["mb_per_s"], row["kind"] != "peer")
        for row in throughput
        if row["mb_per_s"] is not None  # (a step too quick to time apart from another)
    ]
    if items:
        made["throughput.svg"] = bars(
            items, title="MB/s on zyte-dev page texts (more is better)", unit="MB/s"
        )
    return made


def page(
    data: dict[str, dict[str, Any]], made: dict[str, str], failed: dict[str, str], command: str
) -> str:
    """The whole benchmarks page."""
    out = [
        "# Benchmarks",
        "",
        "Generated by `" + command + "` from the scripts in `benchmarks/`: every figure on this "
        "page and in the README comes from that run; none is typed. The peers ran in the same "
        "process run as scrapeclean, on the development data of `../shared/data` (pages and "
        "labelled sets we develop on: figures on other sites and languages will differ). These "
        "machines are noisy: compare ratios within a table, not absolute times across runs.",
        "",
        "| | |",
        "| --- | --- |",
        *[f"| {key} | {value} |" for key, value in machine()],
        "",
        "Versions: " + ", ".join(f"{name} {version}" for name, version in versions()) + ".",
        "",
    ]
    for bench in BENCHES:
        tables = data.get(bench.name)
        if tables is None and bench.name not in failed:
            continue
        out += [f"## {bench.title}", "", bench.about, "", f"`benchmarks/{bench.script}`", ""]
        if bench.name in failed:
            out += [f"The script failed in this run: `{failed[bench.name]}`.", ""]
            continue
        for name, found in (tables or {}).items():
            out += [f"**{name}**" + (f": {found['note']}" if found.get("note") else ""), ""]
            out += [table(found["rows"])]
        for figure in made:
            if figure.startswith(bench.name):
                out += [f"![{bench.title}](img/{figure})", ""]
    return "\n".join(out).rstrip() + "\n"


def _row(rows: list[dict[str, Any]], key: str, value: str) -> dict[str, Any] | None:
    return next((row for row in rows if row.get(key) == value), None)


def readme_section(data: dict[str, dict[str, Any]], made: dict[str, str]) -> str:
    """The README's summary: a few headline figures from the run, and the extraction figure."""
    lines = [START, ""]
    extraction = data.get("extraction", {}).get("zyte-dev", {}).get("rows", [])
    ours = _row(extraction, "extractor", "scrapeclean")
    if ours:
        peers = [
            row
            for row in extraction
            if not row["extractor"].startswith("scrapeclean") and row.get("f1") is not None
        ]
        said = ", ".join(f"{row['extractor']} {row['f1']:.3f}" for row in peers)
        variant = _row(extraction, "extractor", "scrapeclean captions=False")
        also = (
            f" (without image captions, `extract_html(captions=False)`: {variant['f1']:.3f})"
            if variant and variant.get("f1") is not None
            else ""
        )
        lines.append(
            f"- Article text from HTML (zyte-dev, 4-gram shingle F1): scrapeclean "
            f"{ours['f1']:.3f}{also}; {said}."
        )
    throughput = data.get("pipeline", {}).get("throughput", {}).get("rows", [])
    default = _row(throughput, "name", "default pipeline")
    if default and default.get("x_ftfy"):
        lines.append(
            f"- The whole default pipeline on page text: {default['mb_per_s']:.2f} MB/s, "
            f"{default['x_ftfy']:.2f}x the speed of `ftfy.fix_text` alone."
        )
    if "extraction.svg" in made:
        lines += ["", "![Quality against speed of article extraction](docs/img/extraction.svg)"]
    lines += [
        "",
        "All figures, with the machine and versions: [docs/benchmarks.md](docs/benchmarks.md) "
        "(`python scripts/benchmarks_page.py` writes it and this section).",
        "",
        END,
    ]
    return "\n".join(lines)


def write(data: dict[str, dict[str, Any]], failed: dict[str, str], command: str) -> None:
    """Write the page, the figures and the README section."""
    made = figures(data)
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, svg in made.items():
        (IMAGES / name).write_text(svg, "utf-8")
    PAGE.write_text(page(data, made, failed, command), "utf-8")
    readme = README.read_text("utf-8")
    if START in readme and END in readme:
        before, rest = readme.split(START, 1)
        _, after = rest.split(END, 1)
        README.write_text(before + readme_section(data, made) + after, "utf-8")


def main() -> int:
    """Run the chosen benchmarks, then write the page, figures and README section."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], help="run only this benchmark")
    parser.add_argument("--results", type=Path, help="keep the JSON results in this folder")
    parser.add_argument("--no-run", action="store_true", help="write from --results only")
    args = parser.parse_args()
    unknown = set(args.only) - {bench.name for bench in BENCHES}
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    if args.no_run and args.results is None:
        parser.error("--no-run needs --results")
    results = args.results or Path(tempfile.mkdtemp(prefix="scrapeclean-bench-"))
    results.mkdir(parents=True, exist_ok=True)
    failed: dict[str, str] = {}
    if not args.no_run:
        chosen = [bench for bench in BENCHES if not args.only or bench.name in args.only]
        failed = run(chosen, results)
    write(load(results), failed, "python scripts/benchmarks_page.py")
    print(f"wrote {PAGE.relative_to(ROOT)} from {results}", file=sys.stderr)
    for name, reason in failed.items():
        print(f"{name} failed: {reason}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
