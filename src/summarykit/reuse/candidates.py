"""Candidate document pairs: which pairs are worth aligning.

Two strategies, chosen automatically by corpus size (``choose_method``):

``exact``
    Every pair of documents that shares at least one folded character k-gram. No
    approximation: used for small corpora, where aligning every such pair is cheap.

``index``
    A fingerprint index, written as a *map → group by key → pairs → count* join so that it
    could run as-is on a distributed engine:

    1. map: each document emits ``(fingerprint, doc)`` rows: the winnowed hashes of its
       folded character k-grams (winnowing keeps the minimum hash of every window of ``w``
       consecutive k-grams, so any shared run of ``k + w - 1`` folded characters yields at
       least one shared fingerprint).
    2. group by fingerprint: document frequency ``df``; fingerprints in one document only
       (no pair) or in more than ``max_df`` documents (stock phrases, template text: the
       boilerplate stage deals with those) are dropped.
    3. each remaining group emits its document pairs; pairs are counted, and pairs that
       share at least ``min_shared`` fingerprints are candidates.

    The number of emitted pairs is bounded by ``max_df`` per fingerprint, so the cost
    grows linearly with the corpus.

Everything is numpy; hashes are 64-bit polynomial hashes of code points followed by a
bit mixer, so results are the same on every run and every machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

_BASE = np.uint64(0x100000001B3)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)

Method = Literal["exact", "index"]
EXACT_MAX_DOCS = 60
"""Corpora up to this many documents compare every pair sharing a k-gram."""


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads bits so that minima and modulo are unbiased."""
    h = h ^ (h >> np.uint64(30))
    h = h * _M1
    h = h ^ (h >> np.uint64(27))
    h = h * _M2
    return h ^ (h >> np.uint64(31))


def gram_hashes(codes: np.ndarray, k: int) -> np.ndarray:
    """64-bit hash of every k-gram of ``codes`` (``len(codes) - k + 1`` values, ``uint64``)."""
    n = len(codes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    c = codes.astype(np.uint64)
    with np.errstate(over="ignore"):
        h = c[0:n].copy()
        for t in range(1, k):
            h *= _BASE
            h += c[t : t + n]
        return _mix(h)


def winnow(hashes: np.ndarray, w: int) -> np.ndarray:
    """Positions of the winnowed fingerprints (rightmost minimum of each window of ``w``)."""
    n = len(hashes)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if n <= w:
        return np.array([int(np.argmin(hashes))], dtype=np.int64)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, w)
    # rightmost minimum: argmin on the reversed window
    pos = (w - 1 - np.argmin(windows[:, ::-1], axis=1)) + np.arange(n - w + 1)
    return np.unique(pos)


def fingerprint_rows(
    codes_list: Sequence[np.ndarray], *, k: int, w: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The *map* step: ``(hash, doc, position)`` rows for every winnowed fingerprint."""
    hs, ds, ps = [], [], []
    for i, codes in enumerate(codes_list):
        h = gram_hashes(codes, k)
        pos = winnow(h, w)
        hs.append(h[pos])
        ds.append(np.full(len(pos), i, dtype=np.int64))
        ps.append(pos)
    if not hs:
        z = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint64), z, z
    return np.concatenate(hs), np.concatenate(ds), np.concatenate(ps)


def document_frequency(hashes: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct hashes and the number of distinct documents holding each (sorted by hash)."""
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    order = np.lexsort((docs, hashes))
    h, d = hashes[order], docs[order]
    first = np.ones(len(h), dtype=bool)
    first[1:] = (h[1:] != h[:-1]) | (d[1:] != d[:-1])
    h = h[first]
    uniq, counts = np.unique(h, return_counts=True)
    return uniq, counts


def pairs_from_groups(
    hashes: np.ndarray, docs: np.ndarray, *, max_df: int, n_docs: int
) -> tuple[np.ndarray, np.ndarray]:
    """The *group by → pairs* step: ``(pair_key, shared_count)`` with ``pair_key = a * n + b``, a < b.

    Each fingerprint held by ``2 ≤ df ≤ max_df`` documents emits its ``df·(df−1)/2``
    document pairs; pairs are then counted.
    """
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.lexsort((docs, hashes))
    h, d = hashes[order], docs[order]
    keep = np.ones(len(h), dtype=bool)
    keep[1:] = (h[1:] != h[:-1]) | (d[1:] != d[:-1])  # one row per (hash, doc)
    h, d = h[keep], d[keep]
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[starts, len(h)])
    keys = []
    for size in range(2, max_df + 1):
        group_starts = starts[sizes == size]
        if len(group_starts) == 0:
            continue
        members = d[group_starts[:, None] + np.arange(size)]  # (groups, size), sorted docs
        ia, ib = np.triu_indices(size, 1)
        keys.append((members[:, ia] * n_docs + members[:, ib]).ravel())
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pair_keys, counts = np.unique(np.concatenate(keys), return_counts=True)
    return pair_keys, counts


def choose_method(n_docs: int) -> Method:
    return "exact" if n_docs <= EXACT_MAX_DOCS else "index"


def exact_pairs(codes_list: Sequence[np.ndarray], *, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair sharing at least one k-gram, with the number of distinct shared k-grams."""
    n = len(codes_list)
    hs, ds = [], []
    for i, codes in enumerate(codes_list):
        h = np.unique(gram_hashes(codes, k))
        hs.append(h)
        ds.append(np.full(len(h), i, dtype=np.int64))
    if not hs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return pairs_from_groups(np.concatenate(hs), np.concatenate(ds), max_df=max(2, n), n_docs=n)


__all__ = [
    "EXACT_MAX_DOCS",
    "band_matches",
    "choose_method",
    "document_frequency",
    "exact_pairs",
    "fingerprint_rows",
    "gram_hashes",
    "pairs_from_groups",
    "winnow",
]


def chained_pairs(
    hashes: np.ndarray,
    docs: np.ndarray,
    positions: np.ndarray,
    *,
    max_df: int,
    n_docs: int,
    k: int,
    min_span: int,
    max_step: int = 20,
    max_shift: int = 6,
    weights: np.ndarray | None = None,
    with_positions: bool = False,
    near_gap: int = 20,
) -> tuple[np.ndarray, ...]:
    """Candidate pairs with *colinear* evidence: shared k-grams that follow each other in
    both documents (steps of at most ``max_step`` folded characters, diagonal drift of at
    most ``max_shift``) and together span at least ``min_span`` characters. A phrase
    shared by chance gives scattered k-grams; a copied passage gives a chain.

    Written as a join: rows ``(k-gram, doc, pos)`` → group by k-gram (groups of at most
    ``max_df`` documents) → pair rows ``(pair, pos_a, pos_b)`` → sort by pair and position
    → chain. Returns ``(pair_key, span, score)`` per qualifying pair: the span of its
    longest-scoring chain and the summed row ``weights`` (default 1 per row) of all its
    chains. The span counts, besides the best chain, the pair's other chains (of any
    length) that lie within ``near_gap`` characters of it in *both* documents, up to the
    extent they cover together: clauses swapped within a sentence, or a passage cut by an
    edited clause, leave two short chains side by side whose copy is as long as both
    (0: the best chain alone). With ``with_positions``, also the start of the best chain in each document
    (``pos_a``, ``pos_b``), so that a pair can be aligned around it.
    """
    empty: tuple[np.ndarray, ...] = (
        np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    )
    if with_positions:
        empty += (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if len(hashes) == 0:
        return empty
    if weights is None:
        weights = np.ones(len(hashes), dtype=np.float64)
    order = np.lexsort((positions, docs, hashes))
    h, d, p, w = hashes[order], docs[order], positions[order], weights[order]
    first = np.r_[True, (h[1:] != h[:-1]) | (d[1:] != d[:-1])]  # first occurrence per (hash, doc)
    h, d, p, w = h[first], d[first], p[first], w[first]
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[starts, len(h)])
    keys, pa, pb, ws = [], [], [], []
    for size in range(2, max_df + 1):
        gs = starts[sizes == size]
        if len(gs) == 0:
            continue
        idx = gs[:, None] + np.arange(size)
        members, pos, wt = d[idx], p[idx], w[idx]
        ia, ib = np.triu_indices(size, 1)
        keys.append((members[:, ia] * n_docs + members[:, ib]).ravel())
        pa.append(pos[:, ia].ravel())
        pb.append(pos[:, ib].ravel())
        ws.append(wt[:, ia].ravel())
    if not keys:
        return empty
    key = np.concatenate(keys)
    pa = np.concatenate(pa)
    pb = np.concatenate(pb)
    wt = np.concatenate(ws)
    o = np.lexsort((pa, key))
    key, pa, pb, wt = key[o], pa[o], pb[o], wt[o]
    diag = pb - pa
    same = key[1:] == key[:-1]
    step = pa[1:] - pa[:-1]
    link = same & (step > 0) & (step <= max_step) & (np.abs(diag[1:] - diag[:-1]) <= max_shift)
    chain_start = np.r_[True, ~link]
    cs = np.flatnonzero(chain_start)
    ce = np.r_[cs[1:], len(key)] - 1
    span = pa[ce] - pa[cs] + k
    score = np.add.reduceat(wt, cs)
    ok = span >= min_span
    if not ok.any():
        return empty
    ck, cspan, cscore = key[cs][ok], span[ok], score[ok]
    cpa, cpb = pa[cs][ok], pb[cs][ok]
    o = np.lexsort((-cscore, ck))
    ck, cspan, cscore, cpa, cpb = ck[o], cspan[o], cscore[o], cpa[o], cpb[o]
    firstk = np.flatnonzero(np.r_[True, ck[1:] != ck[:-1]])
    total = np.add.reduceat(cscore, firstk)  # evidence of all the pair's chains
    if near_gap > 0:
        a0, a1 = pa[cs], pa[ce] + k
        b0, b1 = np.minimum(pb[cs], pb[ce]), np.maximum(pb[cs], pb[ce]) + k
        best = np.flatnonzero(ok)[o][firstk]  # the best chain of each pair, among all chains
        cspan = cspan.copy()
        cspan[firstk] = _near_chain_span(
            ck[firstk], a0[best], a1[best], b0[best], b1[best], cspan[firstk],
            key[cs], a0, a1, b0, b1, span, near_gap,
        )
    if with_positions:
        return ck[firstk], cspan[firstk], total, cpa[firstk], cpb[firstk]
    return ck[firstk], cspan[firstk], total


def _near_chain_span(
    keys: np.ndarray, a0: np.ndarray, a1: np.ndarray, b0: np.ndarray, b1: np.ndarray, span: np.ndarray,
    ckey: np.ndarray, ca0: np.ndarray, ca1: np.ndarray, cb0: np.ndarray, cb1: np.ndarray, cspan: np.ndarray,
    gap: int,
) -> np.ndarray:
    """Per pair (sorted unique ``keys`` with their best chain ``a0:a1`` / ``b0:b1``): the
    summed span of its chains (``ckey`` …, every chain of every pair) lying within ``gap``
    characters of the best chain in both documents, capped by the extent they cover in
    each document, and never below the best chain's own ``span``."""
    g = np.searchsorted(keys, ckey)
    g = np.minimum(g, len(keys) - 1)
    mine = keys[g] == ckey
    ga = np.maximum(ca0, a0[g]) - np.minimum(ca1, a1[g])
    gb = np.maximum(cb0, b0[g]) - np.minimum(cb1, b1[g])
    near = mine & (ga <= gap) & (gb <= gap)
    gi = g[near]
    total = np.bincount(gi, weights=cspan[near], minlength=len(keys))
    lo_a, hi_a = a0.copy(), a1.copy()
    lo_b, hi_b = b0.copy(), b1.copy()
    np.minimum.at(lo_a, gi, ca0[near])
    np.maximum.at(hi_a, gi, ca1[near])
    np.minimum.at(lo_b, gi, cb0[near])
    np.maximum.at(hi_b, gi, cb1[near])
    out = np.minimum(total, np.minimum(hi_a - lo_a, hi_b - lo_b)).astype(span.dtype)
    return np.maximum(out, span)


def band_matches(
    codes_list: Sequence[np.ndarray],
    masked: Sequence[np.ndarray],
    keys: np.ndarray,
    pos_a: np.ndarray,
    pos_b: np.ndarray,
    *,
    n_docs: int,
    before: int = 60,
    length: int = 200,
    max_shift: int = 3,
    min_run: int = 4,
    batch: int = 4096,
) -> np.ndarray:
    """Per candidate pair: how many folded characters match along the diagonal of its best
    chain (``pos_a``, ``pos_b``), in runs of at least ``min_run`` characters, within a
    window of ``length`` characters starting ``before`` characters ahead of the chain.
    Diagonals up to ``max_shift`` away count too (a spinner's word may be one or two
    characters longer than the one it replaced, an edit inserts a character). Characters
    marked in ``masked[d]`` (template text) do not count.

    The chain stage sees only rare k-grams: a copy of sentences made of common clauses,
    spun or edited at the clause junctions, shows a short chain there, like a chance
    overlap of one rare clause does. Around the chain the copy keeps matching clause after
    clause; the chance overlap does not. A map over the candidate pairs (two documents'
    text in, one number out), so it runs after the join as it would on a distributed
    engine."""
    sizes = np.array([len(c) for c in codes_list], dtype=np.int64)
    offs = np.r_[0, np.cumsum(sizes + 1)][:-1] if len(sizes) else np.zeros(0, np.int64)
    big = np.concatenate([np.r_[np.asarray(c, dtype=np.int64), -1] for c in codes_list]) if len(sizes) else np.zeros(1, np.int64)
    bmask = np.concatenate([np.r_[np.asarray(m, dtype=bool), True] for m in masked]) if len(sizes) else np.ones(1, bool)
    out = np.zeros(len(keys), dtype=np.int64)
    t = np.arange(length, dtype=np.int64)[None, :]
    m = min_run
    for c0 in range(0, len(keys), batch):
        s = slice(c0, c0 + batch)
        x, y = keys[s] // n_docs, keys[s] % n_docs
        ia = pos_a[s][:, None] - before + t
        ok_a = (ia >= 0) & (ia < sizes[x][:, None])
        ga = np.where(ok_a, offs[x][:, None] + ia, 0)
        va = np.where(ok_a, big[ga], -2)
        ta = np.where(ok_a, bmask[ga], True)
        cov = np.zeros(va.shape, dtype=bool)
        for sh in range(-max_shift, max_shift + 1):
            ib = pos_b[s][:, None] - before + t + sh
            ok_b = (ib >= 0) & (ib < sizes[y][:, None])
            vb = np.where(ok_b, big[np.where(ok_b, offs[y][:, None] + ib, 0)], -3)
            eq = va == vb
            run = eq[:, : length - m + 1].copy()
            for q in range(1, m):
                run &= eq[:, q : length - m + 1 + q]
            for q in range(m):
                cov[:, q : length - m + 1 + q] |= run
        out[s] = (cov & ~ta).sum(axis=1)
    return out


def gram_hashes_many(codes_list: Sequence[np.ndarray], k: int) -> list[np.ndarray]:
    """``gram_hashes`` of every document, computed in one pass over the concatenation."""
    sizes = [len(c) for c in codes_list]
    if not sizes:
        return []
    offs = np.r_[0, np.cumsum(sizes)]
    big = np.concatenate([np.asarray(c, dtype=np.uint32) for c in codes_list]) if offs[-1] else np.zeros(0, np.uint32)
    h = gram_hashes(big, k)
    out = []
    for i, size in enumerate(sizes):
        m = size - k + 1
        out.append(h[offs[i] : offs[i] + m] if m > 0 else np.zeros(0, dtype=np.uint64))
    return out
