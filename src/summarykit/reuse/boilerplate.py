"""Template text versus copying: a chance model for shared runs, and template phrases.

Work reports share a great deal of stock text (``在…的正确领导下``,
``取得了一定的成绩,但仍存在一些不足``). Two reports sharing such a run have not copied
each other. A raw document-frequency mask (“drop every phrase in ≥ 3 documents”) fails
both ways: in a small collection it hides real copies (a source and two copies *are*
three documents), and in a large one a run glued together from moderately common phrases
slips through. So the decision is made per shared run, by chance:

* Every folded character k-gram has a document frequency ``df`` in the corpus; the
  counts below leave out the two documents being compared (``df − 2``).
* The chance probability that another report contains a run is a Markov chain over its
  characters: its first k-gram's ``(df + ½) / (N − 1)``, then for each next character the
  ratio ``(df(k-gram) + novel) / (df((k−1)-gram context) + 1)``. Inside a stock phrase the
  next character is predictable (ratio ≈ 1), so a run made of template text is likely
  however long it is; where a copy joins phrases in a way no other report does, the
  ratio collapses and the run becomes improbable. Slot variants of a template
  (``在{县委/区委…}的正确领导下``) cost only the branching at the slot.
* Template text is no evidence at all: k-grams in at least ``max(mask_min_df,
  mask_share · N)`` documents, and k-grams of the shipped list of work-report formulas
  (``resources/data/boilerplate_formulas.txt``) found in two documents or more, are
  skipped together with every k-gram touching them, and the chain restarts after them.
  The formula list is what makes this work on a 14-report collection, where counts alone
  know nothing; the share is what makes it work on 10,000 reports.
* ``N·(N−1)/2`` pairs are compared, so the expected number of pairs sharing a run this
  improbable by chance is ``E = N·(N−1)/2 · P``. The run is a copy when ``E ≤ alpha``;
  otherwise it is template text. ``-log10 E`` is kept as the match's significance.
* Length still matters where the statistics cannot see it (a collection whose reports
  reuse whole clauses, each in only two or three documents): a copy also needs a *core*,
  one stretch of ``ReuseParams.min_core`` matching non-template characters whose gaps
  are word-sized (``ChanceModel.core``).

Template phrases for the report are the runs of k-grams found in many documents:
``df ≥ max(min_df, share · N)`` or a formula k-gram found in at least two documents.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .candidates import gram_hashes
from .normalize import normalize


@functools.cache
def formula_hashes(k: int) -> np.ndarray:
    """Sorted k-gram hashes of the shipped formulas (each “…” splits a formula)."""
    from ..resources import load_lines

    out = []
    for line in load_lines("boilerplate_formulas.txt"):
        for part in line.split("…"):
            v = normalize(part)
            if len(v) >= k:
                out.append(gram_hashes(v.codes, k))
    if not out:
        return np.zeros(0, dtype=np.uint64)
    arr = np.unique(np.concatenate(out))
    arr.setflags(write=False)
    return arr


def _isin_sorted(values: np.ndarray, sorted_ref: np.ndarray) -> np.ndarray:
    if len(sorted_ref) == 0 or len(values) == 0:
        return np.zeros(len(values), dtype=bool)
    idx = np.searchsorted(sorted_ref, values)
    idx[idx >= len(sorted_ref)] = len(sorted_ref) - 1
    return sorted_ref[idx] == values


@dataclass(frozen=True, eq=False)
class GramTable:
    """Document frequency of every folded k-gram of a corpus (sorted hashes + counts)."""

    k: int
    n_docs: int
    hashes: np.ndarray
    df: np.ndarray
    bits: int = 0
    """Low bits ignored in ``hashes`` (see ``build_with_positions``)."""

    @classmethod
    def build(cls, per_doc_hashes: Sequence[np.ndarray], *, k: int) -> GramTable:
        return cls.build_with_positions(per_doc_hashes, k=k)[0]

    @classmethod
    def build_with_positions(
        cls, per_doc_hashes: Sequence[np.ndarray], *, k: int
    ) -> tuple[GramTable, list[np.ndarray]]:
        """The table and, for every document, the document frequency at each position.

        A group-by-key as a distributed engine would do it, in one sort: every position
        becomes ``hash prefix (64 − b bits) | position (b bits)``; sorting groups equal
        hashes, positions within a group come in document order, and the number of
        document changes in a group is its document frequency. (The ``64 − b``-bit prefix
        lets a few of millions of distinct k-grams share a count; negligible here.)
        """
        n = len(per_doc_hashes)
        sizes = np.array([len(h) for h in per_doc_hashes], dtype=np.int64)
        total = int(sizes.sum())
        if total == 0:
            z = np.zeros(0, dtype=np.uint64)
            empty = [np.zeros(len(h), dtype=np.int64) for h in per_doc_hashes]
            return cls(k, n, z, np.zeros(0, dtype=np.int64)), empty
        bits = max(20, int(total - 1).bit_length())
        shift = np.uint64(bits)
        allh = np.concatenate([h for h in per_doc_hashes if len(h)])
        doc_of = np.repeat(np.arange(n, dtype=np.int64), sizes)
        keys = ((allh >> shift) << shift) | np.arange(total, dtype=np.uint64)
        keys.sort()
        payload = (keys & np.uint64((1 << bits) - 1)).astype(np.int64)
        prefix = keys >> shift
        new_hash = np.empty(total, dtype=bool)
        new_hash[0] = True
        np.not_equal(prefix[1:], prefix[:-1], out=new_hash[1:])
        docs_sorted = doc_of[payload]
        new_doc = new_hash.copy()
        new_doc[1:] |= docs_sorted[1:] != docs_sorted[:-1]
        group = np.cumsum(new_hash) - 1
        starts = np.flatnonzero(new_hash)
        df = np.add.reduceat(new_doc.astype(np.int64), starts)
        per_pos_all = np.empty(total, dtype=np.int64)
        per_pos_all[payload] = df[group]
        per_pos = np.split(per_pos_all, np.cumsum(sizes)[:-1])
        return cls(k, n, prefix[starts] << shift, df, bits), per_pos

    def lookup(self, h: np.ndarray) -> np.ndarray:
        """Document frequency of each hash (0 if absent)."""
        if len(self.hashes) == 0 or len(h) == 0:
            return np.zeros(len(h), dtype=np.int64)
        if self.bits:
            shift = np.uint64(self.bits)
            h = (h >> shift) << shift
        idx = np.searchsorted(self.hashes, h)
        idx[idx >= len(self.hashes)] = len(self.hashes) - 1
        return np.where(self.hashes[idx] == h, self.df[idx], 0)


@dataclass(frozen=True)
class ChanceParams:
    alpha: float = 0.01
    """A shared run is a copy when fewer than ``alpha`` pairs would share it by chance."""
    recombined_alpha: float = 10.0
    """Second test (``ReuseParams.clause_junctions``): were reports clauses freely
    recombined, fewer than this many pairs would share the run by chance. Lenient, as
    real reports are not free recombinations: it only removes runs whose whole evidence
    is the junction of two or three common clauses."""
    novel: float = 0.05
    """Probability of a continuation never seen after its context elsewhere (backoff)."""
    mask_min_df: int = 10
    mask_share: float = 0.05
    """k-grams in ``max(mask_min_df, mask_share · N)`` documents are template text and
    carry no evidence of copying."""
    template_min_df: int = 3
    template_share: float = 0.003
    """Template phrases listed in the report: k-grams in this many documents or more."""


@dataclass(frozen=True, eq=False)
class ChanceModel:
    """Chance probability of a shared run: a Markov chain over folded characters whose
    transition probabilities are document-frequency ratios ``df(ctx + c) / df(ctx)``
    (k-grams over (k−1)-grams) counted in the *other* documents of the corpus."""

    table: GramTable
    context: GramTable
    params: ChanceParams

    @property
    def n_docs(self) -> int:
        return self.table.n_docs

    def template_mask_threshold(self) -> int:
        """Document frequency from which a k-gram is template text for the chance model."""
        return max(self.params.mask_min_df, math.ceil(self.params.mask_share * self.n_docs))

    def template_chars(self, df_k: np.ndarray, formula: np.ndarray, i: int, length: int) -> np.ndarray:
        """For folded characters ``A[i:i+length]``: covered by a template k-gram?"""
        k = self.table.k
        lo, hi = max(0, i - k + 1), min(len(df_k), i + length)
        raw, fm = df_k[lo:hi], formula[lo:hi]
        templ = (raw >= self.template_mask_threshold()) | (fm & (raw >= 2))
        cover = np.zeros(hi - lo + k + 1, dtype=np.int64)
        idx = np.flatnonzero(templ)
        np.add.at(cover, idx, 1)
        np.add.at(cover, idx + k, -1)
        chars = np.cumsum(cover)[: hi - lo + k] > 0
        return chars[i - lo : i - lo + length]

    def core(
        self,
        df_k: np.ndarray,
        formula: np.ndarray,
        blocks: Sequence[tuple[int, int, int]],
        *,
        max_gap: int = 4,
        weights: np.ndarray | None = None,
        reordered: bool = False,
    ) -> int:
        """Largest number of non-template matching characters in a stretch of blocks whose
        gaps are at most ``max_gap`` folded characters on both sides. ``weights``: how many
        text characters each folded character of A stands for (a folded spinner word
        counts as long as it is), default one.

        With ``reordered``, blocks out of order also count as one stretch when together they tile a stretch of A
        and a stretch of B with such gaps (clauses swapped within a copied sentence)."""
        best = cur = 0
        prev: tuple[int, int, int] | None = None
        owns = []
        for i, j, ln in blocks:
            free = ~self.template_chars(df_k, formula, i, ln)
            own = int(free.sum()) if weights is None else int(weights[i : i + ln][free].sum())
            owns.append(own)
            if prev is not None:
                gi, gj = i - (prev[0] + prev[2]), j - (prev[1] + prev[2])
                if not (0 <= gi <= max_gap and 0 <= gj <= max_gap):
                    cur = 0
            cur += own
            best = max(best, cur)
            prev = (i, j, ln)
        if not reordered:
            return best
        # reordered tiles: runs of blocks contiguous in A whose B sides, sorted, are contiguous too
        order = sorted(range(len(blocks)), key=lambda t: blocks[t][0])
        group: list[int] = []
        for t in order + [-1]:
            if t >= 0 and group:
                last = blocks[group[-1]]
                if 0 <= blocks[t][0] - (last[0] + last[2]) <= max_gap:
                    group.append(t)
                    continue
            if len(group) >= 2:
                bs = sorted((blocks[u][1], blocks[u][2]) for u in group)
                if all(0 <= b1 - (b0 + l0) <= max_gap for (b0, l0), (b1, _l1) in itertools.pairwise(bs)):
                    best = max(best, sum(owns[u] for u in group))
            group = [t]
        return best

    def run_log_p(
        self,
        df_k: np.ndarray,
        df_ctx: np.ndarray,
        formula: np.ndarray,
        i: int,
        length: int,
        continues_from: int | None = None,
        junctions: Sequence[tuple[int, float]] = (),
    ) -> float:
        """ln P(a random other document contains folded ``A[i:i+length]``).

        ``df_k``/``df_ctx``/``formula``: document A's per-position k-gram and (k−1)-gram
        document frequencies and formula flags (``GramTable.build_with_positions``).
        Template text is no evidence: k-grams that touch a template k-gram (document
        frequency ≥ ``template_mask_threshold()``, or a shipped formula) are skipped, and
        the chain restarts after them. ``continues_from``: the run continues another one
        across a slot (a number): its first k-gram costs ``df(k-gram) / df(context)``, the
        context's document frequency given, instead of a fresh start.

        ``junctions``: ``(offset in the run, ln J)`` for every clause or sentence boundary
        inside the run. Two stock clauses may sit side by side in two reports by chance:
        a clause ``Y`` found in ``df_Y`` of ``N`` documents follows a given boundary of
        another report with probability about ``(df_Y / N) · J``, where ``J`` is one over
        the number of such boundaries per document. The run's probability is the largest
        over the ways to cut it at junctions (each piece a fresh chain, the k-grams across
        a cut free, each cut costing ``J``): a run glued from common clauses is likely
        however surprising its junction looks to the character chain, one whose clauses
        are rare stays improbable.
        """
        k = self.table.k
        if length < k:
            return 0.0
        n = max(self.n_docs - 1, 1)
        sl = slice(i, i + length - k + 1)
        raw = df_k[sl]
        fm = formula[sl]
        templ = (raw >= self.template_mask_threshold()) | (fm & (raw >= 2))
        if templ.any():
            # characters covered by template k-grams, then k-grams touching any of them
            m = len(raw)
            cover = np.zeros(m + k, dtype=np.int64)
            idx = np.flatnonzero(templ)
            np.add.at(cover, idx, 1)
            np.add.at(cover, idx + k, -1)
            chars = np.cumsum(cover)[: m + k - 1] > 0
            c = np.r_[0, np.cumsum(chars)]
            touch = (c[k : k + m] - c[:m]) > 0
        else:
            touch = np.zeros(len(raw), dtype=bool)
        dfk = np.maximum(raw - 2, 0).astype(np.float64)
        dfc = np.maximum(df_ctx[sl] - 2, 0).astype(np.float64)
        first_p = (dfk + 0.5) / n
        cond = np.ones(len(raw), dtype=np.float64)
        cond[1:] = (dfk[1:] + self.params.novel) / (dfc[1:] + 1.0)
        # a chain (re)starts at the first position and after every skipped stretch
        if continues_from is not None:
            first_p[0] = min(1.0, (dfk[0] + self.params.novel) / (max(continues_from - 2, 0) + 1.0))
        start = np.r_[True, touch[:-1]]
        p = np.where(start, first_p, cond)
        p = np.where(touch, 1.0, p)
        lp = np.log(np.clip(p, 1e-300, 1.0))
        if not junctions:
            return float(lp.sum())
        restart = np.log(np.clip(first_p, 1e-300, 1.0))
        return _best_segmentation(lp, restart, start | touch, junctions, k)

    def evidence(
        self,
        df_k: np.ndarray,
        df_ctx: np.ndarray,
        formula: np.ndarray,
        blocks: Sequence[tuple[int, int, int]],
        continues: Sequence[bool] | None = None,
        junctions: Sequence[Sequence[tuple[int, float]]] | None = None,
    ) -> float:
        """``−ln P`` of a shared run (its exact blocks ``(i, j, length)`` in A, taken as
        independent): the test statistic of the chance model. A block marked in
        ``continues`` continues the chain of the block before it (the gap between them is
        a slot, such as a number, of one phrase). ``junctions[t]``: the clause boundaries
        inside block ``t`` (see ``run_log_p``)."""
        k = self.table.k
        total = 0.0
        for t, (i, _j, ln) in enumerate(blocks):
            cont = None
            if continues is not None and continues[t] and t > 0:
                pi, _pj, pl = blocks[t - 1]
                if pl >= k - 1:
                    cont = int(df_ctx[pi + pl - (k - 1)])
            jn = junctions[t] if junctions is not None else ()
            total -= self.run_log_p(df_k, df_ctx, formula, i, ln, cont, jn)
        return total

    def significance(
        self,
        df_k: np.ndarray,
        df_ctx: np.ndarray,
        formula: np.ndarray,
        blocks: Sequence[tuple[int, int, int]],
        continues: Sequence[bool] | None = None,
        junctions: Sequence[Sequence[tuple[int, float]]] | None = None,
    ) -> float:
        """``-log10 E`` (analytic): E = expected number of document pairs sharing such a
        run by chance, ``N·(N−1)/2 · P``."""
        return self.significance_of(self.evidence(df_k, df_ctx, formula, blocks, continues, junctions))

    def significance_of(self, evidence: float) -> float:
        n = self.n_docs
        pairs = max(n * (n - 1) / 2, 1.0)
        return -(math.log10(pairs) - evidence / math.log(10))

    def is_copy(self, significance: float) -> bool:
        return significance >= -math.log10(self.params.alpha)

    def is_copy_recombined(self, significance: float) -> bool:
        return significance >= -math.log10(self.params.recombined_alpha)

    def template_threshold(self) -> int:
        return max(self.params.template_min_df, math.ceil(self.params.template_share * self.n_docs))


def _best_segmentation(
    lp: np.ndarray, restart: np.ndarray, fresh: np.ndarray, junctions: Sequence[tuple[int, float]], k: int
) -> float:
    """Largest ln P of a run over the ways to cut it at junctions.

    ``lp[t]``: ln of k-gram ``t``'s factor in the uncut chain; ``restart[t]``: ln of its
    probability as the first k-gram of a fresh chain; ``fresh[t]``: the chain already
    (re)starts there (or it is template text), so a cut there costs nothing more. A cut at
    ``b`` (the new clause's first character) frees the k-grams ``b−k+1 … b−1`` that
    straddle the boundary and replaces ``lp[b]`` by ``restart[b] + ln J``; every piece is
    at least k characters long."""
    m = len(lp)
    cuts = sorted({int(b): float(lj) for b, lj in junctions if k <= int(b) < m}.items())
    if not cuts:
        return float(lp.sum())
    csum = np.r_[0.0, np.cumsum(lp)]
    total = float(csum[m])
    # shortcut: when no single cut gains (rare clauses on both sides of every boundary,
    # or a stock phrase running across it), keep the uncut chain
    gains = []
    for b, lj in cuts:
        first = float(lp[b]) if fresh[b] else float(restart[b]) + lj
        gains.append(first - float(csum[b + 1] - csum[max(0, b - k + 1)]))
    if max(gains) <= 0.0:
        return total
    pos = [0] + [b for b, _ in cuts]
    head = [float(lp[0])] + [float(lp[b]) if fresh[b] else float(restart[b]) + lj for b, lj in cuts]
    best = [0.0] * len(pos)  # best ln P of the k-grams before cut j, given a cut at j
    for j in range(1, len(pos)):
        bj = pos[j]
        val = -math.inf
        for i in range(j):
            bi = pos[i]
            if bj - bi < k:  # every piece keeps a k-gram of its own: a clause shorter
                continue  # than k stays glued to its neighbour, junction and all
            val = max(val, best[i] + head[i] + float(csum[bj - k + 1] - csum[bi + 1]))
        best[j] = val
    out = -math.inf
    for i, bi in enumerate(pos):
        out = max(out, best[i] + head[i] + float(csum[m] - csum[bi + 1]))
    return max(out, total)


def formula_flags(hashes: np.ndarray, k: int) -> np.ndarray:
    """Per position: is this k-gram part of a shipped formula?"""
    return _isin_sorted(hashes, formula_hashes(k))


def template_runs(df: np.ndarray, formula: np.ndarray, k: int, threshold: int) -> list[tuple[int, int]]:
    """Folded spans of one document covered by k-grams common enough to be template text
    (per-position document frequency ``df`` at least ``threshold``, or a formula k-gram
    seen in two documents or more)."""
    if len(df) == 0:
        return []
    pos = np.flatnonzero((df >= threshold) | (formula & (df >= 2)))
    if len(pos) == 0:
        return []
    brk = np.flatnonzero(pos[1:] > pos[:-1] + k)
    starts = np.r_[pos[0], pos[brk + 1]]
    ends = np.r_[pos[brk], pos[-1]] + k
    return list(zip(starts.tolist(), ends.tolist()))


__all__ = ["ChanceModel", "ChanceParams", "GramTable", "formula_flags", "formula_hashes", "template_runs"]
