"""Turning what a scraper hands us (str, bytes, BeautifulSoup) into the input text.

Bytes are decoded by, in order: a byte-order mark; the charset the caller names; for HTML, the
charset the page declares in its first bytes; strict UTF-8; and last a lossless fallback
(Windows-1252 with its five undefined bytes kept as the matching C1 controls), which is recorded
as a warning. HTML (detected, or forced with ``html=True``) is turned into text by
`scrapeclean._html`; every change span points into that text.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from typing import TYPE_CHECKING, Union

from scrapeclean._model import Source
from scrapeclean.exceptions import InputTypeError

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

    RawInput = Union[str, bytes, bytearray, memoryview, BeautifulSoup, Tag]  # noqa: UP007
else:
    RawInput = object

__all__ = ["RawInput", "decode_bytes", "looks_like_html", "read_input"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_HTML_START = re.compile(
    r"\A[\s\ufeff]*(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|"
    r"div|p|section|main|span|h[1-6]|table|ul|ol|a|img|header|nav|script|style|link)\b",
    re.IGNORECASE | re.DOTALL,
)
_CLOSING_TAG = re.compile(r"</(?:p|div|span|a|li|td|h[1-6]|body|html|article|section)\s*>", re.I)
_FALLBACK = "sloppy-windows-1252"
_SNIFF_BYTES = 4096


def looks_like_html(text: str) -> bool:
    """Whether `text` reads as an HTML document or fragment rather than plain text."""
    head = text[:_SNIFF_BYTES]
    return bool(_HTML_START.match(head)) and bool(_CLOSING_TAG.search(text))


def _codec_name(label: str) -> str | None:
    """The Python codec for a charset label, or None when Python does not know it."""
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def decode_bytes(
    data: bytes, *, encoding: str | None = None, html: bool | None = None
) -> tuple[str, str, str, list[str]]:
    """Decode `data`; return ``(text, codec, how_chosen, warnings)``.

    `how_chosen` is ``"bom"``, ``"given"``, ``"declared"``, ``"utf-8"`` or ``"fallback"``.
    """
    warnings: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_after_bom(data[len(bom) :], codec, warnings), codec, "bom", warnings
    candidates: list[tuple[str, str]] = []
    if encoding is not None:
        given = _codec_name(encoding)
        if given is None:
            warnings.append(f"unknown encoding {encoding!r} was ignored")
        else:
            candidates.append((given, "given"))
    if html is not False:
        declared = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
        if declared is not None:
            label = declared.group(1).decode("ascii")
            declared_codec = _codec_name(label)
            if declared_codec is None:
                warnings.append(f"the page declares an unknown charset {label!r}")
            else:
                candidates.append((declared_codec, "declared"))
    candidates.append(("utf-8", "utf-8"))
    for codec, how in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            if how != "utf-8":
                warnings.append(f"the bytes are not valid {codec} ({how}); trying the next choice")
            continue
        return text, codec, how, warnings
    import ftfy.bad_codecs  # noqa: F401  (registers the lossless sloppy-windows-1252 codec)

    warnings.append(
        "the bytes are not valid UTF-8 and declare no usable charset; decoded as Windows-1252"
    )
    return data.decode(_FALLBACK), "windows-1252", "fallback", warnings


def _decode_after_bom(data: bytes, codec: str, warnings: list[str]) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        warnings.append(
            f"the bytes start with a {codec} byte-order mark but are not valid {codec} "
            f"(first bad byte at {exc.start}); undecodable bytes became U+FFFD"
        )
        return data.decode(codec, errors="replace")


def read_input(
    raw: RawInput, *, html: bool | None = None, encoding: str | None = None
) -> tuple[Source, list[str]]:
    """Turn `raw` into a `Source` (the input text and how it was read) and warnings."""
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if isinstance(raw, bytes):
        text, codec, how, warnings = decode_bytes(raw, encoding=encoding, html=html)
        is_html = looks_like_html(text) if html is None else html
        source = _source_from_text(text, is_html)
        return _with_encoding(source, codec, how), warnings
    if isinstance(raw, str):
        is_html = looks_like_html(raw) if html is None else html
        return _source_from_text(raw, is_html), []
    if _is_soup(raw):
        from scrapeclean._html import html_to_source

        return html_to_source(raw), []
    raise InputTypeError(
        f"clean() accepts str, bytes, or a bs4 BeautifulSoup/Tag, not {type(raw).__name__}"
    )


def _is_soup(raw: object) -> bool:
    """Whether `raw` is a bs4 document or tag, without importing bs4 for other input."""
    module = type(raw).__module__
    if not module.startswith("bs4"):
        return False
    from bs4 import Tag

    return isinstance(raw, Tag)


def _source_from_text(text: str, is_html: bool) -> Source:
    if not is_html:
        return Source(text=text)
    from scrapeclean._html import html_to_source

    return html_to_source(text)


def _with_encoding(source: Source, codec: str, how: str) -> Source:
    return dataclasses.replace(source, encoding=codec, encoding_source=how)
