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


# -- synonym folding (spinner pairs) ---------------------------------------------------------

FOLD_BASE = 0xF0000
"""Folded word classes are written as code points from here (plane 15, private use)."""


@dataclass(frozen=True, eq=False)
class FoldedCorpus:
    """Folded views of many documents in which every word of a spinner pair is replaced
    by one private-use character standing for its class (``积极`` and ``用心`` → the same
    character): a spun copy becomes a verbatim one.

    For document ``d``: ``codes[d]`` are the folded code points; folded character ``t``
    comes from characters ``[src_start[d][t], src_end[d][t])`` of the *unfolded* view.
    """

    codes: list[np.ndarray]
    src_start: list[np.ndarray]
    src_end: list[np.ndarray]

    def view(self, d: int, base: NormView) -> NormView:
        """The folded ``NormView`` of document ``d`` (spans still map to ``Document.text``)."""
        c = self.codes[d]
        s, e = self.src_start[d], self.src_end[d]
        if len(c) == 0:
            return NormView("", c, s, e)
        return NormView(c.tobytes().decode("utf-32-le"), c, base.starts[s], base.ends[e - 1])


def fold_words(codes_list: list[np.ndarray], classes: dict[str, int]) -> FoldedCorpus:
    """Replace every occurrence of a word in ``classes`` (word → class id) by its class
    character, longest words first, left to right; vectorized over the whole corpus."""
    sizes = np.array([len(c) for c in codes_list], dtype=np.int64)
    starts_doc = np.r_[0, np.cumsum(sizes + 1)[:-1]]
    n = int((sizes + 1).sum())
    big = np.zeros(n + 8, dtype=np.uint32)  # separators (0) between documents, padding
    for off, c in zip(starts_doc.tolist(), codes_list):
        big[off : off + len(c)] = c
    words: dict[int, dict[tuple[int, ...], int]] = {}
    first = np.zeros(0x30000, dtype=bool)
    for w, c in classes.items():
        cps = tuple(ord(ch) for ch in w)
        if 1 <= len(w) <= 6 and all(cp < 0x30000 for cp in cps):
            words.setdefault(len(w), {})[cps] = c
            first[cps[0]] = True
    cls_at = np.full(n, -1, dtype=np.int64)
    length_at = np.zeros(n, dtype=np.int64)
    taken = np.zeros(n + 8, dtype=bool)
    head = big[:n]
    cand = np.flatnonzero(first[np.minimum(head, 0x2FFFF)] & (head != 0))
    for m in sorted(words, reverse=True):
        table = words[m]
        # the m-gram at each candidate start, as one integer key
        keys = np.zeros(len(cand), dtype=np.uint64)
        for t in range(m):  # wraps modulo 2**64 for long words, like ``wk`` below
            keys = keys * np.uint64(0x30000) + big[cand + t].astype(np.uint64)
        wmat = np.array(list(table.keys()), dtype=np.uint64).reshape(len(table), m)
        wk = np.zeros(len(table), dtype=np.uint64)
        for t in range(m):  # same wrapping arithmetic as the keys
            wk = wk * np.uint64(0x30000) + wmat[:, t]
        wv = np.array(list(table.values()), dtype=np.int64)
        o = np.argsort(wk)
        wk, wv = wk[o], wv[o]
        idx = np.minimum(np.searchsorted(wk, keys), len(wk) - 1)
        hit_mask = wk[idx] == keys
        hit = cand[hit_mask]
        hit_cls = wv[idx[hit_mask]]
        if len(hit) == 0:
            continue
        free = ~taken[hit]
        for t in range(1, m):
            free &= ~taken[hit + t]
        hit, hit_cls = hit[free], hit_cls[free]
        # same-length overlaps (``工作工作``-like repeats): the earlier match wins
        ok = np.r_[True, hit[1:] - hit[:-1] >= m]
        kp, kc = hit[ok], hit_cls[ok]
        if len(kp) == 0:
            continue
        cls_at[kp] = kc
        length_at[kp] = m
        for t in range(m):
            taken[kp + t] = True
    start_of_match = cls_at >= 0
    keep = ~(taken[:n] & ~start_of_match)
    out = big[:n].copy()
    out[start_of_match] = (FOLD_BASE + cls_at[start_of_match]).astype(np.uint32)
    span = np.where(start_of_match, length_at, 1)
    kept_pos = np.flatnonzero(keep)
    bounds = np.searchsorted(kept_pos, np.r_[starts_doc, n])
    codes_out, s_out, e_out = [], [], []
    for d in range(len(codes_list)):
        pos = kept_pos[bounds[d] : bounds[d + 1]]
        pos = pos[pos < starts_doc[d] + sizes[d]]  # drop the separator
        codes_out.append(out[pos])
        local = pos - starts_doc[d]
        s_out.append(local)
        e_out.append(local + span[pos])
    return FoldedCorpus(codes_out, s_out, e_out)
