"""Fuzz `clean()` with odd pages built from real ones, for a fixed time, and report what broke.

Run from the repository root (one process; it is CPU-bound, so be nice on a shared machine)::

    nice -n 10 python scripts/fuzz_pages.py --seconds 600 [--seed 1] [--out fuzz-failures]

Each round takes pages of ``../shared/data/extraction`` (HTML and their expected bodies) and
makes inputs of them: bytes cut at a random offset (half a UTF-8 sequence included), two pages
spliced, a fragment repeated up to 200 times (as HTML and as text), random bytes flipped, one
hostile piece inserted (a NUL, a bidi override, ``&#xD800;``, an unclosed ``<!--``,
``<svg>``, ...), and a body text with hostile characters sprinkled in. Every input is
cleaned; the script checks that

- nothing is raised but a `ScrapecleanError` (the documented refusals);
- replaying the recorded changes on the source text gives the output;
- cleaning the output of a plain-text input again changes nothing, unless the result warned
  that it may (``remove_chrome``'s bounded passes);
- no input takes longer than ``--slow`` seconds of CPU.

A failing input is written to ``--out`` (``<kind>-<seed>-<n>.bin``, the raw bytes or UTF-8
text with surrogates escaped) and named on standard output. Turn each real failure into a
regression test in ``tests/test_fuzz_regressions.py``. The exit status is 1 when any input
failed. Growth in time (super-linear cost) is not checked here: see ``tests/test_linear_time.py``
and ``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from scrapeclean import ScrapecleanError, clean, replay

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"
FILES = ("zyte-dev.jsonl", "readability-dev.jsonl", "snippets-dev.jsonl")
#: One of these is inserted at a random place of a page or a body text.
HOSTILE = (
    "\x00", "\u202e", "\u2066", "\u200f", "\u2028", "\u2029", "\r", "\f", "\v", "\x85", "\x9c",
    "\ufeff", "\ud800", "\u0301\u0301\u0301", "&#xD800;", "&#0;", "&#x110000;", "&amp;amp;",
    "<![CDATA[", "<!--", "<script>", "</html>", "<body>", "<svg>", "<math>", "<template>",
    "<table>", "<plaintext>", "<textarea>", "Ã©", "â€™", "\n\n\n",
)  # fmt: skip


def load_pages() -> list[dict[str, str]]:
    """The development pages (``html`` and, where given, ``expected_text``)."""
    pages: list[dict[str, str]] = []
    for name in FILES:
        with (DATA / name).open(encoding="utf-8") as handle:
            pages.extend(json.loads(line) for line in handle if line.strip())
    return pages


def inputs(
    pages: list[dict[str, str]], rng: random.Random
) -> Iterator[tuple[str, object, dict[str, object]]]:
    """One round of odd inputs: ``(kind, raw, options for clean())``."""
    page, other = rng.choice(pages)["html"], rng.choice(pages)["html"]
    data = page.encode("utf-8", "surrogatepass")
    yield "cut-bytes", data[: rng.randrange(len(data) + 1)], {}
    i, j = rng.randrange(len(page) + 1), rng.randrange(len(other) + 1)
    yield "splice", page[:i] + other[j:], {}
    start = rng.randrange(len(page) + 1)
    fragment = page[start : start + rng.randrange(1, 2000)]
    times = rng.randrange(2, 200)
    yield "repeat-html", fragment * times, {"html": True}
    yield "repeat-text", fragment * times, {"html": False}
    flipped = bytearray(data)
    for _ in range(rng.randrange(1, 50)):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    yield "flipped-bytes", bytes(flipped), {}
    at = rng.randrange(len(page) + 1)
    yield "insert", page[:at] + rng.choice(HOSTILE) + page[at:], {}
    body = rng.choice(pages).get("expected_text") or ""
    for _ in range(rng.randrange(12)):
        at = rng.randrange(len(body) + 1)
        body = body[:at] + rng.choice(HOSTILE) + body[at:]
    yield "body-text", body, {"html": False}


def problem(raw: object, options: dict[str, object], slow: float) -> str | None:
    """What went wrong cleaning `raw`, or None."""
    started = time.process_time()
    try:
        result = clean(raw, **options)  # type: ignore[arg-type]
    except ScrapecleanError:
        return None
    except Exception as error:  # the point: anything else is a finding
        return f"raised {type(error).__name__}: {error}"
    spent = time.process_time() - started
    if replay(result.source.text, result.changes) != result.text:
        return "replay differs from the output"
    may_change = any("again" in warning for warning in result.warnings)
    if options.get("html") is False and not may_change and _changes_again(result.text):
        return "not idempotent"
    if spent > slow:
        return f"slow: {spent:.1f} s of CPU"
    return None


def _changes_again(text: str) -> bool:
    return clean(text, html=False).text != text


def save(out: Path, name: str, raw: object) -> Path:
    """Write the failing input `raw` to `out` as ``name.bin``; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.bin"
    path.write_bytes(raw if isinstance(raw, bytes) else str(raw).encode("utf-8", "surrogatepass"))
    return path


def main(argv: list[str] | None = None) -> int:
    """Fuzz until ``--seconds`` have passed; 1 when any input failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=0, help="first random seed (one per round)")
    parser.add_argument("--slow", type=float, default=30.0, help="CPU seconds that count as slow")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="failing inputs")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to fuzz")
        return 0
    pages = load_pages()
    deadline = time.monotonic() + args.seconds
    seed, checked, failed = args.seed, 0, 0
    while time.monotonic() < deadline:
        rng = random.Random(seed)
        for number, (kind, raw, options) in enumerate(inputs(pages, rng)):
            found = problem(raw, options, args.slow)
            checked += 1
            if found is not None:
                failed += 1
                path = save(args.out, f"{kind}-{seed}-{number}", raw)
                print(f"{kind} (seed {seed}, options {options}): {found} -> {path}", flush=True)
        seed += 1
    print(f"{checked} inputs in {seed - args.seed} rounds, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
