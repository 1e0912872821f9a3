"""The built-in cleaners, one factory per concern.

Each factory takes keyword-only options and returns a frozen, picklable cleaner with a `name`
and a readable repr, ready to be a `Pipeline` step.

==========================  ================================================================
factory                     what it does
==========================  ================================================================
`extract_html`              deletes an HTML page's non-article blocks (nav, footer, forms, …)
`fix_encoding`              repairs mojibake (ftfy), leftover HTML entities, invisible chars
`normalize_whitespace`      one space between words, one blank line between paragraphs
`remove_chrome`             removes UI chrome lines: icon labels, share bars, menus, prompts
`parse_dateline`            reads date, byline, wire location and agency above the body
`extract_title`             reports the headline as the title and takes it off the text
`normalize_spelling`        conservative typo fixes, British/American variants, word lists
==========================  ================================================================
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapeclean.cleaners.chrome import remove_chrome
    from scrapeclean.cleaners.dateline import parse_dateline
    from scrapeclean.cleaners.encoding import fix_encoding
    from scrapeclean.cleaners.html import extract_html
    from scrapeclean.cleaners.spelling import normalize_spelling
    from scrapeclean.cleaners.title import extract_title
    from scrapeclean.cleaners.whitespace import normalize_whitespace

__all__ = [
    "extract_html",
    "extract_title",
    "fix_encoding",
    "normalize_spelling",
    "normalize_whitespace",
    "parse_dateline",
    "remove_chrome",
]

#: Where each factory lives. The modules load on first use, so `import scrapeclean` stays fast.
_HOMES = {
    "extract_html": "html",
    "extract_title": "title",
    "fix_encoding": "encoding",
    "normalize_spelling": "spelling",
    "normalize_whitespace": "whitespace",
    "parse_dateline": "dateline",
    "remove_chrome": "chrome",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scrapeclean.cleaners' has no attribute {name!r}")
    factory = getattr(import_module(f"scrapeclean.cleaners.{home}"), name)
    globals()[name] = factory
    return factory


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
