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
* A shared run is tiled by non-overlapping k-grams of its exact blocks. Its chance
  probability is that of its rarest tile times a discounted product of the others
  (``dependence`` between 0 and 1: phrases of one template are not independent):
  ``log P = log p_min + dependence · Σ_other log p``.
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
        uniq = [np.unique(h) for h in per_doc_hashes if len(h)]
        if not uniq:
            z = np.zeros(0, dtype=np.uint64)
            return cls(k, len(per_doc_hashes), z, np.zeros(0, dtype=np.int64))
        hashes, df = np.unique(np.concatenate(uniq), return_counts=True)
        return cls(k, len(per_doc_hashes), hashes, df)

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
    dependence: float = 0.6
    """Weight of the tiles after the rarest one (1 = independent, 0 = fully dependent)."""
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

    def significance(self, codes_a: np.ndarray, blocks: Sequence[tuple[int, int, int]]) -> float:
        """``-log10 E``: E = expected number of document pairs sharing such a run by chance."""
        k = self.table.k
        tiles = []
        for i, _j, ln in blocks:
            for s in range(i, i + ln - k + 1, k):
                tiles.append(codes_a[s : s + k])
        n = self.n_docs
        pairs = max(n * (n - 1) / 2, 1.0)
        if not tiles:
            return -math.log10(pairs)
        hashes = np.array([gram_hashes(t, k)[0] for t in tiles], dtype=np.uint64)
        lp = np.sort(self.tile_log_p(hashes))
        log_p = float(lp[0] + self.params.dependence * lp[1:].sum())
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
