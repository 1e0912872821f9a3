"""Turning what a scraper hands us (str, bytes, BeautifulSoup) into the input text.

Bytes are first unwrapped: gzip, zlib or deflate data is decompressed (brotli and zstd too when
their packages are installed), never beyond the size limit; images, PDFs, archives and bytes
that are mostly controls are refused with `BinaryInputError`. They are then decoded by, in
order: a byte-order mark; the charset the caller names; for HTML, the charset the page declares
in its first bytes (read by the WHATWG label table, so ``latin1`` means Windows-1252 and a
declared UTF-16 in ASCII bytes means UTF-8); strict UTF-8; and last a lossless fallback
(Windows-1252 with its five undefined bytes kept as the matching C1 controls), which is recorded
as a warning. HTML (detected from the document's structure, or forced with ``html=True``) is
turned into text by `scrapeclean._html`; every change span points into that text.

Every step runs in time linear in the input: detection scans for tags with patterns that cannot
backtrack past the next ``<``, and leading comments are skipped with `str.find`.
"""

from __future__ import annotations

import codecs
import dataclasses
import importlib
import re
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Union

from scrapeclean._charsets import ASCII_INCOMPATIBLE, SLOPPY_WINDOWS_1252, whatwg_codec
from scrapeclean._model import Source
from scrapeclean.exceptions import (
    BinaryInputError,
    InputTooLargeError,
    InputTypeError,
    UnknownEncodingError,
)

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

    RawInput = Union[str, bytes, bytearray, memoryview, BeautifulSoup, Tag]  # noqa: UP007
else:
    RawInput = object

__all__ = [
    "DEFAULT_MAX_CHARS",
    "RawInput",
    "decode_bytes",
    "looks_like_html",
    "read_input",
]

#: The default of the ``max_chars`` option: inputs longer than this raise `InputTooLargeError`.
DEFAULT_MAX_CHARS = 50_000_000
#: At most this many bytes per character (UTF-8 and every other codec we read).
_BYTES_PER_CHAR = 4

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s{0,20}=\s{0,20}["']?\s{0,20}([^\s"'/>;]{1,40})""",
    re.IGNORECASE,
)
_FALLBACK = "windows-1252"
_SNIFF_BYTES = 4096
_SNIFF_CHARS = 16384

# --- HTML detection ------------------------------------------------------------------------

#: One start or end tag whose name is a letter run; ``[^<>]*`` never scans past the next ``<``.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])[^<>]*>")
_DOCTYPE_HTML = re.compile(r"<!doctype\s{1,100}html", re.IGNORECASE)
_CLOSING_TAG = re.compile(
    r"</(?:p|div|span|a|li|td|h[1-6]|body|html|article|section|title|b|i|em|strong)\s{0,100}>",
    re.IGNORECASE,
)
_HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas "
    "caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
    "hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta "
    "meter nav noscript object ol optgroup option output p param picture pre progress q s samp "
    "script section select small source span strong style sub summary sup svg table tbody td "
    "template textarea tfoot th thead time title tr track tt u ul var video wbr".split()
)
#: Elements that make a whole document: a doctype and any known tag is HTML; so is one of these
#: with at least three known tags, one of them an end tag.
_ROOT_ELEMENTS = frozenset({"html", "head", "body"})
_MIN_DOCUMENT_TAGS = 3
#: Elements a fragment commonly starts with (not inline ones like <b>: "<b>Note</b>: ..." is text).
_FRAGMENT_START = frozenset(
    "html head body meta title article div p section main span h1 h2 h3 h4 h5 h6 table ul ol a "
    "img header nav script style link aside figure footer form blockquote pre dl iframe".split()
)
_SPACE = " \t\n\r\f\v\ufeff"
#: Markup-heavy text is HTML even with a stray prefix: this share of tag characters ...
_MARKUP_SHARE = 0.25
#: ... over at least this many known tags of at least two different elements.
_MARKUP_MIN_TAGS = 4


def looks_like_html(text: str) -> bool:
    """Whether `text` reads as an HTML document or fragment rather than plain text.

    Decided from the structure of the first 16,384 characters, in linear time: a doctype with a
    known tag, or an ``<html>``/``<head>``/``<body>`` tag among at least three known tags with
    an end tag (whatever comes before: a wrapper, a comment, a stray line); a fragment that
    opens with a block tag (or with comments and then any tag) and has an end tag; or text
    where known tags make up a quarter of the characters. Prose that mentions a tag in passing
    is plain text.
    """
    head = text[:_SNIFF_CHARS]
    tags = [match for match in _TAG.finditer(head) if match.group(2).lower() in _HTML_ELEMENTS]
    if not tags:
        return False
    names = {match.group(2).lower() for match in tags}
    has_end_tag = any(match.group(1) for match in tags)
    if _DOCTYPE_HTML.search(head) or (
        names & _ROOT_ELEMENTS and len(tags) >= _MIN_DOCUMENT_TAGS and has_end_tag
    ):
        return True
    if _opens_fragment(head, tags[0]) and (has_end_tag or _CLOSING_TAG.search(text) is not None):
        return True
    markup = sum(match.end() - match.start() for match in tags)
    return (
        len(tags) >= _MARKUP_MIN_TAGS
        and len(names) >= 2
        and markup >= _MARKUP_SHARE * len(head.strip())
    )


def _opens_fragment(head: str, first_tag: re.Match[str]) -> bool:
    """Whether the text opens with markup: a fragment-opening tag, or comments then any tag."""
    prolog_end = _skip_prolog(head)
    if first_tag.start() != prolog_end:
        return False
    after_markup = bool(head[:prolog_end].strip(_SPACE))
    return after_markup or (
        not first_tag.group(1) and first_tag.group(2).lower() in _FRAGMENT_START
    )


def _skip_prolog(text: str) -> int:
    """Index of the first character after leading whitespace, comments and ``<?...?>``."""
    position = 0
    while True:
        while position < len(text) and text[position] in _SPACE:
            position += 1
        if text.startswith("<!--", position):
            end = text.find("-->", position + 4)
            if end < 0:
                return len(text)
            position = end + 3
        elif text.startswith("<?", position):
            end = text.find(">", position + 2)
            if end < 0:
                return len(text)
            position = end + 1
        else:
            return position


# --- Compressed and binary input -------------------------------------------------------------

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_MAX_LAYERS = 3
_CHUNK = 1 << 16

#: Leading bytes of common non-text formats, and what to call them in the error.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/EPUB/JAR file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an XZ-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1aE\xdf\xa3", "a WebM/Matroska video"),
)
#: C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape
#: (ISO-2022 text uses escape), plus DEL: rare in any text, common in binary data.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_BINARY_SAMPLE = 8192
#: UTF-16 of mostly Latin text has a NUL in at least this share of its high bytes.
_UTF16_NUL_SHARE = 0.6
_MIN_SAMPLE = 16
#: A control character no text holds (binary data read as text does); one C-level search.
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
#: Bytes that are this share controls are binary whatever else they are ...
_MOSTLY_CONTROLS = 0.30
#: ... and bytes that are not UTF-8 are binary from this share on (text has next to none).
_SOME_CONTROLS = 0.05


def _unwrap_bytes(data: bytes, max_bytes: int, check_binary: bool) -> tuple[bytes, list[str]]:
    """Decompress `data` (up to `max_bytes`) and refuse it if it is binary; return warnings."""
    warnings: list[str] = []
    for _ in range(_MAX_LAYERS):
        decompressed = _decompress(data, max_bytes, warnings)
        if decompressed is None and check_binary and _may_be_headerless(data):
            decompressed = _decompress_headerless(data, max_bytes)
        if decompressed is None:
            break
        data, kind = decompressed
        warnings.append(
            f"the input was {kind}-compressed and was decompressed to {len(data):,} bytes"
        )
    if check_binary:
        reason = _binary_reason(data)
        if reason is not None:
            raise BinaryInputError(reason)
    return data, warnings


def _decompress(data: bytes, max_bytes: int, warnings: list[str]) -> tuple[bytes, str] | None:
    """`data` decompressed and the format's name, or None when it is not compressed."""
    if data.startswith(_GZIP_MAGIC):
        out, complete = _inflate(data, zlib.MAX_WBITS | 16, max_bytes)
        if not out and not complete:
            raise BinaryInputError(
                "the input starts like gzip-compressed data but does not decompress"
            )
        if not complete:
            warnings.append(
                f"the gzip data is truncated or corrupt after {len(out):,} decompressed bytes; "
                f"the rest was dropped"
            )
        return out, "gzip"
    if _is_zlib_header(data):
        out, complete = _inflate(data, zlib.MAX_WBITS, max_bytes)
        return (out, "zlib") if complete else None
    if data.startswith(_ZSTD_MAGIC):
        return _optional_decompress("zstd", data, max_bytes), "zstd"
    return None


def _may_be_headerless(data: bytes) -> bool:
    """Whether `data` is worth trying as raw deflate or brotli: long enough and not UTF-8 text."""
    return len(data) >= _MIN_SAMPLE and (
        not _is_utf8_prefix(data[:_BINARY_SAMPLE]) or _binary_reason(data) is not None
    )


def _decompress_headerless(data: bytes, max_bytes: int) -> tuple[bytes, str] | None:
    """Raw deflate or brotli data (formats with no header), if `data` decompresses to UTF-8."""
    attempts: list[tuple[str, Callable[[bytes, int], bytes]]] = [("deflate", _inflate_raw)]
    unbrotli = _optional_decompressor("brotli")
    if unbrotli is not None:
        attempts.append(("brotli", unbrotli))
    for kind, decompress in attempts:
        try:
            out = decompress(data, max_bytes)
        except InputTooLargeError:
            raise
        except Exception:  # any failure means "not this format"
            continue
        if _plausible_text(out, len(data)):
            return out, kind
    return None


def _plausible_text(out: bytes, compressed_size: int) -> bool:
    """Whether a headerless decompression's output is surely what was meant.

    It must be longer than its input, UTF-8 and not binary: brotli and raw deflate accept many
    short byte strings, legacy-encoded text among them.
    """
    return (
        len(out) > compressed_size
        and _is_utf8_prefix(out[:_BINARY_SAMPLE])
        and _binary_reason(out) is None
    )


def _inflate_raw(data: bytes, max_bytes: int) -> bytes:
    """Inflate a whole raw deflate stream; raise unless it ends exactly at the data's end."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = inflater.decompress(data, max_bytes + 1)
    _check_decompressed_size(len(out), max_bytes)
    if not inflater.eof or inflater.unused_data:
        raise zlib.error("not a complete raw deflate stream")
    return out


def _is_zlib_header(data: bytes) -> bool:
    """Whether `data` starts with a zlib (HTTP "deflate") header: method 8, checksum ok."""
    return (
        len(data) >= 2
        and data[0] & 0x0F == 8
        and data[0] >> 4 <= 7
        and (data[0] << 8 | data[1]) % 31 == 0
    )


def _inflate(data: bytes, wbits: int, max_bytes: int) -> tuple[bytes, bool]:
    """Inflate a gzip (all members) or zlib stream, never holding more than `max_bytes`.

    Returns what was inflated and whether the stream was complete (not cut or corrupt).
    """
    parts: list[bytes] = []
    size = 0
    remaining = data
    while remaining:
        inflater = zlib.decompressobj(wbits)
        pending = remaining
        while pending and not inflater.eof:
            try:
                chunk = inflater.decompress(pending, _CHUNK)
            except zlib.error:
                return b"".join(parts), False
            size += len(chunk)
            _check_decompressed_size(size, max_bytes)
            parts.append(chunk)
            pending = inflater.unconsumed_tail
        if not inflater.eof:
            return b"".join(parts), False
        remaining = inflater.unused_data
        if not remaining.startswith(_GZIP_MAGIC):
            break
    return b"".join(parts), True


def _check_decompressed_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputTooLargeError(
            f"the input decompresses to more than {max_bytes:,} bytes, beyond the max_chars "
            f"limit; pass a larger max_chars= to clean() if this is intended"
        )


def _optional_decompress(package: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress with an optional package (``brotli`` or ``zstandard``), or refuse clearly."""
    decompress = _optional_decompressor(package)
    if decompress is None:
        raise BinaryInputError(
            f"the input looks like {package}-compressed data; install scrapeclean[{package}] "
            f"to read it, or decompress it before cleaning"
        )
    try:
        return decompress(data, max_bytes)
    except InputTooLargeError:
        raise
    except Exception as error:  # each package raises its own error type
        raise BinaryInputError(
            f"the input starts like {package}-compressed data but does not decompress ({error})"
        ) from error


def _optional_module(name: str) -> Any:
    """The module `name` if it is installed, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _optional_decompressor(package: str) -> Callable[[bytes, int], bytes] | None:
    if package == "zstd":
        zstandard = _optional_module("zstandard")
        if zstandard is None:
            return None

        def unzstd(data: bytes, max_bytes: int) -> bytes:
            reader = zstandard.ZstdDecompressor().stream_reader(data)
            parts: list[bytes] = []
            size = 0
            while chunk := reader.read(_CHUNK):
                size += len(chunk)
                _check_decompressed_size(size, max_bytes)
                parts.append(bytes(chunk))
            return b"".join(parts)

        return unzstd
    brotli = _optional_module("brotli")
    if brotli is None:
        return None

    def unbrotli(data: bytes, max_bytes: int) -> bytes:
        decompressor = brotli.Decompressor()
        out = bytes(decompressor.process(data, output_buffer_limit=max_bytes + 1))
        _check_decompressed_size(len(out), max_bytes)
        return out

    return unbrotli


def _binary_reason(data: bytes) -> str | None:
    """Why `data` is not text (a known binary format, or mostly control bytes), or None."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"the input looks like {what}, not text or HTML; scrapeclean cleans text only"
    sample = data[:_BINARY_SAMPLE]
    if len(sample) < _MIN_SAMPLE:
        return None
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        return (
            f"the input looks like {utf16} text without a byte-order mark; "
            f"pass encoding={utf16.lower()!r} to read it"
        )
    share = (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)
    utf8 = _is_utf8_prefix(sample)
    if share < _MOSTLY_CONTROLS and (share < _SOME_CONTROLS or utf8):
        return None
    return (
        f"the input looks like binary data, not text: {share:.0%} of its first "
        f"{len(sample):,} bytes are control bytes{'' if utf8 else ' and they are not UTF-8'}; "
        f"if it is compressed text, decompress it before cleaning"
    )


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"UTF-16LE"``/``"UTF-16BE"`` when NULs fill every other byte (ASCII-range UTF-16)."""
    odd, even = sample[1::2], sample[::2]
    for nulls, others, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if nulls.count(0) >= _UTF16_NUL_SHARE * len(nulls) and others.count(0) == 0:
            return name
    return None


def _is_utf8_prefix(sample: bytes) -> bool:
    """Whether `sample` is valid UTF-8, allowing a character cut at its end."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _refuse_binary_text(text: str) -> None:
    """Refuse a str that is a known binary format read as text (e.g. ``response.text``).

    Only from `_MIN_SAMPLE` characters on: a few characters that happen to start like a
    signature are text (a real file read as text is longer).
    """
    if len(text) < _MIN_SAMPLE:
        return
    head = text[:_MIN_SAMPLE]
    if _BINARY_CONTROL.search(text, 0, _BINARY_SAMPLE) is None:
        return
    for as_bytes in (
        head.encode("latin-1", errors="replace"),
        head.encode("cp1252", errors="replace"),
    ):
        for signature, what in _SIGNATURES:
            if as_bytes.startswith(signature):
                raise BinaryInputError(
                    f"the input looks like {what} read as text, not text or HTML; scrapeclean "
                    f"cleans text only"
                )
    if head.startswith(("\x1f\x8b", "\x1f\u2039")):
        raise BinaryInputError(
            "the input looks like gzip-compressed data read as text; pass the response's raw "
            "bytes (clean() decompresses them) or its decompressed text"
        )


# --- Charsets --------------------------------------------------------------------------------

_LABEL_CHARS = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+-]{0,39}")


def _given_codec(encoding: object) -> str | None:
    """The codec for the caller's ``encoding=``; raise when it names no text encoding."""
    if encoding is None:
        return None
    if not isinstance(encoding, str):
        raise InputTypeError(
            f"encoding must be a str naming a charset (e.g. 'utf-8', 'windows-1252') or None, "
            f"not {type(encoding).__name__} {_shown(encoding)}"
        )
    label = encoding.strip()
    known = whatwg_codec(label)
    if known is not None:
        return known
    if _LABEL_CHARS.fullmatch(label) is None:
        raise UnknownEncodingError(f"encoding={_shown(encoding)} is not a charset name")
    try:
        info = codecs.lookup(label)
    except LookupError:
        raise UnknownEncodingError(
            f"encoding={_shown(encoding)} names no encoding Python or browsers know "
            f"(e.g. 'utf-8', 'windows-1252', 'shift_jis')"
        ) from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT_CODECS:
        raise UnknownEncodingError(
            f"encoding={_shown(encoding)} is the {info.name!r} codec, which does not decode text"
        )
    return info.name


#: Python text codecs that transform rather than decode a charset (and can raise odd errors).
_NOT_TEXT_CODECS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "mbcs"})


def _declared_codec(data: bytes, warnings: list[str]) -> str | None:
    """The codec the page declares in a ``<meta>`` tag, read as a browser would, or None."""
    declared = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if declared is None:
        return None
    label = declared.group(1).decode("ascii", errors="replace")
    codec = whatwg_codec(label)
    if codec is None:
        warnings.append(
            f"the page declares the charset {label!r}, which browsers do not know; ignored"
        )
        return None
    if codec in ASCII_INCOMPATIBLE:
        return "utf-8"  # a declaration readable as ASCII cannot be UTF-16: WHATWG reads UTF-8
    return codec


class Decoded(NamedTuple):
    """Bytes decoded: the text, the codec, how it was chosen, warnings, and how sure."""

    text: str
    codec: str
    how: str
    warnings: list[str]
    confidence: float


#: How sure each way of choosing an encoding is, when the bytes decode with it (a detector
#: gives its own). A byte-order mark is proof; non-ASCII bytes valid as UTF-8 nearly so (other
#: encodings rarely make valid UTF-8 by chance); the caller's and the page's word can be wrong;
#: Windows-1252 as a last resort decodes anything and proves nothing.
_CONFIDENCE = {
    "bom": 1.0,
    "given": 0.95,
    "declared": 0.9,
    "utf-8": 0.99,
    "fallback": 0.1,
}
#: A detector's confidence is capped: it guesses from the bytes alone.
_MAX_DETECTED = 0.8
#: Below this, the detector's guess is not taken (Windows-1252 is as good a guess).
_MIN_DETECTED = 0.5


def decode_bytes(data: bytes, *, encoding: str | None = None, html: bool | None = None) -> Decoded:
    """Decode `data`; return the text, the codec, how it was chosen, warnings and how sure.

    In order: a byte-order mark, the caller's `encoding` (the HTTP header, say), the page's
    ``<meta charset>``, UTF-8, then a detector for the rest (charset-normalizer, the optional
    extra ``scrapeclean[charset]``, when installed), and Windows-1252 as the last resort.
    `how` is ``"bom"``, ``"given"``, ``"declared"``, ``"utf-8"``, ``"detected"`` or
    ``"fallback"``; `confidence` runs from 0 to 1 (`_CONFIDENCE`; a detector's own score,
    capped). A declared single-byte charset does not win over bytes that are valid UTF-8 with
    non-ASCII characters (the page was re-encoded, or declares wrongly); a warning says so.
    Undecodable bytes never raise: the last resort decodes every byte.
    """
    warnings: list[str] = []
    given = _given_codec(encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_after_bom(data[len(bom) :], codec, warnings)
            return Decoded(text, codec, "bom", warnings, _CONFIDENCE["bom"])
    candidates: list[tuple[str, str]] = []
    if given is not None:
        candidates.append((given, "given"))
    if html is not False:
        declared = _declared_codec(data, warnings)
        if declared is not None and declared != "utf-8" and _is_non_ascii_utf8(data):
            warnings.append(
                f"the page declares {_codec_label(declared)} but its bytes are UTF-8; read as UTF-8"
            )
        elif declared is not None:
            candidates.append((declared, "declared"))
    candidates.append(("utf-8", "utf-8"))
    for codec, how in candidates:
        decoded = _try_decode(data, codec)
        if decoded is None:
            if how != "utf-8":
                warnings.append(
                    f"the bytes are not valid {_codec_label(codec)} ({how}); trying the next choice"
                )
            continue
        return Decoded(decoded, _codec_label(codec), how, warnings, _CONFIDENCE[how])
    detected = _detect(data)
    if detected is not None:
        text, codec, confidence = detected
        warnings.append(
            f"the bytes are not valid UTF-8 and declare no usable charset; detected as "
            f"{codec} (confidence {confidence:.2f})"
        )
        return Decoded(text, codec, "detected", warnings, confidence)
    warnings.append(
        "the bytes are not valid UTF-8 and declare no usable charset; decoded as Windows-1252"
    )
    return Decoded(_decode_sloppy(data), _FALLBACK, "fallback", warnings, _CONFIDENCE["fallback"])


def _detect(data: bytes) -> tuple[str, str, float] | None:
    """charset-normalizer's best guess: ``(text, codec, confidence)``, or None.

    None when the package is not installed, the bytes hold too few non-ASCII bytes to judge
    (`_MIN_EVIDENCE`), it finds nothing, guesses a codec browsers do not read pages in, or is
    not sure enough (`_MIN_DETECTED`). Its confidence is one less its "chaos" (the share of the
    decoded text that looks like noise), capped at `_MAX_DETECTED`.
    """
    sample = data[:_DETECT_BYTES]
    if len(sample) - len(sample.translate(None, _NON_ASCII_BYTES)) < _MIN_EVIDENCE:
        return None
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    try:
        best = from_bytes(sample).best()
    except Exception:  # a detector's failure is no reason to fail: fall back
        return None
    if best is None:
        return None
    codec = whatwg_codec(best.encoding) or whatwg_codec(best.encoding.replace("_", "-"))
    if codec is None or codec in ASCII_INCOMPATIBLE:
        return None
    confidence = min(_MAX_DETECTED, round(1.0 - float(best.chaos), 2))
    if confidence < _MIN_DETECTED:
        return None
    if codec == SLOPPY_WINDOWS_1252:
        return _decode_sloppy(data), _FALLBACK, confidence
    return data.decode(codec, errors="replace"), _codec_label(codec), confidence


#: Bytes the detector looks at (it is slow on long pages; the start says enough).
_DETECT_BYTES = 64 * 1024
#: Non-ASCII bytes needed before a detector's guess is asked for (a few say nothing).
_MIN_EVIDENCE = 32
_NON_ASCII_BYTES = bytes(range(0x80, 0x100))


def _codec_label(codec: str) -> str:
    return _FALLBACK if codec == SLOPPY_WINDOWS_1252 else codecs.lookup(codec).name


def _try_decode(data: bytes, codec: str) -> str | None:
    if codec == SLOPPY_WINDOWS_1252:
        return _decode_sloppy(data)
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, ValueError):
        return None


def _decode_sloppy(data: bytes) -> str:
    import ftfy.bad_codecs  # noqa: F401  (registers the lossless sloppy-windows-1252 codec)

    return data.decode(SLOPPY_WINDOWS_1252)


def _is_non_ascii_utf8(data: bytes) -> bool:
    """Whether `data` is valid UTF-8 and not plain ASCII (so UTF-8 is positive evidence)."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_after_bom(data: bytes, codec: str, warnings: list[str]) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        warnings.append(
            f"the bytes start with a {codec} byte-order mark but are not valid {codec} "
            f"(first bad byte at {exc.start}); undecodable bytes became U+FFFD"
        )
        return data.decode(codec, errors="replace")


# --- Reading -----------------------------------------------------------------------------------


def read_input(
    raw: RawInput,
    *,
    html: bool | None = None,
    encoding: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    selectors: tuple[str, ...] = (),
) -> tuple[Source, list[str]]:
    """Turn `raw` into a `Source` (the input text and how it was read) and warnings.

    `selectors` are CSS selectors the caller's steps ask about: an HTML page's blocks record
    which of them match their element or an ancestor (`Block.selected`).

    Raises `InputTooLargeError` when the input is longer than `max_chars` characters (or its
    bytes could not hold fewer), `BinaryInputError` for non-text bytes, `UnknownEncodingError`
    or `InputTypeError` for an unusable `encoding`.
    """
    _check_max_chars(max_chars)
    given = _given_codec(encoding)
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if isinstance(raw, bytes):
        return _read_bytes(
            raw, html=html, encoding=encoding, given=given, max_chars=max_chars, selectors=selectors
        )
    if isinstance(raw, str):
        _check_length(len(raw), max_chars, "characters")
        _refuse_binary_text(raw)
        is_html = looks_like_html(raw) if html is None else html
        return _source_from_text(raw, is_html, selectors), []
    if _is_soup(raw):
        from scrapeclean._html import html_to_source

        source = html_to_source(raw, selectors=selectors)
        _check_length(len(source.text), max_chars, "characters of text")
        return source, []
    raise InputTypeError(
        f"clean() accepts str, bytes, or a bs4 BeautifulSoup/Tag, not {type(raw).__name__}"
    )


def _read_bytes(
    raw: bytes,
    *,
    html: bool | None,
    encoding: str | None,
    given: str | None,
    max_chars: int,
    selectors: tuple[str, ...] = (),
) -> tuple[Source, list[str]]:
    max_bytes = max_chars * _BYTES_PER_CHAR
    _check_length(len(raw), max_bytes, "bytes")
    has_bom = any(raw.startswith(bom) for bom, _ in _BOMS)
    check_binary = not has_bom and (given is None or _ascii_compatible(given))
    data, unwrap_warnings = _unwrap_bytes(raw, max_bytes, check_binary)
    text, codec, how, warnings, confidence = decode_bytes(data, encoding=encoding, html=html)
    _check_length(len(text), max_chars, "characters")
    is_html = looks_like_html(text) if html is None else html
    source = _source_from_text(text, is_html, selectors)
    return _with_encoding(source, codec, how, confidence), [*unwrap_warnings, *warnings]


def _ascii_compatible(codec: str) -> bool:
    """Whether `codec` writes ASCII as ASCII bytes (so control bytes mean what they look like)."""
    return _try_decode(b"<p a='1'>", codec) == "<p a='1'>"


def _shown(value: object, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters, for error messages about caller values."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_max_chars(max_chars: object) -> None:
    if isinstance(max_chars, bool) or not isinstance(max_chars, int):
        raise InputTypeError(
            f"max_chars must be a positive int, not {type(max_chars).__name__} {_shown(max_chars)}"
        )
    if max_chars <= 0:
        raise InputTooLargeError(f"max_chars must be a positive int, not {_shown(max_chars)}")


def _check_length(length: int, limit: int, unit: str) -> None:
    if length > limit:
        raise InputTooLargeError(
            f"the input has {length:,} {unit}, more than the limit of {limit:,}; pass a larger "
            f"max_chars= to clean() (default {DEFAULT_MAX_CHARS:,} characters) to allow it"
        )


def _is_soup(raw: object) -> bool:
    """Whether `raw` is a bs4 document or tag, without importing bs4 for other input."""
    module = type(raw).__module__
    if not module.startswith("bs4"):
        return False
    from bs4 import Tag

    return isinstance(raw, Tag)


def _source_from_text(text: str, is_html: bool, selectors: tuple[str, ...] = ()) -> Source:
    if not is_html:
        return Source(text=text)
    from scrapeclean._html import html_to_source

    return html_to_source(text, selectors=selectors)


def _with_encoding(source: Source, codec: str, how: str, confidence: float) -> Source:
    return dataclasses.replace(
        source, encoding=codec, encoding_source=how, encoding_confidence=confidence
    )
