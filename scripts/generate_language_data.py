"""Regenerate the CLDR part of `src/scrapeclean/data/languages/*.json` and the index.

Run from the repository root after ``pip install -e ".[data]"`` (which brings babel)::

    python scripts/generate_language_data.py [--check]

Each language file has one generated section and hand-kept ones:

- ``cldr`` (generated, never edit by hand): month and weekday names from the Unicode CLDR data
  that babel ships. For every month and weekday: the wide and abbreviated names, in the
  ``format`` context (genitive in Slavic and Baltic languages) and the ``stand-alone`` context
  (nominative), lower-cased, dots removed, duplicates dropped. Narrow and short forms ("M",
  "Mo") are left out: they are ordinary words far more often than dates.
- ``dates`` (hand-kept): everything CLDR does not have (relative words, units, fillers, numbers,
  markers), ``months_extra`` and ``weekdays_extra`` (forms seen in real text that CLDR lacks,
  such as "sept" or "sonnabend") and ``cldr_exclude`` (CLDR forms deliberately not read as
  names, each a collision with a common word or marker).
- ``chrome`` and ``dateline`` (hand-kept): interface and byline vocabulary for the cleaners;
  ``html`` (hand-kept): class and id words that mark page furniture in HTML.

The script keeps the hand sections as they are, except that it drops from ``months_extra`` and
``weekdays_extra`` any form CLDR now supplies, so no form is written twice. It then rewrites
``index.json`` (language order, aliases, which sections each language has). ``--check`` writes
nothing and exits 1 when a file would change (for CI).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "scrapeclean" / "data" / "languages"
INDEX = DATA / "index.json"

#: Our code -> the babel locale whose CLDR data we read.
BABEL_LOCALE = {"no": "nb", "tl": "fil"}
CONTEXTS = ("format", "stand-alone")
WIDTHS = ("wide", "abbreviated")
#: Where the hand-kept extras of each generated list live.
EXTRA_OF = {"months": "months_extra", "weekdays": "weekdays_extra"}


def clean_form(name: str) -> str:
    """A CLDR name as we store it: lower case, no dots, no surrounding space."""
    return name.replace(".", "").strip().lower()


def _unique(forms: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for form in forms:
        if form:
            seen.setdefault(form, None)
    return list(seen)


def cldr_names(code: str) -> dict[str, Any]:
    """The generated ``cldr`` section for the language `code`."""
    from babel import Locale
    from babel.core import get_cldr_version

    locale = Locale.parse(BABEL_LOCALE.get(code, code))
    months = [
        _unique(
            [
                clean_form(locale.months[context][width][number])
                for context in CONTEXTS
                for width in WIDTHS
            ]
        )
        for number in range(1, 13)
    ]
    weekdays = [
        _unique(
            [
                clean_form(locale.days[context][width][day])
                for context in CONTEXTS
                for width in WIDTHS
            ]
        )
        for day in range(7)  # CLDR/babel: 0 is Monday
    ]
    return {
        "source": f"CLDR {get_cldr_version()}, locale {locale}",
        "months": months,
        "weekdays": weekdays,
    }


def merge(document: dict[str, Any], cldr: dict[str, Any]) -> dict[str, Any]:
    """`document` with its ``cldr`` section replaced and CLDR forms dropped from the extras."""
    dates = dict(document.get("dates", {}))
    for name, extra_key in EXTRA_OF.items():
        extras = dates.get(extra_key)
        if extras is None:
            continue
        dates[extra_key] = [
            [form for form in forms if form not in set(generated)]
            for forms, generated in zip(extras, cldr[name], strict=True)
        ]
    merged: dict[str, Any] = {"code": document["code"], "name": document["name"], "cldr": cldr}
    merged["dates"] = dates
    for key, value in document.items():
        if key not in merged:
            merged[key] = value
    return merged


def dumps(value: Any, indent: int = 0) -> str:
    """JSON with one key per line and short lists kept on one line (readable diffs)."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict) and value:
        if all(not isinstance(item, (dict, list)) for item in value.values()) and len(value) <= 8:
            return json.dumps(value, ensure_ascii=False)
        lines = [
            f"{pad}{json.dumps(key, ensure_ascii=False)}: {dumps(item, indent + 1)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(lines) + "\n" + "  " * indent + "}"
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        lines = [f"{pad}{dumps(item, indent + 1)}" for item in value]
        return "[\n" + ",\n".join(lines) + "\n" + "  " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def build_index(documents: list[dict[str, Any]], old: dict[str, Any]) -> dict[str, Any]:
    """The index: language order (kept from the old index, new codes last), aliases, sections."""
    codes = {doc["code"] for doc in documents if "dates" in doc}
    order = [code for code in old.get("order", []) if code in codes]
    order += sorted(codes - set(order))
    by_code = {doc["code"]: doc for doc in documents}
    sections: dict[str, list[str]] = {}
    for code in [*order, *sorted(set(by_code) - codes)]:
        for section in ("chrome", "dateline", "html"):
            for key in by_code[code].get(section, {}):
                sections.setdefault(f"{section}.{key}", []).append(code)
    return {
        "order": order,
        "names": {code: by_code[code]["name"] for code in sorted(by_code)},
        "aliases": old.get("aliases", {}),
        "vocabulary": sections,
    }


def main() -> int:
    """Regenerate (or with --check, verify) every language file and the index."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args()
    stale: list[str] = []
    documents: list[dict[str, Any]] = []
    for path in sorted(DATA.glob("*.json")):
        if path == INDEX:
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        has_dates = "dates" in document  # "mul" holds multilingual vocabulary only
        merged = merge(document, cldr_names(document["code"])) if has_dates else document
        documents.append(merged)
        stale += _write(path, dumps(merged) + "\n", check=args.check)
    old = json.loads(INDEX.read_text(encoding="utf-8")) if INDEX.exists() else {}
    stale += _write(INDEX, dumps(build_index(documents, old)) + "\n", check=args.check)
    for name in stale:
        print(f"{'stale' if args.check else 'wrote'}: {name}")
    return 1 if args.check and stale else 0


def _write(path: Path, text: str, *, check: bool) -> list[str]:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return []
    if not check:
        path.write_text(text, encoding="utf-8")
    return [path.name]


if __name__ == "__main__":
    sys.exit(main())
