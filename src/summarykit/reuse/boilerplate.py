"""Template text versus copying: a chance model for shared runs, and template phrases.

Work reports share a great deal of stock text (``在…的正确领导下``,
``取得了一定的成绩,但仍存在一些不足``). Two reports sharing such a run have not copied
each other. A raw document-frequency mask (“drop every phrase in ≥ 3 documents”) fails
both ways: in a small collection it hides real copies (a source and two copies *are*
three documents), and in a large one a run glued together from moderately common phrases
slips through. So the decision is made per shared run, by chance:

* Every folded character k-gram ``g`` has a document frequency ``df(g)`` in the corpus.
  Leaving out the two documents being compared, the probability that some other report
  contains ``g`` is ``p(g) = (df(g) − 2 + 1) / (N − 1)`` (add-one). A phrase from the
  shipped list of work-report formulas (``resources/data/boilerplate_formulas.txt``) is
  common whatever the corpus says: ``p(g) ≥ formula_p``. That prior is what makes the
  model work on a 14-report collection.
* A shared run's chance log-probability is ``(chars / k) · mean log p(g)`` over every
  k-gram ``g`` inside its exact blocks: each character counts as the mean of the k-grams
  covering it. A run made of common phrases scores low however long it is; a run whose
  phrases are common but whose *junctions* are rare (a new combination of stock
  phrases, which is what a copy of template-heavy text looks like) scores high.
* ``N·(N−1)/2`` pairs are compared, so the expected number of pairs sharing a run this
  improbable by chance is ``E = N·(N−1)/2 · P``. The run is a copy when ``E ≤ alpha``;
  otherwise it is template text. ``-log10 E`` is kept as the match's significance.

Template phrases for the report are the runs of k-grams found in many documents:
``df ≥ max(min_df, share · N)`` or a formula k-gram found in at least two documents.
"""

from __future__ import annotations

import functools
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

    @classmethod
    def build(cls, per_doc_hashes: Sequence[np.ndarray], *, k: int) -> GramTable:
        return cls.build_with_positions(per_doc_hashes, k=k)[0]

    @classmethod
    def build_with_positions(
        cls, per_doc_hashes: Sequence[np.ndarray], *, k: int
    ) -> tuple[GramTable, list[np.ndarray]]:
        """The table and, for every document, the document frequency at each position."""
        n = len(per_doc_hashes)
        uniq, invs = [], []
        for h in per_doc_hashes:
            u, inv = np.unique(h, return_inverse=True)
            uniq.append(u)
            invs.append(inv)
        if not any(len(u) for u in uniq):
            z = np.zeros(0, dtype=np.uint64)
            return cls(k, n, z, np.zeros(0, dtype=np.int64)), [np.zeros(len(h), dtype=np.int64) for h in per_doc_hashes]
        allu = np.concatenate(uniq)
        hashes, ginv, df = np.unique(allu, return_inverse=True, return_counts=True)
        per_pos = []
        off = 0
        for u, inv in zip(uniq, invs):
            g = ginv[off : off + len(u)]
            per_pos.append(df[g][inv] if len(inv) else np.zeros(0, dtype=np.int64))
            off += len(u)
        return cls(k, n, hashes, df), per_pos

    def lookup(self, h: np.ndarray) -> np.ndarray:
        """Document frequency of each hash (0 if absent)."""
        if len(self.hashes) == 0 or len(h) == 0:
            return np.zeros(len(h), dtype=np.int64)
        idx = np.searchsorted(self.hashes, h)
        idx[idx >= len(self.hashes)] = len(self.hashes) - 1
        return np.where(self.hashes[idx] == h, self.df[idx], 0)


@dataclass(frozen=True)
class ChanceParams:
    alpha: float = 0.01
    """A shared run is a copy when fewer than ``alpha`` pairs would share it by chance."""
    formula_p: float = 0.3
    """Probability floor for a k-gram of a shipped formula."""
    template_min_df: int = 3
    template_share: float = 0.003


@dataclass(frozen=True, eq=False)
class ChanceModel:
    table: GramTable
    params: ChanceParams

    @property
    def n_docs(self) -> int:
        return self.table.n_docs

    def tile_log_p(self, tiles: np.ndarray) -> np.ndarray:
        """ln p(g) for each tile hash, leaving out the two compared documents."""
        n = max(self.n_docs - 1, 1)
        df = self.table.lookup(tiles)
        p = (np.maximum(df - 2, 0) + 1.0) / n
        formula = _isin_sorted(tiles, formula_hashes(self.table.k))
        p = np.where(formula, np.maximum(p, self.params.formula_p), p)
        return np.log(np.minimum(p, 1.0))

    def significance(self, hashes_a: np.ndarray, blocks: Sequence[tuple[int, int, int]]) -> float:
        """``-log10 E``: E = expected number of document pairs sharing such a run by chance.

        ``hashes_a`` are the k-gram hashes of document A (``gram_hashes(codes, k)``);
        ``blocks`` the exact blocks ``(i, j, length)`` of the run. Every character of a
        block is covered by up to ``k`` k-grams; its chance log-probability is the mean of
        theirs, so a run made of common phrases scores low even when it is long, while a
        run whose phrases are common but whose *junctions* are rare (a new combination)
        scores high.
        """
        k = self.table.k
        idx = [np.arange(i, i + ln - k + 1) for i, _j, ln in blocks if ln >= k]
        n = self.n_docs
        pairs = max(n * (n - 1) / 2, 1.0)
        if not idx:
            return -math.log10(pairs)
        pos = np.concatenate(idx)
        pos = pos[pos < len(hashes_a)]
        lp = self.tile_log_p(hashes_a[pos])
        # chars covered: each block of length L has L chars and L-k+1 grams
        chars = sum(ln for _i, _j, ln in blocks if ln >= k)
        log_p = float(lp.mean()) * chars / k if len(lp) else 0.0
        return -(math.log10(pairs) + log_p / math.log(10))

    def is_copy(self, significance: float) -> bool:
        return significance >= -math.log10(self.params.alpha)

    def template_threshold(self) -> int:
        return max(self.params.template_min_df, math.ceil(self.params.template_share * self.n_docs))


def template_runs(
    hashes: np.ndarray, table: GramTable, threshold: int
) -> list[tuple[int, int]]:
    """Folded spans of one document covered by k-grams common enough to be template text."""
    if len(hashes) == 0:
        return []
    df = table.lookup(hashes)
    formula = _isin_sorted(hashes, formula_hashes(table.k))
    common = (df >= threshold) | (formula & (df >= 2))
    pos = np.flatnonzero(common)
    if len(pos) == 0:
        return []
    k = table.k
    runs = []
    s, e = int(pos[0]), int(pos[0]) + k
    for p in pos[1:].tolist():
        if p <= e:
            e = p + k
        else:
            runs.append((s, e))
            s, e = p, p + k
    runs.append((s, e))
    return runs


__all__ = ["ChanceModel", "ChanceParams", "GramTable", "formula_hashes", "template_runs"]
