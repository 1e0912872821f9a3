"""What the installed pytest plugin costs a test suite that does not use it.

Run: python benchmarks/bench_plugin.py [--runs N] [--tests N] [--run-tests] [--all-plugins]

Writes an unrelated suite of N plain tests to a temporary folder, then times pytest sessions on
it in fresh interpreters, interleaved: with the plugin and without it. By default other plugins
are kept out (``PYTEST_DISABLE_PLUGIN_AUTOLOAD=1``, ours loaded with ``-p``), so the noise of a
heavy plugin such as hypothesis's does not hide the difference; with ``--all-plugins`` both
arms load every installed plugin and the second turns ours off (``-p no:scrapeclean``). By
default the sessions only collect (``--collect-only``); with ``--run-tests`` they run the tests
too. Prints the median CPU time (user + system, steadier than wall time on a shared machine) of
each, the difference, the ratio, and the spread of the runs without the plugin, which is the
noise the difference is to be read against. Target: a difference within the noise. It also
prints the plugin's own import time (``python -X importtime``, pytest already imported), which
is what the plugin adds to a session that does not use it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

MODULES = 10


def _write_suite(folder: Path, tests: int) -> None:
    per_module = max(1, tests // MODULES)
    for module in range(MODULES):
        body = "\n\n".join(
            f"def test_{module}_{number}():\n    assert {number} + 1 == {number + 1}"
            for number in range(per_module)
        )
        (folder / f"test_unrelated_{module}.py").write_text(body + "\n", encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")


def _session(folder: Path, extra: list[str], *, isolated: bool) -> float:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    env = dict(os.environ)
    if isolated:
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=folder, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _plugin_import_ms() -> float:
    """The cumulative import time of the plugin module, pytest being imported already."""
    code = "import pytest; import scrapeclean.pytest_plugin"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], check=True, capture_output=True, text=True
    )
    for line in done.stderr.splitlines():
        fields = [field.strip() for field in line.split("|")]
        if len(fields) == 3 and fields[2] == "scrapeclean.pytest_plugin":
            return int(fields[1]) / 1000
    raise RuntimeError("the plugin module was not imported")


def _quartiles(samples: list[float]) -> tuple[float, float]:
    low, _, high = statistics.quantiles(samples, n=4)
    return low, high


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tests", type=int, default=100)
    parser.add_argument("--run-tests", action="store_true", help="run the tests, not only collect")
    parser.add_argument("--all-plugins", action="store_true", help="load every installed plugin")
    args = parser.parse_args()
    mode = [] if args.run_tests else ["--collect-only"]
    isolated = not args.all_plugins
    on, off = ([], ["-p", "no:scrapeclean"])
    if isolated:
        on, off = ["-p", "scrapeclean.pytest_plugin"], []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _write_suite(folder, args.tests)
        _session(folder, mode, isolated=isolated)  # warm the file system caches
        with_plugin: list[float] = []
        without: list[float] = []
        for _ in range(args.runs):
            with_plugin.append(_session(folder, [*mode, *on], isolated=isolated))
            without.append(_session(folder, [*mode, *off], isolated=isolated))
    ours, bare = statistics.median(with_plugin), statistics.median(without)
    low, high = _quartiles(without)
    what = "run" if args.run_tests else "collection"
    plugins = "all installed plugins" if args.all_plugins else "no other plugins"
    print(
        f"python {sys.version.split()[0]}, {args.tests} tests, {what}, {plugins}, "
        f"{args.runs} runs each"
    )
    print(f"without plugin: {bare * 1000:7.1f} ms (quartiles {low * 1000:.1f}-{high * 1000:.1f})")
    print(f"with plugin:    {ours * 1000:7.1f} ms")
    difference = ours - bare
    print(f"difference:     {difference * 1000:+7.1f} ms, ratio {ours / bare:.3f}")
    verdict = "within" if abs(difference) <= (high - low) else "OUTSIDE"
    print(f"the difference is {verdict} the interquartile spread of the runs without the plugin")
    imports = statistics.median(_plugin_import_ms() for _ in range(args.runs))
    print(f"plugin module import (pytest already loaded): {imports:.1f} ms median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
