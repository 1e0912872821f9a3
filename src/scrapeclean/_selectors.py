"""The caller's CSS selectors: checked when a step is made, matched against either tree.

A bs4 tree is matched by soupsieve (bs4's own engine); an lxml tree by cssselect's translation
to XPath (lxml's companion). Both implement CSS Selectors Level 3 and the common Level 4
pseudo-classes; a selector either engine cannot read is refused when the step is made, with
its reason, so a typo never silently matches nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["checked_selectors", "lxml_select"]


def checked_selectors(option: str, values: Iterable[str] | str) -> tuple[str, ...]:
    """`values` as a tuple of CSS selectors; ValueError naming the first one that is not valid."""
    if isinstance(values, str):
        values = (values,)
    found: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{option} takes CSS selectors (non-empty str), not {value!r}")
        selector = value.strip()
        try:
            _compiled_soup(selector)
            _xpath(selector)
        except Exception as error:  # each engine has its own error type
            raise ValueError(f"{option}: {selector!r} is not a CSS selector: {error}") from None
        found.append(selector)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=256)
def _compiled_soup(selector: str) -> Any:
    import soupsieve

    return soupsieve.compile(selector)


@lru_cache(maxsize=256)
def _xpath(selector: str) -> Any:
    from cssselect import HTMLTranslator
    from lxml.etree import XPath

    return XPath(HTMLTranslator().css_to_xpath(selector))


def lxml_select(root: _Element, selector: str) -> list[_Element]:
    """The elements of the tree under `root` (itself included) that `selector` matches."""
    found = _xpath(selector)(root)
    return [element for element in found if hasattr(element, "tag")]
