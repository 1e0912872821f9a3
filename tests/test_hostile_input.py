"""Hostile and broken input: no hang, no crash, no tag soup, no garbage from junk bytes.

Each case found by the hardening review (issue 6) that concerns reading input is a regression
test here. Time is checked only as growth between sizes (10 KB, 100 KB, 1 MB), never in seconds.
"""

from __future__ import annotations

import codecs
import functools
import gzip
import itertools
import os
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapeclean import (
    BinaryInputError,
    InputTooLargeError,
    InputTypeError,
    Pipeline,
    ScrapecleanError,
    UnknownEncodingError,
    clean,
    cleaners,
)
from scrapeclean._input import decode_bytes, looks_like_html, read_input
from tests.conftest import fastest_seconds, read_jsonl

_PLAIN = Pipeline([cleaners.normalize_whitespace()])
_BODY = "<p>The ferry returns in spring.</p><p>Crossings start in May.</p>"
_PAGE = f"<!DOCTYPE html><html><head><title>Ferry</title></head><body>{_BODY}</body></html>"
_TEXT = "The ferry returns in spring.\n\nCrossings start in May."

# --- Detection: linear, structural ------------------------------------------------------------


def test_leading_comments_do_not_hang_and_are_read_as_html() -> None:
    """Comments before a fragment were backtracked over exponentially, then left as tag soup."""
    result = clean("<!-- c -->\n" * 26 + "<font>Hello</font> world</p>", pipeline=_PLAIN)
    assert (result.source.format, result.text) == ("html", "Hello world")


def test_many_empty_comments_as_bytes_are_read() -> None:
    """Forty empty comments before an inline tag, as bytes, never finished reading."""
    result = clean(b"<!---->" * 40 + b"<font>Hello</font> there.</p>", pipeline=_PLAIN)
    assert (result.source.format, result.text) == ("html", "Hello there.")


@pytest.mark.parametrize(
    "prefix",
    [
        "<div class='saved'>\n",
        "<!-- saved from url=(0014)about:internet -->\n",
        "Saved on 2024-06-14 by the crawler\n",
        "<br />\n<b>Warning</b>: Undefined constant in <b>/var/www/x.php</b> on line <b>9</b>\n",
        '<?xml version="1.0" encoding="utf-8"?>\n',
    ],
    ids=["wrapper", "comment", "stray-line", "php-warning", "xml-declaration"],
)
def test_short_prefix_before_the_doctype_is_still_html(prefix: str) -> None:
    """A page with a short prefix before <!DOCTYPE html> is read as HTML, not as tag soup."""
    result = clean(prefix + _PAGE, pipeline=_PLAIN)
    assert result.source.format == "html"
    assert result.text.endswith(_TEXT)
    assert "<p>" not in result.text


def test_html5_with_omitted_end_tags_is_html() -> None:
    """Valid HTML5 without end tags (`<p>One<p>Two`) is HTML."""
    result = clean("<!doctype html><title>T</title><p>One<p>Two", pipeline=_PLAIN)
    assert (result.source.format, result.text) == ("html", "One\n\nTwo")


@pytest.mark.parametrize(
    "prose",
    [
        "Use the <b> tag for bold text, the editor said.",
        "In HTML, <p> starts a paragraph and <br> breaks a line.",
        "x < y and y > z, so <b>bold</b> is not the point here at all, the author wrote.",
        "<b>Note</b>: the ferry does not run on Sundays.",
        "Every page starts with <html> and puts its text in <body>, the course began.",
    ],
)
def test_prose_that_mentions_tags_is_text(prose: str) -> None:
    """Prose that mentions a tag in passing is plain text and keeps its wording."""
    assert not looks_like_html(prose)
    assert clean(prose, pipeline=_PLAIN).text == prose


#: Each builds a hostile input of about `size` characters from a repeated unit.
_ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "leading-comments": lambda size: "<!-- c -->\n" * (size // 11) + "<font>x</font></p>",
    "unterminated-comments": lambda size: "<!--" * (size // 4),
    "open-tags-without-close": lambda size: "<a " * (size // 3),
    "doctype-whitespace": lambda size: "<!doctype" + " " * size + "x",
    "tags-then-text": lambda size: "<p>x</p>" * (size // 16) + "word " * (size // 10),
    "processing-instructions": lambda size: "<?x" * (size // 3),
    "closing-tag-spaces": lambda size: "</p" + " " * size,
}


@pytest.mark.parametrize("name", sorted(_ADVERSARIAL))
def test_detection_time_grows_linearly(name: str) -> None:
    """Detecting HTML in adversarial text grows about 10x per 10x size, far from 100x."""
    build = _ADVERSARIAL[name]
    texts = [build(size) for size in _SIZES]
    times = [fastest_seconds(functools.partial(looks_like_html, text)) for text in texts]
    _assert_linear(times)


_SIZES = (10_000, 100_000, 1_000_000)


def _assert_linear(times: list[float]) -> None:
    """Each 10x step in size costs under 40x in time (linear: 10x; quadratic: 100x)."""
    floor = 2e-4  # below this, timings are noise
    for small, large in itertools.pairwise(times):
        assert max(large, floor) / max(small, floor) < 40, times


@pytest.mark.parametrize(
    "unit",
    [b"<!---->", b"<meta charset=", b"<meta " + b" " * 50, b"\x1f\x8b", b"<a "],
    ids=["comments", "meta-charset", "meta-spaces", "gzip-magic-text", "open-tags"],
)
def test_reading_bytes_grows_linearly(unit: bytes) -> None:
    """Reading adversarial bytes (sniffing, decoding, detection) grows linearly."""

    def read(data: bytes) -> Callable[[], object]:
        return lambda: _read_or_refuse(data)

    times = [fastest_seconds(read(unit * (size // len(unit))), repeat=2) for size in _SIZES]
    _assert_linear(times)


def _read_or_refuse(data: bytes) -> object:
    try:
        return read_input(data, html=None)
    except ScrapecleanError as error:
        return error


# --- Charsets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri"])
def test_meta_charset_that_is_not_a_text_codec_is_ignored(codec: str) -> None:
    """A page declaring a non-text codec is read as UTF-8, with a warning; it does not crash."""
    data = f'<html><head><meta charset="{codec}"></head><body><p>Café open.</p></body></html>'
    result = clean(data.encode(), pipeline=_PLAIN)
    assert (result.text, result.source.encoding) == ("Café open.", "utf-8")
    assert any(repr(codec) in warning and "ignored" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    "codec", ["utf-16", "utf-16le", "utf-16be", "cp037", "utf-7", "unicode_escape", "utf-32"]
)
def test_meta_charset_that_ascii_bytes_cannot_be_in_means_utf8(codec: str) -> None:
    """A declared UTF-16, EBCDIC, UTF-7 or escape codec on ASCII-compatible bytes means UTF-8."""
    data = f'<html><head><meta charset="{codec}"></head><body><p>The ferry returns.</p></body>'
    result = clean(data.encode(), pipeline=_PLAIN)
    assert (result.text, result.source.encoding) == ("The ferry returns.", "utf-8")


@pytest.mark.parametrize(
    "encoding", ["rot13", "base64", "hex", "zlib", "utf-8\x00", "", "no such codec", "x" * 300]
)
def test_given_encoding_that_is_not_a_text_codec_is_an_error(encoding: str) -> None:
    """encoding= naming no text encoding raises UnknownEncodingError (a LookupError)."""
    with pytest.raises(UnknownEncodingError, match="encoding="):
        clean(b"plain words", encoding=encoding)
    with pytest.raises(LookupError) as raised:
        clean("plain words", encoding=encoding)
    assert len(str(raised.value)) < 200


@pytest.mark.parametrize("encoding", [5, b"utf-8", ["utf-8"], 1.5])
def test_given_encoding_of_wrong_type_is_a_type_error(encoding: object) -> None:
    """encoding= of a wrong type raises a TypeError that says what is accepted."""
    with pytest.raises(InputTypeError, match="encoding must be a str naming a charset"):
        clean(b"plain words", encoding=encoding)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "text", "codec"),
    [
        ("latin1", "Grüße", "windows-1252"),
        ("iso-8859-1", "“Quote” – dash", "windows-1252"),
        ("x-sjis", "日本語のテキスト", "cp932"),
        ("ks_c_5601-1987", "한국어 텍스트", "cp949"),
        ("gb2312", "中文文本", "gb18030"),
        ("koi8-r", "Привет", "koi8-r"),
        (" Windows-1251 ", "Привет", "cp1251"),
    ],
)
def test_browser_charset_labels_decode_like_a_browser(label: str, text: str, codec: str) -> None:
    """Labels are read by the WHATWG table (latin1 is Windows-1252, x-sjis is Shift_JIS)."""
    data = text.encode("cp1252" if codec == "windows-1252" else codec)
    page = f'<html><head><meta charset="{label}"></head><body><p>{{}}</p></body></html>'
    head, tail = page.split("{}")
    result = clean(head.encode() + data + tail.encode(), pipeline=_PLAIN)
    assert (result.text, result.source.encoding, result.source.encoding_source) == (
        text,
        codec,
        "declared",
    )
    given = clean(data, encoding=label, pipeline=_PLAIN)
    assert (given.text, given.source.encoding_source) == (text, "given")


def test_order_is_bom_then_given_then_declared() -> None:
    """A byte-order mark beats encoding=, which beats the page's declaration."""
    page = '<meta charset="koi8-r"><p>{}</p>'
    body = "Привет"
    declared = clean(page.format("").encode() + body.encode("koi8-r"), pipeline=_PLAIN)
    assert declared.source.encoding_source == "declared"
    given = clean(page.format(body).encode("cp1251"), encoding="windows-1251", pipeline=_PLAIN)
    assert (given.text, given.source.encoding_source) == (body, "given")
    bom = clean(codecs.BOM_UTF8 + page.format(body).encode(), encoding="cp1251")
    assert (bom.text, bom.source.encoding_source) == (body, "bom")


# --- Junk in ------------------------------------------------------------------------------------


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    "compress",
    [gzip.compress, zlib.compress, _raw_deflate, lambda data: gzip.compress(gzip.compress(data))],
    ids=["gzip", "zlib", "raw-deflate", "gzip-twice"],
)
def test_compressed_bytes_are_decompressed(compress: Callable[[bytes], bytes]) -> None:
    """A response body saved without decompressing is decompressed, with a warning."""
    result = clean(compress(_PAGE.encode()), pipeline=_PLAIN)
    assert result.text == _TEXT
    assert any("compressed" in warning for warning in result.warnings)


@pytest.mark.parametrize(("package", "module"), [("brotli", "brotli"), ("zstd", "zstandard")])
def test_optional_compressions_are_decompressed(package: str, module: str) -> None:
    """Brotli and zstd bytes are decompressed when their optional packages are installed."""
    library: Any = pytest.importorskip(module, reason=f"scrapeclean[{package}] not installed")
    compressed = (
        library.compress(_PAGE.encode())
        if module == "brotli"
        else library.ZstdCompressor().compress(_PAGE.encode())
    )
    assert clean(compressed, pipeline=_PLAIN).text == _TEXT


@pytest.mark.parametrize(
    "compress",
    [gzip.compress, zlib.compress],
    ids=["gzip", "zlib"],
)
def test_decompression_is_capped(compress: Callable[[bytes], bytes]) -> None:
    """A small bomb that inflates past the limit raises InputTooLargeError naming max_chars."""
    bomb = compress(b"a" * 5_000_000)
    assert len(bomb) < 50_000
    with pytest.raises(InputTooLargeError, match="max_chars"):
        clean(bomb, max_chars=100_000)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(50), "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100), "ZIP archive"),
        (bytes(range(32)) * 40, "control bytes"),
        (bytes(1000), "control bytes"),
    ],
    ids=["png", "jpeg", "gif", "pdf", "zip", "controls", "nuls"],
)
def test_binary_content_is_refused_saying_what_it_looks_like(data: bytes, what: str) -> None:
    """Images, PDFs, archives and control bytes raise BinaryInputError naming what they are."""
    with pytest.raises(BinaryInputError, match=what):
        clean(data)


def test_random_bytes_are_refused() -> None:
    """Random bytes are binary, not Windows-1252 mojibake with exit status 0."""
    randomness = os.urandom(4096)
    with pytest.raises(BinaryInputError, match="binary data"):
        clean(randomness)


def test_binary_read_as_text_is_refused() -> None:
    """A PNG that a scraper decoded to str (response.text) is refused too."""
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)).decode("latin-1")
    with pytest.raises(BinaryInputError, match="PNG image read as text"):
        clean(png)


def test_text_with_a_few_controls_is_still_text() -> None:
    """Legacy text with an odd control byte is not refused as binary."""
    data = "Grüße aus Köln.\x07 Die Fähre fährt wieder.".encode("cp1252")
    assert clean(data, pipeline=_PLAIN).text == "Grüße aus Köln.\x07 Die Fähre fährt wieder."


def test_utf16_with_given_encoding_is_not_binary() -> None:
    """UTF-16 without a BOM is full of NUL bytes, but read when the caller names it."""
    data = "The ferry returns.".encode("utf-16-le")
    assert clean(data, encoding="utf-16le", pipeline=_PLAIN).text == "The ferry returns."
    with pytest.raises(BinaryInputError, match="UTF-16LE text without a byte-order mark"):
        clean(data)
    with pytest.raises(BinaryInputError, match="encoding='utf-16be'"):
        clean("The ferry returns.".encode("utf-16-be"))


# --- Size limit and option types --------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda raw, **kw: clean(raw, **kw),
        lambda raw, **kw: _PLAIN.clean(raw, **kw),
        lambda raw, **kw: _PLAIN(raw, **kw),
    ],
    ids=["clean", "Pipeline.clean", "Pipeline.__call__"],
)
def test_max_chars_limits_the_input(call: Callable[..., Any]) -> None:
    """Input longer than max_chars raises InputTooLargeError naming the limit and the option."""
    with pytest.raises(InputTooLargeError, match=r"limit of 1,000.*max_chars="):
        call("word " * 300, max_chars=1000)
    with pytest.raises(InputTooLargeError, match="max_chars"):
        call(b"word " * 1000, max_chars=1000)
    assert call("word " * 100, max_chars=1000).text == ("word " * 100).strip()


@pytest.mark.parametrize("max_chars", ["10", 1.5, None, True])
def test_max_chars_of_wrong_type_is_a_type_error(max_chars: object) -> None:
    """max_chars must be an int."""
    with pytest.raises(TypeError, match="max_chars must be a positive int"):
        clean("text", max_chars=max_chars)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("option", "value", "accepted"),
    [
        ("pipeline", "default", "pipeline must be a Pipeline"),
        ("pipeline", [cleaners.normalize_whitespace()], "pipeline must be a Pipeline"),
        ("html", "yes", "html must be True, False or None"),
        ("url", 5, "url must be a str or None"),
        ("reference", 5, "reference must be a datetime, 'now' or None"),
        ("encoding", 5, "encoding must be a str"),
    ],
)
def test_wrong_option_types_say_what_is_accepted(option: str, value: object, accepted: str) -> None:
    """Each option of a wrong type raises a TypeError that says what it accepts."""
    with pytest.raises(TypeError, match=accepted):
        clean("text", **{option: value})


# --- Everything clean() raises is documented ---------------------------------------------------

#: Starts of inputs that send reading down its special paths.
_PREFIXES = [
    b"\x1f\x8b\x08\x00",
    b"x\x9c",
    b"(\xb5/\xfd",
    b"<meta charset=",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<!--",
    b"<!doctype html>",
    b"%PDF-",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.builds(bytes.__add__, st.sampled_from(_PREFIXES), st.binary(max_size=200)),
    )
)
def test_arbitrary_bytes_read_or_raise_a_scrapeclean_error(data: bytes) -> None:
    """Any bytes are read or refused with a ScrapecleanError; nothing else escapes."""
    try:
        result = clean(data, pipeline=_PLAIN)
    except ScrapecleanError:
        return
    assert isinstance(result.text, str)


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.sampled_from(["", "<div>", "<!-- x -->", "Saved page\n", "<br />\n"]),
    body=st.lists(st.sampled_from(["Ferry", "returns", "in", "May", "now."]), min_size=1),
)
def test_html_documents_never_come_out_as_tag_soup(prefix: str, body: list[str]) -> None:
    """A document with a doctype is HTML whatever short prefix comes first; no tags survive."""
    page = f"{prefix}<!DOCTYPE html><html><body><p>{' '.join(body)}</p></body></html>"
    result = clean(page, pipeline=_PLAIN)
    assert result.source.format == "html"
    assert "<p>" not in result.text and "</" not in result.text


# --- Real pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "relative",
    [
        "extraction/zyte-dev.jsonl",
        "extraction/readability-dev.jsonl",
        "extraction/snippets-dev.jsonl",
    ],
)
def test_real_pages_are_detected_and_decoded(relative: str) -> None:
    """Every real HTML page is detected as HTML; its UTF-8 bytes decode back to the same text."""
    for row in read_jsonl(relative):
        html = row["html"]
        assert looks_like_html(html), row["id"]
        text, *_ = decode_bytes(html.encode())
        assert text == html, row["id"]


def test_a_few_characters_that_start_like_a_signature_are_text() -> None:
    from scrapeclean import clean

    assert clean("\x1f\u2039").text == "\u2039"
