"""The command line.

- ``scrapeclean [FILE | -] [--json | --explain]``: clean one article and print it. With no FILE,
  a bundled example article is cleaned, to show what the library does. FILE is read as bytes,
  so its encoding is detected like any scraped page's.
- ``scrapeclean clean INPUT... [-o OUT]``: clean a corpus (files, directories, globs, JSONL)
  into JSONL rows or text files; see ``scrapeclean clean --help``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.resources import files

from scrapeclean._cli_common import UsageError, build_pipeline, parse_reference, write_whole
from scrapeclean._pipeline import Pipeline
from scrapeclean.exceptions import ScrapecleanError

__all__ = ["main"]

EXAMPLE = "example-article.txt"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapeclean",
        description="Clean a scraped article: print its body text, or the whole result as JSON.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        help="the article to clean (text or HTML); '-' reads standard input; "
        "without it, a bundled example article is cleaned",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the whole result as JSON")
    output.add_argument(
        "--explain", action="store_true", help="print the text, then every change and why"
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="html", action="store_true", default=None,
                      help="read the input as HTML")  # fmt: skip
    kind.add_argument("--text", dest="html", action="store_false",
                      help="read the input as plain text")  # fmt: skip
    parser.add_argument("--encoding", help="the charset to try first when decoding the input")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="STEP",
        help="leave out a step of the default pipeline (repeatable), e.g. normalize_spelling",
    )
    parser.add_argument(
        "--reference",
        metavar="TIME",
        help="the time relative dates ('2 hours ago') resolve against: an ISO 8601 time or "
        "'now'; without it they are left unresolved",
    )
    parser.add_argument("--url", help="the page's address, recorded in the metadata")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def _read(path: str | None) -> bytes:
    if path is None:
        return (files("scrapeclean") / "data" / EXAMPLE).read_bytes()
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _clean_parser() -> argparse.ArgumentParser:
    from scrapeclean._cli_clean import add_clean_arguments

    parser = argparse.ArgumentParser(
        prog="scrapeclean clean",
        description="Clean many documents into JSONL rows (id, text, metadata, warnings) or "
        "text files. A record that cannot be read or cleaned becomes an error row; the exit "
        "status is 1 when any failed.",
    )
    add_clean_arguments(parser)
    return parser


def _explain_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapeclean explain",
        description="Show what cleaning FILE removes and changes: the input with removals "
        "struck through and insertions marked, then each change with its rule and reason.",
    )
    parser.add_argument("file", help="the article (text or HTML); '-' reads standard input")
    parser.add_argument("--html", metavar="REPORT", dest="report",
                        help="also write an HTML page with every change marked")  # fmt: skip
    colour = parser.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_true", default=None,
                        help="colour the output (default: on a terminal)")  # fmt: skip
    colour.add_argument("--no-color", dest="color", action="store_false",
                        help="mark changes as [-removed-] and {+inserted+}")  # fmt: skip
    parser.add_argument("--encoding", help="the charset to try first when decoding the input")
    parser.add_argument("--without", action="append", default=[], metavar="STEP",
                        help="leave out a step of the default pipeline (repeatable)")  # fmt: skip
    parser.add_argument("--variant", help="spelling variant, e.g. en-GB or en-US")
    parser.add_argument("--reference", metavar="TIME",
                        help="time relative dates resolve against: ISO 8601 or 'now'")  # fmt: skip
    parser.add_argument("--url", help="the page's address, recorded in the metadata")
    return parser


def _explain(args: argparse.Namespace) -> int:
    from scrapeclean._report import render_html, render_terminal

    try:
        pipeline = build_pipeline(args.variant, args.without)
        reference = parse_reference(args.reference)
    except UsageError as exc:
        print(f"scrapeclean explain: error: {exc}", file=sys.stderr)
        return 2
    try:
        raw = _read(args.file)
        result = pipeline.clean(raw, encoding=args.encoding, url=args.url, reference=reference)
    except OSError as exc:
        print(f"scrapeclean: error: cannot read {args.file}: {exc.strerror or exc}",
              file=sys.stderr)  # fmt: skip
        return 2
    except ScrapecleanError as exc:
        print(f"scrapeclean: error: {exc}", file=sys.stderr)
        return 1
    color = sys.stdout.isatty() if args.color is None else args.color
    print(render_terminal(result, color=color))
    if args.report:
        write_whole(args.report, render_html(result, title=f"scrapeclean: {args.file}"))
        print(f"report written to {args.report}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["clean"]:
        from scrapeclean._cli_clean import run_clean

        return run_clean(_clean_parser().parse_args(arguments[1:]))
    if arguments[:1] == ["explain"]:
        return _explain(_explain_parser().parse_args(arguments[1:]))
    parser = _parser()
    args = parser.parse_args(arguments)
    if args.version:
        from scrapeclean import __version__

        print(f"scrapeclean {__version__}")
        return 0
    try:
        raw = _read(args.file)
    except OSError as exc:
        print(
            f"scrapeclean: error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr
        )
        return 2
    try:
        reference = parse_reference(args.reference)
    except UsageError as exc:
        parser.error(str(exc))
    try:
        pipeline = Pipeline.default()
        if args.without:
            pipeline = pipeline.without(*args.without)
        result = pipeline.clean(
            raw, html=args.html, encoding=args.encoding, url=args.url, reference=reference
        )
    except ScrapecleanError as exc:
        print(f"scrapeclean: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(result.to_json(indent=2))
    elif args.explain:
        print(result.text)
        print()
        print(result.explain())
    else:
        print(result.text)
    return 0
