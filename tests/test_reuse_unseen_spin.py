"""Spun copies made with a spinner table the code never saw, on real report text
(corpora/dev): candidate ranking around a short chain, passages completed to the
sentence end when the spinner replaced the edge word, and the folded pass's core."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from summarykit.model import Document
from summarykit.reuse.boilerplate import ChanceModel, ChanceParams, GramTable
from summarykit.reuse.candidates import band_matches, gram_hashes_many
from summarykit.reuse.detect import ReuseParams, _complete_sentences, _rank_pairs, find_reuse
from summarykit.reuse.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "dev"

# real sentences (gov_2023_national.txt, gov_2008_national.txt) and a spinner table made
# up here (not shipped, not in corpora/synth/tables)
ECO = "加强城乡环境基础设施建设，持续实施重要生态系统保护和修复重大工程。"
ECO_SPUN = "强化城乡环境基础设施建设，持续实施重要生态系统保护和修复重大工事。"
BANK = "继续深化银行业改革，重点推进中国农业银行股份制改革和国家开发银行改革。"
BANK_SPUN = "持续深化银行业改革，要点推进中国农业银行股份制改革和国家开发银行改革。"


def test_a_passage_cut_by_a_replaced_last_word_runs_to_the_sentence_end():
    ta, tb = "本年度。" + ECO + "另起一句。", "上半年。" + ECO_SPUN + "别的话。"
    sa, sb = ta.index("城乡"), tb.index("城乡")
    ea, eb = ta.index("工程"), tb.index("工事")
    sa2, ea2, sb2, eb2, reps = _complete_sentences(ta, sa, ea, tb, sb, eb, 10)
    assert ta[ea2 - 3 : ea2] == "工程。" and tb[eb2 - 3 : eb2] == "工事。"
    # the head (加强 / 强化 before a sentence start on both sides) joins too
    assert ta[sa2:].startswith("加强城乡") and tb[sb2:].startswith("强化城乡")
    assert set(reps) == {("工程", "工事"), ("加强", "强化")}


def test_completion_needs_alike_pieces_and_the_same_boundary_nearby():
    ta = "继续深化银行业改革。"
    tb = "继续深化银行业综合改革试点工作方案。"
    e = ta.index("改革")
    # 改革 / 综合改革试点工作方案: more than two characters apart in length
    assert _complete_sentences(ta, 0, e, tb, 0, e, 10)[1] == e
    # a piece longer than the limit is left alone
    ta2 = BANK
    e2 = ta2.index("推进") + 2
    assert _complete_sentences(ta2, 0, e2, BANK_SPUN, 0, e2, 10)[1] == e2
    # pieces alike but a clause separator in between: not one unfinished word
    ta3, tb3 = "深化银行业改革，重点推进。", "深化银行业改革，要点推进。"
    e3 = ta3.index("，")
    assert _complete_sentences(ta3, 0, e3, tb3, 0, e3, 10)[1] == e3


def _dev_reports(k: int) -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        paras = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if 80 <= len(ln.strip()) <= 300]
        paras = [p for p in paras if "银行业" not in p and "城乡环境基础设施" not in p]
        for i in range(0, len(paras) - 2, 3):
            out.append("\n".join(paras[i : i + 3]))
    return out[:k]


def test_spun_copy_whose_first_and_last_words_were_replaced_is_found_whole():
    docs = _dev_reports(30)
    assert len(docs) == 30
    docs[3] += "\n" + ECO + BANK
    docs[17] += "\n" + ECO_SPUN + BANK_SPUN
    corpus = [Document(id=f"d{i:02d}", text=t, title=f"d{i:02d}") for i, t in enumerate(docs)]

    def covered(**kw):  # characters of the two planted sentences covered on each side
        r = find_reuse(corpus, n_jobs=1, progress=False, lexicon=(), **kw)
        a0, b0 = docs[3].index(ECO), docs[17].index(ECO_SPUN)
        a1, b1 = a0 + len(ECO + BANK), b0 + len(ECO_SPUN + BANK_SPUN)
        ca = cb = 0
        for m in r.matches:
            if {m.doc_a, m.doc_b} == {"d03", "d17"}:
                (xa, ya), (xb, yb) = ((m.start_a, m.end_a), (m.start_b, m.end_b))
                if m.doc_a == "d17":
                    (xa, ya), (xb, yb) = (xb, yb), (xa, ya)
                ca += max(0, min(ya, a1) - max(xa, a0))
                cb += max(0, min(yb, b1) - max(xb, b0))
        return ca, cb, len(ECO + BANK), len(ECO_SPUN + BANK_SPUN)

    ca, cb, la, lb = covered()
    assert (ca, cb) == (la, lb)
    # without completion the replaced edge words (加强/强化, 工程/工事, 继续/持续) stay out
    ca0, cb0, _, _ = covered(complete_sentences=0)
    assert ca0 < la and cb0 < lb


def _pair_inputs(texts: list[str]):
    views = [normalize(t) for t in texts]
    codes = [v.codes for v in views]
    dfs = [np.ones(max(0, len(c) - 5), dtype=np.int64) * 2 for c in codes]
    return views, codes, dfs


def test_a_copy_around_a_short_chain_outranks_one_shared_clause():
    # d0/d1: a real paragraph and its copy with the junction words replaced (the chain of
    # rare k-grams is short: the clauses themselves are common); d2/d3: two reports that
    # share one rare 18-character clause and nothing else (a longer chain)
    para = "深入推进环境污染防治。加强流域综合治理，加强城乡环境基础设施建设，持续实施重要生态系统保护和修复重大工程。"
    spun = "深入推进环境污染防治。强化流域综合治理，强化城乡环境基础设施修建，持续实施重要生态系统保护和修复重大工事。"
    clause = "推进能源清洁高效利用和技术研发"
    texts = [
        "各项工作稳步推进。" + para + "全年目标顺利完成。",
        "今年以来我们认真落实。" + spun + "各项任务有序推进。",
        "一是" + clause + "，成效明显。",
        "二是要" + clause + "，取得新进展。",
    ]
    views, codes, dfs = _pair_inputs(texts)
    n = 4
    ja, jb = views[0].text.index("深入推进"), views[1].text.index("深入推进")
    ca, cb = views[2].text.index(clause), views[3].text.index(clause)
    keys = np.array([0 * n + 1, 2 * n + 3], dtype=np.int64)
    span = np.array([11, len(clause)], dtype=np.int64)  # the copy's chain is the shorter
    score = np.array([3.0, 3.0])
    pos_a, pos_b = np.array([ja, ca]), np.array([jb, cb])
    params = ReuseParams()
    order = _rank_pairs(keys, span, score, pos_a, pos_b, codes, dfs, n, params, 10, 1)
    assert keys[order[0]] == 1  # the copy first
    plain = _rank_pairs(keys, span, score, pos_a, pos_b, codes, dfs, n, ReuseParams(band_pool=0), 10, 1)
    assert keys[plain[0]] == 2 * n + 3  # chain span alone puts the shared clause first
    band = band_matches(codes, [np.zeros(len(c), bool) for c in codes], keys, pos_a, pos_b, n_docs=n)
    assert band[0] >= 40 and band[1] <= len(clause) + 2
    # template text does not count
    masked = [np.ones(len(c), bool) for c in codes]
    assert band_matches(codes, masked, keys, pos_a, pos_b, n_docs=n).tolist() == [0, 0]


def test_core_counts_a_folded_word_as_its_text_length():
    text = "维护金融稳定和安全提升国家创新体系整体效能"
    v = normalize(text)
    hashes = gram_hashes_many([v.codes, v.codes], 6)
    table, dfs = GramTable.build_with_positions(hashes, k=6)
    ctx, _ = GramTable.build_with_positions(gram_hashes_many([v.codes, v.codes], 5), k=5)
    model = ChanceModel(table, ctx, ChanceParams())
    blocks = ((0, 0, len(v)),)
    formula = np.zeros(len(dfs[0]), dtype=bool)
    assert model.core(dfs[0], formula, blocks) == len(v)
    w = np.ones(len(v), dtype=np.int64)
    w[[3, 12]] = 2  # two characters stand for two-character words
    assert model.core(dfs[0], formula, blocks, weights=w) == len(v) + 2
