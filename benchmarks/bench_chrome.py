"""Chrome removal from plain page text (no DOM), next to the peers, in one run.

Run: python benchmarks/bench_chrome.py [--limit N]
         [--flattener html_text|bs4|markdown|wrapped|both]

Input is the page text a naive scraper gets from each HTML page of ../shared/data/extraction:
``html_text.extract_text(html, guess_layout=True)`` (the html-text package) and BeautifulSoup's
``get_text("\\n")`` (``both``, the default); with ``--flattener markdown``, the Markdown of
markdownify (ATX headings), scored on what a reader sees: every method's output has its link
targets, heading marks, bullets and emphasis taken out (scrapeclean's own `markdown_views`,
applied alike to all) before it is compared with the gold text; with ``--flattener wrapped``,
the html-text page text wrapped at 78 columns (`textwrap.fill` of each line, no word cut), as
html2text's output and text browsers' dumps are wrapped. Every method sees the same text:

- ``none``: the page text as it is;
- ``c4``: the published line rules of C4 (Raffel et al. 2020), written out below in plain Python;
- ``jusText``: jusText over the lines (each line one paragraph), when installed;
- ``remove_chrome``: scrapeclean's `remove_chrome` alone;
- ``scrapeclean``: the default pipeline on text (``clean(text, html=False)``).

Scores:

- zyte-dev: 4-gram shingle precision and recall against the human-annotated body, averaged over
  pages, and F1 of those means (the Zyte article-extraction benchmark's method: lower-cased word
  tokens); ``page F1`` is the mean of per-page F1, a harsher figure;
- snippets-dev: share of the `with` snippets present in the page text that are kept, and of the
  `without` snippets present that are removed (whitespace-folded substring test);
- precision guard: the gold bodies themselves as input, share of their shingles kept;
- speed: CPU time of `remove_chrome` against the C4 rules on the same texts (ratio > 1: faster),
  and of ``floor``: the least a line classifier that reads the issue's features does, written
  in plain Python (each line split into words, its function words counted, one search for a URL
  or handle, its end read), to show how far below C4's time such a classifier can go.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _results import record

from scrapeclean import Document, clean
from scrapeclean.cleaners import remove_chrome
from scrapeclean.cleaners._markdown import markdown_views
from scrapeclean.cleaners._text import FUNCTION_WORDS

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")
_SHINGLE = 4

Method = Callable[[str], str]
Row = dict[str, Any]


def rows(name: str, limit: int | None) -> Iterator[dict[str, Any]]:
    """The rows of one development set (at most `limit`)."""
    with (DATA / name).open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if limit is not None and index >= limit:
                return
            yield json.loads(line)


# --- flatteners -----------------------------------------------------------------------------


def flatteners(which: str) -> dict[str, Method]:
    """The HTML-to-text flatteners to measure with, by name."""
    found: dict[str, Method] = {}
    if which in ("html_text", "both", "wrapped"):
        try:
            import html_text

            found["html_text"] = lambda html: html_text.extract_text(html, guess_layout=True)
        except ImportError:
            print("html-text is not installed: that flattener is skipped")
            return found
    if which == "wrapped":
        flat = found.pop("html_text")
        return {"wrapped": lambda html: _wrapped(flat(html))}
    if which in ("bs4", "both"):
        from bs4 import BeautifulSoup

        def _bs4(html: str) -> str:
            soup = BeautifulSoup(html, "html.parser")
            for tag in soup(["script", "style", "noscript", "template"]):
                tag.decompose()
            return soup.get_text("\n")

        found["bs4"] = _bs4
    if which == "markdown":
        try:
            from markdownify import markdownify
        except ImportError:
            print("markdownify is not installed: that flattener is skipped")
            return found
        from bs4 import BeautifulSoup

        def _markdown(html: str) -> str:
            soup = BeautifulSoup(html, "lxml")
            for tag in soup(["script", "style", "noscript", "template"]):
                tag.decompose()
            return str(markdownify(str(soup), heading_style="ATX"))

        found["markdown"] = _markdown
    return found


def _wrapped(text: str, width: int = 78) -> str:
    """`text` with each line wrapped at `width` columns (words are neither cut nor hyphenated)."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
        for line in text.split("\n")
    )


def visible(method: Method) -> Method:
    """`method` with its output read as a reader sees Markdown (`markdown_views`)."""
    return lambda text: "\n".join(markdown_views(method(text).split("\n")))


# --- peers ----------------------------------------------------------------------------------

_C4_END = (".", "!", "?", '"')
_C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
_C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)


def c4_lines(text: str) -> str:
    """C4's line rules: keep lines that end a sentence, have 3+ words and no policy words.

    Lines mentioning "javascript" or a policy/cookie phrase go, as do lines with a word longer
    than 1000 characters; citation markers are removed. The page-level rules (drop the whole
    page for "lorem ipsum", a curly bracket or under 5 sentences) are left out: they would
    empty most article pages and are not about chrome.
    """
    kept: list[str] = []
    for raw in text.splitlines():
        line = _C4_CITATION.sub("", raw.strip())
        if not line.endswith(_C4_END) or line.endswith("..."):
            continue
        words = line.split()
        if len(words) < 3 or any(len(word) > 1000 for word in words):
            continue
        lowered = line.lower()
        if "javascript" in lowered or any(phrase in lowered for phrase in _C4_POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def _justext() -> Method | None:
    try:
        import justext
    except ImportError:
        print("jusText is not installed: skipped")
        return None
    from html import escape

    stoplist = justext.get_stoplist("English")

    def run(text: str) -> str:
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            return ""
        page = (
            "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</body></html>"
        )
        paragraphs = justext.justext(page.encode("utf-8"), stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _remove_chrome_only() -> Method:
    from scrapeclean import Pipeline

    pipeline = Pipeline([remove_chrome()])

    def run(text: str) -> str:
        return pipeline.clean(text, html=False).text

    return run


def methods() -> dict[str, Method]:
    """Every method measured, by name."""
    found: dict[str, Method] = {"none": lambda text: text, "c4": c4_lines}
    justext = _justext()
    if justext is not None:
        found["jusText"] = justext
    found["remove_chrome"] = _remove_chrome_only()
    found["scrapeclean"] = lambda text: clean(text, html=False).text
    return found


# --- scores ---------------------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The 4-gram shingles of the lower-cased word tokens of `text`, with their counts."""
    tokens = [token.lower() for token in _TOKEN.findall(text)]
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of `predicted` against `gold`."""
    ours, theirs = shingles(predicted), shingles(gold)
    common = sum((ours & theirs).values())
    precision = common / sum(ours.values()) if ours else float(not theirs)
    recall = common / sum(theirs.values()) if theirs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fold(text: str) -> str:
    """Whitespace folded to single spaces."""
    return _SPACE.sub(" ", text).strip()


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def bench_zyte(pages: list[tuple[str, str]], measured: dict[str, Method]) -> list[Row]:
    """Print shingle P/R/F1 of every method over `(page text, gold)` pairs; return the rows."""
    print(f"  {'method':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'page F1':>10}")
    found: list[Row] = []
    for name, method in measured.items():
        scores = [prf(method(text), gold) for text, gold in pages]
        p, r, f = (_mean([s[i] for s in scores]) for i in range(3))
        zyte = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {name:<14} {p:9.3f} {r:7.3f} {zyte:6.3f} {f:10.3f}")
        found.append({"method": name, "precision": p, "recall": r, "f1": zyte, "page_f1": f})
    return found


def bench_snippets(
    pages: list[tuple[str, list[str], list[str]]], measured: dict[str, Method]
) -> list[Row]:
    """Print the share of present `with` snippets kept and `without` snippets removed."""
    print(f"  {'method':<14} {'with kept':>9} {'without removed':>15}   (of {_present(pages)})")
    found: list[Row] = []
    for name, method in measured.items():
        kept = removed = with_total = without_total = 0
        for text, with_, without in pages:
            source = fold(text)
            out = fold(method(text))
            for snippet in with_:
                if fold(snippet) and fold(snippet) in source:
                    with_total += 1
                    kept += fold(snippet) in out
            for snippet in without:
                if fold(snippet) and fold(snippet) in source:
                    without_total += 1
                    removed += fold(snippet) not in out
        with_kept, without_removed = kept / max(with_total, 1), removed / max(without_total, 1)
        print(f"  {name:<14} {with_kept:9.1%} {without_removed:15.1%}")
        found.append({"method": name, "with_kept": with_kept, "without_removed": without_removed})
    return found


def _present(pages: list[tuple[str, list[str], list[str]]]) -> str:
    with_total = sum(1 for t, w, _ in pages for s in w if fold(s) and fold(s) in fold(t))
    without_total = sum(1 for t, _, w in pages for s in w if fold(s) and fold(s) in fold(t))
    return f"{with_total} with, {without_total} without present in the page text"


def bench_guard(golds: list[str]) -> list[Row]:
    """Print the share of gold-body shingles kept when the gold bodies are the input."""
    measured = {"remove_chrome": _remove_chrome_only(), "scrapeclean": methods()["scrapeclean"]}
    found: list[Row] = []
    for name, method in measured.items():
        total = kept = 0
        for gold in golds:
            theirs = shingles(gold)
            total += sum(theirs.values())
            kept += sum((shingles(method(gold)) & theirs).values())
        print(f"  {name:<14} keeps {kept / max(total, 1):.2%} of the gold shingles")
        found.append({"method": name, "gold_shingles_kept": kept / max(total, 1)})
    return found


_FLOOR_URL = re.compile(r"https?://|www\.|@\w")


def floor_features(text: str) -> list[tuple[int, int, bool, bool]]:
    """Four features of each line, the least a line classifier reads (no model, no context).

    Words, function words among them (the line model's own list), whether it holds a URL or
    handle, whether it ends a sentence: a reference for speed only (`bench_speed`), not a
    cleaner.
    """
    found: list[tuple[int, int, bool, bool]] = []
    for raw in text.splitlines():
        line = raw.strip()
        words = line.lower().split()
        function = sum(1 for word in words if word in FUNCTION_WORDS)
        url = _FLOOR_URL.search(line) is not None
        found.append((len(words), function, url, line.endswith((".", "!", "?"))))
    return found


def bench_speed(texts: list[str]) -> list[Row]:
    """Print CPU time of `remove_chrome`, the C4 rules and the floor over `texts`, and ratios."""
    cleaner = remove_chrome()
    documents = [Document.from_text(text) for text in texts]
    cleaner(documents[0])  # warm up: regexes and the model are loaded on first use
    timings: dict[str, float] = {}
    for name, run in (
        ("c4", lambda: [c4_lines(text) for text in texts]),
        ("floor", lambda: [floor_features(text) for text in texts]),
        ("remove_chrome", lambda: [cleaner(doc) for doc in documents]),
    ):
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        timings[name] = best
    size = sum(len(text) for text in texts) / 1e6
    for name, seconds in timings.items():
        print(f"  {name:<14} {seconds:7.3f} s CPU for {size:.1f} MB")
    print(f"  remove_chrome speed = {timings['c4'] / timings['remove_chrome']:.2f}x C4 rules")
    print(f"  floor (four features a line, no model) = {timings['c4'] / timings['floor']:.2f}x C4")
    return [
        {"method": name, "cpu_s": seconds, "x_c4": timings["c4"] / seconds}
        for name, seconds in timings.items()
    ]


def main() -> int:
    """Run every measure on every flattener."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per set")
    parser.add_argument(
        "--flattener",
        default="both",
        choices=("html_text", "bs4", "markdown", "wrapped", "both"),
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to measure")
        return 0
    zyte = list(rows("zyte-dev.jsonl", args.limit))
    snippets = list(rows("snippets-dev.jsonl", args.limit))
    measured = methods()
    #: The benchmarks page shows the Markdown and the wrapped runs in sections of their own.
    group = {"markdown": "chrome_markdown", "wrapped": "chrome_wrapped"}.get(
        args.flattener, "chrome"
    )
    for flattener, flatten in flatteners(args.flattener).items():
        print(f"== page text from {flattener} ==")
        if flattener == "markdown":
            measured = {name: visible(method) for name, method in measured.items()}
        print(f"zyte-dev ({len(zyte)} pages), 4-gram shingle scores, mean per page")
        zyte_pages = [(flatten(row["html"]), row["expected_text"]) for row in zyte]
        table = bench_zyte(zyte_pages, measured)
        record(group, f"zyte-dev from {flattener}", table, note="4-gram shingles")
        print(f"snippets-dev ({len(snippets)} pages)")
        snippet_pages = [(flatten(row["html"]), row["with"], row["without"]) for row in snippets]
        table = bench_snippets(snippet_pages, measured)
        record(group, f"snippets-dev from {flattener}", table, note=_present(snippet_pages))
        print("speed on the zyte-dev page texts")
        table = bench_speed([text for text, _ in zyte_pages])
        record(group, f"speed on {flattener} page texts", table, note="CPU, best of 3")
    print("== precision guard: the gold bodies of zyte-dev as input ==")
    table = bench_guard([row["expected_text"] for row in zyte])
    record(group, "gold bodies as input", table, note="share of gold shingles kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
