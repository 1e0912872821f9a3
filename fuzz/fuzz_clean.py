"""Coverage-guided fuzzing of `clean()` with atheris, for a fixed time.

Run: python fuzz/fuzz_clean.py [-max_total_time=300] [-max_len=4096] [corpus_dir ...]

Needs the optional ``fuzz`` extra (``pip install -e ".[fuzz]"``, which installs atheris); without
it the script says so and exits with status 0, so a scheduled job can run it unconditionally.

Each input is cleaned three ways: as bytes (decoding, HTML detection, compressed and binary
input), as text (the bytes decoded as UTF-8 with replacement) and as text read as HTML. For
each, the script checks that

- nothing is raised but a `ScrapecleanError` (the documented refusals) or a `TypeError`;
- replaying the recorded changes on the source text reproduces the output;
- cleaning the output again changes nothing (idempotence), for plain text.

A failing input is written by libFuzzer as ``crash-<hash>`` in the working directory: turn each
into a regression test in ``tests/test_fuzz_regressions.py`` (the input as a literal and the
property it broke), then fix the cause.
"""

from __future__ import annotations

import sys
from typing import Any

#: Default run time in seconds when no -max_total_time is given.
DEFAULT_SECONDS = 120


def check(data: bytes) -> None:
    """Clean `data` as bytes, text and HTML text; raise AssertionError on a broken property."""
    from scrapeclean import clean, replay
    from scrapeclean.exceptions import ScrapecleanError

    text = data.decode("utf-8", errors="replace")
    for raw, options in ((data, {}), (text, {"html": False}), (text, {"html": True})):
        try:
            result = clean(raw, **options)  # type: ignore[arg-type]
        except (ScrapecleanError, TypeError):
            continue
        replayed = replay(result.source.text, result.changes)
        assert replayed == result.text, f"replay differs for {raw!r:.200} {options}"
        if options.get("html") is False:
            again = clean(result.text, html=False).text
            assert again == result.text, f"not idempotent for {raw!r:.200}"


def _one_input(data: bytes) -> None:
    check(data)


def _import_all() -> None:
    """Import every module of the package (cleaners load lazily), so all are instrumented."""
    import importlib
    import pkgutil

    import scrapeclean

    for info in pkgutil.walk_packages(scrapeclean.__path__, "scrapeclean."):
        if not info.name.endswith(("__main__", "pytest_plugin")):
            importlib.import_module(info.name)


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer; returns 0 when atheris is missing (nothing to do) or no crash was found."""
    try:
        import atheris
    except ImportError:
        print("atheris is not installed: pip install -e '.[fuzz]' to fuzz; skipping.")
        return 0
    args: list[Any] = list(sys.argv if argv is None else [sys.argv[0], *argv])
    if not any(str(arg).startswith("-max_total_time") for arg in args):
        args.append(f"-max_total_time={DEFAULT_SECONDS}")
    if not any(str(arg).startswith("-max_len") for arg in args):
        args.append("-max_len=4096")
    with atheris.instrument_imports():
        _import_all()
    atheris.Setup(args, _one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
