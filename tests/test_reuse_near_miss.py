"""A first-pass passage rejected only for a short core (a spinner replaced two words and
slipped in a character) is retried in the folded pass, where it is found whole.

Real clauses of the development corpus (gov_2008_national, gov_2025_national,
party_congress_17th_2007), joined as the synthetic generator joins them; the spinner
table is made up here and the code runs with an empty lexicon."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarykit.model import Document
from summarykit.reuse import detect
from summarykit.reuse.align import AlignParams, passages
from summarykit.reuse.boilerplate import ChanceModel, ChanceParams, GramTable
from summarykit.reuse.candidates import gram_hashes_many
from summarykit.reuse.normalize import normalize

DEV = Path(__file__).resolve().parent.parent / "corpora" / "dev"
SOURCE = "维护金融稳定和安全，提升国家创新体系整体效能，加强和改进流动党员管理。"
# 国家→国度, 改进→改善, and a stray 都 inside 体系: the core left unfolded is 15 characters
SPUN = "维护金融稳定和安全，提升国度创新体都系整体效能，加强和改善流动党员管理。"
ONE_WORD = "维护金融稳定和安全，提升国度创新体都系整体效能，加强和改进流动党员管理。"


def test_the_clauses_are_real():
    texts = "".join(p.read_text(encoding="utf-8") for p in DEV.glob("*.txt"))
    for clause in SOURCE.rstrip("。").split("，"):
        assert clause in texts


def _first_pass(a: str, b: str, monkeypatch):
    va, vb = normalize(a), normalize(b)
    hashes = gram_hashes_many([va.codes, vb.codes], 6)
    table, dfs = GramTable.build_with_positions(hashes, k=6)
    ctx, _ = GramTable.build_with_positions(gram_hashes_many([va.codes, vb.codes], 5), k=5)
    model = ChanceModel(table, ctx, ChanceParams())
    formula = np.zeros(len(dfs[0]), dtype=bool)
    for key, value in (("min_norm", 18), ("min_core", 20), ("min_core_spun", 14)):
        monkeypatch.setitem(detect._STATE, key, value)
    found = list(passages(va, vb, AlignParams(), text_a=a, text_b=b))
    assert len(found) == 1
    p = found[0]
    return p, model.core(dfs[0], formula, p.blocks), detect._near_miss(p, model, dfs[0], formula)


def test_near_miss_is_a_short_core_broken_by_two_word_sized_gaps(monkeypatch):
    _p, core, miss = _first_pass(SOURCE, SPUN, monkeypatch)
    assert 14 <= core < 20 and miss
    # one replaced word: a single word-sized gap, nothing for folding to mend
    _p1, _core1, miss1 = _first_pass(SOURCE, ONE_WORD, monkeypatch)
    assert not miss1
    # the copy itself: a long core, accepted, no near miss
    _p, core2, miss2 = _first_pass(SOURCE, SOURCE, monkeypatch)
    assert core2 >= 20 and not miss2


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if 120 <= len(line) <= 400 and "流动党员" not in line and "维护金融稳定" not in line:
                out.append(line)
    return out


@pytest.mark.parametrize("retry", [True, False])
def test_near_miss_reaches_the_folded_pass(monkeypatch, retry):
    paras = _paragraphs()
    docs = ["\n".join(paras[3 * d : 3 * d + 3]) for d in range(80)]
    # spun copies of two other real paragraphs teach 国家→国度 and 改进→改善
    for t, (w, v) in enumerate((("国家", "国度"), ("改进", "改善"))):
        src = next(p for d in range(80) if d not in (20, 75) for p in docs[d].split("\n") if w in p)
        docs[40 + t] += "\n" + src.replace(w, v)
    docs[20] += "\n" + SOURCE
    docs[75] += "\n" + SPUN
    corpus = [Document(id=f"d{i:03d}", text=x, title=f"d{i:03d}") for i, x in enumerate(docs)]
    seen: list = []
    real = detect._folded_pass

    def spy(*args, **kwargs):
        seen.extend(args[8] if len(args) > 8 else kwargs.get("misses", ()))
        return real(*args, **kwargs)

    monkeypatch.setattr(detect, "_folded_pass", spy)
    report = detect.find_reuse(
        corpus, n_jobs=1, progress=False, method="index", lexicon=(), retry_near_misses=retry
    )
    # the rejected passage's region is handed to the folded pass only with the retry (in a
    # corpus this small the pair is also a new folded candidate and is found either way;
    # among 1,000 reports, generated seed 3, it was outranked and never realigned)
    assert ((20, 75) in {(x, y) for x, y, _r in seen}) is retry
    assert report.params["retry_near_misses"] is retry
    (m,) = [m for m in report.matches if {m.doc_a, m.doc_b} == {"d020", "d075"}]
    assert m.kind == "spun"
    assert {(s.source, s.target) for s in m.substitutions} == {("国家", "国度"), ("改进", "改善")}
