"""Benchmark `normalize_spelling` against pyspellchecker and symspellpy, in the same run.

Run as ``python benchmarks/bench_spelling.py`` (``--verbose`` lists every change the peers make
on clean prose, ``--ours`` skips the peers, ``--all-peers`` runs pyspellchecker on every body,
``--no-pages`` skips the zyte-dev page texts). Needs the development data in ``../shared/data``
next to the repository; skips with a message when it is absent. Peers that are not installed are
reported as missing.

Per corrector:

- recall and precision on ``spelling/typos-dev.jsonl`` (Norvig's Birkbeck test set 1): each
  misspelling is put in a short neutral English sentence; exact corrections, wrong ones (the
  word changed to something else), words left alone, and changes elsewhere in the sentence.
  Precision is also given for each half of the set (even and odd rows), so that a rule tuned on
  one half is checked on the other;
- changes on clean prose: every change proposed on the human-checked article bodies of
  ``extraction/zyte-dev.jsonl`` (92) and ``extraction/readability-dev.jsonl`` (60), also per
  10,000 words; each is suspect, and ours are listed to be judged;
- the changes on ``seed-article.txt`` (which should get exactly one: ``ans`` -> ``and``);
- speed on the gold bodies (1 MB): MB/s of CPU time over the pass that lists the changes (for
  ours, the best of that and two more passes with the word verdict caches cleared), and the
  ratio to symspellpy.

Peers run word by word behind a plain token policy (lowercase words of 3+ letters standing
alone, or a capitalised sentence start; words used twice left alone), so the comparison is about
choosing candidates, not about tokenising: symspellpy looks up every such token (a known word is
its own best suggestion), pyspellchecker corrects the tokens it does not know. Their times
include that wrapper. pyspellchecker takes about 0.15 s per article, so its changes and speed on
the bodies are measured on every tenth body unless ``--all-peers`` is given.

Then, for ours only: the first call in a fresh process (import and one short text, wall and CPU
time, best of 3, from compiled bytecode as an installed package runs), the speed on the zyte-dev
page texts (what the HTML reader gives: chrome and all), the memory peak while cleaning a 4 MB
text, the real-word test set of ``tests/spelling/real_words.jsonl``, and the British/American
variants on the gold bodies (the share of British spellings rewritten under
``variant='en-US'``, every rewrite of a word whose sense decides its spelling, and the
context-decided rewrites under ``'en-GB'``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _results import record

from scrapeclean._model import Document
from scrapeclean.cleaners import spelling
from scrapeclean.cleaners.spelling import _match_case, normalize_spelling

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TEMPLATE = "We were told that the {} was mentioned in the report."

#: (text number, before, after, context) of one change on clean prose
Found = tuple[int, str, str, str]
#: text -> list of (start, end, replacement)
Corrector = Callable[[str], list[tuple[int, int, str]]]

_PLAIN = re.compile(r"(?<!\S)[\"\u201c(\[]*([A-Za-z]{3,})[\"\u201d)\].,;:!?]*(?!\S)")

FIRST_CALL = """
import time
began, cpu = time.perf_counter(), time.process_time()
from scrapeclean._model import Document
from scrapeclean.cleaners import normalize_spelling
edits = normalize_spelling()(Document.from_text({text!r})).edits
print(time.perf_counter() - began, time.process_time() - cpu, len(edits))
"""


def ours(**options: object) -> Corrector:
    cleaner = normalize_spelling(**options)  # type: ignore[arg-type]

    def run(text: str) -> list[tuple[int, int, str]]:
        proposal = cleaner(Document.from_text(text))
        return [(e.span.start, e.span.end, e.replacement) for e in proposal.edits]

    return run


def wrapped(known: Callable[[str], bool], correct: Callable[[str], str | None]) -> Corrector:
    """Apply a peer's candidate choice word by word behind a plain token policy."""

    def run(text: str) -> list[tuple[int, int, str]]:
        matches = list(_PLAIN.finditer(text))
        counts: dict[str, int] = {}
        for match in matches:
            lower = match.group(1).lower()
            counts[lower] = counts.get(lower, 0) + 1
        out = []
        for match in matches:
            word = match.group(1)
            lower = word.lower()
            before = text[: match.start()].rstrip()
            starts = not before or before.endswith((".", "!", "?", "\n"))
            if not (word.islower() or (word.istitle() and starts)) or counts[lower] > 1:
                continue
            if known(lower):
                continue
            fixed = correct(lower)
            if fixed and fixed != lower:
                out.append((match.start(1), match.end(1), _match_case(word, fixed)))
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

    # Word by word, as the library is used: every token is looked up (a known word returns at
    # once as its own best suggestion).
    return wrapped(lambda w: False, correct)


def recall(run: Corrector, rows: list[dict[str, str]]) -> dict[str, list[int]]:
    """Counts per half (even rows, odd rows): exact, wrong, left alone, other changes."""
    counts = {"even": [0, 0, 0, 0], "odd": [0, 0, 0, 0]}
    start = len(TEMPLATE.split("{}")[0])
    for number, row in enumerate(rows):
        half = counts["even" if number % 2 == 0 else "odd"]
        typo = row["misspelling"]
        edits = run(TEMPLATE.format(typo))
        on_word = [e for e in edits if e[0] == start and e[1] == start + len(typo)]
        half[3] += len(edits) - len(on_word)
        if not on_word:
            half[2] += 1
        elif on_word[0][2] == row["correct"]:
            half[0] += 1
        else:
            half[1] += 1
    return counts


def precision(exact: int, wrong: int) -> str:
    return f"{exact / (exact + wrong):.3f}" if exact + wrong else "-"


def changes_on(run: Corrector, texts: list[str]) -> list[Found]:
    found = []
    for number, text in enumerate(texts):
        for start, end, replacement in run(text):
            context = text[max(0, start - 40) : end + 40].replace("\n", " ")
            found.append((number, text[start:end], replacement, context))
    return found


def rate(run: Corrector, texts: list[str], repeat: int = 2) -> float:
    """MB/s of CPU time over `texts`, best of `repeat` passes (our search cache cleared)."""
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        spelling._clear_caches()
        began = time.process_time()
        for text in texts:
            run(text)
        best = min(best, time.process_time() - began)
    return size / best


def first_call() -> tuple[float, float, int]:
    """Wall and CPU seconds of import + the first call in a fresh process (best of 3).

    As an installed package runs: from compiled bytecode (kept in a temporary folder, outside
    the repository, and written by one warm-up run first), whatever PYTHONDONTWRITEBYTECODE says.
    """
    import os
    import tempfile

    text = "We decided to recieve the guests at the station this morning."
    best = (float("inf"), float("inf"), 0)
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for attempt in range(4):
            out = subprocess.run(
                [sys.executable, "-c", FIRST_CALL.format(text=text)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout.split()
            if attempt:  # the first run compiles the bytecode
                best = min(best, (float(out[0]), float(out[1]), int(out[2])))
    return best


def real_words() -> tuple[int, int, int, int]:
    """(slips fixed, slips, correct sentences changed, correct sentences) on the test set."""
    path = ROOT / "tests" / "spelling" / "real_words.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    run = ours()
    fixed = slips = changed = correct = 0
    for row in rows:
        text = row["text"]
        for start, end, replacement in reversed(run(text)):
            text = text[:start] + replacement + text[end:]
        if row["kind"] == "slip":
            slips += 1
            fixed += text == row["expected"]
        else:
            correct += 1
            changed += text != row["text"]
    return fixed, slips, changed, correct


def variants(texts: list[str]) -> None:
    """Print the share of British spellings rewritten to American, and the sense-decided ones."""
    table = spelling._variants()
    run = ours(variant="en-US", correct_typos=False)
    british = rewritten = 0
    missed: list[Found] = []
    to_us: list[Found] = []
    for number, text in enumerate(texts):
        edits = {start: (end, after) for start, end, after in run(text)}
        for start, (end, after) in edits.items():
            context = text[max(0, start - 40) : end + 40].replace("\n", " ")
            to_us.append((number, text[start:end], after, context))
        for match in _PLAIN.finditer(text):
            word = match.group(1)
            if word.lower() not in table.to_us or not (word.islower() or word.isupper()):
                continue  # plain lowercase or capital words: capitalised ones may be names
            british += 1
            if match.start(1) in edits:
                rewritten += 1
            else:
                context = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
                missed.append((number, word, "", context))
    share = rewritten / max(1, british)
    print(
        f"\nvariant='en-US' on the gold bodies: {rewritten} of {british} British spellings "
        f"standing as plain lowercase or capital words rewritten ({share:.0%}); "
        f"{len(to_us)} rewrites in all"
    )
    for number, before, _, context in missed:
        print(f"  not rewritten: #{number:<3} {before!r}   ...{context}...")
    print("  rewrites of capitalised words or of words whose sense decides their spelling:")
    sensed = {
        "programme", "programmes", "metre", "metres", "licence", "licences", "practise",
        "practised", "storey", "storeys", "tyre", "tyres", "cheque", "kerb", "draught",
    }  # fmt: skip
    for number, before, after, context in to_us:
        if before.lower() in sensed or not before.islower():
            print(f"  #{number:<3} {before!r} -> {after!r}   ...{context}...")
    to_gb = changes_on(ours(variant="en-GB", correct_typos=False), texts)
    decided = [c for c in to_gb if c[1].lower() in spelling._CONTEXT_TO_GB]
    print(f"variant='en-GB': {len(to_gb)} rewrites; decided by context ({len(decided)}):")
    for number, before, after, context in decided:
        print(f"  #{number:<3} {before!r} -> {after!r}   ...{context}...")


def pages_and_memory(gold: list[str]) -> None:
    """Print our speed on the zyte-dev page texts and the memory peak on a 4 MB text."""
    import tracemalloc

    run = ours()
    if "--no-pages" not in sys.argv:
        from _pages import page_texts

        pages = page_texts()
        print(f"\npage texts (zyte-dev, {sum(len(p.encode()) for p in pages) / 1e6:.2f} MB): "
              f"{rate(run, pages):.2f} MB/s")  # fmt: skip
    big = "\n\n".join(gold * 4)
    run(big)  # indexes and caches built: the peak is what one document costs
    tracemalloc.start()
    run(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"memory: peak {peak / 1e6:.1f} MB while cleaning a {len(big.encode()) / 1e6:.1f} MB text"
    )


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: development data not found at {DATA}")
        return 0
    verbose = "--verbose" in sys.argv
    typos = [json.loads(line) for line in (DATA / "spelling" / "typos-dev.jsonl").open()]
    zyte = [
        json.loads(line)["expected_text"] for line in (DATA / "extraction/zyte-dev.jsonl").open()
    ]
    read = [
        json.loads(line)["expected_text"]
        for line in (DATA / "extraction/readability-dev.jsonl").open()
    ]
    gold = zyte + read
    words = sum(len(text.split()) for text in gold)
    size = sum(len(text.encode("utf-8")) for text in gold) / 1e6
    seed = (DATA / "seed-article.txt").read_text(encoding="utf-8")

    wall, cpu, _ = first_call()
    print(f"first call (fresh process: import + one short sentence with a typo): "
          f"{wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (best of 3)")  # fmt: skip

    peers: dict[str, Corrector | None] = {"scrapeclean": ours()}
    if "--ours" not in sys.argv:
        peers["pyspellchecker"] = pyspellchecker()
        peers["symspellpy"] = symspellpy()
    print(f"typos-dev: {len(typos)} misspellings in {TEMPLATE!r}")
    print(f"gold bodies: {len(zyte)} zyte-dev + {len(read)} readability-dev, {words:,} words, "
          f"{size:.2f} MB\n")  # fmt: skip
    header = (
        f"{'corrector':<15} {'exact':>5} {'wrong':>5} {'alone':>5} {'other':>5} {'prec':>6} "
        f"{'p even':>6} {'p odd':>6} {'zyte':>5} {'read':>5} {'/10kw':>6} {'seed':>4} "
        f"{'MB/s':>6} {'ratio':>6}"
    )
    print(header)
    rows: dict[str, tuple[dict[str, list[int]], list[Found], list[Found], int, float]] = {}
    for label, run in peers.items():
        if run is None:
            print(f"{label:<15} not installed")
            continue
        counts = recall(run, typos)
        if label == "pyspellchecker" and "--all-peers" not in sys.argv:
            # About 0.15 s per article (its distance-2 search): timed on a tenth of the bodies.
            sample = gold[::10]
            began = time.process_time()
            fps_sample = changes_on(run, sample)
            mbs = sum(len(t.encode()) for t in sample) / 1e6 / (time.process_time() - began)
            rows[label] = (counts, fps_sample, [], -1, mbs)
            continue
        began = time.process_time()
        fps_zyte = changes_on(run, zyte)
        fps_read = changes_on(run, read)
        mbs = size / (time.process_time() - began)
        if label == "scrapeclean":  # cheap enough to take the best of two more passes
            mbs = max(mbs, rate(run, gold))
        seed_changes = len(run(seed))
        rows[label] = (counts, fps_zyte, fps_read, seed_changes, mbs)
    symspell_rate = rows["symspellpy"][4] if "symspellpy" in rows else None
    table: list[dict[str, object]] = []
    for label, (counts, fps_zyte, fps_read, seed_changes, mbs) in rows.items():
        even, odd = counts["even"], counts["odd"]
        total = [a + b for a, b in zip(even, odd, strict=True)]
        table.append(
            {
                "corrector": label,
                "exact": total[0],
                "wrong": total[1],
                "left_alone": total[2],
                "precision": precision(total[0], total[1]),
                "held_out_half": precision(odd[0], odd[1]),
                "changes_per_10k_clean_words": (
                    (len(fps_zyte) + len(fps_read)) / words * 10_000 if seed_changes >= 0 else None
                ),
                "mb_per_s": mbs,
            }
        )
        if seed_changes < 0:  # pyspellchecker on a sample: changes per 10k words of it
            sample_words = sum(len(t.split()) for t in gold[::10])
            per_10k = len(fps_zyte) / sample_words * 10_000
            print(
                f"{label:<15} {total[0]:>5} {total[1]:>5} {total[2]:>5} {total[3]:>5} "
                f"{precision(total[0], total[1]):>6} {precision(even[0], even[1]):>6} "
                f"{precision(odd[0], odd[1]):>6} {'-':>5} {'-':>5} {per_10k:>6.2f} {'-':>4} "
                f"{mbs:>6.2f} {mbs / symspell_rate if symspell_rate else 0:>5.2f}x  "
                "(bodies: every 10th; --all-peers for all)"
            )
            continue
        per_10k = (len(fps_zyte) + len(fps_read)) / words * 10_000
        ratio = f"{mbs / symspell_rate:>5.1f}x" if symspell_rate else "     -"
        print(
            f"{label:<15} {total[0]:>5} {total[1]:>5} {total[2]:>5} {total[3]:>5} "
            f"{precision(total[0], total[1]):>6} {precision(even[0], even[1]):>6} "
            f"{precision(odd[0], odd[1]):>6} {len(fps_zyte):>5} {len(fps_read):>5} "
            f"{per_10k:>6.2f} {seed_changes:>4} {mbs:>6.2f} {ratio}"
        )
    for label, (_, fps_zyte, fps_read, _, _) in rows.items():
        if label != "scrapeclean" and not verbose:
            continue
        for name, fps in (("zyte-dev", fps_zyte), ("readability-dev", fps_read)):
            print(f"\n{label} on {name}: changes on clean prose ({len(fps)})")
            for number, before, after, context in fps:
                print(f"  #{number:<3} {before!r} -> {after!r}   ...{context}...")
    record(
        "spelling",
        "typos-dev and clean bodies",
        table,
        note=f"{len(typos)} typos in a neutral sentence; {words:,} words of gold bodies; first "
        f"call {cpu * 1000:.0f} ms CPU in a fresh process",
    )
    pages_and_memory(gold)
    fixed, slips, changed, correct = real_words()
    record(
        "spelling",
        "real-word set",
        [{"slips": slips, "fixed": fixed, "correct_sentences": correct, "changed": changed}],
        note="tests/spelling/real_words.jsonl",
    )
    print(f"\nreal-word set: {fixed} of {slips} slips fixed; {changed} of {correct} correct "
          "sentences changed")  # fmt: skip
    variants(gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
