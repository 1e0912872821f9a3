"""Reading input: str, bytes in any encoding, HTML, BeautifulSoup; bad types; empty text."""

from __future__ import annotations

import codecs

import pytest
from bs4 import BeautifulSoup

from scrapeclean import InputTypeError, Pipeline, UnknownEncodingError, clean, cleaners
from scrapeclean._input import decode_bytes, looks_like_html

_PLAIN = Pipeline([cleaners.normalize_whitespace()])


@pytest.mark.parametrize(
    ("data", "text", "codec", "how"),
    [
        pytest.param(codecs.BOM_UTF8 + "café".encode(), "café", "utf-8", "bom", id="utf8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + "café".encode("utf-16-le"),
            "café",
            "utf-16-le",
            "bom",
            id="utf16-bom",
        ),
        pytest.param("café".encode(), "café", "utf-8", "utf-8", id="utf8"),
        pytest.param(
            b'<html><head><meta charset="iso-8859-7"></head>'
            b"<body><p>\xe1\xe2\xe3</p></body></html>",
            "αβγ",
            "iso8859-7",
            "declared",
            id="meta-charset",
        ),
        pytest.param("café".encode("cp1252"), "café", "windows-1252", "fallback", id="fallback"),
    ],
)
def test_bytes_decoding_is_recorded(data: bytes, text: str, codec: str, how: str) -> None:
    """The result says which codec decoded bytes input and how it was chosen."""
    result = _PLAIN.clean(data)
    assert (result.source.encoding, result.source.encoding_source) == (codec, how)
    assert result.text == text
    assert any("Windows-1252" in warning for warning in result.warnings) == (how == "fallback")


def test_fallback_decoding_loses_no_byte() -> None:
    """Bytes undefined in Windows-1252 still decode, to the matching C1 control."""
    text, codec, how, *_ = decode_bytes(b"a\x81b\xe9")
    assert (text, codec, how) == ("a\x81bé", "windows-1252", "fallback")


def test_given_encoding_is_tried_first() -> None:
    """An encoding named by the caller wins over UTF-8 detection; an unknown one is an error."""
    result = clean("Grüße".encode("latin-1"), encoding="latin-1", pipeline=_PLAIN)
    assert (result.text, result.source.encoding_source) == ("Grüße", "given")
    with pytest.raises(UnknownEncodingError, match="'no-such-codec' names no encoding"):
        clean(b"plain", encoding="no-such-codec")


def test_wrong_declared_charset_falls_through() -> None:
    """A page that declares a charset its bytes do not match is decoded by the next choice."""
    data = '<html><meta charset="shift_jis"><body><p>caf\xe9 \x81</p></body></html>'.encode(
        "latin-1"
    )
    result = _PLAIN.clean(data)
    assert result.source.encoding == "windows-1252"
    assert any("not valid cp932" in warning for warning in result.warnings)


def test_declared_single_byte_charset_yields_to_utf8_bytes() -> None:
    """Bytes that are valid UTF-8 with non-ASCII letters are UTF-8, whatever the page declares."""
    data = '<html><meta charset="ascii"><body><p>café</p></body></html>'.encode()
    result = _PLAIN.clean(data)
    assert (result.text, result.source.encoding) == ("café", "utf-8")
    assert any("declares windows-1252 but its bytes are UTF-8" in w for w in result.warnings)


@pytest.mark.parametrize(
    "value", [None, 42, ["text"], object()], ids=["none", "int", "list", "object"]
)
def test_other_types_are_rejected_with_what_is_accepted(value: object) -> None:
    """clean() says which types it accepts; the error is a TypeError too."""
    with pytest.raises(InputTypeError, match="accepts str, bytes, or a bs4 BeautifulSoup/Tag"):
        clean(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        clean(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["", b"", "   \n\n  "], ids=["empty-str", "empty-bytes", "blank"])
def test_empty_input_gives_empty_result(raw: str | bytes) -> None:
    """Empty or blank input cleans to empty text without error."""
    result = clean(raw)
    assert result.text == "" and result.title is None and result.published is None


def test_html_is_detected_and_read() -> None:
    """HTML input is turned into paragraphs; scripts and navigation are dropped."""
    html = (
        "<!DOCTYPE html><html><head><title>Site</title>"
        '<meta property="og:title" content="Ferry returns">'
        '<meta property="article:published_time" content="2024-06-14T09:45:00Z">'
        "<script>var x = 1;</script></head><body><nav><a>Home</a><a>News</a></nav>"
        "<article><h1>Ferry returns</h1><p>The council   voted on <b>Thursday</b>.</p>"
        "<p>Crossings start next spring.<br>Weather permitting.</p></article></body></html>"
    )
    result = clean(html)
    assert result.source.format == "html"
    assert result.title == "Ferry returns"
    assert (
        result.published is not None and result.published.isoformat() == "2024-06-14T09:45:00+00:00"
    )
    assert result.text == (
        "The council voted on Thursday.\n\nCrossings start next spring.\nWeather permitting."
    )


def test_soup_and_tag_input() -> None:
    """A BeautifulSoup document or a single tag can be cleaned directly."""
    soup = BeautifulSoup(
        "<div><p>One para.</p><p>Two para.</p></div><p>Outside.</p>", "html.parser"
    )
    assert clean(soup).text == "One para.\n\nTwo para.\n\nOutside."
    tag = soup.find("div")
    assert tag is not None
    assert clean(tag).text == "One para.\n\nTwo para."


def test_html_can_be_forced_or_refused() -> None:
    """html=False keeps markup as text; html=True reads a fragment as HTML."""
    fragment = "<b>bold</b> words"
    assert not looks_like_html(fragment)
    assert clean(fragment, pipeline=_PLAIN).text == fragment
    assert clean(fragment, pipeline=_PLAIN, html=True).text == "bold words"
    page = "<html><body><p>x</p></body></html>"
    assert clean(page, pipeline=_PLAIN, html=False).text == page


def test_bytearray_and_memoryview_are_bytes() -> None:
    """bytearray and memoryview are read like bytes."""
    assert clean(bytearray(b"hello world"), pipeline=_PLAIN).text == "hello world"
    assert clean(memoryview(b"hello world"), pipeline=_PLAIN).text == "hello world"
