"""Encoding repair against ftfy, side by side: speed on page texts and on mojibake, agreement.

Run: python benchmarks/bench_encoding.py [--repeat N]

- Page texts: the visible text of each zyte-dev page (what the HTML reader gives), one string
  per page. Timed: `fix_encoding` alone (a one-step pipeline, changes recorded), the whole
  default pipeline, and ``ftfy.fix_text`` with the configuration `fix_encoding` uses, in the
  same run; printed as MB/s and as ratios to ftfy.
- Mojibake: the same texts encoded as UTF-8 and decoded as Windows-1252 (every non-ASCII
  character damaged), the slow case.
- Agreement: pages whose `fix_encoding` output differs from ftfy's (after whitespace
  normalization, which ftfy does not do and we leave to `normalize_whitespace`).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import ftfy
from _pages import ZYTE, page_texts

from scrapeclean import Pipeline, cleaners
from scrapeclean.cleaners.encoding import _config


def _rate(function: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """MB/s: the best of `repeat` passes over all texts (CPU time)."""
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            function(text)
        best = min(best, time.process_time() - start)
    return size / best


def _normal(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not ZYTE.exists():
        print(f"development data not found at {ZYTE}; nothing to measure")
        return 0
    texts = page_texts()
    mojibake = [text.encode("utf-8").decode("windows-1252", "replace") for text in texts]
    config = _config("NFC", unescape_html=True)
    ours = Pipeline([cleaners.fix_encoding()])
    default = Pipeline.default()
    for label, sample in (("page texts", texts), ("mojibake", mojibake)):
        ftfy_rate = _rate(lambda text: ftfy.fix_text(text, config), sample, args.repeat)
        our_rate = _rate(ours.clean, sample, args.repeat)
        print(
            f"{label:>11}: ftfy.fix_text {ftfy_rate:6.2f} MB/s | fix_encoding {our_rate:6.2f} "
            f"MB/s = {our_rate / ftfy_rate:5.2f}x ftfy"
        )
    default_rate = _rate(default.clean, texts, 1)
    ftfy_rate = _rate(lambda text: ftfy.fix_text(text, config), texts, args.repeat)
    print(
        f"default pipeline on page texts: {default_rate:.2f} MB/s = "
        f"{default_rate / ftfy_rate:.2f}x ftfy.fix_text"
    )
    differ = [
        index
        for index, text in enumerate(texts)
        if _normal(ours.clean(text).text) != _normal(ftfy.fix_text(text, config))
    ]
    print(f"pages where fix_encoding differs from ftfy: {len(differ)} of {len(texts)}: {differ}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
