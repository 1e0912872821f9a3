"""The command line, run in-process through main() and once as `python -m scrapeclean`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrapeclean.cli import main


def test_no_file_cleans_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a file, the bundled example is cleaned: no chrome, no dateline, no title line."""
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("LUNDHAVEN (Nordwire) - The town council")
    assert "icon" not in out and "cookies" not in out and "Read more" not in out
    assert "14 Jun, 2024" not in out and "By Marta" not in out
    assert "café" in out and "received only minor repairs and repainting" in out


def test_json_output_is_the_whole_result(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the result with its title, publication time and changes."""
    assert main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "River town votes to reopen its old ferry crossing"
    assert data["published"] == "2024-06-14T09:45:00"
    assert data["dateline"]["authors"] == ["Marta Lindqvist"]
    assert (data["dateline"]["location"], data["dateline"]["agency"]) == ("LUNDHAVEN", "Nordwire")
    assert {change["cleaner"] for change in data["changes"]} >= {"remove_chrome", "fix_encoding"}


def test_explain_lists_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """--explain prints the text and then each change with its reason."""
    assert main(["--explain"]) == 0
    out = capsys.readouterr().out
    assert "[remove_chrome/chrome]" in out and "because:" in out


def test_file_and_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file path and '-' (standard input) are both read as bytes and cleaned."""
    page = tmp_path / "page.txt"
    page.write_bytes("Share Tweet Email\n\nThe cafÃ© opened.".encode())
    assert main([str(page)]) == 0
    assert capsys.readouterr().out == "The café opened.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Read more\nPlain text.")))
    assert main(["-"]) == 0
    assert capsys.readouterr().out == "Plain text.\n"


def test_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read gives exit status 2 and says which file."""
    assert main(["/no/such/file.txt"]) == 2
    assert "cannot read /no/such/file.txt" in capsys.readouterr().err


def test_unknown_step_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--without with an unknown step name gives exit status 1 and lists the steps."""
    assert main(["--without", "nope"]) == 1
    assert "no step named 'nope'" in capsys.readouterr().err


def test_python_dash_m() -> None:
    """`python -m scrapeclean` runs the same command line."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapeclean", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("scrapeclean ")
