"""Decoding bytes: BOM, the caller's encoding, <meta charset>, UTF-8, a detector, Windows-1252.

The result says which way was taken and how sure it is; no bytes make it raise.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapeclean import Pipeline, cleaners
from scrapeclean._input import decode_bytes

_PLAIN = Pipeline([cleaners.normalize_whitespace()])
RUSSIAN = (
    "Привет, как дела? Это тестовый текст на русском языке, довольно длинный для того, чтобы "
    "по нему можно было уверенно определить кодировку страницы без объявления."
)


@pytest.mark.parametrize(
    ("data", "encoding", "how", "confidence"),
    [
        pytest.param("\ufeffcafé".encode(), None, "bom", 1.0, id="bom"),
        pytest.param("café".encode("latin-1"), "latin-1", "given", 0.95, id="given"),
        pytest.param(
            b'<meta charset="windows-1251"><p>' + RUSSIAN.encode("cp1251"),
            None,
            "declared",
            0.9,
            id="declared",
        ),
        pytest.param("café".encode(), None, "utf-8", 0.99, id="utf-8"),
        pytest.param(b"caf\xe9", None, "fallback", 0.1, id="fallback"),
    ],
)
def test_each_way_says_how_sure_it_is(
    data: bytes, encoding: str | None, how: str, confidence: float
) -> None:
    result = _PLAIN.clean(data, encoding=encoding)
    assert (result.source.encoding_source, result.source.encoding_confidence) == (
        how,
        confidence,
    )
    assert result.source.to_dict()["encoding_confidence"] == confidence


def test_detector_reads_undeclared_single_byte_text() -> None:
    """Bytes not UTF-8, with no declaration: charset-normalizer's guess, capped confidence."""
    pytest.importorskip("charset_normalizer")
    decoded = decode_bytes(RUSSIAN.encode("cp1251"), html=False)
    assert (decoded.text, decoded.codec, decoded.how) == (RUSSIAN, "cp1251", "detected")
    assert 0.5 <= decoded.confidence <= 0.8
    assert any("detected as cp1251" in warning for warning in decoded.warnings)


def test_without_the_detector_windows_1252_is_the_last_resort(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # import fails
    decoded = decode_bytes(RUSSIAN.encode("cp1251"), html=False)
    assert (decoded.codec, decoded.how, decoded.confidence) == ("windows-1252", "fallback", 0.1)


def test_few_non_ascii_bytes_are_not_guessed_at() -> None:
    """A detector guesses wildly on a few bytes: they go to Windows-1252."""
    assert decode_bytes("Grüße aus Köln".encode("latin-1")).how == "fallback"


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=300),
    st.sampled_from([None, "utf-8", "shift_jis", "latin1", "utf-16", "koi8-r", "gb18030"]),
    st.sampled_from([None, True, False]),
)
def test_undecodable_bytes_never_raise(
    data: bytes, encoding: str | None, html: bool | None
) -> None:
    decoded = decode_bytes(data, encoding=encoding, html=html)
    assert isinstance(decoded.text, str)
    assert 0.0 <= decoded.confidence <= 1.0
