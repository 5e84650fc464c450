"""The synthetic reuse-corpus generator (scripts/make_synth.py): truth, offsets, tables."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

import summarykit
from summarykit.resources import load_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import itertools

import make_synth


@pytest.fixture(scope="module")
def corpus():
    return make_synth.make_corpus(300, seed=5)


def _table(name: str) -> set[tuple[str, str]]:
    return set(make_synth.load_table(name).items())


def test_shipped_lexicon_holds_seen_tables_and_no_unseen_pair():
    shipped = set(load_table("spin_pairs.tsv", columns=2))
    for name in make_synth.SEEN_TABLES:
        assert _table(name) <= shipped, name
    for name in make_synth.UNSEEN_TABLES:
        assert not (_table(name) & shipped), (name, _table(name) & shipped)
    assert len(make_synth.UNSEEN_TABLES) >= 3 and len(make_synth.SEEN_TABLES) >= 2


def test_deterministic_and_sized(corpus):
    docs, truth = corpus
    again_docs, again_truth = make_synth.make_corpus(300, seed=5)
    assert docs == again_docs
    assert (
        truth["passages"] == again_truth["passages"]
        and truth["boilerplate"] == again_truth["boilerplate"]
    )
    assert len(docs) == 300 and len({d for d, _ in docs}) == 300
    assert make_synth.make_corpus(300, seed=6)[0] != docs
    assert len(truth["passages"]) == 120


def test_passages_slice_and_match_their_obfuscation(corpus):
    docs, truth = corpus
    text = dict(docs)
    seen_obf, spans = set(), {}
    for p in truth["passages"]:
        a = text[p["doc_a"]][p["start_a"] : p["end_a"]]
        b = text[p["doc_b"]][p["start_b"] : p["end_b"]]
        assert len(a) >= 30 and len(b) >= 30 and p["doc_a"] != p["doc_b"]
        seen_obf.add(p["obfuscation"])
        if p["obfuscation"] == "verbatim":
            assert a == b and p["kind"] == "verbatim"
        elif p["obfuscation"] == "folded":
            assert a != b and unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)
            assert p["kind"] == "verbatim"
        elif p["obfuscation"] == "reorder":
            sa, sb = a.split("。"), b.split("。")
            assert sorted(sa) == sorted(sb) and sa != sb and p["kind"] == "near"
        elif p["obfuscation"] == "edit":
            assert a != b and p["edits"] >= 1 and p["kind"] == "near"
        else:
            assert (
                p["kind"] == "spun"
                and p["table"]
                and sum(s["count"] for s in p["substitutions"]) >= 2
            )
            for s in p["substitutions"]:
                assert (s["from"], s["to"]) in _table(p["table"])
                assert s["from"] in a and s["to"] in b
            assert p["table_seen"] == (p["table"] in make_synth.SEEN_TABLES)
        for side in "ab":
            spans.setdefault(p[f"doc_{side}"], []).append((p[f"start_{side}"], p[f"end_{side}"]))
    assert seen_obf == {"verbatim", "folded", "edit", "reorder", "spun"}
    for doc_id, ss in spans.items():  # passages of one document never overlap
        ss.sort()
        assert all(x[1] <= y[0] for x, y in itertools.pairwise(ss)), doc_id
    assert {p["table"] for p in truth["passages"] if p["kind"] == "spun"} & set(
        make_synth.UNSEEN_TABLES
    )
    assert any(p["adjacent_to"] is not None for p in truth["passages"])


def test_truth_is_complete_no_unplanted_shared_runs(corpus):
    docs, truth = corpus
    assert make_synth.unexplained_overlaps(docs, truth) == []


def test_boilerplate_is_shared_widely_and_never_inside_a_passage(corpus):
    docs, truth = corpus
    text = dict(docs)
    counts = {t["id"]: t["doc_count"] for t in truth["templates"]}
    assert min(counts.values()) >= 10  # 10-40 % of 300 documents, not a 2-3 document copy
    for bp in truth["boilerplate"]:
        assert bp["end"] - bp["start"] >= 10 and text[bp["doc"]][bp["start"] : bp["end"]].strip()
    inside = {(p["doc_a"], p["start_a"], p["end_a"]) for p in truth["passages"]} | {
        (p["doc_b"], p["start_b"], p["end_b"]) for p in truth["passages"]
    }
    for bp in truth["boilerplate"]:
        for d, s, e in inside:
            assert d != bp["doc"] or e <= bp["start"] or bp["end"] <= s


def test_ingest_leaves_text_unchanged_so_offsets_hold(corpus, tmp_path):
    docs, _truth = corpus
    assert make_synth.check_ingest(docs) == []
    sub = docs[:40]
    loaded = summarykit.load(sub, stages=())
    assert [(d.id, d.text) for d in loaded] == sub
    out = tmp_path / "synth"
    d2, t2 = make_synth.make_corpus(40, seed=9, out=out)
    assert (
        json.loads((out / "truth.json").read_text(encoding="utf-8"))["passages"] == t2["passages"]
    )
    from_files = summarykit.load(out, stages=(), progress=False)
    assert [(d.id, d.text, d.removed) for d in from_files] == [(i, t, ()) for i, t in d2]
