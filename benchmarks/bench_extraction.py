"""Article text from real pages, next to the peers installed in the same run.

Run: python benchmarks/bench_extraction.py [--limit N]

Two development sets from ../shared/data/extraction (skipped with a message when absent):

- zyte-dev: HTML pages with a human-annotated body. Scores: 4-gram shingle precision, recall and
  F1 of the extracted text against the annotation (the measure of the Zyte benchmark: word
  4-grams counted as a multiset; a text under four words is one shingle), and the bag-of-words
  F1 beside it.
- snippets-dev: multilingual pages with `with` snippets (must stay) and `without` snippets
  (chrome: must go). Score: share of `with` kept, share of `without` removed, after folding
  whitespace.

scrapeclean runs its default pipeline on the HTML. Peers, when installed: trafilatura
(`extract`), jusText (paragraphs not marked boilerplate), readability-lxml (the summary's
text). Time per page is CPU seconds (steady on a
shared machine, where wall time is not), and a ratio to scrapeclean's. Each extractor first
reads the first page once, untimed, so that no tool's one-time costs (imports, compiled
patterns, data files) are counted as the cost of a page: a crawler pays them once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _results import record

from scrapeclean import Pipeline, clean
from scrapeclean.cleaners import extract_html

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")

Extractor = Callable[[str], str]


#: How many blocks each HTML rule removed, over every page scrapeclean read in this run.
REMOVED: Counter[str] = Counter()


def _ours(html: str) -> str:
    result = clean(html, html=True)
    REMOVED.update(change.rule for change in result.changes if change.rule.startswith("html."))
    return result.text


def _ours_without_captions(html: str) -> str:
    """The default pipeline with ``extract_html(captions=False)``: running text only."""
    return _WITHOUT_CAPTIONS.clean(html, html=True).text


_WITHOUT_CAPTIONS = Pipeline.default().replace("extract_html", extract_html(captions=False))


def _peers() -> dict[str, Extractor]:
    peers: dict[str, Extractor] = {}
    try:
        import trafilatura

        peers["trafilatura"] = lambda html: trafilatura.extract(html) or ""
    except ImportError:
        print("trafilatura is not installed: skipped")
    try:
        import justext

        def _justext(html: str) -> str:
            stoplist = justext.get_stoplist("English")
            paragraphs = justext.justext(html.encode("utf-8"), stoplist)
            return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        peers["jusText"] = _justext
    except ImportError:
        print("jusText is not installed: skipped")
    try:
        from readability import Document as Readable

        def _readability(html: str) -> str:
            from lxml import html as lxml_html

            summary = Readable(html).summary(html_partial=True)
            return str(lxml_html.fromstring(summary).text_content()) if summary.strip() else ""

        peers["readability"] = _readability
    except ImportError:
        print("readability-lxml is not installed: skipped")
    return peers


def _rows(name: str, limit: int | None) -> Iterator[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def _bag(text: str) -> Counter[str]:
    return Counter(token.lower() for token in _TOKEN.findall(text))


def _shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The word `size`-grams of `text`, lower case, as a multiset (one shingle when shorter)."""
    words = [token.lower() for token in _TOKEN.findall(text)]
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def _prf(found: str, gold: str, shingles: bool = False) -> tuple[float, float, float]:
    got: Counter[Any] = _shingles(found) if shingles else _bag(found)
    want: Counter[Any] = _shingles(gold) if shingles else _bag(gold)
    overlap = sum((got & want).values())
    precision = overlap / max(1, sum(got.values()))
    recall = overlap / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _timed(extract: Extractor, html: str) -> tuple[str, float]:
    """The extracted text and the CPU time it took (CPU time: the machine may be shared)."""
    start = time.process_time()
    try:
        text = extract(html)
    except Exception as exc:  # a peer failing on a page scores zero there
        print(f"  error: {type(exc).__name__}: {exc}", file=sys.stderr)
        text = ""
    return text, time.process_time() - start


def _warm(extract: Extractor, rows: list[dict[str, Any]]) -> None:
    """Run `extract` once on the first page, untimed: one-time costs (imports, compiled
    patterns, data files) are paid before the clock starts, by every extractor alike."""
    if rows:
        _timed(extract, rows[0]["html"])


def zyte(extractors: dict[str, Extractor], limit: int | None) -> None:
    rows = list(_rows("zyte-dev.jsonl", limit))
    print(f"\nzyte-dev: {len(rows)} pages, 4-gram shingles against the annotated body")
    print(
        f"{'extractor':<26}{'precision':>10}{'recall':>8}{'F1':>7}{'bag F1':>8}"
        f"{'s/page':>9}{'docs/s':>8}{'x time':>8}"
    )
    ours_time = None
    times: dict[str, float] = {}
    table: list[dict[str, Any]] = []
    for name, extract in extractors.items():
        scores, seconds = [], 0.0
        _warm(extract, rows)
        for row in rows:
            text, spent = _timed(extract, row["html"])
            seconds += spent
            gold = row["expected_text"]
            scores.append((*_prf(text, gold, shingles=True), _prf(text, gold)[2]))
        means = [sum(column) / len(scores) for column in zip(*scores, strict=True)]
        per_page = seconds / len(rows)
        times[name] = per_page
        ours_time = ours_time or per_page
        print(
            f"{name:<26}{means[0]:>10.3f}{means[1]:>8.3f}{means[2]:>7.3f}{means[3]:>8.3f}"
            f"{per_page:>9.4f}{1 / max(per_page, 1e-9):>8.1f}{per_page / ours_time:>8.2f}"
        )
        table.append(
            {
                "extractor": name,
                "precision": means[0],
                "recall": means[1],
                "f1": means[2],
                "bag_f1": means[3],
                "docs_per_s": 1 / max(per_page, 1e-9),
            }
        )
    record(
        "extraction",
        "zyte-dev",
        table,
        note=f"{len(rows)} pages; mean per page; CPU time of the whole call",
    )
    _report_stage(rows, times)


def _report_stage(rows: list[dict[str, Any]], times: dict[str, float]) -> None:
    """scrapeclean's HTML-to-source stage alone, and both speeds as a multiple of trafilatura's."""
    from scrapeclean._input import read_input

    seconds = sum(
        _timed(lambda html: read_input(html, html=True)[0].text, row["html"])[1] for row in rows
    )
    stage = seconds / max(1, len(rows))
    line = f"HTML to source alone: {stage:.4f} s/page, {1 / max(stage, 1e-9):.1f} docs/s"
    if "trafilatura" in times:
        peer = times["trafilatura"]
        line += (
            f"; docs/s as a multiple of trafilatura's: full pipeline "
            f"{peer / times['scrapeclean']:.2f}x, HTML to source alone {peer / stage:.2f}x"
        )
    print(line)
    record(
        "extraction",
        "HTML reading alone",
        [
            {
                "stage": "scrapeclean read_input (HTML to text and blocks)",
                "docs_per_s": 1 / max(stage, 1e-9),
                "x_trafilatura": times["trafilatura"] / stage if "trafilatura" in times else None,
            }
        ],
    )


def snippets(extractors: dict[str, Extractor], limit: int | None) -> None:
    rows = list(_rows("snippets-dev.jsonl", limit))
    print(f"\nsnippets-dev: {len(rows)} pages; `with` kept and `without` removed")
    print(f"{'extractor':<26}{'with kept':>10}{'without removed':>17}{'s/page':>9}")
    table: list[dict[str, Any]] = []
    for name, extract in extractors.items():
        kept = wanted = removed = unwanted = 0
        seconds = 0.0
        for row in rows:
            text, spent = _timed(extract, row["html"])
            seconds += spent
            folded = _fold(text)
            kept += sum(1 for snippet in row["with"] if _fold(snippet) in folded)
            wanted += len(row["with"])
            removed += sum(1 for snippet in row["without"] if _fold(snippet) not in folded)
            unwanted += len(row["without"])
        print(
            f"{name:<26}{kept / max(1, wanted):>10.3f}{removed / max(1, unwanted):>17.3f}"
            f"{seconds / len(rows):>9.3f}"
        )
        table.append(
            {
                "extractor": name,
                "with_kept": kept / max(1, wanted),
                "without_removed": removed / max(1, unwanted),
            }
        )
    record("extraction", "snippets-dev", table, note=f"{len(rows)} multilingual pages")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument(
        "--set", choices=("zyte", "snippets", "all"), default="all", help="which set to run"
    )
    parser.add_argument("--no-peers", action="store_true", help="measure scrapeclean only")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"development data not found at {DATA}: nothing to measure")
        return 0
    extractors: dict[str, Extractor] = {
        "scrapeclean": _ours,
        "scrapeclean captions=False": _ours_without_captions,
    }
    if not args.no_peers:
        extractors.update(_peers())
    if args.set in ("zyte", "all"):
        zyte(extractors, args.limit)
        _report_removed()
    if args.set in ("snippets", "all"):
        snippets(extractors, args.limit)
        _report_removed()
    return 0


def _report_removed() -> None:
    """Print and reset the count of blocks removed by each HTML rule."""
    counts = ", ".join(f"{rule} {count}" for rule, count in sorted(REMOVED.items()))
    print(f"blocks removed by scrapeclean, by rule: {counts or 'none'}")
    REMOVED.clear()


if __name__ == "__main__":
    raise SystemExit(main())
