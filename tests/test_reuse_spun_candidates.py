"""Heavily spun copies with a spinner table the code never saw: candidate stage and
chance model details, on real report text (corpora/dev)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from summarykit.model import Document
from summarykit.reuse.align import Passage
from summarykit.reuse.candidates import chained_pairs
from summarykit.reuse.detect import _sentence_ends, _split_at_separators, find_reuse
from summarykit.reuse.normalize import normalize
from summarykit.tokenize import tokens

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "dev"

# A spinner table made up for this test (not shipped, not in corpora/synth/tables): the
# code is run with an empty lexicon, so whatever it knows of the table it learned here.
TABLE = {
    "发展": "成长", "建设": "建造", "推进": "推行", "加强": "强化", "工作": "作业",
    "群众": "公众", "提高": "晋升", "完善": "完美", "服务": "效劳", "改革": "变革",
    "全面": "全方位", "经济": "经贸", "重点": "要点", "积极": "用心", "推动": "鞭策",
    "实施": "推行", "健全": "完满", "管理": "办理", "坚持": "坚守", "促进": "增进",
}


def _spin(text: str) -> str:
    return "".join(TABLE.get(w, w) for w, _s, _e in tokens(text, hmm=False))


def _longest_unchanged(text: str) -> int:
    """Longest stretch of characters the spinner leaves alone (punctuation included)."""
    best = cur = 0
    for w, _s, _e in tokens(text, hmm=False):
        cur = 0 if w in TABLE else cur + len(w)
        best = max(best, cur)
    return best


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if 120 <= len(line) <= 400 and sum(w in line for w in TABLE) >= 3:
                out.append(line)
    return out


def _junction_clauses(paras: list[str]) -> tuple[str, str]:
    """Two consecutive real clauses whose junction the spinner rewrites (a table word
    ends the first or starts the second), each with another table word."""
    for para in paras:
        parts = para.split("，")
        for x, y in itertools.pairwise(parts):
            if not (14 <= len(x) <= 26 and 14 <= len(y) <= 26) or "。" in x + y:
                continue
            tx = [w for w, _s, _e in tokens(x, hmm=False)]
            ty = [w for w, _s, _e in tokens(y, hmm=False)]
            if (tx[-1] in TABLE or ty[0] in TABLE) and sum(w in TABLE for w in tx + ty) >= 3:
                return x, y
    raise AssertionError("no clause pair")


@pytest.fixture(scope="module")
def spun_corpus():
    paras = _paragraphs()
    assert len(paras) >= 200
    x, y = _junction_clauses(paras[240:])
    paras = [p for p in paras if x not in p and y not in p]
    docs: list[str] = []
    # 80 reports of three real paragraphs each, no paragraph used twice
    for d in range(80):
        docs.append("\n".join(paras[3 * d : 3 * d + 3]))
    # spun copies of whole paragraphs teach the table (every word the target needs, in
    # other reports): their unchanged stretches are long enough to be found unfolded
    needed = [w for w, _s, _e in tokens(x + "，" + y, hmm=False) if w in TABLE]
    teach: list[str] = []
    for w in dict.fromkeys(needed):
        teach.append(next(p for d in range(40) if d != 20 for p in docs[d].split("\n") if w in p and p not in teach))
    for t, para in enumerate(teach):
        docs[40 + t] += "\n" + _spin(para)
    # the two clauses are stock phrases: each stands alone in seven more reports, so
    # that their k-grams are in too many reports to propose a pair (like a clause in a
    # few dozen of 10,000 reports) but too few to be template text
    for t in range(7):
        docs[50 + t] += "\n" + x + "。"
        docs[60 + t] += "\n" + y + "。"
    # report 20 holds the sentence, report 75 its spun copy: only the junction of the
    # two clauses is rare, and the spinner rewrote it
    sent = x + "，" + y + "。"
    spun = _spin(sent)
    docs[20] += "\n" + sent
    docs[75] += "\n" + spun
    corpus = [Document(id=f"d{i:03d}", text=t, title=f"d{i:03d}") for i, t in enumerate(docs)]
    a0 = docs[20].index(sent)
    b0 = docs[75].index(spun)
    return corpus, (a0, a0 + len(sent)), (b0, b0 + len(spun))


def _found(report, span_a, span_b):
    for m in report.matches:
        if {m.doc_a, m.doc_b} != {"d020", "d075"}:
            continue
        sa, sb = ((m.start_a, m.end_a), (m.start_b, m.end_b)) if m.doc_a == "d020" else ((m.start_b, m.end_b), (m.start_a, m.end_a))
        if sa[0] < span_a[1] and span_a[0] < sa[1] and sb[0] < span_b[1] and span_b[0] < sb[1]:
            return m
    return None


def test_heavily_spun_copy_with_an_unseen_table_is_a_spun_match(spun_corpus):
    corpus, span_a, span_b = spun_corpus
    # the second pass aligns its lower-ranked candidates in a window around their chain:
    # force that path (whole-pair budget of one pair)
    report = find_reuse(
        corpus, n_jobs=1, progress=False, method="index", lexicon=(), min_pair_budget=4, fold_pairs_per_doc=0.0
    )
    m = _found(report, span_a, span_b)
    assert m is not None, "spun copy not found"
    assert m.kind == "spun"
    pairs = {frozenset((s.source, s.target)) for s in m.substitutions}
    assert pairs and all(frozenset(p) in {frozenset(x) for x in TABLE.items()} for p in pairs)
    # learned from the corpus, not known beforehand: without learning it is not a spun match
    plain = find_reuse(corpus, n_jobs=1, progress=False, method="index", lexicon=(), learn=False)
    m0 = _found(plain, span_a, span_b)
    assert m0 is None or m0.kind != "spun"


def test_chained_pairs_positions_point_at_the_chain():
    # two documents sharing one run at different offsets; rows: (hash, doc, pos)
    h = np.array([11, 12, 13, 14, 11, 12, 13, 14], dtype=np.uint64)
    d = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    p = np.array([5, 6, 7, 8, 40, 41, 42, 43])
    keys, span, _score, pa, pb = chained_pairs(h, d, p, max_df=8, n_docs=2, k=6, min_span=8, with_positions=True)
    assert keys.tolist() == [1] and span.tolist() == [9]
    assert (pa.tolist(), pb.tolist()) == ([5], [40])


def _block(ta: str, tb: str) -> tuple[Passage, tuple]:
    va, vb = normalize(ta), normalize(tb)
    assert va.text == vb.text
    n = len(va.text)
    return Passage(0, n, 0, n, ((0, 0, n),)), (va, ta, vb, tb)


def test_differing_separators_cut_a_shared_run():
    # two stock clauses side by side in two reports (seen as a chance overlap at 10,000
    # generated reports): the texts differ at the junction
    p, sides = _block("马克思主义理论研究和建设工程，技术含量比较高、投资金额比较大", "马克思主义理论研究和建设工程。\n技术含量比较高、投资金额比较大")
    blocks = _split_at_separators(p.blocks, *sides)
    assert [b[2] for b in blocks] == [14, 14]
    p, sides = _block("马克思主义理论研究和建设工程，技术含量比较高", "马克思主义理论研究和建设工程,技术含量比较高")
    assert len(_split_at_separators(p.blocks, *sides)) == 1  # full or half width: same
    p, sides = _block("坚持两手抓、两手都要硬的方针", "坚持“两手抓、两手都要硬”的方针")
    assert len(_split_at_separators(p.blocks, *sides)) == 3  # quotes on one side only


def test_sentence_ends_on_both_sides():
    p, sides = _block("控制货币供应量和信贷过快增长，把保障人民健康放在优先发展的战略位置。", "控制货币供应量和信贷过快增长，把保障人民健康放在优先发展的战略位置。")
    assert _sentence_ends(p, *sides) == 2
    ta, tb = "这是教师。控制货币供应量和信贷过快增长，把保障", "控制货币供应量和信贷过快增长，把保障人民"
    va, vb = normalize(ta), normalize(tb)
    i = va.text.index("控制")
    q = Passage(i, i + 16, 0, 16, ((i, 0, 16),))
    assert _sentence_ends(q, va, ta, vb, tb) == 1
