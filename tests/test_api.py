"""The public surface: exactly the fixed names, typed, and a light import."""

from __future__ import annotations

import subprocess
import sys

import scrapeclean
from scrapeclean import cleaners


def test_all_is_exactly_the_public_names() -> None:
    """__all__ lists the public names, sorted, and each exists."""
    assert scrapeclean.__all__ == sorted(scrapeclean.__all__)
    assert set(scrapeclean.__all__) == {
        "Block", "Change", "ChromeProfile", "CleanFailure", "CleanRequest", "CleanResult",
        "CleanerError", "Dateline", "Document", "DocumentError", "Edit",
        "Finding", "Metadata", "BinaryInputError", "InputTooLargeError", "UnknownEncodingError",
        "InputTypeError", "Pipeline", "PipelineError", "ProfileError", "Proposal", "ReplayError",
        "ScrapecleanError", "Source", "Span", "__version__", "clean", "cleaners", "replay",
    }  # fmt: skip
    for name in scrapeclean.__all__:
        assert hasattr(scrapeclean, name)
    assert cleaners.__all__ == sorted(cleaners.__all__)


def test_package_is_typed() -> None:
    """The package ships a py.typed marker."""
    from importlib.resources import files

    assert files("scrapeclean").joinpath("py.typed").is_file()


def test_import_is_light() -> None:
    """Importing scrapeclean imports neither pytest nor bs4 nor ftfy, and loads no word list."""
    code = (
        "import sys, scrapeclean; "
        "heavy = [m for m in ('pytest', 'bs4', 'ftfy', 'hypothesis') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_docstrings_on_public_api() -> None:
    """Every public class, function and cleaner factory has a docstring."""
    for name in scrapeclean.__all__:
        obj = getattr(scrapeclean, name)
        if callable(obj):
            assert obj.__doc__, name
    for name in cleaners.__all__:
        assert getattr(cleaners, name).__doc__, name
