"""Benchmark `normalize_spelling` against pyspellchecker and symspellpy.

Run as ``python benchmarks/bench_spelling.py`` (add ``--verbose`` to list every change the peers
make on clean prose, ``--ours`` to skip the peers). Needs the development data in
``../shared/data`` next to the repository; skips with a message when it is absent.
Peers that are not installed are reported as missing.

Two numbers per corrector:

- recall on ``spelling/typos-dev.jsonl`` (Norvig's Birkbeck test set 1): each misspelling is put
  in a short neutral English sentence; we count exact corrections, wrong corrections (the word
  changed to something else) and words left alone, and any change elsewhere in the sentence;
- false positives on clean prose: every change proposed on the 92 human-checked English article
  bodies of ``extraction/zyte-dev.jsonl`` (each is almost certainly wrong), and the changes on
  ``seed-article.txt`` (which should get exactly one: ``ans`` -> ``and``).

Peers run behind the same conservative policy as ours (same tokens: lowercase words of 3+
letters standing alone, or a capitalised sentence start; English passages only; words used
twice left alone; only words unknown to the peer's dictionary), so the comparison is about
choosing candidates, not about tokenising. Their times include that wrapper.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from scrapeclean._model import Document
from scrapeclean.cleaners import _spelling_index
from scrapeclean.cleaners.spelling import _analyse, _match_case, normalize_spelling

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TEMPLATE = "We were told that the {} was mentioned in the report."

#: text -> list of (start, end, replacement)
Corrector = Callable[[str], list[tuple[int, int, str]]]


def ours() -> Corrector:
    cleaner = normalize_spelling()

    def run(text: str) -> list[tuple[int, int, str]]:
        proposal = cleaner(Document.from_text(text))
        return [(e.span.start, e.span.end, e.replacement) for e in proposal.edits]

    return run


def wrapped(known: Callable[[str], bool], correct: Callable[[str], str | None]) -> Corrector:
    """Apply a peer's candidate choice behind our token and language policy."""
    lex = _spelling_index.lexicon()

    def run(text: str) -> list[tuple[int, int, str]]:
        context = _analyse(text, lex)
        out = []
        for token in context.tokens:
            word = token.word
            lower = word.lower()
            if token.line not in context.english_lines or len(word) < 3:
                continue
            if not (word.islower() or (word.istitle() and token.sentence_start)):
                continue
            if (word.istitle() and lower in context.names) or context.counts[lower] > 1:
                continue
            if known(lower):
                continue
            fixed = correct(lower)
            if fixed and fixed != lower:
                out.append((token.start, token.end, _match_case(word, fixed)))
        return out

    return run


def pyspellchecker() -> Corrector | None:
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    spell = SpellChecker(language="en", distance=2)
    return wrapped(lambda w: not spell.unknown([w]), spell.correction)


def symspellpy() -> Corrector | None:
    try:
        from importlib.resources import files

        from symspellpy import SymSpell, Verbosity
    except ImportError:
        return None
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    path = files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    sym.load_dictionary(str(path), term_index=0, count_index=1)

    def correct(word: str) -> str | None:
        hits = sym.lookup(word, Verbosity.TOP, max_edit_distance=2)
        return hits[0].term if hits else None

    return wrapped(lambda w: w in sym.words, correct)


def recall(run: Corrector, rows: list[dict[str, str]]) -> dict[str, int]:
    counts = {"exact": 0, "wrong": 0, "left alone": 0, "other changes": 0}
    start = len(TEMPLATE.split("{}")[0])
    for row in rows:
        typo = row["misspelling"]
        text = TEMPLATE.format(typo)
        edits = run(text)
        on_word = [e for e in edits if e[0] == start and e[1] == start + len(typo)]
        counts["other changes"] += len(edits) - len(on_word)
        if not on_word:
            counts["left alone"] += 1
        elif on_word[0][2] == row["correct"]:
            counts["exact"] += 1
        else:
            counts["wrong"] += 1
    return counts


def false_positives(
    run: Corrector, texts: list[str]
) -> tuple[list[tuple[int, str, str, str]], float]:
    found = []
    began = time.perf_counter()
    for number, text in enumerate(texts):
        for start, end, replacement in run(text):
            context = text[max(0, start - 30) : end + 30].replace("\n", " ")
            found.append((number, text[start:end], replacement, context))
    return found, (time.perf_counter() - began) / len(texts)


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: development data not found at {DATA}")
        return 0
    verbose = "--verbose" in sys.argv
    typos = [json.loads(line) for line in (DATA / "spelling" / "typos-dev.jsonl").open()]
    zyte_lines = (DATA / "extraction" / "zyte-dev.jsonl").open()
    zyte = [json.loads(line)["expected_text"] for line in zyte_lines]
    seed = (DATA / "seed-article.txt").read_text(encoding="utf-8")
    extra = [
        json.loads(line)["expected_text"]
        for line in (DATA / "extraction/readability-dev.jsonl").open()
    ]

    began = time.perf_counter()
    _spelling_index.lexicon().neighbours2("warmup")
    print(f"load lexicon + deletion index: {time.perf_counter() - began:.2f} s (once per process)")

    peers: dict[str, Corrector | None] = {"scrapeclean": ours()}
    if "--ours" not in sys.argv:
        peers["pyspellchecker"] = pyspellchecker()
        peers["symspellpy"] = symspellpy()
    baseline: float | None = None
    print(f"recall: {len(typos)} misspellings in {TEMPLATE!r}")
    print(f"precision: {len(zyte)} clean zyte-dev article bodies (every change is suspect)\n")
    header = f"{'corrector':<15} {'exact':>6} {'wrong':>6} {'alone':>6} {'other':>6}"
    print(f"{header} {'FP zyte':>8} {'FP read':>8} {'seed':>5} {'ms/article':>11} {'ratio':>6}")
    details: dict[str, list[tuple[int, str, str, str]]] = {}
    for label, run in peers.items():
        if run is None:
            print(f"{label:<15} not installed")
            continue
        r = recall(run, typos)
        fps, per_article = false_positives(run, zyte)
        extra_fps, _ = false_positives(run, extra)
        seed_changes = run(seed)
        baseline = baseline or per_article
        details[label] = fps
        details[label + " (readability-dev)"] = extra_fps
        print(
            f"{label:<15} {r['exact']:>6} {r['wrong']:>6} {r['left alone']:>6} "
            f"{r['other changes']:>6} {len(fps):>8} {len(extra_fps):>8} {len(seed_changes):>5} "
            f"{per_article * 1000:>11.2f} {per_article / baseline:>5.1f}x"
        )
        if label == "scrapeclean":
            print("  seed changes:", [(seed[s:e], rep) for s, e, rep in seed_changes])
    for label, fps in details.items():
        if not label.startswith("scrapeclean") and not verbose:
            continue
        print(f"\n{label}: changes on clean prose ({len(fps)})")
        for number, before, after, context in fps:
            print(f"  #{number:<3} {before!r} -> {after!r}   ...{context}...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
