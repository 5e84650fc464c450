"""Passage alignment between two folded documents: seeds → chains → passages → diffs.

1. **Seeds.** Maximal exact matches (MEMs) of at least ``seed_k`` folded characters, from
   a hash join of the two documents' k-grams (numpy), merged along diagonals.
2. **Chains.** Colinear chaining by dynamic programming: a seed extends a chain when the
   gaps it leaves in A and in B are both at most ``max_gap`` characters and differ by at
   most ``max_shift`` (an insertion or deletion). A gap costs about its length, so a long
   passage survives an occasional edit while a passage that ends stays ended: two
   separate passages (far apart in either document) never join.
3. **Passages.** Each chain gives one span pair. Chains that lie next to each other in
   *both* documents (reordered sentences of one copied passage) are merged, so a long
   passage comes out as one match; chains that are neighbours in one document only stay
   separate.
4. **Diffs.** The gaps between a chain's exact blocks are the edits: a short
   replacement on both sides is a candidate *word substitution* (expanded to word
   boundaries with the private jieba tokenizer, so ``特别是 → 个性是`` rather than
   ``特别 → 个性``); anything else is an insertion, deletion or longer edit.

Everything here works on folded views (``normalize.NormView``); spans map back to
``Document.text`` with ``NormView.span``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from .candidates import gram_hashes
from .normalize import NormView


@dataclass(frozen=True)
class AlignParams:
    seed_k: int = 5
    """Shortest exact match used as a seed (folded characters)."""
    max_gap: int = 24
    """Largest gap between two seeds of one passage, in either document."""
    max_shift: int = 12
    """Largest difference between the two gaps (an insertion or deletion)."""
    merge_gap: int = 8
    """Pieces this close in both documents but out of order (reordered sentences) join."""
    join_break: int = 3
    """Pieces in order with at most this gap on both sides join even across a line break."""
    join_short: int = 16
    """In-order pieces join when one gap is at most this long …"""
    join_long: int = 80
    """… and the other at most this long, with no line break in either (condensed copy)."""
    min_piece_chars: int = 10
    """Chains with at least this many exactly matching characters are *strong* pieces."""
    min_weak_chars: int = 6
    """Shorter chains (*weak* pieces) may only bridge strong pieces; shorter still: dropped."""
    max_occ: int = 12
    """k-grams repeated more often than this in either document are not used as seeds."""
    min_block_chars: int = 12
    """A passage needs at least this many exactly matching folded characters."""


@dataclass(frozen=True)
class Diff:
    """One difference inside an aligned passage (folded offsets)."""

    a0: int
    a1: int
    b0: int
    b1: int
    text_a: str
    text_b: str

    @property
    def kind(self) -> str:
        if not self.text_a or not self.text_b:
            return "indel"
        return "replace"


@dataclass(frozen=True)
class Passage:
    """An aligned passage between A and B (folded offsets, half-open)."""

    a0: int
    a1: int
    b0: int
    b1: int
    blocks: tuple[tuple[int, int, int], ...]
    """Exact blocks ``(i, j, length)`` in A/B order of A."""
    ordered: bool = True
    """False when merged from chains that appear in a different order in A and B."""
    diffs: tuple[Diff, ...] = field(default=())

    @property
    def matched(self) -> int:
        return sum(b[2] for b in self.blocks)

    @property
    def similarity(self) -> float:
        return self.matched / max(self.a1 - self.a0, self.b1 - self.b0, 1)


def sorted_grams(view: NormView, k: int) -> tuple[np.ndarray, np.ndarray]:
    """``(sorted k-gram hashes, positions in that order)`` of a view: the seed index of one
    document, computed once and reused for every pair it is in."""
    h = gram_hashes(view.codes, k)
    o = np.argsort(h, kind="stable")
    return h[o], o


def seeds(
    a: NormView,
    b: NormView,
    *,
    k: int,
    max_occ: int,
    index_a: tuple[np.ndarray, np.ndarray] | None = None,
    index_b: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """MEMs as an ``(n, 3)`` int array of ``(i, j, length)``, sorted by ``i`` then ``j``."""
    sa, oa = index_a if index_a is not None else sorted_grams(a, k)
    sb, ob = index_b if index_b is not None else sorted_grams(b, k)
    if len(sa) == 0 or len(sb) == 0:
        return np.zeros((0, 3), dtype=np.int64)
    lo = np.searchsorted(sb, sa, side="left")
    hi = np.searchsorted(sb, sa, side="right")
    cnt = hi - lo
    # occurrences of each A gram in A (to drop highly repeated grams)
    alo = np.searchsorted(sa, sa, side="left")
    ahi = np.searchsorted(sa, sa, side="right")
    ok = (cnt > 0) & (cnt <= max_occ) & ((ahi - alo) <= max_occ)
    if not ok.any():
        return np.zeros((0, 3), dtype=np.int64)
    pa, lo, cnt = oa[ok], lo[ok], cnt[ok]
    total = int(cnt.sum())
    rep_i = np.repeat(pa, cnt)
    offs = np.arange(total) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    rep_j = ob[np.repeat(lo, cnt) + offs]
    diag = rep_j - rep_i
    order = np.lexsort((rep_i, diag))
    i, d = rep_i[order], diag[order]
    brk = np.r_[True, (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)]
    starts = np.flatnonzero(brk)
    lengths = np.diff(np.r_[starts, len(i)]) + (k - 1)
    mi = i[starts]
    mj = mi + d[starts]
    out = np.stack([mi, mj, lengths], axis=1)
    return out[np.lexsort((out[:, 1], out[:, 0]))]


def chain(mems: np.ndarray, params: AlignParams) -> list[list[tuple[int, int, int]]]:
    """Colinear chains of seeds (best first, each seed in at most one chain)."""
    n = len(mems)
    if n == 0:
        return []
    mi = mems[:, 0].tolist()
    mj = mems[:, 1].tolist()
    ml = mems[:, 2].tolist()
    G, S = params.max_gap, params.max_shift
    score = [0.0] * n
    prev = [-1] * n
    # running maximum of MEM length seen so far bounds how far back a predecessor can start
    maxlen = 0
    for x in range(n):
        xi, xj, xl = mi[x], mj[x], ml[x]
        best, bp = float(xl), -1
        lim = xi - G - maxlen
        p = x - 1
        while p >= 0 and mi[p] >= lim:
            pe_i = mi[p] + ml[p]
            pe_j = mj[p] + ml[p]
            gi, gj = xi - pe_i, xj - pe_j
            if mi[p] < xi and mj[p] < xj and -xl < gi <= G and -xl < gj <= G:
                ov = max(0, -gi, -gj)
                gi, gj = max(gi, 0), max(gj, 0)
                shift = abs((xj - xi) - (mj[p] - mi[p]))
                if shift <= S:
                    pen = 0.5 * (gi + gj) + 0.5 * shift
                    s = score[p] + (xl - ov) - pen
                    if s > best:
                        best, bp = s, p
            p -= 1
        score[x], prev[x] = best, bp
        maxlen = max(maxlen, xl)
    used = [False] * n
    chains = []
    for x in sorted(range(n), key=lambda t: (-score[t], t)):
        if used[x]:
            continue
        path = []
        y = x
        while y != -1 and not used[y]:
            path.append(y)
            used[y] = True
            y = prev[y]
        path.reverse()
        blocks = []
        ea = eb = -1
        for y in path:
            i, j, ln = mi[y], mj[y], ml[y]
            cut = max(0, ea - i, eb - j)  # trim overlap with the previous block
            if cut >= ln:
                continue
            i, j, ln = i + cut, j + cut, ln - cut
            blocks.append((i, j, ln))
            ea, eb = i + ln, j + ln
        if blocks:
            chains.append(blocks)
    return chains


def _near(a0: int, a1: int, b0: int, b1: int, gap: int) -> bool:
    """Intervals [a0,a1) and [b0,b1) overlap or are within ``gap`` of each other."""
    return a0 <= b1 + gap and b0 <= a1 + gap


def _has_break(view: NormView, text: str | None, s: int, e: int) -> bool:
    """Whether the text between folded characters ``s - 1`` and ``e`` holds a line break."""
    if text is None or s <= 0 or e >= len(view) or e <= s - 1:
        return False
    return "\n" in text[int(view.ends[s - 1]) : int(view.starts[e])]


def passages(
    a: NormView,
    b: NormView,
    params: AlignParams | None = None,
    *,
    text_a: str | None = None,
    text_b: str | None = None,
    index_a: tuple[np.ndarray, np.ndarray] | None = None,
    index_b: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Passage]:
    """Aligned passages between ``a`` and ``b`` (folded offsets), in order of A.

    ``text_a``/``text_b`` (the documents' texts) let the merge step see paragraph breaks:
    pieces in order in both documents join when the gap between them is a clause inside
    one paragraph (at most ``join_short`` folded characters on one side and ``join_long``
    on the other, as in a condensed copy), or when nothing but a line break separates them
    on both sides (a heading copied with its paragraph).
    """
    params = params or AlignParams()
    mems = seeds(a, b, k=params.seed_k, max_occ=params.max_occ, index_a=index_a, index_b=index_b)
    chains = [c for c in chain(mems, params) if sum(x[2] for x in c) >= params.min_weak_chars]
    items = []
    for c in chains:
        a0, b0 = c[0][0], c[0][1]
        a1 = c[-1][0] + c[-1][2]
        b1 = c[-1][1] + c[-1][2]
        strong = sum(x[2] for x in c) >= params.min_piece_chars
        # blocks carry a strength flag while joining: (i, j, length, strong)
        items.append([a0, a1, b0, b1, [(*x, strong) for x in c], True])
    # drop pieces lying inside a bigger piece on both sides (repeats, noise)
    items.sort(key=lambda t: -(t[1] - t[0]))
    kept: list[list] = []
    for it in items:
        if any(k[0] <= it[0] and it[1] <= k[1] and k[2] <= it[2] and it[3] <= k[3] for k in kept):
            continue
        kept.append(it)
    items = kept
    merged = True
    while merged and len(items) > 1:
        merged = False
        items.sort(key=lambda t: (t[0], t[2]))
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                p, q = items[x], items[y]
                if q[0] > p[1] + params.join_long:
                    break
                ga, gb = q[0] - p[1], q[2] - p[3]
                tol = params.seed_k
                join = False
                in_order = p[5] and q[5]
                if ga >= -tol and gb >= -tol:
                    ga, gb = max(ga, 0), max(gb, 0)
                    if max(ga, gb) <= params.join_break or (
                        min(ga, gb) <= params.join_short
                        and max(ga, gb) <= params.join_long
                        and not _has_break(a, text_a, p[1], q[0])
                        and not _has_break(b, text_b, p[3], q[2])
                    ):
                        join = True
                elif _near(p[0], p[1], q[0], q[1], params.merge_gap) and _near(
                    p[2], p[3], q[2], q[3], params.merge_gap
                ):
                    join, in_order = True, False
                if join:
                    items[x] = [
                        min(p[0], q[0]),
                        max(p[1], q[1]),
                        min(p[2], q[2]),
                        max(p[3], q[3]),
                        sorted(p[4] + q[4]),
                        in_order,
                    ]
                    del items[y]
                    merged = True
                    break
            if merged:
                break
    out = []
    for a0, a1, b0, b1, blocks, ordered in sorted(items, key=lambda t: (t[0], t[2])):
        # weak pieces (short chance-prone matches) only bridge strong ones: trim the ends
        lo, hi = 0, len(blocks)
        while lo < hi and not blocks[lo][3]:
            lo += 1
        while hi > lo and not blocks[hi - 1][3]:
            hi -= 1
        blocks = tuple(x[:3] for x in blocks[lo:hi])
        if not blocks or sum(x[2] for x in blocks) < params.min_block_chars:
            continue
        a0 = min(x[0] for x in blocks)
        a1 = max(x[0] + x[2] for x in blocks)
        b0 = min(x[1] for x in blocks)
        b1 = max(x[1] + x[2] for x in blocks)
        diffs = _diffs(a.text, b.text, blocks) if ordered else ()
        out.append(Passage(a0, a1, b0, b1, blocks, ordered, diffs))
    return out


def _diffs(ta: str, tb: str, blocks: tuple[tuple[int, int, int], ...]) -> tuple[Diff, ...]:
    """Raw gaps between consecutive exact blocks (before word expansion)."""
    out = []
    for (i0, j0, l0), (i1, j1, _l1) in itertools.pairwise(blocks):
        ga0, ga1, gb0, gb1 = i0 + l0, i1, j0 + l0, j1
        sa, sb = ta[ga0:ga1], tb[gb0:gb1]
        if sa == sb:
            continue
        out.append(Diff(ga0, ga1, gb0, gb1, sa, sb))
    return tuple(out)


def word_boundaries(text: str) -> set[int]:
    """Offsets in ``text`` where a jieba word starts or ends."""
    from ..tokenize import tokens

    out = {0, len(text)}
    for _w, s, e in tokens(text, hmm=False):
        out.add(s)
        out.add(e)
    return out


def expand_to_words(
    ta: str, tb: str, d: Diff, bounds_a: set[int], bounds_b: set[int], lo_a: int, hi_a: int, lo_b: int, hi_b: int
) -> Diff:
    """Grow a diff in lockstep over the equal context until it starts and ends on word
    boundaries in both texts (bounded by ``[lo, hi)`` on each side)."""
    a0, a1, b0, b1 = d.a0, d.a1, d.b0, d.b1
    for _ in range(4):
        if (a0 in bounds_a and b0 in bounds_b) or a0 <= lo_a or b0 <= lo_b:
            break
        a0, b0 = a0 - 1, b0 - 1
    for _ in range(4):
        if (a1 in bounds_a and b1 in bounds_b) or a1 >= hi_a or b1 >= hi_b:
            break
        a1, b1 = a1 + 1, b1 + 1
    return Diff(a0, a1, b0, b1, ta[a0:a1], tb[b0:b1])


@dataclass(frozen=True)
class Refined:
    """A passage after word-level diffing: its (possibly extended) folded spans, the
    one-for-one word replacements (A word, B word) and the other edits."""

    a0: int
    a1: int
    b0: int
    b1: int
    replacements: tuple[tuple[str, str], ...]
    edits: tuple[tuple[str, str], ...]


def _tokens(text: str, offset: int) -> list[tuple[str, int, int]]:
    """jieba tokens in search mode (words and the dictionary words inside them)."""
    from ..tokenize import tokenizer

    return [(w, s + offset, e + offset) for w, s, e in tokenizer().tokenize(text, mode="search", HMM=False)]


def _segments(text: str, bounds: list[int], s: int, e: int) -> list[str]:
    """``text[s:e]`` cut at every boundary inside it (the finest word segmentation)."""
    cuts = [s] + [b for b in bounds if s < b < e] + [e]
    return [text[x:y] for x, y in itertools.pairwise(cuts) if y > x]


def refine(p: Passage, a: NormView, b: NormView, *, margin: int = 6) -> Refined:
    """Word-level diff of a passage (jieba on the folded windows of both sides).

    A passage whose first or last exact block starts or ends inside a word is extended
    to that word on both sides when the two words differ (``…不断改进`` against
    ``…不断改善``): the replaced word is part of the copy. Gaps between blocks are widened
    to word boundaries and diffed word by word; equal-length runs of replaced words give
    one-for-one replacements, everything else is an edit.
    """
    wa0, wa1 = max(0, p.a0 - margin), min(len(a), p.a1 + margin)
    wb0, wb1 = max(0, p.b0 - margin), min(len(b), p.b1 + margin)
    toks_a = _tokens(a.text[wa0:wa1], wa0)
    toks_b = _tokens(b.text[wb0:wb1], wb0)
    bounds_a = {x for _w, s, e in toks_a for x in (s, e)}
    bounds_b = {x for _w, s, e in toks_b for x in (s, e)}
    a0, a1, b0, b1 = p.a0, p.a1, p.b0, p.b1
    raw = list(p.diffs)
    if p.ordered:
        # head: the first block starts inside a word on either side
        if a0 not in bounds_a or b0 not in bounds_b:
            sa = max((s for _w, s, e in toks_a if s <= a0), default=a0)
            sb = max((s for _w, s, e in toks_b if s <= b0), default=b0)
            ea = min((e for _w, s, e in toks_a if e > a0), default=a0)
            eb = min((e for _w, s, e in toks_b if e > b0), default=b0)
            da, db = a0 - sa, b0 - sb
            if 0 < max(da, db) <= 3 and a.text[sa:ea] != b.text[sb:eb] and ea - sa <= 4 and eb - sb <= 4:
                raw.insert(0, Diff(sa, a0, sb, b0, a.text[sa:a0], b.text[sb:b0]))
                a0, b0 = sa, sb
        # tail: the last block ends inside a word on either side
        if a1 not in bounds_a or b1 not in bounds_b:
            ea = min((e for _w, s, e in toks_a if e >= a1), default=a1)
            eb = min((e for _w, s, e in toks_b if e >= b1), default=b1)
            sa = max((s for _w, s, e in toks_a if s < a1), default=a1)
            sb = max((s for _w, s, e in toks_b if s < b1), default=b1)
            da, db = ea - a1, eb - b1
            if 0 < max(da, db) <= 3 and a.text[sa:ea] != b.text[sb:eb] and ea - sa <= 4 and eb - sb <= 4:
                raw.append(Diff(a1, ea, b1, eb, a.text[a1:ea], b.text[b1:eb]))
                a1, b1 = ea, eb
    # widen to word boundaries; merge diffs that then touch
    widened: list[Diff] = []
    for d in raw:
        w = expand_to_words(a.text, b.text, d, bounds_a, bounds_b, a0, a1, b0, b1)
        if widened and (w.a0 <= widened[-1].a1 or w.b0 <= widened[-1].b1):
            last = widened[-1]
            na0, na1 = min(last.a0, w.a0), max(last.a1, w.a1)
            nb0, nb1 = min(last.b0, w.b0), max(last.b1, w.b1)
            widened[-1] = Diff(na0, na1, nb0, nb1, a.text[na0:na1], b.text[nb0:nb1])
        else:
            widened.append(w)
    import difflib

    reps: list[tuple[str, str]] = []
    edits: list[tuple[str, str]] = []
    sorted_a, sorted_b = sorted(bounds_a), sorted(bounds_b)
    for d in widened:
        wa = _segments(a.text, sorted_a, d.a0, d.a1)
        wb = _segments(b.text, sorted_b, d.b0, d.b1)
        sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1 and i2 - i1 <= 3:
                reps.extend(zip(wa[i1:i2], wb[j1:j2]))
            else:
                edits.append(("".join(wa[i1:i2]), "".join(wb[j1:j2])))
    return Refined(a0, a1, b0, b1, tuple(reps), tuple(edits))


__all__ = [
    "AlignParams",
    "Diff",
    "Passage",
    "Refined",
    "chain",
    "expand_to_words",
    "passages",
    "refine",
    "seeds",
    "sorted_grams",
    "word_boundaries",
]
