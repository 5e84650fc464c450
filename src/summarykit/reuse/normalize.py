"""A matching view of a document that maps back to ``Document.text`` offsets.

Matching works on a *folded* copy of the text: full-width ASCII becomes half-width,
Latin letters are lower-cased, traditional characters become simplified ones (zhconv's
one-character table), pinyin glosses that some pages insert after characters
(``鎮(zhèn)``) are dropped, and every character that is not a Han character, a Latin
letter or a digit (punctuation, spaces, line breaks) is dropped. Copyists and spinners
change punctuation freely; dropping it makes a copied sentence match however it was
punctuated.

The view never changes ``Document.text``: ``NormView.starts[i]``/``ends[i]`` give the
``Document.text`` span of folded character ``i``, so ``span(s, e)`` maps a folded span
back to text offsets.

>>> v = normalize("鎮(zhèn)政府，ＡＢ１")
>>> v.text
'镇政府ab1'
>>> v.span(0, 3)
(0, 10)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

# A pinyin gloss right after a Han character: 鎮(zhèn), 镇（zhen4）
_PINYIN = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
RE_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]\s*[{_PINYIN}]{{1,7}}[1-5]?"
    rf"(?:\s+[{_PINYIN}]{{1,7}}[1-5]?)*\s*[)）]"
)
RE_HAS_PINYIN_OPEN = re.compile(r"[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


@dataclass(frozen=True, eq=False)
class NormView:
    """Folded text for matching plus, for each folded character, its span in the text."""

    text: str
    codes: np.ndarray
    """Code points of ``text`` (``uint32``), the input of the hashing stages."""
    starts: np.ndarray
    """``starts[i]``: offset in ``Document.text`` of folded character ``i``."""
    ends: np.ndarray
    """``ends[i]``: end offset in ``Document.text`` of folded character ``i``."""

    def __len__(self) -> int:
        return len(self.text)

    def span(self, s: int, e: int) -> tuple[int, int]:
        """``Document.text`` span ``[start, end)`` covering folded characters ``[s, e)``."""
        if not 0 <= s < e <= len(self.text):
            raise IndexError(f"folded span [{s}, {e}) outside view of length {len(self.text)}")
        return int(self.starts[s]), int(self.ends[e - 1])

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Folded span covering the folded characters that lie inside text span ``[start, end)``."""
        s = int(np.searchsorted(self.starts, start, side="left"))
        e = int(np.searchsorted(self.ends, end, side="right"))
        return s, max(s, e)


@functools.cache
def _fold_table() -> np.ndarray:
    """Code point → folded code point for the BMP and plane 2 (0 = drop)."""
    size = 0x30000
    table = np.zeros(size, dtype=np.uint32)
    # keep Han (URO, ext A, compatibility, ext B+ in plane 2), ASCII letters and digits
    for lo, hi in ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF)):
        table[lo : hi + 1] = np.arange(lo, hi + 1, dtype=np.uint32)
    for lo, hi in ((0x30, 0x39), (0x61, 0x7A)):
        table[lo : hi + 1] = np.arange(lo, hi + 1, dtype=np.uint32)
    table[0x41:0x5B] = np.arange(0x61, 0x7B, dtype=np.uint32)  # A-Z → a-z
    # full-width digits and letters → ASCII
    table[0xFF10:0xFF1A] = np.arange(0x30, 0x3A, dtype=np.uint32)
    table[0xFF21:0xFF3B] = np.arange(0x61, 0x7B, dtype=np.uint32)
    table[0xFF41:0xFF5B] = np.arange(0x61, 0x7B, dtype=np.uint32)
    table[0x3007] = 0x3007  # 〇, used as a numeral
    try:
        from zhconv import zhconv as _zh

        for trad, simp in _zh.getdict("zh-hans").items():
            if len(trad) == 1 and len(simp) == 1:
                t, s = ord(trad), ord(simp)
                if t < size and table[t]:
                    table[t] = s
    except ImportError:  # pragma: no cover - zhconv is a dependency; folding degrades only
        pass
    table.setflags(write=False)
    return table


def normalize(text: str, *, strip_pinyin: bool = True) -> NormView:
    """The folded matching view of ``text`` (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not text:
        empty = np.zeros(0, dtype=np.int64)
        return NormView("", np.zeros(0, dtype=np.uint32), empty, empty)
    raw = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    table = _fold_table()
    folded = np.where(raw < table.shape[0], table[np.minimum(raw, table.shape[0] - 1)], 0)
    if strip_pinyin and RE_HAS_PINYIN_OPEN.search(text):
        for m in RE_PINYIN.finditer(text):
            folded[m.start() : m.end()] = 0
    keep = np.flatnonzero(folded)
    codes = folded[keep].astype(np.uint32)
    starts = keep.astype(np.int64)
    ends = starts + 1
    return NormView(codes.tobytes().decode("utf-32-le"), codes, starts, ends)


__all__ = ["NormView", "normalize"]
