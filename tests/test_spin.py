"""Single-document spin signature (summarykit.reuse.spin) on the seed, dev files and synthetic text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import summarykit
from summarykit.reuse.spin import SpinEvidence, SpinLexicon, SpinResult, spin_score

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_docs():
    """The 14 seed reports, ingest only (the stages are not needed here)."""
    return summarykit.load(ROOT / "corpora" / "seed", stages=(), progress=False)


SPUN_SEED = {"篇2", "篇5", "篇11"}


@pytest.fixture(scope="module")
def seed_scores(seed_docs):
    return {d.title.split()[-1]: (d, spin_score(d)) for d in seed_docs}


def test_seed_spun_reports_score_highest(seed_scores):
    ranked = sorted(seed_scores, key=lambda k: seed_scores[k][1].score, reverse=True)
    assert set(ranked[:3]) == SPUN_SEED
    for name in SPUN_SEED:
        assert seed_scores[name][1].score >= 10, (name, seed_scores[name][1].score)
    for name, (_doc, r) in seed_scores.items():
        if name not in SPUN_SEED:
            assert r.score < 1.0, (name, [e.text for e in r.evidence])


def test_seed_evidence_slices_back_and_names_the_original(seed_scores):
    for doc, r in seed_scores.values():
        assert isinstance(r, SpinResult) and r.chars == len(doc.text) and r.count == len(r.evidence)
        for e in r.evidence:
            assert isinstance(e, SpinEvidence)
            assert doc.text[e.start : e.end] == e.text
            assert e.word in e.text and e.original in e.expected
            assert e.expected == e.text.replace(e.word, e.original, 1)
            assert e.pattern.startswith(f"{e.original}→{e.word} ")


def test_seed_pian2_collocations(seed_scores):
    _doc, r = seed_scores["篇2"]
    pairs = {(e.text, e.expected) for e in r.evidence}
    assert ("用心的推动作用", "积极的推动作用") in pairs
    assert ("礼貌社区", "文明社区") in pairs
    assert ("个性是", "特别是") in pairs
    assert ("潜力强", "能力强") in pairs
    assert ("重要好处", "重要意义") in pairs
    # 台账资料 is idiomatic in its own right: not evidence
    assert not any("台账资料" in e.text for e in r.evidence)


def test_dev_files_no_false_alarms_and_the_spun_one_found():
    corpus = summarykit.load(ROOT / "corpora" / "dev", stages=(), progress=False)
    scores = {d.id: spin_score(d) for d in corpus}
    spun = scores["summary_govinfo_05"]  # SOURCES.md: 刚好调整充溢 for 及时调整充实, 宣扬 for 宣传
    assert spun.score >= 5
    assert {"刚好调整", "宣扬培训"} <= {e.text for e in spun.evidence}
    for doc_id, r in scores.items():
        if doc_id != "summary_govinfo_05":
            assert r.score < 2.0, (doc_id, [e.text for e in r.evidence])
    big = [r for r in scores.values() if r.chars > 10000]
    assert big and sum(r.count for r in big) <= 3  # 300k characters of national reports


def test_plain_text_and_idiomatic_uses():
    r = spin_score("社区妇联为工作起到了用心的推动作用，取得了必须的成绩，个性是广大妇女踊跃参与。")
    assert [e.expected for e in r.evidence] == ["积极的推动作用", "一定的成绩", "特别是"]
    clean = "我们用心学习，建立健全制度，必须坚持党的领导，挖掘发展潜力，整理台账资料，凸显着活力，个性化服务。"
    assert spin_score(clean).count == 0
    assert spin_score("").score == 0.0


def test_custom_lexicon_and_bad_input():
    lex = SpinLexicon.from_rows([("美丽", "漂亮")], [("美丽", "R", "乡村")])
    r = spin_score("建设漂亮乡村，漂亮的花。", lexicon=lex)
    assert [(e.text, e.expected) for e in r.evidence] == [("漂亮乡村", "美丽乡村")]
    with pytest.raises(TypeError, match="Document or a str"):
        spin_score(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="side"):
        SpinLexicon.from_rows([], [("a", "X", "b")])


def test_synthetic_clean_documents_score_zero():
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_synth import make_corpus

    docs, truth = make_corpus(300, seed=11)
    spun_b = {p["doc_b"] for p in truth["passages"] if p["kind"] == "spun"}
    seen_b = {p["doc_b"] for p in truth["passages"] if p["kind"] == "spun" and p["table_seen"]}
    scores = {d: spin_score(t) for d, t in docs}
    assert all(scores[d].count == 0 for d in scores if d not in spun_b)
    flagged = sum(scores[d].count > 0 for d in seen_b)
    assert seen_b and flagged >= len(seen_b) // 3, (flagged, len(seen_b))
