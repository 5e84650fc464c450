"""Bytes → text: UTF-8 (with or without BOM), UTF-16/32, GB18030/GBK; .docx → text.

A file that is none of these is an ``InputError`` that names the file. Nothing is
rewritten: the decoded string is the source every offset refers to.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from xml.etree import ElementTree

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029")


def _looks_like_text(text: str) -> bool:
    """Few control characters, and (for legacy encodings) mostly common characters."""
    if not text:
        return True
    sample = text[:200_000]
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in _ALLOWED_CONTROLS)
    )
    return bad <= max(2, len(sample) // 1000)


def _common_share(text: str) -> float:
    """Share of ASCII, common Han and CJK punctuation: high for real Chinese text."""
    sample = text[:200_000]
    if not sample:
        return 0.0
    common = sum(
        1
        for ch in sample
        if ch.isascii()
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"
    )
    return common / len(sample)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes many byte soups; real GBK text is mostly common Han, ASCII, CJK punctuation."""
    return _common_share(text) >= 0.95


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose decoding reads as text."""
    if len(data) < 4 or len(data) % 2:
        return None
    best, best_score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _looks_like_text(text):
            continue
        score = _common_share(text)
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= 0.95 else None


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> tuple[str, str]:
    """Decode a text file's bytes. Returns ``(text, encoding)``; raises ``InputError``."""
    if not data.strip():
        raise InputError("file is empty" if not data else "file holds only whitespace", source=source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode: {exc}", source=source) from None
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            return text16, "utf-16"
        raise InputError("is a binary file (NUL bytes), not UTF-8, GB18030/GBK or UTF-16 text", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_text(text):
            return text, "utf-8"
        raise InputError("decodes as UTF-8 but is full of control characters (binary?)", source=source)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_text(text) and _plausible_chinese(text):
            return text, "gb18030"
    text16 = _utf16_without_bom(data)  # all-Han UTF-16 has no NUL bytes at all
    if text16 is not None:
        return text16, "utf-16"
    raise InputError(
        "is not UTF-8, GB18030/GBK or UTF-16 text (corrupt or binary); "
        "convert it to UTF-8 or pass the right file",
        source=source,
    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, *, source: str = "<docx>") -> str:
    """Paragraph text of a .docx (Word 2007+) file, one paragraph per line.

    Reads ``word/document.xml`` directly (tables included, in document order); a
    truncated or non-Word file is an ``InputError`` naming the file.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("word/document.xml")
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        hint = " (old binary .doc files are not supported: save as .docx or .txt)" if data[:4] == b"\xd0\xcf\x11\xe0" else ""
        raise InputError(f"is not a readable .docx (truncated or corrupt zip: {exc}){hint}", source=source) from None
    except KeyError:
        raise InputError("is a zip file but not a Word document (no word/document.xml)", source=source) from None
    except (OSError, ValueError, RuntimeError) as exc:  # zlib errors on truncated members
        raise InputError(f"is not a readable .docx ({exc})", source=source) from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(f"has a corrupt word/document.xml ({exc})", source=source) from None
    lines = []
    for para in root.iter(f"{_W}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        lines.append("".join(parts))
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("is a Word document with no text", source=source)
    return text
