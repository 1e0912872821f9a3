"""Encoding repair against ftfy, side by side: speed on page texts and on mojibake, agreement.

Run: python benchmarks/bench_encoding.py [--repeat N]

- Page texts: the visible text of each zyte-dev page (what the HTML reader gives), one string
  per page. Timed in the same run: `fix_encoding` (a one-step pipeline, changes recorded; and
  the cleaner alone, which is what the pipeline spends in it), `normalize_whitespace` (a
  one-step pipeline), the whole default pipeline, and ``ftfy.fix_text`` with the
  configuration `fix_encoding` uses; printed as MB/s and as ratios to ftfy.
- Mojibake: the same texts encoded as UTF-8 and decoded as Windows-1252 (every non-ASCII
  character damaged; Python's strict codec, so five bytes are lost as U+FFFD), the slow case.
- Mojibake made from real text: the gold bodies of zyte-dev encoded as UTF-8 and decoded as
  Windows-1252 (as browsers read it: no byte lost) or Latin-1, once and twice. "Restored"
  means the repair gives what the same repair gives on the undamaged body (so our removal of
  invisible characters, or ftfy's keeping them, does not count against either).
- Agreement: pages whose `fix_encoding` output differs from ftfy's (after whitespace
  normalization, which ftfy does not do and we leave to `normalize_whitespace`; invisible
  characters, which we remove and ftfy keeps, left out of ftfy's).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable

import ftfy
import ftfy.bad_codecs  # registers sloppy-windows-1252
from _pages import ZYTE, fastest_pass, page_texts
from _results import record

from scrapeclean import Pipeline, cleaners
from scrapeclean._model import Document, Source
from scrapeclean.cleaners.encoding import _config

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064]+")


def _rate(function: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """MB/s: the best of `repeat` passes over all texts (CPU time)."""
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    return size / fastest_pass(function, texts, repeat)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _speed(texts: list[str], mojibake: list[str], repeat: int) -> None:
    config = _config("NFC", unescape_html=True)
    ours = Pipeline([cleaners.fix_encoding()])
    cleaner = cleaners.fix_encoding()
    spacing = Pipeline([cleaners.normalize_whitespace()])

    def alone(text: str) -> object:
        return cleaner(Document(text=text, source=Source(text=text)))

    def ftfy_fix(text: str) -> object:
        return ftfy.fix_text(text, config)

    table: list[dict[str, object]] = []
    for label, sample in (("page texts", texts), ("mojibake", mojibake)):
        ftfy_rate = _rate(ftfy_fix, sample, repeat)
        table.append(
            {"text": label, "method": "ftfy.fix_text", "mb_per_s": ftfy_rate, "x_ftfy": 1.0}
        )
        rows = [("fix_encoding", ours.clean), ("fix_encoding cleaner alone", alone)]
        if label == "page texts":
            rows.append(("normalize_whitespace", spacing.clean))
        print(f"{label}: ftfy.fix_text {ftfy_rate:7.2f} MB/s")
        for name, function in rows:
            rate = _rate(function, sample, repeat)
            print(f"  {name:>28} {rate:7.2f} MB/s = {rate / ftfy_rate:6.2f}x ftfy")
            table.append(
                {"text": label, "method": name, "mb_per_s": rate, "x_ftfy": rate / ftfy_rate}
            )
    record("encoding", "speed", table, note="zyte-dev page texts; the same as mojibake; CPU")
    default_rate = _rate(Pipeline.default().clean, texts, 1)
    ftfy_rate = _rate(ftfy_fix, texts, repeat)
    print(
        f"default pipeline on page texts: {default_rate:.2f} MB/s = "
        f"{default_rate / ftfy_rate:.2f}x ftfy.fix_text"
    )


def _restored(bodies: list[str]) -> None:
    config = _config("NFC", unescape_html=True)
    ours = Pipeline([cleaners.fix_encoding()])

    def fix_ours(text: str) -> str:
        return ours.clean(text, html=False).text

    def fix_ftfy(text: str) -> str:
        return ftfy.fix_text(text, config)

    damaged = [body for body in bodies if not body.isascii()]
    print(f"mojibake made from {len(damaged)} gold bodies with non-ASCII text (restored exactly):")
    table: list[dict[str, object]] = []
    for codec in ("sloppy-windows-1252", "latin-1"):
        for times in (1, 2):
            shares = []
            for fix in (fix_ours, fix_ftfy):
                good = 0
                for body in damaged:
                    text = body
                    for _ in range(times):
                        text = text.encode("utf-8").decode(codec)
                    good += fix(text) == fix(body)
                shares.append(good / len(damaged))
            label = f"{codec.replace('sloppy-', '')} x{times}"
            print(f"  {label:>16}: fix_encoding {shares[0]:6.1%} | ftfy {shares[1]:6.1%}")
            table.append({"damage": label, "fix_encoding": shares[0], "ftfy": shares[1]})
    record(
        "encoding",
        "mojibake made from gold bodies",
        table,
        note=f"{len(damaged)} zyte-dev gold bodies with non-ASCII text; share restored exactly",
    )


def _agreement(texts: list[str]) -> None:
    config = _config("NFC", unescape_html=True)
    ours = Pipeline([cleaners.fix_encoding()])
    differ = [
        index
        for index, text in enumerate(texts)
        if _normal(ours.clean(text, html=False).text)
        != _normal(_INVISIBLE.sub("", ftfy.fix_text(text, config)))
    ]
    print(f"pages where fix_encoding differs from ftfy: {len(differ)} of {len(texts)}: {differ}")
    record(
        "encoding",
        "agreement with ftfy",
        [{"pages": len(texts), "differ": len(differ)}],
        note="zyte-dev page texts, spacing and invisible characters aside",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not ZYTE.exists():
        print(f"development data not found at {ZYTE}; nothing to measure")
        return 0
    texts = page_texts()
    mojibake = [text.encode("utf-8").decode("windows-1252", "replace") for text in texts]
    _speed(texts, mojibake, args.repeat)
    with ZYTE.open(encoding="utf-8") as handle:
        bodies = [json.loads(line)["expected_text"] for line in handle]
    _restored(bodies)
    _agreement(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
