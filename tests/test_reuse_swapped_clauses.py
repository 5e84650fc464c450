"""Near copies whose clauses were swapped within a sentence (A: X，Y，Z。 B: Y，X，Z。), on
real report text (corpora/dev): each clause is shorter than ``min_core``, so the copy has
no colinear core; the blocks tile one sentence in both documents, which is its core."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarykit.model import Document
from summarykit.reuse.candidates import chained_pairs, gram_hashes
from summarykit.reuse.detect import find_reuse
from summarykit.reuse.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "dev"


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if 120 <= len(line) <= 400:
                out.append(line)
    return out


def _sentence(paras: list[str]) -> tuple[str, str, str]:
    """A real sentence of three clauses, the first two 13–19 characters (under min_core), the
    last long enough (≥ 12) to be a piece of its own."""
    for para in paras[100:]:
        for sent in para.split("。"):
            parts = sent.split("，")
            if len(parts) == 3 and all(13 <= len(p) <= 19 for p in parts[:2]) and 12 <= len(parts[2]) <= 20:
                return parts[0], parts[1], parts[2]
    raise AssertionError("no sentence")


@pytest.fixture(scope="module")
def swapped():
    paras = _paragraphs()
    x, y, z = _sentence(paras)
    paras = [p for p in paras if x not in p and y not in p and z not in p]
    docs = ["\n".join(paras[3 * d : 3 * d + 3]) for d in range(40)]
    orig, swap = f"{x}，{y}，{z}。", f"{y}，{x}，{z}。"
    docs[3] = docs[3] + "\n" + orig + "\n" + paras[200]
    docs[17] = paras[201] + "\n" + swap + "\n" + docs[17]
    corpus = [Document(id=f"d{i:02d}", text=t) for i, t in enumerate(docs)]
    return corpus, orig, swap


def test_swapped_clauses_are_one_near_copy(swapped):
    corpus, orig, swap = swapped
    report = find_reuse(corpus, min_chars=30, n_jobs=1, progress=False)
    texts = {d.id: d.text for d in corpus}
    a0 = texts["d03"].index(orig)
    b0 = texts["d17"].index(swap)
    hits = [
        m for m in report.matches
        if {m.doc_a, m.doc_b} == {"d03", "d17"}
    ]
    assert len(hits) == 1, hits
    m = hits[0]
    (sa, ea), (sb, eb) = ((m.start_a, m.end_a), (m.start_b, m.end_b)) if m.doc_a == "d03" else ((m.start_b, m.end_b), (m.start_a, m.end_a))
    # the whole sentence on both sides, nothing of the neighbouring paragraphs
    assert sa <= a0 + 1 and ea >= a0 + len(orig) - 2 and ea <= a0 + len(orig) + 1
    assert sb <= b0 + 1 and eb >= b0 + len(swap) - 2 and eb <= b0 + len(swap) + 1
    assert m.kind == "near"


def test_swapped_clauses_across_sentences_are_not_joined(swapped):
    """The same two clauses side by side in two reports, but in different sentences of one
    of them: two stock clauses recombined, not one copied sentence."""
    corpus, orig, swap = swapped
    x, y = orig.split("，")[:2]
    docs = [d.text for d in corpus]
    docs[3] = docs[3].replace(orig, f"{x}，{y}。")
    docs[17] = docs[17].replace(swap, f"{y}。{x}，另行安排。")
    report = find_reuse([Document(id=f"d{i:02d}", text=t) for i, t in enumerate(docs)], min_chars=30, n_jobs=1, progress=False)
    assert not [m for m in report.matches if {m.doc_a, m.doc_b} == {"d03", "d17"}]


def test_chain_span_counts_swapped_neighbours(swapped):
    """Candidate stage: the pair's span counts both swapped clauses (each its own chain on
    its own diagonal), so a swapped sentence ranks with copies of its length."""
    _corpus, orig, swap = swapped
    k = 6
    a, b = normalize(orig).text, normalize(swap).text
    codes = [np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32) for t in (a, b)]
    hs = [gram_hashes(c, k) for c in codes]
    keys, span, _score = chained_pairs(
        np.concatenate(hs),
        np.r_[np.zeros(len(hs[0]), np.int64), np.ones(len(hs[1]), np.int64)],
        np.r_[np.arange(len(hs[0])), np.arange(len(hs[1]))],
        max_df=8, n_docs=2, k=k, min_span=10,
    )
    longest_clause = max(len(normalize(p).text) for p in orig.split("，")[:2])
    assert list(keys) == [1]
    assert span[0] >= len(a) - 4 > longest_clause
