"""find_reuse on the seed gold, on a small generated corpus, and on arbitrary input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summarykit
from summarykit.evaluate.reuse import (
    Case,
    pan_scores,
    precision_long,
    seed_gold,
    spun_unseen_recall,
    synth_corpus,
)
from summarykit.model import Document
from summarykit.reuse.detect import find_reuse

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "gold" / "reuse" / "seed.json"


@pytest.fixture(scope="module")
def seed():
    corpus, cases = seed_gold(GOLD)
    report = find_reuse(corpus, n_jobs=1, progress=False)
    return corpus, cases, report


def _dets(report):
    return [
        Case(m.doc_a, m.start_a, m.end_a, m.doc_b, m.start_b, m.end_b, m.kind) for m in report.matches
    ]


def test_seed_every_gold_passage_found_with_its_kind(seed):
    _corpus, cases, report = seed
    dets = _dets(report)
    scores = pan_scores(cases, dets)
    assert scores["cases_found"] == len(cases) == 5
    assert scores["kind_accuracy"] == 1.0
    assert scores["plagdet"] >= 0.85 and scores["granularity"] <= 1.1
    assert scores["precision"] >= 0.95


def test_seed_spun_copy_of_pian6_in_pian2(seed):
    corpus, _cases, report = seed
    p2, p6 = corpus["000_13ecb70c73c97d6a/篇2"], corpus["000_13ecb70c73c97d6a/篇6"]
    spun = [m for m in report.matches if {m.doc_a, m.doc_b} == {p2.id, p6.id} and m.kind == "spun"]
    assert len(spun) == 1
    m = spun[0]
    # direction from the spinner's words: 篇6 is the source, 篇2 the copy
    assert (m.doc_a, m.doc_b) == (p6.id, p2.id)
    subs = {(s.source, s.target): s.count for s in m.substitutions}
    assert subs == {("积极", "用心"): 2, ("能力", "潜力"): 1}
    assert p2.text[m.start_b : m.end_b].startswith("着力加强自身建设")
    assert "议事潜力强" in p2.text[m.start_b : m.end_b]
    assert "议事能力强" in p6.text[m.start_a : m.end_a]


def test_seed_document_figures(seed):
    _corpus, _cases, report = seed
    d2 = report.document("000_13ecb70c73c97d6a/篇2")
    assert 0.18 <= d2.copy_ratio <= 0.30
    assert d2.max_source == "000_13ecb70c73c97d6a/篇6"
    spin = sorted(report.documents, key=lambda d: -(d.spin_score or 0))
    assert {d.id.split("/")[-1] for d in spin[:3]} == {"篇2", "篇5", "篇11"}
    for d in report.documents:
        assert 0 <= d.copy_ratio <= 1 and 0 <= d.boilerplate_ratio <= 1
    no_copy = {"篇3", "篇7", "篇9", "篇10", "篇11", "篇12", "篇13", "篇14"}
    assert all(d.copy_ratio == 0 for d in report.documents if d.id.split("/")[-1] in no_copy)
    # the compilation's title line is template text, shared by all 14
    assert any("社区妇联工作总结汇报" in b.text and b.doc_count >= 10 for b in report.boilerplate)


def test_json_contract(seed):
    _corpus, _cases, report = seed
    d = json.loads(report.to_json())
    assert set(d) == {"documents", "matches", "boilerplate", "params"}
    doc_keys = {"id", "title", "source", "source_start", "removed", "copy_ratio", "max_source_ratio",
                "max_source", "boilerplate_ratio", "spin_score", "spin_evidence", "residue"}  # fmt: skip
    assert doc_keys <= set(d["documents"][0])
    m = d["matches"][0]
    assert {"doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "kind", "score", "substitutions"} <= set(m)
    assert {"text", "doc_count", "docs"} <= set(d["boilerplate"][0])
    p = d["params"]
    assert p["method"] == "exact" and p["min_chars"] == 30 and "seed" in p and "chance" in p


def test_spans_slice_and_frames(seed):
    corpus, _cases, report = seed
    for m in report.matches:
        a, b = corpus[m.doc_a].text, corpus[m.doc_b].text
        assert 0 <= m.start_a < m.end_a <= len(a) and 0 <= m.start_b < m.end_b <= len(b)
        assert m.end_a - m.start_a >= 30 and m.end_b - m.start_b >= 30
    mf = report.matches_frame()
    assert list(mf.columns)[:8] == ["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "kind", "score"]
    assert len(mf) == len(report.matches)
    df = report.documents_frame()
    assert df.loc["000_13ecb70c73c97d6a/篇2", "copy_ratio"] == pytest.approx(
        report.document("000_13ecb70c73c97d6a/篇2").copy_ratio
    )
    assert "<" in report._repr_html_()


def test_deterministic_and_same_with_workers(seed):
    corpus, _cases, report = seed
    again = find_reuse(corpus, n_jobs=2, progress=False, method="index")
    once_more = find_reuse(corpus, n_jobs=1, progress=False, method="index")
    strip = lambda r: {k: v for k, v in r.to_dict().items() if k != "params"}
    assert strip(again) == strip(once_more)
    assert [m.to_dict() for m in find_reuse(corpus, n_jobs=1).matches] == [m.to_dict() for m in report.matches]


def test_min_chars_and_bad_input(seed):
    corpus, _cases, _report = seed
    r = find_reuse(corpus, n_jobs=1, min_chars=120)
    assert all(min(m.end_a - m.start_a, m.end_b - m.start_b) >= 120 for m in r.matches)
    assert 1 <= len(r.matches) < 5
    with pytest.raises(TypeError, match="Corpus or a sequence of Documents"):
        find_reuse("一段文字")
    with pytest.raises(TypeError, match="expects Documents"):
        find_reuse(["a", "b"])
    with pytest.raises(ValueError, match="min_chars"):
        find_reuse(corpus, min_chars=0)
    with pytest.raises(TypeError, match="unknown parameter"):
        find_reuse(corpus, nonsense=1)
    assert find_reuse([]).matches == ()


def test_lazy_export():
    assert summarykit.find_reuse is find_reuse
    assert "find_reuse" in summarykit.__all__


@pytest.fixture(scope="module")
def synth200():
    corpus, cases, truth = synth_corpus(200, seed=3)
    report = find_reuse(corpus, n_jobs=2, progress=False)
    return corpus, cases, truth, report


def test_generated_corpus_floors(synth200):
    """The issue's bars on a 200-report generated corpus (the 1,000 and 10,000 ones are
    measured by bench/bench_reuse.py). Measured: P 1.000 R 0.985 G 1.000 plagdet 0.992,
    spun 0.963, spun with unseen tables 0.998, kind accuracy 0.962."""
    _corpus, cases, _truth, report = synth200
    assert report.params["method"] == "index"
    s = pan_scores(cases, _dets(report))
    assert s["plagdet"] >= 0.97
    assert s["precision"] >= 0.99
    assert precision_long(_dets(report), s) >= 0.95
    assert s["granularity"] <= 1.05
    assert s["recall_by_kind"]["verbatim"] >= 0.95
    assert s["recall_by_kind"]["spun"] >= 0.93
    assert spun_unseen_recall(cases, s) >= 0.95
    assert s["kind_accuracy"] >= 0.93


def test_generated_corpus_learns_unseen_spinner_pairs(synth200):
    _corpus, _cases, truth, report = synth200
    unseen = {
        frozenset((s["from"], s["to"]))
        for p in truth["passages"]
        if p["kind"] == "spun" and p["table_seen"] is False
        for s in p["substitutions"]
    }
    learned = {frozenset(x.split("/")) for x in report.params["learned_pairs"]}
    assert len(learned & unseen) >= 5
    # substitutions reported on spun matches are mostly true table pairs
    reported = [
        frozenset((s.source, s.target)) for m in report.matches if m.kind == "spun" for s in m.substitutions
    ]
    truth_pairs = {
        frozenset((s["from"], s["to"])) for p in truth["passages"] for s in p["substitutions"]
    }
    assert reported and sum(r in truth_pairs for r in reported) / len(reported) >= 0.8


def test_cli_reuse(tmp_path, capsys):
    from summarykit.cli import main

    out = tmp_path / "r.json"
    html = tmp_path / "r.html"
    seed_file = ROOT / "corpora" / "seed" / "000_13ecb70c73c97d6a.txt"
    assert main(["reuse", str(seed_file), "--format", "json", "-o", str(out), "--html", str(html), "--n-jobs", "1"]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert len(d["matches"]) == 5
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert main(["reuse", str(seed_file), "--min-chars", "0"]) == 2
    assert main(["reuse", str(seed_file), "--n-jobs", "1"]) == 0
    assert "spun" in capsys.readouterr().out


_docs = st.lists(
    st.text(alphabet=st.sampled_from(list("社区妇联积极开展工作用心创建建立，。、\n 12ab（）國")), max_size=120),
    min_size=0,
    max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_docs, st.sampled_from(["exact", "index"]))
def test_never_raises_and_spans_slice(texts, method):
    shared = "吸收思想政治素质高、议事能力强、热心公益事业的离退休干部组成社区妇联执委。"
    docs = [Document(id=f"d{i}", text=(t + shared if i % 2 else t)) for i, t in enumerate(texts)]
    r = find_reuse(docs, n_jobs=1, method=method, min_chars=10)
    by_id = {d.id: d for d in docs}
    for m in r.matches:
        assert 0 <= m.start_a < m.end_a <= len(by_id[m.doc_a].text)
        assert 0 <= m.start_b < m.end_b <= len(by_id[m.doc_b].text)
        assert m.kind in ("verbatim", "near", "spun") and 0 <= m.score <= 1
    for d in r.documents:
        assert 0 <= d.copy_ratio <= 1 and 0 <= d.boilerplate_ratio <= 1
